package dev.diorama.eval;

import java.util.List;

/**
 * How close a predicted continuation is to the truth, in Physics-IQ's four measures.
 *
 * @param spatialIou          IoU of the two masks collapsed over time: did motion happen in the
 *                            right places at all (1 when neither moves)
 * @param spatiotemporalIou   mean over frames of the per-frame mask IoU: the right places at the
 *                            right times (a frame where neither moves counts 1)
 * @param weightedSpatialIou  Σ min / Σ max of the per-pixel fraction of frames with motion: the
 *                            right places, and as much motion there (1 when neither moves)
 * @param mse                 mean squared difference of the pictures, channels scaled to [0, 1],
 *                            averaged over pixels, channels and frames (0 when identical)
 */
public record Metrics(double spatialIou, double spatiotemporalIou, double weightedSpatialIou, double mse) {

    /**
     * Compares a continuation with the truth: both lists of frames (BGR) and their masks must
     * have the same length and picture size.
     */
    public static Metrics compare(List<byte[]> truth, List<boolean[]> truthMasks, List<byte[]> answer,
                                  List<boolean[]> answerMasks) {
        int n = truth.size();
        if (n == 0 || answer.size() != n || truthMasks.size() != n || answerMasks.size() != n) {
            throw new IllegalArgumentException("expected as many frames and masks in the answer as in the truth");
        }
        int pixels = truthMasks.get(0).length;
        double st = 0;
        int[] countT = new int[pixels], countA = new int[pixels];
        for (int f = 0; f < n; f++) {
            boolean[] a = truthMasks.get(f), b = answerMasks.get(f);
            int inter = 0, union = 0;
            for (int i = 0; i < pixels; i++) {
                if (a[i] && b[i]) inter++;
                if (a[i] || b[i]) union++;
                if (a[i]) countT[i]++;
                if (b[i]) countA[i]++;
            }
            st += union == 0 ? 1 : (double) inter / union;
        }
        int inter = 0, union = 0;
        long minSum = 0, maxSum = 0;
        for (int i = 0; i < pixels; i++) {
            if (countT[i] > 0 && countA[i] > 0) inter++;
            if (countT[i] > 0 || countA[i] > 0) union++;
            minSum += Math.min(countT[i], countA[i]);
            maxSum += Math.max(countT[i], countA[i]);
        }
        double spatial = union == 0 ? 1 : (double) inter / union;
        double weighted = maxSum == 0 ? 1 : (double) minSum / maxSum;
        double mse = 0;
        for (int f = 0; f < n; f++) {
            byte[] a = truth.get(f), b = answer.get(f);
            if (a.length != b.length) throw new IllegalArgumentException("expected pictures of the same size");
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                double d = ((a[i] & 255) - (b[i] & 255)) / 255.0;
                s += d * d;
            }
            mse += s / a.length;
        }
        return new Metrics(spatial, st / n, weighted, mse / n);
    }

    /** The mean of each measure over several scenarios. */
    public static Metrics mean(List<Metrics> all) {
        double s = 0, st = 0, w = 0, m = 0;
        for (Metrics x : all) {
            s += x.spatialIou;
            st += x.spatiotemporalIou;
            w += x.weightedSpatialIou;
            m += x.mse;
        }
        int n = Math.max(1, all.size());
        return new Metrics(s / n, st / n, w / n, m / n);
    }

    /**
     * The Physics-IQ score of answers with these (mean) measures, when two simulator runs of the
     * same scenarios that differ imperceptibly (the physical variance) measure {@code variance}:
     * {@code 100 · (mean of the three IoU ratios answer / variance − (mse − variance mse))},
     * clamped to [0, 100]. The variance pair itself scores 100; identical videos score 100 too.
     */
    public double score(Metrics variance) {
        double ious = (ratio(spatiotemporalIou, variance.spatiotemporalIou) + ratio(spatialIou, variance.spatialIou)
                + ratio(weightedSpatialIou, variance.weightedSpatialIou)) / 3;
        double s = 100 * (ious - (mse - variance.mse));
        return Math.clamp(s, 0, 100);
    }

    private static double ratio(double answer, double variance) {
        // A variance IoU of 0 cannot happen for a pair that differs by 0.1 mm, but a ratio must not
        // divide by it: any answer then meets the ceiling of that measure.
        return variance > 0 ? answer / variance : 1;
    }
}
