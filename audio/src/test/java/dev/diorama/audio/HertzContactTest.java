package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import org.junit.jupiter.api.Test;

/** Hertz's impact: contact durations of the right size, a force spectrum that falls off above 1/tau. */
class HertzContactTest {

    @Test
    void twoOneInchSteelBallsAtOneMetrePerSecondTouchForAboutEightyMicroseconds() {
        // Johnson (Contact Mechanics, 11.4): tau = 2.87 (m*^2 / (R* E*^2 v))^(1/5); measured contact times
        // of 25 mm steel balls at about 1 m/s are in the tens of microseconds.
        ModalModel ball = ModalModel.of(TestScenes.ball("b", Material.STEEL, 0.0254));
        HertzContact c = HertzContact.between(ball, ball, 1.0);
        double m = ball.mass() / 2, r = 0.0254 / 4, e = Material.STEEL.youngsModulus / (2 * (1 - 0.3 * 0.3));
        assertEquals(2.87 * Math.pow(m * m / (r * e * e), 0.2), c.duration(), 1e-9);
        assertTrue(c.duration() > 50e-6 && c.duration() < 120e-6, "tau = " + c.duration());
    }

    @Test
    void softerFasterAndLighterContactsAreShorterOrLongerAsHertzSays() {
        ModalModel floor = ModalModel.floor(Material.STONE);
        ModalModel steel = ModalModel.of(TestScenes.ball("b", Material.STEEL, 0.1));
        ModalModel rubber = ModalModel.of(TestScenes.ball("b", Material.RUBBER, 0.1));
        assertTrue(HertzContact.between(rubber, floor, 2).duration() > 5 * HertzContact.between(steel, floor, 2).duration());
        // tau ~ v^(-1/5): 32 times the speed, half the duration
        assertEquals(0.5, HertzContact.between(steel, floor, 32).duration() / HertzContact.between(steel, floor, 1).duration(), 1e-9);
    }

    @Test
    void theForceSpectrumIsFlatBelowOneOverTauAndFallsAsOneOverFSquaredAbove() {
        ModalModel floor = ModalModel.floor(Material.STONE);
        HertzContact c = HertzContact.between(ModalModel.of(TestScenes.ball("b", Material.STEEL, 0.1)), floor, 2);
        double tau = c.duration();
        assertEquals(1, c.spectrumWeight(0.001 / tau), 1e-4);
        assertEquals(Math.PI / 4, c.spectrumWeight(0.5 / tau), 1e-9, "2 f tau = 1");
        assertEquals(Math.PI / 4, c.spectrumWeight(0.5 / tau * (1 + 1e-5)), 1e-5, "continuous through 2 f tau = 1");
        assertEquals(1.0 / 3, c.spectrumWeight(1 / tau), 1e-9, "main lobe meets the envelope at 2 f tau = 2");
        double previous = 2;
        for (double x = 0.01; x < 100; x *= 1.1) {
            double w = c.spectrumWeight(x / (2 * tau));
            assertTrue(w > 0 && w < previous, "positive and falling at 2 f tau = " + x);
            previous = w;
        }
        assertEquals(1 / (400.0 - 1), c.spectrumWeight(10 / tau), 1e-12);
    }
}
