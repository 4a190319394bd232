package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chrome ball shows the sky exactly where the law of reflection says, dimmed by the conductor Fresnel equations. */
class MirrorTest {
    private static final int W = 320, H = 240;

    @Test
    void aMirrorBallReflectsTheSkyInTheMirrorDirection() {
        Scene scene = TestScenes.paris(W, H, LocalTime.of(13, 45), new Camera(new Vec3(0, 0.5, -4), new Vec3(0, 0.5, 0), 30),
                List.of(TestScenes.ball("mirror", Material.CHROME, null, 0.5, 0, 0)));
        PinholeCamera camera = new PinholeCamera(scene.camera(), W, H);
        Geometry geometry = new Geometry(scene.objects());
        Surfaces surfaces = new Surfaces(scene);
        Lighting lighting = new Lighting(scene);
        Enclosure enclosure = new Enclosure(null, scene.camera().position(), surfaces);
        Shader shader = new Shader(geometry, new Bvh(geometry), enclosure, surfaces, lighting, camera, RenderOptions.DEFAULT);
        double[] frustum = new double[12];
        camera.tileFrustum(0, 0, W, H, frustum);
        shader.beginTile(frustum);
        // Chromium's optical constants at 650, 550, 450 nm (Palik): about 56 percent reflective head on.
        double[] n = {3.1071, 3.1812, 2.3230}, kappa = {3.3314, 3.3291, 3.1350};
        double[] sky = new double[3], d = new double[3];
        // The camera looks level at the ball's centre from 4 m: its silhouette's top is asin(r / 4) up.
        double centreRow = H / 2.0, topRow = H / 2.0 * (1 - Math.tan(Math.asin(0.5 / 4)) / camera.tanY);
        // Rays from the ball's middle up to just under its top rim, where the view grazes.
        for (double f : new double[] {0.3, 0.6, 0.9, 0.99, 0.999}) {
            double sx = W / 2.0 + 0.37, sy = centreRow + f * (topRow - centreRow);
            shader.sample(sx, sy);
            assertEquals(0, shader.firstSurface, "the ray meets the ball");
            // The hit, by the quadratic formula, and the law of reflection.
            camera.direction(sx, sy, d);
            double ox = camera.eyeX, oy = camera.eyeY - 0.5, oz = camera.eyeZ;
            double b = ox * d[0] + oy * d[1] + oz * d[2], c = ox * ox + oy * oy + oz * oz - 0.25;
            double t = -b - Math.sqrt(b * b - c);
            double nx = (ox + t * d[0]) / 0.5, ny = (oy + t * d[1]) / 0.5, nz = (oz + t * d[2]) / 0.5;
            double cos = -(d[0] * nx + d[1] * ny + d[2] * nz);
            double rx = d[0] + 2 * cos * nx, ry = d[1] + 2 * cos * ny, rz = d[2] + 2 * cos * nz;
            assertTrue(ry > 0, "the reflection looks up into the sky");
            assertTrue(!lighting.sky.seesSun(rx, ry, rz));
            lighting.sky.radiance(rx, ry, rz, sky, 0);
            double[] got = {shader.red, shader.green, shader.blue};
            for (int k = 0; k < 3; k++) {
                double expected = Optics.fresnelConductor(cos, n[k], kappa[k]) * sky[k];
                assertEquals(expected, got[k], 2e-3 * expected, "at " + f + " of the way to the rim, band " + k);
            }
            if (f == 0.999) {
                // At the rim the view grazes and chrome, 56 percent reflective head on, reflects
                // most of the sky there.
                assertTrue(cos < 0.1, "grazing: " + cos);
                for (int k = 0; k < 3; k++) assertTrue(got[k] > 0.62 * sky[k], "rim band " + k);
            }
        }
    }
}
