package dev.diorama.prompt;

import dev.diorama.prompt.Draft.LiquidSaid;
import dev.diorama.prompt.Draft.LiquidUse;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.Prep;
import dev.diorama.prompt.Draft.Role;
import dev.diorama.scene.Liquid;
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

/**
 * The liquids of a prompt, from the words {@link LiquidWords} read to the scene's {@link Liquid}s.
 *
 * <p>{@link #resolve} (before the props are planned) binds each phrase to its objects: what a fill
 * fills (the object phrase it follows, "a glass of water", or the next one, "water in a tank"), a
 * pour's source ("from a jug", "a jug pours") and target ("into a glass", "onto a plate"), a dam
 * break's tank. Whatever holds, pours or receives a liquid stands fixed: the container of a
 * liquid does not fall or tip (a glass of water on a table stays on the table; a tank is always
 * fixed). {@link #build} (once the objects have their places and ids) makes the liquids:
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
 * {@value #FINEST_SPACING} m. With 60,000 a 4 s film of "a wooden block falls into a tank of water"
 * took about 20 minutes to simulate on this 2-core machine (305 s per simulated second, shared); the
 * solver's cost grows with the particle count, so 20,000 brings it to a few minutes, at about a
 * centimetre's detail in a 60 cm tank (the dam-break test's resolution, a/20, is converged).
 */
final class Liquids {
    /** The long tank of a dam break when the words give no size: 80 x 50 x 20 cm. */
    static final Vec3 DAM_TANK = new Vec3(0.8, 0.5, 0.2);
    static final int TARGET_PARTICLES = 20_000;
    static final double FINEST_SPACING = 0.005;
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

    private Liquids() {}

    record Fill(ObjectGroup holder, String kind, double fraction, String words, boolean implied) {}

    /** A pour: from {@code source} (null: from above) into or onto {@code target}. */
    record PourPlan(ObjectGroup source, ObjectGroup target, String kind, boolean thin, String words) {
        double speed() { return thin ? HONEY_SPEED : POUR_SPEED; }
    }

    record Dam(ObjectGroup tank, String kind, String words) {}

    /** What {@link #resolve} found: read by {@link #build}. */
    record Plan(List<Fill> fills, List<PourPlan> pours, List<Dam> dams) {
        boolean isEmpty() { return fills.isEmpty() && pours.isEmpty() && dams.isEmpty(); }
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
            d.fixedGroups.add(holder);
        }
        for (LiquidSaid l : d.liquids) {
            if (l.use() != LiquidUse.POUR) continue;
            PourPlan p = pour(d, l, fillOf, fills, notes);
            if (p != null) pours.add(p);
        }
        // An aquarium, a fish tank: water unless the words said another liquid or a dam break.
        for (ObjectGroup g : d.groups) {
            if (g.shape() == Shape.TANK) d.fixedGroups.add(g);
            boolean aquarium = g.noun().word().equals("aquarium") || g.noun().word().equals("fish-tank");
            boolean said = fillOf.containsKey(g) || dams.stream().anyMatch(dm -> dm.tank() == g)
                    || pours.stream().anyMatch(p -> p.target() == g || p.source() == g);
            if (aquarium && !said && !empty.containsKey(g)) {
                Fill f = new Fill(g, "water", LiquidWords.DEFAULT_FILL, g.words(), true);
                fillOf.put(g, f);
                fills.add(f);
            }
        }
        d.pours.clear();
        d.pours.addAll(pours);
        d.filled.clear();
        for (Fill f : fills) d.filled.add(f.holder());
        return new Plan(fills, pours, dams);
    }

    /** The pour the words {@code l} say, or null (with a note) when they name nothing to pour into. */
    private static PourPlan pour(Draft d, LiquidSaid l, Map<ObjectGroup, Fill> fillOf, List<Fill> fills, List<String> notes) {
        ObjectGroup target = null, source = null;
        for (ObjectGroup g : d.groups) {
            if (g.at() > l.at() && (g.prep() == Prep.IN || g.prep() == Prep.ON) && !d.fromAt.contains(g.at())) {
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
        if (target == null) {
            // "a glass spills", "water flows": nothing to pour into; not a contradiction, so only a note.
            notes.add("\"" + l.words() + "\" says nothing to pour " + (l.kind() == null ? "it" : "the " + l.kind())
                    + " into or onto, so nothing pours; say, \"water pours from a jug into a glass\" or \"pour honey"
                    + " onto a plate\"");
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
        double s = Math.cbrt(volume / TARGET_PARTICLES);
        s = Math.ceil(s * 1000 - 1e-9) / 1000;
        return Math.clamp(s, FINEST_SPACING, Liquid.MAX_SPACING);
    }

    // ---- the scene's liquids ----

    /**
     * The liquids of the scene whose objects are {@code objects} (their groups {@code groups}, index by
     * index), with the streams {@link Props} set up (world coordinates). Returns the liquids and the
     * length the film needs to show the pours end and settle ({@code needed[0]}, s; 0 if none).
     */
    static List<Liquid> build(Plan plan, List<SceneObject> objects, List<ObjectGroup> groups, List<Props.Stream> streams,
                              double[] needed, List<String> notes) {
        record Made(String kind, Vec3 min, Vec3 max, String in, double level, Liquid.Pour pour, double volume, String note,
                    double bound, String words) {}
        List<Made> made = new ArrayList<>();
        for (Fill f : plan.fills()) {
            for (int n = 0; n < objects.size(); n++) {
                SceneObject o = objects.get(n);
                if (groups.get(n) != f.holder() || o.shape() != f.holder().shape()) continue;
                double depth = Solids.cavityDepth(o.shape(), o.size());
                double level = Math.max(0.002, Math.min(Math.round(f.fraction() * depth * 1000), Math.floor(depth * 1000)) / 1000);
                double volume = cavityVolume(o.shape(), o.size(), level);
                String what = "a " + (o.shape() == Shape.TANK ? "glass tank " + cm(o.size().x()) + " x " + cm(o.size().y())
                        + " x " + cm(o.size().z()) + " cm" : f.holder().noun().word() + " " + cm(o.size().x()) + " cm across and "
                        + cm(o.size().y()) + " cm tall");
                String note = "\"" + f.words() + "\": " + what + ", filled with " + f.kind() + " " + cm(level) + " cm deep ("
                        + Math.round(100 * level / depth) + " % of its inside's depth, " + litres(volume) + ")"
                        + (f.implied() ? "; say \"an empty aquarium\" for none" : "");
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
        if (made.isEmpty()) return List.of();
        double total = 0;
        for (Made m : made) total += m.volume();
        double spacing = spacing(total);
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
            out.add(new Liquid(id, m.kind(), m.min(), m.max(), m.in(), m.level(), m.pour(), spacing));
            notes.add(m.note());
        }
        notes.add(String.format(Locale.ROOT, "the liquid%s: %s in all, particles %d mm apart (about %,d particles)",
                out.size() == 1 ? "" : "s", litres(total), Math.round(spacing * 1000),
                Math.round(total / (spacing * spacing * spacing))));
        return out;
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
