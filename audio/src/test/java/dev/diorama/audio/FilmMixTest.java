package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The film's mix: the room's reverberation and the ground's reflection added to the strikes,
 * loudness-normalised, still in sync to the sample and still a pure function of the sample index.
 */
class FilmMixTest {
    /**
     * The film mix without the place's ambience: what some tests measure is the events' own sound
     * (where a strike starts, a sample's value, the room's decay), which the quiet bed under it
     * would blur. AmbienceTest and the loudness tests here cover the film with it.
     */
    static final SoundTrack.Options EVENTS = new SoundTrack.Options(true, true, false);

    static final Camera CAMERA = new Camera(new Vec3(0, 1.2, -2.5), new Vec3(0, 0.4, 0), 50);

    /** A 6 x 3 x 6 m room: wood floor, stone walls and ceiling (the prompt's default room). */
    static Scene stoneRoom(double seconds, SceneObject... objects) {
        Environment env = Environment.indoor(Material.WOOD, new Room(new Vec3(6, 3, 6), Material.STONE, Material.STONE));
        return new Scene(5, seconds, 24, 320, 180, 0, TestScenes.G, LocalTime.NOON, env, CAMERA, List.of(objects));
    }

    static Scene outdoors(double seconds, SceneObject... objects) {
        return new Scene(5, seconds, 24, 320, 180, 0, TestScenes.G, LocalTime.NOON, Environment.outdoor(Material.WOOD),
                CAMERA, List.of(objects));
    }

    static float[][] render(Scene s, List<ContactEvent> events, long from, int n) {
        return render(s, events, from, n, SoundTrack.Options.FILM);
    }

    static float[][] render(Scene s, List<ContactEvent> events, long from, int n, SoundTrack.Options options) {
        return Signals.render(new SoundTrack(s, events, options), from, n);
    }

    @Test
    void aStrikeStillStartsOnItsOwnSampleInARoomAndOutdoors() {
        for (boolean indoor : new boolean[] {true, false}) {
            for (double t : new double[] {0.123456, 1.0000104, 0.5}) {
                SceneObject ball = TestScenes.ball("ball", Material.RUBBER, 0.2);
                Scene s = indoor ? stoneRoom(3, ball) : outdoors(3, ball);
                SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 0.5, t, new Vec3(0.7, 0, 0.4))),
                        EVENTS);
                long onset = SoundTrack.onsetSample(t);
                float[][] y = Signals.render(track, 0, (int) onset + 4800);
                int first = -1;
                for (int i = 0; i < y[0].length && first < 0; i++) {
                    if (Math.abs(y[0][i]) > 1e-4 || Math.abs(y[1][i]) > 1e-4) first = i;
                }
                String what = (indoor ? "indoors" : "outdoors") + ", t = " + t;
                assertEquals(onset, first, what + ": the first audible sample");
                for (int i = 0; i < first; i++) {
                    // Indoors the convolution's rounding leaves ~1e-16 before the strike; nothing audible.
                    assertTrue(Math.abs(y[0][i]) < 1e-9 && Math.abs(y[1][i]) < 1e-9, what + ": sample " + i + " before the onset");
                }
                double peak = Math.max(Signals.peak(y[0]), Signals.peak(y[1]));
                assertTrue(Math.max(Math.abs(y[0][first]), Math.abs(y[1][first])) >= 0.5 * peak, what + ": full force on the first sample");
            }
        }
    }

    /** A busy minute in the stone room: 40 strikes of several bodies, left, right and centre. */
    static List<ContactEvent> busy(Scene s, int count, double seconds) {
        Random rnd = new Random(3);
        List<ContactEvent> e = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = s.objects().get(rnd.nextInt(s.objects().size())).id();
            e.add(TestScenes.drop(s, id, 0.1 + rnd.nextDouble(), seconds * rnd.nextDouble(),
                    new Vec3(4 * rnd.nextDouble() - 2, 0, 4 * rnd.nextDouble() - 2)));
        }
        return e;
    }

    static Scene busyRoom(double seconds) {
        return stoneRoom(seconds, TestScenes.ball("rubber", Material.RUBBER, 0.2), TestScenes.ball("steel", Material.STEEL, 0.08),
                TestScenes.ball("wood", Material.WOOD, 0.12), TestScenes.ball("glass", Material.GLASS, 0.05));
    }

    @Test
    void theRoomMixIsTheSameWhateverTheBlocksAndTheSameForTheSameSeed() {
        Scene s = busyRoom(3);
        List<ContactEvent> events = busy(s, 12, 2);
        SoundTrack track = new SoundTrack(s, events, SoundTrack.Options.FILM);
        int total = 3 * SoundTrack.SAMPLE_RATE;
        float[][] reference = Signals.render(track, 0, total);
        Signals.assertSameInAnyBlocks(track, reference, new int[][] {{2000}, {1}, {511, 513, 7, 1024, 3}, {48000}, {8192}, {1600, 37}});
        // Jumping into the middle (the reverberation's state is rebuilt) and back again.
        float[][] middle = Signals.render(track, 70_001, 50_000);
        assertArrayEquals(Signals.bits(Arrays.copyOfRange(reference[0], 70_001, 120_001)), Signals.bits(middle[0]));
        float[][] again = Signals.render(track, 0, 20_000);
        assertArrayEquals(Signals.bits(Arrays.copyOfRange(reference[1], 0, 20_000)), Signals.bits(again[1]));
        // A new sound track of the same scene and seed: the same bits; another seed: another room tail.
        float[][] same = render(s, events, 0, total);
        assertArrayEquals(Signals.bits(reference[0]), Signals.bits(same[0]));
        float[][] other = render(s.withSeed(6), events, 0, total);
        assertFalse(Arrays.equals(reference[0], other[0]), "the reverberation's noise and the strikes come from the seed");
    }

    /**
     * Steel and glass rods knocked together 100 times in 20 s in the stone room: they ring for
     * seconds and the room sustains them, so the film's peaks stand only ~15 dB above its loudness
     * and the gain can reach the target without passing the ceiling.
     */
    @Test
    void aBusyRingingReverberantFilmIsNormalisedToMinus16LufsUnderMinus1Dbtp() {
        SceneObject[] rods = new SceneObject[6];
        for (int i = 0; i < 6; i++) {
            rods[i] = TestScenes.shape("rod" + i, Shape.CYLINDER, i % 2 == 0 ? Material.STEEL : Material.GLASS,
                    new Vec3(0.04, 0.3 + 0.1 * i, 0.04));
        }
        Scene s = stoneRoom(20, rods);
        Random rnd = new Random(9);
        List<ContactEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int x = rnd.nextInt(6), y = (x + 1 + rnd.nextInt(5)) % 6;
            ContactEvent c = TestScenes.collide(s, "rod" + x, "rod" + y, 0.5 + rnd.nextDouble(), 20 * rnd.nextDouble());
            events.add(new ContactEvent(c.t(), c.kind(), c.a(), c.b(), c.speed(), c.impulse(),
                    new Vec3(4 * rnd.nextDouble() - 2, 1, 4 * rnd.nextDouble() - 2)));
        }
        SoundTrack track = new SoundTrack(s, events, SoundTrack.Options.FILM);
        double[] measured = measure(track, 20);
        SoundTrack.Mastering m = track.mastering();
        System.out.printf("100 knocks of ringing rods in the stone room, 20 s: before %.2f LUFS / %.2f dBTP, gain %+.2f dB, "
                        + "after %.2f LUFS / %.2f dBTP (%s)%n", m.loudness(), m.truePeak(), 20 * Math.log10(m.gain()),
                measured[0], measured[1], m.peakLimited() ? "peak-limited" : "loudness target reached");
        assertFalse(m.peakLimited(), "this film has the headroom to reach the target");
        assertEquals(-16, measured[0], 0.5, "integrated loudness of the rendered film, LUFS");
        assertTrue(measured[1] <= -1.0, "true peak " + measured[1] + " dBTP");
    }

    @Test
    void aBusyFilmOfDropsReachesMinus16LufsThroughTheLimiterUnderMinus1Dbtp() {
        // Drops on the floor strike every floor mode at once: peaks 31 dB above the loudness, where
        // -16 LUFS under -1 dBTP leaves 15. The limiter takes the strikes' first milliseconds down
        // (about 17 dB at the deepest) and the film reaches the target; the room's sound is left as it was.
        Scene s = busyRoom(20);
        SoundTrack track = new SoundTrack(s, busy(s, 60, 20), SoundTrack.Options.FILM);
        double[] measured = measure(track, 20);
        SoundTrack.Mastering m = track.mastering();
        print("60 drops in the stone room, 20 s", m, measured);
        assertTrue(m.limited() && !m.peakLimited());
        assertEquals(-16, measured[0], 0.5, "integrated loudness of the rendered film, LUFS");
        assertTrue(measured[1] <= -1.0, "true peak " + measured[1] + " dBTP");
        assertTrue(m.maxReduction() > 10 && m.maxReduction() <= SoundTrack.MAX_REDUCTION_DB, "deepest reduction " + m.maxReduction());
        assertTrue(m.loudnessTaken() <= SoundTrack.MAX_LOUDNESS_TAKEN_LU + SoundTrack.LOUDNESS_TOLERANCE_LU);
        assertReportIsTheFilm(m, measured);
    }

    /**
     * The rubber thud of theFilmInARoomReverberatesForTheRoomsReverberationTime: one 20 cm rubber
     * ball dropped 1 m onto the wooden floor of the stone room, 8 s of film. Its peak stands 20 dB
     * over its loudness; a few dB off its first milliseconds bring it to the target.
     */
    @Test
    void aSingleRubberBallOnWoodReachesMinus16LufsUnderMinus1Dbtp() {
        SceneObject ball = TestScenes.ball("ball", Material.RUBBER, 0.2);
        Scene s = stoneRoom(8, ball);
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, 0.1, new Vec3(0.5, 0, 0.5))),
                SoundTrack.Options.FILM);
        double[] measured = measure(track, 8);
        SoundTrack.Mastering m = track.mastering();
        print("one rubber ball on wood, stone room, 8 s", m, measured);
        assertTrue(m.limited() && !m.peakLimited());
        assertEquals(-16, measured[0], 0.5, "integrated loudness of the rendered film, LUFS");
        assertTrue(measured[1] <= -1.0, "true peak " + measured[1] + " dBTP");
        assertReportIsTheFilm(m, measured);
    }

    @Test
    void aLimitedFilmIsTheSameWhateverTheBlocks() {
        // Outdoors (no room: the limiter reads the voices directly) a few steel knocks go through the limiter.
        SoundTrack track = steelKnocks();
        assertTrue(track.mastering().limited());
        int total = 3 * SoundTrack.SAMPLE_RATE;
        float[][] reference = Signals.render(track, 0, total);
        Signals.assertSameInAnyBlocks(track, reference, new int[][] {{2000}, {1}, {511, 513, 7, 1024, 3}, {48000}, {1600, 37}});
        // Jumping into the middle of a knock (the limiter starts again from earlier) and back.
        float[][] middle = Signals.render(track, 24_010, 30_000);
        assertArrayEquals(Signals.bits(Arrays.copyOfRange(reference[0], 24_010, 54_010)), Signals.bits(middle[0]));
        float[][] again = Signals.render(track, 0, 30_000);
        assertArrayEquals(Signals.bits(Arrays.copyOfRange(reference[1], 0, 30_000)), Signals.bits(again[1]));
    }

    static SoundTrack steelKnocks() {
        SceneObject ball = TestScenes.ball("ball", Material.STEEL, 0.06);
        Scene s = outdoors(4, ball);
        List<ContactEvent> events = List.of(TestScenes.drop(s, "ball", 1, 0.5, Vec3.ZERO),
                TestScenes.drop(s, "ball", 0.3, 1.4, Vec3.ZERO), TestScenes.drop(s, "ball", 0.1, 1.9, Vec3.ZERO));
        return new SoundTrack(s, events, SoundTrack.Options.FILM);
    }

    static void print(String film, SoundTrack.Mastering m, double[] measured) {
        System.out.printf("%s: before %.2f LUFS / %.2f dBTP; gain %+.2f dB, limiter %.2f dB deepest, %.3f dB mean, "
                        + "%.1f %% of the samples, %.2f LU taken, %d passes; after %.2f LUFS / %.3f dBTP (%s)%n", film,
                m.loudness(), m.truePeak(), 20 * Math.log10(m.gain()), m.maxReduction(), m.meanReduction(),
                100 * m.limitedShare(), m.loudnessTaken(), m.passes(), measured[0], measured[1],
                m.peakLimited() ? "below the target: the limiter's cap" : "loudness target reached");
    }

    /** What the pre-pass reports is what the rendered film measures. */
    static void assertReportIsTheFilm(SoundTrack.Mastering m, double[] measured) {
        assertEquals(m.finalLoudness(), measured[0], 0.01, "the pre-pass measured the film's loudness");
        assertEquals(m.finalTruePeak(), measured[1], 0.01, "and its true peak");
    }

    /**
     * A film shorter than BS.1770's first 400 ms block has no integrated loudness: its gain puts
     * the true peak at the ceiling, no limiter. (A 0.25 s film of a ball landing in a pot of water
     * was written as NaN samples: the limiter's search aimed at an undefined loudness.)
     */
    @Test
    void aFilmTooShortForAnIntegratedLoudnessHasItsTruePeakAtTheCeiling() {
        SceneObject ball = TestScenes.ball("ball", Material.STEEL, 0.06);
        Scene s = outdoors(0.25, ball);
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, 0.1, Vec3.ZERO)), SoundTrack.Options.FILM);
        SoundTrack.Mastering m = track.mastering();
        assertEquals(Double.NEGATIVE_INFINITY, m.loudness(), "no 400 ms block in 0.25 s");
        assertTrue(Double.isFinite(m.truePeak()), "the knock's raw true peak, dBTP: " + m.truePeak());
        assertFalse(m.limited(), "no limiter");
        assertEquals(m.gain(), Math.pow(10, (SoundTrack.CEILING_DBTP - SoundTrack.CEILING_MARGIN_DB - m.truePeak()) / 20), 1e-12);
        float[][] y = Signals.render(track, 0, 12_000);   // the film's 0.25 s
        double peak = 0;
        for (float[] ch : y) {
            for (float v : ch) {
                assertTrue(Float.isFinite(v), "sample " + v);
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertTrue(20 * Math.log10(peak) <= SoundTrack.CEILING_DBTP && 20 * Math.log10(peak) > SoundTrack.CEILING_DBTP - 3,
                "the sample peak sits just under the ceiling: " + 20 * Math.log10(peak) + " dBFS");
    }

    @Test
    void aFewDryKnocksOutdoorsStopAtTheTruePeakCeiling() {
        // Three steel knocks outdoors are nearly all transient: their peak stands 36 dB over their
        // loudness, and taking it down takes the knocks down with it. The limiter stops where it
        // would take more than MAX_LOUDNESS_TAKEN_LU from the film; the film stays quieter and says so.
        SoundTrack track = steelKnocks();
        double[] measured = measure(track, 4);
        SoundTrack.Mastering m = track.mastering();
        print("three steel knocks outdoors", m, measured);
        assertTrue(m.peakLimited(), "a few knocks are peaky: the ceiling sets the gain");
        assertEquals(-1.0, measured[1], 0.05, "true peak at the ceiling, dBTP");
        assertTrue(measured[1] <= -1.0, "never above it");
        assertTrue(measured[0] < -16, "and the film stays below -16 LUFS: " + measured[0]);
        assertEquals(m.finalLoudness(), measured[0], 0.05, "the pre-pass predicted what the film measures");
        assertEquals(m.finalTruePeak(), measured[1], 0.01);
        // What stopped it: the loudness the limiter took, within the tolerance under its cap.
        assertEquals(SoundTrack.MAX_LOUDNESS_TAKEN_LU, m.loudnessTaken(), SoundTrack.CAP_TOLERANCE_LU);
        assertTrue(m.loudnessTaken() <= SoundTrack.MAX_LOUDNESS_TAKEN_LU + SoundTrack.LOUDNESS_TOLERANCE_LU);
    }

    /** {integrated LUFS, true peak dBTP} of the rendered film, streamed in film frames, by our meter. */
    static double[] measure(SoundTrack track, double seconds) {
        LoudnessMeter meter = new LoudnessMeter();
        int block = 2000;
        float[] l = new float[block], r = new float[block];
        long total = Math.round(seconds * SoundTrack.SAMPLE_RATE);
        for (long k = 0; k < total; k += block) {
            int n = (int) Math.min(block, total - k);
            track.render(k, l, r, n);
            for (int i = 0; i < n; i++) assertTrue(Math.abs(l[i]) < 1 && Math.abs(r[i]) < 1, "never clips");
            meter.add(l, r, n);
        }
        return new double[] {meter.integrated(), meter.truePeakDb()};
    }

    @Test
    void theFilmInARoomReverberatesForTheRoomsReverberationTime() {
        // One rubber thud (its own ring dies within tens of milliseconds) in the stone room: what
        // follows is the room. Its decay, measured on the film's sound as on an impulse response,
        // matches the room's reverberation time.
        SceneObject ball = TestScenes.ball("ball", Material.RUBBER, 0.2);
        Scene s = stoneRoom(8, ball);
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, 0.1, new Vec3(0.5, 0, 0.5))),
                EVENTS);
        int onset = (int) SoundTrack.onsetSample(0.1);
        float[][] y = Signals.render(track, onset, 7 * SoundTrack.SAMPLE_RATE);
        double[] mono = new double[y[0].length];
        for (int i = 0; i < mono.length; i++) mono[i] = y[0][i] + y[1][i];
        RoomAcoustics room = RoomAcoustics.of(s);
        int b = OctaveBands.B500;
        double t30 = DecayAnalysis.rt60(mono, b);
        System.out.printf("rubber thud in the stone room, 500 Hz: T30 %.2f s on the film's sound; Eyring %.2f s, Sabine %.2f s%n",
                t30, room.eyring(b), room.sabine(b));
        assertTrue(t30 >= 0.9 * room.eyring(b) && t30 <= 1.1 * room.sabine(b), "T30 " + t30);
        // Outdoors the same thud is over at once.
        Scene out = outdoors(8, ball);
        float[][] z = render(out, List.of(TestScenes.drop(out, "ball", 1, 0.1, new Vec3(0.5, 0, 0.5))), onset,
                SoundTrack.SAMPLE_RATE, EVENTS);
        float[] roomLeft = Arrays.copyOf(y[0], SoundTrack.SAMPLE_RATE);
        double roomLate = Signals.energy(roomLeft, 9600, 48_000) / Signals.energy(roomLeft, 0, 9600);
        double openLate = Signals.energy(z[0], 9600, 48_000) / Signals.energy(z[0], 0, 9600);
        System.out.printf("energy after 200 ms / first 200 ms: room %.3g, outdoors %.3g%n", roomLate, openLate);
        assertTrue(roomLate > 1000 * openLate);
    }

    @Test
    void theGroundReflectionArrivesAfterItsExtraPathToTheSample() {
        // Two wooden balls meet 1 m above the ground, 2 m in front of a camera 1 m up: the direct path
        // is 2 m, the path via the ground sqrt(2^2 + 2^2) m, 115.9 samples longer.
        Camera camera = new Camera(new Vec3(0, 1, -2), new Vec3(0, 1, 0), 50);
        SceneObject a = TestScenes.ball("a", Material.WOOD, 0.3), b = TestScenes.ball("b", Material.WOOD, 0.3);
        Scene s = new Scene(5, 1, 24, 320, 180, 0, TestScenes.G, LocalTime.NOON, Environment.outdoor(Material.STONE),
                camera, List.of(a, b));
        double t = 0.1;
        ContactEvent hit = TestScenes.collide(s, "a", "b", 3, t);
        hit = new ContactEvent(hit.t(), hit.kind(), hit.a(), hit.b(), hit.speed(), hit.impulse(), new Vec3(0, 1, 0));
        float[][] film = render(s, List.of(hit), 0, 9600, EVENTS);
        float[][] dry = Signals.render(new SoundTrack(s, List.of(hit)), 0, 9600);
        int onset = (int) SoundTrack.onsetSample(t);
        double extra = (Math.hypot(2, 2) - 2) / RoomAcoustics.SPEED_OF_SOUND * SoundTrack.SAMPLE_RATE;
        int arrival = onset + (int) Math.ceil(extra);
        // Before the reflection arrives the film is the dry strike, scaled by the loudness gain (and the
        // air's few hundredths of a dB over 2 m); from its arrival on it is not.
        double scale = film[0][onset] / dry[0][onset];
        double peak = Signals.peak(film[0]);
        for (int i = onset; i < arrival; i++) {
            assertEquals(scale * dry[0][i], film[0][i], 0.01 * peak, "sample " + (i - onset) + " after the onset, before the reflection");
        }
        double departure = 0;
        for (int i = arrival; i < arrival + 20; i++) departure = Math.max(departure, Math.abs(film[0][i] - scale * dry[0][i]));
        System.out.printf("ground reflection: %.1f samples after the direct sound; departure from the dry strike %.3f of the peak%n",
                extra, departure / peak);
        assertTrue(departure > 0.2 * peak, "the reflection is there from sample " + (arrival - onset));
        assertNull(new SoundTrack(s, List.of(hit), EVENTS).roomResponse(), "no room outdoors");
    }
}
