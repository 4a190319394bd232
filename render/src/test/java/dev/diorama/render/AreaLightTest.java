package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Area lights against the analytic irradiance of a disk, a rectangle and a sphere; their shadows;
 * a glowing object in the picture.
 */
class AreaLightTest {
    /** A shader for {@code scene} at rest with its area lights, as the renderer makes it. */
    static Shader shader(Scene scene, AreaLights[] lightsOut) {
        Geometry geometry = new Geometry(scene.objects());
        geometry.update(TestScenes.rest(scene).poses());
        Bvh bvh = new Bvh(geometry);
        bvh.rebuild();
        Surfaces surfaces = new Surfaces(scene);
        Lighting lighting = new Lighting(scene);
        AreaLights lights = new AreaLights(scene, geometry, surfaces, lighting);
        lightsOut[0] = lights;
        PinholeCamera camera = new PinholeCamera(scene.camera(), scene.width(), scene.height());
        Enclosure enclosure = new Enclosure(scene.environment().room(), scene.camera().position(), surfaces);
        return new Shader(geometry, bvh, enclosure, surfaces, lighting, camera, RenderOptions.DEFAULT, lights);
    }

    static Scene room(List<SceneObject> objects, List<dev.diorama.scene.Window> windows, LocalTime time) {
        Environment env = Environment.indoor(Material.WOOD, new Room(new Vec3(6, 3, 6), Material.PLASTIC, Material.PLASTIC, windows));
        env = new Environment(env.kind(), env.floor(), env.room(), 0, 0, TestScenes.EQUINOX, 0);
        return new Scene(7, 1, 24, 96, 64, 0, 9.81, time, env, new Camera(new Vec3(0, 1.5, -2.5), new Vec3(0, 1, 0), 60), objects);
    }

    @Test
    void theCeilingLampGivesTheIrradianceOfADisk() {
        AreaLights[] l = new AreaLights[1];
        Shader s = shader(room(List.of(), List.of(), LocalTime.of(21, 0)), l);
        int lamp = 0;
        assertEquals(AreaLights.CEILING, l[0].kind[lamp]);
        double radiance = l[0].radiance[1], r = Lighting.LAMP_RADIUS, top = 3 - Lighting.LAMP_GAP;
        // A receiver parallel to a disk of radius R, h below its plane and rho off its axis:
        // E = (pi L / 2) (1 - (h^2 + rho^2 - R^2) / sqrt((h^2 + rho^2 + R^2)^2 - 4 R^2 rho^2)).
        for (double h : new double[] {2.99, 1.5, 0.6, 0.3}) {
            for (double rho : new double[] {0, 0.2, 0.5, 1.5}) {
                double a = h * h + rho * rho + r * r;
                double exact = Math.PI * radiance / 2 * (1 - (h * h + rho * rho - r * r) / Math.sqrt(a * a - 4 * r * r * rho * rho));
                assertTrue(s.areaLight(lamp, rho, top - h, 0, 0, 1, 0, Hit.NONE, 1), "lit at h " + h);
                assertEquals(exact, s.lightG, 0.02 * exact, "h " + h + ", rho " + rho);
            }
        }
        // Above the lamp's plane the disk sends nothing.
        assertFalse(s.areaLight(lamp, 2, top + 0.001, 0, 0, 1, 0, Hit.NONE, 1));
    }

    @Test
    void aGlowingPanelGivesTheIrradianceOfARectangle() {
        // A panel 0.8 x 0.5 m, 1 mm thick, its underside 2 m above the floor, glowing at 3000 cd/m^2.
        double w = 0.8, d = 0.5, y = 2;
        SceneObject panel = new SceneObject("panel", Shape.PLANK, Material.PLASTIC, new dev.diorama.scene.Rgb(1, 1, 1),
                new Vec3(w, 0.001, d), new Vec3(0, y + 0.0005, 0), Quat.IDENTITY, null, true, null, 0, 3000);
        AreaLights[] l = new AreaLights[1];
        Shader s = shader(room(List.of(panel), List.of(), LocalTime.of(21, 0)), l);
        int light = 0;
        assertEquals(AreaLights.OBJECT, l[0].kind[light]);
        double radiance = 3000 * Lighting.RADIANCE_PER_NIT;
        assertEquals(radiance, l[0].radiance[1], 1e-12, "white: the luminance in every band");
        for (double h : new double[] {1.9, 1.0, 0.6}) {
            for (double[] at : new double[][] {{0, 0}, {0.2, 0.1}, {0.4, 0.25}, {1.0, -0.6}}) {
                double exact = rectangle(radiance, at[0] - w / 2, at[0] + w / 2, at[1] - d / 2, at[1] + d / 2, h);
                assertTrue(s.areaLight(light, at[0], y - h, at[1], 0, 1, 0, Hit.NONE, 1));
                assertEquals(exact, s.lightG, 0.02 * exact, "h " + h + " at " + at[0] + ", " + at[1]);
            }
        }
    }

    /**
     * Irradiance h below the plane of a Lambertian rectangle of radiance L spanning [x0, x1] x [z0, z1]
     * relative to the point, the receiver parallel to it: the sum, with signs, of the rectangles with
     * a corner over the point, each pi L F with F = (1 / 2 pi) (a / sqrt(1 + a^2) atan(b / sqrt(1 + a^2))
     * + b / sqrt(1 + b^2) atan(a / sqrt(1 + b^2))), a and b its sides over h.
     */
    static double rectangle(double radiance, double x0, double x1, double z0, double z1, double h) {
        return radiance * Math.PI * (corner(x1, z1, h) - corner(x0, z1, h) - corner(x1, z0, h) + corner(x0, z0, h));
    }

    private static double corner(double x, double z, double h) {
        double a = Math.abs(x) / h, b = Math.abs(z) / h;
        double f = (a / Math.sqrt(1 + a * a) * Math.atan(b / Math.sqrt(1 + a * a))
                + b / Math.sqrt(1 + b * b) * Math.atan(a / Math.sqrt(1 + b * b))) / (2 * Math.PI);
        return Math.signum(x) * Math.signum(z) * f;
    }

    @Test
    void aGlowingBallGivesTheIrradianceOfASphere() {
        // A sphere of radiance L seen whole from distance d, theta off the normal: E = pi L (r / d)^2 cos(theta).
        double r = 0.1;
        SceneObject bulb = new SceneObject("bulb", Shape.BALL, Material.GLASS, null, new Vec3(2 * r, 2 * r, 2 * r),
                new Vec3(0, 2, 0), Quat.IDENTITY, null, true, null, 0, 10000);
        AreaLights[] l = new AreaLights[1];
        Shader s = shader(room(List.of(bulb), List.of(), LocalTime.of(21, 0)), l);
        double radiance = l[0].radiance[1];
        for (double[] p : new double[][] {{0, 1.5, 0}, {0, 0, 0}, {0.8, 1.2, 0.3}, {-0.5, 2.3, 0.2}}) {
            double dx = -p[0], dy = 2 - p[1], dz = -p[2], dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
            // The receiver faces the ball, tilted 30 degrees off it about an axis perpendicular to the line.
            double[] u = {dx / dist, dy / dist, dz / dist};
            double[] t = perpendicular(u);
            double c = Math.cos(Math.toRadians(30)), sn = Math.sin(Math.toRadians(30));
            double nx = c * u[0] + sn * t[0], ny = c * u[1] + sn * t[1], nz = c * u[2] + sn * t[2];
            double exact = Math.PI * radiance * r * r / (dist * dist) * c;
            assertTrue(s.areaLight(0, p[0], p[1], p[2], nx, ny, nz, Hit.NONE, 1));
            assertEquals(exact, s.lightG, 0.03 * exact, "at " + java.util.Arrays.toString(p));
        }
    }

    private static double[] perpendicular(double[] u) {
        double[] a = Math.abs(u[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double[] t = {u[1] * a[2] - u[2] * a[1], u[2] * a[0] - u[0] * a[2], u[0] * a[1] - u[1] * a[0]};
        double n = Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
        return new double[] {t[0] / n, t[1] / n, t[2] / n};
    }

    @Test
    void lampLitFilmsAreTheSameWhateverTheThreadsAndWhetherStillTilesAreKept() {
        SceneObject bulb = new SceneObject("bulb", Shape.BALL, Material.GLASS, new dev.diorama.scene.Rgb(1, 0.8, 0.5),
                new Vec3(0.2, 0.2, 0.2), new Vec3(-0.8, 0.6, 0.5), Quat.IDENTITY, null, false, null, 0, 8000);
        SceneObject panel = new SceneObject("panel", Shape.PLANK, Material.PLASTIC, null, new Vec3(0.6, 0.01, 0.3),
                new Vec3(1.2, 1.2, 0.8), Quat.IDENTITY, null, true, null, 0, 4000);
        SceneObject ball = TestScenes.ball("ball", Material.RUBBER, TestScenes.RED, 0.25, 0.3, 0.2);
        SceneObject cube = new SceneObject("cube", Shape.CUBE, Material.GLASS, null, new Vec3(0.3, 0.3, 0.3),
                new Vec3(-0.3, 0.15, -0.2), Quat.IDENTITY, null);
        Scene indoors = room(List.of(bulb, panel, ball, cube), List.of(WindowTest.EAST), LocalTime.of(8, 0));
        Scene night = new Scene(7, 1, 24, 96, 64, 0, 9.81, LocalTime.of(23, 0), TestScenes.equator(96, 64, LocalTime.NOON,
                null, List.of()).environment(), new Camera(new Vec3(0, 1.2, -3), new Vec3(0, 0.4, 0), 60),
                List.of(bulb.withPosition(new Vec3(0, 1, 0)), panel, ball, cube));
        // Only a fixed light (an overcast night hides the moon): the tiles its light and the shadows
        // of the moving ball cannot reach are kept from frame to frame.
        Environment overcast = new Environment(Environment.Kind.OUTDOOR, Material.STONE, null, 0, 0, TestScenes.EQUINOX, 0,
                null, null, 2, 1, null);
        Scene still = new Scene(7, 1, 24, 320, 192, 0, 9.81, LocalTime.of(23, 0), overcast,
                new Camera(new Vec3(0, 3, -8), new Vec3(0, 0.5, 0), 60), List.of(panel.withPosition(new Vec3(0, 1.5, 0)), ball, cube));
        for (Scene scene : new Scene[] {indoors, night, still}) {
            List<dev.diorama.scene.Keyframe> film = new java.util.ArrayList<>();
            for (int f = 0; f < 4; f++) {
                List<dev.diorama.scene.Pose> poses = new java.util.ArrayList<>();
                for (SceneObject o : scene.objects()) {
                    Vec3 p = o.position();
                    // The ball rolls; the bulb swings; the rest stays.
                    double dx = o.id().equals("ball") ? 0.1 * Math.min(f, 2) : o.id().equals("bulb") ? 0.05 * f : 0;
                    poses.add(new dev.diorama.scene.Pose(new Vec3(p.x() + dx, p.y(), p.z()), o.rotation()));
                }
                film.add(new dev.diorama.scene.Keyframe(f, f / 24.0, poses));
            }
            List<byte[]> reference = new java.util.ArrayList<>();
            int w = scene.width(), h = scene.height();
            try (Renderer r = new Renderer(scene, 1, RenderOptions.DEFAULT.withReuseStill(false))) {
                for (var k : film) {
                    byte[] bgr = new byte[w * h * 3];
                    r.render(k, bgr);
                    reference.add(bgr);
                }
            }
            for (int threads : new int[] {1, 3}) {
                try (Renderer r = new Renderer(scene, threads)) {
                    for (int f = 0; f < film.size(); f++) {
                        byte[] bgr = new byte[w * h * 3];
                        r.render(film.get(f), bgr);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(reference.get(f), bgr, "frame " + f + ", " + threads + " threads");
                    }
                }
            }
            assertFalse(java.util.Arrays.equals(reference.get(0), reference.get(1)), "the objects moved");
        }
        try (Renderer r = new Renderer(still, 1)) {
            byte[] bgr = new byte[320 * 192 * 3];
            r.render(TestScenes.rest(still), bgr);
            r.render(TestScenes.rest(still), bgr);
            assertTrue(r.lastKeptTiles() > 0, "some tiles are still under a fixed light");
        }
    }

    @Test
    void theShadowRaysAfterTheProbesAreEveryOtherRayOnce() {
        for (int rays = 4; rays <= AreaLights.SHADOW_RAYS; rays++) {
            java.util.Set<Integer> seen = new java.util.TreeSet<>();
            for (int q = 0; q < 4; q++) seen.add(q * rays / 4);
            for (int j = 0; j < rays - 4; j++) assertTrue(seen.add(Shader.probeSkip(j, rays, 4)), "twice, " + rays + " rays");
            assertEquals(rays, seen.size());
            assertEquals(rays - 1, (int) ((java.util.TreeSet<Integer>) seen).last());
        }
    }

    @Test
    void aBallUnderTheLampCastsAnUmbraAndAPenumbraAndNothingBeyond() {
        // A ball of radius 0.4 centred 1 m above the floor under the lamp (radius 0.25 at 2.99 m).
        SceneObject ball = TestScenes.ball("ball", Material.RUBBER, TestScenes.RED, 0.4, 0, 0).withPosition(new Vec3(0, 1, 0));
        AreaLights[] l = new AreaLights[1];
        Shader s = shader(room(List.of(ball), List.of(), LocalTime.of(21, 0)), l);
        Shader open = shader(room(List.of(), List.of(), LocalTime.of(21, 0)), l);
        // Straight under it: every line to the lamp passes through the ball.
        assertFalse(s.areaLight(0, 0, 0, 0, 0, 1, 0, Hit.NONE, 1), "full shadow under the ball");
        // Far to the side: no line comes near it, and the light is exactly the open room's.
        assertTrue(s.areaLight(0, 2, 0, 1, 0, 1, 0, Hit.NONE, 1));
        double lit = s.lightG;
        assertTrue(open.areaLight(0, 2, 0, 1, 0, 1, 0, Hit.NONE, 1));
        assertEquals(open.lightG, lit, 0, "unshadowed: the same sum, no rays");
        // The edge of the shadow: the tangent line from the lamp's centre meets the floor at
        // rho = 2.99 tan(asin(0.4 / 1.99)) ~ 0.61 m; the lamp's radius spreads it over about
        // 0.25 x 1 / 1.99 ~ 0.13 m each way.
        double[] shares = new double[5];
        double[] rho = {0.3, 0.45, 0.61, 0.8, 0.95};
        for (int k = 0; k < rho.length; k++) {
            double a = s.areaLight(0, rho[k], 0, 0, 0, 1, 0, Hit.NONE, 1) ? s.lightG : 0;
            assertTrue(open.areaLight(0, rho[k], 0, 0, 0, 1, 0, Hit.NONE, 1));
            shares[k] = a / open.lightG;
        }
        for (int k = 1; k < rho.length; k++) assertTrue(shares[k] >= shares[k - 1], java.util.Arrays.toString(shares));
        assertTrue(shares[2] > 0.2 && shares[2] < 0.8, "half-lit at the geometric edge: " + java.util.Arrays.toString(shares));
        assertTrue(shares[4] > 0.97, "nearly all lit past the penumbra: " + java.util.Arrays.toString(shares));
    }
}
