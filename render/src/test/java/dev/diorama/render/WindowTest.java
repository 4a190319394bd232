package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import dev.diorama.scene.Window;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window in the east wall of a 6 x 3 x 6 m room on the equator at the equinox: at 8:00 the sun
 * stands low in the east and its beam, the window's outline cast along the sun's direction, lies on
 * the floor where the geometry says.
 */
class WindowTest {
    static final Window EAST = new Window(Window.Wall.EAST, 0, 1.5, 1, 1);

    /** Where the window's corner (3, y, z) casts onto the floor along the sun's direction s. */
    static double[] onFloor(double y, double z, Vec3 s) {
        double t = y / s.y();
        return new double[] {3 - t * s.x(), z - t * s.z()};
    }

    /** Inside the parallelogram the window casts, by at least {@code margin} metres (negative: outside by that much). */
    static double inside(double x, double z, Vec3 s) {
        double[] a = onFloor(1, -0.5, s), b = onFloor(2, -0.5, s);  // the bottom edge casts nearer the wall
        // Across: z between the two side edges (the sun's z drift shifts both alike); along: x between the cast of the bottom and top edges.
        double shiftPerX = s.z() / s.x();
        double zc = z - (x - a[0]) * shiftPerX;  // z moved back to the bottom edge's line
        double across = Math.min(zc - a[1], (a[1] + 1) - zc);
        double along = Math.min(a[0] - x, x - b[0]);
        return Math.min(across, along);
    }

    @Test
    void theSunbeamLandsOnTheFloorWhereTheWindowCastsIt() {
        Scene scene = AreaLightTest.room(List.of(), List.of(EAST), LocalTime.of(8, 0));
        Vec3 s = scene.sun().direction();
        assertEquals(90, scene.sun().azimuth(), 2, "in the east");
        assertTrue(s.y() > 0.3 && s.y() < 0.6, "low: " + scene.sun().elevation());
        Surfaces surfaces = new Surfaces(scene);
        Enclosure room = new Enclosure(scene.environment().room(), scene.camera().position(), surfaces);
        int lit = 0, dark = 0;
        for (double x = -2.95; x < 3; x += 0.1) {
            for (double z = -2.95; z < 3; z += 0.1) {
                double m = inside(x, z, s);
                if (Math.abs(m) < 0.02) continue;  // on the beam's edge
                boolean sunny = room.exitsThroughWindow(x, 0, z, s.x(), s.y(), s.z());
                assertEquals(m > 0, sunny, "floor point (" + x + ", " + z + "), " + m + " m inside the cast outline");
                if (sunny) lit++;
                else dark++;
            }
        }
        assertTrue(lit > 100 && dark > 2000, lit + " lit, " + dark + " dark");
        // Not through the wall beside the window, the ceiling or the floor.
        assertTrue(!room.exitsThroughWindow(0, 1.5, 1.5, 1, 0, 0), "beside the window: the wall");
        assertTrue(!room.exitsThroughWindow(2.5, 1.5, 0, 0, 1, 0), "straight up: the ceiling");
        assertTrue(room.exitsThroughWindow(2.5, 1.5, 0, 1, 0, 0), "straight out through the middle");
    }

    @Test
    void thePictureShowsTheBeamAndTheSkyOutside() {
        // From the west end of the room, looking east and down at the floor in front of the window.
        Camera camera = new Camera(new Vec3(-2.5, 1.7, 0), new Vec3(1, 0.6, 0), 70);
        Scene base = AreaLightTest.room(List.of(), List.of(EAST), LocalTime.of(8, 0));
        int w = 192, h = 128;
        Scene scene = new Scene(7, 1, 24, w, h, 0, 9.81, base.time(), base.environment(), camera, List.of());
        Vec3 s = scene.sun().direction();
        double[] a = onFloor(1, 0, s), b = onFloor(2, 0, s);
        double beamX = (a[0] + b[0]) / 2, beamZ = (a[1] + b[1]) / 2;
        byte[] bgr = new byte[w * h * 3];
        try (Renderer r = new Renderer(scene, 2)) {
            r.render(TestScenes.rest(scene), bgr);
            double[] in = r.project(beamX, 0, beamZ), out = r.project(beamX, 0, beamZ + 1.2);
            int floor = new Surfaces(scene).floor;
            assertEquals(floor, r.surfaceAt((int) in[0], (int) in[1]));
            assertEquals(floor, r.surfaceAt((int) out[0], (int) out[1]));
            double sunny = TestScenes.luminance(TestScenes.linear(bgr, w, (int) in[0], (int) in[1]));
            double shade = TestScenes.luminance(TestScenes.linear(bgr, w, (int) out[0], (int) out[1]));
            // Film values: the beam, a hundred times the room's light, burns out to white; beside it the
            // floor shows at the exposure metered for the room.
            assertTrue(sunny > 0.9 && shade < 0.5 * sunny, "in the beam " + sunny + ", beside it " + shade);
            // Through the window: nothing in the room, the sky beyond.
            double[] sky = r.project(3, 1.9, 0);
            assertEquals(Hit.NONE, r.surfaceAt((int) sky[0], (int) sky[1]), "the window shows the outside");
            double[] wall = r.project(3, 1.5, 1.5);
            assertEquals(new Surfaces(scene).wall, r.surfaceAt((int) wall[0], (int) wall[1]), "the wall beside the window");
            // Exposed for the room, the daylit sky burns out as in a photograph of an interior.
            double outside = TestScenes.luminance(TestScenes.linear(bgr, w, (int) sky[0], (int) sky[1]));
            double inside = TestScenes.luminance(TestScenes.linear(bgr, w, (int) wall[0], (int) wall[1]));
            assertTrue(outside > 0.95 && outside > inside, "outside " + outside + ", the wall " + inside);
        }
    }

    @Test
    void daylightRaisesTheRoomsAmbientLightAndNightDoesNot() {
        Lighting closed = new Lighting(AreaLightTest.room(List.of(), List.of(), LocalTime.of(12, 0)));
        Lighting day = new Lighting(AreaLightTest.room(List.of(), List.of(EAST), LocalTime.of(12, 0)));
        Lighting night = new Lighting(AreaLightTest.room(List.of(), List.of(EAST), LocalTime.of(23, 0)));
        assertTrue(day.keyOn && !night.keyOn && !closed.keyOn, "the sun is the key light by day through a window only");
        assertTrue(day.ambientRadiance[1] > 10 * closed.ambientRadiance[1],
                "daylight through a square metre of window outshines a 1000 lm lamp: " + day.ambientRadiance[1] + " against "
                        + closed.ambientRadiance[1]);
        // At night the window lets light out, not in: a black square metre among 96 of walls, floor
        // and ceiling lowers the mean albedo a little, and the interreflected light with it.
        assertTrue(night.ambientRadiance[1] < closed.ambientRadiance[1], "a black hole in the wall reflects nothing");
        assertEquals(closed.ambientRadiance[1], night.ambientRadiance[1], 0.05 * closed.ambientRadiance[1]);
    }
}
