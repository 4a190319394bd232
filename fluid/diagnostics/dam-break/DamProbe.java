package dev.diorama.fluid;

import java.util.Locale;

/** Scratch: dam break variants. Args via system properties. */
public class DamProbe {
    static final class Gate implements RigidBodies {
        double x, y, z, vy;
        Gate(double x, double y, double z) { this.x = x; this.y = y; this.z = z; }
        public int count() { return 1; }
        public void state(int b, double[] o) {
            java.util.Arrays.fill(o, 0);
            o[0] = x; o[1] = y; o[2] = z; o[6] = 1; o[8] = vy;
        }
        public void advance(double dt, double[] w) { y += vy * dt; }
    }
    static double p(String k, double def) { return Double.parseDouble(System.getProperty(k, "" + def)); }
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        double a = p("a", 0.1), N = p("N", 20), d = a / N;
        double slab = p("slab", 0.03);
        double sigma = p("sigma", Liquid.WATER.surfaceTension());
        double xsph = p("xsph", Liquid.WATER.xsph());
        double nu = p("nu", Liquid.WATER.kinematicViscosity());
        double settle = p("settle", 0);
        double tEnd = p("T", 2.83);
        int threads = (int) p("threads", 1);
        double cfl = p("cfl", 0.4);
        double maxDt = p("maxdt", 0.005);
        double err = p("err", 0.001);
        Liquid liq = new Liquid("w", 998.2, nu, sigma, xsph);
        double g = p("gap", 0) * d;
        double[] min = {-g, -g, -g}, max = {5 * a, 3 * a, slab + g};
        double settleDt = p("settledt", maxDt);
        FluidSolver.Settings s = Tanks.settings(d, min, max).withLiquid(liq).withThreads(threads).withMaxTimeStep(Math.max(maxDt, settleDt));
        s = new FluidSolver.Settings(s.spacing(), s.liquid(), s.gravity(), s.domainMin(), s.domainMax(), cfl, s.maxTimeStep(), err, err, s.maxIterations(), s.threads(), s.seed());
        long t0 = System.nanoTime();
        try (FluidSolver f = new FluidSolver(s)) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            double lift = p("lift", 0);   // gate lift speed m/s; 0 = removed instantly
            Gate gate = null;
            if (settle > 0) {
                gate = new Gate(a + g + f.wallOffset(), 1.25 * a, slab / 2);
                java.util.List<Double> pts = new java.util.ArrayList<>();
                for (double y = -f.wallOffset(); y <= 2.5 * a + 1e-9; y += d)
                    for (double z = -g - f.wallOffset(); z <= slab + g + f.wallOffset() + 1e-9; z += d) {
                        pts.add(0.0); pts.add(y - 1.25 * a); pts.add(z - slab / 2);
                    }
                double[] xyz = new double[pts.size()];
                for (int k = 0; k < xyz.length; k++) xyz[k] = pts.get(k);
                f.setRigidBodies(gate, java.util.List.of(BoundarySamples.of(xyz)));
            }
            f.addBlock(new double[3], new double[] {a, 2 * a, slab}, new double[3]);
            if (settle > 0) {
                if (p("ramp", 0) > 0) {
                    f.settle(p("rampA", 0.2));   // coarse steps (the solver's cap, settledt)
                    double fine = p("fineDt", maxDt), left = settle - p("rampA", 0.2);
                    while (left > 1e-12) { double s1 = Math.min(fine, left); f.settle(s1); left -= s1; }
                } else f.settle(settle);
                if (lift > 0) gate.vy = lift; else gate.y = 100;
                double lvl = Tanks.level(f, (x, z) -> x > 2 * d && x < a - 2 * d);
                double rmax = 0; for (int i = 0; i < f.size(); i++) rmax = Math.max(rmax, f.densityRatio(i));
                double vmax = 0; for (int i = 0; i < f.size(); i++) vmax = Math.max(vmax, Math.hypot(f.vx(i), Math.hypot(f.vy(i), f.vz(i))));
                System.out.printf("settled %.2f s: level %.4f (2a = %.4f) max rho %.4f max speed %.4f%n", settle, lvl, 2 * a, rmax, vmax);
            }
            System.out.printf("n=%d d=%.4f slab=%.3f sigma=%.4f xsph=%.3f nu=%.2e cfl=%.2f%n", f.size(), d, slab, sigma, xsph, nu, cfl);
            double ts = Math.sqrt(a / (2 * 9.81));
            double[] T = {0.1, 0.2, 0.3, 0.41, 0.5, 0.6, 0.7, 0.84, 1.0, 1.19, 1.43, 1.63, 1.83, 1.98, 2.2, 2.32, 2.51, 2.65, 2.83};
            double[] ref = {0, 0, 0, 1.11, 0, 0, 0, 1.22, 0, 1.44, 1.67, 1.89, 2.11, 2.33, 2.56, 2.78, 3.0, 3.22, 3.44};
            for (int q = 0; q < T.length && T[q] <= tEnd + 1e-9; q++) {
                double target = T[q] * ts;
                while (f.time() < target - 1e-12) f.step(Math.min(maxDt, target - f.time()));
                double front8 = 0, frontAll = 0, frontFloor = 0, h0 = 0;
                for (int i = 0; i < f.size(); i++) {
                    if (f.liquidNeighbourCount(i) >= 8) front8 = Math.max(front8, f.x(i));
                    frontAll = Math.max(frontAll, f.x(i));
                    if (f.y(i) < 2 * d && f.liquidNeighbourCount(i) >= 8) frontFloor = Math.max(frontFloor, f.x(i));
                    if (f.x(i) < 2 * d && f.liquidNeighbourCount(i) >= 8) h0 = Math.max(h0, f.y(i));
                }
                double z = (front8 + d / 2 + g) / a;
                System.out.printf("T=%.2f Z=%.3f ref=%.2f err=%+.1f%% all=%.3f floor=%.3f H=%.3f steps=%d dt=%.2e it=%d/%d wall=%.0fs%n",
                        T[q], z, ref[q], ref[q] > 0 ? 100 * (z - ref[q]) / ref[q] : 0, (frontAll + d / 2) / a, (frontFloor + d / 2) / a,
                        (h0 + d / 2) / (2 * a), f.steps(), f.lastTimeStep(), f.lastDivergenceIterations(), f.lastPressureIterations(),
                        (System.nanoTime() - t0) * 1e-9);
            }
        }
    }
}
