package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A film of water on a solid is held by its contact line (FluidSolver's holdFilms): a sheet one
 * particle thick loses its speed along the solid by at most a_r = sigma / (rho0 d^2) per second,
 * sigma d of contact line per particle of width d. So on a plate tilted by alpha it stays where
 * g sin(alpha) < a_r (Furmidge's retention: 17.3 degrees for water at d = 5 mm) and slides with
 * g sin(alpha) - a_r beyond it. Before, such a sheet slid as if on ice at g sin(alpha), and the
 * water of a knocked-over glass ran half a metre over the floor and out of the simulated region.
 * The plate is the tank's floor and the tilt is gravity's.
 */
class FilmTest {
    static final double D = 0.005;

    /** A 4 x 4 sheet of water one particle thick on the floor, gravity tilted by alpha along +x; its particles' mean x after {@code seconds}, and their count in the sheet's layer. */
    static double[] slide(double alphaDegrees, double seconds) {
        double a = Math.toRadians(alphaDegrees), g = 9.81;
        double[] min = {0, 0, 0}, max = {0.8, 0.1, 0.2};
        FluidSolver.Settings s = Tanks.settings(D, min, max);
        s = new FluidSolver.Settings(s.spacing(), s.liquid(), new double[] {g * Math.sin(a), -g * Math.cos(a), 0}, s.domainMin(), s.domainMax(),
                s.cfl(), s.maxTimeStep(), s.maxDensityError(), s.maxDivergenceError(), s.maxIterations(), s.threads(), s.seed());
        try (FluidSolver f = new FluidSolver(s)) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, D, f.wallOffset()));
            for (int i = 0; i < 4; i++)
                for (int k = 0; k < 4; k++) f.addParticle(0.1 + i * D, D / 2, 0.1 + k * D, 0, 0, 0);
            double x0 = meanX(f);
            f.advanceTo(seconds);
            int inLayer = 0;
            for (int i = 0; i < f.size(); i++) if (f.y(i) < D) inLayer++;
            return new double[] {meanX(f) - x0, inLayer};
        }
    }

    static double meanX(FluidSolver f) {
        double x = 0;
        for (int i = 0; i < f.size(); i++) x += f.x(i);
        return x / f.size();
    }

    @Test
    void aSheetOfWaterHoldsOnAPlateTiltedBelowItsRetentionAngleAndSlidesBeyondIt() {
        double ar = Liquid.WATER.surfaceTension() / (Liquid.WATER.density() * D * D);
        double critical = Math.toDegrees(Math.asin(ar / 9.81));
        double[] held = slide(10, 0.5), slid = slide(30, 0.5);
        double expected = 0.5 * (9.81 * Math.sin(Math.toRadians(30)) - ar) * 0.5 * 0.5;
        System.out.printf("film: retention %.3f m/s^2 (%.1f degrees); at 10 degrees it moved %.5f m in 0.5 s (%d of 16 in the layer);"
                + " at 30 degrees %.4f m against %.4f%n", ar, critical, held[0], (int) held[1], slid[0], expected, (int) slid[1]);
        assertEquals(16, held[1], "the sheet stays one particle thick on the plate");
        assertTrue(Math.abs(held[0]) < 0.001, "below the retention angle the sheet stays where it is: moved " + held[0] + " m");
        assertEquals(expected, slid[0], 0.1 * expected, "beyond it the sheet slides with g sin(alpha) - a_r");
    }
}
