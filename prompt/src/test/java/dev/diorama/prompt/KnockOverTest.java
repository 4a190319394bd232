package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "X knocks over Y": X is sent into Y (a ball rolls, anything else slides) and Y stands in its way
 * as it was built; dominoes something is sent at stand in a chain; what something crosses the
 * floor past stands on it, unless its own words say it falls.
 */
class KnockOverTest {
    private static Scene scene(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS).scene();
    }

    private static SceneObject ball(Scene s) {
        return s.objects().stream().filter(o -> o.shape() == Shape.BALL).findFirst().orElseThrow();
    }

    private static List<SceneObject> of(Scene s, Shape shape) {
        return s.objects().stream().filter(o -> o.shape() == shape).toList();
    }

    @Test
    void aThingSaidToKnockOthersOverIsSentIntoThem() {
        Scene s = scene("a ball knocks over a tower of blocks");
        SceneObject ball = ball(s);
        List<SceneObject> blocks = s.objects().stream().filter(o -> o.shape() == Shape.CUBE).toList();
        assertEquals(3, blocks.size());
        // The tower stands as it was built: no block is tilted or pushed.
        for (SceneObject b : blocks) assertEquals(Vec3.ZERO, b.velocity());
        double way = Math.signum(blocks.getFirst().position().x() - ball.position().x());
        assertEquals(2.0 * way, ball.velocity().x(), 1e-9, "a firm roll at the tower");
        assertEquals(blocks.getFirst().position().z(), ball.position().z(), 1e-6);
        // Outdoors, no curtain: only a lane has one.
        assertTrue(s.objects().stream().noneMatch(o -> o.id().equals("pit-curtain")));
        // a speed said after what it knocks over is the mover's
        assertEquals(3.0, Math.abs(ball(scene("a ball knocks over a tower of blocks at 3 m/s")).velocity().x()), 1e-9);
        // "cans", bare, are cans (only "can" needs a word before it to be one: "a ball can bounce")
        Scene cans = scene("a ball knocks over a pyramid of cans");
        assertEquals(3, of(cans, Shape.CYLINDER).size());
        assertEquals(2.0, Math.abs(ball(cans).velocity().x()), 1e-9);
    }

    /**
     * "a marble rolls down a ramp and knocks over five dominoes": the ramp knocks nothing; the
     * dominoes stand on the floor beyond its foot, in the marble's lane, a chain's spacing apart,
     * none leaning (the marble is what knocks the first).
     */
    @Test
    void dominoesARolledThingIsSentAtStandInAChainInItsWay() {
        for (String prompt : List.of("a marble rolls down a ramp and knocks over five dominoes",
                "a ball rolls down a ramp and hits five dominoes", "a ball rolls into five dominoes")) {
            Scene s = scene(prompt);
            List<SceneObject> dominoes = of(s, Shape.DOMINO);
            assertEquals(5, dominoes.size(), prompt);
            SceneObject ball = ball(s);
            double pitch = dominoes.get(0).size().x() + Arranging.DOMINO_SPACING * dominoes.get(0).size().y();
            for (int k = 0; k < dominoes.size(); k++) {
                SceneObject d = dominoes.get(k);
                assertEquals(d.size().y() / 2, d.position().y(), 1e-6, prompt + ": " + d.id() + " stands on the floor");
                assertEquals(Quat.IDENTITY, d.rotation(), prompt + ": " + d.id() + " stands upright");
                assertEquals(Vec3.ZERO, d.velocity(), prompt);
                assertEquals(ball.position().z(), d.position().z(), 1e-6, prompt + ": in the ball's lane");
                if (k > 0) assertEquals(pitch, d.position().x() - dominoes.get(k - 1).position().x(), 1e-6, prompt);
            }
            assertTrue(dominoes.getFirst().position().x() > ball.position().x(), prompt + ": ahead of the ball");
        }
    }

    @Test
    void whatSomethingCrossesStandsOnTheFloorUnlessItIsSaidToFall() {
        Scene falls = scene("a ball rolls down a ramp and a cube falls");
        SceneObject cube = of(falls, Shape.CUBE).getFirst();
        assertTrue(cube.position().y() - cube.size().y() / 2 > 0.5, "the cube falls: " + cube.position());
        Scene stands = scene("a ball rolls down a ramp and a cube");
        cube = of(stands, Shape.CUBE).getFirst();
        assertEquals(cube.size().y() / 2, cube.position().y(), 1e-6, "the cube stands where the ball will roll");
        assertNull(stands.objects().stream().filter(o -> o.velocity().length() > 0).findFirst().orElse(null),
                "nothing is pushed: the ball starts at rest on the ramp");
    }

    /**
     * "a pendulum strikes a row of five dominoes", "... three white balls": every one of the group
     * stands in the bob's path past the bottom of its swing, the first where the bob strikes; a
     * group used to be one object.
     */
    @Test
    void aPendulumStrikesEveryOneOfAGroup() {
        Scene dominoes = scene("a pendulum strikes a row of five dominoes");
        List<SceneObject> chain = of(dominoes, Shape.DOMINO);
        assertEquals(5, chain.size());
        double pitch = chain.get(0).size().x() + Arranging.DOMINO_SPACING * chain.get(0).size().y();
        for (int k = 1; k < chain.size(); k++) assertEquals(pitch, chain.get(k).position().x() - chain.get(k - 1).position().x(), 1e-6);
        Scene balls = scene("a pendulum strikes three white balls");
        List<SceneObject> row = balls.objects().stream().filter(o -> o.id().startsWith("white")).toList();
        assertEquals(3, row.size());
        for (SceneObject o : row) assertEquals(o.size().y() / 2, o.position().y(), 1e-6, o.id() + " on the floor");
    }
}
