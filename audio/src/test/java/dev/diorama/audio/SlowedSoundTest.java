package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow motion's sound: the world's track played k times slower, its samples kept, its pitch k times lower. */
class SlowedSoundTest {
    static final int RATE = SoundTrack.SAMPLE_RATE;

    /** A steel ball striking a stone floor at 0.1 s: the world's sound. */
    static SoundTrack strike() {
        Scene s = TestScenes.scene(Material.STONE, TestScenes.ball("ball", Material.STEEL, 0.05));
        ContactEvent drop = TestScenes.drop(s, "ball", 2, 0.1, Vec3.ZERO);
        return new SoundTrack(s, List.of(drop), SoundTrack.Options.ANECHOIC);
    }

    static float[][] render(SoundTrack t, long start, int n) {
        float[][] lr = new float[2][n];
        t.render(start, lr[0], lr[1], n);
        return lr;
    }

    /**
     * Slowed 4 times, film sample 4s is the world's sample s, bit for bit (the cubic passes through
     * the samples), whatever the blocks the film asks for them in; the strike starts 4 times later,
     * within the two world samples the cubic reaches back.
     */
    @Test
    void filmSampleKTimesSIsTheWorldsSampleS() {
        int n = RATE / 2;
        float[][] world = render(strike(), 0, n);
        for (int block : new int[] {2000, 1001, 48_000}) {
            SlowedSound slowed = new SlowedSound(strike(), 4);
            float[] l = new float[4 * n], r = new float[4 * n];
            for (int s = 0; s < 4 * n; s += block) {
                int m = Math.min(block, 4 * n - s);
                float[] bl = new float[m], br = new float[m];
                slowed.render(s, bl, br, m);
                System.arraycopy(bl, 0, l, s, m);
                System.arraycopy(br, 0, r, s, m);
            }
            float[] everyFourth = new float[n], everyFourthR = new float[n];
            for (int i = 0; i < n; i++) {
                everyFourth[i] = l[4 * i];
                everyFourthR[i] = r[4 * i];
            }
            assertArrayEquals(world[0], everyFourth, "left, blocks of " + block);
            assertArrayEquals(world[1], everyFourthR, "right, blocks of " + block);
            // The cubic reaches back two world samples (it starts to rise there), no more
            assertEquals(firstAbove(world[0], 1e-4) * 4, firstAbove(l, 1e-4), 2 * 4, "the strike starts 4 times later");
        }
    }

    /**
     * Five times slower is five times lower: the slowed strike crosses zero as often over five times
     * the length as the world's over its own (the same waveform, stretched), and between the world's
     * samples the cubic stays within the neighbouring samples' range but for a small overshoot.
     */
    @Test
    void fiveTimesSlowerIsFiveTimesLower() {
        int n = RATE / 10;
        SoundTrack world = strike();
        long onset = SoundTrack.onsetSample(0.1);
        float[][] w = render(world, onset, n);
        float[] l = new float[5 * n], r = new float[5 * n];
        new SlowedSound(strike(), 5).render(5 * onset, l, r, 5 * n);
        int zw = crossings(w[0]), zs = crossings(l);
        assertTrue(zw > 50, "the strike rings: " + zw + " zero crossings in 0.1 s");
        assertEquals(zw, zs, Math.max(2, zw / 50), "zero crossings: world " + zw + ", slowed " + zs);
        double peakW = 0, peakS = 0;
        for (float v : w[0]) peakW = Math.max(peakW, Math.abs(v));
        for (float v : l) peakS = Math.max(peakS, Math.abs(v));
        assertEquals(peakW, peakS, 0.05 * peakW, "as loud at its peak");
    }

    @Test
    void oneTimesSlowerIsTheTrackItself() {
        float[][] world = render(strike(), 1000, 9000);
        float[] l = new float[9000], r = new float[9000];
        new SlowedSound(strike(), 1).render(1000, l, r, 9000);
        assertArrayEquals(world[0], l);
        assertArrayEquals(world[1], r);
    }

    static int crossings(float[] x) {
        int c = 0;
        for (int i = 1; i < x.length; i++) if ((x[i - 1] < 0) != (x[i] < 0)) c++;
        return c;
    }

    static int firstAbove(float[] x, double level) {
        for (int i = 0; i < x.length; i++) if (Math.abs(x[i]) > level) return i;
        return -1;
    }
}
