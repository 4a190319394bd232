package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera at any time: each move does what its name says, starts at the scene's camera and eases. */
class CameraPathTest {
    /** Eye 4 m north of the target (north is -z), looking south, 1 m up. */
    static final Camera START = new Camera(new Vec3(0, 1, -4), new Vec3(0, 1, 0), 50);
    static final SceneObject BALL = new SceneObject("ball", Shape.BALL, Material.RUBBER, null, new Vec3(0.2, 0.2, 0.2),
            new Vec3(0.5, 1, 0), null, null);

    static Scene scene(CameraMove move) {
        return new Scene(0, 10, 24, 320, 180, 0, 9.81, LocalTime.NOON, Environment.outdoor(Material.STONE), START,
                List.of(BALL), move, null);
    }

    static void assertVec(Vec3 expected, Vec3 actual) {
        assertEquals(0, expected.minus(actual).length(), 1e-9, "expected " + expected + ", found " + actual);
    }

    @Test
    void everyMoveStartsAtTheScenesCameraAndEasesInAndOut() {
        for (CameraMove m : List.of(new CameraMove.Pan(30), new CameraMove.Tilt(-20), new CameraMove.Orbit(90),
                new CameraMove.Dolly(1.5), new CameraMove.Zoom(20), new CameraMove.Track("ball"))) {
            Scene s = scene(m);
            assertEquals(START, s.cameraAt(0), m.kind());
            // At rest at both ends: the first and last steps are far smaller than the middle one.
            double first = s.cameraAt(0.1).position().minus(s.cameraAt(0).position()).length()
                    + s.cameraAt(0.1).lookAt().minus(s.cameraAt(0).lookAt()).length()
                    + Math.abs(s.cameraAt(0.1).fov() - s.cameraAt(0).fov());
            double middle = s.cameraAt(5.1).position().minus(s.cameraAt(5).position()).length()
                    + s.cameraAt(5.1).lookAt().minus(s.cameraAt(5).lookAt()).length()
                    + Math.abs(s.cameraAt(5.1).fov() - s.cameraAt(5).fov());
            if (!(m instanceof CameraMove.Track)) assertTrue(first < 0.05 * middle, m.kind() + ": " + first + " vs " + middle);
        }
    }

    @Test
    void anOrbitCirclesThePointItLooksAtToTheCamerasRight() {
        Scene s = scene(new CameraMove.Orbit(90));
        Camera end = s.cameraAt(10);
        assertVec(START.lookAt(), end.lookAt());
        // From 4 m north, a quarter turn to the camera's right (west, -x, when looking south).
        assertVec(new Vec3(-4, 1, 0), end.position());
        Camera half = s.cameraAt(5);
        assertEquals(4, half.position().minus(half.lookAt()).length(), 1e-9, "stays on the circle");
        assertEquals(1, half.position().y(), 1e-12, "at the same height");
    }

    @Test
    void aPanTurnsTheViewAndKeepsTheEye() {
        Camera end = scene(new CameraMove.Pan(90)).cameraAt(10);
        assertVec(START.position(), end.position());
        // Looking south, the right of the picture is west (-x).
        assertVec(new Vec3(-4, 1, -4), end.lookAt());
    }

    @Test
    void aTiltLooksUpAndKeepsTheEye() {
        Camera end = scene(new CameraMove.Tilt(30)).cameraAt(10);
        assertVec(START.position(), end.position());
        assertEquals(30, CameraPath.pitch(end.lookAt().minus(end.position())), 1e-9);
    }

    @Test
    void aDollyMovesTheEyeAlongItsLineOfSight() {
        Camera in = scene(new CameraMove.Dolly(1.5)).cameraAt(10);
        assertVec(new Vec3(0, 1, -2.5), in.position());
        assertVec(START.lookAt(), in.lookAt());
        Camera out = scene(new CameraMove.Dolly(-2)).cameraAt(10);
        assertVec(new Vec3(0, 1, -6), out.position());
    }

    @Test
    void aZoomEndsAtItsFieldOfView() {
        Scene s = scene(new CameraMove.Zoom(20));
        assertEquals(20, s.cameraAt(10).fov(), 1e-9);
        double mid = s.cameraAt(5).fov();
        assertTrue(mid < 50 && mid > 20, "in between: " + mid);
    }

    @Test
    void aTrackingCameraFollowsItsTargetOverTheGroundAndAimsAtIt() {
        Scene s = scene(new CameraMove.Track("ball"));
        Keyframe k = new Keyframe(24, 1, List.of(new Pose(new Vec3(1.5, 0.1, 2), Quat.IDENTITY)));
        Camera c = s.cameraAt(k);
        Vec3 shift = new Vec3(1, -0.9, 2);
        assertVec(START.lookAt().plus(shift), c.lookAt());
        assertVec(START.position().plus(new Vec3(1, 0, 2)), c.position());
    }

    @Test
    void movesThatCannotBeAreRefusedWithAPointer() {
        SceneException e = assertThrows(SceneException.class, () -> scene(new CameraMove.Track("nobody")));
        assertEquals("/camera/move/target", e.pointer());
        e = assertThrows(SceneException.class, () -> scene(new CameraMove.Dolly(4)));
        assertEquals("/camera/move/distance", e.pointer());
        e = assertThrows(SceneException.class, () -> scene(new CameraMove.Tilt(95)));
        assertEquals("/camera/move/degrees", e.pointer());
    }

    @Test
    void theTimeLapseClockRunsEvenlyAndTheSunFollowsIt() {
        Scene s = new Scene(0, 20, 24, 320, 180, 0, 9.81, LocalTime.of(6, 0), Environment.outdoor(Material.STONE),
                START, List.of(BALL), null, new TimeLapse(15));
        assertEquals(6 * 60, s.clockAt(0), 1e-9);
        assertEquals(13.5 * 60, s.clockAt(10), 1e-9);
        assertEquals(21 * 60, s.clockAt(20), 1e-9);
        assertTrue(s.sunAt(10).elevation() > s.sunAt(0).elevation() + 20, "higher at 13:30 than at 6:00");
        assertEquals(s.sun(), s.sunAt(0));
        assertEquals(LocalTime.of(21, 0), s.timeLapse().end(s.time()));
        assertEquals(24, TimeLapse.between(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).hours());
        assertEquals(15, TimeLapse.between(LocalTime.of(21, 0), LocalTime.NOON).hours());
    }
}
