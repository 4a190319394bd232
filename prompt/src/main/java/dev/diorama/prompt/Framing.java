package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Angle;
import dev.diorama.prompt.Draft.Shot;
import dev.diorama.scene.Camera;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Camera language to a camera: where the eye stands and what it looks at for a shot size, an angle
 * and a lens, and the default amounts of the moves. The camera always looks south (+z), as
 * {@link Camera#framing} does; the angle sets how high it stands and how steeply it looks down, the
 * shot how far back it stands:
 * <ul>
 *   <li>medium (the default): every object, at its start and at rest, fills the picture with 15 %
 *       to spare;</li>
 *   <li>wide: {@value #WIDE_FACTOR} times as far back, so the place shows around the action;</li>
 *   <li>close-up: the subject (the tracked object, else the first one named) at rest on the floor,
 *       where it lands and bounces, fills {@value #CLOSE_FILL} of the picture's height; it falls into
 *       the picture.</li>
 * </ul>
 * Angles: the default looks down {@value #DEFAULT_PITCH_DOWN} degrees from a little above the
 * action; eye level looks level from the height of the action's centre; high angle looks down
 * {@value #HIGH_PITCH_DOWN} degrees; bird's-eye looks straight down (to within half a degree, so the
 * picture's top stays south); low angle puts the eye {@value #LOW_EYE_HEIGHT} m above the floor
 * looking up at the action.
 *
 * <p>The distance is the least at which every point to frame lies in the picture, found by bisection
 * (the condition only gets easier as the eye backs away along its line of sight).
 */
final class Framing {
    static final double DEFAULT_PITCH_DOWN = 8, HIGH_PITCH_DOWN = 35, TOP_PITCH_DOWN = 89.5;
    static final double LOW_EYE_HEIGHT = 0.12;
    static final double WIDE_FACTOR = 1.8;
    static final double CLOSE_FILL = 0.45;
    /** Share of the picture's half-extent the framed points may use in a medium shot. */
    static final double MEDIUM_FILL = 1 / 1.15;
    /** Field of view of a lens of focal length f on full-frame film (36 mm wide): 2 atan(18 / f). */
    static final double NORMAL_FOV = 50;
    static final double WIDE_ANGLE_FOV = fovOfFocalLength(24), TELEPHOTO_FOV = fovOfFocalLength(100);
    static final double FISHEYE_FOV = 120;

    private Framing() {}

    static double fovOfFocalLength(double mm) {
        return 2 * Math.toDegrees(Math.atan(18 / mm));
    }

    /** The turn of a pan, tilt or orbit whose amount the words do not give, degrees. */
    static double defaultTurn(String kind) {
        return switch (kind) {
            case "pan" -> 30;
            case "tilt" -> 15;
            default -> 90;
        };
    }

    /**
     * The camera for the shot, the angle and the field of view (null and NaN for what was not said).
     *
     * @param framed   the objects at their start and at rest (what a medium or wide shot must hold)
     * @param subject  the object of a close-up
     */
    static Camera frame(List<SceneObject> framed, SceneObject subject, double aspect, Shot shot, Angle angle,
                        double fov) {
        return frame(framed, subject, aspect, shot, angle, fov, false);
    }

    /**
     * As {@link #frame(List, SceneObject, double, Shot, Angle, double)}; {@code exact} frames each
     * object's turned box rather than the cube around its bounding sphere (which makes a tall thin
     * post as deep as it is tall).
     */
    static Camera frame(List<SceneObject> framed, SceneObject subject, double aspect, Shot shot, Angle angle,
                        double fov, boolean exact) {
        return frame(framed, subject, aspect, shot, angle, fov, exact, Double.NaN);
    }

    /**
     * As {@link #frame(List, SceneObject, double, Shot, Angle, double, boolean)}, looking down
     * {@code pitchDown} degrees instead of the angle's own when it is a number (a high angle chosen
     * to see into a vessel, {@link Liquids}).
     */
    static Camera frame(List<SceneObject> framed, SceneObject subject, double aspect, Shot shot, Angle angle,
                        double fov, boolean exact, double pitchDown) {
        return frame(framed, subject, aspect, shot, angle, fov, exact, pitchDown, 0);
    }

    /**
     * As {@link #frame(List, SceneObject, double, Shot, Angle, double, boolean, double)}, the eye
     * turned {@code yawDegrees} about the vertical from looking south, toward the east (+x): a
     * three-quarter view of a wall that runs north to south ({@link Arranging#wall}). The low angle
     * keeps looking south.
     */
    static Camera frame(List<SceneObject> framed, SceneObject subject, double aspect, Shot shot, Angle angle,
                        double fov, boolean exact, double pitchDown, double yawDegrees) {
        double f = Double.isNaN(fov) ? NORMAL_FOV : fov;
        double fill = shot == Shot.CLOSE ? CLOSE_FILL : MEDIUM_FILL;
        List<Vec3> points = new ArrayList<>();
        if (shot == Shot.CLOSE) {
            corners(subject.withPosition(new Vec3(subject.position().x(), subject.halfHeight(), subject.position().z())),
                    points);
        } else {
            for (SceneObject o : framed) {
                if (exact) boxCorners(o, points);
                else corners(o, points);
            }
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Vec3 p : points) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p.get(a));
                hi[a] = Math.max(hi[a], p.get(a));
            }
        }
        Vec3 c = new Vec3((lo[0] + hi[0]) / 2, Math.max(0, (lo[1] + hi[1]) / 2), (lo[2] + hi[2]) / 2);
        double tanX = Math.tan(Math.toRadians(f / 2)) * fill, tanY = tanX / aspect;
        double factor = shot == Shot.WIDE ? WIDE_FACTOR : 1;
        if (angle == Angle.LOW) {
            double h = Math.min(LOW_EYE_HEIGHT, c.y() * 0.5);
            double d = fit(points, s -> new Vec3(c.x(), h, c.z() - s), c, tanX, tanY) * factor;
            return new Camera(new Vec3(c.x(), h, c.z() - d), c, f);
        }
        double down = !Double.isNaN(pitchDown) ? pitchDown : angle == null ? DEFAULT_PITCH_DOWN
                : switch (angle) {
                    case EYE_LEVEL -> 0;
                    case HIGH -> HIGH_PITCH_DOWN;
                    case TOP -> TOP_PITCH_DOWN;
                    case LOW -> throw new IllegalStateException();
                };
        double yaw = Math.toRadians(yawDegrees), level = Math.cos(Math.toRadians(down));
        Vec3 forward = new Vec3(Math.sin(yaw) * level, -Math.sin(Math.toRadians(down)), Math.cos(yaw) * level);
        double d = fitAlong(points, forward, c, tanX, tanY) * factor;
        return new Camera(c.minus(forward.times(d)), c, f);
    }

    /**
     * The camera looking in the same direction at {@code look} instead, from the least distance at
     * which it still sees every object of {@code framed} (a medium shot's margin).
     */
    static Camera reaim(Camera c, List<SceneObject> framed, Vec3 look, double aspect) {
        List<Vec3> points = new ArrayList<>();
        for (SceneObject o : framed) corners(o, points);
        Vec3 forward = c.lookAt().minus(c.position()).normalized();
        double tanX = Math.tan(Math.toRadians(c.fov() / 2)) * MEDIUM_FILL, tanY = tanX / aspect;
        double d = fitAlong(points, forward, look, tanX, tanY);
        return new Camera(look.minus(forward.times(d)), look, c.fov());
    }

    /** The corners of an object's box as it is turned (a ball's: the cube around it). */
    static void boxCorners(SceneObject o, List<Vec3> out) {
        if (o.shape() == dev.diorama.scene.Shape.BALL) {
            corners(o, out);
            return;
        }
        Vec3 h = o.size().times(0.5);
        for (int k = 0; k < 8; k++) {
            Vec3 local = new Vec3((k & 1) == 0 ? -h.x() : h.x(), (k & 2) == 0 ? -h.y() : h.y(), (k & 4) == 0 ? -h.z() : h.z());
            Vec3 p = o.position().plus(o.rotation().rotate(local));
            out.add(new Vec3(p.x(), Math.max(0, p.y()), p.z()));
        }
    }

    private static void corners(SceneObject o, List<Vec3> out) {
        double r = o.boundingRadius();
        Vec3 p = o.position();
        for (int k = 0; k < 8; k++) {
            out.add(new Vec3(p.x() + ((k & 1) == 0 ? -r : r), Math.max(0, p.y() + ((k & 2) == 0 ? -r : r)),
                    p.z() + ((k & 4) == 0 ? -r : r)));
        }
    }

    /**
     * The least s in [0.05, 10 km] at which an eye at c - s forward, looking along forward at c,
     * sees every point within tanX, tanY. Along a fixed line of sight the picture's right and up do
     * not change with s, and a point's depth grows by s: each point asks for s at least
     * |offset . right| / tanX - offset . forward (and likewise up), and its depth at least 0.05 m, so
     * the answer is the largest of these, found in one pass (what {@link #fit}'s bisection finds).
     */
    static double fitAlong(List<Vec3> points, Vec3 forward, Vec3 c, double tanX, double tanY) {
        Vec3 f = forward.normalized();
        Vec3 right = f.cross(Vec3.UP);
        if (right.length() < 1e-9) right = f.cross(new Vec3(0, 0, -1));
        right = right.normalized();
        Vec3 up = right.cross(f);
        double s = 0.05;
        for (Vec3 p : points) {
            Vec3 o = p.minus(c);
            double along = o.dot(f);
            s = Math.max(s, 0.05 - along);
            s = Math.max(s, Math.abs(o.dot(right)) / tanX - along);
            s = Math.max(s, Math.abs(o.dot(up)) / tanY - along);
        }
        return Math.min(s, 1e4);
    }

    /** The least s in [0.05, 10 km] whose eye sees every point within tanX, tanY while looking at c. */
    static double fit(List<Vec3> points, java.util.function.DoubleFunction<Vec3> eyeAt, Vec3 c,
                              double tanX, double tanY) {
        double a = 0.05, b = 1e4;
        for (int k = 0; k < 60; k++) {
            double m = Math.sqrt(a * b);
            if (sees(points, eyeAt.apply(m), c, tanX, tanY)) b = m;
            else a = m;
        }
        return b;
    }

    private static boolean sees(List<Vec3> points, Vec3 eye, Vec3 c, double tanX, double tanY) {
        Vec3 f = c.minus(eye).normalized();
        Vec3 right = f.cross(Vec3.UP);
        if (right.length() < 1e-9) right = f.cross(new Vec3(0, 0, -1));
        right = right.normalized();
        Vec3 up = right.cross(f);
        for (Vec3 p : points) {
            Vec3 v = p.minus(eye);
            double depth = v.dot(f);
            if (depth < 0.05) return false;
            if (Math.abs(v.dot(right)) > tanX * depth || Math.abs(v.dot(up)) > tanY * depth) return false;
        }
        return true;
    }
}
