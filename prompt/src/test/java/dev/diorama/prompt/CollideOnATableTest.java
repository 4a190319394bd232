package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "two balls collide on a table": the halves start at the table's two ends, on its top, in one
 * line, sent at each other as two halves meet on the floor; billiard balls are phenolic resin.
 */
class CollideOnATableTest {
    private static Scene scene(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS).scene();
    }

    @Test
    void twoThingsCollideOnATableFromItsEnds() {
        for (String prompt : List.of("two balls collide on a table", "a cue ball and a red billiard ball collide on a table")) {
            Scene s = scene(prompt);
            SceneObject table = s.objects().stream().filter(o -> o.shape() == Shape.TABLE).findFirst().orElseThrow();
            List<SceneObject> balls = s.objects().stream().filter(o -> o.shape() == Shape.BALL).toList();
            assertEquals(2, balls.size(), prompt);
            double top = table.position().y() + table.size().y() / 2;
            SceneObject a = balls.get(0), b = balls.get(1);
            for (SceneObject o : balls) {
                assertEquals(top, o.position().y() - o.size().y() / 2, 1e-3, prompt + ": " + o.id() + " on the top");
                assertTrue(Math.abs(o.position().x() - table.position().x()) < table.size().x() / 2, prompt + ": over the table");
                assertEquals(1.5, Math.abs(o.velocity().x()), 1e-9, prompt);
                // each heads for the other
                assertTrue(Math.signum(o.velocity().x()) == Math.signum((o == a ? b : a).position().x() - o.position().x()), prompt);
            }
            assertEquals(a.position().z(), b.position().z(), 1e-9, prompt + ": in one line");
            // from the ends: more than half the table's length apart
            assertTrue(Math.abs(a.position().x() - b.position().x()) > table.size().x() / 2, prompt);
        }
        Scene billiards = scene("a cue ball and a red billiard ball collide on a table");
        for (SceneObject o : billiards.objects()) {
            if (o.shape() == Shape.BALL) assertEquals(Material.RESIN, o.material(), o.id());
        }
    }

    /**
     * "two billiard balls collide on a pool table": a 9 ft table of cloth, the balls on its cloth
     * inside the cushions at its two ends, and the camera high enough to see them over the near
     * cushion.
     */
    @Test
    void billiardBallsCollideOnThePoolTablesCloth() {
        PromptParser.Parse p = PromptParser.parse("two billiard balls collide on a pool table", PromptParser.Options.DEFAULTS);
        Scene s = p.scene();
        SceneObject table = s.objects().stream().filter(o -> o.shape() == Shape.POOL_TABLE).findFirst().orElseThrow();
        assertEquals(Material.CLOTH, table.material());
        assertTrue(table.fixed());
        double[] bed = dev.diorama.scene.Solids.poolTable(table.size());
        for (SceneObject o : s.objects()) {
            if (o.shape() != Shape.BALL) continue;
            assertEquals(Material.RESIN, o.material());
            double x = o.position().x() - table.position().x(), r = o.size().x() / 2;
            assertTrue(x - r > bed[0] && x + r < bed[1], o.id() + " inside the cushions");
            assertEquals(table.position().y() + bed[4], o.position().y() - r, 1e-3, o.id() + " on the cloth");
        }
        // looking down at 35 degrees
        dev.diorama.scene.Vec3 look = s.camera().lookAt().minus(s.camera().position());
        assertEquals(35, Math.toDegrees(Math.asin(-look.y() / look.length())), 0.5);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("to see the balls on its cloth")), p.notes().toString());
    }

    /**
     * "a cue ball breaks a rack of fifteen billiard balls on a pool table": the balls racked in a
     * triangle of touching balls (rows of 1 to 5, in pool's colours, the 8 black), its apex on the
     * foot spot (a quarter of the cloth's length from its end) and the cue ball on the head spot in
     * line with it, struck at a break's 9 m/s; the physics stepped often enough (3840 a second) for
     * the hit to pass ball to ball and for the cue ball not to pass through the apex.
     */
    @Test
    void aBreakRacksTheBallsOnTheFootSpotAndSendsTheCueBallAtThemFromTheHeadSpot() {
        Scene s = scene("a cue ball breaks a rack of fifteen billiard balls on a pool table");
        SceneObject table = s.objects().stream().filter(o -> o.shape() == Shape.POOL_TABLE).findFirst().orElseThrow();
        double[] bed = dev.diorama.scene.Solids.poolTable(table.size());
        double length = bed[1] - bed[0], x0 = table.position().x() + bed[0];
        SceneObject cue = s.objects().stream().filter(o -> o.id().contains("cue-ball")).findFirst().orElseThrow();
        List<SceneObject> rack = s.objects().stream().filter(o -> o.id().contains("billiard-ball")).toList();
        assertEquals(15, rack.size());
        assertEquals(x0 + length / 4, cue.position().x(), 1e-6, "the cue ball on the head spot");
        assertEquals(9.0, cue.velocity().x(), 1e-9, "a break's speed, toward the rack");
        SceneObject apex = rack.stream().min(java.util.Comparator.comparingDouble(o -> o.position().x())).orElseThrow();
        assertEquals(x0 + 3 * length / 4, apex.position().x(), 1e-6, "the apex on the foot spot");
        assertEquals(cue.position().z(), apex.position().z(), 1e-9, "in line");
        double d = apex.size().x();
        int touching = 0;
        for (int i = 0; i < rack.size(); i++) {
            for (int j = i + 1; j < rack.size(); j++) {
                double gap = rack.get(i).position().minus(rack.get(j).position()).length() - d;
                assertTrue(gap > 0, "no two overlap");
                if (gap < 0.001) touching++;
            }
        }
        assertEquals(30, touching, "a triangle of five rows has 30 pairs of neighbours, each within a millimetre");
        assertTrue(rack.stream().anyMatch(o -> o.color().equals(dev.diorama.scene.Colors.named("black"))), "the 8 ball");
        assertTrue(s.physicsRate() >= Props.RACK_PHYSICS_RATE, "stepped at " + s.physicsRate());
        // framed on the table: the cushions keep the cue ball on it, however fast it is sent
        assertEquals(table.position().x(), s.camera().lookAt().x(), 0.2, "the camera looks at the table");
    }

    /**
     * "a rack of ten billiard balls on the floor": a triangle of touching balls, as on a table (pins
     * stand 12 in apart instead). Said with no floor, pool balls stand on a pool table.
     */
    @Test
    void aRackOfBallsOnTheFloorTouches() {
        Scene s = scene("a rack of ten billiard balls on the floor");
        List<SceneObject> balls = s.objects().stream().filter(o -> o.shape() == Shape.BALL).toList();
        assertEquals(10, balls.size());
        int touching = 0;
        for (int i = 0; i < balls.size(); i++) {
            for (int j = i + 1; j < balls.size(); j++) {
                double gap = balls.get(i).position().minus(balls.get(j).position()).length() - balls.get(i).size().x();
                assertTrue(gap > 0, "no two overlap");
                if (gap < 0.001) touching++;
            }
            assertEquals(balls.get(i).size().x() / 2, balls.get(i).position().y(), 1e-6, "on the floor");
        }
        assertEquals(18, touching, "a triangle of four rows has 18 pairs of neighbours");
    }

    /**
     * "the cue ball hits the 8 ball": a number before a singular "ball" names a pool ball (in its
     * colour, 57 mm of resin), pool balls with nothing said to hold them stand on a pool table, a
     * pool table with no place said stands in a pool hall, and the shot goes at a pool stroke's 2 m/s
     * from the head spot toward the ball on the foot spot. A plain ball where pool is spoken of is a
     * pool ball; a number before "balls" still counts them.
     */
    @Test
    void theEightBallIsOneBlackPoolBallOnAPoolTableInAPoolHall() {
        for (String prompt : List.of("the cue ball hits the 8 ball", "the cue ball hits the eight-ball",
                "a cue ball hits the eight ball on a pool table")) {
            PromptParser.Parse p = PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
            Scene s = p.scene();
            SceneObject table = s.objects().stream().filter(o -> o.shape() == Shape.POOL_TABLE).findFirst().orElseThrow();
            List<SceneObject> balls = s.objects().stream().filter(o -> o.shape() == Shape.BALL).toList();
            assertEquals(2, balls.size(), prompt);
            SceneObject eight = balls.stream().filter(o -> o.id().contains("eight-ball")).findFirst().orElseThrow();
            SceneObject cue = balls.stream().filter(o -> o.id().contains("cue-ball")).findFirst().orElseThrow();
            assertEquals(Material.RESIN, eight.material(), prompt);
            assertEquals(0.057, eight.size().x(), 1e-9, prompt);
            assertEquals(dev.diorama.scene.Colors.named("black"), eight.color(), prompt);
            double[] bed = dev.diorama.scene.Solids.poolTable(table.size());
            double length = bed[1] - bed[0], x0 = table.position().x() + bed[0];
            assertEquals(x0 + length / 4, cue.position().x(), 1e-6, prompt + ": the cue ball on the head spot");
            assertEquals(x0 + 3 * length / 4, eight.position().x(), 1e-6, prompt + ": the eight ball on the foot spot");
            assertEquals(Arranging.SHOT_SPEED, cue.velocity().x(), 1e-9, prompt + ": a pool stroke, toward it");
            assertEquals(dev.diorama.scene.Environment.Kind.INDOOR, s.environment().kind(), prompt + ": in a pool hall");
            assertEquals(Material.OAK, s.environment().floor(), prompt);
        }
        Scene three = scene("the cue ball hits the 3 ball on a pool table");
        SceneObject red = three.objects().stream().filter(o -> o.id().contains("three-ball")).findFirst().orElseThrow();
        assertEquals(dev.diorama.scene.Colors.named("red"), red.color(), "the 3 is red");
        Scene plain = scene("a white ball hits a black ball on a billiard table");
        for (SceneObject o : plain.objects()) {
            if (o.shape() == Shape.BALL) assertEquals(0.057, o.size().x(), 1e-9, o.id() + ": a pool ball");
        }
        assertEquals(8, scene("the eight balls drop on a pool table").objects().stream().filter(o -> o.shape() == Shape.BALL).count(),
                "\"the eight balls\" counts them");
        assertEquals(Material.RUBBER, scene("a ball falls onto the floor").objects().getFirst().material(), "no pool, no pool ball");
        assertEquals(3, scene("three ball drop").objects().stream().filter(o -> o.shape() == Shape.BALL).count(),
                "a number before a singular ball counts, where pool is not spoken of");
    }
}
