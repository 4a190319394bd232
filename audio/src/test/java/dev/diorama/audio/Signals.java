package dev.diorama.audio;

/** Measurements on rendered sound, written for the tests: spectra, tone levels, energies. */
final class Signals {
    private Signals() {}

    /** Renders samples [from, from + n) of both channels in one block: {left, right}. */
    static float[][] render(SoundTrack track, long from, int n) {
        float[] l = new float[n], r = new float[n];
        track.render(from, l, r, n);
        return new float[][] {l, r};
    }

    /**
     * Magnitude spectrum |X(k)|, k = 0 .. N/2, of x[from .. from+N), N a power of 2, with no window:
     * meant for a strike that starts at {@code from} and dies out inside the N samples, where a
     * rectangular window cuts nothing.
     */
    static double[] spectrum(float[] x, int from, int size) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("size must be a power of 2");
        double[] re = new double[size], im = new double[size];
        for (int i = 0; i < size; i++) {
            int at = from + i;
            re[i] = at < x.length ? x[at] : 0;
        }
        fft(re, im);
        double[] mag = new double[size / 2 + 1];
        for (int k = 0; k < mag.length; k++) mag[k] = Math.hypot(re[k], im[k]);
        return mag;
    }

    /** Frequency, Hz, of the strongest bin, refined by a parabola through the log-magnitudes around it. */
    static double peakFrequency(double[] mag, int size) {
        int best = 1;
        for (int k = 1; k < mag.length - 1; k++) if (mag[k] > mag[best]) best = k;
        double a = Math.log(mag[best - 1]), b = Math.log(mag[best]), c = Math.log(mag[best + 1]);
        double offset = 0.5 * (a - c) / (a - 2 * b + c);
        return (best + offset) * SoundTrack.SAMPLE_RATE / size;
    }

    /** Amplitude-weighted mean frequency of the spectrum, Hz. */
    static double centroid(double[] mag, int size) {
        double num = 0, den = 0;
        for (int k = 1; k < mag.length; k++) {
            double f = (double) k * SoundTrack.SAMPLE_RATE / size;
            num += f * mag[k] * mag[k];
            den += mag[k] * mag[k];
        }
        return num / den;
    }

    /** Magnitude of the tone at f in x[from .. from+len) under a Hann window (Goertzel). */
    static double goertzel(float[] x, int from, int len, double f) {
        double w = 2 * Math.PI * f / SoundTrack.SAMPLE_RATE, coeff = 2 * Math.cos(w);
        double s1 = 0, s2 = 0;
        for (int i = 0; i < len; i++) {
            double s = x[from + i] * hann(i, len) + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double re = s1 - s2 * Math.cos(w), im = s2 * Math.sin(w);
        return Math.hypot(re, im);
    }

    /** Sum of squares of x[from .. to). */
    static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < Math.min(to, x.length); i++) e += (double) x[i] * x[i];
        return e;
    }

    static double peak(float[] x) {
        double p = 0;
        for (float v : x) p = Math.max(p, Math.abs(v));
        return p;
    }

    static double dbfs(double amplitude) { return 20 * Math.log10(amplitude); }

    /** Least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) { mx += x[i]; my += y[i]; }
        mx /= x.length;
        my /= y.length;
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) { num += (x[i] - mx) * (y[i] - my); den += (x[i] - mx) * (x[i] - mx); }
        return num / den;
    }

    private static double hann(int i, int n) { return 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n); }

    /** In-place iterative radix-2 FFT. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            double wr = Math.cos(ang), wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = i + k + len / 2;
                    double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }

    /** Samples [from, from + total) rendered in blocks of the given sizes, in turn. */
    static float[][] renderInBlocks(SoundTrack track, long from, int total, int[] sizes) {
        float[] l = new float[total], r = new float[total];
        int done = 0, k = 0;
        while (done < total) {
            int n = Math.min(sizes[k++ % sizes.length], total - done);
            float[] bl = new float[n], br = new float[n];
            track.render(from + done, bl, br, n);
            System.arraycopy(bl, 0, l, done, n);
            System.arraycopy(br, 0, r, done, n);
            done += n;
        }
        return new float[][] {l, r};
    }

    static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Float.floatToRawIntBits(x[i]);
        return b;
    }

    /** Asserts that rendering in blocks of each given size pattern gives {@code reference}'s exact bits. */
    static void assertSameInAnyBlocks(SoundTrack track, float[][] reference, int[][] patterns) {
        for (int[] sizes : patterns) {
            float[][] y = renderInBlocks(track, 0, reference[0].length, sizes);
            org.junit.jupiter.api.Assertions.assertArrayEquals(bits(reference[0]), bits(y[0]), "left, " + java.util.Arrays.toString(sizes));
            org.junit.jupiter.api.Assertions.assertArrayEquals(bits(reference[1]), bits(y[1]), "right, " + java.util.Arrays.toString(sizes));
        }
    }
}
