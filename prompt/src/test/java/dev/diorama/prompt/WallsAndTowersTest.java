package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Stacks;
import dev.diorama.scene.Vec3;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "a brick wall", "a wall of 20 bricks", "a jenga tower", "a wrecking ball smashes into a wall of
 * bricks": walls laid in a bond across the line things come along, Jenga blocks in crossed layers,
 * and a wrecking ball swung into a wall at half its height.
 */
class WallsAndTowersTest {
    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
    }

    private static List<SceneObject> of(Scene s, Shape shape) {
        return s.objects().stream().filter(o -> o.shape() == shape).toList();
    }

    /** The bricks by course (their bottoms, to the micrometre). */
    private static Map<Long, List<SceneObject>> courses(List<SceneObject> bricks) {
        Map<Long, List<SceneObject>> out = new TreeMap<>();
        for (SceneObject b : bricks) {
            out.computeIfAbsent(Math.round((b.position().y() - b.halfHeight()) * 1e6), k -> new java.util.ArrayList<>()).add(b);
        }
        return out;
    }

    @Test
    void aBrickWallIsABondedWallOfBricksAcrossTheLineOfAction() {
        for (String prompt : List.of("a brick wall", "a wall of bricks")) {
            PromptParser.Parse p = parse(prompt);
            List<SceneObject> bricks = of(p.scene(), Shape.BRICK);
            assertEquals(PromptReader.WALL_BRICKS, bricks.size(), prompt);
            Map<Long, List<SceneObject>> courses = courses(bricks);
            int k = 0;
            double h = bricks.getFirst().size().y();
            List<SceneObject> below = null;
            double whole = bricks.getFirst().size().x();
            for (Map.Entry<Long, List<SceneObject>> c : courses.entrySet()) {
                assertEquals(k * h, c.getKey() / 1e6, 1e-6, prompt + ": course " + k + " laid on the one below");
                List<SceneObject> row = c.getValue();
                boolean complete = k < courses.size() - 1;
                if (complete) assertEquals(k % 2 == 0 ? 8 : 9, row.size(), prompt + ": course " + k);
                for (SceneObject b : row) {
                    assertEquals(Material.BRICK, b.material());
                    // turned a quarter: its length runs along z, across the line things come along (x)
                    double half = b.halfExtent(new Vec3(0, 0, 1));
                    assertEquals(b.size().x() / 2, half, 1e-6, prompt + ": along z");
                    assertEquals(bricks.getFirst().position().x(), b.position().x(), 1e-9, prompt + ": one wall");
                    // whole bricks, and half ones (bats) only at the ends of the courses that bond
                    boolean bat = b.size().x() < whole - 1e-9;
                    if (bat) assertEquals(whole / 2 - 0.001, b.size().x(), 1e-9, prompt);
                    if (below == null) continue;
                    // it lies wholly on the course below: both its ends over a brick there
                    for (double end : new double[] {b.position().z() - half + 0.001, b.position().z() + half - 0.001}) {
                        assertTrue(below.stream().anyMatch(u -> Math.abs(u.position().z() - end) <= u.size().x() / 2),
                                prompt + ": " + b.id() + "'s end at z = " + end + " is over nothing");
                    }
                    // and a whole one in a complete course bridges a joint: it rests on two bricks
                    long under = below.stream().filter(u -> Math.abs(u.position().z() - b.position().z()) < (u.size().x() + b.size().x()) / 2 - 1e-6).count();
                    if (complete && !bat) assertEquals(2, under, prompt + ": " + b.id() + " bridges a joint");
                }
                below = row;
                k++;
            }
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("three quarters")), prompt + ": " + p.notes());
            // the camera looks at the wall's face, not along it
            Vec3 look = p.scene().camera().lookAt().minus(p.scene().camera().position());
            assertEquals(Staging.WALL_YAW, Math.toDegrees(Math.atan2(look.x(), look.z())), 0.5, prompt);
            assertEquals(Stacks.TALL_RATE, p.scene().physicsRate(), prompt + ": a tall stack steps often");
        }
        assertEquals(20, of(parse("a wall of 20 bricks").scene(), Shape.BRICK).size());
        // a wall on a table stands on its top
        Scene onTable = parse("a wall of 20 bricks on a table").scene();
        SceneObject table = of(onTable, Shape.TABLE).getFirst();
        double top = table.position().y() + table.size().y() / 2;
        double lowest = of(onTable, Shape.BRICK).stream().mapToDouble(b -> b.position().y() - b.halfHeight()).min().orElseThrow();
        assertEquals(top, lowest, 1e-3, "on the table's top");
    }

    @Test
    void aJengaTowerIsEighteenCrossedLayersOfThreeBlocks() {
        for (String prompt : List.of("a jenga tower", "a tower of jenga blocks", "a jenga tower on a table")) {
            Scene s = parse(prompt).scene();
            List<SceneObject> blocks = s.objects().stream().filter(o -> o.id().contains("jenga-block")).toList();
            assertEquals(PromptReader.JENGA_BLOCKS, blocks.size(), prompt);
            Map<Long, List<SceneObject>> layers = courses(blocks);
            assertEquals(18, layers.size(), prompt);
            int k = 0;
            double base = layers.keySet().iterator().next() / 1e6;
            for (Map.Entry<Long, List<SceneObject>> layer : layers.entrySet()) {
                assertEquals(base + k * 0.015, layer.getKey() / 1e6, 1e-6, prompt + ": layer " + k);
                assertEquals(3, layer.getValue().size(), prompt);
                for (SceneObject b : layer.getValue()) {
                    assertEquals(new Vec3(0.075, 0.015, 0.025), b.size(), prompt);
                    // the even layers lie along x, the odd ones across them
                    double alongX = b.halfExtent(new Vec3(1, 0, 0));
                    assertEquals(k % 2 == 0 ? 0.0375 : 0.0125, alongX, 1e-6, prompt + ": layer " + k);
                }
                k++;
            }
            assertEquals(Stacks.TALL_RATE, s.physicsRate(), prompt);
        }
        // other stacks on a table stand one on another, as on the floor
        List<SceneObject> tower = of(parse("a stack of five blocks on a table").scene(), Shape.CUBE);
        assertEquals(5, tower.size());
        for (int i = 1; i < tower.size(); i++) {
            assertEquals(tower.get(0).position().x(), tower.get(i).position().x(), 1e-9);
            assertTrue(tower.get(i).position().y() > tower.get(i - 1).position().y(), "one on another");
        }
    }

    @Test
    void aWreckingBallSwingsIntoTheWallAtHalfItsHeight() {
        PromptParser.Parse p = parse("a wrecking ball smashes into a wall of bricks");
        Scene s = p.scene();
        SceneObject ball = s.objects().stream().filter(o -> o.id().equals("steel-wrecking-ball")).findFirst().orElseThrow();
        assertEquals(Material.STEEL, ball.material());
        assertEquals(0.5, ball.size().x(), 1e-9);
        List<SceneObject> bricks = of(s, Shape.BRICK);
        assertEquals(PromptReader.WALL_BRICKS, bricks.size());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("a pendulum of 3 m, released 45 degrees out")), p.notes().toString());
        // the pivot: 3 m above the ball's centre, released 45 degrees out toward -x
        dev.diorama.scene.Joint.Pivot top = s.joints().stream().filter(j -> j instanceof dev.diorama.scene.Joint.Pivot pv && pv.b().endsWith("-bar"))
                .map(j -> (dev.diorama.scene.Joint.Pivot) j).findFirst().orElseThrow();
        Vec3 pivot = top.anchor();
        double bottomY = pivot.y() - 3.0;   // the ball's centre at the bottom of its swing
        double wallTop = bricks.stream().mapToDouble(b -> b.position().y() + b.halfHeight()).max().orElseThrow();
        assertEquals(wallTop / 2, bottomY, 0.02, "it strikes the wall at half its height");
        double face = bricks.stream().mapToDouble(b -> b.position().x() - b.halfExtent(new Vec3(1, 0, 0))).min().orElseThrow();
        assertEquals(pivot.x() + 0.25 + 0.02, face, 1e-3, "the wall's face 2 cm past the ball at the bottom");
        assertEquals(45, Math.toDegrees(Math.atan2(pivot.x() - ball.position().x(), pivot.y() - ball.position().y())), 0.5);
    }
}
