package dev.diorama.assets;

import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Triangle meshes of the built-in shapes, generated from the same solids the simulation collides
 * ({@link Solids}), in object space (the centre of the bounding box at the origin), closed and
 * with outward normals: the picture draws them and the liquids' boundaries are sampled from them.
 *
 * <ul>
 *   <li>compounds of boxes (table, shelf, stairs, tank): six flat faces per box;</li>
 *   <li>wedge and pyramid: their flat faces;</li>
 *   <li>cone and vessels: a lathe, {@value #SEGMENTS} segments around; each edge of the profile
 *       becomes a band whose normals are smooth around the axis, and smooth along the profile
 *       where two edges meet at less than 40 degrees (a bowl's curve), sharp elsewhere (a rim);</li>
 *   <li>a user's model: its file's mesh, fitted to the object's size.</li>
 * </ul>
 */
public final class SolidMeshes {
    public static final int SEGMENTS = 48;

    private SolidMeshes() {}

    /** The mesh of a shape at its size ({@code asset}: a user's model's name, for {@link Shape#MESH}). */
    public static TriangleMesh mesh(Shape shape, Vec3 size, String asset) {
        Builder b = new Builder();
        switch (shape) {
            case CUBE, PLANK, DOMINO, BRICK, TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                for (Solids.Box box : Solids.boxes(shape, size)) b.box(box.centre(), box.half());
            }
            case WEDGE -> {
                List<Vec3> p = Solids.hull(shape, size);  // 0..2 at -z, 3..5 at +z: (-a,-b), (a,-b), (-a,b)
                b.quad(p.get(0), p.get(3), p.get(4), p.get(1));        // bottom
                b.quad(p.get(0), p.get(2), p.get(5), p.get(3));        // back, the vertical face at -x
                b.quad(p.get(1), p.get(4), p.get(5), p.get(2));        // the slope
                b.flat(p.get(0), p.get(1), p.get(2));                  // side at -z
                b.flat(p.get(3), p.get(5), p.get(4));                  // side at +z
            }
            case PYRAMID -> {
                List<Vec3> p = Solids.hull(shape, size);
                b.quad(p.get(0), p.get(1), p.get(2), p.get(3));
                for (int i = 0; i < 4; i++) b.flat(p.get((i + 1) % 4), p.get(i), p.get(4));
            }
            case BOAT -> {
                // Each face of the hull flat, as a fan from its first corner (the faces are convex).
                List<Vec3> p = Solids.hull(shape, size);
                for (int[] f : Solids.faces(shape, size)) {
                    for (int k = 1; k + 1 < f.length; k++) b.flat(p.get(f[0]), p.get(f[k]), p.get(f[k + 1]));
                }
            }
            case CONE -> b.lathe(new double[][] {{0, 0}, {1, 0}, {0, 1}}, size);
            case CYLINDER -> b.lathe(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}, size);
            case BALL -> b.sphere(size.x() / 2);
            case BOWL, CUP, BOTTLE, JUG -> {
                double[][] st = Solids.profile(shape);
                // The wall's outline: up the outside from the axis at the bottom, over the rim, down the inside.
                double[][] outline = new double[2 * st.length][];
                for (int k = 0; k < st.length; k++) {
                    outline[k] = new double[] {st[k][0], st[k][1]};
                    outline[2 * st.length - 1 - k] = new double[] {st[k][2], st[k][3]};
                }
                b.lathe(outline, size);
            }
            case PIN -> {
                // A solid: its outline is the outside alone, from the middle of the base to the top.
                double[][] st = Solids.turned(shape), outline = new double[st.length][];
                for (int k = 0; k < st.length; k++) outline[k] = new double[] {st[k][0], st[k][1]};
                b.lathe(outline, size);
            }
            case MESH -> {
                return MeshAssets.load(asset).mesh().fitted(size.x(), size.y(), size.z());
            }
        }
        return b.build();
    }

    /** Collects vertices with normals and uvs, and triangles. */
    private static final class Builder {
        final List<float[]> v = new ArrayList<>();  // x y z nx ny nz u v
        final List<int[]> t = new ArrayList<>();

        int vertex(double x, double y, double z, double nx, double ny, double nz, double u, double w) {
            v.add(new float[] {(float) x, (float) y, (float) z, (float) nx, (float) ny, (float) nz, (float) u, (float) w});
            return v.size() - 1;
        }

        void flat(Vec3 a, Vec3 b, Vec3 c) {
            Vec3 n = b.minus(a).cross(c.minus(a)).normalized();
            int i = vertex(a.x(), a.y(), a.z(), n.x(), n.y(), n.z(), 0, 0);
            int j = vertex(b.x(), b.y(), b.z(), n.x(), n.y(), n.z(), 1, 0);
            int k = vertex(c.x(), c.y(), c.z(), n.x(), n.y(), n.z(), 0, 1);
            t.add(new int[] {i, j, k});
        }

        /** A planar quad a b c d, counter-clockwise seen from outside. */
        void quad(Vec3 a, Vec3 b, Vec3 c, Vec3 d) {
            Vec3 n = b.minus(a).cross(c.minus(a)).normalized();
            int i = vertex(a.x(), a.y(), a.z(), n.x(), n.y(), n.z(), 0, 0);
            int j = vertex(b.x(), b.y(), b.z(), n.x(), n.y(), n.z(), 1, 0);
            int k = vertex(c.x(), c.y(), c.z(), n.x(), n.y(), n.z(), 1, 1);
            int l = vertex(d.x(), d.y(), d.z(), n.x(), n.y(), n.z(), 0, 1);
            t.add(new int[] {i, j, k});
            t.add(new int[] {i, k, l});
        }

        void box(Vec3 c, Vec3 h) {
            double x0 = c.x() - h.x(), x1 = c.x() + h.x(), y0 = c.y() - h.y(), y1 = c.y() + h.y();
            double z0 = c.z() - h.z(), z1 = c.z() + h.z();
            Vec3[] p = {new Vec3(x0, y0, z0), new Vec3(x1, y0, z0), new Vec3(x1, y1, z0), new Vec3(x0, y1, z0),
                new Vec3(x0, y0, z1), new Vec3(x1, y0, z1), new Vec3(x1, y1, z1), new Vec3(x0, y1, z1)};
            quad(p[0], p[3], p[2], p[1]);  // -z
            quad(p[4], p[5], p[6], p[7]);  // +z
            quad(p[0], p[4], p[7], p[3]);  // -x
            quad(p[1], p[2], p[6], p[5]);  // +x
            quad(p[0], p[1], p[5], p[4]);  // -y
            quad(p[3], p[7], p[6], p[2]);  // +y
        }

        void sphere(double r) {
            int rings = SEGMENTS / 2;
            int[][] id = new int[rings + 1][SEGMENTS + 1];
            for (int i = 0; i <= rings; i++) {
                double th = Math.PI * i / rings;
                for (int j = 0; j <= SEGMENTS; j++) {
                    double ph = 2 * Math.PI * j / SEGMENTS;
                    double nx = Math.sin(th) * Math.cos(ph), ny = -Math.cos(th), nz = -Math.sin(th) * Math.sin(ph);
                    id[i][j] = vertex(r * nx, r * ny, r * nz, nx, ny, nz, (double) j / SEGMENTS, 1 - (double) i / rings);
                }
            }
            for (int i = 0; i < rings; i++) {
                for (int j = 0; j < SEGMENTS; j++) {
                    t.add(new int[] {id[i][j], id[i][j + 1], id[i + 1][j + 1]});
                    t.add(new int[] {id[i][j], id[i + 1][j + 1], id[i + 1][j]});
                }
            }
        }

        /**
         * Revolves an outline about y: points (r, y) in units of the radius and the height from the
         * bottom, in order such that the solid lies to the left walking along it in the (r, y) plane
         * (counter-clockwise), so that the outward side is to the right.
         */
        void lathe(double[][] outline, Vec3 size) {
            double rx = size.x() / 2, rz = size.z() / 2, h = size.y();
            int n = outline.length;
            double total = 0;
            double[] along = new double[n];
            for (int k = 1; k < n; k++) {
                total += Math.hypot((outline[k][0] - outline[k - 1][0]) * rx, (outline[k][1] - outline[k - 1][1]) * h);
                along[k] = total;
            }
            for (int k = 0; k + 1 < n; k++) {
                double[] a = outline[k], b = outline[k + 1];
                double er = (b[0] - a[0]) * rx, ey = (b[1] - a[1]) * h;
                if (er == 0 && ey == 0) continue;
                double[] en = edgeNormal(er, ey);
                double[] na = k > 0 ? smooth(en, outline[k - 1], a, rx, h) : en;
                double[] nb = k + 2 < n ? smooth(en, b, outline[k + 2], rx, h) : en;
                int[] ia = new int[SEGMENTS + 1], ib = new int[SEGMENTS + 1];
                for (int j = 0; j <= SEGMENTS; j++) {
                    double ph = 2 * Math.PI * j / SEGMENTS, c = Math.cos(ph), s = -Math.sin(ph);
                    ia[j] = vertex(a[0] * rx * c, a[1] * h - h / 2, a[0] * rz * s, na[0] * c, na[1], na[0] * s,
                            (double) j / SEGMENTS, along[k] / total);
                    ib[j] = vertex(b[0] * rx * c, b[1] * h - h / 2, b[0] * rz * s, nb[0] * c, nb[1], nb[0] * s,
                            (double) j / SEGMENTS, along[k + 1] / total);
                }
                for (int j = 0; j < SEGMENTS; j++) {
                    if (a[0] > 0) t.add(new int[] {ia[j], ia[j + 1], ib[j + 1]});
                    if (b[0] > 0) t.add(new int[] {ia[j], ib[j + 1], ib[j]});
                }
            }
        }

        /** Outward normal (r, y) of an outline edge walked with the solid on its left. */
        private static double[] edgeNormal(double er, double ey) {
            double l = Math.hypot(er, ey);
            return new double[] {ey / l, -er / l};
        }

        private static double[] smooth(double[] en, double[] p, double[] q, double rx, double h) {
            double er = (q[0] - p[0]) * rx, ey = (q[1] - p[1]) * h;
            if (er == 0 && ey == 0) return en;
            double[] o = edgeNormal(er, ey);
            if (en[0] * o[0] + en[1] * o[1] < Math.cos(Math.toRadians(40))) return en;
            double x = en[0] + o[0], y = en[1] + o[1], l = Math.hypot(x, y);
            return new double[] {x / l, y / l};
        }

        TriangleMesh build() {
            float[] p = new float[3 * v.size()], n = new float[3 * v.size()], uv = new float[2 * v.size()];
            for (int i = 0; i < v.size(); i++) {
                float[] a = v.get(i);
                System.arraycopy(a, 0, p, 3 * i, 3);
                System.arraycopy(a, 3, n, 3 * i, 3);
                System.arraycopy(a, 6, uv, 2 * i, 2);
            }
            int[] idx = new int[3 * t.size()];
            for (int i = 0; i < t.size(); i++) System.arraycopy(t.get(i), 0, idx, 3 * i, 3);
            return new TriangleMesh(p, n, uv, idx, null, List.of(PbrMaterial.DEFAULT));
        }
    }
}
