package dev.diorama.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.engine.Progress;
import dev.diorama.eval.Dataset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-clip denoiser: it learns, it reloads to the same films, and it keeps what it was told. */
class ClipModelTest {
    /** 4 known and 8 made frames of the tiny frame model's 8 × 8 latents, in 2 × 2 × 4 tokens: 3 × 16 = 48 tokens. */
    static final ClipModel.Config TINY = new ClipModel.Config(4, 8, 2, 4, 32, 1, 2);
    @TempDir
    static Path dir;
    static ClipSet data;
    static WorldModel frames;
    static float[][][] latents;

    @BeforeAll
    static void setUp() throws Exception {
        Dataset.write(new Dataset.Spec(3, 32, 32, 0.5, 24, 7), dir.resolve("data"), 1, Progress.NONE);
        data = ClipSet.read(dir.resolve("data"), ClipSet.Options.FULL);
        frames = WorldModel.create(TrainingTest.TINY, Vocabulary.of(data.captions()), 3);
        latents = Training.encodeAll(frames, data);
    }

    @AfterAll
    static void tearDown() {
        frames.close();
    }

    /** The loss on ten fixed batches (steps 1000-1009 of seed 9), the weights left as they are (learning rate 0). */
    static double heldOutLoss(ClipModel m) {
        Adam still = m.optimizer();
        List<Double> l = new ArrayList<>();
        for (int k = 0; k < 10; k++) l.add(m.trainStep(still, latents, data.captions(), 8, 9, 1000 + k, 0f));
        return TrainingTest.mean(l, 0, 10);
    }

    @Test
    void aFewStepsOfTrainingLowerTheLoss() {
        try (ClipModel m = ClipModel.create(TINY, frames, 1)) {
            m.measureChanges(latents);
            double before = heldOutLoss(m);
            // the untrained network predicts zero: a loss of E x0^2, 1 for changes scaled to unit variance
            // on these same clips (measureChanges)
            assertEquals(1, before, 0.2, "untrained loss");
            Adam opt = m.optimizer();
            List<Double> losses = new ArrayList<>();
            for (int step = 0; step < 100; step++) losses.add(m.trainStep(opt, latents, data.captions(), 8, 1, step, 3e-3f));
            assertTrue(TrainingTest.skipped(losses) <= 2, "at most 2 of 100 steps skipped: " + losses);
            double after = heldOutLoss(m);
            System.out.printf("whole-clip model, tiny: held-out loss %.3f before, %.3f after 100 steps%n", before, after);
            assertTrue(after < 0.8 * before, "held-out loss " + before + " -> " + after + "; steps " + losses);
        }
    }

    @Test
    void aSavedModelReloadsToIdenticalFilmsThatContinueTheKnownPictures() throws Exception {
        List<List<float[]>> ctx = List.of(List.of(data.frame(0, 0), data.frame(0, 1), data.frame(0, 2), data.frame(0, 3)),
                List.of(data.frame(1, 0), data.frame(1, 1), data.frame(1, 2), data.frame(1, 3), data.frame(1, 4)));
        List<String> captions = List.of(data.clips().get(0).caption(), "");
        byte[] bytes;
        float[] changes;
        List<List<float[]>> before;
        try (ClipModel m = ClipModel.create(TINY, frames, 2)) {
            m.measureChanges(latents);
            Adam opt = m.optimizer();
            for (int step = 0; step < 5; step++) m.trainStep(opt, latents, data.captions(), 4, 2, step, 3e-3f);
            before = m.continueClips(ctx, captions, 3, 1f, 11);
            changes = m.changeStd();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            m.save(b);
            bytes = b.toByteArray();
        }
        assertEquals(2, before.size());
        assertEquals(8, before.get(0).size());
        assertEquals(32 * 32 * 3, before.get(0).get(0).length);
        try (ClipModel m = ClipModel.load(new ByteArrayInputStream(bytes), "clip.bin", frames)) {
            assertEquals(TINY, m.config());
            assertArrayEquals(changes, m.changeStd());
            List<List<float[]>> after = m.continueClips(ctx, captions, 3, 1f, 11);
            for (int i = 0; i < 2; i++) for (int f = 0; f < 8; f++) assertArrayEquals(before.get(i).get(f), after.get(i).get(f));
            // another seed gives another film, so the comparison above can fail
            assertFalse(Arrays.equals(before.get(0).get(0), m.continueClips(ctx, captions, 3, 1f, 12).get(0).get(0)));
            // fewer known pictures than the model was made for is refused
            assertThrows(IllegalArgumentException.class, () -> m.continueClips(List.of(ctx.get(0).subList(0, 3)), List.of(""), 3, 1f, 0));
        }
        // a frame model's file is not a whole-clip model
        WorldModelException e = assertThrows(WorldModelException.class,
                () -> ClipModel.load(new ByteArrayInputStream(frames.toBytes()), "model.bin", frames));
        assertTrue(e.getMessage().contains("not a Diorama whole-clip model"), e.getMessage());
        // nor is a clip model cut short
        e = assertThrows(WorldModelException.class,
                () -> ClipModel.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2)), "clip.bin", frames));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
