package dev.diorama.fluid;

import java.util.Arrays;

/** Shared set-ups and measurements of the fluid tests. */
final class Tanks {
    private Tanks() {}

    static FluidSolver.Settings settings(double d, double[] min, double[] max) {
        return FluidSolver.Settings.of(d, Liquid.WATER, new double[] {min[0] - 0.5, min[1] - 0.5, min[2] - 0.5},
                new double[] {max[0] + 0.5, max[1] + 0.5, max[2] + 0.5});
    }

    /** Something that leaves out lattice points. */
    interface PointTest {
        boolean test(double x, double y, double z);
    }

    /**
     * Fills {@code f} with particles on the lattice ((i + 1/2) d, (j + 1/2) d, (k + 1/2) d) for i, j, k
     * below nx, ny, nz, in that nesting order, leaving out the points {@code skip} accepts.
     */
    static void fill(FluidSolver f, int nx, int ny, int nz, PointTest skip) {
        double d = f.spacing();
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                for (int k = 0; k < nz; k++) {
                    double x = (i + 0.5) * d, y = (j + 0.5) * d, z = (k + 0.5) * d;
                    if (!skip.test(x, y, z)) f.addParticle(x, y, z, 0, 0, 0);
                }
    }

    /**
     * The fraction of a cube's volume (edge {@code side}, centre {@code p}, orientation quaternion
     * {@code q}) below the height {@code level}, sampled on a 20^3 lattice of its interior.
     */
    static double submergedFraction(double[] p, double[] q, double side, double level) {
        int below = 0, m = 20;
        double[] r = new double[3];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) {
                    Quat.rotate(q, 0, side * ((i + 0.5) / m - 0.5), side * ((j + 0.5) / m - 0.5), side * ((k + 0.5) / m - 0.5), r, 0);
                    if (p[1] + r[1] < level) below++;
                }
        return below / (double) (m * m * m);
    }

    /**
     * The free surface's height: the top particle of each column of width d (columns whose centre
     * passes {@code keep}), median over the columns, plus d/2 (the liquid's edge).
     */
    static double level(FluidSolver f, java.util.function.BiPredicate<Double, Double> keep) {
        double d = f.spacing();
        java.util.TreeMap<Long, Double> top = new java.util.TreeMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.neighbourCount(i) < 8) continue;   // drops and spray are not the surface
            if (!keep.test(f.x(i), f.z(i))) continue;
            long key = (Math.round(Math.floor(f.x(i) / d)) << 32) ^ (Math.round(Math.floor(f.z(i) / d)) & 0xFFFFFFFFL);
            top.merge(key, f.y(i), Math::max);
        }
        double[] v = top.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2] + d / 2;
    }
}
