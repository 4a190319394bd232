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
 * <h2>Two mixes: anechoic and film</h2>
 * {@link Options#ANECHOIC} (the two-argument constructor) is the calibrated source described
 * above: the modal sound as a free field would carry it to the camera, no room, no ground, and the
 * film-wide headroom gain. {@link Options#FILM} is what the films play: the same voices heard in
 * their space, then loudness-normalised:
 * <ul>
 *   <li><b>Air</b>: each mode is attenuated by the air over its path, 10^(-alpha(f) r / 20)
 *       ({@link AirAbsorption}; exact for a pure tone, so no filter is needed).</li>
 *   <li><b>Floor or ground reflection</b>, per event: the image of the contact point below the
 *       floor (x, -y, z) is a second tap of the voice, delayed by the extra path
 *       (r_image - r) / c, panned from the image's direction, scaled by r / r_image (through the
 *       {@link Spatializer}) and by the floor's reflection coefficient sqrt(1 - alpha(f)) at each
 *       mode's frequency ({@link Surface}). A contact on the floor itself has its image on top of
 *       it: the reflection adds to the strike on the same sample, the pressure doubling of a hard
 *       floor.</li>
 *   <li><b>Room</b> (indoor scenes): every voice also feeds a mono send at its source strength (no
 *       pan, no distance), convolved ({@link Convolver}) with the room's two-ear impulse response
 *       ({@link RoomImpulseResponse#ears}) from the events' mean contact point to the camera, with
 *       the direct sound and the floor bounce left out (each event plays those itself, at its own
 *       place). Reflections from a single point: a strike far from the mean point keeps its own
 *       direct sound and floor bounce, and borrows the mean point's later reflections, whose pattern
 *       changes little across a room once the walls and ceiling have mixed it. The mix is then
 *       rendered in fixed internal blocks of {@link #ROOM_BLOCK} samples aligned on sample 0, so
 *       the output still depends on the sample index alone (see {@link Convolver}).</li>
 *   <li><b>Loudness</b>: the whole film's mix is measured in a pre-pass ({@link LoudnessMeter}, ITU-R
 *       BS.1770-4) and one film-wide gain brings it to {@link #TARGET_LUFS} integrated, unless
 *       that would put its true peak above {@link #CEILING_DBTP}: then the gain stops at the
 *       ceiling. Impacts are peaky: every mode peaks on the strike's first sample, so a film's true
 *       peak stands 25-35 dB above its integrated loudness (60 drops in a stone room: 31 dB;
 *       three steel knocks outdoors: 36 dB) and such films end at the ceiling, around -30 LUFS
 *       ({@link Mastering#peakLimited()} says so); bodies that ring in a reverberant room stand
 *       near 15 dB and reach -16 (FilmMixTest). No limiter, no compression: the relative loudness
 *       of the events stays what the physics made it, and the output never clips.</li>
 * </ul>
 * Sync is unchanged: the event time is the reference, the nearer ear's direct sound starts on
 * sample round(t * 48000) and everything the room adds comes after it.
 *
 * <p>Instances are immutable after construction, except the film mix's reverberation cache, which
 * {@link #render} guards; it may be called from several threads at once.
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
    /** The film mix's integrated loudness, LUFS (what streaming services normalise to). */
    public static final double TARGET_LUFS = -16;
    /** The film mix's highest true peak, dBTP. */
    public static final double CEILING_DBTP = -1;
    /** The gain aims 0.01 dB under the ceiling, so float rounding and 16-bit quantisation stay under it. */
    static final double CEILING_MARGIN_DB = 0.01;
    /** Samples per internal block of a film mix with a room (the reverberation's partition size). */
    static final int ROOM_BLOCK = 8192;

    /**
     * Which mix a sound track renders.
     *
     * @param acoustics  the space: air absorption, the floor or ground reflection, and indoors the room's reverberation
     * @param normalise  loudness-normalise to -16 LUFS with the true peak at most -1 dBTP (else: the
     *                   calibrated level, loud films turned down to the limiter's knee, then the soft limiter)
     */
    public record Options(boolean acoustics, boolean normalise) {
        /** The calibrated free-field source: no space, no normalisation. */
        public static final Options ANECHOIC = new Options(false, false);
        /** What films play: the space, normalised. */
        public static final Options FILM = new Options(true, true);
    }

    /**
     * What the loudness pre-pass found and did.
     *
     * @param loudness     integrated loudness of the mix before the gain, LUFS (-infinity for silence)
     * @param truePeak     its true peak before the gain, dBTP
     * @param gain         the film-wide gain applied, linear
     * @param peakLimited  whether the true-peak ceiling, not the loudness target, set the gain
     */
    public record Mastering(double loudness, double truePeak, double gain, boolean peakLimited) {
        /** Loudness after the gain, LUFS. */
        public double finalLoudness() { return loudness + 20 * Math.log10(gain); }

        /** True peak after the gain, dBTP. */
        public double finalTruePeak() { return truePeak + 20 * Math.log10(gain); }
    }

    private final Scene scene;
    private final List<ContactEvent> events;
    private final Map<String, ModalModel> bodies = new HashMap<>();
    private final Spatializer spatializer;
    /** Voices by onset (stable: equal onsets keep event order, which fixes the summation order). */
    private final Voice[] voices;
    /** maxEnd[i] = the latest end among voices[0..i]: non-decreasing, so it can be searched. */
    private final long[] maxEnd;
    /** The film-wide gain: anechoic, in (0, 1], keeping the loudest moment at the limiter's knee; film, the loudness gain. */
    private final double filmGain;
    private final Options options;
    /** The room's response heard at the camera (film mix indoors), else null. */
    private final RoomImpulseResponse roomResponse;
    private final Convolver reverb;
    /** The last internal block of a room mix: its index and its un-gained samples. */
    private long cachedBlock = Long.MIN_VALUE;
    private final double[] cachedLeft, cachedRight;
    private final Mastering mastering;

    /**
     * The calibrated anechoic sound ({@link Options#ANECHOIC}).
     *
     * @param scene   the scene: its objects, floor, walls, camera and seed
     * @param events  the simulation's contact events; only {@link ContactEvent#IMPACT} events sound
     * @throws IllegalArgumentException when an event names an unknown body or has an invalid time
     */
    public SoundTrack(Scene scene, List<ContactEvent> events) {
        this(scene, events, Options.ANECHOIC);
    }

    /**
     * @param scene    the scene: its objects, floor, walls, room, camera and seed
     * @param events   the simulation's contact events; only {@link ContactEvent#IMPACT} events sound
     * @param options  which mix ({@link Options#FILM} for a film)
     * @throws IllegalArgumentException when an event names an unknown body or has an invalid time
     */
    public SoundTrack(Scene scene, List<ContactEvent> events, Options options) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.events = List.copyOf(events);
        this.options = Objects.requireNonNull(options, "options");
        for (SceneObject o : scene.objects()) bodies.put(o.id(), ModalModel.of(o));
        Material floor = scene.environment().floor();
        bodies.put(Scene.FLOOR_ID, ModalModel.floor(floor));
        // Outdoors there are no walls; should one be reported anyway, it sounds like the ground.
        bodies.put(Scene.WALL_ID, ModalModel.wall(scene.environment().room() != null
                ? scene.environment().room().walls() : floor));
        spatializer = new Spatializer(scene.camera());

        RoomAcoustics room = options.acoustics() ? RoomAcoustics.of(scene) : null;
        Excitation[] excitations = new Excitation[this.events.size()];
        for (int i = 0; i < excitations.length; i++) excitations[i] = excitation(i);
        if (room != null) {
            roomResponse = RoomImpulseResponse.ears(room, meanSource(room, excitations),
                    new Spatializer(insideRoom(scene.camera(), room)), true, scene.seed());
            reverb = new Convolver(roomResponse.channels(), ROOM_BLOCK);
            cachedLeft = new double[ROOM_BLOCK];
            cachedRight = new double[ROOM_BLOCK];
        } else {
            roomResponse = null;
            reverb = null;
            cachedLeft = cachedRight = null;
        }
        Surface ground = Surface.floorOf(floor);
        double sendAudibility = room == null ? 0 : peak(roomResponse.channels());

        List<Voice> list = new ArrayList<>();
        for (int i = 0; i < excitations.length; i++) {
            Excitation x = excitations[i];
            if (x == null) continue;
            long onset = onsetSample(this.events.get(i).t());
            Voice v = options.acoustics()
                    ? Voice.of(onset, x.frequency(), x.decayRate(), x.amplitude(), taps(x, ground, room != null, sendAudibility))
                    : Voice.of(onset, x.ears(), x.frequency(), x.decayRate(), x.amplitude());
            if (v != null) list.add(v);
        }
        list.sort(Comparator.comparingLong(Voice::onset)); // List.sort is stable
        voices = list.toArray(new Voice[0]);
        maxEnd = new long[voices.length];
        long m = Long.MIN_VALUE;
        for (int i = 0; i < voices.length; i++) maxEnd[i] = m = Math.max(m, voices[i].end());
        if (options.normalise()) {
            mastering = measure();
            filmGain = mastering.gain();
        } else {
            filmGain = Math.min(1, SoftLimiter.KNEE / peak());
            mastering = null;
        }
    }

    /**
     * The taps of one event in the film mix: the direct sound and the floor's reflection in each ear
     * (air absorption and, for the reflection, the floor's sqrt(1 - alpha) per mode), and indoors the
     * send to the room at the source's strength.
     */
    private List<Voice.Tap> taps(Excitation x, Surface ground, boolean withSend, double sendAudibility) {
        Vec3 eye = scene.camera().position();
        Vec3 p = x.point().y() < 0 ? new Vec3(x.point().x(), 0, x.point().z()) : x.point();
        Vec3 image = new Vec3(p.x(), -p.y(), p.z());
        double r = p.minus(eye).length(), ri = image.minus(eye).length();
        Spatializer.Placement direct = x.ears(), bounce = spatializer.place(image);
        double extra = (ri - r) / SPEED_OF_SOUND * SAMPLE_RATE;
        int n = x.frequency().length;
        double[] dl = new double[n], dr = new double[n], bl = new double[n], br = new double[n];
        for (int k = 0; k < n; k++) {
            double f = x.frequency()[k];
            double airDb = AirAbsorption.decibelsPerMetre(f);
            double air = StrictMath.pow(10, -airDb * r / 20), airImage = StrictMath.pow(10, -airDb * ri / 20);
            double beta = ground.reflectionAt(f);
            dl[k] = direct.gainLeft() * air;
            dr[k] = direct.gainRight() * air;
            bl[k] = bounce.gainLeft() * beta * airImage;
            br[k] = bounce.gainRight() * beta * airImage;
        }
        List<Voice.Tap> taps = new ArrayList<>(List.of(
                new Voice.Tap(Voice.LEFT, direct.delayLeft(), dl, 1),
                new Voice.Tap(Voice.RIGHT, direct.delayRight(), dr, 1),
                new Voice.Tap(Voice.LEFT, extra + bounce.delayLeft(), bl, 1),
                new Voice.Tap(Voice.RIGHT, extra + bounce.delayRight(), br, 1)));
        if (withSend) {
            double[] one = new double[n];
            Arrays.fill(one, 1);
            taps.add(new Voice.Tap(Voice.SEND, 0, one, sendAudibility));
        }
        return taps;
    }

    /** Where the room's reflections are computed from: the events' mean contact point, inside the room. */
    private static Vec3 meanSource(RoomAcoustics room, Excitation[] excitations) {
        Vec3 sum = Vec3.ZERO;
        int count = 0;
        for (Excitation x : excitations) {
            if (x == null) continue;
            sum = sum.plus(x.point());
            count++;
        }
        Vec3 mean = count == 0 ? new Vec3(0, 0, 0) : sum.times(1.0 / count);
        return room.inside(mean, 0.05);
    }

    /** The camera moved inside the room (5 cm from the surfaces at least), looking the same way. */
    private static dev.diorama.scene.Camera insideRoom(dev.diorama.scene.Camera camera, RoomAcoustics room) {
        Vec3 eye = room.inside(camera.position(), 0.05);
        return new dev.diorama.scene.Camera(eye, eye.plus(camera.lookAt().minus(camera.position())), camera.fov());
    }

    private static double peak(double[][] channels) {
        double p = 0;
        for (double[] ch : channels) for (double v : ch) p = Math.max(p, Math.abs(v));
        return p;
    }

    /**
     * The loudness pre-pass: the un-gained mix over the film's length for the loudness, and to the
     * last sound for the true peak; then the gain.
     */
    private Mastering measure() {
        long film = Math.round((double) scene.frameCount() * SAMPLE_RATE / scene.fps());
        long last = Math.max(film, endSample());
        LoudnessMeter meter = new LoudnessMeter();
        TruePeakMeter after = new TruePeakMeter(2);
        int block = reverb != null ? ROOM_BLOCK : 4800;
        // The voices of a batch of blocks are rendered in parallel (each block is a pure function of
        // its index, so the threads change nothing); the reverberation and the meters then take the
        // blocks in order.
        int batch = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        long blocks = (last + block - 1) / block;
        double[] wetL = new double[block], wetR = new double[block];
        for (long b0 = 0; b0 < blocks; b0 += batch) {
            int count = (int) Math.min(batch, blocks - b0);
            double[][][] dry = new double[count][3][block];
            long first = b0;
            java.util.stream.IntStream.range(0, count).parallel().forEach(i ->
                    mix((first + i) * block, dry[i][0], dry[i][1], reverb != null ? dry[i][2] : null, block));
            for (int i = 0; i < count; i++) {
                long b = b0 + i, s = b * block;
                double[] l = dry[i][0], r = dry[i][1];
                if (reverb != null) {
                    synchronized (this) {
                        reverb.process(b, dry[i][2], this::sendBlock, wetL, wetR);
                    }
                    for (int k = 0; k < block; k++) {
                        l[k] += wetL[k];
                        r[k] += wetR[k];
                    }
                }
                int inFilm = (int) Math.max(0, Math.min(block, film - s));
                if (inFilm > 0) meter.add(l, r, inFilm);
                if (inFilm < block) after.add(Arrays.copyOfRange(l, inFilm, block), Arrays.copyOfRange(r, inFilm, block), block - inFilm);
            }
        }
        if (reverb != null) {
            synchronized (this) {
                reverb.reset();
                cachedBlock = Long.MIN_VALUE;
            }
        }
        double loudness = meter.integrated();
        double peak = Math.max(meter.truePeak(), after.peak());
        double ceiling = Math.pow(10, (CEILING_DBTP - CEILING_MARGIN_DB) / 20);
        double byPeak = peak > 0 ? ceiling / peak : Double.POSITIVE_INFINITY;
        double byLoudness = Double.isFinite(loudness) ? Math.pow(10, (TARGET_LUFS - loudness) / 20) : 1;
        double gain = Math.min(byLoudness, byPeak);
        return new Mastering(loudness, 20 * Math.log10(peak), gain, byPeak < byLoudness);
    }

    /** The un-gained mix (voices, and the room where there is one) of samples [start, start + n). */
    private void mixBlock(long start, double[] l, double[] r, int n) {
        if (reverb == null) {
            Arrays.fill(l, 0, n, 0);
            Arrays.fill(r, 0, n, 0);
            mix(start, l, r, null, n);
            return;
        }
        synchronized (this) {
            for (int done = 0; done < n; ) {
                long at = start + done;
                long b = Math.floorDiv(at, ROOM_BLOCK);
                int offset = (int) (at - b * ROOM_BLOCK), len = Math.min(n - done, ROOM_BLOCK - offset);
                roomBlock(b);
                System.arraycopy(cachedLeft, offset, l, done, len);
                System.arraycopy(cachedRight, offset, r, done, len);
                done += len;
            }
        }
    }

    /** Makes internal block b (direct sound plus the room) the cached one. */
    private void roomBlock(long b) {
        if (b == cachedBlock) return;
        double[] send = new double[ROOM_BLOCK], wetL = new double[ROOM_BLOCK], wetR = new double[ROOM_BLOCK];
        Arrays.fill(cachedLeft, 0);
        Arrays.fill(cachedRight, 0);
        mix(b * ROOM_BLOCK, cachedLeft, cachedRight, send, ROOM_BLOCK);
        reverb.process(b, send, this::sendBlock, wetL, wetR);
        for (int i = 0; i < ROOM_BLOCK; i++) {
            cachedLeft[i] += wetL[i];
            cachedRight[i] += wetR[i];
        }
        cachedBlock = b;
    }

    /** The send of internal block k alone (for rebuilding the reverberation's state). */
    private void sendBlock(long k, double[] into) {
        Arrays.fill(into, 0);
        if ((k + 1) * ROOM_BLOCK <= 0) return;
        double[] l = new double[ROOM_BLOCK], r = new double[ROOM_BLOCK];
        mix(k * ROOM_BLOCK, l, r, into, ROOM_BLOCK);
    }

    /** The largest absolute sample of the mix before any gain or limiting, over the whole film. */
    private double peak() {
        int block = 4800;
        double[] l = new double[block], r = new double[block];
        double peak = 0;
        for (long s = 0; s < endSample(); s += block) {
            mixBlock(s, l, r, block);
            for (int i = 0; i < block; i++) peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        }
        return peak;
    }

    /**
     * The film-wide gain: for the anechoic mix, what the whole film is turned down by so its loudest
     * moment stays clean (1 = none); for a normalised mix, the loudness gain ({@link #mastering()}).
     */
    public double filmGain() { return filmGain; }

    /** What the loudness pre-pass measured and chose; null for a mix that is not normalised. */
    public Mastering mastering() { return mastering; }

    /** The options this sound track renders with. */
    public Options options() { return options; }

    /** The room's two-ear response the film mix is convolved with; null outdoors or for the anechoic mix. */
    public RoomImpulseResponse roomResponse() { return roomResponse; }

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
        mixBlock(startSample, l, r, n);
        if (options.normalise()) {
            // The gain keeps the true peak 0.01 dB under -1 dBTP; the clamp is a guard that never acts.
            for (int i = 0; i < n; i++) {
                left[i] = (float) Math.max(-1, Math.min(1, l[i] * filmGain));
                right[i] = (float) Math.max(-1, Math.min(1, r[i] * filmGain));
            }
        } else {
            for (int i = 0; i < n; i++) {
                left[i] = (float) SoftLimiter.apply(l[i] * filmGain);
                right[i] = (float) SoftLimiter.apply(r[i] * filmGain);
            }
        }
    }

    /** Adds every voice sounding in [startSample, startSample + n) into l and r (and the room's send into s, if not null). */
    private void mix(long startSample, double[] l, double[] r, double[] s, int n) {
        long stop = startSample + n;
        // The first voice that may still sound at startSample, then every voice that started before stop.
        for (int i = firstSounding(startSample); i < voices.length && voices[i].onset() < stop; i++) {
            if (voices[i].end() > startSample) voices[i].addTo(startSample, l, r, s, n);
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

    /** One past the last sample any voice (and, with a room, its reverberation) contributes to; 0 without voices. */
    long endSample() {
        if (voices.length == 0) return 0;
        long dry = maxEnd[voices.length - 1];
        return reverb == null ? dry : (Math.floorDiv(dry, ROOM_BLOCK) + 1) * ROOM_BLOCK + reverb.tail();
    }

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
     * @param point      where the contact is, m
     */
    record Excitation(double[] frequency, double[] decayRate, double[] amplitude, Spatializer.Placement ears,
                      HertzContact contact, Vec3 point) {}

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
        return new Excitation(f, d, amp, spatializer.place(point), contact, point);
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
