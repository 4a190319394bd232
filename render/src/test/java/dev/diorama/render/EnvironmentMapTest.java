package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.EnvironmentImage;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A photograph as sky and light: the furnace, the direction of its light, and reading the files. */
class EnvironmentMapTest {
    @TempDir
    Path dir;

    /** A picture of w x h pixels of one linear colour, as an image texture. */
    static ImageTexture uniform(int w, int h, float value) {
        float[] rgb = new float[3 * w * h];
        Arrays.fill(rgb, value);
        return new ImageTexture(w, h, rgb);
    }

    @Test
    void aWhiteDiffuseBallInAUniformWhiteWorldHasTheWorldsRadiance() {
        // The furnace test: whatever the ball's shading does, energy conservation and reciprocity
        // say a white, non-absorbing surface inside a uniform surrounding of radiance L shows L.
        for (Material m : new Material[] {Material.PLASTIC, Material.STONE, Material.RUBBER}) {
            Scene scene = TestScenes.paris(96, 96, LocalTime.NOON, new Camera(new Vec3(0, 2, -3), new Vec3(0, 2, 0), 25),
                    List.of(new SceneObject("white", Shape.BALL, m, new Rgb(1, 1, 1), new Vec3(1, 1, 1),
                            new Vec3(0, 2, 0), Quat.IDENTITY, null)));
            EnvironmentMap map = new EnvironmentMap(uniform(64, 32, 1), 0, 0.8);
            PinholeCamera camera = new PinholeCamera(scene.camera(), 96, 96);
            Geometry geometry = new Geometry(scene.objects());
            geometry.update(TestScenes.rest(scene).poses());
            Bvh bvh = new Bvh(geometry);
            bvh.rebuild();
            Surfaces surfaces = new Surfaces(scene);
            Lighting lighting = new Lighting(scene, scene.sun(), Double.NaN, map, false);
            Enclosure nothing = new Enclosure(null, scene.camera().position(), surfaces, false);
            Shader shader = new Shader(geometry, bvh, nothing, surfaces, lighting, camera, RenderOptions.DEFAULT);
            double[] frustum = new double[12];
            camera.tileFrustum(0, 0, 96, 96, frustum);
            shader.beginTile(frustum);
            int seen = 0;
            for (int y = 2; y < 96; y += 3) {
                for (int x = 2; x < 96; x += 3) {
                    shader.sample(x + 0.5, y + 0.5);
                    if (shader.firstSurface != 0) continue;
                    seen++;
                    assertEquals(0.8, shader.red, 0.016, m + " at " + x + ", " + y);
                    assertEquals(0.8, shader.green, 0.016, m + " at " + x + ", " + y);
                    assertEquals(0.8, shader.blue, 0.016, m + " at " + x + ", " + y);
                }
            }
            assertTrue(seen > 200, "the ball fills much of the picture: " + seen);
            assertEquals(0, Lighting.luminance(map.keyIrradiance), "a uniform world has no key light");
        }
    }

    /** A dim grey world with one small, very bright patch in the given direction. */
    static ImageTexture spot(int w, int h, double elevationDeg, double azimuthDeg) {
        float[] rgb = new float[3 * w * h];
        Arrays.fill(rgb, 0.05f);
        // Azimuth from north toward east: u = 0.5 + azimuth / 360; v from the top.
        int cx = (int) Math.floor((0.5 + azimuthDeg / 360) * w), cy = (int) Math.floor((90 - elevationDeg) / 180 * h);
        for (int y = cy - 1; y <= cy + 1; y++) {
            for (int x = cx - 1; x <= cx + 1; x++) {
                int k = 3 * (y * w + Math.floorMod(x, w));
                rgb[k] = rgb[k + 1] = rgb[k + 2] = 5000;
            }
        }
        return new ImageTexture(w, h, rgb);
    }

    @Test
    void aBrightSpotBecomesTheKeyLightFromItsDirection() {
        int w = 720, h = 360;
        EnvironmentMap map = new EnvironmentMap(spot(w, h, 40, 90), 0, 1);
        // The spot's pixel centres average to its centre: elevation 40 - 0.25, azimuth 90 + 0.25 degrees.
        double el = Math.toRadians(90 - (Math.floor((90 - 40) / 180.0 * h) + 0.5) * 180 / h);
        double az = Math.toRadians((Math.floor(0.75 * w) + 0.5) / w * 360 - 180);
        assertEquals(Math.cos(el) * Math.sin(az), map.keyX, 2e-3);
        assertEquals(Math.sin(el), map.keyY, 2e-3);
        assertEquals(-Math.cos(el) * Math.cos(az), map.keyZ, 2e-3);
        // Its irradiance: the excess over the threshold times the nine pixels' solid angle.
        double pixel = (2 * Math.PI / w) * (Math.PI / h) * Math.cos(el);
        assertEquals(9 * 5000 * pixel, map.keyIrradiance[1], 0.02 * 9 * 5000 * pixel);
        // Turned by 90 degrees counter-clockwise seen from above, east becomes north.
        EnvironmentMap turned = new EnvironmentMap(spot(w, h, 40, 90), 90, 1);
        assertEquals(0, turned.keyX, 5e-3);
        assertTrue(turned.keyZ < -0.7, "toward north: " + turned.keyZ);
    }

    @Test
    void theShadowFallsAwayFromTheBrightSpot() {
        int w = 720, h = 360;
        for (double rotation : new double[] {0, 180}) {
            Scene scene = TestScenes.paris(160, 120, LocalTime.NOON, new Camera(new Vec3(0, 1.6, 2.4), new Vec3(0, 0, 0), 50),
                    List.of(TestScenes.ball("ball", Material.PLASTIC, TestScenes.RED, 0.2, 0, 0)));
            EnvironmentMap map = new EnvironmentMap(spot(w, h, 45, 90), rotation, 1);
            byte[] bgr = new byte[160 * 120 * 3];
            try (Renderer r = new Renderer(scene, 2, RenderOptions.DEFAULT, map)) {
                r.render(TestScenes.rest(scene), bgr);
                // The light comes from the east (rotation 0) at 45 degrees: a ball of radius 0.2
                // resting on the floor throws its shadow 0.2 m to the west of its foot, and beyond.
                double side = rotation == 0 ? -1 : 1;
                double shadowed = floorLuminance(r, bgr, side * 0.36, 0);
                double lit = floorLuminance(r, bgr, -side * 0.36, 0);
                assertTrue(shadowed < 0.6 * lit, "rotation " + rotation + ": shadow " + shadowed + ", lit " + lit);
            }
        }
    }

    private static double floorLuminance(Renderer r, byte[] bgr, double x, double z) {
        double[] p = r.project(x, 0, z);
        return TestScenes.luminance(TestScenes.linear(bgr, 160, (int) p[0], (int) p[1]));
    }

    @Test
    void picturesAreReadAsLinearLight() throws Exception {
        BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) image.setRGB(x, y, x < 4 ? 0xFFFFFF : 0x808080);
        Path png = dir.resolve("sky.png");
        ImageIO.write(image, "png", png.toFile());
        EnvironmentMap map = EnvironmentMap.load(new EnvironmentImage(png.toString(), 0, 2));
        double[] out = new double[3];
        // Column 2 of 8 (the left half, white) looks south-west... the picture's left quarter is
        // azimuth -180..-90: west-south-west at u = 0.3125, direction (sin phi, 0, -cos phi).
        double phi = Math.toRadians((0.3125 - 0.5) * 360);
        map.radiance(Math.sin(phi), 0, -Math.cos(phi), true, out, 0);
        assertEquals(2, out[0], 1e-6);
        // Code 128 is linear 0.2159 (the sRGB transfer function), not 0.5.
        phi = Math.toRadians((0.8125 - 0.5) * 360);
        map.radiance(Math.sin(phi), 0, -Math.cos(phi), true, out, 0);
        assertEquals(2 * 0.21586, out[1], 1e-4);
    }

    @Test
    void radianceHdrFilesKeepTheirLightLevels() throws Exception {
        // A 2 x 1 RGBE picture, flat scanline: 1.0 (mantissa 128, exponent 129) and 1000 (250, 138).
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 2\n".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 129, (byte) 250, (byte) 250, (byte) 250, (byte) 138});
        ImageTexture t = ImageTexture.read(new ByteArrayInputStream(b.toByteArray()));
        assertEquals(2, t.width);
        assertEquals(1.0, t.rgb[0], 0.01);
        assertEquals(1000, t.rgb[3], 0.01 * 1000);
    }

    @Test
    void aPhotographThatCannotBeReadNamesItsField() throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not a picture");
        for (String path : new String[] {junk.toString(), dir.resolve("missing.jpg").toString()}) {
            SceneException e = assertThrows(SceneException.class, () -> EnvironmentMap.load(new EnvironmentImage(path)));
            assertEquals("/environment/environmentMap/path", e.pointer());
        }
    }
}
