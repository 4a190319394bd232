package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Water drops do not bounce off a wall they land on: a drop of a few millimetres that strikes a
 * surface at rain's speed spreads and stays (its impact's kinetic energy goes into spreading and
 * the contact line's pinning; the Weber number of a 5 mm drop at 4 m/s is about 1,100, far past
 * the rebound of a non-wetting surface). Before, the density solve turned a lone particle's overlap
 * with the wall into velocity and it rebounded, often higher than it fell: rain on an empty glass
 * tank left 33 of 60 drops in the air or outside the tank half a second after it stopped.
 */
class LoneDropTest {
    @Test
    void rainOnAnEmptyTankStaysInIt() {
        double d = 0.005;
        double[] min = {0, 0, 0}, max = {0.3, 0.15, 0.2};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            // 5 mm drops (one particle each) at 4.5 m/s over the tank's middle for 0.5 s, released 0.4 m up
            Rain rain = new Rain(0.03, 0.27, 0.03, 0.17, 0.4, 0.5 * d, 4.5, 120, 0, 0.5, 7);
            f.addEmitter(rain);
            f.advanceTo(1.0);
            // In the tank: the particle's centre inside its walls' surfaces, or within its own radius
            // of them (a lone particle rests with its centre about on the surface).
            int inTank = 0, resting = 0;
            double r = d / 2;
            for (int i = 0; i < f.size(); i++) {
                boolean in = f.x(i) > -r && f.x(i) < 0.3 + r && f.z(i) > -r && f.z(i) < 0.2 + r && f.y(i) > -r && f.y(i) < 0.15;
                if (in) inTank++;
                if (in && f.y(i) < 2 * d && Math.abs(f.vy(i)) < 0.05) resting++;
            }
            System.out.printf("rain on an empty tank: %d drops, %d particles, %d in the tank, %d resting on its floor%n",
                    rain.drops(), f.size(), inTank, resting);
            assertTrue(rain.drops() > 40, "drops fell: " + rain.drops());
            assertEquals(rain.drops(), f.size(), "no particle left the domain");
            assertEquals(f.size(), inTank, "every drop stays in the tank");
            assertTrue(resting >= 0.9 * f.size(), "and lies on its floor half a second after the rain: " + resting);
        }
    }
}
