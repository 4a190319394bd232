package dev.diorama.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.scene.SceneJson;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The other choice the Sora recipe offers: a diffusion transformer that denoises a whole
 * continuation at once, where {@link WorldModel} rolls one out frame by frame. It was built to
 * choose between the two by the exam's score (docs/world-model.md, "Whole clip or frame by frame").
 *
 * <p>It works on the latents of a frame model's compression network (that model's autoencoder,
 * latent statistics and vocabulary, frozen): a clip of {@link Config#known()} known frames and
 * {@link Config#predicted()} frames to make is cut into <b>spacetime patches</b> of
 * {@link Config#patch()}² latent pixels × {@link Config#timePatch()} frames, each a token with a flag
 * saying whether it is known; the known tokens carry the clean latents, the others the noisy ones,
 * and one {@link Dit} sees all of them, conditioned on the flow time and the caption. Trained by
 * rectified flow on the unknown tokens only, as the frame model is; sampled by Euler steps from
 * noise with the known tokens held.
 *
 * <p>Two things the frame model does not need, because a token of 256 numbers is wider than the
 * transformer (128), so it cannot carry a token's noise through (Li and He 2025, "Back to basics:
 * let denoising generative models denoise"): the frames to make are denoised as their <b>change</b>
 * from the last known frame, scaled per channel to unit variance ({@link #changeStd}), so that what
 * stays still is zero; and the network predicts that change itself, x₀ (<b>x-prediction</b>), not
 * the velocity ε − x₀, which is mostly noise: the velocity the sampler follows is
 * (x_t − x̂₀) / t. Two earlier versions predicted the velocity, without and then with the change and
 * a skip c(t)·x_t (the c_skip of Karras et al. 2022 for unit-variance data); both left coloured noise
 * over the still background (docs/world-model.md).
 */
public final class ClipModel implements AutoCloseable {
    static final String MAGIC = "DIORAMA-CLIPMODEL/1\n";

    /**
     * @param known      known frames at the start of a clip
     * @param predicted  frames made after them
     * @param patch      side of a token's patch, latent pixels
     * @param timePatch  frames a token spans
     * @param width      transformer width
     * @param layers     transformer blocks
     * @param heads      attention heads
     */
    public record Config(int known, int predicted, int patch, int timePatch, int width, int layers, int heads) {
        /** The exam's 8 known and 48 predicted frames, in 16 × 16-pixel, 4-frame tokens: 14 × 16 = 224 tokens. */
        public static final Config DEFAULT = new Config(8, 48, 4, 4, 128, 4, 4);

        public Config {
            if (known < timePatch || known % timePatch != 0 || predicted % timePatch != 0 || predicted < timePatch) {
                throw new IllegalArgumentException("known and predicted frames must be whole multiples of the time patch");
            }
        }

        public int frames() { return known + predicted; }
    }

    private final Config config;
    private final WorldModel frames;
    private final NDManager manager;
    private final Params params;
    private final Dit dit;
    /** Per latent channel: the standard deviation of a frame's change from the last known one, over training windows. */
    private float[] changeStd;
    private ObjectNode provenance = SceneJson.MAPPER.createObjectNode();

    private ClipModel(Config config, WorldModel frames) {
        WorldModel.Config f = frames.config();
        if (f.latentSide() % config.patch() != 0) throw new IllegalArgumentException("the latent side must be a multiple of the patch");
        this.config = config;
        this.frames = frames;
        this.manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
        this.params = new Params(manager);
        this.changeStd = new float[f.latentChannels()];
        java.util.Arrays.fill(changeStd, 1f);
        int pd = f.latentChannels() * config.patch() * config.patch() * config.timePatch();
        int perFrame = (f.latentSide() / config.patch()) * (f.latentSide() / config.patch());
        this.dit = new Dit("clip.", pd + 1, perFrame * config.frames() / config.timePatch(), config.width(), config.layers(),
                config.heads(), frames.vocabulary().size(), pd);
    }

    /** A new model with weights drawn from {@code seed}, on the compression network of {@code frames}. */
    public static ClipModel create(Config config, WorldModel frames, long seed) {
        ClipModel m = new ClipModel(config, frames);
        m.dit.declare(m.params, new SplittableRandom(seed));
        return m;
    }

    public Config config() { return config; }

    public ObjectNode provenance() { return provenance; }

    public long parameterCount() { return params.count(); }

    /** Floating-point operations of one transformer evaluation (one clip, one flow step). */
    public double transformerFlops() { return dit.flops(); }

    Params params() { return params; }

    /** {@link #measureChanges}'s result (ones until measured). */
    public float[] changeStd() { return changeStd.clone(); }

    // ---------------------------------------------------------------- network

    /** [B, F, C, s, s] → [B, F/tp · (s/p)², tp·C·p·p]: spacetime patches, time first, then rows. */
    private NDArray patchify(NDArray z) {
        Shape sh = z.getShape();
        long b = sh.get(0), f = sh.get(1), c = sh.get(2), s = sh.get(3);
        int p = config.patch(), tp = config.timePatch();
        return z.reshape(b, f / tp, tp, c, s / p, p, s / p, p).transpose(0, 1, 4, 6, 2, 3, 5, 7)
                .reshape(b, (f / tp) * (s / p) * (s / p), tp * c * p * p);
    }

    /** Inverse of {@link #patchify}. */
    private NDArray unpatchify(NDArray t, long f, long c, long s) {
        long b = t.getShape().get(0);
        int p = config.patch(), tp = config.timePatch();
        return t.reshape(b, f / tp, s / p, s / p, tp, c, p, p).transpose(0, 1, 4, 5, 2, 6, 3, 7).reshape(b, f, c, s, s);
    }

    /**
     * The predicted x₀ of every frame, the scaled change from the last known frame (the known
     * frames' is meaningless).
     *
     * @param x     standardised latents [B, F, C, s, s]: the known frames clean, the others noisy
     * @param t     flow time [B]
     * @param bags  captions as bags of words [B, V]
     */
    NDArray predict(NDArray x, NDArray t, NDArray bags) {
        Shape sh = x.getShape();
        long B = sh.get(0), F = sh.get(1), C = sh.get(2), s = sh.get(3);
        NDArray tokens = patchify(x);
        long T = tokens.getShape().get(1), knownTokens = T * config.known() / config.frames();
        float[] flags = new float[(int) T];
        for (int i = 0; i < knownTokens; i++) flags[i] = 1;
        NDArray flag = x.getManager().create(flags, new Shape(1, T, 1)).broadcast(new Shape(B, T, 1));
        return unpatchify(dit.forward(params, tokens.concat(flag, 2), t, bags), F, C, s);
    }

    /**
     * Measures {@link #changeStd} on up to 4,096 windows of {@code latents}: per channel, the
     * standard deviation of each frame to make minus the last known frame.
     */
    void measureChanges(float[][][] latents) {
        WorldModel.Config f = frames.config();
        int C = f.latentChannels(), per = f.latentSide() * f.latentSide(), F = config.frames(), K = config.known();
        double[] sq = new double[C];
        long n = 0;
        SplittableRandom r = new SplittableRandom(1);
        for (int w = 0; w < 4096; w++) {
            float[][] clip = latents[r.nextInt(latents.length)];
            if (clip.length < F) throw new WorldModelException("clips must have at least " + F + " frames");
            int start = r.nextInt(clip.length - F + 1);
            float[] last = clip[start + K - 1];
            int j = start + K + r.nextInt(F - K);
            for (int c = 0; c < C; c++) {
                for (int q = c * per; q < (c + 1) * per; q++) {
                    double d = clip[j][q] - last[q];
                    sq[c] += d * d;
                }
            }
            n += per;
        }
        for (int c = 0; c < C; c++) changeStd[c] = (float) Math.max(1e-3, Math.sqrt(sq[c] / n));
    }

    // ---------------------------------------------------------------- training

    /**
     * One step of rectified flow on a batch of windows of {@link Config#frames()} frames from
     * {@code latents} ([clip][frame][latent], standardised by the frame model): x₀ of a frame to
     * make is its change from the last known frame over {@link #changeStd}; the loss is the squared
     * error of the predicted x₀, on the frames to make only; the caption left out one time in {@value Training#CAPTION_DROP_IN}. Call
     * {@link #measureChanges} first.
     *
     * @return the loss, or NaN where the gradient was not finite and the step was skipped
     */
    double trainStep(Adam opt, float[][][] latents, List<String> captions, int batch, long seed, int step, float rate) {
        WorldModel.Config f = frames.config();
        int F = config.frames(), L = f.latentSize(), K = config.known();
        SplittableRandom r = Training.batchRandom(seed, 3, step);   // phases 1 and 2 are the frame model's
        float[] x = new float[batch * F * L], target = new float[batch * (F - K) * L], ts = new float[batch];   // target: x₀
        List<String> words = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            int clip = r.nextInt(latents.length);
            if (latents[clip].length < F) throw new WorldModelException("clips must have at least " + F + " frames");
            int start = r.nextInt(latents[clip].length - F + 1);
            float t = (float) (1 / (1 + Math.exp(-Params.gaussian(r))));
            ts[i] = t;
            float[] last = latents[clip][start + K - 1];
            int per = L / changeStd.length;
            for (int j = 0; j < F; j++) {
                float[] z = latents[clip][start + j];
                int at = (i * F + j) * L;
                if (j < K) {
                    System.arraycopy(z, 0, x, at, L);
                    continue;
                }
                int tat = (i * (F - K) + j - K) * L;
                for (int q = 0; q < L; q++) {
                    float e = (float) Params.gaussian(r), change = (z[q] - last[q]) / changeStd[q / per];
                    x[at + q] = (1 - t) * change + t * e;
                    target[tat + q] = change;
                }
            }
            words.add(r.nextInt(Training.CAPTION_DROP_IN) == 0 ? "" : captions.get(clip));
        }
        int s = f.latentSide(), C = f.latentChannels();
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            NDArray xs = m.create(x, new Shape(batch, F, C, s, s));
            NDArray want = m.create(target, new Shape(batch, F - K, C, s, s));
            NDArray tt = m.create(ts, new Shape(batch));
            NDArray bags = m.create(frames.bagsOfWords(words), new Shape(batch, frames.vocabulary().size()));
            float loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray l = predict(xs, tt, bags).get(":, " + K + ":").sub(want).square().mean();
                gc.backward(l);
                loss = l.getFloat();
            }
            if (!opt.step(rate)) return Double.NaN;
            return loss;
        }
    }

    /** An optimizer over every weight of this model. */
    Adam optimizer() { return new Adam(params, params.names()); }

    // ---------------------------------------------------------------- sampling

    /**
     * Continues films: per film the last {@link Config#known()} of its pictures are known, and the
     * next {@link Config#predicted()} are denoised together.
     *
     * @param contexts     per film its known pictures, planar RGB in [0, 1], oldest first (at least {@code known})
     * @param captions     per film its caption ("" for none)
     * @param steps        Euler steps of the flow
     * @param temperature  the starting noise's scale (1 samples the learned distribution)
     * @param seed         the noise
     * @return per film the predicted pictures, each the last known picture plus the change the model
     *         predicts ({@link WorldModel#anchor}), as the frame model's roll-out gives them
     */
    public List<List<float[]>> continueClips(List<List<float[]>> contexts, List<String> captions, int steps, float temperature, long seed) {
        WorldModel.Config f = frames.config();
        int B = contexts.size(), F = config.frames(), K = config.known(), L = f.latentSize(), P = f.pictureSize();
        int s = f.latentSide(), C = f.latentChannels();
        if (captions.size() != B) throw new IllegalArgumentException("one caption per film");
        float[] x = new float[B * F * L];
        float[][] anchor = new float[B][];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < B; i++) {
            List<float[]> ctx = contexts.get(i);
            if (ctx.size() < K) throw new IllegalArgumentException("a film needs at least " + K + " known pictures, found " + ctx.size());
            List<float[]> zs = frames.latents(ctx.subList(ctx.size() - K, ctx.size()));
            for (int j = 0; j < K; j++) System.arraycopy(zs.get(j), 0, x, (i * F + j) * L, L);
            for (int q = (i * F + K) * L; q < (i + 1) * F * L; q++) x[q] = (float) Params.gaussian(r) * temperature;
            anchor[i] = frames.anchor(zs.get(K - 1), ctx.get(ctx.size() - 1));
        }
        List<List<float[]>> out = new ArrayList<>();
        Shape clips = new Shape(B, F, C, s, s);
        float[] bags = frames.bagsOfWords(captions);
        // Each Euler step in its own scope, the state carried as floats: the activations of a step
        // (its attention alone is 54 MB for the exam's 68 films) are freed before the next.
        for (int k = 0; k < steps; k++) {
            try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                float t = 1f - (float) k / steps, dt = 1f / steps;
                NDArray xs = m.create(x, clips);
                float[] x0 = predict(xs, m.full(new Shape(B), t), m.create(bags, new Shape(B, frames.vocabulary().size())))
                        .get(":, " + K + ":").toFloatArray();
                // Euler on the velocity (x_t − x̂₀) / t: the last step (t = dt) lands on x̂₀
                for (int i = 0; i < B; i++) {
                    for (int q = 0; q < (F - K) * L; q++) {
                        int at = (i * F + K) * L + q;
                        x[at] -= dt * (x[at] - x0[i * (F - K) * L + q]) / t;
                    }
                }
            }
        }
        for (int i = 0; i < B; i++) {
            // one film at a time: the decoder's activations for all of the exam's films at once are gigabytes
            try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                NDArray xs = m.create(java.util.Arrays.copyOfRange(x, i * F * L, (i + 1) * F * L), new Shape(1, F, C, s, s));
                NDArray std = m.create(changeStd).reshape(1, 1, C, 1, 1);
                NDArray made = xs.get(":, " + K + ":").mul(std).add(xs.get(":, " + (K - 1) + ":" + K)).reshape(F - K, C, s, s);
                float[] pics = frames.decode(frames.unstandardise(made)).toFloatArray();
                List<float[]> film = new ArrayList<>();
                for (int j = 0; j < F - K; j++) {
                    float[] pic = java.util.Arrays.copyOfRange(pics, j * P, (j + 1) * P);
                    for (int q = 0; q < P; q++) pic[q] += anchor[i][q];
                    film.add(pic);
                }
                out.add(film);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- file

    /** Writes {@value #MAGIC}, a JSON header (configuration, provenance), then the weights as {@link WorldModel#save} does. */
    public void save(OutputStream os) throws IOException {
        ObjectNode h = SceneJson.MAPPER.createObjectNode();
        h.putObject("config").put("known", config.known()).put("predicted", config.predicted()).put("patch", config.patch())
                .put("timePatch", config.timePatch()).put("width", config.width()).put("layers", config.layers())
                .put("heads", config.heads());
        var cs = h.putArray("changeStd");
        for (float v : changeStd) cs.add(v);
        h.set("provenance", provenance);
        WorldModel.writeFile(os, MAGIC, h, params.all());
    }

    /**
     * Reads a model written by {@link #save}, on the compression network of {@code frames} (the
     * frame model it was trained with).
     *
     * @throws WorldModelException when the stream is not such a model ({@code what} names it)
     */
    public static ClipModel load(InputStream is, String what, WorldModel frames) {
        try {
            DataInputStream in = new DataInputStream(is);
            JsonNode h = WorldModel.readHeader(in, MAGIC, what + ": not a Diorama whole-clip model (expected a file written by ClipTraining)");
            JsonNode j = h.path("config");
            Config c = new Config(j.path("known").asInt(), j.path("predicted").asInt(), j.path("patch").asInt(1),
                    j.path("timePatch").asInt(1), j.path("width").asInt(), j.path("layers").asInt(), j.path("heads").asInt(1));
            ClipModel m = new ClipModel(c, frames);
            if (h.path("changeStd").size() != m.changeStd.length) {
                m.close();
                throw new IOException("its change statistics do not match the frame model's " + m.changeStd.length + " latent channels");
            }
            for (int i = 0; i < m.changeStd.length; i++) m.changeStd[i] = (float) h.path("changeStd").path(i).asDouble();
            if (h.path("provenance").isObject()) m.provenance = (ObjectNode) h.path("provenance");
            for (var e : WorldModel.readArrays(in).entrySet()) m.params.put(e.getKey(), (float[]) e.getValue()[1], (Shape) e.getValue()[0]);
            try (ClipModel fresh = create(c, frames, 0)) {
                String wrong = m.params.mismatch(fresh.params);
                if (wrong != null) {
                    m.close();
                    throw new IOException(wrong + " (on this frame model)");
                }
            }
            return m;
        } catch (EOFException e) {
            throw new WorldModelException(what + ": truncated (the file ends early)");
        } catch (IOException | IllegalArgumentException e) {
            throw new WorldModelException(what + ": cannot read the model (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
