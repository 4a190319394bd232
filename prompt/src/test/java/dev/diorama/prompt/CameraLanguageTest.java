package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.CameraPath;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shot sizes, angles, lenses and moves from the words, and the camera each makes. */
class CameraLanguageTest {
    private static final String PAIR = "a red rubber ball and a steel ball drop onto a wooden floor";

    private static Scene understood(String prompt) {
        PromptParser.Parse p = PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
        assertEquals(List.of(), p.ignoredWords(), prompt + ": " + p.notes());
        Scene s = p.scene();
        assertEquals(s, SceneJson.read(SceneJson.write(s)), prompt);
        return s;
    }

    private static double distance(Camera c) {
        return c.position().minus(c.lookAt()).length();
    }

    private static double pitch(Camera c) {
        return CameraPath.pitch(c.lookAt().minus(c.position()));
    }

    /** Where point p appears, as fractions of the picture's half-width and half-height from its centre. */
    private static double[] inPicture(Camera c, double aspect, Vec3 p) {
        Vec3 f = c.lookAt().minus(c.position()).normalized();
        Vec3 right = f.cross(Vec3.UP);
        if (right.length() < 1e-9) right = f.cross(new Vec3(0, 0, -1));
        right = right.normalized();
        Vec3 up = right.cross(f);
        Vec3 v = p.minus(c.position());
        double depth = v.dot(f);
        double tanX = Math.tan(Math.toRadians(c.fov() / 2));
        return new double[] {v.dot(right) / depth / tanX, v.dot(up) / depth / (tanX / aspect), depth};
    }

    /** Every object's top and bottom, at its start and at rest, lies in the picture. */
    private static void assertAllInView(Scene s, String prompt) {
        double aspect = (double) s.width() / s.height();
        for (SceneObject o : s.objects()) {
            double r = o.boundingRadius();
            for (double y : new double[] {o.position().y() + r, o.position().y() - r, o.halfHeight() + r, Math.max(0, o.halfHeight() - r)}) {
                double[] q = inPicture(s.camera(), aspect, new Vec3(o.position().x(), y, o.position().z()));
                assertTrue(q[2] > 0 && Math.abs(q[0]) <= 1 + 1e-9 && Math.abs(q[1]) <= 1 + 1e-9,
                        prompt + ": " + o.id() + " at height " + y + " is out of the picture");
            }
        }
    }

    @Test
    void aWideShotStandsFurtherBackThanAMediumOneAndACloseUpNearest() {
        Scene wide = understood(PAIR + ", wide shot");
        Scene medium = understood(PAIR + ", medium shot");
        Scene close = understood("a close-up of " + PAIR);
        assertTrue(distance(wide.camera()) > 1.5 * distance(medium.camera()), "wide " + distance(wide.camera()));
        assertTrue(distance(close.camera()) < 0.6 * distance(medium.camera()), "close " + distance(close.camera()));
        assertAllInView(wide, "wide");
        assertAllInView(medium, "medium");
        // The close-up's subject, the first object, at rest fills a good part of the picture's height.
        SceneObject red = close.objects().getFirst();
        double aspect = 16.0 / 9;
        double[] top = inPicture(close.camera(), aspect, new Vec3(red.position().x(), red.size().y(), red.position().z()));
        double[] bottom = inPicture(close.camera(), aspect, new Vec3(red.position().x(), 0, red.position().z()));
        assertTrue(top[1] - bottom[1] > 0.6, "the ball spans " + (top[1] - bottom[1]) / 2 + " of the height");
        assertTrue(Math.abs(top[0]) < 0.1, "and is centred");
    }

    @Test
    void anglesSetHowHighTheCameraStandsAndHowItLooks() {
        assertEquals(-8, pitch(understood(PAIR).camera()), 0.5, "the default looks a little down");
        assertEquals(0, pitch(understood(PAIR + " at eye level").camera()), 1e-9);
        assertEquals(-35, pitch(understood(PAIR + ", high angle").camera()), 1e-9);
        assertEquals(-35, pitch(understood(PAIR + " seen from above").camera()), 1e-9);
        for (String top : List.of(", bird's-eye view", ", top-down", ", overhead shot", " from directly above")) {
            Scene s = understood(PAIR + top);
            assertTrue(pitch(s.camera()) < -89, top + ": " + pitch(s.camera()));
            assertAllInView(s, top);
        }
        for (String low : List.of(", low angle", " from below", ", worm's-eye view")) {
            Camera c = understood(PAIR + low).camera();
            assertTrue(c.position().y() <= Framing.LOW_EYE_HEIGHT + 1e-9 && pitch(c) > 0, low + ": " + c);
        }
        for (String s : List.of(" at eye level", ", high angle", ", low angle", ", wide shot")) {
            assertAllInView(understood(PAIR + s), s);
        }
    }

    @Test
    void lensWordsSetTheFieldOfViewAndTheCameraBacksOffToFrame() {
        Scene wideAngle = understood(PAIR + " through a wide-angle lens");
        Scene tele = understood(PAIR + ", telephoto");
        assertEquals(2 * Math.toDegrees(Math.atan(18 / 24.0)), wideAngle.camera().fov(), 1e-9);
        assertEquals(2 * Math.toDegrees(Math.atan(18 / 100.0)), tele.camera().fov(), 1e-9);
        assertTrue(distance(tele.camera()) > 2 * distance(wideAngle.camera()), "a long lens stands far off");
        assertAllInView(tele, "telephoto");
        assertAllInView(wideAngle, "wide-angle");
        assertEquals(35, understood(PAIR + ", fov 35").camera().fov(), 1e-9);
        assertEquals(35, understood(PAIR + " with a field of view of 35 degrees").camera().fov(), 1e-9);
        assertEquals(2 * Math.toDegrees(Math.atan(18 / 35.0)), understood(PAIR + " with a 35 mm lens").camera().fov(), 1e-9);
        assertThrows(PromptException.class, () -> PromptParser.parse(PAIR + ", fov 200", PromptParser.Options.DEFAULTS));
    }

    @Test
    void movesTakeTheirDirectionAndAmountFromTheWords() {
        assertEquals(new CameraMove.Pan(-45), understood(PAIR + ", the camera pans left 45 degrees").cameraMove());
        assertEquals(new CameraMove.Pan(30), understood(PAIR + ", panning right").cameraMove());
        assertEquals(new CameraMove.Tilt(-15), understood(PAIR + ", the camera tilts down").cameraMove());
        assertEquals(new CameraMove.Orbit(90), understood(PAIR + ", the camera orbits").cameraMove());
        assertEquals(new CameraMove.Orbit(45), understood(PAIR + ", the camera slowly orbits").cameraMove());
        assertEquals(new CameraMove.Orbit(-360), understood(PAIR + ", the camera circles a full circle clockwise")
                .cameraMove());
        assertEquals(new CameraMove.Orbit(360), understood(PAIR + ", a 360 degree orbit").cameraMove());
        assertEquals(new CameraMove.Orbit(180), understood(PAIR + ", orbiting half way around").cameraMove());
        assertNull(understood(PAIR + ", static camera").cameraMove());
        Scene in = understood(PAIR + ", dolly in");
        double reach = distance(in.camera());
        assertEquals(0.4 * reach, ((CameraMove.Dolly) in.cameraMove()).distance(), 0.01);
        assertTrue(((CameraMove.Dolly) understood(PAIR + ", the camera pulls back").cameraMove()).distance() < 0);
        assertEquals(new CameraMove.Dolly(1), understood(PAIR + ", dolly in 1 m").cameraMove());
        assertTrue(((CameraMove.Zoom) understood(PAIR + ", zoom in").cameraMove()).fov() < 25);
        assertTrue(((CameraMove.Zoom) understood(PAIR + ", zooming out").cameraMove()).fov() > 75);
    }

    @Test
    void orbitingAroundTheObjectsNamesThemWithoutMakingMore() {
        Scene s = understood("three balls drop while the camera orbits around the balls");
        assertEquals(3, s.objects().size());
        assertEquals(new CameraMove.Orbit(90), s.cameraMove());
    }

    @Test
    void aTrackingCameraFollowsTheObjectTheWordsName() {
        Scene s = understood("a red ball and a blue ball drop, the camera tracking the blue ball");
        assertEquals(new CameraMove.Track("blue-rubber-ball"), s.cameraMove());
        assertEquals(new CameraMove.Track("steel-ball"), understood(PAIR + ", the camera follows the steel ball").cameraMove());
        Scene close = understood(PAIR + ", a close-up tracking the steel ball");
        SceneObject steel = close.object("steel-ball");
        assertEquals(steel.position().x(), close.camera().lookAt().x(), 1e-9, "the close-up is of the tracked ball");
        PromptException e = assertThrows(PromptException.class,
                () -> PromptParser.parse(PAIR + ", tracking the green ball", PromptParser.Options.DEFAULTS));
        assertTrue(e.getMessage().contains("red-rubber-ball, steel-ball"), e.getMessage());
    }

    @Test
    void contradictionsAndImpossibleMovesAreRejected() {
        PromptParser.Options o = PromptParser.Options.DEFAULTS;
        assertThrows(PromptException.class, () -> PromptParser.parse(PAIR + ", wide shot, close-up", o));
        assertThrows(PromptException.class, () -> PromptParser.parse(PAIR + ", low angle, bird's-eye view", o));
        assertThrows(PromptException.class, () -> PromptParser.parse(PAIR + ", pans left, orbits", o));
        PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse(PAIR + ", dolly in 50 m", o));
        assertTrue(e.getMessage().contains("camera move cannot be made"), e.getMessage());
    }

    @Test
    void aTiltedPlankIsNotACameraTilt() {
        PromptParser.Parse p = PromptParser.parse("a ball falls onto a tilted plank", PromptParser.Options.DEFAULTS);
        assertNull(p.scene().cameraMove());
        assertTrue(p.ignoredWords().contains("tilted"), p.ignoredWords().toString());
    }
}
