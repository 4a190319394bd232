package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A bubble rings at Minnaert's frequency, decays at van den Doel's rate, and rises in pitch. */
class BubbleTest {
    private static final double FS = 48000;

    /** Frequency from the upward zero crossings inside [t0, t1), interpolated between samples. */
    private static double zeroCrossingFrequency(float[] y, double t0, double t1) {
        double first = -1, last = -1;
        int count = 0;
        for (int k = (int) (t0 * FS); k < (int) (t1 * FS); k++) {
            if (y[k] < 0 && y[k + 1] >= 0) {
                double t = (k + y[k] / (double) (y[k] - y[k + 1])) / FS;
                if (first < 0) first = t; else count++;
                last = t;
            }
        }
        return count / (last - first);
    }

    @Test
    void aOneMillimetreBubbleRingsNear3point26kHzAndDecaysAtTheDampingRate() {
        Bubble b = new Bubble(1e-3, 1);
        assertEquals(3260, b.frequency(), 1e-9);
        assertEquals(0.13 / 1e-3 + 0.0072 * Math.pow(1e-3, -1.5), b.decayRate(), 1e-9);
        float[] y = new float[(int) (0.05 * FS)];
        b.addTo(y, FS, 0);
        // measured frequency over the first 2 ms: f0 (1 + xi d t) at t ~ 1 ms
        double f = zeroCrossingFrequency(y, 0, 0.002);
        assertEquals(3260 * (1 + Bubble.RISE * b.decayRate() * 0.001), f, 15);
        // measured decay: log ratio of the peaks of the cycles near 1 ms and 6 ms
        double p1 = peak(y, 0.001, 0.0015), p2 = peak(y, 0.006, 0.0065);
        double measured = Math.log(p1 / p2) / 0.005;
        assertEquals(b.decayRate(), measured, 0.03 * b.decayRate());
        // the pitch has risen later on
        double late = zeroCrossingFrequency(y, 0.008, 0.010);
        assertEquals(3260 * (1 + Bubble.RISE * b.decayRate() * 0.009), late, 20);
    }

    @Test
    void frequencyScalesAsOneOverTheRadius() {
        assertEquals(2 * new Bubble(2e-3, 1).frequency(), new Bubble(1e-3, 1).frequency(), 1e-9);
        assertEquals(1630, new Bubble(2e-3, 1).frequency(), 1e-9);
    }

    private static double peak(float[] y, double t0, double t1) {
        double p = 0;
        for (int k = (int) (t0 * FS); k < (int) (t1 * FS); k++) p = Math.max(p, Math.abs(y[k]));
        return p;
    }
}
