package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The look-ahead true-peak limiter: it keeps every sample and every point between samples under its
 * threshold, leaves what needs no limiting untouched to the bit, delays nothing, and gives the same
 * samples however the signal is cut into blocks.
 */
class TruePeakLimiterTest {
    /** -1.03 dBTP: the threshold the film mix uses. */
    static final double THRESHOLD = Math.pow(10, -1.03 / 20);
    static final int N = 3 * SoundTrack.SAMPLE_RATE;

    /** The output for input samples [0, n), the limiter fed LOOK_AHEAD samples ahead, in blocks of the given sizes. */
    static double[][] limit(TruePeakLimiter limiter, double[][] x, int[] sizes) {
        int n = x[0].length, ahead = TruePeakLimiter.LOOK_AHEAD;
        double[][] padded = {Arrays.copyOf(x[0], n + ahead), Arrays.copyOf(x[1], n + ahead)};
        double[][] y = new double[2][n + ahead];
        limiter.reset(0);
        limiter.countBetween(0, n);
        for (int done = 0, k = 0; done < n + ahead; ) {
            int m = Math.min(sizes[k++ % sizes.length], n + ahead - done);
            double[] l = Arrays.copyOfRange(padded[0], done, done + m), r = Arrays.copyOfRange(padded[1], done, done + m);
            limiter.process(l, r, m, l, r);
            System.arraycopy(l, 0, y[0], done, m);
            System.arraycopy(r, 0, y[1], done, m);
            done += m;
        }
        // Output i of the stream is sample i - LOOK_AHEAD.
        return new double[][] {Arrays.copyOfRange(y[0], ahead, n + ahead), Arrays.copyOfRange(y[1], ahead, n + ahead)};
    }

    static double truePeak(double[][] y) {
        TruePeakMeter meter = new TruePeakMeter(2);
        meter.add(y[0], y[1], y[0].length);
        return meter.peak();
    }

    static double samplePeak(double[][] y) {
        double p = 0;
        for (double[] c : y) for (double v : c) p = Math.max(p, Math.abs(v));
        return p;
    }

    /** Signals a limiter meets at its worst: strikes, dense noise, a tone with intersample peaks, clicks. */
    static double[][][] hardSignals() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] strikes = new double[2][N], noise = new double[2][N], tone = new double[2][N], clicks = new double[2][N];
        // Modal strikes: every mode peaks on the first sample, 20-40 dB over the threshold, some overlapping.
        for (int s = 0; s < 40; s++) {
            int at = rnd.nextInt(N - 4800);
            double level = Math.pow(10, (20 + 20 * rnd.nextDouble()) / 20) / 12;
            for (int m = 0; m < 12; m++) {
                double f = 80 + 12000 * rnd.nextDouble(), d = 5 + 200 * rnd.nextDouble(), a = level * (0.6 + 0.8 * rnd.nextDouble());
                for (int i = at; i < N; i++) {
                    double t = (i - at) / 48000.0, v = a * Math.exp(-d * t) * Math.cos(2 * Math.PI * f * t);
                    if (Math.abs(v) < 1e-6) break;
                    strikes[0][i] += v;
                    strikes[1][i] += 0.7 * v;
                }
            }
        }
        for (int i = 0; i < N; i++) {
            double burst = (i / 12000) % 2 == 0 ? 6 : 0.3; // 250 ms of +15 dB noise, 250 ms quiet
            noise[0][i] = burst * rnd.nextGaussian();
            noise[1][i] = burst * rnd.nextGaussian();
            // fs/4 at 45 degrees: the samples read 3 dB under the true peak.
            tone[0][i] = 4 * Math.sin(Math.PI / 2 * i + Math.PI / 4);
            tone[1][i] = -tone[0][i];
            if (i % 4801 == 0) clicks[i % 2][i] = 30 * (i % 3 == 0 ? -1 : 1);
        }
        return new double[][][] {strikes, noise, tone, clicks};
    }

    @Test
    void neitherASampleNorAPointBetweenSamplesPassesTheThreshold() {
        for (double[][] x : hardSignals()) {
            double before = truePeak(x);
            double[][] y = limit(new TruePeakLimiter(1, THRESHOLD, 50), x, new int[] {4096});
            double after = truePeak(y), samples = samplePeak(y);
            System.out.printf("limiter: true peak %.2f dBTP in, %.4f dBTP out (threshold %.4f), sample peak %.4f dBFS%n",
                    20 * Math.log10(before), 20 * Math.log10(after), 20 * Math.log10(THRESHOLD), 20 * Math.log10(samples));
            assertTrue(before > 3 * THRESHOLD, "the test signal needs limiting");
            assertTrue(samples <= THRESHOLD * (1 + 1e-12), "sample peak " + samples);
            // Between samples the gain's change within the interpolator's 12 taps may let through a
            // trace; the film mix aims LIMITER_MARGIN_DB under the ceiling for it.
            assertTrue(20 * Math.log10(after / THRESHOLD) < SoundTrack.LIMITER_MARGIN_DB, "true peak " + after);
        }
    }

    @Test
    void aSignalThatNeedsNoLimitingPassesBitForBit() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[2][N];
        for (int i = 0; i < N; i++) {
            x[0][i] = 0.3 * Math.sin(2 * Math.PI * 997 * i / 48000.0) + 0.05 * rnd.nextGaussian();
            x[1][i] = 0.2 * Math.cos(2 * Math.PI * 3001 * i / 48000.0);
        }
        double peak = truePeak(x);
        assertTrue(peak < THRESHOLD);
        // Unity gain: the output is the input.
        double[][] y = limit(new TruePeakLimiter(1, THRESHOLD, 24), x, new int[] {1000});
        assertArrayEquals(x[0], y[0]);
        assertArrayEquals(x[1], y[1]);
        // A make-up gain that keeps the true peak just under the threshold: exactly x times the gain.
        double g = THRESHOLD / peak * 0.999;
        TruePeakLimiter limiter = new TruePeakLimiter(g, THRESHOLD, 24);
        double[][] z = limit(limiter, x, new int[] {1000});
        assertEquals(0, limiter.deepestDb());
        for (int i = 0; i < N; i++) {
            assertEquals(Double.doubleToRawLongBits(x[0][i] * g), Double.doubleToRawLongBits(z[0][i]), "left " + i);
            assertEquals(Double.doubleToRawLongBits(x[1][i] * g), Double.doubleToRawLongBits(z[1][i]), "right " + i);
        }
    }

    @Test
    void anySplitAndAnyRestartGiveTheSameSamples() {
        double[][] x = hardSignals()[0];
        TruePeakLimiter limiter = new TruePeakLimiter(1, THRESHOLD, 50);
        double[][] reference = limit(limiter, x, new int[] {N + TruePeakLimiter.LOOK_AHEAD});
        for (int[] sizes : new int[][] {{1}, {511, 513, 7, 1024, 3}, {48000}, {8192}, {1600, 37}}) {
            double[][] y = limit(limiter, x, sizes);
            assertArrayEquals(reference[0], y[0], Arrays.toString(sizes));
            assertArrayEquals(reference[1], y[1], Arrays.toString(sizes));
        }
        // A cold start warmUp() samples before any point gives the same samples from that point on.
        for (int start : new int[] {30_001, 70_000, 100_003}) {
            int from = start - limiter.warmUp(), n = 20_000, ahead = TruePeakLimiter.LOOK_AHEAD;
            limiter.reset(from);
            double[] l = Arrays.copyOfRange(x[0], from, start + n + ahead), r = Arrays.copyOfRange(x[1], from, start + n + ahead);
            limiter.process(l, r, l.length, l, r);
            // Output i is sample from - LOOK_AHEAD + i.
            int at = start - (from - ahead);
            assertArrayEquals(Arrays.copyOfRange(reference[0], start, start + n), Arrays.copyOfRange(l, at, at + n), "restart at " + start);
            assertArrayEquals(Arrays.copyOfRange(reference[1], start, start + n), Arrays.copyOfRange(r, at, at + n), "restart at " + start);
        }
    }

    @Test
    void silenceStaysSilentAndAStrikeStartsOnItsOwnSampleAtFullForce() {
        // One strike 30 dB over the threshold at sample 10 000: the limiter turns it down, from 2 ms
        // before, but moves nothing. Before it, exact zeros; on it, the loudest sample of the output.
        int onset = 10_000;
        double[][] x = new double[2][48_000];
        for (int i = onset; i < x[0].length; i++) {
            double t = (i - onset) / 48000.0;
            x[0][i] = 30 * (Math.exp(-300 * t) * Math.cos(2 * Math.PI * 2000 * t) + 0.2 * Math.exp(-20 * t) * Math.cos(2 * Math.PI * 180 * t));
        }
        TruePeakLimiter limiter = new TruePeakLimiter(1, THRESHOLD, 40);
        double[][] y = limit(limiter, x, new int[] {2000});
        for (int i = 0; i < onset; i++) assertEquals(0, Double.doubleToRawLongBits(y[0][i]), "exactly +0.0 before the strike: " + i);
        assertTrue(Math.abs(y[0][onset]) >= 0.5 * samplePeak(y), "full force on the first sample");
        assertEquals(20 * Math.log10(THRESHOLD), 20 * Math.log10(truePeak(y)), 0.01, "turned down to the threshold, not further");
        System.out.printf("one strike 30 dB over: deepest reduction %.2f dB%n", limiter.deepestDb());
        // The first sample is 36, and the points interpolated next to the jump from silence 1 dB more:
        // the deepest reduction is what the strike's true peak needs, to the rounding of the gain.
        assertEquals(20 * Math.log10(truePeak(x) / THRESHOLD), limiter.deepestDb(), 0.002);
    }
}
