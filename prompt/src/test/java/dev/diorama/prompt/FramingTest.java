package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The camera distance found in one pass is the one the bisection finds. */
class FramingTest {
    @Test
    void theDistanceAlongAFixedLineOfSightIsTheBisections() {
        Random r = new Random(8);
        for (int trial = 0; trial < 500; trial++) {
            List<Vec3> points = new ArrayList<>();
            for (int k = 1 + r.nextInt(200); k > 0; k--) {
                points.add(new Vec3(r.nextGaussian() * 3, Math.abs(r.nextGaussian()) * 2, r.nextGaussian() * 3));
            }
            Vec3 c = new Vec3(r.nextGaussian(), Math.abs(r.nextGaussian()), r.nextGaussian());
            double down = Math.toRadians(r.nextDouble() * 89.5);
            Vec3 forward = new Vec3(0, -Math.sin(down), Math.cos(down));
            double tanX = Math.tan(Math.toRadians(10 + r.nextDouble() * 60)), tanY = tanX / (0.5 + r.nextDouble() * 1.5);
            double bisected = Framing.fit(points, s -> c.minus(forward.times(s)), c, tanX, tanY);
            double direct = Framing.fitAlong(points, forward, c, tanX, tanY);
            assertEquals(bisected, direct, 1e-9 * bisected, "trial " + trial);
        }
    }
}
