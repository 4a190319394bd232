package dev.diorama.eval;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import dev.diorama.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets one scenario's exam and marks answers to it.
 *
 * <p>The truth is the scenario filmed with sound and decoded again; its twin is the same world
 * with every object moved 0.1 mm east at t = 0. Their difference, measured like any answer's, is
 * the physical variance: how far two runs of the same physics apart can be told, which defines
 * the score of 100. Every answer, the baselines' included, reaches the scorer as a decoded MP4.
 */
public final class Exam {
    /** The minimum closing speed of an impact that the sync check expects to see and hear, m/s. */
    public static final double AUDIBLE_SPEED = 0.5;

    /**
     * A scenario made ready for marking.
     *
     * @param scenario          the question
     * @param timeline          the truth's simulation
     * @param lastConditioning  the last frame shown to the model (decoded), where motion masks start
     * @param truth             the truth continuation (decoded), with its sound
     * @param truthMasks        motion masks of the truth continuation
     * @param variance          the twin measured against the truth: the ceiling
     * @param visible           per continuation frame, the fraction of the target seen past the
     *                          occluder (object permanence), or null
     * @param audibleImpacts    impacts in the continuation at {@value #AUDIBLE_SPEED} m/s or faster
     */
    public record Reference(Scenario scenario, Timeline timeline, byte[] lastConditioning, Clip truth,
                            List<boolean[]> truthMasks, Metrics variance, double[] visible, int audibleImpacts) {}

    /**
     * What an answer scored on one scenario.
     *
     * @param metrics     the four measures against the truth
     * @param score       the Physics-IQ score of this scenario alone
     * @param sync        sound against picture in the answer (the fall family only; see {@link AvSync})
     * @param reappeared  object permanence: whether the answer shows the target's colours where the
     *                    truth shows it come out from behind the occluder ({@link #reappeared}; null
     *                    for other scenarios)
     */
    public record Mark(Metrics metrics, double score, AvSync.Result sync, Boolean reappeared) {}

    private Exam() {}

    /** Films the truth and its twin in {@code work} (a scratch directory) and measures the variance. */
    public static Reference prepare(Scenario s, Path work, int threads) {
        Scene scene = s.scene();
        int n = scene.frameCount(), c = s.conditioningFrames();
        Timeline timeline = Simulator.run(scene);
        // The conditioning clip and the continuation are encoded apart, exactly as --export writes
        // them: the last frame a model is shown is the exported clip's, and an exported truth
        // given back as an answer decodes to the very frames it is marked against.
        byte[] last = lastFrame(film(scene, timeline, 0, c, true, work.resolve(s.id() + ".shown.mp4"), threads));
        Clip truth = film(scene, timeline, c, n, true, work.resolve(s.id() + ".truth.mp4"), threads);
        List<boolean[]> truthMasks = MotionMasks.of(last, truth.frames(), truth.width(), truth.height());
        Scene twinScene = Filming.perturbed(scene, new Vec3(Filming.PERTURBATION, 0, 0));
        Timeline twinTimeline = Simulator.run(twinScene);
        byte[] twinLast = lastFrame(film(twinScene, twinTimeline, 0, c, true, work.resolve(s.id() + ".twin-shown.mp4"), threads));
        Clip twin = film(twinScene, twinTimeline, c, n, true, work.resolve(s.id() + ".twin.mp4"), threads);
        List<boolean[]> twinMasks = MotionMasks.of(twinLast, twin.frames(), twin.width(), twin.height());
        Metrics variance = Metrics.compare(truth.frames(), truthMasks, twin.frames(), twinMasks);
        double[] visible = null;
        if (s.target() != null) {
            double[] all = Occlusion.visibleFraction(scene, timeline, s.target(), s.occluder());
            visible = java.util.Arrays.copyOfRange(all, c, n);
        }
        int audible = 0;
        for (ContactEvent e : timeline.events()) {
            if (e.t() >= s.continuationStart() && e.speed() >= AUDIBLE_SPEED) audible++;
        }
        return new Reference(s, timeline, last, truth, truthMasks, variance, visible, audible);
    }

    /**
     * Marks an answer: the continuation alone ({@link Scenario#continuationFrames()} frames) or the
     * whole clip (conditioning and continuation), at the scenario's size and frame rate.
     *
     * @throws EvalException when the answer's size, frame rate or length does not fit the scenario
     */
    public static Mark mark(Reference r, Clip answer, String name) {
        Scenario s = r.scenario();
        Scene scene = s.scene();
        if (answer.width() != scene.width() || answer.height() != scene.height()) {
            throw new EvalException(name + ": expected " + scene.width() + "x" + scene.height() + " pixels, found "
                    + answer.width() + "x" + answer.height());
        }
        if (answer.fps() != scene.fps()) {
            throw new EvalException(name + ": expected " + scene.fps() + " frames per second, found " + answer.fps());
        }
        int cont = s.continuationFrames(), full = scene.frameCount();
        Clip c;
        if (answer.frameCount() == cont) c = answer;
        else if (answer.frameCount() == full) c = answer.slice(s.conditioningFrames(), full);
        else {
            throw new EvalException(name + ": expected " + cont + " frames (the continuation) or " + full
                    + " (the whole clip), found " + answer.frameCount());
        }
        List<boolean[]> masks = MotionMasks.of(r.lastConditioning(), c.frames(), c.width(), c.height());
        Metrics m = Metrics.compare(r.truth().frames(), r.truthMasks(), c.frames(), masks);
        AvSync.Result sync = s.family() == Family.FALL
                ? AvSync.measure(r.lastConditioning(), c.frames(), c.width(), c.height(), c.fps(), c.audio(), c.sampleRate())
                : AvSync.Result.NONE;
        Boolean back = r.visible() == null ? null : reappeared(r, c.frames());
        return new Mark(m, m.score(r.variance()), sync, back);
    }

    /** Per channel, out of 255: an answer's pixel this near the truth's shows the same colour. */
    static final int SAME_COLOUR = 24;
    /** Per channel, out of 255: a pixel of the truth this far from the last conditioning frame shows the target (or its shadow). */
    static final int TARGET_CHANGE = 48;
    /** Frames (a quarter of a second): how far from the truth's time the answer may show the target at a pixel. */
    static final int LATE = 6;

    /**
     * True when the answer shows the target again after it has come out from behind the occluder:
     * of the pixels where the truth, after the target's last fully hidden frame and not before it,
     * differs from the last conditioning frame by more than {@value #TARGET_CHANGE} of 255 in some
     * channel (the target and its shadow where they had not been), at least a quarter must, within
     * {@value #LATE} frames of such a frame, hold a colour within {@value #SAME_COLOUR} in every
     * channel of the truth's there then. A target a little late or early still counts, but its
     * colours must: the measure asked only for motion there until the fifteenth session, and
     * blotches of noise passed it (docs/world-model.md). Null where the truth cannot tell: the target is never fully hidden
     * in the continuation, or still hidden at its end, or its coming out changes no pixel by that
     * much.
     */
    static Boolean reappeared(Reference r, List<byte[]> answer) {
        double[] vis = r.visible();
        int lastHidden = -1;
        for (int f = 0; f < vis.length; f++) if (vis[f] == 0) lastHidden = f;
        if (lastHidden < 0 || lastHidden == vis.length - 1) return null;
        byte[] last = r.lastConditioning();
        List<byte[]> truth = r.truth().frames();
        int pixels = last.length / 3, shown = 0, seen = 0;
        pixel:
        for (int i = 0; i < pixels; i++) {
            // only where the truth changes after the target's last hidden frame, not before: the
            // place it left, which any answer that moves it away shows again, is not counted
            for (int g = 0; g <= lastHidden; g++) if (distance(truth.get(g), last, i) > TARGET_CHANGE) continue pixel;
            boolean target = false, matched = false;
            for (int g = lastHidden + 1; g < vis.length && !matched; g++) {
                byte[] t = truth.get(g);
                if (distance(t, last, i) <= TARGET_CHANGE) continue;
                target = true;
                int from = Math.max(lastHidden + 1, g - LATE), to = Math.min(vis.length - 1, g + LATE);
                for (int f = from; f <= to && !matched; f++) matched = distance(answer.get(f), t, i) <= SAME_COLOUR;
            }
            if (target) shown++;
            if (matched) seen++;
        }
        return shown == 0 ? null : seen * 4 >= shown;
    }

    /** The largest difference of pixel i's channels between two pictures, out of 255. */
    private static int distance(byte[] a, byte[] b, int i) {
        int d = 0;
        for (int c = 3 * i; c < 3 * i + 3; c++) d = Math.max(d, Math.abs((a[c] & 0xff) - (b[c] & 0xff)));
        return d;
    }

    /** Baseline: the last conditioning frame, held for the whole continuation, silent. */
    public static Clip heldStill(Reference r, Path work) {
        Scene scene = r.scenario().scene();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < r.scenario().continuationFrames(); i++) frames.add(r.lastConditioning());
        Path mp4 = work.resolve(r.scenario().id() + ".held-still.mp4");
        Filming.write(frames, scene.width(), scene.height(), scene.fps(), mp4);
        return readAndDelete(mp4);
    }

    /**
     * Baseline: every object keeps the velocity and the spin it had between the last two
     * conditioning frames, with no gravity and no contacts; filmed silent. It reads the
     * conditioning's poses from the simulation, as a perfect tracker would from the pictures.
     */
    public static Clip linear(Reference r, Path work, int threads) {
        Scenario s = r.scenario();
        Scene scene = s.scene();
        int c = s.conditioningFrames(), n = scene.frameCount();
        List<Keyframe> frames = new ArrayList<>(r.timeline().frames().subList(0, c));
        Keyframe k0 = r.timeline().frames().get(c - 2), k1 = r.timeline().frames().get(c - 1);
        for (int f = c; f < n; f++) {
            int steps = f - (c - 1);
            List<Pose> poses = new ArrayList<>();
            for (int i = 0; i < k1.poses().size(); i++) {
                Pose p0 = k0.poses().get(i), p1 = k1.poses().get(i);
                Vec3 pos = p1.position().plus(p1.position().minus(p0.position()).times(steps));
                Quat turn = p1.rotation().times(p0.rotation().conjugate());
                poses.add(new Pose(pos, power(turn, steps).times(p1.rotation()).normalized()));
            }
            frames.add(new Keyframe(f, (double) f / scene.fps(), poses));
        }
        Timeline extrapolated = new Timeline(frames, List.of());
        Path mp4 = work.resolve(s.id() + ".linear.mp4");
        return film(scene, extrapolated, c, n, false, mp4, threads);
    }

    /** The simulator's own answer: the scenario run again from 0.1 mm south, filmed with sound. */
    public static Clip simulator(Reference r, Path work, int threads) {
        Scenario s = r.scenario();
        Scene twin = Filming.perturbed(s.scene(), new Vec3(0, 0, Filming.PERTURBATION));
        return film(twin, Simulator.run(twin), s.conditioningFrames(), twin.frameCount(), true,
                work.resolve(s.id() + ".simulator.mp4"), threads);
    }

    private static byte[] lastFrame(Clip c) { return c.frames().get(c.frameCount() - 1); }

    /** q^k for a unit quaternion: the same turn about the same axis, k times. */
    static Quat power(Quat q, int k) {
        Quat u = q.w() < 0 ? new Quat(-q.x(), -q.y(), -q.z(), -q.w()) : q;
        double angle = 2 * Math.acos(Math.min(1, u.w()));
        double s = Math.sqrt(Math.max(0, 1 - u.w() * u.w()));
        if (s < 1e-9) return Quat.IDENTITY;
        return Quat.axisAngle(new Vec3(u.x() / s, u.y() / s, u.z() / s), angle * k);
    }

    private static Clip film(Scene scene, Timeline timeline, int from, int to, boolean sound, Path mp4, int threads) {
        Filming.write(scene, timeline, from, to, sound, mp4, threads);
        return readAndDelete(mp4);
    }

    private static Clip readAndDelete(Path mp4) {
        try {
            return Clip.read(mp4);
        } finally {
            try {
                Files.deleteIfExists(mp4);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
