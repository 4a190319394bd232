package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Liquid;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rain in words: the rate of each class, the puddle and the pond, the rectangle over the water's
 * opening, the scaling of the drops, the particle budget and the overcast sky.
 */
class RainWordsTest {
    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
    }

    private static Liquid rained(Scene s) {
        List<Liquid> rained = s.liquids().stream().filter(l -> l.rain() != null).toList();
        assertEquals(1, rained.size(), "one liquid with rain: " + s.liquids());
        return rained.getFirst();
    }

    /** The real rate (mm an hour) a scene's rain stands for: its intensity over the scale (a particle over a 2 mm drop). */
    private static double realRate(Liquid l) {
        return l.rain().intensity() * (Math.PI / 6 * 8e-9) / Math.pow(l.spacing(), 3);
    }

    /** Drops a second the scene's rain releases, as the simulation computes it. */
    private static double dropsPerSecond(Liquid l) {
        Liquid.Rain r = l.rain();
        return r.intensity() / 1000 / 3600 * (r.x1() - r.x0()) * (r.z1() - r.z0()) / Math.pow(l.spacing(), 3);
    }

    /** Asserts the rain's rectangle lies inside the opening of the tank-shaped object o, clear of its walls. */
    private static void overTheWater(Liquid.Rain r, SceneObject o) {
        double t = Solids.tankWall(o.size());
        double x0 = o.position().x() - o.size().x() / 2 + t, x1 = o.position().x() + o.size().x() / 2 - t;
        double z0 = o.position().z() - o.size().z() / 2 + t, z1 = o.position().z() + o.size().z() / 2 - t;
        assertTrue(r.x0() > x0 + 0.01 && r.x1() < x1 - 0.01 && r.z0() > z0 + 0.01 && r.z1() < z1 - 0.01,
                "rain " + r + " inside " + o.id() + "'s opening [" + x0 + ", " + x1 + "] x [" + z0 + ", " + z1 + "]");
        assertTrue(r.height() > o.position().y() + o.size().y() / 2 + 0.5, "the drops start well above the rim: " + r.height());
    }

    @Test
    void rainOnAPuddleIsModerateRainOverAShallowStoneTrayOfWaterUnderAnOvercastSky() {
        for (String prompt : List.of("rain on a puddle", "rain falling on a puddle", "it rains on a puddle",
                "raindrops fall into a puddle", "it is raining on a puddle")) {
            PromptParser.Parse p = parse(prompt);
            Scene s = p.scene();
            assertEquals(List.of(), p.ignoredWords(), prompt);
            assertEquals(1, s.objects().size(), prompt);
            SceneObject tray = s.objects().getFirst();
            assertEquals(Shape.TANK, tray.shape());
            assertEquals(dev.diorama.scene.Material.STONE, tray.material());
            assertEquals(0.4, tray.size().x(), 1e-9);
            assertEquals(0.025, tray.size().y(), 1e-9);
            assertTrue(tray.fixed());
            Liquid water = rained(s);
            assertEquals(tray.id(), water.in(), "the rain falls on the puddle's water");
            assertEquals(0.01, water.level(), 1e-9, "1 cm of water: two particles deep, as a free puddle settles");
            assertEquals(0.005, tray.size().y() - Solids.tankWall(tray.size()) - water.level(), 1e-9, "the rim 5 mm above the water");
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("a high angle")), prompt + ": seen from above");
            // From 35 degrees above, as close as the tray fits in the picture (not the 1 m box of a general framing).
            dev.diorama.scene.Vec3 look = s.camera().lookAt().minus(s.camera().position());
            assertEquals(35, Math.toDegrees(Math.asin(-look.y() / look.length())), 0.5, prompt);
            assertTrue(look.length() < 0.8, prompt + ": the camera " + look.length() + " m from the puddle");
            assertEquals(0.005, water.spacing(), 1e-12);
            assertEquals(LiquidWords.MODERATE_RAIN, realRate(water), 0.05, prompt + ": moderate rain, 5 mm an hour");
            overTheWater(water.rain(), tray);
            assertEquals(0, water.rain().start(), 1e-9);
            assertEquals(s.seconds(), water.rain().end(), 1e-9, "it rains all film long");
            assertEquals(1.0, s.environment().cloudCover(), 1e-9, prompt + ": rain makes the sky overcast");
            // The drops: as often as real 2 mm drops of 5 mm an hour over 30 x 22 cm, about 22 a second.
            assertEquals(22.4, dropsPerSecond(water), 0.3, prompt);
            // The budget: the standing water and the drops of the whole film.
            Liquid.Rain r = water.rain();
            double t = Solids.tankWall(tray.size());
            double standing = (0.4 - 2 * t) * (0.3 - 2 * t) * water.level() / Math.pow(water.spacing(), 3);
            assertTrue(standing + dropsPerSecond(water) * (r.end() - r.start()) <= Liquids.TARGET_PARTICLES, standing + " particles");
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("scaled") && n.contains("149.2 mm an hour")), p.notes().toString());
        }
    }

    @Test
    void theWordsForHowHardItRainsGiveTheRainfallRateClasses() {
        record Case(String prompt, double rate) {}
        for (Case c : List.of(new Case("light rain on a puddle", 1.5), new Case("a drizzle on a puddle", 0.3),
                new Case("heavy rain on a puddle", 20), new Case("a downpour on a puddle", 75),
                new Case("torrential rain falls on a puddle", 75), new Case("it pours on a puddle", 20),
                new Case("it drizzles on a puddle", 0.3), new Case("rain falls heavily on a puddle", 20),
                new Case("heavy rain", 20), new Case("light rain", 1.5), new Case("a drizzle", 0.3), new Case("a downpour", 75))) {
            PromptParser.Parse p = parse(c.prompt());
            assertEquals(List.of(), p.ignoredWords(), c.prompt());
            Liquid water = rained(p.scene());
            assertEquals(c.rate(), realRate(water), 0.01 * c.rate() + 0.01, c.prompt());
            assertEquals(Shape.TANK, p.scene().objects().getFirst().shape(), c.prompt() + ": on a puddle");
        }
        // Heavy rain is AMS's "heavy" (above 7.6 mm an hour), violent above 50: the classes' names in the notes.
        assertTrue(parse("heavy rain").notes().stream().anyMatch(n -> n.contains("heavy rain (20 mm an hour)")));
        assertTrue(parse("a downpour").notes().stream().anyMatch(n -> n.contains("violent rain (75 mm an hour)")));
        assertTrue(parse("a drizzle").notes().stream().anyMatch(n -> n.contains("rain falls on a puddle")));
    }

    @Test
    void rainIntoATankOrABucketFallsOverItsWater() {
        Scene tank = parse("rain falls into a tank of water").scene();
        Liquid water = rained(tank);
        SceneObject t = tank.object(water.in());
        assertEquals(Shape.TANK, t.shape());
        assertEquals(0.7 * Solids.cavityDepth(t.shape(), t.size()), water.level(), 0.001, "the tank's water as said");
        overTheWater(water.rain(), t);
        assertEquals(LiquidWords.MODERATE_RAIN, realRate(water), 0.05);

        PromptParser.Parse p = parse("rain into a bucket");
        Liquid b = rained(p.scene());
        SceneObject bucket = p.scene().object(b.in());
        assertEquals("plastic-bucket", bucket.id());
        assertEquals(LiquidWords.LITTLE * Solids.cavityDepth(bucket.shape(), bucket.size()), b.level(), 0.001,
                "a little water for the drops to land in");
        double r = Liquids.openingRadius(bucket.shape(), bucket.size());
        Liquid.Rain rain = b.rain();
        for (double x : new double[] {rain.x0(), rain.x1()}) {
            for (double z : new double[] {rain.z0(), rain.z1()}) {
                assertTrue(Math.hypot(x - bucket.position().x(), z - bucket.position().z()) < 0.85 * r,
                        "the rain's corner (" + x + ", " + z + ") inside the bucket's opening, radius " + r);
            }
        }
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("a little water at its bottom")), p.notes().toString());
    }

    @Test
    void aPondIsALargerShallowPoolWithinTheParticleBudget() {
        PromptParser.Parse p = parse("rain on a pond");
        Scene s = p.scene();
        SceneObject pond = s.objects().getFirst();
        assertEquals(0.8, pond.size().x(), 1e-9);
        assertEquals(0.6, pond.size().z(), 1e-9);
        Liquid water = rained(s);
        assertEquals(0.02, water.level(), 1e-9, "2 cm of water");
        overTheWater(water.rain(), pond);
        double t = Solids.tankWall(pond.size());
        double standing = (0.8 - 2 * t) * (0.6 - 2 * t) * water.level() / Math.pow(water.spacing(), 3);
        double drops = dropsPerSecond(water) * s.seconds();
        assertTrue(standing + drops <= Liquids.TARGET_PARTICLES, standing + " + " + drops + " particles");
        assertTrue(water.spacing() >= 0.005 && water.spacing() <= 0.008, "spacing " + water.spacing());
        assertEquals(LiquidWords.MODERATE_RAIN, realRate(water), 0.05);
    }

    @Test
    void rainAsWeatherMakesTheSkyOvercastAndNoDrops() {
        for (String prompt : List.of("a ball rolls in the rain", "a rainy day, a ball drops", "a red ball drops in heavy rain")) {
            PromptParser.Parse p = parse(prompt);
            assertEquals(List.of(), p.ignoredWords(), prompt);
            assertTrue(p.scene().liquids().isEmpty(), prompt + ": no water to fall into, no drops");
            assertEquals(1.0, p.scene().environment().cloudCover(), 1e-9, prompt);
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("rain as the weather")), p.notes().toString());
        }
        // A puddle named anywhere catches it.
        Liquid water = rained(parse("a puddle in the rain").scene());
        assertNotNull(water.in());
    }

    @Test
    void theSkySaidWinsOverTheRainsOvercast() {
        assertEquals(0.0, parse("rain on a puddle under a clear sky").scene().environment().cloudCover(), 1e-9);
        assertEquals(0.6, parse("a cloudy day, light rain on a puddle").scene().environment().cloudCover(), 1e-9);
    }

    @Test
    void drizzleAndPouringStillPourLiquids() {
        // "drizzle honey", "it pours water": pours, not rain.
        Scene honey = parse("drizzle honey onto a plate").scene();
        assertTrue(honey.liquids().getFirst().pour() != null && honey.liquids().getFirst().rain() == null);
        Scene drips = parse("honey drizzles onto a plate").scene();
        assertTrue(drips.liquids().getFirst().rain() == null);
    }

    @Test
    void contradictionsAreRefused() {
        PromptException two = assertThrows(PromptException.class, () -> parse("heavy rain, a light drizzle on a puddle"));
        assertTrue(two.getMessage().contains("how hard it rains twice"), two.getMessage());
        PromptException table = assertThrows(PromptException.class, () -> parse("rain falls on a table"));
        assertTrue(table.getMessage().contains("holds no water"), table.getMessage());
        PromptException oil = assertThrows(PromptException.class, () -> parse("rain falls into a tank of oil"));
        assertTrue(oil.getMessage().contains("does not mix liquids"), oil.getMessage());
        PromptException light = assertThrows(PromptException.class, () -> parse("a light downpour on a puddle"));
        assertTrue(light.getMessage().contains("how hard it rains twice"), light.getMessage());
    }
}
