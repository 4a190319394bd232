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
            double sum = 0, lo = 1, hi = 0;
            int count = 0;
            for (int k = 10; k * 0.05 <= to + 1e-9; k++) {
                double t = k * 0.05;
                f.advanceTo(t);
                double fraction = BuoyancyTest.pineFraction(r);
                System.out.printf("t %.2f fraction %.3f centre %.4f steel %.4f%n", t, fraction, r.world().position(r.pine())[1], r.world().position(r.iron())[1]);
                if (t >= from - 1e-9) {
                    sum += fraction;
                    count++;
                    lo = Math.min(lo, fraction);
                    hi = Math.max(hi, fraction);
                }
            }
            System.out.printf("mean %.3f over %d readings (%.3f-%.3f), %.0f s%n", sum / count, count, lo, hi, (System.nanoTime() - t0) * 1e-9);
        }
    }
}
