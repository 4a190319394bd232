package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.LiquidSound;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The liquids' sounds in the mix: a bubble rings at Minnaert's frequency from its event's time (to
 * the sample, like an impact), on the side of the picture it is on; a splash is a burst of noise
 * that dies away in a tenth of a second.
 */
class LiquidVoicesTest {
    static final int SR = SoundTrack.SAMPLE_RATE;

    private static float[][] render(List<LiquidSound> sounds, double seconds) {
        Scene scene = TestScenes.scene(Material.WOOD, TestScenes.ball("b", Material.RUBBER, 0.05));
        try (SoundTrack track = new SoundTrack(scene, List.of(), List.of(), List.of(), sounds, SoundTrack.Options.ANECHOIC)) {
            int n = (int) (seconds * SR);
            float[] l = new float[n], r = new float[n];
            track.render(0, l, r, n);
            return new float[][] {l, r};
        }
    }

    @Test
    void aBubbleRingsAtMinnaertsFrequencyFromItsEventTimeOnItsSide() {
        double radius = 0.002, t = 0.5;
        // Left of the origin seen from the camera at (0, 0, -2) looking along +z is +x.
        float[][] lr = render(List.of(new LiquidSound(LiquidSound.BUBBLE, t, new Vec3(1, 0, 0), radius, 0, 0)), 1.0);
        float[] l = lr[0], r = lr[1];
        double peak = 0;
        for (int i = 0; i < l.length; i++) peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        int onset = -1;
        for (int i = 0; i < l.length && onset < 0; i++) if (Math.max(Math.abs(l[i]), Math.abs(r[i])) > 1e-3 * peak) onset = i;
        assertEquals(t * SR, onset, SR * 0.001, "onset within 1 ms of the bubble's time (sample " + onset + ")");
        double el = 0, er = 0;
        for (int i = 0; i < l.length; i++) {
            el += l[i] * l[i];
            er += r[i] * r[i];
        }
        assertTrue(el > 2 * er, "the bubble is on the left: energy left " + el + ", right " + er);
        // Upward zero crossings of the louder (left) ear over the first 3 ms: Minnaert's 3.26 / r at
        // the onset, rising by xi d t (van den Doel) by 1.5 ms in, the middle of the window.
        Bubble b = new Bubble(radius, 1);
        int from = onset + 2, to = onset + (int) (0.003 * SR);
        int first = -1, last = -1, crossings = 0;
        for (int i = from; i < to; i++) {
            if (l[i - 1] < 0 && l[i] >= 0) {
                if (first < 0) first = i;
                last = i;
                crossings++;
            }
        }
        double measured = (crossings - 1) / ((double) (last - first) / SR);
        double expected = b.frequency() * (1 + Bubble.RISE * b.decayRate() * 0.0015);
        System.out.printf("bubble r = %.1f mm: %.0f Hz measured, %.0f Hz expected (Minnaert %.0f Hz)%n",
                radius * 1e3, measured, expected, b.frequency());
        assertEquals(expected, measured, 0.03 * expected, "the bubble's pitch");
    }

    @Test
    void aSplashIsABriefBurstAfterItsTime() {
        float[][] lr = render(List.of(new LiquidSound(LiquidSound.SPLASH, 0.25, new Vec3(0, 0, 0), 0, 2.0, 5e-6)), 1.0);
        float[] l = lr[0];
        double before = 0, burst = 0, after = 0;
        for (int i = 0; i < l.length; i++) {
            double e = l[i] * l[i];
            if (i < 0.25 * SR) before += e;
            else if (i < 0.35 * SR) burst += e;
            else after += e;
        }
        assertEquals(0, before, 0, "nothing before the splash");
        assertTrue(burst > 0, "the splash sounds");
        assertTrue(after < 1e-3 * burst, "it has died away 0.1 s later: " + after / burst);
    }
}
