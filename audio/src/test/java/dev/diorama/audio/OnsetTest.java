package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sound of a contact starts on the sample of its time, at full force, and not one sample earlier. */
class OnsetTest {
    /** -80 dBFS: far below any strike, far above rounding noise. */
    private static final double THRESHOLD = 1e-4;

    private record Case(double t, Material ball, double diameter, Material floor, Vec3 point) {}

    @Test
    void eachStrikeStartsExactlyOnRoundTTimes48000AndIsSilentBefore() {
        List<Case> cases = List.of(
                new Case(0.123456, Material.RUBBER, 0.2, Material.WOOD, Vec3.ZERO),
                new Case(0.5, Material.STEEL, 0.05, Material.STONE, new Vec3(-1.5, 0, 0)),    // right: the left ear is delayed
                new Case(1.0000104, Material.GLASS, 0.03, Material.WOOD, new Vec3(2, 0, 1)),   // left; t * 48000 rounds down
                new Case(2.7182818, Material.PLASTIC, 0.1, Material.STONE, new Vec3(0.3, 0, 4)),
                new Case(0.0, Material.WOOD, 0.08, Material.WOOD, Vec3.ZERO));
        for (Case c : cases) {
            Scene s = TestScenes.scene(c.floor(), TestScenes.ball("ball", c.ball(), c.diameter()));
            SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 0.5, c.t(), c.point())));
            long onset = Math.round(c.t() * SoundTrack.SAMPLE_RATE);
            assertEquals(onset, SoundTrack.onsetSample(c.t()));
            long from = Math.max(0, onset - 4800);
            int n = (int) (onset - from) + 4800;
            float[][] y = Signals.render(track, from, n);
            int first = -1;
            for (int i = 0; i < n && first < 0; i++) {
                if (Math.abs(y[0][i]) > THRESHOLD || Math.abs(y[1][i]) > THRESHOLD) first = i;
            }
            assertEquals(onset, from + first, "first audible sample of " + c);
            for (int i = 0; i < first; i++) {
                assertEquals(0f, y[0][i], c + ": left before the onset");
                assertEquals(0f, y[1][i], c + ": right before the onset");
            }
            // Full force on the first sample: the earlier ear's first sample is the loudest of the strike.
            int i0 = first;
            double firstSample = Math.max(Math.abs(y[0][i0]), Math.abs(y[1][i0]));
            double peak = Math.max(Signals.peak(y[0]), Signals.peak(y[1]));
            assertTrue(firstSample >= 0.5 * peak, c + ": first sample " + firstSample + " vs peak " + peak);
        }
    }

    @Test
    void theFarEarStartsLaterByTheInterauralDelay() {
        Scene s = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, 0.2));
        double t = 0.25;
        // Straight to the right of the camera (at 90 degrees): Woodworth's ITD is about 0.66 ms, 31.5 samples.
        SoundTrack track = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, t, new Vec3(-2, 0, -2))));
        long onset = SoundTrack.onsetSample(t);
        float[][] y = Signals.render(track, onset - 10, 100);
        int firstLeft = -1, firstRight = -1;
        for (int i = 0; i < 100; i++) {
            if (firstLeft < 0 && y[0][i] != 0) firstLeft = i;
            if (firstRight < 0 && y[1][i] != 0) firstRight = i;
        }
        assertEquals(10, firstRight, "the near (right) ear starts on the onset sample");
        double itd = Spatializer.HEAD_RADIUS / Spatializer.SPEED_OF_SOUND * (Math.PI / 2 + 1) * SoundTrack.SAMPLE_RATE;
        assertEquals(10 + Math.ceil(itd), firstLeft, "the far ear starts after the ITD");
        assertEquals(0.66e-3 * SoundTrack.SAMPLE_RATE, itd, 0.5);
    }
}
