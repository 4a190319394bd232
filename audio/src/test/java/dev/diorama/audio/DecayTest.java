package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Modes die away at pi * eta * f per second, as the material's loss factor says: steel rings, rubber thuds. */
class DecayTest {
    private static final double T = 0.1;

    /** Two identical rods (50 cm long, 4 cm across) knocked together at 2 m/s. */
    private static SoundTrack rods(Material m) {
        Vec3 size = new Vec3(0.04, 0.5, 0.04);
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.shape("a", Shape.CYLINDER, m, size),
                TestScenes.shape("b", Shape.CYLINDER, m, size));
        return new SoundTrack(s, List.of(TestScenes.collide(s, "a", "b", 2, T)));
    }

    /**
     * The decay rate of the tone at f, 1/s: minus the slope of ln|Goertzel| over successive Hann
     * windows of {@code len} samples, {@code step} apart, starting {@code skip} samples after the onset.
     */
    private static double measuredDecay(float[] x, int onset, double f, int skip, int len, int step, int windows) {
        double[] t = new double[windows], lnMag = new double[windows];
        for (int w = 0; w < windows; w++) {
            int from = onset + skip + w * step;
            t[w] = (double) from / SoundTrack.SAMPLE_RATE;
            lnMag[w] = Math.log(Signals.goertzel(x, from, len, f));
        }
        return -Signals.slope(t, lnMag);
    }

    @Test
    void aSteelRodsLowestModeDecaysAtPiEtaF() {
        SoundTrack track = rods(Material.STEEL);
        ModalModel rod = track.body("a");
        double f = rod.frequency(0), expected = Math.PI * Material.STEEL.lossFactor * f;
        int onset = (int) SoundTrack.onsetSample(T);
        float[][] y = Signals.render(track, 0, onset + SoundTrack.SAMPLE_RATE);
        double measured = measuredDecay(y[0], onset, f, 1024, 2048, 1024, 20);
        System.out.printf("steel rod mode %.1f Hz: decay %.2f /s measured, pi eta f = %.2f /s%n", f, measured, expected);
        assertEquals(expected, measured, 0.1 * expected);
    }

    @Test
    void aSteelBallsHighModeDecaysAtPiEtaF() {
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("a", Material.STEEL, 0.3),
                TestScenes.ball("b", Material.STEEL, 0.3));
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.collide(s, "a", "b", 5, T)));
        double f = track.body("a").frequency(0), expected = Math.PI * Material.STEEL.lossFactor * f;
        int onset = (int) SoundTrack.onsetSample(T);
        float[][] y = Signals.render(track, 0, onset + 4800);
        double measured = measuredDecay(y[1], onset, f, 64, 256, 128, 8);
        System.out.printf("30 cm steel ball mode %.0f Hz: decay %.1f /s measured, pi eta f = %.1f /s%n", f, measured, expected);
        assertEquals(expected, measured, 0.1 * expected);
    }

    @Test
    void steelRingsFarLongerThanRubber() {
        double[] ratio = new double[2];
        Material[] materials = {Material.STEEL, Material.RUBBER};
        for (int i = 0; i < 2; i++) {
            int onset = (int) SoundTrack.onsetSample(T);
            float[][] y = Signals.render(rods(materials[i]), 0, onset + SoundTrack.SAMPLE_RATE);
            double early = Signals.energy(y[0], onset, onset + 480);               // first 10 ms
            double late = Signals.energy(y[0], onset + 4800, onset + SoundTrack.SAMPLE_RATE); // after 100 ms
            assertTrue(early > 0, materials[i] + " must sound");
            ratio[i] = late / early;
        }
        System.out.printf("energy after 100 ms / first 10 ms: steel %.3g, rubber %.3g%n", ratio[0], ratio[1]);
        assertTrue(ratio[0] > 0.05, "steel still rings after 100 ms");
        assertTrue(ratio[0] > 1e4 * ratio[1], "steel rings far longer than rubber");
    }
}
