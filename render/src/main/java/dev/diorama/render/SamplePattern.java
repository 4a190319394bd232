package dev.diorama.render;

/**
 * The fixed sample positions the renderer uses, the same for every pixel, frame and thread, so that
 * a picture is a pure function of the scene and the keyframe and nothing flickers from frame to frame.
 *
 * <p>Sub-pixel positions for edge anti-aliasing: n-rooks patterns (one sample per row and per column
 * of an n x n grid, so a near-horizontal or near-vertical edge is resolved in n steps), arranged so
 * that every prefix is also spread out.
 *
 * <p>Glossy reflection directions: a stratified set over the GGX lobe. Sample k takes the lobe's
 * quantile xi = (k + 1/2) / n in radius (the half-vector's tan theta = alpha sqrt(xi / (1 - xi)),
 * the reflected direction deviating about twice that) and a golden-angle turn in azimuth, so that
 * the samples cover the lobe's core and its tail once each without randomness.
 */
final class SamplePattern {
    private SamplePattern() {}

    /** 8-rooks sub-pixel offsets in [0, 1): x of sample k at [2k], y at [2k + 1]. */
    private static final double[] EDGE_8 = {
        9 / 16.0, 5 / 16.0, 7 / 16.0, 11 / 16.0, 13 / 16.0, 9 / 16.0, 5 / 16.0, 3 / 16.0,
        3 / 16.0, 13 / 16.0, 1 / 16.0, 7 / 16.0, 11 / 16.0, 15 / 16.0, 15 / 16.0, 1 / 16.0
    };

    /**
     * {@code n} sub-pixel offsets in [0, 1)^2 (x, y interleaved); n up to 8 takes a prefix of the
     * 8-rooks pattern, larger n an n-rooks pattern along a rank-1 lattice.
     */
    static double[] edgeOffsets(int n) {
        double[] out = new double[2 * n];
        if (n <= 8) {
            System.arraycopy(EDGE_8, 0, out, 0, 2 * n);
            return out;
        }
        int step = Math.max(1, (int) Math.round(n * 0.618033988749895)) | 1;
        while (gcd(step, n) != 1) step += 2;
        for (int k = 0; k < n; k++) {
            out[2 * k] = (k + 0.5) / n;
            out[2 * k + 1] = ((long) k * step % n + 0.5) / n;
        }
        return out;
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    /**
     * {@code n} glossy offsets in the tangent plane of the mirror direction, per unit GGX alpha: the
     * reflected ray of sample k is mirror + alpha (u_k T + v_k B), normalised (u at [2k], v at [2k + 1]).
     */
    static double[] glossyOffsets(int n) {
        double[] out = new double[2 * n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < n; k++) {
            double xi = (k + 0.5) / n;
            // tan of the reflected deviation, 2 theta_h, to first order in alpha: 2 sqrt(xi / (1 - xi)).
            double r = 2 * Math.sqrt(xi / (1 - xi));
            double phi = k * golden + 0.25 * Math.PI;
            out[2 * k] = r * Math.cos(phi);
            out[2 * k + 1] = r * Math.sin(phi);
        }
        return out;
    }
}
