package dev.diorama.fluid;

import java.util.List;

/**
 * BuoyancyTest's pine (a 10 cm cube of 500 kg/m^3 in 12 cm of water, 30 x 30 x 20 cm tank, 2.5 s) at
 * any spacing -Dd that divides 0.12, 0.2 and 0.3 m (1 cm, 2/3 cm, 0.5 cm): the resolution study of
 * the submerged fraction (fluid/README.md, Known gaps 2). The steel ball is left out.
 */
public class PineProbe {
    public static void main(String[] a) {
        double d = Double.parseDouble(System.getProperty("d", "0.01")), side = 0.1, depth = 0.12;
        double[] min = {0, 0, 0}, max = {0.3, 0.3, 0.2};
        int nx = (int) Math.round(0.3 / d), ny = (int) Math.round(depth / d), nz = (int) Math.round(0.2 / d);
        long t0 = System.nanoTime();
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            double[] cube = {0.1, depth + 0.01, 0.1};
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                    for (int k = 0; k < nz; k++) {
                        double x = (i + 0.5) * d, y = (j + 0.5) * d, z = (k + 0.5) * d;
                        if (Math.abs(x - cube[0]) < side / 2 + d / 2 && y > cube[1] - side / 2 - d / 2 && Math.abs(z - cube[2]) < side / 2 + d / 2) continue;
                        f.addParticle(x, y, z, 0, 0, 0);
                    }
            RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.3);
            world.addTankInterior(min, max);
            int pine = world.addBox(500, side / 2, side / 2, side / 2, cube);
            f.setRigidBodies(world, List.of(BoundarySamples.boxSurface(side / 2, side / 2, side / 2, d, f.wallOffset())));
            f.settle(0.3);
            f.advanceTo(2.5);
            double[] p = world.position(pine), q = world.orientation(pine);
            double level = Tanks.level(f, (x, z) -> Math.abs(x - p[0]) > 0.08 || Math.abs(z - p[2]) > 0.08);
            System.out.printf("pine d %.5f adhesion %s: %d particles, centre y %.4f, level %.4f, submerged fraction %.3f (%.0f s)%n", d,
                    System.getProperty("diorama.fluid.adhesion", "0"), f.size(), p[1], level, Tanks.submergedFraction(p, q, side, level), (System.nanoTime() - t0) * 1e-9);
        }
    }
}
