package dev.diorama.fluid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small rigid-body integrator so that the fluid module's coupling can be exercised without
 * Bullet: boxes and spheres with diagonal inertia, semi-implicit Euler for the linear motion, the
 * Euler equations for the rotation (gyroscopic term included), the quaternion integrated and
 * renormalised each step, and contacts against static planes (restitution 0, Coulomb friction,
 * penetration removed by moving the body out). Bodies do not collide with each other.
 */
public final class RigidWorld implements RigidBodies {
    private final double gx, gy, gz;
    private final double friction;
    private final List<double[]> planes = new ArrayList<>();   // px, py, pz, nx, ny, nz
    // Per body: mass, inverse inertia (body frame, diagonal), shape.
    private double[] mass = new double[0], invI = new double[0], shape = new double[0];
    private int[] kind = new int[0];
    private double[] pos = new double[0], quat = new double[0], vel = new double[0], omega = new double[0];
    private int n;

    private static final int SPHERE = 0, BOX = 1;

    /** @param gravity m/s^2 (x, y, z); @param friction Coulomb coefficient of the plane contacts */
    public RigidWorld(double[] gravity, double friction) {
        this.gx = gravity[0];
        this.gy = gravity[1];
        this.gz = gravity[2];
        this.friction = friction;
    }

    /** A static plane through {@code point} whose unit normal {@code normal} points into free space. */
    public void addPlane(double[] point, double[] normal) {
        double l = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        planes.add(new double[] {point[0], point[1], point[2], normal[0] / l, normal[1] / l, normal[2] / l});
    }

    /** The floor and four walls of a tank whose inside is [min, max]. */
    public void addTankInterior(double[] min, double[] max) {
        addPlane(min, new double[] {0, 1, 0});
        addPlane(min, new double[] {1, 0, 0});
        addPlane(min, new double[] {0, 0, 1});
        addPlane(max, new double[] {-1, 0, 0});
        addPlane(max, new double[] {0, 0, -1});
    }

    /** Adds a solid box of the given density and half extents at rest at {@code position}; returns its index. */
    public int addBox(double density, double hx, double hy, double hz, double[] position) {
        double m = density * 8 * hx * hy * hz;
        double ix = m / 3 * (hy * hy + hz * hz), iy = m / 3 * (hx * hx + hz * hz), iz = m / 3 * (hx * hx + hy * hy);
        return add(m, ix, iy, iz, BOX, new double[] {hx, hy, hz}, position);
    }

    /** Adds a solid sphere of the given density and radius at rest at {@code position}; returns its index. */
    public int addSphere(double density, double radius, double[] position) {
        double m = density * 4.0 / 3 * Math.PI * radius * radius * radius;
        double i = 0.4 * m * radius * radius;
        return add(m, i, i, i, SPHERE, new double[] {radius, 0, 0}, position);
    }

    private int add(double m, double ix, double iy, double iz, int k, double[] dims, double[] p) {
        int b = n++;
        mass = Arrays.copyOf(mass, n);
        invI = Arrays.copyOf(invI, 3 * n);
        shape = Arrays.copyOf(shape, 3 * n);
        kind = Arrays.copyOf(kind, n);
        pos = Arrays.copyOf(pos, 3 * n);
        quat = Arrays.copyOf(quat, 4 * n);
        vel = Arrays.copyOf(vel, 3 * n);
        omega = Arrays.copyOf(omega, 3 * n);
        mass[b] = m;
        invI[3 * b] = 1 / ix;
        invI[3 * b + 1] = 1 / iy;
        invI[3 * b + 2] = 1 / iz;
        System.arraycopy(dims, 0, shape, 3 * b, 3);
        kind[b] = k;
        System.arraycopy(p, 0, pos, 3 * b, 3);
        quat[4 * b + 3] = 1;
        return b;
    }

    public double mass(int b) { return mass[b]; }

    /** Centre of mass of body b, metres (x, y, z). */
    public double[] position(int b) { return Arrays.copyOfRange(pos, 3 * b, 3 * b + 3); }

    /** Linear velocity of body b, m/s. */
    public double[] velocity(int b) { return Arrays.copyOfRange(vel, 3 * b, 3 * b + 3); }

    /** Orientation of body b, quaternion (x, y, z, w). */
    public double[] orientation(int b) { return Arrays.copyOfRange(quat, 4 * b, 4 * b + 4); }

    /** Sets body b's orientation (normalised) and velocities. */
    public void setMotion(int b, double[] q, double[] v, double[] w) {
        double l = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int k = 0; k < 4; k++) quat[4 * b + k] = q[k] / l;
        System.arraycopy(v, 0, vel, 3 * b, 3);
        System.arraycopy(w, 0, omega, 3 * b, 3);
    }

    @Override
    public int count() { return n; }

    @Override
    public void state(int b, double[] out) {
        System.arraycopy(pos, 3 * b, out, 0, 3);
        System.arraycopy(quat, 4 * b, out, 3, 4);
        System.arraycopy(vel, 3 * b, out, 7, 3);
        System.arraycopy(omega, 3 * b, out, 10, 3);
    }

    @Override
    public void inverseInertia(int b, double[] out) {
        out[0] = 1 / mass[b];
        System.arraycopy(invI, 3 * b, out, 1, 3);
    }

    @Override
    public void advance(double dt, double[] w) {
        double[] t = new double[3];
        for (int b = 0; b < n; b++) {
            double im = 1 / mass[b];
            vel[3 * b] += dt * (gx + w[6 * b] * im);
            vel[3 * b + 1] += dt * (gy + w[6 * b + 1] * im);
            vel[3 * b + 2] += dt * (gz + w[6 * b + 2] * im);
            // Euler's equations in the body frame: I dw/dt = tau - w x I w.
            Quat.rotateInverse(quat, 4 * b, omega[3 * b], omega[3 * b + 1], omega[3 * b + 2], t, 0);
            double wx = t[0], wy = t[1], wz = t[2];
            double ix = 1 / invI[3 * b], iy = 1 / invI[3 * b + 1], iz = 1 / invI[3 * b + 2];
            Quat.rotateInverse(quat, 4 * b, w[6 * b + 3], w[6 * b + 4], w[6 * b + 5], t, 0);
            double tx = t[0] - (wy * iz * wz - wz * iy * wy);
            double ty = t[1] - (wz * ix * wx - wx * iz * wz);
            double tz = t[2] - (wx * iy * wy - wy * ix * wx);
            wx += dt * tx * invI[3 * b];
            wy += dt * ty * invI[3 * b + 1];
            wz += dt * tz * invI[3 * b + 2];
            Quat.rotate(quat, 4 * b, wx, wy, wz, omega, 3 * b);
            contacts(b, dt);
            pos[3 * b] += dt * vel[3 * b];
            pos[3 * b + 1] += dt * vel[3 * b + 1];
            pos[3 * b + 2] += dt * vel[3 * b + 2];
            integrateOrientation(b, dt);
            pushOut(b);
        }
    }

    private void integrateOrientation(int b, double dt) {
        int o = 4 * b;
        double qx = quat[o], qy = quat[o + 1], qz = quat[o + 2], qw = quat[o + 3];
        double wx = omega[3 * b], wy = omega[3 * b + 1], wz = omega[3 * b + 2];
        // dq/dt = 1/2 (w, 0) q
        double h = 0.5 * dt;
        qx += h * (wx * qw + wy * qz - wz * qy);
        qy += h * (wy * qw + wz * qx - wx * qz);
        qz += h * (wz * qw + wx * qy - wy * qx);
        qw += h * (-wx * qx - wy * qy - wz * qz);
        double l = Math.sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        quat[o] = qx / l;
        quat[o + 1] = qy / l;
        quat[o + 2] = qz / l;
        quat[o + 3] = qw / l;
    }

    /** Contact points of body b in world coordinates relative to its centre (sphere: one per plane; box: 8 corners). */
    private double[][] corners(int b) {
        if (kind[b] == BOX) {
            double[][] c = new double[8][3];
            for (int k = 0; k < 8; k++) {
                Quat.rotate(quat, 4 * b, ((k & 1) == 0 ? -1 : 1) * shape[3 * b], ((k & 2) == 0 ? -1 : 1) * shape[3 * b + 1],
                        ((k & 4) == 0 ? -1 : 1) * shape[3 * b + 2], c[k], 0);
            }
            return c;
        }
        return null;
    }

    /** Sequential impulses at the contact points touching or penetrating a plane. */
    private void contacts(int b, double dt) {
        double[][] box = corners(b);
        double im = 1 / mass[b];
        double[] r = new double[3];
        for (int iter = 0; iter < 8; iter++) {
            for (double[] p : planes) {
                double nx = p[3], ny = p[4], nz = p[5];
                int points = box == null ? 1 : 8;
                for (int k = 0; k < points; k++) {
                    if (box == null) {
                        double rad = shape[3 * b];
                        r[0] = -rad * nx; r[1] = -rad * ny; r[2] = -rad * nz;
                    } else {
                        r[0] = box[k][0]; r[1] = box[k][1]; r[2] = box[k][2];
                    }
                    double px = pos[3 * b] + r[0], py = pos[3 * b + 1] + r[1], pz = pos[3 * b + 2] + r[2];
                    double gap = (px - p[0]) * nx + (py - p[1]) * ny + (pz - p[2]) * nz;
                    // velocity of the contact point
                    double ox = omega[3 * b], oy = omega[3 * b + 1], oz = omega[3 * b + 2];
                    double vx = vel[3 * b] + oy * r[2] - oz * r[1];
                    double vy = vel[3 * b + 1] + oz * r[0] - ox * r[2];
                    double vz = vel[3 * b + 2] + ox * r[1] - oy * r[0];
                    double vn = vx * nx + vy * ny + vz * nz;
                    if (gap + dt * vn >= 0) continue;       // not touching by the end of the step
                    // Stop the approach (restitution 0); penetration itself is removed by pushOut.
                    double jn = -vn / effectiveMass(b, r, nx, ny, nz, im);
                    if (jn <= 0) continue;
                    applyImpulse(b, r, jn * nx, jn * ny, jn * nz, im);
                    // friction along the tangential slip, capped by mu jn
                    vx = vel[3 * b] + omega[3 * b + 1] * r[2] - omega[3 * b + 2] * r[1];
                    vy = vel[3 * b + 1] + omega[3 * b + 2] * r[0] - omega[3 * b] * r[2];
                    vz = vel[3 * b + 2] + omega[3 * b] * r[1] - omega[3 * b + 1] * r[0];
                    vn = vx * nx + vy * ny + vz * nz;
                    double sx = vx - vn * nx, sy = vy - vn * ny, sz = vz - vn * nz;
                    double s = Math.sqrt(sx * sx + sy * sy + sz * sz);
                    if (s < 1e-12) continue;
                    sx /= s; sy /= s; sz /= s;
                    double jt = Math.min(friction * jn, s / effectiveMass(b, r, sx, sy, sz, im));
                    applyImpulse(b, r, -jt * sx, -jt * sy, -jt * sz, im);
                }
            }
        }
    }

    private double effectiveMass(int b, double[] r, double nx, double ny, double nz, double im) {
        // 1/m + n . (I^-1 (r x n)) x r
        double cx = r[1] * nz - r[2] * ny, cy = r[2] * nx - r[0] * nz, cz = r[0] * ny - r[1] * nx;
        double[] t = new double[3];
        applyInvInertia(b, cx, cy, cz, t);
        double kx = t[1] * r[2] - t[2] * r[1], ky = t[2] * r[0] - t[0] * r[2], kz = t[0] * r[1] - t[1] * r[0];
        return im + nx * kx + ny * ky + nz * kz;
    }

    private void applyInvInertia(int b, double x, double y, double z, double[] out) {
        Quat.rotateInverse(quat, 4 * b, x, y, z, out, 0);
        double bx = out[0] * invI[3 * b], by = out[1] * invI[3 * b + 1], bz = out[2] * invI[3 * b + 2];
        Quat.rotate(quat, 4 * b, bx, by, bz, out, 0);
    }

    private void applyImpulse(int b, double[] r, double jx, double jy, double jz, double im) {
        vel[3 * b] += jx * im;
        vel[3 * b + 1] += jy * im;
        vel[3 * b + 2] += jz * im;
        double[] t = new double[3];
        applyInvInertia(b, r[1] * jz - r[2] * jy, r[2] * jx - r[0] * jz, r[0] * jy - r[1] * jx, t);
        omega[3 * b] += t[0];
        omega[3 * b + 1] += t[1];
        omega[3 * b + 2] += t[2];
    }

    /** Moves the body out of every plane it penetrates. */
    private void pushOut(int b) {
        double[][] box = corners(b);
        for (double[] p : planes) {
            double nx = p[3], ny = p[4], nz = p[5];
            double deepest = 0;
            int points = box == null ? 1 : 8;
            for (int k = 0; k < points; k++) {
                double rx, ry, rz;
                if (box == null) {
                    double rad = shape[3 * b];
                    rx = -rad * nx; ry = -rad * ny; rz = -rad * nz;
                } else {
                    rx = box[k][0]; ry = box[k][1]; rz = box[k][2];
                }
                double gap = (pos[3 * b] + rx - p[0]) * nx + (pos[3 * b + 1] + ry - p[1]) * ny + (pos[3 * b + 2] + rz - p[2]) * nz;
                deepest = Math.min(deepest, gap);
            }
            pos[3 * b] -= deepest * nx;
            pos[3 * b + 1] -= deepest * ny;
            pos[3 * b + 2] -= deepest * nz;
        }
    }
}
