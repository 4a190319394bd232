package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words that send a thing across the picture and what it passes: "rolls to the left", "rolls into
 * a row of dominoes", "rolls behind a slab and comes out the other side" (the exam's object
 * permanence scene, issue 8, in words a user types).
 */
class MovingPastTest {
    private static final double EPS = 1e-9;

    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
    }

    private static SceneObject named(Scene s, String id) {
        return s.objects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + s.objects()));
    }

    /** A pendulum's bob (its id ends in "pendulum"). */
    private static SceneObject bob(Scene s) {
        return s.objects().stream().filter(o -> o.id().endsWith("pendulum")).findFirst().orElseThrow();
    }

    /** Where a pendulum's rod is pivoted to its frame's bar. */
    private static Vec3 pivot(Scene s) {
        return s.joints().stream().filter(j -> j.b() != null && j.b().endsWith("bar")).findFirst().orElseThrow().anchor();
    }

    private static double bottom(SceneObject o) {
        return o.position().y() - o.halfHeight();
    }

    /**
     * Whether the straight line from the camera to point {@code p} passes through the upright box
     * {@code o} (not turned): the picture shows p hidden behind it.
     */
    private static boolean hiddenBehind(Scene s, Vec3 p, SceneObject o) {
        Vec3 c = s.camera().position(), half = o.size().times(0.5), at = o.position();
        double t0 = 0, t1 = 1;
        double[] from = {c.x(), c.y(), c.z()}, to = {p.x(), p.y(), p.z()}, lo = {at.x() - half.x(), at.y() - half.y(), at.z() - half.z()},
                hi = {at.x() + half.x(), at.y() + half.y(), at.z() + half.z()};
        for (int k = 0; k < 3; k++) {
            double d = to[k] - from[k];
            if (Math.abs(d) < 1e-12) {
                if (from[k] < lo[k] || from[k] > hi[k]) return false;
                continue;
            }
            double a = (lo[k] - from[k]) / d, b = (hi[k] - from[k]) / d;
            t0 = Math.max(t0, Math.min(a, b));
            t1 = Math.min(t1, Math.max(a, b));
        }
        return t0 <= t1;
    }

    @Test
    void aBallRollsBehindASlabAndComesOutTheOtherSide() {
        PromptParser.Parse p = parse("a blue ball rolls to the left behind a brown stone slab on a wooden floor and comes out the other side");
        assertEquals(List.of(), p.ignoredWords(), "every word understood");
        Scene s = p.scene();
        SceneObject ball = named(s, "blue-rubber-ball"), slab = named(s, "brown-stone-slab");
        // the slab: a stone slab standing on its edge on the floor, not dropped
        assertEquals(Shape.CUBE, slab.shape());
        assertEquals(new Vec3(0.4, 0.5, 0.08), slab.size());
        assertEquals(0, bottom(slab), EPS);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("\"a brown stone slab\" stands on the floor")), p.notes().toString());
        // the ball rolls on the floor to the picture's left (+x with the camera looking along +z)
        assertEquals(0, bottom(ball), EPS);
        assertTrue(ball.velocity().x() > 0 && ball.velocity().y() == 0 && ball.velocity().z() == 0, ball.velocity().toString());
        assertTrue(s.camera().lookAt().z() > s.camera().position().z(), "the camera looks along +z");
        // in sight at the start, hidden when it passes the slab, in sight again beyond it
        assertFalse(hiddenBehind(s, ball.position(), slab), "in sight at the start");
        assertTrue(hiddenBehind(s, new Vec3(slab.position().x(), ball.position().y(), ball.position().z()), slab), "hidden behind the slab");
        double beyond = slab.position().x() + (slab.position().x() - ball.position().x());
        assertFalse(hiddenBehind(s, new Vec3(beyond, ball.position().y(), ball.position().z()), slab), "out on the other side");
        // it gets there within the film: 0.8 m/s over 4 s
        assertTrue((beyond - ball.position().x()) / ball.velocity().x() < s.seconds(), "out within the film");
    }

    @Test
    void toTheLeftOrRightSaysWhichWayAMoverGoesAcrossThePicture() {
        assertTrue(parse("a ball rolls to the left").scene().objects().getFirst().velocity().x() > 0);
        assertTrue(parse("a ball rolls to the right").scene().objects().getFirst().velocity().x() < 0);
        assertTrue(parse("a box slides leftwards").scene().objects().getFirst().velocity().x() > 0);
        Vec3 thrown = parse("a ball is thrown to the right").scene().objects().getFirst().velocity();
        assertTrue(thrown.x() < 0 && thrown.y() > 0, thrown.toString());
        // a place, not a way: "to the left of" still arranges
        Scene s = parse("a red ball rolls to the left of a blue cube").scene();
        assertTrue(named(s, "red-rubber-ball").position().x() > named(s, "blue-wood-cube").position().x(), "the ball on the cube's left");
        for (String prompt : List.of("a ball rolls to the left", "a box slides leftwards", "a ball is thrown to the right")) {
            assertEquals(List.of(), parse(prompt).ignoredWords(), prompt);
        }
    }

    @Test
    void aMoverHeadsForWhatItRollsIntoOrTowardsAndThatStandsOnTheFloor() {
        for (String prompt : List.of("a ball rolls across the floor and hits a red cube", "a box slides and knocks into a brick", "a ball hits a cube",
                "a steel ball strikes a wooden block",
                "a ball rolls into a row of dominoes", "a steel ball rolls into a row of 8 red wooden dominoes",
                "a ball rolls towards a red cube", "a ball rolls into a wooden block", "a wooden box slides toward a brick")) {
            PromptParser.Parse p = parse(prompt);
            assertEquals(List.of(), p.ignoredWords(), prompt);
            Scene s = p.scene();
            SceneObject mover = s.objects().getFirst();
            assertTrue(mover.velocity().length() > 0, prompt);
            for (SceneObject o : s.objects().subList(1, s.objects().size())) {
                assertEquals(0, bottom(o), 1e-6, prompt + ": " + o.id() + " stands on the floor");
                assertTrue(Math.signum(mover.velocity().x()) == Math.signum(o.position().x() - mover.position().x()),
                        prompt + ": " + mover.id() + " at " + mover.position() + " moving " + mover.velocity() + " heads for " + o.id() + " at "
                                + o.position());
            }
        }
    }

    @Test
    void apartStepsTiltedTossedUpRestingOffCentreAndOnItsSide() {
        // "11 cm apart": centre to centre, in a row; a row closer than the things themselves is refused
        Scene s = parse("a ball rolls into a row of 4 dominoes 11 cm apart").scene();
        List<SceneObject> dominoes = s.objects().stream().filter(o -> o.shape() == Shape.DOMINO).toList();
        for (int k = 1; k < dominoes.size(); k++) {
            assertEquals(0.11, dominoes.get(k).position().x() - dominoes.get(k - 1).position().x(), 1e-6);
        }
        assertTrue(parse("a ball rolls into a row of 4 dominoes 11 cm apart").notes().stream().anyMatch(n -> n.contains("do not reach one another")),
                "dominoes farther apart than they are tall: a note");
        assertTrue(parse("a ball rolls into a row of 4 dominoes 3 cm apart").notes().stream().noneMatch(n -> n.contains("do not reach")));
        s = parse("two balls 50 cm apart").scene();
        assertEquals(0.5, Math.abs(s.objects().get(1).position().x() - s.objects().get(0).position().x()), 1e-6);
        PromptException close = org.junit.jupiter.api.Assertions.assertThrows(PromptException.class, () -> parse("two balls 5 cm apart"));
        assertTrue(close.getMessage().contains("apart, closer than their own"), close.getMessage());
        // "a ramp 20 degrees steep"
        SceneObject ramp = parse("a ball rolls down a wooden ramp 20 degrees steep").scene().objects().stream()
                .filter(o -> o.shape() == Shape.WEDGE).findFirst().orElseThrow();
        assertEquals(20, Math.toDegrees(Math.atan2(ramp.size().y(), ramp.size().x())), 0.05, "the ramp's sizes are kept to the millimetre");
        // "tossed up": straight up; "a tilted cube": turned, its lowest corner at the drop height
        Vec3 up = parse("a ball is tossed up").scene().objects().getFirst().velocity();
        assertTrue(up.x() == 0 && up.z() == 0 && up.y() > 0, up.toString());
        SceneObject tilted = parse("a tilted cube drops from 1 m").scene().objects().getFirst();
        assertFalse(tilted.rotation().equals(dev.diorama.scene.Quat.IDENTITY));
        assertEquals(1, bottom(tilted), 1e-5);
        // "a resting ball": it stands on the floor even with nothing moving; "off-centre": the mover's path passes beside its centre
        assertEquals(0, bottom(parse("a resting red ball").scene().objects().getFirst()), EPS);
        s = parse("a steel ball rolls into a resting wooden ball off-centre, a glancing blow").scene();
        SceneObject mover = named(s, "steel-ball"), still = named(s, "wood-ball");
        assertEquals(0, bottom(still), EPS);
        assertTrue(Math.signum(mover.velocity().x()) == Math.signum(still.position().x() - mover.position().x()));
        double offset = Math.abs(mover.position().z() - still.position().z());
        assertTrue(offset > 0.05 && offset < 0.2, "the paths' offset " + offset + " m: a glancing blow, not a miss");
        // "a cylinder lying on its side": its axis along z, even without rolling
        SceneObject log = parse("a steel cylinder lying on its side").scene().objects().getFirst();
        assertTrue(Math.abs(log.halfHeight() - log.size().x() / 2) < 1e-9, "on its side: as high as it is wide");
        for (String prompt : List.of("a ball is tossed up", "a tilted cube drops from 1 m", "a resting red ball",
                "a steel ball rolls into a resting wooden ball off-centre, a glancing blow", "a steel cylinder lying on its side",
                "a ball rolls down a wooden ramp 20 degrees steep", "two balls 50 cm apart")) {
            assertEquals(List.of(), parse(prompt).ignoredWords(), prompt);
        }
    }

    @Test
    void aBallOnARodOrAStringIsAPendulumThatSwingsFromTheAngleSaidAndStrikesWhatIsNamed() {
        Scene s = parse("a steel ball hanging from a 1 m wire swings from 30 degrees").scene();
        SceneObject bob = bob(s);
        Vec3 pivot = pivot(s);
        Vec3 arm = bob.position().minus(pivot);
        assertEquals(1, arm.length(), 1e-3);
        assertEquals(30, Math.toDegrees(Math.atan2(-arm.x(), -arm.y())), 0.01);
        assertEquals(dev.diorama.scene.Material.STEEL, bob.material());
        // a string without a length: the pendulum's own 80 cm; "like a pendulum" makes no second one
        s = parse("a red ball on a string swings like a pendulum").scene();
        assertEquals(1, s.objects().stream().filter(o -> o.shape() == Shape.BALL).count(), s.objects().toString());
        // "and strikes a white ball": it stands on the floor just past the bottom of the swing, and the bob skims 2 cm over the floor
        s = parse("a ball on a 0.6 m rod swings down from 40 degrees and strikes a white wooden ball").scene();
        SceneObject struck = named(s, "white-wood-ball");
        bob = bob(s);
        pivot = pivot(s);
        assertEquals(0, bottom(struck), EPS);
        assertEquals(0.02, pivot.y() - 0.6 - bob.size().y() / 2, 1e-6);
        assertTrue(struck.position().x() > pivot.x(), "on the side the bob swings to");
        for (String prompt : List.of("a steel ball hanging from a 1 m wire swings from 30 degrees", "a red ball on a string swings like a pendulum",
                "a ball on a 0.6 m rod swings down from 40 degrees and strikes a white wooden ball")) {
            assertEquals(List.of(), parse(prompt).ignoredWords(), prompt);
        }
        PromptException cube = org.junit.jupiter.api.Assertions.assertThrows(PromptException.class, () -> parse("a cube on a string swings"));
        assertTrue(cube.getMessage().contains("expected a ball"), cube.getMessage());
        PromptException wide = org.junit.jupiter.api.Assertions.assertThrows(PromptException.class,
                () -> parse("a ball on a 1 m rod swings from 120 degrees"));
        assertTrue(wide.getMessage().contains("at most 90 degrees"), wide.getMessage());
    }

    @Test
    void speedsAndMannersSetHowFastAMoverGoes() {
        assertEquals(new Vec3(-2, 0, 0), parse("a ball rolls at 2 m/s").scene().objects().getFirst().velocity());
        assertEquals(new Vec3(0.4, 0, 0), parse("a ball rolls slowly to the left").scene().objects().getFirst().velocity());
        assertEquals(-1.6, parse("a ball rolls fast").scene().objects().getFirst().velocity().x(), EPS);
        assertEquals(5, parse("a ball is thrown at 5 metres per second").scene().objects().getFirst().velocity().length(), 1e-9);
        assertEquals(7 / 3.6, parse("a box slides at 7 km/h").scene().objects().getFirst().velocity().length(), 1e-9);
        assertEquals(3 * 1609.344 / 3600, parse("a ball rolls at 3 mph").scene().objects().getFirst().velocity().length(), 1e-9);
        assertEquals(5 * 1609.344 / 3600, parse("a ball rolls at 5 miles per hour").scene().objects().getFirst().velocity().length(), 1e-9);
        // "rolls past a cube": in front of it, from beside it, across its front; the cube stands
        Scene past = parse("a ball rolls to the left past a red cube").scene();
        SceneObject ball = named(past, "rubber-ball"), cube = named(past, "red-wood-cube");
        assertTrue(ball.position().z() < cube.position().z() - 0.15, "in front of the cube (nearer the camera)");
        assertTrue(ball.position().x() < cube.position().x() - 0.2 && ball.velocity().x() > 0, "from its right, going left");
        assertEquals(0, bottom(cube), EPS);
        // with words between the verb and what it heads for
        for (String prompt : List.of("a ball rolls at 2 m/s towards a red cube", "a ball rolls slowly into a cube",
                "a ball rolls across the floor into a row of dominoes", "a ball rolls at 2 m/s", "a ball rolls slowly to the left",
                "a ball rolls fast", "a ball is thrown at 5 metres per second", "a box slides at 7 km/h", "a ball rolls at 3 mph",
                "a ball rolls at 5 miles per hour")) {
            PromptParser.Parse p = parse(prompt);
            assertEquals(List.of(), p.ignoredWords(), prompt);
            Scene s = p.scene();
            SceneObject mover = s.objects().getFirst();
            for (SceneObject o : s.objects().subList(1, s.objects().size())) {
                assertTrue(Math.signum(mover.velocity().x()) == Math.signum(o.position().x() - mover.position().x()), prompt + ": heads for " + o.id());
            }
        }
        PromptException fast = org.junit.jupiter.api.Assertions.assertThrows(PromptException.class, () -> parse("a ball rolls at 200 m/s"));
        assertTrue(fast.getMessage().contains("at most 50 m/s"), fast.getMessage());
    }

    @Test
    void withoutAMoverEveryObjectStillFallsAndIntoAVesselIsStillInside() {
        for (SceneObject o : parse("a red ball and a blue cube").scene().objects()) {
            assertEquals(Staging.DEFAULT_DROP_HEIGHT, bottom(o), EPS, o.id());
        }
        Scene s = parse("a marble rolls into a bowl").scene();
        SceneObject bowl = named(s, "ceramic-bowl"), marble = named(s, "glass-marble");
        assertEquals(bowl.position().x(), marble.position().x(), EPS, "the marble starts over the bowl, as before");
        assertEquals(bowl.position().z(), marble.position().z(), EPS);
    }
}
