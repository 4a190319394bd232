package dev.diorama.render;

/**
 * From scene radiance to 8-bit sRGB: exposure, a filmic curve, then the sRGB transfer function.
 *
 * <p>The curve is Narkowicz's (2015) rational fit to the ACES reference rendering transform: a toe
 * that keeps shadows from going muddy and a shoulder that rolls highlights off toward white instead
 * of clipping them. Applied to each channel separately, such a curve bends hues as it saturates: a
 * bright orange sunset sky, its red channel already on the shoulder, turns yellow and then white.
 * So the curve is applied to the largest channel and the colour scaled along with it, which keeps
 * the hue and saturation of everything a picture can show; only light far beyond white (the sun's
 * disk, its reflection in chrome; from 4 to 32 times the white level) blends into the per-channel
 * result and burns out to white, as on film. Anti-aliasing averages samples after this curve, so a
 * pixel half covered by the sun's reflection is half white, not all white.
 */
final class ToneMap {
    /** Entries of the sRGB encoding table over film values [0, 1]. */
    private static final int TABLE_SIZE = 8192;
    private static final byte[] SRGB = new byte[TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) {
            double v = (double) i / TABLE_SIZE;
            double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            SRGB[i] = (byte) Math.round(s * 255);
        }
    }

    /** Exposed light levels between which colour burns out to white. */
    static final double BURN_START = 4, BURN_END = 32;

    private final double exposure;

    ToneMap(double exposure) { this.exposure = exposure; }

    double exposure() { return exposure; }

    /** The filmic curve, from exposed linear light to a film value in [0, 1). */
    static double curve(double x) {
        return x <= 0 ? 0 : x * (2.51 * x + 0.03) / (x * (2.43 * x + 0.59) + 0.14);
    }

    /** Film values in [0, 1) of a linear radiance (r, g, b), into out[0..2]. */
    void film(double r, double g, double b, double[] out) {
        r = r > 0 ? r * exposure : 0;
        g = g > 0 ? g * exposure : 0;
        b = b > 0 ? b * exposure : 0;
        double m = Math.max(r, Math.max(g, b));
        if (m <= 0) {
            out[0] = out[1] = out[2] = 0;
            return;
        }
        double k = (2.51 * m + 0.03) / (m * (2.43 * m + 0.59) + 0.14);  // curve(m) / m
        double hr = r * k, hg = g * k, hb = b * k;
        if (m <= BURN_START) {
            out[0] = hr;
            out[1] = hg;
            out[2] = hb;
            return;
        }
        double w = Math.min((m - BURN_START) / (BURN_END - BURN_START), 1);
        out[0] = hr + w * (curve(r) - hr);
        out[1] = hg + w * (curve(g) - hg);
        out[2] = hb + w * (curve(b) - hb);
    }

    /** The 8-bit sRGB code (as an unsigned byte) of a film value in [0, 1]. */
    static byte encode(double film) {
        int i = (int) (film * TABLE_SIZE + 0.5);
        return SRGB[i < 0 ? 0 : i > TABLE_SIZE ? TABLE_SIZE : i];
    }

    /** The inverse of the sRGB transfer function, for tests and tools: 8-bit code to linear. */
    static double decode(int code) {
        double s = (code & 255) / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
