package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Said;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Storyboards: "Shot 1: a red ball drops. Shot 2: close-up, a steel ball joins it" or sentences
 * joined by "then" ("three balls drop onto a marble floor, then the camera orbits them") make
 * several shots of one continuous world. Each part is read on its own; the objects of all parts
 * share one layout and the world's settings (place, floor, time, date) may be said in any part but
 * only once; the camera words and the length ("for 6 seconds") of a part are its shot's.
 *
 * <p>A part after "then" starts a new shot only when it names objects or camera words: "a ball
 * drops and then bounces" stays one shot.
 */
final class Storyboard {
    /** The camera words of a shot, its length as said (null: the default), and the first group it brings in. */
    record ShotWords(Draft camera, Double seconds, int firstGroup, String words) {}

    /** The world of all shots, the shots, and what the reader left over. */
    record Reading(Draft world, List<ShotWords> shots, List<String> ignoredWords, List<String> notes) {}

    private static final Pattern SHOT_MARK = Pattern.compile(
            "(?i)\\b(?:shot|scene)\\s*(?:#\\s*)?(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s*[:.)\\-]");
    private static final Pattern THEN = Pattern.compile("(?i)(?:[.;,!?]\\s*|\\s+)(?:and\\s+)?then\\b[,:]?");

    private Storyboard() {}

    /** The parts of a prompt, each a shot; one part for a prompt that is not a storyboard. */
    static List<String> parts(String prompt) {
        Matcher m = SHOT_MARK.matcher(prompt);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) marks.add(new int[] {m.start(), m.end()});
        if (!marks.isEmpty()) {
            List<String> parts = new ArrayList<>();
            String before = prompt.substring(0, marks.getFirst()[0]).strip();
            for (int k = 0; k < marks.size(); k++) {
                int end = k + 1 < marks.size() ? marks.get(k + 1)[0] : prompt.length();
                String part = prompt.substring(marks.get(k)[1], end).strip();
                // Words before "Shot 1:" set the world ("In a kitchen at night. Shot 1: ...").
                if (k == 0 && !before.isEmpty()) part = before + " " + part;
                parts.add(part);
            }
            return parts;
        }
        List<String> parts = new ArrayList<>();
        Matcher t = THEN.matcher(prompt);
        int from = 0;
        while (t.find()) {
            parts.add(prompt.substring(from, t.start()));
            from = t.end();
        }
        parts.add(prompt.substring(from));
        // A part that brings neither objects nor camera words continues the shot before it.
        List<String> shots = new ArrayList<>();
        for (String part : parts) {
            if (shots.isEmpty() || !startsShot(part)) {
                if (shots.isEmpty()) shots.add(part);
                else shots.set(shots.size() - 1, shots.getLast() + " then " + part);
            } else {
                shots.add(part);
            }
        }
        return shots;
    }

    private static boolean startsShot(String part) {
        if (part.isBlank()) return false;
        try {
            Draft d = PromptReader.read(Token.split(part)).draft();
            return !d.groups.isEmpty() || d.shot != null || d.angle != null || d.fov != null || d.move != null;
        } catch (PromptException e) {
            return true; // its own error will be reported when it is read as a shot
        }
    }

    /** Reads every part and merges the world; see the class comment. */
    static Reading read(List<String> parts) {
        Draft world = new Draft();
        List<ShotWords> shots = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < parts.size(); k++) {
            String part = parts.get(k);
            List<Token> tokens = Token.split(part);
            PromptReader.Reading r = PromptReader.read(tokens);
            Draft d = r.draft();
            ignored.addAll(r.ignoredWords());
            notes.addAll(r.notes());
            int firstGroup = world.groups.size();
            for (var g : d.groups) {
                // "Shot 2: a close-up of the red ball": "the" names an object already in the world.
                Draft.ObjectGroup earlier = k > 0 ? refersBack(g, world.groups) : null;
                if (earlier != null) {
                    world.refs.add(new Draft.Ref(g.at() + offset, g.end() + offset, g.prep(), earlier));
                    continue;
                }
                world.groups.add(g.shifted(offset));
                Draft.ObjectGroup now = world.groups.getLast();
                if (d.glowing.contains(g)) world.glowing.add(now);
                if (d.tilted.contains(g)) world.tilted.add(now);
                if (d.still.contains(g)) world.still.add(now);
                if (d.onSide.contains(g)) world.onSide.add(now);
                if (d.hollow.containsKey(g)) world.hollow.put(now, d.hollow.get(g));
            }
            for (var h : d.heights) world.heights.add(h.shifted(offset));
            for (int v : d.drops) world.drops.add(v + offset);
            for (int v : d.joined) world.joined.add(v + offset);
            for (int v : d.withAt) world.withAt.add(v + offset);
            for (var a : d.arrangements) world.arrangements.add(a.shifted(offset));
            for (var a : d.actions) world.actions.add(a.shifted(offset));
            for (var a : d.relations) world.relations.add(a.shifted(offset));
            for (var l : d.liquids) world.liquids.add(l.shifted(offset));
            for (int v : d.fromAt) world.fromAt.add(v + offset);
            for (int v : d.offAt) world.offAt.add(v + offset);
            world.kind = once(world.kind, d.kind, "indoors or outdoors");
            world.floor = once(world.floor, d.floor, "the floor");
            world.roomSize = once(world.roomSize, d.roomSize, "the room");
            world.walls = once(world.walls, d.walls, "the walls");
            world.ceiling = once(world.ceiling, d.ceiling, "the ceiling");
            world.windows = once(world.windows, d.windows, "the windows");
            world.time = once(world.time, d.time, "the time of day");
            world.city = once(world.city, d.city, "the place");
            world.coordinates = onceArray(world.coordinates, d.coordinates, "share one world, and the place is already", "");
            world.utcOffset = once(world.utcOffset, d.utcOffset, "the time zone");
            world.date = once(world.date, d.date, "the date");
            world.lapse = once(world.lapse, d.lapse, "the time-lapse");
            world.venue = once(world.venue, d.venue, "the place");
            world.haze = once(world.haze, d.haze, "the air (clear, hazy)");
            world.clouds = once(world.clouds, d.clouds, "the sky");
            world.gravity = once(world.gravity, d.gravity, "the gravity (the world it happens on)");
            world.air = once(world.air, d.air, "the air (the world it happens on)");
            world.airDensity = once(world.airDensity, d.airDensity, "the air's resistance");
            world.wind = onceArray(world.wind, d.wind, "share one wind, and it is already", "");
            // one camera rate for the whole film: "in slow motion" said in a shot films every shot so
            world.slowMotion = onceArray(world.slowMotion, d.slowMotion, "are filmed at one speed, and it is already",
                    " (or the same in every shot)");
            shots.add(new ShotWords(d, d.seconds == null ? null : d.seconds.value(), firstGroup, part.strip()));
            offset += tokens.size();
        }
        return new Reading(world, shots, ignored, notes);
    }

    /** True for "the red ball", "the cubes": a definite phrase matching a group already named. */
    private static Draft.ObjectGroup refersBack(Draft.ObjectGroup g, List<Draft.ObjectGroup> earlier) {
        String first = g.words().strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("the", "that", "those", "these", "this").contains(first)) return null;
        for (Draft.ObjectGroup e : earlier) {
            if (e.shape() == g.shape() && (g.material() == null || g.material() == e.material())
                    && (g.colorName() == null || g.colorName().equals(e.colorName()))) {
                return e;
            }
        }
        return null;
    }

    private static <T> Said<T> once(Said<T> have, Said<T> said, String what) {
        if (said == null) return have;
        if (have == null) return said;
        if (!Objects.equals(have.value(), said.value())) {
            throw new PromptException(said.words(), "the shots of a storyboard share one world, and " + what
                    + " is already \"" + have.words() + "\"; expected it said once (or the same in every shot)");
        }
        return have;
    }

    /** {@link #once} for numbers said together: "the shots of a storyboard {clash} \"...\"; expected it said once{tail}". */
    private static Said<double[]> onceArray(Said<double[]> have, Said<double[]> said, String clash, String tail) {
        if (said == null) return have;
        if (have == null) return said;
        if (!java.util.Arrays.equals(have.value(), said.value())) {
            throw new PromptException(said.words(), "the shots of a storyboard " + clash + " \"" + have.words()
                    + "\"; expected it said once" + tail);
        }
        return have;
    }
}
