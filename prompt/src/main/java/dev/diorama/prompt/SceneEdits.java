package dev.diorama.prompt;

import dev.diorama.scene.Camera;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remixes: an edit in words applied to an earlier scene, keeping everything it does not mention
 * (the seed included). "make the floor marble and the ball glass", "now at night", "twice as many
 * dominoes", "from above", "paint the cubes red", "in Tokyo at sunset, wide shot".
 *
 * <p>The edit is read clause by clause (clauses are joined by "and", commas or semicolons). A
 * clause that changes objects names them by their noun and, if it likes, their colour or material
 * ("the red ball", "the dominoes", "every cube") and gives a material or colour: "make the ball
 * glass", "turn the cubes into steel", "paint the plank blue". "N times as many X" and "twice as
 * many X" add copies of the objects X beside them (their group repeated along x), "half as many X"
 * removes every other one. Whatever else a clause says is read as a prompt is ("now at night",
 * "on a marble floor", "make it overcast", "hazy", "from above", "the camera orbits", "for 8
 * seconds", "in Oslo") and what it says about the world, the sky, the time and the camera replaces
 * the scene's.
 */
public final class SceneEdits {
    private static final Pattern CHANGE = Pattern.compile(
            "^(?:now\\s+)?(?:make|turn|paint|change|set|switch|swap)?\\s*(?:the|all(?: of)? the|every|each|all)?\\s*"
                    + "(.+?)\\s+(?:(?:in)?to|into|as|in|out of|made of)?\\s*(?:a |an )?([a-z-]+)$");
    private static final Pattern MANY = Pattern.compile(
            "^(?:with\\s+)?(twice|double|two times|three times|thrice|four times|five times|half)\\s+(?:as\\s+)?(?:many|much)\\s+(?:of\\s+the\\s+)?(.+)$");

    private SceneEdits() {}

    /**
     * An edited scene with the parser's account of the edit.
     *
     * @param scene         the new scene, validated
     * @param ignoredWords  the words of the edit it could not use
     * @param notes         what each clause did, and advice
     */
    public record Edit(Scene scene, List<String> ignoredWords, List<String> notes) {}

    /**
     * Applies {@code edit} to {@code scene}.
     *
     * @throws PromptException when the edit is empty, names objects the scene does not have, or asks
     *                         for something impossible (the message quotes the words)
     */
    public static Edit apply(Scene scene, String edit) {
        Edit e = edit(scene, edit, new boolean[1]);
        if (e.scene().equals(scene)) {
            throw new PromptException(edit.strip(), "changes nothing in the scene" + (e.ignoredWords().isEmpty() ? ""
                    : " (not understood: " + String.join(", ", e.ignoredWords()) + ")") + "; expected a change such as \"make"
                    + " the floor marble\", \"now at night\", \"from above\" or \"twice as many balls\"");
        }
        return e;
    }

    /**
     * As {@link #apply}, for a caller that also takes whole prompts for a new film (the service's
     * remix): null when the words are not an edit of this scene, that is when they change nothing
     * in it or name objects it does not have and a remix cannot add ("a glass cube drops onto a
     * wooden floor" on a film of balls). Other faults of an edit are thrown as by {@link #apply}.
     */
    public static Edit applyIfEdit(Scene scene, String edit) {
        boolean[] newObjects = new boolean[1];
        Edit e = edit(scene, edit, newObjects);
        if (e.scene().equals(scene) || newObjects[0]) return null;
        return e;
    }

    /** The edit applied; {@code newObjects[0]} is set when the words named objects a remix does not add. */
    private static Edit edit(Scene scene, String edit, boolean[] newObjects) {
        Objects.requireNonNull(scene, "scene");
        if (edit == null || edit.isBlank()) {
            throw new PromptException("found an empty edit; expected a change such as \"make the floor marble\","
                    + " \"now at night\" or \"twice as many balls\"");
        }
        if (edit.length() > PromptParser.MAX_PROMPT_CHARS) {
            throw new PromptException("the edit is " + edit.length() + " characters long; expected at most "
                    + PromptParser.MAX_PROMPT_CHARS);
        }
        List<String> notes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Scene s = scene;
        StringBuilder rest = new StringBuilder();
        for (String raw : edit.split("(?i)\\s*(?:,|;|\\.(?=\\s|$)|\\band\\b|\\bthen\\b)\\s*")) {
            String clause = raw.strip().toLowerCase(Locale.ROOT);
            if (clause.isEmpty()) continue;
            Scene changed = objectsClause(s, raw.strip(), clause, notes);
            if (changed != null) {
                s = changed;
            } else {
                rest.append(rest.isEmpty() ? "" : ", ").append(raw.strip());
            }
        }
        if (!rest.isEmpty()) s = settingsClause(s, rest.toString(), ignored, notes, newObjects);
        return new Edit(s, List.copyOf(ignored), List.copyOf(new LinkedHashSet<>(notes)));
    }

    /** "make the ball glass", "twice as many dominoes": a scene, or null when the clause is not about objects. */
    private static Scene objectsClause(Scene s, String words, String clause, List<String> notes) {
        Matcher many = MANY.matcher(clause);
        if (many.matches()) return multiply(s, words, many.group(1), many.group(2), notes);
        Matcher m = CHANGE.matcher(clause);
        if (!m.matches()) return null;
        String target = m.group(1).strip();
        String value = m.group(2);
        Material material = Vocabulary.MATERIALS.get(value);
        Rgb color = material == null ? Colors.named(value) : null;
        if (material == null && color == null) return null;
        // "make the floor marble", "the ground sand": the floor.
        if (Vocabulary.FLOOR_NOUNS.contains(target) || target.endsWith(" floor")) {
            if (material == null) return null;
            notes.add("\"" + words + "\": the floor is now " + material.jsonName());
            return rebuild(s, s.environment().withFloor(material), s.objects(), words);
        }
        List<Integer> hit = matching(s, target);
        if (hit == null) return null;
        if (hit.isEmpty()) {
            throw new PromptException(words, "names no object of the scene; expected one of "
                    + String.join(", ", s.objects().stream().map(SceneObject::id).toList()));
        }
        List<SceneObject> objs = new ArrayList<>(s.objects());
        for (int i : hit) {
            SceneObject o = objs.get(i);
            objs.set(i, o.withMaterial(material != null ? material : o.material(),
                    material != null && color == null && Colors.nameOf(o.color()) == null ? material.color
                            : color != null ? color : o.color()));
        }
        notes.add("\"" + words + "\": " + hit.size() + " object" + (hit.size() == 1 ? "" : "s") + " now "
                + (material != null ? material.jsonName() : value));
        return rebuild(s, s.environment(), objs, words);
    }

    /**
     * The indices of the objects a phrase names ("ball", "red ball", "dominoes", "glass cubes"), or
     * null when its last word is no object noun.
     */
    private static List<Integer> matching(Scene s, String phrase) {
        String[] w = phrase.split("\\s+");
        String noun = w[w.length - 1];
        if (!Vocabulary.SHAPES.containsKey(noun) && !noun.equals("objects") && !noun.equals("things")
                && !noun.equals("everything")) {
            return null;
        }
        String singular = singular(noun);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.objects().size(); i++) {
            SceneObject o = s.objects().get(i);
            boolean kind = Set.of("objects", "things", "everything").contains(noun)
                    || o.id().contains(singular) || o.shape() == Vocabulary.SHAPES.get(noun);
            boolean qualifiers = true;
            for (int k = 0; k < w.length - 1; k++) {
                String q = w[k];
                if (Colors.named(q) != null) qualifiers &= o.id().startsWith(q + "-") || o.color().equals(Colors.named(q));
                else if (Vocabulary.MATERIALS.containsKey(q)) qualifiers &= o.material() == Vocabulary.MATERIALS.get(q);
            }
            if (kind && qualifiers) out.add(i);
        }
        return out;
    }

    private static String singular(String noun) {
        Draft.Noun n = Vocabulary.NOUNS.get(noun);
        if (n != null) return n.word();
        if (noun.endsWith("es") && Vocabulary.SHAPES.containsKey(noun.substring(0, noun.length() - 2))) {
            return noun.substring(0, noun.length() - 2);
        }
        return noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    }

    /** "twice as many dominoes": copies of the group beside it along x; "half as many": every other one removed. */
    private static Scene multiply(Scene s, String words, String factorWords, String what, List<String> notes) {
        List<Integer> hit = matching(s, what.strip());
        if (hit == null || hit.isEmpty()) {
            throw new PromptException(words, "names no object of the scene; expected one of "
                    + String.join(", ", s.objects().stream().map(SceneObject::id).toList()));
        }
        List<SceneObject> objs = new ArrayList<>(s.objects());
        if (factorWords.equals("half")) {
            List<SceneObject> out = new ArrayList<>();
            for (int i = 0; i < objs.size(); i++) if (!hit.contains(i) || hit.indexOf(i) % 2 == 0) out.add(objs.get(i));
            notes.add("\"" + words + "\": " + (objs.size() - out.size()) + " objects removed");
            return rebuild(s, s.environment(), out, words);
        }
        int factor = switch (factorWords) {
            case "twice", "double", "two times" -> 2;
            case "three times", "thrice" -> 3;
            case "four times" -> 4;
            default -> 5;
        };
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, foot = 0;
        for (int i : hit) {
            SceneObject o = objs.get(i);
            minX = Math.min(minX, o.position().x() - o.boundingRadius());
            maxX = Math.max(maxX, o.position().x() + o.boundingRadius());
            foot = Math.max(foot, 2 * o.boundingRadius());
        }
        // Each copy of the group stands one group-width plus a gap further along x.
        double shift = maxX - minX + Staging.gap(foot, foot);
        Set<String> ids = new HashSet<>();
        for (SceneObject o : objs) ids.add(o.id());
        for (int c = 1; c < factor; c++) {
            for (int i : hit) {
                SceneObject o = objs.get(i);
                String id = o.id() + "-x" + (c + 1);
                for (int k = 2; !ids.add(id); k++) id = o.id() + "-x" + (c + 1) + "-" + k;
                objs.add(o.copy(id, o.position().plus(new Vec3(c * shift, 0, 0))));
            }
        }
        if (objs.size() > Scene.MAX_OBJECTS) {
            throw new PromptException(words, "asks for " + objs.size() + " objects; expected at most " + Scene.MAX_OBJECTS);
        }
        notes.add("\"" + words + "\": " + hit.size() * (factor - 1) + " objects added beside the " + hit.size());
        return rebuild(s, s.environment(), objs, words);
    }

    /** "now at night", "from above", "on a marble floor", "in Oslo", "for 8 seconds", "on the Moon": read as a prompt is. */
    private static Scene settingsClause(Scene s, String words, List<String> ignored, List<String> notes,
                                        boolean[] newObjects) {
        PromptReader.Reading r = PromptReader.read(Token.split(words));
        Draft d = r.draft();
        ignored.addAll(r.ignoredWords().stream().filter(w -> !Set.of("now", "make", "it", "instead").contains(
                w.toLowerCase(Locale.ROOT))).toList());
        notes.addAll(r.notes());
        if (!d.groups.isEmpty()) {
            newObjects[0] = true;
            notes.add("\"" + words + "\": new objects are not added by a remix; say \"twice as many balls\" or make a new film");
        }
        Environment env = s.environment();
        if (d.venue != null && d.floor == null) {
            d.floor = new Draft.Said<>(d.venue.value().floor(), d.venue.words());
        }
        if (d.floor != null) env = env.withFloor(d.floor.value());
        // "make it overcast", "now hazy", "under a clear sky": the air and the cloud.
        env = Staging.sky(d, env, notes);
        if (d.city != null) {
            var p = d.city.value();
            env = env.at(p.latitude(), p.longitude(), env.date(), dev.diorama.scene.Places.utcOffset(p.zone(), env.date()),
                    p.name(), p.zone());
        }
        if (d.date != null) env = env.on(Staging.date(d.date.value(), env.latitude(), d.date.words(), notes));
        LocalTime time = s.time();
        if (d.time != null) time = Staging.resolve(d.time.value(), d.time.words(), env, notes);
        Camera camera = s.camera();
        CameraMove move = s.cameraMove();
        List<SceneObject> framed = new ArrayList<>();
        for (SceneObject o : s.objects()) {
            framed.add(o);
            framed.add(o.withPosition(new Vec3(o.position().x(), o.halfHeight(), o.position().z())));
        }
        boolean reframed = d.shot != null || d.angle != null || d.fov != null;
        if (reframed) {
            camera = Framing.frame(framed, s.objects().getFirst(), (double) s.width() / s.height(),
                    d.shot == null ? null : d.shot.value(), d.angle == null ? null : d.angle.value(),
                    d.fov == null ? Double.NaN : d.fov.value());
            if (env.room() != null) camera = Staging.insideRoom(camera, env.room());
        }
        if (d.move != null) {
            String target = d.move.value() instanceof Draft.Move.Track ? s.objects().getFirst().id() : null;
            move = Staging.move(d.move.value(), camera, target);
        } else if (reframed) {
            move = null;
        }
        double seconds = d.seconds != null ? d.seconds.value() : s.seconds();
        double gravity = d.gravity != null ? d.gravity.value() : s.gravity();   // "now on the Moon"
        try {
            // "now in slow motion", "now in real time": the camera's rate, the physics a whole number of steps a frame of it
            int capture = d.slowMotion != null ? Staging.captureFps(d, s.fps()) : s.captureFps();
            if (d.slowMotion != null) Staging.slowMotionNote(d, s.fps(), capture, seconds, notes);
            int rate = s.physicsRate() % capture == 0 ? s.physicsRate() : capture * (int) Math.ceil((double) s.physicsRate() / capture);
            Scene out = new Scene(s.seed(), s.seconds(), s.fps(), s.width(), s.height(), rate, gravity,
                    time, env, camera, s.objects(), move, s.timeLapse(), s.joints(),
                    reframed || d.move != null ? List.of() : s.shots(), s.liquids(), capture);
            if (seconds != s.seconds()) out = out.withTiming(seconds, s.fps(), s.width(), s.height());
            return out.equals(s) ? s : out;
        } catch (SceneException e) {
            throw new PromptException(words, "cannot be applied: " + e.getMessage());
        }
    }

    private static Scene rebuild(Scene s, Environment env, List<SceneObject> objs, String words) {
        try {
            return new Scene(s.seed(), s.seconds(), s.fps(), s.width(), s.height(), s.physicsRate(), s.gravity(), s.time(),
                    env, s.camera(), objs, s.cameraMove(), s.timeLapse(), s.joints(), s.shots(), s.liquids(), s.captureFps());
        } catch (SceneException e) {
            throw new PromptException(words, "cannot be applied: " + e.getMessage());
        }
    }
}
