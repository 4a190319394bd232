package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A nozzle pours a known volume into a cylindrical glass; the glass fills to V / (pi R^2). */
class PourTest {
    @Test
    void aPouredGlassFillsToTheLevelThePouredVolumePredicts() {
        double d = 0.006, radius = 0.036, height = 0.12;
        double[] base = {0, 0, 0};
        double[] lo = {-0.05, -0.01, -0.05}, hi = {0.05, 0.2, 0.05};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, lo, hi))) {
            f.addStaticBoundary(BoundarySamples.glass(base, radius, height, d, f.wallOffset()));
            Nozzle jug = new Nozzle(f, new double[] {0, 0.15, 0}, new double[] {0, -1, 0}, 0.01, 0.8, 0, 0.7);
            f.addEmitter(jug);
            f.advanceTo(1.6);
            double predicted = jug.emittedVolume() / (Math.PI * radius * radius);
            double level = Tanks.level(f, (x, z) -> x * x + z * z < 0.6 * radius * 0.6 * radius) - base[1];
            System.out.printf("pour: %d particles, %.1f ml poured, predicted level %.4f m, measured %.4f m%n", f.size(),
                    jug.emittedVolume() * 1e6, predicted, level);
            assertEquals(predicted, level, 0.05 * predicted);
        }
    }
}
