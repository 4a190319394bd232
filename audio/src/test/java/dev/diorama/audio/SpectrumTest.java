package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a struck steel ball sounds like is where its model says: the pitch of its strongest mode. */
class SpectrumTest {
    private static final int N = 1 << 16;

    /** Two identical steel balls of this diameter meeting at 4 m/s: only the balls sound. */
    private static SoundTrack clack(double diameter) {
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("a", Material.STEEL, diameter),
                TestScenes.ball("b", Material.STEEL, diameter));
        return new SoundTrack(s, List.of(TestScenes.collide(s, "a", "b", 4, 0.1)));
    }

    /**
     * The mode whose spectral peak is highest: a decaying cosine a cos(2 pi f t) exp(-d t) peaks at
     * about a / (2 d) in the spectrum. Modes of the two bodies at the same frequency add.
     */
    private static double strongestModelMode(SoundTrack track) {
        SoundTrack.Excitation x = track.excitation(0);
        double best = 0, bestF = 0;
        for (int i = 0; i < x.frequency().length; i++) {
            double a = 0;
            for (int j = 0; j < x.frequency().length; j++) if (x.frequency()[j] == x.frequency()[i]) a += x.amplitude()[j];
            double height = a / x.decayRate()[i];
            if (height > best) {
                best = height;
                bestF = x.frequency()[i];
            }
        }
        return bestF;
    }

    private static double measuredPeak(SoundTrack track) {
        int onset = (int) SoundTrack.onsetSample(0.1);
        float[][] y = Signals.render(track, onset, N);
        return Signals.peakFrequency(Signals.spectrum(y[0], 0, N), N);
    }

    @Test
    void aSteelBallsStrongestSpectralPeakIsItsModelsStrongestMode() {
        SoundTrack track = clack(0.3);
        double model = strongestModelMode(track), measured = measuredPeak(track);
        System.out.printf("30 cm steel balls: model %.1f Hz, measured %.1f Hz%n", model, measured);
        assertEquals(model, measured, 0.01 * model);
        // ... and that mode is the sphere's lowest spheroidal mode, 2.64 c_s / (2 pi R).
        assertEquals(2.64 * Material.STEEL.shearWaveSpeed() / (2 * Math.PI * 0.15), model, 1e-6 * model);
    }

    @Test
    void aBallTwiceTheSizeRingsAnOctaveLower() {
        double small = measuredPeak(clack(0.3)), big = measuredPeak(clack(0.6));
        System.out.printf("steel balls: 30 cm peak %.1f Hz, 60 cm peak %.1f Hz%n", small, big);
        assertEquals(0.5, big / small, 0.005);
        ModalModel m1 = clack(0.3).body("a"), m2 = clack(0.6).body("a");
        for (int n = 0; n < m1.modeCount(); n++) assertEquals(m1.frequency(n) / 2, m2.frequency(n), 1e-9 * m1.frequency(n));
    }
}
