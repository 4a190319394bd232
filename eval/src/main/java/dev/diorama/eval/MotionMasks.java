package dev.diorama.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things move, by background subtraction as Physics-IQ does it (no trained network): each
 * picture is turned to luma and smoothed; a background is kept as a running average of the
 * pictures seen so far (each new picture weighs {@value #LEARNING_RATE}); a pixel moves where the
 * picture differs from that background by more than {@value #THRESHOLD} (of 255); an opening then
 * a closing with a 3×3 square removes specks and fills pinholes.
 *
 * <p>The background starts from the last conditioning frame, the same picture for the truth and
 * for every answer, so a continuation is judged from the moment it takes over. A running average
 * absorbs whatever stops, so a mask marks motion, not presence: an answer that holds the last
 * frame still has empty masks. Physics-IQ smooths and opens with 5×5 kernels on pictures 4 to 16
 * times wider than ours; 3×3 is the same scale here and keeps a ball 6 pixels across.
 */
public final class MotionMasks {
    /** Weight of a new picture in the running-average background. */
    public static final double LEARNING_RATE = 0.3;
    /** Luma difference (0..255) above which a pixel counts as moving. */
    public static final double THRESHOLD = 10;

    private MotionMasks() {}

    /**
     * One mask per frame of {@code frames} (BGR, rows top-down), {@code true} where something
     * moves; {@code start} is the picture the background starts from.
     */
    public static List<boolean[]> of(byte[] start, List<byte[]> frames, int w, int h) {
        double[] background = smoothedLuma(start, w, h);
        List<boolean[]> masks = new ArrayList<>(frames.size());
        for (byte[] f : frames) {
            double[] y = smoothedLuma(f, w, h);
            boolean[] m = new boolean[w * h];
            for (int i = 0; i < m.length; i++) {
                background[i] += LEARNING_RATE * (y[i] - background[i]);
                m[i] = Math.abs(y[i] - background[i]) > THRESHOLD;
            }
            masks.add(close(open(m, w, h), w, h));
        }
        return masks;
    }

    /** BT.601 luma, smoothed with the 3×3 binomial kernel (edges repeat the border pixel). */
    static double[] smoothedLuma(byte[] bgr, int w, int h) {
        double[] y = new double[w * h];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.114 * (bgr[3 * i] & 255) + 0.587 * (bgr[3 * i + 1] & 255) + 0.299 * (bgr[3 * i + 2] & 255);
        }
        double[] t = new double[w * h], out = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int l = Math.max(0, c - 1), rr = Math.min(w - 1, c + 1);
                t[r * w + c] = (y[r * w + l] + 2 * y[r * w + c] + y[r * w + rr]) / 4;
            }
        }
        for (int r = 0; r < h; r++) {
            int u = Math.max(0, r - 1), d = Math.min(h - 1, r + 1);
            for (int c = 0; c < w; c++) out[r * w + c] = (t[u * w + c] + 2 * t[r * w + c] + t[d * w + c]) / 4;
        }
        return out;
    }

    static boolean[] open(boolean[] m, int w, int h) { return dilate(erode(m, w, h), w, h); }

    static boolean[] close(boolean[] m, int w, int h) { return erode(dilate(m, w, h), w, h); }

    /** 3×3 erosion; outside the picture counts as the border pixel (so a full mask stays full). */
    static boolean[] erode(boolean[] m, int w, int h) { return morph(m, w, h, true); }

    static boolean[] dilate(boolean[] m, int w, int h) { return morph(m, w, h, false); }

    private static boolean[] morph(boolean[] m, int w, int h, boolean erode) {
        boolean[] out = new boolean[m.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                boolean v = erode;
                for (int dr = -1; dr <= 1 && v == erode; dr++) {
                    int rr = Math.clamp(r + dr, 0, h - 1);
                    for (int dc = -1; dc <= 1; dc++) {
                        int cc = Math.clamp(c + dc, 0, w - 1);
                        if (m[rr * w + cc] != erode) { v = !erode; break; }
                    }
                }
                out[r * w + c] = v;
            }
        }
        return out;
    }
}
