package dev.diorama.audio;

import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The impulse response of a shoebox room between a source and a listener, at 48 kHz: early
 * reflections by the image-source method, then a late tail whose energy decays as the room's
 * absorption says, band by band.
 *
 * <h2>Early reflections (exact, per image)</h2>
 * Every image of order up to {@link #MAX_ORDER} ({@link ImageSource}) that lies nearer than the
 * nearest image of order {@code MAX_ORDER + 1} contributes a tap at its exact, fractional arrival
 * time, scaled by 1/r (or, heard by two ears, by the {@link Spatializer}'s pan, level and interaural
 * delay for the image's direction), by the reflection coefficients of the walls it met
 * (sqrt(1 - alpha) per octave band, {@link Surface}) and by the air over its path
 * ({@link AirAbsorption}). Within that radius the set of images is complete: every reflection that
 * arrives before the mixing time {@code t_c = R_c / c} is there. The taps are built in the frequency
 * domain, {@code H(f) = sum_i G_i(f) exp(-2 pi i f D_i)} with G_i the image's band gains read
 * between the bands ({@link OctaveBands}), so fractional delays are exact (band-limited) and the
 * frequency dependence of each reflection is zero-phase; anything that would precede the time
 * origin is cut.
 *
 * <h2>Late reverberation (statistical)</h2>
 * After t_c the reflections are too dense to list; their statistics are known. In a room of volume
 * V, reflections arrive at the rate 4 pi c^3 t^2 / V, each with amplitude 1/(c t) times the
 * reflection losses, so the squared impulse response per sample has the expectation
 * <pre>  E[h^2(t)] = (4 pi c / (V fs)) exp(-k_b t),   k_b = 6 ln(10) / T_Eyring,b</pre>
 * in band b (t from emission). The tail is Gaussian white noise, seeded, split into the six bands
 * with the weights of {@link OctaveBands} (which sum to one), each band scaled by
 * {@code sqrt(E[h^2])} of its own decay, and summed; it is cross-faded in (sin / cos, power
 * complementary) over the last fifth of the early part. The image-source taps and the tail follow
 * the same expected energy, so the join is level.
 *
 * <p>The decay is Eyring's by construction, because Eyring's formula is the image-source model's
 * own limit for a diffuse room; a measured RT60 ({@link DecayAnalysis}) therefore checks the whole
 * synthesis (taps, bands, cross-fade, truncation) against that prediction, and Sabine's is the
 * upper bound it should stay under.
 *
 * <p>Length: until the slowest band has fallen 72 dB (1.2 of its T60), at most
 * {@link #MAX_SECONDS}.
 */
public final class RoomImpulseResponse {
    /** Highest image order listed exactly. */
    public static final int MAX_ORDER = 6;
    /** Longest response, seconds. */
    public static final double MAX_SECONDS = 20;
    static final int FS = SoundTrack.SAMPLE_RATE;
    /** Omnidirectional receivers closer than this (m) to an image count as this close. */
    static final double MIN_DISTANCE = 0.1;

    private final double[][] channels;
    private final int imageCount;
    private final double mixingTime;
    private final double directDelay;

    private RoomImpulseResponse(double[][] channels, int imageCount, double mixingTime, double directDelay) {
        this.channels = channels;
        this.imageCount = imageCount;
        this.mixingTime = mixingTime;
        this.directDelay = directDelay;
    }

    /**
     * The response an omnidirectional microphone at {@code receiver} records from a unit source at
     * {@code source} (pressure 1 at 1 m): the direct sound at r/c with amplitude 1/r, then every
     * reflection. Time 0 is the emission. One channel. This is what {@code diorama acoustics}
     * writes and measures.
     */
    public static RoomImpulseResponse omni(RoomAcoustics room, Vec3 source, Vec3 receiver, long seed) {
        return build(room, source, receiver, null, false, true, 1, seed);
    }

    /**
     * What two ears at {@code listener}, facing the source, hear from a unit source (pressure 1 at
     * 1 m): the film's pan, level and interaural delay for every image, time 0 the emission, direct
     * sound and floor bounce included. Two channels, left and right.
     */
    public static RoomImpulseResponse stereo(RoomAcoustics room, Vec3 source, Vec3 listener, long seed) {
        // Facing the source horizontally (straight ahead along +z if it is right above or below).
        Vec3 level = new Vec3(source.x(), listener.y(), source.z());
        Vec3 look = level.minus(listener).length() > 1e-6 ? level : listener.plus(new Vec3(0, 0, 1));
        Spatializer ears = new Spatializer(new dev.diorama.scene.Camera(listener, look, 50));
        return build(room, source, listener, ears, false, true, 1 / Spatializer.REFERENCE_DISTANCE, seed);
    }

    /**
     * The response heard by two ears at the camera: each image placed by {@code ears} (constant-power
     * pan, level REFERENCE_DISTANCE / r, Woodworth's interaural delay). With {@code forFilm}, time 0
     * is the direct sound's arrival and the direct sound and the floor bounce are left out (the film
     * plays those per event, at each event's own position); otherwise time 0 is the emission and
     * they are in. Two channels, left and right.
     */
    static RoomImpulseResponse ears(RoomAcoustics room, Vec3 source, Spatializer ears, boolean forFilm, long seed) {
        return build(room, source, ears.eye(), ears, forFilm, !forFilm, 1, seed);
    }

    /** The channels (one for omni, left and right for ears); the arrays themselves, do not modify. */
    public double[][] channels() { return channels; }

    /** Samples per channel. */
    public int length() { return channels[0].length; }

    /** Number of image sources placed exactly (the direct sound included where it is in). */
    public int imageCount() { return imageCount; }

    /** Where the exact reflections end and the statistical tail has taken over, seconds after the origin. */
    public double mixingTime() { return mixingTime; }

    /** Arrival of the direct sound, seconds after the time origin (0 for a film's response). */
    public double directDelay() { return directDelay; }

    private static RoomImpulseResponse build(RoomAcoustics room, Vec3 source, Vec3 receiver, Spatializer ears,
                                             boolean fromDirect, boolean withDirectAndFloor, double scale, long seed) {
        double c = RoomAcoustics.SPEED_OF_SOUND;
        int nch = ears == null ? 1 : 2;
        double direct = Math.max(source.minus(receiver).length(), 0);
        double origin = fromDirect ? direct / c : 0; // seconds after emission that is sample 0
        double rc = ImageSource.nearestOfOrder(room, source, receiver, MAX_ORDER + 1);
        List<ImageSource> images = new ArrayList<>();
        for (ImageSource i : ImageSource.upToOrder(room, source, receiver, MAX_ORDER)) {
            if (i.distance() >= rc) continue;
            if (!withDirectAndFloor && (i.order() == 0 || i.isFloorBounce())) continue;
            images.add(i);
        }
        // The early part ends at the mixing time t_c; the tail fades in over its last fifth.
        double tc = rc / c - origin;
        int early = (int) Math.ceil(tc * FS);
        int fade = Math.max(96, (int) Math.round(0.2 * (tc - (direct / c - origin)) * FS));
        int fadeStart = Math.max(0, early - fade);
        double slowest = 0;
        for (int b = 0; b < OctaveBands.COUNT; b++) slowest = Math.max(slowest, room.eyring(b));
        int length = (int) Math.min(MAX_SECONDS * FS, Math.max(early + fade, Math.ceil((1.2 * slowest - origin) * FS)));
        length = Math.max(length, early + 1);

        double[][] ism = earlyReflections(images, ears, nch, origin, early, scale);
        double[][] tail = lateTail(room, nch, scale * (ears == null ? 1 : Spatializer.REFERENCE_DISTANCE / Math.sqrt(2)), origin, length, seed);
        double[][] out = new double[nch][length];
        int span = Math.max(1, early - fadeStart);
        for (int ch = 0; ch < nch; ch++) {
            for (int n = 0; n < length; n++) {
                if (n < fadeStart) {
                    out[ch][n] = ism[ch][n];
                } else if (n >= early) {
                    out[ch][n] = tail[ch][n];
                } else {
                    double theta = Math.PI / 2 * (n - fadeStart) / span;
                    out[ch][n] = ism[ch][n] * StrictMath.cos(theta) + tail[ch][n] * StrictMath.sin(theta);
                }
            }
        }
        return new RoomImpulseResponse(out, images.size(), tc, direct / c - origin);
    }

    /** The image-source taps over [0, early), built in the frequency domain. */
    private static double[][] earlyReflections(List<ImageSource> images, Spatializer ears, int nch, double origin, int early,
                                               double scale) {
        int size = Fft.atLeast(2L * early + 4096);
        int half = size / 2;
        // Per bin: the lower band and the upper band's weight (OctaveBands' log-frequency blend).
        int[] lower = new int[half + 1];
        double[] upper = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double f = (double) k * FS / size;
            lower[k] = OctaveBands.lowerBand(f);
            upper[k] = OctaveBands.upperWeight(f);
        }
        double[][] hre = new double[nch][half + 1], him = new double[nch][half + 1];
        double[] g = new double[OctaveBands.COUNT];
        for (ImageSource img : images) {
            double r = img.distance();
            double[] gain = new double[nch], delay = new double[nch];
            if (ears == null) {
                gain[0] = 1 / Math.max(r, MIN_DISTANCE);
                delay[0] = (r / RoomAcoustics.SPEED_OF_SOUND - origin) * FS;
            } else {
                Spatializer.Placement p = ears.place(img.position());
                double arrival = (r / RoomAcoustics.SPEED_OF_SOUND - origin) * FS;
                gain[0] = p.gainLeft();
                gain[1] = p.gainRight();
                delay[0] = arrival + p.delayLeft();
                delay[1] = arrival + p.delayRight();
            }
            for (int ch = 0; ch < nch; ch++) {
                if (delay[ch] >= early) continue;
                for (int b = 0; b < OctaveBands.COUNT; b++) {
                    g[b] = scale * gain[ch] * img.reflection()[b] * AirAbsorption.pressureFactor(OctaveBands.centre(b), r);
                }
                addTap(hre[ch], him[ch], g, lower, upper, delay[ch], size);
            }
        }
        // Both channels in one inverse transform: Z = H_L + i H_R, whose inverse is h_L + i h_R.
        Fft fft = new Fft(size);
        double[] re = new double[size], im = new double[size];
        for (int k = 0; k <= half; k++) {
            double lr = hre[0][k], li = him[0][k];
            double rr = nch > 1 ? hre[1][k] : 0, ri = nch > 1 ? him[1][k] : 0;
            if (k == 0 || k == half) { // a real signal's spectrum is real at 0 and at Nyquist
                re[k] = lr;
                im[k] = rr;
                continue;
            }
            re[k] = lr - ri;
            im[k] = li + rr;
            re[size - k] = lr + ri; // bin size - k holds conj(H_L) + i conj(H_R)
            im[size - k] = -li + rr;
        }
        fft.inverse(re, im);
        double[][] out = new double[nch][early];
        for (int n = 0; n < early; n++) {
            out[0][n] = re[n];
            if (nch > 1) out[1][n] = im[n];
        }
        return out;
    }

    /** Adds G(f) exp(-2 pi i f delay / fs) over bins 0 .. size/2. */
    private static void addTap(double[] hre, double[] him, double[] g, int[] lower, double[] upper, double delay, int size) {
        double w = -2 * Math.PI * delay / size;
        double sr = StrictMath.cos(w), si = StrictMath.sin(w);
        double pr = 1, pi = 0;
        int last = OctaveBands.COUNT - 1;
        for (int k = 0; k < hre.length; k++) {
            if ((k & 1023) == 0) { // re-anchor the rotating phasor exactly now and then
                pr = StrictMath.cos(w * k);
                pi = StrictMath.sin(w * k);
            }
            int lo = lower[k];
            double gk = lo == last ? g[lo] : (1 - upper[k]) * g[lo] + upper[k] * g[lo + 1];
            hre[k] += gk * pr;
            him[k] += gk * pi;
            double t = pr * sr - pi * si;
            pi = pr * si + pi * sr;
            pr = t;
        }
    }

    /**
     * Gaussian noise in six bands, band b scaled to the diffuse field's expected level
     * {@code scale sqrt(4 pi c / (V fs)) exp(-k_b t / 2)}, t in seconds from emission.
     */
    private static double[][] lateTail(RoomAcoustics room, int nch, double scale, double origin, int length, long seed) {
        int size = Fft.atLeast(length);
        int half = size / 2;
        Fft fft = new Fft(size);
        double level = scale * Math.sqrt(4 * Math.PI * RoomAcoustics.SPEED_OF_SOUND / (room.volume() * FS));
        double[] rate = new double[OctaveBands.COUNT];
        for (int b = 0; b < OctaveBands.COUNT; b++) rate[b] = room.eyringDecayRate(b);
        double[] weight = new double[(half + 1) * OctaveBands.COUNT];
        for (int k = 0; k <= half; k++) {
            double f = (double) k * FS / size;
            for (int b = 0; b < OctaveBands.COUNT; b++) weight[k * OctaveBands.COUNT + b] = OctaveBands.weight(b, f);
        }
        double[][] out = new double[nch][length];
        double[] sre = new double[half + 1], sim = new double[half + 1];
        double[] re = new double[size], im = new double[size];
        for (int ch = 0; ch < nch; ch++) {
            // White Gaussian noise of unit variance per sample, drawn directly as its spectrum.
            Gaussian noise = new Gaussian(seed, ch);
            double s = Math.sqrt(size / 2.0);
            for (int k = 0; k <= half; k++) {
                if (k == 0 || k == half) {
                    sre[k] = noise.next() * Math.sqrt(size);
                    sim[k] = 0;
                } else {
                    sre[k] = noise.next() * s;
                    sim[k] = noise.next() * s;
                }
            }
            for (int b = 0; b < OctaveBands.COUNT; b += 2) {
                // Bands b and b+1 in one inverse transform: their spectra are Hermitian, so the
                // real part of the result is band b and the imaginary part band b+1.
                for (int k = 0; k <= half; k++) {
                    double wa = weight[k * OctaveBands.COUNT + b], wb = weight[k * OctaveBands.COUNT + b + 1];
                    double ar = sre[k] * wa, ai = sim[k] * wa, br = sre[k] * wb, bi = sim[k] * wb;
                    re[k] = ar - bi;
                    im[k] = ai + br;
                    if (k > 0 && k < half) {
                        re[size - k] = ar + bi;
                        im[size - k] = -ai + br;
                    }
                }
                fft.inverse(re, im);
                double ka = rate[b] / 2 / FS, kb = rate[b + 1] / 2 / FS, t0 = origin * FS;
                double stepA = StrictMath.exp(-ka), stepB = StrictMath.exp(-kb), ea = 0, eb = 0;
                for (int n = 0; n < length; n++) {
                    if ((n & 4095) == 0) { // the envelopes exactly now and then, stepped in between
                        ea = level * StrictMath.exp(-ka * (n + t0));
                        eb = level * StrictMath.exp(-kb * (n + t0));
                    }
                    out[ch][n] += ea * re[n] + eb * im[n];
                    ea *= stepA;
                    eb *= stepB;
                }
            }
        }
        return out;
    }

    /** Standard normal draws by Box-Muller on a SplittableRandom, with StrictMath: the same seed, the same numbers. */
    static final class Gaussian {
        private final SplittableRandom random;
        private double spare = Double.NaN;

        Gaussian(long seed, int stream) {
            random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (stream + 1));
        }

        double next() {
            if (!Double.isNaN(spare)) {
                double s = spare;
                spare = Double.NaN;
                return s;
            }
            double u1 = 1 - random.nextDouble(); // (0, 1]
            double u2 = random.nextDouble();
            double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
            spare = r * StrictMath.sin(2 * Math.PI * u2);
            return r * StrictMath.cos(2 * Math.PI * u2);
        }
    }
}
