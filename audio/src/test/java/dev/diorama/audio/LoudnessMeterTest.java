package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Our BS.1770-4 meter reads the standard's and EBU Tech 3341's reference signals as they must be
 * read (tolerance 0.1 LU, as Tech 3341 asks of a meter), and the true peak finds what lies between
 * the samples.
 */
class LoudnessMeterTest {
    private static final int FS = SoundTrack.SAMPLE_RATE;

    /** Sine sections: {seconds, amplitude in dBFS (or -inf for silence), in the left, in the right}. */
    private static LoudnessMeter measure(double frequency, double[]... sections) {
        LoudnessMeter m = new LoudnessMeter();
        int block = 4800;
        double[] l = new double[block], r = new double[block];
        long k = 0;
        for (double[] s : sections) {
            long n = Math.round(s[0] * FS);
            double a = s[1] == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, s[1] / 20);
            for (long done = 0; done < n; ) {
                int len = (int) Math.min(block, n - done);
                for (int i = 0; i < len; i++, k++) {
                    double x = a * Math.sin(2 * Math.PI * frequency * k / FS);
                    l[i] = s[2] * x;
                    r[i] = s[3] * x;
                }
                m.add(l, r, len);
                done += len;
            }
        }
        return m;
    }

    private static double[] stereo(double seconds, double dbfs) { return new double[] {seconds, dbfs, 1, 1}; }

    @Test
    void aStereoSineAtMinus23DbfsReadsMinus23Lufs() {
        // EBU Tech 3341 test 1 (1 kHz) and ITU's own check at 997 Hz.
        assertEquals(-23.0, measure(1000, stereo(20, -23)).integrated(), 0.1);
        assertEquals(-23.0, measure(997, stereo(20, -23)).integrated(), 0.1);
        // Tech 3341 test 2.
        assertEquals(-33.0, measure(1000, stereo(20, -33)).integrated(), 0.1);
    }

    @Test
    void aOneKilohertzSineAtMinus20DbfsInOneChannelReadsMinus23Lufs() {
        // A full-scale sine in one channel reads -3.01 LKFS (BS.1770-4), so -20 dBFS reads -23.01.
        double l = measure(1000, new double[] {20, -20, 1, 0}).integrated();
        System.out.printf("1 kHz, -20 dBFS, left only: %.3f LUFS%n", l);
        assertEquals(-23.01, l, 0.1);
        assertEquals(l, measure(1000, new double[] {20, -20, 0, 1}).integrated(), 1e-9, "either channel alike");
    }

    /**
     * Why dry knocks cannot reach -16 LUFS under a -1 dBTP ceiling: short sounds in silence read
     * their energy spread over a 400 ms block. A stereo 1 kHz burst at -1 dBFS peak, tau long, once
     * a second (the gate keeps only the blocks that hold a burst, each holding all of it for
     * tau <= 100 ms) reads -1 + 10 log10(tau / 0.4 s) LUFS: -24.0 for 2 ms, -17.0 for 10 ms; a
     * sine's mean square is half its peak's square, which the K-weighting's +0.69 dB at 1 kHz and
     * the -0.691 of the definition leave as it is for two channels. A struck body's knock decays in
     * a few milliseconds, so it reads lower still; -16 would need each knock held at full scale for
     * about 13 ms.
     */
    @Test
    void shortBurstsUnderTheCeilingReadTheirEnergySpreadOverTheBlock() {
        for (double tau : new double[] {0.002, 0.010}) {
            double amp = Math.pow(10, -1 / 20.0);
            int n = 4 * FS;
            double[] l = new double[n], r = new double[n];
            for (int k = 0; k < 4; k++) {
                int s0 = (int) ((0.1 + k) * FS);
                for (int i = 0; i < tau * FS; i++) l[s0 + i] = r[s0 + i] = amp * Math.sin(2 * Math.PI * 1000 * i / FS);
            }
            LoudnessMeter m = new LoudnessMeter();
            m.add(l, r, n);
            assertEquals(-1 + 10 * Math.log10(tau / 0.4), m.integrated(), 0.1, tau * 1000 + " ms bursts");
            assertEquals(-1, m.truePeakDb(), 0.05);
        }
    }

    @Test
    void theGatesDropQuietAndSilentSections() {
        // Tech 3341 test 3: -36 / -23 / -36 dBFS for 10 / 60 / 10 s: the relative gate (-33) drops the -36 parts.
        assertEquals(-23.0, measure(1000, stereo(10, -36), stereo(60, -23), stereo(10, -36)).integrated(), 0.1);
        // Tech 3341 test 4: -72 / -36 / -23 / -36 / -72: the absolute gate (-70) drops the -72 parts.
        assertEquals(-23.0, measure(1000, stereo(10, -72), stereo(10, -36), stereo(60, -23), stereo(10, -36),
                stereo(10, -72)).integrated(), 0.1);
        // Silence changes nothing: 60 s of sine read alike with 20 s of silence before and after
        // (only the few 400 ms blocks that straddle an edge, partly silent, count a little lower).
        double alone = measure(1000, stereo(60, -20)).integrated();
        double withSilence = measure(1000, stereo(20, Double.NEGATIVE_INFINITY), stereo(60, -20),
                stereo(20, Double.NEGATIVE_INFINITY)).integrated();
        System.out.printf("60 s at -20 dBFS: %.4f LUFS alone, %.4f LUFS between 40 s of silence%n", alone, withSilence);
        assertEquals(alone, withSilence, 0.05);
        assertEquals(Double.NEGATIVE_INFINITY, measure(1000, stereo(5, Double.NEGATIVE_INFINITY)).integrated());
    }

    @Test
    void kWeightingLiftsHighFrequenciesAndCutsTheLowest() {
        // The K-weighting's gain at f is what a stereo sine of amplitude A reads, less 20 log10 A - 0.691:
        // +0.69 dB at 1 kHz (why the -0.691), about +4 dB on the shelf at 8 kHz, and far below 0 at 20 Hz.
        double at1k = measure(1000, stereo(5, -20)).integrated() + 0.691 + 20;
        double at8k = measure(8000, stereo(5, -20)).integrated() + 0.691 + 20;
        double at20 = measure(20, stereo(5, -20)).integrated() + 0.691 + 20;
        System.out.printf("K-weighting gain: 20 Hz %.2f dB, 1 kHz %.2f dB, 8 kHz %.2f dB%n", at20, at1k, at8k);
        assertEquals(0.69, at1k, 0.05);
        assertEquals(4.0, at8k, 0.1);
        assertTrue(at20 < -10, "20 Hz is cut by more than 10 dB");
    }

    @Test
    void theTruePeakFindsTheCrestBetweenTheSamples() {
        // A sine at fs/4 sampled 45 degrees off its crests: every sample is at A / sqrt 2 (-3.01 dB),
        // the wave itself reaches A. The true peak must read A; the sample peak cannot.
        double a = Math.pow(10, -6.0 / 20);
        int n = 4800;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = a * Math.sin(Math.PI / 2 * i + Math.PI / 4);
        LoudnessMeter m = new LoudnessMeter();
        m.add(x, x, n);
        double samplePeak = 0;
        for (double v : x) samplePeak = Math.max(samplePeak, Math.abs(v));
        System.out.printf("fs/4 sine, 45 degrees: sample peak %.2f dBFS, true peak %.2f dBTP%n",
                20 * Math.log10(samplePeak), m.truePeakDb());
        assertEquals(-9.01, 20 * Math.log10(samplePeak), 0.01);
        assertEquals(-6.0, m.truePeakDb(), 0.2);
        // A slow sine has its crests on samples (almost): the true peak is the sample peak.
        LoudnessMeter slow = measure(100, stereo(1, -10));
        assertEquals(-10.0, slow.truePeakDb(), 0.05);
        // One full-scale sample alone: the interpolation overshoots it (a sinc's ringing is not the
        // point here); the true peak is at least the sample.
        double[] click = new double[100];
        click[50] = 0.5;
        LoudnessMeter c = new LoudnessMeter();
        c.add(click, click, 100);
        assertTrue(c.truePeak() >= 0.5);
    }
}
