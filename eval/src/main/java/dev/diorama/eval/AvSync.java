package dev.diorama.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a film's sound agrees with its picture: bounces seen in the picture against the onsets
 * heard in the sound track, paired, and the time between them measured.
 *
 * <p><b>Seen.</b> Where a body is in frame k is found by three-frame differencing: the pixels
 * whose smoothed luma differs by more than {@link MotionMasks#THRESHOLD} both from frame k−1 and
 * from frame k+1 (a motion mask without the running average's trail, which would drag the
 * position behind the body). A bounce is a frame at which the centroid of that region is lowest in
 * the picture, having come down at least {@value #MIN_DROP_PX} pixel since the frame before and
 * going up as much by the frame after. Its time is the middle of the frame, (k + ½)/fps: the
 * picture places an impact within a frame (±21 ms at 24 fps), no finer.
 *
 * <p><b>Heard.</b> The sound's energy in 2.5 ms hops; an onset is a hop with 10 times (10 dB) the
 * mean energy of the 40 ms before it and within 40 dB of the loudest hop, at least 60 ms after
 * the previous onset.
 *
 * <p><b>Paired.</b> Each bounce takes the nearest onset within {@value #WINDOW_S} s; the offset is
 * sound minus picture, positive when the sound is late (ITU-R BT.1359 finds a lag of 125 ms or a
 * lead of 45 ms noticeable). The exam measures it on the {@link Family#FALL} family, where one
 * body bounces alone; in a chain of dominoes the contacts overlap in the picture and the measure
 * would be the detector's, not the film's.
 */
public final class AvSync {
    public static final double MIN_DROP_PX = 0.5;
    public static final int MIN_REGION_PX = 3;
    public static final double WINDOW_S = 0.2;

    /**
     * @param seen     bounces found in the picture, s from the clip's start
     * @param heard    onsets found in the sound, s
     * @param offsets  sound minus picture, s, one per paired bounce
     */
    public record Result(List<Double> seen, List<Double> heard, List<Double> offsets) {
        public static final Result NONE = new Result(List.of(), List.of(), List.of());

        /** Median of |offset|, s; NaN when nothing paired. */
        public double medianAbsOffset() {
            if (offsets.isEmpty()) return Double.NaN;
            double[] a = offsets.stream().mapToDouble(Math::abs).sorted().toArray();
            return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        }
    }

    private AvSync() {}

    /**
     * @param before  the frame just before the clip (the last conditioning frame)
     * @param frames  the clip's pictures, BGR
     * @param audio   its sound, mono, sample 0 at the first frame's start
     */
    public static Result measure(byte[] before, List<byte[]> frames, int w, int h, int fps, float[] audio,
                                 int sampleRate) {
        List<Double> seen = bounces(before, frames, w, h, fps);
        List<Double> heard = sampleRate > 0 ? onsets(audio, sampleRate) : List.of();
        List<Double> offsets = new ArrayList<>();
        for (double t : seen) {
            double best = Double.NaN;
            for (double s : heard) {
                if (Math.abs(s - t) <= WINDOW_S && (Double.isNaN(best) || Math.abs(s - t) < Math.abs(best))) best = s - t;
            }
            if (!Double.isNaN(best)) offsets.add(best);
        }
        return new Result(seen, heard, offsets);
    }

    static List<Double> bounces(byte[] before, List<byte[]> frames, int w, int h, int fps) {
        int n = frames.size();
        double[][] y = new double[n + 1][];
        y[0] = MotionMasks.smoothedLuma(before, w, h);
        for (int f = 0; f < n; f++) y[f + 1] = MotionMasks.smoothedLuma(frames.get(f), w, h);
        double[] cy = new double[n];
        java.util.Arrays.fill(cy, Double.NaN);
        for (int f = 0; f + 1 < n; f++) {
            double[] prev = y[f], cur = y[f + 1], next = y[f + 2];
            long sum = 0;
            int count = 0;
            for (int i = 0; i < cur.length; i++) {
                if (Math.abs(cur[i] - prev[i]) > MotionMasks.THRESHOLD && Math.abs(next[i] - cur[i]) > MotionMasks.THRESHOLD) {
                    sum += i / w;
                    count++;
                }
            }
            if (count >= MIN_REGION_PX) cy[f] = (double) sum / count;
        }
        List<Double> out = new ArrayList<>();
        for (int f = 1; f + 1 < n; f++) {
            if (cy[f] - cy[f - 1] >= MIN_DROP_PX && cy[f] - cy[f + 1] >= MIN_DROP_PX) out.add((f + 0.5) / fps);
        }
        return out;
    }

    static List<Double> onsets(float[] audio, int sampleRate) {
        int hop = Math.max(1, sampleRate / 400);
        int hops = audio.length / hop;
        double[] e = new double[hops];
        double peak = 0;
        for (int j = 0; j < hops; j++) {
            double s = 0;
            for (int k = j * hop; k < (j + 1) * hop; k++) s += (double) audio[k] * audio[k];
            e[j] = s / hop;
            peak = Math.max(peak, e[j]);
        }
        List<Double> out = new ArrayList<>();
        if (peak == 0) return out;
        int look = 16, refractory = 24, last = -refractory;
        for (int j = 1; j < hops; j++) {
            double before = 0;
            int from = Math.max(0, j - look);
            for (int i = from; i < j; i++) before += e[i];
            before /= (j - from);
            if (e[j] > 1e-4 * peak && e[j] > 10 * before && j - last >= refractory) {
                out.add((double) j * hop / sampleRate);
                last = j;
            }
        }
        return out;
    }
}
