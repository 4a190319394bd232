package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sounding body that moves toward the camera is heard higher by c / (c - v), the Doppler shift
 * of a moving source (c / (c + v) going away); one that stays put sounds exactly as before.
 */
class DopplerTest {
    static final double C = 343, T0 = 0.1, V = 20;
    /** The listener at 1 m height looking south (+z) down the line the bodies come along. */
    static final Camera CAMERA = new Camera(new Vec3(0, 1, 0), new Vec3(0, 1, 30), 50);
    static final SoundTrack.Options DRY_FILM = new SoundTrack.Options(true, false);

    static Scene scene() {
        Vec3 size = new Vec3(0.9, 0.9, 0.9);
        return new Scene(7, 2, 24, 320, 180, 0, 0, LocalTime.NOON, Environment.outdoor(Material.WOOD), CAMERA, List.of(
                new SceneObject("ball", Shape.BALL, Material.GLASS, null, size, new Vec3(-0.45, 1, 20), null, null),
                new SceneObject("twin", Shape.BALL, Material.GLASS, null, size, new Vec3(0.45, 1, 20), null, null)));
    }

    /** Keyframes of both balls, still until T0, then moving toward the camera (-z) at {@code v}. */
    static List<Keyframe> frames(Scene s, double v) {
        List<Keyframe> frames = new ArrayList<>();
        for (int f = 0; f <= s.frameCount(); f++) {
            double t = (double) f / s.fps();
            List<Pose> poses = new ArrayList<>();
            for (SceneObject o : s.objects()) {
                double dz = -v * Math.max(0, t - T0);
                poses.add(new Pose(o.position().plus(new Vec3(0, 0, dz)), Quat.IDENTITY, Double.NaN));
            }
            frames.add(new Keyframe(f, t, poses));
        }
        return frames;
    }

    static float[] left(SoundTrack track, double from, double to) {
        int start = (int) Math.round(from * SoundTrack.SAMPLE_RATE), n = (int) Math.round((to - from) * SoundTrack.SAMPLE_RATE);
        float[] l = new float[n], r = new float[n];
        track.render(start, l, r, n);
        return l;
    }

    /** The frequency in [lo, hi] Hz where the Hann-windowed spectrum of x peaks, to 0.01 Hz. */
    static double peak(float[] x, double lo, double hi) {
        double best = lo, bestPower = -1;
        for (double step : new double[] {1, 0.01}) {
            double a = step == 1 ? lo : best - 1.5, b = step == 1 ? hi : best + 1.5;
            for (double f = a; f <= b; f += step) {
                double re = 0, im = 0, w = 2 * Math.PI * f / SoundTrack.SAMPLE_RATE;
                for (int i = 0; i < x.length; i++) {
                    double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1));
                    re += hann * x[i] * Math.cos(w * i);
                    im -= hann * x[i] * Math.sin(w * i);
                }
                double power = re * re + im * im;
                if (power > bestPower) {
                    bestPower = power;
                    best = f;
                }
            }
        }
        return best;
    }

    @Test
    void aSourceComingTowardTheCameraIsHeardHigherByCOverCMinusV() {
        Scene s = scene();
        ContactEvent clink = new ContactEvent(T0, ContactEvent.IMPACT, "ball", "twin", 3, 2000, new Vec3(0, 1, 20));
        SoundTrack still = new SoundTrack(s, List.of(clink), frames(s, 0), DRY_FILM);
        SoundTrack coming = new SoundTrack(s, List.of(clink), frames(s, V), DRY_FILM);
        // The strongest mode below 8 kHz of the still pair, then where it went.
        float[] a = left(still, T0 + 0.02, T0 + 0.22), b = left(coming, T0 + 0.02, T0 + 0.22);
        assertTrue(rms(a) > 1e-5, "the clink is heard: rms " + rms(a));
        double f0 = peak(a, 200, 8000);
        double f1 = peak(b, f0 * 1.03, f0 * 1.10);
        double expected = C / (C - V);
        assertEquals(expected, f1 / f0, 0.002 * expected, "heard at " + f1 + " Hz instead of " + f0 + " Hz");
    }

    @Test
    void aSourceGoingAwayIsHeardLowerByCOverCPlusV() {
        Scene s = scene();
        ContactEvent clink = new ContactEvent(T0, ContactEvent.IMPACT, "ball", "twin", 3, 2000, new Vec3(0, 1, 20));
        SoundTrack still = new SoundTrack(s, List.of(clink), frames(s, 0), DRY_FILM);
        SoundTrack going = new SoundTrack(s, List.of(clink), frames(s, -V), DRY_FILM);
        float[] a = left(still, T0 + 0.02, T0 + 0.22), b = left(going, T0 + 0.02, T0 + 0.22);
        double f0 = peak(a, 200, 8000);
        double f1 = peak(b, f0 * 0.90, f0 * 0.97);
        double expected = C / (C + V);
        assertEquals(expected, f1 / f0, 0.002 * expected);
    }

    @Test
    void stillSourcesSoundExactlyAsWithoutKeyframesAndTheStrikeStaysOnItsSample() {
        Scene s = scene();
        ContactEvent clink = new ContactEvent(T0, ContactEvent.IMPACT, "ball", "twin", 3, 2000, new Vec3(0, 1, 20));
        float[] without = left(new SoundTrack(s, List.of(clink), DRY_FILM), 0, 0.5);
        float[] withStill = left(new SoundTrack(s, List.of(clink), frames(s, 0), DRY_FILM), 0, 0.5);
        assertArrayEquals(without, withStill);
        // Moving or not, nothing before the onset sample and the same first sample on it.
        float[] moving = left(new SoundTrack(s, List.of(clink), frames(s, V), DRY_FILM), 0, 0.5);
        int onset = (int) SoundTrack.onsetSample(T0);
        for (int i = 0; i < onset; i++) assertEquals(0f, moving[i]);
        assertEquals(withStill[onset], moving[onset], 1e-6);
    }

    static double rms(float[] x) {
        double sum = 0;
        for (float v : x) sum += v * v;
        return Math.sqrt(sum / x.length);
    }
}
