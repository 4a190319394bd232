package dev.diorama.fluid;

/**
 * The cubic B-spline smoothing kernel of SPH in three dimensions (Monaghan 1992), written with its
 * <em>support radius</em> {@code h} (the kernel is zero at distances of h and beyond), as in
 * Bender and Koschier's DFSPH papers:
 * <pre>
 *   q = r / h,   k = 8 / (pi h^3)
 *   W(r) = k (6 q^3 - 6 q^2 + 1)     for 0 <= q <= 1/2
 *        = k 2 (1 - q)^3             for 1/2 < q <= 1
 *        = 0                         otherwise
 * </pre>
 * W integrates to 1 over space, so it has units of 1/m^3; its gradient has units of 1/m^4 and
 * points along the separation vector: grad W(x) = x * {@link #gradientFactor(double)}.
 */
public final class CubicKernel {
    /** Support radius h, metres. */
    public final double h;
    private final double h2;
    private final double k;
    private final double l;
    private final double invH;

    /** @param h support radius, metres (> 0) */
    public CubicKernel(double h) {
        if (!(h > 0) || !Double.isFinite(h)) throw new IllegalArgumentException("support radius must be positive: " + h);
        this.h = h;
        this.h2 = h * h;
        this.invH = 1 / h;
        this.k = 8 / (Math.PI * h * h * h);
        this.l = 48 / (Math.PI * h * h * h);
    }

    /** W at distance r (metres), 1/m^3. */
    public double w(double r) {
        double q = r * invH;
        if (q <= 0.5) return k * (6 * q * q * (q - 1) + 1);
        if (q <= 1) {
            double f = 1 - q;
            return k * 2 * f * f * f;
        }
        return 0;
    }

    /** W at squared distance r2 (m^2). */
    public double wSquared(double r2) {
        return r2 >= h2 ? 0 : w(Math.sqrt(r2));
    }

    /**
     * The scalar g(r) with grad W(x) = g(|x|) x, 1/m^5; 0 at r = 0 (where the gradient vanishes by
     * symmetry) and beyond the support.
     */
    public double gradientFactor(double r) {
        if (r <= 1e-12 * h) return 0;
        double q = r * invH;
        if (q <= 0.5) return l * q * (3 * q - 2) * invH / r;
        if (q <= 1) {
            double f = 1 - q;
            return -l * f * f * invH / r;
        }
        return 0;
    }

    /** W(0), 1/m^3. */
    public double w0() {
        return k;
    }

    /**
     * The volume of a particle of a cubic lattice of spacing {@code d}: 1 / sum W over the lattice
     * (this kernel's support covers two spacings each way), so a lattice block sums to exactly rest
     * density.
     */
    public double latticeVolume(double d) {
        double sum = 0;
        for (int i = -2; i <= 2; i++)
            for (int j = -2; j <= 2; j++)
                for (int k = -2; k <= 2; k++) sum += w(d * Math.sqrt(i * i + j * j + k * k));
        return 1 / sum;
    }
}
