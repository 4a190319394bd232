package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Water where nothing pushes hard: a body nearly as dense as water let go in it, and drops set down
 * gently on a dry floor. Both are written against nature. The first is disabled while the solver
 * does not meet it (fluid/README.md, Known gaps, "Near-density bodies stick" and "Where the
 * resistance is"; the reason gives the numbers measured when it was written); run it with
 * {@code -Djunit.jupiter.conditions.deactivate='org.junit.*DisabledCondition'}.
 */
class SlowFlowTest {
    /**
     * An ice cube let go under water rises and floats: 1.6 cm of ice (917 kg/m³) held with its centre
     * 3 cm above the floor of a 10 × 10 cm tank of water 7 cm deep while the water settles, then let
     * go. Its net upward force, (1 − 0.917) ρ0 g V, gives it a rising speed of about
     * sqrt(2 × 0.083 g a / C_d) ≈ 0.16 m/s (C_d ≈ 1.05 for a cube), so its top, 3 cm under the
     * surface, reaches it within a few tenths of a second; floating, 0.917 of it is under water
     * (Archimedes; the 5 %).
     */
    @Test
    @Disabled("OPEN (issue 5, 2026-11-27): the cube hangs under water; its centre goes 0.0304 -> 0.0328 m in 2 s, its top stays"
            + " 2.9 cm under the surface. The liquid itself holds still under a small stress when under pressure (a ball of the"
            + " water as buoyant as ice does not rise either; fluid/README.md, Known gaps, 'Where the resistance is').")
    void anIceCubeLetGoUnderWaterRisesAndFloats() {
        double d = 0.005, side = 0.016, tank = 0.1, depth = 0.07;
        double[] min = {0, 0, 0}, max = {tank, 0.25, tank}, c = {tank / 2, 0.03, tank / 2};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            int n = (int) Math.round(tank / d);
            Tanks.fill(f, n, (int) Math.round(depth / d), n,
                    (x, y, z) -> Math.abs(x - c[0]) < side / 2 + d / 2 && Math.abs(y - c[1]) < side / 2 + d / 2 && Math.abs(z - c[2]) < side / 2 + d / 2);
            RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.3);
            world.addTankInterior(min, max);
            int ice = world.addBox(917, side / 2, side / 2, side / 2, c);
            f.setRigidBodies(world, List.of(BoundarySamples.boxSurface(side / 2, side / 2, side / 2, d, f.wallOffset())));
            f.settle(0.3);
            java.util.function.BiPredicate<Double, Double> away = (x, z) -> Math.abs(x - c[0]) > side || Math.abs(z - c[2]) > side;
            double surfaced = Double.NaN;
            for (int s = 1; s <= 10 && Double.isNaN(surfaced); s++) {
                f.advanceTo(0.05 * s);
                if (world.position(ice)[1] + side / 2 > Tanks.level(f, away)) surfaced = f.time();
            }
            double sum = 0;
            int reads = 0;
            for (int s = 30; s <= 40; s++) {
                f.advanceTo(0.05 * s);
                sum += Tanks.submergedFraction(world.position(ice), world.orientation(ice), side, Tanks.level(f, away));
                reads++;
            }
            double fraction = sum / reads;
            System.out.printf("ice cube: top above the level at %.2f s; submerged %.3f on average over 1.5-2 s%n", surfaced, fraction);
            assertTrue(!Double.isNaN(surfaced), "the cube's top reaches the surface within 0.5 s (it had not)");
            assertEquals(0.917, fraction, 0.05 * 0.917, "floating, Archimedes' fraction of the cube is under water");
        }
    }

    /**
     * Drops set down gently on a dry floor gather where they fell: drops of one particle each (d³ of
     * water, a sphere 6.2 mm across) let go 1 cm up at 0.3 m/s, so that they land at about 0.54 m/s,
     * 200 a second for half a second on a 3 × 3 cm square in the middle of a 60 × 60 cm tank: 12.5 ml
     * for 100 drops. Such drops do not splash: Mundo et al. (1995) find deposition below
     * K = We^1/2 Re^1/4 = 57.7, and here We = ρ v² D / σ = 24 and Re = v D / ν = 3,300 give K = 37
     * (at rain's 4.5 m/s K is 540: real rain splashes, so a splash-free puddle is not the answer
     * there). At rest 12.5 ml is a puddle 2.7-3.9 mm thick (2 l_c sin(θ/2) for contact angles of
     * 60-90°; fluid/README.md, "Films on solids"), 32-46 cm², a disc of 6.4-7.7 cm across about the
     * square's centre, reaching at most 2.4 cm past its sides. The test asks for 90 % of the water
     * within 3 cm of the square and none leaving the region: a drop that lands on another spreads
     * into it, it is not thrown across the floor (measured 2026-11-27: 100 of 100 within 3 cm; landing
     * at 0.8 m/s, K = 62, about the threshold, 92 of 100).
     */
    @Test
    void dropsSetDownGentlyOnADryFloorGatherWhereTheyFell() {
        double half = 0.015;
        Rain rain = rainOnAPatch(half, 200, 0.01, 0.3);
        try (FluidSolver f = rainTank(rain)) {
            f.advanceTo(1.0);
            int near = 0;
            for (int i = 0; i < f.size(); i++) {
                if (Math.max(Math.abs(f.x(i) - 0.3), Math.abs(f.z(i) - 0.3)) - half <= 0.03) near++;
            }
            System.out.printf("gentle drops on a patch of floor: %d drops, %d particles in the region, %d within 3 cm of the square%n", rain.drops(), f.size(), near);
            assertTrue(rain.drops() > 80, "drops fell: " + rain.drops());
            assertEquals(rain.drops(), f.size(), "no drop leaves the simulated region");
            assertTrue(near >= 0.9 * rain.drops(), "the drops' water lies within 3 cm of where it fell: " + near + " of " + rain.drops());
        }
    }

    /** The drops test's tank: 60 × 60 cm, its patch in the middle. */
    static final double[] RAIN_MIN = {0, 0, 0}, RAIN_MAX = {0.6, 0.15, 0.6};

    /** An empty, dry 60 × 60 cm tank at d = 5 mm with {@code rain} falling into it. */
    static FluidSolver rainTank(Rain rain) {
        FluidSolver f = new FluidSolver(Tanks.settings(0.005, RAIN_MIN, RAIN_MAX));
        f.addStaticBoundary(BoundarySamples.tank(RAIN_MIN, RAIN_MAX, false, f.spacing(), f.wallOffset()));
        f.addEmitter(rain);
        return f;
    }

    /**
     * Drops of 5 mm (one particle at d = 5 mm) let go {@code height} above the floor moving down at
     * {@code speed}, {@code rate} a second for 0.5 s, on a square of half-width {@code half} in the
     * middle of the tank {@link #RAIN_MIN}-{@link #RAIN_MAX}. The test's: 1 cm and 0.3 m/s.
     */
    static Rain rainOnAPatch(double half, double rate, double height, double speed) {
        return new Rain(0.3 - half, 0.3 + half, 0.3 - half, 0.3 + half, height, 0.0025, speed, rate, 0, 0.5, 7);
    }
}
