package dev.diorama.worldmodel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link ClipModel} (the whole-clip denoiser) on a {@code diorama dataset} directory, on
 * the frozen compression network of a frame model (the shipped one unless {@code --model} names
 * another), for the comparison in docs/world-model.md. Writes {@code clip-model.bin} and
 * {@code loss.csv} into OUT every 100 steps and at the end; it does not resume (an interrupted run
 * starts over).
 *
 * <pre>java -cp ... dev.diorama.worldmodel.ClipTraining DATA OUT [--model MODEL.bin] [--steps N] [--batch B] [--seed S] [--rate R] [--threads T]</pre>
 */
public final class ClipTraining {
    private ClipTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClipTraining DATA OUT [--model MODEL.bin] [--steps N] [--batch B] [--seed S] [--rate R] [--threads T]");
            System.exit(2);
        }
        Path data = Path.of(args[0]), out = Path.of(args[1]);
        Path modelFile = null;
        int steps = 2000, batch = 32, threads = 1;
        long seed = 0;
        float rate = 5e-4f;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> modelFile = Path.of(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--rate" -> rate = Float.parseFloat(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Neural.configureEngine(threads);
        try {
            train(data, out, modelFile, steps, batch, seed, rate);
        } catch (WorldModelException e) {
            System.err.println("ClipTraining: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void train(Path data, Path out, Path modelFile, int steps, int batch, long seed, float rate) throws IOException {
        ClipSet set = ClipSet.read(data, ClipSet.Options.FULL);
        Files.createDirectories(out);
        try (WorldModel frames = Neural.load(modelFile)) {
            int size = frames.config().size(), need = ClipModel.Config.DEFAULT.frames();
            if (set.pictureWidth() != size || set.pictureHeight() != size || set.channels() != frames.config().channels()) {
                throw new WorldModelException(data + ": the pictures are " + set.pictureWidth() + "x" + set.pictureHeight()
                        + "; the frame model's autoencoder needs " + size + "x" + size);
            }
            for (ClipSet.Clip c : set.clips()) {
                if (c.frames().size() < need) {
                    throw new WorldModelException(data + ": " + c.id() + " has " + c.frames().size() + " frames; a window needs " + need
                            + " (make the dataset with --seconds 2.5 or more at 24 fps)");
                }
            }
            long t0 = System.nanoTime();
            float[][][] latents = Training.encodeAll(frames, set);
            System.err.printf(Locale.ROOT, "encoded %d clips in %.0f s%n", latents.length, (System.nanoTime() - t0) / 1e9);
            try (ClipModel model = ClipModel.create(ClipModel.Config.DEFAULT, frames, seed)) {
                model.provenance().put("seed", seed).put("data", Training.dataKey(set)).put("batch", batch).put("rate", rate)
                        .set("frameModel", frames.provenance());
                model.measureChanges(latents);
                System.err.printf(Locale.ROOT, "%,d weights, %.1f MFLOP a clip and flow step; change per channel %s%n", model.parameterCount(),
                        model.transformerFlops() / 1e6, java.util.Arrays.toString(model.changeStd()));
                Adam opt = model.optimizer();
                List<String> captions = set.captions();
                List<Double> losses = new ArrayList<>();
                long start = System.nanoTime(), last = start;
                int warmUp = Math.max(1, Math.min(100, steps / 10));
                for (int step = 0; step < steps; step++) {
                    float lr = rate * Math.min(1f, (step + 1f) / warmUp);
                    losses.add(model.trainStep(opt, latents, captions, batch, seed, step, lr));
                    long now = System.nanoTime();
                    if (now - last > 5e9 || step + 1 == steps) {
                        last = now;
                        double sec = (now - start) / 1e9;
                        System.err.printf(Locale.ROOT, "step %d/%d  loss %.4f  %.1f clips/s  %.0f s%n", step + 1, steps,
                                losses.get(losses.size() - 1), (step + 1.0) * batch / sec, sec);
                    }
                    if ((step + 1) % 100 == 0 || step + 1 == steps) {
                        model.provenance().put("steps", step + 1);
                        Training.atomically(out.resolve("clip-model.bin"), model::save);
                        StringBuilder csv = new StringBuilder("step,loss\n");
                        for (int i = 0; i < losses.size(); i++) csv.append(String.format(Locale.ROOT, "%d,%.6g%n", i + 1, losses.get(i)));
                        Training.atomically(out.resolve("loss.csv"), os -> os.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
    }
}
