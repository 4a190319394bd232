package dev.diorama.cli;

import dev.diorama.audio.SoundTrack;
import dev.diorama.engine.FilmMaker;
import dev.diorama.prompt.PromptException;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code diorama} command. Exit codes: 0 success, 2 bad input (a message names what was wrong
 * and what was expected; nothing is written), 1 internal failure.
 */
@Command(name = "diorama", mixinStandardHelpOptions = true, version = "diorama 0.1.0",
        description = "Words in, a physically simulated film with synchronized sound out.",
        subcommands = {Main.Generate.class, Main.Explain.class, Main.Render.class, RemixCommand.class, ServeCommand.class, KeysCommand.class, AcousticsCommand.class, EvalPhysicsCommand.class, DatasetCommand.class, TrainCommand.class, ContinueCommand.class})
public final class Main implements Runnable {
    static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    /** Where messages and the progress bar go. */
    PrintStream err = System.err;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: generate, explain, render, acoustics, serve or keys");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code; never exits the JVM (tests call it). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.err = err;
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInput || ex instanceof SceneException || ex instanceof PromptException
                    || ex instanceof dev.diorama.assets.AssetException) {
                err.println("diorama: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof dev.diorama.sim.Simulator.Unstable) {
                // not the user's mistake, and not a bug to trace: what the simulation could not do
                err.println("diorama: " + ex.getMessage() + "; nothing was written");
                return INTERNAL;
            }
            err.println("diorama: internal error: " + ex);
            if (System.getenv("DIORAMA_DEBUG") != null) ex.printStackTrace(err);
            else err.println("diorama: set DIORAMA_DEBUG=1 to see the stack trace");
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("diorama: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println("diorama: see '" + c.getCommandSpec().qualifiedName() + " --help'");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** Options shared by the commands that make a film. */
    static final class FilmOptions {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "FILE.mp4 (film + FILE.json ground truth), FILE.png (one still frame) or FILE.wav (the sound alone: 48 kHz stereo 16-bit)")
        Path output;
        @Option(names = "--seconds", paramLabel = "S", description = "length in seconds, up to 300 (default: the prompt's, else 4)")
        Double seconds;
        @Option(names = "--size", paramLabel = "WxH", description = "picture size (default 1280x720)")
        String size;
        @Option(names = "--fps", paramLabel = "N", description = "frames per second, 1..120 (default 24)")
        Integer fps;
        @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice (default 0); written into the output")
        Long seed;
        @Option(names = "--at", paramLabel = "T", description = "with a .png output: the time of the still, seconds (default 0)")
        Double at;
        @Option(names = "--threads", paramLabel = "N", description = "render threads (default: all cores); the output does not depend on it")
        Integer threads;
        @Option(names = "--quiet", description = "no progress bar")
        boolean quiet;
        @Option(names = "--motion-blur", description = "moving objects blur as on film: a 180-degree shutter, 8 instants a frame (about 8 times the render time)")
        boolean motionBlur;
        @Option(names = "--asset", paramLabel = "NAME=path",
                description = "binds a model file (.gltf, .glb, .obj) to a name that a mesh's \"asset\" uses; repeatable")
        List<String> assets = List.of();

        /** Binds the --asset names, then reads every mesh's file now, so a bad file is named before filming. */
        void bindAssets(Scene scene) {
            bindNames();
            for (var obj : scene.objects()) if (obj.asset() != null) dev.diorama.assets.MeshAssets.load(obj.asset());
        }

        /** Binds the --asset names to their files. */
        void bindNames() {
            for (String a : assets) {
                int eq = a.indexOf('=');
                if (eq < 1 || eq == a.length() - 1) throw new BadInput("--asset: expected NAME=path, found '" + a + "'");
                dev.diorama.scene.Assets.bind(a.substring(0, eq), Path.of(a.substring(eq + 1)));
            }
        }

        int[] pictureSize() {
            if (size == null) return null;
            int[] wh = SceneJson.parseSize(size.toLowerCase(Locale.ROOT));
            if (wh == null) throw new BadInput("--size: expected WIDTHxHEIGHT such as 1280x720, found '" + size + "'");
            if (wh[0] < 16 || wh[1] < 16 || wh[0] > Scene.MAX_PIXELS_SIDE || wh[1] > Scene.MAX_PIXELS_SIDE
                    || wh[0] % 2 != 0 || wh[1] % 2 != 0) {
                throw new BadInput("--size: expected even width and height between 16 and " + Scene.MAX_PIXELS_SIDE
                        + " pixels, found '" + size + "'");
            }
            return wh;
        }

        void check() {
            if (seconds != null && !(seconds > 0 && seconds <= Scene.MAX_SECONDS)) {
                throw new BadInput("--seconds: expected a length greater than 0 and at most " + (int) Scene.MAX_SECONDS
                        + " seconds, found " + seconds);
            }
            if (fps != null && (fps < 1 || fps > 120)) throw new BadInput("--fps: expected 1 to 120, found " + fps);
            if (threads != null && threads < 0) throw new BadInput("--threads: expected 0 (all cores) or more, found " + threads);
            pictureSize();
            kind();
            Path dir = output.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new BadInput("-o: the directory " + dir + " does not exist; expected an existing directory");
            }
            if (!Files.isWritable(dir)) throw new BadInput("-o: cannot write in " + dir);
            if (Files.isDirectory(output)) throw new BadInput("-o: " + output + " is a directory; expected a file name");
            if (at != null && kind() != Kind.PNG) throw new BadInput("--at: only with a .png output");
        }

        enum Kind { MP4, PNG, WAV }

        Kind kind() {
            String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".mp4")) return Kind.MP4;
            if (n.endsWith(".png")) return Kind.PNG;
            if (n.endsWith(".wav")) return Kind.WAV;
            throw new BadInput("-o: expected a file name ending in .mp4, .png or .wav, found '" + output + "'");
        }

        /** Applies the command line's explicit settings over a scene's own. */
        Scene override(Scene s) {
            int[] wh = pictureSize();
            Scene r = s.withTiming(seconds != null ? seconds : s.seconds(), fps != null ? fps : s.fps(),
                    wh != null ? wh[0] : s.width(), wh != null ? wh[1] : s.height());
            return seed != null ? r.withSeed(seed) : r;
        }

        int make(Scene scene, PrintStream err) throws IOException {
            bindAssets(scene);
            double t = at == null ? 0 : at;
            if (t < 0 || t > scene.seconds()) {
                throw new BadInput("--at: expected a time between 0 and " + scene.seconds() + " s, found " + t);
            }
            ProgressBar bar = new ProgressBar(err);
            FilmMaker.Settings settings = new FilmMaker.Settings(threads == null ? 0 : threads,
                    quiet ? dev.diorama.engine.Progress.NONE : bar);
            if (motionBlur) settings = settings.withMotionBlur();
            try {
                if (kind() == Kind.PNG) {
                    FilmMaker.still(scene, t, output, settings);
                    bar.finish();
                    if (!quiet) err.println("diorama: wrote " + output);
                } else if (kind() == Kind.WAV) {
                    FilmMaker.Result r = FilmMaker.sound(scene, output, settings);
                    bar.finish();
                    if (!quiet) {
                        err.printf(Locale.ROOT, "diorama: wrote %s (%.1f s of sound, %d events, seed %d) in %.1f s%n",
                                r.video(), scene.seconds(), r.events().size(), scene.seed(), r.wallSeconds());
                        printLoudness(err, r.mastering(), scene.environment().air(), scene.slowMotion());
                    }
                } else {
                    FilmMaker.Result r = FilmMaker.film(scene, output, settings);
                    bar.finish();
                    if (!quiet) {
                        err.printf(Locale.ROOT, "diorama: wrote %s and %s (%d frames, %d events, seed %d) in %.1f s%n",
                                r.video(), r.sidecar(), r.frames(), r.events().size(),
                                scene.seed(), r.wallSeconds());
                        printLoudness(err, r.mastering(), scene.environment().air(), scene.slowMotion());
                    }
                }
            } finally {
                bar.finish();
            }
            return OK;
        }

        /**
         * The film's loudness as mastered, and where it stays below the target, why: its sounds are
         * short knocks whose peaks meet the true-peak ceiling first (see the README's Acoustics).
         */
        static void printLoudness(PrintStream err, SoundTrack.Mastering m, boolean air, double slow) {
            if (m == null) return;
            if (!air) {
                err.println("diorama: no air, so no sound: the film's soundtrack is silent (its impacts are in the sidecar)");
                return;
            }
            if (!(m.finalLoudness() > Double.NEGATIVE_INFINITY) && Double.isFinite(m.finalTruePeak())) {
                err.println(String.format(Locale.ROOT, "diorama: sound with its true peak at %.1f dBTP; it has no integrated"
                        + " loudness to bring to %.0f LUFS (BS.1770 needs 0.4 s above -70 LUFS: the film is shorter, or its"
                        + " sounds fainter)", m.finalTruePeak(), SoundTrack.TARGET_LUFS));
                return;
            }
            if (!(m.finalLoudness() > Double.NEGATIVE_INFINITY)) {
                err.println("diorama: nothing in the film strikes, rolls or splashes, so its sound is the place's quiet"
                        + " ambience alone (not brought to " + Math.round(SoundTrack.TARGET_LUFS) + " LUFS)");
                return;
            }
            String line = String.format(Locale.ROOT, "diorama: sound at %.1f LUFS integrated, true peak %.1f dBTP",
                    m.finalLoudness(), m.finalTruePeak());
            if (slow > 1) {
                // measured on the film's samples: the world's sound as mastered, slowed with the picture
                err.println(line + String.format(Locale.ROOT, " (the world's sound as mastered, %s times slower with the picture)",
                        slow == Math.rint(slow) ? Long.toString(Math.round(slow)) : String.format(Locale.ROOT, "%.2f", slow)));
                return;
            }
            if (m.finalLoudness() < SoundTrack.TARGET_LUFS - 0.5) {
                line += String.format(Locale.ROOT, ", below the %.0f LUFS target: its sounds are short knocks whose"
                        + " peaks reach the %.0f dBTP ceiling first (%s)", SoundTrack.TARGET_LUFS, SoundTrack.CEILING_DBTP,
                        m.limited() ? String.format(Locale.ROOT, "the limiter took up to %.1f dB off them; turning them"
                                + " down further would turn the knocks down", m.maxReduction())
                                : "louder, they would be cut");
            }
            err.println(line);
        }
    }

    static PromptParser.Parse understand(String prompt, FilmOptions o, boolean strict, PrintStream err) {
        int[] wh = o == null ? null : o.pictureSize();
        PromptParser.Options opts = new PromptParser.Options(
                o != null && o.seed != null ? o.seed : 0,
                o != null && o.seconds != null ? o.seconds : 4,
                o != null && o.fps != null ? o.fps : 24,
                wh != null ? wh[0] : 1280, wh != null ? wh[1] : 720,
                o != null && o.seconds != null);
        // The model files the prompt names are read first: a model keeps its file's proportions.
        if (o != null) o.bindNames();
        for (String asset : PromptParser.assets(prompt)) dev.diorama.assets.MeshAssets.load(asset);
        PromptParser.Parse parse = PromptParser.parse(prompt, opts);
        if (strict && !parse.ignoredWords().isEmpty()) {
            throw new BadInput(notUnderstood(parse) + "\n(--strict: every word must be understood)");
        }
        // The rehearsal (a simulation) only for a prompt that will be filmed.
        parse = dev.diorama.engine.Rehearsal.frame(parse);
        if (!parse.ignoredWords().isEmpty()) {
            err.println("diorama: warning: " + notUnderstood(parse));
        } else {
            for (String note : parse.notes()) err.println("diorama: note: " + note);
        }
        return parse;
    }

    /** "did not understand: WORDS", then the notes, one per line. */
    private static String notUnderstood(PromptParser.Parse parse) {
        String msg = "did not understand: " + String.join(", ", parse.ignoredWords());
        for (String note : parse.notes()) msg += "\n  " + note;
        return msg;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Make a film (FILE.mp4 + FILE.json) or a still (FILE.png) from a prompt.")
    static final class Generate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "what happens, in words")
        List<String> words;
        @CommandLine.Mixin
        FilmOptions o;
        @Option(names = "--strict", description = "every word of the prompt must be understood (else exit 2)")
        boolean strict;
        @Option(names = "--backend", defaultValue = "sim", paramLabel = "sim|neural",
                description = "sim: simulated and ray traced (default); neural: the learned world model (64x64, docs/world-model.md)")
        String backend;
        @Option(names = "--model", paramLabel = "FILE", description = "with --backend neural: a model.bin of `diorama train` (default: the shipped one)")
        Path model;
        @Option(names = "--from-words", description = "with --backend neural: the model draws the first picture too, from the words alone "
                + "(by default the first picture is the ray tracer's, the scene as the prompt sets it up, and the model draws every later one)")
        boolean fromWords;
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws IOException {
            if (!backend.equals("sim")) return NeuralBackend.generate(String.join(" ", words), o, strict, backend, model, fromWords, main.err);
            if (model != null) throw new BadInput("--model: only with --backend neural");
            if (fromWords) throw new BadInput("--from-words: only with --backend neural");
            o.check();
            Scene scene = understand(String.join(" ", words), o, strict, main.err).scene();
            return o.make(scene, main.err);
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Print the scene a prompt is understood as, as JSON (edit it and `diorama render` it).")
    static final class Explain implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PROMPT")
        List<String> words;
        @Option(names = "--strict", description = "every word of the prompt must be understood (else exit 2)")
        boolean strict;
        @Option(names = "--seed", paramLabel = "N")
        Long seed;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            FilmOptions none = new FilmOptions();
            none.seed = seed;
            Scene scene = understand(String.join(" ", words), none, strict, main.err).scene();
            spec.commandLine().getOut().println(SceneJson.write(scene));
            spec.commandLine().getOut().flush();
            return OK;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Film a scene file (as `explain` prints it, or a film's FILE.json sidecar).")
    static final class Render implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SCENE.json")
        Path sceneFile;
        @CommandLine.Mixin
        FilmOptions o;
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws IOException {
            o.check();
            String text;
            try {
                text = Files.readString(sceneFile);
            } catch (NoSuchFileException e) {
                throw new BadInput(sceneFile + ": no such file; expected a scene JSON file");
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new BadInput(sceneFile + ": cannot read it as UTF-8 text (" + e.getMessage() + ")");
            }
            Scene scene;
            try {
                var root = SceneJson.MAPPER.readTree(text);
                if (root != null && root.isObject() && root.has("format") && root.has("scene")) root = root.get("scene");
                scene = SceneJson.read(root == null ? SceneJson.MAPPER.missingNode() : root);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInput(sceneFile + ": expected valid JSON (" + e.getOriginalMessage() + ", line "
                        + e.getLocation().getLineNr() + ")");
            } catch (SceneException e) {
                throw new BadInput(sceneFile + ": " + e.getMessage());
            }
            return o.make(o.override(scene), main.err);
        }
    }
}
