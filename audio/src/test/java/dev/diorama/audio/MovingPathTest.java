package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every path of a ringing body follows it while it rings: the interaural delay, the air's
 * absorption and the floor's reflection as well as the pan and the level, and for the whole ring
 * rather than its first seconds.
 */
class MovingPathTest {
    static final double FS = SoundTrack.SAMPLE_RATE, C = 343;

    /** The complex amplitude of frequency f over x's samples [from, from + n), Hann-windowed, as {Re, Im}. */
    static double[] bin(float[] x, int from, int n, double f) {
        double re = 0, im = 0, sum = 0, w = 2 * Math.PI * f / FS;
        for (int i = 0; i < n; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            re += hann * x[from + i] * Math.cos(w * (from + i));
            im -= hann * x[from + i] * Math.sin(w * (from + i));
            sum += hann;
        }
        return new double[] {2 * re / sum, 2 * im / sum};
    }

    /** How far (radians, in (-pi, pi]) b's phase lags a's. */
    static double lag(double[] a, double[] b) {
        double d = Math.atan2(a[1], a[0]) - Math.atan2(b[1], b[0]);
        return Math.atan2(Math.sin(d), Math.cos(d));
    }

    /**
     * The mechanism alone: one 500 Hz mode heard through a left tap and a right tap 10 samples
     * later, whose motion moves the right tap a further 20 samples behind and lengthens the left
     * tap's path by 200 m over the anchors, two chunks apart. Late in the ring each ear is what the
     * moved paths give: the right ear's phase lags by w (10 + shift), the left ear is weaker by the
     * air over 200 m more.
     */
    @Test
    void aVoiceHearsEachTapWhereItsMotionHasMovedIt() {
        double f = 500, decay = 2;
        int anchors = 40, stride = 2;
        double[] delay = new double[anchors], level = new double[anchors], one = new double[anchors];
        double[] shift = new double[anchors], metres = new double[anchors], zero = new double[anchors];
        java.util.Arrays.fill(level, 1);
        java.util.Arrays.fill(one, 1);
        for (int q = 0; q < anchors; q++) {
            shift[q] = 20.0 * q / (anchors - 1);
            metres[q] = 200.0 * q / (anchors - 1);
        }
        Voice.Motion motion = new Voice.Motion(stride, delay, level, new Voice.TapMotion[] {
                new Voice.TapMotion(one, zero, metres), new Voice.TapMotion(one, shift, zero)});
        List<Voice.Tap> taps = List.of(new Voice.Tap(Voice.LEFT, 0, new double[] {1}, 1),
                new Voice.Tap(Voice.RIGHT, 10, new double[] {1}, 1));
        Voice v = Voice.of(0, new double[] {f}, new double[] {decay}, new double[] {0.5}, taps, new Voice.Motion[] {motion});
        assertNotNull(v);
        int n = (int) FS;
        double[] l = new double[n], r = new double[n];
        v.addTo(0, l, r, null, n);
        float[] lf = new float[n], rf = new float[n];
        for (int i = 0; i < n; i++) {
            lf[i] = (float) l[i];
            rf[i] = (float) r[i];
        }
        double w = 2 * Math.PI * f / FS, airNepers = AirAbsorption.decibelsPerMetre(f) * Math.log(10) / 20;
        // Anchor q stands at sample q * stride * 512; a 512-sample window centred on anchors 10 and 30.
        for (int q : new int[] {10, 30}) {
            int centre = q * stride * Voice.CHUNK, from = centre - 256;
            double[] a = bin(lf, from, 512, f), b = bin(rf, from, 512, f);
            double expectedLag = w * (10 + shift[q]);
            assertEquals(expectedLag, lag(a, b), 0.01, "anchor " + q + ": the right ear's lag");
            double la = Math.hypot(a[0], a[1]), lb = Math.hypot(b[0], b[1]);
            // The right tap's path keeps its length; its sound left 10 + shift samples later, decayed less.
            double expectedRatio = Math.exp(-airNepers * metres[q]) * Math.exp(-decay * (10 + shift[q]) / FS);
            assertEquals(expectedRatio, la / lb, 0.002, "anchor " + q + ": left over right");
        }
    }

    /** A rod ringing on a circle around the camera, 3 m out at the camera's height, 1 km above the ground (whose reflection then comes late and weak). */
    static Scene orbitScene() {
        return rods(1000, 1, new Vec3(-3, 1000, 0.3), 1);
    }

    /**
     * Two steel rods 4 cm thick and {@code length} long side by side 4 cm apart, centred on
     * {@code at}, filmed for {@code seconds} outdoors over a wooden floor by a camera at height
     * {@code eye} looking along +z (the picture's right is -x).
     */
    static Scene rods(double eye, double length, Vec3 at, double seconds) {
        Camera camera = new Camera(new Vec3(0, eye, 0), new Vec3(0, eye, 10), 50);
        Vec3 size = new Vec3(0.04, length, 0.04);
        return new Scene(7, seconds, 24, 320, 180, 0, 0, LocalTime.NOON, Environment.outdoor(Material.WOOD), camera, List.of(
                new SceneObject("rod", Shape.CYLINDER, Material.STEEL, null, size, at.plus(new Vec3(0.02, 0, 0)), null, null),
                new SceneObject("twin", Shape.CYLINDER, Material.STEEL, null, size, at.plus(new Vec3(-0.02, 0, 0)), null, null)));
    }

    static List<Keyframe> keyframes(Scene s, Function<Double, Vec3> offset) {
        List<Keyframe> frames = new ArrayList<>();
        for (int f = 0; f <= s.frameCount(); f++) {
            double t = (double) f / s.fps();
            List<Pose> poses = new ArrayList<>();
            for (SceneObject o : s.objects()) poses.add(new Pose(o.position().plus(offset.apply(t)), Quat.IDENTITY, Double.NaN));
            frames.add(new Keyframe(f, t, poses));
        }
        return frames;
    }

    /**
     * Woodworth's interaural delay of a source at lateral position s = sin(azimuth), seconds;
     * positive when the left ear hears it later.
     */
    static double itd(double s) {
        double theta = Math.asin(Math.abs(s));
        return Math.signum(s) * 0.0875 / C * (theta + Math.sin(theta));
    }

    /**
     * The rods circle the camera from its right (the picture's right is -x, the camera looking
     * along +z) to its left, 3 m away all the time, so only the direction changes. Late in the ring
     * the ears' phases differ by the interaural delay of where the rods then were: the left ear
     * leads. (Before, the interaural delay kept its onset value for the whole ring: the right ear
     * led throughout.)
     */
    @Test
    void theInterauralDelayFollowsASourceAcrossThePicture() {
        Scene s = orbitScene();
        double t0 = 0.125, omega = 4; // on a keyframe (t0 * 24 whole); rad/s around the camera
        double a0 = Math.atan2(0.3, -3); // the rods' angle in the x-z plane at the onset
        Function<Double, Vec3> orbit = t -> {
            double a = a0 - omega * Math.max(0, t - t0);
            return new Vec3(3 * Math.cos(a) - 3 * Math.cos(a0), 0, 3 * Math.sin(a) - 3 * Math.sin(a0));
        };
        ContactEvent clink = new ContactEvent(t0, ContactEvent.IMPACT, "rod", "twin", 3, 200, new Vec3(-3, 1000, 0.3));
        SoundTrack still = new SoundTrack(s, List.of(clink), keyframes(s, t -> Vec3.ZERO), DopplerTest.DRY_FILM);
        SoundTrack moving = new SoundTrack(s, List.of(clink), keyframes(s, orbit), DopplerTest.DRY_FILM);
        int n = (int) Math.round(0.4 * FS), start = (int) Math.round(t0 * FS);
        float[] l = new float[n], r = new float[n], sl = new float[n], sr = new float[n];
        moving.render(start, l, r, n);
        still.render(start, sl, sr, n);
        double f = DopplerTest.peak(sl, 100, 700);
        StringBuilder all = new StringBuilder();
        for (double after : new double[] {0.02, 0.05, 0.1, 0.2, 0.35}) {
            int centre = (int) Math.round(after * FS), from = centre - 480;
            double[] a = bin(l, from, 960, f), b = bin(r, from, 960, f);
            // The path's length does not change: the sound heard then left the rods as long after the
            // onset. Their lateral position s = -x / r (the picture's right is -x).
            double emitted = after;
            double angle = a0 - omega * emitted;
            double lateral = -Math.cos(angle);
            double expected = itd(lateral) * 2 * Math.PI * f; // the left ear's lag, radians
            double measured = lag(b, a);
            all.append(String.format(java.util.Locale.ROOT, "%.2f s after: lateral %.2f, left lags %.3f rad (Woodworth %.3f); ",
                    after, lateral, measured, expected));
            System.out.println(all);
        }
        System.out.println("orbiting rods, " + String.format(java.util.Locale.ROOT, "%.1f Hz: ", f) + all);
    }

    /**
     * A pair of 2 m steel rods (their lowest mode, near 45 Hz, rings for about ten seconds) going
     * straight away from the camera at 5 m/s, 1 km above the ground (whose reflection arrives 5.8 s
     * late): the level follows the 1/r law for the whole ring
     * (before, only its first 4 s followed the motion, then the level froze where it had got to).
     */
    @Test
    void aLongRingFollowsItsSourceToTheEnd() {
        Scene s = rods(1000, 2, new Vec3(0, 1000, 2), 8);
        double t0 = 0.125, v = 5; // on a keyframe
        ContactEvent clink = new ContactEvent(t0, ContactEvent.IMPACT, "rod", "twin", 3, 200, new Vec3(0, 1000, 2));
        SoundTrack still = new SoundTrack(s, List.of(clink), keyframes(s, t -> Vec3.ZERO), DopplerTest.DRY_FILM);
        SoundTrack going = new SoundTrack(s, List.of(clink), keyframes(s, t -> new Vec3(0, 0, v * Math.max(0, t - t0))), DopplerTest.DRY_FILM);
        StringBuilder all = new StringBuilder();
        int n = 24000; // 0.5 s windows
        double[] afters = {2, 5}; // the ground's reflection arrives 5.8 s after the onset
        float[][] goingAt = new float[2][n], stillAt = new float[2][n];
        for (int w = 0; w < 2; w++) {
            int start = (int) Math.round((t0 + afters[w]) * FS);
            going.render(start, goingAt[w], new float[n], n);
            still.render(start, stillAt[w], new float[n], n);
        }
        // The strongest mode of the still rod, and its decay rate between the two windows.
        double f0 = DopplerTest.peak(stillAt[0], 20, 4000);
        double[] b0 = bin(stillAt[0], 0, n, f0), b1 = bin(stillAt[1], 0, n, f0);
        double decay = Math.log(Math.hypot(b0[0], b0[1]) / Math.hypot(b1[0], b1[1])) / (afters[1] - afters[0]);
        for (int w = 0; w < 2; w++) {
            // The same mode going away, c / (c + v) lower.
            double f1 = f0 * C / (C + v);
            double[] a = bin(goingAt[w], 0, n, f1), b = bin(stillAt[w], 0, n, f0);
            double ratio = Math.hypot(a[0], a[1]) / Math.hypot(b[0], b[1]);
            // Heard mid-window, emitted when the rod was d = 2 + v tau away, with heard - tau = (d - 2) / c;
            // it had rung tau, not the still rod's whole time: exp(decay (heard - tau)) louder.
            double heard = afters[w] + 0.25, tau = heard * C / (C + v);
            double expected = 2 / (2 + v * tau) * Math.exp(decay * (heard - tau));
            all.append(String.format(java.util.Locale.ROOT, "%.0f s after: %.1f Hz at %.4f of the still rod's %.1f Hz (1/r with"
                    + " the decay of %.2f/s: %.4f); ", afters[w], f1, ratio, f0, decay, expected));
            assertTrue(Math.hypot(b[0], b[1]) > 1e-6, "the still rod still rings: " + all);
            // The air over 10-30 m more takes a fraction of a per cent at a few hundred hertz.
            assertEquals(expected, ratio, 0.02 * expected, all.toString());
        }
        System.out.println("a rod going away: " + all);
    }

    /**
     * A pair of 1 m steel rods rising at 2 m/s, 3 m in front of the camera (1 m up), from 0.6 m
     * above a wooden floor. Their floor bounce falls further behind the direct sound as they rise
     * (0.37 m of extra path at the onset, 0.86 m at 1.5 m up), and at their 179 Hz mode the two
     * paths go from adding to nearly cancelling: heard through both as they then are, the mode is
     * a quarter as loud as the still pair's, where the direct path's level alone would leave it
     * as loud. (Before, the floor bounce kept its onset delay and gain.)
     */
    @Test
    void theFloorBounceFollowsARisingSource() {
        Scene s = rods(1, 1, new Vec3(0, 0.6, 3), 1);
        double t0 = 0.125, v = 2, h0 = 0.6; // on a keyframe
        ContactEvent clink = new ContactEvent(t0, ContactEvent.IMPACT, "rod", "twin", 3, 200, new Vec3(0, h0, 3));
        SoundTrack still = new SoundTrack(s, List.of(clink), keyframes(s, t -> Vec3.ZERO), DopplerTest.DRY_FILM);
        SoundTrack rising = new SoundTrack(s, List.of(clink), keyframes(s, t -> new Vec3(0, v * Math.max(0, t - t0), 0)), DopplerTest.DRY_FILM);
        int n = 960; // 20 ms windows
        float[] sl = new float[n];
        still.render((int) Math.round((t0 + 0.1) * FS), sl, new float[n], n);
        double f = DopplerTest.peak(sl, 100, 700);
        double w = 2 * Math.PI * f / FS;
        // The mode heard through the direct path and the floor's image at height h, per unit source.
        double beta = Surface.WOOD_FLOOR.reflectionAt(f), air = AirAbsorption.decibelsPerMetre(f) * Math.log(10) / 20;
        java.util.function.DoubleUnaryOperator heard = h -> {
            double r = Math.hypot(3, h - 1), ri = Math.hypot(3, h + 1);
            double delay = (ri - r) / C * FS;
            double re = Math.exp(-air * r) / r + beta * Math.exp(-air * ri) / ri * Math.cos(w * delay);
            double im = -beta * Math.exp(-air * ri) / ri * Math.sin(w * delay);
            return Math.hypot(re, im);
        };
        StringBuilder all = new StringBuilder();
        for (double after : new double[] {0.1, 0.45}) {
            int from = (int) Math.round((t0 + after) * FS) - n / 2;
            float[] l = new float[n], stillL = new float[n];
            rising.render(from, l, new float[n], n);
            still.render(from, stillL, new float[n], n);
            double[] a = bin(l, 0, n, f), b = bin(stillL, 0, n, f);
            double ratio = Math.hypot(a[0], a[1]) / Math.hypot(b[0], b[1]);
            // Emitted at tau with after - tau = (r(tau) - r0) / c (a fraction of a millisecond here).
            double tau = after;
            for (int it = 0; it < 3; it++) tau = after - (Math.hypot(3, h0 + v * tau - 1) - Math.hypot(3, h0 - 1)) / C;
            double h = h0 + v * tau;
            double expected = heard.applyAsDouble(h) / heard.applyAsDouble(h0);
            double directOnly = Math.hypot(3, h0 - 1) / Math.hypot(3, h - 1);
            all.append(String.format(java.util.Locale.ROOT, "%.2f s after (%.2f m up): %.3f of the still pair's (both paths %.3f,"
                    + " the direct path's level alone %.3f); ", after, h, ratio, expected, directOnly));
            assertEquals(expected, ratio, 0.04 * expected, all.toString());
        }
        System.out.println("rising rods, " + String.format(java.util.Locale.ROOT, "%.1f Hz: ", f) + all);
    }

    /**
     * A moving voice is a pure function of the sample index too: the orbiting rods with their floor
     * bounce 4 m below (it arrives while the paths change) rendered in one block and in blocks of
     * 1,111 samples give the same floats.
     */
    @Test
    void movingPathsGiveTheSameSamplesWhateverTheBlocks() {
        Scene s = rods(2, 1, new Vec3(-3, 2, 0.3), 1);
        double t0 = 0.125, a0 = Math.atan2(0.3, -3);
        Function<Double, Vec3> orbit = t -> {
            double a = a0 - 4 * Math.max(0, t - t0);
            return new Vec3(3 * Math.cos(a) - 3 * Math.cos(a0), 0, 3 * Math.sin(a) - 3 * Math.sin(a0));
        };
        ContactEvent clink = new ContactEvent(t0, ContactEvent.IMPACT, "rod", "twin", 3, 200, new Vec3(-3, 2, 0.3));
        SoundTrack track = new SoundTrack(s, List.of(clink), keyframes(s, orbit), DopplerTest.DRY_FILM);
        int n = 48000;
        float[] l = new float[n], r = new float[n], bl = new float[n], br = new float[n];
        track.render(0, l, r, n);
        float[] pl = new float[1111], pr = new float[1111];
        for (int k = 0; k < n; k += 1111) {
            int m = Math.min(1111, n - k);
            track.render(k, pl, pr, m);
            System.arraycopy(pl, 0, bl, k, m);
            System.arraycopy(pr, 0, br, k, m);
        }
        assertArrayEquals(l, bl);
        assertArrayEquals(r, br);
    }

    /** Still bodies sound the same bits whatever keyframes say. */
    @Test
    void aStillRodSoundsAsWithoutKeyframes() {
        Scene s = orbitScene();
        ContactEvent clink = new ContactEvent(0.1, ContactEvent.IMPACT, "rod", "twin", 3, 200, new Vec3(-3, 1000, 0.3));
        int n = 24000;
        float[] a = new float[n], b = new float[n], c = new float[n], d = new float[n];
        new SoundTrack(s, List.of(clink), DopplerTest.DRY_FILM).render(0, a, b, n);
        new SoundTrack(s, List.of(clink), keyframes(s, t -> Vec3.ZERO), DopplerTest.DRY_FILM).render(0, c, d, n);
        assertArrayEquals(a, c);
        assertArrayEquals(b, d);
    }
}
