package dev.diorama.prompt;

import dev.diorama.scene.Colors;
import dev.diorama.scene.Material;
import dev.diorama.scene.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words Diorama understands, in one place: the reader looks words up here, and the "did you
 * mean" suggestions are drawn from here. Everything is lower case.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Shape nouns, singular and plural. */
    static final Map<String, Shape> SHAPES = new LinkedHashMap<>();
    /** Plural shape nouns (a bare plural with no number makes {@link #UNSPECIFIED_PLURAL} objects). */
    static final Set<String> PLURALS = new LinkedHashSet<>();
    /** Material words, adjective or noun ("a wooden block", "a block of wood"). */
    static final Map<String, Material> MATERIALS = new LinkedHashMap<>();
    /** Size words and the factor they apply to the shape's default size. */
    static final Map<String, Double> SIZE_WORDS = new LinkedHashMap<>();
    /** Colour modifiers: "dark", "light", "pale", "bright", "deep". */
    static final Set<String> COLOR_MODIFIERS = Set.of("dark", "deep", "light", "pale", "bright");
    /** Units of length, in metres. */
    static final Map<String, Double> LENGTH_UNITS = new LinkedHashMap<>();
    /** Units of duration, in seconds. */
    static final Map<String, Double> TIME_UNITS = new LinkedHashMap<>();
    /** Number words. */
    static final Map<String, Integer> NUMBER_WORDS = new LinkedHashMap<>();
    /** Determiners that stand for a number of objects without saying it exactly. */
    static final Map<String, Integer> VAGUE_COUNTS = new LinkedHashMap<>();
    /** Verbs of the one action understood so far: the objects start at rest and fall. */
    static final Set<String> DROP_VERBS = new LinkedHashSet<>();
    /** Words that name the floor. */
    static final Set<String> FLOOR_NOUNS = Set.of("floor", "ground", "surface", "flooring");
    /** Words that name an indoor room. */
    static final Set<String> ROOM_NOUNS = Set.of("room", "hall", "studio", "chamber");
    /** Words that name an outdoor place. */
    static final Set<String> OUTDOOR_NOUNS = Set.of("garden", "park", "yard", "backyard", "field", "courtyard",
            "street", "open");
    /** Words that say indoors or outdoors on their own. */
    static final Set<String> INDOOR_WORDS = Set.of("indoors", "indoor", "inside");
    static final Set<String> OUTDOOR_WORDS = Set.of("outdoors", "outdoor", "outside");

    /**
     * Structural words: they carry no meaning of their own for the scene and are consumed silently
     * when they attach to a phrase that was understood (see {@link PromptReader}).
     */
    static final Set<String> FILLERS = Set.of(
            "a", "an", "the", "and", "with", "of", "onto", "on", "into", "in", "at", "to", "upon", "top",
            "its", "their", "each", "other", "another", "together", "both", "then", "is", "are", "was", "were",
            "be", "being", "been", "it", "they", "them", "there", "this", "that", "these", "those", "which",
            "who", "while", "as", "very", "all", "just", "down", "from", "some", "lets", "let", "we", "see",
            "watch", "film", "video", "clip", "movie", "shot", "scene", "animation", "showing", "shows",
            "show", "made", "long", "over", "same", "time", "once", "simultaneously",
            "first", "second", "third", "fourth", "fifth", "next", "also", "where", "here", "gets", "get", "s",
            "for", "more", "identical", "similar", "around", "about", "can", "could", "will", "would", "should",
            "may", "might", "does", "do", "camera", "cameras", "lens", "view", "city",
            "through", "using", "seen", "filmed", "viewed", "looking");

    /**
     * Words people use that Diorama cannot act on yet, with what it does instead: they go to
     * ignoredWords with this note rather than a spelling suggestion.
     */
    static final Map<String, String> NOT_YET = new LinkedHashMap<>();

    /** How many objects "some balls", or plain "balls", makes. */
    static final int UNSPECIFIED_PLURAL = 3;

    static {
        shape(Shape.BALL, "ball", "balls", "sphere", "spheres");
        shape(Shape.CUBE, "cube", "cubes", "box", "boxes", "block", "blocks");
        shape(Shape.CYLINDER, "cylinder", "cylinders", "can", "cans");
        shape(Shape.PLANK, "plank", "planks", "board", "boards", "beam", "beams");

        material(Material.RUBBER, "rubber", "rubbery");
        material(Material.STEEL, "steel", "metal", "metallic", "iron");
        material(Material.CHROME, "chrome", "chromed", "mirror", "mirrored");
        material(Material.WOOD, "wood", "wooden", "oak", "pine", "timber", "hardwood", "plywood", "parquet");
        material(Material.GLASS, "glass");
        material(Material.PLASTIC, "plastic");
        material(Material.STONE, "stone", "marble", "concrete", "granite", "slate", "tile", "tiled", "tiles",
                "brick");

        for (String w : List.of("small", "tiny", "little")) SIZE_WORDS.put(w, 0.5);
        for (String w : List.of("large", "big", "huge")) SIZE_WORDS.put(w, 2.0);
        for (String w : List.of("medium", "normal", "regular")) SIZE_WORDS.put(w, 1.0);

        for (String w : List.of("m", "metre", "metres", "meter", "meters")) LENGTH_UNITS.put(w, 1.0);
        for (String w : List.of("cm", "centimetre", "centimetres", "centimeter", "centimeters")) LENGTH_UNITS.put(w, 0.01);
        for (String w : List.of("mm", "millimetre", "millimetres", "millimeter", "millimeters")) LENGTH_UNITS.put(w, 0.001);
        for (String w : List.of("ft", "foot", "feet")) LENGTH_UNITS.put(w, 0.3048);
        for (String w : List.of("inch", "inches")) LENGTH_UNITS.put(w, 0.0254);

        for (String w : List.of("s", "sec", "secs", "second", "seconds")) TIME_UNITS.put(w, 1.0);
        for (String w : List.of("min", "mins", "minute", "minutes")) TIME_UNITS.put(w, 60.0);
        for (String w : List.of("h", "hr", "hrs", "hour", "hours")) TIME_UNITS.put(w, 3600.0);

        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"};
        for (int k = 0; k < small.length; k++) NUMBER_WORDS.put(small[k], k);
        String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int k = 0; k < tens.length; k++) NUMBER_WORDS.put(tens[k], 30 + 10 * k);
        NUMBER_WORDS.put("dozen", 12);
        NUMBER_WORDS.put("hundred", 100);

        VAGUE_COUNTS.put("some", UNSPECIFIED_PLURAL);
        VAGUE_COUNTS.put("few", 3);
        VAGUE_COUNTS.put("several", 4);
        VAGUE_COUNTS.put("many", 12);

        DROP_VERBS.addAll(List.of("drop", "drops", "dropped", "dropping", "fall", "falls", "fell", "falling",
                "fallen", "bounce", "bounces", "bounced", "bouncing", "land", "lands", "landed", "landing", "hit",
                "hits", "hitting", "released", "release", "releases", "let", "go"));

        String floor = "is not a floor material yet; a floor can be wood, stone, steel, chrome, rubber, glass or plastic";
        for (String w : List.of("grass", "grassy", "lawn", "sand", "sandy", "dirt", "mud", "muddy", "ice", "icy",
                "snow", "snowy", "carpet", "carpeted", "rug", "water", "soil", "gravel", "earth")) {
            NOT_YET.put(w, floor);
        }
        String motion = "is not understood yet: the objects start at rest and fall";
        for (String w : List.of("roll", "rolls", "rolling", "rolled", "slide", "slides", "sliding", "throw",
                "throws", "thrown", "threw", "toss", "tossed", "tosses", "spin", "spins", "spinning", "fly", "flies",
                "flying", "float", "floats", "floating", "collide", "collides", "colliding", "explode", "explodes",
                "shatter", "shatters", "break", "breaks", "smash", "smashes", "crash", "crashes", "stack", "stacked",
                "balance", "balanced", "topple", "topples", "tip", "tips", "knock", "knocks", "push", "pushed",
                "pushes", "launch", "launched", "slowly", "quickly", "fast", "slow", "gently", "hard")) {
            NOT_YET.put(w, motion);
        }
        NOT_YET.put("apart", "is not understood yet: objects are spaced about their own size apart");
        String object = "is not an object Diorama can build yet; the shapes are ball, cube, cylinder, plank";
        for (String w : List.of("table", "chair", "ramp", "stairs", "bowl", "cup", "bottle", "egg", "domino",
                "dominoes", "pyramid", "cone", "die", "dice", "marbles", "coin", "coins", "bricks")) {
            NOT_YET.put(w, object);
        }
    }

    private static void shape(Shape s, String... words) {
        for (String w : words) {
            SHAPES.put(w, s);
            if (w.endsWith("s") && !w.equals(words[0])) PLURALS.add(w);
        }
    }

    private static void material(Material m, String... words) {
        for (String w : words) MATERIALS.put(w, m);
    }

    static boolean isFiller(String w) { return FILLERS.contains(w); }

    /** Every word that contributes to a scene: the candidates for "did you mean". */
    static List<String> contentWords() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(SHAPES.keySet());
        all.addAll(MATERIALS.keySet());
        all.addAll(Colors.all().keySet());
        all.addAll(COLOR_MODIFIERS);
        all.addAll(SIZE_WORDS.keySet());
        all.addAll(LENGTH_UNITS.keySet());
        all.addAll(TIME_UNITS.keySet());
        all.addAll(NUMBER_WORDS.keySet());
        all.addAll(DROP_VERBS);
        all.addAll(FLOOR_NOUNS);
        all.addAll(ROOM_NOUNS);
        all.addAll(OUTDOOR_NOUNS);
        all.addAll(INDOOR_WORDS);
        all.addAll(OUTDOOR_WORDS);
        all.addAll(List.of("noon", "midday", "midnight", "morning", "afternoon", "evening", "night", "sunset",
                "sunrise", "dusk", "dawn", "sundown", "daybreak", "pair", "couple", "walls", "wall", "ceiling",
                "minus", "negative", "height", "high", "diameter", "across", "wide", "tall", "above",
                "lasting", "pm", "am", "oclock", "painted", "coloured", "colored", "several", "few", "many",
                "twilight", "golden", "hour"));
        all.addAll(SettingWords.WORDS);
        all.addAll(SettingWords.MONTHS.keySet());
        all.addAll(SettingWords.SEASONS.keySet());
        all.addAll(CameraWords.WORDS);
        return new ArrayList<>(all);
    }
}
