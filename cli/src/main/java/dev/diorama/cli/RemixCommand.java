package dev.diorama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.engine.FilmMaker;
import dev.diorama.prompt.SceneEdits;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code diorama remix FILE.json "make the floor marble and the ball glass" -o new.mp4}: the
 * earlier scene (a scene file or a film's sidecar) with the edit applied ({@link SceneEdits}),
 * filmed again with the same seed unless {@code --seed} says otherwise; the new sidecar records
 * what it was remixed from. {@code --dry-run} prints the edited scene as JSON instead.
 */
@Command(name = "remix", mixinStandardHelpOptions = true,
        description = "Apply an edit in words (\"make the floor marble\", \"now at night\", \"twice as many dominoes\","
                + " \"from above\") to a scene file or a film's FILE.json and film it again, same seed unless --seed.")
final class RemixCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.json", description = "a scene file or a film's sidecar")
    Path sceneFile;
    @Parameters(index = "1", paramLabel = "EDIT", description = "the change, in words")
    String edit;
    @CommandLine.Option(names = "--strict", description = "every word of the edit must be understood")
    boolean strict;
    @CommandLine.Option(names = "--dry-run", description = "print the edited scene as JSON; film nothing")
    boolean dryRun;
    @CommandLine.Mixin
    Main.FilmOptions o;
    @CommandLine.ParentCommand
    Main main;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!dryRun) o.check();
        Scene before = read(sceneFile);
        SceneEdits.Edit e = SceneEdits.apply(before, edit);
        if (!e.ignoredWords().isEmpty()) {
            String msg = "did not understand: " + String.join(", ", e.ignoredWords());
            for (String note : e.notes()) msg += "\n  " + note;
            if (strict) throw new BadInput(msg + "\n(--strict: every word must be understood)");
            main.err.println("diorama: warning: " + msg);
        } else {
            for (String note : e.notes()) main.err.println("diorama: note: " + note);
        }
        Scene after = o.override(e.scene());
        if (dryRun) {
            spec.commandLine().getOut().println(SceneJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SceneJson.toJson(after)));
            return Main.OK;
        }
        if (o.kind() != Main.FilmOptions.Kind.MP4) return o.make(after, main.err);
        ObjectNode from = SceneJson.MAPPER.createObjectNode();
        from.put("file", sceneFile.toString());
        from.put("seed", before.seed());
        from.put("edit", edit);
        ProgressBar bar = new ProgressBar(main.err);
        try {
            FilmMaker.Settings settings = new FilmMaker.Settings(o.threads == null ? 0 : o.threads,
                    o.quiet ? dev.diorama.engine.Progress.NONE : bar);
            FilmMaker.Result r = FilmMaker.film(after, o.output, o.motionBlur ? settings.withMotionBlur() : settings, from);
            bar.finish();
            if (!o.quiet) {
                main.err.printf(Locale.ROOT, "diorama: wrote %s and %s (%d frames, %d events, seed %d, remixed from %s)%n",
                        r.video(), r.sidecar(), r.frames(), r.events().size(), after.seed(),
                        sceneFile);
            }
        } finally {
            bar.finish();
        }
        return Main.OK;
    }

    /** A scene file, or the scene of a sidecar ({@code {"format": ..., "scene": ...}}). */
    static Scene read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException ex) {
            throw new BadInput(file + ": no such file; expected a scene JSON file or a film's sidecar");
        } catch (IOException | java.io.UncheckedIOException ex) {
            throw new BadInput(file + ": cannot read it as UTF-8 text (" + ex.getMessage() + ")");
        }
        try {
            JsonNode root = SceneJson.MAPPER.readTree(text);
            if (root != null && root.isObject() && root.has("format") && root.has("scene")) root = root.get("scene");
            return SceneJson.read(root == null ? SceneJson.MAPPER.missingNode() : root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new BadInput(file + ": expected valid JSON (" + ex.getOriginalMessage() + ", line "
                    + ex.getLocation().getLineNr() + ")");
        } catch (SceneException ex) {
            throw new BadInput(file + ": " + ex.getMessage());
        }
    }
}
