package dev.diorama.fluid;

/**
 * SurfaceTensionTest's drop at other sizes and spacings: -Dd (m, 0.001), -DR (in spacings, 8),
 * -Deps (the mode's amplitude, 0.1), -Dsigma (N/m, water's), -Dscale (gamma's
 * scale: 1, the derived gamma, as scenes use; 0.19 is FluidSolver.RAYLEIGH_SCALE). After `mvn -B -o -q -pl fluid
 * test-compile`: `javac -d /tmp/dp -cp fluid/target/classes:fluid/target/test-classes
 * fluid/diagnostics/surface-tension/*.java`, then `java -DR=12 -Dd=0.000667 -cp
 * /tmp/dp:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.DropProbe`.
 */
public class DropProbe {
    public static void main(String[] a) {
        double sigma = Double.parseDouble(System.getProperty("sigma", String.valueOf(Liquid.WATER.surfaceTension())));
        Liquid w = new Liquid("water", Liquid.WATER.density(), Liquid.WATER.kinematicViscosity(), sigma, Liquid.WATER.xsph());
        double[] t = SurfaceTensionTest.dropPeriods(w, Double.parseDouble(System.getProperty("d", "0.001")),
                Double.parseDouble(System.getProperty("R", "8")), Double.parseDouble(System.getProperty("eps", "0.1")),
                Double.parseDouble(System.getProperty("scale", "1")));
        System.out.printf("Rayleigh period %.4f s, measured %.4f s: T/T_R %.3f, sigma_eff %.2f sigma%n", t[0], t[1], t[1] / t[0], (t[0] / t[1]) * (t[0] / t[1]));
    }
}
