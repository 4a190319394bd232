package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** The SIMD kernels give the reference's results to the last bit. */
class KernelsTest {
    @Test
    void theTestsRunTheVectorKernels() {
        assertInstanceOf(VectorKernels.class, Kernels.best(), "surefire starts the JVM with jdk.incubator.vector");
    }

    @Test
    void vectorToneMappingEqualsTheScalarReferenceBitForBit() {
        int n = 10_007;  // not a multiple of any vector length: the tail is exercised
        double[] r = new double[n], g = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            // Radiances from black through the toe, the shoulder and the burn to white, some negative.
            double scale = Math.pow(10, 6 * Surfaces.unit(i) - 4);
            r[i] = scale * (Surfaces.unit(3L * i + 1) - 0.05);
            g[i] = scale * Surfaces.unit(3L * i + 2);
            b[i] = i % 97 == 0 ? 0 : scale * Surfaces.unit(3L * i + 3);
            if (i % 101 == 0) r[i] = g[i] = b[i] = 0;
        }
        for (double exposure : new double[] {0.7, 3.1, 2e5}) {
            double[][] s = run(new ScalarKernels(), exposure, r, g, b), v = run(VectorKernels.create(), exposure, r, g, b);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToRawLongBits(s[c][i]), Double.doubleToRawLongBits(v[c][i]),
                            "band " + c + ", colour " + i + ": " + s[c][i] + " vs " + v[c][i]);
                }
            }
            // And the reference is ToneMap itself.
            double[] one = new double[3];
            new ToneMap(exposure).film(r[5], g[5], b[5], one);
            assertEquals(one[1], s[1][5], 0);
        }
    }

    private static double[][] run(Kernels k, double exposure, double[] r, double[] g, double[] b) {
        int n = r.length;
        double[][] out = new double[3][n];
        k.film(exposure, r, g, b, n, out[0], out[1], out[2]);
        return out;
    }
}
