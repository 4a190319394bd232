package dev.diorama.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The world model's speed on this machine, in one run: the matrix-multiply peak of the PyTorch
 * engine (2048² float, the best of several), the training throughput of both networks in samples/s
 * and in achieved GFLOP/s (counted from the layer shapes, a training step taken as three forward
 * passes: forward, and backward for inputs and weights), and the time to make 4 s of 64×64 video
 * (96 frames, {@link Neural#DEFAULT_STEPS} flow steps each) with the given or shipped model.
 *
 * <pre>java -Dai.djl.pytorch.num_threads=1 -cp ... dev.diorama.worldmodel.Throughput [MODEL.bin] [--steps N]</pre>
 *
 * Training is timed on random pictures and captions (the speed does not depend on the data).
 */
public final class Throughput {
    private Throughput() {}

    public static void main(String[] args) throws Exception {
        Path modelFile = null;
        int steps = 20;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--steps")) steps = Integer.parseInt(args[++i]);
            else modelFile = Path.of(args[i]);
        }
        Neural.configureEngine(1);
        Engine engine = Engine.getEngine("PyTorch");
        System.out.printf(Locale.ROOT, "engine %s %s, threads %s, java %s%n", engine.getEngineName(), engine.getVersion(),
                System.getProperty("ai.djl.pytorch.num_threads"), System.getProperty("java.version"));
        double peak = matmulPeak();
        System.out.printf(Locale.ROOT, "matmul 2048x2048 float: %.1f GFLOP/s (best of 10)%n", peak);

        List<String> captions = List.of("a red rubber ball drops from 1.0 m on a wooden floor at 12:00");
        WorldModel.Config c = WorldModel.Config.DEFAULT;
        try (WorldModel m = WorldModel.create(c, Vocabulary.of(captions), 0)) {
            Training.Settings s = Training.Settings.defaults(steps, 0);
            double ae = timeAutoencoder(m, s, steps);
            double aeFlops = ae * m.autoencoderFlops() * 3 / 1e9;
            System.out.printf(Locale.ROOT, "autoencoder training: %.1f samples/s, %.2f GFLOP/s achieved (%.0f MFLOP forward a picture), %.0f%% of the matmul peak%n",
                    ae, aeFlops, m.autoencoderFlops() / 1e6, 100 * aeFlops / peak);
            double dit = timeTransformer(m, s, steps);
            double ditFlops = dit * m.transformerFlops() * 3 / 1e9;
            System.out.printf(Locale.ROOT, "transformer training: %.1f samples/s, %.2f GFLOP/s achieved (%.0f MFLOP forward a sample), %.0f%% of the matmul peak%n",
                    dit, ditFlops, m.transformerFlops() / 1e6, 100 * ditFlops / peak);
            System.out.printf(Locale.ROOT, "weights: %,d (%.1f MB as float32)%n", m.parameterCount(), m.parameterCount() * 4 / 1e6);
        }
        try (WorldModel m = Neural.load(modelFile)) {
            m.rollout(List.of(List.of()), captions, 2, 2, Neural.DEFAULT_TEMPERATURE, 0);   // warm-up
            long t0 = System.nanoTime();
            m.rollout(List.of(List.of()), captions, 96, Neural.DEFAULT_STEPS, Neural.DEFAULT_TEMPERATURE, 0, Neural.DEFAULT_GUIDANCE);
            double t = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "inference: 4 s of 64x64 video (96 frames x %d flow steps, %s guidance %.1f) in %.2f s (%.1f frames/s)%n",
                    Neural.DEFAULT_STEPS, Neural.DEFAULT_GUIDANCE.kind().name().toLowerCase(Locale.ROOT), Neural.DEFAULT_GUIDANCE.weight(), t,
                    96 / t);
        }
    }

    static double matmulPeak() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            NDArray a = m.randomUniform(-1, 1, new Shape(2048, 2048)), b = m.randomUniform(-1, 1, new Shape(2048, 2048));
            double best = 0;
            for (int i = 0; i < 12; i++) {
                try (NDScope scope = new NDScope()) {
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.getFloat(0, 0);   // wait for it
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (i >= 2) best = Math.max(best, 2.0 * 2048 * 2048 * 2048 / t / 1e9);
                }
            }
            return best;
        }
    }

    /** Samples/s of autoencoder training steps on random pictures (after two warm-up steps). */
    static double timeAutoencoder(WorldModel m, Training.Settings s, int steps) {
        Adam opt = new Adam(m.params(), names(m, "ae."));
        float[] x = random(s.batch() * m.config().pictureSize(), 1);
        long t0 = 0;
        for (int i = 0; i < steps + 2; i++) {
            if (i == 2) t0 = System.nanoTime();
            try (NDScope scope = new NDScope(); NDManager sm = m.manager().newSubManager()) {
                NDArray xs = sm.create(x, new Shape(s.batch(), m.config().channels(), m.config().size(), m.config().size()));
                try (var gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    gc.backward(m.decode(m.encode(xs)).sub(xs).square().mean());
                }
                opt.step(1e-4f);
            }
        }
        return (double) steps * s.batch() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Samples/s of transformer training steps on random latents. */
    static double timeTransformer(WorldModel m, Training.Settings s, int steps) {
        WorldModel.Config c = m.config();
        Adam opt = new Adam(m.params(), names(m, "dit."));
        int B = s.batch(), L = c.latentSize(), side = c.latentSide();
        float[] x = random(B * L, 2), ctx = random(B * c.context() * L, 3), flags = new float[B * c.context()], t = random(B, 4);
        java.util.Arrays.fill(flags, 1);
        List<String> caps = new ArrayList<>();
        for (int i = 0; i < B; i++) caps.add("a ball");
        long t0 = 0;
        for (int i = 0; i < steps + 2; i++) {
            if (i == 2) t0 = System.nanoTime();
            try (NDScope scope = new NDScope(); NDManager sm = m.manager().newSubManager()) {
                NDArray xs = sm.create(x, new Shape(B, c.latentChannels(), side, side));
                NDArray cs = sm.create(ctx, new Shape(B, c.context(), c.latentChannels(), side, side));
                NDArray fs = sm.create(flags, new Shape(B, c.context()));
                NDArray ts = sm.create(t, new Shape(B)).abs().clip(0, 1);
                NDArray ws = sm.create(m.bagsOfWords(caps), new Shape(B, m.vocabulary().size()));
                try (var gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    gc.backward(m.velocity(xs, cs, fs, ts, ws).sub(xs).square().mean());
                }
                opt.step(1e-4f);
            }
        }
        return (double) steps * B / ((System.nanoTime() - t0) / 1e9);
    }

    private static List<String> names(WorldModel m, String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : m.params().names()) if (n.startsWith(prefix)) out.add(n);
        return out;
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextDouble();
        return v;
    }
}
