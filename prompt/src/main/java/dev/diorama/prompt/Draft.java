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
    final List<HeightPhrase> heights = new ArrayList<>();
    Said<Environment.Kind> kind;
    Said<Material> floor;
    Said<Vec3> roomSize;
    Said<Material> walls;
    Said<Material> ceiling;
    Said<TimeOfDay> time;
    Said<Double> seconds;
    /** Where on Earth: a city of {@link Places}, or coordinates {latitude, longitude}; and "UTC+2". */
    Said<Places.Place> city;
    Said<double[]> coordinates;
    Said<Double> utcOffset;
    Said<DateSpec> date;
    /** Camera language: shot size, angle, field of view (degrees), move. */
    Said<Shot> shot;
    Said<Angle> angle;
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
    /** "clear", "hazy", "overcast": understood, not yet rendered (the sky model has no turbidity). */
    Said<String> sky;

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
     */
    record ObjectGroup(int at, String words, Shape shape, int count, Material material, Rgb color,
                       String colorName, double scale, double length, boolean across, boolean onSurface,
                       Noun noun) {
        ObjectGroup {
            if (noun == null) noun = Noun.of(shape);
        }

        /** The same group with its position moved by {@code offset} tokens (a storyboard's later shot). */
        ObjectGroup shifted(int offset) {
            return new ObjectGroup(at + offset, words, shape, count, material, color, colorName, scale, length, across,
                    onSurface, noun);
        }

        ObjectGroup resting() {
            return new ObjectGroup(at, words, shape, count, material, color, colorName, scale, length, across, true,
                    noun);
        }
    }

    /**
     * What a head noun brings besides its shape: "a marble" is a glass ball 16 mm across, "a can"
     * an aluminium cylinder, "a die" a small plastic cube.
     *
     * @param word      the noun as a singular word ("marble")
     * @param shape     its shape
     * @param material  its material when the words name none
     * @param size      its size when the words give none, m (as {@link dev.diorama.scene.SceneObject#size()})
     */
    record Noun(String word, Shape shape, Material material, Vec3 size) {
        static Noun of(Shape s) {
            return new Noun(s.jsonName(), s, Staging.defaultMaterial(s), Staging.defaultSize(s));
        }
    }

    /** How a group is laid out. */
    enum Layout { ROW, STACK, PYRAMID, CIRCLE, SCATTERED }

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
