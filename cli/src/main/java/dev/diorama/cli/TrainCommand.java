package dev.diorama.cli;

import dev.diorama.worldmodel.ClipSet;
import dev.diorama.worldmodel.Neural;
import dev.diorama.worldmodel.Training;
import dev.diorama.worldmodel.WorldModel;
import dev.diorama.worldmodel.WorldModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diorama train}: trains the neural world model on a {@code diorama dataset} directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the neural world model (autoencoder, then flow-matching diffusion transformer) on clips of "
                + "`diorama dataset`. Writes MODEL_DIR/model.bin, checkpoint.bin, loss.csv and loss.png; run the same "
                + "command again after an interruption and it goes on from the last checkpoint.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "a directory written by `diorama dataset` (64x64)")
    Path data;
    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "where the model and its checkpoints go")
    Path out;
    @Option(names = "--steps", defaultValue = "3000", paramLabel = "N", description = "transformer steps (default 3000)")
    int steps;
    @Option(names = "--autoencoder-steps", paramLabel = "N", description = "autoencoder steps, before the transformer's (default: a quarter of --steps)")
    Integer aeSteps;
    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "samples a step (default 32)")
    int batch;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "seed of the weights and batches (default 0)")
    long seed;
    @Option(names = "--checkpoint-every", defaultValue = "100", paramLabel = "N", description = "steps between checkpoints (default 100)")
    int every;
    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "PyTorch threads (default 1)")
    int threads;
    @Option(names = "--quiet", description = "no progress")
    boolean quiet;
    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (steps < 0 || steps > 10_000_000) throw new BadInput("--steps: expected 0 to 10000000, found " + steps);
        if (aeSteps != null && (aeSteps < 0 || aeSteps > 10_000_000)) {
            throw new BadInput("--autoencoder-steps: expected 0 to 10000000, found " + aeSteps);
        }
        if (batch < 1 || batch > 4096) throw new BadInput("--batch: expected 1 to 4096, found " + batch);
        if (every < 1) throw new BadInput("--checkpoint-every: expected 1 or more, found " + every);
        if (threads < 1 || threads > 256) throw new BadInput("--threads: expected 1 to 256, found " + threads);
        if (!Files.isDirectory(data)) throw new BadInput("--data: " + data + " is not a directory; expected one written by `diorama dataset`");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInput("--out: " + out + " is a file; expected a directory");
        Neural.configureEngine(threads);
        int ae = aeSteps != null ? aeSteps : Math.max(1, steps / 4);
        Training.Settings d = Training.Settings.defaults(steps, seed);
        Training.Settings s = new Training.Settings(ae, steps, batch, seed, d.aeRate(), d.ditRate(), every, d.config());
        try {
            long t0 = System.nanoTime();
            if (!quiet) main.err.println("diorama: reading " + data);
            ClipSet clips = ClipSet.read(data, ClipSet.Options.FULL);
            if (!quiet) {
                main.err.printf(Locale.ROOT, "diorama: %d clips, %d frames, read in %.1f s%n", clips.size(),
                        clips.clips().stream().mapToInt(c -> c.frames().size()).sum(), (System.nanoTime() - t0) / 1e9);
            }
            Training.Listener listener = quiet ? Training.Listener.NONE : new Training.Listener() {
                long last;

                @Override
                public void step(String phase, int step, int total, double loss, double rate) {
                    long now = System.nanoTime();
                    if (now - last > 5_000_000_000L || step == total) {
                        last = now;
                        main.err.printf(Locale.ROOT, "diorama: %s step %d/%d  loss %.5f  %.1f samples/s%n", phase, step, total, loss, rate);
                    }
                }

                @Override
                public void checkpoint(Path file, int a, int t) {
                    main.err.printf(Locale.ROOT, "diorama: checkpoint %s (autoencoder %d, transformer %d steps)%n", file, a, t);
                }

                @Override
                public void resumed(int a, int t) {
                    main.err.printf(Locale.ROOT, "diorama: resuming from the checkpoint (autoencoder %d, transformer %d steps)%n", a, t);
                }
            };
            Training.Result r = Training.run(clips, out, s, listener);
            try (WorldModel m = r.model()) {
                if (!quiet) {
                    main.err.printf(Locale.ROOT, "diorama: wrote %s (%,d weights) and %s in %.1f s%n", out.resolve("model.bin"),
                            m.parameterCount(), out.resolve("loss.png"), (System.nanoTime() - t0) / 1e9);
                }
            }
        } catch (WorldModelException e) {
            throw new BadInput(e.getMessage());
        }
        return Main.OK;
    }
}
