package dev.diorama.audio;

import dev.diorama.scene.ContactState;
import dev.diorama.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling, sliding and scraping: the sound of sustained contacts that move, after the modal
 * contact model of van den Doel, Kry and Pai ("FoleyAutomatic", 2001). The contact force does not
 * stay at its mean: the surfaces' roughness makes it fluctuate, and those fluctuations excite the
 * modes of both bodies, which ring and radiate as they do after a strike.
 *
 * <ul>
 *   <li><b>Sliding / scraping</b>: the surfaces rub over each other at the slip speed s. The
 *       roughness profile passes the contact at s, so the force noise reaches up to about s / 0.2 mm
 *       (5 kHz at 1 m/s), with an amplitude growing with the normal force N and with s^0.5.</li>
 *   <li><b>Rolling</b>: the contact travels at the rolling speed r without rubbing; the contact
 *       patch smooths the profile, so the force noise reaches only about r / 2 mm (500 Hz at 1 m/s):
 *       a rumble whose pitch and level rise with speed (amplitude with N and r).</li>
 * </ul>
 * Each track (one pair of bodies touching in consecutive frames) drives a bank of two-pole
 * resonators, one per mode of each body (the strongest {@link #MODES} below 20 kHz), with the same
 * frequencies, decays, radiation and mass as their strikes ({@code ModalModel}), and fades in and
 * out over 10 ms where the contact starts and ends; after it the modes ring out.
 *
 * <p>The noise is a counter-based hash of the seed, the track and the sample index, and the filters
 * restart from states checkpointed every {@link #CHUNK} samples in one pass at construction, so a
 * sample is a pure function of its index, as everywhere in the sound.
 *
 * <p>The force noise acts on the modes exactly as a strike's impulse does ({@code SoundTrack}): each
 * sample's impulse F dt gives mode n the velocity F dt / m, radiated with the same efficiency and
 * the same master gain, so a contact and a strike of the same bodies are heard in proportion. The
 * roughness, the noise's size relative to the normal force, is a chosen constant
 * ({@link #SLIDE_FRACTION}, {@link #ROLL_FRACTION}): with it a 20 cm rubber ball rolling at 1 m/s
 * on wood, 2 m away, has an RMS 56 dB under the peak of its own 1 m drop (ContactSoundTest).
 */
final class ContactSound {
    static final int CHUNK = 4096;
    static final int MODES = 24;
    static final double SLIDE_WAVELENGTH = 0.2e-3, ROLL_WAVELENGTH = 2e-3;
    /**
     * The force noise's RMS as a fraction of the normal force, per unit of speed's factor: sliding
     * {@code SLIDE_FRACTION * sqrt(s / 1 m/s)}, rolling {@code ROLL_FRACTION * r / 1 m/s}. Chosen,
     * not measured (rough wood or stone surfaces): the roughness of real surfaces varies tenfold.
     */
    static final double SLIDE_FRACTION = 0.3, ROLL_FRACTION = 0.3;
    static final double FADE = 0.010, MAX_RING = 2.0;

    private final List<Track> tracks = new ArrayList<>();

    /**
     * @param contacts  the timeline's sustained contacts (in time order)
     * @param bodies    the modal model of every body by id
     * @param place     how a point is heard (pan and distance)
     */
    ContactSound(Scene scene, List<ContactState> contacts, Map<String, ModalModel> bodies,
                 java.util.function.BiFunction<dev.diorama.scene.Vec3, Double, Spatializer.Placement> place) {
        double frame = 1.0 / scene.fps();
        Map<String, List<ContactState>> open = new java.util.LinkedHashMap<>();
        List<List<ContactState>> done = new ArrayList<>();
        for (ContactState c : contacts) {
            String pair = c.a() + "\u0000" + c.b();
            List<ContactState> run = open.get(pair);
            if (run != null && c.t() - run.getLast().t() > 1.5 * frame) {
                done.add(run);
                run = null;
            }
            if (run == null) open.put(pair, run = new ArrayList<>());
            run.add(c);
        }
        done.addAll(open.values());
        done.sort(java.util.Comparator.comparingDouble((List<ContactState> r) -> r.getFirst().t())
                .thenComparing(r -> r.getFirst().a()).thenComparing(r -> r.getFirst().b()));
        int index = 0;
        for (List<ContactState> run : done) {
            ModalModel a = bodies.get(run.getFirst().a()), b = bodies.get(run.getFirst().b());
            if (a == null || b == null) continue;
            tracks.add(new Track(scene.seed(), index++, run, frame, a, b,
                    place.apply(run.getFirst().point(), run.getFirst().t() - frame)));
        }
    }

    boolean isEmpty() { return tracks.isEmpty(); }

    /** One past the last sample any track contributes to (its modes rung out); 0 without tracks. */
    long end() {
        long e = 0;
        for (Track t : tracks) e = Math.max(e, t.end);
        return e;
    }

    /** Adds samples [start, start + n) into left and right (and the unpanned source into send, if not null). */
    void addTo(long start, double[] left, double[] right, double[] send, int n) {
        for (Track t : tracks) t.addTo(start, left, right, send, n);
    }

    /** One pair touching over consecutive frames, and the modes it drives. */
    private static final class Track {
        final long seed;
        final int index;
        /** Frame-centre times and the force, slip and roll there. */
        final double[] times, force, slip, roll;
        final long first, last, end;
        final double[] coefA, coefB, weight, inputScale;
        final double gainLeft, gainRight;
        /** Per chunk from the first: the filter states at its start {slideLp, rollLp, rollLp2, y1[m], y2[m]...}. */
        final double[][] checkpoints;

        Track(long seed, int index, List<ContactState> run, double frame, ModalModel a, ModalModel b,
              Spatializer.Placement ears) {
            this.seed = seed;
            this.index = index;
            int k = run.size();
            times = new double[k];
            force = new double[k];
            slip = new double[k];
            roll = new double[k];
            for (int i = 0; i < k; i++) {
                ContactState c = run.get(i);
                times[i] = c.t() - frame / 2;
                force[i] = c.force();
                slip[i] = c.slip();
                roll[i] = c.roll();
            }
            first = Math.round((run.getFirst().t() - frame) * SoundTrack.SAMPLE_RATE);
            last = Math.round(run.getLast().t() * SoundTrack.SAMPLE_RATE);
            // The modes: the strongest (by radiated amplitude per unit force) of each body, below 20 kHz.
            List<double[]> modes = new ArrayList<>();
            for (ModalModel body : new ModalModel[] {a, b}) {
                List<double[]> own = new ArrayList<>();
                for (int m = 0; m < body.modeCount(); m++) {
                    double f = body.frequency(m);
                    if (f >= 20_000) continue;
                    double ka = 2 * Math.PI * f / SoundTrack.SPEED_OF_SOUND * body.radiationRadius();
                    double w = Math.sqrt(ka * ka / (1 + ka * ka) * body.area()) / body.mass();
                    own.add(new double[] {f, body.decayRate(m), w});
                }
                own.sort((x, y) -> Double.compare(y[2], x[2]));
                modes.addAll(own.subList(0, Math.min(MODES, own.size())));
            }
            int n = modes.size();
            coefA = new double[n];
            coefB = new double[n];
            weight = new double[n];
            inputScale = new double[n];
            double slowest = 1;
            for (int m = 0; m < n; m++) {
                double[] md = modes.get(m);
                double r = Math.exp(-md[1] / SoundTrack.SAMPLE_RATE), w = 2 * Math.PI * md[0] / SoundTrack.SAMPLE_RATE;
                coefA[m] = 2 * r * Math.cos(w);
                coefB[m] = -r * r;
                // y(n) = 2 r cos w y(n-1) - r^2 y(n-2) + sin(w) x(n) answers a unit impulse with
                // r^n sin((n + 1) w): a mode of unit amplitude, as a strike's.
                inputScale[m] = Math.sin(w);
                weight[m] = SoundTrack.MASTER_GAIN * md[2];
                slowest = Math.max(slowest, 1 / Math.max(md[1], 1e-3));
            }
            end = last + (long) (Math.min(MAX_RING, 7 * slowest) * SoundTrack.SAMPLE_RATE);
            gainLeft = ears.gainLeft();
            gainRight = ears.gainRight();
            int chunks = (int) ((end - first) / CHUNK) + 1;
            checkpoints = new double[chunks][];
            double[] state = new double[3 + 2 * n];
            double[] scratch = new double[CHUNK];
            for (int c = 0; c < chunks; c++) {
                checkpoints[c] = state.clone();
                run(first + (long) c * CHUNK, CHUNK, state, scratch);
            }
        }

        void addTo(long start, double[] left, double[] right, double[] send, int n) {
            long lo = Math.max(start, first), hi = Math.min(start + n, end);
            if (lo >= hi) return;
            int c = (int) ((lo - first) / CHUNK);
            double[] scratch = new double[CHUNK];
            for (long chunkStart = first + (long) c * CHUNK; chunkStart < hi; chunkStart += CHUNK, c++) {
                double[] state = checkpoints[c].clone();
                run(chunkStart, CHUNK, state, scratch);
                long from = Math.max(lo, chunkStart), to = Math.min(hi, chunkStart + CHUNK);
                for (long s = from; s < to; s++) {
                    double v = scratch[(int) (s - chunkStart)];
                    int i = (int) (s - start);
                    left[i] += gainLeft * v;
                    right[i] += gainRight * v;
                    if (send != null) send[i] += v;
                }
            }
        }

        /** Runs the excitation and the modes over [from, from + count), into out, advancing state. */
        private void run(long from, int count, double[] state, double[] out) {
            int n = coefA.length;
            double slideLp = state[0], rollLp = state[1], rollLp2 = state[2];
            double fs = SoundTrack.SAMPLE_RATE;
            for (int i = 0; i < count; i++) {
                long s = from + i;
                double t = s / fs;
                double x = 0;
                if (s < last) {
                    double[] p = at(t);
                    double envelope = Math.min(1, Math.min((t - first / fs) / FADE, (last / fs - t) / FADE));
                    double noise = uniform(s);
                    // One-pole low-passes whose corner follows the speed (pitch follows speed).
                    double as = 1 - Math.exp(-2 * Math.PI * Math.min(18_000, p[1] / SLIDE_WAVELENGTH) / fs);
                    double ar = 1 - Math.exp(-2 * Math.PI * Math.min(18_000, p[2] / ROLL_WAVELENGTH) / fs);
                    slideLp += as * (noise - slideLp);
                    rollLp += ar * (noise - rollLp);
                    rollLp2 += ar * (rollLp - rollLp2);
                    // Normalise each band to unit power whatever its corner (a one-pole of coefficient
                    // a passes a / (2 - a) of white noise's power; two in cascade about half that).
                    double slideNorm = Math.sqrt((2 - as) / Math.max(as, 1e-9));
                    double rollNorm = Math.sqrt(2 * (2 - ar) / Math.max(ar, 1e-9));
                    // The impulse of this sample: force noise (unit-RMS bands times the fractions) times dt.
                    x = Math.max(0, envelope) * p[0] / fs * Math.sqrt(3) * (SLIDE_FRACTION * Math.sqrt(p[1]) * slideLp * slideNorm
                            + ROLL_FRACTION * p[2] * rollLp2 * rollNorm);
                }
                double y = 0;
                for (int m = 0; m < n; m++) {
                    double y1 = state[3 + 2 * m], y2 = state[4 + 2 * m];
                    double y0 = coefA[m] * y1 + coefB[m] * y2 + inputScale[m] * x;
                    state[4 + 2 * m] = y1;
                    state[3 + 2 * m] = y0;
                    y += weight[m] * y0;
                }
                out[i] = y;
            }
            state[0] = slideLp;
            state[1] = rollLp;
            state[2] = rollLp2;
        }

        /** Force, slip and roll at time t, linear between frame centres, held beyond them. */
        private double[] at(double t) {
            int k = times.length;
            if (t <= times[0]) return new double[] {force[0], slip[0], roll[0]};
            if (t >= times[k - 1]) return new double[] {force[k - 1], slip[k - 1], roll[k - 1]};
            int i = java.util.Arrays.binarySearch(times, t);
            if (i >= 0) return new double[] {force[i], slip[i], roll[i]};
            int hi = -i - 1, lo = hi - 1;
            double w = (t - times[lo]) / (times[hi] - times[lo]);
            return new double[] {force[lo] + w * (force[hi] - force[lo]), slip[lo] + w * (slip[hi] - slip[lo]),
                    roll[lo] + w * (roll[hi] - roll[lo])};
        }

        private double uniform(long s) {
            return Noise.uniform(seed, 1000L + index, s);
        }
    }
}
