package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactState;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling and sliding: loudness and pitch follow speed, sliding rings the body's modes, and samples stay pure. */
class ContactSoundTest {
    static final SoundTrack.Options DRY = new SoundTrack.Options(true, false);

    /** Contact summaries every frame from t0 to t1 for a in contact with the floor. */
    static List<ContactState> track(Scene s, String a, double t0, double t1, double force, double slip, double roll) {
        List<ContactState> out = new ArrayList<>();
        for (int f = (int) Math.round(t0 * s.fps()) + 1; f <= Math.round(t1 * s.fps()); f++) {
            out.add(new ContactState((double) f / s.fps(), a, Scene.FLOOR_ID, force, slip, roll, new Vec3(0, 0, 0)));
        }
        return out;
    }

    static float[] left(SoundTrack t, double from, double to) {
        int start = (int) Math.round(from * 48_000), n = (int) Math.round((to - from) * 48_000);
        float[] l = new float[n], r = new float[n];
        t.render(start, l, r, n);
        return l;
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += v * v;
        return Math.sqrt(s / x.length);
    }

    /**
     * Power spectrum of x (Hann window, zero-padded FFT) on a grid from lo to hi Hz: the power of the
     * FFT bin nearest each grid frequency.
     */
    static double[] spectrum(float[] x, double lo, double hi, double step) {
        int size = Fft.atLeast(Math.max(x.length, (long) Math.ceil(48_000 / step)));
        double[] re = new double[size], im = new double[size];
        for (int i = 0; i < x.length; i++) re[i] = x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1)));
        new Fft(size).forward(re, im);
        int k = (int) ((hi - lo) / step) + 1;
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            int bin = (int) Math.round((lo + j * step) * size / 48_000.0);
            p[j] = re[bin] * re[bin] + im[bin] * im[bin];
        }
        return p;
    }

    static double centroid(float[] x) {
        double[] p = spectrum(x, 20, 4000, 20);
        double num = 0, den = 0;
        for (int j = 0; j < p.length; j++) {
            num += (20 + 20 * j) * p[j];
            den += p[j];
        }
        return num / den;
    }

    @Test
    void aRollingBallRumblesLouderAndHigherAsItGoesFaster() {
        SceneObject ball = TestScenes.ball("ball", Material.RUBBER, 0.2);
        Scene s = TestScenes.scene(Material.WOOD, ball);
        double mg = ball.mass() * TestScenes.G;
        double[] level = new double[3], pitch = new double[3];
        double[] speeds = {0.5, 1, 2};
        for (int i = 0; i < 3; i++) {
            SoundTrack t = new SoundTrack(s, new Timeline(List.of(), List.of(), track(s, "ball", 0, 2, mg, 0, speeds[i])), DRY);
            float[] x = left(t, 0.5, 1.5);
            level[i] = rms(x);
            pitch[i] = centroid(x);
        }
        System.out.printf("rolling rubber ball on wood: RMS %.2e / %.2e / %.2e, centroid %.0f / %.0f / %.0f Hz at 0.5 / 1 / 2 m/s%n",
                level[0], level[1], level[2], pitch[0], pitch[1], pitch[2]);
        for (int i = 0; i < 2; i++) {
            assertTrue(level[i + 1] > 1.6 * level[i], "louder with speed: " + level[i + 1] + " vs " + level[i]);
            assertTrue(pitch[i + 1] > 1.15 * pitch[i], "higher with speed: " + pitch[i + 1] + " vs " + pitch[i]);
        }
        // Quieter than the same ball's 1 m drop by far: a rumble under the strikes.
        SoundTrack drop = new SoundTrack(s, List.of(TestScenes.drop(s, "ball", 1, 0.1, Vec3.ZERO)), DRY);
        double peak = 0;
        for (float v : left(drop, 0, 0.5)) peak = Math.max(peak, Math.abs(v));
        double under = 20 * Math.log10(peak / level[1]);
        System.out.printf("the 1 m drop peaks %.1f dB over the rolling at 1 m/s%n", under);
        assertTrue(under > 35 && under < 65, "the drop peaks " + under + " dB over the rolling at 1 m/s");
    }

    @Test
    void aSlidingSteelBlockRingsAtItsOwnModes() {
        SceneObject block = TestScenes.shape("block", Shape.CUBE, Material.STEEL, new Vec3(0.1, 0.1, 0.1));
        Scene s = TestScenes.scene(Material.STONE, block);
        double mg = block.mass() * TestScenes.G;
        SoundTrack t = new SoundTrack(s, new Timeline(List.of(), List.of(), track(s, "block", 0, 1.5, mg, 1, 1)), DRY);
        float[] x = left(t, 0.3, 1.3);
        ModalModel m = t.body("block");
        double lowest = Double.MAX_VALUE;
        for (int k = 0; k < m.modeCount(); k++) lowest = Math.min(lowest, m.frequency(k));
        // The strongest line between half the block's lowest mode and 20 kHz is one of the two bodies' modes.
        double lo = lowest / 2, hi = Math.min(20_000, lowest * 3);
        double[] p = spectrum(x, lo, hi, 2);
        int best = 0;
        for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
        double f = lo + 2 * best;
        double nearest = Double.MAX_VALUE;
        for (String id : new String[] {"block", Scene.FLOOR_ID}) {
            ModalModel b = t.body(id);
            for (int k = 0; k < b.modeCount(); k++) nearest = Math.min(nearest, Math.abs(b.frequency(k) - f) / b.frequency(k));
        }
        assertTrue(nearest < 0.01, "the loudest line, " + f + " Hz, is a mode (within " + nearest * 100 + " %)");
    }

    @Test
    void itStartsWithTheContactAndIsAPureFunctionOfTheSampleIndex() {
        SceneObject ball = TestScenes.ball("ball", Material.WOOD, 0.1);
        Scene s = TestScenes.scene(Material.STONE, ball);
        Timeline tl = new Timeline(List.of(), List.of(), track(s, "ball", 0.5, 1.0, ball.mass() * 9.81, 0.3, 1));
        SoundTrack t = new SoundTrack(s, tl, DRY);
        float[] whole = left(t, 0, 2);
        int start = (int) Math.round(0.5 * 48_000);
        for (int i = 0; i < start; i++) assertEquals(0f, whole[i], "silent before the contact");
        assertTrue(rms(java.util.Arrays.copyOfRange(whole, start, start + 4800)) > 0, "heard from its start");
        SoundTrack again = new SoundTrack(s, tl, DRY);
        float[] pieces = new float[whole.length];
        for (int at = 0; at < whole.length; ) {
            int n = Math.min(whole.length - at, 777 + at % 5000);
            float[] l = new float[n], r = new float[n];
            again.render(at, l, r, n);
            System.arraycopy(l, 0, pieces, at, n);
            at += n;
        }
        assertArrayEquals(whole, pieces);
    }
}
