package dev.diorama.fluid;

/** Rotations by unit quaternions stored as (x, y, z, w) at an offset in a double array. */
final class Quat {
    private Quat() {}

    /** Rotates (vx, vy, vz) by the quaternion q[o..o+3] and writes the result to out[oo..oo+2]. */
    static void rotate(double[] q, int o, double vx, double vy, double vz, double[] out, int oo) {
        double qx = q[o], qy = q[o + 1], qz = q[o + 2], qw = q[o + 3];
        // t = 2 q_vec x v; v' = v + w t + q_vec x t
        double tx = 2 * (qy * vz - qz * vy), ty = 2 * (qz * vx - qx * vz), tz = 2 * (qx * vy - qy * vx);
        out[oo] = vx + qw * tx + (qy * tz - qz * ty);
        out[oo + 1] = vy + qw * ty + (qz * tx - qx * tz);
        out[oo + 2] = vz + qw * tz + (qx * ty - qy * tx);
    }

    /** Rotates by the inverse (conjugate) of q. */
    static void rotateInverse(double[] q, int o, double vx, double vy, double vz, double[] out, int oo) {
        double[] c = {-q[o], -q[o + 1], -q[o + 2], q[o + 3]};
        rotate(c, 0, vx, vy, vz, out, oo);
    }
}
