package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Colours follow the materials and the light of the hour. */
class ColourTest {
    private static final int W = 192, H = 108;
    /** Looking north with the afternoon sun behind: the lit side of a ball at the origin faces us. */
    private static final Camera FROM_SOUTH = new Camera(new Vec3(0, 1.4, 5), new Vec3(0, 0.4, 0), 50);
    private static final List<SceneObject> RED_BALL =
            List.of(TestScenes.ball("ball", Material.RUBBER, TestScenes.RED, 0.5, 0, 0));

    private static double[] centreOfBall(Scene scene) {
        byte[] bgr = new byte[W * H * 3];
        try (Renderer r = new Renderer(scene, 2)) {
            r.render(TestScenes.rest(scene), bgr);
            double[] p = r.project(0, 0.5, 0);
            return TestScenes.linear(bgr, W, (int) p[0], (int) p[1]);
        }
    }

    /** Mean linear colour of the open floor in the picture's bottom rows, far from any object. */
    private static double[] openFloor(Scene scene) {
        byte[] bgr = TestScenes.render(scene, 2);
        double[] sum = new double[3];
        int n = 0;
        for (int y = H - 20; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] c = TestScenes.linear(bgr, W, x, y);
                for (int k = 0; k < 3; k++) sum[k] += c[k];
                n++;
            }
        }
        for (int k = 0; k < 3; k++) sum[k] /= n;
        return sum;
    }

    @Test
    void aRedRubberBallLooksRedAtNoon() {
        double[] c = centreOfBall(TestScenes.paris(W, H, LocalTime.of(13, 45), FROM_SOUTH, RED_BALL));
        assertTrue(c[0] > 3 * c[1] && c[0] > 3 * c[2], "red dominant: " + java.util.Arrays.toString(c));
        assertTrue(c[0] > 0.15, "and lit: " + c[0]);
    }

    @Test
    void aRubberBallIsMatte() {
        // No mirror image of the sky: the ball's top and its middle differ by its shading only, so
        // the blue channel (which a reflection of the sky would fill) stays a small share of red.
        Scene scene = TestScenes.paris(W, H, LocalTime.of(13, 45), FROM_SOUTH, RED_BALL);
        byte[] bgr = TestScenes.render(scene, 1);
        try (Renderer r = new Renderer(scene, 1)) {
            double[] top = r.project(0, 0.93, -0.15);
            double[] c = TestScenes.linear(bgr, W, (int) top[0], (int) top[1]);
            assertTrue(c[2] < 0.25 * c[0], "a glossy coat would mirror the blue sky here: " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void sunsetLightIsWarmerThanNoonLight() {
        Camera west = new Camera(new Vec3(0, 1.6, 0), new Vec3(-5, 0.2, 0), 60);
        double[] noon = openFloor(TestScenes.paris(W, H, LocalTime.of(13, 45), west, List.of()));
        double[] sunset = openFloor(TestScenes.paris(W, H, LocalTime.of(19, 15), west, List.of()));
        double noonRatio = noon[0] / noon[2], sunsetRatio = sunset[0] / sunset[2];
        assertTrue(noonRatio > 0.8 && noonRatio < 1.3, "noon light on grey stone is near neutral: " + noonRatio);
        assertTrue(sunsetRatio > 1.3 * noonRatio, "sunset R/B " + sunsetRatio + " against noon " + noonRatio);
    }

    @Test
    void nightIsFarDarkerThanDayYetReadable() {
        Scene noon = TestScenes.paris(W, H, LocalTime.of(13, 45), FROM_SOUTH, RED_BALL);
        Scene night = TestScenes.paris(W, H, LocalTime.of(23, 30), FROM_SOUTH, RED_BALL);
        // Before exposure: moonlight and the night sky against the sun and the day sky.
        Lighting day = new Lighting(noon), dark = new Lighting(night);
        double dayLight = Lighting.luminance(day.floorAmbient) + Lighting.luminance(day.keyPower) * day.keyY;
        double nightLight = Lighting.luminance(dark.floorAmbient) + Lighting.luminance(dark.keyPower) * dark.keyY;
        assertTrue(nightLight < 1e-4 * dayLight, "night " + nightLight + " against day " + dayLight);
        // After exposure the night is still darker, but not black.
        double dayPicture = TestScenes.meanLuminance(TestScenes.render(noon, 2));
        double nightPicture = TestScenes.meanLuminance(TestScenes.render(night, 2));
        assertTrue(nightPicture < 0.4 * dayPicture, "night picture " + nightPicture + " against day " + dayPicture);
        assertTrue(nightPicture > 0.005, "a night scene must stay readable: " + nightPicture);
    }

    @Test
    void theNightIsBluish() {
        Scene night = TestScenes.paris(W, H, LocalTime.of(23, 30), FROM_SOUTH, List.of());
        double[] floor = openFloor(night);
        assertTrue(floor[2] > 1.3 * floor[0], "moonlit floor " + java.util.Arrays.toString(floor));
    }
}
