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
 * shows a closed room rather than a hole. Since the room is convex and its lamp is inside it, the
 * room itself never shadows the lamp's light.
 *
 * <p>The ceiling lamp is a disk just under the ceiling, facing down: rays going up meet it. A room's
 * windows are holes in its walls: a ray through one leaves the room and sees what is outside (the
 * shader's business), and the sun reaches a point inside only along a line that leaves the room
 * through a window ({@link #exitsThroughWindow}).
 */
final class Enclosure {
    private final boolean indoor;
    private final double halfWidth, height, halfDepth;
    /** Which room surfaces are drawn: +x, -x, +z, -z walls and the ceiling. */
    private final boolean east, west, south, north, ceilingShown;
    private final int floorId, ceilingId, wallId, lampId;
    private final boolean ground;
    /** The lamp's disk: its height and the square of its radius. */
    private final double lampY, lampR2;
    /** Windows: wall (0 east, 1 west, 2 south, 3 north), and the opening's span along the wall and in height. */
    private final int[] windowWall;
    private final double[] windowA0, windowA1, windowY0, windowY1;

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
        lampId = surfaces.lamp;
        indoor = room != null;
        int n = room == null ? 0 : room.windows().size();
        windowWall = new int[n];
        windowA0 = new double[n];
        windowA1 = new double[n];
        windowY0 = new double[n];
        windowY1 = new double[n];
        for (int k = 0; k < n; k++) {
            dev.diorama.scene.Window w = room.windows().get(k);
            windowWall[k] = switch (w.wall()) {
                case EAST -> 0;
                case WEST -> 1;
                case SOUTH -> 2;
                case NORTH -> 3;
            };
            windowA0[k] = w.along() - w.width() / 2;
            windowA1[k] = w.along() + w.width() / 2;
            windowY0[k] = w.up() - w.height() / 2;
            windowY1[k] = w.up() + w.height() / 2;
        }
        lampY = room == null ? 0 : room.size().y() - Lighting.LAMP_GAP;
        lampR2 = Lighting.LAMP_RADIUS * Lighting.LAMP_RADIUS;
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
        if (dy > 0 && oy < lampY) {
            double t = (lampY - oy) / dy;
            double x = ox + t * dx, z = oz + t * dz;
            if (t > Geometry.T_MIN && t < hit.t && x * x + z * z <= lampR2) set(hit, t, lampId, 0, -1, 0);
        }
        if ((all || east) && dx > 0 && ox < halfWidth) {
            double t = (halfWidth - ox) / dx;
            if (t < hit.t && onWall(0, oy + t * dy, oz + t * dz, halfDepth)) set(hit, t, wallId, -1, 0, 0);
        }
        if ((all || west) && dx < 0 && ox > -halfWidth) {
            double t = (-halfWidth - ox) / dx;
            if (t < hit.t && onWall(1, oy + t * dy, oz + t * dz, halfDepth)) set(hit, t, wallId, 1, 0, 0);
        }
        if ((all || south) && dz > 0 && oz < halfDepth) {
            double t = (halfDepth - oz) / dz;
            if (t < hit.t && onWall(2, oy + t * dy, ox + t * dx, halfWidth)) set(hit, t, wallId, 0, 0, -1);
        }
        if ((all || north) && dz < 0 && oz > -halfDepth) {
            double t = (-halfDepth - oz) / dz;
            if (t < hit.t && onWall(3, oy + t * dy, ox + t * dx, halfWidth)) set(hit, t, wallId, 0, 0, 1);
        }
    }

    /**
     * True when the ray from p inside the room along unit d leaves it through a window (indoors; the
     * first of the room's six planes it crosses is a wall, at a point within one of that wall's
     * openings). Outdoors, always true.
     */
    boolean exitsThroughWindow(double px, double py, double pz, double dx, double dy, double dz) {
        if (!indoor) return true;
        if (windowWall.length == 0) return false;
        double tx = dx > 0 ? (halfWidth - px) / dx : dx < 0 ? (-halfWidth - px) / dx : Double.POSITIVE_INFINITY;
        double tz = dz > 0 ? (halfDepth - pz) / dz : dz < 0 ? (-halfDepth - pz) / dz : Double.POSITIVE_INFINITY;
        double ty = dy > 0 ? (height - py) / dy : dy < 0 ? -py / dy : Double.POSITIVE_INFINITY;
        if (ty <= tx && ty <= tz) return false;  // through the ceiling or the floor
        if (tx <= tz) return inWindow(dx > 0 ? 0 : 1, py + tx * dy, pz + tx * dz);
        return inWindow(dz > 0 ? 2 : 3, py + tz * dy, px + tz * dx);
    }

    private boolean inside(double x, double z) {
        return Math.abs(x) <= halfWidth && Math.abs(z) <= halfDepth;
    }

    /** Is the point at height y, {@code across} along wall {@code wall}, on the wall (not in an opening)? */
    private boolean onWall(int wall, double y, double across, double halfSpan) {
        return y >= 0 && y <= height && Math.abs(across) <= halfSpan && !inWindow(wall, y, across);
    }

    private boolean inWindow(int wall, double y, double across) {
        for (int k = 0; k < windowWall.length; k++) {
            if (windowWall[k] == wall && across >= windowA0[k] && across <= windowA1[k] && y >= windowY0[k]
                    && y <= windowY1[k]) {
                return true;
            }
        }
        return false;
    }

    private static void set(Hit hit, double t, int id, double nx, double ny, double nz) {
        hit.t = t;
        hit.id = id;
        hit.nx = nx;
        hit.ny = ny;
        hit.nz = nz;
    }
}
