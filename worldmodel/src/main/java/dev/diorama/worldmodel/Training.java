package dev.diorama.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.scene.SceneJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains a {@link WorldModel} on a {@link ClipSet} in two phases, as latent diffusion does: first
 * the compression network (reconstruction), then, on the frozen latents, the diffusion transformer
 * (flow matching).
 *
 * <p><b>Resumable.</b> Every {@link Settings#checkpointEvery()} steps and at the end it writes
 * {@code checkpoint.bin} (the model, both optimizers' moments, the losses so far) and
 * {@code model.bin} (the model alone, what {@code --backend neural} loads), each to a temporary file
 * moved into place, plus {@code loss.csv} and {@code loss.png}. Run again with the same data and
 * seed, it reads {@code checkpoint.bin} and goes on from its step. Batch {@code k} is drawn from a
 * random stream seeded by the seed and k alone, so a resumed run sees the batches an uninterrupted
 * one would have.
 *
 * <p><b>Autoencoder loss.</b> Mean squared error, with the pixels that changed since the frame
 * before (by more than 0.05 summed over channels) weighted {@value #MOVING_WEIGHT}×: bodies are
 * 6–10 pixels across and would otherwise count for almost nothing against the floor and sky.
 *
 * <p><b>Transformer loss.</b> For frame j of a clip: x₀ its standardised latent, the context its
 * K predecessors (absent before the clip's start), each with Gaussian noise of a standard deviation
 * drawn from [0, {@value #CONTEXT_NOISE}] (so the model learns to continue from its own imperfect
 * frames, as DIAMOND and GameNGen do), t from a logit-normal distribution (Esser et al., 2024),
 * ε Gaussian, and the caption left out one time in {@value #CAPTION_DROP_IN} so films without
 * one can be continued: loss = |v(x_t) − (ε − x₀)|².
 */
public final class Training {
    static final float MOVING_WEIGHT = 20f;
    static final float CONTEXT_NOISE = 0.1f;
    static final int CAPTION_DROP_IN = 10;
    static final int MAX_SKIPPED = 50;
    static final String CHECKPOINT = "checkpoint.bin", MODEL = "model.bin", LOSS_CSV = "loss.csv", LOSS_PNG = "loss.png";
    private static final String STATE_MAGIC = "DIORAMA-WORLDMODEL-TRAINING/1\n";

    /**
     * @param aeSteps          autoencoder steps
     * @param ditSteps         transformer steps
     * @param batch            samples a step (frames for the autoencoder, predictions for the transformer)
     * @param seed             weights and batches
     * @param aeRate           autoencoder learning rate
     * @param ditRate          transformer learning rate (linear warm-up over the first 100 steps, or a tenth of them when fewer)
     * @param checkpointEvery  steps between checkpoints
     * @param config           the model's shape
     */
    public record Settings(int aeSteps, int ditSteps, int batch, long seed, float aeRate, float ditRate, int checkpointEvery,
                           WorldModel.Config config) {
        public Settings {
            if (aeSteps < 0 || ditSteps < 0) throw new WorldModelException("steps must not be negative");
            if (batch < 1 || batch > 4096) throw new WorldModelException("--batch: expected 1 to 4096, found " + batch);
            if (checkpointEvery < 1) throw new WorldModelException("checkpoints must be at least one step apart");
        }

        public static Settings defaults(int ditSteps, long seed) {
            return new Settings(Math.max(1, ditSteps / 4), ditSteps, 32, seed, 2e-3f, 5e-4f, 100, WorldModel.Config.DEFAULT);
        }
    }

    /** What a training run reports as it goes. */
    public interface Listener {
        /** After each step: the phase ("autoencoder" or "transformer"), its step (1-based) and its total, the loss. */
        void step(String phase, int step, int total, double loss, double samplesPerSecond);

        /** After a checkpoint was written. */
        default void checkpoint(Path file, int aeStep, int ditStep) {}

        /** The run went on from a checkpoint. */
        default void resumed(int aeStep, int ditStep) {}

        Listener NONE = (phase, step, total, loss, rate) -> {};
    }

    /** The losses of every step so far, per phase. */
    public record Losses(List<Double> autoencoder, List<Double> transformer) {}

    /** What a run ended with; the model stays open until the caller closes it. */
    public record Result(WorldModel model, Losses losses, double aeSamplesPerSecond, double ditSamplesPerSecond) {}

    private Training() {}

    /**
     * Trains (or goes on training) into {@code out}.
     *
     * @throws WorldModelException when {@code out} holds a checkpoint of other data or another seed
     */
    public static Result run(ClipSet data, Path out, Settings s, Listener listener) throws IOException {
        Files.createDirectories(out);
        Path ckpt = out.resolve(CHECKPOINT);
        String dataKey = dataKey(data);
        WorldModel model;
        Losses losses = new Losses(new ArrayList<>(), new ArrayList<>());
        Adam aeOpt, ditOpt;
        if (Files.exists(ckpt)) {
            State st = readState(ckpt);
            model = st.model;
            JsonNode p = model.provenance();
            if (p.path("seed").asLong() != s.seed() || !dataKey.equals(p.path("data").asText())) {
                model.close();
                throw new WorldModelException(ckpt + " was made from other data or another seed (" + p.path("data").asText()
                        + ", seed " + p.path("seed").asText() + "); expected the same --data and --seed, or a new --out");
            }
            if (!model.config().equals(s.config())) {
                model.close();
                throw new WorldModelException(ckpt + " holds a model of another shape; expected a new --out");
            }
            losses = st.losses;
            aeOpt = new Adam(model.params(), names(model, "ae."));
            ditOpt = new Adam(model.params(), names(model, "dit."));
            aeOpt.restore(st.optimizer, st.updates[0]);
            ditOpt.restore(st.optimizer, st.updates[1]);
            listener.resumed(losses.autoencoder().size(), losses.transformer().size());
        } else {
            model = WorldModel.create(s.config(), Vocabulary.of(data.captions()), s.seed());
            model.provenance().put("seed", s.seed()).put("data", dataKey);
            aeOpt = new Adam(model.params(), names(model, "ae."));
            ditOpt = new Adam(model.params(), names(model, "dit."));
        }
        if (data.pictureWidth() != s.config().size() || data.pictureHeight() != s.config().size() || data.channels() != s.config().channels()) {
            model.close();
            throw new WorldModelException("the data's pictures are " + data.pictureWidth() + "x" + data.pictureHeight() + "; the model needs "
                    + s.config().size() + "x" + s.config().size());
        }
        double aeRate = 0, ditRate = 0;
        try {
            // Phase 1: the compression network
            long t0 = System.nanoTime();
            int done0 = losses.autoencoder().size();
            for (int step = done0; step < s.aeSteps(); step++) {
                double loss = autoencoderStep(model, aeOpt, data, s, step);
                losses.autoencoder().add(loss);
                checkDiverged(losses.autoencoder(), "autoencoder");
                aeRate = (double) (step + 1 - done0) * s.batch() / ((System.nanoTime() - t0) / 1e9);
                listener.step("autoencoder", step + 1, s.aeSteps(), loss, aeRate);
                if ((step + 1) % s.checkpointEvery() == 0 && step + 1 < s.aeSteps()) {
                    save(out, model, aeOpt, ditOpt, losses, s, listener);
                }
            }
            // Phase 2: the transformer, on latents of the trained (now frozen) encoder
            if (losses.transformer().isEmpty() && s.ditSteps() > 0) {
                measureLatents(model, data);
                save(out, model, aeOpt, ditOpt, losses, s, listener);
            }
            if (losses.transformer().size() < s.ditSteps()) {
                float[][][] latents = encodeAll(model, data);
                long t1 = System.nanoTime();
                int done1 = losses.transformer().size();
                for (int step = done1; step < s.ditSteps(); step++) {
                    double loss = transformerStep(model, ditOpt, latents, data, s, step);
                    losses.transformer().add(loss);
                    checkDiverged(losses.transformer(), "transformer");
                    ditRate = (double) (step + 1 - done1) * s.batch() / ((System.nanoTime() - t1) / 1e9);
                    listener.step("transformer", step + 1, s.ditSteps(), loss, ditRate);
                    if ((step + 1) % s.checkpointEvery() == 0 && step + 1 < s.ditSteps()) {
                        save(out, model, aeOpt, ditOpt, losses, s, listener);
                    }
                }
            }
            save(out, model, aeOpt, ditOpt, losses, s, listener);
        } catch (RuntimeException | IOException e) {
            model.close();
            throw e;
        }
        return new Result(model, losses, aeRate, ditRate);
    }

    /** Stops a run whose last {@value #MAX_SKIPPED} steps were all skipped (not finite): the last checkpoint stays as it was. */
    private static void checkDiverged(List<Double> losses, String phase) {
        int n = losses.size();
        if (n < MAX_SKIPPED) return;
        for (int i = n - MAX_SKIPPED; i < n; i++) if (Double.isFinite(losses.get(i))) return;
        throw new WorldModelException("the " + phase + " diverged: " + MAX_SKIPPED + " steps in a row had no finite gradient (up to step "
                + n + "); the last checkpoint is intact; try a lower learning rate");
    }

    /** What identifies the training data: the dataset's seed, count and size. */
    static String dataKey(ClipSet data) {
        return data.clips().size() + " clips, " + data.width() + "x" + data.height() + ", first " + data.clips().get(0).id()
                + " \"" + data.clips().get(0).caption() + "\"";
    }

    private static List<String> names(WorldModel m, String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : m.params().names()) if (n.startsWith(prefix)) out.add(n);
        return out;
    }

    /** The random stream of batch {@code step} of training phase {@code phase}: a resumed run draws the batches an uninterrupted one would. */
    static SplittableRandom batchRandom(long seed, int phase, int step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + phase * 1_000_003L + step);
    }

    static double autoencoderStep(WorldModel model, Adam opt, ClipSet data, Settings s, int step) {
        WorldModel.Config c = model.config();
        int B = s.batch(), P = c.pictureSize(), plane = c.size() * c.size();
        SplittableRandom r = batchRandom(s.seed(), 1, step);
        float[] x = new float[B * P], w = new float[B * P];
        for (int i = 0; i < B; i++) {
            int clip = r.nextInt(data.size());
            int frames = data.clips().get(clip).frames().size();
            int f = frames > 1 ? 1 + r.nextInt(frames - 1) : 0;
            float[] cur = data.frame(clip, f), prev = data.frame(clip, Math.max(0, f - 1));
            System.arraycopy(cur, 0, x, i * P, P);
            for (int k = 0; k < plane; k++) {
                float diff = 0;
                for (int ch = 0; ch < c.channels(); ch++) diff += Math.abs(cur[ch * plane + k] - prev[ch * plane + k]);
                float weight = diff > 0.05f ? MOVING_WEIGHT : 1f;
                for (int ch = 0; ch < c.channels(); ch++) w[i * P + ch * plane + k] = weight;
            }
        }
        NDManager base = model.manager();
        try (NDScope scope = new NDScope(); NDManager m = base.newSubManager()) {
            Shape shape = new Shape(B, c.channels(), c.size(), c.size());
            NDArray xs = m.create(x, shape), ws = m.create(w, shape);
            float loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray l = model.decode(model.encode(xs)).sub(xs).square().mul(ws).mean();
                gc.backward(l);
                loss = l.getFloat();
            }
            if (!opt.step(s.aeRate())) return Double.NaN;
            return loss;
        }
    }

    static double transformerStep(WorldModel model, Adam opt, float[][][] latents, ClipSet data, Settings s, int step) {
        WorldModel.Config c = model.config();
        int B = s.batch(), K = c.context(), L = c.latentSize(), side = c.latentSide();
        SplittableRandom r = batchRandom(s.seed(), 2, step);
        float[] x0 = new float[B * L], eps = new float[B * L], ctx = new float[B * K * L], flags = new float[B * K], ts = new float[B];
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < B; i++) {
            int clip = r.nextInt(latents.length), frames = latents[clip].length;
            int j = r.nextInt(frames);
            System.arraycopy(latents[clip][j], 0, x0, i * L, L);
            for (int k = 0; k < K; k++) {
                int f = j - c.offsets().get(k);
                if (f < 0) break;
                flags[i * K + k] = 1;
                float sigma = (float) r.nextDouble(0, CONTEXT_NOISE);
                for (int q = 0; q < L; q++) ctx[(i * K + k) * L + q] = latents[clip][f][q] + sigma * (float) Params.gaussian(r);
            }
            ts[i] = (float) (1 / (1 + Math.exp(-Params.gaussian(r))));
            for (int q = 0; q < L; q++) eps[i * L + q] = (float) Params.gaussian(r);
            captions.add(r.nextInt(CAPTION_DROP_IN) == 0 ? "" : data.clips().get(clip).caption());
        }
        NDManager base = model.manager();
        try (NDScope scope = new NDScope(); NDManager m = base.newSubManager()) {
            Shape zs = new Shape(B, c.latentChannels(), side, side);
            NDArray a = m.create(x0, zs), e = m.create(eps, zs), t = m.create(ts, new Shape(B));
            NDArray tb = t.reshape(B, 1, 1, 1);
            NDArray xt = a.mul(tb.neg().add(1)).add(e.mul(tb));
            NDArray target = e.sub(a);
            NDArray context = m.create(ctx, new Shape(B, K, c.latentChannels(), side, side));
            NDArray present = m.create(flags, new Shape(B, K));
            NDArray words = m.create(model.bagsOfWords(captions), new Shape(B, model.vocabulary().size()));
            float loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray l = model.velocity(xt, context, present, t, words).sub(target).square().mean();
                gc.backward(l);
                loss = l.getFloat();
            }
            int warmUp = Math.max(1, Math.min(100, s.ditSteps() / 10));
            float rate = s.ditRate() * Math.min(1f, (step + 1f) / warmUp);
            if (!opt.step(rate)) return Double.NaN;
            return loss;
        }
    }

    /** Per-channel mean and standard deviation of the encoder's output over up to 4096 training frames. */
    static void measureLatents(WorldModel model, ClipSet data) {
        WorldModel.Config c = model.config();
        int lc = c.latentChannels(), per = c.latentSide() * c.latentSide();
        double[] sum = new double[lc], sq = new double[lc];
        long n = 0;
        SplittableRandom r = new SplittableRandom(1);
        int want = Math.min(4096, data.size() * 8), chunk = 64;
        for (int done = 0; done < want; done += chunk) {
            int b = Math.min(chunk, want - done);
            float[] x = new float[b * c.pictureSize()];
            for (int i = 0; i < b; i++) {
                int clip = r.nextInt(data.size());
                float[] f = data.frame(clip, r.nextInt(data.clips().get(clip).frames().size()));
                System.arraycopy(f, 0, x, i * c.pictureSize(), c.pictureSize());
            }
            float[] z;
            try (NDScope scope = new NDScope(); NDManager m = model.manager().newSubManager()) {
                z = model.encode(m.create(x, new Shape(b, c.channels(), c.size(), c.size()))).toFloatArray();
            }
            for (int i = 0; i < b; i++) {
                for (int ch = 0; ch < lc; ch++) {
                    for (int q = 0; q < per; q++) {
                        double v = z[(i * lc + ch) * per + q];
                        sum[ch] += v;
                        sq[ch] += v * v;
                    }
                }
            }
            n += (long) b * per;
        }
        float[] mean = new float[lc], std = new float[lc];
        for (int ch = 0; ch < lc; ch++) {
            mean[ch] = (float) (sum[ch] / n);
            std[ch] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[ch] / n - mean[ch] * (double) mean[ch])));
        }
        model.setLatentStatistics(mean, std);
    }

    /** Standardised latents of every frame of every clip: [clip][frame][latent]. */
    static float[][][] encodeAll(WorldModel model, ClipSet data) {
        WorldModel.Config c = model.config();
        float[][][] out = new float[data.size()][][];
        int P = c.pictureSize(), L = c.latentSize();
        for (int clip = 0; clip < data.size(); clip++) {
            int n = data.clips().get(clip).frames().size();
            float[] x = new float[n * P];
            for (int f = 0; f < n; f++) System.arraycopy(data.frame(clip, f), 0, x, f * P, P);
            float[] z;
            try (NDScope scope = new NDScope(); NDManager m = model.manager().newSubManager()) {
                z = model.standardise(model.encode(m.create(x, new Shape(n, c.channels(), c.size(), c.size())))).toFloatArray();
            }
            out[clip] = new float[n][];
            for (int f = 0; f < n; f++) out[clip][f] = java.util.Arrays.copyOfRange(z, f * L, (f + 1) * L);
        }
        return out;
    }

    // ---------------------------------------------------------------- checkpoints

    private record State(WorldModel model, java.util.Map<String, Object[]> optimizer, Losses losses, int[] updates) {}

    private static void save(Path out, WorldModel model, Adam ae, Adam dit, Losses losses, Settings s, Listener listener)
            throws IOException {
        model.provenance().put("autoencoderSteps", losses.autoencoder().size()).put("transformerSteps", losses.transformer().size())
                .put("batch", s.batch());
        Path ckpt = out.resolve(CHECKPOINT);
        atomically(ckpt, os -> {
            DataOutputStream d = new DataOutputStream(os);
            d.write(STATE_MAGIC.getBytes(StandardCharsets.US_ASCII));
            ObjectNode h = SceneJson.MAPPER.createObjectNode();
            h.put("autoencoderUpdates", ae.updates).put("transformerUpdates", dit.updates);
            ArrayNode a = h.putArray("autoencoderLoss"), b = h.putArray("transformerLoss");
            losses.autoencoder().forEach(a::add);
            losses.transformer().forEach(b::add);
            byte[] hb = SceneJson.MAPPER.writeValueAsBytes(h);
            d.writeInt(hb.length);
            d.write(hb);
            java.util.Map<String, NDArray> opt = new java.util.LinkedHashMap<>(ae.state());
            opt.putAll(dit.state());
            WorldModel.writeArrays(d, opt);
            d.flush();
            model.save(os);
        });
        atomically(out.resolve(MODEL), model::save);
        StringBuilder csv = new StringBuilder("phase,step,loss\n");
        for (int i = 0; i < losses.autoencoder().size(); i++) {
            csv.append(String.format(Locale.ROOT, "autoencoder,%d,%.6g%n", i + 1, losses.autoencoder().get(i)));
        }
        for (int i = 0; i < losses.transformer().size(); i++) {
            csv.append(String.format(Locale.ROOT, "transformer,%d,%.6g%n", i + 1, losses.transformer().get(i)));
        }
        atomically(out.resolve(LOSS_CSV), os -> os.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] png = LossPlot.png(losses);
        atomically(out.resolve(LOSS_PNG), os -> os.write(png));
        listener.checkpoint(ckpt, losses.autoencoder().size(), losses.transformer().size());
    }

    private static State readState(Path file) throws IOException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream d = new DataInputStream(is);
            byte[] magic = d.readNBytes(STATE_MAGIC.length());
            if (!STATE_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new WorldModelException(file + ": not a training checkpoint of `diorama train`");
            }
            int hl = d.readInt();
            if (hl < 2 || hl > 100_000_000) throw new WorldModelException(file + ": corrupt");
            JsonNode h = SceneJson.MAPPER.readTree(d.readNBytes(hl));
            List<Double> a = new ArrayList<>(), b = new ArrayList<>();
            h.path("autoencoderLoss").forEach(v -> a.add(v.asDouble()));
            h.path("transformerLoss").forEach(v -> b.add(v.asDouble()));
            var opt = WorldModel.readArrays(d);
            WorldModel model = WorldModel.load(d, file.toString());
            int[] updates = {h.path("autoencoderUpdates").asInt(a.size()), h.path("transformerUpdates").asInt(b.size())};
            return new State(model, opt, new Losses(a, b), updates);
        } catch (java.io.EOFException e) {
            throw new WorldModelException(file + ": truncated; delete it to start over");
        }
    }

    interface Writer {
        void write(OutputStream os) throws IOException;
    }

    /** Writes {@code file} through a hidden temporary file beside it, moved into place when complete. */
    static void atomically(Path file, Writer w) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            w.write(os);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
