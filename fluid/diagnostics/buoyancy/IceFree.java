package dev.diorama.fluid;
import java.util.List;
/**
 * A small cube of any density released at rest under water (fluid/README.md, Known gaps,
 * "Near-density bodies stick"): a square tank of side TANK filled to DEPTH at spacing D, the cube
 * of edge SIDE and the given DENSITY held at centre height START through {@code settle(-Dsettle,
 * default 0.3 s)}, then free ({@link RigidWorld}); prints its centre height every 0.1 s for 2 s and
 * how far its top is above the still level. Options: {@code -Dheld=true} (the mean vertical force
 * on it held still instead, over 0.3 s, / rho0 g V), {@code -Dstiff=true} (the pressure solves do
 * not let it give way), {@code -Dst} (surface tension scale), {@code -Dxsph}, {@code -Dnu},
 * {@code -Dde}/{@code -Ddv}/{@code -Dit} (density and divergence tolerances, iterations),
 * {@code -Dcfl}, {@code -Ddtmax}, {@code -Dbs} (the cube's samples that many times denser),
 * {@code -Djit} (the lattice start jittered by that many spacings), {@code -Dsphere=true} (a sphere of
 * diameter SIDE instead of the cube), {@code -Dfg} / {@code -Dbg} (the liquid's and the bodies'
 * gravity along y, m/s^2; {@code -Dfg=0 -Dbg=0.888} is a weightless liquid with ice's net buoyancy on
 * the cube), {@code -Dsteps=true} (each step's liquid force on the free cube for its first steps,
 * {@code -Dnsteps}), {@code -Dtrace=true} (its position, speed and mean liquid force every 10 ms for
 * 0.6 s). Not compiled by Maven: after
 * {@code mvn -B -o -pl fluid test-compile},
 * {@code javac -d /tmp/if -cp fluid/target/classes:fluid/target/test-classes fluid/diagnostics/buoyancy/IceFree.java},
 * then {@code java -cp /tmp/if:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.IceFree D SIDE TANK DEPTH START DENSITY},
 * e.g. {@code 0.005 0.016 0.1 0.07 0.03 917} (an ice cube of the prompt "an ice cube falls into a glass of water").
 */
public class IceFree {
    public static void main(String[] a) {
        double d = Double.parseDouble(a[0]), side = Double.parseDouble(a[1]), tank = Double.parseDouble(a[2]), depth = Double.parseDouble(a[3]);
        double startY = Double.parseDouble(a[4]), density = Double.parseDouble(a[5]);
        double[] min = {0, 0, 0}, max = {tank, 0.25, tank};
        FluidSolver.Settings s0 = Tanks.settings(d, min, max);
        Liquid w = Liquid.WATER;
        Liquid liq = new Liquid(w.name(), w.density(), Double.parseDouble(System.getProperty("nu", "" + w.kinematicViscosity())), w.surfaceTension(), Double.parseDouble(System.getProperty("xsph", "" + w.xsph())));
        s0 = new FluidSolver.Settings(s0.spacing(), liq, new double[] {0, Double.parseDouble(System.getProperty("fg", "-9.81")), 0}, s0.domainMin(), s0.domainMax(), Double.parseDouble(System.getProperty("cfl", "0.4")), Double.parseDouble(System.getProperty("dtmax", "0.005")),
                Double.parseDouble(System.getProperty("de", "0.001")), Double.parseDouble(System.getProperty("dv", "0.001")), Integer.getInteger("it", 100), s0.threads(), s0.seed());
        FluidSolver f = new FluidSolver(s0.withSurfaceTensionScale(Double.parseDouble(System.getProperty("st", "1"))));
        f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
        double[] c = {tank / 2, startY, tank / 2};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int n = (int) Math.round(tank / d), ny = (int) Math.round(depth / d);
        for (int i = 0; i < n; i++) for (int j = 0; j < ny; j++) for (int k = 0; k < n; k++) {
            double x = (i + 0.5) * d, y = (j + 0.5) * d, z = (k + 0.5) * d;
            if (Math.abs(x - c[0]) < side / 2 + d / 2 && Math.abs(y - c[1]) < side / 2 + d / 2 && Math.abs(z - c[2]) < side / 2 + d / 2) continue;
            double jit = Double.parseDouble(System.getProperty("jit", "0")) * d;
            f.addParticle(x + jit * (rnd.nextDouble() - 0.5), y + jit * (rnd.nextDouble() - 0.5), z + jit * (rnd.nextDouble() - 0.5), 0, 0, 0);
        }
        RigidWorld world = new RigidWorld(new double[] {0, Double.parseDouble(System.getProperty("bg", "-9.81")), 0}, 0.3);
        world.addTankInterior(min, max);
        boolean sphere = Boolean.getBoolean("sphere");
        int ice = sphere ? world.addSphere(density, side / 2, c) : world.addBox(density, side / 2, side / 2, side / 2, c);
        RigidBodies bodies = world;
        if (Boolean.getBoolean("stiff")) bodies = new RigidBodies() {
            public int count() { return world.count(); }
            public void state(int b, double[] out) { world.state(b, out); }
            public void advance(double dt, double[] w) { world.advance(dt, w); }
        };
        f.setRigidBodies(bodies, List.of(sphere ? BoundarySamples.sphereSurface(side / 2, d / Double.parseDouble(System.getProperty("bs", "1")), f.wallOffset())
                : BoundarySamples.boxSurface(side / 2, side / 2, side / 2, d / Double.parseDouble(System.getProperty("bs", "1")), f.wallOffset())));
        double weight = 1000 * 9.81 * side * side * side;   // rho0 g V, the unit of the printed forces
        double[] st = new double[13];
        if (Boolean.getBoolean("held")) {
            f.setRigidBodies(new HeldBodyForceTest.Held(c), List.of(BoundarySamples.boxSurface(side / 2, side / 2, side / 2, d / Double.parseDouble(System.getProperty("bs", "1")), f.wallOffset())));
            f.settle(0.3);
            double imp = 0, t0 = f.time();
            while (f.time() < t0 + 0.3 - 1e-12) { double dt = f.step(t0 + 0.3 - f.time()); imp += dt * f.wrench(0)[1]; }
            System.out.printf("held: F / (rho0 g V) = %.4f%n", imp / 0.3 / weight);
            return;
        }
        f.settle(Double.parseDouble(System.getProperty("settle", "0.3")));
        if (Boolean.getBoolean("steps")) {
            for (int q = 0; q < Integer.getInteger("nsteps", 40); q++) {
                double dt = f.step(0.005);
                world.state(ice, st);
                System.out.printf("t %.4f dt %.5f y %.5f vy %+.5f F/(rho0gV) %.4f it %d+%d%n", f.time(), dt, st[1], st[8], f.wrench(ice)[1] / weight, f.lastDivergenceIterations(), f.lastPressureIterations());
            }
            return;
        }
        if (Boolean.getBoolean("trace")) {
            for (int q = 0; q < 60; q++) {
                double imp = 0, t0 = f.time(), vmax = 0;
                int steps = 0;
                while (f.time() < t0 + 0.01 - 1e-12) { double dt = f.step(t0 + 0.01 - f.time()); imp += dt * f.wrench(ice)[1]; world.state(ice, st); vmax = Math.max(vmax, Math.abs(st[8])); steps++; }
                world.state(ice, st);
                System.out.printf("t %.2f y %.5f vy %+.5f |vy|max %.5f F/(rho0gV) %.4f steps %d dt %.5f%n", f.time(), st[1], st[8], vmax, imp / 0.01 / weight, steps, f.lastTimeStep());
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s <= 20; s++) {
            f.advanceTo(s * 0.1);
            double level = Tanks.level(f, (x, z) -> Math.abs(x - c[0]) > side || Math.abs(z - c[2]) > side);
            double[] p = world.position(ice);
            sb.append(String.format(" %.1f:%.4f(top %+.4f)", s * 0.1, p[1], p[1] + side / 2 - level));
        }
        System.out.printf("d %.4f side %.4f rho %.0f level-rel:%s%n", d, side, density, sb);
        f.close();
    }
}
