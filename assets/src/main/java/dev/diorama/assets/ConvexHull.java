package dev.diorama.assets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The convex hull of a point cloud (incremental construction): its vertices, outward triangles and
 * volume. A mesh's hull is its collision shape and, times the density, its mass.
 *
 * <p>Big clouds are first reduced to their extreme points along {@value #DIRECTIONS} directions
 * spread evenly over the sphere (a Fibonacci lattice): every one of those is a vertex of the true
 * hull, so the hull built from them lies inside the true one and approaches it as directions are
 * added (for a sphere of 1000 directions the volume falls short by well under 1 %). Clouds of at
 * most that many points are used whole, and the hull is exact.
 */
public final class ConvexHull {
    static final int DIRECTIONS = 1024;

    private final float[] vertices;
    private final int[] triangles;
    private final double volume;
    private final double[] centroid;

    private ConvexHull(float[] vertices, int[] triangles, double volume, double[] centroid) {
        this.vertices = vertices;
        this.triangles = triangles;
        this.volume = volume;
        this.centroid = centroid;
    }

    /** The centroid of the solid hull (its centre of mass at uniform density): x, y, z. */
    public double[] centroid() { return centroid.clone(); }

    /** Hull vertices, x y z per vertex. */
    public float[] vertices() { return vertices.clone(); }

    /** Hull faces, three vertex indices each, counter-clockwise seen from outside. */
    public int[] triangles() { return triangles.clone(); }

    /** Enclosed volume in the cloud's units cubed. */
    public double volume() { return volume; }

    /** The hull of {@code xyz} (x y z per point); throws when the points span no volume. */
    public static ConvexHull of(float[] xyz) {
        int n = xyz.length / 3;
        double[][] p = n <= DIRECTIONS ? all(xyz) : extremes(xyz);
        return build(p);
    }

    private static double[][] all(float[] xyz) {
        double[][] p = new double[xyz.length / 3][];
        for (int i = 0; i < p.length; i++) p[i] = new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
        return p;
    }

    private static double[][] extremes(float[] xyz) {
        int n = xyz.length / 3;
        double golden = Math.PI * (3 - Math.sqrt(5));
        boolean[] taken = new boolean[n];
        List<double[]> out = new ArrayList<>();
        for (int d = 0; d < DIRECTIONS; d++) {
            double y = 1 - 2 * (d + 0.5) / DIRECTIONS, r = Math.sqrt(1 - y * y), phi = d * golden;
            double dx = r * Math.cos(phi), dz = r * Math.sin(phi);
            int best = 0;
            double bestDot = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double dot = xyz[3 * i] * dx + xyz[3 * i + 1] * y + xyz[3 * i + 2] * dz;
                if (dot > bestDot) { bestDot = dot; best = i; }
            }
            if (!taken[best]) {
                taken[best] = true;
                out.add(new double[] {xyz[3 * best], xyz[3 * best + 1], xyz[3 * best + 2]});
            }
        }
        return out.toArray(new double[0][]);
    }

    private static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static ConvexHull build(double[][] p) {
        int n = p.length;
        if (n < 4) throw new IllegalArgumentException("a solid needs at least 4 points, found " + n);
        double scale = 0;
        for (double[] q : p) scale = Math.max(scale, Math.max(Math.abs(q[0]), Math.max(Math.abs(q[1]), Math.abs(q[2]))));
        double eps = 1e-9 * Math.max(scale, 1e-30);
        // A first tetrahedron of four points far apart and not coplanar.
        int i0 = 0, i1 = -1, i2 = -1, i3 = -1;
        double best = 0;
        for (int i = 1; i < n; i++) {
            double d = dot(sub(p[i], p[i0]), sub(p[i], p[i0]));
            if (d > best) { best = d; i1 = i; }
        }
        if (i1 < 0 || best <= eps * eps) throw new IllegalArgumentException("the points all coincide");
        best = 0;
        double[] e = sub(p[i1], p[i0]);
        for (int i = 0; i < n; i++) {
            double[] c = cross(e, sub(p[i], p[i0]));
            double d = dot(c, c);
            if (d > best) { best = d; i2 = i; }
        }
        if (i2 < 0 || Math.sqrt(best) <= eps * Math.sqrt(dot(e, e))) throw new IllegalArgumentException("the points lie on a line");
        double[] nrm = cross(e, sub(p[i2], p[i0]));
        best = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(dot(nrm, sub(p[i], p[i0])));
            if (d > best) { best = d; i3 = i; }
        }
        if (i3 < 0 || best <= eps * Math.sqrt(dot(nrm, nrm))) throw new IllegalArgumentException("the points lie in a plane");
        List<int[]> faces = new ArrayList<>();
        if (dot(nrm, sub(p[i3], p[i0])) > 0) {
            faces.add(new int[] {i0, i2, i1});
            faces.add(new int[] {i0, i1, i3});
            faces.add(new int[] {i1, i2, i3});
            faces.add(new int[] {i2, i0, i3});
        } else {
            faces.add(new int[] {i0, i1, i2});
            faces.add(new int[] {i0, i3, i1});
            faces.add(new int[] {i1, i3, i2});
            faces.add(new int[] {i2, i3, i0});
        }
        for (int k = 0; k < n; k++) {
            if (k == i0 || k == i1 || k == i2 || k == i3) continue;
            List<int[]> visible = new ArrayList<>(), kept = new ArrayList<>();
            for (int[] f : faces) {
                double[] fn = cross(sub(p[f[1]], p[f[0]]), sub(p[f[2]], p[f[0]]));
                double len = Math.sqrt(dot(fn, fn));
                if (dot(fn, sub(p[k], p[f[0]])) > eps * len) visible.add(f); else kept.add(f);
            }
            if (visible.isEmpty()) continue;
            // Horizon: directed edges of visible faces whose reverse is not on a visible face.
            Map<Long, Boolean> visibleEdges = new HashMap<>();
            for (int[] f : visible) for (int j = 0; j < 3; j++) visibleEdges.put(edge(f[j], f[(j + 1) % 3]), true);
            for (int[] f : visible) {
                for (int j = 0; j < 3; j++) {
                    int a = f[j], b = f[(j + 1) % 3];
                    if (!visibleEdges.containsKey(edge(b, a))) kept.add(new int[] {a, b, k});
                }
            }
            faces = kept;
        }
        // Compact the vertices used by faces.
        int[] map = new int[n];
        java.util.Arrays.fill(map, -1);
        List<double[]> verts = new ArrayList<>();
        int[] tris = new int[3 * faces.size()];
        double vol = 0;
        double[] o = p[i0], m = new double[3];
        for (int f = 0; f < faces.size(); f++) {
            int[] t = faces.get(f);
            for (int j = 0; j < 3; j++) {
                if (map[t[j]] < 0) { map[t[j]] = verts.size(); verts.add(p[t[j]]); }
                tris[3 * f + j] = map[t[j]];
            }
            // The hull is a fan of tetrahedra (o, face); each weighs its volume at its centroid.
            double tv = dot(sub(p[t[0]], o), cross(sub(p[t[1]], o), sub(p[t[2]], o))) / 6;
            vol += tv;
            for (int a = 0; a < 3; a++) m[a] += tv * (o[a] + p[t[0]][a] + p[t[1]][a] + p[t[2]][a]) / 4;
        }
        for (int a = 0; a < 3; a++) m[a] /= vol;
        float[] v = new float[3 * verts.size()];
        for (int i = 0; i < verts.size(); i++) for (int j = 0; j < 3; j++) v[3 * i + j] = (float) verts.get(i)[j];
        return new ConvexHull(v, tris, vol, m);
    }

    private static long edge(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }
}
