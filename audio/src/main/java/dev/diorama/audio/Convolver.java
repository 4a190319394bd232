package dev.diorama.audio;

import java.util.Arrays;

/**
 * Convolution of a mono signal with a two-channel impulse response, streamed block by block in
 * flat memory: uniformly partitioned overlap-save in the frequency domain.
 *
 * <p>The response is cut into P partitions of B samples, h_j; with X_b the spectrum (size 2B) of
 * the input blocks b-1 and b side by side and H_j that of h_j padded with B zeros, output block b
 * is the second half of {@code IFFT(sum_{j<P} X_{b-j} H_j)}. The X of the last P blocks (the
 * frequency-domain delay line) is all the state there is: its size is the response's length,
 * whatever the film's. Both channels go through one transform: with {@code Z_j = H_L,j + i H_R,j},
 * the inverse of {@code sum_j X_{b-j} Z_j} is {@code y_L + i y_R}, both real.
 *
 * <p><b>Any block, in any order, gives the same samples.</b> Output block b depends only on the
 * input blocks b-P .. b, and X_k only on input blocks k-1 and k, always computed by the same code,
 * summed in the same order (j = 0 .. P-1; an all-zero X adds exact zeros and is skipped). Blocks
 * asked for in sequence reuse the delay line; any other request rebuilds it from the input (which
 * the caller can always recompute, being a pure function of the sample index), with bit-identical
 * results. Not thread-safe: the caller serialises.
 */
final class Convolver {
    /** Supplies input block k (B samples) on request, for rebuilding the delay line. */
    interface Input {
        void block(long k, double[] into);
    }

    private final int block;
    private final int partitions;
    private final Fft fft;
    /** Z_j = H_L,j + i H_R,j, per partition, 2B bins. */
    private final double[][] zre, zim;
    /** The delay line: X_k at slot k mod P. */
    private final double[][] xre, xim;
    private final boolean[] zero;
    /** Input block `last`, for the next overlap-save segment. */
    private final double[] previous;
    private long last = Long.MIN_VALUE;
    private final double[] re, im;

    /** @param ir two channels of equal length (left, right) */
    Convolver(double[][] ir, int block) {
        this.block = block;
        int length = ir[0].length;
        partitions = Math.max(1, (length + block - 1) / block);
        int size = 2 * block;
        fft = new Fft(size);
        zre = new double[partitions][size];
        zim = new double[partitions][size];
        for (int j = 0; j < partitions; j++) {
            for (int i = 0; i < block; i++) {
                int at = j * block + i;
                if (at < length) {
                    zre[j][i] = ir[0][at];
                    zim[j][i] = ir[1][at];
                }
            }
            fft.forward(zre[j], zim[j]);
        }
        xre = new double[partitions][size];
        xim = new double[partitions][size];
        zero = new boolean[partitions];
        previous = new double[block];
        re = new double[size];
        im = new double[size];
    }

    int block() { return block; }

    /** Samples of tail after the last input: the response's length, rounded up to whole blocks. */
    long tail() { return (long) partitions * block; }

    /** Forgets the delay line (the next request rebuilds it). */
    void reset() { last = Long.MIN_VALUE; }

    /**
     * Output block b into left and right (B samples each), given input block b ({@code current}) and
     * a way to recompute earlier input blocks.
     */
    void process(long b, double[] current, Input earlier, double[] left, double[] right) {
        if (last == Long.MIN_VALUE || b != last + 1) {
            // Rebuild the delay line from input blocks b-P .. b-1.
            double[] cur = new double[block];
            earlier.block(b - partitions, previous);
            for (long k = b - partitions + 1; k < b; k++) {
                earlier.block(k, cur);
                push(k, cur);
            }
        }
        push(b, current);
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        boolean any = false;
        int size = 2 * block;
        for (int j = 0; j < partitions; j++) {
            int slot = slot(b - j);
            if (zero[slot]) continue;
            any = true;
            double[] ar = xre[slot], ai = xim[slot], br = zre[j], bi = zim[j];
            for (int k = 0; k < size; k++) {
                double xr = ar[k], xi = ai[k];
                re[k] += xr * br[k] - xi * bi[k];
                im[k] += xr * bi[k] + xi * br[k];
            }
        }
        if (!any) {
            Arrays.fill(left, 0, block, 0);
            Arrays.fill(right, 0, block, 0);
            return;
        }
        fft.inverse(re, im);
        System.arraycopy(re, block, left, 0, block);
        System.arraycopy(im, block, right, 0, block);
    }

    /** X_k from `previous` (block k-1) and `cur` (block k); then cur becomes `previous`. */
    private void push(long k, double[] cur) {
        int slot = slot(k);
        double[] ar = xre[slot], ai = xim[slot];
        boolean allZero = true;
        for (int i = 0; i < block; i++) {
            ar[i] = previous[i];
            ar[block + i] = cur[i];
            if (previous[i] != 0 || cur[i] != 0) allZero = false;
        }
        Arrays.fill(ai, 0);
        zero[slot] = allZero;
        if (!allZero) fft.forward(ar, ai);
        System.arraycopy(cur, 0, previous, 0, block);
        last = k;
    }

    private int slot(long k) { return (int) Math.floorMod(k, (long) partitions); }
}
