package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Liquid;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers behind liquids in words: levels, pours, the dam break, the particle budget, the notes. */
class LiquidWordsTest {
    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
    }

    /** The inside of a vessel up to its rim, m^3, by slices of its inner radius. */
    private static double capacity(SceneObject o) {
        double depth = Solids.cavityDepth(o.shape(), o.size()), floor = o.size().y() - depth, v = 0;
        int n = 2000;
        for (int k = 0; k < n; k++) {
            double r = Math.max(0, Solids.cavityRadius(o.shape(), o.size(), floor + (k + 0.5) * depth / n));
            v += Math.PI * r * r * depth / n;
        }
        return v;
    }

    @Test
    void aTankOfWaterIsFilledToSeventyPercentWithAtMostSixtyThousandParticles() {
        PromptParser.Parse p = parse("a tank of water");
        Scene s = p.scene();
        SceneObject tank = s.objects().getFirst();
        assertEquals(new Vec3(0.6, 0.3, 0.3), tank.size());
        assertTrue(tank.fixed());
        assertEquals(0.15, tank.position().y(), 1e-9, "on the floor");
        Liquid water = s.liquids().getFirst();
        double depth = Solids.cavityDepth(tank.shape(), tank.size());
        assertEquals(0.7 * depth, water.level(), 0.001);
        double t = Solids.tankWall(tank.size());
        double volume = (0.6 - 2 * t) * (0.3 - 2 * t) * water.level();
        double particles = volume / Math.pow(water.spacing(), 3);
        assertTrue(particles <= 20_000 && particles > 10_000, particles + " particles at " + water.spacing());
        assertEquals(0.012, water.spacing(), 1e-12, "the cube root of 30.6 l over 20,000, up to the millimetre");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("60 x 30 x 30 cm") && n.contains("19.9 cm deep")
                && n.contains("30.6 l")), p.notes().toString());
    }

    /**
     * Whether the eye sees the middle of the liquid's surface over the vessel's near rim: along the
     * line from the eye to that point, the height where it crosses the rim's circle (a tank's near
     * wall) is above the rim.
     */
    private static boolean seesTheLiquid(Scene s) {
        Liquid l = s.liquids().getFirst();
        // a pour fills its target to a share of its inside
        SceneObject v = l.in() != null ? s.object(l.in()) : s.objects().stream().filter(o -> o.shape() == dev.diorama.scene.Shape.BOWL)
                .findFirst().orElseThrow();
        double level = l.in() != null ? l.level() : Liquids.POUR_SHARE * Solids.cavityDepth(v.shape(), v.size());
        Vec3 eye = s.camera().position();
        double bottom = v.position().y() - v.size().y() / 2, rim = bottom + v.size().y();
        double depth = Solids.cavityDepth(v.shape(), v.size());
        Vec3 surface = new Vec3(v.position().x(), bottom + v.size().y() - depth + level, v.position().z());
        double horizontal = Math.hypot(eye.x() - surface.x(), eye.z() - surface.z());
        // the near rim: the inner wall's half-width toward the eye (the camera looks along +z)
        double half = v.shape() == dev.diorama.scene.Shape.TANK ? v.size().z() / 2 - Solids.tankWall(v.size())
                : Solids.cavityRadius(v.shape(), v.size(), v.size().y());
        double atRim = surface.y() + (eye.y() - surface.y()) * half / horizontal;
        return atRim > rim;
    }

    @Test
    void theCameraLooksIntoAVesselThatIsNotGlass() {
        for (String prompt : List.of("a bowl of honey", "a bucket of water", "a cup of olive oil", "a pot of water",
                "a bathtub full of water", "a steel ball sinks into a bowl of honey", "a jug pours water into a bowl")) {
            PromptParser.Parse p = parse(prompt);
            assertTrue(seesTheLiquid(p.scene()), prompt + ": the camera at " + p.scene().camera().position()
                    + " sees only the outside of the vessel");
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("a high angle") && n.contains("rim")), prompt + ": " + p.notes());
        }
        // Through glass the liquid shows: the usual camera; and an angle said is kept.
        assertTrue(parse("a glass of water").notes().stream().noneMatch(n -> n.contains("a high angle")));
        assertTrue(parse("a bowl of honey at eye level").notes().stream().noneMatch(n -> n.contains("a high angle")));
    }

    /**
     * Knocking over a vessel of liquid ("a glass of water tips over", "knock over a cup of water",
     * "a glass of water spills"):
     * the vessel is not fixed, and it starts tilted 10 degrees past its outline's diagonal toward
     * +x and pushed at 0.2 m/s, so that it falls onto its side and spills (the simulation's side:
     * sim's LiquidSceneTest). Before the thirteenth session the words kept it standing with a note.
     */
    @Test
    void aGlassOfWaterKnockedOverIsTippedPastItsBalance() {
        for (String prompt : List.of("a glass of water tips over", "knock over a cup of water", "a glass of water spills")) {
            PromptParser.Parse p = parse(prompt);
            Scene s = p.scene();
            SceneObject vessel = s.objects().getFirst();
            assertTrue(!vessel.fixed(), prompt + ": the vessel moves");
            Liquid water = s.liquids().getFirst();
            assertEquals(vessel.id(), water.in(), prompt + ": the water starts in it");
            double diagonal = Math.toDegrees(Math.atan2(vessel.size().x() / 2, vessel.size().y() / 2));
            Vec3 up = vessel.rotation().rotate(new Vec3(0, 1, 0));
            assertEquals(diagonal + 10, Math.toDegrees(Math.acos(up.y())), 1e-6, prompt + ": tilted 10 degrees past its diagonal");
            assertTrue(up.x() > 0 && Math.abs(up.z()) < 1e-9, prompt + ": toward +x, " + up);
            assertEquals(new Vec3(0.2, 0, 0), vessel.velocity(), prompt);
            assertTrue(p.notes().stream().noneMatch(n -> n.contains("stands fixed")), prompt + ": " + p.notes());
        }
        assertEquals(46.87, Math.toDegrees(Math.acos(parse("a glass of water tips over").scene().objects().getFirst().rotation()
                .rotate(new Vec3(0, 1, 0)).y())), 0.01, "a glass 7.5 cm across and 10 cm tall");
    }

    @Test
    void aSmallGlassGetsTheFinestSpacing() {
        assertEquals(0.005, parse("a glass of water").scene().liquids().getFirst().spacing(), 1e-12);
    }

    @Test
    void aJugPoursSixtyPercentOfTheGlassFromItsLipAndTheFilmWaitsForIt() {
        PromptParser.Parse p = parse("water pours from a jug into a glass");
        Scene s = p.scene();
        SceneObject glass = s.object("glass"), jug = s.object("ceramic-jug");
        assertTrue(glass.fixed() && jug.fixed());
        assertTrue(s.liquids().stream().noneMatch(l -> l.in() != null), "the glass starts empty");
        Liquid.Pour pour = s.liquids().getFirst().pour();
        assertNotNull(pour);
        assertEquals(0.6 * capacity(glass), pour.volume(), 0.02 * capacity(glass));
        assertTrue(pour.radius() >= 0.005 && pour.radius() <= 0.008, "radius " + pour.radius());
        assertTrue(pour.velocity().length() >= 0.5 && pour.velocity().length() <= 1, "speed " + pour.velocity());
        assertTrue(pour.velocity().x() > 0 && pour.velocity().y() < 0, "towards the glass (+x) and down: " + pour.velocity());
        assertEquals(0, pour.start());
        // The jug is tipped past level, towards the glass, every corner of it above the glass's rim.
        Vec3 up = jug.rotation().rotate(new Vec3(0, 1, 0));
        assertTrue(up.x() > 0.9 && up.y() < 0, "tipped towards +x past level: " + up);
        double rim = glass.position().y() + glass.size().y() / 2;
        assertTrue(pour.from().y() > rim, "the stream starts above the rim");
        double open = Solids.profile(glass.shape())[Solids.profile(glass.shape()).length - 1][2] * glass.size().x() / 2;
        assertTrue(Math.abs(pour.from().x() - glass.position().x()) + pour.radius() < open, "over the opening");
        List<Vec3> corners = new ArrayList<>();
        Framing.boxCorners(jug, corners);
        // The lip is 1.5 cm over the rim; the box of a tipped jug reaches a little lower than the jug.
        assertTrue(corners.stream().mapToDouble(Vec3::y).min().orElseThrow() > rim - 0.05);
        assertTrue(s.seconds() >= pour.end() + 1, "the film lasts " + s.seconds() + " s for a pour of " + pour.end() + " s");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("water pours from the jug") && n.contains(" s, 0.1")),
                p.notes().toString());
    }

    @Test
    void aFilmTooShortForThePourSaysSo() {
        PromptParser.Parse p = parse("water pours from a jug into a glass for 2 seconds");
        assertEquals(2, p.scene().seconds());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("before the pour has ended")), p.notes().toString());
    }

    @Test
    void honeyIsAThinSlowStreamOntoAPlate() {
        Scene s = parse("honey drips onto a plate").scene();
        SceneObject plate = s.objects().getFirst();
        assertTrue(plate.fixed());
        assertEquals(0.015, plate.size().y(), 1e-9);
        Liquid honey = s.liquids().getFirst();
        assertEquals("honey", honey.kind());
        assertEquals(0.004, honey.pour().radius(), 1e-12);
        assertTrue(honey.pour().velocity().length() <= 0.3);
        assertEquals(0, Math.hypot(honey.pour().from().x() - plate.position().x(), honey.pour().from().z() - plate.position().z()),
                1e-9, "over the plate's middle");
    }

    @Test
    void theDamBreakIsMartinAndMoycesColumn() {
        Scene s = parse("a dam break").scene();
        SceneObject tank = s.objects().getFirst();
        assertEquals(Liquids.DAM_TANK, tank.size());
        Liquid water = s.liquids().getFirst();
        assertNull(water.in());
        double a = water.max().x() - water.min().x(), h = water.max().y() - water.min().y();
        double inside = tank.size().x() - 2 * Solids.tankWall(tank.size());
        assertEquals(inside / 4, a, 0.002);
        assertEquals(2 * a, h, 0.002);
        assertEquals(tank.position().x() - tank.size().x() / 2 + Solids.tankWall(tank.size()), water.min().x(), 0.002,
                "against the -x end");
    }

    @Test
    void twoLiquidsInOneContainerAreRefused() {
        PromptException e = assertThrows(PromptException.class, () -> parse("a tank of honey and oil"));
        assertTrue(e.getMessage().contains("two liquids (honey and oil)"), e.getMessage());
    }

    @Test
    void aScenesLiquidsSurviveItsJsonAndAStoryboard() {
        Scene s = parse("a steel ball drops into a tank of water").scene();
        assertEquals(s.liquids(), SceneJson.read(SceneJson.write(s)).liquids());
        Scene board = parse("Shot 1: a tank of water. Shot 2: a wide shot").scene();
        assertEquals(1, board.liquids().size());
        assertEquals(2, board.shots().size());
    }

    @Test
    void somethingDroppedIntoATankStartsAboveTheWater() {
        Scene s = parse("a pine cube and a steel ball fall into a tank of water").scene();
        SceneObject tank = s.object("glass-tank");
        double surface = tank.position().y() - tank.size().y() / 2 + Solids.tankWall(tank.size()) + s.liquids().getFirst().level();
        for (SceneObject o : s.objects()) {
            if (o == tank) continue;
            assertTrue(o.position().y() - o.halfHeight() > surface, o.id() + " starts above the water");
            assertEquals(Quat.IDENTITY, o.rotation());
        }
    }

    /** The liquid in the object with this id, or null. */
    private static Liquid liquidIn(Scene s, String id) {
        return s.liquids().stream().filter(l -> id.equals(l.in())).findFirst().orElse(null);
    }

    @Test
    void aHalfFilledBottleHoldsWaterToHalfItsDepthAndFloatsFreeInTheTank() {
        PromptParser.Parse p = parse("a half-filled bottle bobs in a tank of water");
        assertTrue(p.ignoredWords().isEmpty(), "ignored: " + p.ignoredWords());
        Scene s = p.scene();
        SceneObject bottle = s.object("glass-bottle");
        Liquid inside = liquidIn(s, "glass-bottle");
        assertNotNull(inside, "the bottle holds a liquid");
        assertEquals("water", inside.kind());
        assertEquals(0.5 * Solids.cavityDepth(bottle.shape(), bottle.size()), inside.level(), 0.001);
        assertTrue(!bottle.fixed(), "the bottle moves: it floats in the tank");
        assertEquals(0.7 * Solids.cavityDepth(Shape.TANK, s.object("glass-tank").size()), liquidIn(s, "glass-tank").level(), 0.001);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("filled with water (no liquid was named")), p.notes().toString());
        // and with a liquid named, or how full said in other words
        Scene oil = parse("a half-filled bottle of oil floats in a tank of water").scene();
        assertEquals("oil", liquidIn(oil, "glass-bottle").kind());
        assertEquals(inside.level(), liquidIn(oil, "glass-bottle").level(), 1e-12);
        Scene jug = parse("a half-empty jug").scene();
        SceneObject j = jug.objects().getFirst();
        assertEquals(0.5 * Solids.cavityDepth(j.shape(), j.size()), jug.liquids().getFirst().level(), 0.001);
        Scene full = parse("a full glass").scene();
        SceneObject g = full.objects().getFirst();
        assertEquals(LiquidWords.FULL * Solids.cavityDepth(g.shape(), g.size()), full.liquids().getFirst().level(), 0.001);
    }

    @Test
    void whatFloatsOrSinksInAVesselOfNoNamedLiquidFloatsOrSinksInWater() {
        for (String prompt : List.of("a pine cube floats in a bathtub", "a steel ball sinks into the bowl",
                "a steel ball sinks to the bottom of a bucket",
                "a pine cube floats in a tank while it rains")) {
            PromptParser.Parse p = parse(prompt);
            assertTrue(p.ignoredWords().isEmpty(), prompt + ": ignored " + p.ignoredWords());
            Scene s = p.scene();
            assertEquals(1, s.liquids().size(), prompt);
            Liquid water = s.liquids().getFirst();
            assertEquals("water", water.kind(), prompt);
            SceneObject vessel = s.object(water.in());
            assertEquals(LiquidWords.DEFAULT_FILL * Solids.cavityDepth(vessel.shape(), vessel.size()), water.level(), 0.001, prompt);
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("holds water (no liquid was named for it")), p.notes().toString());
        }
        // what the words say wins: a vessel said to be empty stays so, a named liquid is that one
        PromptParser.Parse empty = parse("a pine cube floats in an empty glass");
        assertTrue(empty.ignoredWords().isEmpty(), "ignored: " + empty.ignoredWords());
        assertTrue(empty.scene().liquids().isEmpty());
        assertEquals("honey", parse("a cube floats in a glass of honey").scene().liquids().getFirst().kind());
        // "sinks to the bottom of" a vessel is "sinks into" it
        PromptParser.Parse bottom = parse("a stone sinks to the bottom of a tank of water");
        assertTrue(bottom.ignoredWords().isEmpty(), "ignored: " + bottom.ignoredWords());
        assertEquals(SceneJson.write(parse("a stone sinks into a tank of water").scene()), SceneJson.write(bottom.scene()));
    }

    @Test
    void fillingAThingIsPouringIntoIt() {
        String[][] same = {
                {"fill a glass with water", "pour water into a glass"},
                {"a glass fills with water", "pour water into a glass"},
                {"a jug fills a glass with water", "water pours from a jug into a glass"},
                {"fill the tank with honey", "pour honey into the tank"},
                {"the bucket fills up with oil", "pour oil into the bucket"},
                {"water fills the bathtub", "water pours into the bathtub"}};
        for (String[] pair : same) {
            PromptParser.Parse fill = parse(pair[0]);
            assertTrue(fill.ignoredWords().isEmpty(), pair[0] + ": ignored " + fill.ignoredWords());
            assertEquals(SceneJson.write(parse(pair[1]).scene()), SceneJson.write(fill.scene()), pair[0]);
            assertNotNull(fill.scene().liquids().getFirst().pour(), pair[0] + " pours");
        }
    }

    /** The height of the liquid's surface in the vessel {@code id} of {@code s}, world metres. */
    private static double surface(Scene s, String id) {
        SceneObject v = s.object(id);
        return v.position().y() + v.size().y() / 2 - Solids.cavityDepth(v.shape(), v.size()) + liquidIn(s, id).level();
    }

    /**
     * "floats in", "bobs in", "sinks in" a vessel's liquid: the thing starts at the surface, where
     * "falls into" drops it from above. Floating, it starts at Archimedes' depth, its weight that of
     * the liquid it puts aside: a box upright to its density's share of its height, a ball to the cap
     * that holds that share of its volume (a tennis ball by its shell and air); bobbing or sinking,
     * its bottom on the surface.
     */
    @Test
    void whatFloatsStartsAtArchimedesDepthAndWhatSinksOnTheSurface() {
        Scene block = parse("a wooden block floats in a tank of water").scene();
        SceneObject b = block.object("wood-cube");
        double share = b.material().density / Liquid.density("water");
        double bottom = b.position().y() - b.size().y() / 2;
        assertEquals(surface(block, "glass-tank") - share * b.size().y(), bottom, 0.001, "the block's bottom");

        // A tennis ball: 57 g of rubber shell and air in 6.7 cm, a tenth of it under water.
        Scene ball = parse("a tennis ball floats in a tank of water").scene();
        SceneObject t = ball.object("rubber-tennis-ball");
        assertTrue(t.wall() > 0, "hollow");
        double r = t.size().x() / 2, h = surface(ball, "glass-tank") - (t.position().y() - r);
        double displaced = Math.PI * h * h * (3 * r - h) / 3 * Liquid.density("water");
        assertEquals(t.mass(), displaced, 0.01 * t.mass(), "the cap under water weighs what the ball does (h = " + h + ")");

        // A toy boat: a pine hull 30 cm long, as long as said in a tank (not made small to pass the
        // opening), drawing the depth below which its weight's water lies.
        PromptParser.Parse boatWords = parse("a toy boat floats in a tank of water");
        assertTrue(boatWords.ignoredWords().isEmpty(), "ignored: " + boatWords.ignoredWords());
        Scene boat = boatWords.scene();
        SceneObject hull = boat.objects().stream().filter(o -> o.shape() == Shape.BOAT).findFirst().orElseThrow();
        assertEquals(0.3, hull.size().x(), 1e-9);
        double draft = surface(boat, "glass-tank") - (hull.position().y() - hull.size().y() / 2);
        assertEquals(hull.mass(), Solids.boatVolumeBelow(hull.size(), draft) * Liquid.density("water"), 0.01 * hull.mass(),
                "the water under the boat's waterline weighs what the boat does (draft " + draft + ")");

        for (String prompt : List.of("a cork bobs in a bucket of water", "a coin sinks in a glass of water",
                "a glass marble sinks slowly in a glass of honey", "a stone sinks to the bottom of a tank of water")) {
            PromptParser.Parse p = parse(prompt);
            assertTrue(p.ignoredWords().isEmpty(), prompt + ": ignored " + p.ignoredWords());
            Scene s = p.scene();
            SceneObject thing = s.objects().stream().filter(o -> !o.fixed()).findFirst().orElseThrow();
            double low = thing.position().y() - (thing.shape() == Shape.BALL ? thing.size().x() : thing.size().y()) / 2;
            assertEquals(surface(s, s.liquids().getFirst().in()), low, 0.0011, prompt + ": its bottom on the surface");
            assertEquals(Vec3.ZERO, thing.velocity(), prompt);
        }
        // Denser than the liquid, "floats" is what it cannot do: said, and it starts on the surface.
        PromptParser.Parse steel = parse("a steel ball floats in a tank of water");
        assertTrue(steel.notes().stream().anyMatch(n -> n.contains("is denser than water") && n.contains("so it sinks")),
                steel.notes().toString());
        // "falls into" still drops it from above the rim
        Scene falls = parse("a wooden block falls into a tank of water").scene();
        SceneObject tank = falls.object("glass-tank");
        assertTrue(falls.object("wood-cube").position().y() - falls.object("wood-cube").size().y() / 2
                > tank.position().y() + tank.size().y() / 2, "from above the rim");
    }

    /**
     * Several things afloat lie side by side at the surface: a regular polygon about the middle
     * while it fits (three ice cubes in a triangle in a glass), else a lattice, each at least 5 mm
     * from the others and from the vessel's wall (an ice cube 0.6 mm from a glass's wall was
     * thrown out of it), the rest dropped in from above. Small things make the liquid finer: five
     * particles across the ice cube's 1.6 cm, at most 3 mm apart.
     */
    @Test
    void thingsAfloatLieApartAtTheSurfaceAndTheLiquidIsFineEnoughForThem() {
        Scene s = parse("ice cubes float in a glass of water").scene();
        SceneObject glass = s.object("glass");
        List<SceneObject> cubes = s.objects().stream().filter(o -> !o.fixed()).toList();
        assertEquals(3, cubes.size());
        double level = surface(s, "glass");
        for (SceneObject c : cubes) {
            assertEquals(cubes.getFirst().position().y(), c.position().y(), 1e-12, "all at one height");
            assertTrue(c.position().y() - c.size().y() / 2 < level && c.position().y() + c.size().y() / 2 > level, "across the surface");
            double bottom = c.position().y() - c.size().y() / 2 - (glass.position().y() - glass.size().y() / 2);
            double corner = Math.hypot(Math.abs(c.position().x()) + c.size().x() / 2, Math.abs(c.position().z()) + c.size().z() / 2);
            assertTrue(corner <= Solids.cavityRadius(glass.shape(), glass.size(), bottom) - 0.005,
                    c.id() + " 5 mm inside the glass: " + corner);
            for (SceneObject o : cubes) {
                if (o == c) continue;
                assertTrue(Math.abs(o.position().x() - c.position().x()) >= c.size().x() + 0.005 - 1e-9
                        || Math.abs(o.position().z() - c.position().z()) >= c.size().z() + 0.005 - 1e-9, c.id() + " and " + o.id());
            }
        }
        assertEquals(0.003, s.liquids().getFirst().spacing(), 1e-12, "five particles across a 1.6 cm cube, 3 mm at the finest");
        // A big thing changes nothing: a tank's water keeps its 12 mm.
        assertEquals(0.012, parse("a wooden block floats in a tank of water").scene().liquids().getFirst().spacing(), 1e-12);
        // Twenty corks: as many as fit at the surface of a bowl, the rest from above.
        Scene corks = parse("twenty corks float in a bowl of water").scene();
        double top = surface(corks, "ceramic-bowl");
        long afloat = corks.objects().stream().filter(o -> !o.fixed() && o.position().y() - o.size().y() / 2 < top).count();
        assertTrue(afloat >= 7 && afloat < 20, afloat + " afloat");
    }

    /**
     * A liquid said as the medium, with nothing to hold it ("a wooden block floats on water", "a
     * ball falls into water", "a marble sinks in honey"): a glass tank of it, about six times as
     * long as the largest thing going in (20 to 60 cm), with a note. Before, the liquid's word was
     * not understood and the ball fell onto the floor.
     */
    @Test
    void aLiquidWithNothingToHoldItIsATankOfIt() {
        for (String[] c : new String[][] {
                {"a wooden block floats on water", "water", "0.6"},
                {"a ball falls into the water", "water", "0.6"},
                {"a glass marble sinks slowly in honey", "honey", "0.2"},
                {"a tennis ball drops into calm water", "water", "0.4"},
                {"a red ball splashes into oil", "oil", "0.6"}}) {
            PromptParser.Parse p = parse(c[0]);
            assertTrue(p.ignoredWords().isEmpty(), c[0] + ": ignored " + p.ignoredWords());
            Scene s = p.scene();
            assertEquals(1, s.liquids().size(), c[0]);
            Liquid l = s.liquids().getFirst();
            assertEquals(c[1], l.kind(), c[0]);
            SceneObject tank = s.object(l.in());
            assertEquals(Shape.TANK, tank.shape(), c[0]);
            assertEquals(Double.parseDouble(c[2]), tank.size().x(), 1e-9, c[0]);
            SceneObject thing = s.objects().stream().filter(o -> !o.fixed()).findFirst().orElseThrow();
            assertTrue(Math.abs(thing.position().x() - tank.position().x()) < tank.size().x() / 2, c[0] + ": over the tank");
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("a tank of " + c[1] + ", as nothing was said to hold it")),
                    c[0] + ": " + p.notes());
        }
        // "splashes into", "plunges into": dropped in, as "falls into"
        assertEquals(SceneJson.write(parse("a red ball falls into a tank of water").scene()),
                SceneJson.write(parse("a red ball splashes into a tank of water").scene()));
        // Something that holds it, a pour or the words of a fill keep their meaning.
        assertTrue(parse("a glass of water and a ball").scene().objects().stream().noneMatch(o -> o.shape() == Shape.TANK));
        assertEquals("glass", parse("a ball falls into water in a glass").scene().liquids().getFirst().in());
        assertTrue(parse("water pours onto a plate").scene().liquids().getFirst().pour() != null);
        // Open water is said not to be built.
        PromptParser.Parse pool = parse("a tennis ball is dropped into a swimming pool");
        assertTrue(pool.notes().stream().anyMatch(n -> n.contains("a swimming pool") && n.contains("not built yet")), pool.notes().toString());
    }
}
