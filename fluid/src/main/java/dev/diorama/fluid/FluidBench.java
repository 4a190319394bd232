package dev.diorama.fluid;

/**
 * Benchmark (not a test): steps per second of a dam break of N particles, and the memory of M
 * particles after one step.
 *
 * <pre>java -cp fluid/target/classes dev.diorama.fluid.FluidBench [particles=100000] [steps=20] [threads=2] [memoryParticles=0]</pre>
 *
 * Settings: water, d = 1 cm, cubic spline with support 2 cm, CFL 0.4, dt <= 5 ms, density error
 * target 0.1 %, divergence target 0.1 %, warm start 0.5, a column as wide as deep and twice as
 * tall released in a tank three times as long.
 */
public final class FluidBench {
    public static void main(String[] args) {
        int particles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int memoryParticles = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (particles > 0) speed(particles, steps, threads);
        if (memoryParticles > 0) memory(memoryParticles, threads);
    }

    static FluidSolver damBreak(int particles, int threads) {
        double d = 0.01;
        int a = (int) Math.round(Math.cbrt(particles / 2.0));
        double w = a * d;
        double[] min = {0, 0, 0}, max = {3 * w, 2.5 * w, w};
        FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withThreads(threads));
        f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
        f.addBlock(min, new double[] {w, 2 * w, w}, new double[3]);
        return f;
    }

    private static void speed(int particles, int steps, int threads) {
        try (FluidSolver f = damBreak(particles, threads)) {
            for (int i = 0; i < 3; i++) f.step(1);   // warm up the JIT and the warm start
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long[] phase0 = f.phaseNanos.clone();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            double time0 = f.time();
            long iterations = 0;
            for (int i = 0; i < steps; i++) {
                f.step(1);
                iterations += f.lastPressureIterations() + f.lastDivergenceIterations();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf("cpu: %.1f ms of CPU time per step (all threads; load-independent, unlike the wall clock)%n", 1000 * cpu / steps);
            String[] names = {"grid", "neighbours", "sound events", "divergence solve", "forces", "pressure solve"};
            StringBuilder b = new StringBuilder("phases (wall ms/step, timed steps only):");
            for (int k = 0; k < names.length; k++) b.append(String.format(" %s %.1f;", names[k], (f.phaseNanos[k] - phase0[k]) / 1e6 / steps));
            System.out.println(b);
            System.out.printf("speed: %d particles, %d threads: %.2f steps/s (%.1f ms/step), %.1f solver iterations/step, simulated %.3f s, last dt %.4f s%n",
                    f.size(), threads, steps / s, 1000 * s / steps, (double) iterations / steps, f.time(), f.lastTimeStep());
            System.out.printf("cost: %.1f ms of CPU time per simulated ms (timed steps simulated %.2f ms, mean dt %.4f s)%n",
                    cpu / (f.time() - time0), 1000 * (f.time() - time0), (f.time() - time0) / steps);
        }
    }

    private static void memory(int particles, int threads) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        try (FluidSolver f = damBreak(particles, threads)) {
            f.step(1);
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("memory: %d particles after one step: %.1f MiB of heap in use (solver arrays %.1f MiB)%n",
                    f.size(), (after - before) / 1048576.0, f.arrayBytes() / 1048576.0);
        }
    }

    /** Settings of a tank with margin; the same as the tests use. */
    private static final class Tanks {
        static FluidSolver.Settings settings(double d, double[] min, double[] max) {
            return FluidSolver.Settings.of(d, Liquid.WATER, new double[] {min[0] - 0.5, min[1] - 0.5, min[2] - 0.5},
                    new double[] {max[0] + 0.5, max[1] + 0.5, max[2] + 0.5});
        }
    }
}
