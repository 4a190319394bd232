package dev.diorama.audio;

import dev.diorama.scene.Scene;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sound of one contact: a bank of exponentially damped cosines that starts at the event's
 * sample and stops when every mode has decayed below {@link #THRESHOLD}, heard in up to three
 * channels (left ear, right ear, and the send that feeds the room's reverberation).
 *
 * <p>A channel hears the strike through one or more <em>taps</em>, each a copy delayed by D samples
 * (fractional) and scaled by a gain per mode: the direct sound, and the reflection off the floor or
 * the ground. Channel e hears, from its first tap's first sample on,
 * <pre>  y_e(k) = sum_taps sum_n g_tn a_n exp(-d_n (k - k0 - D_t) / fs) cos(w_n (k - k0 - D_t))   for k - k0 >= D_t</pre>
 * with k0 the onset sample, a_n the mode's amplitude, g_tn the tap's gain for mode n (pan, distance,
 * reflection, air) and w_n = 2 pi f_n / fs. The cosine phase makes the first sample the peak of
 * every mode, as a struck body's surface velocity is: the strike is heard at full force on its own
 * sample.
 *
 * <p><b>Exactness and speed.</b> Each mode is a complex phasor {@code p(j) = z^j} with
 * {@code z = exp(-d/fs + i w)} and {@code j = k - k0}, and each tap reads {@code Re(c_t p(j))} with
 * the constant {@code c_t = g_t a exp(d D_t / fs) exp(-i w D_t)}: that is the delayed cosine,
 * exactly, so delays cost nothing and need no interpolation filter, and a channel with several taps
 * reads {@code Re(C(j) p(j))} with C(j) the sum of the c_t of the taps already arrived. Once every
 * tap has arrived C is constant and a sample costs what a single tap costs. (A tap whose
 * {@code d D_t} exceeds {@link #MAX_GROWTH} is dropped for that mode: its constant would overflow, and
 * such a mode has died within a sample or two of its own onset anyway.) Stepping the phasor by one
 * complex multiplication per sample is fast but, done from wherever a block happens to start,
 * would round differently for different block splits. So the phasor is evaluated exactly (exp,
 * cos, sin) at every multiple of {@link #CHUNK} samples after the onset and stepped from there: the
 * value at sample k is always "exact value at the chunk start, then the same number of steps",
 * whatever block contains k. StrictMath keeps those anchors identical between interpreted and
 * compiled code, and Java forbids fusing or reordering the double arithmetic, so a sample is a pure
 * function of its absolute index.
 *
 * <p>Hot data is kept as parallel primitive arrays, one entry per mode.
 */
final class Voice {
    /** Modes whose envelope in every channel is below this (-90 dBFS) are silent and stop. */
    static final double THRESHOLD = 3.1622776601683795e-5;
    /** Samples between exact re-evaluations of the phasors. */
    static final int CHUNK = 512;
    /** No mode rings longer than the longest film, samples (a guard against a loss factor of 0). */
    static final long MAX_RING = (long) (Scene.MAX_SECONDS * SoundTrack.SAMPLE_RATE);
    /** The largest d D (decay per sample times delay) a tap may carry: exp(600) is ~1e260. */
    static final double MAX_GROWTH = 600;
    static final int LEFT = 0, RIGHT = 1, SEND = 2;

    /**
     * One path of the sound to one channel.
     *
     * @param channel     LEFT, RIGHT or SEND
     * @param delay       samples after the onset, >= 0, fractional
     * @param gain        per mode, the factor on the mode's amplitude (pan, distance, reflection, air)
     * @param audibility  how loud this channel's output ends up per unit of it: 1 for the ears, the
     *                    reverberation's gain for the send; only decides when a mode is inaudible
     */
    record Tap(int channel, double delay, double[] gain, double audibility) {}

    /**
     * How a moving source, or a moving listener, changes a mode after the onset. Anchor q stands at
     * sample {@code onset + q * stride * CHUNK}; chunk starts between anchors take values interpolated
     * linearly between them, and anchors past the arrays' end keep their last values. At an anchor
     * the direct path from the source to the listener is longer than at the onset by
     * {@code delay[q]} samples (its length difference over c, at the emission time that reaches the
     * listener then), and the level is {@code level[q]} times the onset's (1/r). Within a chunk both
     * change linearly in the exponent, so the mode is heard at emission time {@code u = j - delay(j)}:
     * {@code level(j) * p(u)}. A path that shortens at v m/s raises the pitch by 1 / (1 - v / c): the
     * Doppler shift of a source moving toward the listener, and to first order that of a listener
     * moving toward the source. {@code delay[0] == 0} and {@code level[0] == 1}: the onset is
     * untouched.
     *
     * <p>{@code taps} (null: none) says, per tap of the voice in the order the voice was given them,
     * how that path changes besides (null for a tap that does not: the send): the ear's gain over
     * its gain at the onset with the level taken out (the pan; a reflection's own distance), the
     * change of its delay behind the direct path (the interaural delay; a reflection's extra path),
     * and the change of its length (the air's absorption over it). So a source that passes across
     * the picture moves from one ear to the other and its interaural delay with it, and a body
     * rising from the floor hears its floor bounce fall behind.
     *
     * @param stride  chunks from one anchor to the next, at least 1: long rings keep few anchors
     */
    record Motion(int stride, double[] delay, double[] level, TapMotion[] taps) {
        Motion {
            if (stride < 1 || delay.length == 0 || delay.length != level.length || delay[0] != 0 || level[0] != 1) {
                throw new IllegalArgumentException("expected a stride >= 1 and equally long anchors starting at delay 0 and level 1");
            }
            if (taps != null) {
                for (TapMotion t : taps) {
                    if (t != null && (t.gain().length != delay.length || t.shift().length != delay.length
                            || t.metres().length != delay.length || t.gain()[0] != 1 || t.shift()[0] != 0 || t.metres()[0] != 0)) {
                        throw new IllegalArgumentException("expected each tap's changes as long as the anchors, starting unchanged");
                    }
                }
            }
        }

        Motion(double[] delay, double[] level) {
            this(1, delay, level, null);
        }

        /** Array {@code a}'s value at the start of chunk q: interpolated between anchors, the last one past the end. */
        double at(double[] a, int q) {
            int i = q / stride, r = q - i * stride;
            if (i >= a.length - 1) return a[a.length - 1];
            return r == 0 ? a[i] : a[i] + (a[i + 1] - a[i]) * r / stride;
        }

        double delayAt(int q) { return at(delay, q); }

        double levelAt(int q) { return at(level, q); }

        double maxDelay() {
            double m = 0;
            for (double d : delay) m = Math.max(m, d);
            double shift = 0;
            if (taps != null) for (TapMotion t : taps) if (t != null) for (double s : t.shift()) shift = Math.max(shift, s);
            return m + shift;
        }

        /** The largest factor the level and any tap's gain reach over the onset's (air aside). */
        double maxLevel() {
            double m = 1;
            for (double l : level) m = Math.max(m, l);
            double g = 1;
            if (taps != null) for (TapMotion t : taps) if (t != null) for (double x : t.gain()) g = Math.max(g, x);
            return m * g;
        }

        /** The most any tap's path shortens, m (its air then absorbs less than at the onset). */
        double maxShortening() {
            double m = 0;
            if (taps != null) for (TapMotion t : taps) if (t != null) for (double x : t.metres()) m = Math.max(m, -x);
            return m;
        }
    }

    /**
     * How one tap's path changes, per anchor of its {@link Motion}: {@code gain} over the onset's
     * with the level taken out, {@code shift} the change of its delay behind the direct path,
     * samples, and {@code metres} the change of its length (for the air).
     */
    record TapMotion(double[] gain, double[] shift, double[] metres) {}

    private final long onset;
    private final long end;
    private final int channels;
    /** From this sample on every tap of every channel has arrived. */
    private final long late;
    private final double[] omega;
    private final double[] decay;
    private final double[] stepRe;
    private final double[] stepIm;
    private final long[] modeEnd;
    /** Per mode, how its source and listener move, or null for a mode heard from a still source by a still listener. */
    private final Motion[] motion;
    /** Per channel, per mode: the coefficient once every tap has arrived. */
    private final double[][] finalRe, finalIm;
    /**
     * For modes whose taps move ({@link Motion#taps}), null when none do: per tap in the given
     * order its channel, its delay at the onset, samples, its first sample, and per mode its gain
     * times the mode's amplitude; per mode the air's absorption, nepers per metre.
     */
    private final int[] tapChannel;
    private final double[] tapDelay;
    private final long[] tapArrival;
    private final double[][] tapAmp;
    private final double[] airNepers;
    /** Per channel: the taps' first samples, ascending; and per tap (cumulative), per mode, the coefficient from there on. */
    private final long[][] tapStart;
    private final double[][][] cumRe, cumIm;

    /**
     * The dry voice of a strike heard by two ears: one tap per ear with the placement's gains and
     * interaural delays. Null when nothing of it would be heard.
     *
     * @param frequency  mode frequencies, Hz
     * @param decayRate  mode amplitude decay rates, 1/s
     * @param amplitude  mode amplitudes (full scale 1) at unit ear gain
     */
    static Voice of(long onset, Spatializer.Placement ears, double[] frequency, double[] decayRate, double[] amplitude) {
        int n = frequency.length;
        double[] gl = new double[n], gr = new double[n];
        java.util.Arrays.fill(gl, ears.gainLeft());
        java.util.Arrays.fill(gr, ears.gainRight());
        return of(onset, frequency, decayRate, amplitude,
                List.of(new Tap(LEFT, ears.delayLeft(), gl, 1), new Tap(RIGHT, ears.delayRight(), gr, 1)));
    }

    /** A voice heard through the given taps (at least one for each ear); null when nothing of it would be heard. */
    static Voice of(long onset, double[] frequency, double[] decayRate, double[] amplitude, List<Tap> taps) {
        return of(onset, frequency, decayRate, amplitude, taps, null);
    }

    /**
     * A voice heard through the given taps, with per mode the motion of its source and listener
     * ({@code motion} null, or an entry null, for still ones); null when nothing of it would be heard.
     */
    static Voice of(long onset, double[] frequency, double[] decayRate, double[] amplitude, List<Tap> taps,
                    Motion[] motion) {
        return of(onset, frequency, decayRate, amplitude, taps, motion, THRESHOLD);
    }

    /**
     * As above, with modes stopping below {@code threshold} (at least {@link #THRESHOLD}) instead:
     * for a mix that will be turned down, where modes under the threshold divided by the gain
     * would end below -90 dBFS anyway.
     */
    static Voice of(long onset, double[] frequency, double[] decayRate, double[] amplitude, List<Tap> taps,
                    Motion[] motion, double threshold) {
        if (!(threshold >= THRESHOLD)) throw new IllegalArgumentException("expected a threshold of at least " + THRESHOLD);
        int kept = 0;
        for (int n = 0; n < frequency.length; n++) {
            if (amplitude[n] * loudestGain(taps, n) * maxLevel(motion, n, frequency[n]) > threshold) kept++;
        }
        return kept == 0 ? null : new Voice(onset, frequency, decayRate, amplitude, taps, kept, motion, threshold);
    }

    /** The most mode n's gain grows over the onset's as its source moves: level, taps' gains, and less air on a shorter path. */
    private static double maxLevel(Motion[] motion, int n, double frequency) {
        if (motion == null || motion[n] == null) return 1;
        Motion mv = motion[n];
        double shorter = mv.maxShortening();
        return mv.maxLevel() * (shorter > 0 ? Math.exp(airNepersPerMetre(frequency) * shorter) : 1);
    }

    /** The air's amplitude absorption at frequency f, nepers per metre ({@link AirAbsorption}). */
    private static double airNepersPerMetre(double frequency) {
        return AirAbsorption.decibelsPerMetre(frequency) * Math.log(10) / 20;
    }

    private static double loudestGain(List<Tap> taps, int mode) {
        double g = 0;
        for (Tap t : taps) g = Math.max(g, t.gain()[mode] * t.audibility());
        return g;
    }

    private Voice(long onset, double[] frequency, double[] decayRate, double[] amplitude, List<Tap> taps, int kept,
                  Motion[] motions, double threshold) {
        double fs = SoundTrack.SAMPLE_RATE;
        int nch = 2;
        for (Tap t : taps) {
            if (t.channel() == SEND) {
                if (t.delay() != 0) throw new IllegalArgumentException("the send is heard without delay");
                nch = 3;
            }
        }
        channels = nch;
        this.onset = onset;
        // Per channel, the taps in order of arrival (stable: equal starts keep their given order).
        List<List<Tap>> byChannel = new ArrayList<>();
        for (int c = 0; c < nch; c++) byChannel.add(new ArrayList<>());
        for (Tap t : taps) byChannel.get(t.channel()).add(t);
        tapStart = new long[nch][];
        long lastStart = onset;
        for (int c = 0; c < nch; c++) {
            List<Tap> list = byChannel.get(c);
            list.sort(Comparator.comparingDouble(Tap::delay));
            tapStart[c] = new long[list.size()];
            for (int t = 0; t < list.size(); t++) {
                tapStart[c][t] = onset + (long) Math.ceil(list.get(t).delay());
                lastStart = Math.max(lastStart, tapStart[c][t]);
            }
        }
        late = lastStart;
        omega = new double[kept];
        decay = new double[kept];
        stepRe = new double[kept];
        stepIm = new double[kept];
        modeEnd = new long[kept];
        motion = new Motion[kept];
        finalRe = new double[nch][kept];
        finalIm = new double[nch][kept];
        cumRe = new double[nch][][];
        cumIm = new double[nch][][];
        for (int c = 0; c < nch; c++) {
            cumRe[c] = new double[tapStart[c].length][kept];
            cumIm[c] = new double[tapStart[c].length][kept];
        }
        boolean tapsMove = false;
        if (motions != null) for (Motion mv : motions) tapsMove |= mv != null && mv.taps() != null;
        if (tapsMove) {
            for (Motion mv : motions) {
                if (mv != null && mv.taps() != null && mv.taps().length != taps.size()) {
                    throw new IllegalArgumentException("expected a motion for each of the " + taps.size() + " taps, got " + mv.taps().length);
                }
            }
            tapChannel = new int[taps.size()];
            tapDelay = new double[taps.size()];
            tapArrival = new long[taps.size()];
            tapAmp = new double[taps.size()][kept];
            airNepers = new double[kept];
            for (int t = 0; t < taps.size(); t++) {
                tapChannel[t] = taps.get(t).channel();
                tapDelay[t] = taps.get(t).delay();
                tapArrival[t] = onset + (long) Math.ceil(tapDelay[t]);
            }
        } else {
            tapChannel = null;
            tapDelay = null;
            tapArrival = null;
            tapAmp = null;
            airNepers = null;
        }
        long last = onset;
        int m = 0;
        for (int n = 0; n < frequency.length; n++) {
            double a = amplitude[n];
            double loudest = loudestGain(taps, n) * maxLevel(motions, n, frequency[n]);
            if (!(a * loudest > threshold)) continue;
            Motion moving = motions == null ? null : motions[n];
            motion[m] = moving;
            double w = 2 * Math.PI * frequency[n] / fs;
            double d = decayRate[n] / fs;
            omega[m] = w;
            decay[m] = d;
            if (tapsMove) {
                for (int t = 0; t < taps.size(); t++) tapAmp[t][m] = taps.get(t).gain()[n] * a;
                airNepers[m] = airNepersPerMetre(frequency[n]);
            }
            double r = StrictMath.exp(-d);
            stepRe[m] = r * StrictMath.cos(w);
            stepIm[m] = r * StrictMath.sin(w);
            double latestDelay = 0;
            for (int c = 0; c < nch; c++) {
                List<Tap> list = byChannel.get(c);
                double sumRe = 0, sumIm = 0;
                boolean any = false;
                for (int t = 0; t < list.size(); t++) {
                    Tap tap = list.get(t);
                    double delay = tap.delay();
                    if (d * delay <= MAX_GROWTH) {
                        double g = tap.gain()[n] * a * StrictMath.exp(d * delay);
                        double re = g * StrictMath.cos(w * delay), im = -g * StrictMath.sin(w * delay);
                        // The first tap's coefficient is taken as it is (not added to 0), bit for bit.
                        sumRe = any ? sumRe + re : re;
                        sumIm = any ? sumIm + im : im;
                        any = true;
                        latestDelay = Math.max(latestDelay, delay);
                    }
                    cumRe[c][t][m] = sumRe;
                    cumIm[c][t][m] = sumIm;
                }
                finalRe[c][m] = sumRe;
                finalIm[c][m] = sumIm;
            }
            // The loudest tap's envelope reaches the threshold ln(g a / T) / d samples after it starts.
            // (A moving source is heard up to its largest extra delay later, at up to its largest level.)
            double ring = Math.ceil(latestDelay + Math.log(a * loudest / threshold) / d
                    + (moving == null ? 0 : moving.maxDelay())) + 1;
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
     * An upper bound of this voice's samples in either ear: the sum over modes of the magnitude of
     * each ear's coefficient once every tap has arrived (a mode's phasor never exceeds 1). Taps that
     * have not all arrived sum fewer coefficients, but not always fewer in magnitude: the bound is
     * a guide (for where to look for the loudness gain), not a guarantee.
     */
    double peakBound() {
        double peak = 0;
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            for (int m = 0; m < omega.length; m++) sum += Math.hypot(finalRe[c][m], finalIm[c][m]);
            peak = Math.max(peak, sum);
        }
        return peak;
    }

    /**
     * Adds this voice's samples {@code start .. start+n-1} into {@code left[0..n)}, {@code right[0..n)}
     * and, when both it has a send and {@code send} is not null, {@code send[0..n)}. Adds nothing
     * outside [onset, end), and nothing to a channel before its first tap arrives.
     */
    void addTo(long start, double[] left, double[] right, double[] send, int n) {
        long stop = start + n;
        boolean withSend = channels == 3 && send != null;
        int outs = withSend ? 3 : 2;
        double[] anchorOut = new double[4];
        double[] cRe = new double[3], cIm = new double[3];
        double[] from = new double[4], to = new double[4];
        for (int m = 0; m < omega.length; m++) {
            long lo = Math.max(start, onset), hi = Math.min(stop, modeEnd[m]);
            if (lo >= hi) continue;
            double lr = finalRe[LEFT][m], li = finalIm[LEFT][m], rr = finalRe[RIGHT][m], ri = finalIm[RIGHT][m];
            double sr = withSend ? finalRe[SEND][m] : 0;
            // The phasor at lo: exact at its chunk's start, then stepped, as for any other block split.
            long j = lo - onset;
            long anchor = j - j % CHUNK;
            anchor(m, anchor, anchorOut);
            double[] p = anchorOut; // {Re, Im} of the phasor, {Re, Im} of its step
            for (long s = anchor; s < j; s++) {
                double t = p[0] * p[2] - p[1] * p[3];
                p[1] = p[0] * p[3] + p[1] * p[2];
                p[0] = t;
            }
            long k = lo;
            int coefficientsAt = -1; // the chunk whose coefficients {@code from} holds, -1 for none
            while (k < hi) {
                long runEnd = Math.min(hi, onset + ((k - onset) / CHUNK + 1) * CHUNK);
                int i0 = (int) (k - start), i1 = (int) (runEnd - start);
                Motion mv = motion == null ? null : motion[m];
                if (mv != null && mv.taps() != null) {
                    // The paths change: each ear's coefficient moves linearly over the chunk, from the
                    // one at its start to the one at the next chunk's (each exact for its chunk).
                    int q = (int) ((k - onset) / CHUNK);
                    int c0 = (int) (onset + (long) q * CHUNK - start);
                    if (k >= late) {
                        if (coefficientsAt != q) coefficients(m, q, Long.MAX_VALUE, from);
                        coefficients(m, q + 1, Long.MAX_VALUE, to);
                        ringMoving(left, right, withSend ? send : null, i0, i1, c0, from, to, sr, p);
                        System.arraycopy(to, 0, from, 0, 4);
                        coefficientsAt = q + 1;
                    } else {
                        // Some taps have not arrived yet: between arrivals, the taps arrived so far.
                        for (int i = i0; i < i1; ) {
                            long at = start + i, next = start + i1;
                            for (long arrival : tapArrival) if (arrival > at) next = Math.min(next, arrival);
                            coefficients(m, q, at, from);
                            coefficients(m, q + 1, at, to);
                            int segEnd = (int) (next - start);
                            ringMoving(left, right, withSend ? send : null, i, segEnd, c0, from, to, sr, p);
                            i = segEnd;
                        }
                        coefficientsAt = -1;
                    }
                } else if (k >= late) {
                    // The send has no delay: its coefficient is real.
                    ring(left, right, withSend ? send : null, i0, i1, lr, li, rr, ri, sr, 0, p);
                } else {
                    // Only the first samples of a voice: some taps have not arrived yet. Between two
                    // tap arrivals every channel's coefficient is constant (zero before its first tap).
                    for (int i = i0; i < i1; ) {
                        long at = start + i, next = start + i1;
                        for (int c = 0; c < outs; c++) {
                            long[] starts = tapStart[c];
                            int t = starts.length - 1;
                            while (t >= 0 && starts[t] > at) next = Math.min(next, starts[t--]);
                            cRe[c] = t < 0 ? 0 : cumRe[c][t][m];
                            cIm[c] = t < 0 ? 0 : cumIm[c][t][m];
                        }
                        int segEnd = (int) (next - start);
                        ring(left, right, outs == 3 ? send : null, i, segEnd, cRe[0], cIm[0], cRe[1], cIm[1], cRe[2], cIm[2], p);
                        i = segEnd;
                    }
                }
                k = runEnd;
                if (k < hi) anchor(m, k - onset, p);
            }
        }
    }

    /**
     * Mode m's ear coefficients at the start of chunk q, {@code out = {Re, Im left, Re, Im right}}:
     * the sum over the ears' taps that have arrived by sample {@code arrived} of
     * {@code g a exp(d D) exp(-i w D)} with the tap's gain g, delay D and air as its
     * {@link TapMotion} has them then (the constructor's coefficients, with the paths changed).
     */
    private void coefficients(int m, int q, long arrived, double[] out) {
        Motion mv = motion[m];
        double d = decay[m], w = omega[m];
        java.util.Arrays.fill(out, 0);
        for (int t = 0; t < tapChannel.length; t++) {
            int c = tapChannel[t];
            if (c == SEND || d * tapDelay[t] > MAX_GROWTH || tapArrival[t] > arrived) continue;
            TapMotion tm = mv.taps()[t];
            double delay = tapDelay[t], g = tapAmp[t][m], nepers = 0;
            if (tm != null) {
                delay += mv.at(tm.shift(), q);
                g *= mv.at(tm.gain(), q);
                nepers = airNepers[m] * mv.at(tm.metres(), q);
            }
            double mag = g * StrictMath.exp(d * delay - nepers);
            out[2 * c] += mag * StrictMath.cos(w * delay);
            out[2 * c + 1] -= mag * StrictMath.sin(w * delay);
        }
    }

    /**
     * As {@link #ring} after every tap has arrived, each ear's complex coefficient linear in the
     * sample's offset from its chunk's start {@code c0} (an index into the buffers, possibly
     * negative), from {@code a} there to {@code b} a chunk later (each {Re, Im left, Re, Im right}),
     * computed from the index alone so that any block split gives the same samples.
     */
    private static void ringMoving(double[] left, double[] right, double[] send, int i0, int i1, int c0,
                                   double[] a, double[] b, double sr, double[] p) {
        double pr = p[0], pi = p[1], zr = p[2], zi = p[3];
        double lr = a[0], li = a[1], rr = a[2], ri = a[3];
        double dlr = (b[0] - lr) / CHUNK, dli = (b[1] - li) / CHUNK, drr = (b[2] - rr) / CHUNK, dri = (b[3] - ri) / CHUNK;
        for (int i = i0; i < i1; i++) {
            double u = i - c0;
            left[i] += (lr + dlr * u) * pr - (li + dli * u) * pi;
            right[i] += (rr + drr * u) * pr - (ri + dri * u) * pi;
            if (send != null) send[i] += sr * pr;
            double t = pr * zr - pi * zi;
            pi = pr * zi + pi * zr;
            pr = t;
        }
        p[0] = pr;
        p[1] = pi;
    }

    /**
     * Adds one mode over samples [i0, i1) with constant coefficients (a, b, s: left, right, send,
     * each Re and Im; {@code send} null: none), the phasor {@code p} = {Re, Im, step Re, step Im}
     * advancing sample by sample.
     */
    private static void ring(double[] left, double[] right, double[] send, int i0, int i1,
                             double ar, double ai, double br, double bi, double sr, double si, double[] p) {
        double pr = p[0], pi = p[1], zr = p[2], zi = p[3];
        if (send != null) {
            for (int i = i0; i < i1; i++) {
                left[i] += ar * pr - ai * pi;
                right[i] += br * pr - bi * pi;
                send[i] += sr * pr - si * pi;
                double t = pr * zr - pi * zi;
                pi = pr * zi + pi * zr;
                pr = t;
            }
        } else {
            for (int i = i0; i < i1; i++) {
                left[i] += ar * pr - ai * pi;
                right[i] += br * pr - bi * pi;
                double t = pr * zr - pi * zi;
                pi = pr * zi + pi * zr;
                pr = t;
            }
        }
        p[0] = pr;
        p[1] = pi;
    }

    /**
     * Mode m's phasor at {@code a} samples after the onset (a multiple of {@link #CHUNK}), exactly,
     * and its step over the chunk that starts there: {@code out = {Re p, Im p, Re z, Im z}}. A still
     * mode is {@code z^a} stepped by z; a moving one is {@code level_q z^u} with u = a - delay_q,
     * stepped by {@code z^(1 - slope) (level_q+1 / level_q)^(1 / CHUNK)}, which lands on the next
     * anchor's exact value up to rounding.
     */
    private void anchor(int m, long a, double[] out) {
        Motion mv = motion[m];
        double d = decay[m], w = omega[m];
        double mag, phase;
        if (mv == null) {
            mag = StrictMath.exp(-d * a);
            phase = w * a;
            out[2] = stepRe[m];
            out[3] = stepIm[m];
        } else {
            int q = (int) (a / CHUNK);
            double d0 = mv.delayAt(q), d1 = mv.delayAt(q + 1), l0 = mv.levelAt(q), l1 = mv.levelAt(q + 1);
            double u = a - d0;
            mag = l0 * StrictMath.exp(-d * u);
            phase = w * u;
            double rate = 1 - (d1 - d0) / CHUNK;
            double r = StrictMath.exp(-d * rate + StrictMath.log(l1 / l0) / CHUNK);
            out[2] = r * StrictMath.cos(w * rate);
            out[3] = r * StrictMath.sin(w * rate);
        }
        out[0] = mag * StrictMath.cos(phase);
        out[1] = mag * StrictMath.sin(phase);
    }
}
