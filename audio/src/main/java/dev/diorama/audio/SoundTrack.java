package dev.diorama.audio;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
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
 * where the contact is seen. The event time is the reference, and the direct sound's onset is it.
 *
 * <h2>Motion: Doppler and a moving listener</h2>
 * The listener is the camera where it is at the event's time (pan, distance, interaural delay and
 * the floor bounce are placed from there). After the onset a struck body that moves on (a ringing
 * ball rolling away), or a camera that moves (a dolly, an orbit, a tracking shot), changes the
 * path: the film mix hears each body's modes at the emission time whose sound reaches the camera
 * then, relative to the onset's path ({@link Voice.Motion}), so a body coming toward the camera at
 * v rings c / (c - v) higher and one going away c / (c + v) lower (DopplerTest), and the level
 * follows 1/r. Every path follows the source for the whole ring: the pan and the interaural delay
 * from its direction, the air over its length, and the floor bounce from its image, each ear's
 * coefficient re-evaluated every {@link Voice#CHUNK} samples and interpolated between
 * (MovingPathTest).
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
 *       BS.1770-4) and one film-wide gain brings it to {@link #TARGET_LUFS} integrated. Where that
 *       gain would put the true peak above {@link #CEILING_DBTP}, the mix goes through a look-ahead
 *       true-peak limiter ({@link TruePeakLimiter}), and the gain is solved for with the limiter in
 *       the loop, each pass measuring the whole film ({@link #measure}): the first renders the mix
 *       and keeps it on disk ({@link MixCache}), the later ones and the film itself read it back
 *       (the voices and the room are rendered once). Impacts are
 *       peaky: every mode peaks on the strike's first sample, so a film's true peak stands 25-36 dB
 *       above its integrated loudness, where -16 LUFS under -1 dBTP leaves 15 dB. The limiter takes
 *       the strikes' first milliseconds down (2 ms look-ahead, 10 ms hold, 1 dB/ms release) and
 *       leaves the rest: 60 drops in the stone room reach -16 LUFS with 17 dB off their loudest
 *       strike and 1.3 LU taken from the film's loudness (FilmMixTest). It stops short of the
 *       target where it would take more than {@link #MAX_LOUDNESS_TAKEN_LU} from the film or reduce
 *       a peak by more than {@link #MAX_REDUCTION_DB}: dry knocks outdoors are all transient, and
 *       turning their peaks down turns the knocks down; such films stay quieter and say so
 *       ({@link Mastering#peakLimited()}). Bodies ringing in a reverberant room (peaks near 15 dB
 *       over the loudness) need no limiter. The limiter's gain is a pure function of a bounded
 *       window of the mix around each sample, so the output still depends on the sample index
 *       alone, and nothing moves: a strike still starts on its own sample, at full force.</li>
 * </ul>
 * Sync is unchanged: the event time is the reference, the nearer ear's direct sound starts on
 * sample round(t * 48000) and everything the room adds comes after it.
 *
 * <p>Instances are immutable after construction, except the film mix's reverberation cache and
 * its limiter's state, which {@link #render} guards; it may be called from several threads at once.
 */
public final class SoundTrack implements AutoCloseable {
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
    /**
     * The most gain reduction the limiter may apply to any peak, dB. Strikes peak 25-36 dB above a
     * film's loudness (every mode peaks on the strike's first sample) where -16 LUFS under -1 dBTP
     * leaves 15 dB; in a room the loudest strikes of a busy film need about 17 dB off their first
     * milliseconds.
     */
    public static final double MAX_REDUCTION_DB = 24;
    /**
     * The most loudness the limiter may take from a film, LU: how much quieter the limited film is
     * than the same gain without the limiter. Shaving the first milliseconds off strikes in a room
     * takes about 1 LU; a film that needs more is mostly transient (dry knocks outdoors), and
     * turning its peaks down further would squash the strikes themselves and the differences
     * between them, for little loudness. Such a film stays below the target and says so
     * ({@link Mastering#peakLimited()}).
     */
    public static final double MAX_LOUDNESS_TAKEN_LU = 3;
    /** The limiter aims this much under the ceiling: room for the gain's change between samples. */
    static final double LIMITER_MARGIN_DB = 0.02;
    /** The pre-pass stops within this of the target, LU. */
    static final double LOUDNESS_TOLERANCE_LU = 0.05;
    /** ... or this far under the cap on what the limiter takes, LU, when that cap is what stops the gain. */
    static final double CAP_TOLERANCE_LU = 0.3;
    /** The most times the pre-pass goes through the film (the first, which renders it, included). */
    static final int MAX_PASSES = 5;
    /** Samples per internal block of a film mix with a room (the reverberation's partition size). */
    static final int ROOM_BLOCK = 8192;

    /**
     * Which mix a sound track renders.
     *
     * @param acoustics  the space: air absorption, the floor or ground reflection, and indoors the room's reverberation
     * @param normalise  loudness-normalise to -16 LUFS with the true peak at most -1 dBTP, through the
     *                   true-peak limiter where the gain alone cannot (else: the
     *                   calibrated level, loud films turned down to the limiter's knee, then the soft limiter)
     */
    public record Options(boolean acoustics, boolean normalise, boolean ambience) {
        /** The calibrated free-field source: no space, no normalisation. */
        public static final Options ANECHOIC = new Options(false, false, false);
        /** What films play: the space, normalised, with the place's ambience under it. */
        public static final Options FILM = new Options(true, true, true);

        /** Without ambience. */
        public Options(boolean acoustics, boolean normalise) {
            this(acoustics, normalise, false);
        }
    }

    /**
     * What the loudness pre-pass found and did.
     *
     * @param loudness          integrated loudness of the mix before the gain, LUFS (-infinity for silence)
     * @param truePeak          its true peak before the gain, dBTP
     * @param gain              the film-wide (make-up) gain applied before the limiter, linear
     * @param finalLoudness     integrated loudness of the film as rendered, LUFS: measured on the
     *                          limited film, or (no limiter) the loudness plus the gain
     * @param finalTruePeak     true peak of the film as rendered, dBTP (measured, or predicted likewise)
     * @param maxReduction      the limiter's deepest gain reduction over the film, dB (0: no limiting)
     * @param meanReduction     its gain reduction averaged over every sample of the film, dB
     * @param limitedShare      the share of the film's samples the limiter turned down, 0..1
     * @param loudnessTaken     how much quieter the limiter made the film than the gain alone would, LU
     * @param peakLimited       whether the film stays below the target because reaching it would have the
     *                          limiter take more than {@link #MAX_LOUDNESS_TAKEN_LU} from the film or
     *                          reduce a peak by more than {@link #MAX_REDUCTION_DB}
     * @param passes            how many times the pre-pass rendered the film (1: no limiter was needed)
     * @param limiterThreshold  the limiter's threshold, dBTP; NaN when there is no limiter
     */
    public record Mastering(double loudness, double truePeak, double gain, double finalLoudness, double finalTruePeak,
                            double maxReduction, double meanReduction, double limitedShare, double loudnessTaken,
                            boolean peakLimited, int passes, double limiterThreshold) {
        /** Whether the film goes through the limiter. */
        public boolean limited() { return !Double.isNaN(limiterThreshold); }

        /** The same, its final loudness and true peak those measured on other samples (a slow-motion film's: the track slowed). */
        public Mastering measuredAs(double loudness, double truePeak) {
            return new Mastering(this.loudness, this.truePeak, gain, loudness, truePeak, maxReduction, meanReduction, limitedShare,
                    loudnessTaken, peakLimited, passes, limiterThreshold);
        }
    }

    private final Scene scene;
    private final List<ContactEvent> events;
    private final Map<String, ModalModel> bodies = new HashMap<>();
    private final Paths paths;
    /** Rolling and sliding, or null when nothing rolls or slides. */
    private final ContactSound contactSound;
    /** The liquids' bubbles and splashes, or null without any. */
    private final LiquidVoices liquidVoices;
    /**
     * Voices by onset (stable: equal onsets keep event order, which fixes the summation order). Set
     * during construction only: once, then again by the loudness pre-pass where the film will be
     * turned down enough that quieter modes cannot be heard ({@link #measure}).
     */
    private Voice[] voices;
    /** maxEnd[i] = the latest end among voices[0..i]: non-decreasing, so it can be searched. */
    private long[] maxEnd;
    /** What the voices are built from: each event's excitation (or null), the ground, the send's audibility. */
    private final Excitation[] excitations;
    private final Surface ground;
    private final double sendAudibility;
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
    /** The film mix's limiter (guarded by this), or null where the gain alone keeps the true peak under the ceiling. */
    private final TruePeakLimiter limiter;
    /** The place's ambience (film mix), or null. */
    private final Ambience ambience;
    /**
     * The un-gained mix as the loudness pre-pass's first render left it (film mix), read back by its
     * later passes and by {@link #render} instead of rendering the voices and the room again; null
     * until then, and for a mix that is not normalised.
     */
    private MixCache cache;

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
        this(scene, events, List.of(), options);
    }

    /**
     * As above, with the timeline's keyframes: in the film mix, a body that moves after it was
     * struck, or a camera that moves, changes what is heard (Doppler and level, see
     * {@link Voice.Motion}); without keyframes every source stays where it was struck.
     *
     * @param frames  the simulation's keyframes (poses per frame), or an empty list
     */
    public SoundTrack(Scene scene, List<ContactEvent> events, List<Keyframe> frames, Options options) {
        this(scene, events, frames, List.of(), options);
    }

    /**
     * A film's sound from its whole timeline: the strikes, the motion of what was struck, and the
     * rolling and sliding of sustained contacts ({@link ContactSound}).
     */
    public SoundTrack(Scene scene, dev.diorama.scene.Timeline timeline, Options options) {
        this(scene, timeline.events(), timeline.frames(), timeline.contacts(), timeline.liquidSounds(), options);
    }

    /**
     * As {@link #SoundTrack(Scene, dev.diorama.scene.Timeline, Options)} from its parts; the
     * keyframes are read once, in order, and not kept (a film's may be a list backed by a file).
     */
    public SoundTrack(Scene scene, List<ContactEvent> events, List<Keyframe> frames,
                      List<dev.diorama.scene.ContactState> contacts, Options options) {
        this(scene, events, frames, contacts, List.of(), options);
    }

    /**
     * As above, with the liquids' bubbles and splashes ({@link LiquidVoices}), placed and sent to the
     * room like the strikes.
     */
    public SoundTrack(Scene scene, List<ContactEvent> events, List<Keyframe> frames,
                      List<dev.diorama.scene.ContactState> contacts, List<dev.diorama.scene.LiquidSound> liquidSounds,
                      Options options) {
        this.scene = Objects.requireNonNull(scene, "scene");
        // Without air (the Moon) no sound reaches the camera: strikes, rubbing, the liquid and the
        // place's ambience are all silent (the events stay in the sidecar, as the simulation's truth).
        boolean air = scene.environment().air();
        this.events = air ? List.copyOf(events) : List.of();
        if (!air) {
            contacts = List.of();
            liquidSounds = List.of();
        }
        this.options = Objects.requireNonNull(options, "options");
        for (SceneObject o : scene.objects()) bodies.put(o.id(), ModalModel.of(o));
        Material floor = scene.environment().floor();
        bodies.put(Scene.FLOOR_ID, ModalModel.floor(floor));
        // Outdoors there are no walls; should one be reported anyway, it sounds like the ground.
        bodies.put(Scene.WALL_ID, ModalModel.wall(scene.environment().room() != null
                ? scene.environment().room().walls() : floor));
        paths = new Paths(scene, frames);
        ContactSound rubbing = new ContactSound(scene, contacts, bodies,
                (point, t) -> new Spatializer(paths.cameraAt(t)).place(point));
        contactSound = rubbing.isEmpty() ? null : rubbing;
        LiquidVoices wet = new LiquidVoices(liquidSounds == null ? List.of() : liquidSounds,
                (point, t) -> new Spatializer(paths.cameraAt(t)).place(point), scene.seed());
        liquidVoices = wet.isEmpty() ? null : wet;

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

        this.excitations = excitations;
        this.ground = ground;
        this.sendAudibility = sendAudibility;
        buildVoices(Voice.THRESHOLD);
        ambience = options.ambience() && air ? new Ambience(scene) : null;
        if (options.normalise()) {
            mastering = measure();
            filmGain = mastering.gain();
            limiter = Double.isNaN(mastering.limiterThreshold()) ? null
                    : new TruePeakLimiter(filmGain, Math.pow(10, mastering.limiterThreshold() / 20), MAX_REDUCTION_DB + 1);
        } else {
            limiter = null;
            filmGain = Math.min(1, SoftLimiter.KNEE / peak());
            mastering = null;
        }
    }

    /** (Re)builds the voices, each mode stopping below {@code threshold} (full scale, before the film's gain). */
    private void buildVoices(double threshold) {
        List<Voice> list = new ArrayList<>();
        for (int i = 0; i < excitations.length; i++) {
            Excitation x = excitations[i];
            if (x == null) continue;
            long onset = onsetSample(this.events.get(i).t());
            Voice v = options.acoustics()
                    ? Voice.of(onset, x.frequency(), x.decayRate(), x.amplitude(), taps(x, ground, reverb != null, sendAudibility),
                            motions(this.events.get(i), x, onset), threshold)
                    : Voice.of(onset, x.ears(), x.frequency(), x.decayRate(), x.amplitude());
            if (v != null) list.add(v);
        }
        list.sort(Comparator.comparingLong(Voice::onset)); // List.sort is stable
        voices = list.toArray(new Voice[0]);
        maxEnd = new long[voices.length];
        long m = Long.MIN_VALUE;
        for (int i = 0; i < voices.length; i++) maxEnd[i] = m = Math.max(m, voices[i].end());
    }

    /**
     * The taps of one event in the film mix: the direct sound and the floor's reflection in each ear
     * (air absorption and, for the reflection, the floor's sqrt(1 - alpha) per mode), and indoors the
     * send to the room at the source's strength.
     */
    private List<Voice.Tap> taps(Excitation x, Surface ground, boolean withSend, double sendAudibility) {
        Spatializer spatializer = x.listener();
        Vec3 eye = spatializer.eye();
        double r = Path.onFloor(x.point()).minus(eye).length();
        Path bounce = Path.bounce(spatializer, x.point());
        double ri = bounce.length();
        Spatializer.Placement direct = x.ears();
        int n = x.frequency().length;
        double[] dl = new double[n], dr = new double[n], bl = new double[n], br = new double[n];
        for (int k = 0; k < n; k++) {
            double f = x.frequency()[k];
            double airDb = AirAbsorption.decibelsPerMetre(f);
            double air = StrictMath.pow(10, -airDb * r / 20), airImage = StrictMath.pow(10, -airDb * ri / 20);
            double beta = ground.reflectionAt(f);
            dl[k] = direct.gainLeft() * air;
            dr[k] = direct.gainRight() * air;
            bl[k] = bounce.ears().gainLeft() * beta * airImage;
            br[k] = bounce.ears().gainRight() * beta * airImage;
        }
        List<Voice.Tap> taps = new ArrayList<>(List.of(
                new Voice.Tap(Voice.LEFT, direct.delayLeft(), dl, 1),
                new Voice.Tap(Voice.RIGHT, direct.delayRight(), dr, 1),
                new Voice.Tap(Voice.LEFT, bounce.delayLeft(), bl, 1),
                new Voice.Tap(Voice.RIGHT, bounce.delayRight(), br, 1)));
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
     * The loudness pre-pass. The un-gained mix is measured first: its integrated loudness over the
     * film's length and its true peak to the last sound. If the gain that brings it to the target
     * keeps the true peak under the ceiling, that gain is all and there is no limiter.
     *
     * <p>Otherwise the gain x (dB) is solved for with the limiter in the loop. The loudness after
     * limiting, L(x), is smooth and rising, with slope 1 where the limiter is idle and less the more
     * it works; x is the highest gain at which L(x) has not passed the target and the limiter has
     * not taken more than {@link #MAX_LOUDNESS_TAKEN_LU} (raw + x - L(x)), nor reduced any peak by
     * more than {@link #MAX_REDUCTION_DB}. Each pass goes through the film once (the first renders
     * it, the others read that render back) and measures several candidate gains on it (the limiters and meters run beside the mix, on a thread of their own).
     * The first pass's candidates are guessed from the loudest strike's amplitude (before the room);
     * the next ones surround the root of a piecewise-linear model of L through every point measured
     * so far, and the gain chosen is one that was measured: the report is the film's own numbers.
     * Two passes are the rule: one for the loudness and the first guesses, one to land.
     */
    private Mastering measure() {
        double ceilingDb = CEILING_DBTP - CEILING_MARGIN_DB;
        double thresholdDb = ceilingDb - LIMITER_MARGIN_DB;
        // The first pass measures the raw mix and, on the same render, the first candidates: gains
        // that would take the loudest strike (its bound, before the room) 4, 9 and 15 dB over the
        // threshold. Most films need limiting; those that do not lose nothing but the metering.
        double bound = 0;
        for (Voice v : voices) bound = Math.max(bound, v.peakBound());
        if (liquidVoices != null) bound = Math.max(bound, liquidVoices.peakBound());
        double[] guesses = bound > 0 ? new double[] {4, 9, 15} : new double[0];
        double[] gains = new double[1 + guesses.length];
        TruePeakLimiter[] limiters = new TruePeakLimiter[gains.length];
        gains[0] = 1;
        for (int i = 0; i < guesses.length; i++) {
            gains[i + 1] = Math.pow(10, (thresholdDb + guesses[i]) / 20) / bound;
            limiters[i + 1] = new TruePeakLimiter(gains[i + 1], Math.pow(10, thresholdDb / 20), MAX_REDUCTION_DB + 1);
        }
        Pass[] first = pass(gains, limiters);
        double loudness = first[0].loudness(), peak = first[0].truePeak();
        double byLoudnessDb = Double.isFinite(loudness) ? TARGET_LUFS - loudness : 0;
        double peakDb = 20 * Math.log10(peak);
        if (peak > 0 && !Double.isFinite(loudness)) {
            // No integrated loudness to aim at: the film is shorter than BS.1770's first 400 ms
            // block (or its sounds never pass the -70 LUFS gate). The true peak is brought to the
            // ceiling, without a limiter. (Aiming at -infinity made the limiter's gains NaN.)
            double gain = Math.pow(10, (ceilingDb - peakDb) / 20);
            return new Mastering(loudness, peakDb, gain, loudness, ceilingDb, 0, 0, 0, 0, true, 1, Double.NaN);
        }
        if (!(peak > 0) || peakDb + byLoudnessDb <= ceilingDb) {
            double gain = Math.pow(10, byLoudnessDb / 20);
            if (ambience == null || !(peak > 0)) {
                return new Mastering(loudness, peakDb, gain, loudness + byLoudnessDb, peakDb + byLoudnessDb,
                        0, 0, 0, 0, false, 1, Double.NaN);
            }
            // With an ambience under the events the played film is not the mix times a gain (the
            // quiet bed also moves BS.1770's relative gate): measure the played film at the gain and
            // correct it, with a limiter that never acts (its threshold far above full scale).
            double x = byLoudnessDb;
            int passes = 1;
            for (int i = 0; i < 3; i++) {
                double g = Math.pow(10, x / 20);
                Pass p = pass(new double[] {g}, new TruePeakLimiter[] {new TruePeakLimiter(g, 1e6, 1)})[0];
                passes++;
                double miss = TARGET_LUFS - p.played(), tp = 20 * Math.log10(p.truePeak());
                if (tp > ceilingDb) break; // the correction passed the ceiling: the limiter's search below decides
                if (Math.abs(miss) <= LOUDNESS_TOLERANCE_LU || i == 2) {
                    return new Mastering(loudness, peakDb, g, p.played(), tp, 0, 0, 0, 0, false, passes, Double.NaN);
                }
                x += miss;
            }
        }
        double idle = thresholdDb - peakDb; // up to this gain the limiter does nothing
        double most = idle + MAX_REDUCTION_DB;
        List<double[]> points = new ArrayList<>(List.of(new double[] {idle, loudness + idle}));
        int passes = 1;
        Mastering best = null;
        boolean done = false;
        // Measured candidates: their gains (dB) and what they measured. The first pass's are kept
        // where the limiter had the depth they needed.
        double[] candidates = new double[0];
        Pass[] measured = new Pass[0];
        for (int i = 1; i < gains.length; i++) {
            double x = 20 * Math.log10(gains[i]);
            if (x <= most) {
                candidates = Arrays.copyOf(candidates, candidates.length + 1);
                candidates[candidates.length - 1] = x;
                measured = Arrays.copyOf(measured, measured.length + 1);
                measured[measured.length - 1] = first[i];
            }
        }
        while (true) {
            double worst = Double.NEGATIVE_INFINITY;
            for (Pass p : measured) worst = Math.max(worst, 20 * Math.log10(p.truePeak()));
            if (worst > ceilingDb) {
                // The gain's change within the interpolator's window let a point between samples
                // through: aim lower by what passed and measure again.
                thresholdDb -= worst - ceilingDb + 0.01;
                idle = thresholdDb - peakDb;
                most = idle + MAX_REDUCTION_DB;
                points = new ArrayList<>(List.of(new double[] {idle, loudness + idle}));
                best = null;
                candidates = new double[] {Math.min(TARGET_LUFS - loudness, most)};
            } else {
                for (int i = 0; i < candidates.length; i++) {
                    double x = candidates[i], l = measured[i].played(), taken = loudness + x - measured[i].loudness();
                    points.add(new double[] {x, l});
                    double overTarget = l - TARGET_LUFS, overCap = taken - MAX_LOUDNESS_TAKEN_LU;
                    double h = Math.max(overTarget, overCap);
                    if (h <= LOUDNESS_TOLERANCE_LU && (best == null || x > 20 * Math.log10(best.gain()))) {
                        Pass p = measured[i];
                        best = new Mastering(loudness, peakDb, Math.pow(10, x / 20), l, 20 * Math.log10(p.truePeak()),
                                p.deepestDb(), p.meanReductionDb(), p.limitedShare(), taken,
                                overTarget < -LOUDNESS_TOLERANCE_LU, 0, thresholdDb);
                    }
                    // Close enough: at the target, just under the cap on what the limiter takes, or at the most gain.
                    done |= Math.abs(h) <= LOUDNESS_TOLERANCE_LU || (overCap > overTarget && h <= 0 && h >= -CAP_TOLERANCE_LU)
                            || (h < 0 && x >= most - 1e-9);
                }
                if (done || passes >= MAX_PASSES) break;
                candidates = around(points, loudness, most);
            }
            candidates = distinct(candidates, idle + 0.01, most);
            gains = new double[candidates.length];
            limiters = new TruePeakLimiter[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                gains[i] = Math.pow(10, candidates[i] / 20);
                limiters[i] = new TruePeakLimiter(gains[i], Math.pow(10, thresholdDb / 20), MAX_REDUCTION_DB + 1);
            }
            measured = pass(gains, limiters);
            passes++;
        }
        if (best == null) {
            // No gain measured was within the tolerance: the gain that keeps the true peak at the ceiling, no limiter.
            double gain = Math.pow(10, (ceilingDb - peakDb) / 20);
            return new Mastering(loudness, peakDb, gain, loudness + ceilingDb - peakDb, ceilingDb, 0, 0, 0, 0,
                    true, passes, Double.NaN);
        }
        return new Mastering(best.loudness(), best.truePeak(), best.gain(), best.finalLoudness(), best.finalTruePeak(),
                best.maxReduction(), best.meanReduction(), best.limitedShare(), best.loudnessTaken(), best.peakLimited(),
                passes, best.limiterThreshold());
    }

    /** The candidates clamped to [low, high], sorted, those within 0.01 dB of another dropped. */
    private static double[] distinct(double[] candidates, double low, double high) {
        double[] c = candidates.clone();
        for (int i = 0; i < c.length; i++) c[i] = Math.max(low, Math.min(high, c[i]));
        Arrays.sort(c);
        int n = 0;
        for (double v : c) if (n == 0 || v - c[n - 1] > 0.01) c[n++] = v;
        return Arrays.copyOf(c, n);
    }

    /**
     * The next candidates: the root x of h = max(L - target, raw + x - L - cap) on the line through
     * the measured points (x, L) (sorted; beyond the last one, the last segment extended), and one
     * tolerance either side of it.
     */
    private static double[] around(List<double[]> points, double raw, double most) {
        double[][] p = points.toArray(new double[0][]);
        Arrays.sort(p, Comparator.comparingDouble(q -> q[0]));
        if (p.length == 1) {
            // One point (every first guess was beyond the limiter's depth): the limiter is idle
            // there, so L rises with slope 1 from it.
            double x = Math.min(most, Math.max(p[0][0], p[0][0] + TARGET_LUFS - p[0][1]));
            return new double[] {x - LOUDNESS_TOLERANCE_LU, x, x + LOUDNESS_TOLERANCE_LU};
        }
        for (int i = 0; i + 1 < p.length; i++) {
            double x0 = p[i][0], x1 = p[i + 1][0];
            double slope = Math.max(0.02, Math.min(1, (p[i + 1][1] - p[i][1]) / (x1 - x0)));
            boolean last = i + 2 == p.length;
            // On this segment L(x) = L0 + slope (x - x0): where each condition is met exactly.
            double l0 = p[i][1];
            double byTarget = x0 + (TARGET_LUFS - l0) / slope;
            double byCap = slope < 1 ? x0 + (MAX_LOUDNESS_TAKEN_LU - (raw + x0 - l0)) / (1 - slope) : Double.POSITIVE_INFINITY;
            double x = Math.min(byTarget, byCap);
            if (x <= x1 || last) {
                x = Math.min(most, Math.max(x0, x));
                double d = LOUDNESS_TOLERANCE_LU / slope;
                return new double[] {x - d, x, x + d};
            }
        }
        throw new IllegalStateException("no points");
    }

    /** What one pass of the pre-pass measured on one candidate's film. */
    /**
     * @param loudness  of the events' mix alone (what the cap on the limiter's take is measured on)
     * @param played    of the film as played: the events' mix and the ambience (equal without one)
     * @param truePeak  of the film as played
     */
    private record Pass(double loudness, double played, double truePeak, double deepestDb, double meanReductionDb,
                        double limitedShare) {}

    /**
     * Renders the whole film once and measures it for each candidate: gained by {@code gains[i]}
     * and through {@code limiters[i]}, or, where that is null, raw (un-gained). Measured are the
     * integrated loudness over the film's length and the true peak to the last sound; through a
     * limiter, on the very floats that {@link #render} will give.
     *
     * <p>The voices of a batch of blocks are rendered in parallel (each block is a pure function of
     * its index, so the threads change nothing), then the reverberation takes the blocks in order;
     * meanwhile a second thread takes the blocks before them, in order, through the limiters and
     * the meters.
     */
    private Pass[] pass(double[] gains, TruePeakLimiter[] limiters) {
        // The first pass renders the mix and keeps it (as the floats that every later pass and the film will read).
        MixCache recording = cache == null ? new MixCache(this) : null;
        long film = Math.round((double) scene.frameCount() * SAMPLE_RATE / scene.fps());
        long last = Math.max(film, endSample());
        int k = gains.length;
        LoudnessMeter[] meters = new LoudnessMeter[k];
        // The film as played, where it differs from the events' mix: a limited candidate with the ambience added.
        LoudnessMeter[] played = new LoudnessMeter[k];
        TruePeakMeter[] after = new TruePeakMeter[k];
        int ahead = 0;
        for (int c = 0; c < k; c++) {
            boolean separate = ambience != null && limiters[c] != null;
            // Where the film as played is metered apart, the events' meter needs no true peak.
            meters[c] = new LoudnessMeter(!separate);
            played[c] = separate ? new LoudnessMeter() : meters[c];
            after[c] = new TruePeakMeter(2);
            if (limiters[c] != null) {
                limiters[c].reset(0); // the mix is silence before sample 0, as the limiter assumes
                limiters[c].countBetween(0, film);
                ahead = TruePeakLimiter.LOOK_AHEAD;
            }
        }
        int block = reverb != null ? ROOM_BLOCK : 4800;
        int batch = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        long blocks = (last + ahead + block - 1) / block;
        double[] wetL = new double[block], wetR = new double[block];
        double[][] outL = new double[k][block], outR = new double[k][block];
        // Buffers reused all through the pass, so that what it holds is the same for a film of any length:
        // a batch's dry mix is read by its metering task while the next two batches are mixed, hence three.
        int waiting = 2;  // batches whose metering may still run while the next is mixed
        double[][][][] dryPool = new double[waiting + 1][batch][3][block];
        // The metering thread's own scratch (one thread: one set).
        double[] ambL = new double[block], ambR = new double[block], pl0 = new double[block], pr0 = new double[block];
        java.util.concurrent.ExecutorService metering = java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("diorama-loudness").factory());
        java.util.concurrent.Future<?>[] pending = new java.util.concurrent.Future<?>[waiting];
        try {
            for (long b0 = 0, round = 0; b0 < blocks; b0 += batch, round++) {
                int count = (int) Math.min(batch, blocks - b0);
                double[][][] dry = dryPool[(int) (round % dryPool.length)];
                long first = b0;
                if (recording == null) {
                    // The read writes every sample of both channels (silence past what was kept).
                    for (int i = 0; i < count; i++) cache.read((first + i) * block, dry[i][0], dry[i][1], block);
                } else {
                    // The voices add into the buffers: clear what an earlier batch left there.
                    for (int i = 0; i < count; i++) for (double[] d : dry[i]) Arrays.fill(d, 0);
                    java.util.stream.IntStream.range(0, count).parallel().forEach(i ->
                            mix((first + i) * block, dry[i][0], dry[i][1], reverb != null ? dry[i][2] : null, block));
                }
                if (recording != null && reverb != null) {
                    for (int i = 0; i < count; i++) {
                        synchronized (this) {
                            reverb.process(first + i, dry[i][2], this::sendBlock, wetL, wetR);
                        }
                        double[] l = dry[i][0], r = dry[i][1];
                        for (int j = 0; j < block; j++) {
                            l[j] += wetL[j];
                            r[j] += wetR[j];
                        }
                    }
                }
                if (recording != null) {
                    for (int i = 0; i < count; i++) {
                        double[] l = dry[i][0], r = dry[i][1];
                        for (int j = 0; j < block; j++) {
                            l[j] = (float) l[j];
                            r[j] = (float) r[j];
                        }
                        recording.append(l, r, block);
                    }
                }
                int slot = (int) (round % pending.length);
                if (pending[slot] != null) pending[slot].get(); // at most two batches wait for the meters
                pending[slot] = metering.submit(() -> {
                    long ambienceAt = Long.MIN_VALUE;
                    for (int i = 0; i < count; i++) {
                        for (int c = 0; c < k; c++) {
                            double[] l = dry[i][0], r = dry[i][1];
                            long s = (first + i) * block;
                            if (limiters[c] != null) {
                                s = limiters[c].nextOutput();
                                limiters[c].process(l, r, block, outL[c], outR[c]);
                                l = outL[c];
                                r = outR[c];
                                for (int j = 0; j < block; j++) {
                                    l[j] = (float) Math.max(-1, Math.min(1, l[j]));
                                    r[j] = (float) Math.max(-1, Math.min(1, r[j]));
                                }
                            }
                            double[] pl = l, pr = r;
                            if (played[c] != meters[c]) {
                                if (s != ambienceAt) {   // the candidates' limiters all lag alike: once per block
                                    Arrays.fill(ambL, 0);
                                    Arrays.fill(ambR, 0);
                                    if (s + block > 0) ambience.addTo(s, ambL, ambR, block, 1);
                                    ambienceAt = s;
                                }
                                pl = pl0;
                                pr = pr0;
                                for (int j = 0; j < block; j++) {
                                    pl[j] = l[j] + ambL[j];
                                    pr[j] = r[j] + ambR[j];
                                }
                            }
                            // Samples s .. s + block - 1: those in [0, film) for the loudness, the rest to the last sound for the peak.
                            int skip = (int) Math.max(0, Math.min(block, -s));
                            int inFilm = (int) Math.max(skip, Math.min(block, film - s));
                            if (inFilm > skip) {
                                meters[c].add(l, r, skip, inFilm);
                                if (played[c] != meters[c]) played[c].add(pl, pr, skip, inFilm);
                            }
                            int end = (int) Math.max(inFilm, Math.min(block, last - s));
                            if (end > inFilm) after[c].add(pl, pr, inFilm, end);
                        }
                    }
                });
            }
            for (java.util.concurrent.Future<?> f : pending) if (f != null) f.get();
            if (recording != null) cache = recording;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the film's loudness", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            metering.shutdownNow();
            if (recording != null && cache != recording) recording.close(); // it did not finish: nothing half-kept
        }
        if (reverb != null) {
            synchronized (this) {
                reverb.reset();
                cachedBlock = Long.MIN_VALUE;
            }
        }
        Pass[] result = new Pass[k];
        for (int c = 0; c < k; c++) {
            double peak = Math.max(played[c].truePeak(), after[c].peak());
            TruePeakLimiter lim = limiters[c];
            double events = meters[c].integrated(), heard = played[c].integrated();
            result[c] = lim == null ? new Pass(events, heard, peak, 0, 0, 0)
                    : new Pass(events, heard, peak, lim.deepestDb(), lim.meanReductionDb(), lim.limitedShare());
        }
        return result;
    }

    /** The un-gained mix (voices, and the room where there is one) of samples [start, start + n). */
    private void mixBlock(long start, double[] l, double[] r, int n) {
        if (cache != null) {
            cache.read(start, l, r, n);
            return;
        }
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
     * Gives back the temporary file the film mix is kept in (if any). Not closing only delays that
     * until the sound track is collected.
     */
    @Override
    public void close() {
        if (cache != null) cache.close();
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
        renderMix(startSample, left, right, n);
        if (ambience != null) ambience.addTo(startSample, left, right, n);
    }

    /** The events' mix, gained and limited, into left[0..n) and right[0..n). */
    private void renderMix(long startSample, float[] left, float[] right, int n) {
        double[] l = new double[n], r = new double[n];
        if (limiter != null) {
            limited(startSample, l, r, n);
            // The limiter keeps the true peak under -1 dBTP (the pre-pass measured it); the clamp is a guard that never acts.
            for (int i = 0; i < n; i++) {
                left[i] = (float) Math.max(-1, Math.min(1, l[i]));
                right[i] = (float) Math.max(-1, Math.min(1, r[i]));
            }
            return;
        }
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

    /**
     * The limited film, samples [start, start + n): the mix fed to the limiter
     * {@link TruePeakLimiter#LOOK_AHEAD} samples ahead. Calls in sequence continue the limiter; any
     * other restarts it {@link TruePeakLimiter#warmUp()} samples earlier, from where its output is
     * exact, so every call gives the same samples for the same indices.
     */
    private synchronized void limited(long start, double[] l, double[] r, int n) {
        int ahead = TruePeakLimiter.LOOK_AHEAD;
        if (limiter.nextOutput() != start) {
            int warm = limiter.warmUp();
            limiter.reset(start - warm);
            double[] wl = new double[warm + ahead], wr = new double[warm + ahead];
            mixBlock(start - warm, wl, wr, warm + ahead);
            limiter.process(wl, wr, warm + ahead, wl, wr);
        }
        mixBlock(start + ahead, l, r, n);
        limiter.process(l, r, n, l, r);
    }

    /** Adds every voice sounding in [startSample, startSample + n) into l and r (and the room's send into s, if not null). */
    private void mix(long startSample, double[] l, double[] r, double[] s, int n) {
        long stop = startSample + n;
        // The first voice that may still sound at startSample, then every voice that started before stop.
        for (int i = firstSounding(startSample); i < voices.length && voices[i].onset() < stop; i++) {
            if (voices[i].end() > startSample) voices[i].addTo(startSample, l, r, s, n);
        }
        if (contactSound != null) contactSound.addTo(startSample, l, r, s, n);
        if (liquidVoices != null) liquidVoices.addTo(startSample, l, r, s, n);
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
        long rubbing = Math.max(contactSound == null ? 0 : contactSound.end(), liquidVoices == null ? 0 : liquidVoices.end());
        if (voices.length == 0 && rubbing == 0) return 0;
        long dry = Math.max(rubbing, voices.length == 0 ? 0 : maxEnd[voices.length - 1]);
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
     * @param split      modes [0, split) are the first body's, the rest the second's
     * @param listener   the camera that hears it, where it is at the event's time
     */
    record Excitation(double[] frequency, double[] decayRate, double[] amplitude, Spatializer.Placement ears,
                      HertzContact contact, Vec3 point, int split, Spatializer listener) {}

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
        Spatializer listener = new Spatializer(paths.cameraAt(e.t()));
        return new Excitation(f, d, amp, listener.place(point), contact, point, a.modeCount(), listener);
    }

    /**
     * Per mode, how the paths from its body to the camera change after the onset, or null when
     * nothing moves: the first body's modes follow that body's centre (the struck point moves
     * with it), the second's likewise; the floor and the walls stay put. Anchors run for as long as
     * the loudest mode could ring, no further than a second after the film; a ring longer than
     * {@link #MOTION_ANCHORS} chunks spaces them further apart, and anchors after the last change
     * (a body come to rest, a camera stopped) are left off.
     */
    private Voice.Motion[] motions(ContactEvent e, Excitation x, long onset) {
        int n = x.frequency().length;
        double t0 = (double) onset / SAMPLE_RATE;
        double ring = 0;
        for (int k = 0; k < n; k++) {
            double loud = x.amplitude()[k] * Spatializer.REFERENCE_DISTANCE / Spatializer.MIN_DISTANCE;
            if (loud > Voice.THRESHOLD) ring = Math.max(ring, Math.log(loud / Voice.THRESHOLD) / x.decayRate()[k]);
        }
        ring = Math.min(ring, Math.max(0, scene.seconds() - t0) + 1);
        int chunks = (int) Math.ceil(ring * SAMPLE_RATE / Voice.CHUNK) + 2;
        int stride = (chunks + MOTION_ANCHORS - 1) / MOTION_ANCHORS;
        int anchors = (chunks + stride - 1) / stride + 1;
        Voice.Motion a = motion(scene.indexOf(e.a()), x.point(), x.ears(), t0, anchors, stride);
        Voice.Motion b = motion(scene.indexOf(e.b()), x.point(), x.ears(), t0, anchors, stride);
        if (a == null && b == null) return null;
        Voice.Motion[] perMode = new Voice.Motion[n];
        for (int k = 0; k < n; k++) perMode[k] = k < x.split() ? a : b;
        return perMode;
    }

    /** The most anchors one body's motion keeps for one strike (4 s of ring at one a chunk). */
    static final int MOTION_ANCHORS = 376;

    /**
     * The motion of a source that starts at {@code point} at time t0 and moves with object
     * {@code body} (or stays, for -1: the floor or a wall), heard from the moving camera through the
     * taps {@link #taps} gives it (each ear's direct sound, each ear's floor bounce, the send);
     * {@code onset} is where the strike was placed. At each anchor's listening time t the emission
     * time tau solves {@code t - tau = (r(tau, t) - r0) / c} (three fixed-point steps: the error
     * shrinks by v / c each), with r0 the onset's distance; the taps are placed from the emission
     * point and the eye at t: the pan and the interaural delay from the source's direction then, the
     * floor bounce from its image below the floor then.
     */
    private Voice.Motion motion(int body, Vec3 point, Spatializer.Placement onset, double t0, int anchors, int stride) {
        if (body < 0 && !paths.listenerMoves()) return null;
        Vec3 start = body < 0 ? null : paths.object(body, t0);
        double r0 = point.minus(paths.eye(t0)).length();
        Path bounce0 = Path.bounce(new Spatializer(paths.cameraAt(t0)), point);
        double[] delay = new double[anchors], level = new double[anchors];
        // Per tap (left direct, right direct, left bounce, right bounce) its gain and delay; per path
        // (direct, bounce: both ears share it) the change of its length.
        double[][] gain = new double[4][anchors], shift = new double[4][anchors], metres = new double[2][anchors];
        level[0] = 1;
        for (double[] g : gain) g[0] = 1;
        int lastChange = 0;
        for (int q = 1; q < anchors; q++) {
            double t = t0 + (double) q * stride * Voice.CHUNK / SAMPLE_RATE;
            Vec3 eye = paths.eye(t);
            double tau = t, r = r0;
            Vec3 source = point;
            for (int it = 0; it < 3; it++) {
                source = body < 0 ? point : point.plus(paths.object(body, tau).minus(start));
                r = source.minus(eye).length();
                // emitted after the onset and before it is heard (t is on the clock of the onset's
                // arrival, r0 / c late): the iteration converges only below the speed of sound, and
                // beyond it (a simulation gone wrong) this keeps the delay finite
                tau = Math.min(t + r0 / SPEED_OF_SOUND, Math.max(t0, t - (r - r0) / SPEED_OF_SOUND));
            }
            delay[q] = (t - tau) * SAMPLE_RATE;
            level[q] = Math.max(r0, Spatializer.MIN_DISTANCE) / Math.max(r, Spatializer.MIN_DISTANCE);
            Spatializer listener = new Spatializer(paths.cameraAt(t));
            Spatializer.Placement direct = listener.place(source);
            Path bounce = Path.bounce(listener, source);
            // Taps in the order taps() gives them: left direct, right direct, left bounce, right bounce.
            gain[0][q] = gainChange(direct.gainLeft(), onset.gainLeft(), level[q]);
            gain[1][q] = gainChange(direct.gainRight(), onset.gainRight(), level[q]);
            gain[2][q] = gainChange(bounce.ears().gainLeft(), bounce0.ears().gainLeft(), level[q]);
            gain[3][q] = gainChange(bounce.ears().gainRight(), bounce0.ears().gainRight(), level[q]);
            shift[0][q] = direct.delayLeft() - onset.delayLeft();
            shift[1][q] = direct.delayRight() - onset.delayRight();
            shift[2][q] = bounce.delayLeft() - bounce0.delayLeft();
            shift[3][q] = bounce.delayRight() - bounce0.delayRight();
            metres[0][q] = r - r0;
            metres[1][q] = bounce.length() - bounce0.length();
            boolean changed = delay[q] != delay[q - 1] || level[q] != level[q - 1];
            for (int c = 0; c < 4; c++) {
                changed |= gain[c][q] != gain[c][q - 1] || shift[c][q] != shift[c][q - 1] || metres[c / 2][q] != metres[c / 2][q - 1];
            }
            if (changed) lastChange = q;
        }
        if (lastChange == 0) return null;
        int kept = lastChange + 1; // later anchors keep the last one's values
        Voice.TapMotion[] taps = new Voice.TapMotion[reverb != null ? 5 : 4]; // the send's does not change
        double[][] lengths = {Arrays.copyOf(metres[0], kept), Arrays.copyOf(metres[1], kept)};
        for (int c = 0; c < 4; c++) {
            taps[c] = new Voice.TapMotion(Arrays.copyOf(gain[c], kept), Arrays.copyOf(shift[c], kept), lengths[c / 2]);
        }
        return new Voice.Motion(stride, Arrays.copyOf(delay, kept), Arrays.copyOf(level, kept), taps);
    }

    /**
     * The floor's reflection of a source at {@code p}, as {@link #taps} hears it: the image's
     * placement, and per ear its delay after the direct sound's onset, samples; and the image
     * path's length, m.
     */
    private record Path(Spatializer.Placement ears, double delayLeft, double delayRight, double length) {
        static Path bounce(Spatializer listener, Vec3 p) {
            Vec3 q = onFloor(p);
            Vec3 image = new Vec3(q.x(), -q.y(), q.z());
            double r = q.minus(listener.eye()).length(), ri = image.minus(listener.eye()).length();
            Spatializer.Placement ears = listener.place(image);
            double extra = (ri - r) / SPEED_OF_SOUND * SAMPLE_RATE;
            return new Path(ears, extra + ears.delayLeft(), extra + ears.delayRight(), ri);
        }

        /** A point below the floor (a contact a little into it) taken up onto it. */
        static Vec3 onFloor(Vec3 p) {
            return p.y() < 0 ? new Vec3(p.x(), 0, p.z()) : p;
        }
    }

    /**
     * A tap's gain now over its gain at the onset, with the level's change (the direct path's
     * distance) taken out; 1 where the tap heard (almost) nothing at the onset, whose coefficient
     * then stays nothing.
     */
    private static double gainChange(double now, double atOnset, double level) {
        if (atOnset < 1e-9 || level <= 0) return 1;
        return Math.min(1e3, now / atOnset / level);
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
