package dev.diorama.render;

/**
 * The objects that can matter to the camera rays of one tile, found once per tile so that the
 * per-pixel loops skip the rest: those a camera ray may hit, those whose shadow may fall on what the
 * tile shows, and those close enough to darken it by ambient occlusion.
 *
 * <p>Each test puts a simple bound around the object's influence and checks it against the four
 * planes of the tile's frustum ({@link PinholeCamera#tileFrustum}): a bound wholly outside one plane
 * cannot reach any ray of the tile. The bound of a hit is the object's bounding sphere; of ambient
 * occlusion, the sphere of {@link Geometry#OCCLUSION_REACH} occluder radii (outdoors, where a tile
 * shows no object only the floor can be shaded, and the bound shrinks to the disk where that sphere
 * meets the floor); of a shadow, for each light, a capsule
 * from the object's centre away from the light, long enough to reach the floor under a distant light
 * (or to cross the room from a lamp or a window, or to reach the floor from a glowing object
 * outdoors) and as wide as the bounding sphere plus the penumbra. Rays after a bounce go anywhere and
 * use every object. A glowing object that may move lights every tile differently from frame to
 * frame: with one, no tile is ever left untouched.
 *
 * <p>The lists keep the objects in scene order, and an object that does not affect a ray leaves its
 * result untouched (not even its rounding: the queries skip it before any arithmetic on the result).
 * So any list that holds the objects that matter gives the same bytes, which is why two tiles may
 * sample the pixels on their common border, each with its own lists, and agree exactly.
 */
final class TileCandidates {
    final int[] hits, shadows, occluders;
    int hitCount, shadowCount, occluderCount;
    /** A glowing object may move: its light reaches every tile. */
    private boolean movingLight;

    TileCandidates(int objects) {
        hits = new int[objects];
        shadows = new int[objects];
        occluders = new int[objects];
    }

    /** True when no object can be seen, cast a shadow or occlude ambient light in the tile. */
    boolean none() {
        return hitCount == 0 && shadowCount == 0 && occluderCount == 0 && !movingLight;
    }

    /**
     * Fills the three lists for the tile whose frustum planes are {@code frustum}; {@code indoor}
     * says whether walls and a ceiling can receive shade as well as the floor and the objects.
     */
    void select(Geometry g, Lighting lighting, AreaLights lights, PinholeCamera camera, double[] frustum, boolean indoor,
                double roomDiagonal) {
        hitCount = shadowCount = occluderCount = 0;
        movingLight = lights.moving;
        for (int i = 0; i < g.count; i++) {
            if (camera.sphereInFrustum(frustum, g.cx[i], g.cy[i], g.cz[i], g.bound[i])) hits[hitCount++] = i;
        }
        for (int i = 0; i < g.count; i++) {
            double cx = g.cx[i], cy = g.cy[i], cz = g.cz[i];
            double reach = Geometry.OCCLUSION_REACH * g.occluderRadius[i];
            if (hitCount > 0 || indoor) {
                if (camera.sphereInFrustum(frustum, cx, cy, cz, reach)) occluders[occluderCount++] = i;
            } else {
                // Only the floor can be seen: the object darkens the disk where its reach meets it.
                double disk = reach * reach - cy * cy;
                if (disk > 0 && camera.floorDiskInFrustum(frustum, cx, cz, Math.sqrt(disk))) {
                    occluders[occluderCount++] = i;
                }
            }
            if (shadowMayShow(i, g, lighting, lights, camera, frustum, indoor, roomDiagonal)) shadows[shadowCount++] = i;
        }
    }

    private static boolean shadowMayShow(int i, Geometry g, Lighting lighting, AreaLights lights, PinholeCamera camera,
                                         double[] frustum, boolean indoor, double roomDiagonal) {
        double cx = g.cx[i], cy = g.cy[i], cz = g.cz[i], bound = g.bound[i];
        if (lighting.keyOn) {
            // Down to where the shadow of the bounding sphere meets the floor; a light at or below
            // the horizon casts shadows without end (cut at 100 km).
            double length = lighting.keyY > 1e-5 ? Math.min((cy + bound) / lighting.keyY, 1e5) : 1e5;
            if (capsuleInFrustum(cx, cy, cz, -lighting.keyX, -lighting.keyY, -lighting.keyZ, length,
                    bound + lighting.keySize * length, camera, frustum)) {
                return true;
            }
        }
        for (int l = 0; l < lights.count; l++) {
            if (lights.object[l] == i) continue;  // a light does not shade itself
            double ux = cx - lights.bx[l], uy = cy - lights.by[l], uz = cz - lights.bz[l];
            double d = Math.sqrt(ux * ux + uy * uy + uz * uz);
            double spread = bound + lights.br[l];
            if (d <= spread) return true;  // the light is inside the object's bound
            ux /= d;
            uy /= d;
            uz /= d;
            double length = indoor ? roomDiagonal : uy < -1e-5 ? Math.min((cy + bound) / -uy, 1e5) : 1e5;
            if (capsuleInFrustum(cx, cy, cz, ux, uy, uz, length, spread * (d + length) / d, camera, frustum)) return true;
        }
        return false;
    }

    /** Can the capsule from c along unit u for {@code length}, of {@code radius}, reach the tile's frustum? */
    private static boolean capsuleInFrustum(double cx, double cy, double cz, double ux, double uy, double uz, double length,
                                            double radius, PinholeCamera camera, double[] frustum) {
        double ex = cx + ux * length, ey = cy + uy * length, ez = cz + uz * length;
        for (int k = 0; k < 12; k += 3) {
            double nx = frustum[k], ny = frustum[k + 1], nz = frustum[k + 2];
            double s0 = nx * (cx - camera.eyeX) + ny * (cy - camera.eyeY) + nz * (cz - camera.eyeZ);
            double s1 = nx * (ex - camera.eyeX) + ny * (ey - camera.eyeY) + nz * (ez - camera.eyeZ);
            if (s0 < -radius && s1 < -radius) return false;
        }
        return true;
    }
}
