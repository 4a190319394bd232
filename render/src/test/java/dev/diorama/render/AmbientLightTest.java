package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Irradiance from spherical harmonics against direct integration. */
class AmbientLightTest {
    /** Brute-force irradiance: the integral of L(w) max(0, n . w) over the sphere. */
    private static double[] integrate(AmbientLight.Environment env, double nx, double ny, double nz) {
        int n = 400;
        double[] e = new double[3], l = new double[3];
        double cell = 4 * Math.PI / (n * 2 * n);
        for (int i = 0; i < n; i++) {
            double y = 1 - 2 * (i + 0.5) / n, s = Math.sqrt(1 - y * y);
            for (int j = 0; j < 2 * n; j++) {
                double phi = (j + 0.5) * Math.PI / n, x = s * Math.cos(phi), z = s * Math.sin(phi);
                double cos = x * nx + y * ny + z * nz;
                if (cos <= 0) continue;
                env.radiance(x, y, z, l);
                for (int c = 0; c < 3; c++) e[c] += l[c] * cos * cell;
            }
        }
        return e;
    }

    @Test
    void furnace() {
        // In a uniform environment of radiance L every surface receives pi L, whatever its normal.
        AmbientLight uniform = AmbientLight.uniform(0.3, 0.5, 0.7);
        AmbientLight projected = AmbientLight.project((x, y, z, out) -> { out[0] = 0.3; out[1] = 0.5; out[2] = 0.7; });
        double[] e = new double[3];
        for (double[] n : new double[][] {{0, 1, 0}, {1, 0, 0}, {0, -1, 0}, {0.6, 0, 0.8}}) {
            uniform.irradiance(n[0], n[1], n[2], e, 0);
            assertEquals(Math.PI * 0.5, e[1], 1e-12);
            projected.irradiance(n[0], n[1], n[2], e, 0);
            assertEquals(Math.PI * 0.3, e[0], 1e-3);
            assertEquals(Math.PI * 0.7, e[2], 1e-3);
        }
    }

    @Test
    void skyAboveDarkGroundMatchesDirectIntegrationWithinAFewPercent() {
        Sky sky = new Sky(35, 0.5, Math.sin(Math.toRadians(35)), 0.6);
        AmbientLight.Environment env = (x, y, z, out) -> {
            if (y > 0) sky.radiance(x, y, z, out, 0);
            else { out[0] = 0.02; out[1] = 0.02; out[2] = 0.02; }
        };
        AmbientLight sh = AmbientLight.project(env);
        double[] e = new double[3];
        for (double[] n : new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}, {0.5, 0.5, 0.7071}}) {
            double[] exact = integrate(env, n[0], n[1], n[2]);
            sh.irradiance(n[0], n[1], n[2], e, 0);
            for (int c = 0; c < 3; c++) {
                assertEquals(exact[c], e[c], 0.08 * exact[c], "normal " + java.util.Arrays.toString(n) + " band " + c);
            }
        }
    }
}
