package dev.diorama.fluid;

import java.util.List;

/**
 * A steel ball falling through honey in a square tank: its speed over time against Stokes with
 * Haberman and Sayre's wall factor (fluid/README.md, "A ball falling through honey"). Not compiled by
 * Maven: after `mvn -o -q -pl fluid test-compile`, `javac -d /tmp/sp -cp fluid/target/classes:fluid/target/test-classes
 * fluid/diagnostics/stokes/StokesProbe.java`, then `java -Dd=0.003 -cp /tmp/sp:fluid/target/classes:fluid/target/test-classes
 * dev.diorama.fluid.StokesProbe` (-Dd spacing, -Dr radius, -Dw tank side, -Dh depth, -Drho the ball's density).
 */
public class StokesProbe {
    public static void main(String[] a) {
        double d = Double.parseDouble(System.getProperty("d", "0.004"));
        double r = Double.parseDouble(System.getProperty("r", "0.008"));
        double w = Double.parseDouble(System.getProperty("w", "0.1"));
        double h = Double.parseDouble(System.getProperty("h", "0.12"));
        double rhoS = Double.parseDouble(System.getProperty("rho", "7850"));
        double[] min = {0, 0, 0}, max = {w, h + 0.05, w};
        FluidSolver f = new FluidSolver(FluidSolver.Settings.of(d, Liquid.HONEY, new double[] {-0.5, -0.5, -0.5},
                new double[] {w + 0.5, h + 0.55, w + 0.5}));
        f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
        double[] c = {w / 2, h - r - 2 * d, w / 2};
        int n = (int) Math.round(w / d), ny = (int) Math.round(h / d);
        Tanks.fill(f, n, ny, n, (x, y, z) -> {
            double dx = x - c[0], dy = y - c[1], dz = z - c[2];
            return dx * dx + dy * dy + dz * dz < (r + d / 2) * (r + d / 2);
        });
        RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.3);
        world.addTankInterior(min, max);
        int ball = world.addSphere(rhoS, r, c);
        f.setRigidBodies(world, List.of(BoundarySamples.sphereSurface(r, d, f.wallOffset())));
        long t0 = System.nanoTime();
        f.settle(0.2);
        double mu = Liquid.HONEY.kinematicViscosity() * Liquid.HONEY.density();
        double vs = 2.0 / 9 * (rhoS - Liquid.HONEY.density()) * 9.81 * r * r / mu;
        double lam = 2 * r / w;
        double hs = (1 - 0.75857 * Math.pow(lam, 5)) / (1 - 2.1050 * lam + 2.0865 * Math.pow(lam, 3) - 1.7068 * Math.pow(lam, 5) + 0.72603 * Math.pow(lam, 6));
        System.out.printf("d=%.4f r=%.4f tank %.3f: particles %d, Stokes %.4f m/s, Haberman-Sayre factor %.3f -> %.4f m/s, Re %.3f%n",
                d, r, w, f.size(), vs, hs, vs / hs, Liquid.HONEY.density() * vs * 2 * r / mu);
        double prevY = world.position(ball)[1], prevT = 0;
        for (int s = 1; s <= 40; s++) {
            f.advanceTo(0.025 * s);
            double y = world.position(ball)[1];
            double v = (prevY - y) / (f.time() - prevT);
            System.out.printf("t %.3f  y %.4f  v %.4f m/s  (%.3f of corrected)  vy %.4f%n", f.time(), y, v, v / (vs / hs), -world.velocity(ball)[1]);
            prevY = y;
            prevT = f.time();
            if (y < r + 0.02) break;
        }
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
