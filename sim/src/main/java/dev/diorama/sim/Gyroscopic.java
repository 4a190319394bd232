package dev.diorama.sim;

import dev.diorama.scene.Quat;
import dev.diorama.scene.Vec3;

/**
 * The gyroscopic term of Euler's equations, I dw/dt + w x (I w) = torque, which the rigid bodies
 * need and Bullet, as Libbulletjme builds them, leaves out: there a body's angular velocity
 * changes only by the torques on it, so a body spinning about an axis that is not one of its
 * principal axes keeps that angular velocity in the world while its angular momentum wanders
 * (measured: a 6 x 4 cm cone spun at (0, 20, 6) rad/s without gravity kept its angular velocity to
 * the digit over 1 s, its angular momentum swinging by up to 16 % of its size), and a top
 * precessed 36 to 46 % faster than a heavy top's equations give (sim/README.md, "Spinning bodies").
 *
 * <p>Each step, before Bullet's, the body's angular velocity is advanced over the step by the
 * gyroscopic term alone, in the body's frame, by the implicit midpoint rule: with w the
 * body-frame angular velocity, f(w') = I (w' - w) + h m x (I m) = 0, m = (w + w') / 2, solved by
 * {@value #NEWTON} Newton steps, J = I + (h / 2) (skew(m) I - skew(I m)). Bullet then applies the
 * torques and the contacts. The midpoint rule keeps a torque-free body's kinetic energy and the
 * size of its angular momentum (its quadratic invariants). Backward Euler with one Newton step,
 * as Bullet's own BT_ENABLE_GYROSCOPIC_FORCE_IMPLICIT_BODY does (Catto, "Numerical Methods", GDC
 * 2015), damped a top at 40 turns a second and 936 steps a second so much that it fell from 15 to
 * 32 degrees in 2 s, where a heavy top's equations keep it within 15 to 17.6 degrees (18.3 at
 * 7,488 steps a second). A body spinning about a principal axis, or with equal moments (a ball, a
 * cube), is unchanged.
 */
final class Gyroscopic {
    private Gyroscopic() {}

    /**
     * The world angular velocity {@code w} of a body of principal moments {@code inertia} (its own
     * axes) turned by {@code q}, advanced by the gyroscopic term over {@code h} seconds.
     */
    static Vec3 advance(Vec3 w, Quat q, Vec3 inertia, double h) {
        Quat inv = new Quat(-q.x(), -q.y(), -q.z(), q.w());
        Vec3 b = inv.rotate(w);
        double ix = inertia.x(), iy = inertia.y(), iz = inertia.z();
        double nx = b.x(), ny = b.y(), nz = b.z();
        for (int k = 0; k < NEWTON; k++) {
            // f(w') = I (w' - w) + h m x (I m), m = (w + w') / 2
            double mx = (b.x() + nx) / 2, my = (b.y() + ny) / 2, mz = (b.z() + nz) / 2;
            double lx = ix * mx, ly = iy * my, lz = iz * mz;
            double fx = ix * (nx - b.x()) + h * (my * lz - mz * ly);
            double fy = iy * (ny - b.y()) + h * (mz * lx - mx * lz);
            double fz = iz * (nz - b.z()) + h * (mx * ly - my * lx);
            // J = I + (h / 2) (skew(m) I - skew(I m)); skew(a) c = a x c
            double g = h / 2;
            double[][] j = {
                {ix, g * (-mz * iy + lz), g * (my * iz - ly)},
                {g * (mz * ix - lz), iy, g * (-mx * iz + lx)},
                {g * (-my * ix + ly), g * (mx * iy - lx), iz}};
            double[] d = solve(j, new double[] {fx, fy, fz});
            nx -= d[0];
            ny -= d[1];
            nz -= d[2];
        }
        return q.rotate(new Vec3(nx, ny, nz));
    }

    /**
     * The slowest turning the term is applied to, rad/s. Setting a body's angular velocity wakes it
     * (Libbulletjme's setAngularVelocity calls activate), so applied at every speed it kept settling
     * bodies from sleeping: the exam's standing stone slab (permanence-02) then shook enough to move
     * 18 pixels of the truth's motion masks, where it moved none. Below 1 rad/s the term changes the
     * angular velocity by at most |w|^2 = 1 rad/s^2 (times the moments' spread over their size):
     * tumbling and spinning things (a thrown brick, a top at 250 rad/s) turn far faster.
     */
    static final double SLOWEST = 1;

    /** Newton iterations of the midpoint rule: the third changes a top's spin by under a part in 10^9. */
    static final int NEWTON = 3;

    /** Solves the 3 x 3 system a x = r by Cramer's rule. */
    private static double[] solve(double[][] a, double[] r) {
        double det = det(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2], a[2][0], a[2][1], a[2][2]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int k = 0; k < 3; k++) m[k][c] = r[k];
            x[c] = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]) / det;
        }
        return x;
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
