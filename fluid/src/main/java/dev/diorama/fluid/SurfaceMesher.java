package dev.diorama.fluid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The liquid's surface: marching cubes over a smoothed "colour" field
 * phi(x) = sum_j V W(x - x_j) (1 inside the liquid, 0 outside; the same kernel and particle
 * volume as the solver), cut at phi = 1/2, which lies half a spacing outside the outermost
 * particles, where the liquid's edge is.
 *
 * <p>The grid is fixed in the world (nodes at integer multiples of the cell size), so a particle
 * that does not move yields the same triangles in every frame, and a surface moves continuously
 * with the particles (no popping). Vertices are shared between neighbouring cubes (one per crossed
 * grid edge), numbered in grid order, so the mesh is watertight, indexed and deterministic.
 * Normals are the normalised negative gradient of phi (central differences on the grid,
 * interpolated like the vertices), so they are smooth across triangles.
 *
 * <p>The cube cases are derived at class load, not typed in: on each cube face the crossing
 * points are joined as in marching squares (a face with two diagonal inside corners separates
 * them, a rule that depends on the face alone, so both cubes sharing it agree), the segments are
 * chained into closed loops, each loop is oriented so its normal points from inside to outside
 * corners, and fanned into triangles.
 */
public final class SurfaceMesher {
    /** An indexed triangle mesh: x, y, z per vertex; unit normals per vertex; three indices per triangle (counter-clockwise seen from outside). */
    public record Mesh(float[] vertices, float[] normals, int[] triangles) {
        public int vertexCount() { return vertices.length / 3; }
        public int triangleCount() { return triangles.length / 3; }

        /** Enclosed volume by the divergence theorem, m^3 (exact for a closed mesh). */
        public double volume() {
            double v = 0;
            for (int t = 0; t < triangles.length; t += 3) {
                int a = 3 * triangles[t], b = 3 * triangles[t + 1], c = 3 * triangles[t + 2];
                double ax = vertices[a], ay = vertices[a + 1], az = vertices[a + 2];
                double bx = vertices[b], by = vertices[b + 1], bz = vertices[b + 2];
                double cx = vertices[c], cy = vertices[c + 1], cz = vertices[c + 2];
                v += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
            }
            return v / 6;
        }
    }

    // corner k of a cube: x = k & 1, y = (k >> 1) & 1, z = (k >> 2) & 1
    private static final int[][] EDGES = new int[12][2];
    /** TRIANGLES[case] = edge indices, three per triangle. */
    private static final int[][] TRIANGLES = new int[256][];

    static {
        int e = 0;
        for (int a = 0; a < 8; a++)
            for (int bit = 1; bit < 8; bit <<= 1)
                if ((a & bit) == 0) { EDGES[e][0] = a; EDGES[e][1] = a | bit; e++; }
        for (int c = 0; c < 256; c++) TRIANGLES[c] = triangulate(c);
    }

    private static int edgeOf(int a, int b) {
        for (int e = 0; e < 12; e++)
            if ((EDGES[e][0] == a && EDGES[e][1] == b) || (EDGES[e][0] == b && EDGES[e][1] == a)) return e;
        throw new IllegalStateException();
    }

    private static double[] corner(int k) {
        return new double[] {k & 1, (k >> 1) & 1, (k >> 2) & 1};
    }

    private static int[] triangulate(int inside) {
        // faces as 4 corners in cyclic order
        int[][] faces = {{0, 2, 6, 4}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 5, 7, 6}};
        List<int[]> segments = new ArrayList<>();
        for (int[] f : faces) {
            boolean[] in = new boolean[4];
            for (int k = 0; k < 4; k++) in[k] = ((inside >> f[k]) & 1) != 0;
            int count = 0;
            for (boolean b : in) if (b) count++;
            if (count == 0 || count == 4) continue;
            if (count == 2 && in[0] == in[2]) {
                // diagonal: cut off each inside corner
                for (int k = 0; k < 4; k++) {
                    if (!in[k]) continue;
                    segments.add(new int[] {edgeOf(f[k], f[(k + 3) % 4]), edgeOf(f[k], f[(k + 1) % 4])});
                }
                continue;
            }
            // one segment: the two crossed edges of this face
            int[] crossed = new int[2];
            int m = 0;
            for (int k = 0; k < 4; k++) if (in[k] != in[(k + 1) % 4]) crossed[m++] = edgeOf(f[k], f[(k + 1) % 4]);
            segments.add(crossed);
        }
        List<Integer> tris = new ArrayList<>();
        boolean[] used = new boolean[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            if (used[s]) continue;
            List<Integer> loop = new ArrayList<>();
            used[s] = true;
            loop.add(segments.get(s)[0]);
            int current = segments.get(s)[1];
            while (current != loop.get(0)) {
                loop.add(current);
                int next = -1;
                for (int t = 0; t < segments.size(); t++) {
                    if (used[t]) continue;
                    int[] g = segments.get(t);
                    if (g[0] == current) { next = g[1]; used[t] = true; break; }
                    if (g[1] == current) { next = g[0]; used[t] = true; break; }
                }
                if (next < 0) throw new IllegalStateException("open loop in case " + inside);
                current = next;
            }
            // orient: Newell normal (edge midpoints) against the inside-to-outside directions
            double nx = 0, ny = 0, nz = 0, dx = 0, dy = 0, dz = 0;
            for (int k = 0; k < loop.size(); k++) {
                double[] p = mid(loop.get(k)), q = mid(loop.get((k + 1) % loop.size()));
                nx += (p[1] - q[1]) * (p[2] + q[2]);
                ny += (p[2] - q[2]) * (p[0] + q[0]);
                nz += (p[0] - q[0]) * (p[1] + q[1]);
                int a = EDGES[loop.get(k)][0], b = EDGES[loop.get(k)][1];
                int in = ((inside >> a) & 1) != 0 ? a : b, out = in == a ? b : a;
                double[] ci = corner(in), co = corner(out);
                dx += co[0] - ci[0]; dy += co[1] - ci[1]; dz += co[2] - ci[2];
            }
            if (nx * dx + ny * dy + nz * dz < 0) java.util.Collections.reverse(loop);
            for (int k = 1; k + 1 < loop.size(); k++) {
                tris.add(loop.get(0));
                tris.add(loop.get(k));
                tris.add(loop.get(k + 1));
            }
        }
        return tris.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] mid(int e) {
        double[] a = corner(EDGES[e][0]), b = corner(EDGES[e][1]);
        return new double[] {0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1]), 0.5 * (a[2] + b[2])};
    }

    private final double cellSize;
    private final CubicKernel kernel;
    private final double volume;
    private final Parallel parallel;

    /**
     * @param cellSize       grid spacing, metres (half the particle spacing resolves the surface well)
     * @param kernel         the smoothing kernel
     * @param particleVolume V, m^3
     * @param threads        worker threads for the field (the mesh does not depend on it)
     */
    public SurfaceMesher(double cellSize, CubicKernel kernel, double particleVolume, int threads) {
        this.cellSize = cellSize;
        this.kernel = kernel;
        this.volume = particleVolume;
        this.parallel = new Parallel(threads);
    }

    /**
     * For particles of spacing {@code d} as a {@link FluidSolver} makes them (kernel support 2d,
     * volume 1 / sum W over a cubic lattice), without the solver: the picture's side of a liquid
     * whose particles were stored.
     */
    public static SurfaceMesher forSpacing(double d, int threads) {
        CubicKernel kernel = new CubicKernel(2 * d);
        return new SurfaceMesher(0.5 * d, kernel, kernel.latticeVolume(d), threads);
    }

    /** For a solver: cells of half its spacing, its kernel and particle volume. */
    public static SurfaceMesher forSolver(FluidSolver s, int threads) {
        return new SurfaceMesher(0.5 * s.spacing(), s.kernel(), s.particleVolume(), threads);
    }

    /** The surface of particles at {@code xyz} (x, y, z per particle). */
    public Mesh mesh(double[] xyz) {
        if (xyz.length == 0) return new Mesh(new float[0], new float[0], new int[0]);
        Field f = field(xyz);
        return withDrops(march(f.phi, f.nx, f.ny, f.nz, f.ox, f.oy, f.oz), xyz, f);
    }

    /**
     * The mesh and a drop for each particle the iso-surface does not enclose: one whose field at
     * its own place (interpolated on the field's grid: one pass over the particles, no second
     * neighbour search) is under the iso-level. A lone particle's is V W(0) = 1/pi of a lattice's (the
     * kernel's support is two spacings), two or three in a row stay under 1/2 too, so a falling
     * raindrop or a fleck of spray would not be drawn at all. Each gets a closed sphere of the
     * particle's volume about it (a 6 x 8 UV sphere, radius 0.62 d), appended to the mesh.
     */
    private Mesh withDrops(Mesh surface, double[] xyz, Field f) {
        int n = xyz.length / 3;
        List<Integer> lone = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // the field at the particle, trilinear between the grid's nodes (the particle lies at
            // least a support radius inside the grid)
            double u = (xyz[3 * i] - f.ox) / cellSize, w = (xyz[3 * i + 1] - f.oy) / cellSize, t = (xyz[3 * i + 2] - f.oz) / cellSize;
            int a = (int) u, b = (int) w, c = (int) t;
            u -= a;
            w -= b;
            t -= c;
            double phi = 0;
            for (int q = 0; q < 8; q++) {
                phi += f.phi[((a + (q & 1)) * f.ny + b + ((q >> 1) & 1)) * f.nz + c + ((q >> 2) & 1)]
                        * ((q & 1) != 0 ? u : 1 - u) * (((q >> 1) & 1) != 0 ? w : 1 - w) * (((q >> 2) & 1) != 0 ? t : 1 - t);
            }
            if (phi <= ISO) lone.add(i);
        }
        if (lone.isEmpty()) return surface;
        float[] unit = SPHERE_VERTICES;
        int per = unit.length / 3;
        double r = Math.cbrt(volume / SPHERE_VOLUME);
        float[] v = Arrays.copyOf(surface.vertices(), surface.vertices().length + lone.size() * unit.length);
        float[] nrm = Arrays.copyOf(surface.normals(), surface.normals().length + lone.size() * unit.length);
        int[] t = Arrays.copyOf(surface.triangles(), surface.triangles().length + lone.size() * SPHERE_TRIANGLES.length);
        int vo = surface.vertices().length, to = surface.triangles().length, base = surface.vertexCount();
        for (int i : lone) {
            for (int q = 0; q < unit.length; q++) {
                v[vo + q] = (float) (xyz[3 * i + q % 3] + r * unit[q]);
                nrm[vo + q] = unit[q];
            }
            for (int q = 0; q < SPHERE_TRIANGLES.length; q++) t[to + q] = base + SPHERE_TRIANGLES[q];
            vo += unit.length;
            to += SPHERE_TRIANGLES.length;
            base += per;
        }
        return new Mesh(v, nrm, t);
    }

    /** A unit UV sphere, 6 stacks by 8 slices: vertices (x, y, z, which are also its normals) and triangles, CCW from outside. */
    private static final float[] SPHERE_VERTICES;
    private static final int[] SPHERE_TRIANGLES;
    /** The volume the unit sphere's polyhedron encloses (a little under 4 pi / 3). */
    private static final double SPHERE_VOLUME;

    static {
        int stacks = 6, slices = 8;
        List<float[]> vs = new ArrayList<>();
        vs.add(new float[] {0, 1, 0});
        for (int i = 1; i < stacks; i++) {
            double th = Math.PI * i / stacks;
            for (int j = 0; j < slices; j++) {
                double ph = 2 * Math.PI * j / slices;
                vs.add(new float[] {(float) (Math.sin(th) * Math.cos(ph)), (float) Math.cos(th), (float) (Math.sin(th) * Math.sin(ph))});
            }
        }
        vs.add(new float[] {0, -1, 0});
        int bottom = vs.size() - 1;
        List<int[]> ts = new ArrayList<>();
        for (int j = 0; j < slices; j++) {
            int a = 1 + j, b = 1 + (j + 1) % slices;
            ts.add(new int[] {0, b, a});
            int c = 1 + (stacks - 2) * slices + j, d = 1 + (stacks - 2) * slices + (j + 1) % slices;
            ts.add(new int[] {bottom, c, d});
        }
        for (int i = 0; i < stacks - 2; i++) {
            for (int j = 0; j < slices; j++) {
                int a = 1 + i * slices + j, b = 1 + i * slices + (j + 1) % slices;
                int c = a + slices, d = b + slices;
                ts.add(new int[] {a, b, d});
                ts.add(new int[] {a, d, c});
            }
        }
        SPHERE_VERTICES = new float[3 * vs.size()];
        for (int i = 0; i < vs.size(); i++) System.arraycopy(vs.get(i), 0, SPHERE_VERTICES, 3 * i, 3);
        SPHERE_TRIANGLES = new int[3 * ts.size()];
        for (int i = 0; i < ts.size(); i++) System.arraycopy(ts.get(i), 0, SPHERE_TRIANGLES, 3 * i, 3);
        SPHERE_VOLUME = new Mesh(SPHERE_VERTICES, SPHERE_VERTICES, SPHERE_TRIANGLES).volume();
    }

    /** The colour field on the grid: phi at node (i, j, k) = phi[(i ny + j) nz + k], node 0 at (ox, oy, oz). */
    private record Field(float[] phi, int nx, int ny, int nz, double ox, double oy, double oz) {}

    /**
     * The liquid's volume inside a box-shaped container [min, max] (m^3): the region where the
     * field exceeds the iso-level of {@link #mesh}, clipped to the box. The particles within one
     * support radius of a wall are mirrored across it first (ghost particles), so that the
     * reconstructed surface meets a wall as the liquid does, instead of curling away from it where
     * the field lacks the wall's side (which would make the measured volume depend on how much of
     * the liquid touches walls). Integrated on the field's grid, 4 x 4 x 4 trilinear samples per
     * cell (clipped exactly at the box).
     */
    public double volumeWithin(double[] xyz, double[] min, double[] max) {
        int n = xyz.length / 3;
        if (n == 0) return 0;
        double h = kernel.h;
        double[] all = new double[3 * 8 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
            boolean inside = x >= min[0] && x <= max[0] && y >= min[1] && y <= max[1] && z >= min[2] && z <= max[2];
            double[][] c = new double[3][];
            double[] p = {x, y, z};
            for (int a = 0; a < 3; a++) {
                double lo = 2 * min[a] - p[a], hi = 2 * max[a] - p[a];
                if (!inside) c[a] = new double[] {p[a]};
                else if (p[a] - min[a] < h) c[a] = new double[] {p[a], lo};
                else if (max[a] - p[a] < h) c[a] = new double[] {p[a], hi};
                else c[a] = new double[] {p[a]};
            }
            for (double ax : c[0]) for (double ay : c[1]) for (double az : c[2]) {
                all[m++] = ax; all[m++] = ay; all[m++] = az;
            }
        }
        Field f = field(Arrays.copyOf(all, m));
        final int S = 4;
        double v = 0;
        for (int i = 0; i + 1 < f.nx; i++) {
            double x0 = f.ox + i * cellSize, cx0 = Math.max(x0, min[0]), cx1 = Math.min(x0 + cellSize, max[0]);
            if (cx1 <= cx0) continue;
            for (int j = 0; j + 1 < f.ny; j++) {
                double y0 = f.oy + j * cellSize, cy0 = Math.max(y0, min[1]), cy1 = Math.min(y0 + cellSize, max[1]);
                if (cy1 <= cy0) continue;
                for (int k = 0; k + 1 < f.nz; k++) {
                    double z0 = f.oz + k * cellSize, cz0 = Math.max(z0, min[2]), cz1 = Math.min(z0 + cellSize, max[2]);
                    if (cz1 <= cz0) continue;
                    float[] c = new float[8];
                    boolean any = false, every = true;
                    for (int q = 0; q < 8; q++) {
                        c[q] = f.phi[((i + (q & 1)) * f.ny + j + ((q >> 1) & 1)) * f.nz + k + ((q >> 2) & 1)];
                        any |= c[q] > ISO;
                        every &= c[q] > ISO;
                    }
                    double box = (cx1 - cx0) * (cy1 - cy0) * (cz1 - cz0);
                    if (!any) continue;
                    if (every) { v += box; continue; }
                    int count = 0;
                    for (int a = 0; a < S; a++) {
                        double u = (cx0 + (a + 0.5) / S * (cx1 - cx0) - x0) / cellSize;
                        for (int b = 0; b < S; b++) {
                            double w = (cy0 + (b + 0.5) / S * (cy1 - cy0) - y0) / cellSize;
                            for (int e = 0; e < S; e++) {
                                double t = (cz0 + (e + 0.5) / S * (cz1 - cz0) - z0) / cellSize;
                                double val = 0;
                                for (int q = 0; q < 8; q++) {
                                    val += c[q] * ((q & 1) != 0 ? u : 1 - u) * (((q >> 1) & 1) != 0 ? w : 1 - w) * (((q >> 2) & 1) != 0 ? t : 1 - t);
                                }
                                if (val > ISO) count++;
                            }
                        }
                    }
                    v += box * count / (S * S * S);
                }
            }
        }
        return v;
    }

    /** The iso-level: phi = 1/2 lies half a spacing outside the outermost particles of a lattice block. */
    private static final float ISO = 0.5f;

    private Field field(double[] xyz) {
        int n = xyz.length / 3;
        double h = kernel.h;
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xyz[3 * i]); maxX = Math.max(maxX, xyz[3 * i]);
            minY = Math.min(minY, xyz[3 * i + 1]); maxY = Math.max(maxY, xyz[3 * i + 1]);
            minZ = Math.min(minZ, xyz[3 * i + 2]); maxZ = Math.max(maxZ, xyz[3 * i + 2]);
        }
        // world-aligned node indices covering the particles plus one support radius and a cell
        final long ix0 = (long) Math.floor((minX - h) / cellSize) - 1, iy0 = (long) Math.floor((minY - h) / cellSize) - 1,
                iz0 = (long) Math.floor((minZ - h) / cellSize) - 1;
        final int nx = (int) ((long) Math.ceil((maxX + h) / cellSize) + 1 - ix0 + 1);
        final int ny = (int) ((long) Math.ceil((maxY + h) / cellSize) + 1 - iy0 + 1);
        final int nz = (int) ((long) Math.ceil((maxZ + h) / cellSize) + 1 - iz0 + 1);
        // bin particles into buckets of one support radius (counting sort)
        final double ox = ix0 * cellSize, oy = iy0 * cellSize, oz = iz0 * cellSize;
        final int bx = (int) ((nx * cellSize) / h) + 1, by = (int) ((ny * cellSize) / h) + 1, bz = (int) ((nz * cellSize) / h) + 1;
        int[] start = new int[bx * by * bz + 1];
        int[] key = new int[n];
        for (int i = 0; i < n; i++) {
            int a = (int) ((xyz[3 * i] - ox) / h), b = (int) ((xyz[3 * i + 1] - oy) / h), c = (int) ((xyz[3 * i + 2] - oz) / h);
            key[i] = (a * by + b) * bz + c;
            start[key[i] + 1]++;
        }
        for (int c = 0; c < bx * by * bz; c++) start[c + 1] += start[c];
        int[] fill = Arrays.copyOf(start, start.length);
        double[] sorted = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int t = fill[key[i]]++;
            System.arraycopy(xyz, 3 * i, sorted, 3 * t, 3);
        }
        // the field at every node (a gather, so each node is written once: deterministic in parallel)
        final float[] phi = new float[nx * ny * nz];
        final double h2 = h * h;
        parallel.forChunks(nx * ny, (chunk, from, to) -> {
            for (int col = from; col < to; col++) {
                int i = col / ny, j = col % ny;
                double x = ox + i * cellSize, y = oy + j * cellSize;
                int a = (int) ((x - ox) / h), b0 = (int) ((y - oy) / h);
                for (int k = 0; k < nz; k++) {
                    double z = oz + k * cellSize;
                    int c0 = (int) ((z - oz) / h);
                    double s = 0;
                    for (int p = Math.max(0, a - 1); p <= Math.min(bx - 1, a + 1); p++)
                        for (int q = Math.max(0, b0 - 1); q <= Math.min(by - 1, b0 + 1); q++) {
                            int base = (p * by + q) * bz;
                            int lo = base + Math.max(0, c0 - 1), hi = base + Math.min(bz - 1, c0 + 1) + 1;
                            for (int t = start[lo]; t < start[hi]; t++) {
                                double dx = x - sorted[3 * t], dy = y - sorted[3 * t + 1], dz = z - sorted[3 * t + 2];
                                double r2 = dx * dx + dy * dy + dz * dz;
                                if (r2 < h2) s += kernel.w(Math.sqrt(r2));
                            }
                        }
                    phi[(i * ny + j) * nz + k] = (float) (volume * s);
                }
            }
        });
        return new Field(phi, nx, ny, nz, ox, oy, oz);
    }

    private Mesh march(float[] phi, int nx, int ny, int nz, double ox, double oy, double oz) {
        final float iso = ISO;
        int[] edgeVertex = new int[3 * nx * ny * nz];
        Arrays.fill(edgeVertex, -1);
        FloatList verts = new FloatList(), normals = new FloatList();
        IntList tris = new IntList();
        int[] local = new int[12];
        for (int i = 0; i + 1 < nx; i++)
            for (int j = 0; j + 1 < ny; j++)
                for (int k = 0; k + 1 < nz; k++) {
                    int c = 0;
                    for (int q = 0; q < 8; q++) {
                        if (phi[((i + (q & 1)) * ny + j + ((q >> 1) & 1)) * nz + k + ((q >> 2) & 1)] > iso) c |= 1 << q;
                    }
                    int[] t = TRIANGLES[c];
                    if (t.length == 0) continue;
                    for (int e = 0; e < 12; e++) local[e] = -1;
                    for (int e : t) {
                        if (local[e] >= 0) continue;
                        int a = EDGES[e][0], b = EDGES[e][1];
                        int ai = i + (a & 1), aj = j + ((a >> 1) & 1), ak = k + ((a >> 2) & 1);
                        int axis = Integer.numberOfTrailingZeros(a ^ b);
                        int node = (ai * ny + aj) * nz + ak;
                        int slot = 3 * node + axis;
                        if (edgeVertex[slot] < 0) {
                            int bi = i + (b & 1), bj = j + ((b >> 1) & 1), bk = k + ((b >> 2) & 1);
                            float fa = phi[node], fb = phi[(bi * ny + bj) * nz + bk];
                            double s = (iso - fa) / (fb - fa);
                            verts.add((float) (ox + (ai + s * (bi - ai)) * cellSize));
                            verts.add((float) (oy + (aj + s * (bj - aj)) * cellSize));
                            verts.add((float) (oz + (ak + s * (bk - ak)) * cellSize));
                            double[] ga = gradient(phi, nx, ny, nz, ai, aj, ak), gb = gradient(phi, nx, ny, nz, bi, bj, bk);
                            double gx = ga[0] + s * (gb[0] - ga[0]), gy = ga[1] + s * (gb[1] - ga[1]), gz = ga[2] + s * (gb[2] - ga[2]);
                            double l = Math.sqrt(gx * gx + gy * gy + gz * gz);
                            if (l == 0) l = 1;
                            normals.add((float) (-gx / l));
                            normals.add((float) (-gy / l));
                            normals.add((float) (-gz / l));
                            edgeVertex[slot] = verts.size / 3 - 1;
                        }
                        local[e] = edgeVertex[slot];
                    }
                    for (int e : t) tris.add(local[e]);
                }
        return new Mesh(verts.toArray(), normals.toArray(), tris.toArray());
    }

    private static double[] gradient(float[] phi, int nx, int ny, int nz, int i, int j, int k) {
        return new double[] {
                value(phi, nx, ny, nz, i + 1, j, k) - value(phi, nx, ny, nz, i - 1, j, k),
                value(phi, nx, ny, nz, i, j + 1, k) - value(phi, nx, ny, nz, i, j - 1, k),
                value(phi, nx, ny, nz, i, j, k + 1) - value(phi, nx, ny, nz, i, j, k - 1)};
    }

    private static double value(float[] phi, int nx, int ny, int nz, int i, int j, int k) {
        i = Math.max(0, Math.min(nx - 1, i));
        j = Math.max(0, Math.min(ny - 1, j));
        k = Math.max(0, Math.min(nz - 1, k));
        return phi[(i * ny + j) * nz + k];
    }

    private static final class FloatList {
        float[] a = new float[1024];
        int size;
        void add(float v) {
            if (size == a.length) a = Arrays.copyOf(a, 2 * size);
            a[size++] = v;
        }
        float[] toArray() { return Arrays.copyOf(a, size); }
    }

    private static final class IntList {
        int[] a = new int[1024];
        int size;
        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, 2 * size);
            a[size++] = v;
        }
        int[] toArray() { return Arrays.copyOf(a, size); }
    }
}
