package dev.diorama.audio;

/**
 * The true peak of a signal, ITU-R BS.1770-4 Annex 2: the largest absolute value of the signal
 * oversampled four times (48 kHz to 192 kHz) by the Annex's 48-tap interpolating FIR filter, split
 * into four phases of 12 taps (the coefficients below, as published). A sample peak can hide an
 * overshoot of up to ~3 dB between samples (a sine at fs/4 sampled 45 degrees off its crests reads
 * 3 dB low); the oversampled peak finds it, to within about 0.5 dB at the highest frequencies.
 *
 * <p>The filter's on-sample phase is not quite the identity (its centre tap is 0.972), so the meter
 * reports the larger of the oversampled peak and the sample peak: a true peak is never below the
 * samples it was measured on. The filter starts from silence (11 zero samples of history); the
 * last samples are interpolated against silence too by {@link #peak()}, which flushes 12 zeros
 * through a copy of the history.
 */
public final class TruePeakMeter {
    /** BS.1770-4 Annex 2, phases 0..3, 12 taps each. */
    static final double[][] TAPS = {
            {0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875, 0.1373291015625,
                    0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500},
            {-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500, 0.4650878906250,
                    0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375},
            {-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125, 0.7797851562500,
                    0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875},
            {-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750, 0.9721679687500,
                    0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750}};
    private static final int TAPS_PER_PHASE = 12;
    /** The largest sum of |taps| of a phase (2.02), rounded up: no interpolated value exceeds it times its window's peak. */
    static final double BOUND;

    /**
     * Per tap, the largest |tap| of the four phases, rounded up: no interpolated value from a window
     * exceeds the sum of these times the window's |samples| (a quick bound, 12 products for 48).
     */
    static final double[] ENVELOPE = new double[TAPS_PER_PHASE];

    static {
        double b = 0;
        for (double[] phase : TAPS) {
            double sum = 0;
            for (int t = 0; t < TAPS_PER_PHASE; t++) {
                sum += Math.abs(phase[t]);
                ENVELOPE[t] = Math.max(ENVELOPE[t], Math.abs(phase[t]) * 1.001);
            }
            b = Math.max(b, sum);
        }
        BOUND = b * 1.001;
    }

    /** The quick bound of every interpolated value from the window h[from .. from + 12). */
    static double envelope(double[] h, int from) {
        double m = 0;
        for (int k = 0; k < TAPS_PER_PHASE; k++) m += ENVELOPE[k] * Math.abs(h[from + k]);
        return m;
    }

    /**
     * Per channel, the last 12 samples twice over (a ring stored at i and i + 12), so the window of
     * the 12 newest, newest first, is always history[c][at[c] .. at[c] + 12).
     */
    private final double[][] history;
    private final int[] at;
    private double peak;

    TruePeakMeter(int channels) {
        history = new double[channels][2 * TAPS_PER_PHASE];
        at = new int[channels];
    }

    void add(double[] left, double[] right, int n) {
        add(left, right, 0, n);
    }

    /** Adds samples [from, to) of each channel. */
    void add(double[] left, double[] right, int from, int to) {
        // An interpolated value is at most BOUND times the largest sample of its window: where no
        // sample of this block or the 11 before it could reach the peak so far, only keep the history.
        double m = Math.max(recent(0), history.length > 1 ? recent(1) : 0);
        for (int i = from; i < to; i++) m = Math.max(m, Math.max(Math.abs(left[i]), history.length > 1 ? Math.abs(right[i]) : 0));
        boolean skip = m * BOUND < peak;
        for (int i = from; i < to; i++) {
            push(0, left[i], skip);
            if (history.length > 1) push(1, right[i], skip);
        }
    }

    /** The largest |sample| in channel c's history. */
    private double recent(int c) {
        double m = 0;
        for (int k = 0; k < TAPS_PER_PHASE; k++) m = Math.max(m, Math.abs(history[c][at[c] + k]));
        return m;
    }

    /** Adds n samples of one channel (for a one-channel meter). */
    void add(double[] x, int n) {
        for (int i = 0; i < n; i++) push(0, x[i], false);
    }

    private void push(int c, double x, boolean skip) {
        double[] h = history[c];
        int i = at[c] = (at[c] + TAPS_PER_PHASE - 1) % TAPS_PER_PHASE;
        h[i] = x;
        h[i + TAPS_PER_PHASE] = x;
        // The four phases only where the quick bound says they might pass the peak: the same peak, sooner.
        if (!skip) peak = Math.max(peak, Math.max(Math.abs(x), envelope(h, i) <= peak ? 0 : interpolated(h, i)));
    }

    /** The largest |value| of the four phases interpolated from the window h[from .. from + 12). */
    private static double interpolated(double[] h, int from) {
        double m = 0;
        for (double[] phase : TAPS) {
            double y = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) y += phase[k] * h[from + k];
            m = Math.max(m, Math.abs(y));
        }
        return m;
    }

    /** The true peak so far, linear (1 = full scale), the last samples flushed against silence. */
    double peak() {
        double p = peak;
        for (int c = 0; c < history.length; c++) {
            double[] h = new double[2 * TAPS_PER_PHASE];
            System.arraycopy(history[c], at[c], h, TAPS_PER_PHASE, TAPS_PER_PHASE); // newest first
            for (int k = 1; k <= TAPS_PER_PHASE; k++) p = Math.max(p, interpolated(h, TAPS_PER_PHASE - k)); // k zeros in front
        }
        return p;
    }
}
