package dev.diorama.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exam's captions (what {@code eval-physics --export} gives another model as its prompts) are
 * words Diorama itself understands, and the scene it makes of each agrees with the scenario's on
 * what the caption says: which way things go, what stands, spacings, angles, tilts and tosses.
 * Before the seventeenth session 13 of the 68 were understood.
 */
class SuiteCaptionsTest {
    private static Scene parsed(Scenario s) {
        PromptParser.Parse p = PromptParser.parse(s.caption(), PromptParser.Options.DEFAULTS);
        assertEquals(List.of(), p.ignoredWords(), s.id() + ": " + s.caption());
        return p.scene();
    }

    private static List<SceneObject> moving(Scene s) {
        return s.objects().stream().filter(o -> o.velocity().length() > 0).toList();
    }

    private static double bottom(SceneObject o) {
        return o.position().y() - o.halfHeight();
    }

    @Test
    void everyCaptionIsUnderstoodAndAgreesWithItsScenario() {
        for (Scenario s : Suite.all()) {
            Scene words = parsed(s), truth = s.scene();
            String at = s.id() + ": " + s.caption();
            List<SceneObject> movers = moving(words), truthMovers = moving(truth);
            switch (s.family()) {
                case FALL -> {
                    SceneObject o = words.objects().getFirst(), t = truth.objects().getFirst();
                    // the caption gives the height to 0.1 m ("from 1.0 m"; a tilted box's lowest corner starts a little higher)
                    assertEquals(bottom(t), bottom(o), 0.05 + 1e-6, at + ": the drop height");
                    assertEquals(t.velocity().y() > 0, o.velocity().y() > 0, at + ": tossed up or dropped");
                    assertEquals(!t.rotation().equals(Quat.IDENTITY), !o.rotation().equals(Quat.IDENTITY), at + ": tilted or not");
                }
                case COLLISION -> {
                    assertEquals(truthMovers.size(), movers.size(), at + ": how many move");
                    if (movers.size() == 1) {
                        SceneObject m = movers.getFirst(), still = words.objects().stream().filter(o -> o != m).findFirst().orElseThrow();
                        assertEquals(0, bottom(still), 1e-6, at + ": the resting ball stands on the floor");
                        assertTrue(Math.signum(m.velocity().x()) == Math.signum(still.position().x() - m.position().x()), at + ": heads for it");
                        assertTrue(Math.abs(m.position().z() - still.position().z()) > 0.05, at + ": off-centre");
                    }
                }
                case ROLLING, PERMANENCE -> {
                    assertEquals(1, movers.size(), at);
                    assertEquals(Math.signum(truthMovers.getFirst().velocity().x()), Math.signum(movers.getFirst().velocity().x()),
                            at + ": to the left or right");
                    if (truthMovers.getFirst().shape() == Shape.CYLINDER) {
                        assertFalse(movers.getFirst().rotation().equals(Quat.IDENTITY), at + ": lying on its side");
                    }
                    for (SceneObject o : words.objects()) assertEquals(0, bottom(o), 1e-6, at + ": " + o.id() + " on the floor");
                }
                case TOPPLING -> {
                    SceneObject ball = movers.getFirst();
                    List<SceneObject> dominoes = words.objects().stream().filter(o -> o.shape() == Shape.DOMINO).toList();
                    // the exam's dominoes are boxes 30 cm tall; the words make real ones, at the caption's spacing
                    List<SceneObject> truthDominoes = truth.objects().stream().filter(o -> o.velocity().length() == 0).toList();
                    assertEquals(truthDominoes.size(), dominoes.size(), at);
                    assertEquals(truthDominoes.get(1).position().x() - truthDominoes.get(0).position().x(),
                            dominoes.get(1).position().x() - dominoes.get(0).position().x(), 0.005, at + ": the spacing");
                    assertTrue(Math.signum(ball.velocity().x()) == Math.signum(dominoes.getFirst().position().x() - ball.position().x()),
                            at + ": the ball heads for the row");
                }
                case RAMP -> {
                    SceneObject ramp = words.objects().stream().filter(o -> o.shape() == Shape.WEDGE).findFirst().orElseThrow(),
                            truthRamp = truth.objects().stream().filter(o -> o.shape() == Shape.WEDGE).findFirst().orElseThrow();
                    assertEquals(Math.toDegrees(Math.atan2(truthRamp.size().y(), truthRamp.size().x())),
                            Math.toDegrees(Math.atan2(ramp.size().y(), ramp.size().x())), 0.5, at + ": the ramp's angle");
                }
                case PENDULUM -> {
                    // the bob hangs from the pivot at the caption's length, let go at its angle
                    SceneObject bob = words.objects().stream().filter(o -> o.id().endsWith("pendulum")).findFirst().orElseThrow(),
                            truthBob = truth.object("bob");
                    Vec3 pivot = words.joints().stream().filter(j -> j.b() != null && j.b().endsWith("bar")).findFirst().orElseThrow().anchor(),
                            truthPivot = truth.joints().getFirst().anchor();
                    Vec3 arm = bob.position().minus(pivot), truthArm = truthBob.position().minus(truthPivot);
                    assertEquals(truthArm.length(), arm.length(), 0.05 + 1e-6, at + ": the rod's length (the caption gives it to 0.1 m)");
                    assertEquals(Math.toDegrees(Math.atan2(Math.abs(truthArm.x()), -truthArm.y())), Math.toDegrees(Math.atan2(Math.abs(arm.x()), -arm.y())),
                            0.5 + 1e-6, at + ": the angle it is let go from (the caption gives whole degrees)");
                    // "and strikes a white wooden ball": a ball on the floor in the bob's path, just past the bottom of the swing
                    SceneObject truthTarget = truth.object("target");
                    List<SceneObject> others = words.objects().stream().filter(o -> o.shape() == Shape.BALL && o != bob).toList();
                    assertEquals(truthTarget == null ? 0 : 1, others.size(), at + ": what it strikes");
                    if (truthTarget != null) {
                        SceneObject target = others.getFirst();
                        double lowest = pivot.y() - arm.length();
                        assertEquals(0, bottom(target), 1e-6, at + ": on the floor");
                        assertTrue(Math.signum(target.position().x() - pivot.x()) == -Math.signum(arm.x()), at + ": on the side the bob swings to");
                        assertTrue(lowest > bottom(target) && lowest < target.position().y() + target.halfHeight(), at + ": at the bob's height");
                        assertTrue(Math.abs(target.position().x() - pivot.x()) < bob.size().x() / 2 + target.size().x() / 2 + 0.05,
                                at + ": just past the bottom of the swing");
                    }
                }
            }
        }
    }
}
