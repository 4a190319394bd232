package dev.diorama.fluid;
/**
 * Dense rain on a dry floor (fluid/README.md, Known gaps, the lone drops' paragraph;
 * SlowFlowTest.dropsSetDownGentlyOnADryFloorGatherWhereTheyFell): 5 mm drops let go HEIGHT above
 * the floor at SPEED (default 0.1 m and 4.5 m/s, rain; the test's are 0.01 and 0.3), RATE a second for
 * half a second, on a square of half-width HALF in the middle of a 60 × 60 cm tank, advanced 10 ms at
 * a time to 1 s; prints how many particles lie more than 2 cm outside the square, the farthest, how
 * many still move and the fastest sideways speed seen. Not compiled by Maven: after
 * {@code mvn -B -o -pl fluid test-compile},
 * {@code javac -d /tmp/rain -cp fluid/target/classes:fluid/target/test-classes fluid/diagnostics/rain/*.java},
 * then {@code java -cp /tmp/rain:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.DropOnDrop HALF RATE [HEIGHT SPEED]},
 * e.g. {@code 0.015 200}.
 */
public class DropOnDrop {
    public static void main(String[] a) {
        double half = Double.parseDouble(a[0]), rate = Double.parseDouble(a[1]);
        double height = a.length > 2 ? Double.parseDouble(a[2]) : 0.1, speed = a.length > 3 ? Double.parseDouble(a[3]) : 4.5;
        Rain rain = SlowFlowTest.rainOnAPatch(half, rate, height, speed);
        try (FluidSolver f = SlowFlowTest.rainTank(rain)) {
            double vmax = 0;
            for (int s = 1; s <= 100; s++) {
                f.advanceTo(s * 0.01);
                for (int i = 0; i < f.size(); i++) vmax = Math.max(vmax, Math.hypot(f.vx(i), f.vz(i)));
            }
            int far = 0, moving = 0;
            double maxOut = 0;
            for (int i = 0; i < f.size(); i++) {
                double out = Math.max(Math.abs(f.x(i) - 0.3), Math.abs(f.z(i) - 0.3)) - half;
                maxOut = Math.max(maxOut, out);
                if (out > 0.02) far++;
                if (Math.hypot(f.vx(i), f.vz(i)) > 0.05) moving++;
            }
            System.out.printf("rain %.0f/s on %.0f cm square: %d drops, %d particles; %d more than 2 cm outside the square, farthest %.3f m; %d moving at 1 s; fastest sideways %.2f m/s%n",
                    rate, 200 * half, rain.drops(), f.size(), far, maxOut, moving, vmax);
        }
    }
}
