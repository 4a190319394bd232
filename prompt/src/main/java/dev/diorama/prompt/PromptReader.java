package dev.diorama.prompt;

import dev.diorama.prompt.Draft.HeightPhrase;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.Said;
import dev.diorama.prompt.Draft.TimeOfDay;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import dev.diorama.scene.Window;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads tokens into a {@link Draft}: text to spec, with no defaults and no layout (those are
 * {@link Staging}'s). A left-to-right scan tries, at each word, the phrases it knows in a fixed
 * order (a duration, a time of day, a drop height, a place word, a noun phrase, a verb); a phrase
 * that matches consumes its words. Range errors are thrown here, where the words are at hand.
 *
 * <p>What happens to the words nobody consumed decides whether the parser "never silently drops a
 * word": a structural word ({@link Vocabulary#FILLERS}) stays silent only when it attaches to
 * understood words, that is, when the next non-structural word was consumed (or, at the end of the
 * prompt, the previous one). So "onto a wooden floor" is silent, while "onto the table" is reported
 * whole: "onto", "the", "table". Every other word left over goes to the ignored words, with a note
 * when one helps (a spelling suggestion, or why a known word could not be used).
 */
final class PromptReader {
    private static final Set<String> SURFACE_PREPOSITIONS = Set.of("onto", "on", "upon");
    private static final Set<String> INNER_FILLERS = Set.of("very", "other", "more", "second", "third", "fourth",
            "fifth", "same", "identical", "similar", "next", "first");
    private static final Set<String> SIZE_QUALIFIERS = Set.of("long", "wide", "tall", "high", "across", "diameter",
            "thick", "deep");
    private static final Set<String> ACROSS_QUALIFIERS = Set.of("wide", "across", "diameter", "thick");
    private static final Set<String> TIME_WORDS = Set.of("noon", "midday", "midnight", "night", "tonight",
            "nighttime", "morning", "afternoon", "evening", "sunset", "dusk", "sundown", "sunrise", "dawn",
            "daybreak", "twilight", "golden", "hour");

    /** The reader's result: the draft, and the words it left over with notes about them. */
    record Reading(Draft draft, List<String> ignoredWords, List<String> notes) {}

    final List<Token> tokens;
    private final boolean[] used;
    /** Words inside an understood phrase, whether or not each applied ("red" in "a red stone floor"). */
    private final boolean[] inPhrase;
    final Draft draft = new Draft();
    /** Why a particular left-over word could not be used, by token index. */
    private final Map<Integer, String> wordNotes = new TreeMap<>();
    /** Notes about words that were used (e.g. a bare plural that was given a number). */
    final List<String> notes = new ArrayList<>();
    /** Tokens of "on it", "on one end": where a thing goes on what holds it, said after the thing. */
    final Set<Integer> tail = new java.util.HashSet<>();

    private final SettingWords settings = new SettingWords(this);
    private final CameraWords camera = new CameraWords(this);
    private final ActionWords actions = new ActionWords(this);
    private final LiquidWords liquids = new LiquidWords(this);

    private PromptReader(List<Token> tokens) {
        this.tokens = tokens;
        this.used = new boolean[tokens.size()];
        this.inPhrase = new boolean[tokens.size()];
    }

    static Reading read(List<Token> tokens) {
        PromptReader r = new PromptReader(idioms(tokens));
        int i = 0;
        while (i < r.tokens.size()) {
            int next = r.used[i] ? i + 1 : r.match(i);
            i = next > i ? next : i + 1;
        }
        r.liquids.finish();
        return r.leftOvers();
    }

    /**
     * Names of things said in two words that the reader takes apart: "a brick wall" is a wall of
     * bricks and "a jenga tower" a tower of Jenga blocks (a layout of a group, Arranging); "a flight
     * of stairs" is stairs, "an inclined plane" a ramp, "in a vacuum" without air resistance and "a
     * vacuum chamber" a chamber (a room) without it.
     */
    /** What "a vacuum ..." names: a room with its air pumped out. */
    private static final Set<String> VACUUM_VESSELS = Set.of("chamber", "tube", "jar", "room");

    /** Verbs after "top" that make it a spinning top ("the top spins"). */
    private static final Set<String> SPIN_AFTER_TOP = Set.of("spins", "spin", "spinning", "spun", "twirls", "twirling",
            "wobbles", "wobbling", "precesses", "precessing");

    /**
     * Whether a top starts at {@code k}: "spinning top(s)", "toy top(s)", or "top(s)" followed by a
     * verb of spinning and not after "on", "at", "from", "of", "to" (with or without "the"): "the top
     * of the stairs spins" is not one, "a top spins" is.
     */
    private static boolean topAt(List<Token> tokens, int k) {
        String a = tokens.get(k).norm(), b = k + 1 < tokens.size() ? tokens.get(k + 1).norm() : "";
        if (Set.of("spinning", "toy").contains(a) && Set.of("top", "tops").contains(b)) return true;
        if (!Set.of("top", "tops").contains(a) || !SPIN_AFTER_TOP.contains(b)) return false;
        int before = k - 1;
        if (before >= 0 && tokens.get(before).norm().equals("the")) before--;
        return before < 0 || !Set.of("on", "at", "from", "of", "to").contains(tokens.get(before).norm());
    }

    private static List<Token> idioms(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String a = tokens.get(k).norm(), b = k + 1 < tokens.size() ? tokens.get(k + 1).norm() : "";
            if (a.equals("brick") && b.equals("wall")) {
                out.addAll(Token.split("wall of bricks"));
                k++;
            } else if (a.equals("jenga") && b.equals("tower")) {
                out.addAll(Token.split("tower of jenga blocks"));
                k++;
            } else if (a.equals("vacuum") && VACUUM_VESSELS.contains(b)) {
                // "in a vacuum chamber": a room whose air is pumped out
                out.addAll(Token.split("chamber without air resistance"));
                k++;
            } else if (a.equals("in") && (b.equals("vacuum") || Set.of("a", "the").contains(b) && k + 2 < tokens.size()
                    && tokens.get(k + 2).norm().equals("vacuum") && !(k + 3 < tokens.size()
                    && VACUUM_VESSELS.contains(tokens.get(k + 3).norm())))) {
                // "in a vacuum": no air to hold things up or slow them
                out.addAll(Token.split("without air resistance"));
                k += b.equals("vacuum") ? 1 : 2;
            } else if (topAt(tokens, k)) {
                // "a spinning top", "a toy top", "the top spins": a top (a noun of its own, never "on top of")
                boolean pair = !Set.of("top", "tops").contains(a);
                Token t = tokens.get(k);
                String text = pair ? t.text() + " " + tokens.get(k + 1).text() : t.text();
                out.add(new Token(text, (pair ? b : a).equals("tops") ? "spintops" : "spintop", Double.NaN, -1));
                if (pair) k++;
            } else if (a.equals("inclined") && Set.of("plane", "planes").contains(b)) {
                // "an inclined plane": a ramp
                out.addAll(Token.split(b.equals("plane") ? "ramp" : "ramps"));
                k++;
            } else if (Set.of("flight", "flights").contains(a) && b.equals("of") && k + 2 < tokens.size()
                    && Set.of("stairs", "steps").contains(tokens.get(k + 2).norm())) {
                // "down a flight of stairs": the stairs
                out.add(tokens.get(k + 2));
                k += 2;
            } else {
                out.add(tokens.get(k));
            }
        }
        return out;
    }

    private int match(int i) {
        int e;
        if ((e = settings.match(i)) > i) return e;
        if ((e = camera.match(i)) > i) return e;
        if ((e = liquids.match(i)) > i) return e;
        if ((e = duration(i)) > i) return e;
        if ((e = timeOfDay(i)) > i) return e;
        if ((e = height(i)) > i) return e;
        if ((e = actions.match(i)) > i) return e;
        if ((e = placeWord(i)) > i) return e;
        if ((e = simile(i)) > i) return e;
        if ((e = nounPhrase(i)) > i) return e;
        if (Vocabulary.DROP_VERBS.contains(w(i))) return dropVerb(i);
        return i;
    }

    /** A verb of falling at {@code i} ("drops", "falls", "bounces", "hits"): the index after what it took. */
    private int dropVerb(int i) {
        // "dominoes falling in a spiral": standing dominoes that fall, topple
        int g = Arranging.subject(draft.groups, i, false);
        if (g >= 0 && draft.groups.get(g).shape() == Shape.DOMINO && draft.groups.get(g).count() >= 2
                && Set.of("fall", "falls", "fell", "falling", "fallen").contains(w(i))) {
            draft.actions.add(new Draft.ActionPhrase(i, Draft.Act.TOPPLE, text(i, i + 1)));
            use(i, i + 1);
            return i + 1;
        }
        // "a ball bounces off the wall": thrown at the room's wall (Staging), the wall's words making the room
        if (w(i).startsWith("bounc") && actions.atWall(i + 1)) {
            draft.actions.add(new Draft.ActionPhrase(i, Draft.Act.THROW, text(i, i + 2)));
            draft.atWall.add(i);
            use(i, i + 2);
            return i + 2;
        }
        draft.drops.add(i);
        use(i, i + 1);
        // "bounces three times": as often as its material and the floor let it, which the words do not set
        Num n = number(i + 1);
        if (w(i).startsWith("bounc") && n != null && !n.article && Set.of("times", "time").contains(w(n.end))) {
            use(i + 1, n.end + 1);
            notes.add("\"" + text(i, n.end + 1) + "\": it bounces as often as its material and the floor let it;"
                    + " the words do not set it (say another material or floor for more or fewer bounces)");
            return n.end + 1;
        }
        return i + 1;
    }

    /**
     * "topples like dominoes", "falls like a stone": a comparison, not more things; the words are
     * understood and make nothing.
     */
    private int simile(int i) {
        if (!w(i).equals("like")) return i;
        int head = shapeAhead(i + 1);
        if (head < 0 || head > i + 3) return i;
        use(i, head + 1);
        notes.add("\"" + text(i, head + 1) + "\": a comparison; it adds nothing to the scene");
        return head + 1;
    }

    // ---- numbers and measures ----

    /** A number as words or digits; {@code article} when it was "a"/"an"/"half" (weak evidence). */
    record Num(double value, int end, boolean article) {}

    Num number(int i) {
        Token t = tok(i);
        if (t == null) return null;
        String a = t.norm();
        double v;
        int end;
        boolean article = false;
        if (t.isNumber()) {
            v = t.number();
            end = i + 1;
        } else if (a.equals("a") || a.equals("an")) {
            String b = w(i + 1);
            if ((b.equals("pair") || b.equals("couple")) && w(i + 2).equals("of")) return new Num(2, i + 3, false);
            if (b.equals("dozen")) return new Num(12, i + 2, false);
            if (b.equals("hundred")) return new Num(100, i + 2, false);
            v = 1;
            end = i + 1;
            article = true;
        } else if (a.equals("half")) {
            return new Num(0.5, w(i + 1).equals("a") || w(i + 1).equals("an") ? i + 2 : i + 1, true);
        } else if ((a.equals("pair") || a.equals("couple")) && w(i + 1).equals("of")) {
            return new Num(2, i + 2, false);
        } else if (Vocabulary.NUMBER_WORDS.containsKey(a)) {
            v = Vocabulary.NUMBER_WORDS.get(a);
            end = i + 1;
            Integer unit = Vocabulary.NUMBER_WORDS.get(w(end));
            if (v >= 20 && v <= 90 && v % 10 == 0 && unit != null && unit >= 1 && unit <= 9) {
                v += unit;
                end++;
            }
        } else {
            return null;
        }
        if (!article) {
            if (w(end).equals("dozen")) {
                v *= 12;
                end++;
            } else if (w(end).equals("hundred")) {
                v *= 100;
                end++;
            }
        }
        if (w(end).equals("and") && (w(end + 1).equals("a") || w(end + 1).equals("an")) && w(end + 2).equals("half")) {
            v += 0.5;
            end += 3;
        }
        return new Num(v, end, article);
    }

    /** "minus three", "-3", "three": a number with an optional sign word. */
    Num signedNumber(int i) {
        if (w(i).equals("minus") || w(i).equals("negative")) {
            Num n = number(i + 1);
            return n == null || n.article ? null : new Num(-n.value, n.end, false);
        }
        return number(i);
    }

    record Len(double metres, int end) {}

    /** "20 cm", "0.3 m", "a metre", "half a metre", "two feet". */
    Len length(int i) {
        Num n = signedNumber(i);
        if (n == null) return null;
        Double unit = Vocabulary.LENGTH_UNITS.get(w(n.end));
        if (unit == null) return null;
        return new Len(n.value * unit, n.end + 1);
    }

    /**
     * The index of the head noun of an object phrase that starts at {@code k} ("a small red ball",
     * "three glass cubes", "the other one"), or -1 when the words there name no object.
     */
    int shapeAhead(int k) {
        for (int j = k; j < k + 10 && j < tokens.size(); j++) {
            String x = w(j);
            if (Vocabulary.SHAPES.containsKey(x) && !(Vocabulary.MATERIALS.containsKey(x) && materialBeforeNoun(j))
                    && !(Colors.named(x) != null && !colourNoun(j))) {
                return j;
            }
            if ((x.equals("one") || x.equals("ones")) && j > k && !draft.groups.isEmpty()) return j;
            // "a billiard ball", "a cue ball": the first half of a thing's two-word name
            String next = w(j + 1).endsWith("s") && Vocabulary.PLURALS.contains(w(j + 1)) ? w(j + 1).substring(0, w(j + 1).length() - 1) : w(j + 1);
            if (Vocabulary.COMPOUNDS.containsKey(x + " " + next)) return j + 1;
            boolean modifier = Set.of("a", "an", "the", "another", "both", "few", "several", "many", "some", "pair",
                    "couple", "of", "dozen", "solid", "hollow", "other", "two", "each", "its", "their", "this",
                    "that", "these", "those").contains(x)
                    || tok(j).isNumber() || Vocabulary.NUMBER_WORDS.containsKey(x) || Colors.named(x) != null
                    || Vocabulary.COLOR_MODIFIERS.contains(x) || Vocabulary.MATERIALS.containsKey(x)
                    || Vocabulary.SIZE_WORDS.containsKey(x) || Vocabulary.LENGTH_UNITS.containsKey(x)
                    || INNER_FILLERS.contains(x) || GLOW_WORDS.contains(x) || TILT_WORDS.contains(x) || STILL_WORDS.contains(x);
            if (!modifier) return -1;
        }
        return -1;
    }

    /**
     * True when a word that is both a colour and a noun ("orange", "tomato") is the noun here: no
     * other noun and no "coloured" follows it ("an orange rolls", not "an orange ball").
     */
    boolean colourNoun(int j) {
        return Vocabulary.SHAPES.containsKey(w(j)) && Colors.named(w(j)) != null && !materialBeforeNoun(j)
                && !Set.of("coloured", "colored", "colour", "color", "tinted").contains(w(j + 1));
    }

    /**
     * True when a word that is both a material and a noun ("marble", "brick", "tin") is the material
     * here: another noun follows it ("a marble floor", "a brick wall", "a tin can").
     */
    boolean materialBeforeNoun(int j) {
        String n = w(j + 1);
        return Vocabulary.SHAPES.containsKey(n) || Vocabulary.FLOOR_NOUNS.contains(n) || Vocabulary.ROOM_NOUNS.contains(n)
                || Vocabulary.OUTDOOR_NOUNS.contains(n) || ActionWords.VENUES.containsKey(n)
                || Set.of("wall", "walls", "ceiling").contains(n) || Vocabulary.MATERIALS.containsKey(n)
                || Colors.named(n) != null;
    }

    // ---- duration ----

    /** "for 8 seconds", "8-second", "for a minute", "lasting half a minute", "for 2 min". */
    private int duration(int i) {
        int j = i;
        boolean lead = Set.of("for", "lasting", "during", "lasts", "last").contains(w(j));
        if (lead) j++;
        Num n = signedNumber(j);
        if (n == null) return i;
        String unitWord = w(n.end);
        Double unit = Vocabulary.TIME_UNITS.get(unitWord);
        if (unit == null) return i;
        // "a second ball" is not a duration: "a"/"half" count only after "for".
        if (n.article && !lead) return i;
        // "s" and "h" abbreviate units only right after digits ("8 s", not "a s").
        if (unitWord.length() == 1 && !tok(j).isNumber()) return i;
        int end = n.end + 1;
        if (w(end).equals("long")) end++;
        double seconds = n.value * unit;
        String words = text(i, end);
        if (draft.seconds != null && draft.seconds.value() != seconds) {
            throw new PromptException(words, "the length of the film is given twice (also as \""
                    + draft.seconds.words() + "\"); expected one length");
        }
        draft.seconds = new Said<>(seconds, words);
        use(i, end);
        return end;
    }

    // ---- time of day ----

    private int timeOfDay(int i) {
        int j = i;
        if (Set.of("at", "around", "about", "by", "in", "during", "this").contains(w(j))) j++;
        if (w(j).equals("the")) j++;
        TimeOfDay time = switch (w(j)) {
            case "noon", "midday" -> new TimeOfDay.Clock(LocalTime.NOON);
            case "midnight" -> new TimeOfDay.Clock(LocalTime.MIDNIGHT);
            case "night", "tonight", "nighttime" -> new TimeOfDay.Clock(LocalTime.of(23, 0));
            case "morning" -> new TimeOfDay.Clock(LocalTime.of(9, 0));
            case "afternoon" -> new TimeOfDay.Clock(LocalTime.of(15, 0));
            case "evening" -> new TimeOfDay.Clock(LocalTime.of(19, 0));
            case "sunset", "dusk", "sundown" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, false);
            case "sunrise", "dawn", "daybreak" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_SUNSET, true);
            case "twilight" -> new TimeOfDay.Sun(Staging.SUN_ELEVATION_AT_TWILIGHT, false);
            case "golden", "blue" -> w(j + 1).equals("hour") ? new TimeOfDay.Sun(w(j).equals("golden")
                    ? Staging.SUN_ELEVATION_AT_GOLDEN_HOUR : Staging.SUN_ELEVATION_AT_TWILIGHT, false) : null;
            default -> null;
        };
        int end = w(j + 1).equals("hour") && (w(j).equals("golden") || w(j).equals("blue")) ? j + 2 : j + 1;
        if (time == null) {
            int k = j;
            if (w(k).equals("the")) return i;
            int[] endOut = new int[1];
            LocalTime clock = clock(k, endOut);
            if (clock == null) return i;
            time = new TimeOfDay.Clock(clock);
            end = endOut[0];
        }
        String words = text(i, end);
        if (draft.time != null && !draft.time.value().equals(time)) {
            throw new PromptException(words, "the time of day is given twice (also as \"" + draft.time.words()
                    + "\"); expected one time");
        }
        draft.time = new Said<>(time, words);
        use(i, end);
        return end;
    }

    /**
     * "6:30 pm", "18:30", "6 am", "7pm", "7 o'clock", "7 in the evening". A bare number ("at 7") is
     * not a time: it could mean anything.
     */
    LocalTime clock(int j, int[] endOut) {
        Token t = tok(j);
        if (t == null) return null;
        int h, m, end;
        boolean clockToken = t.isClock();
        if (clockToken) {
            h = t.clock() / 60;
            m = t.clock() % 60;
            end = j + 1;
        } else {
            Num n = number(j);
            if (n == null || n.article) return null;
            String s = w(n.end);
            boolean suffix = s.equals("am") || s.equals("pm") || s.equals("oclock") || (s.equals("o") && w(n.end + 1).equals("clock"));
            if (!suffix && qualifier(n.end) == null) return null;
            if (n.value != Math.rint(n.value)) {
                throw new PromptException(text(j, n.end + 1), "expected a time of day such as \"6:30 pm\" or \"18:30\"");
            }
            h = (int) n.value;
            m = 0;
            end = n.end;
        }
        String s = w(end);
        Boolean pm = null;
        if (s.equals("am") || s.equals("pm")) {
            pm = s.equals("pm");
            end++;
        } else {
            if (s.equals("oclock")) end++;
            else if (s.equals("o") && w(end + 1).equals("clock")) end += 2;
            int[] q = qualifier(end);
            if (q != null) {
                pm = q[0] == 1 ? Boolean.TRUE : q[0] == 0 ? Boolean.FALSE : (h >= 6 && h != 12);
                end = q[1];
            }
        }
        String words = text(j, end);
        if (pm != null) {
            if (h < 1 || h > 12 || m > 59) {
                throw new PromptException(words, "expected an hour from 1 to 12 with am or pm, such as \"6:30 pm\", "
                        + "or a 24-hour time such as \"18:30\"");
            }
            h = h % 12 + (pm ? 12 : 0);
        } else if (h < 0 || h > 23 || m > 59) {
            throw new PromptException(words, "expected a time of day from 00:00 to 23:59, such as \"18:30\" or \"6:30 pm\"");
        }
        endOut[0] = end;
        return LocalTime.of(h, m);
    }

    /** "in the morning" (am: 0), "in the afternoon"/"in the evening" (pm: 1), "at night" (2): [kind, end]. */
    private int[] qualifier(int k) {
        if (w(k).equals("in") && w(k + 1).equals("the")) {
            return switch (w(k + 2)) {
                case "morning" -> new int[] {0, k + 3};
                case "afternoon", "evening" -> new int[] {1, k + 3};
                default -> null;
            };
        }
        if (w(k).equals("at") && w(k + 1).equals("night")) return new int[] {2, k + 2};
        return null;
    }

    // ---- drop height ----

    /**
     * "from 2 metres", "from a height of 150 cm", "at a height of 1 m", "2 m above the floor",
     * "50 cm up", "from the ceiling". A bare length is a size, not a height.
     */
    private int height(int i) {
        int j = i;
        boolean lead = false;
        if (w(j).equals("from")) {
            j++;
            lead = true;
            int c = w(j).equals("the") ? j + 1 : j;
            if (w(c).equals("ceiling")) {
                String words = text(i, c + 1);
                setKind(Environment.Kind.INDOOR, words);
                draft.heights.add(new HeightPhrase(i, Double.POSITIVE_INFINITY, words));
                use(i, c + 1);
                return c + 1;
            }
        } else if (w(j).equals("at") && heightOf(j + 1) > j + 1) {
            j++;
        }
        int k = heightOf(j);
        if (k > j) lead = true;
        else if (j > i && !lead) return i;
        Len len = length(k);
        if (len == null) return i;
        int end = len.end;
        int after = heightTrailer(end);
        if (!lead && after == end) return i;
        String words = text(i, after);
        if (!(len.metres >= 0)) {
            throw new PromptException(words, "found a height of " + metres(len.metres)
                    + "; expected a height above the floor from 0 to " + metres(Staging.MAX_DROP_HEIGHT));
        }
        if (len.metres > Staging.MAX_DROP_HEIGHT) {
            throw new PromptException(words, "found a height of " + metres(len.metres)
                    + "; expected at most " + metres(Staging.MAX_DROP_HEIGHT) + " above the floor");
        }
        draft.heights.add(new HeightPhrase(i, len.metres, words));
        use(i, after);
        return after;
    }

    /** "a height of", "the height of", "height of": the index after it, or {@code j}. */
    private int heightOf(int j) {
        int k = j;
        if (w(k).equals("a") || w(k).equals("an") || w(k).equals("the")) k++;
        if (w(k).equals("height") && w(k + 1).equals("of")) return k + 2;
        return j;
    }

    /** "high", "up", "above the floor", "off the ground", "in the air": the index after it. */
    private int heightTrailer(int k) {
        int start = k;
        if (Set.of("high", "up", "above", "off", "aloft").contains(w(k))) k++;
        if (w(k).equals("in") && w(k + 1).equals("the") && w(k + 2).equals("air")) return k + 3;
        if (k == start) return k;
        if ((w(k).equals("the") || w(k).equals("a")) && Vocabulary.FLOOR_NOUNS.contains(w(k + 1))) return k + 2;
        if (Vocabulary.FLOOR_NOUNS.contains(w(k))) return k + 1;
        return k;
    }

    private boolean isHeightTrailer(int k) {
        return Set.of("high", "up", "above", "off", "aloft").contains(w(k))
                || (w(k).equals("in") && w(k + 1).equals("the") && w(k + 2).equals("air"));
    }

    // ---- indoors / outdoors ----

    private int placeWord(int i) {
        String a = w(i);
        Environment.Kind kind = Vocabulary.INDOOR_WORDS.contains(a) ? Environment.Kind.INDOOR
                : Vocabulary.OUTDOOR_WORDS.contains(a) ? Environment.Kind.OUTDOOR : null;
        if (kind == null) return i;
        setKind(kind, text(i, i + 1));
        use(i, i + 1);
        return i + 1;
    }

    private void setKind(Environment.Kind kind, String words) {
        if (draft.kind != null && draft.kind.value() != kind) {
            throw new PromptException(words, "the scene is said to be both "
                    + (kind == Environment.Kind.INDOOR ? "indoors" : "outdoors") + " and "
                    + (kind == Environment.Kind.INDOOR ? "outdoors" : "indoors") + " (\"" + draft.kind.words()
                    + "\"); expected one of them");
        }
        if (draft.kind == null) draft.kind = new Said<>(kind, words);
    }

    // ---- noun phrases ----

    private enum Part { ARTICLE, COUNT, COLOR, MATERIAL, SIZE, LENGTH, INNER, ANGLE, GLOW, TILT, STILL, SIDE, SPACING, ROD, HOLLOW, PERIOD,
        WEIGHT, VARIED, PULLED }

    /** What a ball hangs on to make a pendulum: "a ball on a 0.8 m rod", "a ball on a string". */
    static final Set<String> ROD_WORDS = Set.of("rod", "string", "wire", "cord", "thread");

    /** Words before a thing that start it turned ("a tilted cube"). */
    static final Set<String> TILT_WORDS = Set.of("tilted", "tipped", "askew", "slanted", "slanting");
    /** Words before a thing that say it stands still ("a resting ball", "a stationary cube"). */
    static final Set<String> STILL_WORDS = Set.of("resting", "stationary", "motionless");

    /** Words that make a thing give off light ("a glowing ball"): see {@link Staging#GLOW_NITS}. */
    static final Set<String> GLOW_WORDS = Set.of("glowing", "luminous", "shining", "radiant", "incandescent");

    /** Words that give a slope its steepness: degrees. */
    private static final Map<String, Double> STEEPNESS = Map.of("steep", 35.0, "gentle", 12.0, "shallow", 12.0,
            "slight", 12.0, "gradual", 12.0, "low", 12.0);
    private static final Set<String> DEGREE_WORDS = Set.of("degree", "degrees", "deg", "degs");

    /** The words of a noun phrase before its head, by what they said. */
    private static final class Modifiers {
        final List<int[]> spans = new ArrayList<>();   // {part ordinal, from, to}
        final List<Integer> skipped = new ArrayList<>();
        Double count;
        boolean determiner;  // anything before the adjectives
        Material material;
        int materialAt = -1;
        Rgb color;
        String colorName;
        double scale = 1;
        double length = Double.NaN;
        boolean across;
        /** An angle said before the noun ("a 30 degree ramp", "a steep slope"), or NaN. */
        double degrees = Double.NaN;
        /** A row's centre-to-centre spacing said after the noun ("11 cm apart"), metres, or NaN. */
        double apart = Double.NaN;
        /** The rod a ball hangs on ("on a 0.8 m rod"), metres; {@link #NO_LENGTH} for one without a length; NaN: none. */
        double rod = Double.NaN;
        /** "with a period of 2 seconds": a pendulum's period, s. */
        double period = Double.NaN;
        /** "with two balls pulled back": how many of a cradle's balls are let go together. */
        double pulled = Double.NaN;
        /** With {@link Part#HOLLOW}: "hollow" (true) or "solid" (false). */
        boolean hollow;
        /** With {@link Part#WEIGHT}: "heavy" (true) or "light" (false). */
        boolean heavy;
        /**
         * A contradiction among the modifiers ("a steel wooden ball"), thrown only once the phrase is
         * known to name something: a phrase that turns out to name nothing must not fail the prompt.
         */
        PromptException problem;

        void check() {
            if (problem != null) throw problem;
        }

        void add(Part p, int from, int to) { spans.add(new int[] {p.ordinal(), from, to}); }

        boolean has(Part p) {
            for (int[] s : spans) if (s[0] == p.ordinal()) return true;
            return false;
        }

        boolean onlyArticlesAnd(Part... allowed) {
            Set<Integer> ok = new java.util.HashSet<>();
            ok.add(Part.ARTICLE.ordinal());
            ok.add(Part.INNER.ordinal());
            for (Part p : allowed) ok.add(p.ordinal());
            for (int[] s : spans) if (!ok.contains(s[0])) return false;
            return true;
        }
    }

    /**
     * [determiner] [modifiers] head [postfix]: "three small glass cubes", "a block of wood", "a red
     * one", "a wooden floor", "a large room", "concrete walls", "a garden". Up to three words nobody
     * knows may stand among the modifiers ("a shiny red ball"); they are left for ignoredWords.
     */
    private int nounPhrase(int i) {
        int end = nounPhraseEnd(i);
        for (int k = i; k < end; k++) inPhrase[k] = true;
        return end;
    }

    private int nounPhraseEnd(int i) {
        Modifiers mods = new Modifiers();
        int j = determiner(i, mods);
        j = modifiers(j, mods);
        String h = w(j);
        boolean described = mods.determiner || !mods.spans.isEmpty();
        Shape shape = Vocabulary.SHAPES.get(h);
        // "can" is a noun only after a determiner or an adjective: "a ball can bounce" has no can
        // ("cans" is never the verb: "a pyramid of cans").
        if (h.equals("can") && !described) shape = null;
        // "saw" is a seesaw only as "see saw" ("I saw a ball" has none).
        if (h.equals("saw") && !w(j - 1).equals("see") || h.equals("totter") && !w(j - 1).equals("teeter")) shape = null;
        // "my_sneaker.glb": a model file, whatever its name.
        if (tok(j) != null && tok(j).isAsset()) shape = Shape.MESH;
        if (shape == null && (h.equals("one") || h.equals("ones")) && described && !draft.groups.isEmpty()) {
            shape = draft.groups.getLast().shape();
        }
        // "onto marble", "on brick": a bare material after a surface preposition is the floor.
        if (shape != null && Vocabulary.MATERIALS.containsKey(h) && mods.spans.isEmpty() && mods.skipped.isEmpty()
                && surfacePreposition(i)) {
            setMaterial(mods, Vocabulary.MATERIALS.get(h), j, j + 1);
            return floorPhrase(i, j, mods);
        }
        // "a basketball court", "a pool hall": a place whose name begins with a thing's
        if (shape != null && ActionWords.VENUES.containsKey(h + " " + w(j + 1)) && !Vocabulary.SHAPES.containsKey(w(j + 1))) shape = null;
        if (shape != null) return objectPhrase(i, j, shape, mods);
        Draft.Venue venue = venueAt(j, mods);
        if (venue != null) return venuePhrase(i, j, venue, mods);
        if (Vocabulary.FLOOR_NOUNS.contains(h)) return floorPhrase(i, j, mods);
        if (Vocabulary.ROOM_NOUNS.contains(h)) return roomPhrase(i, j, mods);
        if (Vocabulary.OUTDOOR_NOUNS.contains(h) && (!h.equals("open") || mods.has(Part.ARTICLE))) {
            return outdoorPhrase(i, j, mods);
        }
        if (h.equals("wall") || h.equals("walls") || h.equals("ceiling")) return wallPhrase(i, j, mods);
        if (h.equals("window") || h.equals("windows")) return windowPhrase(i, j, mods);
        // "onto concrete", "on marble": a material alone after a surface preposition is the floor.
        if (mods.material != null && mods.onlyArticlesAnd(Part.MATERIAL) && mods.skipped.isEmpty()
                && surfacePreposition(i)) {
            return floorPhrase(i, j - 1, mods);
        }
        return i;
    }

    private int determiner(int i, Modifiers mods) {
        int j = i;
        String a = w(j);
        if (length(j) != null) return j; // "20 cm balls": the number is a size
        if (degreesAt(j) != null) return j; // "30 degree ramps": the number is an angle
        if (poolBallNumber(j)) return j;      // "8 ball": the ball's name
        if (a.equals("minus") || a.equals("negative") || (tok(j) != null && tok(j).isNumber())
                || Vocabulary.NUMBER_WORDS.containsKey(a) || a.equals("pair") || a.equals("couple")) {
            Num n = signedNumber(j);
            if (n != null) {
                mods.count = n.value;
                mods.determiner = true;
                mods.add(Part.COUNT, j, n.end);
                return n.end;
            }
        }
        if (a.equals("no")) {
            mods.count = 0.0;
            mods.determiner = true;
            mods.add(Part.COUNT, j, j + 1);
            return j + 1;
        }
        if ((a.equals("a") || a.equals("an")) && w(j + 1).equals("few")) {
            mods.count = (double) Vocabulary.VAGUE_COUNTS.get("few");
            mods.determiner = true;
            mods.add(Part.COUNT, j, j + 2);
            return j + 2;
        }
        if (Vocabulary.VAGUE_COUNTS.containsKey(a)) {
            mods.count = (double) Vocabulary.VAGUE_COUNTS.get(a);
            mods.determiner = true;
            mods.add(Part.COUNT, j, j + 1);
            return j + 1;
        }
        if (a.equals("a") || a.equals("an")) {
            Num n = number(j);
            mods.count = n.value;
            mods.determiner = true;
            mods.add(n.article ? Part.ARTICLE : Part.COUNT, j, n.end);
            return n.end;
        }
        if (a.equals("another")) {
            mods.count = 1.0;
            mods.determiner = true;
            mods.add(Part.ARTICLE, j, j + 1);
            return j + 1;
        }
        if (a.equals("both")) {
            mods.count = 2.0;
            mods.determiner = true;
            int end = w(j + 1).equals("the") ? j + 2 : j + 1;
            mods.add(Part.COUNT, j, end);
            return end;
        }
        if (Set.of("the", "these", "those", "its", "their", "this", "that").contains(a)) {
            mods.determiner = true;
            mods.add(Part.ARTICLE, j, j + 1);
            int k = j + 1;
            // "the three balls"
            if (length(k) == null && !poolBallNumber(k) && tok(k) != null && (tok(k).isNumber() || Vocabulary.NUMBER_WORDS.containsKey(w(k)))) {
                Num n = number(k);
                if (n != null) {
                    mods.count = n.value;
                    mods.add(Part.COUNT, k, n.end);
                    return n.end;
                }
            }
            return k;
        }
        return j;
    }

    /**
     * True when the number at {@code j} names a pool ball rather than counts balls: "the eight ball",
     * "the 3 ball" (a whole number from 1 to 15 before a singular "ball"), where the prompt speaks of
     * pool ("cue", "pool", "billiard", "snooker") or the number is 8.
     */
    private boolean poolBallNumber(int j) {
        Num n = number(j);
        if (n == null || n.article || n.end != j + 1 || !w(j + 1).equals("ball")
                || !Vocabulary.COMPOUNDS.containsKey(w(j) + " ball")) {
            return false;
        }
        return n.value == 8 || speaksOfPool();
    }

    /** Whether the prompt speaks of pool: "cue", "billiard(s)", "snooker", or "pool" before "table", "ball" or "hall" (not a swimming pool). */
    boolean speaksOfPool() {
        for (int k = 0; k < tokens.size(); k++) {
            if (Set.of("cue", "billiard", "billiards", "snooker").contains(w(k))
                    || w(k).equals("pool") && Set.of("table", "tables", "ball", "balls", "hall", "cue").contains(w(k + 1))) {
                return true;
            }
        }
        return false;
    }

    private int modifiers(int j, Modifiers mods) {
        int unknown = 0;
        while (j < tokens.size() && !used[j]) {
            String x = w(j);
            // "gold" is the metal, not the colour: "a gold coin", "a gold ball". "orange" and "tomato"
            // are the fruit unless another noun follows ("an orange ball", "a tomato coloured cube").
            Rgb named = Vocabulary.MATERIALS.containsKey(x) || colourNoun(j) ? null : Colors.named(x);
            if (Vocabulary.COLOR_MODIFIERS.contains(x) && Colors.named(w(j + 1)) != null
                    && !Vocabulary.MATERIALS.containsKey(w(j + 1))) {
                setColor(mods, Colors.named(w(j + 1)), x, x + "-" + w(j + 1), j, j + 2);
                j += 2;
            } else if (named != null) {
                // "a tomato coloured ball", "a gold-coloured cube"
                int end = Set.of("coloured", "colored", "colour", "color", "tinted").contains(w(j + 1)) ? j + 2 : j + 1;
                setColor(mods, named, null, x, j, end);
                j = end;
            } else if (Vocabulary.MATERIALS.containsKey(x) && (!Vocabulary.NOUNS.containsKey(x) || materialBeforeNoun(j))) {
                setMaterial(mods, Vocabulary.MATERIALS.get(x), j, j + 1);
                j++;
            } else if (degreesAt(j) != null) {
                Num n = degreesAt(j);
                mods.degrees = n.value;
                mods.add(Part.ANGLE, j, n.end);
                j = n.end;
            } else if (STEEPNESS.containsKey(x) && shapeAhead(j + 1) >= 0 && Vocabulary.NOUNS.get(w(shapeAhead(j + 1))) != null
                    && Vocabulary.NOUNS.get(w(shapeAhead(j + 1))).role() == Draft.Role.RAMP) {
                mods.degrees = STEEPNESS.get(x);
                mods.add(Part.ANGLE, j, j + 1);
                j++;
            } else if (x.equals("see") && w(j + 1).equals("saw") || x.equals("teeter") && w(j + 1).equals("totter")) {
                // "a see-saw": "see" is a structural word elsewhere; here it is half of the noun.
                mods.skipped.add(j);
                j++;
            } else if (Vocabulary.SIZE_WORDS.containsKey(x)) {
                mods.scale = Vocabulary.SIZE_WORDS.get(x);
                mods.add(Part.SIZE, j, j + 1);
                j++;
            } else if (GLOW_WORDS.contains(x)) {
                mods.add(Part.GLOW, j, j + 1);
                j++;
            } else if (TILT_WORDS.contains(x) && shapeAhead(j + 1) >= 0 && !afterSurfacePreposition(j)) {
                mods.add(Part.TILT, j, j + 1);
                j++;
            } else if (STILL_WORDS.contains(x) && shapeAhead(j + 1) >= 0) {
                mods.add(Part.STILL, j, j + 1);
                j++;
            } else if ((x.equals("heavy") || x.equals("light")) && shapeAhead(j + 1) >= 0) {
                // "a heavy ball", "a light ball" (not "light blue": a shade, above)
                mods.heavy = x.equals("heavy");
                mods.add(Part.WEIGHT, j, j + 1);
                j++;
            } else if ((x.equals("hollow") || x.equals("solid")) && shapeAhead(j + 1) >= 0) {
                // "a hollow ball", "a solid steel ball": a shell, or solid through (a basketball is hollow unless said solid)
                mods.hollow = x.equals("hollow");
                mods.add(Part.HOLLOW, j, j + 1);
                j++;
            } else if (length(j) != null) {
                Len len = length(j);
                int end = len.end;
                boolean across = false;
                if (w(end).equals("in") && w(end + 1).equals("diameter")) {
                    across = true;
                    end += 2;
                } else if (SIZE_QUALIFIERS.contains(w(end))) {
                    across = ACROSS_QUALIFIERS.contains(w(end));
                    end++;
                }
                setLength(mods, len.metres, across, j, end);
                j = end;
            } else if (INNER_FILLERS.contains(x)) {
                mods.add(Part.INNER, j, j + 1);
                j++;
            } else if (isUnknown(j) && unknown < 3) {
                mods.skipped.add(j);
                unknown++;
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** "30 degrees", "45 degree", "20-degree": the number (its end after the unit), or null. */
    Num degreesAt(int j) {
        Token t = tok(j);
        if (t == null || !t.isNumber() || !DEGREE_WORDS.contains(w(j + 1))) return null;
        return new Num(t.number(), j + 2, false);
    }

    /**
     * An angle after an object's noun: "at 30 degrees", "inclined at 30 degrees", "with a slope of 20
     * degrees", "pulled back 45 degrees", "released from 45 degrees": the index after it, or k.
     */
    private int degreesAfterNoun(int k, Modifiers mods) {
        int j = k;
        if (Set.of("inclined", "angled", "tilted", "sloping", "sloped", "pulled", "released", "raised", "lifted",
                "held", "drawn", "swung", "set").contains(w(j))) {
            j++;
            if (Set.of("back", "out", "up", "aside", "sideways").contains(w(j))) j++;
        } else if (w(j).equals("with") && Set.of("a", "an").contains(w(j + 1))
                && Set.of("slope", "angle", "incline", "pitch", "gradient", "swing", "amplitude").contains(w(j + 2))
                && w(j + 3).equals("of")) {
            j += 3;
        }
        if (Set.of("at", "to", "by", "from", "of").contains(w(j))) j++;
        Num n = degreesAt(j);
        if (n == null) return k;
        mods.degrees = n.value;
        // "a ramp 16 degrees steep"
        int end = Set.of("steep", "incline", "slope").contains(w(n.end)) ? n.end + 1 : n.end;
        mods.add(Part.ANGLE, k, end);
        return end;
    }

    /** A word in no table at all: a typo, an adjective Diorama has no use for, a thing it cannot build. */
    private boolean isUnknown(int j) {
        Token t = tok(j);
        if (t != null && t.isNumber() && poolBallNumber(j)) return true; // "the 8 ball": half of its name
        if (t == null || t.isNumber() || t.isClock() || t.isAsset()) return false;
        String x = t.norm();
        if (Vocabulary.COLOR_MODIFIERS.contains(x)) return true; // "a light ball": not a colour here
        // "a beach ball", "an ice cube": a word that is the first half of a thing's name, whatever it
        // means alone (a place, a material), is left for nounAt, which reads the pair
        String next = w(j + 1).endsWith("s") && Vocabulary.PLURALS.contains(w(j + 1)) ? w(j + 1).substring(0, w(j + 1).length() - 1) : w(j + 1);
        if (Vocabulary.COMPOUNDS.containsKey(x + " " + next)) return true;
        return !Vocabulary.isFiller(x) && !Vocabulary.SHAPES.containsKey(x) && !Vocabulary.MATERIALS.containsKey(x)
                && Colors.named(x) == null && !Vocabulary.SIZE_WORDS.containsKey(x)
                && !Vocabulary.LENGTH_UNITS.containsKey(x) && !Vocabulary.TIME_UNITS.containsKey(x)
                && !Vocabulary.NUMBER_WORDS.containsKey(x) && !Vocabulary.DROP_VERBS.contains(x)
                && !Vocabulary.FLOOR_NOUNS.contains(x) && !Vocabulary.ROOM_NOUNS.contains(x)
                && !Vocabulary.OUTDOOR_NOUNS.contains(x) && !Vocabulary.INDOOR_WORDS.contains(x)
                && !Vocabulary.OUTDOOR_WORDS.contains(x) && !TIME_WORDS.contains(x)
                && !ActionWords.VERBS.containsKey(x) && !ActionWords.ARRANGING.contains(x)
                && !ActionWords.VENUES.containsKey(x) && !ActionWords.VENUES.containsKey(x + " " + w(j + 1))
                && !Set.of("wall", "walls", "ceiling", "window", "windows", "one", "ones", "from", "for", "minus", "negative", "no",
                "am", "pm", "height", "painted", "coloured", "colored").contains(x);
    }

    private void setColor(Modifiers mods, Rgb base, String modifier, String name, int from, int to) {
        mods.color = modifier == null ? base : ColorShades.apply(modifier, base);
        mods.colorName = name;
        mods.add(Part.COLOR, from, to);
    }

    private void setMaterial(Modifiers mods, Material m, int from, int to) {
        if (mods.material != null && mods.material != m) {
            boolean chromeSteel = Set.of(Material.STEEL, Material.CHROME).containsAll(Set.of(mods.material, m));
            if (!chromeSteel) {
                if (mods.problem == null) {
                    mods.problem = new PromptException(text(mods.materialAt, to), "one thing is given two materials ("
                            + mods.material.jsonName() + " and " + m.jsonName() + "); expected one material");
                }
                mods.add(Part.MATERIAL, from, to);
                return;
            }
            m = Material.CHROME; // "chrome steel", "chromed metal": chrome-plated steel
        }
        mods.material = m;
        if (mods.materialAt < 0) mods.materialAt = from;
        mods.add(Part.MATERIAL, from, to);
    }

    private void setLength(Modifiers mods, double metres, boolean across, int from, int to) {
        if (!(metres > 0) || metres > Staging.MAX_SIZE) {
            if (mods.problem == null) {
                mods.problem = new PromptException(text(from, to), "found a size of " + metres(metres)
                        + "; expected a size greater than 0 and at most " + metres(Staging.MAX_SIZE));
            }
        }
        mods.length = metres;
        mods.across = across;
        mods.add(Part.LENGTH, from, to);
    }

    private int objectPhrase(int i, int head, Shape shape, Modifiers mods) {
        int end = postfix(head + 1, mods);
        mods.check();
        String words = text(i, end);
        boolean plural = Vocabulary.PLURALS.contains(w(head)) || w(head).equals("ones");
        double count;
        if (mods.count != null) {
            count = mods.count;
        } else if (plural) {
            // "the pins": a full rack of ten; "a wall of bricks", "a jenga tower": a wall's or a tower's
            // worth; "dominoes": a chain's; anything else, a few
            Draft.Layout layout = w(i - 1).equals("of") ? ActionWords.layoutNoun(w(i - 2)) : null;
            boolean jenga = w(head - 1).equals("jenga");
            count = shape == Shape.PIN ? 10 : layout == Draft.Layout.WALL ? WALL_BRICKS
                    : jenga && layout == Draft.Layout.STACK ? JENGA_BLOCKS : shape == Shape.DOMINO ? DOMINO_CHAIN
                    : Vocabulary.UNSPECIFIED_PLURAL;
            notes.add("\"" + words + "\" gives no number; made " + (int) count
                    + " (say \"two " + w(head) + "\" for another number)");
        } else {
            count = 1;
        }
        String expected = "expected a whole number of objects from 1 to " + Scene.MAX_OBJECTS
                + ", such as \"three " + pluralOf(shape) + "\"";
        if (count != Math.rint(count) || count < 1) {
            throw new PromptException(words, "found a count of " + number(count) + "; " + expected);
        }
        if (count > Scene.MAX_OBJECTS) {
            throw new PromptException(words, "asks for " + number(count) + " objects; expected at most "
                    + Scene.MAX_OBJECTS + " in one scene");
        }
        if (mods.scale != 1 && !Double.isNaN(mods.length)) {
            notes.add("\"" + words + "\": the explicit size wins over the size word");
        }
        boolean onSurface = surfacePreposition(i);
        Draft.Noun noun = nounAt(head, shape, mods);
        // "a stack of plates", "three plates fall": plates, more than one, are loose things, not a fixed plate to land on
        if (noun.word().equals("plate") && count >= 2) noun = new Draft.Noun("plate", noun.shape(), noun.material(), noun.size());
        // "a cue ball hits a red ball on a pool table": a plain ball where pool is played is a pool ball
        if (noun.word().equals("ball") && speaksOfPool()) noun = Vocabulary.COMPOUNDS.get("pool ball");
        // a compound of a shape of its own ("a pool table" is no dining table)
        if (noun.shape() != shape && noun.shape() != Shape.MESH && shape != Shape.MESH) shape = noun.shape();
        if (!Double.isNaN(mods.rod)) {
            // "a red stone ball on a 0.8 m rod": a pendulum with that bob (its size said, or the pendulum's) and rod
            if (shape != Shape.BALL) {
                throw new PromptException(words, "hangs a " + noun.word() + " on a rod; expected a ball (\"a ball on a 1 m rod\") or \"a pendulum\"");
            }
            if (mods.rod != NO_LENGTH && !(mods.rod > 0)) {
                throw new PromptException(words, "hangs it on a rod " + metres(mods.rod) + " long; expected a length above 0");
            }
            Draft.Noun pendulum = Vocabulary.NOUNS.get("pendulum");
            if (!Double.isNaN(mods.length)) mods.scale = mods.length / pendulum.size().x();
            mods.length = mods.rod == NO_LENGTH ? Double.NaN : mods.rod;
            if (mods.material == null) mods.material = noun.material();
            noun = pendulum;
        }
        Rgb color = mods.color;
        String colorName = mods.colorName;
        if (color == null && Vocabulary.NOUN_COLORS.containsKey(noun.word())) {
            // A noun's own colour ("a tennis ball" is yellow-green) is part of the noun, not of the id.
            color = Colors.named(Vocabulary.NOUN_COLORS.get(noun.word()));
        }
        if (!Double.isNaN(mods.degrees)) {
            boolean angled = noun.role() == Draft.Role.RAMP || noun.role() == Draft.Role.PENDULUM
                    || noun.role() == Draft.Role.CRADLE;
            double max = noun.role() == Draft.Role.RAMP ? 60 : noun.word().equals("double-pendulum") ? 180 : 90;
            if (!angled) {
                notes.add("\"" + words + "\": an angle is used for ramps (their slope) and pendulums (how far they are"
                        + " pulled back), not for a " + noun.word());
            } else if (!(mods.degrees > 0 && mods.degrees <= max)) {
                throw new PromptException(words, "gives an angle of " + number(mods.degrees) + " degrees; expected more than 0"
                        + " and at most " + number(max) + " degrees for a " + noun.word());
            }
        }
        // "a domino chain", "a domino run": a row of dominoes (20 unless counted) that topples.
        if (noun.word().equals("domino") && Set.of("chain", "train", "run", "rally", "trail", "line", "row", "effect",
                "track").contains(w(end))) {
            String chainWords = text(i, end + 1);
            if (mods.count == null || (count == 1 && !mods.has(Part.COUNT))) count = DOMINO_CHAIN;
            draft.arrangements.add(new Draft.Arrangement(i, Draft.Layout.ROW, true, chainWords));
            draft.actions.add(new Draft.ActionPhrase(end, Draft.Act.TOPPLE, chainWords));
            use(end, end + 1);
            end++;
            words = chainWords;
        }
        if (!draft.groups.isEmpty()) {
            // "a glass and a cup", "a ball, a cube": joined to the phrase before (commas are gone from the tokens).
            int prev = draft.groups.getLast().end();
            while (prev < i && tail.contains(prev)) prev++;  // "a ball on one end and a cube on the other"
            if (prev == i || prev == i - 1 && Set.of("and", "or", "plus").contains(w(i - 1))) draft.joined.add(i);
            // "a table with a cup on it", "a seesaw in the park with a ball on each end": words between that
            // said where or when do not part them.
            int k = draft.groups.getLast().end();
            while (k < i - 1 && (used[k] || Vocabulary.isFiller(w(k)))) k++;
            if (k == i - 1 && w(i - 1).equals("with")) draft.withAt.add(i);
        }
        if (w(i - 1).equals("from")) draft.fromAt.add(i);  // "pours from a jug": the pour's source
        // "falls off a shelf", "off of the table", "off the edge of the table", "an apple falls from the
        // table": it starts on the edge and tips off (Props); the words are understood with the phrase.
        Draft.Prep prep = prepBefore(i);
        // "off the edge of a table", "over the edge of the shelf": the same
        boolean edge = w(i - 1).equals("of") && w(i - 2).equals("edge") && w(i - 3).equals("the") && Set.of("off", "over").contains(w(i - 4))
                && noun.role() == Draft.Role.SURFACE && shape != Shape.STAIRS;
        int off = edge ? i - 4 : w(i - 1).equals("off") ? i - 1 : w(i - 1).equals("of") && w(i - 2).equals("off") ? i - 2
                : w(i - 1).equals("from") && Vocabulary.DROP_VERBS.contains(w(i - 2)) && noun.role() == Draft.Role.SURFACE
                && shape != Shape.STAIRS ? i - 1 : -1;
        if (off >= 0) {
            // "bounces off the table": it falls onto the table and bounces away, as "onto" would say.
            if (!Set.of("bounce", "bounces", "bounced", "bouncing").contains(w(off - 1))) draft.offAt.add(i);
            prep = Draft.Prep.ON;
            use(off, i);
        }
        // "a rubber balloon", "a latex balloon": a balloon's skin is latex already (a solid rubber ball
        // 28 cm across would weigh 12 kg); "a helium balloon" said as "a balloon of helium" fills it.
        if ((noun.material() == Material.BALLOON || noun.material() == Material.HELIUM) && mods.material == Material.RUBBER) {
            mods.material = null;
        }
        if (mods.has(Part.WEIGHT)) {
            // "a heavy ball" is steel, "a light ball" wood, unless a material is said: then that is its weight
            if (mods.material == null) {
                mods.material = mods.heavy ? Material.STEEL : Material.WOOD;
                notes.add("\"" + words + "\": " + (mods.heavy ? "heavy: steel" : "light: wood") + " (say a material for another)");
            } else {
                notes.add("\"" + words + "\": its material, " + mods.material.jsonName() + ", gives its weight");
            }
        }
        ObjectGroup group = new ObjectGroup(i, words, shape, (int) count, mods.material, color, colorName,
                mods.scale, mods.length, mods.across, onSurface, noun, end, prep, mods.degrees);
        draft.groups.add(group);
        if (mods.has(Part.GLOW)) draft.glowing.add(group);
        if (mods.has(Part.TILT)) draft.tilted.add(group);
        if (mods.has(Part.HOLLOW)) draft.hollow.put(group, mods.hollow);
        if (mods.has(Part.STILL)) draft.still.add(group);
        if (mods.has(Part.SIDE)) draft.onSide.add(group);
        if (!Double.isNaN(mods.apart)) draft.apart.put(group, mods.apart);
        if (mods.has(Part.VARIED)) {
            if (count < 2 || mods.material != null) {
                notes.add("\"" + words + "\": " + (count < 2 ? "one thing has one mass" : "one material said for all of them gives them one mass"));
            } else {
                draft.varied.add(group);
            }
        }
        if (!Double.isNaN(mods.pulled)) {
            if (noun.role() != Draft.Role.CRADLE) {
                notes.add("\"" + words + "\": balls pulled back are a Newton's cradle's, not a " + noun.word() + "'s");
            } else if (mods.pulled != Math.rint(mods.pulled) || mods.pulled < 1 || mods.pulled > Props.CRADLE_BALLS - 1) {
                throw new PromptException(words, "pulls back " + number(mods.pulled) + " balls; expected 1 to "
                        + (Props.CRADLE_BALLS - 1) + " of the cradle's " + Props.CRADLE_BALLS);
            } else {
                draft.pulled.put(group, (int) mods.pulled);
            }
        }
        if (!Double.isNaN(mods.period)) {
            if (noun.role() != Draft.Role.PENDULUM) {
                notes.add("\"" + words + "\": a period is a pendulum's (its length follows from it), not a " + noun.word() + "'s");
            } else if (!Double.isNaN(mods.length)) {
                throw new PromptException(words, "gives a pendulum both a length and a period; expected one (the other follows from it)");
            } else {
                draft.periods.put(group, mods.period);
            }
        }
        useAll(mods);
        use(head, end);
        return end;
    }

    /** How many bricks "a wall of bricks" lays: 12 courses of 8 (Arranging.wall). */
    static final int WALL_BRICKS = 96;
    /** How many blocks "a jenga tower" stands: 18 layers of 3, as the game's box holds. */
    static final int JENGA_BLOCKS = 54;

    /** How many dominoes "a domino chain" sets up. */
    static final int DOMINO_CHAIN = 20;

    /** The preposition right before an object phrase at {@code i}, as far as placing things goes. */
    private Draft.Prep prepBefore(int i) {
        String a = w(i - 1), b = w(i - 2);
        if (Set.of("on", "onto", "upon", "off", "across", "along", "atop").contains(a)) return Draft.Prep.ON;
        if (a.equals("of") && Set.of("top", "end", "side", "edge", "off").contains(b)) return Draft.Prep.ON;
        if (Set.of("in", "into", "inside", "within").contains(a)) return Draft.Prep.IN;
        if (a.equals("of") && Set.of("inside", "bottom").contains(b)) return Draft.Prep.IN;   // "the bottom of a tank": in it
        if (a.equals("down")) return Draft.Prep.DOWN;
        return Draft.Prep.NONE;
    }

    /** The noun at {@code head}: a two- or three-word one ("tennis ball", "ping pong ball"), a noun of its own ("marble"), or the plain shape. */
    private Draft.Noun nounAt(int head, Shape shape, Modifiers mods) {
        if (tok(head).isAsset()) {
            // A model file: its id is its name ("my_sneaker"), its material plastic unless said.
            String file = tok(head).text();
            String stem = file.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z]+$", "")
                    .replaceAll("[^A-Za-z0-9_-]", "-");
            if (stem.isEmpty()) stem = "model";
            if (stem.length() > 40) stem = stem.substring(0, 40);
            if (dev.diorama.scene.Assets.extents(file) == null) {
                notes.add("\"" + file + "\": the file has not been read yet, so the model's box is taken as a cube"
                        + " (diorama generate reads it first and keeps its proportions)");
            }
            return new Draft.Noun(stem, Shape.MESH, Staging.defaultMaterial(Shape.MESH), Staging.defaultSize(Shape.MESH),
                    Draft.Role.PLAIN, file);
        }
        String h = w(head).equals("balls") ? "ball" : w(head);
        for (int back = 2; back >= 1; back--) {
            StringBuilder key = new StringBuilder();
            boolean skippedAll = true;
            for (int k = head - back; k < head; k++) {
                key.append(w(k)).append(' ');
                skippedAll &= mods.skipped.contains(k);
            }
            String singular = h.endsWith("s") && Vocabulary.PLURALS.contains(h) ? h.substring(0, h.length() - 1) : h;
            Draft.Noun n = Vocabulary.COMPOUNDS.get(key + singular);
            if (n != null && skippedAll) {
                for (int k = head - back; k < head; k++) mods.skipped.remove(Integer.valueOf(k));
                use(head - back, head);
                return n;
            }
        }
        if ((h.equals("one") || h.equals("ones")) && !draft.groups.isEmpty()) return draft.groups.getLast().noun();
        Draft.Noun n = Vocabulary.NOUNS.get(w(head));
        return n != null ? n : Draft.Noun.of(shape);
    }

    /** After an object's noun: "of wood", "made of steel", "20 cm across", "with a diameter of 20 cm", "painted red". */
    private int postfix(int k, Modifiers mods) {
        while (k < tokens.size()) {
            String x = w(k);
            if (Set.of("of", "from", "in").contains(x) && Vocabulary.MATERIALS.containsKey(w(k + 1))) {
                setMaterial(mods, Vocabulary.MATERIALS.get(w(k + 1)), k, k + 2);
                k += 2;
            } else if (x.equals("made") && Set.of("of", "from").contains(w(k + 1))
                    && Vocabulary.MATERIALS.containsKey(w(k + 2))) {
                setMaterial(mods, Vocabulary.MATERIALS.get(w(k + 2)), k, k + 3);
                k += 3;
            } else if (Set.of("painted", "coloured", "colored", "in").contains(x) && colorAt(k + 1) > k + 1) {
                int e = colorAt(k + 1);
                if (e == k + 3) setColor(mods, Colors.named(w(k + 2)), w(k + 1), w(k + 1) + "-" + w(k + 2), k, e);
                else setColor(mods, Colors.named(w(k + 1)), null, w(k + 1), k, e);
                k = e;
            } else if (Double.isNaN(mods.apart) && apartAfterNoun(k, mods) > k) {
                k = apartAfterNoun(k, mods);
            } else if (x.equals("of") && Set.of("different", "differing", "varying", "various", "unequal").contains(w(k + 1))
                    && Set.of("mass", "masses", "weight", "weights", "material", "materials", "density", "densities").contains(w(k + 2))
                    && !mods.has(Part.VARIED)) {
                // "two balls of different mass": each of another material, the heaviest first
                mods.add(Part.VARIED, k, k + 3);
                k += 3;
            } else if (x.equals("with") && pulledAfterNoun(k, mods) > k) {
                k = pulledAfterNoun(k, mods);
            } else if (Double.isNaN(mods.period) && periodAfterNoun(k, mods) > k) {
                k = periodAfterNoun(k, mods);
            } else if (Double.isNaN(mods.rod) && (x.equals("on") || x.equals("hanging") || x.equals("hung")) && rodAfterNoun(k, mods) > k) {
                k = rodAfterNoun(k, mods);
            } else if ((x.equals("lying") || x.equals("laid") || x.equals("on")) && sideAfterNoun(k) > k) {
                int e = sideAfterNoun(k);
                mods.add(Part.SIDE, k, e);
                k = e;
            } else if (Double.isNaN(mods.length) && sizeAfterNoun(k, mods) > k) {
                k = sizeAfterNoun(k, mods);
            } else if (Double.isNaN(mods.degrees) && degreesAfterNoun(k, mods) > k) {
                k = degreesAfterNoun(k, mods);
            } else if (tok(k - 1) != null && tok(k - 1).isAsset() && Set.of("model", "mesh", "file", "object").contains(x)) {
                mods.add(Part.INNER, k, k + 1);
                k++;
            } else {
                return k;
            }
        }
        return k;
    }

    /**
     * True when the phrase holding word {@code j} follows "on", "onto", "into", "down" and the like
     * ("falls onto a tilted plank"): a thing that something lands on, goes into or down stands as
     * it is, so "tilted" there is not a falling thing's tilt (and stays not understood).
     */
    private boolean afterSurfacePreposition(int j) {
        for (int k = j - 1; k >= 0 && k >= j - 4; k--) {
            String x = w(k);
            if (Set.of("on", "onto", "upon", "atop", "in", "into", "inside", "down", "across", "along", "off").contains(x)) return true;
            if (!(Set.of("a", "an", "the").contains(x) || Colors.named(x) != null || Vocabulary.MATERIALS.containsKey(x)
                    || Vocabulary.SIZE_WORDS.containsKey(x))) return false;
        }
        return false;
    }

    /** "11 cm apart", "spaced 11 cm apart" after a noun: the centre-to-centre spacing of its row; the index after it, or k. */
    private int apartAfterNoun(int k, Modifiers mods) {
        int j = w(k).equals("spaced") ? k + 1 : k;
        Len len = length(j);
        if (len == null || !w(len.end).equals("apart")) return k;
        mods.apart = len.metres;
        mods.add(Part.SPACING, k, len.end + 1);
        return len.end + 1;
    }

    /**
     * "on a 0.8 m rod", "on a string", "hanging from a 1 m wire" after a ball: it is a pendulum's bob, the
     * rod that long (NaN: the pendulum's own length); the index after it, or k.
     */
    private int rodAfterNoun(int k, Modifiers mods) {
        int j = k;
        if (Set.of("hanging", "hung").contains(w(j))) j++;
        if (!Set.of("on", "from").contains(w(j))) return k;
        j++;
        if (Set.of("a", "an", "the").contains(w(j))) j++;
        Len len = length(j);
        int e = len == null ? j : len.end;
        if (Set.of("long", "rigid", "light", "thin").contains(w(e))) e++;
        if (!ROD_WORDS.contains(w(e))) return k;
        mods.rod = len == null ? PromptReader.NO_LENGTH : len.metres;
        mods.add(Part.ROD, k, e + 1);
        return e + 1;
    }

    /**
     * "with two balls pulled back", "with three balls lifted" after a noun (Newton's cradle): how many
     * of its balls are let go together into {@code mods}; the index after it, or k.
     */
    private int pulledAfterNoun(int k, Modifiers mods) {
        Num n = number(k + 1);
        if (n == null || n.article || !Set.of("ball", "balls").contains(w(n.end))) return k;
        int e = n.end + 1;
        if (!Set.of("pulled", "lifted", "raised", "released", "swung", "drawn", "held").contains(w(e))) return k;
        e++;
        if (Set.of("back", "out", "up", "aside").contains(w(e))) e++;
        mods.pulled = n.value;
        mods.add(Part.PULLED, k, e);
        return e;
    }

    /**
     * "with a period of 2 seconds", "with a 2 second period", "whose period is 1.5 s", "of period
     * 2 s" after a noun: the period into {@code mods} (a pendulum's, Props); the index after it, or k.
     */
    private int periodAfterNoun(int k, Modifiers mods) {
        int j = k;
        Num n;
        int e;
        if (w(j).equals("with") && Set.of("a", "an").contains(w(j + 1)) && w(j + 2).equals("period") && w(j + 3).equals("of")) {
            j += 4;
        } else if (w(j).equals("whose") && w(j + 1).equals("period") && w(j + 2).equals("is")) {
            j += 3;
        } else if (w(j).equals("of") && w(j + 1).equals("period")) {
            j += 2;
        } else if (w(j).equals("with") && Set.of("a", "an").contains(w(j + 1))) {
            // "with a 2 second period", "with a 2-second period"
            n = number(j + 2);
            if (n == null || n.article || !Vocabulary.TIME_UNITS.containsKey(w(n.end)) || !w(n.end + 1).equals("period")) return k;
            e = n.end + 2;
            return setPeriod(mods, n.value * Vocabulary.TIME_UNITS.get(w(n.end)), k, e);
        } else {
            return k;
        }
        n = number(j);
        if (n == null || n.article || !Vocabulary.TIME_UNITS.containsKey(w(n.end))) return k;
        return setPeriod(mods, n.value * Vocabulary.TIME_UNITS.get(w(n.end)), k, n.end + 1);
    }

    private int setPeriod(Modifiers mods, double seconds, int from, int to) {
        if (!(seconds > 0) || seconds > Staging.MAX_PERIOD) {
            throw new PromptException(text(from, to), "gives a period of " + number(seconds) + " s; expected more than 0"
                    + " and at most " + number(Staging.MAX_PERIOD) + " s");
        }
        mods.period = seconds;
        mods.add(Part.PERIOD, from, to);
        return to;
    }

    /** A rod said without its length ("a ball on a string"). */
    static final double NO_LENGTH = -1;

    /** "lying on its side", "laid on its side", "on its side" after a noun: the index after it, or k. */
    private int sideAfterNoun(int k) {
        int j = Set.of("lying", "laid").contains(w(k)) ? k + 1 : k;
        if (w(j).equals("on") && Set.of("its", "their").contains(w(j + 1)) && Set.of("side", "sides").contains(w(j + 2))) return j + 3;
        return k;
    }

    /** "red" or "dark red" at k: the index after it, or k. */
    private int colorAt(int k) {
        if (Vocabulary.COLOR_MODIFIERS.contains(w(k)) && Colors.named(w(k + 1)) != null) return k + 2;
        return Colors.named(w(k)) != null ? k + 1 : k;
    }

    /**
     * "20 cm", "20 cm across", "20 cm in diameter", "each 20 cm", "of 20 cm", "with a diameter of
     * 20 cm". A length followed by "high", "up" or "above" is a drop height, not a size.
     */
    private int sizeAfterNoun(int k, Modifiers mods) {
        int j = k;
        boolean across = false;
        if (w(j).equals("each") || w(j).equals("of")) j++;
        else if (w(j).equals("with") && (w(j + 1).equals("a") || w(j + 1).equals("an"))
                && Set.of("diameter", "size", "edge", "side", "length", "height", "width").contains(w(j + 2))
                && w(j + 3).equals("of")) {
            across = Set.of("diameter", "width").contains(w(j + 2));
            j += 4;
        }
        Len len = length(j);
        // "2 m above the floor" is a height; "1 m apart" a spacing (not understood yet).
        if (len == null || isHeightTrailer(len.end) || w(len.end).equals("apart")) return k;
        int end = len.end;
        if (w(end).equals("in") && w(end + 1).equals("diameter")) {
            across = true;
            end += 2;
        } else if (Set.of("long", "wide", "tall", "across", "diameter", "thick").contains(w(end))) {
            across = ACROSS_QUALIFIERS.contains(w(end));
            end++;
        }
        setLength(mods, len.metres, across, k, end);
        return end;
    }

    private int floorPhrase(int i, int head, Modifiers mods) {
        int end = head + 1;
        if (Set.of("of", "made").contains(w(end))) {
            int k = w(end).equals("made") && Set.of("of", "from").contains(w(end + 1)) ? end + 2 : end + 1;
            if (Vocabulary.MATERIALS.containsKey(w(k))) {
                setMaterial(mods, Vocabulary.MATERIALS.get(w(k)), end, k + 1);
                end = k + 1;
            }
        }
        mods.check();
        String words = text(i, end);
        if (mods.material != null) {
            if (draft.floor != null && draft.floor.value() != mods.material) {
                throw new PromptException(words, "the floor is given two materials (also \"" + draft.floor.words()
                        + "\"); expected one floor");
            }
            draft.floor = new Said<>(mods.material, words);
        }
        useOnly(mods, "the floor", Part.ARTICLE, Part.MATERIAL, Part.INNER);
        use(head, end);
        return end;
    }

    /** The venue whose head word is at {@code head}, two-word ones ("living room") first. */
    private Draft.Venue venueAt(int head, Modifiers mods) {
        Draft.Venue next = ActionWords.VENUES.get(w(head) + " " + w(head + 1));
        if (next != null) {
            use(head + 1, head + 2);
            return next;
        }
        Draft.Venue two = ActionWords.VENUES.get(w(head - 1) + " " + w(head));
        if (two != null && (mods.skipped.contains(head - 1) || two.floor() == Vocabulary.MATERIALS.get(w(head - 1)))) {
            if (mods.skipped.remove(Integer.valueOf(head - 1))) use(head - 1, head);
            return two;
        }
        return ActionWords.VENUES.get(w(head));
    }

    /** "a small tiled bathroom", "on a sandy beach", "in the living room". */
    private int venuePhrase(int i, int head, Draft.Venue venue, Modifiers mods) {
        mods.check();
        String words = text(i, head + 1);
        if (draft.venue != null && !draft.venue.value().name().equals(venue.name())) {
            throw new PromptException(words, "the scene is given two places (also \"" + draft.venue.words()
                    + "\"); expected one place");
        }
        setKind(venue.kind(), words);
        draft.venue = new Said<>(venue, words);
        if (mods.has(Part.SIZE) && venue.size() != null) {
            draft.roomSize = new Said<>(venue.size().times(mods.scale < 1 ? 0.7 : mods.scale > 1 ? 1.5 : 1), words);
        }
        if (mods.material != null) {
            if (draft.floor != null && draft.floor.value() != mods.material) {
                throw new PromptException(words, "the floor is given two materials (also \"" + draft.floor.words()
                        + "\"); expected one floor");
            }
            draft.floor = new Said<>(mods.material, words);
        }
        useOnly(mods, "the place", Part.ARTICLE, Part.MATERIAL, Part.SIZE, Part.INNER);
        use(head, head + 1);
        return head + 1;
    }

    private int roomPhrase(int i, int head, Modifiers mods) {
        mods.check();
        String words = text(i, head + 1);
        setKind(Environment.Kind.INDOOR, words);
        if (mods.has(Part.SIZE)) {
            draft.roomSize = new Said<>(Staging.roomOfScale(mods.scale), words);
        }
        if (mods.material != null) draft.walls = new Said<>(mods.material, words);
        useOnly(mods, "the room", Part.ARTICLE, Part.MATERIAL, Part.SIZE, Part.INNER);
        use(head, head + 1);
        return head + 1;
    }

    private int outdoorPhrase(int i, int head, Modifiers mods) {
        mods.check();
        String words = text(i, head + 1);
        setKind(Environment.Kind.OUTDOOR, words);
        if (mods.material != null) {
            if (draft.floor != null && draft.floor.value() != mods.material) {
                throw new PromptException(words, "the ground is given two materials (also \"" + draft.floor.words()
                        + "\"); expected one");
            }
            draft.floor = new Said<>(mods.material, words);
        }
        useOnly(mods, "the place", Part.ARTICLE, Part.MATERIAL, Part.INNER);
        use(head, head + 1);
        return head + 1;
    }

    private int wallPhrase(int i, int head, Modifiers mods) {
        mods.check();
        String words = text(i, head + 1);
        setKind(Environment.Kind.INDOOR, words);
        if (mods.material != null) {
            if (w(head).equals("ceiling")) draft.ceiling = new Said<>(mods.material, words);
            else draft.walls = new Said<>(mods.material, words);
        }
        useOnly(mods, w(head).equals("ceiling") ? "the ceiling" : "the walls", Part.ARTICLE, Part.MATERIAL, Part.INNER);
        use(head, head + 1);
        return head + 1;
    }

    /**
     * "a room with a window", "two large windows", "a window facing west", "an east window", "a
     * window on the north wall": openings in the room's walls (indoors), which let the sun and the
     * sky in ({@link Staging#windows}).
     */
    private int windowPhrase(int i, int head, Modifiers mods) {
        mods.check();
        int end = head + 1;
        Window.Wall wall = null;
        // Before the noun: "an east window", "a west-facing window" (unknown words the modifiers skipped).
        for (int k : mods.skipped) {
            Window.Wall w = compass(w(k));
            if (w != null) {
                wall = w;
                use(k, k + 1);
                if (w(k + 1).equals("facing")) use(k + 1, k + 2);
            }
        }
        // After it: "facing east", "to the west", "on the west wall", "in the north wall".
        if (wall == null) {
            int k = end;
            if (Set.of("facing", "towards", "toward", "to", "looking").contains(w(k))) k++;
            else if (Set.of("on", "in").contains(w(k))) k++;
            if (w(k).equals("the")) k++;
            Window.Wall w = compass(w(k));
            if (w != null && k > end) {
                k++;
                if (Set.of("wall", "side").contains(w(k))) k++;
                wall = w;
                use(end, k);
                end = k;
            }
        }
        String words = text(i, end);
        setKind(Environment.Kind.INDOOR, words);
        boolean plural = w(head).equals("windows");
        int count = mods.count != null ? (int) Math.round(mods.count) : plural ? 2 : 1;
        if (mods.count != null && (mods.count != Math.rint(mods.count) || count < 1 || count > 4)) {
            throw new PromptException(words, "asks for " + number(mods.count) + " windows; expected 1 to 4 in one wall");
        }
        if (draft.windows != null) {
            throw new PromptException(words, "the windows are described twice (also as \"" + draft.windows.words()
                    + "\"); expected one description");
        }
        draft.windows = new Said<>(new Draft.Windows(count, mods.scale, wall), words);
        useOnly(mods, "the windows", Part.ARTICLE, Part.COUNT, Part.SIZE, Part.INNER);
        use(head, head + 1);
        return end;
    }

    private static Window.Wall compass(String w) {
        return switch (w) {
            case "north", "northern", "north-facing" -> Window.Wall.NORTH;
            case "south", "southern", "south-facing" -> Window.Wall.SOUTH;
            case "east", "eastern", "east-facing" -> Window.Wall.EAST;
            case "west", "western", "west-facing" -> Window.Wall.WEST;
            default -> null;
        };
    }

    /** "onto", "on", "upon", "on top of" right before index i. */
    private boolean surfacePreposition(int i) {
        if (SURFACE_PREPOSITIONS.contains(w(i - 1))) return true;
        return w(i - 1).equals("of") && w(i - 2).equals("top");
    }

    private void useAll(Modifiers mods) {
        for (int[] s : mods.spans) use(s[1], s[2]);
    }

    /** Uses the parts that apply to {@code what}; the others are left over, with a note saying why. */
    private void useOnly(Modifiers mods, String what, Part... parts) {
        Set<Integer> ok = new java.util.HashSet<>();
        for (Part p : parts) ok.add(p.ordinal());
        for (int[] s : mods.spans) {
            if (ok.contains(s[0])) {
                use(s[1], s[2]);
            } else {
                for (int k = s[1]; k < s[2]; k++) {
                    wordNotes.put(k, "\"" + text(s[1], s[2]) + "\" does not apply to " + what
                            + " and was ignored");
                }
            }
        }
    }

    // ---- what was left over ----

    private Reading leftOvers() {
        List<String> ignored = new ArrayList<>();
        Set<String> notesOut = new LinkedHashSet<>(notes);
        for (int k = 0; k < tokens.size(); k++) {
            if (used[k]) continue;
            Token t = tokens.get(k);
            if (Vocabulary.isFiller(t.norm()) && attached(k)) continue;
            ignored.add(t.text());
            String note = noteFor(k);
            if (note != null) notesOut.add(note);
        }
        return new Reading(draft, List.copyOf(ignored), List.copyOf(notesOut));
    }

    /** A structural word attaches to the next non-structural word, or at the end to the previous one. */
    private boolean attached(int k) {
        for (int n = k + 1; n < tokens.size(); n++) {
            if (!Vocabulary.isFiller(tokens.get(n).norm())) return used[n] || inPhrase[n];
        }
        for (int p = k - 1; p >= 0; p--) {
            if (!Vocabulary.isFiller(tokens.get(p).norm())) return used[p] || inPhrase[p];
        }
        return false;
    }

    private String noteFor(int k) {
        Token t = tokens.get(k);
        String x = t.norm();
        if (wordNotes.containsKey(k)) return wordNotes.get(k);
        if (Vocabulary.NOT_YET.containsKey(x)) return "\"" + t.text() + "\" " + Vocabulary.NOT_YET.get(x);
        if (Vocabulary.isFiller(x)) return null;
        if (Vocabulary.COLOR_MODIFIERS.contains(x)) {
            return "\"" + t.text() + "\" only shades a colour, as in \"" + x + " blue\"";
        }
        if (t.isNumber() || t.isClock()) {
            String v = t.text();
            return "\"" + v + "\" stands alone; expected a count (\"" + v + " balls\"), a size (\"" + v
                    + " cm\"), a height (\"from " + v + " m\"), a time (\"at " + v + " pm\") or a length (\"for "
                    + v + " seconds\")";
        }
        if (!isUnknown(k)) {
            return "\"" + t.text() + "\" is a word Diorama knows, but here it attaches to nothing it can use";
        }
        List<String> near = Suggestions.near(x);
        if (near.isEmpty()) return null;
        return "\"" + t.text() + "\" is not understood; did you mean " + String.join(" or ",
                near.stream().map(s -> "\"" + s + "\"").toList()) + "?";
    }

    // ---- helpers ----

    Token tok(int i) { return i >= 0 && i < tokens.size() ? tokens.get(i) : null; }

    String w(int i) { return i >= 0 && i < tokens.size() ? tokens.get(i).norm() : ""; }

    boolean used(int k) { return k >= 0 && k < used.length && used[k]; }

    void use(int from, int to) {
        for (int k = from; k < to && k < used.length; k++) used[k] = true;
    }

    String text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = Math.max(0, from); k < Math.min(to, tokens.size()); k++) {
            if (!b.isEmpty()) b.append(' ');
            b.append(tokens.get(k).text());
        }
        return b.toString();
    }

    private static String pluralOf(Shape s) {
        return switch (s) {
            case BALL -> "balls";
            case CUBE -> "cubes";
            case CYLINDER -> "cylinders";
            case PLANK -> "planks";
            case CONE -> "cones";
            case PYRAMID -> "pyramids";
            case WEDGE -> "wedges";
            case DOMINO -> "dominoes";
            case BRICK -> "bricks";
            case BOAT -> "boats";
            case BOWL -> "bowls";
            case CUP -> "cups";
            case BOTTLE -> "bottles";
            case JUG -> "jugs";
            case PIN -> "pins";
            case TABLE -> "tables";
            case POOL_TABLE -> "pool tables";
            case SHELF -> "shelves";
            case STAIRS -> "stairs";
            case TANK -> "tanks";
            case MESH -> "models";
        };
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    static String metres(double m) {
        if (m == Double.POSITIVE_INFINITY) return "the ceiling";
        if (Math.abs(m) < 1 && m != 0) return number(Math.round(m * 1000) / 10.0) + " cm";
        return number(Math.round(m * 1000) / 1000.0) + " m";
    }
}
