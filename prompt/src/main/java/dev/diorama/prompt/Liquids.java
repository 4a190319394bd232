package dev.diorama.prompt;

import dev.diorama.prompt.Draft.LiquidSaid;
import dev.diorama.prompt.Draft.LiquidUse;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.Prep;
import dev.diorama.prompt.Draft.Role;
import dev.diorama.scene.Liquid;
import dev.diorama.scene.Material;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The liquids of a prompt, from the words {@link LiquidWords} read to the scene's {@link Liquid}s.
 *
 * <p>{@link #resolve} (before the props are planned) binds each phrase to its objects: what a fill
 * fills (the object phrase it follows, "a glass of water", or the next one, "water in a tank"), a
 * pour's source ("from a jug", "a jug pours") and target ("into a glass", "onto a plate"), a dam
 * break's tank. Whatever holds, pours or receives a liquid stands fixed: the container of a
 * liquid does not fall or tip (a glass of water on a table stays on the table; a tank is always
 * fixed), unless it goes into another vessel or is knocked over ("a glass of water tips over":
 * tipped past its balance by {@link Arranging#vesselToppleTilt}). {@link #build} (once the objects
 * have their places and ids) makes the liquids:
 *
 * <ul>
 *   <li>a fill: the inside of the container up to {@value LiquidWords#DEFAULT_FILL} of its depth
 *       ("full" 0.9, "half full" 0.5, "a little" 0.2, "to the brim" 0.95);</li>
 *   <li>a pour: a stream from the source's lip (the source tilted over the target, its lip
 *       just above the rim; {@link Props}), or from above the target when no source is named, that
 *       runs until it has poured {@value #POUR_SHARE} of the target's inside (a plate: a puddle),
 *       at most {@value #MAX_POUR_SECONDS} s; honey and drips are thin and slow;</li>
 *   <li>a dam break: Martin and Moyce's (1952) geometry, a column of water a wide and 2a high
 *       against one end of a long glass tank ({@link #DAM_TANK}), a a quarter of its inside's length,
 *       released at the start.</li>
 * </ul>
 *
 * <p>The particle spacing keeps every film's liquid to about {@value #TARGET_PARTICLES} particles:
 * the cube root of the volume over that number, rounded up to the millimetre, and no finer than
 * {@value #FINEST_SPACING} m ({@value #FINEST_FOR_SMALL_THINGS} m where small things are in it:
 * {@link #finest}). With 60,000 a 4 s film of "a wooden block falls into a tank of water" took
 * about 20 minutes to simulate on this 2-core machine (305 s per simulated second, shared); the
 * solver's cost grows with the particle count, so 20,000 brings it to a few minutes, at about a
 * centimetre's detail in a 60 cm tank (the dam-break test's resolution, a/20, is converged).
 */
final class Liquids {
    /** The long tank of a dam break when the words give no size: 80 x 50 x 20 cm. */
    static final Vec3 DAM_TANK = new Vec3(0.8, 0.5, 0.2);
    static final int TARGET_PARTICLES = 20_000;
    static final double FINEST_SPACING = 0.005, FINEST_FOR_SMALL_THINGS = 0.003;
    /** How much of the target's inside a pour fills. */
    static final double POUR_SHARE = 0.6;
    static final double MAX_POUR_SECONDS = 8;
    /** How long a pour should last, s: the stream's radius is chosen for it, within [5, 8] mm. */
    static final double POUR_SECONDS = 2.5;
    /** The speed of a stream as it leaves, m/s. */
    static final double POUR_SPEED = 0.6, HONEY_SPEED = 0.2;
    /** The radius of a thin stream (honey, a drip), m. */
    static final double THIN_RADIUS = 0.004;
    /** How far above its top a plate or table is poured onto when no source is named, m; a vessel, above its rim. */
    static final double POUR_HEIGHT_SURFACE = 0.15, POUR_HEIGHT_VESSEL = 0.12;
    /** A pour onto a surface makes a puddle this deep over a disc of this share of the surface's radius. */
    static final double PUDDLE_DEPTH = 0.005, PUDDLE_SHARE = 0.35;

    /**
     * A puddle and a pond: water lying on the ground, here in a shallow tray of stone (a tank of that
     * material), a puddle 40 x 30 cm and 2.5 cm tall (1 cm walls and floor), a pond 80 x 60 cm and
     * 4.5 cm (2 cm), holding water 1 cm and 2 cm deep: two or three particles, its surface 5 mm under
     * the rim. A real puddle is about 5 mm deep (twice water's capillary length, 2.7 mm, times
     * sin(theta/2)); at the 5 mm particles of a film's liquid that is one particle, and a free sheet
     * of water on the floor draws itself together to two or three particles (measured with the
     * solver, 2026-11-26: a 30 x 30 cm sheet 5 mm deep shrank to about 20 x 20 cm and 12 mm within
     * half a second; one 1 cm deep kept its footprint, about 26 cm, for 1.5 s). A free puddle would
     * hold, but a prompt's scene needs an object to frame and to place, and splashes thrown past a
     * free puddle's edge bounce off the bare floor (a gap of the solver). Heavy rain on a puddle for
     * 0.8 s (measured, 2026-11-26) threw 7 of 8,582 particles out of the tray with the rim 5 mm above
     * the water, 5 of 8,585 with 2 cm: drops landing at 6 m/s throw a little spray far whatever the
     * rim, so the rim stays low; a sim test of it takes 100-150 s here, too long for the suite.
     */
    static final Vec3 PUDDLE = new Vec3(0.4, 0.025, 0.3), POND = new Vec3(0.8, 0.045, 0.6);
    /** The depth of a puddle's water, m, over the depth of the tray's inside: the share it is filled to. */
    static double puddleFill(ObjectGroup g) {
        double water = g.noun().word().equals("pond") ? 0.02 : 0.01;
        return water / Solids.cavityDepth(Shape.TANK, g.noun().size());
    }
    /**
     * Rain: a film's drop is one particle (125 mm^3 at 5 mm), some 30 times a real 2 mm raindrop (4.2
     * mm^3), so rain at its real rate in mm an hour would bring a drop or two a second onto a puddle
     * (heavy rain, 20 mm/h over 30 x 22 cm: 0.5 particles a second). The words' rain is scaled:
     * its drops fall as often as real 2 mm drops would at that rate (heavy rain on a puddle: 90 a
     * second), so the scene's intensity is the real one times (spacing^3 / a 2 mm drop's volume)
     * and the water it adds is that many times the real rain's (over 4 s of heavy rain on a puddle,
     * 1.3 mm instead of 0.02 mm). Real light rain and drizzle fall as more, smaller drops than
     * this shows.
     */
    static final double RAIN_DROP_DIAMETER = 0.002;
    /** Where the drops appear: this high above the rim of what they fall into, m (they land at about 6 m/s). */
    static final double RAIN_HEIGHT = 1.0;
    /** The rain's rectangle keeps this share of the opening's width and length clear on each side. */
    static final double RAIN_INSET = 0.1;

    private Liquids() {}

    /** The volume of a raindrop of {@link #RAIN_DROP_DIAMETER}, m^3. */
    static double rainDropVolume() {
        return Math.PI / 6 * Math.pow(RAIN_DROP_DIAMETER, 3);
    }

    /** Rain over {@code target}: {@code rate} mm an hour, real ({@code said}: a word gave it). */
    record RainPlan(ObjectGroup target, double rate, boolean said, String words) {}

    record Fill(ObjectGroup holder, String kind, double fraction, String words, boolean implied) {}

    /** A pour: from {@code source} (null: from above) into or onto {@code target}. */
    record PourPlan(ObjectGroup source, ObjectGroup target, String kind, boolean thin, String words) {
        double speed() { return thin ? HONEY_SPEED : POUR_SPEED; }
    }

    record Dam(ObjectGroup tank, String kind, String words) {}

    /** What {@link #resolve} found: read by {@link #build}. */
    record Plan(List<Fill> fills, List<PourPlan> pours, List<Dam> dams, List<RainPlan> rains) {
        boolean isEmpty() { return fills.isEmpty() && pours.isEmpty() && dams.isEmpty() && rains.isEmpty(); }
    }

    // ---- binding words to objects ----

    static Plan resolve(Draft d, List<String> notes) {
        List<Fill> fills = new ArrayList<>();
        List<PourPlan> pours = new ArrayList<>();
        List<Dam> dams = new ArrayList<>();
        // Dam breaks first: they may give their tank its long shape.
        for (LiquidSaid l : d.liquids) {
            if (l.use() != LiquidUse.DAM) continue;
            if (!dams.isEmpty()) {
                throw new PromptException(l.words(), "asks for a second dam break (also \"" + dams.getFirst().words()
                        + "\"); expected one");
            }
            int gi = -1;
            for (int k = 0; k < d.groups.size() && gi < 0; k++) {
                ObjectGroup g = d.groups.get(k);
                if (g.shape() == Shape.TANK && g.at() >= l.at() && g.at() <= l.end() + 3) gi = k;
            }
            if (gi < 0) throw new PromptException(l.words(), "found no tank for the dam break; expected \"a dam break\" alone or \"a dam break in a tank\"");
            ObjectGroup g = d.groups.get(gi);
            if (g.count() != 1) throw new PromptException(g.words(), "asks for " + g.count() + " tanks for one dam break; expected one");
            if (g.noun().size() != DAM_TANK && Double.isNaN(g.length()) && g.scale() == 1) {
                // "a dam break in a tank": the tank of the experiment, long and narrow, unless a size was said.
                ObjectGroup t = new ObjectGroup(g.at(), g.words(), g.shape(), 1, g.material(), g.color(), g.colorName(), 1,
                        Double.NaN, false, g.onSurface(), new Draft.Noun(g.noun().word(), Shape.TANK, g.noun().material(),
                        DAM_TANK), g.end(), g.prep(), g.degrees());
                d.groups.set(gi, t);
                if (d.glowing.remove(g)) d.glowing.add(t);
                g = t;
            }
            dams.add(new Dam(g, l.kind(), l.words()));
            d.fixedGroups.add(g);
        }
        Map<ObjectGroup, Fill> fillOf = new IdentityHashMap<>();
        // "an empty glass": said to hold nothing (a fill of no liquid).
        Map<ObjectGroup, LiquidSaid> empty = new IdentityHashMap<>();
        for (LiquidSaid l : d.liquids) {
            if (l.use() != LiquidUse.FILL || l.kind() != null) continue;
            for (ObjectGroup g : d.groups) if (g.at() == l.holderAt()) empty.put(g, l);
        }
        for (LiquidSaid l : d.liquids) {
            if (l.use() != LiquidUse.FILL || l.kind() == null) continue;
            ObjectGroup holder = d.groups.stream()
                    .filter(g -> l.holderAt() >= 0 ? g.at() == l.holderAt() : g.at() >= l.end()).findFirst().orElse(null);
            if (holder == null) throw new PromptException(l.words(), "names no container for the " + l.kind()
                    + "; expected, say, \"a glass of " + l.kind() + "\"");
            if (!holder.shape().hollow()) {
                throw new PromptException(l.words(), "puts " + l.kind() + " in a " + holder.noun().word() + ", which holds"
                        + " nothing; expected a glass, cup, bowl, jug, bottle, bucket, tank or aquarium");
            }
            if (dams.stream().anyMatch(dm -> dm.tank() == holder)) {
                throw new PromptException(l.words(), "fills the tank of the dam break as well; expected one of them");
            }
            if (empty.containsKey(holder)) {
                throw new PromptException(l.words(), "says the " + holder.noun().word() + " is both empty and filled with "
                        + l.kind() + "; expected one of them");
            }
            double fraction = Double.isNaN(l.fraction()) ? LiquidWords.DEFAULT_FILL : l.fraction();
            Fill before = fillOf.get(holder);
            if (before != null) {
                if (!before.kind().equals(l.kind())) {
                    throw new PromptException(l.words(), "fills the " + holder.noun().word() + " with " + l.kind()
                            + " and with " + before.kind() + " (\"" + before.words() + "\"); expected one liquid to a"
                            + " container: Diorama does not mix liquids yet");
                }
                if (before.fraction() != fraction) {
                    throw new PromptException(l.words(), "says the " + holder.noun().word() + " is filled to two levels (also \""
                            + before.words() + "\"); expected one");
                }
                continue;
            }
            Fill f = new Fill(holder, l.kind(), fraction, l.words(), false);
            fillOf.put(holder, f);
            fills.add(f);
            // A container of liquid stands fixed, unless it goes into another vessel ("a bottle half
            // full of water floats in a tank of water"): then it moves, and floats or sinks.
            if (!goesInto(d, holder)) d.fixedGroups.add(holder);
        }
        for (LiquidSaid l : d.liquids) {
            if (l.use() != LiquidUse.POUR) continue;
            PourPlan p = pour(d, l, fillOf, fills, notes);
            if (p != null) pours.add(p);
        }
        // An aquarium, a fish tank: water unless the words said another liquid or a dam break; a
        // puddle, a pond: water.
        for (ObjectGroup g : d.groups) {
            if (g.shape() == Shape.TANK) d.fixedGroups.add(g);
            boolean aquarium = g.noun().word().equals("aquarium") || g.noun().word().equals("fish-tank");
            boolean said = fillOf.containsKey(g) || dams.stream().anyMatch(dm -> dm.tank() == g)
                    || pours.stream().anyMatch(p -> p.target() == g || p.source() == g);
            if ((aquarium || puddle(g)) && !said && !empty.containsKey(g)) {
                Fill f = new Fill(g, "water", puddle(g) ? puddleFill(g) : LiquidWords.DEFAULT_FILL, g.words(), true);
                fillOf.put(g, f);
                fills.add(f);
            }
        }
        // "a glass of water tips over", "knock over a cup of water": that vessel moves, and is tipped
        // past its balance (Arranging.vesselToppleTilt). A tank, a bathtub stay where they stand.
        for (Draft.ActionPhrase a : d.actions) {
            if (a.act() != Draft.Act.TOPPLE) continue;
            int g = Arranging.subject(d.groups, a.at(), false);
            if (g < 0) continue;
            ObjectGroup holder = d.groups.get(g);
            if (holder.shape() != Shape.TANK && fillOf.containsKey(holder)) d.fixedGroups.remove(holder);
        }
        nearlyAsDense(d, fills, notes);
        List<RainPlan> rains = rains(d, fillOf, fills, pours, empty, notes);
        List<Fill> seen = new ArrayList<>(fills);
        for (PourPlan p : pours) {
            if (p.target().shape().hollow() && !fillOf.containsKey(p.target())) {
                seen.add(new Fill(p.target(), p.kind(), POUR_SHARE, p.words(), true));
            }
        }
        lookIntoVessels(d, seen, notes);
        d.pours.clear();
        d.pours.addAll(pours);
        d.filled.clear();
        for (Fill f : fills) d.filled.put(f.holder(), f);
        return new Plan(fills, pours, dams, rains);
    }

    /**
     * A liquid in a vessel that is not glass (a bowl, a cup, a bucket, a pot, a bathtub, a puddle's
     * tray; a fill, or a pour's share of the inside at its end) lies below a rim the default camera
     * (8 degrees down from a little above) cannot see over: "a bowl of honey" was filmed as an
     * empty-looking bowl. Unless the words chose a shot or
     * an angle, the camera looks down at a high angle, steep enough that the line of sight to the
     * middle of the liquid passes {@value #RIM_MARGIN} degrees over the near rim (at least the usual
     * high angle, at most {@value #MAX_PITCH_DOWN}), and a note says so. Through glass the liquid
     * shows at any angle.
     */
    private static void lookIntoVessels(Draft d, List<Fill> liquids, List<String> notes) {
        if (d.angle != null || d.shot != null) return;
        double down = Double.NaN;
        Fill seen = null;
        for (Fill f : liquids) {
            ObjectGroup g = f.holder();
            Material m = g.material() != null ? g.material() : g.noun().material();
            if (m == Material.GLASS) continue;
            Vec3 size = g.noun().size();
            double depth = Solids.cavityDepth(g.shape(), size);
            double rim = g.shape() == Shape.TANK ? Math.min(size.x(), size.z()) / 2 - Solids.tankWall(size)
                    : Solids.cavityRadius(g.shape(), size, size.y());
            double below = depth * (1 - f.fraction());
            double need = Math.toDegrees(Math.atan2(below, rim)) + RIM_MARGIN;
            double pitch = Math.min(MAX_PITCH_DOWN, Math.max(Framing.HIGH_PITCH_DOWN, need));
            if (seen == null || pitch > down) {
                down = pitch;
                seen = f;
            }
        }
        if (seen == null) return;
        d.angle = new Draft.Said<>(Draft.Angle.HIGH, seen.words());
        d.angleImplied = true;
        d.impliedPitchDown = down;
        notes.add("\"" + seen.words() + "\": a high angle (" + Math.round(down) + " degrees down), to see the " + seen.kind()
                + " over the " + seen.holder().noun().word().replace('-', ' ') + "'s rim; say \"at eye level\" for another");
    }

    /** How far over a vessel's near rim the camera's line of sight to the liquid passes, degrees. */
    static final double RIM_MARGIN = 8;
    /** The steepest look into a vessel, degrees down. */
    static final double MAX_PITCH_DOWN = 70;

    /**
     * A thing a little lighter than the liquid it goes into ("an ice cube floats in a glass of
     * water": ice is 917 kg/m^3) floats with most of it under, and the solver's buoyancy is a few
     * per cent off at a film's spacing (fluid/README.md, Known gaps 2), which decides where such a
     * thing floats: a 1.6 cm ice cube dropped into a glass at 5 mm hovered 1.2 cm under the surface
     * or sank to the bottom; three placed afloat at 3 mm ({@link #finest}) ended 3 to 8 mm higher
     * than Archimedes' depth after 3 s. A note says so.
     */
    private static void nearlyAsDense(Draft d, List<Fill> fills, List<String> notes) {
        for (ObjectGroup g : d.groups) {
            if (g.shape().hollow() || g.noun().role() != Role.PLAIN) continue;
            Material m = g.material() != null ? g.material() : g.noun().material();
            if (m == null) continue;
            for (Fill f : fills) {
                double ratio = m.density / Liquid.density(f.kind());
                if (ratio <= NEARLY_AS_DENSE || ratio >= 1) continue;
                notes.add("\"" + g.words() + "\" (" + m.jsonName() + ", " + Math.round(m.density) + " kg/m^3) is only "
                        + Math.round(100 * (1 - ratio)) + " % lighter than the " + f.kind() + ": at the film's particle"
                        + " spacing the liquid's buoyancy is a few per cent off, so it may hover under the surface or"
                        + " ride higher than it should");
                return;
            }
        }
    }

    /** Things lighter than a liquid but above this share of its density may not float in the simulation. */
    static final double NEARLY_AS_DENSE = 0.85;

    /** How a note names a tank: "glass tank" (a tank, an aquarium), or its material and noun ("porcelain bathtub"). */
    private static String tankName(ObjectGroup g, SceneObject o) {
        String word = g.noun().word();
        return Set.of("tank", "aquarium", "fish-tank").contains(word) ? o.material().jsonName() + " tank"
                : o.material().jsonName() + " " + word;
    }

    /** Whether {@code g} goes into a vessel: the next group is hollow and said with "in" or "into". */
    static boolean goesInto(Draft d, ObjectGroup g) {
        ObjectGroup next = null;
        for (ObjectGroup o : d.groups) if (o.at() > g.at() && (next == null || o.at() < next.at())) next = o;
        return next != null && next.prep() == Draft.Prep.IN && next.shape().hollow();
    }

    /** A puddle or a pond: water lying on the ground. */
    static boolean puddle(ObjectGroup g) {
        return g.noun().word().equals("puddle") || g.noun().word().equals("pond");
    }

    /**
     * The rain the words say, and what it falls into: the object phrase after its preposition ("rain on
     * a puddle", "rain falls into a tank of water"), else a puddle, pond or container of water named
     * anywhere ("a puddle in the rain"). Rain with nothing of water to fall into ("a ball rolls in the
     * rain") is weather: the sky (Staging), no drops.
     */
    private static List<RainPlan> rains(Draft d, Map<ObjectGroup, Fill> fillOf, List<Fill> fills, List<PourPlan> pours,
                                        Map<ObjectGroup, LiquidSaid> empty, List<String> notes) {
        List<LiquidSaid> said = d.liquids.stream().filter(l -> l.use() == LiquidUse.RAIN).toList();
        if (said.isEmpty()) return List.of();
        double rate = said.stream().mapToDouble(LiquidSaid::fraction).filter(r -> !Double.isNaN(r)).findFirst().orElse(Double.NaN);
        String words = said.stream().filter(l -> !Double.isNaN(l.fraction())).map(LiquidSaid::words).findFirst()
                .orElse(said.getFirst().words());
        ObjectGroup target = null;
        for (LiquidSaid l : said) {
            for (ObjectGroup g : d.groups) {
                if (l.holderAt() >= 0 && g.at() >= l.holderAt() && g.at() <= l.holderAt() + 1 && target == null) target = g;
            }
        }
        if (target != null && !target.shape().hollow()) {
            throw new PromptException(words + " ... " + target.words(), "rains onto a " + target.noun().word() + ", which holds"
                    + " no water; expected rain on a puddle or a pond, or into a tank, bucket, bowl or glass (drops that land"
                    + " on a dry surface bounce off it in the simulation)");
        }
        if (target == null) {
            for (ObjectGroup g : d.groups) if (target == null && (puddle(g) || fillOf.containsKey(g))) target = g;
        }
        if (target == null) {
            notes.add("\"" + words + "\": rain as the weather (an overcast sky); its drops are simulated only falling into"
                    + " water: say \"rain on a puddle\" or \"rain falls into a tank of water\"");
            return List.of();
        }
        if (target.count() != 1) throw new PromptException(target.words(), "rains into " + target.count() + " things; expected one");
        Fill f = fillOf.get(target);
        if (f != null && !f.kind().equals("water")) {
            throw new PromptException(words + " ... " + f.words(), "rains into " + f.kind() + "; expected water: Diorama"
                    + " does not mix liquids yet");
        }
        ObjectGroup into = target;
        if (f == null && !empty.containsKey(into) && pours.stream().noneMatch(p -> p.target() == into)) {
            // "rain into a bucket": a little water at its bottom for the drops to land in.
            f = new Fill(target, "water", LiquidWords.LITTLE, target.words(), true);
            fillOf.put(target, f);
            fills.add(f);
            notes.add("\"" + target.words() + "\": a little water at its bottom for the rain to land in (drops that land"
                    + " on a dry surface bounce off it in the simulation); say \"an empty " + target.noun().word()
                    + "\" for none");
        }
        d.fixedGroups.add(target);
        if (d.angle == null && d.shot == null) {
            // From above, to see the drops land in the water (a shallow tray's rim hides it at eye level).
            d.angle = new Draft.Said<>(Draft.Angle.HIGH, words);
            d.angleImplied = true;
            notes.add("\"" + words + "\": a high angle (" + PromptReader.number(Framing.HIGH_PITCH_DOWN) + " degrees down), to"
                    + " see the drops land in the " + target.noun().word() + "; say \"at eye level\" for another");
        }
        return List.of(new RainPlan(target, Double.isNaN(rate) ? LiquidWords.MODERATE_RAIN : rate, !Double.isNaN(rate), words));
    }


    /** The pour the words {@code l} say, or null (with a note) when they name nothing to pour into. */
    private static PourPlan pour(Draft d, LiquidSaid l, Map<ObjectGroup, Fill> fillOf, List<Fill> fills, List<String> notes) {
        ObjectGroup target = null, source = null;
        for (ObjectGroup g : d.groups) {
            // the thing filled ("fill a glass with water", "a glass fills with water": LiquidWords.fills)
            boolean filled = l.holderAt() >= 0 && g.at() >= l.holderAt() && g.at() <= l.holderAt() + 1;
            if (filled || l.holderAt() < 0 && g.at() > l.at() && (g.prep() == Prep.IN || g.prep() == Prep.ON)
                    && !d.fromAt.contains(g.at())) {
                target = g;
                break;
            }
        }
        // The source: "from a jug" (nearest the verb), else the subject right before it ("a jug pours", "a jug of water pours").
        int best = Integer.MAX_VALUE;
        for (ObjectGroup g : d.groups) {
            if (d.fromAt.contains(g.at()) && g != target && Math.abs(g.at() - l.at()) < best) {
                best = Math.abs(g.at() - l.at());
                source = g;
            }
        }
        if (source == null) {
            for (ObjectGroup g : d.groups) {
                Fill f = fillOf.get(g);
                boolean subject = g.end() == l.at() || f != null && endOf(d, f) == l.at();
                if (subject && g != target && g.at() < l.at()) source = g;
            }
        }
        if (target == null && source != null && source.shape() != Shape.TANK && fillOf.containsKey(source)
                && l.words().toLowerCase(java.util.Locale.ROOT).contains("spill")) {
            // "a glass of water spills": the vessel is knocked over (as "tips over" does, below).
            d.actions.add(new Draft.ActionPhrase(l.at(), Draft.Act.TOPPLE, l.words()));
            notes.add("\"" + l.words() + "\": the " + source.noun().word() + " is knocked over to spill its " + fillOf.get(source).kind());
            return null;
        }
        if (target == null) {
            // "water flows": nothing to pour into; not a contradiction, so only a note.
            notes.add("\"" + l.words() + "\" says nothing to pour " + (l.kind() == null ? "it" : "the " + l.kind())
                    + " into or onto, so nothing pours; say, \"water pours from a jug into a glass\", \"pour honey onto a"
                    + " plate\" or, to spill it, \"a glass of water tips over\"");
            return null;
        }
        boolean surface = target.noun().role() == Role.SURFACE && target.shape() != Shape.STAIRS;
        if (!target.shape().hollow() && !surface) {
            throw new PromptException(l.words() + " ... " + target.words(), "pours onto a " + target.noun().word()
                    + ", which cannot hold a liquid; expected a glass, cup, bowl, jug, bucket, tank, plate or table");
        }
        if (target.count() != 1) throw new PromptException(target.words(), "pours into " + target.count() + " things; expected one");
        if (source != null) {
            if (Solids.profile(source.shape()) == null) {
                throw new PromptException(source.words(), "cannot pour: a " + source.noun().word() + " is not a vessel;"
                        + " expected a jug, cup, glass, bottle, bowl or bucket to pour from");
            }
            if (source.count() != 1) throw new PromptException(source.words(), "pours from " + source.count() + " things; expected one");
        }
        String kind = l.kind();
        Fill sourceFill = source == null ? null : fillOf.get(source);
        if (sourceFill != null) {
            if (kind != null && !kind.equals(sourceFill.kind())) {
                throw new PromptException(sourceFill.words() + " ... " + l.words(), "pours " + kind + " from a "
                        + source.noun().word() + " of " + sourceFill.kind() + "; expected one liquid");
            }
            kind = sourceFill.kind();
            // The jug's liquid is the stream: the jug is shown tilted and pouring, not full.
            fills.remove(sourceFill);
            fillOf.remove(source);
            notes.add("\"" + sourceFill.words() + "\": its " + kind + " is what pours out");
        }
        if (kind == null) {
            kind = "water";
            notes.add("\"" + l.words() + "\": no liquid Diorama simulates was named, so it pours water (the liquids are"
                    + " water, oil and honey)");
        }
        Fill into = fillOf.get(target);
        if (into != null && !into.kind().equals(kind)) {
            throw new PromptException(l.words(), "pours " + kind + " into " + into.kind() + " (\"" + into.words() + "\");"
                    + " expected one liquid to a container: Diorama does not mix liquids yet");
        }
        boolean thin = kind.equals("honey") || l.fraction() == -1;
        d.fixedGroups.add(target);
        if (source != null) {
            d.fixedGroups.add(source);
            d.pourInto.put(source, target);
        }
        return new PourPlan(source, target, kind, thin, l.words());
    }

    /** Where a fill's words end (the index after "of water"). */
    private static int endOf(Draft d, Fill f) {
        for (LiquidSaid l : d.liquids) if (l.use() == LiquidUse.FILL && l.holderAt() == f.holder().at()) return l.end();
        return -1;
    }

    // ---- volumes ----

    /** The depth a vessel filled to {@code fraction} of its inside's depth holds, m above the inside of its floor, to the millimetre. */
    static double level(Shape shape, Vec3 size, double fraction) {
        double depth = Solids.cavityDepth(shape, size);
        return Math.max(0.002, Math.min(Math.round(fraction * depth * 1000), Math.floor(depth * 1000)) / 1000);
    }

    /** The inside's volume of a hollow object up to {@code level} above the inside of its floor, m^3. */
    static double cavityVolume(Shape shape, Vec3 size, double level) {
        if (shape == Shape.TANK) {
            double t = Solids.tankWall(size);
            return (size.x() - 2 * t) * (size.z() - 2 * t) * Math.min(level, Solids.cavityDepth(shape, size));
        }
        double[][] st = Solids.profile(shape);
        if (st == null) return 0;
        double floor = st[0][3] * size.y();
        double top = Math.min(level, Solids.cavityDepth(shape, size));
        int n = 200;
        double v = 0, dy = top / n;
        for (int k = 0; k < n; k++) {
            double r = Math.max(0, Solids.cavityRadius(shape, size, floor + (k + 0.5) * dy));
            v += Math.PI * r * r * dy;
        }
        return v;
    }

    /** The radius of a container's opening, m: where a pour must land. */
    static double openingRadius(Shape shape, Vec3 size) {
        if (shape == Shape.TANK) return Math.min(size.x(), size.z()) / 2 - Solids.tankWall(size);
        double[][] st = Solids.profile(shape);
        if (st != null) return st[st.length - 1][2] * size.x() / 2;
        return PUDDLE_SHARE * Math.min(size.x(), size.z()) / 2;
    }

    /** How much a pour into or onto an object of {@code shape} and {@code size} pours, m^3. */
    static double pourVolume(Shape shape, Vec3 size) {
        if (shape.hollow()) return POUR_SHARE * cavityVolume(shape, size, Solids.cavityDepth(shape, size));
        double r = PUDDLE_SHARE * Math.min(size.x(), size.z()) / 2;
        return Math.PI * r * r * PUDDLE_DEPTH;
    }

    /** The radius of a stream that pours {@code volume} at {@code speed} in about {@value #POUR_SECONDS} s; honey and drips are thin. */
    static double streamRadius(double volume, double speed, boolean thin) {
        if (thin) return THIN_RADIUS;
        double r = Math.sqrt(volume / (Math.PI * speed * POUR_SECONDS));
        return Math.round(Math.clamp(r, 0.005, 0.008) * 1000) / 1000.0;
    }

    /** The spacing that keeps {@code volume} m^3 of liquid to about {@value #TARGET_PARTICLES} particles. */
    static double spacing(double volume) {
        return spacing(volume, TARGET_PARTICLES);
    }

    /** The spacing that keeps {@code volume} m^3 of liquid to about {@code particles} particles, no finer than {@value #FINEST_SPACING} m. */
    static double spacing(double volume, double particles) {
        return spacing(volume, particles, FINEST_SPACING);
    }

    /** The spacing that keeps {@code volume} m^3 of liquid to about {@code particles} particles, no finer than {@code finest} m. */
    static double spacing(double volume, double particles, double finest) {
        double s = Math.cbrt(volume / particles);
        s = Math.ceil(s * 1000 - 1e-9) / 1000;
        return Math.clamp(s, finest, Liquid.MAX_SPACING);
    }

    /**
     * The finest spacing the liquids in {@code holders} (ids; null for a pour) may have: {@value
     * #FINEST_SPACING} m, or finer, to {@value #FINEST_FOR_SMALL_THINGS} m, where a loose thing over a
     * holder is less than five of those across at its thinnest, so that the liquid can hold it up.
     * An ice cube of 1.6 cm in a glass of water at 5 mm, three particles across, was pushed through
     * the glass's wall by the liquid's forces; at 3 mm it floats.
     */
    static double finest(List<String> holders, List<SceneObject> objects) {
        double smallest = Double.POSITIVE_INFINITY;
        for (SceneObject h : objects) {
            if (!holders.contains(h.id())) continue;
            for (SceneObject o : objects) {
                if (o.fixed() || Math.abs(o.position().x() - h.position().x()) > h.size().x() / 2
                        || Math.abs(o.position().z() - h.position().z()) > h.size().z() / 2) {
                    continue;
                }
                smallest = Math.min(smallest, Math.min(o.size().x(), Math.min(o.size().y(), o.size().z())));
            }
        }
        double wanted = Math.floor(smallest / 5 * 1000) / 1000;
        return Math.clamp(wanted, FINEST_FOR_SMALL_THINGS, FINEST_SPACING);
    }

    // ---- the scene's liquids ----

    /**
     * The liquids of the scene whose objects are {@code objects} (their groups {@code groups}, index by
     * index), with the streams {@link Props} set up (world coordinates). Returns the liquids and the
     * length the film needs to show the pours end and settle ({@code needed[0]}, s; 0 if none). Rain
     * falls from the start for {@code seconds}, the film's length as said.
     */
    static List<Liquid> build(Plan plan, List<SceneObject> objects, List<ObjectGroup> groups, List<Props.Stream> streams,
                              double seconds, double[] needed, List<String> notes) {
        record Made(String kind, Vec3 min, Vec3 max, String in, double level, Liquid.Pour pour, double volume, String note,
                    double bound, String words) {}
        List<Made> made = new ArrayList<>();
        for (Fill f : plan.fills()) {
            for (int n = 0; n < objects.size(); n++) {
                SceneObject o = objects.get(n);
                if (groups.get(n) != f.holder() || o.shape() != f.holder().shape()) continue;
                double depth = Solids.cavityDepth(o.shape(), o.size());
                double level = level(o.shape(), o.size(), f.fraction());
                double volume = cavityVolume(o.shape(), o.size(), level);
                boolean puddle = puddle(f.holder());
                String what = "a " + (puddle ? o.material().jsonName() + " tray " + cm(o.size().x()) + " x " + cm(o.size().z())
                        + " cm and " + cm(o.size().y()) + " cm tall" : o.shape() == Shape.TANK ? tankName(f.holder(), o) + " "
                        + cm(o.size().x()) + " x " + cm(o.size().y()) + " x " + cm(o.size().z()) + " cm"
                        : f.holder().noun().word() + " " + cm(o.size().x()) + " cm across and " + cm(o.size().y()) + " cm tall");
                String note = "\"" + f.words() + "\": " + what + ", filled with " + f.kind() + " " + cm(level) + " cm deep ("
                        + Math.round(100 * level / depth) + " % of its inside's depth, " + litres(volume) + ")"
                        + (puddle ? " (a " + f.holder().noun().word() + ": water lying in a shallow hollow of the ground)"
                        : f.implied() && f.fraction() == LiquidWords.DEFAULT_FILL ? "; say \"an empty aquarium\" for none" : "");
                made.add(new Made(f.kind(), null, null, o.id(), level, null, volume, note,
                        o.size().x() * o.size().z() * level, f.words()));
            }
        }
        for (Dam dm : plan.dams()) {
            for (int n = 0; n < objects.size(); n++) {
                SceneObject o = objects.get(n);
                if (groups.get(n) != dm.tank()) continue;
                Vec3 s = o.size(), c = o.position();
                double t = Solids.tankWall(s), gap = 0.001;
                double length = s.x() - 2 * t, height = s.y() - t;
                double a = Math.floor(Math.min(length / 4, 0.4 * height) * 1000) / 1000;
                double x0 = c.x() - s.x() / 2 + t + gap, y0 = c.y() - s.y() / 2 + t + gap;
                Vec3 min = round(new Vec3(x0, y0, c.z() - s.z() / 2 + t + gap));
                Vec3 max = round(new Vec3(x0 + a, y0 + 2 * a, c.z() + s.z() / 2 - t - gap));
                double volume = (max.x() - min.x()) * (max.y() - min.y()) * (max.z() - min.z());
                String note = "\"" + dm.words() + "\": a glass tank " + cm(s.x()) + " x " + cm(s.y()) + " x " + cm(s.z())
                        + " cm with a column of " + dm.kind() + " " + cm(a) + " cm wide and " + cm(2 * a) + " cm tall against"
                        + " one end, released at the start (Martin and Moyce's dam break, " + litres(volume) + ")";
                made.add(new Made(dm.kind(), min, max, null, 0, null, volume, note, volume, dm.words()));
            }
        }
        for (Props.Stream st : streams) {
            PourPlan p = st.plan();
            double end = st.volume() / (Math.PI * st.radius() * st.radius() * st.velocity().length());
            boolean capped = end > MAX_POUR_SECONDS;
            if (capped) end = MAX_POUR_SECONDS;
            end = Math.round(end * 100) / 100.0;
            Liquid.Pour pour = new Liquid.Pour(round(st.from()), st.velocity(), st.radius(), 0, end);
            double volume = pour.volume();
            String from = p.source() == null ? "from above the " + p.target().noun().word()
                    : "from the " + p.source().noun().word() + ", tilted over the " + p.target().noun().word() + ",";
            String note = "\"" + p.words() + "\": " + p.kind() + " pours " + from + " for " + PromptReader.number(end) + " s, "
                    + litres(volume) + " (a stream " + PromptReader.number(Math.round(st.radius() * 2000)) + " mm across at "
                    + PromptReader.number(Math.round(st.velocity().length() * 100) / 100.0) + " m/s"
                    + (st.capacity() > 0 ? ", " + Math.round(100 * volume / st.capacity()) + " % of the "
                    + p.target().noun().word() + "'s inside" : "") + ")" + (capped ? "; it stops after "
                    + PromptReader.number(MAX_POUR_SECONDS) + " s, before the " + p.target().noun().word() + " is "
                    + Math.round(POUR_SHARE * 100) + " % full" : "");
            made.add(new Made(p.kind(), null, null, null, 0, pour, volume, note, volume, p.words()));
            needed[0] = Math.max(needed[0], end + 1.5);
        }
        // Rain: over the opening of what it falls into, drops as often as real 2 mm drops at its rate.
        record Drops(String in, double x0, double x1, double z0, double z1, double height, double rate, double perSecond,
                     String words, String where) {}
        List<Drops> rains = new ArrayList<>();
        double drops = 0;
        for (RainPlan rp : plan.rains()) {
            for (int n = 0; n < objects.size(); n++) {
                SceneObject o = objects.get(n);
                if (groups.get(n) != rp.target()) continue;
                Vec3 c = o.position(), s = o.size();
                double hx, hz;
                if (o.shape() == Shape.TANK) {
                    hx = s.x() / 2 - Solids.tankWall(s);
                    hz = s.z() / 2 - Solids.tankWall(s);
                } else {
                    hx = hz = openingRadius(o.shape(), s) / Math.sqrt(2);
                }
                hx = Math.floor(hx * (1 - 2 * RAIN_INSET) * 1000) / 1000;
                hz = Math.floor(hz * (1 - 2 * RAIN_INSET) * 1000) / 1000;
                double area = 4 * hx * hz;
                double perSecond = rp.rate() / 1000 / 3600 * area / rainDropVolume();
                double height = Math.round((c.y() + s.y() / 2 + RAIN_HEIGHT) * 1000) / 1000.0;
                rains.add(new Drops(o.id(), round1(c.x() - hx), round1(c.x() + hx), round1(c.z() - hz), round1(c.z() + hz), height,
                        rp.rate(), perSecond, rp.words(), rp.target().noun().word()));
                drops += perSecond * seconds;
                if (made.stream().noneMatch(m -> o.id().equals(m.in()))) {
                    made.add(new Made("water", null, null, null, 0, null, 0, null, 0, rp.words()));
                }
            }
        }
        if (made.isEmpty()) return List.of();
        double total = 0;
        for (Made m : made) total += m.volume();
        // The drops count in the budget: the standing liquid is made coarser when the rain brings many.
        double spacing = spacing(total, Math.max(TARGET_PARTICLES / 2.0, TARGET_PARTICLES - drops), finest(made.stream()
                .map(Made::in).toList(), objects));
        // The scene counts a filled object's particles by its box (x z level): too much liquid for the
        // coarsest spacing is refused here, in the words' terms.
        double bound = 0;
        for (Made m : made) bound += m.bound();
        if (bound / Math.pow(spacing, 3) > Liquid.MAX_PARTICLES) {
            Made most = made.stream().max(java.util.Comparator.comparingDouble(Made::volume)).orElseThrow();
            throw new PromptException(most.words(), "asks for " + litres(total) + " of liquid, more than Diorama simulates"
                    + " (at most about " + litres(Liquid.MAX_PARTICLES * Math.pow(spacing, 3) * total / bound) + ", its particles "
                    + cm(spacing) + " cm apart); expected a smaller container or less liquid");
        }
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (Made m : made) perKind.merge(m.kind(), 1, Integer::sum);
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Liquid> out = new ArrayList<>();
        for (Made m : made) {
            String id = perKind.get(m.kind()) == 1 ? m.kind() : m.kind() + "-" + seen.merge(m.kind(), 1, Integer::sum);
            Drops dr = rains.stream().filter(q -> m.in() != null ? q.in().equals(m.in()) : m.volume() == 0 && m.pour() == null
                    && m.min() == null && q.words().equals(m.words())).findFirst().orElse(null);
            Liquid.Rain rain = null;
            if (dr != null) {
                // Scaled: the drops, one particle each, fall as often as real 2 mm drops (the class comment).
                double scale = Math.pow(spacing, 3) / rainDropVolume();
                double intensity = Math.round(dr.rate() * scale * 10) / 10.0;
                rain = new Liquid.Rain(dr.x0(), dr.x1(), dr.z0(), dr.z1(), dr.height(), intensity, 0, seconds);
                notes.add(String.format(Locale.ROOT, "\"%s\": %s (%s mm an hour) on the %s, over %s x %s cm from %s m above it,"
                        + " for %s s: about %s drops a second, each one particle (%d mm); scaled so that they fall as often as"
                        + " real 2 mm drops would, the scene's rain is %s mm an hour, each drop %s times a real one's water",
                        dr.words(), LiquidWords.rateName(dr.rate()), PromptReader.number(dr.rate()), dr.where(),
                        cm(dr.x1() - dr.x0()), cm(dr.z1() - dr.z0()), PromptReader.number(RAIN_HEIGHT), PromptReader.number(seconds),
                        PromptReader.number(Math.round(dr.perSecond() * 10) / 10.0), Math.round(spacing * 1000),
                        PromptReader.number(intensity), PromptReader.number(Math.round(scale))));
            }
            out.add(new Liquid(id, m.kind(), m.min(), m.max(), m.in(), m.level(), m.pour(), rain, spacing));
            if (m.note() != null) notes.add(m.note());
        }
        notes.add(String.format(Locale.ROOT, "the liquid%s: %s in all, particles %d mm apart (about %,d particles%s)",
                out.size() == 1 ? "" : "s", litres(total), Math.round(spacing * 1000),
                Math.round(total / (spacing * spacing * spacing)),
                rains.isEmpty() ? "" : String.format(Locale.ROOT, ", and about %,d drops of rain", Math.round(drops))));
        return out;
    }

    /** Metres to the tenth of a millimetre. */
    private static double round1(double m) {
        return Math.round(m * 10000) / 10000.0 + 0.0;
    }

    private static Vec3 round(Vec3 v) {
        return new Vec3(Math.round(v.x() * 1e6) / 1e6 + 0.0, Math.round(v.y() * 1e6) / 1e6 + 0.0, Math.round(v.z() * 1e6) / 1e6 + 0.0);
    }

    private static String cm(double m) {
        return PromptReader.number(Math.round(m * 1000) / 10.0);
    }

    private static String litres(double m3) {
        double l = m3 * 1000;
        if (l >= 1000) return PromptReader.number(Math.round(m3 * 10) / 10.0) + " cubic metres";
        return l < 1 ? PromptReader.number(Math.round(l * 100) / 100.0) + " l" : PromptReader.number(Math.round(l * 10) / 10.0) + " l";
    }
}
