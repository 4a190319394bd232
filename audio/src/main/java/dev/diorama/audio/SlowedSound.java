package dev.diorama.audio;

/**
 * A sound track played {@code k} times slower, as a slow-motion film plays what its microphone
 * heard: film sample {@code s} is the world's sound at {@code s / k} samples, so every sound lasts
 * k times longer and is k times lower (an octave for each halving of the speed), and an impact the
 * picture shows at world time t starts at film time k·t, to the sample. Between world samples the
 * signal is interpolated by a Catmull-Rom cubic (exact at the samples, continuous in slope).
 *
 * <p>The world's samples are made in order, each once, into a buffer that keeps only what the
 * next film samples still need; calls for film samples in order (a film's frames) render the world
 * track contiguously, as its look-ahead limiter wants. A call out of order starts the buffer anew.
 */
public final class SlowedSound {
    private final SoundTrack sound;
    private final double k;
    private float[] bl = new float[0], br = new float[0];
    private long bufStart;   // world sample at bl[0]
    private int bufLen;

    /** @param k how many times slower, at least 1 (1 passes the track through unchanged) */
    public SlowedSound(SoundTrack sound, double k) {
        if (!(k >= 1) || !Double.isFinite(k)) throw new IllegalArgumentException("expected a slow-down of at least 1, got " + k);
        this.sound = sound;
        this.k = k;
    }

    /** Fills left[0..n) and right[0..n) with the film's samples start .. start + n - 1, as {@link SoundTrack#render}. */
    public void render(long start, float[] left, float[] right, int n) {
        if (k == 1) {
            sound.render(start, left, right, n);
            return;
        }
        if (n <= 0) return;
        long lo = (long) Math.floor(start / k) - 1, hi = (long) Math.floor((start + n - 1) / k) + 2;
        cover(lo, hi);
        for (int i = 0; i < n; i++) {
            double x = (start + i) / k;
            long j = (long) Math.floor(x);
            double f = x - j;
            int at = (int) (j - bufStart);
            left[i] = (float) cubic(bl[at - 1], bl[at], bl[at + 1], bl[at + 2], f);
            right[i] = (float) cubic(br[at - 1], br[at], br[at + 1], br[at + 2], f);
        }
    }

    /** Makes the buffer hold world samples lo .. hi (inclusive), rendering only those not yet made. */
    private void cover(long lo, long hi) {
        long end = bufStart + bufLen;
        if (lo < bufStart || lo > end) {
            bufStart = lo;
            bufLen = 0;
            end = lo;
        }
        int keep = (int) (end - lo), need = (int) (hi + 1 - lo);
        if (bl.length < need) {
            float[] nl = new float[Math.max(need, 2 * bl.length)], nr = new float[nl.length];
            System.arraycopy(bl, (int) (lo - bufStart), nl, 0, keep);
            System.arraycopy(br, (int) (lo - bufStart), nr, 0, keep);
            bl = nl;
            br = nr;
        } else if (lo > bufStart) {
            System.arraycopy(bl, (int) (lo - bufStart), bl, 0, keep);
            System.arraycopy(br, (int) (lo - bufStart), br, 0, keep);
        }
        bufStart = lo;
        bufLen = keep;
        if (need > keep) {
            float[] l = new float[need - keep], r = new float[need - keep];
            sound.render(end, l, r, need - keep);
            System.arraycopy(l, 0, bl, keep, need - keep);
            System.arraycopy(r, 0, br, keep, need - keep);
            bufLen = need;
        }
    }

    /**
     * The track's mastering as the film carries it: in real time the track's own; slowed, its final
     * loudness and true peak measured on the slowed samples 0 .. {@code samples} - 1 (a pass of its own).
     */
    public SoundTrack.Mastering mastering(long samples) {
        SoundTrack.Mastering m = sound.mastering();
        if (k == 1 || m == null) return m;
        SlowedSound pass = new SlowedSound(sound, k);
        LoudnessMeter meter = new LoudnessMeter();
        int block = SoundTrack.SAMPLE_RATE / 10;
        float[] l = new float[block], r = new float[block];
        for (long s = 0; s < samples; s += block) {
            int n = (int) Math.min(block, samples - s);
            pass.render(s, l, r, n);
            meter.add(l, r, n);
        }
        return m.measuredAs(meter.integrated(), meter.truePeakDb());
    }

    /** Catmull-Rom between b (f = 0) and c (f = 1), a and d the samples either side. */
    static double cubic(double a, double b, double c, double d, double f) {
        return b + 0.5 * f * (c - a + f * (2 * a - 5 * b + 4 * c - d + f * (3 * (b - c) + d - a)));
    }
}
