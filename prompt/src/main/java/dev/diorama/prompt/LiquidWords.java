package dev.diorama.prompt;

import dev.diorama.prompt.Draft.LiquidSaid;
import dev.diorama.prompt.Draft.LiquidUse;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.scene.Material;
import dev.diorama.scene.Shape;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of liquids: what fills a container ("a glass of water", "a tank half full of oil", "a
 * bowl with a little honey", "water in a tank"), what pours ("water pours from a jug into a glass",
 * "pour honey onto a plate", "honey drips onto a plate", "a jug pours water into a bowl") and the
 * dam break ("a dam break", "a dam breaks in a glass box"). Each matcher consumes its words and
 * records them in the draft; {@link Liquids} binds them to the objects and makes the scene's
 * liquids.
 *
 * <p>The liquids are water, oil and honey. Other liquids people name ("milk", "juice", "wine") are
 * left over with a note naming the nearest one that is simulated.
 */
final class LiquidWords {
    /** Liquid words and the kind they are. */
    static final Map<String, String> KINDS = new LinkedHashMap<>();
    /** Liquids that are not simulated, with the kind suggested instead. */
    static final Map<String, String> UNSUPPORTED = new LinkedHashMap<>();
    /** Words before a liquid that say which one ("olive oil", "tap water"): understood, no effect. */
    private static final Map<String, String> KIND_MODIFIERS = new LinkedHashMap<>();
    static final Set<String> POUR_VERBS = new LinkedHashSet<>();
    /** Verbs of dripping: a thin, slow stream. */
    static final Set<String> DRIP_VERBS = Set.of("drip", "drips", "dripped", "dripping", "trickle", "trickles",
            "trickled", "trickling", "drizzle", "drizzles", "drizzled", "drizzling");
    private static final Set<String> DAM_VERBS = Set.of("break", "breaks", "breaking", "broke", "broken", "burst",
            "bursts", "bursting", "collapse", "collapses", "collapsed", "collapsing", "fails", "failure", "breach",
            "breaches", "breached", "release", "released", "opens", "opened");
    /** Containers a dam break may be said to happen in that are not nouns of their own ("a glass box"). */
    private static final Set<String> DAM_BOXES = Set.of("box", "container", "channel", "flume", "case");
    /** Every word this class understands, for "did you mean". */
    static final Set<String> WORDS = new LinkedHashSet<>();

    /**
     * Rain's rate in mm an hour, by the words for it: the rainfall-rate classes of the AMS Glossary of
     * Meteorology ("rain": light up to 2.5 mm/h, moderate 2.6-7.6, heavy above 7.6; "drizzle": light
     * up to 0.3 mm/h) and the UK Met Office's and WMO's "violent" above 50 mm/h, each class by a
     * value inside it: a drizzle 0.3, light rain 1.5, rain (moderate) 5, heavy rain 20, violent rain
     * (a downpour, a cloudburst) 75.
     */
    static final double DRIZZLE = 0.3, LIGHT_RAIN = 1.5, MODERATE_RAIN = 5, HEAVY_RAIN = 20, VIOLENT_RAIN = 75;
    /** Words that say how hard it rains, before a rain noun ("heavy rain", "a light drizzle"). */
    static final Map<String, Double> RAIN_RATES = new LinkedHashMap<>();
    /** Nouns of rain, with their own rate (NaN: moderate unless a word before says). */
    static final Map<String, Double> RAIN_NOUNS = new LinkedHashMap<>();
    /** Verbs of rain after its noun ("rain falls", "raindrops fall"), and of "it" ("it rains"). */
    private static final Set<String> RAIN_FALLS = Set.of("falls", "fall", "falling", "fell", "pours", "pouring", "poured",
            "comes", "coming", "came", "drops", "dropping", "lands", "landing", "beats", "beating", "patters", "pattering",
            "splashes", "splashing", "hits", "hitting");
    private static final Map<String, Double> IT_RAINS = new LinkedHashMap<>();

    /** How full "X of water" is without a word for it, and with one: of the inside's depth. */
    static final double DEFAULT_FILL = 0.7, FULL = 0.9, HALF = 0.5, LITTLE = 0.2, BRIM = 0.95;

    static {
        KINDS.put("water", "water");
        KINDS.put("oil", "oil");
        KINDS.put("honey", "honey");
        for (String w : List.of("olive", "cooking", "vegetable", "sunflower", "salad", "motor")) KIND_MODIFIERS.put(w, "oil");
        for (String w : List.of("tap", "fresh", "clean", "clear", "cold", "salt", "sea")) KIND_MODIFIERS.put(w, "water");
        for (String w : List.of("runny", "golden")) KIND_MODIFIERS.put(w, "honey");
        for (String w : List.of("milk", "juice", "coffee", "tea", "wine", "beer", "soda", "lemonade", "cola", "soup",
                "vinegar", "ink", "liquid", "liquids", "fluid", "juices", "seawater")) {
            UNSUPPORTED.put(w, "water");
        }
        for (String w : List.of("syrup", "treacle", "molasses", "glue", "lava", "caramel")) UNSUPPORTED.put(w, "honey");
        for (String w : List.of("petrol", "gasoline", "diesel", "kerosene", "paraffin")) UNSUPPORTED.put(w, "oil");
        POUR_VERBS.addAll(List.of("pour", "pours", "poured", "pouring", "flow", "flows", "flowed", "flowing", "spill",
                "spills", "spilled", "spilt", "spilling", "stream", "streams", "streaming"));
        POUR_VERBS.addAll(DRIP_VERBS);
        WORDS.addAll(KINDS.keySet());
        WORDS.addAll(POUR_VERBS);
        WORDS.addAll(List.of("full", "filled", "half", "brim", "dam", "empty", "fill", "fills", "filling"));
        WORDS.addAll(DAM_VERBS);
        for (String w : List.of("light", "gentle", "soft", "fine", "slight")) RAIN_RATES.put(w, LIGHT_RAIN);
        for (String w : List.of("moderate", "steady", "normal")) RAIN_RATES.put(w, MODERATE_RAIN);
        for (String w : List.of("heavy", "hard", "pouring", "driving", "lashing", "pelting", "strong")) RAIN_RATES.put(w, HEAVY_RAIN);
        for (String w : List.of("torrential", "violent", "extreme", "very")) RAIN_RATES.put(w, VIOLENT_RAIN);
        for (String w : List.of("rain", "rainfall", "raindrops", "raindrop")) RAIN_NOUNS.put(w, Double.NaN);
        RAIN_NOUNS.put("drizzle", DRIZZLE);
        for (String w : List.of("rainstorm", "downpour")) RAIN_NOUNS.put(w, w.equals("downpour") ? VIOLENT_RAIN : HEAVY_RAIN);
        for (String w : List.of("cloudburst", "deluge")) RAIN_NOUNS.put(w, VIOLENT_RAIN);
        for (String w : List.of("rains", "rained", "raining")) IT_RAINS.put(w, Double.NaN);
        for (String w : List.of("drizzles", "drizzled", "drizzling")) IT_RAINS.put(w, DRIZZLE);
        for (String w : List.of("pours", "poured", "pouring", "buckets")) IT_RAINS.put(w, HEAVY_RAIN);
        WORDS.addAll(RAIN_NOUNS.keySet());
        WORDS.addAll(List.of("rains", "raining", "rainy", "puddle", "pond", "torrential", "heavy", "light"));
    }

    private final PromptReader r;

    LiquidWords(PromptReader reader) {
        this.r = reader;
    }

    int match(int i) {
        int e;
        if ((e = floats(i)) > i) return e;
        if ((e = rain(i)) > i) return e;
        if ((e = dam(i)) > i) return e;
        if ((e = fill(i)) > i) return e;
        if ((e = fills(i)) > i) return e;
        if ((e = liquidPours(i)) > i) return e;
        if ((e = pourVerb(i)) > i) return e;
        return liquidIn(i);
    }

    /** Verbs of a thing in a liquid: "floats in a tank of water", "bobs in a bucket", "sinks into a bowl of honey". */
    static final Map<String, Draft.Afloat> FLOAT_VERBS = new LinkedHashMap<>();
    /** Words of manner between a float verb and its vessel ("sinks slowly in honey"): understood, no effect (the liquid sets the pace). */
    private static final Set<String> FLOAT_MANNER = Set.of("slowly", "gently", "calmly", "quietly", "lazily", "gradually",
            "steadily", "peacefully", "quickly", "fast", "straight", "down", "up", "about", "around");

    static {
        for (String w : List.of("float", "floats", "floating", "floated")) FLOAT_VERBS.put(w, Draft.Afloat.FLOAT);
        for (String w : List.of("bob", "bobs", "bobbing", "bobbed")) FLOAT_VERBS.put(w, Draft.Afloat.BOB);
        for (String w : List.of("sink", "sinks", "sinking", "sank", "sunk")) FLOAT_VERBS.put(w, Draft.Afloat.SINK);
    }

    /**
     * "floats in", "bobs in", "sinks (slowly) into" + a vessel: the thing goes into it and the liquid
     * decides whether it floats or sinks; it starts at the liquid's surface ({@link Props}), where
     * "falls into" drops it from above. A vessel said to hold no liquid gets water ({@link #finish}):
     * nothing floats or sinks in an empty tank. Elsewhere ("a balloon floats") the verb stays not
     * understood.
     */
    private int floats(int i) {
        Draft.Afloat how = FLOAT_VERBS.get(r.w(i));
        if (how == null) return i;
        int p = i + 1;
        while (p < i + 3 && FLOAT_MANNER.contains(r.w(p)) && !r.used(p)) p++;
        // "sinks to the bottom of a tank": into it, as "sinks into" (the reader places what follows "the bottom of" in it)
        boolean bottom = r.w(p).equals("to") && r.w(p + 1).equals("the") && r.w(p + 2).equals("bottom") && r.w(p + 3).equals("of");
        if (!bottom && !Set.of("in", "into", "inside").contains(r.w(p))) return i;
        int k = bottom ? p + 4 : p + 1;
        if (Set.of("a", "an", "the").contains(r.w(k))) k++;
        while (Set.of("empty", "dry", "half", "full", "filled", "nearly", "almost").contains(r.w(k))) k++;   // "in an empty glass"
        int noun = r.shapeAhead(k);
        dev.diorama.scene.Shape shape = noun < 0 ? null : Vocabulary.SHAPES.get(r.w(noun));   // ("one" refers back: no shape)
        if (shape == null || !shape.hollow()) return i;
        r.draft.afloat.add(new Draft.AfloatVerb(i, noun, how));
        int end = bottom ? p + 3 : p;
        r.use(i, end);
        return end;
    }

    /**
     * How full the words before a holder's noun say it is ("a half-filled bottle", "a full glass", "a
     * half-empty jug", "a nearly full tank"), those words then used; NaN (and nothing used) where
     * they say nothing of it.
     */
    private double fullnessBeforeNoun(ObjectGroup g) {
        for (int k = g.at(); k < g.end(); k++) {
            if (r.used(k)) continue;
            String a = r.w(k);
            boolean halfBefore = k > g.at() && !r.used(k - 1) && r.w(k - 1).equals("half");
            boolean nearlyBefore = k > g.at() && !r.used(k - 1) && Set.of("nearly", "almost").contains(r.w(k - 1));
            double fraction;
            if (a.equals("empty") && halfBefore) fraction = HALF;
            else if (Set.of("full", "filled").contains(a)) fraction = halfBefore ? HALF : nearlyBefore ? 0.85 : FULL;
            else continue;
            r.use(halfBefore || nearlyBefore ? k - 1 : k, k + 1);
            return fraction;
        }
        return Double.NaN;
    }

    // ---- the liquid itself ----

    /** "water", "olive oil", "tap water": the kind, and the index after it in {@code end[0]}; null if none. */
    private String kindAt(int k, int[] end) {
        String a = r.w(k);
        if (KINDS.containsKey(a)) {
            end[0] = k + 1;
            return KINDS.get(a);
        }
        String mod = KIND_MODIFIERS.get(a);
        if (mod != null && mod.equals(KINDS.get(r.w(k + 1)))) {
            end[0] = k + 2;
            return mod;
        }
        return null;
    }

    /** "some", "a little", "a lot of", "plenty of" before a liquid: the fraction it says (NaN: none), and the index after it. */
    private double amount(int k, int[] end) {
        end[0] = k;
        String a = r.w(k), b = r.w(k + 1);
        if ((a.equals("a") && b.equals("little")) || (a.equals("a") && b.equals("bit") && r.w(k + 2).equals("of"))) {
            end[0] = b.equals("bit") ? k + 3 : k + 2;
            return LITTLE;
        }
        if (a.equals("little") || a.equals("shallow")) {
            end[0] = k + 1;
            return LITTLE;
        }
        if ((a.equals("a") && b.equals("lot") && r.w(k + 2).equals("of")) || (a.equals("plenty") && b.equals("of"))) {
            end[0] = a.equals("a") ? k + 3 : k + 2;
            return FULL;
        }
        if (a.equals("some")) {
            end[0] = k + 1;
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Throws when a second liquid follows the first ("a tank of honey and oil"): one container holds one liquid. */
    private void oneLiquid(int start, int k, String kind) {
        if (!Set.of("and", "or", "with", "plus").contains(r.w(k))) return;
        int[] e = new int[1];
        int j = k + 1;
        if (Set.of("a", "an", "some").contains(r.w(j))) j++;
        String other = kindAt(j, e);
        if (other == null && UNSUPPORTED.containsKey(r.w(j))) other = r.w(j);
        if (other == null) return;
        throw new PromptException(r.text(start, Math.max(e[0], j + 1)), "fills one thing with two liquids (" + kind + " and "
                + other + "); expected one liquid to a container: Diorama does not mix liquids yet");
    }

    // ---- filling: "a glass of water", "a tank half full of oil", "a bowl with a little honey" ----

    /**
     * [fraction] [full|filled] (of|with|to the brim with) [amount] LIQUID, right after an object phrase
     * (the holder): "of water", "full of water", "half full of oil", "filled with honey", "filled to the
     * brim with water", "with a little water (in it)", "three quarters full of water".
     */
    private int fill(int i) {
        if (r.draft.groups.isEmpty()) return i;
        ObjectGroup g = r.draft.groups.getLast();
        // Right after the holder, or after a fill of it already said ("a glass of water filled with oil").
        LiquidSaid last = r.draft.liquids.isEmpty() ? null : r.draft.liquids.getLast();
        boolean again = last != null && last.use() == LiquidUse.FILL && last.holderAt() == g.at() && last.end() == i;
        if (g.end() != i && !again) return i;
        int k = i;
        double fraction = Double.NaN;
        // How full: "half full", "half-filled", "a quarter full", "three quarters full", "nearly full", "full to the brim".
        if (r.w(k).equals("half") && Set.of("full", "filled").contains(r.w(k + 1))) {
            fraction = HALF;
            k++;
        } else if ((r.w(k).equals("a") && r.w(k + 1).equals("quarter") || r.w(k).equals("quarter"))
                && Set.of("full", "filled").contains(r.w(k + (r.w(k).equals("a") ? 2 : 1)))) {
            fraction = 0.25;
            k += r.w(k).equals("a") ? 2 : 1;
        } else if (r.w(k).equals("three") && r.w(k + 1).equals("quarters") && Set.of("full", "filled").contains(r.w(k + 2))) {
            fraction = 0.75;
            k += 2;
        } else if (Set.of("nearly", "almost").contains(r.w(k)) && Set.of("full", "filled").contains(r.w(k + 1))) {
            fraction = 0.85;
            k++;
        } else if (Set.of("partly", "partially").contains(r.w(k)) && Set.of("full", "filled").contains(r.w(k + 1))) {
            fraction = HALF;
            k++;
        }
        boolean fullWord = false;
        if (r.w(k).equals("full") || r.w(k).equals("filled")) {
            fullWord = true;
            if (Double.isNaN(fraction) && r.w(k).equals("full")) fraction = FULL;
            k++;
            if (r.w(k).equals("to") && r.w(k + 1).equals("the") && Set.of("brim", "top", "rim").contains(r.w(k + 2))) {
                fraction = BRIM;
                k += 3;
            }
        }
        if (r.w(k).equals("of") || r.w(k).equals("with")) {
            k++;
        } else {
            return i;
        }
        int[] e = new int[1];
        double amount = amount(k, e);
        if (e[0] > k) {
            if (!Double.isNaN(amount) && (Double.isNaN(fraction) || !fullWord)) fraction = amount;
            k = e[0];
        }
        String kind = kindAt(k, e);
        if (kind == null) return i;
        int end = e[0];
        // "with water in it"
        if (Set.of("in", "inside").contains(r.w(end)) && Set.of("it", "them").contains(r.w(end + 1))) end += 2;
        oneLiquid(g.at(), end, kind);
        // "a full glass of water", "a half-filled bottle of oil": the words before the noun say how full.
        if (Double.isNaN(fraction)) fraction = fullnessBeforeNoun(g);
        for (int k2 = g.at(); k2 < g.end(); k2++) {
            if (!r.used(k2) && r.w(k2).equals("empty")) {
                throw new PromptException(r.text(g.at(), end), "says the " + g.noun().word() + " is both empty and filled"
                        + " with " + kind + "; expected one of them");
            }
        }
        r.draft.liquids.add(new LiquidSaid(i, end, LiquidUse.FILL, kind, fraction, g.at(), r.text(g.at(), end)));
        r.use(i, end);
        return end;
    }

    /** "water in a tank", "honey inside a bowl": the liquid first, then what holds it. */
    private int liquidIn(int i) {
        int[] e = new int[1];
        int k = i;
        double fraction = amount(k, e);
        if (e[0] > k) k = e[0];
        String kind = kindAt(k, e);
        if (kind == null) return i;
        int end = e[0];
        oneLiquid(i, end, kind);
        if (!Set.of("in", "inside", "into", "within").contains(r.w(end)) || r.shapeAhead(end + 1) < 0) return i;
        r.draft.liquids.add(new LiquidSaid(i, end, LiquidUse.FILL, kind, fraction, -1, r.text(i, r.shapeAhead(end + 1) + 1)));
        r.use(i, end);
        return end;
    }

    // ---- pouring ----

    /** Verbs of filling something as it happens ("fills", not "filled", which says how full a thing is). */
    static final Set<String> FILL_VERBS = Set.of("fill", "fills", "filling");

    /**
     * Filling as it happens, a pour into the thing filled (from the source said with "from", else
     * from above it): "fill a glass with water", "water fills the bathtub", "a glass fills (up) with
     * oil". The thing filled is recorded as the pour's holder ({@link Liquids}' pour takes it as the
     * target).
     */
    private int fills(int i) {
        int[] e = new int[1];
        String kind = kindAt(i, e);
        if (kind != null && FILL_VERBS.contains(r.w(e[0])) && r.shapeAhead(e[0] + 1) >= 0) {
            // "water fills a glass"
            int end = e[0] + 1;
            r.draft.liquids.add(new LiquidSaid(i, end, LiquidUse.POUR, kind, Double.NaN, end, r.text(i, end)));
            r.use(i, end);
            return end;
        }
        if (!FILL_VERBS.contains(r.w(i))) return i;
        ObjectGroup subject = r.draft.groups.isEmpty() ? null : r.draft.groups.getLast();
        int up = r.w(i + 1).equals("up") ? i + 2 : i + 1;
        if (subject != null && subject.end() == i && r.w(up).equals("with") && (kind = kindAt(up + 1, e)) != null) {
            // "a glass fills with water", "the bathtub fills up with oil"
            oneLiquid(i, e[0], kind);
            r.draft.liquids.add(new LiquidSaid(i, e[0], LiquidUse.POUR, kind, Double.NaN, subject.at(), r.text(subject.at(), e[0])));
            r.use(i, e[0]);
            return e[0];
        }
        // "fill a glass with water", "a jug fills a glass with water" (the jug its source): the liquid after "with", a few words on
        if (r.shapeAhead(i + 1) < 0) return i;
        for (int k = i + 2; k < i + 12 && k < r.tokens.size(); k++) {
            if (!r.w(k).equals("with") || r.used(k) || (kind = kindAt(k + 1, e)) == null) continue;
            oneLiquid(i, e[0], kind);
            r.draft.liquids.add(new LiquidSaid(i, i + 1, LiquidUse.POUR, kind, Double.NaN, i + 1, r.text(i, e[0])));
            r.use(i, i + 1);
            r.use(k, e[0]);
            return i + 1;
        }
        return i;
    }

    /** "water pours", "honey drips", "water is poured", "oil being poured", "honey dripping". */
    private int liquidPours(int i) {
        int[] e = new int[1];
        String kind = kindAt(i, e);
        if (kind == null) return i;
        int k = e[0];
        if (Set.of("is", "being", "gets", "was").contains(r.w(k))) k++;
        if (r.w(k).equals("being")) k++;
        if (!POUR_VERBS.contains(r.w(k))) return i;
        int end = pourTail(k + 1);
        r.draft.liquids.add(new LiquidSaid(i, end, LiquidUse.POUR, kind, DRIP_VERBS.contains(r.w(k)) ? -1 : Double.NaN, -1,
                r.text(i, end)));
        r.use(i, end);
        targetPreposition(end);
        return end;
    }

    /** "pour water", "pours out the honey", "pouring oil", "pours": a verb of pouring, its liquid if said. */
    private int pourVerb(int i) {
        if (!POUR_VERBS.contains(r.w(i))) return i;
        int k = pourTail(i + 1);
        if (r.w(k).equals("the")) k++;
        int[] e = new int[1];
        double amount = amount(k, e);
        int kk = e[0] > k ? e[0] : k;
        String kind = kindAt(kk, e);
        int end = kind != null ? e[0] : i + 1;
        if (kind != null) oneLiquid(i, end, kind);
        if (kind == null) end = pourTail(i + 1);
        boolean drip = DRIP_VERBS.contains(r.w(i));
        r.draft.liquids.add(new LiquidSaid(i, end, LiquidUse.POUR, kind, drip ? -1 : Double.isNaN(amount) ? Double.NaN : amount,
                -1, r.text(i, end)));
        r.use(i, end);
        targetPreposition(end);
        return end;
    }

    /**
     * The preposition of a pour's target ("into a glass", "onto a plate"), up to a few phrases after
     * its verb: used here, so that no relation reads it; the target's phrase still sees it.
     */
    private void targetPreposition(int end) {
        for (int k = end; k < end + 12 && k < r.tokens.size(); k++) {
            if (Set.of("into", "onto", "in", "on", "inside").contains(r.w(k)) && !r.used(k) && r.shapeAhead(k + 1) >= 0) {
                r.use(k, k + 1);
                return;
            }
        }
    }

    /** "out", "slowly", "down": words after a verb of pouring that go with it. */
    private int pourTail(int k) {
        while (Set.of("out", "slowly", "gently", "steadily", "down").contains(r.w(k))) k++;
        return k;
    }

    // ---- rain ----

    /**
     * Rain: "rain", "heavy rain", "a light drizzle", "a downpour", "raindrops", "torrential rain",
     * with what it does ("rain falls", "raindrops fall", "rain is falling", "rain falling"), "it rains",
     * "it is raining", "it's pouring", "it drizzles", and the weather ("in the rain", "a rainy day",
     * "rainy weather"). What it falls on ("on a puddle", "into a tank of water") is the object phrase
     * after a preposition right after it: its preposition is used here, the phrase's start recorded as
     * the holder ({@link Liquids#resolve}). The rate is the class's
     * ({@link #RAIN_RATES}; NaN when no word says).
     */
    private int rain(int i) {
        int start = i, k = i;
        double rate = Double.NaN;
        String a = r.w(k);
        if (a.equals("it") || a.equals("its")) {
            int j = k + 1;
            if (a.equals("it") && Set.of("is", "was", "starts", "begins", "keeps").contains(r.w(j))) j++;
            if (Set.of("to").contains(r.w(j))) j++;
            String v = r.w(j);
            if (v.equals("rain")) v = "rains";
            if (v.equals("drizzle")) v = "drizzles";
            if (v.equals("pour")) v = "pours";
            if (!IT_RAINS.containsKey(v)) return i;
            // "it pours" is rain only when nothing is poured ("it pours water into a glass").
            int[] e = new int[1];
            if (Set.of("pours", "poured", "pouring").contains(v) && (kindAt(j + 1, e) != null || r.w(j + 1).equals("out"))) return i;
            rate = IT_RAINS.get(v);
            k = j + 1;
            if (Set.of("pours", "poured", "pouring").contains(v) && r.w(k).equals("down")) k++;
            if (Set.of("heavily", "hard").contains(r.w(k))) {
                rate = HEAVY_RAIN;
                k++;
            } else if (Set.of("lightly", "gently", "softly").contains(r.w(k))) {
                rate = LIGHT_RAIN;
                k++;
            }
            return rainSaid(start, k, rate);
        }
        // "in the rain", "in heavy rain", "under the rain"
        if (Set.of("in", "under").contains(a) && !r.used(k)) {
            int j = k + 1;
            if (Set.of("the", "a").contains(r.w(j))) j++;
            if (RAIN_RATES.containsKey(r.w(j)) && RAIN_NOUNS.containsKey(r.w(j + 1))) j++;
            if (!RAIN_NOUNS.containsKey(r.w(j)) || r.w(j).equals("drizzle") && !r.w(j - 1).equals("a") && !RAIN_RATES.containsKey(r.w(j - 1))) return i;
            k = j;
            a = r.w(k);
            if (RAIN_RATES.containsKey(r.w(k - 1))) rate = RAIN_RATES.get(r.w(k - 1));
            if (!Double.isNaN(RAIN_NOUNS.get(a))) rate = rainRate(rate, RAIN_NOUNS.get(a), r.text(start, k + 1));
            return rainSaid(start, k + 1, rate);
        }
        // "a rainy day", "rainy weather", "on a rainy afternoon"
        if (a.equals("rainy") || (Set.of("a", "on").contains(a) && r.w(k + 1).equals("rainy"))
                || a.equals("on") && r.w(k + 1).equals("a") && r.w(k + 2).equals("rainy")) {
            while (!r.w(k).equals("rainy")) k++;
            k++;
            if (Set.of("day", "days", "weather", "morning", "afternoon", "evening", "night").contains(r.w(k))) k++;
            return rainSaid(start, k, Double.NaN);
        }
        boolean article = Set.of("a", "an", "the", "some").contains(a);
        if (article) k++;
        if (RAIN_RATES.containsKey(r.w(k)) && (RAIN_NOUNS.containsKey(r.w(k + 1))
                || RAIN_RATES.containsKey(r.w(k + 1)) && RAIN_NOUNS.containsKey(r.w(k + 2)))) {
            // "heavy rain", "a light drizzle", "very heavy rain"
            rate = RAIN_RATES.get(r.w(k));
            if (r.w(k).equals("very")) rate = RAIN_RATES.get(r.w(k + 1)) >= HEAVY_RAIN ? VIOLENT_RAIN : RAIN_RATES.get(r.w(k + 1));
            k += RAIN_NOUNS.containsKey(r.w(k + 1)) ? 1 : 2;
        }
        String noun = r.w(k);
        if (!RAIN_NOUNS.containsKey(noun)) return i;
        // "drizzle" is rain only as a noun said so ("a drizzle", "light drizzle", "drizzle falls"):
        // "drizzle honey onto a plate", "drizzle onto a plate" pour.
        boolean verbFollows = RAIN_FALLS.contains(r.w(k + 1)) || Set.of("is", "was").contains(r.w(k + 1));
        if (noun.equals("drizzle") && !article && Double.isNaN(rate) && !verbFollows) return i;
        if (r.w(k + 1).equals("of") || KINDS.containsKey(r.w(k + 1))) return i;
        if (!Double.isNaN(RAIN_NOUNS.get(noun))) rate = rainRate(rate, RAIN_NOUNS.get(noun), r.text(start, k + 1));
        k++;
        // "rain falls", "rain is falling", "raindrops falling", "rain comes down", "rain pours down"
        int j = k;
        if (Set.of("is", "was", "keeps").contains(r.w(j))) j++;
        if (RAIN_FALLS.contains(r.w(j))) {
            k = j + 1;
            if (Set.of("down", "steadily", "gently", "softly", "heavily", "hard", "lightly").contains(r.w(k))) {
                if (Set.of("heavily", "hard").contains(r.w(k))) rate = rainRate(rate, HEAVY_RAIN, r.text(start, k + 1));
                if (Set.of("gently", "softly", "lightly").contains(r.w(k))) rate = rainRate(rate, LIGHT_RAIN, r.text(start, k + 1));
                k++;
            }
        }
        return rainSaid(start, k, rate);
    }

    /** The rate two words say of one rain ("a light downpour"): the noun's, unless the word before disagrees. */
    private static double rainRate(double said, double noun, String words) {
        if (Double.isNaN(said) || said == noun) return noun;
        if (noun == DRIZZLE && said <= LIGHT_RAIN) return noun;
        throw new PromptException(words, "says how hard it rains twice, and differently (" + rateName(said) + " and "
                + rateName(noun) + "); expected one of a drizzle, light rain, rain, heavy rain, a downpour");
    }

    /** The class of a rain's rate, in words. */
    static String rateName(double rate) {
        if (rate <= DRIZZLE) return "a drizzle";
        if (rate <= 2.5) return "light rain";
        if (rate <= 7.6) return "moderate rain";
        if (rate <= 50) return "heavy rain";
        return "violent rain";
    }

    private int rainSaid(int start, int end, double rate) {
        for (LiquidSaid l : r.draft.liquids) {
            if (l.use() != LiquidUse.RAIN) continue;
            // "heavy rain ... it rains on a puddle": one rain; two rates are a contradiction.
            if (!Double.isNaN(rate) && !Double.isNaN(l.fraction()) && l.fraction() != rate) {
                throw new PromptException(r.text(start, end), "says how hard it rains twice, and differently (also \""
                        + l.words() + "\": " + rateName(l.fraction()) + "); expected one");
            }
        }
        // What it falls on: the object phrase after "on", "into", "over" (the phrase's start, as a holder).
        int on = -1;
        for (int k = end; k < end + 4 && k < r.tokens.size() && on < 0; k++) {
            if (Set.of("into", "onto", "in", "on", "inside", "over", "upon").contains(r.w(k)) && !r.used(k) && r.shapeAhead(k + 1) >= 0) {
                r.use(k, k + 1);
                on = k + 1;
            }
        }
        r.draft.liquids.add(new LiquidSaid(start, end, LiquidUse.RAIN, "water", rate, on, r.text(start, end)));
        r.use(start, end);
        return end;
    }

    // ---- the dam break ----

    /**
     * "a dam break", "a dam breaks", "the dam bursts", "dam-break": Martin and Moyce's experiment, a
     * column of water released at one end of a long glass tank. "in a glass box", "in a container":
     * that is the tank; "in a tank", "in an aquarium": the tank named.
     */
    private int dam(int i) {
        if (!r.w(i).equals("dam")) return i;
        int end = i + 1;
        if (DAM_VERBS.contains(r.w(end))) end++;
        else if (Set.of("is", "has").contains(r.w(end)) && DAM_VERBS.contains(r.w(end + 1))) end += 2;
        // "of water"
        int[] e = new int[1];
        String kind = "water";
        if (r.w(end).equals("of") && kindAt(end + 1, e) != null) {
            kind = kindAt(end + 1, e);
            end = e[0];
        }
        int start = i;
        if (Set.of("a", "an", "the").contains(r.w(i - 1))) start = i - 1;
        // Where: "in a glass box" makes the tank; "in a tank" names one (the noun phrase reads it).
        int k = end;
        boolean named = false;
        if (Set.of("in", "inside", "within").contains(r.w(k))) {
            int j = k + 1;
            if (Set.of("a", "an", "the").contains(r.w(j))) j++;
            Material m = null;
            int head = j;
            if (Vocabulary.MATERIALS.containsKey(r.w(j)) && (DAM_BOXES.contains(r.w(j + 1)) || r.w(j + 1).equals("tank"))) {
                m = Vocabulary.MATERIALS.get(r.w(j));
                head = j + 1;
            }
            if (DAM_BOXES.contains(r.w(head))) {
                ObjectGroup tank = damTank(k + 1, head + 1, m);
                r.draft.groups.add(tank);
                r.use(k, head + 1);
                named = true;
                end = head + 1;
            } else if (Vocabulary.SHAPES.get(r.w(r.shapeAhead(k + 1) < 0 ? -1 : r.shapeAhead(k + 1))) == Shape.TANK) {
                named = true;
            }
        }
        if (!named) r.draft.groups.add(damTank(start, start, null));
        r.draft.liquids.add(new LiquidSaid(start, end, LiquidUse.DAM, kind, Double.NaN, -1, r.text(start, end)));
        r.use(i, Math.max(end, i + 1));
        return end;
    }

    /** The long glass tank of a dam break: words [from, to) when the prompt named a box, else none. */
    private ObjectGroup damTank(int from, int to, Material m) {
        Draft.Noun noun = new Draft.Noun("tank", Shape.TANK, Material.GLASS, Liquids.DAM_TANK);
        String words = to > from ? r.text(from, to) : "a dam break";
        return new ObjectGroup(from, words, Shape.TANK, 1, m, null, null, 1, Double.NaN, false, false, noun,
                Math.max(to, from + 1), Draft.Prep.IN, Double.NaN);
    }

    /**
     * Once the prompt is read: "an empty glass", "an empty aquarium" say the container holds no liquid
     * (an aquarium is otherwise full of water): recorded as a fill of nothing, and the word used.
     */
    void finish() {
        if (r.draft.gravity != null && r.draft.gravity.value() == 0 && !r.draft.liquids.isEmpty()) {
            r.notes.add("\"" + r.draft.gravity.words() + "\": without gravity the liquid draws itself into a ball and drifts"
                    + " (Diorama's liquids do not wet walls, where real water would cling to a glass)");
        }
        // Rain and nothing else ("heavy rain", "a downpour"): it falls on a puddle, where it can be seen.
        LiquidSaid rain = r.draft.rain();
        if (rain != null && r.draft.groups.isEmpty()) {
            r.draft.groups.add(new ObjectGroup(rain.at(), "a puddle", Shape.TANK, 1, null, null, null, 1, Double.NaN, false,
                    false, Vocabulary.NOUNS.get("puddle"), rain.at(), Draft.Prep.ON, Double.NaN));
            r.notes.add("\"" + rain.words() + "\": rain falls on a puddle (nothing else was named for it to fall on)");
        }
        boolean liquidComes = r.draft.liquids.stream().anyMatch(l -> l.use() == LiquidUse.POUR || l.use() == LiquidUse.DAM);
        for (ObjectGroup g : r.draft.groups) {
            if (!g.shape().hollow()) continue;
            boolean said = r.draft.liquids.stream().anyMatch(l -> l.holderAt() == g.at());
            // "a half-filled bottle", "a full bucket": filled with water, no liquid being named
            double fraction = said ? Double.NaN : fullnessBeforeNoun(g);
            if (!Double.isNaN(fraction)) {
                r.draft.liquids.add(new LiquidSaid(g.at(), g.end(), LiquidUse.FILL, "water", fraction, g.at(), g.words()));
                r.notes.add("\"" + g.words() + "\": filled with water (no liquid was named; say \"" + g.words()
                        + " of oil\" or \"of honey\" for another)");
                continue;
            }
            for (int k = g.at(); k < g.end(); k++) {
                if (!r.used(k) && Set.of("empty", "dry").contains(r.w(k))) {
                    r.draft.liquids.add(new LiquidSaid(k, k + 1, LiquidUse.FILL, null, 0, g.at(), g.words()));
                    r.use(k, k + 1);
                    said = true;
                }
            }
            // "a pine cube floats in a tank": the tank holds water, unless a liquid is poured or
            // released (a dam break) into the scene, which may fill it as it comes (rain adds too
            // little: "... in a tank while it rains" still gets its water)
            if (said || liquidComes) continue;
            for (Draft.AfloatVerb f : r.draft.afloat) {
                if (f.vessel() < g.at() || f.vessel() >= g.end()) continue;
                r.draft.liquids.add(new LiquidSaid(g.at(), g.end(), LiquidUse.FILL, "water", Double.NaN, g.at(), g.words()));
                String noun = g.noun().word();
                r.notes.add("\"" + r.text(f.verb(), g.at()) + " " + g.words() + "\": the " + noun + " holds water (no liquid was"
                        + " named for it; say \"a " + noun + " of oil\" or \"of honey\" for another)");
                break;
            }
        }
    }
}
