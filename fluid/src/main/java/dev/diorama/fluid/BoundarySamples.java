package dev.diorama.fluid;

import java.util.Arrays;

/**
 * Points on a solid's surface, the boundary particles of Akinci et al. 2012 ("Versatile rigid-fluid
 * coupling for incompressible SPH"): one layer, roughly evenly spaced. Their volumes are computed
 * when they are given to a {@link FluidSolver} (they depend on its kernel).
 *
 * <p>Every sampler takes an {@code offset}: the samples are placed that far <em>behind</em> the
 * geometric surface, inside the solid, so that the liquid's edge (half a particle spacing outside
 * its outermost particles) lies on the surface. {@link FluidSolver#wallOffset()} is the offset the
 * solver's kernel and spacing call for; 0 puts the samples on the surface.
 *
 * <p>Coordinates are world coordinates for static boundaries and body coordinates (centre of mass
 * at the origin) for rigid bodies.
 */
public final class BoundarySamples {
    /** x0, y0, z0, x1, ... metres. */
    final double[] xyz;

    /**
     * The solid's geometric surface cut into small patches, 7 numbers each: the patch's centre
     * (x, y, z, on the surface itself, not behind it), its unit normal pointing into the liquid
     * (nx, ny, nz) and its area (m^2). Empty when the sampler does not know the surface (then a
     * rigid body receives the Akinci reaction of the boundary samples instead of the surface
     * pressure integral, see {@link FluidSolver}). The patches of a closed surface sum to
     * sum A n = 0 exactly.
     */
    final double[] patches;

    BoundarySamples(double[] xyz) {
        this(xyz, new double[0]);
    }

    BoundarySamples(double[] xyz, double[] patches) {
        if (xyz.length % 3 != 0) throw new IllegalArgumentException("coordinates come in threes");
        if (patches.length % 7 != 0) throw new IllegalArgumentException("patches come in sevens");
        this.xyz = xyz;
        this.patches = patches;
    }

    /** Number of surface patches (0 if the surface is not known). */
    public int patchCount() {
        return patches.length / 7;
    }

    /** The same samples with the given surface patches (x, y, z, nx, ny, nz, area per patch; copied). */
    public BoundarySamples withPatches(double[] patches) {
        return new BoundarySamples(xyz, patches.clone());
    }

    /** Wraps given coordinates (x, y, z per point; copied). */
    public static BoundarySamples of(double[] xyz) {
        return new BoundarySamples(xyz.clone());
    }

    public int size() {
        return xyz.length / 3;
    }

    public double x(int i) { return xyz[3 * i]; }
    public double y(int i) { return xyz[3 * i + 1]; }
    public double z(int i) { return xyz[3 * i + 2]; }

    /** The union of several sample sets (thinned again so seams do not double up). */
    public static BoundarySamples union(double spacing, BoundarySamples... parts) {
        Points p = new Points();
        double[] patches = new double[0];
        for (BoundarySamples b : parts) {
            for (int i = 0; i < b.size(); i++) p.add(b.x(i), b.y(i), b.z(i));
            int old = patches.length;
            patches = Arrays.copyOf(patches, old + b.patches.length);
            System.arraycopy(b.patches, 0, patches, old, b.patches.length);
        }
        return new BoundarySamples(p.thinned(spacing).xyz, patches);
    }

    /**
     * The inside of an open-topped (or closed) rectangular tank: floor, four walls and optionally a
     * lid, the liquid inside.
     */
    public static BoundarySamples tank(double[] min, double[] max, boolean lid, double spacing, double offset) {
        double x0 = min[0] - offset, y0 = min[1] - offset, z0 = min[2] - offset;
        double x1 = max[0] + offset, y1 = max[1] + (lid ? offset : 0), z1 = max[2] + offset;
        Points p = new Points();
        p.rect(x0, y0, z0, x1, y0, z1, spacing);          // floor
        if (lid) p.rect(x0, y1, z0, x1, y1, z1, spacing);
        p.rect(x0, y0, z0, x0, y1, z1, spacing);          // west
        p.rect(x1, y0, z0, x1, y1, z1, spacing);          // east
        p.rect(x0, y0, z0, x1, y1, z0, spacing);          // north
        p.rect(x0, y0, z1, x1, y1, z1, spacing);          // south
        return p.thinned(spacing);
    }

    /** The outside of a box with the given half extents, centred on the origin (a rigid block). */
    public static BoundarySamples boxSurface(double hx, double hy, double hz, double spacing, double offset) {
        double x = hx - offset, y = hy - offset, z = hz - offset;
        if (x <= 0 || y <= 0 || z <= 0) throw new IllegalArgumentException("box smaller than the wall offset");
        Points p = new Points();
        p.rect(-x, -y, -z, x, -y, z, spacing);
        p.rect(-x, y, -z, x, y, z, spacing);
        p.rect(-x, -y, -z, -x, y, z, spacing);
        p.rect(x, -y, -z, x, y, z, spacing);
        p.rect(-x, -y, -z, x, y, -z, spacing);
        p.rect(-x, -y, z, x, y, z, spacing);
        // surface patches: each face cut into cells of at most spacing x spacing
        double[] h = {hx, hy, hz};
        Patches q = new Patches();
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3, v = (axis + 2) % 3;
            int nu = Math.max(1, (int) Math.ceil(2 * h[u] / spacing - 1e-9)), nv = Math.max(1, (int) Math.ceil(2 * h[v] / spacing - 1e-9));
            double area = 4 * h[u] * h[v] / (nu * nv);
            for (int sign = -1; sign <= 1; sign += 2)
                for (int i = 0; i < nu; i++)
                    for (int j = 0; j < nv; j++) {
                        double[] c = new double[3], nrm = new double[3];
                        c[axis] = sign * h[axis];
                        c[u] = -h[u] + 2 * h[u] * (i + 0.5) / nu;
                        c[v] = -h[v] + 2 * h[v] * (j + 0.5) / nv;
                        nrm[axis] = sign;
                        q.add(c[0], c[1], c[2], nrm[0], nrm[1], nrm[2], area);
                    }
        }
        return new BoundarySamples(p.thinned(spacing).xyz, q.array());
    }

    /** The outside of a sphere of the given radius centred on the origin (a Fibonacci lattice). */
    public static BoundarySamples sphereSurface(double radius, double spacing, double offset) {
        double r = radius - offset;
        if (r <= 0) throw new IllegalArgumentException("sphere smaller than the wall offset");
        Points p = new Points();
        p.sphere(0, 0, 0, r, spacing, -1);
        // surface patches: a Fibonacci lattice on the sphere itself, equal areas
        int count = Math.max(12, (int) Math.ceil(4 * Math.PI * radius * radius / (spacing * spacing)));
        double golden = Math.PI * (3 - Math.sqrt(5));
        Patches q = new Patches();
        for (int i = 0; i < count; i++) {
            double y = 1 - 2 * (i + 0.5) / count, rad = Math.sqrt(1 - y * y), phi = golden * i;
            double ux = rad * Math.cos(phi), uz = rad * Math.sin(phi);
            q.add(radius * ux, radius * y, radius * uz, ux, y, uz, 4 * Math.PI * radius * radius / count);
        }
        return new BoundarySamples(p.thinned(spacing).xyz, q.array());
    }

    /**
     * The inside of a cylindrical glass standing on y: a floor disc at {@code base} and a wall of
     * the given inner radius and height; the liquid inside.
     */
    public static BoundarySamples glass(double[] base, double innerRadius, double height, double spacing, double offset) {
        Points p = new Points();
        double r = innerRadius + offset, y0 = base[1] - offset;
        p.disc(base[0], y0, base[2], r, spacing);
        int rings = Math.max(1, (int) Math.ceil((height + offset) / spacing));
        int around = Math.max(6, (int) Math.ceil(2 * Math.PI * r / spacing));
        for (int k = 0; k <= rings; k++) {
            double y = y0 + (height + offset) * k / rings;
            double shift = (k & 1) * 0.5;   // staggered rings cover the wall more evenly
            for (int a = 0; a < around; a++) {
                double phi = 2 * Math.PI * (a + shift) / around;
                p.add(base[0] + r * Math.cos(phi), y, base[2] + r * Math.sin(phi));
            }
        }
        return p.thinned(spacing);
    }

    /** The inside of a hemispherical bowl: the lower half of a sphere of the given centre and radius. */
    public static BoundarySamples bowl(double[] centre, double radius, double spacing, double offset) {
        Points p = new Points();
        p.sphere(centre[0], centre[1], centre[2], radius + offset, spacing, 0);
        return p.thinned(spacing);
    }

    /**
     * A triangle mesh: {@code vertices} x, y, z per vertex; {@code triangles} three vertex indices
     * each, counter-clockwise seen from the liquid's side (so the right-hand normal points into the
     * liquid and the samples are moved {@code offset} against it).
     */
    public static BoundarySamples mesh(float[] vertices, int[] triangles, double spacing, double offset) {
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) throw new IllegalArgumentException("mesh arrays come in threes");
        Points p = new Points();
        Patches q = new Patches();
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t], b = 3 * triangles[t + 1], c = 3 * triangles[t + 2];
            double ax = vertices[a], ay = vertices[a + 1], az = vertices[a + 2];
            double ux = vertices[b] - ax, uy = vertices[b + 1] - ay, uz = vertices[b + 2] - az;
            double vx = vertices[c] - ax, vy = vertices[c + 1] - ay, vz = vertices[c + 2] - az;
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double nl = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (nl == 0) continue;
            nx /= nl; ny /= nl; nz /= nl;
            double longest = Math.max(Math.sqrt(ux * ux + uy * uy + uz * uz),
                    Math.max(Math.sqrt(vx * vx + vy * vy + vz * vz),
                            Math.sqrt((ux - vx) * (ux - vx) + (uy - vy) * (uy - vy) + (uz - vz) * (uz - vz))));
            int n = Math.max(1, (int) Math.ceil(longest / spacing));
            for (int i = 0; i <= n; i++) {
                for (int j = 0; i + j <= n; j++) {
                    double s = (double) i / n, u = (double) j / n;
                    p.add(ax + s * ux + u * vx - offset * nx, ay + s * uy + u * vy - offset * ny, az + s * uz + u * vz - offset * nz);
                }
            }
            // surface patches: the triangle cut into n^2 congruent ones, each its centroid
            double area = 0.5 * nl / ((double) n * n);
            for (int i = 0; i < n; i++)
                for (int j = 0; i + j < n; j++) {
                    double s = (i + 1.0 / 3) / n, u = (j + 1.0 / 3) / n;
                    q.add(ax + s * ux + u * vx, ay + s * uy + u * vy, az + s * uz + u * vz, nx, ny, nz, area);
                    if (i + j < n - 1) {
                        s = (i + 2.0 / 3) / n;
                        u = (j + 2.0 / 3) / n;
                        q.add(ax + s * ux + u * vx, ay + s * uy + u * vy, az + s * uz + u * vz, nx, ny, nz, area);
                    }
                }
        }
        return new BoundarySamples(p.thinned(spacing).xyz, q.array());
    }

    /** A growable list of surface patches (7 numbers each). */
    static final class Patches {
        double[] a = new double[7 * 64];
        int n;

        void add(double x, double y, double z, double nx, double ny, double nz, double area) {
            if (7 * n + 7 > a.length) a = Arrays.copyOf(a, a.length * 2);
            double[] v = {x, y, z, nx, ny, nz, area};
            System.arraycopy(v, 0, a, 7 * n, 7);
            n++;
        }

        double[] array() {
            return Arrays.copyOf(a, 7 * n);
        }
    }

    /** A growable list of points with the shape primitives the samplers share. */
    static final class Points {
        double[] xyz = new double[3 * 256];
        int n;

        void add(double x, double y, double z) {
            if (3 * n + 3 > xyz.length) xyz = Arrays.copyOf(xyz, xyz.length * 2);
            xyz[3 * n] = x;
            xyz[3 * n + 1] = y;
            xyz[3 * n + 2] = z;
            n++;
        }

        /** An axis-aligned rectangle (one of the extents is zero) sampled on a grid including its edges. */
        void rect(double x0, double y0, double z0, double x1, double y1, double z1, double s) {
            int nx = Math.max(1, (int) Math.ceil((x1 - x0) / s)), ny = Math.max(1, (int) Math.ceil((y1 - y0) / s)),
                    nz = Math.max(1, (int) Math.ceil((z1 - z0) / s));
            if (x1 == x0) nx = 0;
            if (y1 == y0) ny = 0;
            if (z1 == z0) nz = 0;
            for (int i = 0; i <= nx; i++)
                for (int j = 0; j <= ny; j++)
                    for (int k = 0; k <= nz; k++)
                        add(nx == 0 ? x0 : x0 + (x1 - x0) * i / nx, ny == 0 ? y0 : y0 + (y1 - y0) * j / ny,
                                nz == 0 ? z0 : z0 + (z1 - z0) * k / nz);
        }

        /** A disc in the plane y = const, concentric rings. */
        void disc(double cx, double y, double cz, double r, double s) {
            add(cx, y, cz);
            int rings = Math.max(1, (int) Math.ceil(r / s));
            for (int k = 1; k <= rings; k++) {
                double rr = r * k / rings;
                int around = Math.max(6, (int) Math.round(2 * Math.PI * rr / s));
                for (int a = 0; a < around; a++) {
                    double phi = 2 * Math.PI * (a + 0.5 * (k & 1)) / around;
                    add(cx + rr * Math.cos(phi), y, cz + rr * Math.sin(phi));
                }
            }
        }

        /**
         * A sphere by the Fibonacci lattice; {@code maxY} &lt; 0 keeps all of it, 0 keeps the lower
         * half (relative to the centre).
         */
        void sphere(double cx, double cy, double cz, double r, double s, int maxY) {
            int count = Math.max(12, (int) Math.ceil(4 * Math.PI * r * r / (s * s)));
            double golden = Math.PI * (3 - Math.sqrt(5));
            for (int i = 0; i < count; i++) {
                double y = 1 - 2 * (i + 0.5) / count;
                if (maxY >= 0 && y > 0) continue;
                double rad = Math.sqrt(1 - y * y);
                double phi = golden * i;
                add(cx + r * rad * Math.cos(phi), cy + r * y, cz + r * rad * Math.sin(phi));
            }
        }

        /** Drops points closer than half a spacing to an earlier kept point (seams, duplicate edges). */
        BoundarySamples thinned(double s) {
            double min2 = 0.25 * s * s;
            double cell = 0.5 * s;
            java.util.HashMap<Long, int[]> grid = new java.util.HashMap<>();
            double[] out = new double[3 * n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
                long cx = (long) Math.floor(x / cell), cy = (long) Math.floor(y / cell), cz = (long) Math.floor(z / cell);
                boolean close = false;
                search:
                for (long a = cx - 1; a <= cx + 1; a++)
                    for (long b = cy - 1; b <= cy + 1; b++)
                        for (long c = cz - 1; c <= cz + 1; c++) {
                            int[] list = grid.get(key(a, b, c));
                            if (list == null) continue;
                            for (int k = 1; k <= list[0]; k++) {
                                int q = list[k];
                                double dx = out[3 * q] - x, dy = out[3 * q + 1] - y, dz = out[3 * q + 2] - z;
                                if (dx * dx + dy * dy + dz * dz < min2) { close = true; break search; }
                            }
                        }
                if (close) continue;
                out[3 * kept] = x; out[3 * kept + 1] = y; out[3 * kept + 2] = z;
                long k = key(cx, cy, cz);
                int[] list = grid.get(k);
                if (list == null) list = new int[5];
                else if (list[0] + 1 >= list.length) list = Arrays.copyOf(list, list.length * 2);
                list[++list[0]] = kept;
                grid.put(k, list);
                kept++;
            }
            return new BoundarySamples(Arrays.copyOf(out, 3 * kept));
        }

        private static long key(long a, long b, long c) {
            return (a & 0x1FFFFF) | ((b & 0x1FFFFF) << 21) | ((c & 0x1FFFFF) << 42);
        }
    }
}
