package dev.diorama.fluid;

import java.util.List;

/**
 * A steel ball (RigidWorld, no Bullet) dropped into water in a 20 x 20 cm tank. Every {@code every}
 * seconds: the ball's height and speed, the particle count, the fraction of the water more than 4
 * cm over its starting surface, the water's vertical momentum and largest vertical speed, the
 * liquid's force on the ball; between {@code from} and {@code to} seconds, per step, the water's
 * change of vertical momentum split into gravity, the ball's push and the static walls' push
 * (fluid/README.md, Robustness, eleventh session). Properties: d, rho, r, depth, y0, T, every,
 * from, to. After {@code mvn -pl fluid test-compile}: {@code javac -d /tmp/dp -cp
 * fluid/target/classes:fluid/target/test-classes fluid/diagnostics/coupling/DropProbe.java}, then
 * {@code java -Dd=0.005 -DT=0.5 -cp /tmp/dp:fluid/target/classes:fluid/target/test-classes
 * dev.diorama.fluid.DropProbe}.
 */
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
            double every = Double.parseDouble(System.getProperty("every", "0.02"));
            double from = Double.parseDouble(System.getProperty("from", "9")), to = Double.parseDouble(System.getProperty("to", "0"));
            double worst = 0;
            for (double t = every; t <= T + 1e-9; t += every) {
                double tt = f.time();
                while (f.time() < tt + every - 1e-9) {
                    double p0 = 0; if (from < to) for (int i = 0; i < f.size(); i++) p0 += f.vy(i);   // only when the budget is printed
                    p0 *= f.particleMass();
                    double[] vb0 = world.velocity(b);
                    double dt = f.step(tt + every - f.time()); steps++;
                    if (f.time() > from && f.time() < to) {
                        double p1 = 0; for (int i = 0; i < f.size(); i++) p1 += f.vy(i);
                        p1 *= f.particleMass();
                        double[] w = f.wrench(b), pb = world.position(b), vb = world.velocity(b);
                        double grav = -9.81 * f.particleMass() * f.size() * dt;
                        // dp = grav + static + (-wrench) dt  => static = dp - grav + wrench dt
                        System.out.printf("  step t %.5f dt %.5f  dP_liq %.4f  grav %.4f  body->liq %.4f  static->liq %.4f  ball y %.5f vy %.3f -> %.3f%n",
                            f.time(), dt, p1 - p0, grav, -w[1] * dt, (p1 - p0) - grav + w[1] * dt, pb[1], vb0[1], vb[1]);
                    }
                }
                int above = 0; double pvy = 0, maxv = 0;
                for (int i = 0; i < f.size(); i++) { if (f.y(i) > depth + 0.04) above++; pvy += f.vy(i); maxv = Math.max(maxv, Math.abs(f.vy(i))); }
                worst = Math.max(worst, (double) above / n0);
                double[] w = f.wrench(b);
                System.out.printf("   above %.3f  liquid p_y %.3f N s  max|vy| %.2f  force on ball %.1f N%n", (double) above / n0, pvy * f.particleMass(), maxv, w[1]);
                double[] p = world.position(b), v = world.velocity(b);
                System.out.printf("t %.2f  y %.4f vy %.3f |v| %.3f  particles %d/%d  dt %.5f steps %d  %.1f s%n", t, p[1], v[1],
                        Math.sqrt(v[0]*v[0]+v[1]*v[1]+v[2]*v[2]), f.size(), n0, f.lastTimeStep(), steps, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("RESULT most above %.3f%n", worst);
        }
    }
}
