package dev.diorama.prompt;

import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Words to a scene: "a red rubber ball and a steel ball drop onto a wooden floor at sunset" becomes
 * a validated {@link Scene}. Reading is kept apart from construction: {@link PromptReader} turns the
 * words into a {@link Draft} (what was said, nothing more), {@link Staging} fills in the defaults,
 * lays the objects out and frames the camera.
 *
 * <p>No word is dropped silently: every word either contributed to the scene, is a structural word
 * attached to words that did ("a", "the", "onto" in "onto a wooden floor"), or is listed in
 * {@link Parse#ignoredWords()}, with a note when one helps ("did you mean \"rubber\"?"). A prompt
 * that cannot make a scene (no object, a count below one, a size, height or length out of range,
 * contradictions such as two floors) is a {@link PromptException} that says what was expected.
 *
 * <p>The vocabulary, case-insensitive, punctuation ignored:
 * <ul>
 *   <li>shapes: ball, sphere; cube, box, block; cylinder, can; plank, board, beam (and plurals);
 *       "one"/"ones" repeat the last shape ("a red ball and a blue one")</li>
 *   <li>materials, before or after the noun ("a wooden block", "a block of wood", "made of steel"):
 *       rubber; steel, metal, iron; chrome, chromed, mirror; wood, wooden, oak, pine, timber;
 *       glass; plastic; stone, marble, concrete, granite, slate, tile(d), brick</li>
 *   <li>colours: every name of {@link dev.diorama.scene.Colors}, with dark/deep, light, pale or
 *       bright before it; without one an object has its material's colour</li>
 *   <li>sizes: small, tiny, little (half the default), large, big, huge (twice), or a length
 *       ("20 cm", "0.3 m", "30cm", "10 centimetres", "1 metre", "2 feet") before or after the noun:
 *       a ball's diameter, a cube's edge, a plank's length, a cylinder's height (its diameter with
 *       "wide", "across" or "in diameter")</li>
 *   <li>counts: a/an, one to twenty, thirty ... ninety, digits, "a pair of", "a couple of", "a
 *       dozen", "both", "a few" (3), "some" (3), "several" (4), "many" (12); a bare plural makes 3</li>
 *   <li>drop heights (of the objects' bottoms): "from 2 metres", "from a height of 150 cm", "at a
 *       height of 1 m", "2 m above the floor", "from the ceiling"; a height speaks of the objects
 *       named before it, or else of those after it</li>
 *   <li>floor: "onto/on a wooden floor", "on concrete", "on the ground"; place: "indoors", "inside",
 *       "in a (small/large) room", "with wooden walls", "outdoors", "outside", "in a garden/park"</li>
 *   <li>time: "at noon/midday/midnight", "in the morning/afternoon/evening", "at night", "at
 *       sunset/dusk/sunrise/dawn", "at 6:30 pm", "at 18:30", "at 6 am", "at 7pm", "at 7 in the
 *       evening"</li>
 *   <li>length of the film: "for 8 seconds", "for 8 s", "8-second", "for a minute", "for half a
 *       minute"</li>
 *   <li>place and date ({@link SettingWords}): "in Oslo", "latitude 60 N, longitude 10 E", "UTC+2",
 *       "on 21 June", "on 2027-03-20", "in December", "in winter", "at midsummer"; and time-lapses:
 *       "time-lapse", "a day passing", "6 hours passing", "from 6 am to 9 pm"</li>
 *   <li>camera language ({@link CameraWords}): "wide shot", "close-up", "at eye level", "low
 *       angle", "bird's-eye view", "wide-angle", "telephoto", "fov 35", "pans left", "tilts up",
 *       "dolly in", "zooms in", "orbits", "tracking the red ball"</li>
 *   <li>verbs of the one motion simulated so far: drop, fall, bounce, land, hit (any form)</li>
 *   <li>liquids ({@link LiquidWords}): water, oil, honey in a container ("a glass of water", "a tank
 *       half full of oil", "an aquarium"), poured ("water pours from a jug into a glass", "honey drips
 *       onto a plate"), and "a dam break"</li>
 * </ul>
 * The defaults are {@link Staging}'s; the README of the CLI lists them.
 */
public final class PromptParser {
    public static final int MAX_PROMPT_CHARS = 2000;
    /** The prompt the error messages hold up as an example. */
    public static final String EXAMPLE = "a red rubber ball and a steel ball drop onto a wooden floor at sunset";

    private PromptParser() {}

    /**
     * Parses a prompt into a scene; never silently drops a word.
     *
     * @throws PromptException when the prompt cannot describe a scene; the message says what was
     *                         expected
     */
    public static Parse parse(String prompt, Options options) {
        Objects.requireNonNull(options, "options");
        if (prompt == null || prompt.isBlank()) {
            throw new PromptException("found an empty prompt; expected a description of a scene, such as \""
                    + EXAMPLE + "\"");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new PromptException("the prompt is " + prompt.length() + " characters long; expected at most "
                    + MAX_PROMPT_CHARS + " characters");
        }
        if (options.fps() < 1 || options.fps() > Scene.MAX_FPS) {
            throw new PromptException("", "the film settings are not valid: expected a whole number of frames per second in [1, "
                    + Scene.MAX_FPS + "], found " + options.fps());
        }
        List<String> parts = Storyboard.parts(prompt);
        if (parts.size() > 1) return storyboard(prompt, parts, options);
        List<Token> tokens = Token.split(parts.getFirst());
        String medium = null;
        int bare = bareLiquid(tokens);
        if (bare >= 0) {
            // "a wooden block floats on water", "a ball falls into honey": the liquid in a tank of it
            medium = tokens.get(bare).text();
            int from = bare;
            while (MEDIUM_WORDS.contains(tokens.get(from - 1).norm())) from--;
            String prep = switch (tokens.get(from - 1).norm()) {
                case "on" -> "in";
                case "onto" -> "into";
                default -> tokens.get(from - 1).text();
            };
            // A tank about six times as long as the largest thing going in, 20 to 60 cm: a marble's
            // honey is then a small tank's, with particles fine enough for it.
            double largest = 0;
            for (Draft.ObjectGroup g : PromptReader.read(replaced(tokens, from - 1, bare, prep + " a tank of")).draft().groups) {
                if (g.shape() != Shape.TANK) largest = Math.max(largest, Staging.size(g).x());
            }
            long cm = Math.round(100 * Math.min(0.6, Math.max(0.2, 6 * largest)));
            tokens = replaced(tokens, from - 1, bare, prep + " a " + cm + " cm tank of");
        }
        PromptReader.Reading reading = PromptReader.read(tokens);
        if (medium != null) {
            reading = new PromptReader.Reading(reading.draft(), reading.ignoredWords(), concat(reading.notes(), "\"" + medium
                    + "\": a tank of " + medium.toLowerCase(java.util.Locale.ROOT) + ", as nothing was said to hold it (say \"a bowl of "
                    + medium.toLowerCase(java.util.Locale.ROOT) + "\", \"a bucket\", \"a bathtub\" or \"a pond\" for another)"));
        }
        if (poolWithoutTable(reading.draft()) && tokens.stream().noneMatch(t -> Vocabulary.FLOOR_NOUNS.contains(t.norm()))) {
            // "the cue ball hits the eight ball": pool balls with nothing to stand on and no place are on a pool table
            List<Token> onTable = new ArrayList<>(tokens);
            onTable.addAll(Token.split("on a pool table"));
            reading = PromptReader.read(onTable);
            reading = new PromptReader.Reading(reading.draft(), reading.ignoredWords(), concat(reading.notes(),
                    "pool balls: on a pool table, as nothing else was said to hold them (say \"on the floor\" or name a place for another)"));
        }
        if (reading.draft().groups.isEmpty()) {
            List<String> hints = reading.notes().stream().limit(3).toList();
            String shown = prompt.strip();
            if (shown.length() > 80) shown = shown.substring(0, 77) + "...";
            throw new PromptException("found no object in \"" + shown + "\"; expected at least one of ball, cube, "
                    + "cylinder, plank, as in \"" + EXAMPLE + "\"" + (hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")"));
        }
        List<String> notes = new ArrayList<>(reading.notes());
        Draft d = reading.draft();
        Scene scene = Staging.build(d, options, notes);
        // After build: a turntable ("slowly turning") gives the camera a move of its own.
        boolean chosen = d.shot == null && d.angle == null && d.fov == null && d.move == null;
        return new Parse(scene, reading.ignoredWords(), List.copyOf(new LinkedHashSet<>(notes)), chosen);
    }

    /** The tokens with those from {@code from} up to (not including) {@code to} replaced by the words {@code by}. */
    private static List<Token> replaced(List<Token> tokens, int from, int to, String by) {
        List<Token> out = new ArrayList<>(tokens.subList(0, from));
        out.addAll(Token.split(by));
        out.addAll(tokens.subList(to, tokens.size()));
        return out;
    }

    /** Prepositions before a liquid that is the medium things are in: "floats on water", "falls into honey". */
    private static final java.util.Set<String> MEDIUM_PREPS = java.util.Set.of("in", "into", "on", "onto", "under",
            "beneath", "underneath", "below", "through");
    /** Words between such a preposition and the liquid: "into the water", "in still water", "on calm water". */
    private static final java.util.Set<String> MEDIUM_WORDS = java.util.Set.of("the", "some", "still", "calm", "deep",
            "clear", "clean", "cold", "fresh", "tap", "plain", "thick", "runny", "golden", "olive", "cooking");

    /**
     * The index of a liquid ("water", "oil", "honey") that the words speak of as a medium, after a
     * preposition ("floats on water", "a ball falls into the water", "sinks in honey"), where nothing
     * in the prompt could hold it (no vessel, pond or puddle) and no liquid is poured; -1 otherwise.
     */
    private static int bareLiquid(List<Token> tokens) {
        int found = -1;
        for (int k = 0; k < tokens.size(); k++) {
            String w = tokens.get(k).norm();
            Shape shape = Vocabulary.SHAPES.get(w);
            // ("a glass marble": glass the material, not a vessel)
            boolean material = k + 1 < tokens.size() && Vocabulary.SHAPES.containsKey(tokens.get(k + 1).norm());
            if (shape != null && shape.hollow() && !material || LiquidWords.POUR_VERBS.contains(w) || LiquidWords.RAIN_NOUNS.containsKey(w)
                    || w.equals("dam") || w.startsWith("fill")) {
                return -1;
            }
            if (found >= 0 || !LiquidWords.KINDS.containsKey(w)) continue;
            int p = k - 1;
            while (p >= 0 && MEDIUM_WORDS.contains(tokens.get(p).norm())) p--;
            boolean after = k + 1 < tokens.size() && (Vocabulary.SHAPES.containsKey(tokens.get(k + 1).norm())
                    || LiquidWords.POUR_VERBS.contains(tokens.get(k + 1).norm()));
            if (p >= 0 && MEDIUM_PREPS.contains(tokens.get(p).norm()) && !after) found = k;
        }
        return found;
    }

    /** Whether the prompt's things include pool balls and say nothing they stand on: no table, no floor, no place but a pool hall. */
    private static boolean poolWithoutTable(Draft d) {
        boolean poolVenue = d.venue != null && d.venue.value().name().matches(".*(pool|billiard|snooker).*");
        return (d.kind == null && d.venue == null || poolVenue) && d.floor == null
                && d.groups.stream().anyMatch(g -> g.noun().material() == Material.RESIN && g.shape() == Shape.BALL)
                && d.groups.stream().noneMatch(g -> g.noun().role() != Draft.Role.PLAIN);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    /**
     * The model files a prompt names ("my_sneaker.glb on a pedestal": "my_sneaker.glb"), as written:
     * a caller that reads them before {@link #parse} (binding names with {@link dev.diorama.scene.Assets#bind}
     * and recording their extents, as the assets module's loader does) gets models with their files'
     * proportions; otherwise a model's box is a cube.
     */
    public static List<String> assets(String prompt) {
        if (prompt == null || prompt.length() > MAX_PROMPT_CHARS) return List.of();
        return Token.split(prompt).stream().filter(Token::isAsset).map(Token::text).distinct().toList();
    }

    /** "Shot 1: ... Shot 2: ...", "..., then ...": several shots of one world ({@link Storyboard}). */
    private static Parse storyboard(String prompt, List<String> parts, Options options) {
        Storyboard.Reading sb = Storyboard.read(parts);
        if (sb.world().groups.isEmpty()) {
            String shown = prompt.strip();
            if (shown.length() > 80) shown = shown.substring(0, 77) + "...";
            throw new PromptException("found no object in any shot of \"" + shown + "\"; expected at least one of"
                    + " ball, cube, cylinder, plank, as in \"Shot 1: a red ball drops. Shot 2: a close-up of it\"");
        }
        List<String> notes = new ArrayList<>(sb.notes());
        Scene scene = Staging.build(sb.world(), sb.shots(), options, notes);
        List<Boolean> chosen = new ArrayList<>();
        for (Storyboard.ShotWords sw : sb.shots()) {
            Draft c = sw.camera();
            chosen.add(c.shot == null && c.angle == null && c.fov == null && c.move == null);
        }
        return new Parse(scene, sb.ignoredWords(), List.copyOf(new LinkedHashSet<>(notes)), false, chosen);
    }

    /**
     * What the prompt does not say.
     *
     * @param seed             the scene's seed
     * @param seconds          length of the film when the prompt gives none, s; with
     *                         {@code secondsExplicit} it is the length whatever the prompt says
     * @param fps              frames per second
     * @param width            picture width, pixels
     * @param height           picture height, pixels (the camera frames for width / height)
     * @param secondsExplicit  true when the caller fixed the length (a CLI's {@code --seconds 6}):
     *                         it then wins over the prompt's "for 8 seconds", and a note says so
     */
    public record Options(long seed, double seconds, int fps, int width, int height, boolean secondsExplicit) {
        /** 4 s at 24 fps, 1280x720, seed 0: the scene JSON's defaults. */
        public static final Options DEFAULTS = new Options(0, 4, 24, 1280, 720);

        /** Options whose seconds are only a default: the prompt's "for 8 seconds" wins. */
        public Options(long seed, double seconds, int fps, int width, int height) {
            this(seed, seconds, fps, width, height, false);
        }

        /** The same options with the length fixed, whatever the prompt says. */
        public Options withSecondsOverride(double s) {
            return new Options(seed, s, fps, width, height, true);
        }
    }

    /**
     * A parsed prompt.
     *
     * @param scene         the scene, validated
     * @param ignoredWords  the words that contributed nothing, as written, in prompt order
     * @param notes         advice for the user: spelling suggestions, why a word could not be used,
     *                      what a vague word was taken to mean ("at sunset" is 19:27 ...)
     */
    /**
     * @param defaultFraming  the words said nothing of the camera (no shot size, angle, lens or move;
     *                        one shot), so its place is Diorama's choice, which a rehearsal of the
     *                        scene may improve (the engine's {@code Rehearsal})
     * @param defaultShots    for a storyboard, per shot, the same of that shot's camera (empty otherwise)
     */
    public record Parse(Scene scene, List<String> ignoredWords, List<String> notes, boolean defaultFraming,
                        List<Boolean> defaultShots) {
        public Parse {
            Objects.requireNonNull(scene, "scene");
            ignoredWords = List.copyOf(ignoredWords);
            notes = List.copyOf(notes);
            defaultShots = List.copyOf(defaultShots);
        }

        public Parse(Scene scene, List<String> ignoredWords, List<String> notes, boolean defaultFraming) {
            this(scene, ignoredWords, notes, defaultFraming, List.of());
        }

        public Parse(Scene scene, List<String> ignoredWords, List<String> notes) {
            this(scene, ignoredWords, notes, false);
        }
    }
}
