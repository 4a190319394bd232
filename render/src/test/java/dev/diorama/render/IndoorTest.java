package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room: its near wall out of the way, lit by the ceiling lamp. */
class IndoorTest {
    private static final int W = 240, H = 136;
    /** Outside the 8 m deep room (z from -4 to 4), looking in through where the near wall stands. */
    private static final Camera OUTSIDE = new Camera(new Vec3(0, 1.6, -6), new Vec3(0, 0.6, 0), 60);

    @Test
    void theWallBetweenTheCameraAndTheRoomIsNotDrawn() {
        Scene scene = TestScenes.room(W, H, OUTSIDE, List.of());
        try (Renderer r = new Renderer(scene, 2)) {
            r.render(TestScenes.rest(scene), new byte[W * H * 3]);
            // Through the centre the ray crosses the near wall's plane at 1.3 m, then meets the floor.
            assertEquals(0, r.surfaceAt(W / 2, H / 2), "the floor (id 0: no objects), not the near wall");
        }
    }

    @Test
    void aMirrorBallStillShowsAClosedRoom() {
        Scene scene = TestScenes.room(W, H, OUTSIDE, List.of(TestScenes.ball("m", Material.CHROME, null, 0.6, 0, 0)));
        byte[] bgr = TestScenes.render(scene, 2);
        try (Renderer r = new Renderer(scene, 1)) {
            // The ball's centre reflects the way back toward the camera, where the culled wall stands.
            double[] centre = r.project(0, 0.6, -0.6);
            double[] seen = TestScenes.linear(bgr, W, (int) centre[0], (int) centre[1]);
            double[] side = r.project(-4, 1.5, 1);
            double[] wall = TestScenes.linear(bgr, W, (int) side[0], (int) side[1]);
            assertTrue(TestScenes.luminance(seen) > 0.2 * TestScenes.luminance(wall),
                    "the near wall in the mirror " + TestScenes.luminance(seen) + ", side wall " + TestScenes.luminance(wall));
        }
    }

    @Test
    void theLampLightsTheMiddleMoreThanTheCornersInWarmLight() {
        Scene scene = TestScenes.room(W, H, OUTSIDE, List.of());
        byte[] bgr = TestScenes.render(scene, 2);
        try (Renderer r = new Renderer(scene, 1)) {
            double[] middle = r.project(0, 0, 1), corner = r.project(3.7, 0, 3.7);
            double lit = TestScenes.luminance(TestScenes.linear(bgr, W, (int) middle[0], (int) middle[1]));
            double dim = TestScenes.luminance(TestScenes.linear(bgr, W, (int) corner[0], (int) corner[1]));
            // The white walls send much light around (the ambient), and the tone curve compresses.
            assertTrue(lit > 1.2 * dim, "under the lamp " + lit + ", in the corner " + dim);
            double[] back = r.project(0, 1.2, 4);
            double[] white = TestScenes.linear(bgr, W, (int) back[0], (int) back[1]);
            assertTrue(white[0] > 1.3 * white[2], "a white wall under a warm lamp " + java.util.Arrays.toString(white));
        }
    }
}
