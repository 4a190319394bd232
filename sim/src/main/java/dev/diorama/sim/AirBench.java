package dev.diorama.sim;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the air costs the simulation: N balls and cubes dropped in a heap, simulated with Earth's
 * air and without, alternately, R rounds; prints each time and the ratio of the medians.
 * {@code java -cp 'cli/target/lib/*' dev.diorama.sim.AirBench [N] [ROUNDS]} (defaults 200, 5).
 */
public final class AirBench {
    private AirBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200, rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = (i % 10) * 0.25 - 1.125, z = (i / 10 % 10) * 0.25 - 1.125, y = 0.5 + (i / 100) * 0.3;
            Shape shape = i % 2 == 0 ? Shape.BALL : Shape.CUBE;
            objects.add(new SceneObject("o" + i, shape, i % 3 == 0 ? Material.FOAM : Material.WOOD, null,
                    new Vec3(0.15, 0.15, 0.15), new Vec3(x, y, z), null, null));
        }
        double[][] seconds = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int air = 0; air < 2; air++) {
                Environment env = Environment.outdoor(Material.WOOD);
                env = env.withAirDensity(air == 1 ? Environment.EARTH_AIR_DENSITY : 0);
                Scene s = new Scene(1, 3, 24, 320, 180, 240, Scene.STANDARD_GRAVITY, LocalTime.NOON, env, null, objects);
                long t0 = System.nanoTime();
                Simulator.run(s);
                seconds[air][r] = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d, %s: %.3f s%n", r + 1, air == 1 ? "air" : "no air", seconds[air][r]);
            }
        }
        for (double[] t : seconds) java.util.Arrays.sort(t);
        System.out.printf("%d bodies, 3 s at 240 steps/s: median %.3f s with air, %.3f s without; ratio %.3f%n", n,
                seconds[1][rounds / 2], seconds[0][rounds / 2], seconds[1][rounds / 2] / seconds[0][rounds / 2]);
    }
}
