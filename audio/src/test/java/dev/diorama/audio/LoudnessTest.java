package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Levels are calibrated once, follow the impulse and the size of the bodies, and never clip. */
class LoudnessTest {

    private static double peakDbfs(Scene s, ContactEvent e) {
        float[][] y = Signals.render(new SoundTrack(s, List.of(e)), 0, 48_000);
        return Signals.dbfs(Math.max(Signals.peak(y[0]), Signals.peak(y[1])));
    }

    @Test
    void aTwentyCentimetreRubberBallDroppedOneMetreOnWoodPeaksNearMinus12Dbfs() {
        double sum = 0;
        int seeds = 8;
        for (long seed = 1; seed <= seeds; seed++) {
            Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, 0.2)).withSeed(seed);
            double p = peakDbfs(s, TestScenes.drop(s, "ball", 1, 0.1, Vec3.ZERO));
            System.out.printf("reference drop, seed %d: peak %.1f dBFS%n", seed, p);
            assertEquals(-12, p, 4, "each draw of the strike");
            sum += p;
        }
        assertEquals(-12, sum / seeds, 1.5, "on average");
    }

    @Test
    void theLevelIsProportionalToTheImpulse() {
        // Loud enough that the modes the -90 dBFS cut drops or keeps do not move the peak.
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, 0.2));
        ContactEvent e = TestScenes.drop(s, "ball", 0.2, 0.1, Vec3.ZERO);
        ContactEvent twice = new ContactEvent(e.t(), e.kind(), e.a(), e.b(), e.speed(), 2 * e.impulse(), e.point());
        double a = peakDbfs(s, e), b = peakDbfs(s, twice);
        assertTrue(b < -6, "stay below the limiter for this comparison");
        assertEquals(20 * Math.log10(2), b - a, 0.01, "6 dB louder for twice the impulse");
    }

    @Test
    void aBiggerBallDroppedFromTheSameHeightIsLouder() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double d : new double[] {0.03, 0.06, 0.12, 0.24}) {
            Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, d));
            double p = peakDbfs(s, TestScenes.drop(s, "ball", 0.5, 0.1, Vec3.ZERO));
            System.out.printf("rubber ball %.0f cm dropped 0.5 m on wood: %.1f dBFS%n", d * 100, p);
            assertTrue(p > previous + 3, "the " + d + " m ball is louder than the smaller one");
            previous = p;
        }
    }

    @Test
    void manyFastHeavyImpactsAtOnceNeverLeaveFullScale() {
        List<SceneObject> objects = new ArrayList<>();
        List<ContactEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            objects.add(TestScenes.shape("block" + i, Shape.CUBE, Material.STEEL, new Vec3(0.5, 0.5, 0.5)));
        }
        Scene s = TestScenes.scene(Material.STONE, objects.toArray(new SceneObject[0]));
        for (int i = 0; i < 40; i++) {
            String id = "block" + i;
            double t = i < 20 ? 0.1 : 0.1 + (i - 20) * 0.003; // twenty at the same instant, then a burst
            events.add(new ContactEvent(t, ContactEvent.IMPACT, id, Scene.FLOOR_ID, 20, s.object(id).mass() * 30,
                    new Vec3(0.1 * i - 2, 0, -1.8)));
        }
        events.add(new ContactEvent(0.1, ContactEvent.IMPACT, "block0", "block1", 40, 5e4, new Vec3(0, 0, -1.9)));
        SoundTrack track = new SoundTrack(s, events);
        // Far too loud for full scale (the raw mix peaks far above 1): the film is turned down as a
        // whole so that its loudest moment just reaches the limiter's knee, and nothing is squashed.
        assertTrue(track.filmGain() < 0.1, "film gain " + track.filmGain());
        float[][] y = Signals.render(track, 0, 48_000);
        double peak = 0;
        for (float[] ch : y) {
            for (float v : ch) {
                assertTrue(Float.isFinite(v) && Math.abs(v) <= 1f, "sample " + v);
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertEquals(SoftLimiter.KNEE, peak, 1e-6, "the loudest sample sits at the knee, -3 dBFS");
    }

    @Test
    void theLimiterIsTransparentBelowMinus3DbfsAndBoundedAbove() {
        for (double x = -0.7; x <= 0.7; x += 0.01) assertEquals(x, SoftLimiter.apply(x));
        double previous = SoftLimiter.KNEE;
        for (double x = SoftLimiter.KNEE; x < 1e6; x *= 1.5) {
            double y = SoftLimiter.apply(x);
            assertTrue(y >= previous && y <= 1, "monotone and at most 1 at " + x);
            assertEquals(-y, SoftLimiter.apply(-x));
            previous = y;
        }
    }
}
