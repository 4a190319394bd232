package dev.diorama.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classifier-free guidance of the roll-out (WorldModel.Guidance), on the shipped checkpoint:
 * v = v(weak) + w (v(full) - v(weak)), so w = 1 is the plain roll-out and w = 0 the weaker
 * condition's, bit for bit; a caption's guidance without a caption changes nothing.
 */
class GuidanceTest {
    static final String CAPTION = "a red rubber ball drops from 1.0 m on a wooden floor";
    static List<float[]> context;

    @BeforeAll
    static void setUp() {
        Neural.configureEngine(1);
        // eight pictures of a red square falling across a grey floor, 64 x 64 planar RGB
        context = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            float[] p = new float[3 * 64 * 64];
            Arrays.fill(p, 0.5f);
            for (int y = 10 + 3 * f; y < 18 + 3 * f; y++) {
                for (int x = 28; x < 36; x++) {
                    p[y * 64 + x] = 0.9f;
                    p[64 * 64 + y * 64 + x] = 0.1f;
                    p[2 * 64 * 64 + y * 64 + x] = 0.1f;
                }
            }
            context.add(p);
        }
    }

    static float[] roll(WorldModel m, String caption, WorldModel.Guidance g) {
        List<List<float[]>> out = m.rollout(List.of(context), List.of(caption), 2, 2, 1f, 7, g);
        float[] a = out.get(0).get(0), b = out.get(0).get(1), both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void guidanceIsTheWeakerConditionPlusWTimesTheDifference() throws Exception {
        try (WorldModel m = Neural.load(null)) {
            float[] plain = roll(m, CAPTION, WorldModel.Guidance.NONE), uncaptioned = roll(m, "", WorldModel.Guidance.NONE);
            WorldModel.Guidance.Kind caption = WorldModel.Guidance.Kind.CAPTION;
            assertArrayEquals(plain, roll(m, CAPTION, new WorldModel.Guidance(caption, 1)), "w = 1: the plain roll-out");
            assertArrayEquals(uncaptioned, roll(m, CAPTION, new WorldModel.Guidance(caption, 0)), "w = 0: the roll-out without the caption");
            assertArrayEquals(uncaptioned, roll(m, "", new WorldModel.Guidance(caption, 3)), "no caption: nothing to guide by");
            assertFalse(Arrays.equals(plain, roll(m, CAPTION, Neural.DEFAULT_GUIDANCE)), "w = 3 moves the pictures");
            assertFalse(Arrays.equals(plain, roll(m, CAPTION, new WorldModel.Guidance(WorldModel.Guidance.Kind.MEMORY, 2))),
                    "so does guidance by the older frames");
        }
        assertThrows(WorldModelException.class, () -> WorldModel.Guidance.parse("loud:2"));
        assertThrows(WorldModelException.class, () -> WorldModel.Guidance.parse("caption:much"));
        assertArrayEquals(new Object[] {WorldModel.Guidance.Kind.CAPTION, 3f},
                new Object[] {WorldModel.Guidance.parse("caption:3").kind(), WorldModel.Guidance.parse("caption:3").weight()});
    }
}
