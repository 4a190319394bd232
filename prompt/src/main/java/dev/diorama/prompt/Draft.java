package dev.diorama.prompt;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Places;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a prompt said, before any default, layout or camera: the reader's output and the stager's
 * input. Every setting keeps the words that said it, so that a later error can quote them. A null
 * setting means the prompt did not say.
 */
final class Draft {
    final List<ObjectGroup> groups = new ArrayList<>();
    /** The groups said to glow ("a glowing ball"). */
    final List<ObjectGroup> glowing = new ArrayList<>();
    /** Groups said "tilted" ("a tilted cube drops"): they start turned, to land on an edge. */
    final List<ObjectGroup> tilted = new ArrayList<>();
    /** Groups said "hollow" (true) or "solid" (false): a ball's shell ({@link Staging#shell}). */
    final java.util.Map<ObjectGroup, Boolean> hollow = new java.util.HashMap<>();
    /** Groups said "resting" ("rolls into a resting ball"): they stand on the floor. */
    final List<ObjectGroup> still = new ArrayList<>();
    /** Groups said "lying on its side" (cylinders: the axis along z). */
    final List<ObjectGroup> onSide = new ArrayList<>();
    /** Centre-to-centre spacing of a group's row, metres ("dominoes 11 cm apart"). */
    final java.util.Map<ObjectGroup, Double> apart = new java.util.HashMap<>();
    /** "a ball bounces off the wall", "rolls into the wall": the tokens of actions sent at the room's east wall (Staging). */
    final java.util.Set<Integer> atWall = new java.util.HashSet<>();
    /** "two balls of different mass": groups whose members are each of another material (Staging). */
    final java.util.Set<ObjectGroup> varied = new java.util.HashSet<>();
    /** "Newton's cradle with two balls pulled back": how many balls are let go together (Props). */
    final java.util.Map<ObjectGroup, Integer> pulled = new java.util.HashMap<>();
    /** "a pendulum with a period of 2 seconds": the period said for a pendulum group, s (Props). */
    final java.util.Map<ObjectGroup, Double> periods = new java.util.HashMap<>();
    /** "off-centre", "a glancing blow": a mover meets what it heads for off its centre. */
    boolean glancing;
    /** "swings (down, like a pendulum) from 41 degrees": the angle said with the swing, by the token of the group that swings. */
    final java.util.Map<Integer, Double> swingDegrees = new java.util.HashMap<>();
    /** "is thrown at 45 degrees", "thrown horizontally": a throw's angle above the horizontal, degrees, by its action's token. */
    final java.util.Map<Integer, Double> throwDegrees = new java.util.HashMap<>();
    /** "rolls at 2 m/s", "is thrown at 5 metres per second": a mover's speed, m/s, by its action's token. */
    final java.util.Map<Integer, Double> speeds = new java.util.HashMap<>();
    /** "rolls slowly" (0.5), "rolls fast" (2): the usual speed times this, by the action's token. */
    final java.util.Map<Integer, Double> mannerAt = new java.util.HashMap<>();
    /** "rolls slowly into a cube", "rolls at 2 m/s towards a cube": the token of the word that names what an action heads for, by the action's token. */
    final java.util.Map<Integer, Integer> toward = new java.util.HashMap<>();
    /** "a bowling ball knocks over ten pins": the tokens of the actions whose mover is sent to knock down what it heads for. */
    final java.util.Set<Integer> knocks = new java.util.HashSet<>();
    /** "a cue ball breaks the rack": the tokens of the actions that are a break in pool ({@link Arranging#BREAK_SPEED}). */
    final java.util.Set<Integer> breaks = new java.util.HashSet<>();
    /** "... and strikes a white ball": the tokens where such a verb stands (the striker named before it, the struck after). */
    final List<Integer> strikes = new ArrayList<>();
    /** "a room with two large windows facing west". */
    Said<Windows> windows;
    final List<HeightPhrase> heights = new ArrayList<>();
    Said<Environment.Kind> kind;
    Said<Material> floor;
    Said<Vec3> roomSize;
    Said<Material> walls;
    Said<Material> ceiling;
    Said<TimeOfDay> time;
    Said<Double> seconds;
    /** Slow motion: {times slower, 0} or {0, frames the camera takes a second} (ActionWords.slowMotion); null: real time. */
    Said<double[]> slowMotion;
    /** Where on Earth: a city of {@link Places}, or coordinates {latitude, longitude}; and "UTC+2". */
    Said<Places.Place> city;
    Said<double[]> coordinates;
    Said<Double> utcOffset;
    Said<DateSpec> date;
    /** "on the Moon", "on Mars", "in zero gravity": the downward acceleration, m/s^2; null: Earth's. */
    Said<Double> gravity;
    /** Whether the world named has air: false "on the Moon" (outdoors a black sky and no sound), true "on Mars"; null: none named. */
    Said<Boolean> air;
    /**
     * The air's density, kg/m^3, where it differs from Earth's: "on Mars" 0.020, "on Venus" 65, "on
     * Earth" Earth's, "without air resistance" 0 (no drag or buoyancy; sky and sound stay); null: the world's.
     */
    Said<Double> airDensity;
    /** The wind outdoors: {speed m/s, bearing it comes from in degrees clockwise from north, or NaN}; null: still air. */
    Said<double[]> wind;
    /** Camera language: shot size, angle, field of view (degrees), move. */
    Said<Shot> shot;
    Said<Angle> angle;
    /** The angle was not said but chosen for what the words show (rain seen from above, {@link Liquids}). */
    boolean angleImplied;
    /** With {@link #angleImplied}: how far the camera looks down, degrees (NaN: the angle's own). */
    double impliedPitchDown = Double.NaN;
    Said<Double> fov;
    Said<Move> move;
    Said<Lapse> lapse;
    /** "in a row", "a stack of", "scattered": how a group is laid out ({@link ActionWords}). */
    final List<Arrangement> arrangements = new ArrayList<>();
    /** "throw", "rolls", "collide head-on": what the objects do at the start. */
    final List<ActionPhrase> actions = new ArrayList<>();
    /** "to the left of", "behind", "between": where one group stands relative to others. */
    final List<Relation> relations = new ArrayList<>();
    /** "in a bathroom", "on a beach": a named place with its own room, floor and walls. */
    Said<Venue> venue;
    /** "clear", "hazy", "smoggy": the air's turbidity ({@link dev.diorama.scene.Environment#turbidity()}). */
    Said<Double> haze;
    /** "overcast", "cloudy", "a grey sky", "clear": the fraction of the sky under cloud. */
    Said<Double> clouds;
    /** Token indices of the verbs of falling ("drops", "falls", "lands"): they decide whether something put on a table rests there or falls onto it. */
    final List<Integer> drops = new ArrayList<>();
    /** Starts ({@code at}) of the object phrases joined to the one before by "and", "or" or a comma: "a glass and a cup on a table". */
    final java.util.Set<Integer> joined = new java.util.HashSet<>();
    /**
     * A later shot's "the table", "the ramp": a phrase that names a group already in the world (and
     * adds no object), with its preposition: "Shot 2: a ball drops onto the table" puts the ball on
     * the table of shot 1.
     */
    record Ref(int at, int end, Prep prep, ObjectGroup target) {}

    final List<Ref> refs = new ArrayList<>();
    /** Starts of the object phrases that follow the one before after "with": "a table with a cup on it". */
    final java.util.Set<Integer> withAt = new java.util.HashSet<>();

    /** "a glass of water", "water pours from a jug into a glass", "a dam break": the liquids as said ({@link LiquidWords}). */
    final List<LiquidSaid> liquids = new ArrayList<>();

    /** The first rain the words say ("rain on a puddle", "it rains"), or null. */
    LiquidSaid rain() {
        return liquids.stream().filter(l -> l.use() == LiquidUse.RAIN).findFirst().orElse(null);
    }
    /** Starts of the object phrases right after "from": "pours from a jug" (a pour's source). */
    final java.util.Set<Integer> fromAt = new java.util.HashSet<>();
    /** Starts of the object phrases right after "off" or "off of": "a book falls off a shelf" (it starts on the edge, {@link Props}). */
    final java.util.Set<Integer> offAt = new java.util.HashSet<>();
    /**
     * Set by {@link Liquids#resolve} before the props are planned: the groups that stand fixed (they
     * hold a liquid, pour it, or are tanks), and each pour's source with its target.
     */
    final java.util.Set<ObjectGroup> fixedGroups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final java.util.Map<ObjectGroup, ObjectGroup> pourInto = new java.util.IdentityHashMap<>();
    /** Set by {@link Liquids#resolve}: the groups that hold a liquid from the start, each with its fill. */
    final java.util.Map<ObjectGroup, Liquids.Fill> filled = new java.util.IdentityHashMap<>();
    /** How a thing is said to be in a liquid: "floats in", "bobs in", "sinks in" ({@link LiquidWords}). */
    enum Afloat { FLOAT, BOB, SINK }

    /** "a cork bobs in a bucket of water": the verb's index, the vessel's noun's index and what the verb says. */
    record AfloatVerb(int verb, int vessel, Afloat how) {}

    final List<AfloatVerb> afloat = new ArrayList<>();
    /** Set by {@link Liquids#resolve}: the pours whose stream falls onto or into a group (source may be null). */
    final List<Liquids.PourPlan> pours = new ArrayList<>();

    /** How a liquid was said: filling a container, pouring, as a dam break, or as rain. */
    enum LiquidUse { FILL, POUR, DAM, RAIN }

    /**
     * A liquid in words.
     *
     * @param at        index of the phrase's first token
     * @param end       index after it
     * @param use       what the liquid does
     * @param kind      water, oil or honey; null when a pour did not say (the source's liquid, else water)
     * @param fraction  how full a container is, of its inside's depth ("half full" 0.5), or NaN when not said;
     *                  for rain, its real rate in mm an hour ("heavy rain" 20), NaN when not said
     * @param holderAt  for a fill, the start of the group it fills (-1: the next group, "water in a glass"); for
     *                  rain, the start of the phrase after its "on"/"into" (-1: none said)
     * @param words     the phrase as written
     */
    record LiquidSaid(int at, int end, LiquidUse use, String kind, double fraction, int holderAt, String words) {
        LiquidSaid shifted(int offset) {
            return new LiquidSaid(at + offset, end + offset, use, kind, fraction, holderAt < 0 ? holderAt : holderAt + offset,
                    words);
        }
    }

    /** A value and the prompt words that gave it. */
    record Said<T>(T value, String words) {}

    /**
     * "three small glass cubes", "a block of wood", "a red one".
     *
     * @param at          index of the phrase's first token: heights attach by position
     * @param words       the phrase as written
     * @param shape       what it is
     * @param count       how many, at least 1
     * @param material    what the words said it is made of, or null (the shape's default)
     * @param color       the colour the words gave, or null (the material's colour)
     * @param colorName   the colour as words for the id ("dark-red"), or null
     * @param scale       the factor of "small" (0.5) or "large" (2), else 1
     * @param length      an explicit size in metres, or NaN; see {@link Staging} for what it measures
     * @param across      true when the explicit size was said to be a width or diameter ("30 cm wide")
     * @param onSurface   true for an object something lands on ("onto a plank"): it rests on the floor
     * @param noun        what the head noun brings (defaults, a fixed prop, a rig, a model file)
     * @param end         index of the token after the phrase
     * @param prep        the preposition right before the phrase ("on a table", "down a ramp", "into a cup")
     * @param degrees     an angle said with it ("a 30 degree ramp", "a pendulum pulled back 45 degrees"), or NaN
     */
    record ObjectGroup(int at, String words, Shape shape, int count, Material material, Rgb color,
                       String colorName, double scale, double length, boolean across, boolean onSurface,
                       Noun noun, int end, Prep prep, double degrees) {
        ObjectGroup {
            if (noun == null) noun = Noun.of(shape);
            if (prep == null) prep = Prep.NONE;
        }

        /** A group as the storyboard tests and older callers build it: no preposition, no angle. */
        ObjectGroup(int at, String words, Shape shape, int count, Material material, Rgb color, String colorName,
                    double scale, double length, boolean across, boolean onSurface, Noun noun) {
            this(at, words, shape, count, material, color, colorName, scale, length, across, onSurface, noun,
                    at + 1, Prep.NONE, Double.NaN);
        }

        /** The same group with its position moved by {@code offset} tokens (a storyboard's later shot). */
        ObjectGroup shifted(int offset) {
            return new ObjectGroup(at + offset, words, shape, count, material, color, colorName, scale, length, across,
                    onSurface, noun, end + offset, prep, degrees);
        }

        ObjectGroup resting() {
            return new ObjectGroup(at, words, shape, count, material, color, colorName, scale, length, across, true,
                    noun, end, prep, degrees);
        }
    }

    /** The preposition before an object phrase, as far as placing things on and in others goes. */
    enum Prep {
        NONE,
        /** "on", "onto", "upon", "on top of", "at the top of", "off", "off of", "across", "along". */
        ON,
        /** "in", "into", "inside", "within". */
        IN,
        /** "down": "rolls down a ramp", "bounces down the stairs". */
        DOWN
    }

    /**
     * What a noun is beyond its shape: a plain object, a fixed prop things go on ("a table", "a
     * pedestal", "stairs") or down ("a ramp"), or a rig of several objects and joints ("a pendulum",
     * "Newton's cradle", "a seesaw"). See {@link Props}.
     */
    enum Role { PLAIN, SURFACE, RAMP, PENDULUM, CRADLE, SEESAW }

    /**
     * What a head noun brings besides its shape: "a marble" is a glass ball 16 mm across, "a can"
     * an aluminium cylinder, "a die" a small plastic cube.
     *
     * @param word      the noun as a singular word ("marble")
     * @param shape     its shape
     * @param material  its material when the words name none
     * @param size      its size when the words give none, m (as {@link dev.diorama.scene.SceneObject#size()})
     * @param role      a plain object, a fixed prop or a rig
     * @param asset     for a model ({@link Shape#MESH}): the file or name the prompt gave ("my_sneaker.glb"); else null
     */
    record Noun(String word, Shape shape, Material material, Vec3 size, Role role, String asset) {
        Noun {
            if (role == null) role = Role.PLAIN;
        }

        Noun(String word, Shape shape, Material material, Vec3 size) {
            this(word, shape, material, size, Role.PLAIN, null);
        }

        static Noun of(Shape s) {
            return new Noun(s.jsonName(), s, Staging.defaultMaterial(s), Staging.defaultSize(s));
        }

        /** True for the props that never move: tables, shelves, stairs, pedestals, ramps. */
        boolean fixed() { return role == Role.SURFACE || role == Role.RAMP; }
    }

    /** How a group is laid out. */
    enum Layout { ROW, STACK, PYRAMID, CIRCLE, SCATTERED,
        /** A triangle pointing at the mover: bowling pins set up (12 in apart), pool balls racked (touching): Arranging, Props. */
        RACK,
        /**
         * "a wall of bricks": courses of bricks laid end to end across the line things come along
         * (along z), each course half a brick along from the one below (a stretcher bond): Arranging.
         */
        WALL,
        /** "dominoes in a spiral": along an Archimedean spiral from the inside out, each facing along it: Arranging. */
        SPIRAL }

    /**
     * "a row of", "stacked", "in a circle".
     *
     * @param leading  true when the words come before the group they speak of ("a stack of blocks")
     */
    record Arrangement(int at, Layout layout, boolean leading, String words) {
        Arrangement shifted(int offset) { return new Arrangement(at + offset, layout, leading, words); }
    }

    /** What objects do at the start: the default is to drop. */
    enum Act { DROP, THROW, ROLL, PUSH, COLLIDE, TOPPLE, SPIN, SWING, POUR }

    /** Windows in words: how many, a size word's scale (1: none), and the wall (null: the sunny one). */
    record Windows(int count, double scale, dev.diorama.scene.Window.Wall wall) {}

    record ActionPhrase(int at, Act act, String words) {
        ActionPhrase shifted(int offset) { return new ActionPhrase(at + offset, act, words); }
    }

    /** Where a group stands relative to the next one named ("a ball to the left of a cube"). */
    enum Rel { NEXT_TO, LEFT_OF, RIGHT_OF, IN_FRONT_OF, BEHIND, BETWEEN, INSIDE }

    record Relation(int at, Rel rel, String words) {
        Relation shifted(int offset) { return new Relation(at + offset, rel, words); }
    }

    /**
     * A named place: indoors a room of {@code size} with walls and ceiling, or outdoors ({@code size}
     * null) a kind of ground.
     */
    record Venue(String name, Environment.Kind kind, Vec3 size, Material floor, Material walls, Material ceiling) {}

    /**
     * "from 2 metres", "at a height of 150 cm": the height of the objects' bottoms at the start.
     *
     * @param at      index of the phrase's first token
     * @param metres  the height above the floor, [0, 100]
     * @param words   the phrase as written
     */
    record HeightPhrase(int at, double metres, String words) {
        HeightPhrase shifted(int offset) { return new HeightPhrase(at + offset, metres, words); }
    }

    /** A date as said; seasons and months are resolved at the place (the south has summer in December). */
    sealed interface DateSpec {
        /** A day: "on 21 June", "on 2027-03-20". */
        record Day(LocalDate date) implements DateSpec {}

        /** A month: "in December" (its 15th). */
        record Month(int year, int month) implements DateSpec {}

        /** A season or its solstice or equinox: "in winter", "at midsummer", "at the spring equinox". */
        record Season(Seasons season, int year) implements DateSpec {}
    }

    enum Seasons { SPRING, SUMMER, AUTUMN, WINTER }

    /** Shot sizes: how much of the scene the picture holds. */
    enum Shot { WIDE, MEDIUM, CLOSE }

    /** Camera angles: how high the camera stands and how it looks at the action. */
    enum Angle { EYE_LEVEL, LOW, HIGH, TOP }

    /**
     * A camera move as said. Amounts the words did not give are null or NaN and take the defaults of
     * {@link Framing}; {@code scale} is 0.5 for "slowly", else 1.
     */
    sealed interface Move {
        record Still() implements Move {}

        /** degrees positive to the right (pan), up (tilt), to the camera's right (orbit). */
        record Turn(String kind, double degrees, boolean amountSaid) implements Move {}

        /** metres toward the subject (negative: away), NaN when only "in" or "out" was said. */
        record Dolly(boolean in, double metres) implements Move {}

        record Zoom(boolean in) implements Move {}

        record Track(Target target) implements Move {}
    }

    /**
     * An object the words point at: "the red ball", "the third plank" ({@code ordinal} 3; 0 when
     * not said, -1 for "the last").
     */
    record Target(Shape shape, Material material, String colorName, int ordinal, String words) {}

    /**
     * A time-lapse: from {@code start} to {@code end}, or {@code hours} long, each null when not said.
     */
    record Lapse(TimeOfDay start, TimeOfDay end, Double hours) {}

    /** The time of day as said: a clock time, or a moment of the sun resolved at the scene's place. */
    sealed interface TimeOfDay {
        record Clock(LocalTime time) implements TimeOfDay {}

        /** When the rising or setting sun stands {@code elevation} degrees above the horizon. */
        record Sun(double elevation, boolean rising) implements TimeOfDay {}
    }
}
