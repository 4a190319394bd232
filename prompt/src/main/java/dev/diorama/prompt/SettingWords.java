package dev.diorama.prompt;

import dev.diorama.prompt.Draft.DateSpec;
import dev.diorama.prompt.Draft.Lapse;
import dev.diorama.prompt.Draft.Said;
import dev.diorama.prompt.Draft.Seasons;
import dev.diorama.prompt.Draft.TimeOfDay;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Places;
import dev.diorama.scene.Scene;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * Where and when, for {@link PromptReader}: a city ("in Oslo", "in Rio de Janeiro"), coordinates
 * ("latitude 60 N, longitude 10 E", "33.9 S 18.4 E"), a clock offset ("UTC+2"), a date ("on 21
 * June", "on June 21st 2027", "on 2027-03-20", "in December", "in winter", "at midsummer", "at the
 * spring equinox") and a time-lapse ("time-lapse", "a day passing", "6 hours passing", "from 6 am
 * to 9 pm", "from dawn to dusk"). Each matcher returns the index after the words it consumed, or
 * {@code i} when the words at {@code i} are not its phrase; range errors are thrown here, where the
 * words are at hand. What the words mean at the place (a southern winter is in June) is
 * {@link Staging}'s.
 */
final class SettingWords {
    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    static final Map<String, Seasons> SEASONS = Map.of("winter", Seasons.WINTER, "wintertime", Seasons.WINTER,
            "summer", Seasons.SUMMER, "summertime", Seasons.SUMMER, "spring", Seasons.SPRING,
            "springtime", Seasons.SPRING, "autumn", Seasons.AUTUMN, "fall", Seasons.AUTUMN);
    /** Words of this reader that no other table holds: for "did you mean" and the notes. */
    static final Set<String> WORDS = Set.of("latitude", "longitude", "lat", "lon", "lng", "north", "south", "east",
            "west", "utc", "gmt", "midsummer", "midwinter", "solstice", "equinox", "vernal", "autumnal", "longest",
            "shortest", "lapse", "timelapse", "passing", "day", "whole", "entire", "full", "dawn", "dusk", "resistance",
            "breeze", "wind", "windy", "gale", "blowing", "northerly", "easterly", "southerly", "westerly");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "near", "on", "during", "over");
    private static final Set<String> UNTIL = Set.of("to", "until", "till", "through", "and");
    private static final Set<String> PASSING = Set.of("passing", "passes", "pass", "elapsing", "elapse", "elapses");
    private static final Set<String> GOING = Set.of("going", "goes", "go", "went");
    /** Years a date may name: the solar equations hold far beyond, the calendar questions do not. */
    static final int MIN_YEAR = 1800, MAX_YEAR = 2200;

    private final PromptReader r;

    SettingWords(PromptReader reader) {
        this.r = reader;
    }

    int match(int i) {
        int e;
        if ((e = world(i)) > i) return e;
        if ((e = airResistance(i)) > i) return e;
        if ((e = wind(i)) > i) return e;
        if ((e = lapse(i)) > i) return e;
        if ((e = coordinates(i)) > i) return e;
        if ((e = utc(i)) > i) return e;
        if ((e = city(i)) > i) return e;
        if ((e = date(i)) > i) return e;
        return i;
    }

    // ---- where ----

    /**
     * Surface gravity, m/s^2, of the worlds one can stand on (NASA's planetary fact sheets): the
     * Moon 1.62, Mars 3.71, Mercury 3.70, Venus 8.87, Pluto 0.62, Earth
     * {@value Scene#STANDARD_GRAVITY}. The gas giants have no surface to stand on.
     */
    static final Map<String, Double> WORLDS = Map.of("moon", 1.62, "mars", 3.71, "mercury", 3.70, "venus", 8.87,
            "pluto", 0.62, "earth", Scene.STANDARD_GRAVITY);

    /** The worlds of {@link #WORLDS} without air (their thin exospheres neither scatter light nor carry sound). */
    static final Set<String> AIRLESS = Set.of("moon", "mercury", "pluto");

    /**
     * The density of the air at the surface, kg/m^3, of the worlds of {@link #WORLDS} with air (NASA's
     * planetary fact sheets): Mars 0.020, Venus 65, Earth {@value Environment#EARTH_AIR_DENSITY}.
     */
    static final Map<String, Double> AIR_DENSITY = Map.of("mars", 0.020, "venus", 65.0, "earth",
            Environment.EARTH_AIR_DENSITY);

    /**
     * "on the Moon", "on Mars", "on the surface of Mars", "in zero gravity", "weightless", "in
     * weightlessness": the scene's gravity (the sky, the light and the air stay Earth's, which a
     * note says).
     */
    private int world(int i) {
        int j = i;
        if (r.w(j).equals("on")) {
            j++;
            if (r.w(j).equals("the")) j++;
            if (r.w(j).equals("surface") && r.w(j + 1).equals("of")) j += r.w(j + 2).equals("the") ? 3 : 2;
            Double g = WORLDS.get(r.w(j));
            if (g == null) return i;
            String name = r.w(j).equals("moon") ? "the Moon" : Character.toUpperCase(r.w(j).charAt(0)) + r.w(j).substring(1);
            boolean airless = AIRLESS.contains(r.w(j));
            int end = setGravity(i, j + 1, g, name, airless);
            r.draft.air = new Said<>(!airless, r.text(i, end));
            // "without air resistance", said anywhere, keeps its vacuum on any world.
            Double density = AIR_DENSITY.get(r.w(j));
            if (density != null && (r.draft.airDensity == null || r.draft.airDensity.value() != 0)) {
                r.draft.airDensity = new Said<>(density, r.text(i, end));
            }
            return end;
        }
        if (r.w(i).equals("weightless")) return setGravity(i, i + 1, 0, null, false);
        if (r.w(i).equals("in") && r.w(i + 1).equals("weightlessness")) return setGravity(i, i + 2, 0, null, false);
        if (Set.of("in", "with", "under").contains(r.w(i)) && r.w(i + 1).equals("zero")
                && Set.of("gravity", "g").contains(r.w(i + 2))) return setGravity(i, i + 3, 0, null, false);
        if (r.w(i).equals("without") && r.w(i + 1).equals("gravity")) return setGravity(i, i + 2, 0, null, false);
        return i;
    }

    private static final Set<String> WITHOUT = Set.of("without", "no", "ignoring", "ignore", "neglecting", "neglect",
            "disregarding", "minus");
    private static final Set<String> RESISTANCE = Set.of("resistance", "drag", "friction");

    /**
     * "without air resistance", "with no air resistance", "ignoring air drag", "neglecting the air
     * resistance", "no air friction": the textbook's fall in a vacuum, where the air neither holds
     * the bodies up nor slows them (its density 0 for them; the sky and the sound stay).
     */
    private int airResistance(int i) {
        int j = i;
        if (r.w(j).equals("with") && r.w(j + 1).equals("no")) j++;
        if (!WITHOUT.contains(r.w(j))) return i;
        j++;
        if (r.w(j).equals("the") || r.w(j).equals("any")) j++;
        if (!r.w(j).equals("air") || !RESISTANCE.contains(r.w(j + 1))) return i;
        int end = j + 2;
        r.draft.airDensity = new Said<>(0.0, r.text(i, end));
        r.use(i, end);
        return end;
    }

    /**
     * The winds by name, m/s: the middle of their Beaufort force (WMO): a light breeze (force 2)
     * 2.5, a gentle breeze and a plain "breeze" (3) 4.4, a moderate breeze, "wind" and "windy" (4)
     * 6.7, a fresh breeze (5) 9.4, a strong breeze and a strong wind (6) 12.3, a gale (8) 19.
     */
    static final Map<String, Double> WINDS = Map.ofEntries(Map.entry("light breeze", 2.5), Map.entry("gentle breeze", 4.4),
            Map.entry("breeze", 4.4), Map.entry("moderate breeze", 6.7), Map.entry("wind", 6.7),
            Map.entry("light wind", 2.5), Map.entry("moderate wind", 6.7), Map.entry("fresh breeze", 9.4),
            Map.entry("fresh wind", 9.4), Map.entry("strong breeze", 12.3), Map.entry("strong wind", 12.3),
            Map.entry("high wind", 12.3), Map.entry("gale", 19.0), Map.entry("windy", 6.7));
    /** Compass points to the bearing the wind comes from, degrees clockwise from north. */
    static final Map<String, Double> BEARINGS = Map.ofEntries(Map.entry("north", 0.0), Map.entry("northeast", 45.0),
            Map.entry("east", 90.0), Map.entry("southeast", 135.0), Map.entry("south", 180.0), Map.entry("southwest", 225.0),
            Map.entry("west", 270.0), Map.entry("northwest", 315.0), Map.entry("northerly", 0.0), Map.entry("easterly", 90.0),
            Map.entry("southerly", 180.0), Map.entry("westerly", 270.0));

    /**
     * "in a breeze", "in a light breeze", "in a strong wind", "in the wind", "on a windy day", "in a
     * gale", "in a 5 m/s wind", "in a wind of 20 km/h", "with a west wind", "in a strong wind from the
     * north" (the bearing it comes from; the default from the east, across the usual picture from
     * left to right): the wind outdoors ({@link Draft#wind}).
     */
    private int wind(int i) {
        int j = i;
        if (Set.of("in", "with", "under", "against", "into").contains(r.w(j))) j++;
        else if (r.w(j).equals("on") && Set.of("a", "an").contains(r.w(j + 1)) && r.w(j + 2).equals("windy")
                && Set.of("day", "afternoon", "morning", "evening").contains(r.w(j + 3))) {
            return setWind(i, j + 4, WINDS.get("windy"), Double.NaN);
        } else return i;
        if (Set.of("a", "an", "the").contains(r.w(j))) j++;
        double speed = Double.NaN, bearing = Double.NaN;
        double[] said = r.tok(j) != null && r.tok(j).isNumber() ? ActionWords.speedAt(r, j) : null;
        if (said != null) {
            speed = said[0];
            j = (int) said[1];
        }
        if (BEARINGS.containsKey(r.w(j)) && Set.of("wind", "breeze").contains(r.w(j + 1))) {
            bearing = BEARINGS.get(r.w(j));
            j++;
        }
        String name = WINDS.containsKey(r.w(j) + " " + r.w(j + 1)) ? r.w(j) + " " + r.w(j + 1) : r.w(j);
        if (!WINDS.containsKey(name) || name.equals("windy") || (!Double.isNaN(speed) && !Set.of("wind", "breeze").contains(name))) return i;
        j += name.split(" ").length;
        if (Double.isNaN(speed)) speed = WINDS.get(name);
        // "of 5 m/s", "at 20 km/h"
        if (said == null && Set.of("of", "at").contains(r.w(j)) && r.tok(j + 1) != null
                && r.tok(j + 1).isNumber()) {
            double[] of = ActionWords.speedAt(r, j + 1);
            if (of != null) {
                speed = of[0];
                j = (int) of[1];
            }
        }
        if (r.w(j).equals("blowing")) j++;
        if (r.w(j).equals("from") && (r.w(j + 1).equals("the") ? BEARINGS.containsKey(r.w(j + 2)) : BEARINGS.containsKey(r.w(j + 1)))) {
            j += r.w(j + 1).equals("the") ? 2 : 1;
            bearing = BEARINGS.get(r.w(j));
            j++;
        }
        return setWind(i, j, speed, bearing);
    }

    private int setWind(int from, int to, double speed, double bearing) {
        String words = r.text(from, to);
        if (r.draft.wind != null) {
            throw new PromptException(r.draft.wind.words() + " ... " + words, "names two winds; expected one");
        }
        r.draft.wind = new Said<>(new double[] {speed, bearing}, words);
        r.use(from, to);
        return to;
    }

    private int setGravity(int from, int to, double g, String world, boolean airless) {
        String words = r.text(from, to);
        if (r.draft.gravity != null && r.draft.gravity.value() != g) {
            throw new PromptException(r.draft.gravity.words() + " ... " + words, "names two gravities; expected one world");
        }
        r.draft.gravity = new Said<>(g, words);
        if (g != Scene.STANDARD_GRAVITY) {
            r.notes.add("\"" + words + "\": gravity " + PromptReader.number(g) + " m/s^2"
                    + (world == null ? " (nothing falls; what moves goes on in a straight line)" : ", " + world + "'s")
                    + (airless ? "; no air: outdoors a black sky, the sun unfiltered, and no sound"
                    : "; the sky, the light and the air that carries the sound are still Earth's"));
        }
        r.use(from, to);
        return to;
    }

    /** "in Oslo", "Rio de Janeiro", "in São Paulo": the longest name of {@link Places} at i. */
    private int city(int i) {
        int j = PREPOSITIONS.contains(r.w(i)) ? i + 1 : i;
        for (int n = Places.longestNameWords(); n >= 1; n--) {
            if (j + n > r.tokens.size()) continue;
            StringBuilder name = new StringBuilder();
            for (int k = j; k < j + n; k++) name.append(k > j ? " " : "").append(r.tok(k).text());
            Places.Place p = Places.find(name.toString());
            if (p == null) continue;
            int end = j + n;
            String words = r.text(i, end);
            if (r.draft.coordinates != null) {
                throw new PromptException(words, "the place is given twice (also as \"" + r.draft.coordinates.words()
                        + "\"); expected one place");
            }
            if (r.draft.city != null && !r.draft.city.value().equals(p)) {
                throw new PromptException(words, "the place is given twice (also as \"" + r.draft.city.words()
                        + "\"); expected one place");
            }
            r.draft.city = new Said<>(p, words);
            r.use(i, end);
            return end;
        }
        return i;
    }

    /**
     * "latitude 60 N, longitude 10 E", "lat 59.9 lon 10.7", "latitude -33.9 longitude 18.4",
     * "60 N 10 E", "33.9°S 18.4°E", "59.9 degrees north, 10.7 degrees east".
     */
    private int coordinates(int i) {
        int j = PREPOSITIONS.contains(r.w(i)) ? i + 1 : i;
        double lat = Double.NaN, lon = Double.NaN;
        int k = j;
        for (int part = 0; part < 2; part++) {
            String a = r.w(k);
            boolean latWord = a.equals("latitude") || a.equals("lat");
            boolean lonWord = a.equals("longitude") || a.equals("lon") || a.equals("lng")
                    || (a.equals("long") && r.signedNumber(k + 1) != null);
            int m = latWord || lonWord ? k + 1 : k;
            PromptReader.Num n = r.signedNumber(m);
            if (n == null || n.article()) break;
            int e = n.end();
            if (Set.of("degrees", "degree", "deg").contains(r.w(e))) e++;
            String h = r.w(e);
            int sign = 0;
            boolean ns = false, ew = false;
            if (Set.of("n", "north").contains(h)) { sign = 1; ns = true; }
            else if (Set.of("s", "south").contains(h)) { sign = -1; ns = true; }
            else if (Set.of("e", "east").contains(h)) { sign = 1; ew = true; }
            else if (Set.of("w", "west").contains(h)) { sign = -1; ew = true; }
            if (sign != 0) e++;
            if (!latWord && !lonWord && sign == 0) break;       // a bare number is not a coordinate
            if ((latWord && ew) || (lonWord && ns)) break;
            boolean isLat = latWord || ns || (!lonWord && part == 0 && Double.isNaN(lat));
            if (sign != 0 && n.value() < 0) break;              // "-33 S": say one or the other
            double v = sign == 0 ? n.value() : sign * n.value();
            if (isLat) {
                if (!Double.isNaN(lat)) break;
                lat = v;
            } else {
                if (!Double.isNaN(lon)) break;
                lon = v;
            }
            k = e;
            if (part == 0 && (r.w(k).equals("and"))) k++;
        }
        if (Double.isNaN(lat) || Double.isNaN(lon)) return i;
        String words = r.text(i, k);
        if (Math.abs(lat) > 90) {
            throw new PromptException(words, "found a latitude of " + PromptReader.number(lat)
                    + " degrees; expected 0 to 90 degrees north or south");
        }
        if (Math.abs(lon) > 180) {
            throw new PromptException(words, "found a longitude of " + PromptReader.number(lon)
                    + " degrees; expected 0 to 180 degrees east or west");
        }
        if (r.draft.city != null || (r.draft.coordinates != null && !java.util.Arrays.equals(
                r.draft.coordinates.value(), new double[] {lat, lon}))) {
            String other = r.draft.city != null ? r.draft.city.words() : r.draft.coordinates.words();
            throw new PromptException(words, "the place is given twice (also as \"" + other + "\"); expected one place");
        }
        r.draft.coordinates = new Said<>(new double[] {lat, lon}, words);
        r.use(i, k);
        return k;
    }

    /** "UTC+2", "GMT-5", "UTC+5:30" (the tokenizer spells the sign "plus" or "minus"), "UTC 0". */
    private int utc(int i) {
        int j = PREPOSITIONS.contains(r.w(i)) ? i + 1 : i;
        if (!r.w(j).equals("utc") && !r.w(j).equals("gmt")) return i;
        PromptReader.Num n;
        int sign = 1, k = j + 1;
        if (r.w(k).equals("plus")) k++;
        else if (r.w(k).equals("minus")) {
            sign = -1;
            k++;
        }
        n = r.number(k);
        double hours = n == null || n.article() ? 0 : sign * n.value();
        int end = n == null || n.article() ? k : n.end();
        String words = r.text(i, end);
        if (!(hours >= -14 && hours <= 14)) {
            throw new PromptException(words, "expected an offset from UTC of -14 to +14 hours, such as \"UTC+2\"");
        }
        if (r.draft.utcOffset != null && r.draft.utcOffset.value() != hours) {
            throw new PromptException(words, "the clock's offset is given twice (also as \"" + r.draft.utcOffset.words()
                    + "\"); expected one");
        }
        r.draft.utcOffset = new Said<>(hours, words);
        r.use(i, end);
        return end;
    }

    // ---- when: the date ----

    private int date(int i) {
        int j = i;
        boolean preposition = PREPOSITIONS.contains(r.w(j)) || r.w(j).equals("of");
        if (preposition) j++;
        if (r.w(j).equals("the") || r.w(j).equals("a")) j++;
        int[] end = new int[1];
        DateSpec spec = dateAt(j, preposition, end);
        if (spec == null) return i;
        int k = end[0];
        int year = year(k, true);
        if (year > 0) {
            spec = withYear(spec, year);
            k++;
        }
        String words = r.text(i, k);
        if (r.draft.date != null && !r.draft.date.value().equals(spec)) {
            throw new PromptException(words, "the date is given twice (also as \"" + r.draft.date.words()
                    + "\"); expected one date");
        }
        r.draft.date = new Said<>(spec, words);
        r.use(i, k);
        return k;
    }

    /** A date phrase at j (after any preposition and article); its end into end[0]. */
    private DateSpec dateAt(int j, boolean preposition, int[] end) {
        int year = Environment.DEFAULT_DATE.getYear();
        String a = r.w(j);
        if (a.matches("\\d{4}-\\d{2}-\\d{2}")) {
            end[0] = j + 1;
            try {
                return new DateSpec.Day(LocalDate.parse(a));
            } catch (DateTimeException e) {
                throw new PromptException(r.text(j, j + 1), "expected a date YYYY-MM-DD such as \"2027-03-20\"");
            }
        }
        // "in 2027"
        if (preposition && year(j, false) > 0 && !Vocabulary.SHAPES.containsKey(r.w(j + 1))
                && !Vocabulary.LENGTH_UNITS.containsKey(r.w(j + 1)) && !Vocabulary.TIME_UNITS.containsKey(r.w(j + 1))) {
            end[0] = j + 1;
            return new DateSpec.Day(Environment.DEFAULT_DATE.withYear(year(j, false)));
        }
        // "21 June", "21st of June", "the 21st of June"
        PromptReader.Num n = r.number(j);
        if (n != null && !n.article() && r.tok(j).isNumber()) {
            int k = n.end();
            if (Set.of("st", "nd", "rd", "th").contains(r.w(k))) k++;
            if (r.w(k).equals("of")) k++;
            Integer month = MONTHS.get(r.w(k));
            if (month != null) {
                end[0] = k + 1;
                return new DateSpec.Day(day(year, month, n.value(), r.text(j, k + 1)));
            }
            return null;
        }
        Integer month = MONTHS.get(a);
        if (month != null && (r.w(j + 1).equals("solstice") || r.w(j + 1).equals("equinox"))) {
            // "the June solstice", "the March equinox": the astronomical dates of 2026, in any hemisphere
            end[0] = j + 2;
            return switch (month) {
                case 6 -> new DateSpec.Day(LocalDate.of(year, 6, 21));
                case 12 -> new DateSpec.Day(LocalDate.of(year, 12, 21));
                case 3 -> new DateSpec.Day(LocalDate.of(year, 3, 20));
                case 9 -> new DateSpec.Day(LocalDate.of(year, 9, 23));
                default -> throw new PromptException(r.text(j, j + 2), "expected the June or December solstice, "
                        + "or the March or September equinox");
            };
        }
        if (month != null && (!a.equals("may") || preposition || r.tok(j + 1) != null && r.tok(j + 1).isNumber())) {
            // "June 21", "June 21st", "June 21, 2027"; else the month alone: "in December"
            PromptReader.Num d = r.number(j + 1);
            if (d != null && !d.article() && r.tok(j + 1).isNumber() && d.value() <= 31) {
                int k = d.end();
                if (Set.of("st", "nd", "rd", "th").contains(r.w(k))) k++;
                end[0] = k;
                return new DateSpec.Day(day(year, month, d.value(), r.text(j, k)));
            }
            end[0] = j + 1;
            return new DateSpec.Month(year, month);
        }
        // Solstices and equinoxes by season: "the summer solstice" is in December in the south
        Seasons season = SEASONS.get(a);
        if (season != null && a.equals("fall") && !preposition) season = null;  // "balls fall": a verb
        // "a ball on a spring": the coil ("on a spring morning" is the season)
        if (season != null && a.startsWith("spring") && (r.w(j - 1).equals("a") || r.w(j - 1).equals("the")
                && Set.of("on", "onto", "off", "from").contains(r.w(j - 2)))
                && !Set.of("day", "morning", "afternoon", "evening", "night").contains(r.w(j + 1))) season = null;
        if (season != null) {
            int k = j + 1;
            if (r.w(k).equals("solstice") && (season == Seasons.SUMMER || season == Seasons.WINTER)) k++;
            else if (r.w(k).equals("equinox") && (season == Seasons.SPRING || season == Seasons.AUTUMN)) k++;
            end[0] = k;
            return new DateSpec.Season(season, year);
        }
        switch (a) {
            case "midsummer", "midsummers" -> {
                end[0] = r.w(j + 1).equals("day") || r.w(j + 1).equals("eve") ? j + 2 : j + 1;
                return new DateSpec.Season(Seasons.SUMMER, year);
            }
            case "midwinter" -> {
                end[0] = r.w(j + 1).equals("day") ? j + 2 : j + 1;
                return new DateSpec.Season(Seasons.WINTER, year);
            }
            case "vernal", "autumnal" -> {
                if (!r.w(j + 1).equals("equinox")) return null;
                end[0] = j + 2;
                return new DateSpec.Season(a.equals("vernal") ? Seasons.SPRING : Seasons.AUTUMN, year);
            }
            case "solstice" -> {
                end[0] = j + 1;
                return new DateSpec.Season(Seasons.SUMMER, year);
            }
            case "equinox" -> {
                end[0] = j + 1;
                return new DateSpec.Season(Seasons.SPRING, year);
            }
            case "longest", "shortest" -> {
                if (!r.w(j + 1).equals("day")) return null;
                end[0] = j + 2;
                return new DateSpec.Season(a.equals("longest") ? Seasons.SUMMER : Seasons.WINTER, year);
            }
            default -> { }
        }
        return null;
    }

    /** A four-digit year at k, or 0; one out of range is an error right after a date ({@code strict}). */
    private int year(int k, boolean strict) {
        Token t = r.tok(k);
        if (t == null || !t.isNumber() || !t.text().matches("\\d{4}")) return 0;
        int y = (int) t.number();
        if (y < MIN_YEAR || y > MAX_YEAR) {
            if (!strict) return 0;
            throw new PromptException(t.text(), "expected a year from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return y;
    }

    private static DateSpec withYear(DateSpec s, int year) {
        return switch (s) {
            case DateSpec.Day d -> new DateSpec.Day(day(year, d.date().getMonthValue(), d.date().getDayOfMonth(),
                    d.date().toString()));
            case DateSpec.Month m -> new DateSpec.Month(year, m.month());
            case DateSpec.Season z -> new DateSpec.Season(z.season(), year);
        };
    }

    private static LocalDate day(int year, int month, double day, String words) {
        try {
            if (day != Math.rint(day)) throw new DateTimeException("fraction");
            return LocalDate.of(year, month, (int) day);
        } catch (DateTimeException e) {
            throw new PromptException(words, "is not a day of the calendar; expected a date such as \"21 June\"");
        }
    }

    // ---- when: a time-lapse ----

    /**
     * "time-lapse", "timelapse", "a day passing", "a whole day", "all day long", "6 hours passing",
     * "over 6 hours", "from 6 am to 9 pm", "from dawn to dusk", "between noon and midnight".
     */
    private int lapse(int i) {
        int e;
        if ((e = lapseWord(i)) > i) return e;
        if ((e = span(i)) > i) return e;
        if ((e = day(i)) > i) return e;
        return hours(i);
    }

    private int lapseWord(int i) {
        int end;
        if (r.w(i).equals("timelapse")) end = i + 1;
        else if (r.w(i).equals("time") && r.w(i + 1).equals("lapse")) end = i + 2;
        else return i;
        if (r.w(end).equals("of") && r.w(end + 1).equals("a") && r.w(end + 2).equals("day")) end += 3;
        else if (r.w(end).equals("of") && r.w(end + 1).equals("the") && r.w(end + 2).equals("day")) end += 3;
        setLapse(new Lapse(null, null, r.w(end - 1).equals("day") ? 24.0 : null), i, end);
        return end;
    }

    private int span(int i) {
        int j = i;
        boolean from = r.w(j).equals("from") || r.w(j).equals("between");
        if (from) j++;
        int[] end = new int[1];
        TimeOfDay start = timePoint(j, end);
        if (start == null) return i;
        int k = end[0];
        if (!UNTIL.contains(r.w(k)) || (r.w(k).equals("and") && !r.w(i).equals("between"))) return i;
        TimeOfDay stop = timePoint(k + 1, end);
        if (stop == null) return i;
        if (!from && !(start instanceof TimeOfDay.Sun || stop instanceof TimeOfDay.Sun)) return i;
        setLapse(new Lapse(start, stop, null), i, end[0]);
        return end[0];
    }

    /** A moment of the day: a clock time ("6 am", "18:30") or a word (dawn, noon, sunset, midnight). */
    private TimeOfDay timePoint(int j, int[] end) {
        if (r.w(j).equals("the")) j++;
        TimeOfDay t = switch (r.w(j)) {
            case "noon", "midday" -> new TimeOfDay.Clock(LocalTime.NOON);
            case "midnight" -> new TimeOfDay.Clock(LocalTime.MIDNIGHT);
            case "sunrise", "daybreak" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, true);
            case "dawn" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, true);
            case "sunset", "sundown" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, false);
            case "dusk", "nightfall" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, false);
            case "twilight" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_TWILIGHT, false);
            default -> null;
        };
        if (t != null) {
            end[0] = j + 1;
            return t;
        }
        int[] out = new int[1];
        LocalTime clock = r.clock(j, out);
        if (clock == null) return null;
        end[0] = out[0];
        return new TimeOfDay.Clock(clock);
    }

    /** "a day passing", "a whole day", "the entire day", "all day long", "a full day going by". */
    private int day(int i) {
        int j = i;
        boolean said = false;
        if (Set.of("a", "an", "the", "one", "all").contains(r.w(j))) {
            said = r.w(j).equals("all");
            j++;
        }
        if (Set.of("whole", "entire", "full").contains(r.w(j))) {
            said = true;
            j++;
        }
        if (!r.w(j).equals("day")) return i;
        int k = j + 1;
        int trailer = passing(k);
        if (trailer > k) said = true;
        else if (r.w(k).equals("long") && r.w(i).equals("all")) trailer = k + 1;
        if (!said) return i;
        setLapse(new Lapse(null, null, 24.0), i, trailer);
        return trailer;
    }

    /** "6 hours passing", "12 hours going by", "over 6 hours". */
    private int hours(int i) {
        int j = r.w(i).equals("over") ? i + 1 : i;
        PromptReader.Num n = r.number(j);
        if (n == null || !Set.of("hours", "hour", "hrs", "h").contains(r.w(n.end()))) return i;
        if (r.w(n.end()).equals("h") && !r.tok(j).isNumber()) return i;
        int k = n.end() + 1;
        int end = passing(k);
        if (end == k && j == i) return i;
        String words = r.text(i, end);
        if (!(n.value() > 0 && n.value() <= dev.diorama.scene.TimeLapse.MAX_HOURS)) {
            throw new PromptException(words, "expected a time-lapse of more than 0 and at most "
                    + (int) dev.diorama.scene.TimeLapse.MAX_HOURS + " hours");
        }
        setLapse(new Lapse(null, null, n.value()), i, end);
        return end;
    }

    /** "passing", "go by", "going by": the index after it, or k. */
    private int passing(int k) {
        if (PASSING.contains(r.w(k))) return r.w(k + 1).equals("by") ? k + 2 : k + 1;
        if (GOING.contains(r.w(k)) && r.w(k + 1).equals("by")) return k + 2;
        return k;
    }

    private void setLapse(Lapse l, int from, int to) {
        String words = r.text(from, to);
        Said<Lapse> old = r.draft.lapse;
        if (old != null) {
            Lapse o = old.value();
            boolean clash = (l.start() != null && o.start() != null && !l.start().equals(o.start()))
                    || (l.hours() != null && o.hours() != null && !l.hours().equals(o.hours()))
                    || (l.start() != null && o.hours() != null) || (l.hours() != null && o.start() != null);
            if (clash) {
                throw new PromptException(words, "the time-lapse is given twice (also as \"" + old.words()
                        + "\"); expected one span of time");
            }
            l = new Lapse(l.start() != null ? l.start() : o.start(), l.end() != null ? l.end() : o.end(),
                    l.hours() != null ? l.hours() : o.hours());
            words = old.words() + " ... " + words;
        }
        r.draft.lapse = new Said<>(l, words);
        r.use(from, to);
    }
}
