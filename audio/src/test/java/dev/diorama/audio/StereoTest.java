package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera is the listener: what happens on the right of the picture is heard on the right. */
class StereoTest {

    private static double[] channelEnergies(Vec3 point) {
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, 0.2));
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, 0.1, point)));
        float[][] y = Signals.render(track, 0, 24_000);
        return new double[] {Signals.energy(y[0], 0, 24_000), Signals.energy(y[1], 0, 24_000)};
    }

    @Test
    void aSourceOnTheCamerasRightIsLouderInTheRightChannel() {
        // The test camera looks along +z, so its right is -x.
        double[] right = channelEnergies(new Vec3(-1.5, 0, 0));
        double[] left = channelEnergies(new Vec3(1.5, 0, 0));
        double[] centre = channelEnergies(Vec3.ZERO);
        assertTrue(right[1] > 4 * right[0], "right source: R " + right[1] + " vs L " + right[0]);
        assertTrue(left[0] > 4 * left[1], "left source: L " + left[0] + " vs R " + left[1]);
        assertEquals(centre[0], centre[1], 1e-9 * centre[0], "a centred source is equal in both");
    }

    @Test
    void panIsConstantPowerAndLevelFallsAsOneOverDistance() {
        Spatializer sp = new Spatializer(TestScenes.CAMERA);
        for (double x : new double[] {-3, -1, -0.2, 0, 0.7, 2.5}) {
            Spatializer.Placement p = sp.place(new Vec3(x, 0, 0));
            double r = Math.hypot(x, 2);
            double level = Spatializer.REFERENCE_DISTANCE / r;
            assertEquals(level * level, p.gainLeft() * p.gainLeft() + p.gainRight() * p.gainRight(), 1e-12);
        }
        Spatializer.Placement near = sp.place(new Vec3(0, 0, -1.9)); // 10 cm from the lens: clamped at 0.5 m
        assertEquals(Spatializer.REFERENCE_DISTANCE / Spatializer.MIN_DISTANCE, Math.hypot(near.gainLeft(), near.gainRight()), 1e-12);
    }

    @Test
    void theFramesRightFollowsTheCameraWhereverItLooks() {
        // Looking along -x from x = 5: the picture's right is forward x up = (-1, 0, 0) x (0, 1, 0) = (0, 0, -1).
        Camera cam = new Camera(new Vec3(5, 1, 0), new Vec3(0, 1, 0), 60);
        Spatializer sp = new Spatializer(cam);
        Vec3 right = new Vec3(-1, 0, 0).cross(Vec3.UP);
        Spatializer.Placement p = sp.place(new Vec3(0, 1, 0).plus(right));
        assertTrue(p.gainRight() > p.gainLeft());
        assertTrue(p.delayLeft() > 0 && p.delayRight() == 0, "the left ear hears it later");
    }
}
