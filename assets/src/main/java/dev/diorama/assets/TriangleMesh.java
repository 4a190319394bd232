package dev.diorama.assets;

import java.util.List;

/**
 * An indexed triangle mesh in structure-of-arrays form: one float array per vertex attribute and
 * one int array of corners, so a million triangles take about 50 MB and no object per vertex.
 * Shared, never modified after construction: the accessors hand out the arrays themselves (no
 * copies, for meshes of millions of triangles), and callers must not write into them.
 *
 * <p>Triangles are counter-clockwise seen from outside. Normals are per vertex, unit length; a
 * file without them gets smooth ones (each vertex the area-weighted mean of its triangles'
 * normals). Texture coordinates are glTF's: (0, 0) at the image's top-left.
 */
public final class TriangleMesh {
    private final float[] positions;
    private final float[] normals;
    private final float[] uvs;
    private final int[] indices;
    private final int[] triangleMaterial;
    private final List<PbrMaterial> materials;

    /**
     * @param positions        x y z per vertex
     * @param normals          x y z per vertex, or null for smooth normals computed here
     * @param uvs              u v per vertex, or null
     * @param indices          three vertex indices per triangle
     * @param triangleMaterial index into {@code materials} per triangle, or null: all use the first
     * @param materials        at least one
     */
    public TriangleMesh(float[] positions, float[] normals, float[] uvs, int[] indices, int[] triangleMaterial,
                        List<PbrMaterial> materials) {
        if (positions == null || positions.length % 3 != 0) throw new IllegalArgumentException("positions: x y z per vertex");
        int n = positions.length / 3;
        if (indices == null || indices.length % 3 != 0 || indices.length == 0) {
            throw new IllegalArgumentException("indices: three per triangle, at least one triangle");
        }
        for (int i : indices) if (i < 0 || i >= n) throw new IllegalArgumentException("vertex index " + i + " outside [0, " + n + ")");
        for (float f : positions) if (!Float.isFinite(f)) throw new IllegalArgumentException("positions must be finite");
        if (normals != null && normals.length != positions.length) throw new IllegalArgumentException("normals: x y z per vertex");
        if (uvs != null && uvs.length != 2 * n) throw new IllegalArgumentException("uvs: u v per vertex");
        if (materials == null || materials.isEmpty()) materials = List.of(PbrMaterial.DEFAULT);
        if (triangleMaterial != null) {
            if (triangleMaterial.length != indices.length / 3) throw new IllegalArgumentException("one material per triangle");
            for (int m : triangleMaterial) if (m < 0 || m >= materials.size()) throw new IllegalArgumentException("material " + m);
        }
        this.positions = positions;
        this.indices = indices;
        this.uvs = uvs;
        this.triangleMaterial = triangleMaterial;
        this.materials = List.copyOf(materials);
        this.normals = normals != null ? unit(normals) : smoothNormals(positions, indices);
    }

    public float[] positions() { return positions; }
    public float[] normals() { return normals; }
    /** u v per vertex, or null when the file has none. */
    public float[] uvs() { return uvs; }
    public int[] indices() { return indices; }
    /** Material index per triangle, or null when every triangle uses {@code materials().get(0)}. */
    public int[] triangleMaterial() { return triangleMaterial; }
    public List<PbrMaterial> materials() { return materials; }
    public int vertexCount() { return positions.length / 3; }
    public int triangleCount() { return indices.length / 3; }

    /** The bounding box: min x, y, z then max x, y, z. */
    public float[] bounds() {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < positions.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], positions[i + a]);
                b[a + 3] = Math.max(b[a + 3], positions[i + a]);
            }
        }
        return b;
    }

    /**
     * The mesh scaled along each axis and moved so that its bounding box is {@code sx} by {@code sy}
     * by {@code sz} metres centred on the origin: how a scene's {@code size} sizes a model. A flat
     * model (zero extent along an axis) keeps zero there. Normals follow the inverse transpose.
     */
    public TriangleMesh fitted(double sx, double sy, double sz) {
        float[] b = bounds();
        double[] size = {sx, sy, sz};
        double[] scale = new double[3], mid = new double[3];
        for (int a = 0; a < 3; a++) {
            double ext = b[a + 3] - b[a];
            scale[a] = ext > 0 ? size[a] / ext : 1;
            mid[a] = (b[a] + b[a + 3]) / 2.0;
        }
        float[] p = new float[positions.length], nn = new float[normals.length];
        for (int i = 0; i < positions.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                p[i + a] = (float) ((positions[i + a] - mid[a]) * scale[a]);
                nn[i + a] = (float) (normals[i + a] / scale[a]);
            }
        }
        return new TriangleMesh(p, nn, uvs, indices, triangleMaterial, materials);
    }

    /** The convex hull of the vertices. */
    public ConvexHull hull() { return ConvexHull.of(positions); }

    private static float[] unit(float[] n) {
        float[] out = n.clone();
        for (int i = 0; i < out.length; i += 3) {
            double l = Math.sqrt(out[i] * out[i] + out[i + 1] * out[i + 1] + out[i + 2] * out[i + 2]);
            if (l > 0 && Double.isFinite(l)) {
                out[i] /= (float) l;
                out[i + 1] /= (float) l;
                out[i + 2] /= (float) l;
            } else {
                out[i] = 0;
                out[i + 1] = 1;
                out[i + 2] = 0;
            }
        }
        return out;
    }

    /** Area-weighted vertex normals: the cross product of two edges is twice the area times the normal. */
    static float[] smoothNormals(float[] p, int[] idx) {
        float[] n = new float[p.length];
        for (int t = 0; t < idx.length; t += 3) {
            int a = 3 * idx[t], b = 3 * idx[t + 1], c = 3 * idx[t + 2];
            float e1x = p[b] - p[a], e1y = p[b + 1] - p[a + 1], e1z = p[b + 2] - p[a + 2];
            float e2x = p[c] - p[a], e2y = p[c + 1] - p[a + 1], e2z = p[c + 2] - p[a + 2];
            float nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
            for (int v : new int[] {a, b, c}) {
                n[v] += nx;
                n[v + 1] += ny;
                n[v + 2] += nz;
            }
        }
        return unit(n);
    }
}
