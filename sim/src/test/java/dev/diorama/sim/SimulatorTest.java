package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    static final double G = 9.81;

    static Scene drop(Material ball, Material floor, double diameter, double h, double seconds, int fps, int rate) {
        SceneObject o = new SceneObject("ball", Shape.BALL, ball, null, new Vec3(diameter, diameter, diameter),
                new Vec3(0, h + diameter / 2, 0), null, null);
        return new Scene(1, seconds, fps, 320, 180, rate, G, LocalTime.NOON, Environment.outdoor(floor), null, List.of(o));
    }

    @ParameterizedTest(name = "dropped from {0} m at {1} steps/s, the ball lands at sqrt(2h/g)")
    @CsvSource({"1.0, 240", "2.0, 240", "0.5, 480", "3.0, 960"})
    void freeFallLandsAtTheTimeNaturePredicts(double h, int rate) {
        Timeline tl = Simulator.run(drop(Material.RUBBER, Material.WOOD, 0.2, h, 2, 120, rate));
        ContactEvent first = tl.events().getFirst();
        assertEquals("ball", first.a());
        assertEquals(Scene.FLOOR_ID, first.b());
        double expected = Math.sqrt(2 * h / G);
        assertEquals(expected, first.t(), 1.0 / rate, "impact time within one physics step");
        assertEquals(Math.sqrt(2 * G * h), first.speed(), 0.02 * Math.sqrt(2 * G * h), "impact speed");
    }

    @ParameterizedTest(name = "{0} on {1} at {2} steps/s rebounds to e^2 h")
    @CsvSource({"RUBBER, WOOD, 240", "RUBBER, WOOD, 960", "STEEL, WOOD, 240", "STEEL, STONE, 480", "GLASS, STONE, 240"})
    void reboundHeightIsRestitutionSquaredTimesDropHeight(Material ball, Material floor, int rate) {
        double h = 1.0, d = 0.2;
        Timeline tl = Simulator.run(drop(ball, floor, d, h, 2.5, 120, rate));
        double tImpact = tl.events().getFirst().t();
        double apex = 0;
        for (Keyframe k : tl.frames()) {
            if (k.t() > tImpact + 0.01 && (tl.events().size() < 2 || k.t() < tl.events().get(1).t())) {
                apex = Math.max(apex, k.poses().getFirst().position().y() - d / 2);
            }
        }
        double e = ball.restitution * floor.restitution;
        assertEquals(e * e * h, apex, 0.02 * e * e * h, "rebound height for e = " + e);
    }

    @Test
    void successiveBounceIntervalsShrinkByRestitution() {
        Timeline tl = Simulator.run(drop(Material.RUBBER, Material.WOOD, 0.2, 1.0, 3, 120, 480));
        List<ContactEvent> ev = tl.events();
        assertTrue(ev.size() >= 4, "several bounces, got " + ev.size());
        double e = Material.RUBBER.restitution * Material.WOOD.restitution;
        double i1 = ev.get(1).t() - ev.get(0).t(), i2 = ev.get(2).t() - ev.get(1).t();
        assertEquals(e, i2 / i1, 0.03);
        assertEquals(e * 2 * Math.sqrt(2 * 1.0 / G), i1, 0.02);
    }

    @Test
    void twoBallsCollideHeadOnAndEachEventNamesBoth() {
        SceneObject a = new SceneObject("left", Shape.BALL, Material.STEEL, null, new Vec3(0.2, 0.2, 0.2),
                new Vec3(-1, 0.1, 0), null, new Vec3(2, 0, 0));
        SceneObject b = new SceneObject("right", Shape.BALL, Material.STEEL, null, new Vec3(0.2, 0.2, 0.2),
                new Vec3(1, 0.1, 0), null, new Vec3(-2, 0, 0));
        Scene s = new Scene(1, 1.0, 24, 320, 180, 0, 0, LocalTime.NOON, Environment.outdoor(Material.STONE), null,
                List.of(a, b));
        Timeline tl = Simulator.run(s);
        ContactEvent hit = tl.events().stream().filter(e -> e.b().equals("right")).findFirst().orElseThrow();
        assertEquals("left", hit.a());
        assertEquals(0.45, hit.t(), 1.0 / s.physicsRate(), "the 1.8 m gap closes at 4 m/s");
        assertEquals(4.0, hit.speed(), 0.05);
    }

    @Test
    void boxesAndCylindersInARoomStayInsideIt() {
        SceneObject box = new SceneObject("box", Shape.CUBE, Material.WOOD, null, new Vec3(0.3, 0.3, 0.3),
                new Vec3(0, 1, 0), null, new Vec3(6, 0, 0));
        SceneObject can = new SceneObject("can", Shape.CYLINDER, Material.STEEL, null, new Vec3(0.1, 0.2, 0.1),
                new Vec3(0.5, 1, 0.5), null, new Vec3(0, 0, -5));
        Scene s = new Scene(1, 8, 24, 320, 180, 0, G, LocalTime.NOON,
                Environment.indoor(Material.WOOD, new Room(new Vec3(3, 2.5, 3), Material.STONE, Material.STONE)), null,
                List.of(box, can));
        Timeline tl = Simulator.run(s);
        assertTrue(tl.events().stream().anyMatch(e -> e.b().equals(Scene.WALL_ID)), "something hits a wall");
        for (Keyframe k : tl.frames()) {
            for (var p : k.poses()) {
                assertTrue(Math.abs(p.position().x()) < 1.5 && Math.abs(p.position().z()) < 1.5 && p.position().y() > 0);
            }
        }
        Vec3 rest = tl.frames().getLast().poses().get(0).position();
        Vec3 before = tl.frames().get(tl.frames().size() - 2).poses().get(0).position();
        assertTrue(rest.minus(before).length() < 1e-3, "the box has come to rest");
        // Resting flat its centre is at 0.15 m; leaning on a wall or edge it is higher, never more
        // than half its diagonal.
        assertTrue(rest.y() > 0.145 && rest.y() < 0.26, "the box rests on the floor, centre at " + rest.y());
    }

    @Test
    void theFrameContainingEachImpactShowsTheBallTouchingTheFloor() {
        Scene s = drop(Material.RUBBER, Material.WOOD, 0.2, 1.5, 3, 24, 240);
        Timeline tl = Simulator.run(s);
        int checked = 0;
        for (ContactEvent e : tl.events()) {
            if (e.speed() < 0.5) continue;
            Keyframe k = tl.frames().get((int) Math.floor(e.t() * s.fps()));
            var pose = k.poses().getFirst();
            assertEquals(e.t(), pose.sampledAt(), 1e-12);
            assertEquals(0.1, pose.position().y(), 0.002, "ball bottom on the floor in frame " + k.index());
            Keyframe before = tl.frames().get(k.index() - 1);
            assertTrue(before.poses().getFirst().position().y() > 0.1 + 0.01, "in the air the frame before");
            checked++;
        }
        assertTrue(checked >= 3, "bounces checked: " + checked);
    }

    @Test
    void theSameSceneGivesTheSameTimeline() {
        Scene s = drop(Material.RUBBER, Material.WOOD, 0.2, 1.0, 2, 24, 240);
        Timeline a = Simulator.run(s), b = Simulator.run(s);
        assertEquals(a.events(), b.events());
        for (int i = 0; i < a.frames().size(); i++) {
            assertArrayEquals(a.frames().get(i).poses().get(0).position().toArray(),
                    b.frames().get(i).poses().get(0).position().toArray());
        }
    }
}
