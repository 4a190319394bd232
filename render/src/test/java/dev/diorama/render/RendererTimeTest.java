package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.CameraMove;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.TimeLapse;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The picture follows the film's time: a moving camera, a tracked object, a time-lapse's sun and exposure. */
class RendererTimeTest {
    private static final Scene REFERENCE = RenderBench.referenceScene(160, 90, LocalTime.of(15, 0), false);

    private static Scene orbiting() {
        return REFERENCE.withDirection(REFERENCE.camera(), new CameraMove.Orbit(60), null);
    }

    /** At 320 x 180 some tiles show only sky, which a still frame keeps. */
    private static Scene orbitingLarger() {
        Scene s = RenderBench.referenceScene(320, 180, LocalTime.of(15, 0), false);
        return s.withDirection(s.camera(), new CameraMove.Orbit(60), null);
    }

    private static Keyframe at(Scene scene, double t, double lift) {
        List<Pose> poses = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            Vec3 p = o.position();
            poses.add(new Pose(new Vec3(p.x(), p.y() + lift, p.z()), Quat.axisAngle(new Vec3(1, 1, 0), lift)));
        }
        return new Keyframe((int) Math.round(t * scene.fps()), t, poses);
    }

    @Test
    void aMovingCameraGivesTheSameBytesWhateverTheThreadsAndWhetherStillTilesAreKept() {
        Scene scene = orbitingLarger();
        int size = scene.width() * scene.height() * 3;
        // The objects rest while the camera moves (frames 0, 1), move (2), hold still with the camera (2, 3).
        Keyframe[] film = {at(scene, 0, 0), at(scene, 0.25, 0), at(scene, 0.5, 0.3), at(scene, 0.5, 0.3),
                           at(scene, 1, 0)};
        List<byte[]> reference = new ArrayList<>();
        try (Renderer r = new Renderer(scene, 1, RenderOptions.DEFAULT.withReuseStill(false))) {
            for (Keyframe k : film) {
                byte[] bgr = new byte[size];
                r.render(k, bgr);
                reference.add(bgr);
            }
        }
        for (int threads : new int[] {1, 2}) {
            try (Renderer r = new Renderer(scene, threads)) {
                for (int f = 0; f < film.length; f++) {
                    byte[] bgr = new byte[size];
                    r.render(film[f], bgr);
                    assertArrayEquals(reference.get(f), bgr, "frame " + f + " with " + threads + " threads");
                    if (f == 1) assertEquals(0, r.lastKeptTiles(), "the camera moved: no tile may be kept");
                    if (f == 3) assertTrue(r.lastKeptTiles() > 0, "nothing moved: the sky is kept");
                }
            }
        }
        assertFalse(Arrays.equals(reference.get(0), reference.get(1)), "the camera moved, the picture must change");
        assertArrayEquals(reference.get(2), reference.get(3));
    }

    @Test
    void aStillIsTheFilmsFrameAtThatTime() {
        Scene scene = orbiting();
        byte[] inFilm = new byte[160 * 90 * 3];
        try (Renderer r = new Renderer(scene, 2)) {
            for (double t : new double[] {0, 0.25, 0.5}) r.render(at(scene, t, t), inFilm);
        }
        assertArrayEquals(TestScenes.render(scene, 2, at(scene, 0.5, 0.5)), inFilm);
        Scene lapse = REFERENCE.withTiming(4, 24, 160, 90).withDirection(REFERENCE.camera(), null, new TimeLapse(6));
        try (Renderer r = new Renderer(lapse, 2)) {
            for (double t : new double[] {0, 1, 2}) r.render(at(lapse, t, 0), inFilm);
        }
        assertArrayEquals(TestScenes.render(lapse, 1, at(lapse, 2, 0)), inFilm, "a time-lapse frame");
    }

    @Test
    void aTrackingCameraKeepsItsTargetWhereItWas() {
        Scene scene = REFERENCE.withDirection(REFERENCE.camera(), new CameraMove.Track("red-ball"), null);
        SceneObject red = scene.object("red-ball");
        List<Pose> poses = new ArrayList<>(TestScenes.rest(scene).poses());
        poses.set(0, new Pose(red.position().plus(new Vec3(-1, 0, -0.5)), Quat.IDENTITY));
        try (Renderer r = new Renderer(scene, 1)) {
            byte[] bgr = new byte[160 * 90 * 3];
            r.render(TestScenes.rest(scene), bgr);
            double[] before = r.project(red.position().x(), red.position().y(), red.position().z());
            r.render(new Keyframe(12, 0.5, poses), bgr);
            Vec3 p = poses.getFirst().position();
            double[] after = r.project(p.x(), p.y(), p.z());
            assertEquals(before[0], after[0], 1e-6);
            assertEquals(before[1], after[1], 1e-6);
            assertEquals(0, r.surfaceAt((int) after[0], (int) after[1]), "the red ball is seen there");
        }
    }

    /**
     * A day in 20 seconds at 24 fps: the exposure adapts over five orders of magnitude from moonlit
     * night to noon, changes by at most half a stop from one frame to the next, and the picture's
     * mean brightness changes by at most 0.3 stop per frame and never flickers (no frame is brighter
     * or darker than both its neighbours by more than 0.05 stop: at sunrise, where the light grows
     * 0.8 stop in a frame, the adapting exposure lags by one frame and the picture dips 0.03 stop).
     */
    @Test
    void aDayInTwentySecondsAdaptsItsExposureSmoothly() {
        Scene base = RenderBench.referenceScene(64, 36, LocalTime.MIDNIGHT, false);
        Scene day = base.withTiming(20, 24, 64, 36).withDirection(base.camera(), null, new TimeLapse(24));
        int frames = day.frameCount();
        double[] exposure = new double[frames], stops = new double[frames];
        byte[] bgr = new byte[64 * 36 * 3];
        byte[] noon = null;
        try (Renderer r = new Renderer(day, 2)) {
            for (int f = 0; f < frames; f++) {
                r.render(at(day, f / 24.0, 0), bgr);
                exposure[f] = r.exposure();
                stops[f] = Math.log(TestScenes.meanLuminance(bgr)) / Math.log(2);
                if (f == 240) noon = bgr.clone();
            }
        }
        double maxExposureStep = 0, maxBrightnessStep = 0;
        for (int f = 1; f < frames; f++) {
            maxExposureStep = Math.max(maxExposureStep, Math.abs(Math.log(exposure[f] / exposure[f - 1]) / Math.log(2)));
            maxBrightnessStep = Math.max(maxBrightnessStep, Math.abs(stops[f] - stops[f - 1]));
        }
        assertTrue(maxExposureStep < 0.5, "exposure step " + maxExposureStep + " stops");
        assertTrue(maxBrightnessStep < 0.3, "brightness step " + maxBrightnessStep + " stops");
        for (int f = 1; f < frames - 1; f++) {
            double lo = Math.min(stops[f - 1], stops[f + 1]), hi = Math.max(stops[f - 1], stops[f + 1]);
            assertTrue(stops[f] > lo - 0.05 && stops[f] < hi + 0.05, "flicker at frame " + f + ": " + stops[f - 1]
                    + ", " + stops[f] + ", " + stops[f + 1]);
        }
        assertTrue(exposure[0] / exposure[240] > 1e4, "night exposure " + exposure[0] + ", noon " + exposure[240]);
        assertTrue(stops[240] - stops[0] > 2, "yet the night looks darker than the day");
        // Around noon the light changes slowly and the adapted exposure is the metered one.
        double metered = new Lighting(day, day.sunAt(10), Double.NaN).exposure;
        assertEquals(1, exposure[240] / metered, 0.1);
        // Shadows sweep: the picture at 9:00 is not the one at noon.
        byte[] morning = TestScenes.render(day, 2, at(day, 7.5, 0));
        assertFalse(Arrays.equals(morning, noon));
    }
}
