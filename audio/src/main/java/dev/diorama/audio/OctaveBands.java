package dev.diorama.audio;

/**
 * The six octave bands in which room acoustics are tabulated: 125, 250, 500, 1000, 2000 and 4000 Hz
 * (the bands of ISO 3382 and of the classic absorption tables), and how a quantity given per band
 * is read at any frequency.
 *
 * <p>A band's value holds across its own octave, from f_b / sqrt 2 to f_b sqrt 2, which is what an
 * octave-band table means; around each band edge a raised-cosine transition one third of an
 * octave wide blends it into the next: with {@code x = log2(f / 125 Hz)} and the edge between bands
 * k and k+1 at {@code x = k + 1/2}, the upper band's weight is
 * {@code sin^2(pi/2 (x - (k + 1/2 - 1/6)) / (1/3))} inside the transition, 0 below it and 1 above.
 * Below 125 Hz the 125 Hz value holds, above 4 kHz the 4 kHz value. The weights of all bands sum
 * to 1 at every frequency, so signals split with them sum back to the original (the late
 * reverberation is synthesised band by band this way), and each octave band decays at its own
 * band's rate except near its edges (a smooth blend across whole octaves would make the 1 kHz band
 * of a carpeted room decay half like its 500 Hz band).
 */
public final class OctaveBands {
    /** Band centres, Hz. */
    static final double[] CENTRES = {125, 250, 500, 1000, 2000, 4000};
    /** Number of bands. */
    public static final int COUNT = CENTRES.length;
    /** Index of the 500 Hz band. */
    public static final int B500 = 2;
    /** Index of the 1 kHz band. */
    public static final int B1000 = 3;

    private static final double LN2 = StrictMath.log(2);

    private OctaveBands() {}

    /** Centre frequency of band b, Hz. */
    public static double centre(int b) { return CENTRES[b]; }

    /** Half the width of a transition, in octaves. */
    private static final double HALF_TRANSITION = 1.0 / 6;

    /** log2(f / 125 Hz), -infinity for f <= 0. */
    private static double octaves(double f) {
        return f > 0 ? StrictMath.log(f / CENTRES[0]) / LN2 : Double.NEGATIVE_INFINITY;
    }

    /** The lower band whose weight is non-zero at f (the upper one is this + 1, when its weight is). */
    static int lowerBand(double f) {
        double x = octaves(f);
        int k = (int) Math.floor(Math.max(-1, Math.min(COUNT, x - 0.5 + HALF_TRANSITION)));
        if (k < 0) return 0;
        if (k >= COUNT - 1) return COUNT - 1;
        return x < k + 0.5 + HALF_TRANSITION ? k : k + 1;
    }

    /** Weight of band lowerBand(f) + 1 at f, in [0, 1) (0 away from a transition). */
    static double upperWeight(double f) {
        double x = octaves(f);
        int k = (int) Math.floor(Math.max(-1, Math.min(COUNT, x - 0.5 + HALF_TRANSITION)));
        if (k < 0 || k >= COUNT - 1 || x >= k + 0.5 + HALF_TRANSITION) return 0;
        double s = StrictMath.sin(Math.PI / 2 * (x - (k + 0.5 - HALF_TRANSITION)) / (2 * HALF_TRANSITION));
        return s * s;
    }

    /** Weight W_b(f) of band b at frequency f. */
    static double weight(int b, double f) {
        int lo = lowerBand(f);
        double up = upperWeight(f);
        if (b == lo) return lo == COUNT - 1 ? 1 : 1 - up;
        if (b == lo + 1) return up;
        return 0;
    }

    /** A per-band value read at frequency f: sum_b W_b(f) v_b. */
    static double interpolate(double[] perBand, double f) {
        int lo = lowerBand(f);
        if (lo == COUNT - 1) return perBand[lo];
        double up = upperWeight(f);
        return (1 - up) * perBand[lo] + up * perBand[lo + 1];
    }
}
