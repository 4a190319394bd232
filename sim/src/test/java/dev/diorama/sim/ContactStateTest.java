package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactState;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sustained contacts: a ball that rolls, a block that slides, with the speeds and forces of mechanics. */
class ContactStateTest {
    static final double G = 9.81;

    static Scene pushed(Shape shape, Material m, double size, double speed, double seconds) {
        SceneObject o = new SceneObject("thing", shape, m, null, new Vec3(size, size, size), new Vec3(0, size / 2, 0), null,
                new Vec3(speed, 0, 0));
        return new Scene(3, seconds, 24, 320, 180, 0, G, LocalTime.NOON, Environment.outdoor(Material.WOOD), null, List.of(o));
    }

    @Test
    void aBallPushedAcrossTheFloorSlipsThenRollsAtTheSpeedOfItsCentre() {
        Scene s = pushed(Shape.BALL, Material.RUBBER, 0.2, 2, 2);
        Timeline t = Simulator.run(s);
        List<ContactState> c = t.contacts().stream().filter(x -> x.b().equals(Scene.FLOOR_ID)).toList();
        assertTrue(c.size() > 30, "the ball touches the floor all along: " + c.size() + " frames");
        double m = s.objects().getFirst().mass();
        // At first it slides (no spin yet); friction spins it up until it rolls, at 5/7 of its speed.
        assertTrue(c.getFirst().slip() > 1, "slipping at first: " + c.getFirst().slip());
        ContactState late = c.get(c.size() - 5);
        assertTrue(late.slip() < 0.05, "then rolling without slipping: slip " + late.slip());
        int frame = (int) Math.round(late.t() * s.fps());
        double vx = (t.frames().get(frame).poses().getFirst().position().x()
                - t.frames().get(frame - 1).poses().getFirst().position().x()) * s.fps();
        assertEquals(vx, late.roll(), 0.05 * vx, "rolling speed = the centre's speed");
        // When it starts to roll (after 2 v0 / (7 mu g), about 0.07 s) it goes on at 5/7 of its start.
        ContactState rolling = c.stream().filter(x -> x.slip() < 0.05).findFirst().orElseThrow();
        assertTrue(rolling.t() < 0.2, "rolls from " + rolling.t() + " s");
        assertEquals(5.0 / 7 * 2, rolling.roll(), 0.04 * 2, "a sphere rolls on at 5/7 of its sliding start");
        double mean = c.stream().filter(x -> x.t() > 0.3).mapToDouble(ContactState::force).average().orElseThrow();
        assertEquals(m * G, mean, 0.05 * m * G, "pressed by its weight");
    }

    @Test
    void aBlockPushedAcrossTheFloorSlidesAndSlowsAtMuG() {
        Scene s = pushed(Shape.CUBE, Material.STONE, 0.1, 3, 1);
        Timeline t = Simulator.run(s);
        List<ContactState> c = t.contacts().stream().filter(x -> x.b().equals(Scene.FLOOR_ID)).toList();
        double mu = Material.STONE.friction * Material.WOOD.friction;
        double stop = 3 / (mu * G);
        // While it slides, slip = speed = 3 - mu g t (before it stops).
        int checked = 0;
        double force = 0;
        for (ContactState x : c) {
            if (x.t() < 0.1 || x.t() > 0.8 * stop) continue;
            double expected = 3 - mu * G * (x.t() - 0.5 / s.fps());
            assertEquals(expected, x.slip(), 0.06 * 3, "slip at t = " + x.t());
            // The contact travels with the block's centre (its slip differs by the little rocking on its leading edge).
            int f = (int) Math.round(x.t() * s.fps());
            double vx = (t.frames().get(f).poses().getFirst().position().x()
                    - t.frames().get(f - 1).poses().getFirst().position().x()) * s.fps();
            assertEquals(vx, x.roll(), 0.05 * 3, "the contact moves with the block at t = " + x.t());
            force += x.force();
            checked++;
        }
        assertTrue(checked > 5, "frames checked: " + checked);
        // Frame by frame the block rocks on its leading edge (the friction's torque): the mean is its weight.
        double mg = s.objects().getFirst().mass() * G;
        assertEquals(mg, force / checked, 0.05 * mg, "pressed by its weight");
        // It stops where mu g says, v0^2 / (2 mu g) = 0.936 m on (1.2 % past it, measured 2026-11-28).
        double end = t.frames().getLast().poses().getFirst().position().x();
        assertEquals(3 * 3 / (2 * mu * G), end, 0.03 * 3 * 3 / (2 * mu * G), "it stops where mu g says");
        // And then it says nothing. The last reports come as the block settles from its leading edge,
        // one to four frames after the stop: starting speeds of 2.99-3.01 m/s, with or without air,
        // ended their reports between 0.667 and 0.792 s against a stop at 0.624 s (2026-11-28). The
        // limit was stop + 0.1 s until the air's drag and buoyancy joined, and a start at 2.999 m/s
        // without them passed it too; so it is 0.2 s, past every settling measured.
        assertTrue(c.stream().noneMatch(x -> x.t() > stop + 0.2), "and it stops, and then says nothing");
    }
}
