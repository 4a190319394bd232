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
                       String colorName, double scale, double length, boolean across, boolean onSurface) {}

    /**
     * "from 2 metres", "at a height of 150 cm": the height of the objects' bottoms at the start.
     *
     * @param at      index of the phrase's first token
     * @param metres  the height above the floor, [0, 100]
     * @param words   the phrase as written
     */
    record HeightPhrase(int at, double metres, String words) {}

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
