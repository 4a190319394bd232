package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Depth of field blurs by the thin lens's circle of confusion; motion blur by the time a pixel is covered. */
class CameraEffectsTest {
    private static final int W = 320, H = 120;

    private static SceneObject ball(String id, double r, double x, double y, double z) {
        return new SceneObject(id, Shape.BALL, Material.RUBBER, new Rgb(0.1, 0.1, 0.1), new Vec3(2 * r, 2 * r, 2 * r),
                new Vec3(x, y, z), Quat.IDENTITY, null);
    }

    @Test
    void anOutOfFocusEdgeSpreadsOverTheCircleOfConfusion() {
        // Looking level from 5 m; the far ball is in focus at 5 m, the near one at 2.5 m is not.
        Camera cam = new Camera(new Vec3(0, 1, -5), new Vec3(0, 1, 0), 30);
        Scene scene = TestScenes.paris(W, H, LocalTime.of(12, 0), cam,
                List.of(ball("far", 0.4, -0.5, 1, 0), ball("near", 0.15, 0.2, 1, -2.5)));
        double aperture = 0.1;
        RenderOptions options = RenderOptions.DEFAULT.withDepthOfField(aperture, 0, 128);
        Shader shader = shaderFor(scene, options);
        PinholeCamera camera = new PinholeCamera(cam, W, H);
        double[] profile = new double[W];
        for (int x = 0; x < W; x++) {
            shader.sample(x + 0.5, H / 2.0);
            profile[x] = shader.green;
        }
        double pixelsPerTan = W / (2 * camera.tanX);
        // The near ball: blur disk A |1/d - 1/f| at unit distance; an edge blurred by a uniform disk
        // of diameter D goes from 10 to 90 percent over 0.687 D (the chord of a disk cutting 10 percent).
        double d = aperture * Math.abs(1 / 2.5 - 1 / 5.0) * pixelsPerTan;
        double nearRight = camera.project(0.2 + 0.15 * 2.5 / Math.sqrt(2.5 * 2.5 - 0.15 * 0.15), 1, -2.5)[0];
        double width = edgeWidth(profile, (int) nearRight, 25);
        assertEquals(0.687 * d, width, 0.2 * 0.687 * d, "near edge, blur disk " + d + " px");
        // The far ball's left edge, in focus: under two pixels.
        double farLeft = camera.project(-0.5 - 0.4 * 5 / Math.sqrt(25 - 0.16), 1, 0)[0];
        assertTrue(edgeWidth(profile, (int) farLeft, 8) < 2, "in focus: " + edgeWidth(profile, (int) farLeft, 8));
    }

    /** Pixels between the 10 and 90 percent levels of the step around column c (within reach). */
    private static double edgeWidth(double[] p, int c, int reach) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int x = c - reach; x <= c + reach; x++) {
            lo = Math.min(lo, p[x]);
            hi = Math.max(hi, p[x]);
        }
        int n = 0;
        for (int x = c - reach; x <= c + reach; x++) {
            double f = (p[x] - lo) / (hi - lo);
            if (f > 0.1 && f < 0.9) n++;
        }
        return n;
    }

    @Test
    void aMovingBallLeavesAStreakAsLongAsItsPath() {
        Camera cam = new Camera(new Vec3(0, 0.5, -3), new Vec3(0, 0.5, 0), 30);
        SceneObject b = ball("b", 0.1, 0, 0.5, 0);
        Scene scene = TestScenes.paris(W, H, LocalTime.of(12, 0), cam, List.of(b));
        RenderOptions blur = RenderOptions.DEFAULT.withMotionBlur(1, 30);
        Keyframe open = new Keyframe(0, 0, List.of(new Pose(new Vec3(-0.3, 0.5, 0), Quat.IDENTITY)));
        Keyframe close = new Keyframe(0, 0, List.of(new Pose(new Vec3(0.3, 0.5, 0), Quat.IDENTITY)));
        Keyframe still = new Keyframe(0, 0, List.of(new Pose(new Vec3(0, 0.5, 0), Quat.IDENTITY)));
        Keyframe away = new Keyframe(0, 0, List.of(new Pose(new Vec3(40, 0.5, 0), Quat.IDENTITY)));
        byte[] streak = new byte[W * H * 3], sharp = new byte[W * H * 3], empty = new byte[W * H * 3];
        try (Renderer r = new Renderer(scene, 2, blur)) {
            r.render(open, close, streak);
            r.render(still, sharp);
            r.render(away, empty);
            double[] c = r.project(0, 0.5, 0);
            int x = (int) c[0], y = (int) c[1];
            // At the path's middle the ball (radius 0.1) covers the pixel while its centre is within
            // 0.1 of it: a third of the 0.6 m path, 10 of the 30 instants.
            double f = (film(streak, x, y) - film(empty, x, y)) / (film(sharp, x, y) - film(empty, x, y));
            assertEquals(1 / 3.0, f, 0.03);
            // Past the path's end (0.3 + 0.1) nothing is left; inside it something is.
            double[] end = r.project(0.45, 0.5, 0);
            assertEquals(film(empty, (int) end[0], y), film(streak, (int) end[0], y), 0.004);
            double[] inside = r.project(0.32, 0.5, 0);
            assertTrue(Math.abs(film(streak, (int) inside[0], y) - film(empty, (int) inside[0], y)) > 0.01);
        }
    }

    private static double film(byte[] bgr, int x, int y) {
        return ToneMap.decode(bgr[3 * (y * W + x) + 1]);
    }

    static Shader shaderFor(Scene scene, RenderOptions options) {
        PinholeCamera camera = new PinholeCamera(scene.camera(), W, H);
        Geometry geometry = new Geometry(scene.objects());
        geometry.update(TestScenes.rest(scene).poses());
        Bvh bvh = new Bvh(geometry);
        bvh.rebuild();
        Surfaces surfaces = new Surfaces(scene);
        Shader shader = new Shader(geometry, bvh, new Enclosure(null, scene.camera().position(), surfaces), surfaces,
                new Lighting(scene), camera, options);
        double[] frustum = new double[12];
        camera.tileFrustum(0, 0, W, H, frustum);
        shader.beginTile(frustum);
        return shader;
    }
}
