package dev.diorama.fluid;

/**
 * BuoyancyTest's rig (pine cube and steel ball, spacing -Dd, default 2/3 cm): the pine's submerged
 * fraction read every 50 ms from 0.5 s and averaged over -Dfrom..-Dto (default 2.0-2.5 s), where
 * the test reads it once, at 2.5 s (fluid/README.md, Tests). Not compiled by Maven: after
 * {@code mvn -B -o -pl fluid test-compile},
 * {@code javac -d /tmp/pm -cp fluid/target/classes:fluid/target/test-classes fluid/diagnostics/buoyancy/PineMean.java},
 * then {@code java -cp /tmp/pm:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.PineMean}.
 */
public class PineMean {
    public static void main(String[] a) {
        double d = Double.parseDouble(System.getProperty("d", String.valueOf(BuoyancyTest.SPACING)));
        double from = Double.parseDouble(System.getProperty("from", "2.0")), to = Double.parseDouble(System.getProperty("to", "2.5"));
        long t0 = System.nanoTime();
        BuoyancyTest.Rig r = BuoyancyTest.rig(d);
        try (FluidSolver f = r.f()) {
            double[] early = BuoyancyTest.pineFractions(r, 0.5, from - 0.05), late = BuoyancyTest.pineFractions(r, from, to);
            for (int k = 0; k < early.length; k++) System.out.printf("t %.2f fraction %.3f%n", 0.5 + 0.05 * k, early[k]);
            for (int k = 0; k < late.length; k++) System.out.printf("t %.2f fraction %.3f%n", from + 0.05 * k, late[k]);
            System.out.printf("mean %.3f over %d readings (%.3f-%.3f), %.0f s%n", java.util.Arrays.stream(late).average().orElseThrow(), late.length,
                    java.util.Arrays.stream(late).min().orElseThrow(), java.util.Arrays.stream(late).max().orElseThrow(), (System.nanoTime() - t0) * 1e-9);
        }
    }
}
