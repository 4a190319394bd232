package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same scene gives the same bits for any thread count. */
class DeterminismTest {
    private static long[] run(int threads) {
        double d = 0.01;
        double[] min = {0, 0, 0}, max = {0.3, 0.3, 0.12};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withThreads(threads).withSeed(7))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            f.addBlock(min, new double[] {0.1, 0.2, 0.12}, new double[3]);
            RigidWorld world = new RigidWorld(new double[] {0, -9.81, 0}, 0.5);
            world.addTankInterior(min, max);
            world.addBox(500, 0.025, 0.025, 0.025, new double[] {0.2, 0.1, 0.06});
            f.setRigidBodies(world, List.of(BoundarySamples.boxSurface(0.025, 0.025, 0.025, d, f.wallOffset())));
            f.addEmitter(new Nozzle(f, new double[] {0.25, 0.25, 0.06}, new double[] {0, -1, 0}, 0.012, 1.0, 0, 1));
            f.advanceTo(0.25);
            long bubbles = f.drainBubbles().hashCode();
            double[] p = world.position(0);
            return new long[] {f.stateHash(), Double.doubleToLongBits(p[0] + 3 * p[1] + 7 * p[2]), f.size(), bubbles};
        }
    }

    @Test
    void oneTwoAndFiveThreadsGiveBitIdenticalStates() {
        long[] one = run(1);
        assertNotEquals(0, one[2]);
        for (int t : new int[] {2, 5}) {
            long[] other = run(t);
            assertEquals(one[0], other[0], "particle state with " + t + " threads");
            assertEquals(one[1], other[1], "body position with " + t + " threads");
            assertEquals(one[2], other[2], "particle count with " + t + " threads");
            assertEquals(one[3], other[3], "bubbles with " + t + " threads");
        }
    }
}
