package dev.diorama.fluid;

/**
 * How much a cubic lattice's summed density changes when the half-space above a slip plane slides
 * along x (fluid/README.md, "Where the resistance is", seventeenth session): for a particle just
 * below the plane, sum_j W(r_ij) with the layers above shifted by s d, s from 0 to 1, relative to
 * the unsheared lattice; for the cubic spline and Wendland C2/C4/C6 kernels at supports of 2 to 3
 * spacings. Not compiled by Maven:
 * {@code javac -d /tmp/ls fluid/diagnostics/kernels/LatticeShear.java && java -cp /tmp/ls dev.diorama.fluid.LatticeShear}.
 */
public class LatticeShear {
    interface Kernel { double w(double q); }   // q = r / support, zero at q >= 1; normalised to 1 over space

    static final Kernel CUBIC = q -> q <= 0.5 ? 8 / Math.PI * (6 * q * q * q - 6 * q * q + 1) : q <= 1 ? 8 / Math.PI * 2 * Math.pow(1 - q, 3) : 0;
    static final Kernel WC2 = q -> q < 1 ? 21 / (2 * Math.PI) * Math.pow(1 - q, 4) * (1 + 4 * q) : 0;
    static final Kernel WC4 = q -> q < 1 ? 495 / (32 * Math.PI) * Math.pow(1 - q, 6) * (1 + 6 * q + 35.0 / 3 * q * q) : 0;
    static final Kernel WC6 = q -> q < 1 ? 1365 / (64 * Math.PI) * Math.pow(1 - q, 8) * (1 + 8 * q + 25 * q * q + 32 * q * q * q) : 0;

    /** The summed density (spacing 1) at the origin, the layers at z >= 1 shifted by {@code shift} along x. */
    static double density(Kernel k, double support, double shift) {
        int reach = (int) Math.ceil(support) + 1;
        double sum = 0;
        for (int i = -reach - 1; i <= reach + 1; i++)
            for (int j = -reach; j <= reach; j++)
                for (int l = -reach; l <= reach; l++) {
                    double x = i + (l >= 1 ? shift : 0);
                    sum += k.w(Math.sqrt(x * x + j * j + l * l) / support) / (support * support * support);
                }
        return sum;
    }

    public static void main(String[] a) {
        Object[][] cases = {{"cubic", CUBIC, 2.0}, {"cubic", CUBIC, 2.5}, {"Wendland C2", WC2, 2.0}, {"Wendland C2", WC2, 2.5},
                {"Wendland C4", WC4, 2.0}, {"Wendland C6", WC6, 2.0}, {"Wendland C2", WC2, 3.0}};
        for (Object[] c : cases) {
            Kernel k = (Kernel) c[1];
            double support = (Double) c[2], base = density(k, support, 0), most = 0, least = 0;
            for (int s = 0; s <= 10; s++) {
                double rel = density(k, support, s / 10.0) / base - 1;
                most = Math.max(most, rel);
                least = Math.min(least, rel);
            }
            System.out.printf("%-12s support %.1f d: lattice sum %.4f; sheared %+.3f%% to %+.3f%% (half a spacing: %+.3f%%)%n", c[0], support, base,
                    100 * least, 100 * most, 100 * (density(k, support, 0.5) / base - 1));
        }
    }
}
