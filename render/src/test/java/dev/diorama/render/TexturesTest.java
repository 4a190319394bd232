package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Solid textures and image lookups: the properties their definitions promise. */
class TexturesTest {
    @Test
    void gradientNoiseIsZeroOnTheLatticeBoundedAndSmooth() {
        double max = 0;
        for (int i = -5; i <= 5; i++) {
            for (int j = -5; j <= 5; j++) assertEquals(0, SolidTexture.noise(i, j, i + 2 * j), 1e-12);
        }
        for (int k = 0; k < 20000; k++) {
            double x = Surfaces.unit(k) * 50 - 25, y = Surfaces.unit(k + 1_000_000) * 50, z = Surfaces.unit(k + 2_000_000) * 50;
            double n = SolidTexture.noise(x, y, z);
            max = Math.max(max, Math.abs(n));
            // Continuity: a step of 1e-6 changes it by at most the largest gradient (about 2) times the step.
            assertTrue(Math.abs(SolidTexture.noise(x + 1e-6, y, z) - n) < 3e-6);
        }
        assertTrue(max <= 1.05 && max > 0.5, "range " + max);
        // Value noise equals its lattice values at the lattice and stays inside their range.
        assertTrue(Math.abs(SolidTexture.valueNoise(3, 4, 5)) <= 1);
        assertNotEquals(SolidTexture.valueNoise(3, 4, 5), SolidTexture.valueNoise(3, 4, 6));
    }

    @Test
    void aCheckerAlternatesEveryCell() {
        double s = SolidTexture.CHECKER_SIZE;
        assertTrue(SolidTexture.checker(0.5 * s, 0.5 * s, 0.5 * s, s));
        assertTrue(!SolidTexture.checker(1.5 * s, 0.5 * s, 0.5 * s, s));
        assertTrue(!SolidTexture.checker(-0.5 * s, 0.5 * s, 0.5 * s, s));
        assertTrue(SolidTexture.checker(1.5 * s, 1.5 * s, 0.5 * s, s));
    }

    @Test
    void woodRingsRepeatAtTheirSpacingAcrossTheGrain() {
        // Along a radius from the pith (offset (-0.07, -0.11) in the cross-section), the late-wood
        // darkening comes back every RING_SPACING, give or take the wobble.
        int dark = 0, samples = 4000;
        double length = 0.3, lastDark = Double.NaN;
        int rings = 0;
        for (int k = 0; k < samples; k++) {
            double r = 0.02 + length * k / samples;
            double g = SolidTexture.exponent(SolidTexture.WOOD, r - 0.07, 0.05, -0.11, 1, 0);
            boolean isDark = g > 1.5;
            if (isDark) dark++;
            if (isDark && (Double.isNaN(lastDark) || r - lastDark > SolidTexture.RING_SPACING / 2)) rings++;
            if (isDark) lastDark = r;
        }
        assertEquals(length / SolidTexture.RING_SPACING, rings, 2.5, "rings over " + length + " m");
        assertTrue(dark > samples / 10 && dark < samples / 2, "late wood is a band of each ring: " + dark);
        // Seen from afar, rings finer than a pixel fade to their mean: no aliasing.
        double far = SolidTexture.exponent(SolidTexture.WOOD, 0.1, 0.05, 0.1, 1, 0.05);
        assertEquals(0.95 + 0.85 * 0.2, far, 1e-9);
    }

    @Test
    void imagesAreLookedUpBilinearlyAndWrapAcross() {
        // Two pixels across, 0 and 1: midway between their centres is 0.5; the seam wraps.
        ImageTexture t = new ImageTexture(2, 1, new float[] {0, 0, 0, 1, 1, 1});
        double[] out = new double[3];
        t.sample(0.5, 0.5, out, 0);
        assertEquals(0.5, out[0], 1e-12);
        t.sample(0.25, 0.5, out, 0);
        assertEquals(0, out[0], 1e-12);
        t.sample(0.625, 0.5, out, 0);
        assertEquals(0.75, out[0], 1e-12);
        t.sample(0.0, 0.5, out, 0);  // on the seam, between the last pixel and the first
        assertEquals(0.5, out[0], 1e-12);
    }
}
