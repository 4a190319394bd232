package dev.diorama.audio;

import java.util.Arrays;

/**
 * Programme loudness by ITU-R BS.1770-4, for two channels at 48 kHz, fed block by block: integrated
 * loudness in LUFS (LKFS) and the true peak ({@link TruePeakMeter}) in dBTP.
 *
 * <h2>The measurement</h2>
 * <ol>
 *   <li><b>K-weighting</b>, per channel, two biquads with the standard's coefficients at 48 kHz
 *       (BS.1770-4, Tables 1 and 2): a high shelf (+4 dB above ~1.5 kHz, the head's effect)
 *       <pre>  b = 1.53512485958697, -2.69169618940638, 1.19839281085285
 *  a = 1, -1.69065929318241, 0.73248077421585</pre>
 *       then the RLB high-pass (~38 Hz)
 *       <pre>  b = 1, -2, 1
 *  a = 1, -1.99004745483398, 0.99007225036621</pre></li>
 *   <li><b>Gating blocks</b> of 400 ms overlapping by 75 % (a new block every 100 ms; only complete
 *       blocks count). For block j and channel i, z_ij is the mean square of the K-weighted
 *       signal, and the block's loudness is {@code l_j = -0.691 + 10 log10(sum_i G_i z_ij)} with
 *       G_i = 1 for left and right.</li>
 *   <li><b>Absolute gate</b>: blocks at or below -70 LKFS are dropped. <b>Relative gate</b>: of those
 *       left, blocks more than 10 LU below their mean loudness (the mean of sum_i G_i z_ij, in
 *       LKFS) are dropped too.</li>
 *   <li><b>Integrated loudness</b> = {@code -0.691 + 10 log10} of the mean of sum_i G_i z_ij over
 *       the blocks that pass both gates; -infinity when none does (silence).</li>
 * </ol>
 * The -0.691 makes a 997 Hz sine at full scale in one channel read -3.01 LKFS, so a stereo sine at
 * amplitude -23 dBFS in both channels reads -23.0 LUFS (EBU Tech 3341's first test).
 *
 * <p>Memory: one number per 100 ms (for the gating), so a film of any length is measured in flat
 * memory.
 */
public final class LoudnessMeter {
    static final double[] SHELF_B = {1.53512485958697, -2.69169618940638, 1.19839281085285};
    static final double[] SHELF_A = {1, -1.69065929318241, 0.73248077421585};
    static final double[] RLB_B = {1.0, -2.0, 1.0};
    static final double[] RLB_A = {1, -1.99004745483398, 0.99007225036621};
    static final int STEP = SoundTrack.SAMPLE_RATE / 10; // 100 ms
    static final double ABSOLUTE_GATE = -70;
    static final double RELATIVE_GATE = -10;

    /** Biquad states per channel: x1, x2, y1, y2 of the shelf, then of the high-pass. */
    private final double[][] state = new double[2][8];
    private final TruePeakMeter truePeak = new TruePeakMeter(2);
    /** False for a meter of the loudness alone (its true peak is measured elsewhere). */
    private final boolean withPeak;
    /** Sum over channels of the K-weighted squares of each 100 ms step. */
    private double[] steps = new double[64];
    private int stepCount;
    private double current;
    private int inCurrent;
    /** Scratch: the K-weighted samples of the block being added. */
    private double[][] weighted = new double[2][0];
    /** Samples per call of the true-peak meter. */
    private static final int PEAK_RUN = 256;

    /** A meter of the integrated loudness and the true peak. */
    public LoudnessMeter() {
        this(true);
    }

    /** With {@code withPeak} false, a meter of the loudness alone: {@link #truePeak()} is then 0. */
    LoudnessMeter(boolean withPeak) {
        this.withPeak = withPeak;
    }

    /** Adds n samples of each channel. */
    public void add(double[] left, double[] right, int n) {
        add(left, right, 0, n);
    }

    /** Adds samples [from, to) of each channel. */
    public void add(double[] left, double[] right, int from, int to) {
        int n = to - from;
        // The true peak in short runs, so that its meter can pass over the quiet ones (exactly: see TruePeakMeter.add).
        if (withPeak) for (int at = from; at < to; at += PEAK_RUN) truePeak.add(left, right, at, Math.min(to, at + PEAK_RUN));
        if (weighted[0].length < n) weighted = new double[2][n];
        double[] l = weighted[0], r = weighted[1];
        kWeight(state[0], left, from, l, n);
        kWeight(state[1], right, from, r, n);
        for (int i = 0; i < n; i++) {
            current += l[i] * l[i] + r[i] * r[i];
            if (++inCurrent == STEP) {
                if (stepCount == steps.length) steps = Arrays.copyOf(steps, 2 * steps.length);
                steps[stepCount++] = current;
                current = 0;
                inCurrent = 0;
            }
        }
    }

    /** Adds n samples of each channel. */
    public void add(float[] left, float[] right, int n) {
        double[] l = new double[n], r = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = left[i];
            r[i] = right[i];
        }
        add(l, r, n);
    }

    /** Below this a filter's output is set to 0: its square (1e-60) is nothing beside any sound. */
    private static final double FLUSH = 1e-30;

    /**
     * n samples of one channel through the shelf and the RLB high-pass (direct form I), the state
     * s (x1, x2, y1, y2 of each) kept in locals on the way. After a sound the filters ring down
     * towards zero; left alone, their state would sink into subnormal numbers, on which arithmetic
     * is ten times slower (measured: 20 s of silence after a click took 1.8 s to weigh, 0.2 s with
     * the flush), so outputs smaller than {@link #FLUSH} are flushed to zero.
     */
    private static void kWeight(double[] s, double[] in, int from, double[] out, int n) {
        double x1 = s[0], x2 = s[1], y1 = s[2], y2 = s[3], u1 = s[4], u2 = s[5], z1 = s[6], z2 = s[7];
        double b0 = SHELF_B[0], b1 = SHELF_B[1], b2 = SHELF_B[2], a1 = SHELF_A[1], a2 = SHELF_A[2];
        double c0 = RLB_B[0], c1 = RLB_B[1], c2 = RLB_B[2], d1 = RLB_A[1], d2 = RLB_A[2];
        for (int i = 0; i < n; i++) {
            double x = in[from + i];
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            if (Math.abs(y) < FLUSH) y = 0;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            double z = c0 * y + c1 * u1 + c2 * u2 - d1 * z1 - d2 * z2;
            if (Math.abs(z) < FLUSH) z = 0;
            u2 = u1;
            u1 = y;
            z2 = z1;
            z1 = z;
            out[i] = z;
        }
        s[0] = x1;
        s[1] = x2;
        s[2] = y1;
        s[3] = y2;
        s[4] = u1;
        s[5] = u2;
        s[6] = z1;
        s[7] = z2;
    }

    /** Integrated loudness so far, LUFS; -infinity when no block passes the absolute gate. */
    public double integrated() {
        int blocks = stepCount - 3;
        if (blocks <= 0) return Double.NEGATIVE_INFINITY;
        double[] power = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            power[j] = (steps[j] + steps[j + 1] + steps[j + 2] + steps[j + 3]) / (4.0 * STEP);
        }
        double sum = 0;
        int count = 0;
        for (double p : power) {
            if (lufs(p) > ABSOLUTE_GATE) {
                sum += p;
                count++;
            }
        }
        if (count == 0) return Double.NEGATIVE_INFINITY;
        double relative = lufs(sum / count) + RELATIVE_GATE;
        sum = 0;
        count = 0;
        for (double p : power) {
            double l = lufs(p);
            if (l > ABSOLUTE_GATE && l > relative) {
                sum += p;
                count++;
            }
        }
        return lufs(sum / count);
    }

    /** The loudest sample of either channel between the samples, 4 times oversampled: dBTP. */
    public double truePeakDb() { return 20 * Math.log10(truePeak.peak()); }

    /** The true peak as a linear amplitude. */
    public double truePeak() { return truePeak.peak(); }

    /** -0.691 + 10 log10(power). */
    static double lufs(double power) { return -0.691 + 10 * Math.log10(power); }
}
