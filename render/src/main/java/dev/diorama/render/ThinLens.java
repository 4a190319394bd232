package dev.diorama.render;

/**
 * Depth of field: the pinhole camera widened into a thin lens. A camera ray no longer starts at the
 * eye but at a point of the lens's entrance pupil, a disk of diameter A (the aperture) across the
 * view axis, and aims at the point where the pinhole ray through the same pixel meets the plane in
 * focus, at distance f along the axis. Points on that plane are seen sharp from every point of the
 * pupil; a point at distance d is smeared over a disk ("circle of confusion") of diameter
 * A |1/d - 1/f| in image-plane units at unit distance, that is A |1/d - 1/f| W / (2 tan(fov/2))
 * pixels for a picture W pixels wide. A 50 mm lens at f/2 (A = 25 mm) focused at 2 m blurs a
 * background 8 m away over 0.9 percent of the picture's width.
 *
 * <p>The pupil is sampled at fixed points on a Vogel (golden-angle) spiral, even in area, turned by
 * an angle hashed from the pixel's coordinates: neighbouring pixels use different points, so the
 * blur's residual error is fine-grained noise instead of visible copies of the objects, and a pixel
 * uses the same points in every frame, so a still picture does not flicker.
 */
final class ThinLens {
    final double radius, focus;
    /** Unit-disk sample offsets, x at [2k], y at [2k + 1]. */
    final double[] disk;

    ThinLens(double aperture, double focus, int samples) {
        radius = aperture / 2;
        this.focus = focus;
        disk = new double[2 * samples];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < samples; k++) {
            double r = Math.sqrt((k + 0.5) / samples), phi = k * golden;
            disk[2 * k] = r * Math.cos(phi);
            disk[2 * k + 1] = r * Math.sin(phi);
        }
    }

    int samples() { return disk.length / 2; }

    /** The turn of the spiral for pixel (x, y), radians: a hash, the same in every frame. */
    static double turn(int x, int y) {
        return 2 * Math.PI * Surfaces.unit(((long) x << 32) ^ y ^ 0x5DEECE66DL);
    }

    /**
     * The ray of lens sample k for the pinhole direction d (unit) of camera c, turned by
     * {@code cos, sin}: origin into o[0..2] and unit direction into o[3..5].
     */
    void ray(PinholeCamera c, double dx, double dy, double dz, int k, double cos, double sin, double[] o) {
        double u = disk[2 * k], v = disk[2 * k + 1];
        double lu = radius * (u * cos - v * sin), lv = radius * (u * sin + v * cos);
        double ox = c.eyeX + lu * c.rightX + lv * c.upX;
        double oy = c.eyeY + lu * c.rightY + lv * c.upY;
        double oz = c.eyeZ + lu * c.rightZ + lv * c.upZ;
        // Where the pinhole ray meets the plane in focus, f along the axis.
        double t = focus / (dx * c.forwardX + dy * c.forwardY + dz * c.forwardZ);
        double fx = c.eyeX + t * dx - ox, fy = c.eyeY + t * dy - oy, fz = c.eyeZ + t * dz - oz;
        double inv = 1 / Math.sqrt(fx * fx + fy * fy + fz * fz);
        o[0] = ox;
        o[1] = oy;
        o[2] = oz;
        o[3] = fx * inv;
        o[4] = fy * inv;
        o[5] = fz * inv;
    }
}
