package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The collapse of a water column against Martin and Moyce (1952), "An experimental study of the
 * collapse of liquid columns on a rigid horizontal plane", Phil. Trans. R. Soc. A 244, 312-324
 * (doi:10.1098/rsta.1952.0006): a column of width a and height 2a (their n^2 = 2) released at
 * t = 0 spreads along a dry floor; the surge front's distance Z = x/a from the back wall against
 * their dimensionless time T = n t sqrt(g/a) = t sqrt(2g/a).
 *
 * <p>Reference points (T, Z) for n^2 = 2, a = 2.25 in, as digitised from their figure and
 * tabulated in Koshizuka and Oka (1996, Nucl. Sci. Eng. 123, 421-434) and in many validation
 * papers and codes since (e.g. chaos-polymtl/lethe, examples/multiphysics/dam-break): (0.41, 1.11),
 * (0.84, 1.22), (1.19, 1.44), (1.43, 1.67), (1.63, 1.89), (1.83, 2.11), (1.98, 2.33), (2.20, 2.56),
 * (2.32, 2.78), (2.51, 3.00), (2.65, 3.22), (2.83, 3.44). The front is the furthest particle that
 * still belongs to the liquid (at least 8 liquid neighbours: a drop rolling ahead on the floor has as
 * many floor samples around it, and counting those made such drops the front) plus half a spacing.
 *
 * <p><b>Set-up: released from rest.</b> The column first settles behind a gate (a plane of
 * boundary samples at x = a, held still; {@link FluidSolver#settle}) with steps of at most 1 ms;
 * at t = 0 the gate is taken away at once (an instantaneous dam break, as in the numerical
 * literature); from then on the steps are at most 0.25 ms. The walls stand
 * FluidSolver.PACKING_SHIFT d further out than the lattice's outer particles + d/2: the
 * wall offset is calibrated for a settled packing, and a lattice placed flush against the walls
 * starts 3.0 % over rest density next to each wall, 5.3 % along the edges and 7.3 % in the corners
 * (42 % of this 6-particle slab), which the pressure solve blows out in the first step at a speed
 * proportional to 1/dt (unsettled, the front then depended on the first steps' length: Z = 1.46 /
 * 1.52 / 1.74 at T = 0.84 with steps of at most 5 / 2 / 1 ms, and at 0.5 ms the run blew up; at
 * d = a/30 the first step's pressure solve did not converge at all). Measurements behind these
 * choices, and why the 1952 data are compared {@link #RELEASE_DELAY} later: fluid/README.md,
 * "Known gaps" 1.
 */
class DamBreakTest {
    private static final double[][] MARTIN_MOYCE = {
            {0.41, 1.11}, {0.84, 1.22}, {1.19, 1.44}, {1.43, 1.67}, {1.63, 1.89}, {1.83, 2.11},
            {1.98, 2.33}, {2.20, 2.56}, {2.32, 2.78}, {2.51, 3.00}, {2.65, 3.22}, {2.83, 3.44}};

    /** Longest step while the column settles, and after the release (seconds). */
    static final double SETTLE_DT = 1e-3, RUN_DT = 2.5e-4;

    /**
     * Martin and Moyce's clock ran ahead of their column's release by this much dimensionless time.
     * Their column was held by a diaphragm whose removal took a moment the paper does not give; every
     * simulation of an instantaneous release runs ahead of their early points by a near constant
     * delay, not by a speed. Validated solvers compare at T - 0.175: Lethe's VOF dam-break example
     * (chaos-polymtl/lethe, examples/multiphysics/dam-break/dam-break-2d.py, {@code time_correction =
     * 0.175}) and an interFoam validation (vamseeachanta/digitalmodel PR #1260, within 10 % only with
     * the same shift; 9.8 % mean error without). Measured here (2026-11-26, fluid/README.md "Known gaps"
     * 1): the lead is converged — d = a/20, a/30, a/40 agree within 1 % with water's surface tension,
     * steps of 1 to 0.125 ms within 3 % — and is a delay of 0.22-0.33 in T, about constant from
     * T = 0.84 to 2.83, where a solver whose front moved too fast would keep gaining. This test takes
     * the published correction, not one fitted to our numbers; the tolerance is the 10 %.
     */
    static final double RELEASE_DELAY = 0.175;

    @Test
    void theSurgeFrontFollowsMartinAndMoyce() {
        double a = 0.1, d = a / 20;
        try (FluidSolver f = releasedColumn(a, d, 0.03, Liquid.WATER)) {
            double timeScale = Math.sqrt(a / (2 * 9.81));
            StringBuilder report = new StringBuilder();
            double worst = 0;
            for (double[] ref : MARTIN_MOYCE) {
                advance(f, (ref[0] - RELEASE_DELAY) * timeScale);
                double z = front(f) / a;
                double err = Math.abs(z - ref[1]) / ref[1];
                worst = Math.max(worst, err);
                report.append(String.format("T=%.2f (simulated %.3f) Z=%.3f ref=%.2f err=%.1f%%%n", ref[0], ref[0] - RELEASE_DELAY, z,
                        ref[1], 100 * err));
            }
            System.out.print(report);
            assertTrue(worst <= 0.10, "surge front off by " + worst + "\n" + report);
        }
    }

    /**
     * Water placed as a lattice flush against the walls (3-7 % over rest density there) settles
     * with steps of at most 0.25 ms and stays still. It does now: 0.018 m/s after settle(0.5) and
     * 0.015 m/s 0.1 s later with the code as it stood at the fourteenth session's start (3bfb159; found
     * then, when the disabled tests were run again), most likely since the twelfth session's bounded
     * density solve removes an error a particle already has at no more than 50 per second rather than
     * within the step, which is what grew as 1/dt^2; re-enabled then. Before (the history): the solver's warm start (half of
     * last step's accumulated pressure, applied before the iterations, whose increments are never
     * negative) probably feeds a step's transient correction, which grows as 1/dt^2, into the next
     * step. With the warm start (2026-11-26): 0.32 m/s after settle(0.5), 1.22 m/s 0.1 s later;
     * applying it only where the liquid is still compressed (as SPlisHSPlasH does; probe): 0.13 m/s,
     * then 0.53 m/s; without it (FluidSolver.WARM_START = 0; probe): 0.016 and 0.014 m/s, but 4.6
     * times the solver iterations of a dam break; warm-starting only the smaller of the last two
     * steps' sums (fluid/diagnostics/dam-break/warm-start-persistent.patch): 0.019 and 0.015 m/s,
     * this test passes, but HeldBodyForceTest's submerged cube moves from 0.9987 to 1.0473 of
     * rho0 g V. See fluid/README.md, "Known gaps" 1.
     */
    @Test
    void aColumnPlacedAgainstTheWallsSettlesWithSmallSteps() {
        double a = 0.05, d = 0.005, slab = 0.03;
        double[] min = {0, 0, 0}, max = {5 * a, 3 * a, slab};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withMaxTimeStep(RUN_DT))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            Gate gate = new Gate(a + f.wallOffset(), 0, slab / 2);
            f.setRigidBodies(gate, List.of(gate.samples(d, -f.wallOffset(), 2.5 * a, -f.wallOffset(), slab + f.wallOffset())));
            f.addBlock(min, new double[] {a, 2 * a, slab}, new double[3]);
            f.settle(0.5);
            double afterSettle = maxSpeed(f);
            f.advanceTo(0.1);
            double later = maxSpeed(f);
            System.out.printf("settled with 0.25 ms steps: max speed %.3f m/s, 0.1 s later %.3f m/s%n", afterSettle, later);
            assertTrue(afterSettle < 0.1 && later < 0.1, "the column does not come to rest: " + afterSettle + ", " + later + " m/s");
        }
    }

    /**
     * A column a wide and 2a tall in a slab {@code slab} thick, settled behind a gate for 0.5 s, the
     * gate then removed; the clock reads 0. The lattice fills [0, a] x [0, 2a] x [0, slab]; the back
     * wall's, the floor's, the side walls' and the gate's surfaces stand PACKING_SHIFT d further out
     * (see the class comment), the back wall's at x = -PACKING_SHIFT d.
     */
    static FluidSolver releasedColumn(double a, double d, double slab, Liquid liquid) {
        double g = FluidSolver.PACKING_SHIFT * d;
        double[] min = {-g, -g, -g}, max = {5 * a, 3 * a, slab + g};
        FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withLiquid(liquid).withMaxTimeStep(SETTLE_DT));
        f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
        Gate gate = new Gate(a + g + f.wallOffset(), 0, slab / 2);
        double behind = g + f.wallOffset();
        f.setRigidBodies(gate, List.of(gate.samples(d, -behind, 2.5 * a, -behind, slab + behind)));
        f.addBlock(new double[3], new double[] {a, 2 * a, slab}, new double[3]);
        f.settle(0.5);
        gate.y = 1e3;   // far outside the liquid's grid: its samples no longer act
        return f;
    }

    /** Advances to {@code t} with steps of at most {@link #RUN_DT}. */
    static void advance(FluidSolver f, double t) {
        while (f.time() < t - 1e-12) f.step(Math.min(RUN_DT, t - f.time()));
    }

    /** The surge front's distance from the back wall's surface (x = -PACKING_SHIFT d), metres. */
    static double front(FluidSolver f) {
        double front = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.size(); i++) if (f.liquidNeighbourCount(i) >= 8) front = Math.max(front, f.x(i));
        return front + f.spacing() / 2 + FluidSolver.PACKING_SHIFT * f.spacing();
    }

    private static double maxSpeed(FluidSolver f) {
        double v = 0;
        for (int i = 0; i < f.size(); i++) v = Math.max(v, Math.sqrt(f.vx(i) * f.vx(i) + f.vy(i) * f.vy(i) + f.vz(i) * f.vz(i)));
        return v;
    }

    /**
     * The dam: a plane of boundary samples across the slab at x = {@code x}, reaching behind the
     * floor's and side walls' surfaces as the tank's own walls do. A kinematic body for
     * {@link FluidSolver#setRigidBodies}: the liquid's force does not move it; the test moves it.
     */
    static final class Gate implements RigidBodies {
        final double x, z;
        double y;

        Gate(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        /** Samples (spacing d) over y0..y1, z0..z1 in world coordinates, relative to the gate's current position. */
        BoundarySamples samples(double d, double y0, double y1, double z0, double z1) {
            List<Double> p = new ArrayList<>();
            for (double sy = y0; sy <= y1 + 1e-9; sy += d)
                for (double sz = z0; sz <= z1 + 1e-9; sz += d) {
                    p.add(0.0);
                    p.add(sy - y);
                    p.add(sz - z);
                }
            double[] xyz = new double[p.size()];
            for (int k = 0; k < xyz.length; k++) xyz[k] = p.get(k);
            return BoundarySamples.of(xyz);
        }

        @Override public int count() { return 1; }

        @Override public void state(int body, double[] out) {
            Arrays.fill(out, 0, 13, 0);
            out[0] = x;
            out[1] = y;
            out[2] = z;
            out[6] = 1;   // identity orientation (x, y, z, w)
        }

        @Override public void advance(double dt, double[] fluidWrenches) {}
    }
}
