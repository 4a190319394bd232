package dev.diorama.fluid;

import java.util.List;

public class DropProbe {
    public static void main(String[] a) {
        double d = Double.parseDouble(System.getProperty("d", "0.01"));
        double density = Double.parseDouble(System.getProperty("rho", "7850"));
        double ball = Double.parseDouble(System.getProperty("r", "0.0368"));
        double depth = Double.parseDouble(System.getProperty("depth", "0.10"));
        double y0 = Double.parseDouble(System.getProperty("y0", "0.3368"));
        double T = Double.parseDouble(System.getProperty("T", "0.8"));
        double[] min = {0, 0, 0}, max = {0.2, 0.4, 0.2};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withThreads(2))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            f.addBlock(min, new double[] {0.2, depth, 0.2}, new double[3]);
            f.settle(0.3);
            RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.3);
            world.addTankInterior(min, max);
            int b = world.addSphere(density, ball, new double[] {0.1, y0, 0.1});
            f.setRigidBodies(world, List.of(BoundarySamples.sphereSurface(ball, d, f.wallOffset())));
            int n0 = f.size();
            long t0 = System.nanoTime();
            long steps = 0;
            for (double t = 0.02; t <= T + 1e-9; t += 0.02) {
                double tt = f.time();
                while (f.time() < tt + 0.02 - 1e-9) { f.step(tt + 0.02 - f.time()); steps++; }
                double[] p = world.position(b), v = world.velocity(b);
                System.out.printf("t %.2f  y %.4f vy %.3f |v| %.3f  particles %d/%d  dt %.5f steps %d  %.1f s%n", t, p[1], v[1],
                        Math.sqrt(v[0]*v[0]+v[1]*v[1]+v[2]*v[2]), f.size(), n0, f.lastTimeStep(), steps, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
