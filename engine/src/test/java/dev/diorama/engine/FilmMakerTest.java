package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.audio.SoundTrack;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import dev.diorama.render.Renderer;
import dev.diorama.scene.Camera;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import dev.diorama.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline, end to end, checked against the sidecar's ground truth. */
class FilmMakerTest {
    static final int W = 320, H = 180, FPS = 24;
    @TempDir
    static Path dir;
    static Scene scene;
    static Path video;
    static JsonNode sidecar;

    /** A red rubber ball dropped from 1 m onto a wooden floor, seen from the side at eye level. */
    static Scene bounceScene(long seed) {
        SceneObject ball = new SceneObject("red-ball", Shape.BALL, Material.RUBBER, Colors.named("red"),
                new Vec3(0.3, 0.3, 0.3), new Vec3(0, 1.15, 0), null, null);
        Camera cam = new Camera(new Vec3(0, 0.6, -3.5), new Vec3(0, 0.5, 0), 50);
        return new Scene(seed, 2.0, FPS, W, H, 0, Scene.STANDARD_GRAVITY, LocalTime.of(13, 0),
                Environment.outdoor(Material.WOOD), cam, List.of(ball));
    }

    @BeforeAll
    static void film() throws IOException {
        scene = bounceScene(7);
        video = dir.resolve("bounce.mp4");
        FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        sidecar = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile());
    }

    @Test
    void theFilmReadsBackAsH264AndAacAtTheRequestedSizeRateAndLength() {
        try (MediaReader r = new MediaReader(video)) {
            MediaInfo info = r.info();
            assertEquals(2, info.streams());
            assertEquals("h264", info.videoCodec());
            assertEquals("aac", info.audioCodec());
            assertEquals(W, info.width());
            assertEquals(H, info.height());
            assertEquals(FPS, info.fps(), 1e-6);
            assertEquals(48_000, info.sampleRate());
            assertEquals(2, info.channels());
            assertEquals(scene.seconds(), info.durationSeconds(), 1.0 / FPS);
        }
    }

    @Test
    void theSidecarHoldsSceneSeedEventsAndEveryFramesPoses() {
        assertEquals(7, sidecar.get("seed").asLong());
        assertEquals(SceneJson.read(sidecar.get("scene")), scene, "the scene reads back equal");
        assertEquals(scene.frameCount(), sidecar.get("frames").size());
        JsonNode f10 = sidecar.get("frames").get(10);
        assertEquals(10.0 / FPS, f10.get("t").asDouble(), 1e-9);
        assertEquals(3, f10.get("poses").get("red-ball").get("position").size());
        assertEquals(4, f10.get("poses").get("red-ball").get("rotation").size());
        JsonNode first = sidecar.get("events").get(0);
        assertEquals("impact", first.get("kind").asText());
        assertEquals("red-ball", first.get("a").asText());
        assertEquals("floor", first.get("b").asText());
        assertEquals(Math.sqrt(2 * 1.0 / 9.81), first.get("t").asDouble(), 1.0 / scene.physicsRate());
        assertEquals(Math.sqrt(2 * 9.81 * 1.0), first.get("speed").asDouble(), 0.1);
    }

    @Test
    void everyImpactIsHeardWithinOneMillisecondOfItsTime() {
        float[][] audio;
        try (MediaReader r = new MediaReader(video)) {
            audio = r.readAllAudio();
        }
        int checked = 0;
        for (JsonNode e : sidecar.get("events")) {
            if (e.get("speed").asDouble() < 1.0) continue;   // the quiet last patter is masked by the ringing before it
            double t = e.get("t").asDouble();
            long onset = onset(audio, Math.round(t * 48_000));
            assertEquals(t * 1000, onset / 48.0, 1.0, "audio onset (ms) of the impact at " + t + " s");
            checked++;
        }
        assertTrue(checked >= 3, "impacts checked: " + checked);
    }

    /**
     * The first sample near {@code expected} (±20 ms) where the signal rises to a fifth of the
     * event's peak: a level the encoder's pre-echo does not reach and the strike passes at once.
     */
    static long onset(float[][] audio, long expected) {
        int from = (int) Math.max(0, expected - 960), to = (int) Math.min(audio[0].length, expected + 960);
        double peak = 0;
        for (int i = from; i < to; i++) peak = Math.max(peak, Math.max(Math.abs(audio[0][i]), Math.abs(audio[1][i])));
        // The tail of the previous event must not count: measure only the rise above it.
        double floor = 0;
        for (int i = from; i < Math.min(to, expected - 96); i++) floor = Math.max(floor, Math.max(Math.abs(audio[0][i]), Math.abs(audio[1][i])));
        double threshold = floor + (peak - floor) * 0.2;
        for (int i = from; i < to; i++) {
            if (Math.max(Math.abs(audio[0][i]), Math.abs(audio[1][i])) > threshold) return i;
        }
        return -1;
    }

    @Test
    void theFrameContainingEachImpactShowsTheBallOnTheFloor() {
        List<byte[]> frames = new ArrayList<>();
        try (MediaReader r = new MediaReader(video)) {
            for (byte[] f; (f = r.nextFrame()) != null; ) frames.add(f);
        }
        assertEquals(scene.frameCount(), frames.size());
        int checked = 0;
        for (JsonNode e : sidecar.get("events")) {
            if (e.get("speed").asDouble() < 1.0) continue;
            int frame = (int) Math.floor(e.get("t").asDouble() * FPS);
            // The ball's lowest point, 2 cm above the contact: inside the ball only when it touches.
            JsonNode p = e.get("point");
            int[] px = project(scene.camera(), new Vec3(p.get(0).asDouble(), 0.02, p.get(2).asDouble()));
            assertTrue(isRed(frames.get(frame), px), "frame " + frame + " shows the ball touching the floor");
            assertTrue(!isRed(frames.get(frame - 1), px), "frame " + (frame - 1) + " shows the ball still in the air");
            checked++;
        }
        assertTrue(checked >= 3, "impacts checked: " + checked);
    }

    static boolean isRed(byte[] bgr, int[] px) {
        int i = (px[1] * W + px[0]) * 3;
        int b = bgr[i] & 255, g = bgr[i + 1] & 255, r = bgr[i + 2] & 255;
        return r > 60 && r > 2 * g && r > 2 * b;
    }

    /** Pinhole projection with Diorama's conventions: up +y, image right = forward x up. */
    static int[] project(Camera c, Vec3 p) {
        Vec3 f = c.lookAt().minus(c.position()).normalized();
        Vec3 right = f.cross(Vec3.UP).normalized();
        Vec3 up = right.cross(f);
        Vec3 d = p.minus(c.position());
        double z = d.dot(f);
        double tanX = Math.tan(Math.toRadians(c.fov() / 2)), tanY = tanX * H / W;
        double sx = d.dot(right) / z / tanX, sy = d.dot(up) / z / tanY;
        return new int[] {(int) Math.round((sx + 1) / 2 * W - 0.5), (int) Math.round((1 - sy) / 2 * H - 0.5)};
    }

    @Test
    void theSameSceneAndSeedGiveTheSameBytesWithOneThreadOrAll() throws IOException {
        Scene s = bounceScene(11).withTiming(0.5, FPS, W, H);
        Path a = dir.resolve("one-thread.mp4"), b = dir.resolve("all-threads.mp4");
        FilmMaker.film(s, a, new FilmMaker.Settings(1, Progress.NONE));
        FilmMaker.film(s, b, new FilmMaker.Settings(0, Progress.NONE));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "MP4 bytes");
        assertArrayEquals(Files.readAllBytes(FilmMaker.sidecarFor(a)), Files.readAllBytes(FilmMaker.sidecarFor(b)));
        // And the raw pictures and samples themselves, before any encoder.
        Timeline tl = Simulator.run(s);
        Keyframe k = tl.frames().get(6);
        byte[] p1 = new byte[W * H * 3], p2 = new byte[W * H * 3];
        try (Renderer r1 = new Renderer(s, 1); Renderer r2 = new Renderer(s, 2)) {
            r1.render(k, p1);
            r2.render(k, p2);
        }
        assertArrayEquals(p1, p2, "pixels");
        float[][] s1 = new float[2][24_000], s2 = new float[2][24_000];
        new SoundTrack(s, tl.events()).render(0, s1[0], s1[1], 24_000);
        new SoundTrack(s, tl.events()).render(0, s2[0], s2[1], 24_000);
        assertArrayEquals(s1[0], s2[0]);
        assertArrayEquals(s1[1], s2[1]);
    }

    /**
     * The first picture alone (a world simulated for one frame, as {@code generate --backend neural}
     * starts its films) is frame 0 of the whole film's simulation, byte for byte: the still at 0 s.
     */
    @Test
    void theFirstPictureAloneIsTheWholeFilmsFirstFrame() throws IOException {
        Scene s = bounceScene(7).withTiming(2.0, FPS, 64, 64);
        byte[] first = FilmMaker.firstPicture(s, FilmMaker.Settings.defaults());
        Path png = dir.resolve("first.png");
        FilmMaker.still(s, 0, png, FilmMaker.Settings.defaults());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        byte[] still = new byte[64 * 64 * 3];
        for (int y = 0, k = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++, k += 3) {
                int rgb = img.getRGB(x, y);
                still[k] = (byte) rgb;
                still[k + 1] = (byte) (rgb >> 8);
                still[k + 2] = (byte) (rgb >> 16);
            }
        }
        assertArrayEquals(still, first);
        long lit = 0;
        for (byte b : first) lit += b & 0xff;
        assertTrue(lit > 20L * first.length, "a picture, not black");
    }

    @Test
    void aFailedFilmLeavesNothingAtTheDestination() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("fail"));
        Path out = sub.resolve("x.mp4");
        // A failure half-way through filming (here thrown by the progress listener).
        Scene s = bounceScene(1).withTiming(0.25, FPS, W, H);
        try {
            FilmMaker.film(s, out, new FilmMaker.Settings(0, (stage, f) -> {
                if (stage.equals("filming") && f > 0.5) throw new IllegalStateException("interrupted");
            }));
        } catch (IllegalStateException expected) {
            // the failure we caused
        }
        try (var files = Files.list(sub)) {
            assertEquals(List.of(), files.toList(), "no file, not even a temporary one");
        }
    }
}
