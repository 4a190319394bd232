package dev.diorama.render;

import dev.diorama.scene.Room;
import dev.diorama.scene.Vec3;

/**
 * The ground and, indoors, the room around the scene: the plane y = 0 (endless outdoors), and for a
 * room of width w, height h and depth d centred on x = 0, z = 0, the floor, the ceiling at y = h and
 * four walls, all seen from the inside.
 *
 * <p>A camera may stand outside the room (a framing camera backs off until everything fits), and
 * then the wall between it and the room would hide everything. Such a wall is culled for camera
 * rays, like the fourth wall of a stage: a wall, or the ceiling, is seen directly only if the camera
 * is on the room's side of its plane. Reflected and refracted rays still meet it, so a mirror ball
 * shows a closed room rather than a hole. Since the room is convex and the lamp is inside it, the
 * room itself never shadows.
 */
final class Enclosure {
    private final boolean indoor;
    private final double halfWidth, height, halfDepth;
    /** Which room surfaces are drawn: +x, -x, +z, -z walls and the ceiling. */
    private final boolean east, west, south, north, ceilingShown;
    private final int floorId, ceilingId, wallId;
    private final boolean ground;

    Enclosure(Room room, Vec3 camera, Surfaces surfaces) {
        this(room, camera, surfaces, true);
    }

    /**
     * The same, where outdoors {@code ground} false takes the ground away: nothing but the objects
     * and the environment (for furnace tests, where an object floats in a uniform surrounding).
     */
    Enclosure(Room room, Vec3 camera, Surfaces surfaces, boolean ground) {
        this.ground = ground || room != null;
        floorId = surfaces.floor;
        ceilingId = surfaces.ceiling;
        wallId = surfaces.wall;
        indoor = room != null;
        if (indoor) {
            halfWidth = room.size().x() / 2;
            height = room.size().y();
            halfDepth = room.size().z() / 2;
        } else {
            halfWidth = height = halfDepth = Double.POSITIVE_INFINITY;
        }
        east = camera.x() < halfWidth;
        west = camera.x() > -halfWidth;
        south = camera.z() < halfDepth;
        north = camera.z() > -halfDepth;
        ceilingShown = camera.y() < height;
    }

    boolean indoor() { return indoor; }

    /** Length of the room's diagonal, metres (infinite outdoors). */
    double diagonal() {
        return indoor ? Math.sqrt(4 * halfWidth * halfWidth + height * height + 4 * halfDepth * halfDepth)
                      : Double.POSITIVE_INFINITY;
    }

    /**
     * Tests the ray o + t d (unit d) against the floor and room surfaces, updating hit (distance, id,
     * normal facing into the room) if one is nearer than hit.t. Culled walls are skipped for camera
     * rays ({@code fromCamera}).
     */
    void intersect(double ox, double oy, double oz, double dx, double dy, double dz, boolean fromCamera, Hit hit) {
        if (dy < 0 && oy > 0 && ground) {
            double t = -oy / dy;
            if (t < hit.t && (!indoor || inside(ox + t * dx, oz + t * dz))) set(hit, t, floorId, 0, 1, 0);
        }
        if (!indoor) return;
        boolean all = !fromCamera;
        if ((all || ceilingShown) && dy > 0 && oy < height) {
            double t = (height - oy) / dy;
            if (t < hit.t && inside(ox + t * dx, oz + t * dz)) set(hit, t, ceilingId, 0, -1, 0);
        }
        if ((all || east) && dx > 0 && ox < halfWidth) {
            double t = (halfWidth - ox) / dx;
            if (t < hit.t && onWall(oy + t * dy, oz + t * dz, halfDepth)) set(hit, t, wallId, -1, 0, 0);
        }
        if ((all || west) && dx < 0 && ox > -halfWidth) {
            double t = (-halfWidth - ox) / dx;
            if (t < hit.t && onWall(oy + t * dy, oz + t * dz, halfDepth)) set(hit, t, wallId, 1, 0, 0);
        }
        if ((all || south) && dz > 0 && oz < halfDepth) {
            double t = (halfDepth - oz) / dz;
            if (t < hit.t && onWall(oy + t * dy, ox + t * dx, halfWidth)) set(hit, t, wallId, 0, 0, -1);
        }
        if ((all || north) && dz < 0 && oz > -halfDepth) {
            double t = (-halfDepth - oz) / dz;
            if (t < hit.t && onWall(oy + t * dy, ox + t * dx, halfWidth)) set(hit, t, wallId, 0, 0, 1);
        }
    }

    private boolean inside(double x, double z) {
        return Math.abs(x) <= halfWidth && Math.abs(z) <= halfDepth;
    }

    private boolean onWall(double y, double across, double halfSpan) {
        return y >= 0 && y <= height && Math.abs(across) <= halfSpan;
    }

    private static void set(Hit hit, double t, int id, double nx, double ny, double nz) {
        hit.t = t;
        hit.id = id;
        hit.nx = nx;
        hit.ny = ny;
        hit.nz = nz;
    }
}
