package dev.diorama.fluid;

import java.util.SplittableRandom;

/**
 * Drops falling on a rectangle: between {@code start} and {@code end}, drops of the given radius
 * appear at height {@code y} at uniformly random places of [x0, x1] x [z0, z1], at a mean rate of
 * {@code rate} per second (a Poisson process), moving straight down at {@code speed} (a rain drop's
 * terminal speed is 4-9 m/s; start lower and slower to let gravity accelerate them). A drop is the
 * lattice points of spacing d inside its sphere (at least one particle). The sequence comes from
 * {@code seed}.
 */
public final class Rain implements FluidSolver.Emitter {
    private final double x0, x1, z0, z1, y, radius, speed, rate, start, end;
    private final SplittableRandom rng;
    private double nextDrop;
    private int drops;

    public Rain(double x0, double x1, double z0, double z1, double y, double radius, double speed, double rate,
                double start, double end, long seed) {
        if (!(rate > 0)) throw new IllegalArgumentException("rain rate must be positive");
        this.x0 = x0; this.x1 = x1; this.z0 = z0; this.z1 = z1; this.y = y;
        this.radius = radius; this.speed = speed; this.rate = rate; this.start = start; this.end = end;
        this.rng = new SplittableRandom(seed);
        this.nextDrop = start - Math.log(1 - rng.nextDouble()) / rate;
    }

    /** Drops released so far. */
    public int drops() {
        return drops;
    }

    @Override
    public void emit(FluidSolver solver, double time, double dt) {
        double d = solver.spacing();
        while (nextDrop <= time && nextDrop < end) {
            double cx = x0 + (x1 - x0) * rng.nextDouble(), cz = z0 + (z1 - z0) * rng.nextDouble();
            // the drop has fallen for (time - nextDrop) already
            double late = time - nextDrop;
            double cy = y - speed * late;
            int m = (int) Math.floor(radius / d);
            int added = 0;
            for (int i = -m; i <= m; i++)
                for (int j = -m; j <= m; j++)
                    for (int k = -m; k <= m; k++) {
                        if ((i * i + j * j + k * k) * d * d > radius * radius) continue;
                        solver.addParticle(cx + i * d, cy + j * d, cz + k * d, 0, -speed, 0);
                        added++;
                    }
            if (added == 0) solver.addParticle(cx, cy, cz, 0, -speed, 0);
            drops++;
            nextDrop -= Math.log(1 - rng.nextDouble()) / rate;
        }
    }
}
