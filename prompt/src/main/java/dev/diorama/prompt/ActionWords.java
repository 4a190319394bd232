package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Act;
import dev.diorama.prompt.Draft.ActionPhrase;
import dev.diorama.prompt.Draft.Arrangement;
import dev.diorama.prompt.Draft.Layout;
import dev.diorama.prompt.Draft.Rel;
import dev.diorama.prompt.Draft.Relation;
import dev.diorama.prompt.Draft.Said;
import dev.diorama.prompt.Draft.Venue;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of what happens and where: arrangements ("a row of", "stacked", "in a circle",
 * "scattered"), actions ("throw", "rolls", "slides", "collide head-on", "knock over"), relations
 * between objects ("to the left of", "behind", "between"), named places ("a bathroom", "a beach")
 * and the sky ("overcast"). Each matcher consumes its words and records them in the draft; what
 * they mean for the layout and the starting velocities is {@link Staging}'s.
 */
final class ActionWords {
    /** Venues by their head word; two-word venues ("living room") by both words. */
    static final Map<String, Venue> VENUES = new LinkedHashMap<>();
    static final Map<String, Act> VERBS = new LinkedHashMap<>();
    /** The sun as said: "in the sun", "in bright sunshine", "sunlight". */
    static final Set<String> SUN = Set.of("sun", "sunshine", "sunlight", "sunlit");
    static final Set<String> SUN_MANNER = Set.of("bright", "warm", "hot", "full", "direct", "strong", "low", "harsh");
    static final Set<String> SKY_WORDS = Set.of("overcast", "cloudy", "hazy", "haze", "misty", "foggy", "clear",
            "sunny", "cloudless", "smoggy", "smog", "murky");
    /** The air's turbidity for "clear" (a clean day), "hazy", and "smoggy"/"misty"/"foggy" (thick haze). */
    static final double CLEAR_TURBIDITY = 2, HAZY_TURBIDITY = 5, SMOGGY_TURBIDITY = 8;
    /** The fraction of the sky under cloud for "overcast" and "a grey sky", "cloudy", "partly cloudy". */
    static final double OVERCAST = 1, CLOUDY = 0.6, PARTLY_CLOUDY = 0.3;
    /** Words that arrange what follows them ("stacked blocks"): never a skipped adjective of a noun phrase. */
    static final Set<String> ARRANGING = Set.of("stacked", "piled", "scattered", "strewn", "lined", "randomly");
    /** Every word this class understands, for "did you mean". */
    static final Set<String> WORDS = new java.util.LinkedHashSet<>();

    static {
        indoor("bathroom", 2.5, 2.4, 3, Material.CERAMIC, Material.CERAMIC);
        indoor("kitchen", 4, 2.5, 4, Material.CERAMIC, Material.STONE);
        indoor("living room", 5, 2.5, 6, Material.OAK, Material.STONE);
        indoor("lounge", 5, 2.5, 6, Material.OAK, Material.STONE);
        indoor("bedroom", 4, 2.5, 4, Material.CARPET, Material.STONE);
        indoor("office", 4, 2.7, 5, Material.CARPET, Material.STONE);
        indoor("classroom", 8, 3, 9, Material.PLASTIC, Material.STONE);
        indoor("gym", 18, 7, 30, Material.OAK, Material.CONCRETE);
        indoor("gymnasium", 18, 7, 30, Material.OAK, Material.CONCRETE);
        indoor("garage", 6, 2.5, 6, Material.CONCRETE, Material.CONCRETE);
        indoor("basement", 6, 2.3, 8, Material.CONCRETE, Material.CONCRETE);
        indoor("cellar", 5, 2.2, 6, Material.STONE, Material.STONE);
        indoor("church", 15, 10, 30, Material.STONE, Material.STONE);
        indoor("chapel", 8, 7, 15, Material.STONE, Material.STONE);
        indoor("cathedral", 30, 28, 80, Material.MARBLE, Material.STONE);
        indoor("warehouse", 20, 8, 30, Material.CONCRETE, Material.CONCRETE);
        indoor("corridor", 2.2, 2.6, 20, Material.CERAMIC, Material.STONE);
        indoor("hallway", 2.2, 2.6, 12, Material.OAK, Material.STONE);
        indoor("library", 12, 4, 15, Material.OAK, Material.OAK);
        indoor("attic", 5, 2.2, 8, Material.PINE, Material.PINE);
        indoor("workshop", 6, 3, 8, Material.CONCRETE, Material.STONE);
        indoor("museum", 15, 6, 20, Material.MARBLE, Material.STONE);
        // A basketball court: the hall of a regulation court (28 x 15 m, a little room around it, 7 m up).
        indoor("basketball court", 17, 7, 30, Material.OAK, Material.CONCRETE);
        indoor("court", 17, 7, 30, Material.OAK, Material.CONCRETE);
        // A bowling alley: a hall of lanes, maple underfoot (lanes are maple where the ball lands and the pins stand).
        indoor("bowling alley", 20, 3.5, 30, Material.MAPLE, Material.CONCRETE);
        indoor("bowling lane", 20, 3.5, 30, Material.MAPLE, Material.CONCRETE);
        // "rolls down the lane": a lane is a bowling lane (a country lane is "a road").
        indoor("lane", 20, 3.5, 30, Material.MAPLE, Material.CONCRETE);
        // A pool hall: a room of tables on a wooden floor.
        indoor("pool hall", 10, 3, 12, Material.OAK, Material.STONE);
        indoor("billiard hall", 10, 3, 12, Material.OAK, Material.STONE);
        indoor("billiards hall", 10, 3, 12, Material.OAK, Material.STONE);
        indoor("billiard room", 6, 3, 8, Material.OAK, Material.STONE);
        indoor("billiards room", 6, 3, 8, Material.OAK, Material.STONE);
        indoor("snooker hall", 10, 3, 12, Material.OAK, Material.STONE);
        indoor("pub", 8, 2.8, 12, Material.OAK, Material.STONE);
        outdoor("lawn", Material.GRASS);
        outdoor("garden", Material.GRASS);
        outdoor("backyard", Material.GRASS);
        outdoor("yard", Material.GRASS);
        outdoor("park", Material.GRASS);
        outdoor("meadow", Material.GRASS);
        outdoor("field", Material.GRASS);
        outdoor("forest clearing", Material.GRASS);
        outdoor("clearing", Material.GRASS);
        outdoor("forest", Material.GRASS);
        outdoor("woods", Material.GRASS);
        outdoor("beach", Material.SAND);
        outdoor("desert", Material.SAND);
        outdoor("dunes", Material.SAND);
        outdoor("street", Material.CONCRETE);
        outdoor("road", Material.CONCRETE);
        outdoor("sidewalk", Material.CONCRETE);
        outdoor("rooftop", Material.CONCRETE);
        outdoor("tennis court", Material.CONCRETE);
        outdoor("car park", Material.CONCRETE);
        outdoor("roof", Material.CONCRETE);
        outdoor("parking lot", Material.CONCRETE);
        outdoor("car park", Material.CONCRETE);
        outdoor("playground", Material.RUBBER);
        outdoor("courtyard", Material.STONE);
        outdoor("patio", Material.STONE);
        outdoor("plaza", Material.STONE);
        outdoor("square", Material.STONE);
        outdoor("pier", Material.WOOD);
        outdoor("deck", Material.WOOD);
        outdoor("ice rink", Material.ICE);
        outdoor("rink", Material.ICE);
        outdoor("frozen lake", Material.ICE);

        verbs(Act.THROW, "throw", "throws", "thrown", "threw", "throwing", "toss", "tosses", "tossed", "tossing",
                "lob", "lobs", "lobbed", "hurl", "hurls", "hurled", "fling", "flings", "flung", "launch", "launches",
                "launched", "launching", "projected");
        verbs(Act.ROLL, "roll", "rolls", "rolled", "rolling", "race", "races", "raced", "racing", "tumble", "tumbles",
                "tumbled", "tumbling");
        verbs(Act.PUSH, "push", "pushes", "pushed", "pushing", "slide", "slides", "slid", "sliding", "shove",
                "shoves", "shoved", "nudge", "nudges", "nudged", "kick", "kicks", "kicked", "flick", "flicks",
                "flicked", "glide", "glides", "gliding", "skid", "skids", "skidding");
        verbs(Act.COLLIDE, "collide", "collides", "collided", "colliding", "collision", "crash", "crashes",
                "crashed", "crashing", "clash", "clashes");
        verbs(Act.TOPPLE, "topple", "topples", "toppled", "toppling", "knock", "knocks", "knocked", "knocking",
                "tip", "tips", "tipped", "tipping");
        verbs(Act.SPIN, "spin", "spins", "spun", "spinning", "twirl", "twirls", "twirling", "rotate", "rotates",
                "rotating", "turning", "turns");
        verbs(Act.SWING, "swing", "swings", "swung", "swinging", "sway", "sways", "oscillate", "oscillates");
        verbs(Act.POUR, "pour", "pours", "poured", "pouring");

        WORDS.addAll(List.of("row", "line", "stack", "stacked", "tower", "pile", "piled", "heap", "pyramid",
                "circle", "ring", "scattered", "strewn", "random", "randomly", "lined", "side", "left", "right",
                "front", "behind", "between", "beside", "next", "inside", "under", "below", "beneath",
                "underneath", "above", "over", "head", "each", "towards", "toward", "chain", "slow", "motion",
                "slowmo", "sky", "skies", "solid", "partly", "grey", "gray", "mist", "fog", "leftwards", "rightwards",
                "reappears", "emerges", "comes", "out", "other", "glancing", "centre", "center", "like", "strikes",
                "hits", "rod", "string", "wire", "cord", "past", "mph"));
        WORDS.addAll(SKY_WORDS);
        WORDS.addAll(SUN);
        WORDS.addAll(SUN_MANNER);
    }

    private static void indoor(String name, double w, double h, double d, Material floor, Material walls) {
        VENUES.put(name, new Venue(name, Environment.Kind.INDOOR, new Vec3(w, h, d), floor, walls, walls));
        WORDS.addAll(List.of(name.split(" ")));
    }

    private static void outdoor(String name, Material ground) {
        VENUES.put(name, new Venue(name, Environment.Kind.OUTDOOR, null, ground, null, null));
        WORDS.addAll(List.of(name.split(" ")));
    }

    private static void verbs(Act act, String... words) {
        for (String w : words) VERBS.put(w, act);
        WORDS.addAll(List.of(words));
    }

    private static final Map<String, Layout> LAYOUT_NOUNS = Map.ofEntries(Map.entry("row", Layout.ROW),
            Map.entry("rows", Layout.ROW), Map.entry("line", Layout.ROW), Map.entry("chain", Layout.ROW),
            Map.entry("stack", Layout.STACK), Map.entry("tower", Layout.STACK), Map.entry("pile", Layout.STACK),
            Map.entry("heap", Layout.STACK), Map.entry("column", Layout.STACK), Map.entry("pyramid", Layout.PYRAMID),
            Map.entry("circle", Layout.CIRCLE), Map.entry("ring", Layout.CIRCLE), Map.entry("rack", Layout.RACK),
            Map.entry("triangle", Layout.RACK), Map.entry("wall", Layout.WALL), Map.entry("spiral", Layout.SPIRAL),
            Map.entry("swirl", Layout.SPIRAL));

    private final PromptReader r;

    /** The layout a noun names ("row", "tower", "wall"), or null. */
    static Layout layoutNoun(String w) {
        return LAYOUT_NOUNS.get(w);
    }

    ActionWords(PromptReader reader) {
        this.r = reader;
    }

    int match(int i) {
        int e;
        if ((e = slowMotion(i)) > i) return e;
        if ((e = whereOnIt(i)) > i) return e;
        if ((e = sky(i)) > i) return e;
        if ((e = arrangement(i)) > i) return e;
        if ((e = relation(i)) > i) return e;
        if ((e = emerging(i)) > i) return e;
        if ((e = glancing(i)) > i) return e;
        if ((e = striking(i)) > i) return e;
        return action(i);
    }

    // ---- arrangements ----

    private int arrangement(int i) {
        String a = r.w(i), b = r.w(i + 1), c = r.w(i + 2);
        // "a row of", "the stack of", "a tower of": before the group.
        int n0 = Set.of("a", "an", "the", "one").contains(a) ? i + 1 : i;
        if (Set.of("long", "tall", "neat", "straight", "small", "big", "high", "little", "short").contains(r.w(n0))) n0++;
        Layout lead = LAYOUT_NOUNS.get(r.w(n0));
        if (lead != null && r.w(n0 + 1).equals("of") && r.shapeAhead(n0 + 2) >= 0) return arranged(i, n0 + 2, lead, true);
        // "in a row", "in a straight line", "in a circle", "in a stack", "in rows", "in a ring".
        if (a.equals("in") || a.equals("into") || a.equals("on")) {
            int n = Set.of("a", "an", "the", "one").contains(b) ? i + 2 : i + 1;
            if (Set.of("straight", "neat", "long", "single", "perfect", "tidy", "tall").contains(r.w(n))) n++;
            Layout l = LAYOUT_NOUNS.get(r.w(n));
            // ("into a wall", "on the wall": a wall said after a group is not its layout)
            if (l != null && l != Layout.WALL && !(r.w(n + 1).equals("of") && r.shapeAhead(n + 2) >= 0)) return arranged(i, n + 1, l, false);
        }
        // "lined up", "side by side", "one after another", "on top of each other", "one on top of the other".
        if (a.equals("lined") && b.equals("up")) return arranged(i, i + 2, Layout.ROW, false);
        if (a.equals("side") && b.equals("by") && c.equals("side")) return arranged(i, i + 3, Layout.ROW, false);
        int top = i;
        if (a.equals("one")) top = i + 1;
        if (r.w(top).equals("on") && r.w(top + 1).equals("top") && r.w(top + 2).equals("of")) {
            int n = top + 3;
            if (r.w(n).equals("each") && r.w(n + 1).equals("other")) return arranged(i, n + 2, Layout.STACK, false);
            if (r.w(n).equals("one") && r.w(n + 1).equals("another")) return arranged(i, n + 2, Layout.STACK, false);
            if (a.equals("one") && r.w(n).equals("the") && r.w(n + 1).equals("other")) {
                return arranged(i, n + 2, Layout.STACK, false);
            }
            if (a.equals("one") && r.w(n).equals("another")) return arranged(i, n + 1, Layout.STACK, false);
        }
        // "stacked", "stacked up", "piled up", "scattered about", "strewn across", "at random", "randomly".
        if (Set.of("stacked", "piled", "stack").contains(a)) {
            int end = b.equals("up") ? i + 2 : i + 1;
            return arranged(i, end, Layout.STACK, r.shapeAhead(end) >= 0 && r.shapeAhead(end) <= end + 3);
        }
        if (Set.of("scattered", "strewn", "randomly", "spread").contains(a)) {
            int end = i + 1;
            if (Set.of("about", "around", "out").contains(b)) end++;
            if (a.equals("randomly") && Set.of("placed", "scattered", "arranged", "spread").contains(b)) end = i + 2;
            return arranged(i, end, Layout.SCATTERED, r.shapeAhead(end) >= 0 && r.shapeAhead(end) <= end + 3);
        }
        if (a.equals("at") && b.equals("random")) return arranged(i, i + 2, Layout.SCATTERED, false);
        if (a.equals("all") && b.equals("over") && Vocabulary.FLOOR_NOUNS.contains(r.w(i + 3))) {
            return arranged(i, i + 4, Layout.SCATTERED, false);
        }
        return i;
    }

    private int arranged(int i, int end, Layout layout, boolean leading) {
        r.draft.arrangements.add(new Arrangement(i, layout, leading, r.text(i, end)));
        r.use(i, end);
        return end;
    }

    // ---- relations ----

    private int relation(int i) {
        String a = r.w(i), b = r.w(i + 1), c = r.w(i + 2);
        Rel rel = null;
        int end = i;
        // "rolls slowly into a cube", "rolls at 2 m/s towards a cube": what the mover heads for (Arranging.act)
        if (!a.equals("at") && headsFor(i) >= 0) {
            ActionPhrase latest = null;
            for (ActionPhrase p : r.draft.actions) if (p.at() < i && (latest == null || p.at() > latest.at())) latest = p;
            final ActionPhrase mover = latest;
            boolean between = mover != null && r.draft.groups.stream().anyMatch(g -> g.at() > mover.at() && g.at() < i);
            if (mover != null && Set.of(Act.ROLL, Act.PUSH, Act.THROW).contains(mover.act()) && !between
                    && !r.draft.toward.containsKey(mover.at())) {
                r.draft.toward.put(mover.at(), i);
                r.use(i, i + 1);
                return i + 1;
            }
        }
        if (a.equals("next") && b.equals("to")) {
            rel = Rel.NEXT_TO;
            end = i + 2;
        } else if (Set.of("beside", "besides", "alongside", "near").contains(a)) {
            rel = Rel.NEXT_TO;
            end = i + 1;
        } else if ((a.equals("to") || a.equals("on")) && b.equals("the") && (c.equals("left") || c.equals("right"))
                && r.w(i + 3).equals("of")) {
            rel = c.equals("left") ? Rel.LEFT_OF : Rel.RIGHT_OF;
            end = i + 4;
        } else if ((a.equals("left") || a.equals("right")) && b.equals("of")) {
            rel = a.equals("left") ? Rel.LEFT_OF : Rel.RIGHT_OF;
            end = i + 2;
        } else if (a.equals("in") && b.equals("front") && c.equals("of")) {
            rel = Rel.IN_FRONT_OF;
            end = i + 3;
        } else if (a.equals("behind")) {
            rel = Rel.BEHIND;
            end = i + 1;
        } else if (a.equals("past") && !r.draft.actions.isEmpty()
                && Set.of(Act.ROLL, Act.PUSH).contains(r.draft.actions.getLast().act())) {
            // "a ball rolls past a cube": it passes in front of it, starting beside it (Arranging.relate)
            rel = Rel.IN_FRONT_OF;
            end = i + 1;
        } else if (a.equals("in") && b.equals("back") && c.equals("of")) {
            rel = Rel.BEHIND;
            end = i + 3;
        } else if (a.equals("between")) {
            rel = Rel.BETWEEN;
            end = i + 1;
        } else if (Set.of("inside", "within", "into").contains(a)) {
            rel = Rel.INSIDE;
            end = a.equals("inside") && b.equals("of") ? i + 2 : i + 1;
        } else if (Set.of("under", "below", "beneath", "underneath").contains(a) && r.shapeAhead(i + 1) >= 0) {
            // "a plank under a ball": the plank rests on the floor and the ball falls onto it.
            if (!r.draft.groups.isEmpty()) {
                var last = r.draft.groups.removeLast();
                r.draft.groups.add(last.resting());
                r.use(i, i + 1);
                return i + 1;
            }
            return i;
        }
        if (rel == null || r.shapeAhead(end) < 0) return i;
        r.draft.relations.add(new Relation(i, rel, r.text(i, end)));
        r.use(i, end);
        return end;
    }

    // ---- actions ----

    private int action(int i) {
        // "slowly turning", "gently swinging", "rapidly spinning": the manner goes with the verb.
        Act next = VERBS.get(r.w(i + 1));
        if (Set.of("slowly", "gently", "lazily").contains(r.w(i)) && (next == Act.SPIN || next == Act.SWING)
                || Set.of("fast", "quickly", "rapidly").contains(r.w(i)) && next == Act.SPIN) {
            int e = action(i + 1);
            if (e == i + 1) return i;
            ActionPhrase last = r.draft.actions.removeLast();
            r.draft.actions.add(new ActionPhrase(i, last.act(), r.text(i, e)));
            r.use(i, e);
            return e;
        }
        String a = r.w(i);
        Act act = VERBS.get(a);
        int end = i + 1;
        if (act == null) {
            // "head on", "head-on", "towards each other": a collision.
            if (a.equals("head") && r.w(i + 1).equals("on")) {
                act = Act.COLLIDE;
                end = i + 2;
            } else if ((a.equals("towards") || a.equals("toward")) && r.w(i + 1).equals("each")
                    && r.w(i + 2).equals("other")) {
                act = Act.COLLIDE;
                end = i + 3;
            } else if (a.equals("into") && r.w(i + 1).equals("each") && r.w(i + 2).equals("other")) {
                act = Act.COLLIDE;
                end = i + 3;
            } else if (a.equals("domino") && Set.of("effect", "chain").contains(r.w(i + 1))) {
                act = Act.TOPPLE;
                end = i + 2;
            } else if (Set.of("fall", "falls", "fell", "falling").contains(a) && r.w(i + 1).equals("over")
                    && r.shapeAhead(i + 2) < 0 && !Set.of("the", "a", "an", "its", "their", "edge").contains(r.w(i + 2))) {
                // "ten books in a row fall over": they topple ("falls over the edge" is a fall)
                act = Act.TOPPLE;
                end = i + 2;
            } else if (a.equals("chain") && r.w(i + 1).equals("reaction")) {
                act = Act.TOPPLE;
                end = i + 2;
            } else {
                return i;
            }
        }
        // "knock over", "tip over", "knocks down", "pushed over", "rolls across", "slides along".
        if (Set.of("over", "down").contains(r.w(end)) && (act == Act.TOPPLE || act == Act.PUSH)) {
            if (act == Act.PUSH) act = Act.TOPPLE;
            end++;
            // "a bowling ball knocks over ten pins", "a ball knocks down a tower of blocks": a thing
            // named before the verb is sent into the things named after it (a ball rolls, anything
            // else slides), fast enough to knock them down (Arranging.act).
            int g = Arranging.subject(r.draft.groups, i, false), t = r.shapeAhead(pastLayout(end));   // "knocks over a tower of blocks"
            boolean knock = a.startsWith("knock") && g >= 0 && r.draft.groups.get(g).at() < i && t >= 0 && t <= end + 5;
            // "a ball rolls down a ramp and knocks over five dominoes": the ramp does not knock; the
            // ball's roll (down the ramp, Props) carries it into them, and the dominoes stand in its way.
            ActionPhrase mover = null;
            if (knock && r.draft.groups.get(g).noun().role() != Draft.Role.PLAIN) {
                for (ActionPhrase p : r.draft.actions) {
                    int pg = Arranging.subject(r.draft.groups, p.at(), false);
                    if (p.at() < i && Set.of(Act.ROLL, Act.PUSH, Act.THROW).contains(p.act()) && pg >= 0
                            && r.draft.groups.get(pg).noun().role() == Draft.Role.PLAIN) mover = p;
                }
                if (mover != null) {
                    r.draft.toward.putIfAbsent(mover.at(), end);
                    r.draft.knocks.add(mover.at());
                    r.use(i, end);
                    return end;
                }
            }
            if (knock && r.draft.groups.get(g).noun().role() == Draft.Role.PLAIN) {
                act = r.draft.groups.get(g).shape() == Shape.BALL ? Act.ROLL : Act.PUSH;
                r.draft.toward.put(i, end);
                r.draft.knocks.add(i);
                // "knocks over ten pins at 9 m/s": the speed said after what it knocks over is the mover's
                int said = speed(i, t + 1);
                if (said > t + 1) r.use(t + 1, said);
            }
        } else if (Set.of("across", "along", "away", "off", "forward", "forwards", "sideways").contains(r.w(end))
                && act != Act.TOPPLE) {
            end++;
        } else if ((act == Act.COLLIDE) && Set.of("into", "with").contains(r.w(end))) {
            end++;
        } else if ((act == Act.SPIN || act == Act.SWING) && Set.of("slowly", "gently", "around", "round", "back")
                .contains(r.w(end)) || act == Act.SPIN && Set.of("fast", "quickly", "rapidly").contains(r.w(end))) {
            end++;
            if (act == Act.SWING && r.w(end - 1).equals("back") && Set.of("and", "n").contains(r.w(end))
                    && r.w(end + 1).equals("forth")) end += 2;
        }
        // "swings down from 39 degrees", "swings like a pendulum from 41 degrees": the angle it is let go from
        if (act == Act.SWING) {
            if (r.w(end).equals("down")) end++;
            if (r.w(end).equals("like") && Set.of("a", "an").contains(r.w(end + 1)) && r.w(end + 2).equals("pendulum")) end += 3;
            int j = Set.of("from", "at").contains(r.w(end)) ? end + 1 : -1;
            PromptReader.Num n = j < 0 ? null : r.degreesAt(j);
            int g = Arranging.subject(r.draft.groups, i, false);
            if (n != null && g >= 0) {
                if (!(n.value() > 0 && n.value() <= 90)) {
                    throw new PromptException(r.text(i, n.end()), "gives an angle of " + PromptReader.number(n.value())
                            + " degrees; expected more than 0 and at most 90 degrees for a swing");
                }
                r.draft.swingDegrees.put(r.draft.groups.get(g).at(), n.value());
                end = n.end();
            }
        }
        // "rolls to the left", "slides right", "is thrown leftwards": across the picture (Arranging.across).
        if (act == Act.ROLL || act == Act.PUSH || act == Act.THROW) {
            end = speed(i, end);
            if (act == Act.THROW) end = speed(i, elevation(i, end));
            if (r.w(end).equals("to") && r.w(end + 1).equals("the") && Set.of("left", "right").contains(r.w(end + 2))
                    && !r.w(end + 3).equals("of")) {
                end += 3;
            } else if (ACROSS.contains(r.w(end)) && !r.w(end + 1).equals("of")) {
                end++;
            } else if (act == Act.THROW && UP.contains(r.w(end))) {
                end++;   // "is tossed up": straight up (Arranging.act)
            } else if (act == Act.THROW && Set.of("straight", "directly", "vertically").contains(r.w(end))
                    && UP.contains(r.w(end + 1))) {
                end += 2;   // "is thrown straight up", "vertically upwards"
            } else if (act == Act.THROW && r.w(end).equals("vertically")) {
                end++;      // "is thrown vertically": up
            }
            end = speed(i, end);
            if (act == Act.THROW) end = speed(i, elevation(i, end));
            // "rolls to the right across a stone floor"
            if (end > i + 1 && Set.of("across", "along").contains(r.w(end)) && !Set.of("across", "along").contains(r.w(end - 1))) end++;
            // "rolls into a row of dominoes", "slides towards a cube", "is thrown at a stack of cans":
            // it heads for that (Arranging.act)
            if (headsFor(end) >= 0) {
                r.draft.toward.put(i, end);
                end++;
            }
        }
        // "rolls into the wall", "is thrown against a wall": at the room's wall (the wall's own words make the room)
        if ((act == Act.ROLL || act == Act.PUSH || act == Act.THROW) && atWall(end)) {
            r.draft.atWall.add(i);
            end++;
        }
        r.draft.actions.add(new ActionPhrase(i, act, r.text(i, end)));
        r.use(i, end);
        return end;
    }

    /** "off the wall", "against a wall", "into the wall", "at the wall" at {@code j} (a room's wall, not a wall of bricks). */
    boolean atWall(int j) {
        return Set.of("off", "against", "into", "at", "toward", "towards").contains(r.w(j)) && Set.of("the", "a").contains(r.w(j + 1))
                && r.w(j + 2).equals("wall") && !r.w(j + 3).equals("of");
    }

    /**
     * "off-centre", "off center", "a glancing blow", "glancing": the mover meets what it heads for
     * off its centre (Arranging.act).
     */
    private int glancing(int i) {
        String a = r.w(i);
        int end;
        if (a.equals("off") && Set.of("centre", "center").contains(r.w(i + 1))) end = i + 2;
        else if (Set.of("off-centre", "off-center").contains(a)) end = i + 1;
        else if (Set.of("a", "one").contains(a) && r.w(i + 1).equals("glancing") && Set.of("blow", "hit", "collision").contains(r.w(i + 2))) end = i + 3;
        else if (a.equals("glancing") && Set.of("blow", "hit", "collision").contains(r.w(i + 1))) end = i + 2;
        else if (Set.of("glancing", "glancingly").contains(a)) end = i + 1;
        else return i;
        r.draft.glancing = true;
        r.use(i, end);
        return end;
    }

    /** "up", said of a throw ("is tossed up", "at 45 degrees upwards"). */
    static final Set<String> UP = Set.of("up", "upward", "upwards");

    /** Verbs of hitting something hard enough to knock it down, with "into" or "through" or none. */
    static final Set<String> SMASH_VERBS = Set.of("smash", "smashes", "smashed", "smashing", "demolish", "demolishes",
            "demolished", "demolishing", "wreck", "wrecks", "wrecked", "ram", "rams", "rammed", "ramming",
            "plough", "ploughs", "ploughed", "plow", "plows", "plowed");

    /**
     * "strikes a white ball", "hits a cube", "knocks into a ball": what a pendulum swings into (Props
     * puts the struck thing at the bottom of its swing), or what a thing that rolls, slides or is
     * thrown heads for; a thing said to hit another with no other motion rolls into it.
     */
    private int striking(int i) {
        String a = r.w(i);
        int end;
        boolean breaks = Set.of("breaks", "break", "breaking").contains(a);
        // "smashes into a wall", "demolishes a tower", "rams the cube": sent into it hard enough to knock it down
        boolean smashes = SMASH_VERBS.contains(a);
        if (Set.of("strikes", "strike", "striking", "hits", "hit", "hitting").contains(a) || breaks) end = i + 1;
        else if (Set.of("knocks", "bumps", "crashes", "slams").contains(a) && r.w(i + 1).equals("into")) end = i + 2;
        else if (smashes) end = Set.of("into", "through").contains(r.w(i + 1)) ? i + 2 : i + 1;
        else return i;
        int g = Arranging.subject(r.draft.groups, i, false);
        // "hits a rack of balls", "strikes a row of dominoes": the shape after the arrangement's noun
        int ahead = r.shapeAhead(pastLayout(end));
        if (g < 0 || ahead < 0 || ahead > end + 6) return i;
        if (r.draft.groups.get(g).noun().role() == Draft.Role.PENDULUM) {
            r.draft.strikes.add(i);
        } else {
            // "a ball rolls across the floor and hits a cube": the mover heads for it (Arranging.act)
            ActionPhrase mover = null;
            for (ActionPhrase p : r.draft.actions) {
                if (p.at() < i && Arranging.subject(r.draft.groups, p.at(), false) == g && Set.of(Act.ROLL, Act.PUSH, Act.THROW).contains(p.act())) mover = p;
            }
            if (mover != null && r.draft.toward.containsKey(mover.at())) return i;
            if (mover == null) {
                // "a ball hits a cube": it rolls into it
                mover = new ActionPhrase(i, Act.ROLL, r.text(i, end));
                r.draft.actions.add(mover);
            }
            r.draft.toward.put(mover.at(), i);
            // "a cue ball breaks a rack of fifteen balls": a break in pool, at a break's speed
            if (breaks) r.draft.breaks.add(mover.at());
            if (smashes) r.draft.knocks.add(mover.at());
        }
        r.use(i, end);
        return end;
    }

    /**
     * "at 2 m/s", "at 5 metres per second", "at 3 km/h", "at 10 kilometres an hour" at {@code end}: the
     * speed of the action at {@code i} (Arranging.act); the index after it, or {@code end}.
     */
    private int speed(int i, int end) {
        if (r.draft.speeds.containsKey(i)) return end;
        // "rolls slowly", "slides gently": half the usual speed; "rolls fast", "quickly", "rapidly": twice it
        double manner = Set.of("slowly", "gently").contains(r.w(end)) ? 0.5 : Set.of("fast", "quickly", "rapidly").contains(r.w(end)) ? 2 : 0;
        if (manner > 0) {
            r.draft.mannerAt.put(i, manner);
            return end + 1;
        }
        if (!r.w(end).equals("at")) return end;
        double[] said = speedAt(r, end + 1);
        if (said == null) return end;
        r.draft.speeds.put(i, said[0]);
        return (int) said[1];
    }

    /**
     * "2 m/s", "5 metres per second", "3 km/h", "10 kilometres an hour", "3 mph", "5 miles per hour"
     * at {@code j}: {metres a second, the index after it}, or null; a speed of 0 or over
     * {@value #MAX_SPEED} m/s is refused.
     */
    static double[] speedAt(PromptReader r, int j) {
        PromptReader.Len len = r.length(j);
        // "at 3 mph", "at 5 miles per hour", "at 10 miles an hour"
        PromptReader.Num miles = len == null && r.tok(j) != null && r.tok(j).isNumber() ? r.number(j) : null;
        if (miles != null && (r.w(miles.end()).equals("mph")
                || Set.of("mile", "miles").contains(r.w(miles.end())) && Set.of("per", "an", "a").contains(r.w(miles.end() + 1))
                && Set.of("hour", "hr", "h").contains(r.w(miles.end() + 2)))) {
            len = new PromptReader.Len(miles.value() * METRES_PER_MILE, r.w(miles.end()).equals("mph") ? miles.end() : miles.end() + 1);
        }
        if (len == null) return null;
        int e = len.end();
        double per;
        if (r.w(e).equals("s") || Set.of("per", "a").contains(r.w(e)) && Set.of("second", "sec", "s").contains(r.w(e + 1))) per = 1;
        else if (Set.of("h", "mph").contains(r.w(e)) || Set.of("per", "an", "a").contains(r.w(e)) && Set.of("hour", "hr", "h").contains(r.w(e + 1))) per = 3600;
        else return null;
        e += Set.of("s", "h", "mph").contains(r.w(e)) ? 1 : 2;
        double v = len.metres() / per;
        if (!(v > 0 && v <= MAX_SPEED)) {
            // the message quotes the word before the speed too ("at 60 m/s", "a 60 m/s")
            throw new PromptException(r.text(j - 1, e), "gives a speed of " + PromptReader.number(v) + " m/s; expected more than 0 and at most "
                    + PromptReader.number(MAX_SPEED) + " m/s");
        }
        return new double[] {v, e};
    }

    /**
     * "at 45 degrees", "at an angle of 30 degrees", "at a 60 degree angle", "at 45 degrees above the
     * horizontal" (or "to" or "from the horizontal", "to the ground", "up", "upwards"), "horizontally":
     * the angle above the horizontal that the throw at {@code i} leaves at (Arranging.act); the index
     * after it, or {@code end}.
     */
    private int elevation(int i, int end) {
        if (r.draft.throwDegrees.containsKey(i)) return end;
        if (r.w(end).equals("horizontally")) {
            r.draft.throwDegrees.put(i, 0.0);
            return end + 1;
        }
        if (!r.w(end).equals("at")) return end;
        int j = end + 1;
        boolean anAngleOf = Set.of("an", "a").contains(r.w(j)) && r.w(j + 1).equals("angle") && r.w(j + 2).equals("of");
        if (anAngleOf) j += 3;
        else if (r.w(j).equals("a")) j++;   // "at a 60 degree angle"
        PromptReader.Num n = r.degreesAt(j);
        if (n == null) return end;
        int e = n.end();
        if (!anAngleOf && r.w(j - 1).equals("a")) {
            if (!r.w(e).equals("angle")) return end;
            e++;
        }
        if (Set.of("above", "to", "from").contains(r.w(e)) && r.w(e + 1).equals("the")
                && Set.of("horizontal", "ground", "floor").contains(r.w(e + 2))) {
            e += 3;
        } else if (UP.contains(r.w(e))) {
            e++;
        }
        if (!(n.value() >= 0 && n.value() <= 90)) {
            throw new PromptException(r.text(end, e), "gives an angle of " + PromptReader.number(n.value())
                    + " degrees; expected 0 to 90 degrees above the horizontal for a throw");
        }
        r.draft.throwDegrees.put(i, n.value());
        return e;
    }

    /** A statute mile, metres. */
    static final double METRES_PER_MILE = 1609.344;

    /** The fastest a mover may be sent, m/s. */
    static final double MAX_SPEED = 50;

    /**
     * The index of the object word that the word at {@code at} ("into", "towards", "at", "against")
     * names as what a mover heads for, or -1: a thing within a few words ("a row of dominoes" too);
     * "into" a cup, bowl, jug, tank and the like stays a place to be in.
     */
    private int headsFor(int at) {
        if (!TOWARD.contains(r.w(at))) return -1;
        int k = pastLayout(at + 1);   // "into a row of dominoes"
        int s = r.shapeAhead(k);
        if (s < 0 || s > k + 4) return -1;
        Shape target = Vocabulary.SHAPES.get(r.w(s));
        return r.w(at).equals("into") && target != null && HOLDERS.contains(target) ? -1 : s;
    }

    /** The index past an article and "row of", "tower of", "rack of" at {@code k} ("a row of dominoes": "dominoes"). */
    private int pastLayout(int k) {
        int n = Set.of("a", "an", "the").contains(r.w(k)) ? k + 1 : k;
        return LAYOUT_NOUNS.containsKey(r.w(n)) && r.w(n + 1).equals("of") ? n + 2 : n;
    }

    /** What "into" puts a thing in or on rather than sends it at: cups, bowls, bottles, jugs, tanks, tables, shelves, stairs. */
    static final Set<Shape> HOLDERS = Set.of(Shape.BOWL, Shape.CUP, Shape.BOTTLE, Shape.JUG, Shape.TANK, Shape.TABLE, Shape.POOL_TABLE, Shape.SHELF, Shape.STAIRS);

    /** The words that send a mover at a thing named after them. */
    static final Set<String> TOWARD = Set.of("towards", "toward", "at", "against", "into");

    /** The words that send a mover across the picture: "left", "leftwards", "right", "rightwards". */
    static final Set<String> ACROSS = Set.of("left", "leftwards", "leftward", "right", "rightwards", "rightward");

    /**
     * "comes out the other side", "comes out again", "reappears", "emerges on the other side": what
     * a thing rolling behind another does; understood, and it changes nothing (the motion does it).
     */
    private int emerging(int i) {
        String a = r.w(i);
        int end;
        if (Set.of("comes", "come", "coming").contains(a) && Set.of("out", "back").contains(r.w(i + 1))) {
            end = i + 2;
        } else if (Set.of("reappears", "reappear", "reappearing", "emerges", "emerge", "emerging").contains(a)) {
            end = i + 1;
        } else {
            return i;
        }
        if (r.w(end).equals("again")) end++;
        int k = Set.of("on", "at", "from", "out").contains(r.w(end)) ? end + 1 : end;
        if (r.w(k).equals("of")) k++;
        if (r.w(k).equals("the") && Set.of("other", "far").contains(r.w(k + 1)) && r.w(k + 2).equals("side")) end = k + 3;
        else if (r.w(end).equals("from") && r.w(end + 1).equals("behind") && Set.of("it", "them").contains(r.w(end + 2))) end += 3;
        r.use(i, end);
        return end;
    }

    /**
     * "on it", "on one end", "at each end", "on the other", "at either side", "inside it": where
     * things go on what holds them, said after them ("a seesaw with a ball on each end"). Props puts
     * them there (ends alternate on a seesaw; things share a table top): the words are understood.
     */
    private int whereOnIt(int i) {
        String a = r.w(i);
        if (!Set.of("on", "at", "in", "inside", "into").contains(a)) return i;
        int k = i + 1;
        if (Set.of("it", "them", "top").contains(r.w(k))) {
            if (r.w(k).equals("top") && !Set.of("", "and", "then", "while", "as").contains(r.w(k + 1))) return i;
            r.use(i, k + 1);
            for (int t = i; t < k + 1; t++) r.tail.add(t);
            return k + 1;
        }
        if (Set.of("in", "inside", "into").contains(a)) return i;
        if (r.w(k).equals("the")) k++;
        boolean which = Set.of("one", "each", "either", "both", "other", "far", "near", "left", "right", "opposite")
                .contains(r.w(k));
        if (!which) return i;
        int end = k + 1;
        if (Set.of("end", "ends", "side", "sides").contains(r.w(end))) end++;
        else if (!r.w(k).equals("other")) return i;
        if (r.w(end).equals("of")) return i;  // "on the left side of": a relation
        r.use(i, end);
        for (int t = i; t < end; t++) r.tail.add(t);
        return end;
    }

    // ---- sky and playback ----

    /**
     * "under an overcast sky", "on a hazy afternoon", "grey skies", "a clear sky", "smoggy", "partly
     * cloudy": the haze of the air (turbidity) and the cloud over the sky, each said once.
     */
    private int sky(int i) {
        String a = r.w(i), b = r.w(i + 1);
        int start = i, k = i;
        // "in the sun", "in bright sunshine", "in the morning sun" (the morning is the time's): the sun
        // is out, so no cloud hides it.
        int s = i;
        if (a.equals("in")) s++;
        if (r.w(s).equals("the")) s++;
        if (SUN_MANNER.contains(r.w(s)) && SUN.contains(r.w(s + 1))) s++;
        if (SUN.contains(r.w(s))) return skySaid(i, s + 1, Double.NaN, 0);
        if (a.equals("under") && Set.of("a", "an", "the").contains(b)) k = i + 2;
        if (a.equals("on") && Set.of("a", "an").contains(b)) k = i + 2;
        if (a.equals("in") && b.equals("the") && Set.of("haze", "smog", "mist", "fog").contains(r.w(i + 2))) k = i + 2;
        String word = r.w(k);
        if (word.equals("partly") && r.w(k + 1).equals("cloudy")) {
            int end = Set.of("sky", "skies", "day", "weather").contains(r.w(k + 2)) ? k + 3 : k + 2;
            return skySaid(start, end, Double.NaN, PARTLY_CLOUDY);
        }
        if (!SKY_WORDS.contains(word) && !Set.of("mist", "fog").contains(word)) {
            // "grey skies", "a grey sky", "a gray day"
            if (Set.of("grey", "gray").contains(word) && Set.of("sky", "skies", "day").contains(r.w(k + 1))) {
                return skySaid(start, k + 2, Double.NaN, OVERCAST);
            }
            return i;
        }
        boolean noun = Set.of("sky", "skies", "day", "weather", "morning", "afternoon", "evening", "air").contains(r.w(k + 1));
        // "clear" and "sunny" are sky words only before sky words ("a clear sky"); "clear glass" is glass.
        // "mist" and "fog" only as "in the mist".
        if (Set.of("clear", "sunny", "cloudless").contains(word) && !noun) return i;
        if (Set.of("mist", "fog").contains(word) && k == i) return i;
        if (noun && Set.of("morning", "afternoon", "evening").contains(r.w(k + 1))) noun = false;
        int end = noun ? k + 2 : k + 1;
        return switch (word) {
            case "overcast" -> skySaid(start, end, Double.NaN, OVERCAST);
            case "cloudy" -> skySaid(start, end, Double.NaN, CLOUDY);
            case "hazy", "haze" -> skySaid(start, end, HAZY_TURBIDITY, Double.NaN);
            case "misty", "foggy", "smoggy", "smog", "murky", "mist", "fog" -> skySaid(start, end, SMOGGY_TURBIDITY, Double.NaN);
            // "clear", "sunny", "cloudless": clean air and no cloud.
            default -> skySaid(start, end, CLEAR_TURBIDITY, 0);
        };
    }

    /** Records a haze (turbidity) and a cloud cover, either NaN when the words did not speak of it. */
    private int skySaid(int i, int end, double turbidity, double cover) {
        String words = r.text(i, end);
        if (!Double.isNaN(turbidity)) {
            if (r.draft.haze != null && r.draft.haze.value() != turbidity) {
                throw new PromptException(words, "the air is described twice (also as \"" + r.draft.haze.words()
                        + "\"); expected one of clear, hazy, smoggy");
            }
            r.draft.haze = new Said<>(turbidity, words);
        }
        if (!Double.isNaN(cover)) {
            if (r.draft.clouds != null && r.draft.clouds.value() != cover) {
                throw new PromptException(words, "the sky is given twice (also as \"" + r.draft.clouds.words()
                        + "\"); expected one of clear, partly cloudy, cloudy, overcast");
            }
            r.draft.clouds = new Said<>(cover, words);
        }
        r.use(i, end);
        return end;
    }

    /** Slow motion said without how slow: 5 times (120 frames a second played at 24), a phone's or a film camera's usual. */
    static final double SLOW_MOTION = 5;
    /** "super slow motion", "extreme", "ultra": 10 times (240 frames a second at 24). */
    static final double SUPER_SLOW_MOTION = 10;
    /** "a high-speed camera": 1,000 frames a second. */
    static final int HIGH_SPEED_FPS = 1000;
    private static final Set<String> FILMED = Set.of("filmed", "shot", "captured", "recorded", "taken");

    /**
     * Slow motion: "in slow motion", "slow-mo", "slo-mo", "a slow-motion shot", "super slow motion"
     * (its factor {@value #SUPER_SLOW_MOTION}; else {@value #SLOW_MOTION}), "in 4x slow motion", "4 times
     * slower", "at half speed", "at quarter speed", "filmed at 240 fps" (or "frames per second",
     * "frames a second"; "shot", "captured", "recorded"), "with a high-speed camera"
     * ({@value #HIGH_SPEED_FPS} fps), "in real time" and "at normal speed" (no slow motion, for a
     * remix). Staging sets the scene's captureFps from these.
     */
    private int slowMotion(int i) {
        int j = r.w(i).equals("in") ? i + 1 : i;
        // "4x slow motion", "4 times slow motion", "4 times slower"
        Double factor = null;
        Token t = r.tok(j);
        if (t != null && t.isNumber() && Set.of("x", "times").contains(r.w(j + 1))) {
            if (r.w(j + 2).equals("slower")) return slow(i, j + 3, t.number(), 0);
            if (slowWords(j + 2) > j + 2) {
                factor = t.number();
                j += 2;
            }
        }
        boolean extreme = factor == null && Set.of("super", "extreme", "ultra", "very").contains(r.w(j)) && slowWords(j + 1) > j + 1;
        int e = slowWords(extreme ? j + 1 : j);
        if (e > (extreme ? j + 1 : j)) {
            if (Set.of("shot", "footage", "camera", "replay").contains(r.w(e))) e++;
            // "in slow motion at 240 fps", "slow motion, filmed at 1000 frames per second"
            int f = FILMED.contains(r.w(e)) ? e + 1 : e;
            int[] fps = framesPerSecond(r.w(f).equals("at") ? f + 1 : -1);
            if (fps != null) return slow(i, fps[1], 0, fps[0]);
            return slow(i, e, factor != null ? factor : extreme ? SUPER_SLOW_MOTION : SLOW_MOTION, 0);
        }
        // "filmed at 240 fps"
        if (FILMED.contains(r.w(i)) && r.w(i + 1).equals("at")) {
            int[] fps = framesPerSecond(i + 2);
            if (fps != null) return slow(i, fps[1], 0, fps[0]);
        }
        // "with a high-speed camera", "on a high speed camera"
        int h = Set.of("with", "on", "by").contains(r.w(i)) && Set.of("a", "an").contains(r.w(i + 1)) ? i + 2 : i;
        if (r.w(h).equals("high") && r.w(h + 1).equals("speed") && r.w(h + 2).equals("camera")) return slow(i, h + 3, 0, HIGH_SPEED_FPS);
        // "at half speed", "at quarter speed", "at a quarter of the speed", "at half the speed"
        if (r.w(i).equals("at")) {
            int k = Set.of("a", "one").contains(r.w(i + 1)) ? i + 2 : i + 1;
            double frac = switch (r.w(k)) {
                case "half" -> 2;
                case "quarter" -> 4;
                case "third" -> 3;
                case "tenth" -> 10;
                default -> 0;
            };
            if (frac > 0) {
                int m = k + 1;
                if (r.w(m).equals("of")) m++;
                if (r.w(m).equals("the")) m++;
                if (r.w(m).equals("speed") && !r.w(m + 1).equals("of")) return slow(i, m + 1, frac, 0);
            }
        }
        // "in real time", "at normal speed", "at full speed": no slow motion
        if (r.w(i).equals("in") && r.w(i + 1).equals("real") && r.w(i + 2).equals("time")) return slow(i, i + 3, 1, 0);
        if (r.w(i).equals("at") && Set.of("normal", "full", "real").contains(r.w(i + 1)) && r.w(i + 2).equals("speed")) {
            return slow(i, i + 3, 1, 0);
        }
        return i;
    }

    /** "slow motion", "slow-mo", "slo-mo", "slowmo" at {@code i}: the index after it, or i. */
    private int slowWords(int i) {
        String a = r.w(i), b = r.w(i + 1);
        if ((a.equals("slow") || a.equals("slo")) && (b.equals("motion") || b.equals("mo"))) return i + 2;
        if (Set.of("slowmo", "slowmotion", "slomo").contains(a)) return i + 1;
        return i;
    }

    /** "240 fps", "240 frames per second", "240 frames a second" at {@code i}: {fps, the index after}, or null. */
    private int[] framesPerSecond(int i) {
        Token t = r.tok(i);
        if (i < 0 || t == null || !t.isNumber()) return null;
        if (r.w(i + 1).equals("fps")) return new int[] {(int) Math.round(t.number()), i + 2};
        if (Set.of("frames", "frame").contains(r.w(i + 1)) && Set.of("per", "a").contains(r.w(i + 2))
                && Set.of("second", "sec", "s").contains(r.w(i + 3))) {
            return new int[] {(int) Math.round(t.number()), i + 4};
        }
        return null;
    }

    /** Records slow motion said by the words i .. end: {@code factor} times slower, or filmed at {@code fps} frames a second. */
    private int slow(int i, int end, double factor, int fps) {
        String words = r.text(i, end);
        if (fps == 0 && !(factor >= 1 && factor <= 1000)) {
            throw new PromptException(words, "gives a slow-down of " + PromptReader.number(factor) + "; expected 1 (real time) to 1000 times slower");
        }
        Draft.Said<double[]> said = new Draft.Said<>(new double[] {factor, fps}, words);
        if (r.draft.slowMotion != null && !java.util.Arrays.equals(r.draft.slowMotion.value(), said.value())) {
            throw new PromptException(words, "says how slow twice (also \"" + r.draft.slowMotion.words() + "\"); expected one");
        }
        r.draft.slowMotion = said;
        r.use(i, end);
        return end;
    }
}
