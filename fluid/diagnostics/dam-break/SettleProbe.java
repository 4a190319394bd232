package dev.diorama.fluid;

import java.util.Locale;

/** Scratch: settle a slab column behind a gate at a given dt cap, then 0.1 s undamped with the gate kept. */
public class SettleProbe {
    static double p(String k, double def) { return Double.parseDouble(System.getProperty(k, "" + def)); }
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        double a = p("a", 0.1), N = p("N", 20), d = a / N, slab = p("slab", 0.03);
        Liquid liq = new Liquid("w", 998.2, 1e-6, p("sigma", 0.0728), 0.1);
        double[] min = {0, 0, 0}, max = {5 * a, 3 * a, slab};
        FluidSolver.Settings s = Tanks.settings(d, min, max).withLiquid(liq).withMaxTimeStep(p("maxdt", 0.00025));
        try (FluidSolver f = new FluidSolver(s)) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            DamProbe.Gate gate = new DamProbe.Gate(a + f.wallOffset(), 1.25 * a, slab / 2);
            java.util.List<Double> pts = new java.util.ArrayList<>();
            for (double y = -f.wallOffset(); y <= 2.5 * a + 1e-9; y += d)
                for (double z = -f.wallOffset(); z <= slab + f.wallOffset() + 1e-9; z += d) { pts.add(0.0); pts.add(y - 1.25 * a); pts.add(z - slab / 2); }
            double[] xyz = new double[pts.size()];
            for (int k = 0; k < xyz.length; k++) xyz[k] = pts.get(k);
            f.setRigidBodies(gate, java.util.List.of(BoundarySamples.of(xyz)));
            f.addBlock(min, new double[] {a, 2 * a, slab}, new double[3]);
            if (p("once", 0) > 0) { f.settle(0.5); report(f, "settle once"); }
            else for (int k = 1; k <= 10; k++) { f.settle(0.05); report(f, "settle " + 0.05 * k); }
            f.advanceTo(0.1);
            report(f, "0.1 s later");
        }
    }
    static double a0 = p("a", 0.1);
    static void report(FluidSolver f, String what) {
        double vmax = 0, ke = 0, top = 0, v2s = 0; int fast = 0;
        for (int i = 0; i < f.size(); i++) {
            double v2 = f.vx(i) * f.vx(i) + f.vy(i) * f.vy(i) + f.vz(i) * f.vz(i);
            vmax = Math.max(vmax, Math.sqrt(v2)); v2s += v2; if (v2 > 0.01) fast++; ke += 0.5 * f.particleMass() * v2; top = Math.max(top, f.y(i));
        }
        double rmax = 0; for (int i = 0; i < f.size(); i++) rmax = Math.max(rmax, f.densityRatio(i));
        System.out.printf("rho max %.4f n %d rms %.4f fast(>0.1) %d ", rmax, f.size(), Math.sqrt(v2s / f.size()), fast);
        System.out.printf("%s: level %.4f top particle %.4f max speed %.3f KE %.2e J steps %d%n", what,
                Tanks.level(f, (x, z) -> x > 0.1 * a0 && x < 0.9 * a0), top, vmax, ke, f.steps());
    }
}
