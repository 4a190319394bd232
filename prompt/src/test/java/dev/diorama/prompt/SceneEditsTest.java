package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SceneEditsTest {
    private static Scene scene(String prompt) {
        return PromptParser.parse(prompt, new PromptParser.Options(42, 4, 24, 640, 360)).scene();
    }

    @Test
    void theFloorAndAnObjectChangeMaterialAndNothingElseChanges() {
        Scene before = scene("a red rubber ball and a wooden cube drop onto a wooden floor");
        Scene after = SceneEdits.apply(before, "make the floor marble and the ball glass").scene();
        assertEquals(Material.MARBLE, after.environment().floor());
        SceneObject ball = after.object("red-rubber-ball");
        assertEquals(Material.GLASS, ball.material());
        assertEquals(before.object("red-rubber-ball").color(), ball.color(), "a colour said stays");
        assertEquals(Material.WOOD, after.object("wood-cube").material());
        assertEquals(42, after.seed());
        assertEquals(before.camera(), after.camera());
    }

    /** "now in slow motion" films the same world five times slower; "now in real time" brings it back. */
    @Test
    void nowInSlowMotionChangesTheCamerasRateAndNothingElse() {
        Scene before = scene("a red rubber ball and a wooden cube drop onto a wooden floor");
        Scene slow = SceneEdits.apply(before, "now in slow motion").scene();
        assertEquals(120, slow.captureFps());
        assertEquals(before.seconds(), slow.seconds());
        assertEquals(before.objects(), slow.objects());
        assertEquals(before.camera(), slow.camera());
        assertEquals(0, slow.physicsRate() % 120);
        Scene faster = SceneEdits.apply(slow, "filmed at 480 fps").scene();
        assertEquals(480, faster.captureFps());
        assertEquals(0, faster.physicsRate() % 480);
        Scene real = SceneEdits.apply(slow, "now in real time").scene();
        assertEquals(24, real.captureFps());
        assertEquals(before.objects(), real.objects());
        assertEquals(120, SceneEdits.apply(slow, "at sunset").scene().captureFps(), "an edit that says no speed keeps it");
    }

    @Test
    void nowOnTheMoonChangesTheGravityAndTheAirAndNothingElse() {
        Scene before = scene("a red rubber ball and a wooden cube drop onto a wooden floor");
        Scene moon = SceneEdits.apply(before, "now on the Moon").scene();
        assertEquals(1.62, moon.gravity(), 1e-12);
        assertEquals(before.objects(), moon.objects());
        assertEquals(before.environment().withAir(false), moon.environment());
        assertEquals(before.camera(), moon.camera());
        Scene sunset = SceneEdits.apply(moon, "at sunset").scene();
        assertEquals(1.62, sunset.gravity(), 1e-12, "an edit that names no world keeps the one the scene has");
        assertEquals(false, sunset.environment().air());
        Scene mars = SceneEdits.apply(moon, "now on Mars").scene();
        assertEquals(3.71, mars.gravity(), 1e-12);
        assertEquals(before.environment().withAirDensity(0.020), mars.environment(), "Mars has air, thinner than Earth's");
        assertEquals(before.environment(), SceneEdits.apply(mars, "now on Earth").scene().environment(), "and back");
        Scene textbook = SceneEdits.apply(before, "now without air resistance").scene();
        assertEquals(before.environment().withAirDensity(0), textbook.environment());
        assertEquals(before.objects(), textbook.objects());
        Scene outdoors = scene("a balloon floats outdoors");
        Scene windy = SceneEdits.apply(outdoors, "now in a strong wind from the west").scene();
        assertEquals(new dev.diorama.scene.Vec3(12.3, 0, 0), windy.environment().wind());
        assertEquals(outdoors.objects(), windy.objects());
    }

    @Test
    void anEditKeepsTheLiquids() {
        Scene before = scene("a steel ball drops into a tank of water");
        assertEquals(1, before.liquids().size());
        Scene sunset = SceneEdits.apply(before, "at sunset").scene();
        assertEquals(before.liquids(), sunset.liquids(), "the water stays when the time changes");
        Scene glass = SceneEdits.apply(before, "make the ball glass").scene();
        assertEquals(before.liquids(), glass.liquids(), "and when an object changes");
    }

    @Test
    void anEditKeepsWhatItDoesNotMentionOfAnObjectItsGlowAndSpin() {
        Scene before = scene("a glowing red ball spins on a wooden floor");
        SceneObject ball = before.objects().getFirst();
        assertTrue(ball.emission() > 0 && ball.spin().y() > 0, "glowing and spinning: " + ball);
        SceneObject glass = SceneEdits.apply(before, "make the ball glass").scene().objects().getFirst();
        assertEquals(Material.GLASS, glass.material());
        assertEquals(ball.emission(), glass.emission(), "it still glows");
        assertEquals(ball.spin(), glass.spin(), "and spins");
        Scene doubled = SceneEdits.apply(before, "twice as many balls").scene();
        assertEquals(2, doubled.objects().size());
        assertTrue(doubled.objects().stream().allMatch(o -> o.emission() == ball.emission() && o.spin().equals(ball.spin())),
                "the copies glow and spin as the original does: " + doubled.objects());
    }

    @Test
    void nowAtNightMovesTheClockOnly() {
        Scene before = scene("a ball at noon");
        Scene after = SceneEdits.apply(before, "now at night").scene();
        assertEquals(LocalTime.of(23, 0), after.time());
        assertEquals(before.objects(), after.objects());
    }

    @Test
    void twiceAsManyDominoesCopiesTheRowBesideIt() {
        Scene before = scene("ten dominoes in a row");
        Scene after = SceneEdits.apply(before, "twice as many dominoes").scene();
        assertEquals(20, after.objects().size());
        double maxBefore = before.objects().stream().mapToDouble(o -> o.position().x()).max().orElseThrow();
        assertTrue(after.objects().subList(10, 20).stream().allMatch(o -> o.position().x() > maxBefore));
        assertEquals(10, SceneEdits.apply(after, "half as many dominoes").scene().objects().size());
    }

    @Test
    void makeItOvercastOrHazyChangesTheSkyAndNothingElse() {
        Scene before = scene("a ball at noon on a clear day");
        Scene overcast = SceneEdits.apply(before, "make it overcast").scene();
        assertEquals(1.0, overcast.environment().cloudCover());
        assertEquals(before.environment().turbidity(), overcast.environment().turbidity());
        assertEquals(before.objects(), overcast.objects());
        assertEquals(before.time(), overcast.time());
        Scene hazy = SceneEdits.apply(overcast, "now hazy").scene();
        assertEquals(5.0, hazy.environment().turbidity());
        assertEquals(1.0, hazy.environment().cloudCover(), "the cloud stays");
        assertEquals(0.0, SceneEdits.apply(hazy, "clear skies").scene().environment().cloudCover());
    }

    @Test
    void wordsForANewFilmAreNoEditForTheService() {
        Scene before = scene("a red rubber ball drops onto a wooden floor");
        assertEquals(null, SceneEdits.applyIfEdit(before, "a glass cube drops onto a wooden floor"), "new objects");
        assertEquals(null, SceneEdits.applyIfEdit(before, "drops onto a wooden floor"), "nothing changes");
        assertEquals(LocalTime.of(23, 0), SceneEdits.applyIfEdit(before, "now at night").scene().time());
        assertThrows(PromptException.class, () -> SceneEdits.applyIfEdit(before, "make the cube steel"));
    }

    @Test
    void fromAboveReframesTheCamera() {
        Scene before = scene("three balls");
        Scene after = SceneEdits.apply(before, "from above").scene();
        assertNotEquals(before.camera(), after.camera());
        assertTrue(after.camera().position().y() > before.camera().position().y());
    }

    @Test
    void editsThatNameNothingOrChangeNothingAreRefused() {
        Scene s = scene("a ball");
        PromptException e = assertThrows(PromptException.class, () -> SceneEdits.apply(s, "make the cube steel"));
        assertTrue(e.getMessage().contains("names no object"), e.getMessage());
        assertThrows(PromptException.class, () -> SceneEdits.apply(s, "  "));
        assertThrows(PromptException.class, () -> SceneEdits.apply(s, "please"));
    }
}
