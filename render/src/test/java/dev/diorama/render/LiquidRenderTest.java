package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A liquid in the picture: its particles become a closed surface that the camera's rays meet, and
 * the liquid shows its colour by what it absorbs — clear water leaves the floor behind it bright
 * (a little bluer), honey turns it amber and dark.
 */
class LiquidRenderTest {
    /** A 20 cm cube of liquid standing on a white floor, seen from the front, at noon. */
    private static Scene scene(String kind) {
        return SceneJson.read("""
                {"size": "64x48", "seed": 1, "environment": {"floor": "paper"},
                 "camera": {"position": [0, 0.6, -0.9], "lookAt": [0, 0.05, 0], "fov": 30},
                 "objects": [],
                 "liquids": [{"id": "l", "kind": "%s", "min": [-0.1, 0, -0.1], "max": [0.1, 0.2, 0.1], "spacing": 0.01}]}
                """.formatted(kind));
    }

    /** The block's particles on a lattice, as the simulation would start them. */
    private static LiquidFrame block() {
        int n = 20 * 20 * 20;
        float[] p = new float[3 * n];
        int k = 0;
        for (int i = 0; i < 20; i++)
            for (int j = 0; j < 20; j++)
                for (int m = 0; m < 20; m++) {
                    p[k++] = (float) (-0.095 + 0.01 * i);
                    p[k++] = (float) (0.005 + 0.01 * j);
                    p[k++] = (float) (-0.095 + 0.01 * m);
                }
        return new LiquidFrame(n, 0.008, p);
    }

    private static int[] pixel(Scene scene, LiquidFrame liquid, int x, int y, int[] surface) {
        try (Renderer r = new Renderer(scene, 2)) {
            byte[] bgr = new byte[scene.width() * scene.height() * 3];
            r.render(new Keyframe(0, 0, List.of(), liquid == null ? List.of() : List.of(liquid)), bgr);
            int i = 3 * (y * scene.width() + x);
            surface[0] = r.surfaceAt(x, y);
            return new int[] {bgr[i + 2] & 255, bgr[i + 1] & 255, bgr[i] & 255};
        }
    }

    @Test
    void raysMeetTheLiquidsSurfaceAndHoneyIsAmberWhereWaterIsClear() {
        int x = 32, y = 30;
        int[] id = new int[1];
        int[] floor = pixel(scene("water"), null, x, y, id);
        int floorId = id[0];
        int[] water = pixel(scene("water"), block(), x, y, id);
        assertEquals(0, id[0], "the ray through the middle meets the liquid (surface id 0: no objects, the first liquid)");
        assertTrue(floorId != 0, "without the liquid it meets the floor");
        int[] honey = pixel(scene("honey"), block(), x, y, id);
        assertEquals(0, id[0]);
        System.out.printf("floor %s, through water %s, through honey %s%n", java.util.Arrays.toString(floor),
                java.util.Arrays.toString(water), java.util.Arrays.toString(honey));
        // Honey: amber (red over green over blue) and darker than the floor seen through water.
        assertTrue(honey[0] > honey[1] && honey[1] > honey[2], "honey is amber: " + java.util.Arrays.toString(honey));
        assertTrue(honey[2] < 0.5 * water[2], "honey absorbs the blue that water lets through");
        // Water is clear: the floor seen through 20 cm of it keeps most of its light (less what the
        // surfaces reflect away and what is refracted towards the sky), and loses red before blue.
        double floorMean = (floor[0] + floor[1] + floor[2]) / 3.0, waterMean = (water[0] + water[1] + water[2]) / 3.0;
        double honeyMean = (honey[0] + honey[1] + honey[2]) / 3.0;
        assertTrue(waterMean > 0.7 * floorMean, "water is clear: " + waterMean + " against the floor's " + floorMean);
        assertTrue(honeyMean < 0.4 * floorMean, "honey is dark: " + honeyMean);
        assertTrue((double) water[2] / water[0] > (double) floor[2] / floor[0], "water takes more red than blue");
    }
}
