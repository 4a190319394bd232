package dev.diorama.audio;

import java.util.Arrays;

/**
 * A look-ahead true-peak limiter whose output is a pure function of the absolute sample index:
 * every sample is its input times a gain computed from a bounded window of the input around it,
 * in exact (integer) arithmetic, so any way of cutting the signal into blocks gives the same bits.
 *
 * <h2>The gain</h2>
 * The input is first multiplied by the make-up gain G. Then, in units of 1/1000 dB:
 * <ol>
 *   <li><b>Required gain</b> q(k) = min(0, threshold - P(k)), where P(k) is the level of the
 *       largest of |x(k)| and the three points between x(k) and x(k+1) that BS.1770's 4x
 *       interpolator finds ({@link TruePeakMeter#TAPS}, the meter's arithmetic), over both
 *       channels: the true peak, not the sample peak. Rounded down; never below -depth (the
 *       caller keeps G low enough that no sample needs more).</li>
 *   <li><b>Hold and look-ahead</b> f(j) = min q over [j - H, j + 2S]: the gain is down 2S samples
 *       (2 ms) before a peak and stays down H ({@link #HOLD}, 10 ms) after it.</li>
 *   <li><b>Release</b> e(j) = min(f(j), e(j-1) + R): then the gain recovers linearly in dB
 *       ({@link #RELEASE_DB_PER_MS}). Being a minimum of integers, e(j) equals the minimum over
 *       i <= j of f(i) + R (j - i), exactly, and no term older than W = depth / R samples can be
 *       that minimum: started anywhere with e = 0, e is exact from W samples on.</li>
 *   <li><b>Smoothing</b> g(n) = the mean of e over [n - 2S, n] weighted by a quadratic B-spline
 *       (three boxes of {@link #BOX} samples: exact running sums of integers, rounded down), so the
 *       gain falls over 2 ms without a corner and rises without one.</li>
 *   <li>The output is y(n) = G x(n) 10^(g(n)/20) (a table of 10^(-u/20000), StrictMath).</li>
 * </ol>
 * <b>The gain never exceeds the required gain</b>: for j in [n - 2S, n], n is in [j, j + 2S], so
 * e(j) <= f(j) <= q(n), and g(n), a weighted mean of those e rounded down, is <= q(n). So no sample
 * passes the threshold. The points between samples: each of them is interpolated from 12 samples
 * (6 either side), which all lie within the hold and the look-ahead of the point's own requirement,
 * where the gain is within a few thousandths of a dB of it. The pre-pass of {@link SoundTrack}
 * measures the film's true peak after the limiter and proves it (about 0.001 dB over the threshold
 * at most, against a margin of 0.02 dB).
 *
 * <h2>Timing</h2>
 * Output sample n depends on input samples [n - W - H - 2S - 5, n + 2S + 6] only; it is emitted
 * when input sample n + {@link #LOOK_AHEAD} is pushed. Nothing is delayed: the caller feeds the
 * input that much ahead (the mix is a pure function of the sample index, so it can be rendered
 * ahead). Silence stays exactly 0, and where no limiting is needed the output is exactly G x(n).
 *
 * <p>Memory: rings of a few hundred samples, whatever the length of the signal. Not thread-safe.
 */
final class TruePeakLimiter {
    /** The gain is computed in integer units of 1/1000 dB: exact sums and minima. */
    static final int UNITS_PER_DB = 1000;
    /** Half the look-ahead: the gain starts falling 2S samples (2 ms) before a peak. */
    static final int S = 48;
    /** Width of each of the three smoothing boxes: together they span 2S + 1 samples. */
    static final int BOX = (2 * S + 3) / 3;
    /** Input ahead of output: the look-ahead 2S plus the interpolator's 6 samples. */
    static final int LOOK_AHEAD = 2 * S + 6;
    /** How fast the gain recovers after a peak, dB per millisecond (linear in dB: exponential in amplitude). */
    static final double RELEASE_DB_PER_MS = 1;
    /**
     * How long the gain holds after a peak before it releases: 10 ms, samples. A tone above 1 / (HOLD
     * + 2S), 83 Hz, has a crest in every window, so a sustained tone is turned down steadily, not
     * modulated at twice its frequency.
     */
    static final int HOLD = SoundTrack.SAMPLE_RATE / 100;
    private static final int QUEUE = Integer.highestOneBit(HOLD + 2 * S + 1) * 2;
    /** The release in units per sample. */
    static final int RELEASE = (int) Math.round(RELEASE_DB_PER_MS * UNITS_PER_DB * 1000 / SoundTrack.SAMPLE_RATE);
    /** The most gain reduction a limiter can be built for, dB. */
    static final int MAX_DEPTH_DB = 60;
    /** The interpolator's taps, and its delay: the points between x(k) and x(k+1) use x(k-5) .. x(k+6). */
    private static final int TAPS = 12, CENTRE = 6;
    private static final int RING = 256; // > LOOK_AHEAD + TAPS, a power of two
    private static final int MASK = RING - 1;

    private final double makeUp;
    private final double threshold;
    private final int depth;
    /** log10(threshold / G): q = 20000 (this - log10 P) units. */
    private final double headroomLog;
    /** A sample below this (before G) cannot make any interpolated point reach the threshold. */
    private final double quiet;
    private final double[] gains = Gains.TABLE;

    // State, all exact.
    private long next;
    private long lastLoud;
    private final double[] xl = new double[RING], xr = new double[RING];
    /** The hold and look-ahead minimum: a monotone queue of (index, q), q increasing from head to tail. */
    private final long[] queueAt = new long[QUEUE];
    private final int[] queueQ = new int[QUEUE];
    private long head, tail;
    private int e;
    private final int[] ring1 = new int[RING];
    private final long[] ring2 = new long[RING], ring3 = new long[RING];
    private long box1, box2, box3;
    // What the limiter did (for the mastering report).
    private int deepest;
    private long limited, reductionSum, emitted;
    private long countFrom = Long.MAX_VALUE, countTo = Long.MAX_VALUE;

    /**
     * @param makeUp     G, the gain applied to the input before limiting (linear, > 0)
     * @param threshold  the highest true peak of the output, linear (full scale 1)
     * @param depthDb    the most gain reduction the limiter may apply, dB (> 0)
     */
    TruePeakLimiter(double makeUp, double threshold, double depthDb) {
        if (!(makeUp > 0 && threshold > 0 && depthDb > 0 && depthDb <= MAX_DEPTH_DB)) {
            throw new IllegalArgumentException("expected G > 0, threshold > 0, 0 < depth <= " + MAX_DEPTH_DB + " dB, got "
                    + makeUp + ", " + threshold + ", " + depthDb);
        }
        this.makeUp = makeUp;
        this.threshold = threshold;
        this.depth = (int) Math.ceil(depthDb * UNITS_PER_DB);
        headroomLog = StrictMath.log10(threshold / makeUp);
        quiet = threshold / makeUp / TruePeakMeter.BOUND;
        reset(0);
    }

    /** 10^(-u / 20000) for u = 0 .. 60 dB, computed once. */
    private static final class Gains {
        static final double[] TABLE = new double[MAX_DEPTH_DB * UNITS_PER_DB + 1];

        static {
            for (int u = 0; u < TABLE.length; u++) TABLE[u] = StrictMath.pow(10, -u / (20.0 * UNITS_PER_DB));
        }
    }

    /** Samples of input a cold start needs before its first exact output: the release's W, the hold, 2S, the interpolator. */
    int warmUp() {
        return (depth + RELEASE - 1) / RELEASE + HOLD + 2 * S + TAPS;
    }

    /** The index of the next output sample. */
    long nextOutput() { return next - LOOK_AHEAD; }

    /**
     * Forgets everything: the next input pushed is sample {@code input}, and silence is assumed
     * before it. Outputs from {@code input + warmUp()} on are exact.
     */
    void reset(long input) {
        next = input;
        lastLoud = Long.MIN_VALUE;
        Arrays.fill(xl, 0);
        Arrays.fill(xr, 0);
        head = tail = 0;
        e = 0;
        Arrays.fill(ring1, 0);
        Arrays.fill(ring2, 0);
        Arrays.fill(ring3, 0);
        box1 = box2 = box3 = 0;
        deepest = 0;
        limited = reductionSum = emitted = 0;
        countFrom = countTo = Long.MAX_VALUE;
    }

    /** From now on, the statistics count the output samples in [from, to) (none after a reset). */
    void countBetween(long from, long to) {
        countFrom = from;
        countTo = to;
    }

    /**
     * Pushes input samples next .. next + n - 1 (before the make-up gain) and writes output samples
     * nextOutput() .. nextOutput() + n - 1 (after it and the limiting) into outL and outR, which may be
     * the input arrays.
     */
    void process(double[] inL, double[] inR, int n, double[] outL, double[] outR) {
        for (int i = 0; i < n; i++) {
            long at = next++;
            int slot = (int) (at & MASK);
            double a = inL[i], b = inR[i];
            xl[slot] = a;
            xr[slot] = b;
            if (Math.abs(a) > quiet || Math.abs(b) > quiet) lastLoud = at;
            long k = at - CENTRE;
            int qm = QUEUE - 1;
            if (lastLoud < at - (TAPS - 1) && e == 0 && box3 == 0 && queueQ[(int) (head & qm)] == 0) {
                // At rest: no requirement in the look-ahead, the hold or the release, and the boxes
                // empty (three sums of values <= 0 that are 0). The full path below would leave the
                // queue holding (k, 0) alone, e and the boxes 0, and the gain 1; so does this.
                queueAt[(int) (tail & qm)] = k;
                queueQ[(int) (tail & qm)] = 0;
                head = tail++;
                long j = k - 2 * S;
                int js = (int) (j & MASK);
                ring1[js] = 0;
                ring2[js] = 0;
                ring3[js] = 0;
                if (j >= countFrom && j < countTo) emitted++;
                outL[i] = xl[js] * makeUp;
                outR[i] = xr[js] * makeUp;
                continue;
            }
            // The required gain at k: its interpolation window [k - 5, k + 6] ends at the newest sample.
            int q = lastLoud >= at - (TAPS - 1) ? required(k) : 0;
            // The monotone queue: the minimum of q over [j - HOLD, j + 2S], j = k - 2S.
            while (tail > head && queueQ[(int) ((tail - 1) & qm)] >= q) tail--;
            queueAt[(int) (tail & qm)] = k;
            queueQ[(int) (tail & qm)] = q;
            tail++;
            long j = k - 2 * S;
            while (queueAt[(int) (head & qm)] < j - HOLD) head++;
            int f = queueQ[(int) (head & qm)];
            e = Math.min(f, e + RELEASE);
            // Three boxes over e: the B-spline's mean of e over [j - 2S, j].
            int js = (int) (j & MASK);
            int old = (int) ((j - BOX) & MASK);
            box1 += e - ring1[old];
            ring1[js] = e;
            box2 += box1 - ring2[old];
            ring2[js] = box1;
            box3 += box2 - ring3[old];
            ring3[js] = box2;
            int g = (int) Math.floorDiv(box3, (long) BOX * BOX * BOX);
            int out = (int) (j & MASK);
            double yl = xl[out] * makeUp, yr = xr[out] * makeUp;
            if (g != 0) {
                double gain = gains[-g];
                yl *= gain;
                yr *= gain;
            }
            if (j >= countFrom && j < countTo) {
                emitted++;
                if (g != 0) {
                    limited++;
                    reductionSum -= g;
                    deepest = Math.min(deepest, g);
                }
            }
            outL[i] = yl;
            outR[i] = yr;
        }
    }

    /** q(k): the gain, in units (<= 0), that brings the true peak between x(k) and x(k+1) to the threshold. */
    private int required(long k) {
        double below = threshold / makeUp; // a point under it needs no gain reduction
        double p = Math.max(peakNear(xl, k, below), peakNear(xr, k, below));
        if (!(p * makeUp > threshold)) return 0;
        double units = 20.0 * UNITS_PER_DB * (headroomLog - StrictMath.log10(p));
        return (int) Math.max(-depth, Math.floor(units));
    }

    /**
     * The largest of |x(k)| and the four interpolated points from x(k) towards x(k+1), in the meter's
     * arithmetic; or |x(k)| alone where the meter's quick bound of the points keeps them under
     * {@code below} (then they cannot matter).
     */
    private static double peakNear(double[] x, long k, double below) {
        double p = Math.abs(x[(int) (k & MASK)]);
        double bound = 0;
        for (int t = 0; t < TAPS; t++) bound += TruePeakMeter.ENVELOPE[t] * Math.abs(x[(int) ((k + CENTRE - t) & MASK)]);
        if (bound <= below) return p;
        for (double[] phase : TruePeakMeter.TAPS) {
            double y = 0;
            for (int t = 0; t < TAPS; t++) y += phase[t] * x[(int) ((k + CENTRE - t) & MASK)]; // newest (k + 6) first
            p = Math.max(p, Math.abs(y));
        }
        return p;
    }

    /** The deepest gain reduction over the counted samples, dB (>= 0). */
    double deepestDb() { return -deepest / (double) UNITS_PER_DB; }

    /** The mean gain reduction over the counted samples, dB. */
    double meanReductionDb() { return emitted == 0 ? 0 : reductionSum / (double) UNITS_PER_DB / emitted; }

    /** The share of the counted samples that were turned down. */
    double limitedShare() { return emitted == 0 ? 0 : limited / (double) emitted; }
}
