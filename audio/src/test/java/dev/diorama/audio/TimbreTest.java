package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rubber thuds and steel rings: the brightness of a strike follows the materials and the contact's stiffness. */
class TimbreTest {
    private static final int N = 1 << 14;
    private static final double T = 0.05;

    private static double centroid(Scene s, ContactEvent e) {
        SoundTrack track = new SoundTrack(s, List.of(e));
        int onset = (int) SoundTrack.onsetSample(T);
        float[][] y = Signals.render(track, onset, N);
        return Signals.centroid(Signals.spectrum(y[0], 0, N), N);
    }

    @Test
    void rubberBallsKnockedTogetherSoundFarLowerThanSteelBalls() {
        double[] c = new double[2];
        Material[] m = {Material.RUBBER, Material.STEEL};
        for (int i = 0; i < 2; i++) {
            Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("a", m[i], 0.2), TestScenes.ball("b", m[i], 0.2));
            c[i] = centroid(s, TestScenes.collide(s, "a", "b", 3, T));
        }
        System.out.printf("20 cm balls knocked together, spectral centroid: rubber %.0f Hz, steel %.0f Hz%n", c[0], c[1]);
        assertTrue(c[1] > 5 * c[0]);
    }

    /** Energy-weighted mean frequency of the floor's modes in the first event: a^2 / (2 d) is a mode's energy. */
    private static double floorCentroid(SoundTrack track) {
        SoundTrack.Excitation x = track.excitation(0);
        int floorModes = track.body("floor").modeCount(), first = x.frequency().length - floorModes;
        double num = 0, den = 0;
        for (int i = first; i < x.frequency().length; i++) {
            double energy = x.amplitude()[i] * x.amplitude()[i] / (2 * x.decayRate()[i]);
            num += x.frequency()[i] * energy;
            den += energy;
        }
        return num / den;
    }

    @Test
    void aStoneFloorRingsBrighterUnderASteelBallThanUnderARubberBall() {
        double[] c = new double[2];
        Material[] m = {Material.RUBBER, Material.STEEL};
        for (int i = 0; i < 2; i++) {
            Scene s = TestScenes.scene(Material.STONE, TestScenes.ball("ball", m[i], 0.06));
            c[i] = floorCentroid(new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, T, Vec3.ZERO))));
        }
        System.out.printf("stone floor under a 6 cm ball dropped 1 m, modal centroid: rubber %.0f Hz, steel %.0f Hz%n", c[0], c[1]);
        assertTrue(c[1] > 1.5 * c[0]);
    }

    @Test
    void aShortStiffContactReachesHighModesALongSoftOneDoesNot() {
        Scene steel = TestScenes.scene(Material.STONE, TestScenes.ball("ball", Material.STEEL, 0.2));
        Scene rubber = TestScenes.scene(Material.STONE, TestScenes.ball("ball", Material.RUBBER, 0.2));
        HertzContact hard = new SoundTrack(steel, List.of(TestScenes.drop(steel, "ball", 1, T, Vec3.ZERO))).excitation(0).contact();
        HertzContact soft = new SoundTrack(rubber, List.of(TestScenes.drop(rubber, "ball", 1, T, Vec3.ZERO))).excitation(0).contact();
        System.out.printf("contact on stone, 20 cm ball from 1 m: steel %.2f ms, rubber %.2f ms%n",
                hard.duration() * 1e3, soft.duration() * 1e3);
        assertTrue(soft.duration() > 4 * hard.duration());
        // A mode at 1 kHz (the stone floor's second lies near 1.8 kHz) is struck well by steel, hardly by rubber.
        assertTrue(hard.spectrumWeight(1000) > 0.3, "steel reaches 1 kHz");
        assertTrue(soft.spectrumWeight(1000) < 0.02, "rubber does not reach 1 kHz");
    }
}
