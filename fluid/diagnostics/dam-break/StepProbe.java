package dev.diorama.fluid;

import java.util.Locale;

public class StepProbe {
    static double p(String k, double def) { return Double.parseDouble(System.getProperty(k, "" + def)); }
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        double a = p("a", 0.1), N = p("N", 20), d = a / N, slab = p("slab", 0.03);
        double cfl = p("cfl", 0.4), maxDt = p("maxdt", 0.005);
        Liquid liq = new Liquid("w", 998.2, 1e-6, p("sigma", 0), p("xsph", 0.1));
        double W = p("W", 1);
        double[] min = {0, 0, 0}, max = {W * a, 2.5 * a, slab};
        FluidSolver.Settings s = Tanks.settings(d, min, max).withLiquid(liq).withMaxTimeStep(maxDt);
        s = new FluidSolver.Settings(s.spacing(), s.liquid(), s.gravity(), s.domainMin(), s.domainMax(), cfl, s.maxTimeStep(), s.maxDensityError(), s.maxDivergenceError(), s.maxIterations(), 1, 0);
        try (FluidSolver f = new FluidSolver(s)) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            double gap = Double.parseDouble(System.getProperty("gap", "0")) * d;
            f.addBlock(new double[] {gap, gap, gap}, new double[] {a + gap, 2 * a + gap, slab - gap}, new double[3]);
            for (int k = 0; k < (int) p("K", 30); k++) {
                f.step(1);
                double ke = 0, vmax = 0, rmax = 0, rsum = 0; int imax = 0, vi = 0;
                for (int i = 0; i < f.size(); i++) {
                    double v2 = f.vx(i) * f.vx(i) + f.vy(i) * f.vy(i) + f.vz(i) * f.vz(i);
                    ke += 0.5 * f.particleMass() * v2; if (Math.sqrt(v2) > vmax) { vmax = Math.sqrt(v2); vi = i; }
                    if (f.densityRatio(i) > rmax) { rmax = f.densityRatio(i); imax = i; }
                    rsum += f.densityRatio(i);
                }
                System.out.printf("step %d t=%.4f dt=%.2e it %d/%d err %.2e KE=%.3e vmax=%.3f at (%.4f %.4f %.4f) rho max %.4f at (%.4f %.4f %.4f) mean %.4f%n", f.steps(), f.time(), f.lastTimeStep(),
                        f.lastDivergenceIterations(), f.lastPressureIterations(), f.lastDensityError(), ke, vmax, f.x(vi), f.y(vi), f.z(vi), rmax, f.x(imax), f.y(imax), f.z(imax), rsum / f.size());
            }
        }
    }
}
