package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow motion: FilmMakerTest's ball dropped from 1 m, filmed at 120 frames a second and played at
 * 24, five times slower. The film's frame i is the world at i / 120 s; the impact nature puts at
 * sqrt(2 h / g) = 0.4515 s of the world is seen in frame floor(120 t) and heard five times later
 * in the film, at 5 t.
 */
class SlowMotionFilmTest {
    static final int CAPTURE = 120, K = CAPTURE / FilmMakerTest.FPS;
    @TempDir
    static Path dir;
    static Scene scene;
    static Path video;
    static JsonNode sidecar;

    @BeforeAll
    static void film() throws IOException {
        Scene real = FilmMakerTest.bounceScene(7);
        scene = new Scene(real.seed(), 3.0, real.fps(), real.width(), real.height(), 0, real.gravity(), real.time(),
                real.environment(), real.camera(), real.objects(), null, null, List.of(), List.of(), List.of(), CAPTURE);
        video = dir.resolve("slow.mp4");
        FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        sidecar = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile());
    }

    /**
     * LiquidFilmTest's pine block dropped into a tank of water, filmed at 96 frames a second (four
     * times slower): a second of film is a quarter second of the world, its water's ground truth at
     * each frame taken, its splash's sounds at their world times and four times later in the film.
     */
    @Test
    void aSplashInSlowMotionKeepsTheWatersGroundTruthInTheWorldsTime(@TempDir Path tmp) throws IOException {
        Scene tank = LiquidFilmTest.blockOverTank("\"captureFps\": 96,");
        Path film = tmp.resolve("tank.mp4");
        FilmMaker.film(tank, film, FilmMaker.Settings.defaults());
        try (MediaReader r = new MediaReader(film)) {
            assertEquals(1.0, r.info().durationSeconds(), 1.0 / 24);
        }
        JsonNode side = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(film).toFile());
        JsonNode frames = side.get("frames");
        assertEquals(24, frames.size());
        assertEquals(23.0 / 96, frames.get(23).get("t").asDouble(), 1e-9, "the last frame is the world at 23 / 96 s");
        JsonNode first = frames.get(0).get("liquids").get("water"), last = frames.get(23).get("liquids").get("water");
        assertEquals(first.get("volume").asDouble(), last.get("volume").asDouble(), 0.02 * first.get("volume").asDouble(),
                "the water's volume kept");
        JsonNode sounds = side.get("liquidSounds");
        assertTrue(sounds != null && sounds.size() > 0, "the splash lands within the quarter second");
        for (JsonNode s : sounds) {
            double t = s.get("t").asDouble();
            assertTrue(t < 0.25, "world time: " + t);
            assertEquals((int) Math.floor(t * 96), s.get("frame").asInt());
            assertEquals(Math.round(t * 4 * 48_000), s.get("sample").asLong());
        }
    }

    @Test
    void theFilmPlaysAt24FpsAndShowsAFifthOfItsLengthOfTheWorld() {
        assertEquals(0.6, scene.worldSeconds(), 1e-12);
        try (MediaReader r = new MediaReader(video)) {
            MediaInfo info = r.info();
            assertEquals(FilmMakerTest.FPS, info.fps(), 1e-6);
            assertEquals(3.0, info.durationSeconds(), 1.0 / FilmMakerTest.FPS);
        }
        assertEquals(SceneJson.read(sidecar.get("scene")), scene, "the scene, captureFps and all, reads back equal");
        assertEquals(72, sidecar.get("frames").size());
        assertEquals(50.0 / CAPTURE, sidecar.get("frames").get(50).get("t").asDouble(), 1e-9, "frame 50 is the world at 50 / 120 s");
    }

    @Test
    void theImpactIsSeenInTheFrameOfItsWorldTimeAndHeardKTimesLater() {
        JsonNode first = sidecar.get("events").get(0);
        double t = first.get("t").asDouble();
        assertEquals(Math.sqrt(2 * 1.0 / 9.81), t, 1.0 / scene.physicsRate(), "lands when nature says, in the world's time");
        int frame = (int) Math.floor(t * CAPTURE);
        assertEquals(frame, first.get("frame").asInt());
        assertEquals(Math.round(t * K * 48_000), first.get("sample").asLong(), "the film's sample of the sound");
        List<byte[]> frames = new ArrayList<>();
        float[][] audio;
        try (MediaReader r = new MediaReader(video)) {
            for (byte[] f; (f = r.nextFrame()) != null; ) frames.add(f);
        }
        try (MediaReader r = new MediaReader(video)) {
            audio = r.readAllAudio();
        }
        JsonNode p = first.get("point");
        int[] px = FilmMakerTest.project(scene.camera(), new dev.diorama.scene.Vec3(p.get(0).asDouble(), 0.02, p.get(2).asDouble()));
        assertTrue(FilmMakerTest.isRed(frames.get(frame), px), "film frame " + frame + " shows the ball touching the floor");
        assertTrue(!FilmMakerTest.isRed(frames.get(frame - 1), px), "film frame " + (frame - 1) + " shows it still in the air");
        long onset = FilmMakerTest.onset(audio, Math.round(t * K * 48_000));
        System.out.printf("impact at %.4f s of the world: frame %d (%.3f s of film), heard at %.4f s of film (expected %.4f)%n",
                t, frame, frame / 24.0, onset / 48_000.0, t * K);
        // real time is heard within 1 ms (FilmMakerTest); slowed, the strike's rise is K times longer
        assertEquals(t * K * 1000, onset / 48.0, K, "audio onset (ms) of the impact, slowed");
        // the sidecar's loudness is the film's own (the slowed track's), as our BS.1770 meter reads the MP4 (AAC: half a unit)
        dev.diorama.audio.LoudnessMeter meter = new dev.diorama.audio.LoudnessMeter();
        meter.add(audio[0], audio[audio.length - 1], audio[0].length);
        assertEquals(meter.integrated(), sidecar.get("sound").get("loudness").asDouble(), 0.5, sidecar.get("sound").toString());
    }
}
