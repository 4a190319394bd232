package dev.diorama.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exam's captions (what {@code eval-physics --export} gives another model as its prompts) are
 * words Diorama itself understands, and the scene it makes of each agrees with the scenario's on
 * what the caption says: which way things go, what stands, spacings, angles, tilts and tosses.
 * The pendulum family's captions ("a ball on a 0.8 m rod swings like a pendulum", "... and strikes
 * a white wooden ball") are not understood yet.
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
    void everyCaptionButThePendulumsIsUnderstoodAndAgreesWithItsScenario() {
        List<String> open = new ArrayList<>();
        for (Scenario s : Suite.all()) {
            if (s.family() == Family.PENDULUM) {
                open.add(s.id());
                continue;
            }
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
                default -> throw new AssertionError(s.family());
            }
        }
        assertEquals(8, open.size(), "the pendulum family's captions, not understood yet: " + open);
    }
}
