package dev.diorama.fluid;

/**
 * Whether the liquid itself flows under a small stress (fluid/README.md, Known gaps, "Near-density
 * bodies stick"): a square tank of side 10 cm filled 7 cm deep at spacing D and settled 0.3 s; then
 * the particles within R of the point 3 cm above the floor on the tank's axis are marked and given
 * an extra upward acceleration A (m/s^2; 0.814 is the buoyancy of ice, (1 - 0.917) g) from then on,
 * a blob of liquid as buoyant as ice with no body in it; prints the blob's mean height every 0.1 s
 * for 2 s. Options: {@code -Dfg} (the liquid's gravity, m/s^2 along y, default -9.81), {@code -Dxsph},
 * {@code -Dnu}, {@code -Dst} (surface tension scale), {@code -Dde}/{@code -Ddv}/{@code -Dit}
 * (density and divergence tolerances, iterations). Needs the solver's probe hook: {@code git apply
 * fluid/diagnostics/buoyancy/blob-probe.patch} (revert it before committing: it adds a test in the
 * force pass's loop), {@code mvn -B -o -pl fluid test-compile},
 * {@code javac -d /tmp/blob -cp fluid/target/classes:fluid/target/test-classes fluid/diagnostics/buoyancy/Blob.java},
 * then {@code java -cp /tmp/blob:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.Blob D R A},
 * e.g. {@code 0.005 0.01 0.814}.
 */
public class Blob {
    public static void main(String[] a) {
        double d = Double.parseDouble(a[0]), r = Double.parseDouble(a[1]), acc = Double.parseDouble(a[2]);
        double tank = 0.1, depth = Double.parseDouble(System.getProperty("depth", "0.07"));
        double[] min = {0, 0, 0}, max = {tank, 0.25, tank};
        FluidSolver.Settings s0 = Tanks.settings(d, min, max);
        Liquid w = Liquid.WATER;
        Liquid liquid = new Liquid(w.name(), w.density(), Double.parseDouble(System.getProperty("nu", "" + w.kinematicViscosity())), w.surfaceTension(),
                Double.parseDouble(System.getProperty("xsph", "" + w.xsph())));
        s0 = new FluidSolver.Settings(s0.spacing(), liquid, new double[] {0, Double.parseDouble(System.getProperty("fg", "-9.81")), 0}, s0.domainMin(), s0.domainMax(),
                s0.cfl(), s0.maxTimeStep(), Double.parseDouble(System.getProperty("de", "0.001")), Double.parseDouble(System.getProperty("dv", "0.001")),
                Integer.getInteger("it", 100), s0.threads(), s0.seed());
        try (FluidSolver f = new FluidSolver(s0.withSurfaceTensionScale(Double.parseDouble(System.getProperty("st", "1"))))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            f.addBlock(new double[] {0, 0, 0}, new double[] {tank, depth, tank}, new double[3]);
            String heights = rise(f, tank / 2, r, acc);
            System.out.printf("d %.4f r %.4f a %.3f (%d particles, %d steps): height%s%n", d, r, acc, (int) f.blobCentre()[3], f.steps(), heights);
        }
    }

    /**
     * Settles {@code f} for 0.3 s, marks the blob of radius {@code r} 3 cm above the floor at
     * (x, x), pushes it up by {@code acc} and returns its mean height every 0.1 s for 2 s.
     */
    static String rise(FluidSolver f, double x, double r, double acc) {
        f.settle(0.3);
        f.markBlob(x, 0.03, x, r, acc);
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s <= 20; s++) {
            f.advanceTo(s * 0.1);
            sb.append(String.format(" %.1f:%.4f", s * 0.1, f.blobCentre()[1]));
        }
        return sb.toString();
    }
}
