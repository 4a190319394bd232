package dev.diorama.audio;

/**
 * In-place complex FFT of a power-of-two size, iterative radix 2, in double precision.
 *
 * <p>Deterministic to the bit: the twiddle factors are computed once with StrictMath and Java's
 * double arithmetic is never fused or reordered, so the same input gives the same output on every
 * run, interpreted or compiled. That matters here: the reverb's convolution must give identical
 * samples however the film is cut into blocks, and the room's impulse response must be the same
 * for the same seed.
 *
 * <p>Conventions: {@link #forward} computes X[k] = sum_n x[n] exp(-2 pi i k n / N) (no scaling);
 * {@link #inverse} computes x[n] = (1/N) sum_k X[k] exp(+2 pi i k n / N).
 */
final class Fft {
    private final int size;
    private final int[] bitReverse;
    /** Per stage (butterflies of length 2, 4, .. N), its twiddles side by side: cos and sin of 2 pi k / len, k < len/2. */
    private final double[][] stageCos, stageSin;

    Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) throw new IllegalArgumentException("FFT size must be a power of 2 >= 2, got " + size);
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReverse = new int[size];
        for (int i = 0; i < size; i++) bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        double[] cos = new double[size / 2], sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double a = 2 * Math.PI * k / size;
            cos[k] = StrictMath.cos(a);
            sin[k] = StrictMath.sin(a);
        }
        // The twiddle of butterfly k at length len is that of k N / len: the same numbers, read in order.
        stageCos = new double[bits][];
        stageSin = new double[bits][];
        for (int stage = 0; stage < bits; stage++) {
            int len = 2 << stage, stride = size / len;
            stageCos[stage] = new double[len / 2];
            stageSin[stage] = new double[len / 2];
            for (int k = 0; k < len / 2; k++) {
                stageCos[stage][k] = cos[k * stride];
                stageSin[stage][k] = sin[k * stride];
            }
        }
    }

    int size() { return size; }

    /** Forward transform of re + i im, in place. */
    void forward(double[] re, double[] im) { transform(re, im, -1); }

    /** Inverse transform of re + i im, in place, scaled by 1/N. */
    void inverse(double[] re, double[] im) {
        transform(re, im, +1);
        double s = 1.0 / size;
        for (int i = 0; i < size; i++) {
            re[i] *= s;
            im[i] *= s;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        int n = size;
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int stage = 0, len = 2; len <= n; len <<= 1, stage++) {
            int half = len >>> 1;
            double[] c = stageCos[stage], s = stageSin[stage];
            // The same butterflies with the same twiddles either way; a stage's butterflies touch
            // disjoint elements, so their order changes no bit. Short stages run twiddle by twiddle.
            if (half < 16) {
                for (int k = 0; k < half; k++) {
                    double wr = c[k], wi = sign * s[k];
                    for (int a = k; a < n; a += len) {
                        int b = a + half;
                        double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            } else {
                for (int i = 0; i < n; i += len) {
                    for (int k = 0; k < half; k++) {
                        double wr = c[k], wi = sign * s[k];
                        int a = i + k, b = a + half;
                        double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            }
        }
    }

    /** The smallest power of two at least n (n >= 1). */
    static int atLeast(long n) {
        if (n > (1 << 30)) throw new IllegalArgumentException("FFT too large: " + n);
        int p = 2;
        while (p < n) p <<= 1;
        return p;
    }
}
