package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SceneJsonTest {
    static final String BALL = """
            {"id": "b", "shape": "ball", "material": "rubber", "size": 0.2, "position": [0, 1, 0]}""";

    @Test
    void aSceneWrittenAndReadBackIsEqual() {
        SceneObject ball = new SceneObject("red-ball", Shape.BALL, Material.RUBBER, Colors.named("red"),
                new Vec3(0.2, 0.2, 0.2), new Vec3(0, 1, 0), null, new Vec3(0.5, 0, 0));
        SceneObject plank = new SceneObject("plank", Shape.PLANK, Material.WOOD, new Rgb(0.1, 0.2, 0.3),
                new Vec3(1, 0.05, 0.2), new Vec3(1, 0.5, 0.5), Quat.axisAngle(Vec3.UP, 0.3), null);
        Environment env = new Environment(Environment.Kind.INDOOR, Material.STONE,
                new Room(new Vec3(5, 3, 5), Material.WOOD, Material.GLASS), 59.91, 10.75, LocalDate.of(2026, 12, 1), 1);
        Scene s = new Scene(42, 8, 30, 720, 1280, 0, 9.81, LocalTime.of(15, 0), env, null, List.of(ball, plank));
        Scene back = SceneJson.read(SceneJson.write(s));
        assertEquals(s, back);
        assertEquals(240, back.physicsRate());
        assertEquals(8, back.stepsPerFrame());
    }

    @Test
    void theSkyFieldsRoundTripAndStayOutOfFilesThatDoNotSetThem() {
        Scene plain = SceneJson.read("{\"objects\": [" + BALL + "]}");
        assertEquals(Environment.DEFAULT_TURBIDITY, plain.environment().turbidity());
        assertEquals(0, plain.environment().cloudCover());
        assertEquals(null, plain.environment().environmentMap());
        String written = SceneJson.write(plain);
        assertTrue(!written.contains("turbidity") && !written.contains("cloudCover") && !written.contains("environmentMap"),
                written);
        Scene hazy = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"turbidity\": 4.5, "
                + "\"cloudCover\": 0.25, \"environmentMap\": {\"path\": \"sky.jpg\", \"rotation\": 90, \"intensity\": 2}}}");
        assertEquals(4.5, hazy.environment().turbidity());
        assertEquals(0.25, hazy.environment().cloudCover());
        assertEquals(new EnvironmentImage("sky.jpg", 90, 2), hazy.environment().environmentMap());
        assertEquals(hazy, SceneJson.read(SceneJson.write(hazy)));
        Scene photo = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"environmentMap\": \"a.png\"}}");
        assertEquals(new EnvironmentImage("a.png"), photo.environment().environmentMap());
        assertEquals(photo, SceneJson.read(SceneJson.write(photo)));
        // air: written only when there is none
        assertTrue(plain.environment().air() && !written.contains("\"air\""), written);
        Scene moon = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"air\": false}}");
        assertTrue(!moon.environment().air());
        assertTrue(SceneJson.write(moon).contains("\"air\" : false"), SceneJson.write(moon));
        assertEquals(moon, SceneJson.read(SceneJson.write(moon)));
        // the air's density: Earth's by default and none without air, written only when it is not the default
        assertEquals(Environment.EARTH_AIR_DENSITY, plain.environment().airDensity());
        assertTrue(!written.contains("airDensity"), written);
        assertEquals(0, moon.environment().airDensity());
        assertTrue(!SceneJson.write(moon).contains("airDensity"), SceneJson.write(moon));
        Scene mars = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"airDensity\": 0.02}}");
        assertEquals(0.02, mars.environment().airDensity());
        assertTrue(SceneJson.write(mars).contains("\"airDensity\" : 0.02"), SceneJson.write(mars));
        assertEquals(mars, SceneJson.read(SceneJson.write(mars)));
        // the wind: written only when there is one
        assertTrue(!written.contains("wind"), written);
        Scene windy = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"wind\": [-4.4, 0, 0]}}");
        assertEquals(new Vec3(-4.4, 0, 0), windy.environment().wind());
        assertEquals(windy, SceneJson.read(SceneJson.write(windy)));
        assertEquals(Vec3.ZERO, windy.environment().withAir(false).wind(), "no air, no wind");
        Scene textbook = SceneJson.read("{\"objects\": [" + BALL + "], \"environment\": {\"airDensity\": 0}}");
        assertTrue(textbook.environment().air(), "no air resistance, and still a sky and sound");
        assertEquals(textbook, SceneJson.read(SceneJson.write(textbook)));
    }

    /**
     * Slow motion: captureFps is written only when it is not fps, reads back, and the scene as its
     * camera takes it (capture) is the world's length at that rate, with the same frames and shots
     * starting at their world times; bad rates name the field and what was expected.
     */
    @Test
    void captureFpsRoundTripsAndTheCaptureIsTheWorldInRealTime() {
        Scene plain = SceneJson.read("{\"objects\": [" + BALL + "]}");
        assertEquals(plain.fps(), plain.captureFps());
        assertTrue(!SceneJson.write(plain).contains("captureFps"));
        assertTrue(plain.capture() == plain, "real time: the scene itself");
        Scene slow = SceneJson.read("{\"seconds\": 3, \"captureFps\": 240, \"objects\": [" + BALL + "], \"shots\": ["
                + "{\"start\": 0, \"camera\": {\"position\": [0, 1, -4], \"lookAt\": [0, 0.5, 0], \"fov\": 50}},"
                + "{\"start\": 2, \"camera\": {\"position\": [2, 1, -4], \"lookAt\": [0, 0.5, 0], \"fov\": 40}}]}");
        assertEquals(240, slow.captureFps());
        assertEquals(10, slow.slowMotion(), 1e-12);
        assertEquals(0.3, slow.worldSeconds(), 1e-12);
        assertEquals(240, slow.physicsRate(), "the default physics rate, a whole multiple of the capture's");
        assertTrue(SceneJson.write(slow).contains("\"captureFps\" : 240"), SceneJson.write(slow));
        assertEquals(slow, SceneJson.read(SceneJson.write(slow)));
        Scene world = slow.capture();
        assertEquals(240, world.fps());
        assertEquals(240, world.captureFps());
        assertEquals(0.3, world.seconds(), 1e-12);
        assertEquals(slow.frameCount(), world.frameCount(), "one taken frame for each of the film's");
        assertEquals(0.2, world.shots().get(1).start(), 1e-12, "the cut at 2 s of film is 0.2 s into the world");
        assertEquals(slow.camera(), world.camera());
        // a film's frames a second from a scene file stay at most 120; the capture may be more
        SceneException fast = assertThrows(SceneException.class, () -> SceneJson.read("{\"fps\": 240, \"objects\": []}"));
        assertEquals("/fps", fast.pointer());
        for (String[] bad : new String[][] {{"12", "/captureFps"}, {"20000", "/captureFps"}}) {
            SceneException e = assertThrows(SceneException.class,
                    () -> SceneJson.read("{\"captureFps\": " + bad[0] + ", \"objects\": []}"));
            assertEquals(bad[1], e.pointer(), bad[0]);
            assertTrue(e.getMessage().contains("from fps (24, real time) to 10000 (slow motion)"), e.getMessage());
        }
        SceneException rate = assertThrows(SceneException.class,
                () -> SceneJson.read("{\"captureFps\": 120, \"physicsRate\": 300, \"objects\": []}"));
        assertEquals("/physicsRate", rate.pointer());
        assertTrue(rate.getMessage().contains("whole multiple of captureFps (120)"), rate.getMessage());
        // the world's events happen within the world's seconds: an object entering after them is refused
        SceneException late = assertThrows(SceneException.class, () -> SceneJson.read("{\"captureFps\": 120, \"objects\": ["
                + BALL.replace("{", "{\"enters\": 1, ") + "]}"));
        assertEquals("/objects/0/enters", late.pointer());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"turbidity\": 0.5}|/environment/turbidity|[1, 10]",
        "{\"turbidity\": \"hazy\"}|/environment/turbidity|a number",
        "{\"cloudCover\": 2}|/environment/cloudCover|[0, 1]",
        "{\"environmentMap\": 3}|/environment/environmentMap|object",
        "{\"environmentMap\": \"\"}|/environment/environmentMap|path",
        "{\"environmentMap\": {\"path\": \"a.jpg\", \"intensity\": 0}}|/environment/environmentMap/intensity|(0, 1000]",
        "{\"environmentMap\": {\"rotation\": 10}}|/environment/environmentMap/path|missing",
        "{\"air\": \"none\"}|/environment/air|true or false",
        "{\"air\": false, \"kind\": \"indoor\"}|/environment/air|only outdoors",
        "{\"air\": false, \"environmentMap\": \"a.png\"}|/environment/air|an airless sky is black",
        "{\"airDensity\": -1}|/environment/airDensity|[0, 100]",
        "{\"airDensity\": 1000}|/environment/airDensity|[0, 100]",
        "{\"airDensity\": \"thin\"}|/environment/airDensity|a number",
        "{\"air\": false, \"airDensity\": 1.2}|/environment/airDensity|no air density",
        "{\"wind\": [60, 0, 0]}|/environment/wind|at most 50",
        "{\"wind\": [40, 0, 40]}|/environment/wind|at most 50 m/s",
        "{\"wind\": 5}|/environment/wind|array",
        "{\"wind\": [5, 0, 0], \"kind\": \"indoor\", \"room\": {\"size\": [4, 3, 4]}}|/environment/wind|only outdoors",
        "{\"wind\": [5, 0, 0], \"air\": false}|/environment/wind|no density",
        "{\"wind\": [5, 0, 0], \"airDensity\": 0}|/environment/wind|no density",
    })
    void aBadSkyNamesItsField(String environment, String pointer, String expected) {
        SceneException e = assertThrows(SceneException.class,
                () -> SceneJson.read("{\"objects\": [], \"environment\": " + environment + "}"));
        assertEquals(pointer, e.pointer());
        assertTrue(e.expectation().contains(expected), e.getMessage());
    }

    @Test
    void theDocumentedDefaultsFillWhatAFileLeavesOut() {
        Scene s = SceneJson.read("{\"objects\": [" + BALL + "]}");
        assertEquals(1280, s.width());
        assertEquals(720, s.height());
        assertEquals(24, s.fps());
        assertEquals(4, s.seconds());
        assertEquals(240, s.physicsRate());
        assertEquals(Environment.Kind.OUTDOOR, s.environment().kind());
        assertEquals(new Vec3(0.2, 0.2, 0.2), s.objects().getFirst().size());
        assertEquals(Material.RUBBER.color, s.objects().getFirst().color());
        assertTrue(s.camera() != null, "a camera that frames the objects");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"objects\": [], \"fps\": 0}|/fps|frames per second",
        "{\"objects\": [], \"seconds\": 0}|/seconds|greater than 0",
        "{\"objects\": [], \"seconds\": 301}|/seconds|at most 300",
        "{\"objects\": [], \"size\": \"0x0\"}|/size|even picture width",
        "{\"objects\": [], \"size\": \"big\"}|/size|WIDTHxHEIGHT",
        "{\"objects\": [], \"fps\": 24, \"physicsRate\": 250}|/physicsRate|whole multiple of fps",
        "{\"objects\": [], \"time\": \"25:00\"}|/time|HH:MM",
        "{\"objects\": [], \"colour\": 1}|/colour|unknown field",
        "{\"objects\": {}}|/objects|array of objects",
        "{}|/objects|array of objects",
        "[1, 2]||a JSON object",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": [0.2, 0.3, 0.2], \"position\": [0, 1, 0]}]}|/objects/0/size|three extents to be equal",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"torus\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0]}]}|/objects/0/shape|\"ball\", \"cube\"",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0, \"position\": [0, 1, 0]}]}|/objects/0/size|greater than 0 m",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, -1, 0]}]}|/objects/0/position|above the floor",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2}]}|/objects/0/position|required field is missing",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0], \"color\": \"blurple\"}]}|/objects/0/color|colour name",
        "{\"objects\": [{\"id\": \"floor\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0]}]}|/objects/0/id|reserved",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"cube\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0], \"wall\": 0.01}]}|/objects/0/wall|only a ball can be a hollow shell",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0], \"wall\": 0.1}]}|/objects/0/wall|thinner than the ball's radius, 0.1 m",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0], \"wall\": -1}]}|/objects/0/wall|0 or more",
        "{\"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [0, 1, 0], \"wall\": \"thin\"}]}|/objects/0/wall|a number",
        "{\"environment\": {\"kind\": \"indoor\", \"room\": {\"size\": [2, 2, 2]}}, \"objects\": [{\"id\": \"b\", \"shape\": \"ball\", \"material\": \"rubber\", \"size\": 0.2, \"position\": [5, 1, 0]}]}|/objects/0/position|inside the room",
        "{\"environment\": {\"latitude\": 95}, \"objects\": []}|/environment/latitude|[-90, 90]",
        "{\"camera\": {\"position\": [0, 1, 0], \"lookAt\": [0, 1, 0]}, \"objects\": []}|/camera/lookAt|different from the eye",
        "{\"camera\": {\"move\": {\"kind\": \"spin\"}}, \"objects\": []}|/camera/move/kind|\"orbit\"",
        "{\"camera\": {\"move\": {\"kind\": \"orbit\"}}, \"objects\": []}|/camera/move/degrees|required field",
        "{\"camera\": {\"move\": {\"kind\": \"orbit\", \"distance\": 2}}, \"objects\": []}|/camera/move/distance|unknown field",
        "{\"camera\": {\"move\": {\"kind\": \"pan\", \"degrees\": \"left\"}}, \"objects\": []}|/camera/move/degrees|a number",
        "{\"camera\": {\"move\": {\"kind\": \"zoom\", \"fov\": 200}}, \"objects\": []}|/camera/move/fov|(1, 170)",
        "{\"camera\": {\"move\": {\"kind\": \"track\", \"target\": \"x\"}}, \"objects\": [" + BALL + "]}|/camera/move/target|one of the objects",
        "{\"camera\": {\"position\": [0, 1, -2], \"lookAt\": [0, 1, 0], \"move\": {\"kind\": \"dolly\", \"distance\": 3}}, \"objects\": []}|/camera/move/distance|less than 1.95 m",
        "{\"timeLapse\": {\"hours\": 49}, \"objects\": []}|/timeLapse/hours|at most 48",
        "{\"timeLapse\": {}, \"objects\": []}|/timeLapse|\"hours\"",
        "{\"time\": \"06:00\", \"timeLapse\": {\"hours\": 2, \"end\": \"09:00\"}, \"objects\": []}|/timeLapse/end|08:00",
        "{\"environment\": {\"place\": \"Atlantis\"}, \"objects\": []}|/environment/place|a city Diorama knows",
        "{\"environment\": {\"place\": \"Oslo\", \"zone\": \"Mars/Olympus\"}, \"objects\": []}|/environment/zone|IANA time zone",
        "{\"environment\": {\"place\": \"Oslo\", \"date\": \"2026-12-21\", \"utcOffset\": 2}, \"objects\": []}|/environment/utcOffset|expected 1 hours, the offset of Europe/Oslo on 2026-12-21",
    })
    void anInvalidSceneNamesTheJsonPointerAndWhatWasExpected(String json, String pointer, String expectation) {
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.read(json));
        assertEquals(pointer == null ? "" : pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().contains(expectation), e.getMessage());
    }

    @Test
    void aCameraMoveATimeLapseAndAPlaceAreWrittenAndReadBack() {
        Scene base = SceneJson.read("""
                {"time": "06:00", "timeLapse": {"end": "21:00"},
                 "environment": {"place": "Tokyo", "date": "2026-06-21"},
                 "camera": {"position": [0, 1, -4], "lookAt": [0, 0.5, 0], "fov": 40,
                            "move": {"kind": "orbit", "degrees": 90}},
                 "objects": [%s]}""".formatted(BALL));
        assertEquals(15, base.timeLapse().hours());
        assertEquals(new CameraMove.Orbit(90), base.cameraMove());
        Environment e = base.environment();
        assertEquals("Tokyo", e.place());
        assertEquals("Asia/Tokyo", e.zone());
        assertEquals(9, e.utcOffset());
        assertEquals(35.6762, e.latitude());
        assertEquals(base, SceneJson.read(SceneJson.write(base)));
        for (CameraMove m : List.of(new CameraMove.Pan(-30), new CameraMove.Tilt(10), new CameraMove.Dolly(-1),
                new CameraMove.Zoom(25), new CameraMove.Track("b"))) {
            Scene s = base.withDirection(base.camera(), m, null);
            assertEquals(s, SceneJson.read(SceneJson.write(s)), m.kind());
        }
    }

    @Test
    void theDefaultPlaceIsParisWhoseOffsetFollowsTheDate() {
        Scene s = SceneJson.read("{\"objects\": [" + BALL + "]}");
        assertEquals("Paris", s.environment().place());
        assertEquals(2, s.environment().utcOffset(), "summer time on 22 September 2026");
        Scene winter = SceneJson.read("{\"environment\": {\"date\": \"2026-12-21\"}, \"objects\": [" + BALL + "]}");
        assertEquals(1, winter.environment().utcOffset());
        assertEquals(Environment.DEFAULT_LATITUDE, winter.environment().latitude());
        // Coordinates without an offset or zone keep the sun's time: noon near the sun's highest.
        Scene far = SceneJson.read("{\"environment\": {\"latitude\": 35, \"longitude\": 139}, \"objects\": [" + BALL + "]}");
        assertEquals(9, far.environment().utcOffset());
        assertEquals(null, far.environment().zone());
    }

    @Test
    void twoObjectsMayNotShareAnId() {
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.read("{\"objects\": [" + BALL + ", " + BALL + "]}"));
        assertEquals("/objects/1/id", e.pointer());
    }

    @Test
    void invalidJsonSaysWhere() {
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.read("{\"objects\": [}"));
        assertTrue(e.getMessage().contains("expected valid JSON") && e.getMessage().contains("line 1"), e.getMessage());
    }

    /** A hollow ball: its wall is written only when it has one, reads back, and sets its mass and inertia. */
    @Test
    void aHollowBallKeepsItsWallAndWeighsItsShellAndItsAir() {
        Scene s = SceneJson.read("{\"objects\": [{\"id\": \"basketball\", \"shape\": \"ball\", \"material\": \"rubber\", "
                + "\"size\": 0.24, \"position\": [2, 1, 0], \"wall\": 0.0032}, " + BALL + "]}");
        SceneObject b = s.objects().getFirst();
        assertEquals(0.0032, b.wall());
        assertTrue(SceneJson.write(s).contains("\"wall\" : 0.0032"), SceneJson.write(s));
        assertEquals(1, SceneJson.write(s).split("\"wall\"").length - 1, "the solid ball has none written");
        assertEquals(s, SceneJson.read(SceneJson.write(s)));
        // a basketball: 3.2 mm of rubber (1100 kg/m^3) around 7.0 l of air
        double big = 0.12, small = big - 0.0032;
        double shell = 4 * Math.PI / 3 * (big * big * big - small * small * small), air = 4 * Math.PI / 3 * small * small * small;
        assertEquals(1100 * shell + Environment.EARTH_AIR_DENSITY * air, b.mass(), 1e-12);
        assertEquals(0.628, b.mass(), 0.001, "a basketball's weight (FIBA: 567-650 g)");
        assertEquals(4 * Math.PI / 3 * big * big * big, b.enclosedVolume(), 1e-15, "it displaces its whole sphere");
        // its shell's moment, 8 pi rho (R^5 - r^5) / 15, and its air's: 0.646 m R^2, near a thin
        // shell's 2/3 m R^2 (a solid ball's is 2/5)
        double inertia = 8 * Math.PI / 15 * 1100 * (Math.pow(big, 5) - Math.pow(small, 5))
                + 0.4 * Environment.EARTH_AIR_DENSITY * air * small * small;
        assertEquals(inertia, b.shellInertia(), 1e-15);
        assertEquals(0.646, b.shellInertia() / (b.mass() * big * big), 0.001);
        assertEquals(0, s.objects().get(1).shellInertia());
        assertEquals(s.objects().get(1), s.objects().get(1).withWall(0));
    }
}
