package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.SolarPosition;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptParserTest {
    private static final PromptParser.Options OPTIONS = PromptParser.Options.DEFAULTS;
    private static final double EPS = 1e-9;

    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, OPTIONS);
    }

    private static PromptException rejected(String prompt) {
        return assertThrows(PromptException.class, () -> parse(prompt));
    }

    private static double bottom(SceneObject o) {
        return o.position().y() - o.halfHeight();
    }

    // ---- the foundation prompts ----

    @Test
    void theFoundationPromptMakesARedRubberBallAndASteelBallOverAWoodenFloorAtTheThreeDegreeSunset() {
        PromptParser.Parse p = parse("a red rubber ball and a steel ball drop onto a wooden floor at sunset");
        Scene s = p.scene();
        assertEquals(2, s.objects().size());
        SceneObject red = s.objects().get(0), steel = s.objects().get(1);
        assertEquals(Shape.BALL, red.shape());
        assertEquals(Material.RUBBER, red.material());
        assertEquals(Colors.named("red"), red.color());
        assertEquals(Shape.BALL, steel.shape());
        assertEquals(Material.STEEL, steel.material());
        assertEquals(Material.STEEL.color, steel.color());
        assertEquals("red-rubber-ball", red.id());
        assertEquals("steel-ball", steel.id());
        assertEquals(Material.WOOD, s.environment().floor());
        LocalTime sunset = SolarPosition.settingAt(3, Environment.DEFAULT_LATITUDE, Environment.DEFAULT_LONGITUDE,
                Environment.DEFAULT_DATE, Environment.DEFAULT_UTC_OFFSET);
        assertEquals(sunset, s.time());
        assertEquals(List.of(), p.ignoredWords());
        for (SceneObject o : s.objects()) assertEquals(Staging.DEFAULT_DROP_HEIGHT, bottom(o), EPS);
    }

    @Test
    void threeSmallGlassCubesFromTwoMetresIndoorsAtHalfPastSixForEightSeconds() {
        PromptParser.Parse p = parse("three small glass cubes from 2 metres indoors at 6:30 pm for 8 seconds");
        Scene s = p.scene();
        assertEquals(3, s.objects().size());
        for (SceneObject o : s.objects()) {
            assertEquals(Shape.CUBE, o.shape());
            assertEquals(Material.GLASS, o.material());
            assertEquals(new Vec3(0.1, 0.1, 0.1), o.size());
            assertEquals(2.0, bottom(o), EPS);
        }
        assertEquals(List.of("glass-cube-1", "glass-cube-2", "glass-cube-3"),
                s.objects().stream().map(SceneObject::id).toList());
        assertEquals(Environment.Kind.INDOOR, s.environment().kind());
        assertNotNull(s.environment().room());
        assertEquals(LocalTime.of(18, 30), s.time());
        assertEquals(8.0, s.seconds());
        assertEquals(List.of(), p.ignoredWords());
    }

    // ---- sizes ----

    @Test
    void explicitSizesMeasureADiameterAnEdgeALengthOrAHeight() {
        assertEquals(new Vec3(0.2, 0.2, 0.2), parse("a 20 cm steel ball").scene().objects().getFirst().size());
        assertEquals(new Vec3(0.3, 0.3, 0.3), parse("a 30cm cube").scene().objects().getFirst().size());
        assertEquals(0.3, parse("a ball of 0.3 m").scene().objects().getFirst().size().x(), EPS);
        assertEquals(0.1, parse("a ball 10 centimetres across").scene().objects().getFirst().size().x(), EPS);
        assertEquals(0.15, parse("a ball 15 cm in diameter").scene().objects().getFirst().size().x(), EPS);
        Vec3 plank = parse("a plank 2 metres long").scene().objects().getFirst().size();
        assertEquals(2.0, plank.x(), EPS);
        assertEquals(0.1, plank.y(), EPS);
        assertEquals(0.4, plank.z(), EPS);
        Vec3 cylinder = parse("a 1 metre cylinder").scene().objects().getFirst().size();
        assertEquals(1.0, cylinder.y(), EPS);
        assertEquals(0.6, cylinder.x(), EPS);
        assertEquals(0.1, parse("a can 10 cm wide").scene().objects().getFirst().size().x(), EPS);
    }

    @Test
    void sizeWordsHalveOrDoubleTheDefaults() {
        assertEquals(new Vec3(0.2, 0.2, 0.2), parse("a ball").scene().objects().getFirst().size());
        assertEquals(new Vec3(0.1, 0.1, 0.1), parse("a tiny ball").scene().objects().getFirst().size());
        assertEquals(new Vec3(0.4, 0.4, 0.4), parse("a huge cube").scene().objects().getFirst().size());
        assertEquals(new Vec3(0.15, 0.25, 0.15), parse("a cylinder").scene().objects().getFirst().size());
        assertEquals(new Vec3(1.0, 0.05, 0.2), parse("a plank").scene().objects().getFirst().size());
    }

    // ---- words ----

    @Test
    void materialsComeBeforeOrAfterTheNoun() {
        assertEquals(Material.WOOD, parse("a wooden block").scene().objects().getFirst().material());
        assertEquals(Material.WOOD, parse("a block of wood").scene().objects().getFirst().material());
        assertEquals(Material.IRON, parse("a ball made of iron").scene().objects().getFirst().material());
        assertEquals(Material.CHROME, parse("a mirror sphere").scene().objects().getFirst().material());
        assertEquals(Material.MARBLE, parse("a marble cube").scene().objects().getFirst().material());
    }

    @Test
    void colourModifiersDarkenAndLighten() {
        List<SceneObject> o = parse("a dark red ball, a light red ball and a red ball").scene().objects();
        double dark = o.get(0).color().r(), light = o.get(1).color().g(), red = o.get(2).color().r();
        assertTrue(dark < red);
        assertTrue(light > o.get(2).color().g());
        assertEquals("dark-red-rubber-ball", o.get(0).id());
    }

    @Test
    void countsComeAsWordsDigitsPairsAndPronouns() {
        assertEquals(2, parse("a pair of steel balls").scene().objects().size());
        assertEquals(12, parse("a dozen balls").scene().objects().size());
        assertEquals(4, parse("4 cubes").scene().objects().size());
        assertEquals(25, parse("twenty five balls").scene().objects().size());
        List<SceneObject> o = parse("a red ball and a blue one").scene().objects();
        assertEquals(Shape.BALL, o.get(1).shape());
        assertEquals(Colors.named("blue"), o.get(1).color());
    }

    @Test
    void aDropHeightSpeaksOfTheObjectsBeforeIt() {
        List<SceneObject> o = parse("a ball from 2 m and a cube from 50 cm").scene().objects();
        assertEquals(2.0, bottom(o.get(0)), EPS);
        assertEquals(0.5, bottom(o.get(1)), EPS);
        List<SceneObject> both = parse("a ball and a cube drop from a height of 150 cm").scene().objects();
        for (SceneObject x : both) assertEquals(1.5, bottom(x), EPS);
    }

    @Test
    void anObjectSomethingFallsOntoRestsOnTheFloorUnderIt() {
        List<SceneObject> o = parse("a steel ball drops onto a wooden plank").scene().objects();
        SceneObject ball = o.get(0), plank = o.get(1);
        assertEquals(Shape.PLANK, plank.shape());
        assertEquals(0.0, bottom(plank), EPS);
        assertEquals(1.0, bottom(ball), EPS);
        assertEquals(plank.position().x(), ball.position().x(), EPS);
    }

    @Test
    void placeFloorAndTimeWordsSetTheEnvironment() {
        Scene outdoor = parse("a ball").scene();
        assertEquals(Environment.Kind.OUTDOOR, outdoor.environment().kind());
        assertEquals(Material.STONE, outdoor.environment().floor());
        assertEquals(Staging.DEFAULT_TIME, outdoor.time());
        Scene room = parse("a ball in a room").scene();
        assertEquals(Material.WOOD, room.environment().floor());
        assertEquals(new Vec3(6, 3, 6), room.environment().room().size());
        assertEquals(new Vec3(10, 4, 10), parse("a ball in a large room").scene().environment().room().size());
        assertEquals(Material.WOOD, parse("a ball in a room with wooden walls").scene().environment().room().walls());
        assertEquals(Material.CONCRETE, parse("a ball falls on concrete").scene().environment().floor());
        assertEquals(LocalTime.NOON, parse("a ball at noon").scene().time());
        assertEquals(LocalTime.of(9, 0), parse("a ball in the morning").scene().time());
        assertEquals(LocalTime.of(19, 0), parse("a ball at 7pm").scene().time());
        assertEquals(LocalTime.of(6, 0), parse("a ball at 6 am").scene().time());
        assertEquals(LocalTime.of(19, 0), parse("a ball at 7 in the evening").scene().time());
        assertEquals(LocalTime.MIDNIGHT, parse("a ball at midnight").scene().time());
        assertEquals(SolarPosition.risingAt(3, Environment.DEFAULT_LATITUDE, Environment.DEFAULT_LONGITUDE,
                Environment.DEFAULT_DATE, Environment.DEFAULT_UTC_OFFSET), parse("a ball at dawn").scene().time());
    }

    @Test
    void durationsComeInSecondsAndMinutes() {
        assertEquals(8.0, parse("a ball for 8 s").scene().seconds());
        assertEquals(8.0, parse("an 8-second film of a ball").scene().seconds());
        assertEquals(60.0, parse("a ball for a minute").scene().seconds());
        assertEquals(OPTIONS.seconds(), parse("a ball").scene().seconds());
    }

    @Test
    void theCallersExplicitSecondsWinOverThePrompts() {
        PromptParser.Options forced = OPTIONS.withSecondsOverride(6);
        PromptParser.Parse p = PromptParser.parse("a ball for 8 seconds", forced);
        assertEquals(6.0, p.scene().seconds());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("overridden")), p.notes().toString());
        assertEquals(8.0, PromptParser.parse("a ball for 8 seconds", new PromptParser.Options(0, 6, 24, 1280, 720))
                .scene().seconds());
    }

    // ---- ignored words ----

    @Test
    void aTypoIsIgnoredWithASuggestion() {
        PromptParser.Parse p = parse("a ruber ball");
        assertEquals(List.of("ruber"), p.ignoredWords());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("did you mean \"rubber\"")), p.notes().toString());
        assertEquals(Material.RUBBER, p.scene().objects().getFirst().material()); // the default, not the typo
    }

    @Test
    void aPhraseNobodyUnderstandsIsReportedWhole() {
        PromptParser.Parse p = parse("a ball drops onto the sofa");
        assertEquals(List.of("onto", "the", "sofa"), p.ignoredWords());
        assertEquals(List.of("on", "the", "trampoline"), parse("a ball on the trampoline").ignoredWords());
        assertEquals(List.of("at", "7"), parse("a ball at 7").ignoredWords());
    }

    @Test
    void aKnownWordThatAttachesToNothingIsStillReported() {
        assertEquals(List.of("a", "red"), parse("a red and blue ball").ignoredWords());
        PromptParser.Parse floor = parse("a ball on a red stone floor");
        assertEquals(List.of("red"), floor.ignoredWords());
        assertTrue(floor.notes().stream().anyMatch(n -> n.contains("does not apply to the floor")));
    }

    // ---- errors ----

    @Test
    void aNegativeOrZeroCountIsRejectedWithWhatWasExpected() {
        PromptException e = rejected("minus three balls");
        assertTrue(e.getMessage().contains("minus three balls"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a whole number of objects from 1 to " + Scene.MAX_OBJECTS), e.getMessage());
        assertTrue(rejected("-3 balls").getMessage().contains("-3"));
        assertTrue(rejected("0 balls").getMessage().contains("expected"));
        assertTrue(rejected("no balls").getMessage().contains("expected"));
    }

    @Test
    void anEmptyPromptAsksForADescription() {
        for (String empty : new String[] {"", "   \n\t", null}) {
            PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse(empty, OPTIONS));
            assertTrue(e.getMessage().contains("expected a description of a scene, such as"), e.getMessage());
        }
    }

    @Test
    void aPromptLongerThanTheLimitIsRejected() {
        String longPrompt = "a ball ".repeat(429).substring(0, 3000);
        PromptException e = rejected(longPrompt);
        assertTrue(e.getMessage().contains("3000 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("at most " + PromptParser.MAX_PROMPT_CHARS), e.getMessage());
    }

    @Test
    void aFilmLongerThanTheLimitNamesTheLimit() {
        PromptException e = rejected("a ball for 900 seconds");
        assertTrue(e.getMessage().contains("at most 300 seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("for 900 seconds"), e.getMessage());
        assertTrue(rejected("a ball for 0 seconds").getMessage().contains("greater than 0"));
        assertTrue(rejected("a ball for an hour").getMessage().contains("at most 300 seconds"));
    }

    @Test
    void aPromptWithoutAnObjectNamesTheShapes() {
        PromptException e = rejected("a dog jumps over the fence");
        assertTrue(e.getMessage().contains("found no object"), e.getMessage());
        assertTrue(e.getMessage().contains("ball, cube, cylinder, plank"), e.getMessage());
        assertTrue(rejected("a red bal").getMessage().contains("did you mean \"ball\""));
    }

    @Test
    void outOfRangeSizesHeightsAndCountsAreRejected() {
        assertTrue(rejected("201 balls").getMessage().contains("at most " + Scene.MAX_OBJECTS));
        assertTrue(rejected("150 balls and 60 cubes").getMessage().contains("210 objects"));
        assertTrue(rejected("a ball of 20 m").getMessage().contains("at most 10 m"));
        assertTrue(rejected("a 0 cm ball").getMessage().contains("greater than 0"));
        assertTrue(rejected("a ball from 200 m").getMessage().contains("at most 100 m"));
        assertTrue(rejected("a ball at 25:00").getMessage().contains("expected a time of day"));
    }

    @Test
    void contradictionsAreRejectedRatherThanGuessed() {
        assertTrue(rejected("a ball inside, outdoors").getMessage().contains("both"));
        assertTrue(rejected("a ball on a wooden floor on a stone floor").getMessage().contains("two materials"));
        assertTrue(rejected("a steel wooden ball").getMessage().contains("one material"));
        assertTrue(rejected("a ball for 8 seconds for 10 seconds").getMessage().contains("twice"));
    }

    @Test
    void aSceneThatDoesNotFitTheRoomReadsNaturally() {
        PromptException high = rejected("a ball from 5 m indoors");
        assertTrue(high.getMessage().contains("ceiling"), high.getMessage());
        assertTrue(high.getMessage().startsWith("\"from 5 m\""), high.getMessage());
        assertTrue(rejected("a 10 m plank indoors").getMessage().contains("wider than the 6 x 3 x 6 m room"));
        assertTrue(rejected("40 planks indoors").getMessage().contains("do not fit"));
    }

    /**
     * Slow motion: the camera's frames a second, played at the film's 24; the physics a whole number
     * of steps a frame of it; the film as long as asked, showing less of the world.
     */
    @Test
    void slowMotionFilmsTheWorldFasterAndPlaysItAtTheFilmsRate() {
        Object[][] cases = {{"a ball drops in slow motion", 120}, {"a ball drops, slow-mo", 120}, {"slo-mo: a ball drops", 120},
                {"a ball drops in super slow motion", 240}, {"a ball drops in 4x slow motion", 96},
                {"a ball drops 8 times slower", 192}, {"a ball drops at quarter speed", 96}, {"a ball drops at half speed", 48},
                {"a ball drops, filmed at 1000 fps", 1000}, {"a ball drops, shot at 480 frames per second", 480},
                {"a ball drops with a high-speed camera", 1000}, {"a slow motion shot of a ball dropping", 120},
                {"a ball drops", 24}, {"a ball drops in real time", 24}};
        for (Object[] c : cases) {
            PromptParser.Parse p = parse((String) c[0]);
            Scene s = p.scene();
            assertTrue(p.ignoredWords().isEmpty(), c[0] + ": " + p.ignoredWords());
            assertEquals((int) c[1], s.captureFps(), (String) c[0]);
            assertEquals(24, s.fps(), (String) c[0]);
            assertEquals(4, s.seconds(), 1e-12, c[0] + ": the film as long as the default");
            assertEquals(4.0 * 24 / (int) c[1], s.worldSeconds(), 1e-12, (String) c[0]);
            assertEquals(0, s.physicsRate() % s.captureFps(), c[0] + ": whole steps a frame");
            assertTrue(s.physicsRate() >= 240, (String) c[0]);
        }
        assertTrue(parse("a ball drops in slow motion").notes().stream().anyMatch(n -> n.contains(
                "filmed at 120 frames a second and played at 24, 5 times slower: the 4 s film shows 0.8 s of the world")));
        assertTrue(rejected("a ball drops, filmed at 12 fps").getMessage().contains("fewer than the film's 24"));
        assertTrue(rejected("a ball drops, filmed at 20000 fps").getMessage().contains("expected at most 10000"));
        assertTrue(rejected("a ball drops in slow motion at half speed").getMessage().contains("says how slow twice"));
        // a storyboard is filmed at one speed, said in any shot; the later shot's objects enter at its world time
        Scene board = parse("Shot 1: a red ball drops onto a wooden floor in slow motion. Shot 2: a blue cube drops.").scene();
        assertEquals(120, board.captureFps());
        assertEquals(8, board.seconds(), 1e-12);
        assertEquals(4, board.shots().get(1).start(), 1e-12, "the cut, in film seconds");
        assertTrue(parse("Shot 1: a red ball drops onto a wooden floor in slow motion. Shot 2: a blue cube drops.").notes().stream()
                .anyMatch(n -> n.contains("the 8 s film shows 1.6 s of the world")));
        assertEquals(0.8, board.objects().stream().filter(o -> o.id().contains("cube")).findFirst().orElseThrow().enters(), 1e-9,
                "the cube enters 0.8 s into the world, the cut's time");
        assertTrue(rejected("Shot 1: a ball drops in slow motion. Shot 2: a cube drops at half speed.").getMessage()
                .contains("filmed at one speed"));
        // a pour in slow motion is not lengthened to its end: the film is as long as asked
        Scene pour = parse("water pours from a jug into a glass in slow motion").scene();
        assertEquals(4, pour.seconds(), 1e-12);
        assertEquals(0.8, pour.worldSeconds(), 1e-12);
    }

    /** A hill is a grassy ramp, 4 m long and 2 m wide, that a ball rolls down. */
    @Test
    void aBallRollsDownAHill() {
        for (String prompt : new String[] {"a ball rolls down a hill", "a red ball rolls down a grassy hill",
                "a ball rolls down a 30 degree hillside"}) {
            PromptParser.Parse p = parse(prompt);
            assertTrue(p.ignoredWords().isEmpty(), prompt + ": " + p.ignoredWords());
            SceneObject hill = p.scene().objects().stream().filter(o -> o.id().contains("hill")).findFirst().orElseThrow();
            assertEquals(Shape.WEDGE, hill.shape(), prompt);
            assertEquals(Material.GRASS, hill.material(), prompt);
            assertEquals(4, hill.size().x(), 1e-9, prompt);
            assertEquals(2, hill.size().z(), 1e-9, prompt);
            assertTrue(hill.fixed(), prompt);
            assertEquals(Material.GRASS, p.scene().environment().floor(), prompt + ": the ground around it is grass");
        }
        assertEquals(Material.STONE, parse("a ball rolls down a hill onto a stone floor").scene().environment().floor());
        SceneObject steep = parse("a ball rolls down a 30 degree hillside").scene().objects().stream()
                .filter(o -> o.id().contains("hill")).findFirst().orElseThrow();
        assertEquals(30, Math.toDegrees(Math.atan2(steep.size().y(), steep.size().x())), 0.01, "the angle said (the height to the millimetre)");
    }

    /** "off the edge of a table" and "over the edge of the shelf" say what "off a table" says. */
    @Test
    void offTheEdgeOfASurfaceIsOffIt() {
        for (String[] c : new String[][] {{"a glass falls off the edge of a table", "a glass falls off a table"},
                {"a ball rolls over the edge of the table", "a ball rolls off the table"},
                {"a book falls off the edge of a shelf", "a book falls off a shelf"}}) {
            PromptParser.Parse edge = parse(c[0]);
            assertTrue(edge.ignoredWords().isEmpty(), c[0] + ": " + edge.ignoredWords());
            assertEquals(SceneJson.write(parse(c[1]).scene()), SceneJson.write(edge.scene()), c[0]);
        }
    }

    /** A throw's angle above the horizontal, said in the ways a textbook says it, before or after its speed. */
    @Test
    void aThrowLeavesAtTheAngleSaid() {
        for (String[] c : new String[][] {{"a ball is thrown at 5 m/s at 45 degrees", "5", "45"},
                {"a ball is thrown at 45 degrees at 5 m/s", "5", "45"},
                {"a ball is thrown at an angle of 30 degrees at 4 m/s", "4", "30"},
                {"a ball is thrown at a 60 degree angle", "2.9154759474226504", "60"},
                {"a ball is thrown to the left at 10 m/s at 20 degrees above the horizontal", "10", "20"},
                {"a ball is thrown at 5 m/s at 30 degrees to the horizontal", "5", "30"},
                {"a ball is thrown horizontally at 4 m/s from 2 m", "4", "0"},
                {"a ball is tossed at 90 degrees at 3 m/s", "3", "90"}}) {
            PromptParser.Parse p = parse(c[0]);
            assertTrue(p.ignoredWords().isEmpty(), c[0] + ": " + p.ignoredWords());
            Vec3 v = p.scene().objects().getFirst().velocity();
            assertEquals(Double.parseDouble(c[1]), v.length(), 1e-9, c[0] + ": speed");
            assertEquals(Double.parseDouble(c[2]), Math.toDegrees(Math.atan2(v.y(), Math.abs(v.x()))), 1e-9, c[0] + ": angle");
            assertEquals(0, v.z(), c[0]);
        }
        assertTrue(parse("a ball is thrown to the left at 45 degrees").scene().objects().getFirst().velocity().x() > 0, "to the left: +x");
        PromptException steep = rejected("a ball is thrown at 120 degrees");
        assertTrue(steep.getMessage().contains("expected 0 to 90 degrees above the horizontal"), steep.getMessage());
    }

    /**
     * A rig's lying pieces reach their thickness up, not their length: a 2 m pendulum's frame is
     * 2.57 m tall and fits a 3 m room, though its crossbar is 2.33 m long (it was refused as 3.7 m
     * tall). A 3 m one does not fit, and the message gives its real height.
     */
    @Test
    void aTallPendulumFitsUnderTheCeilingWhenItsFrameDoes() {
        Scene s = parse("a 2 m pendulum swings in a classroom").scene();
        double room = s.environment().room().size().y(), top = 0;
        for (SceneObject o : s.objects()) top = Math.max(top, o.position().y() + o.halfHeight());
        assertEquals(2.565, top, 1e-9, "the frame's top: the bar's centre 2.55 m up plus half its 3 cm");
        assertTrue(top < room, "under the " + room + " m ceiling");
        PromptException tall = rejected("a 3 m pendulum swings in a room");
        assertTrue(tall.getMessage().contains("3.815 m tall, taller than the 3 m room"), tall.getMessage());
    }

    @Test
    void badFilmSettingsBecomeAPromptException() {
        PromptException e = assertThrows(PromptException.class,
                () -> PromptParser.parse("a ball", new PromptParser.Options(0, 4, 24, 1281, 720)));
        assertTrue(e.getMessage().contains("even picture width"), e.getMessage());
    }

    // ---- the scene as a whole ----

    @Test
    void theParsedSceneSurvivesAJsonRoundTrip() {
        for (String prompt : List.of("a red rubber ball and a steel ball drop onto a wooden floor at sunset",
                "three small glass cubes from 2 metres indoors at 6:30 pm for 8 seconds",
                "a dark red ball and a pale blue one fall onto a steel plank in a large room with wooden walls",
                "twenty five chrome spheres and a 30 cm cylinder on concrete at dawn")) {
            Scene s = parse(prompt).scene();
            assertEquals(s, SceneJson.read(SceneJson.write(s)), prompt);
        }
    }

    @Test
    void objectsStandSideBySideWithoutTouchingCentredOnTheOrigin() {
        for (String prompt : List.of("a ball", "three cubes and two planks", "a dozen cylinders and a huge ball",
                "200 balls indoors", "40 planks")) {
            List<SceneObject> o = parse(prompt).scene().objects();
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minZ = Double.MAX_VALUE, maxZ = -Double.MAX_VALUE;
            for (int a = 0; a < o.size(); a++) {
                SceneObject p = o.get(a);
                minX = Math.min(minX, p.position().x() - p.boundingRadius());
                maxX = Math.max(maxX, p.position().x() + p.boundingRadius());
                minZ = Math.min(minZ, p.position().z() - p.boundingRadius());
                maxZ = Math.max(maxZ, p.position().z() + p.boundingRadius());
                for (int b = a + 1; b < o.size(); b++) {
                    SceneObject q = o.get(b);
                    double d = p.position().minus(q.position()).length();
                    assertTrue(d >= p.boundingRadius() + q.boundingRadius(), prompt + ": " + p.id() + " touches " + q.id());
                }
            }
            assertEquals(0, (minX + maxX) / 2, 1e-6, prompt);
            assertEquals(0, (minZ + maxZ) / 2, 1e-6, prompt);
        }
    }

    @Test
    void theCameraSeesEveryObjectAtItsStartAndAtRestOnTheFloor() {
        for (String prompt : List.of("a ball", "a ball from 3 m", "three small glass cubes from 2 metres indoors",
                "twelve balls indoors", "200 balls", "a ball from the ceiling in a large room", "12 planks indoors")) {
            Scene s = parse(prompt).scene();
            Camera c = s.camera();
            double aspect = (double) s.width() / s.height();
            for (SceneObject o : s.objects()) {
                double r = o.boundingRadius();
                for (double y : new double[] {o.position().y() + r, o.halfHeight() - r}) {
                    for (double dx : new double[] {-r, r}) {
                        Vec3 point = new Vec3(o.position().x() + dx, Math.max(0, y), o.position().z());
                        assertTrue(inView(c, aspect, point), prompt + ": " + o.id() + " at " + point + " is out of the picture");
                    }
                }
            }
            if (s.environment().room() != null) {
                Vec3 e = c.position(), room = s.environment().room().size();
                assertTrue(Math.abs(e.x()) < room.x() / 2 && e.y() < room.y() && Math.abs(e.z()) < room.z() / 2,
                        prompt + ": the camera stands outside the room at " + e);
            }
        }
    }

    private static boolean inView(Camera c, double aspect, Vec3 point) {
        Vec3 forward = c.lookAt().minus(c.position()).normalized();
        Vec3 right = forward.cross(Vec3.UP).normalized();
        Vec3 up = right.cross(forward);
        Vec3 v = point.minus(c.position());
        double depth = v.dot(forward);
        if (depth <= 0) return false;
        double tanX = Math.tan(Math.toRadians(c.fov() / 2));
        double tanY = tanX / aspect;
        return Math.abs(v.dot(right) / depth) <= tanX + 1e-9 && Math.abs(v.dot(up) / depth) <= tanY + 1e-9;
    }

    @Test
    void theSceneCarriesTheCallersSeedAndFilmSettings() {
        Scene s = PromptParser.parse("a ball", new PromptParser.Options(42, 5, 30, 640, 480)).scene();
        assertEquals(42, s.seed());
        assertEquals(5.0, s.seconds());
        assertEquals(30, s.fps());
        assertEquals(640, s.width());
        assertEquals(480, s.height());
    }

    @Test
    void parsingIsDeterministic() {
        String prompt = "a dozen small steel balls and a wooden plank at dusk indoors";
        assertEquals(SceneJson.write(parse(prompt).scene()), SceneJson.write(parse(prompt).scene()));
        assertFalse(parse(prompt).scene().objects().isEmpty());
    }

    @Test
    void theWorldNamedSetsTheGravity() {
        String[][] worlds = {{"on the moon", "1.62"}, {"on Mars", "3.71"}, {"on the surface of Venus", "8.87"},
                {"on Mercury", "3.70"}, {"on Pluto", "0.62"}, {"in zero gravity", "0"}, {"weightless", "0"},
                {"in weightlessness", "0"}, {"without gravity", "0"}};
        for (String[] w : worlds) {
            PromptParser.Parse p = parse("a steel ball drops from 1 m " + w[0]);
            assertTrue(p.ignoredWords().isEmpty(), w[0] + ": ignored " + p.ignoredWords());
            assertEquals(Double.parseDouble(w[1]), p.scene().gravity(), 1e-12, w[0]);
            boolean airless = List.of("on the moon", "on Mercury", "on Pluto").contains(w[0]);
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("gravity " + PromptReader.number(Double.parseDouble(w[1])) + " m/s^2")
                    && n.contains(airless ? "no air" : "Earth's")), w[0] + ": " + p.notes());
            assertEquals(!airless, p.scene().environment().air(), w[0] + ": air");
        }
        // indoors a room holds air, even on the Moon; where there is no air there is no weather
        PromptParser.Parse base = parse("a steel ball drops from 1 m in a room on the moon");
        assertTrue(base.scene().environment().air());
        assertTrue(base.notes().stream().anyMatch(n -> n.contains("the room holds air")), base.notes().toString());
        PromptException rain = assertThrows(PromptException.class, () -> parse("rain on a puddle on the moon"));
        assertTrue(rain.getMessage().contains("where there is no air"), rain.getMessage());
        assertTrue(parse("a bowl of water on the moon").notes().stream().anyMatch(n -> n.contains("stays liquid")));
        PromptParser.Parse earth = parse("a steel ball drops from 1 m on Earth");
        assertTrue(earth.ignoredWords().isEmpty(), "ignored: " + earth.ignoredWords());
        assertEquals(Scene.STANDARD_GRAVITY, earth.scene().gravity());
        assertEquals(Scene.STANDARD_GRAVITY, parse("a ball on the table").scene().gravity());
        assertTrue(parse("a glass of water in zero gravity").notes().stream().anyMatch(n -> n.contains("draws itself into a ball")));
        // a storyboard's shots share one world
        assertEquals(1.62, parse("Shot 1: a steel ball drops from 1 m on the moon. Shot 2: a cube falls").scene().gravity(), 1e-12);
        PromptException two = assertThrows(PromptException.class, () -> parse("a ball falls on the moon on Mars"));
        assertTrue(two.getMessage().contains("names two gravities"), two.getMessage());
        PromptException pour = assertThrows(PromptException.class,
                () -> parse("water pours from a jug into a glass in zero gravity"));
        assertTrue(pour.getMessage().contains("pours without gravity"), pour.getMessage());
    }
    /**
     * The air of the world named: Mars's thin air and Venus's thick one hold up and slow what moves
     * outdoors; a room holds Earth's; "without air resistance" is the textbook's vacuum, with the
     * sky and the sound kept.
     */
    @Test
    void theAirOfTheWorldNamedIsTheAirTheBodiesFeel() {
        String[][] worlds = {{"", "1.204"}, {" on Earth", "1.204"}, {" on Mars", "0.02"}, {" on the surface of Venus", "65"},
                {" on the moon", "0"}, {" in a room on Mars", "1.204"}, {" in a room on the moon", "1.204"},
                {" without air resistance", "0"}, {" with no air resistance", "0"}, {" ignoring air drag", "0"},
                {" neglecting the air resistance", "0"}, {" on Mars without air resistance", "0"},
                {" without air resistance on Venus", "0"}};
        for (String[] w : worlds) {
            PromptParser.Parse p = parse("a feather falls from 2 m" + w[0]);
            assertTrue(p.ignoredWords().isEmpty(), w[0] + ": ignored " + p.ignoredWords());
            assertEquals(Double.parseDouble(w[1]), p.scene().environment().airDensity(), 1e-12, w[0]);
            if (w[1].equals("0") && !w[0].contains("moon")) {
                assertTrue(p.scene().environment().air(), w[0] + ": the sky and the sound stay");
                assertTrue(p.notes().stream().anyMatch(n -> n.contains("neither slows the bodies nor holds them up")), w[0] + ": " + p.notes());
            }
        }
        assertTrue(parse("a feather falls from 2 m on Mars").notes().stream().anyMatch(n -> n.contains("the air's density is 0.02 kg/m^3")));
        assertFalse(SceneJson.write(parse("a feather falls from 2 m").scene()).contains("airDensity"), "Earth's air is not written");
        assertEquals(0, parse("Shot 1: a feather falls from 2 m without air resistance. Shot 2: a ball falls")
                .scene().environment().airDensity(), "a storyboard's shots share one air");
    }

    /** Things the air holds up: a feather, a balloon of air, a balloon of helium. */
    @Test
    void feathersAndBalloonsAreWhatTheyWeigh() {
        SceneObject feather = parse("a feather falls from 2 m").scene().objects().getFirst();
        assertEquals(Shape.PLANK, feather.shape());
        assertEquals(Material.FEATHER, feather.material());
        assertEquals(new Vec3(0.2, 0.002, 0.04), feather.size());
        assertEquals(0.5e-3, feather.mass(), 0.01e-3, "half a gram");
        assertFalse(feather.rotation().equals(dev.diorama.scene.Quat.IDENTITY), "it leans as it is let go");
        assertEquals(feather.mass() / 1300, feather.enclosedVolume(), 1e-15, "the air takes its keratin's volume, not its box's");
        String[][] balloons = {{"a balloon", "BALLOON"}, {"a red latex balloon", "BALLOON"}, {"a rubber balloon", "BALLOON"},
                {"a helium balloon", "HELIUM"}, {"a party balloon", "BALLOON"}};
        for (String[] b : balloons) {
            PromptParser.Parse p = parse(b[0] + " floats in a room");
            SceneObject o = p.scene().objects().getFirst();
            assertEquals(Shape.BALL, o.shape(), b[0]);
            assertEquals(Material.valueOf(b[1]), o.material(), b[0]);
            assertEquals(0.28, o.size().x(), 1e-12, b[0]);
        }
        SceneObject cork = parse("a cork drops from 1 m").scene().objects().stream()
                .filter(o -> o.material() == Material.CORK).findFirst().orElseThrow();
        assertEquals(Shape.CYLINDER, cork.shape(), "a wine cork");
        assertEquals(new Vec3(0.024, 0.044, 0.024), cork.size());
        SceneObject corkBall = parse("a cork ball").scene().objects().getFirst();
        assertEquals(Shape.BALL, corkBall.shape(), "cork as a material");
        assertEquals(Material.CORK, corkBall.material());
        SceneObject helium = parse("a helium balloon").scene().objects().getFirst();
        assertEquals(4.9e-3, helium.mass(), 0.1e-3, "3 g of latex and 2 g of helium");
    }

    /**
     * Sports balls are hollow and weigh what their rules say; "hollow" makes any ball a shell (a
     * twentieth of its diameter thick), "solid" makes it solid through.
     */
    @Test
    void hollowBallsWeighWhatTheirRulesSay() {
        Object[][] balls = {{"a basketball", 0.567, 0.650}, {"a football", 0.410, 0.450}, {"a soccer ball", 0.410, 0.450},
                {"a volleyball", 0.260, 0.280}, {"a tennis ball", 0.0560, 0.0594}, {"a ping pong ball", 0.00265, 0.00280},
                {"a beach ball", 0.15, 0.30}};
        for (Object[] b : balls) {
            PromptParser.Parse p = parse(b[0] + " drops from 1 m");
            assertTrue(p.ignoredWords().isEmpty(), b[0] + ": ignored " + p.ignoredWords());
            SceneObject o = p.scene().objects().getFirst();
            assertTrue(o.wall() > 0, b[0] + " is hollow");
            assertTrue(o.mass() >= (double) b[1] && o.mass() <= (double) b[2], b[0] + " weighs " + o.mass() + " kg");
        }
        SceneObject big = parse("a big basketball").scene().objects().getFirst();
        assertEquals(0.0064, big.wall(), 1e-12, "a ball twice as big has a shell twice as thick");
        PromptParser.Parse race = parse("a hollow ball and a solid ball roll down a ramp");
        assertTrue(race.ignoredWords().isEmpty(), "ignored: " + race.ignoredWords());
        List<SceneObject> balls2 = race.scene().objects().stream().filter(o -> o.shape() == Shape.BALL).toList();
        assertEquals(2, balls2.size());
        assertEquals(Staging.HOLLOW_WALL * balls2.get(0).size().x(), balls2.get(0).wall(), 1e-12);
        assertEquals(0, balls2.get(1).wall());
        assertEquals(0, parse("a solid basketball").scene().objects().getFirst().wall(), "said solid");
        assertEquals(0, parse("a rubber ball").scene().objects().getFirst().wall(), "a plain ball is solid");
        PromptParser.Parse cube = parse("a hollow cube drops");
        assertEquals(0, cube.scene().objects().getFirst().wall());
        assertTrue(cube.notes().stream().anyMatch(n -> n.contains("only a ball is made hollow")), cube.notes().toString());
        assertTrue(parse("Shot 1: a cube falls. Shot 2: a hollow ball falls").scene().objects().stream()
                .anyMatch(o -> o.wall() > 0), "a storyboard's later shot keeps the ball hollow");
        PromptParser.Parse pendulum = parse("a hollow pendulum swings");
        assertEquals(1, pendulum.scene().objects().stream().filter(o -> o.wall() > 0).count(), "its bob is hollow");
        assertTrue(pendulum.notes().stream().noneMatch(n -> n.contains("only a ball is made hollow")), pendulum.notes().toString());
    }

    /** The wind: by Beaufort's names or a speed, from a compass point (the east unless said), outdoors only. */
    @Test
    void theWindBlowsOutdoorsAsTheWordsSay() {
        Object[][] winds = {{"in a light breeze", -2.5, 0.0}, {"in a breeze", -4.4, 0.0}, {"in a strong wind", -12.3, 0.0},
                {"in the wind", -6.7, 0.0}, {"on a windy day", -6.7, 0.0}, {"in a gale", -19.0, 0.0},
                {"in a 5 m/s wind", -5.0, 0.0}, {"in a wind of 36 km/h", -10.0, 0.0}, {"with a west wind", 6.7, 0.0},
                {"in a strong wind from the north", 0.0, 12.3}, {"in a 3 m/s wind blowing from the south", 0.0, -3.0}};
        for (Object[] w : winds) {
            PromptParser.Parse p = parse("a feather falls from 2 m outdoors " + w[0]);
            assertTrue(p.ignoredWords().isEmpty(), w[0] + ": ignored " + p.ignoredWords());
            Vec3 wind = p.scene().environment().wind();
            assertEquals((double) w[1], wind.x(), 1e-9, w[0] + ": " + wind);
            assertEquals((double) w[2], wind.z(), 1e-9, w[0] + ": " + wind);
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("the wind blows at")), w[0] + ": " + p.notes());
        }
        assertEquals(Vec3.ZERO, parse("a balloon floats outdoors").scene().environment().wind(), "still air unless said");
        PromptParser.Parse room = parse("a balloon floats in a room in a strong wind");
        assertEquals(Vec3.ZERO, room.scene().environment().wind());
        assertTrue(room.notes().stream().anyMatch(n -> n.contains("indoors the air is still")), room.notes().toString());
        PromptException moon = assertThrows(PromptException.class, () -> parse("a feather falls on the moon in a strong wind"));
        assertTrue(moon.getMessage().contains("wind where there is no air"), moon.getMessage());
        PromptParser.Parse vacuum = parse("a feather falls outdoors without air resistance in a breeze");
        assertEquals(Vec3.ZERO, vacuum.scene().environment().wind());
        assertTrue(vacuum.notes().stream().anyMatch(n -> n.contains("nothing to push with")), vacuum.notes().toString());
        PromptException two = assertThrows(PromptException.class, () -> parse("a ball outdoors in a breeze in a gale"));
        assertTrue(two.getMessage().contains("names two winds"), two.getMessage());
        assertTrue(SceneJson.write(parse("a balloon floats outdoors in a breeze").scene()).contains("\"wind\""));
    }

    /**
     * "a spinning top", "a toy top", "a top spins": a wooden cone 6 cm across and 4 cm tall set down
     * on its point, its axis 15 degrees off the vertical, spinning about that axis 40 turns a second
     * (20 "slowly", 50 "fast"), on the floor or on a table alike, and stepped so that it turns at
     * most 0.07 rad a step. "on top of", "the top of the stairs" stay what they were.
     */
    @Test
    void aSpinningTopIsSetDownOnItsPointSpinningAboutItsAxis() {
        for (String[] c : new String[][] {{"a spinning top", "40", "0"}, {"a toy top spins slowly", "20", "0"},
                {"a top spins fast on a wooden floor", "50", "0"}, {"a spinning top on a table", "40", "0.75"}}) {
            PromptParser.Parse p = PromptParser.parse(c[0], PromptParser.Options.DEFAULTS);
            assertTrue(p.ignoredWords().isEmpty(), c[0] + ": ignored " + p.ignoredWords());
            Scene s = p.scene();
            SceneObject top = s.objects().stream().filter(o -> o.shape() == Shape.CONE).findFirst().orElseThrow();
            assertEquals(new Vec3(0.06, 0.04, 0.06), top.size(), c[0]);
            Vec3 axis = top.rotation().rotate(new Vec3(0, -1, 0));   // from the point to the crown
            assertEquals(15, Math.toDegrees(Math.acos(axis.y())), 1e-9, c[0] + ": tilt");
            Vec3 point = top.position().minus(axis.times(top.size().y() / 2));
            // (on the floor to the micrometre; on a table a tenth of a millimetre above it, as anything set on one)
            assertEquals(Double.parseDouble(c[2]), point.y(), 1.1e-4, c[0] + ": its point on what it stands on");
            assertEquals(2 * Math.PI * Double.parseDouble(c[1]), top.spin().dot(axis), 1e-9, c[0] + ": spin about its axis");
            assertEquals(0, top.spin().cross(axis).length(), 1e-9, c[0] + ": and about it alone");
            assertTrue(s.physicsRate() * 0.07 >= top.spin().length(), c[0] + ": " + s.physicsRate() + " steps a second");
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("precesses about the vertical")), c[0] + ": " + p.notes());
        }
        for (String prompt : List.of("a ball on top of the table", "a ball rolls down from the top of the stairs")) {
            assertTrue(PromptParser.parse(prompt, PromptParser.Options.DEFAULTS).scene().objects().stream()
                    .noneMatch(o -> o.shape() == Shape.CONE), prompt);
        }
    }
}
