package dev.diorama.fluid;

/**
 * The liquid under a uniform pressure without weight (fluid/README.md, Known gaps, "Near-density
 * bodies stick", sixteenth session): {@link Blob}'s tank and blob, but the liquid has no gravity and
 * a piston (a rigid box 0.25 d narrower than the tank on every side, 2 cm thick, under the bodies'
 * gravity 9.81 m/s^2) rests on it with the weight that gives P pascals over its area. The blob gets the
 * extra upward acceleration A; prints its mean height every 0.1 s for 2 s. With P = 390 Pa (the
 * hydrostatic pressure at the blob's depth in {@link Blob}) the blob stays as it does under
 * gravity, so a uniform pressure alone holds it. Needs the solver's probe hook as {@link Blob} says;
 * compile and run like it: {@code java -cp /tmp/blob:fluid/target/classes:fluid/target/test-classes dev.diorama.fluid.Piston A P},
 * e.g. {@code 0.814 390}. (A piston much lighter than the liquid's pressure solve can hold, 10 Pa,
 * is thrown off.)
 */
public class Piston {
    public static void main(String[] a) {
        double d = 0.005, r = 0.01, acc = Double.parseDouble(a[0]), pressure = Double.parseDouble(a[1]);
        double tank = 0.1, depth = 0.07;
        double[] min = {0, 0, 0}, max = {tank, 0.25, tank};
        FluidSolver.Settings s0 = Tanks.settings(d, min, max);
        s0 = new FluidSolver.Settings(s0.spacing(), s0.liquid(), new double[] {0, 0, 0}, s0.domainMin(), s0.domainMax(),
                s0.cfl(), s0.maxTimeStep(), s0.maxDensityError(), s0.maxDivergenceError(), s0.maxIterations(), s0.threads(), s0.seed());
        try (FluidSolver f = new FluidSolver(s0)) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            f.addBlock(new double[] {0, 0, 0}, new double[] {tank, depth, tank}, new double[3]);
            double hx = tank / 2 - 0.25 * d, hy = 0.01, g = 9.81;
            double mass = pressure * 4 * hx * hx / g;
            RigidWorld world = new RigidWorld(new double[] {0, -g, 0}, 0.0);
            world.addTankInterior(min, max);
            int piston = world.addBox(mass / (8 * hx * hy * hx), hx, hy, hx, new double[] {tank / 2, depth + hy, tank / 2});
            f.setRigidBodies(world, java.util.List.of(BoundarySamples.boxSurface(hx, hy, hx, d, f.wallOffset())));
            String heights = Blob.rise(f, tank / 2, r, acc);
            System.out.printf("piston %.0f Pa (%.3f kg), its centre at %.4f m; blob a %.3f: height%s%n", pressure, mass, world.position(piston)[1], acc, heights);
        }
    }
}
