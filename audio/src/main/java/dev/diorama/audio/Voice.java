package dev.diorama.audio;

import dev.diorama.scene.Scene;

/**
 * The sound of one contact: a bank of exponentially damped cosines that starts at the event's
 * sample and stops when every mode has decayed below {@link #THRESHOLD}.
 *
 * <p>Ear e hears, from its own first sample on,
 * <pre>  y_e(k) = g_e * sum_n a_n exp(-d_n (k - k0 - D_e) / fs) cos(w_n (k - k0 - D_e))</pre>
 * with k0 the onset sample, D_e the ear's delay in (fractional) samples, g_e its gain and
 * w_n = 2 pi f_n / fs. The cosine phase makes the first sample the peak of every mode, as a struck
 * body's surface velocity is: the strike is heard at full force on its own sample.
 *
 * <p><b>Exactness and speed.</b> Each mode is a complex phasor {@code p(j) = z^j} with
 * {@code z = exp(-d/fs + i w)} and {@code j = k - k0}, and each ear reads {@code Re(c_e p(j))} with
 * the constant {@code c_e = g_e a exp(d D_e / fs) exp(-i w D_e)}: that is the delayed cosine,
 * exactly, so the interaural delay costs nothing and needs no interpolation filter. Stepping the
 * phasor by one complex multiplication per sample is fast but, done from wherever a block happens to
 * start, would round differently for different block splits. So the phasor is evaluated exactly
 * (exp, cos, sin) at every multiple of {@link #CHUNK} samples after the onset and stepped from
 * there: the value at sample k is always "exact value at the chunk start, then the same number of
 * steps", whatever block contains k. StrictMath keeps those anchors identical between interpreted
 * and compiled code, and Java forbids fusing or reordering the double arithmetic, so a sample is a
 * pure function of its absolute index.
 *
 * <p>Hot data is kept as parallel primitive arrays, one entry per mode.
 */
final class Voice {
    /** Modes whose envelope in both ears is below this (-90 dBFS) are silent and stop. */
    static final double THRESHOLD = 3.1622776601683795e-5;
    /** Samples between exact re-evaluations of the phasors. */
    static final int CHUNK = 512;
    /** No mode rings longer than the longest film, samples (a guard against a loss factor of 0). */
    static final long MAX_RING = (long) (Scene.MAX_SECONDS * SoundTrack.SAMPLE_RATE);

    private final long onset;
    private final long startLeft;
    private final long startRight;
    private final long end;
    private final double[] omega;
    private final double[] decay;
    private final double[] stepRe;
    private final double[] stepIm;
    private final double[] leftRe;
    private final double[] leftIm;
    private final double[] rightRe;
    private final double[] rightIm;
    private final long[] modeEnd;

    /**
     * A voice starting at sample {@code onset}, or null when nothing of it would be heard.
     *
     * @param frequency  mode frequencies, Hz
     * @param decayRate  mode amplitude decay rates, 1/s
     * @param amplitude  mode amplitudes (full scale 1) at unit ear gain
     */
    static Voice of(long onset, Spatializer.Placement ears, double[] frequency, double[] decayRate, double[] amplitude) {
        double gain = Math.max(ears.gainLeft(), ears.gainRight());
        int kept = 0;
        for (int n = 0; n < frequency.length; n++) if (amplitude[n] * gain > THRESHOLD) kept++;
        return kept == 0 ? null : new Voice(onset, ears, frequency, decayRate, amplitude, kept);
    }

    private Voice(long onset, Spatializer.Placement ears, double[] frequency, double[] decayRate, double[] amplitude,
                  int kept) {
        double fs = SoundTrack.SAMPLE_RATE;
        double gain = Math.max(ears.gainLeft(), ears.gainRight());
        double lateDelay = Math.max(ears.delayLeft(), ears.delayRight());
        this.onset = onset;
        startLeft = onset + (long) Math.ceil(ears.delayLeft());
        startRight = onset + (long) Math.ceil(ears.delayRight());
        omega = new double[kept];
        decay = new double[kept];
        stepRe = new double[kept];
        stepIm = new double[kept];
        leftRe = new double[kept];
        leftIm = new double[kept];
        rightRe = new double[kept];
        rightIm = new double[kept];
        modeEnd = new long[kept];
        long last = onset;
        int m = 0;
        for (int n = 0; n < frequency.length; n++) {
            double a = amplitude[n];
            if (!(a * gain > THRESHOLD)) continue;
            double w = 2 * Math.PI * frequency[n] / fs;
            double d = decayRate[n] / fs;
            omega[m] = w;
            decay[m] = d;
            double r = StrictMath.exp(-d);
            stepRe[m] = r * StrictMath.cos(w);
            stepIm[m] = r * StrictMath.sin(w);
            double gl = ears.gainLeft() * a * StrictMath.exp(d * ears.delayLeft());
            leftRe[m] = gl * StrictMath.cos(w * ears.delayLeft());
            leftIm[m] = -gl * StrictMath.sin(w * ears.delayLeft());
            double gr = ears.gainRight() * a * StrictMath.exp(d * ears.delayRight());
            rightRe[m] = gr * StrictMath.cos(w * ears.delayRight());
            rightIm[m] = -gr * StrictMath.sin(w * ears.delayRight());
            // The louder ear's envelope reaches the threshold ln(g a / T) / d samples after that ear starts.
            double ring = Math.ceil(lateDelay + Math.log(a * gain / THRESHOLD) / d) + 1;
            modeEnd[m] = onset + (long) Math.min(ring, MAX_RING);
            last = Math.max(last, modeEnd[m]);
            m++;
        }
        end = last;
    }

    /** First sample this voice contributes to (in the earlier ear). */
    long onset() { return onset; }

    /** One past the last sample this voice contributes to. */
    long end() { return end; }

    int modeCount() { return omega.length; }

    /**
     * Adds this voice's samples {@code start .. start+n-1} into {@code left[0..n)} and
     * {@code right[0..n)}. Adds nothing outside [onset, end), and nothing to an ear before its start.
     */
    void addTo(long start, double[] left, double[] right, int n) {
        long stop = start + n;
        long late = Math.max(startLeft, startRight);
        for (int m = 0; m < omega.length; m++) {
            long lo = Math.max(start, onset), hi = Math.min(stop, modeEnd[m]);
            if (lo >= hi) continue;
            double zr = stepRe[m], zi = stepIm[m];
            double lr = leftRe[m], li = leftIm[m], rr = rightRe[m], ri = rightIm[m];
            // The phasor at lo: exact at its chunk's start, then stepped, as for any other block split.
            long j = lo - onset;
            long anchor = j - j % CHUNK;
            double mag = StrictMath.exp(-decay[m] * anchor), phase = omega[m] * anchor;
            double pr = mag * StrictMath.cos(phase), pi = mag * StrictMath.sin(phase);
            for (long s = anchor; s < j; s++) {
                double t = pr * zr - pi * zi;
                pi = pr * zi + pi * zr;
                pr = t;
            }
            long k = lo;
            while (k < hi) {
                long runEnd = Math.min(hi, onset + ((k - onset) / CHUNK + 1) * CHUNK);
                int i0 = (int) (k - start), i1 = (int) (runEnd - start);
                if (k >= late) {
                    for (int i = i0; i < i1; i++) {
                        left[i] += lr * pr - li * pi;
                        right[i] += rr * pr - ri * pi;
                        double t = pr * zr - pi * zi;
                        pi = pr * zi + pi * zr;
                        pr = t;
                    }
                } else {
                    // Only the first samples of a voice: one ear may not have started yet.
                    for (int i = i0; i < i1; i++) {
                        long at = start + i;
                        if (at >= startLeft) left[i] += lr * pr - li * pi;
                        if (at >= startRight) right[i] += rr * pr - ri * pi;
                        double t = pr * zr - pi * zi;
                        pi = pr * zi + pi * zr;
                        pr = t;
                    }
                }
                k = runEnd;
                if (k < hi) {
                    long a = k - onset;
                    mag = StrictMath.exp(-decay[m] * a);
                    phase = omega[m] * a;
                    pr = mag * StrictMath.cos(phase);
                    pi = mag * StrictMath.sin(phase);
                }
            }
        }
    }
}
