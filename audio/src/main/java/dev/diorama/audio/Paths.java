package dev.diorama.audio;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;

/**
 * Where the sound's sources and its listener are over the film: each object's centre, and the
 * camera (the listener), read from the simulation's keyframes and linearly interpolated between
 * the times they hold. A pose taken at the instant of an impact (a contact frame's
 * {@link Pose#sampledAt()}) counts at that instant, so a path bends exactly where the object bounced.
 * Paths are kept as the points a straight line between them follows within a tenth of a millimetre
 * ({@link Simplifier}), so their memory does not grow with a film's length while things rest.
 * Without keyframes every object stays where the scene puts it and the camera follows its move
 * as if a tracked object had not moved.
 */
final class Paths {
    /**
     * How far a stored path may stray from the keyframes, m: between two kept points the path is a
     * straight line that passes within this of every keyframe between them (a tenth of a
     * millimetre: nothing anyone hears). An object at rest keeps a point every {@value #RUN}
     * keyframes; one that moves keeps what its motion needs. Memory stays small however long the film.
     */
    static final double TOLERANCE = 1e-4;
    /** At most this many keyframes between two kept points. */
    static final int RUN = 64;

    private final Scene scene;
    /** Per object, ascending times and the positions at them (x, y, z interleaved). */
    private final double[][] times, positions;
    /** The listener's kept points (null when the camera does not move): times and positions. */
    private final double[] eyeTimes;
    private final Vec3[] eyes;
    /** The keyframes, read again only for the camera of a sound (one per impact); not copied. */
    private final List<Keyframe> frames;

    Paths(Scene scene, List<Keyframe> frames) {
        this.scene = scene;
        this.frames = frames;
        int n = scene.objects().size();
        Simplifier[] objects = new Simplifier[n];
        for (int i = 0; i < n; i++) objects[i] = new Simplifier();
        Simplifier listener = scene.cameraMove() == null ? null : new Simplifier();
        for (int f = 0; f < frames.size(); f++) {
            Keyframe k = frames.get(f);
            for (int i = 0; i < n && i < k.poses().size(); i++) {
                Pose pose = k.poses().get(i);
                double at = Double.isNaN(pose.sampledAt()) ? k.t() : pose.sampledAt();
                objects[i].add(at, pose.position());
            }
            if (listener != null) listener.add(k.t(), scene.cameraAt(k).position());
        }
        times = new double[n][];
        positions = new double[n][];
        for (int i = 0; i < n; i++) {
            objects[i].finish();
            times[i] = objects[i].times();
            positions[i] = objects[i].positions();
        }
        if (scene.cameraMove() == null) {
            eyeTimes = null;
            eyes = null;
        } else if (frames.isEmpty()) {
            int steps = Math.max(2, scene.frameCount() + 1);
            eyeTimes = new double[steps];
            eyes = new Vec3[steps];
            for (int f = 0; f < steps; f++) {
                eyeTimes[f] = (double) f / scene.fps();
                eyes[f] = scene.cameraAt(eyeTimes[f]).position();
            }
        } else {
            listener.finish();
            eyeTimes = listener.times();
            double[] p = listener.positions();
            eyes = new Vec3[eyeTimes.length];
            for (int k = 0; k < eyes.length; k++) eyes[k] = new Vec3(p[3 * k], p[3 * k + 1], p[3 * k + 2]);
        }
    }

    /**
     * A path kept as the few points that a straight line between them follows to within
     * {@link #TOLERANCE}: each new point is held back while the line from the last kept point to it
     * still passes every held-back point closely enough (at its own time), and once it would not,
     * the last held-back point is kept. Times are strictly ascending (a later point at an earlier or
     * equal time is dropped, as a contact frame's instant may precede the frame's own time).
     */
    static final class Simplifier {
        private double[] t = new double[16], p = new double[48];
        private int kept;
        private final double[] pendingT = new double[RUN], pendingP = new double[3 * RUN];
        private int pending;
        private double lastT = Double.NEGATIVE_INFINITY;

        void add(double at, Vec3 v) {
            if (at <= lastT) return;
            lastT = at;
            if (kept == 0) {
                keep(at, v.x(), v.y(), v.z());
                return;
            }
            if (pending > 0 && (pending == RUN || !follows(at, v))) {
                int last = pending - 1;
                keep(pendingT[last], pendingP[3 * last], pendingP[3 * last + 1], pendingP[3 * last + 2]);
                pending = 0;
            }
            pendingT[pending] = at;
            pendingP[3 * pending] = v.x();
            pendingP[3 * pending + 1] = v.y();
            pendingP[3 * pending + 2] = v.z();
            pending++;
        }

        /** True when the line from the last kept point to (at, v) passes every held-back point within the tolerance. */
        private boolean follows(double at, Vec3 v) {
            double t0 = t[kept - 1], x0 = p[3 * kept - 3], y0 = p[3 * kept - 2], z0 = p[3 * kept - 1];
            for (int k = 0; k < pending; k++) {
                double w = (pendingT[k] - t0) / (at - t0);
                double dx = x0 + w * (v.x() - x0) - pendingP[3 * k], dy = y0 + w * (v.y() - y0) - pendingP[3 * k + 1],
                        dz = z0 + w * (v.z() - z0) - pendingP[3 * k + 2];
                if (dx * dx + dy * dy + dz * dz > TOLERANCE * TOLERANCE) return false;
            }
            return true;
        }

        private void keep(double at, double x, double y, double z) {
            if (kept == t.length) {
                t = java.util.Arrays.copyOf(t, 2 * kept);
                p = java.util.Arrays.copyOf(p, 6 * kept);
            }
            t[kept] = at;
            p[3 * kept] = x;
            p[3 * kept + 1] = y;
            p[3 * kept + 2] = z;
            kept++;
        }

        /** Keeps the last point. */
        void finish() {
            if (pending > 0) {
                int last = pending - 1;
                keep(pendingT[last], pendingP[3 * last], pendingP[3 * last + 1], pendingP[3 * last + 2]);
                pending = 0;
            }
        }

        double[] times() { return java.util.Arrays.copyOf(t, kept); }

        double[] positions() { return java.util.Arrays.copyOf(p, 3 * kept); }
    }

    /** True when the camera moves during the film. */
    boolean listenerMoves() { return eyes != null; }

    /** The listener's position at time t. */
    Vec3 eye(double t) {
        if (eyes == null) return scene.camera().position();
        return lerp(eyeTimes, eyes, t);
    }

    /** The camera that places a sound heard at time t (its position, direction and field of view). */
    Camera cameraAt(double t) {
        if (eyes == null) return scene.camera();
        if (frames.isEmpty()) return scene.cameraAt(t);
        int f = (int) Math.max(0, Math.min(frames.size() - 1, Math.floor(t * scene.fps())));
        return scene.cameraAt(frames.get(f));
    }

    /** Object i's centre at time t (its starting position when the timeline holds none). */
    Vec3 object(int i, double t) {
        double[] ts = times[i], ps = positions[i];
        if (ts.length == 0) return scene.objects().get(i).position();
        if (t <= ts[0]) return new Vec3(ps[0], ps[1], ps[2]);
        int last = ts.length - 1;
        if (t >= ts[last]) return new Vec3(ps[3 * last], ps[3 * last + 1], ps[3 * last + 2]);
        int k = java.util.Arrays.binarySearch(ts, t);
        if (k >= 0) return new Vec3(ps[3 * k], ps[3 * k + 1], ps[3 * k + 2]);
        int hi = -k - 1, lo = hi - 1;
        double w = (t - ts[lo]) / (ts[hi] - ts[lo]);
        return new Vec3(ps[3 * lo] + w * (ps[3 * hi] - ps[3 * lo]), ps[3 * lo + 1] + w * (ps[3 * hi + 1] - ps[3 * lo + 1]),
                ps[3 * lo + 2] + w * (ps[3 * hi + 2] - ps[3 * lo + 2]));
    }

    private static Vec3 lerp(double[] ts, Vec3[] vs, double t) {
        if (t <= ts[0]) return vs[0];
        int last = ts.length - 1;
        if (t >= ts[last]) return vs[last];
        int k = java.util.Arrays.binarySearch(ts, t);
        if (k >= 0) return vs[k];
        int hi = -k - 1, lo = hi - 1;
        double w = (t - ts[lo]) / (ts[hi] - ts[lo]);
        return vs[lo].plus(vs[hi].minus(vs[lo]).times(w));
    }
}
