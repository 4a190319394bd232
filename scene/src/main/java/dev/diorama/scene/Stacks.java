package dev.diorama.scene;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Stacks of bodies at the start of a scene, as far as stepping them goes: a tall stack needs more
 * solver iterations (the simulator) and more steps a second (the prompt's staging) than Bullet's
 * defaults, or its upper layers sink into the lower ones and slide off them.
 *
 * <p>Measured (3 s, {@code diorama render}, the largest distance any body moved from its start):
 * at 240 steps a second and 100 iterations a column of 12 cubes of 20 cm moved 3.8 cm and a Jenga
 * tower of 8 layers fell; at 960 steps a second the column moved 1.1 cm (its millimetre gaps
 * settling) and 18 layers of Jenga blocks 4 mm.
 */
public final class Stacks {
    /** From this many bodies deep a stack steps {@link #TALL_RATE} times a second. */
    public static final int TALL = 8;
    /** Steps a second for a stack {@link #TALL} or more deep. */
    public static final int TALL_RATE = 960;

    private Stacks() {}

    /**
     * How many moving bodies deep the tallest stack stands: a body stands on another when its bottom
     * is within 2 mm of the other's top and their boxes overlap seen from above.
     */
    public static int depth(List<SceneObject> objects) {
        int n = objects.size();
        double[][] box = new double[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            SceneObject o = objects.get(i);
            order[i] = i;
            if (o.fixed()) continue;
            double hx = o.halfExtent(new Vec3(1, 0, 0)), hz = o.halfExtent(new Vec3(0, 0, 1)), hy = o.halfHeight();
            Vec3 p = o.position();
            box[i] = new double[] {p.x() - hx, p.x() + hx, p.y() - hy, p.y() + hy, p.z() - hz, p.z() + hz};
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> box[i] == null ? 0 : box[i][2]));
        int[] depth = new int[n];
        int deepest = 0;
        for (int a = 0; a < n; a++) {
            int i = order[a];
            if (box[i] == null) continue;
            depth[i] = 1;
            for (int b = 0; b < a; b++) {
                int j = order[b];
                if (box[j] == null || Math.abs(box[i][2] - box[j][3]) > 0.002) continue;
                if (box[i][0] < box[j][1] && box[j][0] < box[i][1] && box[i][4] < box[j][5] && box[j][4] < box[i][5]) {
                    depth[i] = Math.max(depth[i], depth[j] + 1);
                }
            }
            deepest = Math.max(deepest, depth[i]);
        }
        return deepest;
    }
}
