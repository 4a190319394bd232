package dev.diorama.eval;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;

/**
 * The ground truth of object permanence: how much of a ball the camera sees past a box-shaped
 * occluder, frame by frame, from the poses alone (no picture is looked at).
 *
 * <p>The ball's silhouette is the disc of its radius facing the eye; 25 points on it (the centre
 * and three rings of eight) are each joined to the eye by a segment, and a point counts as seen
 * when the segment misses the occluder's box (a slab test in the box's own frame).
 */
public final class Occlusion {
    private Occlusion() {}

    /** Per frame of the timeline, the fraction of the target's silhouette not hidden by the occluder, in [0, 1]. */
    public static double[] visibleFraction(Scene scene, Timeline timeline, String target, String occluder) {
        int ti = scene.indexOf(target), oi = scene.indexOf(occluder);
        SceneObject ball = scene.object(target), box = scene.object(occluder);
        double r = ball.size().x() / 2;
        Vec3 half = box.size().times(0.5);
        double[] out = new double[timeline.frames().size()];
        for (int f = 0; f < out.length; f++) {
            Keyframe k = timeline.frames().get(f);
            Camera cam = scene.cameraAt(k);
            Pose b = k.poses().get(ti), o = k.poses().get(oi);
            Vec3 eye = cam.position(), c = b.position();
            Vec3 view = c.minus(eye).normalized();
            Vec3 u = view.cross(Math.abs(view.y()) < 0.9 ? Vec3.UP : new Vec3(1, 0, 0)).normalized();
            Vec3 v = view.cross(u);
            int seen = 0, total = 0;
            for (int ring = 0; ring <= 3; ring++) {
                int points = ring == 0 ? 1 : 8;
                for (int a = 0; a < points; a++) {
                    double rho = r * ring / 3.0 * 0.95, th = 2 * Math.PI * a / points + ring * 0.3;
                    Vec3 q = c.plus(u.times(rho * Math.cos(th))).plus(v.times(rho * Math.sin(th)));
                    total++;
                    if (!segmentHitsBox(eye, q, o.position(), o.rotation(), half)) seen++;
                }
            }
            out[f] = (double) seen / total;
        }
        return out;
    }

    /** True when the segment from {@code a} to {@code b} passes through the box. */
    static boolean segmentHitsBox(Vec3 a, Vec3 b, Vec3 centre, Quat rotation, Vec3 half) {
        Quat inv = rotation.conjugate();
        Vec3 p = inv.rotate(a.minus(centre)), d = inv.rotate(b.minus(a));
        double t0 = 0, t1 = 1;
        for (int axis = 0; axis < 3; axis++) {
            double o = p.get(axis), dir = d.get(axis), h = half.get(axis);
            if (Math.abs(dir) < 1e-12) {
                if (o < -h || o > h) return false;
                continue;
            }
            double ta = (-h - o) / dir, tb = (h - o) / dir;
            t0 = Math.max(t0, Math.min(ta, tb));
            t1 = Math.min(t1, Math.max(ta, tb));
            if (t0 > t1) return false;
        }
        return true;
    }
}
