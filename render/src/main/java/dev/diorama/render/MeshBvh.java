package dev.diorama.render;

import dev.diorama.assets.TriangleMesh;

/**
 * A bounding volume hierarchy over one triangle mesh, in the mesh's own frame, built once and
 * shared by every object that shows the mesh (instancing: an object's transform maps rays into
 * the mesh's frame, so a hundred identical bottles cost one tree).
 *
 * <p>Built top-down with the surface-area heuristic over {@value #BINS} bins per axis (Wald 2007):
 * a split's cost is the area of each side's box times its triangle count, which minimises the
 * expected number of triangles a random ray tests. Leaves hold at most {@value #MAX_LEAF}
 * triangles, or more when no split is cheaper than a leaf. Everything is in flat arrays (node
 * boxes as floats, six per node; triangle corners copied in leaf order, nine floats per
 * triangle), so a million triangles take about 36 MB of corners and 28 MB of nodes, and a traversal
 * allocates nothing. Rays are intersected with Moeller and Trumbore's test. A ray visits the nearer
 * child of a node first (the one on the side its direction comes from along the node's split axis),
 * so the nearest hit found so far lets it skip the farther child's box more often.
 */
final class MeshBvh {
    static final int BINS = 16;
    static final int MAX_LEAF = 4;

    final TriangleMesh mesh;
    /** Per node: min x y z, max x y z. */
    private float[] box;
    /** Per node: leaf: first triangle (in {@link #tri} order); inner: index of the right child. */
    private int[] first;
    /** Per node: triangles in a leaf; 0 for an inner node. */
    private int[] count;
    /** Per inner node: the axis its children were split along (the left child, node + 1, the lower side). */
    private byte[] axis;
    private int nodes;
    /** Triangle ids in leaf order. */
    private final int[] tri;
    /** Corners in leaf order: v0, v1, v2 (x y z each) per triangle. */
    private final float[] corner;

    MeshBvh(TriangleMesh mesh) {
        this.mesh = mesh;
        int n = mesh.triangleCount();
        float[] p = mesh.positions();
        int[] idx = mesh.indices();
        float[] lo = new float[3 * n], hi = new float[3 * n], mid = new float[3 * n];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < 3; a++) {
                float x0 = p[3 * idx[3 * t] + a], x1 = p[3 * idx[3 * t + 1] + a], x2 = p[3 * idx[3 * t + 2] + a];
                lo[3 * t + a] = Math.min(x0, Math.min(x1, x2));
                hi[3 * t + a] = Math.max(x0, Math.max(x1, x2));
                mid[3 * t + a] = (lo[3 * t + a] + hi[3 * t + a]) / 2;
            }
        }
        tri = new int[n];
        for (int i = 0; i < n; i++) tri[i] = i;
        int cap = Math.max(1, 2 * n);
        box = new float[6 * cap];
        first = new int[cap];
        count = new int[cap];
        axis = new byte[cap];
        build(0, n, lo, hi, mid);
        corner = new float[9 * n];
        for (int i = 0; i < n; i++) {
            int t = tri[i];
            for (int c = 0; c < 3; c++) {
                int v = idx[3 * t + c];
                corner[9 * i + 3 * c] = p[3 * v];
                corner[9 * i + 3 * c + 1] = p[3 * v + 1];
                corner[9 * i + 3 * c + 2] = p[3 * v + 2];
            }
        }
    }

    int nodeCount() { return nodes; }

    private MeshLook look;
    private boolean lookMade;

    /** The look of the mesh's own materials (made once), or null when it has none ({@link MeshLook#of}). */
    synchronized MeshLook look() {
        if (!lookMade) {
            look = MeshLook.of(mesh);
            lookMade = true;
        }
        return look;
    }

    /** Builds the node for triangles tri[from..to) and returns its index. */
    private int build(int from, int to, float[] lo, float[] hi, float[] mid) {
        int node = nodes++;
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] c = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = from; i < to; i++) {
            int t = tri[i];
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], lo[3 * t + a]);
                b[a + 3] = Math.max(b[a + 3], hi[3 * t + a]);
                c[a] = Math.min(c[a], mid[3 * t + a]);
                c[a + 3] = Math.max(c[a + 3], mid[3 * t + a]);
            }
        }
        System.arraycopy(b, 0, box, 6 * node, 6);
        int n = to - from;
        if (n <= MAX_LEAF) return leaf(node, from, n);
        // Binned SAH: the cheapest of BINS - 1 planes on each axis, by the centroids.
        int bestAxis = -1, bestPlane = -1;
        double bestCost = n * area(b);  // the cost of a leaf, in the same units
        int[] binCount = new int[BINS];
        float[] binBox = new float[6 * BINS];
        double[] leftArea = new double[BINS], rightArea = new double[BINS];
        int[] leftCount = new int[BINS], rightCount = new int[BINS];
        for (int a = 0; a < 3; a++) {
            float extent = c[a + 3] - c[a];
            if (!(extent > 0)) continue;
            java.util.Arrays.fill(binCount, 0);
            for (int k = 0; k < BINS; k++) {
                for (int q = 0; q < 3; q++) {
                    binBox[6 * k + q] = Float.MAX_VALUE;
                    binBox[6 * k + q + 3] = -Float.MAX_VALUE;
                }
            }
            float scale = BINS / extent;
            for (int i = from; i < to; i++) {
                int t = tri[i];
                int k = Math.min(BINS - 1, (int) ((mid[3 * t + a] - c[a]) * scale));
                binCount[k]++;
                for (int q = 0; q < 3; q++) {
                    binBox[6 * k + q] = Math.min(binBox[6 * k + q], lo[3 * t + q]);
                    binBox[6 * k + q + 3] = Math.max(binBox[6 * k + q + 3], hi[3 * t + q]);
                }
            }
            float[] acc = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            int sum = 0;
            for (int k = 0; k < BINS - 1; k++) {
                grow(acc, binBox, k);
                sum += binCount[k];
                leftArea[k] = sum > 0 ? area(acc) : 0;
                leftCount[k] = sum;
            }
            acc = new float[] {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            sum = 0;
            for (int k = BINS - 1; k > 0; k--) {
                grow(acc, binBox, k);
                sum += binCount[k];
                rightArea[k - 1] = sum > 0 ? area(acc) : 0;
                rightCount[k - 1] = sum;
            }
            for (int k = 0; k < BINS - 1; k++) {
                if (leftCount[k] == 0 || rightCount[k] == 0) continue;
                // One box test's worth of traversal cost, then the triangles on each side.
                double cost = 0.125 * area(b) + leftArea[k] * leftCount[k] + rightArea[k] * rightCount[k];
                if (cost < bestCost) {
                    bestCost = cost;
                    bestAxis = a;
                    bestPlane = k;
                }
            }
        }
        if (bestAxis < 0) {
            if (n <= 64 || c[3] - c[0] + c[4] - c[1] + c[5] - c[2] <= 0) return leaf(node, from, n);
            // No cheaper split but too many for a leaf: halve by the median of the widest axis.
            int a = c[3] - c[0] >= c[4] - c[1] && c[3] - c[0] >= c[5] - c[2] ? 0 : c[4] - c[1] >= c[5] - c[2] ? 1 : 2;
            sortBy(from, to, mid, a);
            axis[node] = (byte) a;
            int half = from + n / 2;
            build(from, half, lo, hi, mid);
            first[node] = build(half, to, lo, hi, mid);
            count[node] = 0;
            return node;
        }
        float scale = BINS / (c[bestAxis + 3] - c[bestAxis]);
        int i = from, j = to - 1;
        while (i <= j) {
            int k = Math.min(BINS - 1, (int) ((mid[3 * tri[i] + bestAxis] - c[bestAxis]) * scale));
            if (k <= bestPlane) i++;
            else {
                int s = tri[i];
                tri[i] = tri[j];
                tri[j--] = s;
            }
        }
        axis[node] = (byte) bestAxis;
        build(from, i, lo, hi, mid);
        first[node] = build(i, to, lo, hi, mid);
        count[node] = 0;
        return node;
    }

    private void sortBy(int from, int to, float[] mid, int a) {
        Integer[] s = new Integer[to - from];
        for (int i = from; i < to; i++) s[i - from] = tri[i];
        java.util.Arrays.sort(s, (x, y) -> Float.compare(mid[3 * x + a], mid[3 * y + a]));
        for (int i = from; i < to; i++) tri[i] = s[i - from];
    }

    private int leaf(int node, int from, int n) {
        first[node] = from;
        count[node] = n;
        return node;
    }

    private static void grow(float[] acc, float[] bins, int k) {
        for (int q = 0; q < 3; q++) {
            acc[q] = Math.min(acc[q], bins[6 * k + q]);
            acc[q + 3] = Math.max(acc[q + 3], bins[6 * k + q + 3]);
        }
    }

    private static double area(float[] b) {
        double x = b[3] - b[0], y = b[4] - b[1], z = b[5] - b[2];
        return x < 0 ? 0 : 2 * (x * y + y * z + z * x);
    }

    /**
     * The nearest triangle along o + t d with tMin < t < tMax (mesh frame). Returns the distance, or
     * NaN on a miss; {@code out} receives the triangle id and the barycentric coordinates (b1, b2)
     * of its second and third corners.
     */
    double intersect(double ox, double oy, double oz, double dx, double dy, double dz, double tMin, double tMax,
                     MeshHit out) {
        double ix = 1 / dx, iy = 1 / dy, iz = 1 / dz;
        int[] stack = out.stack;
        int sp = 0;
        stack[sp++] = 0;
        double best = tMax;
        int bestTri = -1;
        while (sp > 0) {
            int node = stack[--sp];
            int k = 6 * node;
            double t1 = (box[k] - ox) * ix, t2 = (box[k + 3] - ox) * ix;
            double near = Math.min(t1, t2), far = Math.max(t1, t2);
            t1 = (box[k + 1] - oy) * iy;
            t2 = (box[k + 4] - oy) * iy;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
            t1 = (box[k + 2] - oz) * iz;
            t2 = (box[k + 5] - oz) * iz;
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
            if (!(near <= far) || far < tMin || near > best) continue;
            int n = count[node];
            if (n == 0) {
                // The nearer child on top, so that its hits prune the farther one's box test.
                int a = axis[node];
                if ((a == 0 ? dx : a == 1 ? dy : dz) >= 0) {
                    stack[sp++] = first[node];
                    stack[sp++] = node + 1;
                } else {
                    stack[sp++] = node + 1;
                    stack[sp++] = first[node];
                }
                continue;
            }
            for (int i = first[node], end = i + n; i < end; i++) {
                double t = triangle(i, ox, oy, oz, dx, dy, dz, tMin, best, out);
                if (t == t) {   // not NaN: a nearer hit, its barycentrics already in out
                    best = t;
                    bestTri = tri[i];
                }
            }
        }
        if (bestTri < 0) return Double.NaN;
        out.triangle = bestTri;
        return best;
    }

    /**
     * Möller–Trumbore: the distance along the ray to stored triangle i if it lies in (tMin, tMax),
     * its barycentrics then written to out.b1, out.b2; NaN (out untouched) otherwise.
     */
    private double triangle(int i, double ox, double oy, double oz, double dx, double dy, double dz, double tMin,
                            double tMax, MeshHit out) {
        int c = 9 * i;
        double e1x = corner[c + 3] - corner[c], e1y = corner[c + 4] - corner[c + 1], e1z = corner[c + 5] - corner[c + 2];
        double e2x = corner[c + 6] - corner[c], e2y = corner[c + 7] - corner[c + 1], e2z = corner[c + 8] - corner[c + 2];
        double px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        double det = e1x * px + e1y * py + e1z * pz;
        if (Math.abs(det) < 1e-20) return Double.NaN;
        double inv = 1 / det;
        double sx = ox - corner[c], sy = oy - corner[c + 1], sz = oz - corner[c + 2];
        double u = (sx * px + sy * py + sz * pz) * inv;
        if (u < 0 || u > 1) return Double.NaN;
        double qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
        double v = (dx * qx + dy * qy + dz * qz) * inv;
        if (v < 0 || u + v > 1) return Double.NaN;
        double t = (e2x * qx + e2y * qy + e2z * qz) * inv;
        if (!(t > tMin && t < tMax)) return Double.NaN;
        out.b1 = u;
        out.b2 = v;
        return t;
    }

    /** The same query by testing every triangle: the reference the tree is checked against. */
    double intersectBruteForce(double ox, double oy, double oz, double dx, double dy, double dz, double tMin,
                               double tMax, MeshHit out) {
        double best = tMax;
        int bestTri = -1;
        for (int i = 0; i < tri.length; i++) {
            double t = triangle(i, ox, oy, oz, dx, dy, dz, tMin, best, out);
            if (t == t) {
                best = t;
                bestTri = tri[i];
            }
        }
        if (bestTri < 0) return Double.NaN;
        out.triangle = bestTri;
        return best;
    }

    /** Interpolated unit normal (mesh frame) at a hit, into n[0..2]. */
    void normal(MeshHit h, double[] n) {
        float[] nn = mesh.normals();
        int[] idx = mesh.indices();
        int a = 3 * idx[3 * h.triangle], b = 3 * idx[3 * h.triangle + 1], c = 3 * idx[3 * h.triangle + 2];
        double w0 = 1 - h.b1 - h.b2;
        double x = w0 * nn[a] + h.b1 * nn[b] + h.b2 * nn[c];
        double y = w0 * nn[a + 1] + h.b1 * nn[b + 1] + h.b2 * nn[c + 1];
        double z = w0 * nn[a + 2] + h.b1 * nn[b + 2] + h.b2 * nn[c + 2];
        double l = Math.sqrt(x * x + y * y + z * z);
        n[0] = x / l;
        n[1] = y / l;
        n[2] = z / l;
    }

    /** Interpolated texture coordinates at a hit into uv[0..1]; (0, 0) when the mesh has none. */
    void uv(MeshHit h, double[] uv) {
        float[] t = mesh.uvs();
        if (t == null) {
            uv[0] = 0;
            uv[1] = 0;
            return;
        }
        int[] idx = mesh.indices();
        int a = 2 * idx[3 * h.triangle], b = 2 * idx[3 * h.triangle + 1], c = 2 * idx[3 * h.triangle + 2];
        double w0 = 1 - h.b1 - h.b2;
        uv[0] = w0 * t[a] + h.b1 * t[b] + h.b2 * t[c];
        uv[1] = w0 * t[a + 1] + h.b1 * t[b + 1] + h.b2 * t[c + 1];
    }

    /** Scratch of one tracing thread: the traversal stack and the last hit's triangle. */
    static final class MeshHit {
        final int[] stack = new int[256];
        int triangle;
        double b1, b2;
    }
}
