package dev.diorama.cli;

import dev.diorama.engine.Progress;
import dev.diorama.eval.Dataset;
import dev.diorama.eval.EvalException;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diorama dataset}: randomized simulator clips for training a world model. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Write N randomized simulator clips (MP4 with sound + ground-truth JSON + caption) and an index.json; "
                + "the same seed gives the same bytes. The directory appears only when complete.")
final class DatasetCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, paramLabel = "N", description = "clips, 1 to 100000")
    int count;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty directory")
    Path out;
    @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "picture size (default 64x64)")
    String size;
    @Option(names = "--seconds", defaultValue = "2", paramLabel = "S", description = "length of each clip (default 2)")
    double seconds;
    @Option(names = "--fps", defaultValue = "24", paramLabel = "N", description = "frames per second (default 24)")
    int fps;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "seed of the whole set (default 0)")
    long seed;
    @Option(names = "--threads", paramLabel = "N", description = "render threads (default: all cores); the bytes do not depend on it")
    Integer threads;
    @Option(names = "--families", description = "half the clips are practice scenes of the exam's seven families "
            + "(a ball behind a slab, down a ramp, into dominoes, on a pendulum, colliding, rolling, falling), drawn "
            + "from seeds the exam never uses; the others are open-floor clips")
    boolean families;
    @Option(names = "--quiet", description = "no progress")
    boolean quiet;
    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        int[] wh = SceneJson.parseSize(size.toLowerCase(Locale.ROOT));
        if (wh == null || wh[0] < 16 || wh[1] < 16 || wh[0] > Scene.MAX_PIXELS_SIDE || wh[1] > Scene.MAX_PIXELS_SIDE
                || wh[0] % 2 != 0 || wh[1] % 2 != 0) {
            throw new BadInput("--size: expected WIDTHxHEIGHT with even sides between 16 and " + Scene.MAX_PIXELS_SIDE
                    + " pixels, such as 64x64, found '" + size + "'");
        }
        if (threads != null && threads < 0) throw new BadInput("--threads: expected 0 (all cores) or more, found " + threads);
        ProgressBar bar = new ProgressBar(main.err);
        try {
            Dataset.Spec spec = new Dataset.Spec(count, wh[0], wh[1], seconds, fps, seed, families);
            Dataset.write(spec, out, threads == null ? 0 : threads, quiet ? Progress.NONE : bar);
            bar.finish();
            if (!quiet) main.err.println("diorama: wrote " + count + (count == 1 ? " clip and " : " clips and ") + out.resolve("index.json"));
        } catch (EvalException e) {
            throw new BadInput(e.getMessage());
        } finally {
            bar.finish();
        }
        return Main.OK;
    }
}
