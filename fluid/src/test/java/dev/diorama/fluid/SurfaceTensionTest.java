package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Surface tension against nature's number, not against the solver's own formula: a free drop of
 * water (no gravity) set oscillating in its l = 2 mode rings at Rayleigh's (1879) period,
 * omega^2 = l (l - 1) (l + 2) sigma / (rho R^3) = 8 sigma / (rho R^3). The drop is settled round
 * first, then given the mode's potential flow v = A (-x/2, -y/2, z), amplitude A = 0.1 omega (a 10 %
 * deformation). Its quadrupole moment sum (z^2 - (x^2 + y^2)/2) is read every step; the period is
 * the time from its first maximum to its next (the third turning point).
 *
 * <p>The period is timed from the turning points, not from the zero crossings, because the model's
 * drop does not come back round: it rings about a deformation that it keeps and lets go of only
 * slowly (about a quarter of the first swing after a period and a half; the particles' packing
 * yields like a soft solid, fluid/README.md, Known gaps 3), so the moment need not cross zero.
 *
 * <p>The solver runs with the surface tension scaled by FluidSolver.RAYLEIGH_SCALE (0.19), a factor
 * measured once on the drop of 8 spacings (the derived gamma alone rings it at 0.442 of Rayleigh's
 * period: 5.1 times water's sigma); these drops, of 6 and 10 spacings at d = 1 mm (R = 6 and 10 mm;
 * Rayleigh's periods 0.120 and 0.258 s), were not used for it, so the test checks that the model's
 * surface tension with that factor scales as nature's with the drop's size. Scenes run with the
 * derived gamma (FluidSolver.RAYLEIGH_SCALE says why). Tolerance 15 % of the period: the drop's radius is
 * known to about d/2 at this resolution (the SPH surface is a layer ~h thick), 1/12 of R at 6
 * spacings, ~12 % of omega^2 and ~6 % of the period; the period scatters by several per cent with
 * the set-up (0.98-1.04 of Rayleigh's over amplitudes 0.05-0.2 at 8 spacings). A 10 % amplitude
 * shifts Rayleigh's frequency by under 1 % (Tsamopoulos and Brown 1983); water's viscosity damps at
 * 5 nu / R^2, under 0.2 /s, nothing over a period; the turning points are timed to a step
 * (0.3-0.5 ms, under 0.5 %). ~6 s for both.
 */
class SurfaceTensionTest {
    /**
     * Rayleigh period and measured period (s) of a drop of radius R = rd spacings of d, the mode's
     * amplitude eps, gamma scaled by {@code scale}; NaN if it did not ring.
     */
    static double[] dropPeriods(Liquid liquid, double d, double rd, double eps, double scale) {
        double radius = rd * d, l = 3 * radius;
        FluidSolver.Settings s = new FluidSolver.Settings(d, liquid, new double[] {0, 0, 0}, new double[] {-l, -l, -l},
                new double[] {l, l, l}, 0.4, 0.0005, 0.001, 0.001, 100, 1, 0, scale);
        double[] pos;
        try (FluidSolver f = new FluidSolver(s)) {
            int m = (int) Math.ceil(rd) + 1;
            for (int i = -m; i <= m; i++)
                for (int j = -m; j <= m; j++)
                    for (int k = -m; k <= m; k++)
                        if (i * i + j * j + k * k <= rd * rd) f.addParticle(i * d, j * d, k * d, 0, 0, 0);
            f.settle(0.1);
            pos = f.positions();
        }
        int n = pos.length / 3;
        double[] c = new double[3];
        for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) c[a] += pos[3 * i + a] / n;
        try (FluidSolver f = new FluidSolver(s)) {
            double req = Math.cbrt(3 * n * f.particleVolume() / (4 * Math.PI));
            double omega = Math.sqrt(8 * liquid.surfaceTension() / (liquid.density() * req * req * req));
            double amp = eps * omega;
            for (int i = 0; i < n; i++) {
                double x = pos[3 * i] - c[0], y = pos[3 * i + 1] - c[1], z = pos[3 * i + 2] - c[2];
                f.addParticle(x, y, z, -amp * x / 2, -amp * y / 2, amp * z);
            }
            // The turning points of the quadrupole moment, each at the step before it turns.
            double rayleigh = 2 * Math.PI / omega, end = 3 * rayleigh;
            List<Double> turns = new ArrayList<>();
            double q0 = 0, q1 = quadrupole(f), t1 = 0;
            int seen = 1;
            while (f.time() < end && turns.size() < 3) {
                f.step(end - f.time());
                double q = quadrupole(f);
                if (seen >= 2 && (q1 - q0) * (q - q1) < 0) turns.add(t1);
                q0 = q1;
                q1 = q;
                t1 = f.time();
                seen++;
            }
            double period = turns.size() == 3 ? turns.get(2) - turns.get(0) : Double.NaN;
            return new double[] {rayleigh, period};
        }
    }

    private static double quadrupole(FluidSolver f) {
        int n = f.size();
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++) { cx += f.x(i); cy += f.y(i); cz += f.z(i); }
        cx /= n; cy /= n; cz /= n;
        double q = 0;
        for (int i = 0; i < n; i++) {
            double x = f.x(i) - cx, y = f.y(i) - cy, z = f.z(i) - cz;
            q += z * z - (x * x + y * y) / 2;
        }
        return q / n;
    }

    @Test
    void waterDropsRingAtRayleighPeriod() {
        for (double rd : new double[] {6, 10}) {
            double[] t = dropPeriods(Liquid.WATER, 0.001, rd, 0.1, FluidSolver.RAYLEIGH_SCALE);
            System.out.printf("drop of %.0f spacings: Rayleigh period %.4f s, measured %.4f s (%.3f; sigma_eff = %.2f sigma)%n",
                    rd, t[0], t[1], t[1] / t[0], (t[0] / t[1]) * (t[0] / t[1]));
            assertTrue(Double.isFinite(t[1]), "the drop of " + rd + " spacings must ring (three turning points)");
            assertEquals(t[0], t[1], 0.15 * t[0], "period of the l = 2 oscillation of a water drop of " + rd + " spacings");
        }
    }
}
