package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Camera;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import dev.diorama.sim.Simulator;
import org.junit.jupiter.api.Test;

/** A rehearsal keeps what moves in the picture where the words left the camera to Diorama. */
class RehearsalTest {
    static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, new PromptParser.Options(0, 4, 24, 640, 360));
    }

    /**
     * Where the centre of object {@code i} is seen in frame {@code k}, in [-1, 1] across and up when
     * it is in the picture: a pinhole projection written out here, apart from the rehearsal's own test.
     */
    static double[] seen(Scene s, Keyframe k, int i) {
        Camera c = s.cameraAt(k);
        Vec3 f = c.lookAt().minus(c.position()), p = k.poses().get(i).position().minus(c.position());
        f = f.times(1 / f.length());
        Vec3 right = f.cross(new Vec3(0, 1, 0));
        right = right.times(1 / right.length());
        Vec3 up = right.cross(f);
        double depth = p.dot(f), t = Math.tan(Math.toRadians(c.fov() / 2));
        return new double[] {p.dot(right) / depth / t, p.dot(up) / depth / (t * s.height() / s.width()), depth};
    }

    static boolean inPicture(double[] xy) {
        return xy[2] > 0 && Math.abs(xy[0]) <= 1 && Math.abs(xy[1]) <= 1;
    }

    /** The frames of {@code s} in which object {@code i}'s centre is outside the picture. */
    static long framesOut(Scene s, Timeline t, int i) {
        return t.frames().stream().filter(k -> !inPicture(seen(s, k, i))).count();
    }

    @Test
    void aBallThatRollsOffARampStaysInThePicture() {
        PromptParser.Parse before = parse("a ball rolls down a ramp");
        assertTrue(before.defaultFraming());
        Scene s0 = before.scene();
        int ball = s0.objects().indexOf(s0.objects().stream().filter(o -> !o.fixed()).findFirst().orElseThrow());
        Timeline t = Simulator.run(s0);
        assertTrue(framesOut(s0, t, ball) > 10, "the parser's camera loses the ball: " + framesOut(s0, t, ball) + " frames");
        PromptParser.Parse after = Rehearsal.frame(before);
        Scene s1 = after.scene();
        // The camera changes nothing of the world: the same motion, now seen.
        Timeline t1 = Simulator.run(s1);
        assertEquals(t.frames().getLast().poses(), t1.frames().getLast().poses());
        assertEquals(0, framesOut(s1, t1, ball), "frames without the ball after the rehearsal");
        assertTrue(after.notes().stream().anyMatch(n -> n.contains("rehearsal")), after.notes().toString());
    }

    @Test
    void aThrowAcrossALawnIsFramedByStandingBack() {
        PromptParser.Parse before = parse("a steel ball is thrown across a lawn");
        Scene s0 = before.scene();
        Timeline t = Simulator.run(s0);
        assertTrue(framesOut(s0, t, 0) > 0, "the parser's camera loses the ball in " + framesOut(s0, t, 0) + " frames");
        Scene s1 = Rehearsal.frame(before).scene();
        assertNull(s1.cameraMove(), "a still camera, further back");
        Vec3 look0 = s0.camera().lookAt().minus(s0.camera().position()), look1 = s1.camera().lookAt().minus(s1.camera().position());
        assertEquals(1, look0.dot(look1) / look0.length() / look1.length(), 1e-9, "looking the same way");
        assertTrue(look1.length() > look0.length() && look1.length() <= Rehearsal.MAX_PULL * look0.length() + 1e-6);
        assertEquals(0, framesOut(s1, t, 0), "frames without the ball after the rehearsal");
    }

    @Test
    void aShotThatAlreadyHoldsEverythingOrThatTheWordsChoseIsKept() {
        PromptParser.Parse drop = parse("a red rubber ball and a steel ball drop onto a wooden floor at sunset");
        assertSame(drop, Rehearsal.frame(drop), "both balls bounce where the camera looks");
        // A ball at rest on a table framed close (the table's ends out of the picture): nothing to follow.
        PromptParser.Parse still = parse("a glowing blue ball on a table in a room at night");
        assertSame(still, Rehearsal.frame(still), "what stands still was framed as the parser meant");
        PromptParser.Parse close = parse("a close-up of a ball rolling down a ramp");
        assertFalse(close.defaultFraming());
        assertSame(close, Rehearsal.frame(close), "a shot the words chose is theirs");
    }

    @Test
    void aStoryboardsShotsAreRehearsedEachOverItsOwnStretch() {
        PromptParser.Parse before = parse("Shot 1: a red ball rolls down a ramp. Shot 2: a close-up of the red ball");
        assertEquals(java.util.List.of(true, false), before.defaultShots());
        Scene s0 = before.scene(), s1 = Rehearsal.frame(before).scene();
        int ball = s0.objects().indexOf(s0.objects().stream().filter(o -> !o.fixed()).findFirst().orElseThrow());
        Timeline t = Simulator.run(s1);
        double cut = s1.shots().get(1).start();
        long lost0 = t.frames().stream().filter(k -> k.t() < cut && !inPicture(seen(s0, k, ball))).count();
        long lost1 = t.frames().stream().filter(k -> k.t() < cut && !inPicture(seen(s1, k, ball))).count();
        assertTrue(lost0 > 10, "the parser's first shot loses the ball in " + lost0 + " frames");
        assertEquals(0, lost1, "frames of the first shot without the ball after the rehearsal");
        // At the cut the first shot's camera is where the parser put it: a follow starts from there.
        Keyframe first = t.frames().getFirst();
        assertEquals(0, s1.cameraAt(first).position().minus(s0.cameraAt(first).position()).length(), 1e-6);
        assertEquals(s0.shots().get(1), s1.shots().get(1), "the close-up the words chose is kept");
    }

    @Test
    void theRehearsalIsTheSameEveryTime() {
        Scene a = Rehearsal.frame(parse("a ball rolls down a ramp")).scene(), b = Rehearsal.frame(parse("a ball rolls down a ramp")).scene();
        assertEquals(a.camera(), b.camera());
        assertEquals(a.cameraMove(), b.cameraMove());
        assertTrue(a.cameraMove() instanceof CameraMove.Track);
    }
}
