package dev.diorama.fluid;
/**
 * The same rain as {@link DropOnDrop} (3 × 3 cm, 200 drops a second at 4.5 m/s), stepped at most 10 ms at a time
 * to 0.6 s: each time a particle's sideways speed passes 0.5 m/s, prints its height, speeds and
 * neighbour counts (the first 25), then how many such events there were by liquid neighbour count.
 * Compile and run as {@link DropOnDrop} says, with the class name {@code DropTrace} and no arguments.
 */
public class DropTrace {
    public static void main(String[] a) {
        Rain rain = SlowFlowTest.rainOnAPatch(0.015, 200, 0.1, 4.5);
        try (FluidSolver f = SlowFlowTest.rainTank(rain)) {
            java.util.Map<Integer, Double> prev = new java.util.HashMap<>();
            int[] hist = new int[40];
            int events = 0;
            while (f.time() < 0.6) {
                f.step(0.01);
                for (int i = 0; i < f.size(); i++) {
                    double v = Math.hypot(f.vx(i), f.vz(i));
                    Double p = prev.get(f.id(i));
                    if (v > 0.5 && (p == null || p < 0.5)) {   // just became fast sideways
                        events++;
                        if (events <= 25) System.out.printf("t %.4f id %d y %.4f vy %+.2f side %.2f liquid nbrs %d all %d%n", f.time(), f.id(i), f.y(i), f.vy(i), v, f.liquidNeighbourCount(i), f.neighbourCount(i));
                        hist[Math.min(39, f.liquidNeighbourCount(i))]++;
                    }
                    prev.put(f.id(i), v);
                }
            }
            System.out.println("events " + events + " by liquid neighbours " + java.util.Arrays.toString(hist));
        }
    }
}
