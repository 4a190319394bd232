package dev.diorama.audio;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The film's sound: every impact of the simulation, both bodies ringing, placed in stereo as the
 * camera hears it, rendered on demand in blocks so that a long film streams in flat memory.
 *
 * <h2>Timing</h2>
 * The sound of an event at time t starts exactly at sample {@link #onsetSample(double)
 * round(t * 48000)} in the ear nearer the source (the far ear follows by the interaural delay, at
 * most 0.66 ms). Before that sample the event contributes exactly 0; on it, every mode is at its
 * peak (cosine phase), so the strike is heard at full force on its own sample. There is no
 * propagation delay from the source to the camera: film convention puts the sound on the frame
 * where the contact is seen.
 *
 * <p>A sample is a pure function of its absolute index (see {@code Voice}): rendering 4800 samples
 * at once or as two blocks of 2400 gives the same floats, bit for bit. The only randomness, how hard
 * each mode is struck, comes from a generator seeded with {@code scene.seed()} and the event's index.
 *
 * <h2>What sounds</h2>
 * Each impact excites both bodies ({@code ModalModel}): scene objects by shape, size and material,
 * the floor and the walls as built panels ({@code Panel}). Mode n of a body of mass m gets the
 * amplitude
 * <pre>  a_n = G * J * W(f_n) * s_n * sqrt(sigma(f_n) S) / m</pre>
 * <ul>
 *   <li>J / m: the velocity an impulse J (N s) gives a body of mass m; J is the event's impulse, or
 *       m* times the closing speed when the simulation reported none;</li>
 *   <li>W(f): the spectrum of the Hertz force pulse ({@code HertzContact}): a short, stiff contact
 *       (steel on stone) reaches high modes, a long, soft one (rubber) only the lowest;</li>
 *   <li>s_n in [0.6, 1.4): where on the body the strike lands, which is not simulated; drawn per
 *       event and mode (for mass-normalised modes the mean square mode shape over the body is the
 *       same for every mode, so on average all modes are struck alike);</li>
 *   <li>sqrt(sigma S): radiation. S is the radiating area and sigma = (ka)^2 / (1 + (ka)^2) the
 *       radiation efficiency of a source of radius a (that of a pulsating sphere): a body much
 *       smaller than the wavelength radiates poorly, so bigger bodies are louder;</li>
 *   <li>G = {@link #MASTER_GAIN}, fixed and calibrated (not normalised per film, which is streamed).</li>
 * </ul>
 * A mode's amplitude decays as exp(-pi eta f t) (REFERENCE.md; {@code ModalModel}); a voice stops
 * once all its modes are below -90 dBFS, and only voices sounding in a block are evaluated.
 *
 * <p>Headroom: the whole film's events are known before its sound is streamed, so the constructor
 * measures the mix's peak in one quick pass (about 0.06 s per minute of film) and, where the
 * loudest moment would pass the limiter's knee (-3 dBFS), turns the whole film down just enough
 * ({@link #filmGain()}). Relative loudness between events stays as the physics made it; quiet
 * films are never turned up. The mix then passes through {@code SoftLimiter}, so the output never
 * leaves [-1, 1] even for a caller who renders with other events.
 *
 * <p>Instances are immutable after construction and {@link #render} may be called from several
 * threads at once.
 */
public final class SoundTrack {
    /** Samples per second per channel. */
    public static final int SAMPLE_RATE = 48_000;
    /**
     * Master gain G, calibrated once: a 20 cm rubber ball (4.6 kg) dropped from 1 m onto the default
     * wooden floor (impulse m v (1 + e) = 36.9 N s, closing speed 4.43 m/s), heard from
     * the reference distance (2 m) straight ahead, then peaks at -12.0 dBFS in each channel
     * with every strike factor s_n at its mean 1; the drawn factors move it by about +-2.5 dB
     * (LoudnessTest), 9 dB below the limiter's knee. Harder strikes go higher: a 6 cm steel ball
     * dropped 1 m onto wood, all the floor's modes struck at once, reaches the knee on its first
     * samples (about -1 dBFS after the limiter).
     */
    static final double MASTER_GAIN = 0.256;
    /** Speed of sound in air, m/s, for the radiation efficiency. */
    static final double SPEED_OF_SOUND = 343;

    private final Scene scene;
    private final List<ContactEvent> events;
    private final Map<String, ModalModel> bodies = new HashMap<>();
    private final Spatializer spatializer;
    /** Voices by onset (stable: equal onsets keep event order, which fixes the summation order). */
    private final Voice[] voices;
    /** maxEnd[i] = the latest end among voices[0..i]: non-decreasing, so it can be searched. */
    private final long[] maxEnd;
    /** The film-wide gain in (0, 1] that keeps the loudest moment at or below the limiter's knee. */
    private final double filmGain;

    /**
     * @param scene   the scene: its objects, floor, walls, camera and seed
     * @param events  the simulation's contact events; only {@link ContactEvent#IMPACT} events sound
     * @throws IllegalArgumentException when an event names an unknown body or has an invalid time
     */
    public SoundTrack(Scene scene, List<ContactEvent> events) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.events = List.copyOf(events);
        for (SceneObject o : scene.objects()) bodies.put(o.id(), ModalModel.of(o));
        Material floor = scene.environment().floor();
        bodies.put(Scene.FLOOR_ID, ModalModel.floor(floor));
        // Outdoors there are no walls; should one be reported anyway, it sounds like the ground.
        bodies.put(Scene.WALL_ID, ModalModel.wall(scene.environment().room() != null
                ? scene.environment().room().walls() : floor));
        spatializer = new Spatializer(scene.camera());

        List<Voice> list = new ArrayList<>();
        for (int i = 0; i < this.events.size(); i++) {
            Excitation x = excitation(i);
            if (x == null) continue;
            Voice v = Voice.of(onsetSample(this.events.get(i).t()), x.ears(), x.frequency(), x.decayRate(), x.amplitude());
            if (v != null) list.add(v);
        }
        list.sort(Comparator.comparingLong(Voice::onset)); // List.sort is stable
        voices = list.toArray(new Voice[0]);
        maxEnd = new long[voices.length];
        long m = Long.MIN_VALUE;
        for (int i = 0; i < voices.length; i++) maxEnd[i] = m = Math.max(m, voices[i].end());
        filmGain = Math.min(1, SoftLimiter.KNEE / peak());
    }

    /** The largest absolute sample of the mix before any gain or limiting, over the whole film. */
    private double peak() {
        int block = 4800;
        double[] l = new double[block], r = new double[block];
        double peak = 0;
        for (long s = 0; s < endSample(); s += block) {
            Arrays.fill(l, 0);
            Arrays.fill(r, 0);
            mix(s, l, r, block);
            for (int i = 0; i < block; i++) peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        }
        return peak;
    }

    /** The gain the whole film is turned down by so its loudest moment stays clean (1 = none). */
    public double filmGain() { return filmGain; }

    /** Sample index at which the sound of an event at time t starts: Math.round(t * SAMPLE_RATE). */
    public static long onsetSample(double t) { return Math.round(t * SAMPLE_RATE); }

    /**
     * Fills left[0..n) and right[0..n) with samples startSample .. startSample+n-1 (float, full
     * scale +-1). Samples before 0 or after the last sound are silence.
     */
    public void render(long startSample, float[] left, float[] right, int n) {
        if (n < 0 || left.length < n || right.length < n) {
            throw new IllegalArgumentException("expected 0 <= n <= the buffers' length, got n = " + n);
        }
        double[] l = new double[n], r = new double[n];
        mix(startSample, l, r, n);
        for (int i = 0; i < n; i++) {
            left[i] = (float) SoftLimiter.apply(l[i] * filmGain);
            right[i] = (float) SoftLimiter.apply(r[i] * filmGain);
        }
    }

    /** Adds every voice sounding in [startSample, startSample + n) into l and r. */
    private void mix(long startSample, double[] l, double[] r, int n) {
        long stop = startSample + n;
        // The first voice that may still sound at startSample, then every voice that started before stop.
        for (int i = firstSounding(startSample); i < voices.length && voices[i].onset() < stop; i++) {
            if (voices[i].end() > startSample) voices[i].addTo(startSample, l, r, n);
        }
    }

    /** The lowest i with maxEnd[i] > sample: no voice before it sounds at or after sample. */
    private int firstSounding(long sample) {
        int lo = 0, hi = voices.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEnd[mid] > sample) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Number of voices that sound (events that made no audible sound are dropped). */
    int voiceCount() { return voices.length; }

    /** One past the last sample any voice contributes to; 0 without voices. */
    long endSample() { return voices.length == 0 ? 0 : maxEnd[voices.length - 1]; }

    /** The modal model of a body by id ("floor", "wall" or an object's id). */
    ModalModel body(String id) { return bodies.get(id); }

    /**
     * The modes one event excites in both bodies (the first body's, then the second's), and where
     * it is heard.
     *
     * @param frequency  Hz
     * @param decayRate  1/s
     * @param amplitude  full scale 1, before the ear gains
     * @param ears       gains and delays of the two ears
     * @param contact    the Hertz contact that shaped the strike
     */
    record Excitation(double[] frequency, double[] decayRate, double[] amplitude, Spatializer.Placement ears,
                      HertzContact contact) {}

    /** What event {@code index} excites; null for events that make no sound (not impacts, or no impulse). */
    Excitation excitation(int index) {
        ContactEvent e = events.get(index);
        if (!ContactEvent.IMPACT.equals(e.kind())) return null; // other kinds (if any appear) are not strikes
        if (!(Double.isFinite(e.t()) && e.t() >= 0)) {
            throw new IllegalArgumentException("event " + index + ": expected a time >= 0 s, got " + e.t());
        }
        ModalModel a = requireBody(e.a(), index), b = requireBody(e.b(), index);
        double speed = Double.isFinite(e.speed()) ? Math.max(e.speed(), 0) : 0;
        HertzContact contact = HertzContact.between(a, b, speed);
        double impulse = e.impulse() > 0 && Double.isFinite(e.impulse()) ? e.impulse() : contact.effectiveMass() * speed;
        if (!(impulse > 0) || !Double.isFinite(impulse)) return null;
        Vec3 point = e.point() != null ? e.point() : scene.object(e.a()) != null ? scene.object(e.a()).position() : Vec3.ZERO;
        SplittableRandom strike = new SplittableRandom(mix(scene.seed(), index));
        int n = a.modeCount() + b.modeCount();
        double[] f = new double[n], d = new double[n], amp = new double[n];
        int k = 0;
        for (ModalModel body : new ModalModel[] {a, b}) {
            for (int m = 0; m < body.modeCount(); m++, k++) {
                f[k] = body.frequency(m);
                d[k] = body.decayRate(m);
                double where = 0.6 + 0.8 * strike.nextDouble();
                amp[k] = MASTER_GAIN * impulse * contact.spectrumWeight(f[k]) * where * radiation(body, f[k]) / body.mass();
            }
        }
        return new Excitation(f, d, amp, spatializer.place(point), contact);
    }

    private ModalModel requireBody(String id, int index) {
        ModalModel m = bodies.get(id);
        if (m == null) {
            throw new IllegalArgumentException("event " + index + ": expected a body id of the scene (an object, \""
                    + Scene.FLOOR_ID + "\" or \"" + Scene.WALL_ID + "\"), got \"" + id + "\"");
        }
        return m;
    }

    /** sqrt(sigma S): how well the body turns surface velocity at frequency f into sound. */
    private static double radiation(ModalModel body, double f) {
        double ka = 2 * Math.PI * f / SPEED_OF_SOUND * body.radiationRadius();
        double sigma = ka * ka / (1 + ka * ka);
        return Math.sqrt(sigma * body.area());
    }

    /** A well-mixed seed from the scene's seed and an event index (SplitMix64's finaliser, twice). */
    private static long mix(long seed, int index) {
        return finalise(finalise(seed) + 0x9E3779B97F4A7C15L * (index + 1L));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "SoundTrack[" + voices.length + " voices, " + Arrays.stream(voices).mapToInt(Voice::modeCount).sum()
                + " modes, ends at sample " + endSample() + "]";
    }
}
