package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The partitioned FFT convolution against the plain sum it replaces, and its order independence. */
class ConvolverTest {
    private static final int B = 256, BLOCKS = 14;

    private static double[] input(long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[B * BLOCKS];
        for (int i = B; i < 9 * B; i++) x[i] = rnd.nextGaussian(); // silence before and after
        return x;
    }

    private static Convolver.Input from(double[] x) {
        return (k, into) -> {
            for (int i = 0; i < B; i++) {
                long at = k * B + i;
                into[i] = at >= 0 && at < x.length ? x[(int) at] : 0;
            }
        };
    }

    @Test
    void itComputesTheConvolutionSum() {
        Random rnd = new Random(2);
        double[][] ir = new double[2][1000]; // four partitions, the last one partial
        for (double[] ch : ir) for (int i = 0; i < ch.length; i++) ch[i] = rnd.nextGaussian() * Math.exp(-i / 300.0);
        double[] x = input(5);
        Convolver c = new Convolver(ir, B);
        Convolver.Input in = from(x);
        double[] cur = new double[B], l = new double[B], r = new double[B];
        for (int b = 0; b < BLOCKS; b++) {
            in.block(b, cur);
            c.process(b, cur, in, l, r);
            for (int i = 0; i < B; i++) {
                int n = b * B + i;
                double el = 0, er = 0;
                for (int k = 0; k < ir[0].length && k <= n; k++) {
                    el += ir[0][k] * x[n - k];
                    er += ir[1][k] * x[n - k];
                }
                assertEquals(el, l[i], 1e-10, "left, sample " + n);
                assertEquals(er, r[i], 1e-10, "right, sample " + n);
            }
        }
        // Past the input and the response: exact zeros, not rounding noise.
        in.block(13, cur);
        c.process(13, cur, in, l, r);
        for (int i = 0; i < B; i++) assertEquals(0, Double.doubleToRawLongBits(l[i]));
    }

    @Test
    void anyBlockAskedInAnyOrderGivesTheSameBits() {
        Random rnd = new Random(3);
        double[][] ir = new double[2][700];
        for (double[] ch : ir) for (int i = 0; i < ch.length; i++) ch[i] = rnd.nextGaussian();
        double[] x = input(7);
        Convolver.Input in = from(x);
        double[] cur = new double[B];
        double[][] sequential = new double[BLOCKS][B];
        Convolver c = new Convolver(ir, B);
        for (int b = 0; b < BLOCKS; b++) {
            in.block(b, cur);
            c.process(b, cur, in, sequential[b], new double[B]);
        }
        Convolver d = new Convolver(ir, B);
        for (int b : new int[] {9, 3, 4, 12, 0, 7, 7, 8}) {
            double[] l = new double[B];
            in.block(b, cur);
            d.process(b, cur, in, l, new double[B]);
            assertArrayEquals(sequential[b], l, 0.0, "block " + b);
        }
    }
}
