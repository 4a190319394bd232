package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "a bowling ball knocks over ten pins": pins set up as on a lane (USBC: an equilateral triangle of
 * 12 in between centres), the ball rolled at the head pin as fast as bowlers' balls arrive (7.2 to
 * 8.0 m/s), in a bowling alley with the pit's curtain behind the pins.
 */
class BowlingTest {
    private static Scene scene(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS).scene();
    }

    private static List<SceneObject> pins(Scene s) {
        return s.objects().stream().filter(o -> o.shape() == Shape.PIN).toList();
    }

    private static SceneObject ball(Scene s) {
        return s.objects().stream().filter(o -> o.shape() == Shape.BALL).findFirst().orElseThrow();
    }

    @Test
    void tenPinsStandInTheRegulationTriangleWithTheHeadPinTowardTheBall() {
        Scene s = scene("a bowling ball knocks over ten pins");
        List<SceneObject> pins = pins(s);
        assertEquals(10, pins.size());
        SceneObject ball = ball(s);
        for (SceneObject p : pins) {
            assertEquals(Material.MAPLE, p.material());
            // 15 in tall, 4.766 in across, standing on the floor
            assertEquals(0.381, p.size().y(), 1e-9);
            assertEquals(4.766 * 0.0254, p.size().x(), 1e-9);
            assertEquals(p.size().y() / 2, p.position().y(), 1e-6);
        }
        // Every pin has its nearest neighbours 12 in away (the corner pins two, the others more), none nearer.
        int pairs = 0;
        for (int i = 0; i < pins.size(); i++) {
            for (int j = i + 1; j < pins.size(); j++) {
                Vec3 a = pins.get(i).position(), b = pins.get(j).position();
                double d = Math.hypot(a.x() - b.x(), a.z() - b.z());
                assertTrue(d > 0.3048 - 1e-5, "pins " + i + " and " + j + " stand " + d + " m apart");
                if (Math.abs(d - 0.3048) < 1e-5) pairs++;
            }
        }
        // A triangle of four rows has 18 sides of one spacing between its ten points.
        assertEquals(18, pairs);
        // The ball comes from beyond the head pin (the one nearest it), in line with it, rolling.
        SceneObject head = pins.stream().min(Comparator.comparingDouble(p -> Math.abs(p.position().x() - ball.position().x()))).orElseThrow();
        double way = Math.signum(head.position().x() - ball.position().x());
        assertEquals(head.position().z(), ball.position().z(), 1e-6);
        assertEquals(7.5 * way, ball.velocity().x(), 1e-9);
        assertEquals(0, ball.velocity().z(), 1e-12);
        // Rolling from the start: its spin carries its bottom point at rest on the floor.
        double r = ball.size().x() / 2;
        assertEquals(0, ball.velocity().x() + ball.spin().z() * r, 1e-9);
        assertEquals(r, ball.position().y(), 1e-6);
        // It is seen coming: half a second at its speed before it reaches the head pin.
        double gap = Math.abs(head.position().x() - ball.position().x()) - r - head.size().x() / 2;
        assertTrue(gap > 0.4 * 7.5 && gap < 0.6 * 7.5, "the ball starts " + gap + " m before the head pin");
        // In a bowling alley, on maple, with the pit's curtain behind the back row.
        assertEquals(Material.MAPLE, s.environment().floor());
        assertTrue(s.environment().room() != null);
        SceneObject curtain = s.objects().stream().filter(o -> o.id().equals("pit-curtain")).findFirst().orElseThrow();
        assertTrue(curtain.fixed());
        double back = pins.stream().mapToDouble(p -> p.position().x() * way).max().orElseThrow();
        assertEquals(back + 0.9, curtain.position().x() * way - curtain.size().x() / 2, 1e-6);
        // The far side's kickback, 30 in from the lane's middle (the lane and a gutter), from before
        // the head pin to the curtain; the near side's would stand between the camera and the pins.
        SceneObject k = s.objects().stream().filter(o -> o.id().equals("kickback")).findFirst().orElseThrow();
        assertTrue(k.fixed());
        assertEquals(30 * 0.0254 + k.size().z() / 2, k.position().z() - head.position().z(), 1e-6);
        assertTrue(s.camera().position().z() < head.position().z(), "the camera looks from the near side");
        assertTrue((k.position().x() - k.size().x() / 2 * way) * way < head.position().x() * way
                && (k.position().x() + k.size().x() / 2 * way) * way >= back + 0.9 - 1e-6, "the kickback runs along the deck");
        assertTrue(curtain.size().z() >= 60 * 0.0254, "the curtain spans the pit");
    }

    @Test
    void pinsWithNothingRolledAtThemStandRackedWithoutACurtain() {
        Scene s = scene("six skittles on the grass");
        assertEquals(6, pins(s).size());
        assertEquals(Material.GRASS, s.environment().floor());
        assertTrue(s.objects().stream().noneMatch(o -> o.id().equals("pit-curtain")));
        for (SceneObject p : pins(s)) assertEquals(p.size().y() / 2, p.position().y(), 1e-6);
    }

    /** "hits the pins": pins with no number are a full rack of ten, and a note says so. */
    @Test
    void pinsWithNoNumberAreAFullRack() {
        PromptParser.Parse p = PromptParser.parse("a bowling ball rolls and hits the pins", PromptParser.Options.DEFAULTS);
        assertEquals(10, pins(p.scene()).size());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("made 10")), p.notes().toString());
    }
}
