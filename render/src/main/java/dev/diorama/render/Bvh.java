package dev.diorama.render;

/**
 * A bounding volume hierarchy over the objects, rebuilt every frame from their bounding spheres, so
 * that a ray after a bounce tests the few objects near its path rather than all of them.
 *
 * <p>Nodes are boxes around the bounding spheres of the objects below them, split top-down at the
 * median centre along the widest axis, down to leaves of at most {@value #LEAF_SIZE} objects; the
 * nodes live in flat arrays in depth-first order (a node's left child follows it, the right child's
 * index is stored). Each node also bounds the spheres within which its objects darken ambient light,
 * for the occlusion query. Rebuilding takes microseconds for the at most 200 objects of a scene,
 * far less than keeping a tree valid as objects tumble.
 *
 * <p>Below {@value #LINEAR_LIMIT} objects a plain loop is faster than any tree, and the queries just
 * loop. Each query visits the leaves in a fixed order, so results never depend on the thread.
 */
final class Bvh {
    static final int LEAF_SIZE = 4;
    /** Scenes with at most this many objects are searched by a plain loop. */
    static final int LINEAR_LIMIT = 8;

    private final Geometry g;
    /** Object indices; a leaf owns the range [first, first + count). */
    private final int[] order;
    /** Per node: bounds of the bounding spheres and of the occlusion spheres (x, y, z each). */
    private final double[] lo, hi, reachLo, reachHi;
    /** Per node: a leaf's first index into order, or an inner node's right child. */
    private final int[] first;
    /** Per node: objects in a leaf, 0 for an inner node. */
    private final int[] count;
    /** Per inner node: the axis it was split along (its left child holds the lower half). */
    private final byte[] axis;
    private int nodes;
    /** Centre and radius of a sphere around every object (the root's box). */
    private double sceneX, sceneY, sceneZ, sceneRadius;

    Bvh(Geometry geometry) {
        g = geometry;
        int n = Math.max(1, geometry.count);
        order = new int[n];
        int maxNodes = 2 * n;
        lo = new double[3 * maxNodes];
        hi = new double[3 * maxNodes];
        reachLo = new double[3 * maxNodes];
        reachHi = new double[3 * maxNodes];
        first = new int[maxNodes];
        count = new int[maxNodes];
        axis = new byte[maxNodes];
    }

    /** True when the scene is small enough to loop over instead. */
    boolean linear() { return g.count <= LINEAR_LIMIT; }

    /** Rebuilds the tree around the objects' current poses. */
    void rebuild() {
        if (linear()) return;
        for (int i = 0; i < g.count; i++) order[i] = i;
        nodes = 0;
        build(0, g.count);
        sceneX = (lo[0] + hi[0]) / 2;
        sceneY = (lo[1] + hi[1]) / 2;
        sceneZ = (lo[2] + hi[2]) / 2;
        double ex = hi[0] - lo[0], ey = hi[1] - lo[1], ez = hi[2] - lo[2];
        sceneRadius = Math.sqrt(ex * ex + ey * ey + ez * ez) / 2;
    }

    private int build(int from, int to) {
        int node = nodes++;
        double cLoX = Double.POSITIVE_INFINITY, cLoY = cLoX, cLoZ = cLoX, cHiX = -cLoX, cHiY = -cLoX, cHiZ = -cLoX;
        int b = 3 * node;
        lo[b] = lo[b + 1] = lo[b + 2] = reachLo[b] = reachLo[b + 1] = reachLo[b + 2] = Double.POSITIVE_INFINITY;
        hi[b] = hi[b + 1] = hi[b + 2] = reachHi[b] = reachHi[b + 1] = reachHi[b + 2] = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            int i = order[k];
            double x = g.cx[i], y = g.cy[i], z = g.cz[i], r = g.bound[i];
            double reach = Geometry.OCCLUSION_REACH * g.occluderRadius[i];
            grow(lo, hi, b, x, y, z, r);
            grow(reachLo, reachHi, b, x, y, z, reach);
            cLoX = Math.min(cLoX, x);
            cLoY = Math.min(cLoY, y);
            cLoZ = Math.min(cLoZ, z);
            cHiX = Math.max(cHiX, x);
            cHiY = Math.max(cHiY, y);
            cHiZ = Math.max(cHiZ, z);
        }
        if (to - from <= LEAF_SIZE) {
            first[node] = from;
            count[node] = to - from;
            return node;
        }
        double ex = cHiX - cLoX, ey = cHiY - cLoY, ez = cHiZ - cLoZ;
        int split = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
        int mid = (from + to) >>> 1;
        select(from, to, mid, split);
        count[node] = 0;
        axis[node] = (byte) split;
        build(from, mid);
        first[node] = build(mid, to);
        return node;
    }

    private static void grow(double[] lo, double[] hi, int b, double x, double y, double z, double r) {
        lo[b] = Math.min(lo[b], x - r);
        lo[b + 1] = Math.min(lo[b + 1], y - r);
        lo[b + 2] = Math.min(lo[b + 2], z - r);
        hi[b] = Math.max(hi[b], x + r);
        hi[b + 1] = Math.max(hi[b + 1], y + r);
        hi[b + 2] = Math.max(hi[b + 2], z + r);
    }

    private double key(int i, int axis) {
        return axis == 0 ? g.cx[i] : axis == 1 ? g.cy[i] : g.cz[i];
    }

    /** Quickselect: order[from..to) partitioned so that order[k] holds the k-th smallest key. */
    private void select(int from, int to, int k, int axis) {
        int left = from, right = to - 1;
        while (left < right) {
            double pivot = key(order[(left + right) >>> 1], axis);
            int i = left, j = right;
            while (i <= j) {
                while (key(order[i], axis) < pivot) i++;
                while (key(order[j], axis) > pivot) j--;
                if (i <= j) {
                    int t = order[i];
                    order[i++] = order[j];
                    order[j--] = t;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    /** Does the ray o + t d, t in [0, tMax], meet node's box grown by margin? (inverse direction given) */
    private boolean slab(double[] lo, double[] hi, int node, double margin, double ox, double oy, double oz,
                         double ix, double iy, double iz, double tMax) {
        int b = 3 * node;
        double t1 = (lo[b] - margin - ox) * ix, t2 = (hi[b] + margin - ox) * ix;
        double near = Math.min(t1, t2), far = Math.max(t1, t2);
        t1 = (lo[b + 1] - margin - oy) * iy;
        t2 = (hi[b + 1] + margin - oy) * iy;
        near = Math.max(near, Math.min(t1, t2));
        far = Math.min(far, Math.max(t1, t2));
        t1 = (lo[b + 2] - margin - oz) * iz;
        t2 = (hi[b + 2] + margin - oz) * iz;
        near = Math.max(near, Math.min(t1, t2));
        far = Math.min(far, Math.max(t1, t2));
        return near <= far && far >= 0 && near <= tMax;
    }

    /** 1 / d, with zero components nudged so that no 0 * infinity can make a NaN. */
    private static double inverse(double d) {
        return 1 / (d == 0 ? 1e-300 : d);
    }

    /** As {@link Geometry#intersect} over every object. */
    void intersect(double ox, double oy, double oz, double dx, double dy, double dz, int skip, Hit hit, int[] stack) {
        if (linear()) {
            g.intersect(ox, oy, oz, dx, dy, dz, null, 0, g.count, skip, hit);
            return;
        }
        double ix = inverse(dx), iy = inverse(dy), iz = inverse(dz);
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (!slab(lo, hi, node, 0, ox, oy, oz, ix, iy, iz, hit.t)) continue;
            if (count[node] > 0) {
                g.intersect(ox, oy, oz, dx, dy, dz, order, first[node], first[node] + count[node], skip, hit);
            } else {
                // Nearer child first, so that the nearest hit so far prunes the farther one.
                int a = axis[node];
                boolean lowerFirst = (a == 0 ? dx : a == 1 ? dy : dz) >= 0;
                stack[sp++] = lowerFirst ? first[node] : node + 1;
                stack[sp++] = lowerFirst ? node + 1 : first[node];
            }
        }
    }

    /** As {@link Geometry#visibility} over every object. */
    double visibility(double px, double py, double pz, double lx, double ly, double lz, double distance,
                      double tanRadius, int skip, int[] stack) {
        if (linear()) return g.visibility(px, py, pz, lx, ly, lz, distance, tanRadius, null, 0, g.count, skip);
        // No occluder lies further along the ray than the far side of the scene: the penumbra there
        // is at most tanRadius times that far, which grows every box.
        double ex = px - sceneX, ey = py - sceneY, ez = pz - sceneZ;
        double reach = Math.min(distance, Math.sqrt(ex * ex + ey * ey + ez * ez) + sceneRadius);
        double margin = tanRadius * reach;
        double ix = inverse(lx), iy = inverse(ly), iz = inverse(lz);
        double v = 1;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (!slab(lo, hi, node, margin, px, py, pz, ix, iy, iz, reach)) continue;
            if (count[node] > 0) {
                v *= g.visibility(px, py, pz, lx, ly, lz, distance, tanRadius, order, first[node],
                        first[node] + count[node], skip);
                if (v <= 0) return 0;
            } else {
                stack[sp++] = first[node];
                stack[sp++] = node + 1;
            }
        }
        return v;
    }

    /** As {@link Geometry#transmittance} over every object. */
    double transmittance(double ox, double oy, double oz, double dx, double dy, double dz, double distance,
                         int skipA, int skipB, int[] stack) {
        if (linear()) return g.transmittance(ox, oy, oz, dx, dy, dz, distance, null, 0, g.count, skipA, skipB);
        double ix = inverse(dx), iy = inverse(dy), iz = inverse(dz);
        double v = 1;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (!slab(lo, hi, node, 0, ox, oy, oz, ix, iy, iz, distance)) continue;
            if (count[node] > 0) {
                v *= g.transmittance(ox, oy, oz, dx, dy, dz, distance, order, first[node], first[node] + count[node],
                        skipA, skipB);
                if (v <= 0) return 0;
            } else {
                stack[sp++] = first[node];
                stack[sp++] = node + 1;
            }
        }
        return v;
    }

    /** As {@link Geometry#ambientVisibility} over every object. */
    double ambientVisibility(double px, double py, double pz, double nx, double ny, double nz, int skip, int[] stack) {
        if (linear()) return g.ambientVisibility(px, py, pz, nx, ny, nz, null, 0, g.count, skip);
        double v = 1;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            int b = 3 * node;
            if (px < reachLo[b] || px > reachHi[b] || py < reachLo[b + 1] || py > reachHi[b + 1]
                    || pz < reachLo[b + 2] || pz > reachHi[b + 2]) {
                continue;
            }
            if (count[node] > 0) {
                v *= g.ambientVisibility(px, py, pz, nx, ny, nz, order, first[node], first[node] + count[node], skip);
            } else {
                stack[sp++] = first[node];
                stack[sp++] = node + 1;
            }
        }
        return v;
    }

    /** Deepest stack a traversal can need. */
    static int stackSize(int objects) {
        return 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, objects))) + 8;
    }
}
