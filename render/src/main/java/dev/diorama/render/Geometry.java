package dev.diorama.render;

import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.List;

/**
 * The scene's objects as the ray tracer sees them: dense per-object arrays (shape, extents, and,
 * updated once per frame, centre and rotation), with the three queries the shader asks of them:
 * the nearest hit along a ray, how much of a light a point sees past them (soft shadows), and how
 * much of the sky they hide from a point (ambient occlusion).
 *
 * <p>Shapes: balls, boxes and capped cylinders have analytic ray tests; every other shape is a
 * triangle mesh in the object's frame with its own tree ({@link MeshBvh}, shared by objects alike):
 * cones, pyramids and wedges, which are convex, and the hollow or compound shapes (bowls, cups,
 * bottles, jugs, tables, shelves, stairs) and imported models, which are not. A ray leaving a convex
 * object's outer surface cannot meet that object again, so shadow and reflection rays skip their
 * own object instead of relying on an offset alone ({@link #convex}); from a concave one they start
 * a small offset off the surface and may meet it again, so a bowl's rim shades its inside and a
 * table's top its legs. Each object also has a bounding sphere, tested first: a ray that misses it
 * (a few multiplications) needs no exact test.
 *
 * <p>Shadows: balls use the analytic coverage of the light's disk by the ball's silhouette, so their
 * penumbra is exact and free of noise; every other shape casts a hard shadow along the ray to the
 * light's centre, whose edges the adaptive anti-aliasing then smooths (area lights sample their own
 * soft shadows with {@link #transmittance}). The sun's half-degree disk makes a penumbra a
 * centimetre wide per metre of distance, so at the scale of these scenes the difference is below a
 * pixel. Glass casts a lighter shadow: the light a ball lets straight through,
 * by Fresnel's law at its two surfaces (darker at the rim where reflection grows), ignoring the
 * focusing that real glass does.
 *
 * <p>Ambient occlusion: each object hides sky from other objects as a sphere would (a ball as itself,
 * any other shape as the sphere of the same volume of material); the form factor of a sphere of
 * radius r at distance d and angle theta from the normal is cos(theta) r^2 / d^2, exact and
 * noise-free, faded out smoothly at four radii so that no ring shows where it is cut off.
 */
final class Geometry {
    static final int BALL = 0, BOX = 1, CYLINDER = 2, TRIANGLES = 3;
    /** Rays start at least this far along their direction, metres. */
    static final double T_MIN = 1e-7;
    /** Ambient occlusion reaches this many occluder radii. */
    static final double OCCLUSION_REACH = 4;

    final int count;
    final int[] shape;
    /** Ball or cylinder radius; box half extents (cylinder: halfY is half the height). */
    final double[] radius, halfX, halfY, halfZ;
    /** Radius of the bounding sphere about the centre, and of the sphere standing in for occlusion. */
    final double[] bound, occluderRadius;
    final boolean[] transparent;
    /**
     * Convex objects (balls, boxes, cylinders, cones, pyramids, wedges): a ray leaving one cannot meet
     * it again, so rays from its surface skip it. The others (vessels, tables, shelves, stairs,
     * imported models) can shade themselves: a bowl's rim shadows its inside.
     */
    final boolean[] convex;
    /** Fraction of light a glass object lets through at normal incidence (its tint, averaged). */
    final double[] clearTransmittance;
    /** Normal-incidence reflectance of glass objects' surfaces. */
    final double[] glassF0;

    /** The triangle mesh and tree of a TRIANGLES object (shared between objects alike), else null. */
    final MeshBvh[] mesh;
    /** An imported model's own materials ({@link MeshLook}), else null. */
    final MeshLook[] look;
    private static final ThreadLocal<MeshBvh.MeshHit> SHADOW_SCRATCH = ThreadLocal.withInitial(MeshBvh.MeshHit::new);

    /** Per frame: centre, and rotation as a row-major matrix, world = M * object (9 per object). */
    final double[] cx, cy, cz, rotation;

    /** The scene's objects, which come first; then the liquids' surfaces ({@link #setLiquid}). */
    final int objectCount;

    Geometry(List<SceneObject> objects) {
        this(objects, List.of());
    }

    /**
     * The objects, then one slot per liquid: a triangle mesh replaced every frame (the surface
     * reconstructed from the liquid's particles, in world coordinates about its own centre),
     * transparent, never convex, hiding no sky from the rest (it lets most light through).
     */
    Geometry(List<SceneObject> objects, List<dev.diorama.scene.Liquid> liquids) {
        objectCount = objects.size();
        count = objects.size() + liquids.size();
        shape = new int[count];
        radius = new double[count];
        halfX = new double[count];
        halfY = new double[count];
        halfZ = new double[count];
        bound = new double[count];
        occluderRadius = new double[count];
        transparent = new boolean[count];
        convex = new boolean[count];
        clearTransmittance = new double[count];
        glassF0 = new double[count];
        cx = new double[count];
        cy = new double[count];
        cz = new double[count];
        rotation = new double[9 * count];
        mesh = new MeshBvh[count];
        look = new MeshLook[count];
        for (int i = 0; i < objectCount; i++) {
            SceneObject o = objects.get(i);
            Vec3 s = o.size();
            halfX[i] = s.x() / 2;
            halfY[i] = s.y() / 2;
            halfZ[i] = s.z() / 2;
            radius[i] = s.x() / 2;
            shape[i] = switch (o.shape()) {
                case BALL -> BALL;
                case CUBE, PLANK, DOMINO, BRICK -> BOX;
                case CYLINDER -> CYLINDER;
                case CONE, PYRAMID, WEDGE, BOAT, BOWL, CUP, BOTTLE, JUG, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH -> TRIANGLES;
            };
            if (shape[i] == TRIANGLES) mesh[i] = ShapeMeshes.of(o.shape(), s, o.asset());
            if (o.shape() == dev.diorama.scene.Shape.MESH) look[i] = mesh[i].look();
            convex[i] = switch (o.shape()) {
                case BALL, CUBE, PLANK, DOMINO, BRICK, CYLINDER, CONE, PYRAMID, WEDGE, BOAT -> true;
                default -> false;
            };
            bound[i] = o.boundingRadius() * (1 + 1e-9);
            occluderRadius[i] = Math.cbrt(o.enclosedVolume() * 3 / (4 * Math.PI));
            transparent[i] = o.material().transparent;
            double[] tint = o.color().linear();
            clearTransmittance[i] = (tint[0] + tint[1] + tint[2]) / 3;
            double f = (o.material().ior - 1) / (o.material().ior + 1);
            glassF0[i] = f * f;
            setPose(i, o.position(), o.rotation());
        }
        for (int k = 0; k < liquids.size(); k++) {
            int i = objectCount + k;
            dev.diorama.scene.Liquid l = liquids.get(k);
            shape[i] = TRIANGLES;
            transparent[i] = true;
            convex[i] = false;
            double[] tint = l.tint().linear();
            clearTransmittance[i] = (tint[0] + tint[1] + tint[2]) / 3;
            double f = (l.refractiveIndex() - 1) / (l.refractiveIndex() + 1);
            glassF0[i] = f * f;
            setLiquid(k, null, Vec3.ZERO, 0);
        }
    }

    /**
     * Shows liquid k's surface this frame: {@code surface} in coordinates relative to
     * {@code centre}, within {@code bound} of it; null hides the liquid (none left).
     */
    void setLiquid(int k, MeshBvh surface, Vec3 centre, double bound) {
        int i = objectCount + k;
        mesh[i] = surface;
        radius[i] = halfX[i] = halfY[i] = halfZ[i] = bound;
        // An empty liquid sits far below the floor with no extent: no ray meets it.
        this.bound[i] = surface == null ? 0 : bound * (1 + 1e-9);
        setPose(i, surface == null ? new Vec3(0, -1e6, 0) : centre, dev.diorama.scene.Quat.IDENTITY);
    }

    /** Moves every object to its pose in a keyframe (one pose per object, in scene order). */
    void update(List<Pose> poses) {
        if (poses.size() != objectCount) {
            throw new IllegalArgumentException("expected " + objectCount + " poses, one per scene object, found " + poses.size());
        }
        for (int i = 0; i < objectCount; i++) setPose(i, poses.get(i).position(), poses.get(i).rotation());
    }

    private void setPose(int i, Vec3 p, Quat q) {
        cx[i] = p.x();
        cy[i] = p.y();
        cz[i] = p.z();
        Quat u = q.normalized();
        double x = u.x(), y = u.y(), z = u.z(), w = u.w();
        double[] m = rotation;
        int k = 9 * i;
        m[k] = 1 - 2 * (y * y + z * z);
        m[k + 1] = 2 * (x * y - z * w);
        m[k + 2] = 2 * (x * z + y * w);
        m[k + 3] = 2 * (x * y + z * w);
        m[k + 4] = 1 - 2 * (x * x + z * z);
        m[k + 5] = 2 * (y * z - x * w);
        m[k + 6] = 2 * (x * z - y * w);
        m[k + 7] = 2 * (y * z + x * w);
        m[k + 8] = 1 - 2 * (x * x + y * y);
    }

    /**
     * Finds the nearest object hit along the ray o + t d (d a unit vector) closer than hit.t, among
     * the objects {@code list[from..to)} (objects from to to - 1 when list is null), skipping object
     * {@code skip}; updates hit.t and hit.id. The normal is left to {@link #normalAt}, computed for
     * the winner only.
     */
    void intersect(double ox, double oy, double oz, double dx, double dy, double dz,
                   int[] list, int from, int to, int skip, Hit hit) {
        for (int k = from; k < to; k++) {
            int i = list == null ? k : list[k];
            if (i == skip) continue;
            double ocx = cx[i] - ox, ocy = cy[i] - oy, ocz = cz[i] - oz;
            double b = ocx * dx + ocy * dy + ocz * dz;
            double br = bound[i];
            if (b + br < T_MIN || b - br > hit.t) continue;  // wholly behind, or beyond the nearest so far
            double c = ocx * ocx + ocy * ocy + ocz * ocz - br * br;
            double disc = b * b - c;
            if (disc < 0) continue;  // misses the bounding sphere
            double t;
            switch (shape[i]) {
                case BALL -> {
                    double sq = Math.sqrt(disc);  // the bounding sphere is the ball
                    t = b - sq;
                    if (t < T_MIN) t = b + sq;
                }
                case BOX -> t = boxHit(i, -ocx, -ocy, -ocz, dx, dy, dz);
                case TRIANGLES -> t = meshHit(i, -ocx, -ocy, -ocz, dx, dy, dz, hit.t, hit.mesh);
                default -> t = cylinderHit(i, -ocx, -ocy, -ocz, dx, dy, dz);
            }
            if (t >= T_MIN && t < hit.t) {
                hit.t = t;
                hit.id = i;
                if (shape[i] == TRIANGLES) {
                    hit.triangle = hit.mesh.triangle;
                    hit.b1 = hit.mesh.b1;
                    hit.b2 = hit.mesh.b2;
                }
            }
        }
    }

    /**
     * Slab test in the box's own frame, from the ray origin relative to the centre (px, py, pz):
     * the entry distance, or the exit distance when the origin is inside; NaN on a miss.
     */
    private double boxHit(int i, double px, double py, double pz, double dx, double dy, double dz) {
        double[] m = rotation;
        int k = 9 * i;
        // Object-space origin and direction: the transpose of M applied.
        double lox = m[k] * px + m[k + 3] * py + m[k + 6] * pz;
        double loy = m[k + 1] * px + m[k + 4] * py + m[k + 7] * pz;
        double loz = m[k + 2] * px + m[k + 5] * py + m[k + 8] * pz;
        double ldx = m[k] * dx + m[k + 3] * dy + m[k + 6] * dz;
        double ldy = m[k + 1] * dx + m[k + 4] * dy + m[k + 7] * dz;
        double ldz = m[k + 2] * dx + m[k + 5] * dy + m[k + 8] * dz;
        double near = Double.NEGATIVE_INFINITY, far = Double.POSITIVE_INFINITY;
        double h = halfX[i];
        if (Math.abs(ldx) < 1e-12) {
            if (Math.abs(lox) > h) return Double.NaN;
        } else {
            double inv = 1 / ldx, t1 = (-h - lox) * inv, t2 = (h - lox) * inv;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        h = halfY[i];
        if (Math.abs(ldy) < 1e-12) {
            if (Math.abs(loy) > h) return Double.NaN;
        } else {
            double inv = 1 / ldy, t1 = (-h - loy) * inv, t2 = (h - loy) * inv;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        h = halfZ[i];
        if (Math.abs(ldz) < 1e-12) {
            if (Math.abs(loz) > h) return Double.NaN;
        } else {
            double inv = 1 / ldz, t1 = (-h - loz) * inv, t2 = (h - loz) * inv;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        if (near > far || far < T_MIN) return Double.NaN;
        return near >= T_MIN ? near : far;
    }

    /**
     * The nearest triangle of object i's mesh closer than {@code tMax}, the ray mapped into the
     * object's frame (instancing: the mesh stays in its own frame); NaN on a miss. The triangle and
     * its barycentric coordinates are left in {@code scratch}.
     */
    private double meshHit(int i, double px, double py, double pz, double dx, double dy, double dz, double tMax,
                           MeshBvh.MeshHit scratch) {
        double[] m = rotation;
        int k = 9 * i;
        double lox = m[k] * px + m[k + 3] * py + m[k + 6] * pz;
        double loy = m[k + 1] * px + m[k + 4] * py + m[k + 7] * pz;
        double loz = m[k + 2] * px + m[k + 5] * py + m[k + 8] * pz;
        double ldx = m[k] * dx + m[k + 3] * dy + m[k + 6] * dz;
        double ldy = m[k + 1] * dx + m[k + 4] * dy + m[k + 7] * dz;
        double ldz = m[k + 2] * dx + m[k + 5] * dy + m[k + 8] * dz;
        return mesh[i].intersect(lox, loy, loz, ldx, ldy, ldz, T_MIN, tMax, scratch);
    }

    /** As {@link #boxHit} for a capped cylinder along its own y axis. */
    private double cylinderHit(int i, double px, double py, double pz, double dx, double dy, double dz) {
        double[] m = rotation;
        int k = 9 * i;
        double lox = m[k] * px + m[k + 3] * py + m[k + 6] * pz;
        double loy = m[k + 1] * px + m[k + 4] * py + m[k + 7] * pz;
        double loz = m[k + 2] * px + m[k + 5] * py + m[k + 8] * pz;
        double ldx = m[k] * dx + m[k + 3] * dy + m[k + 6] * dz;
        double ldy = m[k + 1] * dx + m[k + 4] * dy + m[k + 7] * dz;
        double ldz = m[k + 2] * dx + m[k + 5] * dy + m[k + 8] * dz;
        double r = radius[i], h = halfY[i];
        double near = Double.NEGATIVE_INFINITY, far = Double.POSITIVE_INFINITY;
        double a = ldx * ldx + ldz * ldz, c = lox * lox + loz * loz - r * r;
        if (a < 1e-12) {
            if (c > 0) return Double.NaN;  // parallel to the axis, outside the tube
        } else {
            double b = lox * ldx + loz * ldz, disc = b * b - a * c;
            if (disc < 0) return Double.NaN;
            double sq = Math.sqrt(disc);
            near = (-b - sq) / a;
            far = (-b + sq) / a;
        }
        if (Math.abs(ldy) < 1e-12) {
            if (Math.abs(loy) > h) return Double.NaN;
        } else {
            double inv = 1 / ldy, t1 = (-h - loy) * inv, t2 = (h - loy) * inv;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        if (near > far || far < T_MIN) return Double.NaN;
        return near >= T_MIN ? near : far;
    }

    /** Unit outward normal of object i at the surface point p, into hit.nx, ny, nz. */
    void normalAt(int i, double px, double py, double pz, Hit hit) {
        double rx = px - cx[i], ry = py - cy[i], rz = pz - cz[i];
        if (shape[i] == BALL) {
            double inv = 1 / Math.sqrt(rx * rx + ry * ry + rz * rz);
            hit.nx = rx * inv;
            hit.ny = ry * inv;
            hit.nz = rz * inv;
            return;
        }
        double[] m = rotation;
        int k = 9 * i;
        double lx = m[k] * rx + m[k + 3] * ry + m[k + 6] * rz;
        double ly = m[k + 1] * rx + m[k + 4] * ry + m[k + 7] * rz;
        double lz = m[k + 2] * rx + m[k + 5] * ry + m[k + 8] * rz;
        double nx, ny, nz;
        if (shape[i] == TRIANGLES) {
            MeshBvh.MeshHit h = hit.mesh;
            h.triangle = hit.triangle;
            h.b1 = hit.b1;
            h.b2 = hit.b2;
            mesh[i].normal(h, hit.local);
            mesh[i].uv(h, hit.uv);
            nx = hit.local[0];
            ny = hit.local[1];
            nz = hit.local[2];
        } else if (shape[i] == BOX) {
            // The face the point is on is the one it is relatively nearest to.
            double ex = Math.abs(lx) / halfX[i], ey = Math.abs(ly) / halfY[i], ez = Math.abs(lz) / halfZ[i];
            if (ex >= ey && ex >= ez) { nx = Math.signum(lx); ny = 0; nz = 0; }
            else if (ey >= ez) { nx = 0; ny = Math.signum(ly); nz = 0; }
            else { nx = 0; ny = 0; nz = Math.signum(lz); }
        } else {
            double rxz = Math.sqrt(lx * lx + lz * lz);
            if (Math.abs(ly) - halfY[i] > rxz - radius[i] || rxz < 1e-12) { nx = 0; ny = Math.signum(ly); nz = 0; }
            else { nx = lx / rxz; ny = 0; nz = lz / rxz; }
        }
        hit.nx = m[k] * nx + m[k + 1] * ny + m[k + 2] * nz;
        hit.ny = m[k + 3] * nx + m[k + 4] * ny + m[k + 5] * nz;
        hit.nz = m[k + 6] * nx + m[k + 7] * ny + m[k + 8] * nz;
    }

    /**
     * Fraction of a light that the point p sees past the objects: the light is a disk of angular
     * radius atan(tanRadius) around the unit direction l, its centre {@code distance} metres away
     * (infinity for the sun); past the objects {@code list[from..to)} (as in {@link #intersect}) but
     * {@code skip}. 1 is fully lit, 0 fully shadowed.
     */
    double visibility(double px, double py, double pz, double lx, double ly, double lz,
                      double distance, double tanRadius, int[] list, int from, int to, int skip) {
        double v = 1;
        for (int k = from; k < to; k++) {
            int i = list == null ? k : list[k];
            if (i == skip) continue;
            double ocx = cx[i] - px, ocy = cy[i] - py, ocz = cz[i] - pz;
            double t = ocx * lx + ocy * ly + ocz * lz;
            double br = bound[i];
            if (t < -br || t - br > distance) continue;
            double d2 = ocx * ocx + ocy * ocy + ocz * ocz;
            double rho2 = d2 - t * t;
            double reach = br + tanRadius * (t > 0 ? t : 0);
            if (rho2 >= reach * reach) continue;
            if (shape[i] == BALL) {
                if (t <= 0) continue;
                double r = radius[i];
                // Angle between the ball's silhouette and the light's centre, over the light's
                // angular radius: (rho - r) / sqrt(d^2 - r^2) is that angle to first order.
                double rho = Math.sqrt(rho2 > 0 ? rho2 : 0);
                double x = (rho - r) / (Math.sqrt(Math.max(d2 - r * r, 1e-12)) * tanRadius);
                if (x >= 1) continue;
                double covered = x <= -1 ? 1 : (Math.acos(x) - x * Math.sqrt(1 - x * x)) / Math.PI;
                double through = transparent[i] ? glassBallTransmittance(i, Math.min(rho / r, 1)) : 0;
                v *= 1 - covered * (1 - through);
            } else {
                double t0 = shape[i] == BOX ? boxHit(i, -ocx, -ocy, -ocz, lx, ly, lz)
                        : shape[i] == TRIANGLES ? meshHit(i, -ocx, -ocy, -ocz, lx, ly, lz, distance, SHADOW_SCRATCH.get())
                        : cylinderHit(i, -ocx, -ocy, -ocz, lx, ly, lz);
                if (!(t0 >= T_MIN && t0 < distance)) continue;
                v *= transparent[i] ? clearTransmittance[i] * (1 - glassF0[i]) * (1 - glassF0[i]) : 0;
            }
            if (v <= 0) return 0;
        }
        return v;
    }

    /**
     * Fraction of light that passes from o along the unit direction d for {@code distance} metres
     * past the objects {@code list[from..to)} (as in {@link #intersect}) but {@code skipA} and
     * {@code skipB}: 0 behind an opaque object, the glass's straight transmission (its tint and two
     * Fresnel losses at normal incidence) through each transparent one. A shadow ray to one point
     * of an area light.
     */
    double transmittance(double ox, double oy, double oz, double dx, double dy, double dz, double distance,
                         int[] list, int from, int to, int skipA, int skipB) {
        double v = 1;
        for (int k = from; k < to; k++) {
            int i = list == null ? k : list[k];
            if (i == skipA || i == skipB) continue;
            double ocx = cx[i] - ox, ocy = cy[i] - oy, ocz = cz[i] - oz;
            double b = ocx * dx + ocy * dy + ocz * dz;
            double br = bound[i];
            if (b + br < T_MIN || b - br > distance) continue;
            double disc = b * b - (ocx * ocx + ocy * ocy + ocz * ocz - br * br);
            if (disc < 0) continue;
            double t;
            switch (shape[i]) {
                case BALL -> {
                    double sq = Math.sqrt(disc);
                    t = b - sq;
                    if (t < T_MIN) t = b + sq;
                }
                case BOX -> t = boxHit(i, -ocx, -ocy, -ocz, dx, dy, dz);
                case TRIANGLES -> t = meshHit(i, -ocx, -ocy, -ocz, dx, dy, dz, distance, SHADOW_SCRATCH.get());
                default -> t = cylinderHit(i, -ocx, -ocy, -ocz, dx, dy, dz);
            }
            if (!(t >= T_MIN && t < distance)) continue;
            v *= transparent[i] ? clearTransmittance[i] * (1 - glassF0[i]) * (1 - glassF0[i]) : 0;
            if (v <= 0) return 0;
        }
        return v;
    }

    /**
     * Light passing straight through glass ball i along a line at {@code q} radii from its centre:
     * Fresnel transmission (Schlick) in and out at the incidence angle asin(q), times the tint.
     */
    private double glassBallTransmittance(int i, double q) {
        double cos = Math.sqrt(1 - q * q);
        double f = Optics.schlick(cos, glassF0[i]);
        return clearTransmittance[i] * (1 - f) * (1 - f);
    }

    /**
     * Fraction of the ambient light that reaches the point p with unit normal n past the objects
     * {@code list[from..to)} (as in {@link #intersect}) but {@code skip}, the one p lies on.
     */
    double ambientVisibility(double px, double py, double pz, double nx, double ny, double nz,
                             int[] list, int from, int to, int skip) {
        double v = 1;
        for (int k = from; k < to; k++) {
            int i = list == null ? k : list[k];
            if (i == skip) continue;
            double ocx = cx[i] - px, ocy = cy[i] - py, ocz = cz[i] - pz;
            double r = occluderRadius[i];
            double reach2 = OCCLUSION_REACH * OCCLUSION_REACH * r * r;
            double d2 = ocx * ocx + ocy * ocy + ocz * ocz;
            if (d2 >= reach2) continue;
            double cos = ocx * nx + ocy * ny + ocz * nz;
            if (cos <= 0) continue;
            double fade = 1 - d2 / reach2;
            double occ = cos / Math.sqrt(d2) * r * r / d2 * fade * fade;
            if (transparent[i]) occ *= 0.3;
            v *= 1 - (occ < 1 ? occ : 1);
        }
        return v;
    }
}
