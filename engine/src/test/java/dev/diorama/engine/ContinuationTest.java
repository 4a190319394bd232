package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Timeline;
import dev.diorama.sim.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extending a film: the world goes on from its last state, and the two parts are one MP4. */
class ContinuationTest {
    static final String PROMPT = "a steel ball drops from 1 meter";
    @TempDir
    static Path dir;
    static Scene original;
    static Path first, extended;
    static Continuation.Plan plan;
    static Timeline contTimeline;
    static JsonNode sidecar;

    @BeforeAll
    static void film() throws IOException {
        original = FilmMakerTest.bounceScene(3);
        first = dir.resolve("first.mp4");
        FilmMaker.film(original, first, FilmMaker.Settings.defaults());
        plan = Continuation.plan(original, PROMPT, 2.0, Progress.NONE);
        contTimeline = Simulator.run(plan.continuation());
        extended = dir.resolve("extended.mp4");
        Continuation.extend(original, first, PROMPT, 2.0, extended, FilmMaker.Settings.defaults());
        sidecar = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(extended).toFile());
    }

    /** A slow-motion film is not extended (its world and film times differ): a message, nothing simulated. */
    @Test
    void aSlowMotionFilmIsRefusedWithAMessage() {
        Scene slow = new Scene(original.seed(), original.seconds(), original.fps(), original.width(), original.height(), 0,
                original.gravity(), original.time(), original.environment(), original.camera(), original.objects(), null, null,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), 120);
        dev.diorama.prompt.PromptException e = org.junit.jupiter.api.Assertions.assertThrows(dev.diorama.prompt.PromptException.class,
                () -> Continuation.plan(slow, PROMPT, 2.0, Progress.NONE));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("only a film in real time can be extended"), e.getMessage());
    }

    @Test
    void theContinuationStartsExactlyWhereTheOriginalEnded() {
        Keyframe last = plan.originalTimeline().frames().getLast();
        Keyframe start = contTimeline.frames().getFirst();
        assertEquals(original.objects().size() + 1, plan.continuation().objects().size());
        for (int i = 0; i < original.objects().size(); i++) {
            assertEquals(original.objects().get(i).id(), plan.continuation().objects().get(i).id());
            Pose a = last.poses().get(i), b = start.poses().get(i);
            assertEquals(0, a.position().minus(b.position()).length(), 1e-6, "position of " + i);
            assertEquals(a.rotation().x(), b.rotation().x(), 1e-6);
            assertEquals(a.rotation().y(), b.rotation().y(), 1e-6);
            assertEquals(a.rotation().z(), b.rotation().z(), 1e-6);
            assertEquals(a.rotation().w(), b.rotation().w(), 1e-6);
        }
        assertEquals((original.frameCount() - 1.0) / original.fps(), plan.offset(), 1e-12);
        assertEquals(original.fps(), plan.continuation().fps());
        assertEquals(original.width(), plan.continuation().width());
        assertEquals(original.seed(), plan.continuation().seed());
    }

    @Test
    void aSpinningBodyGoesOnSpinningAfterTheSeam() {
        // A can thrown up turning twice a second about its axis, filmed for half a second (still in
        // the air), then continued: in flight nothing changes its spin, so the continuation's first
        // frame turns it by the same 30 degrees a frame as the original's last.
        double w = 4 * Math.PI;
        SceneObject can = new SceneObject("can", dev.diorama.scene.Shape.CYLINDER, dev.diorama.scene.Material.ALUMINIUM,
                null, new dev.diorama.scene.Vec3(0.07, 0.12, 0.07), new dev.diorama.scene.Vec3(0, 1.5, 0), null,
                new dev.diorama.scene.Vec3(0, 2, 0)).withSpin(new dev.diorama.scene.Vec3(0, w, 0));
        Scene thrown = new Scene(2, 0.5, 24, 160, 90, 0, 9.81, java.time.LocalTime.NOON,
                dev.diorama.scene.Environment.outdoor(dev.diorama.scene.Material.WOOD), null, java.util.List.of(can));
        Continuation.Plan p = Continuation.plan(thrown, "", 0.5, Progress.NONE);
        SceneObject after = p.continuation().objects().getFirst();
        assertEquals(w, after.spin().y(), w * 1e-3, "the spin handed on: " + after.spin());
        java.util.List<Keyframe> before = p.originalTimeline().frames(), next = Simulator.run(p.continuation()).frames();
        var up = new dev.diorama.scene.Vec3(0, 1, 0);
        double lastTurn = before.get(before.size() - 2).poses().getFirst().rotation().turnAbout(up, before.getLast().poses().getFirst().rotation());
        double firstTurn = next.get(0).poses().getFirst().rotation().turnAbout(up, next.get(1).poses().getFirst().rotation());
        assertEquals(w / 24, lastTurn, 1e-3, "the original's last frame");
        assertEquals(w / 24, firstTurn, 1e-3, "the continuation's first frame");
    }

    @Test
    void aNewBallLandsAtTheFreeFallTimeAfterTheSeam() {
        SceneObject ball = plan.continuation().objects().getLast();
        double h = ball.position().y() - ball.size().y() / 2;
        ContactEvent landing = contTimeline.events().stream()
                .filter(e -> e.a().equals(ball.id()) && e.b().equals(Scene.FLOOR_ID)).findFirst().orElse(null);
        assertNotNull(landing, "the new ball hits the floor");
        assertEquals(Math.sqrt(2 * h / plan.continuation().gravity()), landing.t(), 1.0 / plan.continuation().physicsRate());
        // And in the stitched sidecar, shifted by the original's length.
        boolean found = false;
        for (JsonNode e : sidecar.get("events")) {
            if (e.get("a").asText().equals(ball.id()) && e.get("b").asText().equals("floor")) {
                assertEquals(plan.offset() + landing.t(), e.get("t").asDouble(), 1e-9);
                found = true;
                break;
            }
        }
        assertTrue(found);
    }

    @Test
    void theStitchedFilmHoldsBothPartsAndItsSoundStaysInStep() {
        int frames = original.frameCount() + plan.continuation().frameCount() - 1;
        assertEquals(frames, plan.stitchedFrames());
        int decoded = 0;
        float[][] audio;
        try (MediaReader r = new MediaReader(extended)) {
            MediaInfo info = r.info();
            assertEquals("h264", info.videoCodec());
            assertEquals("aac", info.audioCodec());
            assertEquals((double) frames / original.fps(), info.durationSeconds(), 1.0 / original.fps());
            while (r.nextFrame() != null) decoded++;
            audio = r.readAllAudio();
        }
        assertEquals(frames, decoded);
        assertEquals(frames, sidecar.get("frameCount").asInt());
        assertEquals(frames, sidecar.get("frames").size());
        for (int i = 0; i < frames; i++) assertEquals(i, sidecar.get("frames").get(i).get("index").asInt());
        assertEquals(SceneJson.read(sidecar.get("scene")), original);
        assertEquals(SceneJson.read(sidecar.get("extension").get("scene")), plan.continuation());
        int checked = 0;
        for (ContactEvent e : contTimeline.events()) {
            // The loud impacts; quieter ones are masked by the ringing of the steel ball before them.
            if (e.speed() < 1.5 || e.t() < 2.0 / original.fps()) continue;
            double t = e.t() + plan.offset();
            long onset = FilmMakerTest.onset(audio, Math.round(t * 48_000));
            assertEquals(t * 1000, onset / 48.0, 1.0, "audio onset (ms) of the impact at " + t + " s");
            checked++;
        }
        assertTrue(checked >= 3, "impacts of the second part checked: " + checked);
    }

    @Test
    void anExtensionOfAnExtensionGoesOnFromTheEndOfTheStitchedFilm() {
        Continuation.Plan twice = Continuation.plan(original, java.util.List.of(new Continuation.Step(PROMPT, 2.0)),
                "a glass ball drops from 1 meter", 1.0, Progress.NONE);
        Timeline stitched = Continuation.stitch(plan, contTimeline);
        assertEquals(stitched.frames().size(), twice.originalFrames());
        assertEquals((stitched.frames().size() - 1.0) / original.fps(), twice.offset(), 1e-12);
        assertEquals(stitched.events().size(), twice.originalTimeline().events().size());
        // All three balls; the first two exactly where the stitched film's last frame shows them.
        assertEquals(plan.continuation().objects().size() + 1, twice.continuation().objects().size());
        Keyframe last = stitched.frames().getLast();
        for (int i = 0; i < plan.continuation().objects().size(); i++) {
            SceneObject o = twice.continuation().objects().get(i);
            assertEquals(plan.continuation().objects().get(i).id(), o.id());
            assertEquals(0, last.poses().get(i).position().minus(o.position()).length(), 1e-6, o.id());
        }
        assertEquals(2, twice.earlier().size() + 1);
        assertEquals(original, twice.original());
    }
}
