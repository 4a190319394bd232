package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
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

/** A storyboard's later shot drops an object in: before its entry time it neither moves nor touches. */
class EntersTest {
    @Test
    void anObjectEntersAtItsTimeAndThenFallsAsFromRest() {
        double h = 1.0;
        SceneObject early = new SceneObject("early", Shape.BALL, Material.STEEL, null, new Vec3(0.1, 0.1, 0.1),
                new Vec3(-0.5, 0.05 + h, 0), null, null);
        SceneObject late = new SceneObject("late", Shape.BALL, Material.STEEL, null, new Vec3(0.1, 0.1, 0.1),
                new Vec3(0.5, 0.05 + h, 0), null, null).entering(1.0);
        Scene scene = new Scene(0, 2, 24, 64, 36, 240, 9.81, LocalTime.NOON, Environment.outdoor(Material.STONE), null,
                List.of(early, late));
        Timeline t = Simulator.run(scene);
        // Until 1 s the late ball hangs where it will appear; the early one has fallen by then.
        // (Bullet keeps positions in single precision: 1e-6 m is its resolution here.)
        assertEquals(0.05 + h, t.frames().get(23).poses().get(1).position().y(), 1e-6);
        assertTrue(t.frames().get(23).poses().get(0).position().y() < 0.2);
        // It then falls from rest: 1/2 g t^2 after 0.25 s is 0.31 m.
        double fallen = 0.05 + h - t.frames().get(30).poses().get(1).position().y();
        assertEquals(0.5 * 9.81 * 0.25 * 0.25, fallen, 0.02);
        // Its first impact comes sqrt(2h/g) = 0.45 s after it enters.
        ContactEvent first = t.events().stream().filter(e -> e.a().equals("late") || e.b().equals("late")).findFirst().orElseThrow();
        assertEquals(1.0 + Math.sqrt(2 * h / 9.81), first.t(), 0.01);
    }
}
