package dev.diorama.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.engine.Progress;
import dev.diorama.eval.Dataset;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    /** Two context frames, the one before and the one three before (sparse, as the default's older ones). */
    static final WorldModel.Config TINY = new WorldModel.Config(32, 3, 4, 4, 2, 32, 1, 2, List.of(1, 3), 16);
    @TempDir
    static Path dir;
    static ClipSet data;

    @BeforeAll
    static void dataset() throws Exception {
        Dataset.write(new Dataset.Spec(3, 32, 32, 0.5, 24, 7), dir.resolve("data"), 1, Progress.NONE);
        data = ClipSet.read(dir.resolve("data"), ClipSet.Options.FULL);
    }

    static Training.Settings settings(int ae, int dit) {
        return new Training.Settings(ae, dit, 8, 3, 3e-3f, 3e-3f, 5, TINY);
    }

    /**
     * The mean of the steps' losses in [from, to), leaving out steps the trainer skipped (a step whose
     * gradient is not finite is skipped and its loss recorded as NaN, by design: Training, Adam).
     * A fresh clone's CI (2026-11-27, thirteenth session) had transformer step 3 skipped here, which
     * made the first window's mean NaN and failed the test though the loss fell from 2.07 to 0.97;
     * the same seed gave a finite step 3 (1.929) in every run on the working tree, so which step is
     * skipped is not deterministic (recorded in docs/world-model.md, What is missing).
     */
    static double mean(List<Double> v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(v.get(i))) continue;
            s += v.get(i);
            n++;
        }
        return s / n;
    }

    static long skipped(List<Double> v) {
        return v.stream().filter(x -> !Double.isFinite(x)).count();
    }

    @Test
    void aFewStepsOfTrainingLowerBothLosses() throws Exception {
        Training.Result r = Training.run(data, dir.resolve("a"), settings(40, 40), Training.Listener.NONE);
        try (WorldModel m = r.model()) {
            List<Double> ae = r.losses().autoencoder(), dit = r.losses().transformer();
            assertEquals(40, ae.size());
            assertEquals(40, dit.size());
            assertTrue(skipped(ae) <= 2 && skipped(dit) <= 2, "at most 2 of 40 steps skipped: " + ae + " " + dit);
            assertTrue(mean(ae, 35, 40) < 0.5 * mean(ae, 0, 5), "autoencoder loss " + ae);
            assertTrue(mean(dit, 35, 40) < 0.8 * mean(dit, 0, 5), "transformer loss " + dit);
            assertTrue(Files.size(dir.resolve("a/loss.png")) > 1000);
            assertTrue(Files.readString(dir.resolve("a/loss.csv")).lines().count() == 81);
        }
    }

    @Test
    void aSavedModelReloadsToIdenticalOutputs() throws Exception {
        Training.Result r = Training.run(data, dir.resolve("b"), settings(10, 10), Training.Listener.NONE);
        List<List<float[]>> ctx = List.of(List.of(data.frame(0, 0), data.frame(0, 1)), List.of());
        List<String> captions = List.of(data.clips().get(0).caption(), "a red ball");
        List<List<float[]>> before;
        try (WorldModel m = r.model()) {
            before = m.rollout(ctx, captions, 3, 4, 1f, 11);
        }
        try (InputStream in = Files.newInputStream(dir.resolve("b/model.bin")); WorldModel m = WorldModel.load(in, "model.bin")) {
            List<List<float[]>> after = m.rollout(ctx, captions, 3, 4, 1f, 11);
            for (int i = 0; i < 2; i++) for (int f = 0; f < 3; f++) assertArrayEquals(before.get(i).get(f), after.get(i).get(f));
            // another seed gives another film: the comparison above can fail
            List<List<float[]>> other = m.rollout(ctx, captions, 1, 4, 1f, 12);
            assertTrue(!java.util.Arrays.equals(other.get(1).get(0), after.get(1).get(0)));
        }
    }

    /**
     * The context frames are stored by their offsets; a model written before that (its header has
     * only a count, "context": K) saw the K frames just before and reads so.
     */
    @Test
    void aModelWithoutOffsetsReadsAsTheFramesJustBefore() throws Exception {
        try (WorldModel m = WorldModel.create(TINY, Vocabulary.of(List.of("a red ball")), 5)) {
            byte[] bytes = m.toBytes();
            try (WorldModel again = WorldModel.load(new java.io.ByteArrayInputStream(bytes), "model.bin")) {
                assertEquals(List.of(1, 3), again.config().offsets());
            }
            // the same file with its header's offsets removed
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            int at = WorldModel.MAGIC.length();
            int length = b.getInt(at);
            var header = (com.fasterxml.jackson.databind.node.ObjectNode) dev.diorama.scene.SceneJson.MAPPER.readTree(
                    java.util.Arrays.copyOfRange(bytes, at + 4, at + 4 + length));
            ((com.fasterxml.jackson.databind.node.ObjectNode) header.get("config")).remove("offsets");
            byte[] h = dev.diorama.scene.SceneJson.MAPPER.writeValueAsBytes(header);
            java.io.ByteArrayOutputStream legacy = new java.io.ByteArrayOutputStream();
            legacy.write(bytes, 0, at);
            legacy.write(java.nio.ByteBuffer.allocate(4).putInt(h.length).array());
            legacy.write(h);
            legacy.write(bytes, at + 4 + length, bytes.length - at - 4 - length);
            try (WorldModel old = WorldModel.load(new java.io.ByteArrayInputStream(legacy.toByteArray()), "old model.bin")) {
                assertEquals(List.of(1, 2), old.config().offsets());
                assertEquals(m.parameterCount(), old.parameterCount());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new WorldModel.Config(32, 3, 4, 4, 2, 32, 1, 2, List.of(2, 2), 16));
        assertThrows(IllegalArgumentException.class, () -> new WorldModel.Config(32, 3, 4, 4, 2, 32, 1, 2, List.of(0, 1), 16));
    }

    @Test
    void anInterruptedRunResumedFromItsCheckpointEndsAsAnUninterruptedOne() throws Exception {
        List<Double> straightAe, straightDit;
        Training.Result r = Training.run(data, dir.resolve("c"), settings(12, 12), Training.Listener.NONE);
        try (WorldModel m = r.model()) {
            straightAe = new ArrayList<>(r.losses().autoencoder());
            straightDit = new ArrayList<>(r.losses().transformer());
        }
        // "interrupted" after the checkpoint at autoencoder step 10: a run asked for 10 + 0 steps
        Training.run(data, dir.resolve("d"), settings(10, 0), Training.Listener.NONE).model().close();
        int[] resumedAt = new int[2];
        Training.Listener l = new Training.Listener() {
            @Override public void step(String phase, int step, int total, double loss, double rate) {}
            @Override public void resumed(int ae, int dit) { resumedAt[0] = ae; resumedAt[1] = dit; }
        };
        Training.Result again = Training.run(data, dir.resolve("d"), settings(12, 12), l);
        try (WorldModel m = again.model()) {
            assertArrayEquals(new int[] {10, 0}, resumedAt);
            assertEquals(straightAe, again.losses().autoencoder());
            assertEquals(straightDit, again.losses().transformer());
        }
    }
}
