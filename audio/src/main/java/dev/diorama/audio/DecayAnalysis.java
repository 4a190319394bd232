package dev.diorama.audio;

/**
 * Reverberation time measured on an impulse response, as ISO 3382 measures a real room: filter to
 * a band, integrate backwards (Schroeder), fit a line to the decay curve.
 *
 * <ul>
 *   <li><b>Band</b>: the magnitude of a 3rd-order (6-pole) Butterworth band-pass around the centre
 *       f0, {@code |H(f)|^2 = 1 / (1 + ((f^2 - f0^2) / (f B))^6)} with B the bandwidth (edges
 *       f0 2^(-w/2) and f0 2^(w/2) for a band w octaves wide), applied in the frequency domain with
 *       zero phase (the response is padded, so nothing wraps around). {@link #rt60(double[], int)}
 *       uses the one-third-octave band centred on the octave band's centre frequency (ISO 3382-2
 *       allows octave or one-third-octave bands): absorption tables give a value at each centre
 *       frequency, and a whole octave band also holds half an octave on either side where the room
 *       decays at its neighbours' rates. In a room whose absorption changes steeply from one band
 *       to the next (carpet: 0.14 at 500 Hz, 0.37 at 1 kHz) the slower neighbour then dominates
 *       the end of the octave band's decay: the carpeted bedroom's 1 kHz octave reads 0.85 s where
 *       its one-third octave reads 0.75 s and Eyring predicts 0.72 s. {@link #rt60Octave} gives the
 *       octave reading.</li>
 *   <li><b>Schroeder backward integration</b> (M. R. Schroeder, "New method of measuring
 *       reverberation time", JASA 37:409, 1965): the energy decay curve
 *       {@code EDC(t) = sum_{tau >= t} h^2(tau)}, in dB relative to its start. It is the ensemble
 *       average of the decays of interrupted noise, without the noise.</li>
 *   <li><b>T30</b>: the least-squares line through the EDC from -5 dB to -35 dB, extrapolated to
 *       60 dB: {@code T = -60 / slope}. When the curve does not reach -35 dB the result is NaN.</li>
 * </ul>
 */
public final class DecayAnalysis {
    private static final int FS = SoundTrack.SAMPLE_RATE;

    private DecayAnalysis() {}

    /**
     * T30 at the centre of octave band b (in the one-third-octave band around it; see the class
     * comment), seconds; NaN if it cannot be fitted.
     */
    public static double rt60(double[] ir, int band) { return t30(bandPass(ir, OctaveBands.centre(band), 1.0 / 3, 3)); }

    /** T30 in the whole octave band b, seconds; NaN if it cannot be fitted. */
    public static double rt60Octave(double[] ir, int band) { return t30(octaveBand(ir, band)); }

    /** T30 of the unfiltered (broadband) response, seconds. */
    public static double rt60(double[] ir) { return t30(ir); }

    /** The response filtered to octave band b (same length). */
    public static double[] octaveBand(double[] x, int band) { return bandPass(x, OctaveBands.centre(band), 1, 3); }

    /** x filtered by a zero-phase Butterworth band-pass of the given order, {@code octaves} wide around f0. */
    static double[] bandPass(double[] x, double f0, double octaves, int order) {
        double bw = f0 * (Math.pow(2, octaves / 2) - Math.pow(2, -octaves / 2));
        int size = Fft.atLeast(2L * x.length);
        double[] re = new double[size], im = new double[size];
        System.arraycopy(x, 0, re, 0, x.length);
        Fft fft = new Fft(size);
        fft.forward(re, im);
        for (int k = 0; k <= size / 2; k++) {
            double f = (double) k * FS / size;
            double h = 0;
            if (f > 0) {
                double u = (f * f - f0 * f0) / (f * bw);
                h = 1 / Math.sqrt(1 + Math.pow(u * u, order));
            }
            re[k] *= h;
            im[k] *= h;
            if (k > 0 && k < size / 2) {
                re[size - k] *= h;
                im[size - k] *= h;
            }
        }
        fft.inverse(re, im);
        double[] y = new double[x.length];
        System.arraycopy(re, 0, y, 0, x.length);
        return y;
    }

    /** The Schroeder energy decay curve of x in dB, 0 dB at the start (-infinity after the last non-zero sample). */
    public static double[] decayCurve(double[] x) {
        double[] edc = new double[x.length];
        double sum = 0;
        for (int n = x.length - 1; n >= 0; n--) {
            sum += x[n] * x[n];
            edc[n] = sum;
        }
        double total = edc.length == 0 ? 0 : edc[0];
        for (int n = 0; n < edc.length; n++) edc[n] = 10 * Math.log10(edc[n] / total);
        return edc;
    }

    /** T30 of x: the -5 to -35 dB fit of its decay curve, extrapolated to -60 dB; NaN if it never reaches -35 dB. */
    public static double t30(double[] x) { return fit(decayCurve(x), -5, -35); }

    /** T20 of x: the -5 to -25 dB fit, extrapolated to -60 dB. */
    public static double t20(double[] x) { return fit(decayCurve(x), -5, -25); }

    /** Early decay time: the 0 to -10 dB fit, extrapolated to -60 dB. */
    public static double edt(double[] x) { return fit(decayCurve(x), 0, -10); }

    private static double fit(double[] edc, double from, double to) {
        int a = -1, b = -1;
        for (int n = 0; n < edc.length; n++) {
            if (a < 0 && edc[n] <= from) a = n;
            if (edc[n] <= to) {
                b = n;
                break;
            }
        }
        if (a < 0 || b < 0 || b - a < 2) return Double.NaN;
        double mt = 0, my = 0;
        int count = b - a + 1;
        for (int n = a; n <= b; n++) {
            mt += (double) n / FS;
            my += edc[n];
        }
        mt /= count;
        my /= count;
        double num = 0, den = 0;
        for (int n = a; n <= b; n++) {
            double t = (double) n / FS - mt;
            num += t * (edc[n] - my);
            den += t * t;
        }
        double slope = num / den; // dB per second
        return -60 / slope;
    }
}
