package dev.diorama.scene;

/** A unit quaternion (x, y, z, w) rotating object space into world space. */
public record Quat(double x, double y, double z, double w) {
    public static final Quat IDENTITY = new Quat(0, 0, 0, 1);

    /** Rotation by {@code radians} about the unit {@code axis}. */
    public static Quat axisAngle(Vec3 axis, double radians) {
        Vec3 a = axis.normalized();
        double s = Math.sin(radians / 2);
        return new Quat(a.x() * s, a.y() * s, a.z() * s, Math.cos(radians / 2));
    }

    public Quat normalized() {
        double n = Math.sqrt(x * x + y * y + z * z + w * w);
        return n == 0 ? IDENTITY : new Quat(x / n, y / n, z / n, w / n);
    }

    /** Rotates vector {@code v} by this quaternion. */
    public Vec3 rotate(Vec3 v) {
        // v' = v + 2w (q x v) + 2 q x (q x v)
        double tx = 2 * (y * v.z() - z * v.y());
        double ty = 2 * (z * v.x() - x * v.z());
        double tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty),
                        v.y() + w * ty + (z * tx - x * tz),
                        v.z() + w * tz + (x * ty - y * tx));
    }

    /** The rotation this ∘ o: first o, then this. */
    public Quat times(Quat o) {
        return new Quat(w * o.x + x * o.w + y * o.z - z * o.y,
                        w * o.y - x * o.z + y * o.w + z * o.x,
                        w * o.z + x * o.y - y * o.x + z * o.w,
                        w * o.w - x * o.x - y * o.y - z * o.z);
    }

    public Quat conjugate() { return new Quat(-x, -y, -z, w); }

    /**
     * How far the turn from this orientation to {@code to} goes about the unit {@code axis} (world
     * frame), radians in (-pi, pi], right-handed: the twist of the relative rotation to ∘ this⁻¹
     * about the axis (all of it, for a turn about that axis alone).
     */
    public double turnAbout(Vec3 axis, Quat to) {
        Quat r = to.times(conjugate());
        double along = r.x * axis.x() + r.y * axis.y() + r.z * axis.z();
        double a = 2 * Math.atan2(along, r.w);
        return a > Math.PI ? a - 2 * Math.PI : a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
