package dev.diorama.scene;

/**
 * The camera at any moment of a film: the scene's camera at t = 0 carried along its
 * {@link CameraMove}. Pure functions of their arguments, so a frame and a still of the same moment
 * show the same view.
 */
public final class CameraPath {
    private CameraPath() {}

    /** Smoothstep: 0 at the start, 1 at the end, at rest at both. */
    public static double ease(double u) {
        u = Math.clamp(u, 0, 1);
        return u * u * (3 - 2 * u);
    }

    /**
     * The camera {@code start} moved by {@code move} (null: still) at film progress
     * {@code progress} in [0, 1] (before easing); {@code targetShift} is how far a tracked object has
     * moved from its start (ignored by the other moves).
     */
    public static Camera at(Camera start, CameraMove move, double progress, Vec3 targetShift) {
        if (move == null) return start;
        double s = ease(progress);
        Vec3 eye = start.position(), look = start.lookAt();
        Vec3 sight = look.minus(eye);
        return switch (move) {
            case CameraMove.Pan p -> new Camera(eye, eye.plus(rotate(sight, Vec3.UP, -Math.toRadians(p.degrees() * s))),
                    start.fov());
            case CameraMove.Tilt t -> new Camera(eye, eye.plus(rotate(sight, rightOf(sight), Math.toRadians(t.degrees() * s))),
                    start.fov());
            case CameraMove.Orbit o -> new Camera(look.plus(rotate(eye.minus(look), Vec3.UP, Math.toRadians(o.degrees() * s))),
                    look, start.fov());
            case CameraMove.Dolly d -> new Camera(eye.plus(sight.normalized().times(d.distance() * s)), look, start.fov());
            case CameraMove.Zoom z -> {
                // Even in log tan(fov / 2): the picture grows by the same factor every frame.
                double a = Math.log(Math.tan(Math.toRadians(start.fov() / 2)));
                double b = Math.log(Math.tan(Math.toRadians(z.fov() / 2)));
                yield new Camera(eye, look, 2 * Math.toDegrees(Math.atan(Math.exp(a + (b - a) * s))));
            }
            case CameraMove.Track k -> {
                Vec3 d = targetShift == null ? Vec3.ZERO : targetShift;
                yield new Camera(eye.plus(new Vec3(d.x(), 0, d.z())), look.plus(d), start.fov());
            }
        };
    }

    /** The horizontal right of a line of sight (its cross product with up); north-up looking straight down. */
    static Vec3 rightOf(Vec3 sight) {
        Vec3 r = sight.cross(Vec3.UP);
        if (r.length() < 1e-9 * sight.length()) r = sight.cross(new Vec3(0, 0, -1));
        return r.normalized();
    }

    /** Degrees above the horizon of a line of sight (negative: looking down). */
    public static double pitch(Vec3 sight) {
        return Math.toDegrees(Math.asin(Math.clamp(sight.y() / sight.length(), -1, 1)));
    }

    /** v turned by {@code angle} radians about the unit axis k (Rodrigues' formula). */
    static Vec3 rotate(Vec3 v, Vec3 k, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return v.times(c).plus(k.cross(v).times(s)).plus(k.times(k.dot(v) * (1 - c)));
    }
}
