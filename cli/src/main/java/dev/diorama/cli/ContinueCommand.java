package dev.diorama.cli;

import dev.diorama.media.MediaReader;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import dev.diorama.worldmodel.Neural;
import dev.diorama.worldmodel.WorldModel;
import dev.diorama.worldmodel.WorldModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diorama continue}: what happens next in a clip, predicted by the learned world model. */
@Command(name = "continue", mixinStandardHelpOptions = true,
        description = "Predict how a clip goes on with the neural world model: writes the clip followed by S more seconds "
                + "(64x64, 24 fps, H.264 + AAC; the new part's sound is synthesised from the bounces the model's pictures show).")
final class ContinueCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CLIP.mp4", description = "the clip to continue (64x64 or a whole multiple, 24 fps)")
    Path clip;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.mp4")
    Path output;
    @Option(names = "--seconds", defaultValue = "2", paramLabel = "S", description = "how long to go on, (0, 60] (default 2)")
    double seconds;
    @Option(names = "--backend", defaultValue = "neural", paramLabel = "neural", description = "only neural: the simulator needs a scene, not pictures")
    String backend;
    @Option(names = "--prompt", paramLabel = "TEXT", description = "what the clip shows, in words (the caption the model is conditioned on; default none)")
    String prompt;
    @Option(names = "--model", paramLabel = "FILE", description = "a model.bin of `diorama train` (default: the shipped one)")
    Path model;
    @Option(names = "--only-new", description = "write the predicted part alone, without the clip's own frames")
    boolean onlyNew;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "seed of the model's noise (default 0)")
    long seed;
    @Option(names = "--steps", defaultValue = "" + Neural.DEFAULT_STEPS, paramLabel = "N", description = "flow steps a frame (default " + Neural.DEFAULT_STEPS + ")")
    int steps;
    @Option(names = "--temperature", paramLabel = "T", description = "scale of the model's starting noise, 0 to 2 (default 1; 0 is deterministic)")
    Float temperature;
    @Option(names = "--quiet", description = "no messages")
    boolean quiet;
    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (backend.equals("sim")) {
            throw new BadInput("--backend sim: the simulator continues a film from its scene (the sidecar), not from pictures; expected --backend neural");
        }
        if (!backend.equals("neural")) throw new BadInput("--backend: expected neural, found '" + backend + "'");
        if (!(seconds > 0 && seconds <= 60)) throw new BadInput("--seconds: expected more than 0 and at most 60, found " + seconds);
        float temp = temperature == null ? Neural.DEFAULT_TEMPERATURE : temperature;
        if (!(temp >= 0 && temp <= 2)) throw new BadInput("--temperature: expected 0 to 2, found " + temperature);
        if (steps < 1 || steps > 1000) throw new BadInput("--steps: expected 1 to 1000, found " + steps);
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
            throw new BadInput("-o: expected a file name ending in .mp4, found '" + output + "'");
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new BadInput("-o: the directory " + dir + " does not exist");
        if (!Files.isRegularFile(clip)) throw new BadInput(clip + ": no such file; expected an MP4 clip");
        List<byte[]> frames = new ArrayList<>();
        float[][] audio;
        int w, h, fps, rate;
        try (MediaReader reader = new MediaReader(clip)) {
            var info = reader.info();
            if (info.width() <= 0) throw new BadInput(clip + ": no video stream; expected an MP4 clip");
            w = info.width();
            h = info.height();
            fps = (int) Math.round(info.fps());
            rate = info.sampleRate();
            for (byte[] f; (f = reader.nextFrame()) != null; ) frames.add(f);
            audio = rate > 0 ? reader.readAllAudio() : null;
        } catch (UncheckedIOException e) {
            throw new BadInput(clip + ": cannot decode it as a video (" + e.getMessage() + ")");
        }
        if (frames.isEmpty()) throw new BadInput(clip + ": has no pictures");
        if (fps != 24) throw new BadInput(clip + ": " + fps + " fps; the model was trained at 24 fps, expected a 24 fps clip");
        Neural.configureEngine(1);
        long t0 = System.nanoTime();
        String caption = prompt == null ? "" : prompt;
        Scene scene = PromptParser.parse(caption.isBlank() ? "a ball" : caption,
                new PromptParser.Options(seed, seconds, 24, 64, 64, true)).scene();
        try (WorldModel m = Neural.load(model)) {
            int n = (int) Math.round(seconds * 24);
            Neural.Film film = Neural.continueClip(m, frames, w, h, audio, rate, scene, caption, n, !onlyNew, steps, temp, seed, 24);
            film.write(output);
            if (!quiet) {
                main.err.printf(Locale.ROOT, "diorama: wrote %s (%d frames: %d predicted, %d impacts heard, seed %d) in %.1f s%n",
                        output, film.frames().size(), n, film.impacts().size(), seed, (System.nanoTime() - t0) / 1e9);
            }
        } catch (WorldModelException e) {
            throw new BadInput(e.getMessage());
        }
        return Main.OK;
    }
}
