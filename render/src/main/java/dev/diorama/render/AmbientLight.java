package dev.diorama.render;

/**
 * The light that reaches a surface from everywhere but the key light (sky, ground, room), as
 * irradiance by normal direction.
 *
 * <p>Irradiance is the environment's radiance convolved with a clamped cosine, a low-pass filter so
 * strong that nine spherical-harmonic coefficients per band reproduce it to a few percent
 * (Ramamoorthi and Hanrahan 2001): project the radiance on the harmonics up to order 2 once, then
 * E(n) = sum over l, m of A_l L_lm Y_lm(n), with A_0 = pi, A_1 = 2 pi / 3, A_2 = pi / 4. The
 * projection is done once per scene, or once per frame when the sun moves (a time-lapse: see
 * {@link #projectOverGround}); the evaluation is a quadratic polynomial in the normal, cheap enough
 * for every shading point.
 */
final class AmbientLight {
    /** Radiance of the environment in a unit direction, into out[0..2]. */
    interface Environment {
        void radiance(double x, double y, double z, double[] out);
    }

    /** Per band, the nine premultiplied coefficients of the polynomial in (x, y, z). */
    private final double[] coefficients = new double[27];

    private AmbientLight() {}

    /** An environment of the same radiance in every direction: E = pi L whatever the normal. */
    static AmbientLight uniform(double r, double g, double b) {
        AmbientLight a = new AmbientLight();
        a.coefficients[0] = Math.PI * r;
        a.coefficients[9] = Math.PI * g;
        a.coefficients[18] = Math.PI * b;
        return a;
    }

    /**
     * Projects {@code environment} by midpoint quadrature over the sphere in (z, phi) cells of equal
     * solid angle; fine enough for the smooth sky (the sun's disk is not part of it: it is the key
     * light, shaded with shadows).
     */
    static AmbientLight project(Environment environment) {
        int nZ = 64, nPhi = 128;
        double cell = 4 * Math.PI / (nZ * nPhi);
        double[] l = new double[3], lm = new double[27];
        for (int i = 0; i < nZ; i++) {
            double y = 1 - 2 * (i + 0.5) / nZ, s = Math.sqrt(1 - y * y);
            for (int j = 0; j < nPhi; j++) {
                double phi = (j + 0.5) * 2 * Math.PI / nPhi;
                double x = s * Math.cos(phi), z = s * Math.sin(phi);
                environment.radiance(x, y, z, l);
                double[] basis = basis(x, y, z);
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < 9; k++) lm[c * 9 + k] += l[c] * basis[k] * cell;
                }
            }
        }
        return finish(lm);
    }

    /**
     * Two projections in one: of {@code sky} above the horizon with nothing below ({@code [0]}), and
     * of the same sky above a uniform ground below ({@code [1]}) whose radiance {@code ground} computes
     * from the first (the ground reflects the sky). The quadrature visits the upper rows first, so
     * both share that part of the sum, and the sky is looked up once per direction instead of twice:
     * the numbers are those of two calls of {@link #project}, at half the cost (every frame of a
     * time-lapse pays it).
     */
    static AmbientLight[] projectOverGround(Environment sky, java.util.function.Function<AmbientLight, double[]> ground) {
        int nZ = 64, nPhi = 128;
        double cell = 4 * Math.PI / (nZ * nPhi);
        double[] l = new double[3], lm = new double[27], basis = new double[9];
        int i = 0;
        for (; i < nZ; i++) {
            double y = 1 - 2 * (i + 0.5) / nZ, s = Math.sqrt(1 - y * y);
            if (!(y > 0)) break;
            for (int j = 0; j < nPhi; j++) {
                double phi = (j + 0.5) * 2 * Math.PI / nPhi;
                double x = s * Math.cos(phi), z = s * Math.sin(phi);
                sky.radiance(x, y, z, l);
                basis(x, y, z, basis);
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < 9; k++) lm[c * 9 + k] += l[c] * basis[k] * cell;
                }
            }
        }
        AmbientLight above = finish(lm.clone());
        double[] g = ground.apply(above);
        for (; i < nZ; i++) {
            double y = 1 - 2 * (i + 0.5) / nZ, s = Math.sqrt(1 - y * y);
            for (int j = 0; j < nPhi; j++) {
                double phi = (j + 0.5) * 2 * Math.PI / nPhi;
                basis(s * Math.cos(phi), y, s * Math.sin(phi), basis);
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < 9; k++) lm[c * 9 + k] += g[c] * basis[k] * cell;
                }
            }
        }
        return new AmbientLight[] {above, finish(lm)};
    }

    /** Folds A_l and the basis constants into the polynomial's coefficients. */
    private static AmbientLight finish(double[] lm) {
        double[] a = {Math.PI, 2 * Math.PI / 3, 2 * Math.PI / 3, 2 * Math.PI / 3,
                      Math.PI / 4, Math.PI / 4, Math.PI / 4, Math.PI / 4, Math.PI / 4};
        double[] k = {0.282095, 0.488603, 0.488603, 0.488603, 1.092548, 1.092548, 0.315392, 1.092548, 0.546274};
        AmbientLight result = new AmbientLight();
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 9; j++) result.coefficients[c * 9 + j] = lm[c * 9 + j] * a[j] * k[j];
        }
        return result;
    }

    /** {@link #basis(double, double, double)} into {@code out}. */
    static void basis(double x, double y, double z, double[] out) {
        out[0] = 0.282095;
        out[1] = 0.488603 * y;
        out[2] = 0.488603 * z;
        out[3] = 0.488603 * x;
        out[4] = 1.092548 * x * y;
        out[5] = 1.092548 * y * z;
        out[6] = 0.315392 * (3 * z * z - 1);
        out[7] = 1.092548 * x * z;
        out[8] = 0.546274 * (x * x - y * y);
    }

    /**
     * The real harmonics up to order 2 at a unit direction, in the order 1, y, z, x, xy, yz,
     * (3z^2 - 1), xz, (x^2 - y^2), with y up: any fixed axis convention works since the projection
     * and the evaluation use the same one.
     */
    static double[] basis(double x, double y, double z) {
        return new double[] {0.282095, 0.488603 * y, 0.488603 * z, 0.488603 * x, 1.092548 * x * y,
                             1.092548 * y * z, 0.315392 * (3 * z * z - 1), 1.092548 * x * z,
                             0.546274 * (x * x - y * y)};
    }

    /** Irradiance on a surface with unit normal n, per band, into out[off..off+2] (never negative). */
    void irradiance(double x, double y, double z, double[] out, int off) {
        double xy = x * y, yz = y * z, zz = 3 * z * z - 1, xz = x * z, xxyy = x * x - y * y;
        double[] k = coefficients;
        for (int c = 0, b = 0; c < 3; c++, b += 9) {
            double e = k[b] + k[b + 1] * y + k[b + 2] * z + k[b + 3] * x + k[b + 4] * xy + k[b + 5] * yz
                    + k[b + 6] * zz + k[b + 7] * xz + k[b + 8] * xxyy;
            out[off + c] = e > 0 ? e : 0;
        }
    }
}
