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
 * meets the floor); of a shadow, a capsule
 * from the object's centre away from the light, long enough to reach the floor under a distant light
 * (or to cross the room from the lamp) and as wide as the bounding sphere plus the penumbra. Rays
 * after a bounce go anywhere and use every object.
 *
 * <p>The lists keep the objects in scene order, and an object that does not affect a ray leaves its
 * result untouched (not even its rounding: the queries skip it before any arithmetic on the result).
 * So any list that holds the objects that matter gives the same bytes, which is why two tiles may
 * sample the pixels on their common border, each with its own lists, and agree exactly.
 */
final class TileCandidates {
    final int[] hits, shadows, occluders;
    int hitCount, shadowCount, occluderCount;

    TileCandidates(int objects) {
        hits = new int[objects];
        shadows = new int[objects];
        occluders = new int[objects];
    }

    /** True when no object can be seen, cast a shadow or occlude ambient light in the tile. */
    boolean none() {
        return hitCount == 0 && shadowCount == 0 && occluderCount == 0;
    }

    /**
     * Fills the three lists for the tile whose frustum planes are {@code frustum}; {@code indoor}
     * says whether walls and a ceiling can receive shade as well as the floor and the objects.
     */
    void select(Geometry g, Lighting lighting, PinholeCamera camera, double[] frustum, boolean indoor,
                double roomDiagonal) {
        hitCount = shadowCount = occluderCount = 0;
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
            if (shadowMayShow(i, g, lighting, camera, frustum, roomDiagonal)) shadows[shadowCount++] = i;
        }
    }

    private static boolean shadowMayShow(int i, Geometry g, Lighting lighting, PinholeCamera camera, double[] frustum,
                                         double roomDiagonal) {
        double cx = g.cx[i], cy = g.cy[i], cz = g.cz[i], bound = g.bound[i];
        double ux, uy, uz, length, radius;
        if (lighting.keyKind == Lighting.DIRECTIONAL) {
            ux = -lighting.keyX;
            uy = -lighting.keyY;
            uz = -lighting.keyZ;
            // Down to where the shadow of the bounding sphere meets the floor; a light at or below
            // the horizon casts shadows without end (cut at 100 km).
            length = lighting.keyY > 1e-5 ? Math.min((cy + bound) / lighting.keyY, 1e5) : 1e5;
            radius = bound + lighting.keySize * length;
        } else {
            ux = cx - lighting.keyX;
            uy = cy - lighting.keyY;
            uz = cz - lighting.keyZ;
            double d = Math.sqrt(ux * ux + uy * uy + uz * uz);
            double spread = bound + lighting.keySize;
            if (d <= spread) return true;  // the lamp is inside the object's bound
            ux /= d;
            uy /= d;
            uz /= d;
            length = roomDiagonal;
            radius = spread * (d + length) / d;
        }
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
