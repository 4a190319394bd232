package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sample depends on its index only: not on how the caller cuts the film into blocks. */
class BlockIndependenceTest {

    /** Overlapping strikes of several bodies, left, right and centre, some ringing for seconds. */
    static Scene scene() {
        return TestScenes.scene(Material.WOOD,
                TestScenes.ball("rubber", Material.RUBBER, 0.2),
                TestScenes.ball("steel", Material.STEEL, 0.3),
                TestScenes.shape("rod", Shape.CYLINDER, Material.STEEL, new Vec3(0.04, 0.5, 0.04)),
                TestScenes.shape("plank", Shape.PLANK, Material.WOOD, new Vec3(1, 0.02, 0.1)),
                TestScenes.shape("cube", Shape.CUBE, Material.GLASS, new Vec3(0.1, 0.1, 0.1)));
    }

    static List<ContactEvent> events(Scene s) {
        List<ContactEvent> e = new ArrayList<>();
        e.add(TestScenes.drop(s, "rubber", 1, 0.01, new Vec3(-1, 0, 0)));
        e.add(TestScenes.drop(s, "rod", 0.3, 0.0123, new Vec3(1, 0, 0.5)));
        e.add(TestScenes.collide(s, "steel", "rod", 2, 0.0501));
        e.add(TestScenes.drop(s, "plank", 0.2, 0.0502, new Vec3(0.2, 0, 0)));
        e.add(TestScenes.drop(s, "cube", 0.7, 0.07, new Vec3(-0.4, 0, 0.3)));
        e.add(TestScenes.drop(s, "steel", 0.4, 0.0701, new Vec3(0.6, 0, 0)));
        return e;
    }

    @Test
    void oneBlockOf4800EqualsTwoBlocksOf2400BitForBit() {
        Scene s = scene();
        SoundTrack track = new SoundTrack(s, events(s));
        float[][] whole = Signals.render(track, 0, 4800);
        float[][] halves = Signals.renderInBlocks(track, 0, 4800, new int[] {2400});
        assertArrayEquals(Signals.bits(whole[0]), Signals.bits(halves[0]));
        assertArrayEquals(Signals.bits(whole[1]), Signals.bits(halves[1]));
        assertFalse(Arrays.equals(whole[0], new float[4800]), "the test must hear something");
    }

    @Test
    void anySplitGivesTheSameSamplesOverSecondsOfRinging() {
        Scene s = scene();
        SoundTrack track = new SoundTrack(s, events(s));
        int total = 3 * SoundTrack.SAMPLE_RATE;
        float[][] reference = Signals.render(track, 0, total);
        Signals.assertSameInAnyBlocks(track, reference, new int[][] {{2000}, {1}, {511, 513, 7, 1024, 3}, {48000}, {1600, 37}});
        // Starting in the middle of a voice, away from the start, also agrees.
        float[][] tail = Signals.render(track, 30_001, 50_000);
        assertArrayEquals(Signals.bits(Arrays.copyOfRange(reference[0], 30_001, 80_001)), Signals.bits(tail[0]));
    }

    @Test
    void theSameSceneAndSeedGiveTheSameSoundAndAnotherSeedAnother() {
        Scene s = scene();
        float[][] a = Signals.render(new SoundTrack(s, events(s)), 0, 9600);
        float[][] b = Signals.render(new SoundTrack(s, events(s)), 0, 9600);
        float[][] c = Signals.render(new SoundTrack(s.withSeed(s.seed() + 1), events(s)), 0, 9600);
        assertArrayEquals(Signals.bits(a[0]), Signals.bits(b[0]));
        assertArrayEquals(Signals.bits(a[1]), Signals.bits(b[1]));
        assertFalse(Arrays.equals(a[0], c[0]), "the strike draws come from the seed");
    }

    @Test
    void blocksBeforeTheFirstAndAfterTheLastSoundAreSilent() {
        Scene s = scene();
        SoundTrack track = new SoundTrack(s, events(s));
        float[][] before = Signals.render(track, -1000, 1000);
        float[][] after = Signals.render(track, track.endSample(), 1000);
        for (float[] x : new float[][] {before[0], before[1], after[0], after[1]}) {
            for (float v : x) assertEquals(0, Float.floatToRawIntBits(v), "exactly +0.0");
        }
    }
}
