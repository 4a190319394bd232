package dev.diorama.cli;

import dev.diorama.engine.FilmMaker;
import dev.diorama.engine.Progress;
import dev.diorama.scene.Scene;
import dev.diorama.worldmodel.Neural;
import dev.diorama.worldmodel.WorldModel;
import dev.diorama.worldmodel.WorldModelException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code --backend neural}: films made by the learned world model (module worldmodel). */
final class NeuralBackend {
    private NeuralBackend() {}

    /** Checks what the neural backend cannot do, before anything is loaded. */
    static void checkOptions(Main.FilmOptions o, String backend) {
        if (!backend.equals("neural")) throw new BadInput("--backend: expected sim or neural, found '" + backend + "'");
        o.check();
        if (o.kind() != Main.FilmOptions.Kind.MP4) throw new BadInput("--backend neural: expected an .mp4 output, found '" + o.output + "'");
        int[] wh = o.pictureSize();
        if (wh != null && (wh[0] != 64 || wh[1] != 64)) {
            throw new BadInput("--backend neural: the model makes 64x64 pictures; expected --size 64x64 or none, found '" + o.size + "'");
        }
        if (o.fps != null && o.fps != 24) throw new BadInput("--backend neural: the model was trained at 24 fps; expected --fps 24 or none");
        if (o.seconds != null && o.seconds > 60) throw new BadInput("--seconds: the neural backend makes at most 60 s, found " + o.seconds);
        if (o.at != null) throw new BadInput("--at: not with --backend neural");
        if (!o.assets.isEmpty()) throw new BadInput("--asset: not with --backend neural");
    }

    /**
     * Makes the film. By default its first picture is the ray tracer's (the scene as the prompt sets
     * it up, simulated for one frame) and the model draws every later one from it and the words, as
     * it continues a clip; with {@code fromWords} the model draws the first picture too.
     */
    static int generate(String prompt, Main.FilmOptions o, boolean strict, String backend, Path modelFile, boolean fromWords,
                        PrintStream err) throws IOException {
        checkOptions(o, backend);
        if (o.size == null) o.size = "64x64";
        Scene scene = Main.understand(prompt, o, strict, err).scene();
        if (scene.seconds() > 60) throw new BadInput("the neural backend makes at most 60 s; the prompt asks for " + scene.seconds());
        if (scene.captureFps() != scene.fps()) {
            throw new BadInput("--backend neural: the model was trained on films in real time; slow motion (" + scene.captureFps()
                    + " frames a second played at " + scene.fps() + ") is made by the simulator: leave out --backend neural");
        }
        Neural.configureEngine(o.threads == null || o.threads == 0 ? 1 : o.threads);
        long t0 = System.nanoTime();
        try (WorldModel model = Neural.load(modelFile)) {
            var unknown = model.vocabulary().unknown(prompt);
            if (!unknown.isEmpty() && !o.quiet) err.println("diorama: note: words the model never saw in training: " + String.join(", ", unknown));
            Neural.Film film;
            if (fromWords) {
                film = Neural.generate(model, scene, prompt, scene.frameCount(), Neural.DEFAULT_STEPS, Neural.DEFAULT_TEMPERATURE, scene.seed());
            } else {
                // the scene is the model's size (checkOptions): its first frame, ray traced
                byte[] first = FilmMaker.firstPicture(scene, new FilmMaker.Settings(o.threads == null ? 0 : o.threads, Progress.NONE));
                film = Neural.continueClip(model, List.of(first), scene.width(), scene.height(), null, 0, scene, prompt,
                        Math.max(0, scene.frameCount() - 1), true, Neural.DEFAULT_STEPS, Neural.DEFAULT_TEMPERATURE, scene.seed(), scene.fps());
            }
            film.write(o.output);
            if (!o.quiet) {
                err.printf(Locale.ROOT, "diorama: wrote %s (neural, %d frames, %s, %d impacts heard, seed %d) in %.1f s%n", o.output,
                        film.frames().size(), fromWords ? "every picture drawn by the model" : "the first picture ray traced, the rest drawn by the model",
                        film.impacts().size(), scene.seed(), (System.nanoTime() - t0) / 1e9);
            }
        } catch (WorldModelException e) {
            throw new BadInput(e.getMessage());
        }
        return Main.OK;
    }
}
