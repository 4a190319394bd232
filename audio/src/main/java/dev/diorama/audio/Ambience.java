package dev.diorama.audio;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The quiet sound of the place under the events, procedural and deterministic: indoors a room tone
 * (the soft broadband hiss of air and building, weighted to the low end); outdoors a wind (low-passed
 * noise in slow gusts), birdsong by day and crickets at night, crossfading through civil twilight
 * (the sun between 6 degrees below the horizon and the horizon) as the film's clock runs, so a
 * time-lapse through dusk hears the birds give way to the crickets.
 *
 * <p>Levels are absolute, in the film's final scale (full scale 1), and low: the wind's RMS is
 * about -58 dBFS in a gust, birds peak near -48 dBFS, crickets near -58 dBFS, the room tone's RMS
 * is -64 dBFS. Its quiet passages lie far below BS.1770's relative gate of a film at -16 LUFS, so the
 * ambience does not move the film's measured loudness; it is added after the loudness gain and the
 * limiter, whose ceiling is lowered by {@link #peakBound()} so the true peak stays under -1 dBTP.
 *
 * <p>Crickets chirp at the rate Dolbear's law gives for a warm night of 20 C, about 110 chirps a
 * minute (N = 7 (T - 10) + 40 per minute, T in C); each chirp is three 15 ms pulses of a 4.6 kHz
 * carrier. Birds sing syllables of 60-150 ms sweeping between 2.5 and 6 kHz, at random (Poisson)
 * times drawn from the scene's seed.
 *
 * <p>A sample is a pure function of its absolute index: noise comes from a counter-based hash of the
 * seed and the sample index, filtered in fixed blocks aligned on sample 0; the tones are closed-form
 * functions of time. So any block split renders the same floats, as the rest of the sound does.
 */
final class Ambience {
    static final int BLOCK = 4096;
    /** Two cascaded moving averages of this many samples low-pass the wind (first null at 500 Hz). */
    static final int WIND_SPAN = 96;
    /** ... and the room tone (first null at 2 kHz). */
    static final int ROOM_SPAN = 24;
    /** RMS of the wind (in a gust of strength 1) and of the room tone; peak of a bird and of a cricket. */
    static final double WIND_LEVEL = 0.0012, ROOM_LEVEL = 0.0006, BIRD_LEVEL = 0.004, CRICKET_LEVEL = 0.0008;
    static final double CRICKET_HZ = 4600, CRICKETS_PER_MINUTE = 7 * (20 - 10) + 40;
    static final int CRICKETS = 3;

    private final long seed;
    private final boolean outdoor;
    private final Scene scene;
    /** Birdsong syllables: start (s), duration (s), start and end frequency (Hz), pan in [-1, 1], amplitude. */
    private final double[][] syllables;
    /** For each second of film (and one after), the share of day in [0, 1] at its start. */
    private final double[] day;
    /** {@link #peakBound()}, once computed (NaN before). */
    private double bound = Double.NaN;
    private long cachedBlock = Long.MIN_VALUE;
    private final double[][] cached = new double[2][BLOCK];

    Ambience(Scene scene) {
        this.scene = scene;
        this.seed = scene.seed();
        this.outdoor = scene.environment().kind() == Environment.Kind.OUTDOOR;
        int seconds = (int) Math.ceil(scene.seconds()) + 2;
        day = new double[seconds + 1];
        for (int s = 0; s <= seconds; s++) {
            double elevation = scene.sunAt(Math.min(s, scene.seconds())).elevation();
            day[s] = Math.max(0, Math.min(1, (elevation + 6) / 6));
        }
        List<double[]> list = new ArrayList<>();
        if (outdoor) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x62697264736f6e67L);
            double t = random.nextDouble() * 0.8;
            while (t < scene.seconds() + 1) {
                int phrase = 2 + random.nextInt(4);
                double pan = random.nextDouble() * 1.6 - 0.8, amp = BIRD_LEVEL * (0.4 + 0.6 * random.nextDouble());
                double base = 2500 + random.nextDouble() * 2500;
                for (int k = 0; k < phrase; k++) {
                    double len = 0.06 + random.nextDouble() * 0.09;
                    double f0 = base + random.nextDouble() * 800, f1 = Math.min(6000, f0 + (random.nextDouble() - 0.3) * 1500);
                    list.add(new double[] {t, len, f0, f1, pan, amp});
                    t += len + 0.03 + random.nextDouble() * 0.05;
                }
                t += -Math.log(1 - random.nextDouble()) / 0.7; // phrases about 0.7 per second
            }
        }
        syllables = list.toArray(new double[0][]);
    }

    /**
     * No sample of the film's ambience, nor any point between samples, exceeds this in either
     * channel: the highest sample of the whole film's ambience, rendered once on the first call,
     * with 5 % for what lies between samples (everything in it is far below the Nyquist frequency,
     * where the overshoot between samples is small).
     */
    synchronized double peakBound() {
        if (Double.isNaN(bound)) {
            float[] l = new float[BLOCK], r = new float[BLOCK];
            double peak = 0;
            long end = (long) Math.ceil(scene.seconds() * SoundTrack.SAMPLE_RATE) + BLOCK;
            for (long s = 0; s < end; s += BLOCK) {
                Arrays.fill(l, 0);
                Arrays.fill(r, 0);
                addTo(s, l, r, BLOCK);
                for (int i = 0; i < BLOCK; i++) peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
            }
            bound = peak * 1.05;
        }
        return bound;
    }

    /** Adds samples [start, start + n) into left and right. */
    void addTo(long start, float[] left, float[] right, int n) {
        double[] l = new double[n], r = new double[n];
        addTo(start, l, r, n, 1);
        for (int i = 0; i < n; i++) {
            left[i] += (float) l[i];
            right[i] += (float) r[i];
        }
    }

    /** Adds samples [start, start + n) times {@code scale} into left and right. */
    synchronized void addTo(long start, double[] left, double[] right, int n, double scale) {
        for (int done = 0; done < n; ) {
            long at = start + done;
            long b = Math.floorDiv(at, BLOCK);
            int offset = (int) (at - b * BLOCK), len = Math.min(n - done, BLOCK - offset);
            block(b);
            for (int i = 0; i < len; i++) {
                left[done + i] += cached[0][offset + i] * scale;
                right[done + i] += cached[1][offset + i] * scale;
            }
            done += len;
        }
    }

    private void block(long b) {
        if (b == cachedBlock) return;
        long first = b * BLOCK;
        for (int c = 0; c < 2; c++) {
            double[] out = cached[c];
            int span = outdoor ? WIND_SPAN : ROOM_SPAN;
            double[] noise = smoothedNoise(first, c, span);
            for (int i = 0; i < BLOCK; i++) {
                double t = (double) (first + i) / SoundTrack.SAMPLE_RATE;
                out[i] = outdoor ? noise[i] * WIND_LEVEL * gust(t, c) : noise[i] * ROOM_LEVEL;
            }
        }
        if (outdoor) {
            for (int i = 0; i < BLOCK; i++) {
                double t = (double) (first + i) / SoundTrack.SAMPLE_RATE;
                if (t < 0) continue;
                double d = dayAt(t);
                if (d < 1) crickets(t, 1 - d, i);
                if (d > 0) birds(t, d, i);
            }
        }
        cachedBlock = b;
    }

    /**
     * White noise in [-1, 1] from the hash of (seed, channel, index), through two cascaded moving
     * averages of {@code span} samples and rescaled to unit RMS (a moving average of s uniform values
     * has variance 1 / (3 s); two in cascade about 2 / (3 s)).
     */
    private double[] smoothedNoise(long first, int channel, int span) {
        int pad = 2 * (span - 1);
        double[] white = new double[BLOCK + pad];
        for (int i = 0; i < white.length; i++) white[i] = uniform(first - pad + i, channel);
        double[] once = movingAverage(white, span);
        double[] twice = movingAverage(once, span);
        double scale = Math.sqrt(3.0 * span / 2);
        double[] out = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) out[i] = twice[twice.length - BLOCK + i] * scale;
        return out;
    }

    private static double[] movingAverage(double[] x, int span) {
        double[] y = new double[x.length - span + 1];
        double sum = 0;
        for (int i = 0; i < span; i++) sum += x[i];
        y[0] = sum / span;
        for (int i = span; i < x.length; i++) {
            sum += x[i] - x[i - span];
            y[i - span + 1] = sum / span;
        }
        return y;
    }

    /** Slow gusts in [0.35, 1.5]: three incommensurate swells with phases from the seed. */
    private double gust(double t, int channel) {
        double p = (seed & 0xffff) / 65536.0 * 2 * Math.PI;
        double g = 0.8 + 0.3 * Math.sin(2 * Math.PI * 0.071 * t + p) + 0.2 * Math.sin(2 * Math.PI * 0.173 * t + 2.1 * p + channel)
                + 0.15 * Math.sin(2 * Math.PI * 0.37 * t + 3.7 * p);
        return Math.max(0.35, Math.min(1.5, g));
    }

    private double dayAt(double t) {
        int s = (int) Math.min(day.length - 2, Math.floor(t));
        double w = t - s;
        return day[s] + w * (day[s + 1] - day[s]);
    }

    private void crickets(double t, double night, int i) {
        double period = 60 / CRICKETS_PER_MINUTE;
        for (int k = 0; k < CRICKETS; k++) {
            double offset = ((seed >>> (8 * k)) & 0xff) / 256.0 * period;
            double phase = (t + offset) % period;
            // Three pulses of 15 ms, 10 ms apart, each with a raised-cosine envelope.
            double env = 0;
            for (int pulse = 0; pulse < 3; pulse++) {
                double u = (phase - pulse * 0.025) / 0.015;
                if (u >= 0 && u < 1) env = 0.5 - 0.5 * Math.cos(2 * Math.PI * u);
            }
            if (env == 0) continue;
            double f = CRICKET_HZ * (1 + 0.03 * (k - 1));
            double v = CRICKET_LEVEL * night * env * Math.sin(2 * Math.PI * f * t);
            double pan = (k - 1) * 0.6;
            double phi = (pan + 1) * Math.PI / 4;
            cached[0][i] += v * Math.cos(phi) * Math.sqrt(2);
            cached[1][i] += v * Math.sin(phi) * Math.sqrt(2);
        }
    }

    private void birds(double t, double daylight, int i) {
        int k = firstSyllableEndingAfter(t);
        for (; k < syllables.length && syllables[k][0] <= t; k++) {
            double[] s = syllables[k];
            double u = (t - s[0]) / s[1];
            if (u < 0 || u >= 1) continue;
            // A linear sweep from f0 to f1: the phase is the integral of the frequency.
            double tau = t - s[0];
            double phase = 2 * Math.PI * (s[2] * tau + 0.5 * (s[3] - s[2]) / s[1] * tau * tau);
            double env = Math.sin(Math.PI * u);
            double v = s[5] * daylight * env * env * Math.sin(phase);
            double phi = (s[4] + 1) * Math.PI / 4;
            cached[0][i] += v * Math.cos(phi) * Math.sqrt(2);
            cached[1][i] += v * Math.sin(phi) * Math.sqrt(2);
        }
    }

    /** The first syllable that ends after t (syllables are sorted by start; ends are near-sorted, so step back). */
    private int firstSyllableEndingAfter(double t) {
        int lo = 0, hi = syllables.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (syllables[mid][0] + 0.2 < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private double uniform(long index, int channel) {
        return Noise.uniform(seed, channel, index);
    }

    @Override
    public String toString() {
        return "Ambience[" + (outdoor ? "outdoor, " + syllables.length + " bird syllables" : "room tone")
                + "]";
    }
}
