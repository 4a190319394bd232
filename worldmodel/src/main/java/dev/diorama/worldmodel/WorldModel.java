package dev.diorama.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.scene.SceneJson;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small video world model after the Sora recipe: a video compression network (a convolutional
 * autoencoder, 4× in each spatial direction, one latent per frame), latent spacetime patches, and a
 * diffusion transformer trained with flow matching that predicts the next frame's latent from the
 * latents of earlier frames ({@link Config#offsets}: the last four, then sparser back to a second)
 * and the caption. A film is rolled out frame by frame, as DIAMOND and GameNGen do, chosen over
 * denoising the whole clip at once ({@link ClipModel}) by the exam's score (docs/world-model.md).
 *
 * <p><b>Compression.</b> Encoder: 3×3 conv to w channels, two 4×4 stride-2 convs (2w, 4w), 3×3 conv
 * to {@link Config#latentChannels()}; the decoder mirrors it, upsampling by
 * depth-to-space (a 3×3 conv to four times the channels, each group of four becoming a 2×2 block; the
 * PyTorch engine of DJL has no transposed convolution, and this one leaves no checkerboard). Latents are
 * standardised per channel with statistics measured after the autoencoder is trained.
 *
 * <p><b>Transformer.</b> Tokens are the p × p patches of the noisy latent, each concatenated with
 * the same patch of every context frame and a flag saying whether that frame exists (the start of
 * a clip has fewer than K before it, and a film made from words alone has none), plus a learned
 * position. Conditioning, DiT's adaLN-Zero: a vector from the flow time (sinusoidal, MLP) plus the
 * text encoding (word embeddings, mean-pooled, then a linear layer) scales, shifts and gates every
 * block; the gates and the output layer start at zero, so the untrained network predicts zero.
 *
 * <p><b>Flow matching</b> (rectified flow): x_t = (1 − t)·x₀ + t·ε, the network predicts the
 * velocity ε − x₀, and sampling integrates from t = 1 (noise) to t = 0 with Euler steps.
 */
public final class WorldModel implements AutoCloseable {
    static final String MAGIC = "DIORAMA-WORLDMODEL/1\n";

    /**
     * @param size            picture side, pixels (square pictures)
     * @param channels        3 (RGB)
     * @param aeWidth         channels of the autoencoder's first layer (then 2×, 4×)
     * @param latentChannels  channels of a latent (a latent is size/4 a side)
     * @param patch           side of a latent patch (a token)
     * @param width           transformer width d
     * @param layers          transformer blocks
     * @param heads           attention heads (d divisible by heads)
     * @param offsets         the earlier frames a prediction sees, in frames before it, nearest
     *                        first (1 is the frame just before): the recent ones each, the older ones
     *                        sparser, so a thing hidden for a while was still seen in one of them
     * @param textLength      caption words read, at most
     */
    public record Config(int size, int channels, int aeWidth, int latentChannels, int patch, int width, int layers, int heads,
                         List<Integer> offsets, int textLength) {
        /**
         * Nine context frames reaching 24 frames (1 s at 24 fps) back: a ball rolling behind the
         * exam's slab is hidden for about a third of a second, longer than the four frames before it.
         */
        public static final Config DEFAULT = new Config(64, 3, 16, 4, 2, 128, 4, 4, List.of(1, 2, 3, 4, 6, 8, 12, 16, 24), 24);

        public Config {
            if (size % 4 != 0 || (size / 4) % patch != 0) throw new IllegalArgumentException("size must be 4·patch·n");
            if (width % heads != 0 || width % 2 != 0) throw new IllegalArgumentException("width must be divisible by heads and even");
            offsets = List.copyOf(offsets);
            for (int k = 0; k < offsets.size(); k++) {
                if (offsets.get(k) < 1 || (k > 0 && offsets.get(k) <= offsets.get(k - 1))) {
                    throw new IllegalArgumentException("context offsets must be increasing and at least 1: " + offsets);
                }
            }
        }

        /** Context frames a prediction sees. */
        public int context() { return offsets.size(); }

        /** How far back the oldest context frame is, frames. */
        int reach() { return offsets.isEmpty() ? 0 : offsets.get(offsets.size() - 1); }

        int latentSide() { return size / 4; }

        int tokens() { return (latentSide() / patch) * (latentSide() / patch); }

        int patchDim() { return latentChannels * patch * patch; }

        int latentSize() { return latentChannels * latentSide() * latentSide(); }

        int pictureSize() { return channels * size * size; }
    }

    private final Config config;
    private final Vocabulary vocabulary;
    private final NDManager manager;
    private final Params params;
    /** The transformer's shape: a token is the noisy frame's patch and the same patch of each context frame with its flag. */
    private final Dit dit;
    /** Per latent channel: mean and standard deviation of the encoder's output over training frames. */
    private float[] latentMean, latentStd;
    private ObjectNode provenance;

    private WorldModel(Config config, Vocabulary vocabulary, NDManager manager) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.manager = manager;
        this.params = new Params(manager);
        this.dit = new Dit("dit.", config.patchDim() + config.context() * (config.patchDim() + 1), config.tokens(), config.width(),
                config.layers(), config.heads(), vocabulary.size(), config.patchDim());
        this.latentMean = new float[config.latentChannels()];
        this.latentStd = new float[config.latentChannels()];
        java.util.Arrays.fill(latentStd, 1f);
        this.provenance = SceneJson.MAPPER.createObjectNode();
    }

    /** A new model with weights drawn from {@code seed}. */
    public static WorldModel create(Config c, Vocabulary v, long seed) {
        WorldModel m = new WorldModel(c, v, NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch"));
        m.initialise(new SplittableRandom(seed));
        return m;
    }

    private void initialise(SplittableRandom r) {
        Config c = config;
        int w = c.aeWidth(), lc = c.latentChannels(), ch = c.channels();
        // Autoencoder
        conv(r, "ae.enc0", w, ch, 3);
        conv(r, "ae.enc1", 2 * w, w, 4);
        conv(r, "ae.enc2", 4 * w, 2 * w, 4);
        conv(r, "ae.enc3", lc, 4 * w, 3);
        conv(r, "ae.dec0", 4 * w, lc, 3);
        conv(r, "ae.dec1", 4 * 2 * w, 4 * w, 3);   // then depth-to-space: 2w channels at twice the side
        conv(r, "ae.dec2", 4 * w, 2 * w, 3);       // then depth-to-space: w channels
        conv(r, "ae.dec3", ch, w, 3);
        dit.declare(params, r);
    }

    private void conv(SplittableRandom r, String name, int out, int in, int k) {
        params.fanIn(name + ".w", r, (long) in * k * k, out, in, k, k);
        params.constant(name + ".b", 0, out);
    }

    private NDArray p(String name) { return params.get(name); }

    // ---------------------------------------------------------------- compression network

    /** Pictures [B, C, S, S] in [0, 1] → raw latents [B, Cz, S/4, S/4]. */
    NDArray encode(NDArray x) {
        NDArray h = x.mul(2).sub(1);
        h = Ops.silu(Ops.conv(h, p("ae.enc0.w"), p("ae.enc0.b"), 1, 1));
        h = Ops.silu(Ops.conv(h, p("ae.enc1.w"), p("ae.enc1.b"), 2, 1));
        h = Ops.silu(Ops.conv(h, p("ae.enc2.w"), p("ae.enc2.b"), 2, 1));
        return Ops.conv(h, p("ae.enc3.w"), p("ae.enc3.b"), 1, 1);
    }

    /** Raw latents → pictures [B, C, S, S], about [0, 1] (not clamped: the loss sees the overshoot). */
    NDArray decode(NDArray z) {
        NDArray h = Ops.silu(Ops.conv(z, p("ae.dec0.w"), p("ae.dec0.b"), 1, 1));
        h = Ops.silu(Ops.depthToSpace(Ops.conv(h, p("ae.dec1.w"), p("ae.dec1.b"), 1, 1)));
        h = Ops.silu(Ops.depthToSpace(Ops.conv(h, p("ae.dec2.w"), p("ae.dec2.b"), 1, 1)));
        return Ops.conv(h, p("ae.dec3.w"), p("ae.dec3.b"), 1, 1).add(1).div(2);
    }

    NDArray standardise(NDArray z) {
        NDManager m = z.getManager();
        int lc = config.latentChannels();
        return z.sub(m.create(latentMean).reshape(1, lc, 1, 1)).div(m.create(latentStd).reshape(1, lc, 1, 1));
    }

    NDArray unstandardise(NDArray z) {
        NDManager m = z.getManager();
        int lc = config.latentChannels();
        return z.mul(m.create(latentStd).reshape(1, lc, 1, 1)).add(m.create(latentMean).reshape(1, lc, 1, 1));
    }

    void setLatentStatistics(float[] mean, float[] std) {
        latentMean = mean.clone();
        latentStd = std.clone();
    }

    // ---------------------------------------------------------------- diffusion transformer

    /**
     * The predicted velocity ε − x₀.
     *
     * @param xt       noisy standardised latents [B, Cz, s, s]
     * @param context  standardised latents of the context frames ({@link Config#offsets}), nearest
     *                 first [B, K, Cz, s, s]
     * @param present  1 where that context frame exists, else 0 [B, K]
     * @param t        flow time in [0, 1] [B]
     * @param words    the captions as bags of words: per row the mean of one-hot word vectors [B, V]
     */
    NDArray velocity(NDArray xt, NDArray context, NDArray present, NDArray t, NDArray words) {
        Config c = config;
        int K = c.context(), T = c.tokens(), s = c.latentSide();
        long B = xt.getShape().get(0);
        NDList parts = new NDList();
        parts.add(Ops.patchify(xt, c.patch()));
        for (int k = 0; k < K; k++) {
            NDArray flag = present.get(":, " + k).reshape(B, 1, 1);
            NDArray ctx = context.get(":, " + k).reshape(B, c.latentChannels(), s, s);
            parts.add(Ops.patchify(ctx, c.patch()).mul(flag));
            parts.add(flag.broadcast(new Shape(B, T, 1)));
        }
        NDArray out = dit.forward(params, NDArrays.concat(parts, 2), t, words);
        return Ops.unpatchify(out, c.latentChannels(), s, s, c.patch());
    }

    /** Bags of words [B, V]: per caption the mean of its words' one-hot vectors; an empty caption is all zero. */
    float[] bagsOfWords(List<String> captions) {
        int V = vocabulary.size();
        float[] bags = new float[captions.size() * V];
        for (int i = 0; i < captions.size(); i++) {
            int[] ids = vocabulary.encode(captions.get(i), config.textLength());
            int n = 0;
            for (int id : ids) if (id != Vocabulary.PAD) n++;
            for (int id : ids) if (id != Vocabulary.PAD) bags[i * V + id] += 1f / n;
        }
        return bags;
    }

    // ---------------------------------------------------------------- rollout

    /**
     * Continues films frame by frame.
     *
     * @param contexts  per film its known pictures (planar RGB in [0, 1], {@code size × size}), oldest
     *                  first; may be empty (the film starts from its caption alone)
     * @param captions  per film its caption ("" for none)
     * @param frames    pictures to predict per film
     * @param steps     Euler steps of the flow per frame
     * @param temperature  the starting noise's scale: 1 samples the learned distribution; less
     *                  follows the flow from nearer its middle (0: from zero, deterministic), which
     *                  trades the variety of the samples for a roll-out that drifts less
     * @param seed      the noise: one draw per film, reused for every frame of it, so what does not
     *                  move is decoded the same way in every frame instead of flickering
     * @return per film the predicted pictures, planar RGB in [0, 1]. Where a film has known pictures,
     *         each predicted one is its last known picture plus the change the model predicts
     *         (decoded latent minus the decoded latent of that last picture): the autoencoder's
     *         error on what stays still cancels, so the still background is the real one, pixel for pixel.
     */
    public List<List<float[]>> rollout(List<List<float[]>> contexts, List<String> captions, int frames, int steps, float temperature,
                                       long seed) {
        return rollout(contexts, captions, frames, steps, temperature, seed, Guidance.NONE);
    }

    /**
     * Classifier-free guidance of a roll-out (Ho and Salimans 2022): each flow step's velocity is
     * the weaker condition's plus {@code weight} times the difference the stronger one makes,
     * v = v(weak) + w (v(full) - v(weak)); weight 1 is no guidance. What the weaker condition
     * leaves out: the caption ({@link Kind#CAPTION}; training drops it one time in ten), the
     * context frames older than the four before the frame ({@link Kind#MEMORY}; as for the fifth
     * and sixth frames of a training clip), or every context frame ({@link Kind#CONTEXT}; as for a
     * clip's first frame).
     */
    public record Guidance(Kind kind, float weight) {
        public enum Kind { NONE, CAPTION, MEMORY, CONTEXT }

        public static final Guidance NONE = new Guidance(Kind.NONE, 1);

        /** "memory:2", "caption:1.5", "context:3", "none". */
        public static Guidance parse(String s) {
            String[] p = s.split(":");
            Kind k;
            try {
                k = Kind.valueOf(p[0].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new WorldModelException("--guidance: expected none, caption:W, memory:W or context:W, found \"" + s + "\"");
            }
            float w;
            try {
                w = p.length > 1 ? Float.parseFloat(p[1]) : 1;
            } catch (NumberFormatException e) {
                throw new WorldModelException("--guidance: expected a weight after the colon (caption:3), found \"" + s + "\"");
            }
            return k == Kind.NONE ? NONE : new Guidance(k, w);
        }
    }

    /** {@link #rollout(List, List, int, int, float, long)} with classifier-free guidance. */
    public List<List<float[]>> rollout(List<List<float[]>> contexts, List<String> captions, int frames, int steps, float temperature,
                                       long seed, Guidance guidance) {
        Config c = config;
        int B = contexts.size(), K = c.context(), L = c.latentSize(), P = c.pictureSize();
        if (captions.size() != B) throw new IllegalArgumentException("one caption per film");
        List<List<float[]>> out = new ArrayList<>();
        for (int i = 0; i < B; i++) out.add(new ArrayList<>());
        try (NDManager m = manager.newSubManager()) {
            // The latents of the known frames, most recent last
            List<List<float[]>> latents = new ArrayList<>();
            for (List<float[]> ctx : contexts) latents.add(latents(ctx.subList(Math.max(0, ctx.size() - c.reach()), ctx.size())));
            float[][] anchor = new float[B][];   // the last known picture minus its decoded latent
            for (int i = 0; i < B; i++) {
                List<float[]> zs = latents.get(i);
                if (!zs.isEmpty()) anchor[i] = anchor(zs.get(zs.size() - 1), contexts.get(i).get(contexts.get(i).size() - 1));
            }
            float[] noise = new float[B * L];
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < noise.length; i++) noise[i] = (float) Params.gaussian(r) * temperature;
            NDArray words = m.create(bagsOfWords(captions), new Shape(B, vocabulary.size()));
            // Without a caption the caption's guidance changes nothing: it is skipped.
            boolean guided = guidance.kind() != Guidance.Kind.NONE && guidance.weight() != 1
                    && !(guidance.kind() == Guidance.Kind.CAPTION && captions.stream().allMatch(String::isBlank));
            NDArray noWords = guidance.kind() == Guidance.Kind.CAPTION ? m.zeros(new Shape(B, vocabulary.size())) : words;
            int s = c.latentSide();
            for (int f = 0; f < frames; f++) {
                try (NDScope scope = new NDScope(); NDManager fm = m.newSubManager()) {
                    float[] ctx = new float[B * K * L], flags = new float[B * K];
                    for (int i = 0; i < B; i++) {
                        List<float[]> zs = latents.get(i);
                        for (int k = 0; k < K; k++) {
                            int back = c.offsets().get(k);
                            if (back > zs.size()) break;
                            System.arraycopy(zs.get(zs.size() - back), 0, ctx, (i * K + k) * L, L);
                            flags[i * K + k] = 1;
                        }
                    }
                    NDArray context = fm.create(ctx, new Shape(B, K, c.latentChannels(), s, s));
                    NDArray present = fm.create(flags, new Shape(B, K));
                    NDArray weak = present;
                    if (guidance.kind() == Guidance.Kind.CONTEXT) weak = present.zerosLike();
                    if (guidance.kind() == Guidance.Kind.MEMORY) {
                        float[] recent = flags.clone();
                        for (int i = 0; i < B; i++) for (int k = 0; k < K; k++) if (c.offsets().get(k) > 4) recent[i * K + k] = 0;
                        weak = fm.create(recent, new Shape(B, K));
                    }
                    NDArray x = fm.create(noise, new Shape(B, c.latentChannels(), s, s));
                    for (int k = 0; k < steps; k++) {
                        float t = 1f - (float) k / steps, dt = 1f / steps;
                        NDArray tt = fm.full(new Shape(B), t);
                        NDArray v = velocity(x, context, present, tt, words);
                        if (guided) {
                            NDArray w = velocity(x, context, weak, tt, noWords);
                            v = w.add(v.sub(w).mul(guidance.weight()));
                        }
                        x = x.sub(v.mul(dt));
                    }
                    float[] z = x.toFloatArray();
                    float[] pics = decode(unstandardise(x)).toFloatArray();
                    for (int i = 0; i < B; i++) {
                        latents.get(i).add(java.util.Arrays.copyOfRange(z, i * L, (i + 1) * L));
                        float[] pic = java.util.Arrays.copyOfRange(pics, i * P, (i + 1) * P);
                        if (anchor[i] != null) for (int j = 0; j < P; j++) pic[j] += anchor[i][j];
                        out.get(i).add(pic);
                    }
                }
            }
        }
        return out;
    }

    /** Standardised latents of pictures (planar RGB in [0, 1], {@code size × size}), in order. */
    List<float[]> latents(List<float[]> pictures) {
        Config c = config;
        List<float[]> zs = new ArrayList<>();
        for (float[] picture : pictures) {
            if (picture.length != c.pictureSize()) throw new IllegalArgumentException("a context picture must be " + c.size() + "² RGB");
            try (NDScope scope = new NDScope(); NDManager fm = manager.newSubManager()) {
                zs.add(standardise(encode(fm.create(picture, new Shape(1, c.channels(), c.size(), c.size())))).toFloatArray());
            }
        }
        return zs;
    }

    /**
     * What a predicted picture is decoded relative to: the last known picture minus the decoding of
     * its own latent. Added to every predicted picture, it cancels the autoencoder's error on what
     * does not move, so the still background is the real one, pixel for pixel.
     */
    float[] anchor(float[] latent, float[] picture) {
        Config c = config;
        try (NDScope scope = new NDScope(); NDManager fm = manager.newSubManager()) {
            float[] dec = decode(unstandardise(fm.create(latent, new Shape(1, c.latentChannels(), c.latentSide(), c.latentSide()))))
                    .toFloatArray();
            float[] a = new float[dec.length];
            for (int j = 0; j < a.length; j++) a[j] = picture[j] - dec[j];
            return a;
        }
    }

    /** Decoded pictures of the encoded pictures (the autoencoder's reconstruction), planar RGB. */
    public float[] reconstruct(float[] pictures, int count) {
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            NDArray x = m.create(pictures, new Shape(count, config.channels(), config.size(), config.size()));
            return decode(encode(x)).toFloatArray();
        }
    }

    // ---------------------------------------------------------------- cost

    /** Floating-point operations (a multiply-add is 2) of encoding and decoding one picture. */
    public double autoencoderFlops() {
        double S = config.size(), w = config.aeWidth(), lc = config.latentChannels(), ch = config.channels();
        double full = S * S, half = full / 4, quarter = full / 16;
        double enc = 2 * (full * w * ch * 9 + half * 2 * w * w * 16 + quarter * 4 * w * 2 * w * 16 + quarter * lc * 4 * w * 9);
        double dec = 2 * (quarter * 4 * w * lc * 9 + quarter * 8 * w * 4 * w * 9 + half * 4 * w * 2 * w * 9 + full * ch * w * 9);
        return enc + dec;
    }

    /** Floating-point operations of one transformer evaluation (one sample, one flow step). */
    public double transformerFlops() { return dit.flops(); }

    // ---------------------------------------------------------------- checkpoint

    /**
     * Writes the model: {@value #MAGIC}, a JSON header (configuration, vocabulary, latent
     * statistics, provenance), then every weight by name with its shape and little-endian floats.
     */
    public void save(OutputStream os) throws IOException {
        ObjectNode h = SceneJson.MAPPER.createObjectNode();
        ObjectNode cfg = h.putObject("config");
        cfg.put("size", config.size()).put("channels", config.channels()).put("aeWidth", config.aeWidth())
                .put("latentChannels", config.latentChannels()).put("patch", config.patch()).put("width", config.width())
                .put("layers", config.layers()).put("heads", config.heads()).put("context", config.context())
                .put("textLength", config.textLength());
        ArrayNode offsets = cfg.putArray("offsets");
        for (int o : config.offsets()) offsets.add(o);
        ArrayNode words = h.putArray("vocabulary");
        for (String w : vocabulary.words()) words.add(w);
        ArrayNode mean = h.putArray("latentMean"), std = h.putArray("latentStd");
        for (int i = 0; i < latentMean.length; i++) {
            mean.add(latentMean[i]);
            std.add(latentStd[i]);
        }
        h.set("provenance", provenance);
        writeFile(os, MAGIC, h, params.all());
    }

    /** A model file: the magic line, the JSON header's length and bytes, then the weights ({@link #writeArrays}). */
    static void writeFile(OutputStream os, String magic, ObjectNode header, Map<String, NDArray> weights) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.write(magic.getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = SceneJson.MAPPER.writeValueAsBytes(header);
        out.writeInt(bytes.length);
        out.write(bytes);
        writeArrays(out, weights);
        out.flush();
    }

    /**
     * Reads the magic line and the JSON header of a file {@link #writeFile} wrote; the weights follow.
     *
     * @throws WorldModelException with {@code notIt} when the magic line is not {@code magic}
     */
    static JsonNode readHeader(DataInputStream in, String magic, String notIt) throws IOException {
        if (!magic.equals(new String(in.readNBytes(magic.length()), StandardCharsets.US_ASCII))) throw new WorldModelException(notIt);
        int hl = in.readInt();
        if (hl < 2 || hl > 10_000_000) throw new IOException("corrupt header length " + hl);
        return SceneJson.MAPPER.readTree(in.readNBytes(hl));
    }

    static void writeArrays(DataOutputStream out, Map<String, NDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (var e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            long[] dims = e.getValue().getShape().getShape();
            out.writeInt(dims.length);
            for (long dim : dims) out.writeLong(dim);
            float[] v = e.getValue().toFloatArray();
            ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(v);
            out.write(buf.array());
        }
    }

    /** Reads arrays as {@link #writeArrays} wrote them: name → (shape, values). */
    static Map<String, Object[]> readArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("corrupt: " + n + " arrays");
        Map<String, Object[]> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int nd = in.readInt();
            if (nd < 0 || nd > 8) throw new IOException("corrupt: " + nd + " dimensions");
            long[] dims = new long[nd];
            long size = 1;
            for (int k = 0; k < nd; k++) {
                dims[k] = in.readLong();
                size *= dims[k];
            }
            if (size < 0 || size > 100_000_000) throw new IOException("corrupt: " + size + " values");
            byte[] bytes = new byte[Math.toIntExact(size * 4)];
            in.readFully(bytes);
            float[] v = new float[(int) size];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            out.put(name, new Object[] {new Shape(dims), v});
        }
        return out;
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws WorldModelException when the stream is not such a model ({@code what} names it)
     */
    public static WorldModel load(InputStream is, String what) {
        try {
            DataInputStream in = new DataInputStream(is);
            JsonNode h = readHeader(in, MAGIC, what + ": not a Diorama world model (expected a model.bin written by `diorama train`)");
            JsonNode c = h.path("config");
            // A model written before the offsets were stored saw the frames 1 … context before it.
            List<Integer> offsets = new ArrayList<>();
            if (c.path("offsets").isArray()) for (JsonNode o : c.path("offsets")) offsets.add(o.asInt());
            else for (int k = 1; k <= c.path("context").asInt(); k++) offsets.add(k);
            Config cfg = new Config(c.path("size").asInt(), c.path("channels").asInt(), c.path("aeWidth").asInt(),
                    c.path("latentChannels").asInt(), c.path("patch").asInt(), c.path("width").asInt(), c.path("layers").asInt(),
                    c.path("heads").asInt(), offsets, c.path("textLength").asInt());
            List<String> words = new ArrayList<>();
            for (JsonNode w : h.path("vocabulary")) words.add(w.asText());
            WorldModel m = new WorldModel(cfg, new Vocabulary(words), NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch"));
            for (int i = 0; i < cfg.latentChannels(); i++) {
                m.latentMean[i] = (float) h.path("latentMean").path(i).asDouble();
                m.latentStd[i] = (float) h.path("latentStd").path(i).asDouble(1);
            }
            if (h.path("provenance").isObject()) m.provenance = (ObjectNode) h.path("provenance");
            for (var e : readArrays(in).entrySet()) m.params.put(e.getKey(), (float[]) e.getValue()[1], (Shape) e.getValue()[0]);
            // The names must be exactly those a fresh model of this configuration declares.
            try (WorldModel fresh = create(cfg, m.vocabulary, 0)) {
                String wrong = m.params.mismatch(fresh.params);
                if (wrong != null) {
                    m.close();
                    throw new IOException(wrong);
                }
            }
            return m;
        } catch (EOFException e) {
            throw new WorldModelException(what + ": truncated (the file ends early)");
        } catch (IOException | IllegalArgumentException e) {
            throw new WorldModelException(what + ": cannot read the model (" + e.getMessage() + ")");
        }
    }

    /** The model's bytes, as {@link #save} writes them. */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        save(b);
        return b.toByteArray();
    }

    public Config config() { return config; }

    public Vocabulary vocabulary() { return vocabulary; }

    Params params() { return params; }

    NDManager manager() { return manager; }

    /** Where the weights came from (data, seed, steps, command); written into the checkpoint. */
    public ObjectNode provenance() { return provenance; }

    public long parameterCount() { return params.count(); }

    @Override
    public void close() {
        manager.close();
    }
}
