package dev.diorama.render;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Vec3;

/**
 * The scene's pinhole camera as a map between pixels and rays: the eye, an orthonormal basis
 * (forward, right = forward x up, true up) and the half-extents of the image plane at unit distance,
 * from the horizontal field of view and the picture's aspect ratio. Pixel (0, 0) is the top-left
 * corner of the picture; pixel centres are at half-integers.
 */
final class PinholeCamera {
    final double eyeX, eyeY, eyeZ;
    final double forwardX, forwardY, forwardZ, rightX, rightY, rightZ, upX, upY, upZ;
    /** tan(fov / 2) horizontally and vertically. */
    final double tanX, tanY;
    final int width, height;
    /** Distance from the eye to the point looked at, metres: where a lens focuses unless told otherwise. */
    final double focusDistance;

    PinholeCamera(Camera camera, int width, int height) {
        this.width = width;
        this.height = height;
        Vec3 e = camera.position();
        eyeX = e.x();
        eyeY = e.y();
        eyeZ = e.z();
        focusDistance = camera.lookAt().minus(e).length();
        Vec3 f = camera.lookAt().minus(e).normalized();
        Vec3 r = f.cross(Vec3.UP);
        // Looking straight up or down, "up" is undefined: take north (-z) as the picture's up.
        if (r.length() < 1e-9) r = f.cross(new Vec3(0, 0, -1));
        r = r.normalized();
        Vec3 u = r.cross(f);
        forwardX = f.x();
        forwardY = f.y();
        forwardZ = f.z();
        rightX = r.x();
        rightY = r.y();
        rightZ = r.z();
        upX = u.x();
        upY = u.y();
        upZ = u.z();
        tanX = Math.tan(Math.toRadians(camera.fov() / 2));
        tanY = tanX * height / width;
    }

    /** Unit direction of the ray through image point (sx, sy) in pixels, into out[0..2]. */
    void direction(double sx, double sy, double[] out) {
        double u = (2 * sx / width - 1) * tanX, v = (1 - 2 * sy / height) * tanY;
        double x = forwardX + u * rightX + v * upX;
        double y = forwardY + u * rightY + v * upY;
        double z = forwardZ + u * rightZ + v * upZ;
        double inv = 1 / Math.sqrt(x * x + y * y + z * z);
        out[0] = x * inv;
        out[1] = y * inv;
        out[2] = z * inv;
    }

    /** Image point (sx, sy) in pixels where the world point p appears; NaNs when it is behind the eye. */
    double[] project(double px, double py, double pz) {
        double dx = px - eyeX, dy = py - eyeY, dz = pz - eyeZ;
        double f = dx * forwardX + dy * forwardY + dz * forwardZ;
        if (f <= 0) return new double[] {Double.NaN, Double.NaN};
        double u = (dx * rightX + dy * rightY + dz * rightZ) / f / tanX;
        double v = (dx * upX + dy * upY + dz * upZ) / f / tanY;
        return new double[] {(u + 1) * width / 2, (1 - v) * height / 2};
    }

    /**
     * The four planes through the eye that bound the rays of the pixel rectangle [x0, x1] x [y0, y1]
     * (a tile), as inward unit normals into planes[0..11].
     */
    void tileFrustum(int x0, int y0, int x1, int y1, double[] planes) {
        double u0 = (2.0 * x0 / width - 1) * tanX, u1 = (2.0 * x1 / width - 1) * tanX;
        double v0 = (1 - 2.0 * y0 / height) * tanY, v1 = (1 - 2.0 * y1 / height) * tanY;
        double um = (u0 + u1) / 2, vm = (v0 + v1) / 2;
        // Edges in order top, right, bottom, left: each plane holds the eye and two corner rays.
        plane(u0, v0, u1, v0, um, vm, planes, 0);
        plane(u1, v0, u1, v1, um, vm, planes, 3);
        plane(u1, v1, u0, v1, um, vm, planes, 6);
        plane(u0, v1, u0, v0, um, vm, planes, 9);
    }

    /**
     * The unit normal of the plane through the eye and the rays through image-plane points (ua, va)
     * and (ub, vb), turned toward the ray through (um, vm); into out[off..off+2].
     */
    private void plane(double ua, double va, double ub, double vb, double um, double vm, double[] out, int off) {
        double ax = forwardX + ua * rightX + va * upX, ay = forwardY + ua * rightY + va * upY;
        double az = forwardZ + ua * rightZ + va * upZ;
        double bx = forwardX + ub * rightX + vb * upX, by = forwardY + ub * rightY + vb * upY;
        double bz = forwardZ + ub * rightZ + vb * upZ;
        double mx = forwardX + um * rightX + vm * upX, my = forwardY + um * rightY + vm * upY;
        double mz = forwardZ + um * rightZ + vm * upZ;
        double nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (nx * mx + ny * my + nz * mz < 0) len = -len;
        out[off] = nx / len;
        out[off + 1] = ny / len;
        out[off + 2] = nz / len;
    }

    /**
     * True if the horizontal disk of radius r centred on the floor point (cx, 0, cz) may be seen
     * through the frustum of {@link #tileFrustum}: a plane with inward normal n puts the whole disk
     * outside when even its farthest point, r sqrt(nx^2 + nz^2) beyond the centre, is outside.
     */
    boolean floorDiskInFrustum(double[] planes, double cx, double cz, double r) {
        double x = cx - eyeX, y = -eyeY, z = cz - eyeZ;
        for (int k = 0; k < 12; k += 3) {
            double nx = planes[k], nz = planes[k + 2];
            if (nx * x + planes[k + 1] * y + nz * z < -r * Math.sqrt(nx * nx + nz * nz)) return false;
        }
        return true;
    }

    /** True if a sphere of radius r at c may be seen through the frustum of {@link #tileFrustum}. */
    boolean sphereInFrustum(double[] planes, double cx, double cy, double cz, double r) {
        double x = cx - eyeX, y = cy - eyeY, z = cz - eyeZ;
        for (int k = 0; k < 12; k += 3) {
            if (planes[k] * x + planes[k + 1] * y + planes[k + 2] * z < -r) return false;
        }
        return true;
    }
}
