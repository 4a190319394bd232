package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Places;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.SolarPosition;
import dev.diorama.scene.Vec3;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shadows fall where geometry puts them. */
class ShadowTest {
    private static final int W = 320, H = 180;
    /** Looking north (+z) at a ball of radius 0.5 resting at the origin; image left is east (+x). */
    private static final Camera CAMERA = new Camera(new Vec3(0, 1.5, -5), new Vec3(0, 0.3, 0), 60);

    /** Luminance of the floor at world point (x, 0, z), checking that the floor is what the pixel shows. */
    private static double floorAt(Renderer r, byte[] bgr, Scene scene, double x, double z) {
        double[] p = r.project(x, 0, z);
        int px = (int) p[0], py = (int) p[1];
        assertEquals(scene.objects().size(), r.surfaceAt(px, py), "pixel of floor point (" + x + ", " + z + ")");
        return TestScenes.luminance(TestScenes.linear(bgr, W, px, py));
    }

    @Test
    void aBallUnderAHighSunShadesTheFloorRightBesideIt() {
        Scene scene = TestScenes.equator(W, H, LocalTime.of(12, 7), CAMERA,
                List.of(TestScenes.ball("ball", Material.RUBBER, TestScenes.RED, 0.5, 0, 0)));
        assertTrue(scene.sun().elevation() > 85, "the sun is nearly overhead: " + scene.sun().elevation());
        byte[] bgr = new byte[W * H * 3];
        try (Renderer r = new Renderer(scene, 2)) {
            r.render(TestScenes.rest(scene), bgr);
            // Inside the shadow disk (radius 0.5 under the ball), just beside the ball's silhouette.
            double shaded = Math.max(floorAt(r, bgr, scene, 0.45, -0.15), floorAt(r, bgr, scene, -0.45, -0.15));
            double open = floorAt(r, bgr, scene, 2.5, 0);
            assertTrue(shaded < 0.4 * open, "shadow " + shaded + " against open floor " + open);
            double near = floorAt(r, bgr, scene, 0.75, -0.3);  // just outside the shadow: lit
            assertTrue(near > 0.7 * open, "lit floor near the ball " + near + " against " + open);
        }
    }

    @Test
    void withTheSunOnTheLeftTheShadowFallsToTheRight() {
        // At 9:00 at the equinox on the equator the sun stands in the east, about 45 degrees high.
        Scene scene = TestScenes.equator(W, H, LocalTime.of(9, 7), CAMERA,
                List.of(TestScenes.ball("ball", Material.RUBBER, TestScenes.RED, 0.5, 0, 0)));
        SolarPosition sun = scene.sun();
        assertEquals(90, sun.azimuth(), 3);
        assertEquals(45, sun.elevation(), 3);
        byte[] bgr = new byte[W * H * 3];
        try (Renderer r = new Renderer(scene, 1)) {
            r.render(TestScenes.rest(scene), bgr);
            double[] left = r.project(1, 0, 0), right = r.project(-1, 0, 0);
            assertTrue(left[0] < W / 2.0 && right[0] > W / 2.0, "east is on the left of the picture");
            // The shadow's ellipse runs from x = 0.2 to x = -1.2 (west).
            double east = floorAt(r, bgr, scene, 0.9, 0), west = floorAt(r, bgr, scene, -0.9, 0);
            assertTrue(west < 0.4 * east, "west (right) " + west + " should be in shadow, east (left) " + east + " lit");
        }
    }

    /**
     * A pole 1.5 m tall seen from straight above: the dark pixels on the floor around it lie in the
     * direction opposite the sun's azimuth, within half a degree (0.01 to 0.11 measured), at four
     * places and dates (both hemispheres, morning, afternoon, a low winter sun).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Paris, 2026-09-22, 16:00", "Tokyo, 2026-06-21, 09:00", "Sydney, 2026-12-21, 17:00",
                "Oslo, 2026-12-15, 12:30"})
    void aPolesShadowPointsAwayFromTheSunsAzimuth(String city, String date, String time) {
        Places.Place p = Places.find(city);
        LocalDate day = LocalDate.parse(date);
        Environment env = Environment.outdoor(Material.STONE).at(p.latitude(), p.longitude(), day, p.utcOffset(day),
                p.name(), p.zone());
        SceneObject pole = new SceneObject("pole", Shape.CYLINDER, Material.PLASTIC, null, new Vec3(0.06, 1.5, 0.06),
                new Vec3(0, 0.75, 0), null, null);
        int n = 240;
        Camera above = new Camera(new Vec3(0, 6, 0), new Vec3(0, 0, 0), 60);
        Scene scene = new Scene(7, 1, 24, n, n, 0, 9.81, LocalTime.parse(time), env, above, List.of(pole));
        SolarPosition sun = scene.sun();
        assertTrue(sun.elevation() > 5, city + ": the sun must be up: " + sun.elevation());
        double reach = Math.min(2.5, 0.8 * 1.5 / Math.tan(Math.toRadians(sun.elevation())));
        byte[] bgr = new byte[n * n * 3];
        double[] darkness = new double[720];
        try (Renderer r = new Renderer(scene, 2)) {
            r.render(TestScenes.rest(scene), bgr);
            double[] lum = new double[720];
            for (int k = 0; k < 720; k++) {
                double az = Math.toRadians(k / 2.0), sum = 0;
                int count = 0;
                for (double rho = 0.25; rho <= reach; rho += 0.05) {
                    // azimuth clockwise from north; east is +x, north is -z
                    double[] px = r.project(rho * Math.sin(az), 0, -rho * Math.cos(az));
                    sum += TestScenes.luminance(TestScenes.linear(bgr, n, (int) px[0], (int) px[1]));
                    count++;
                }
                lum[k] = sum / count;
            }
            double[] sorted = lum.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[360];
            // Shade is what is darker than the open floor by more than its flagstones vary (8 %).
            for (int k = 0; k < 720; k++) darkness[k] = Math.max(0, (median - lum[k]) / median - 0.15);
        }
        // Circular mean of the dark directions.
        double sx = 0, sy = 0;
        for (int k = 0; k < 720; k++) {
            sx += darkness[k] * Math.sin(Math.toRadians(k / 2.0));
            sy += darkness[k] * Math.cos(Math.toRadians(k / 2.0));
        }
        assertTrue(Math.hypot(sx, sy) > 0, city + ": no shadow found");
        double shadow = (Math.toDegrees(Math.atan2(sx, sy)) + 360) % 360;
        double expected = (sun.azimuth() + 180) % 360;
        double error = Math.abs(((shadow - expected) % 360 + 540) % 360 - 180);
        assertTrue(error < 0.5, city + ": shadow toward " + shadow + " deg, expected " + expected + " (sun azimuth "
                + sun.azimuth() + ")");
    }

    @Test
    void aBallsPenumbraIsAnalyticAndAsWideAsTheSunsDisk() {
        // A ball of radius 1 centred 10 m straight above a point, light from straight up.
        Geometry g = new Geometry(List.of(TestScenes.ball("b", Material.RUBBER, null, 1, 0, 0)));
        g.update(List.of(new dev.diorama.scene.Pose(new Vec3(0, 10, 0), dev.diorama.scene.Quat.IDENTITY)));
        double tan = Math.tan(Math.toRadians(Atmosphere.SUN_RADIUS_DEG));
        // The silhouette edge, seen from distance ~10 m, sits at rho = r; the penumbra spans +-10 tan.
        double half = Math.sqrt(99) * tan;
        assertEquals(0, g.visibility(0, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, tan, null, 0, 1, -1), 1e-12);
        assertEquals(0.5, g.visibility(1, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, tan, null, 0, 1, -1), 0.02);
        assertEquals(0, g.visibility(1 - 1.01 * half, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, tan, null, 0, 1, -1), 1e-9);
        assertEquals(1, g.visibility(1 + 1.01 * half, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, tan, null, 0, 1, -1), 1e-9);
        double quarter = g.visibility(1 - 0.4 * half, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, tan, null, 0, 1, -1);
        assertTrue(quarter > 0 && quarter < 0.5, "inside the penumbra: " + quarter);
    }
}
