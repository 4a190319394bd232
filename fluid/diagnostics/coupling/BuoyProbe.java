package dev.diorama.fluid;

import java.util.List;

public class BuoyProbe {
    public static void main(String[] a) {
        boolean pineOn = !Boolean.getBoolean("nopine");
        double d = 0.01 * 2 / 3, side = 0.1, ball = 0.025;
        double[] min = {0, 0, 0}, max = {0.3, 0.3, 0.2};
        double depth = 0.12;
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            double[] cube = {0.1, depth + 0.01, 0.1};
            double[] steel = {0.235, depth + ball, 0.1};
            int nx = (int) Math.round(max[0] / d), ny = (int) Math.round(depth / d), nz = (int) Math.round(max[2] / d);
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                    for (int k = 0; k < nz; k++) {
                        double x = (i + 0.5) * d, y = (j + 0.5) * d, z = (k + 0.5) * d;
                        if (pineOn && Math.abs(x - cube[0]) < side / 2 + d / 2 && y > cube[1] - side / 2 - d / 2 && Math.abs(z - cube[2]) < side / 2 + d / 2) continue;
                        double dx = x - steel[0], dy = y - steel[1], dz = z - steel[2];
                        if (dx * dx + dy * dy + dz * dz < (ball + d / 2) * (ball + d / 2)) continue;
                        f.addParticle(x, y, z, 0, 0, 0);
                    }
            RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.3);
            world.addTankInterior(min, max);
            int iron;
            if (pineOn) {
                world.addBox(500, side / 2, side / 2, side / 2, cube);
                iron = world.addSphere(7850, ball, steel);
                f.setRigidBodies(world, List.of(BoundarySamples.boxSurface(side / 2, side / 2, side / 2, d, f.wallOffset()),
                        BoundarySamples.sphereSurface(ball, d, f.wallOffset())));
            } else {
                iron = world.addSphere(7850, ball, steel);
                f.setRigidBodies(world, List.of(BoundarySamples.sphereSurface(ball, d, f.wallOffset())));
            }
            f.settle(0.3);
            int n0 = f.size();
            double end = 2.5;
            int last = n0;
            long steps = 0;
            while (f.time() < end - 1e-12) {
                double remaining = end - f.time();
                double before = f.time();
                f.step(remaining);
                steps++;
                if (f.size() != last || steps % 200 == 0) {
                    double[] p = world.position(iron), v = world.velocity(iron);
                    double vmax = 0; int fast = 0;
                    for (int i = 0; i < f.size(); i++) {
                        double s2 = f.vx(i) * f.vx(i) + f.vy(i) * f.vy(i) + f.vz(i) * f.vz(i);
                        vmax = Math.max(vmax, s2);
                    }
                    System.out.printf("t %.4f step %d particles %d/%d  ball y %.4f vy %.3f  dt %.6f vmax %.2f pine %s%n", f.time(), steps, f.size(), n0, p[1], v[1], f.lastTimeStep(), Math.sqrt(vmax),
                            pineOn ? java.util.Arrays.toString(world.position(0)) : "-");
                    last = f.size();
                }
            }
        }
    }
}
