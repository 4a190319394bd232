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
 * Without keyframes every object stays where the scene puts it and the camera follows its move
 * as if a tracked object had not moved.
 */
final class Paths {
    private final Scene scene;
    /** Per object, ascending times and the positions at them (x, y, z interleaved). */
    private final double[][] times, positions;
    /** The listener per keyframe (null when the camera does not move), and the keyframes' times. */
    private final double[] eyeTimes;
    private final Vec3[] eyes;
    private final List<Keyframe> frames;

    Paths(Scene scene, List<Keyframe> frames) {
        this.scene = scene;
        this.frames = List.copyOf(frames);
        int n = scene.objects().size();
        times = new double[n][];
        positions = new double[n][];
        for (int i = 0; i < n; i++) {
            int count = 0;
            double[] t = new double[frames.size()], p = new double[3 * frames.size()];
            for (Keyframe k : frames) {
                if (i >= k.poses().size()) continue;
                Pose pose = k.poses().get(i);
                double at = Double.isNaN(pose.sampledAt()) ? k.t() : pose.sampledAt();
                if (count > 0 && at <= t[count - 1]) continue; // keep the times strictly ascending
                t[count] = at;
                p[3 * count] = pose.position().x();
                p[3 * count + 1] = pose.position().y();
                p[3 * count + 2] = pose.position().z();
                count++;
            }
            times[i] = java.util.Arrays.copyOf(t, count);
            positions[i] = java.util.Arrays.copyOf(p, 3 * count);
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
            eyeTimes = new double[frames.size()];
            eyes = new Vec3[frames.size()];
            for (int f = 0; f < frames.size(); f++) {
                eyeTimes[f] = frames.get(f).t();
                eyes[f] = scene.cameraAt(frames.get(f)).position();
            }
        }
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
