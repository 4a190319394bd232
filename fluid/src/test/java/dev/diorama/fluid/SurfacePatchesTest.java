package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The surface patches of the samplers describe the solid's closed surface: sum A n = 0, sum A = the
 * surface's area and (divergence theorem) sum A (n . x) / 3 = the enclosed volume, so a pressure
 * integral over them gives Archimedes' force for a linear pressure field.
 */
class SurfacePatchesTest {
    private static double[] moments(BoundarySamples s) {
        double[] m = new double[5];
        for (int q = 0; q < s.patchCount(); q++) {
            double[] p = java.util.Arrays.copyOfRange(s.patches, 7 * q, 7 * q + 7);
            m[0] += p[6] * p[3];
            m[1] += p[6] * p[4];
            m[2] += p[6] * p[5];
            m[3] += p[6];
            m[4] += p[6] * (p[0] * p[3] + p[1] * p[4] + p[2] * p[5]) / 3;
        }
        return m;
    }

    @Test
    void boxPatchesCloseAndEncloseTheBox() {
        double[] m = moments(BoundarySamples.boxSurface(0.03, 0.05, 0.02, 0.01, 0.0055));
        for (int k = 0; k < 3; k++) assertEquals(0, m[k], 1e-15);
        assertEquals(2 * (0.06 * 0.1 + 0.06 * 0.04 + 0.1 * 0.04), m[3], 1e-15);
        assertEquals(0.06 * 0.1 * 0.04, m[4], 1e-15);
    }

    @Test
    void spherePatchesCloseAndEncloseTheBall() {
        double r = 0.025;
        double[] m = moments(BoundarySamples.sphereSurface(r, 0.005, 0.0028));
        for (int k = 0; k < 3; k++) assertEquals(0, m[k], 1e-3 * 4 * Math.PI * r * r);   // Fibonacci lattice: not exactly balanced
        assertEquals(4 * Math.PI * r * r, m[3], 1e-12);
        assertEquals(4.0 / 3 * Math.PI * r * r * r, m[4], 1e-15);
    }

    @Test
    void meshPatchesOfATetrahedron() {
        // unit right tetrahedron, counter-clockwise seen from outside
        float[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        int[] t = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
        double[] m = moments(BoundarySamples.mesh(v, t, 0.1, 0));
        for (int k = 0; k < 3; k++) assertEquals(0, m[k], 1e-12);
        assertEquals(1.5 + Math.sqrt(3) / 2, m[3], 1e-9);
        assertEquals(1.0 / 6, m[4], 1e-9);
    }
}
