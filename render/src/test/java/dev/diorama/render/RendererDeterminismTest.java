package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererDeterminismTest {
    private static final Scene REFERENCE = RenderBench.referenceScene(160, 90, LocalTime.of(15, 0), false);

    /** The reference scene's objects lifted and turned as a simulation might leave them mid-film. */
    private static Keyframe moved(Scene scene, double lift, double angle) {
        List<Pose> poses = new ArrayList<>();
        for (var o : scene.objects()) {
            Vec3 p = o.position();
            poses.add(new Pose(new Vec3(p.x() + lift / 2, p.y() + lift, p.z()),
                    Quat.axisAngle(new Vec3(1, 1, 0), angle)));
        }
        return new Keyframe(1, 1 / 24.0, poses);
    }

    @Test
    void oneThreadAndSeveralThreadsGiveTheSameBytes() {
        byte[] one = TestScenes.render(REFERENCE, 1);
        assertArrayEquals(one, TestScenes.render(REFERENCE, 2));
        assertArrayEquals(one, TestScenes.render(REFERENCE, 3));
    }

    @Test
    void aFilmOfMovingObjectsIsTheSameWhateverTheThreadsAndWhetherStillTilesAreKept() {
        Keyframe[] film = {TestScenes.rest(REFERENCE), moved(REFERENCE, 0.3, 0.4), moved(REFERENCE, 0.8, 1.1),
                           moved(REFERENCE, 0.8, 1.1), TestScenes.rest(REFERENCE)};
        List<byte[]> reference = new ArrayList<>();
        try (Renderer r = new Renderer(REFERENCE, 1, RenderOptions.DEFAULT.withReuseStill(false))) {
            for (Keyframe k : film) {
                byte[] bgr = new byte[160 * 90 * 3];
                r.render(k, bgr);
                reference.add(bgr);
            }
        }
        for (int threads : new int[] {1, 2}) {
            try (Renderer r = new Renderer(REFERENCE, threads)) {
                for (int f = 0; f < film.length; f++) {
                    byte[] bgr = new byte[160 * 90 * 3];
                    r.render(film[f], bgr);
                    assertArrayEquals(reference.get(f), bgr, "frame " + f + " with " + threads + " threads");
                }
            }
        }
        assertFalse(Arrays.equals(reference.get(0), reference.get(1)), "the objects moved, the picture must change");
        assertArrayEquals(reference.get(0), reference.get(4));
    }

    @Test
    void stillTilesAreKeptWhenNothingReachesThem() {
        try (Renderer r = new Renderer(RenderBench.referenceScene(320, 180, LocalTime.of(15, 0), false), 2)) {
            byte[] bgr = new byte[320 * 180 * 3];
            Keyframe k = TestScenes.rest(RenderBench.referenceScene(320, 180, LocalTime.of(15, 0), false));
            r.render(k, bgr);
            assertTrue(r.lastKeptTiles() == 0, "nothing to keep in a first frame");
            r.render(k, bgr);
            assertTrue(r.lastKeptTiles() >= r.tileCount() / 6, "the sky is still: " + r.lastKeptTiles());
            assertTrue(r.lastKeptTiles() < r.tileCount(), "tiles showing the objects are drawn again");
        }
    }

    @Test
    void aKeyframeMustHaveOnePosePerObject() {
        try (Renderer r = new Renderer(REFERENCE, 1)) {
            byte[] bgr = new byte[160 * 90 * 3];
            assertThrows(IllegalArgumentException.class, () -> r.render(new Keyframe(0, 0, List.of()), bgr));
            assertThrows(IllegalArgumentException.class, () -> r.render(TestScenes.rest(REFERENCE), new byte[10]));
        }
    }
}
