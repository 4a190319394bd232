package dev.diorama.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    static final int W = 8, H = 8;

    static byte[] grey(int v) {
        byte[] f = new byte[W * H * 3];
        Arrays.fill(f, (byte) v);
        return f;
    }

    static List<byte[]> frames(int v, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(grey(v));
        return out;
    }

    static boolean[] pattern(List<boolean[]> masks) {
        boolean[] p = new boolean[masks.size()];
        for (int i = 0; i < p.length; i++) {
            boolean[] m = masks.get(i);
            boolean all = true, none = true;
            for (boolean b : m) { all &= b; none &= !b; }
            if (!all && !none) throw new AssertionError("a uniform picture must give a uniform mask");
            p[i] = all;
        }
        return p;
    }

    @Test
    void identicalVideosScoreTheCeiling() {
        byte[] start = grey(0);
        List<byte[]> truth = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] f = grey(30);
            for (int p = 0; p < 9; p++) f[3 * ((i + p / 3) * W + 2 + p % 3) + 1] = (byte) 200;   // a moving green square
            truth.add(f);
        }
        List<boolean[]> masks = MotionMasks.of(start, truth, W, H);
        Metrics same = Metrics.compare(truth, masks, truth, masks);
        assertEquals(new Metrics(1, 1, 1, 0), same);
        assertEquals(100, same.score(same));
        // Against a real, imperfect variance too: an answer identical to the truth is clamped to 100.
        assertEquals(100, same.score(new Metrics(0.9, 0.8, 0.7, 1e-4)));
    }

    /**
     * A tiny case worked by hand. The picture brightens evenly from 0 to 20 (of 255) after the last
     * conditioning frame and stays; the twin brightens to 22; the held-still answer stays at 0.
     * Luma is the grey level and smoothing leaves an even picture as it is, so every mask is all
     * or nothing. Running background (weight 0.3), threshold 10:
     * truth 20: background 6 → |20−6| = 14, moving; 10.2 → 9.8, still; then ever less: T F F F F F F F.
     * twin 22: 6.6 → 15.4 T; 11.22 → 10.78 T; 14.454 → 7.546 F: T T F F F F F F.
     * held still at 0: nothing moves.
     * Variance (truth vs twin): spatiotemporal 7/8 (frame 2 disagrees), spatial 1, weighted
     * Σmin/Σmax = 1/2, MSE (2/255)². Held still vs truth: spatiotemporal 7/8 (frame 1 disagrees),
     * spatial 0, weighted 0, MSE (20/255)².
     * Score = 100 · ((0.875/0.875 + 0/1 + 0/0.5)/3 − ((20/255)² − (2/255)²)) = 100 · (1/3 − 396/65025)
     * = 32.7243.
     */
    @Test
    void heldStillScoresWhatTheHandCalculationSays() {
        byte[] start = grey(0);
        List<byte[]> truth = frames(20, 8), twin = frames(22, 8);
        List<byte[]> held = frames(0, 8);   // the last conditioning frame, held
        List<boolean[]> mt = MotionMasks.of(start, truth, W, H), mw = MotionMasks.of(start, twin, W, H);
        List<boolean[]> mh = MotionMasks.of(start, held, W, H);
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false}, pattern(mt));
        assertArrayEquals(new boolean[] {true, true, false, false, false, false, false, false}, pattern(mw));
        assertArrayEquals(new boolean[8], pattern(mh));

        Metrics variance = Metrics.compare(truth, mt, twin, mw);
        assertEquals(0.875, variance.spatiotemporalIou(), 1e-12);
        assertEquals(1, variance.spatialIou(), 1e-12);
        assertEquals(0.5, variance.weightedSpatialIou(), 1e-12);
        assertEquals(4.0 / 65025, variance.mse(), 1e-15);

        Metrics still = Metrics.compare(truth, mt, held, mh);
        assertEquals(0, still.spatialIou());
        assertEquals(0.875, still.spatiotemporalIou(), 1e-12);
        assertEquals(0, still.weightedSpatialIou());
        assertEquals(400.0 / 65025, still.mse(), 1e-15);
        assertEquals(100 * (1.0 / 3 - 396.0 / 65025), still.score(variance), 1e-9);
        assertEquals(32.7243, still.score(variance), 1e-4);
    }

    @Test
    void masksKeepAMovingBallAndDropSpecks() {
        int w = 16, h = 16;
        byte[] start = new byte[w * h * 3];
        byte[] frame = new byte[w * h * 3];
        for (int r = 5; r < 10; r++) for (int c = 5; c < 10; c++) Arrays.fill(frame, 3 * (r * w + c), 3 * (r * w + c) + 3, (byte) 220);
        // A faint one-pixel speck: after smoothing only its own pixel passes the threshold
        // (60 · 4/16 · 0.7 = 10.5), and the opening removes it.
        Arrays.fill(frame, 3 * (1 * w + 12), 3 * (1 * w + 12) + 3, (byte) 60);
        boolean[] m = MotionMasks.of(start, List.of(frame), w, h).get(0);
        assertEquals(true, m[7 * w + 7]);
        for (boolean b : java.util.Arrays.copyOfRange(m, 0, 3 * w)) assertEquals(false, b);
    }
}
