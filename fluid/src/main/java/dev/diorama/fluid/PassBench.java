package dev.diorama.fluid;

/**
 * Benchmark (not a test): the wall time of each of the solver's passes over the particles, each
 * repeated on one fixed state, the dam break of {@link FluidBench} after {@code warm} steps. A
 * repeated pass does the same work each time, so its best time varies by a few per cent where a
 * whole run's steps per second vary by ten (the flow, the step and the iterations all change as
 * it runs): this is the benchmark to compare two builds of one pass with.
 *
 * <pre>java -cp fluid/target/classes dev.diorama.fluid.PassBench [particles=100000] [threads=1] [repeats=20] [warm=150]</pre>
 *
 * The passes: the neighbour search (lists, kernels, densities, factors), the non-pressure forces,
 * and the two halves of a solve's iteration (applying kappa; the residual). The repeats change
 * the velocities (not the positions, so not the lists); their times are what is measured.
 */
public final class PassBench {
    public static void main(String[] args) {
        int particles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        try (FluidSolver f = FluidBench.damBreak(particles, threads)) {
            for (int i = 0; i < warm; i++) f.step(1);
            long pairs = 0;
            for (int i = 0; i < f.size(); i++) pairs += f.neighbourCount(i);
            System.out.printf("%d particles, %d neighbour pairs, after %d steps (t = %.3f s), %d threads%n", f.size(), pairs, warm, f.time(), threads);
            double dt = f.lastTimeStep();
            time("neighbours", repeats, f::neighbourPass);
            time("forces", repeats, () -> f.nonPressure(dt));
            time("apply kappa", repeats, () -> f.applyKappa(dt));
            time("residual", repeats, () -> f.residual(dt, false, null));
        }
    }

    private static void time(String name, int repeats, Runnable pass) {
        for (int i = 0; i < 5; i++) pass.run();   // the JIT
        long best = Long.MAX_VALUE, total = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            pass.run();
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        System.out.printf("%-12s best %7.2f ms, mean %7.2f ms over %d%n", name, best / 1e6, total / 1e6 / repeats, repeats);
    }
}
