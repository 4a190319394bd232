package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Act;
import dev.diorama.prompt.Draft.ActionPhrase;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.Prep;
import dev.diorama.prompt.Draft.Role;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Room;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Props and rigs: the things of a prompt that are more than one loose object each. A fixed prop
 * ("a table", "a shelf", "stairs", "a pedestal", "a ramp") stands on the floor and never moves; what
 * the words put on it ("a glass on a table"), down it ("a ball rolls down a ramp") or into a vessel
 * ("a marble drops into a cup") is placed there. A rig is several objects tied by joints: "a
 * pendulum" (a bob on a rigid rod from a fixed frame, released at an angle), "Newton's cradle"
 * (five balls a hair apart on five pendulums, the first pulled back) and "a seesaw" (a plank on a
 * hinge over a fixed fulcrum, with whatever is put on it at its ends).
 *
 * <p>Each prop with what it holds, and each rig, is a {@link Unit}: objects and joints in a frame
 * of their own (the floor at y = 0, centred on x = z = 0), laid out by {@link Staging} as one item
 * of the row, then moved there.
 *
 * <p>Which words attach to which: a prop phrase after "on", "onto", "on top of", "down", "in",
 * "into" holds the object phrase named just before it, and the phrases joined to that one by "and"
 * ("a glass and a cup on a table"). Something put on a prop rests there, unless a verb of falling
 * ("drops", "falls", "lands", "is thrown") or a height comes between it and the prop: then it
 * starts {@value #DROP_ONTO} m above it (or at the height said) and falls.
 */
final class Props {
    /** How far past the edge of a surface something that falls off it starts: its centre, as a share of its depth. */
    static final double OFF_OVERHANG = 0.15;
    /** How far above a surface something that falls onto it starts, m. */
    static final double DROP_ONTO = 0.5;
    /**
     * How far above the rim of a container of liquid something that falls into it starts, m, and
     * how wide it is made, at most, beside the opening when no size was said: a stone dropped into a
     * glass of water from a hand's height, not from half a metre (whose splash empties the glass).
     */
    static final double DROP_INTO_LIQUID = 0.15, INTO_LIQUID = 0.4;
    /** A pendulum's default rod, m, and how far it is pulled back, degrees. */
    static final double PENDULUM_LENGTH = 0.8, PENDULUM_DEGREES = 30;
    /** Newton's cradle: five balls, each on a rod this long, half a millimetre apart, the first pulled back 25 degrees. */
    static final double CRADLE_LENGTH = 0.5, CRADLE_GAP = 0.0005, CRADLE_DEGREES = 25;
    static final int CRADLE_BALLS = 5;
    /**
     * Steps per second the cradle needs: contacts that touch at once are solved as one by Bullet,
     * so the collisions must pass ball to ball between steps (the sim's cradle test runs 1920).
     */
    static final int CRADLE_PHYSICS_RATE = 1920;
    /**
     * Steps per second a rack of balls needs, for the same reason: the hit must pass on through
     * many touching balls. Measured on breaks at 7, 9 and 11 m/s (3 s, the balls that travel more
     * than 10 cm): at 1920 steps a second 8 of 15 balls, and a different 8 to 10 when the scene
     * merely gained a room's walls far away (the order of simultaneous contacts decides); at 3840,
     * 13 of 15 in each, with or without the room, and 9 of a rack of 10.
     */
    static final int RACK_PHYSICS_RATE = 3840;
    /** A ramp's default slope, degrees. */
    static final double RAMP_DEGREES = 25;
    /** Speed of a nudge off the top step, or of a push along a table top, m/s. */
    static final double NUDGE = 0.6;
    /** The frame of a pendulum or cradle: rods 3 cm thick, of wood. */
    private static final double FRAME_ROD = 0.03;
    private static final Material FRAME = Material.WOOD;
    /** The rod of a pendulum, 6 mm, and the wires of a cradle, 2 mm: thin steel. */
    private static final double ROD = 0.006, WIRE = 0.002;
    private static final Material ROD_MATERIAL = Material.STEEL;

    private Props() {}

    /**
     * How deep a thing {@code share} as dense as a liquid floats in it, by Archimedes: a ball to the
     * cap that holds that share of the ball's volume, a boat's hull to the depth below which that
     * share of its volume lies, anything else upright as placed, to that share of its height (exact
     * for a box or an upright cylinder). 0 when it is not lighter than the liquid.
     */
    static double floatingDepth(Shape shape, Vec3 size, double share) {
        if (!(share < 1)) return 0;
        if (shape == Shape.BOAT) {
            double whole = Solids.boatVolumeBelow(size, size.y());
            return depthHolding(h -> Solids.boatVolumeBelow(size, h) / whole, share, size.y());
        }
        if (shape != Shape.BALL) return share * size.y();
        // A cap of height h holds h^2 (3r - h) / (4 r^3) of the ball's volume.
        double r = size.x() / 2;
        return depthHolding(h -> h * h * (3 * r - h) / (4 * r * r * r), share, 2 * r);
    }

    /** The depth in [0, height] below which {@code below} (rising with the depth) reaches {@code share}, by bisection. */
    private static double depthHolding(java.util.function.DoubleUnaryOperator below, double share, double height) {
        double lo = 0, hi = height;
        for (int k = 0; k < 60; k++) {
            double h = (lo + hi) / 2;
            if (below.applyAsDouble(h) < share) lo = h;
            else hi = h;
        }
        return (lo + hi) / 2;
    }

    /** One object of a unit, in the unit's frame. {@code base} is its id before numbering. */
    record Piece(ObjectGroup group, String base, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                 Quat rotation, Vec3 velocity, boolean fixed, String asset) {
        Piece moved(Vec3 d) {
            return new Piece(group, base, shape, material, color, size, position.plus(d), rotation, velocity, fixed,
                    asset);
        }

        double boundingRadius() { return SceneObject.boundingRadius(shape, size); }

        Piece coloured(Rgb c) {
            return new Piece(group, base, shape, material, c, size, position, rotation, velocity, fixed, asset);
        }
    }

    /** A joint between two pieces of a unit by index ({@code b} -1: the world); a hinge has an axis. */
    record Link(int a, int b, Vec3 anchor, Vec3 axis) {
        Link moved(Vec3 d, int offset) {
            return new Link(a + offset, b < 0 ? b : b + offset, anchor.plus(d), axis);
        }
    }

    /**
     * A stream of liquid a pour sets up ({@link Liquids}): from its origin with its velocity, of a
     * radius, until it has poured {@code volume} m^3; {@code capacity} is the target's inside, m^3
     * (0 for a surface).
     */
    record Stream(Liquids.PourPlan plan, Vec3 from, Vec3 velocity, double radius, double volume, double capacity) {
        Stream moved(Vec3 d) {
            return new Stream(plan, from.plus(d), velocity, radius, volume, capacity);
        }
    }

    /** A prop with what it holds, or a rig: pieces and joints in a frame of its own. */
    static final class Unit {
        final ObjectGroup root;
        final List<Piece> pieces = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        /** The streams of liquid poured into or onto the unit's pieces. */
        final List<Stream> streams = new ArrayList<>();
        /** Where pieces will be later in the film (a ball at the foot of its ramp): the camera frames them too. */
        final List<Piece> ghosts = new ArrayList<>();
        int physicsRate;

        Unit(ObjectGroup root) {
            this.root = root;
        }

        /** Adds another unit's pieces, joints and ghosts moved by {@code d}. */
        void add(Unit u, Vec3 d) {
            int offset = pieces.size();
            for (Piece p : u.pieces) pieces.add(p.moved(d));
            for (Link l : u.links) links.add(l.moved(d, offset));
            for (Piece p : u.ghosts) ghosts.add(p.moved(d));
            for (Stream s : u.streams) streams.add(s.moved(d));
            physicsRate = Math.max(physicsRate, u.physicsRate);
        }

        /** The lowest x of its pieces' middles (a rack's apex, a chain's first domino). */
        double firstX() {
            return pieces.stream().mapToDouble(p -> p.position().x()).min().orElse(0);
        }

        /** [minX, maxX, minZ, maxZ] of the pieces and ghosts. */
        double[] extents() {
            double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            for (List<Piece> l : List.of(pieces, ghosts)) {
                for (Piece p : l) {
                    double r = horizontalRadius(p);
                    e[0] = Math.min(e[0], p.position().x() - r);
                    e[1] = Math.max(e[1], p.position().x() + r);
                    e[2] = Math.min(e[2], p.position().z() - r);
                    e[3] = Math.max(e[3], p.position().z() + r);
                }
            }
            return e;
        }

        /** Moves everything so that the extents are centred on x = z = 0. */
        void centre() {
            double[] e = extents();
            Vec3 d = new Vec3(round(-(e[0] + e[1]) / 2), 0, round(-(e[2] + e[3]) / 2));
            List<Piece> ps = new ArrayList<>(pieces), gs = new ArrayList<>(ghosts);
            List<Link> ls = new ArrayList<>(links);
            List<Stream> ss = new ArrayList<>(streams);
            pieces.clear();
            ghosts.clear();
            links.clear();
            streams.clear();
            for (Piece p : ps) pieces.add(p.moved(d));
            for (Piece p : gs) ghosts.add(p.moved(d));
            for (Link l : ls) links.add(l.moved(d, 0));
            for (Stream s : ss) streams.add(s.moved(d));
        }

        /** The unit's width in the row: the larger of its extents along x and z. */
        double footprint() {
            double[] e = extents();
            return Math.max(e[1] - e[0], e[3] - e[2]);
        }
    }

    /** Half the horizontal reach of a piece as it is turned. */
    private static double horizontalRadius(Piece p) {
        double[] r = halfSpans(p);
        return Math.max(r[0], r[1]);
    }

    /** How far a piece reaches from its centre along x and along z, {rx, rz}: its box as rotated. */
    private static double[] halfSpans(Piece p) {
        if (p.shape() == Shape.BALL) return new double[] {p.size().x() / 2, p.size().x() / 2};
        Vec3 h = p.size().times(0.5);
        Quat q = p.rotation() == null ? Quat.IDENTITY : p.rotation();
        Vec3 ax = q.rotate(new Vec3(h.x(), 0, 0)), ay = q.rotate(new Vec3(0, h.y(), 0)), az = q.rotate(new Vec3(0, 0, h.z()));
        return new double[] {Math.abs(ax.x()) + Math.abs(ay.x()) + Math.abs(az.x()), Math.abs(ax.z()) + Math.abs(ay.z()) + Math.abs(az.z())};
    }

    /** A unit's width along x ({@code alongZ} false) or z: its pieces' boxes as rotated, from the furthest on each side. */
    private static double span(Unit u, boolean alongZ) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Piece p : u.pieces) {
            double c = alongZ ? p.position().z() : p.position().x(), r = halfSpans(p)[alongZ ? 1 : 0];
            lo = Math.min(lo, c - r);
            hi = Math.max(hi, c + r);
        }
        return hi - lo;
    }

    /**
     * What the props of a draft make: units by the group they stand for (one per object of the
     * group), the groups they use up (the props and what they hold), and the actions they carried out.
     */
    record Plan(Map<ObjectGroup, List<Unit>> units, Set<ObjectGroup> members, Set<ActionPhrase> consumed, int physicsRate) {
        boolean member(ObjectGroup g) { return members.contains(g); }

        static Plan none() {
            return new Plan(Map.of(), Set.of(), Set.of(), 0);
        }
    }

    /** Finds what holds what, and builds the units. */
    static Plan plan(Draft d, Room room, List<String> notes) {
        List<ObjectGroup> groups = d.groups;
        boolean any = groups.stream().anyMatch(g -> g.noun().role() != Role.PLAIN
                || g.shape().hollow() && g.prep() == Prep.IN) || !d.fixedGroups.isEmpty();
        if (!any) {
            swingNotes(d, notes, Set.of());
            return Plan.none();
        }
        Map<ObjectGroup, ObjectGroup> parentOf = new IdentityHashMap<>();
        Map<ObjectGroup, List<ObjectGroup>> children = new IdentityHashMap<>();
        // "water pours from a jug into a glass": the jug is held over the glass (Builder#pourer).
        for (Map.Entry<ObjectGroup, ObjectGroup> e : d.pourInto.entrySet()) {
            parentOf.put(e.getKey(), e.getValue());
            children.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            ObjectGroup g = groups.get(gi);
            List<ObjectGroup> held = holds(g, g.prep()) ? subjects(d, gi) : canHold(g) ? withs(d, gi) : List.of();
            for (ObjectGroup s : held) {
                // A rig, or a fixed prop ("rolls down the stairs into a bowl"), goes on or into nothing.
                if (parentOf.containsKey(s) || isRig(s) || s.noun().fixed() || ancestor(s, g, parentOf)) continue;
                parentOf.put(s, g);
                children.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
            }
        }
        // "a ball on a rod swings down and strikes a white ball": the struck thing stands at the bottom of the swing.
        for (int at : d.strikes) {
            int si = Arranging.subject(groups, at, false), ti = Arranging.subject(groups, at, true);
            if (si < 0 || ti < 0 || si == ti) continue;
            ObjectGroup striker = groups.get(si), struck = groups.get(ti);
            if (striker.noun().role() != Role.PENDULUM || struck.noun().role() != Role.PLAIN || parentOf.containsKey(struck)) continue;
            parentOf.put(struck, striker);
            children.computeIfAbsent(striker, k -> new ArrayList<>()).add(struck);
        }
        // "a cue ball hits a red ball on a pool table": what is sent at a thing on a surface goes on
        // that surface too (Builder#shotOn sets them up).
        for (ActionPhrase a : d.actions) {
            int si = Arranging.subject(groups, a.at(), false), ti = Arranging.target(d, a, si);
            if (ti < 0) continue;
            ObjectGroup mover = groups.get(si), target = groups.get(ti), surface = parentOf.get(target);
            if (surface == null || surface.noun().role() != Role.SURFACE || surface.shape().hollow() || parentOf.containsKey(mover)
                    || mover.noun().role() != Role.PLAIN || mover.noun().fixed()) continue;
            parentOf.put(mover, surface);
            children.computeIfAbsent(surface, k -> new ArrayList<>()).add(mover);
        }
        // A later shot's "a ball drops onto the table": the ball goes on the table of an earlier shot.
        for (Draft.Ref ref : d.refs) {
            if (!holds(ref.target(), ref.prep())) continue;
            int before = -1;
            for (int gi = 0; gi < groups.size(); gi++) if (groups.get(gi).at() < ref.at()) before = gi;
            if (before < 0 || groups.get(before).at() < ref.target().at()) continue;
            for (ObjectGroup s : subjects(d, before + 1)) {
                if (s.at() < ref.target().at() || parentOf.containsKey(s) || isRig(s) || s.noun().fixed()
                        || ancestor(s, ref.target(), parentOf)) {
                    continue;
                }
                parentOf.put(s, ref.target());
                children.computeIfAbsent(ref.target(), k -> new ArrayList<>()).add(s);
            }
        }
        Set<ObjectGroup> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<ActionPhrase> consumed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<ObjectGroup, List<Unit>> units = new LinkedHashMap<>();
        int rate = 0;
        Builder b = new Builder(d, children, consumed, notes);
        for (ObjectGroup g : groups) {
            if (parentOf.containsKey(g)) continue;
            boolean root = g.noun().role() != Role.PLAIN || children.containsKey(g) || d.fixedGroups.contains(g);
            if (!root) continue;
            List<Unit> copies = new ArrayList<>();
            // "three balls race down three ramps": as many things as props, one on each
            boolean shared = g.count() > 1 && !isRig(g) && children.containsKey(g)
                    && children.get(g).stream().allMatch(c -> c.count() == g.count());
            for (int k = 0; k < g.count(); k++) {
                b.share = shared ? k : -1;
                b.shares = g.count();
                Unit u = b.unit(g, 0, shared || k == 0);
                u.centre();
                copies.add(u);
                rate = Math.max(rate, u.physicsRate);
            }
            b.share = -1;
            if (shared) {
                notes.add("\"" + g.words() + "\": one of what is put on them on each");
            } else if (g.count() > 1 && children.containsKey(g) && !isRig(g)) {
                notes.add("\"" + g.words() + "\": what is put on them goes on the first");
            }
            units.put(g, copies);
            markMembers(g, children, members);
        }
        // Actions of the objects the units hold are the units' business (a ball "rolls" down its ramp).
        for (ActionPhrase a : d.actions) {
            int s = Arranging.subject(groups, a.at(), false);
            if (s >= 0 && members.contains(groups.get(s))) consumed.add(a);
        }
        swingNotes(d, notes, consumed);
        for (ObjectGroup g : members) {
            if (room != null && g.noun().role() != Role.PLAIN) checkRoom(g, units.get(g), room);
        }
        return new Plan(units, members, consumed, rate);
    }

    private static void swingNotes(Draft d, List<String> notes, Set<ActionPhrase> consumed) {
        boolean swinger = d.groups.stream().anyMatch(Props::isRig);
        for (ActionPhrase a : d.actions) {
            if (a.act() == Act.SWING && swinger) consumed.add(a);
        }
    }

    private static void markMembers(ObjectGroup g, Map<ObjectGroup, List<ObjectGroup>> children, Set<ObjectGroup> out) {
        out.add(g);
        for (ObjectGroup c : children.getOrDefault(g, List.of())) markMembers(c, children, out);
    }

    private static void checkRoom(ObjectGroup g, List<Unit> us, Room room) {
        if (us == null) return;
        for (Unit u : us) {
            for (Piece p : u.pieces) {
                // a lying piece (a pendulum's crossbar) reaches its thickness up, not its length
                double top = p.position().y() + (p.rotation() == null ? p.size().y() / 2 : Arranging.halfHeight(p.size(), p.shape(), p.rotation()));
                if (top > room.size().y() - 0.02) {
                    throw new PromptException(g.words(), "makes a " + g.noun().word() + " "
                            + PromptReader.metres(top) + " tall, taller than the "
                            + PromptReader.number(room.size().y()) + " m room; expected a smaller one, a large room or outdoors");
                }
            }
        }
    }

    static boolean isRig(ObjectGroup g) {
        Role r = g.noun().role();
        return r == Role.PENDULUM || r == Role.CRADLE || r == Role.SEESAW;
    }

    /** True when a phrase naming {@code g} after the preposition {@code p} puts something on, down or into it. */
    private static boolean holds(ObjectGroup g, Prep p) {
        Role r = g.noun().role();
        return switch (r) {
            case SURFACE -> p == Prep.ON || p == Prep.DOWN || p == Prep.IN && g.shape() == Shape.SHELF;
            case RAMP -> p == Prep.ON || p == Prep.DOWN;
            case SEESAW -> p == Prep.ON;
            case PLAIN -> g.shape().hollow() && p == Prep.IN;
            case PENDULUM, CRADLE -> false;
        };
    }

    /** True for what can hold things at all: a surface, a ramp, a seesaw, a vessel. */
    private static boolean canHold(ObjectGroup g) {
        Role r = g.noun().role();
        return r == Role.SURFACE || r == Role.RAMP || r == Role.SEESAW || r == Role.PLAIN && g.shape().hollow();
    }

    /** "a seesaw with a ball on each end", "a table with a cup and a bowl on it": the groups after "with". */
    private static List<ObjectGroup> withs(Draft d, int gi) {
        List<ObjectGroup> out = new ArrayList<>();
        int k = gi + 1;
        if (k >= d.groups.size() || !d.withAt.contains(d.groups.get(k).at())) return out;
        out.add(d.groups.get(k));
        while (k + 1 < d.groups.size() && d.joined.contains(d.groups.get(k + 1).at())) {
            k++;
            out.add(d.groups.get(k));
        }
        return out;
    }

    private static boolean ancestor(ObjectGroup a, ObjectGroup g, Map<ObjectGroup, ObjectGroup> parentOf) {
        for (ObjectGroup p = g; p != null; p = parentOf.get(p)) if (p == a) return true;
        return false;
    }

    /** The group named just before group {@code gi}, with those joined to it by "and" or a comma. */
    private static List<ObjectGroup> subjects(Draft d, int gi) {
        List<ObjectGroup> out = new ArrayList<>();
        if (gi == 0) return out;
        int k = gi - 1;
        out.addFirst(d.groups.get(k));
        while (k > 0 && d.joined.contains(d.groups.get(k).at())) {
            k--;
            out.addFirst(d.groups.get(k));
        }
        return out;
    }

    /** Builds units; remembers what it was told by the draft. */
    private static final class Builder {
        final Draft d;
        final Map<ObjectGroup, List<ObjectGroup>> children;
        final Set<ActionPhrase> consumed;
        final List<String> notes;

        Builder(Draft d, Map<ObjectGroup, List<ObjectGroup>> children, Set<ActionPhrase> consumed, List<String> notes) {
            this.d = d;
            this.children = children;
            this.consumed = consumed;
            this.notes = notes;
        }

        /** One object of group {@code g} with what it holds, its bottom at {@code baseY} above the floor. */
        /** While one of several props is built: which (0, 1, ...) and of how many; -1: no sharing. */
        int share = -1, shares;

        /** The members of held group {@code c} to place: one, when as many things as props are shared out, else all. */
        List<Integer> members(ObjectGroup c) {
            if (share >= 0 && c.count() == shares) return List.of(share);
            return java.util.stream.IntStream.range(0, c.count()).boxed().toList();
        }

        Unit unit(ObjectGroup g, double baseY, boolean withChildren) {
            List<ObjectGroup> held = withChildren ? children.getOrDefault(g, List.of()) : List.of();
            return switch (g.noun().role()) {
                case PENDULUM -> pendulum(g, held);
                case CRADLE -> cradle(g);
                case SEESAW -> seesaw(g, held, baseY);
                case RAMP -> ramp(g, held, baseY);
                case SURFACE, PLAIN -> holder(g, held, baseY);
            };
        }

        Material material(ObjectGroup g) {
            return g.material() != null ? g.material() : g.noun().material();
        }

        Rgb color(ObjectGroup g) {
            return g.color() != null ? g.color() : material(g).color;
        }

        Piece piece(ObjectGroup g, Vec3 size, Vec3 position, Quat rotation, Vec3 velocity) {
            Material m = material(g);
            return new Piece(g, Staging.baseId(g, m), g.shape(), m, color(g), size, position, rotation, velocity,
                    g.noun().fixed() || d.fixedGroups.contains(g), g.noun().asset());
        }

        // ---- what falls and how far ----

        /** True when a verb of falling, a throw or a height comes between {@code child} and its holder. */
        boolean falls(ObjectGroup child, ObjectGroup holder) {
            if (holder.prep() == Prep.DOWN) return false;  // "bounces down the stairs": from the top
            if (d.offAt.contains(holder.at())) return false;  // "falls off a shelf": it starts on it
            // "drop a ball onto ...": right before it; "a ball falls onto ...": between the two.
            int from = child.at() - 1, to = holder.at();
            if (holder.at() < child.at()) {
                // "a table with a cup on it": what is held comes after its holder.
                from = child.at() - 1;
                to = child.end() + 3;
            }
            for (int v : d.drops) if (v >= from && v < to) return true;
            for (ActionPhrase a : d.actions) if (a.act() == Act.THROW && a.at() >= from && a.at() < to) return true;
            return !Double.isNaN(heightSaid(child, holder));
        }

        /** A height said for {@code child} between it and its holder, or right after the holder: metres, else NaN. */
        double heightSaid(ObjectGroup child, ObjectGroup holder) {
            int next = Integer.MAX_VALUE;
            for (ObjectGroup o : d.groups) if (o.at() > holder.at()) next = Math.min(next, o.at());
            for (Draft.HeightPhrase h : d.heights) {
                if (h.at() > child.at() && h.at() < holder.at() || holder.at() > child.at() && h.at() >= holder.end() && h.at() < next) {
                    return h.metres();
                }
            }
            return Double.NaN;
        }

        /** The actions said of group {@code g} (it is their subject). */
        List<Act> acts(ObjectGroup g) {
            List<Act> out = new ArrayList<>();
            for (ActionPhrase a : d.actions) {
                int s = Arranging.subject(d.groups, a.at(), false);
                if (s >= 0 && d.groups.get(s) == g) out.add(a.act());
            }
            return out;
        }

        /**
         * The bottom of something put on a surface whose top is {@code top} (local), the unit standing
         * at {@code baseY}: just above it, or above it by {@link #DROP_ONTO} (or at the height said) when it falls.
         */
        double bottomOn(ObjectGroup child, ObjectGroup holder, double top, double baseY) {
            if (!falls(child, holder)) return top + 1e-4;  // a tenth of a millimetre: it settles without a knock
            double said = heightSaid(child, holder);
            if (Double.isNaN(said) || said == Double.POSITIVE_INFINITY) return top + DROP_ONTO;
            double local = said - baseY;
            if (local < top + 0.01) {
                notes.add("\"" + child.words() + "\" starts just above the " + holder.noun().word()
                        + ", which is higher than the height said");
                return top + 0.01;
            }
            return local;
        }

        // ---- surfaces and vessels ----

        /** A table, shelf, stairs, pedestal or vessel, with what is put on or into it. */
        Unit holder(ObjectGroup g, List<ObjectGroup> held, double baseY) {
            Unit u = new Unit(g);
            Vec3 size = Staging.size(g);
            u.pieces.add(piece(g, size, new Vec3(0, size.y() / 2, 0), null, null));
            // A pour into or onto it: the source tilted over it, or a stream from above.
            for (Liquids.PourPlan p : d.pours) {
                if (p.target() != g) continue;
                ObjectGroup source = p.source() != null && held.contains(p.source()) ? p.source() : null;
                if (source != null || p.source() == null) pour(u, g, size, p, source);
            }
            held = held.stream().filter(c -> d.pourInto.get(c) != g).toList();
            if (held.isEmpty()) return u;
            if (g.shape().hollow()) {
                into(u, g, size, held, baseY);
                return u;
            }
            // The area things stand on: [x0, x1] x [z0, z1] at height top, local to the unit.
            double top, x0, x1, z0, z1;
            double margin = 0.02;
            switch (g.shape()) {
                case POOL_TABLE -> {
                    // on the cloth, inside the cushions (Solids.poolTable, local to the unit: its base at 0)
                    double[] bed = Solids.poolTable(size);
                    top = bed[4] + size.y() / 2;
                    x0 = bed[0] + margin;
                    x1 = bed[1] - margin;
                    z0 = bed[2] + margin;
                    z1 = bed[3] - margin;
                }
                case SHELF -> {
                    double t = 0.06 * size.z();
                    int n = Solids.shelfBoards(size);
                    double pitch = (size.y() - t) / (n - 1);
                    double tallest = 0;
                    for (ObjectGroup c : held) tallest = Math.max(tallest, Staging.size(c).y());
                    // The middle board, unless what goes on it is taller than the space above it.
                    int board = tallest < pitch - t - 0.02 ? n / 2 : n - 1;
                    top = t + board * pitch;
                    x0 = -size.x() / 2 + t + margin;
                    x1 = size.x() / 2 - t - margin;
                    z0 = -size.z() / 2 + margin;
                    z1 = size.z() / 2 - t - margin;
                }
                case STAIRS -> {
                    int n = Solids.stairSteps(size);
                    double run = size.x() / n;
                    top = size.y();
                    x0 = -size.x() / 2 + margin;
                    x1 = -size.x() / 2 + run - margin;
                    z0 = -size.z() / 2 + margin;
                    z1 = size.z() / 2 - margin;
                }
                case CYLINDER -> {
                    double r = size.x() / 2 * 0.7;
                    top = size.y();
                    x0 = -r;
                    x1 = r;
                    z0 = -r;
                    z1 = r;
                }
                default -> {
                    top = size.y();
                    x0 = -size.x() / 2 + margin;
                    x1 = size.x() / 2 - margin;
                    z0 = -size.z() / 2 + margin;
                    z1 = size.z() / 2 - margin;
                }
            }
            List<Unit> things = new ArrayList<>();
            List<ObjectGroup> of = new ArrayList<>();
            for (ObjectGroup c : held) {
                if (racked(c, g)) {
                    // Balls on a pool table stand racked, as for a game.
                    things.add(rack(c));
                    of.add(c);
                    continue;
                }
                Draft.Arrangement said = Arranging.arrangementOf(d, d.groups.indexOf(c));
                if (c.count() >= 2 && said != null && (said.layout() == Draft.Layout.WALL || said.layout() == Draft.Layout.STACK)) {
                    // "a wall of bricks on a table", "a jenga tower on a table": laid and stacked as on the floor
                    things.add(said.layout() == Draft.Layout.WALL ? wall(c) : stack(c));
                    of.add(c);
                    continue;
                }
                if (c.shape() == Shape.DOMINO && c.count() >= 2) {
                    // Dominoes on a table stand in a chain, as on the floor; the first leans if they are to fall.
                    things.add(chain(c, g));
                    of.add(c);
                    continue;
                }
                for (int k : members(c)) {
                    double bottom = bottomOn(c, g, top, baseY);
                    Unit cu = unit(c, baseY + bottom, k == 0);
                    things.add(cu);
                    of.add(c);
                }
            }
            boolean rolls = false, collide = false;
            for (ObjectGroup c : of) {
                rolls |= acts(c).contains(Act.ROLL) || acts(c).contains(Act.PUSH);
                collide |= acts(c).contains(Act.COLLIDE);
            }
            if (d.offAt.contains(g.at()) && g.shape() != Shape.STAIRS && !rolls) {
                offEdge(u, g, size, things, of, top, baseY);
            } else if (collide && things.size() >= 2 && g.shape() != Shape.STAIRS) {
                collideOn(u, g, things, of, top, x0, x1, z0, z1, baseY);
            } else if (shot(of) != null && g.shape() != Shape.STAIRS) {
                shotOn(u, g, things, of, top, x0 - margin, x1 + margin, z0, z1, baseY);
            } else {
                place(u, g, things, of, top, x0, x1, z0, z1, baseY);
            }
            return u;
        }

        /**
         * What falls off a surface ("a book falls off a shelf", "a cup falls off the table"): each
         * thing starts on its edge with its centre {@link #OFF_OVERHANG} of its own depth past it,
         * so it tips over the edge and falls. A shelf's boards end at its open front (-z, towards
         * the camera), a table's or a pedestal's top at its side (+x, the picture's left); the
         * things stand side by side along that edge.
         */
        private void offEdge(Unit u, ObjectGroup g, Vec3 size, List<Unit> things, List<ObjectGroup> of, double top,
                             double baseY) {
            boolean front = g.shape() == Shape.SHELF;
            double gap = 0.02, total = -gap;
            for (Unit t : things) {
                t.centre();
                total += gap + span(t, !front);
            }
            double edge = front ? -size.z() / 2 : size.x() / 2;
            double along = -total / 2;
            for (int k = 0; k < things.size(); k++) {
                Unit t = things.get(k);
                double length = span(t, !front), depth = span(t, front);
                double centre = along + length / 2, past = OFF_OVERHANG * depth;
                along += length + gap;
                double y = bottomOn(of.get(k), g, top, baseY);
                u.add(t, front ? new Vec3(round(centre), y, round(edge - past)) : new Vec3(round(edge + past), y, round(centre)));
            }
            List<String> said = of.stream().distinct().map(c -> "\"" + c.words() + "\"").toList();
            boolean many = said.size() > 1 || of.getFirst().count() > 1;
            notes.add(String.join(" and ", said) + (many ? " start" : " starts") + " on the edge of the "
                    + g.noun().word() + ", " + Math.round(100 * OFF_OVERHANG) + " % of " + (many ? "their" : "its")
                    + " depth past it, and " + (many ? "tip" : "tips") + " off");
        }

        /**
         * Places the units of what a surface holds in rows along x over its area, the first named on
         * the picture's left (+x), rows wrapping towards the back and centred both ways; gives what
         * rolls, is pushed or goes down the stairs its velocity.
         */
        private void place(Unit u, ObjectGroup g, List<Unit> things, List<ObjectGroup> of, double top, double x0,
                           double x1, double z0, double z1, double baseY) {
            double gap = 0.02;
            List<List<Integer>> rows = new ArrayList<>();
            List<double[]> rowSize = new ArrayList<>();  // {width, depth}
            for (int k = 0; k < things.size(); k++) {
                Unit t = things.get(k);
                t.centre();
                double[] e = t.extents();
                double w = e[1] - e[0], dz = e[3] - e[2];
                if (rows.isEmpty() || rowSize.getLast()[0] + gap + w > x1 - x0 + 1e-9) {
                    rows.add(new ArrayList<>());
                    rowSize.add(new double[] {-gap, 0});
                }
                rows.getLast().add(k);
                rowSize.getLast()[0] += gap + w;
                rowSize.getLast()[1] = Math.max(rowSize.getLast()[1], dz);
            }
            double depth = -gap, widest = 0;
            for (double[] rs : rowSize) {
                depth += gap + rs[1];
                widest = Math.max(widest, rs[0]);
            }
            if (things.size() > 1 && (depth > z1 - z0 + 1e-9 || widest > x1 - x0 + 1e-9)) {
                notes.add("\"" + g.words() + "\": what is put on it does not all fit; some of it overhangs the edge");
            }
            double z = (z0 + z1) / 2 - depth / 2;
            for (int r = 0; r < rows.size(); r++) {
                double x = (x0 + x1) / 2 + rowSize.get(r)[0] / 2;
                double zr = z + rowSize.get(r)[1] / 2;
                for (int k : rows.get(r)) {
                    Unit t = things.get(k);
                    ObjectGroup c = of.get(k);
                    double[] e = t.extents();
                    double w = e[1] - e[0];
                    Vec3 at = new Vec3(round(x - w / 2), bottomOn(c, g, top, baseY), round(zr));
                    x -= w + gap;
                    Vec3 push = nudge(c, g);
                    if (push != null) t = pushed(t, push);
                    u.add(t, at);
                }
                z += rowSize.get(r)[1] + gap;
            }
        }

        /**
         * A group of dominoes in a row along x, {@link Arranging#DOMINO_SPACING} of their height apart,
         * on a floor at y = 0; the first (lowest x) leaning {@link Arranging#TOPPLE_TILT_DEGREES} towards
         * the next when the words knock them over.
         */
        /** A wall of a group's bricks ({@link Arranging#wall}): its middle at x = z = 0, its foot at 0, running along z. */
        private Unit wall(ObjectGroup c) {
            Vec3 size = Staging.size(c);
            return laid(c, size, Arranging.wall(c.count(), size));
        }

        /** A stack of a group's things ({@link Arranging#stack}): its middle at x = z = 0, its foot at 0. */
        private Unit stack(ObjectGroup c) {
            Vec3 size = Staging.size(c);
            return laid(c, size, Arranging.stack(c, c.count(), size));
        }

        /** A group's things at a layout's rows ({@link Arranging#place}): {x, bottom, z, a turn about y[, a share of their length]}. */
        private Unit laid(ObjectGroup c, Vec3 size, double[][] at) {
            Unit u = new Unit(c);
            for (double[] b : at) {
                Vec3 cut = b.length > 4 ? new Vec3(size.x() * b[4], size.y(), size.z()) : size;   // a wall's bats
                u.pieces.add(piece(c, cut, new Vec3(round(b[0]), round(b[1] + size.y() / 2), round(b[2])),
                        b[3] != 0 ? Arranging.turn(b[3]) : null, null));
            }
            return u;
        }

        private Unit chain(ObjectGroup c, ObjectGroup holder) {
            Unit u = new Unit(c);
            Vec3 size = Staging.size(c);
            double pitch = size.x() + Arranging.DOMINO_SPACING * size.y();
            // "ten dominoes on a table, knock them over": the verb follows the table, but a table never falls.
            boolean topple = acts(c).contains(Act.TOPPLE) || acts(holder).contains(Act.TOPPLE);
            for (int k = 0; k < c.count(); k++) {
                double x = round((k - (c.count() - 1) / 2.0) * pitch);
                Quat q = k == 0 && topple ? Quat.axisAngle(new Vec3(0, 0, 1), -Math.toRadians(Arranging.TOPPLE_TILT_DEGREES)) : null;
                double half = q == null ? size.y() / 2 : Arranging.halfHeight(size, c.shape(), q);
                Piece p = piece(c, size, new Vec3(x, Math.ceil(half * 1e6) / 1e6, 0), q, k == 0 && topple ? new Vec3(0.2, 0, 0) : null);
                u.pieces.add(p);
            }
            return u;
        }

        /**
         * "two balls collide on a table": what the surface holds, half of it at each end of the
         * surface along x, in one line through the middle, the halves sent at each other at
         * {@link Arranging#COLLIDE_SPEED} (a ball rolls, a cylinder rolls on its side, anything else
         * slides), as two halves meet on the floor.
         */
        private void collideOn(Unit u, ObjectGroup g, List<Unit> things, List<ObjectGroup> of, double top, double x0,
                               double x1, double z0, double z1, double baseY) {
            double gap = 0.02, zc = round((z0 + z1) / 2);
            int half = (things.size() + 1) / 2;
            double left = x1, right = x0;
            for (int k = 0; k < things.size(); k++) {
                Unit t = things.get(k);
                t.centre();
                double[] e = t.extents();
                double w = e[1] - e[0];
                boolean first = k < half;
                double x = first ? left - w / 2 : right + w / 2;
                if (first) left -= w + gap;
                else right += w + gap;
                Unit moving = pushed(t, new Vec3(first ? -Arranging.COLLIDE_SPEED : Arranging.COLLIDE_SPEED, 0, 0));
                u.add(moving, new Vec3(round(x), bottomOn(of.get(k), g, top, baseY), zc));
            }
            if (left < right) notes.add("\"" + g.words() + "\": what collides on it does not all fit; some of it overhangs the edge");
        }

        /** Whether a group on surface {@code holder} stands racked: three balls or more on a pool table, or said to ("a rack of"). */
        private boolean racked(ObjectGroup c, ObjectGroup holder) {
            Draft.Arrangement said = Arranging.arrangementOf(d, d.groups.indexOf(c));
            return c.shape() == Shape.BALL && c.count() >= 3
                    && (holder.shape() == Shape.POOL_TABLE || said != null && said.layout() == Draft.Layout.RACK);
        }

        /**
         * Balls racked as for a game of pool: rows of 1, 2, 3, ... along x, touching (half a millimetre
         * apart), the apex toward -x, where a shot comes from (Builder#shotOn); its base at 0.
         */
        private Unit rack(ObjectGroup c) {
            Unit u = new Unit(c);
            Vec3 size = Staging.size(c);
            double pitch = size.x() + 0.0005, row = pitch * Math.sqrt(3) / 2;
            for (int q = 0; q < c.count(); q++) {
                double[] at = Arranging.triangle(q);
                Piece p = piece(c, size, new Vec3(round(at[0] * row), size.y() / 2, round(at[1] * pitch)), null, null);
                // Pool balls in their colours, unless the words gave one (the 8 in the middle of the third row).
                if (c.color() == null && material(c) == Material.RESIN) p = p.coloured(POOL_COLOURS[q % POOL_COLOURS.length]);
                u.pieces.add(p);
            }
            // Balls that touch pass a hit on one by one only between steps (as the cradle's do).
            u.physicsRate = RACK_PHYSICS_RATE;
            return u;
        }

        /** Pool balls' colours in a rack's order: the balls 1 to 7 with the 8 (black) fifth, then the stripes 9 to 15. */
        private static final Rgb[] POOL_COLOURS = java.util.stream.IntStream.of(1, 2, 3, 4, 8, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15)
                .mapToObj(n -> dev.diorama.scene.Colors.named(Vocabulary.poolColour(n))).toArray(Rgb[]::new);

        /**
         * The roll or push that sends a thing at another on the same surface ("a cue ball hits a red
         * ball on a pool table"); null when there is none.
         */
        private ActionPhrase shot(List<ObjectGroup> of) {
            for (ActionPhrase a : d.actions) {
                if (!Set.of(Act.ROLL, Act.PUSH).contains(a.act())) continue;
                int si = Arranging.subject(d.groups, a.at(), false), ti = Arranging.target(d, a, si);
                if (ti >= 0 && of.contains(d.groups.get(si)) && of.contains(d.groups.get(ti))) return a;
            }
            return null;
        }

        /**
         * A shot on a surface ("a cue ball hits a rack of billiard balls on a pool table"): what is
         * sent at stands with its middle (a rack with its apex) a quarter of the surface's length (x0 to
         * x1: a pool table's cloth) from its +x end (the foot spot), the mover a quarter from its -x end (the head spot), in
         * line, sent along +x at its speed (the words'; a break's, {@link Arranging#BREAK_SPEED}; on a pool
         * table a shot's, {@link Arranging#SHOT_SPEED}; else a roll's or a push's); anything else on the surface stands in rows between them,
         * behind the line.
         */
        private void shotOn(Unit u, ObjectGroup g, List<Unit> things, List<ObjectGroup> of, double top, double x0,
                            double x1, double z0, double z1, double baseY) {
            ActionPhrase action = shot(of);
            int si = Arranging.subject(d.groups, action.at(), false);
            ObjectGroup mover = d.groups.get(si), target = d.groups.get(Arranging.target(d, action, si));
            double speed = d.speeds.getOrDefault(action.at(), d.breaks.contains(action.at()) ? Arranging.BREAK_SPEED
                    : g.shape() == Shape.POOL_TABLE ? Arranging.SHOT_SPEED
                    : action.act() == Act.ROLL ? Arranging.ROLL_SPEED : Arranging.PUSH_SPEED) * d.mannerAt.getOrDefault(action.at(), 1.0);
            double length = x1 - x0, zc = round((z0 + z1) / 2), foot = x1 - length / 4, head = x0 + length / 4;
            List<Unit> rest = new ArrayList<>();
            List<ObjectGroup> restOf = new ArrayList<>();
            for (int k = 0; k < things.size(); k++) {
                Unit t = things.get(k);
                ObjectGroup c = of.get(k);
                t.centre();
                double[] e = t.extents();
                double y = bottomOn(c, g, top, baseY);
                if (c == target) {
                    // the middle of its first piece (a rack's apex) on the foot spot
                    u.add(t, new Vec3(round(t.pieces.size() > 1 ? foot - t.firstX() : foot), y, zc));
                    foot += e[1] - e[0] + 0.02;
                } else if (c == mover) {
                    u.add(pushed(t, new Vec3(speed, 0, 0)), new Vec3(round(head), y, zc));
                    head -= e[1] - e[0] + 0.02;
                    // it moves at most 40 % of its half-width a step (a break's cue ball would pass through the apex)
                    u.physicsRate = Math.max(u.physicsRate, (int) Math.ceil(speed / (0.4 * (e[1] - e[0]) / 2)));
                } else {
                    rest.add(t);
                    restOf.add(c);
                }
            }
            if (!rest.isEmpty()) place(u, g, rest, restOf, top, x0 + length / 4, x1 - length / 4, zc + 0.1, z1, baseY);
        }

        /** The velocity of a thing put on a surface: down the stairs, or rolled or pushed along; null at rest. */
        private Vec3 nudge(ObjectGroup c, ObjectGroup holder) {
            List<Act> acts = acts(c);
            boolean rolls = acts.contains(Act.ROLL) || acts.contains(Act.PUSH);
            if (holder.shape() == Shape.STAIRS && (holder.prep() == Prep.DOWN || rolls || falls(c, holder))) {
                return new Vec3(NUDGE, 0, 0);
            }
            if (rolls && !falls(c, holder)) return new Vec3(acts.contains(Act.ROLL) ? Arranging.ROLL_SPEED : NUDGE * 2, 0, 0);
            return null;
        }

        /** The unit's loose pieces of the holder's child given a velocity (its first piece). */
        private Unit pushed(Unit t, Vec3 v) {
            Piece p = t.pieces.getFirst();
            if (p.fixed()) return t;
            t.pieces.set(0, new Piece(p.group(), p.base(), p.shape(), p.material(), p.color(), p.size(), p.position(),
                    p.shape() == Shape.CYLINDER ? Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2) : p.rotation(), v,
                    false, p.asset()));
            if (p.shape() == Shape.CYLINDER) {
                // Rolled on its side: its centre at its radius.
                Piece q = t.pieces.getFirst();
                double lift = p.size().x() / 2 - p.size().y() / 2;
                t.pieces.set(0, q.moved(new Vec3(0, lift, 0)));
            }
            return t;
        }

        /** How far a pouring vessel is tipped from upright, degrees: past level, its lip the lowest point. */
        static final double POUR_TILT = 100;

        /**
         * A stream into or onto {@code g} (the unit's first piece, its bottom on y = 0, centred on x = z =
         * 0). With a source: the source, fixed, tipped {@value #POUR_TILT} degrees towards +x about z so
         * that its lip is its lowest point, the lip over the target's opening (0.4 of its radius from the
         * middle, on the -x side) and 1.5 cm above its rim (10 cm above a plate or table); the stream
         * leaves just below the lip, aimed to reach the middle of the target's floor. Without one: a
         * stream straight down from above the middle.
         */
        private void pour(Unit u, ObjectGroup g, Vec3 size, Liquids.PourPlan p, ObjectGroup source) {
            double top = size.y();
            double floor = g.shape().hollow() ? size.y() - Solids.cavityDepth(g.shape(), size) : top;
            double opening = Liquids.openingRadius(g.shape(), size);
            double volume = Liquids.pourVolume(g.shape(), size);
            double capacity = g.shape().hollow() ? Liquids.cavityVolume(g.shape(), size, Solids.cavityDepth(g.shape(), size)) : 0;
            double speed = p.speed();
            double radius = Liquids.streamRadius(volume, speed, p.thin());
            if (radius > 0.8 * opening) {
                throw new PromptException(p.words(), "pours a stream " + PromptReader.metres(2 * radius) + " across into a "
                        + g.noun().word() + " whose opening is " + PromptReader.metres(2 * opening) + "; expected a bigger "
                        + g.noun().word());
            }
            if (source == null) {
                double above = g.shape().hollow() ? Liquids.POUR_HEIGHT_VESSEL : Liquids.POUR_HEIGHT_SURFACE;
                u.streams.add(new Stream(p, new Vec3(0, round(top + above), 0), new Vec3(0, -speed, 0), radius, volume, capacity));
                return;
            }
            Vec3 js = Staging.size(source);
            double[][] st = Solids.profile(source.shape());
            double theta = Math.toRadians(POUR_TILT);
            Quat q = Quat.axisAngle(new Vec3(0, 0, 1), -theta);
            double r = js.x() / 2, h = js.y();
            double lowest = Double.POSITIVE_INFINITY;
            for (double[] station : st) {
                for (int side = -1; side <= 1; side += 2) {
                    Vec3 pt = q.rotate(new Vec3(side * station[0] * r, station[1] * h - h / 2, 0));
                    lowest = Math.min(lowest, pt.y());
                }
            }
            Vec3 lip = q.rotate(new Vec3(st[st.length - 1][0] * r, h / 2, 0));
            double clearance = g.shape().hollow() ? 0.015 : 0.1;
            double lipX = -0.4 * opening;
            Vec3 centre = new Vec3(round(lipX - lip.x()), round(top + clearance - lowest), 0);
            u.pieces.add(new Piece(source, Staging.baseId(source, material(source)), source.shape(), material(source),
                    color(source), js, centre, q, null, true, source.noun().asset()));
            Vec3 from = centre.plus(lip).plus(new Vec3(0, -(radius + 0.003), 0));
            from = new Vec3(round(from.x()), round(from.y()), round(from.z()));
            // Aim: the angle below the horizontal (towards +x) that brings the stream to x = 0 at the floor's height.
            double fall = from.y() - floor, dx = -from.x();
            double gravity = Staging.gravity(d);
            if (!(gravity > 0)) {
                throw new PromptException(p.words() + " ... " + d.gravity.words(), "pours without gravity; expected a pour where"
                        + " things fall (a liquid poured in weightlessness leaves the jug as a floating blob)");
            }
            double lo = Math.toRadians(10), hi = Math.toRadians(89);
            for (int k = 0; k < 60; k++) {
                double mid = (lo + hi) / 2;
                double vx = speed * Math.cos(mid), vy = speed * Math.sin(mid);
                double t = (-vy + Math.sqrt(vy * vy + 2 * gravity * Math.max(fall, 0))) / gravity;
                if (vx * t > dx) lo = mid;
                else hi = mid;
            }
            double alpha = (lo + hi) / 2;
            Vec3 v = new Vec3(round(speed * Math.cos(alpha)), round(-speed * Math.sin(alpha)), 0);
            u.streams.add(new Stream(p, from, v, radius, volume, capacity));
        }

        /** Things that go into a vessel: one above the other over its opening, each small enough to pass it. */
        private void into(Unit u, ObjectGroup g, Vec3 size, List<ObjectGroup> held, double baseY) {
            double opening, floor;
            if (g.shape() == Shape.TANK) {
                double t = Solids.tankWall(size);
                opening = Math.min(size.x(), size.z()) - 2 * t;
                floor = t;
            } else {
                double[][] profile = Solids.profile(g.shape());
                opening = profile[profile.length - 1][2] * size.x();
                floor = profile[0][3] * size.y();
            }
            double y = size.y();
            // Into a liquid: things a size of their own said nothing of are made small beside the opening
            // and start lower, so that the splash stays in the container.
            boolean wet = d.filled.containsKey(g);
            // "floats in", "bobs in", "sinks in": side by side at the liquid's surface, from the middle
            // out, as many as fit; the rest go in from above as the others do
            double surface = wet ? floor + Liquids.level(g.shape(), size, d.filled.get(g).fraction()) : Double.NaN;
            List<Piece> afloat = new ArrayList<>();
            for (ObjectGroup c : held) {
                Vec3 cs = Staging.size(c);
                // (A vessel goes in upright: its width must pass the opening; anything else, turned any way.)
                double across = c.shape().hollow() ? Math.hypot(cs.x(), cs.z()) : 2 * SceneObject.boundingRadius(c.shape(), cs);
                boolean sized = !Double.isNaN(c.length()) || c.scale() != 1;
                // (A vessel is not made small: it floats, or fills and sinks, rather than splashing.)
                boolean splashes = wet && !sized && c.noun().role() == Role.PLAIN && !c.shape().hollow();
                Draft.Afloat how = wet && !c.shape().hollow() ? afloat(c, g) : null;
                // (Afloat in a tank, a bath: set on the surface, not dropped through the opening, they keep
                // their size where all of them lie on it, as a toy boat 30 cm long does in a tank.)
                boolean lies = how != null && g.shape() == Shape.TANK
                        && afloatSpots(g, size, floor, surface, c, cs, how, members(c).size(), afloat).size() == members(c).size();
                if (!lies && (across > 0.9 * opening || splashes && across > INTO_LIQUID * 1.5 * opening)) {
                    if (across > 0.9 * opening && (sized || c.noun().role() != Role.PLAIN)) {
                        throw new PromptException(c.words() + " ... " + g.words(), "makes something "
                                + PromptReader.metres(across) + " across that cannot go into a " + g.noun().word()
                                + " whose opening is " + PromptReader.metres(opening) + " across; expected something"
                                + " smaller, or a bigger " + g.noun().word());
                    }
                    double f = (wet ? INTO_LIQUID : 0.6) * opening / across;
                    cs = cs.times(f);
                    cs = new Vec3(round(cs.x()), round(cs.y()), round(cs.z()));
                    // Its own size, as one would measure it (a cube's edge, not the diagonal that must pass the opening).
                    boolean round = c.shape() == Shape.BALL || c.shape().round();
                    double largest = Math.max(cs.x(), Math.max(cs.y(), cs.z()));
                    notes.add("\"" + c.words() + "\" is made " + PromptReader.metres(largest) + (round ? " across" : " at its longest")
                            + " to fit into the " + PromptReader.metres(opening) + " opening of the " + g.noun().word());
                }
                List<Integer> members = members(c);
                int from = 0;
                if (how != null) {
                    String kind = d.filled.get(g).kind();
                    double rho = dev.diorama.scene.Liquid.density(kind), density = Staging.meanDensity(c, d, material(c), cs);
                    if (how == Draft.Afloat.FLOAT && density >= rho) {
                        notes.add("\"" + c.words() + "\" (" + material(c).jsonName() + ", " + Math.round(density) + " kg/m^3) is"
                                + " denser than " + kind + " (" + Math.round(rho) + " kg/m^3), so it sinks; it starts at the surface");
                    }
                    for (Vec3 at : afloatSpots(g, size, floor, surface, c, cs, how, members.size(), afloat)) {
                        Piece p = piece(c, cs, at, null, null);
                        afloat.add(p);
                        u.pieces.add(p);
                        from++;
                    }
                }
                boolean falls = falls(c, g);
                double bottom = y + (falls ? wet ? DROP_INTO_LIQUID : Math.max(DROP_ONTO, 0.02) : 0.01);
                double said = heightSaid(c, g);
                if (!Double.isNaN(said) && said != Double.POSITIVE_INFINITY && said - baseY > bottom) bottom = said - baseY;
                for (int k = from; k < members.size(); k++) {
                    double half = c.shape() == Shape.BALL ? cs.x() / 2 : cs.y() / 2;
                    u.pieces.add(piece(c, cs, new Vec3(0, round(bottom + half), 0), null, null));
                    // A small thing falling fast onto a thin floor must not pass through it between two
                    // steps: it moves at most 40 % of its radius and the floor's thickness per step.
                    double speed = Math.sqrt(2 * Staging.gravity(d) * Math.max(0, bottom - floor));
                    double reach = Math.min(half, cs.x() / 2) + floor;
                    u.physicsRate = Math.max(u.physicsRate, (int) Math.ceil(speed / (0.4 * reach)));
                    bottom += 2 * half + 0.02;
                }
                if (from < members.size()) y = bottom;
            }
        }

        /**
         * Up to {@code count} places (centres, the vessel's frame) for things of {@code c} of size
         * {@code cs} that are {@code how} in the liquid whose surface is at {@code surface} in a
         * vessel whose inside's floor is at {@code floor}: floating at {@link #floatingDepth}, bobbing
         * or sinking with their bottoms on the surface, on the floor where it is too shallow. First
         * about its middle as the smallest regular polygon that keeps them 5 mm apart (one in the
         * middle, two side by side along x or else z, three in a triangle, ... six); where that does
         * not fit, on a lattice (hexagonal for round things, square for boxes) their width and a
         * quarter (at least 5 mm) apart, nearest the middle first. Each must lie a margin (5 mm, or a
         * tenth of its narrower width) inside the vessel at its bottom and top (a tank's inside, a
         * round vessel's radius there) and clear of the things already {@code placed}: an ice cube
         * placed 0.6 mm from a glass's wall, a film of water between, was thrown out of the glass.
         */
        private List<Vec3> afloatSpots(ObjectGroup g, Vec3 size, double floor, double surface, ObjectGroup c, Vec3 cs,
                                       Draft.Afloat how, int count, List<Piece> placed) {
            Shape shape = c.shape();
            double share = Staging.meanDensity(c, d, material(c), cs) / dev.diorama.scene.Liquid.density(d.filled.get(g).kind());
            double sunk = how == Draft.Afloat.FLOAT ? floatingDepth(shape, cs, share) : 0;
            double half = shape == Shape.BALL ? cs.x() / 2 : cs.y() / 2;
            // (on the bottom of a vessel too shallow for it to float)
            double bottom = Math.max(surface - sunk, floor + 0.001), top = bottom + 2 * half, y = round(bottom + half);
            boolean round = roundInPlan(shape);
            double width = Math.max(cs.x(), cs.z()), reach = round ? width : Math.hypot(cs.x(), cs.z());
            double pitch = reach + Math.max(0.005, 0.25 * width);
            double margin = Math.max(0.005, 0.1 * Math.min(cs.x(), cs.z())), t = g.shape() == Shape.TANK ? Solids.tankWall(size) : 0;
            double hx = (size.x() - 2 * t) / 2 - margin, hz = (size.z() - 2 * t) / 2 - margin;
            double depth = Solids.cavityDepth(g.shape(), size);
            double radius = g.shape() == Shape.TANK ? Double.NaN : Math.min(
                    Solids.cavityRadius(g.shape(), size, Math.max(bottom, floor)),
                    Solids.cavityRadius(g.shape(), size, Math.min(top, floor + depth))) - margin;
            List<Vec3> out = new ArrayList<>();
            // Inside the vessel, and 5 mm clear of what is placed: round things by their circles, others by their boxes.
            java.util.function.BiPredicate<Vec3, List<Vec3>> fits = (v, more) -> {
                boolean ok = g.shape() == Shape.TANK ? Math.abs(v.x()) + cs.x() / 2 <= hx && Math.abs(v.z()) + cs.z() / 2 <= hz
                        : round ? Math.hypot(v.x(), v.z()) + width / 2 <= radius
                        : Math.hypot(Math.abs(v.x()) + cs.x() / 2, Math.abs(v.z()) + cs.z() / 2) <= radius;
                for (Piece p : placed) ok &= apart(p.position(), p.size(), roundInPlan(p.shape()), v, cs, round);
                for (Vec3 o : more) ok &= apart(o, cs, round, v, cs, round);
                return ok;
            };
            // The polygon as small as keeps its corners apart (by the millimetre), its first corner
            // towards -x, else towards -z (two long boats side by side across a tank).
            for (double rho = 0; count <= 6 && rho <= pitch; rho += 0.001) {
                for (double start : new double[] {Math.PI, -Math.PI / 2}) {
                    List<Vec3> ring = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        double a = start + 2 * Math.PI * k / count;
                        Vec3 v = new Vec3(round(rho * Math.cos(a)), y, round(rho * Math.sin(a)));
                        if (fits.test(v, ring)) ring.add(v);
                    }
                    if (ring.size() == count) return ring;
                }
            }
            // A hexagonal lattice for round things, a square one for boxes.
            int n = (int) Math.ceil(Math.max(size.x(), size.z()) / pitch) + 1;
            List<Vec3> lattice = new ArrayList<>();
            for (int i = -n; i <= n; i++) {
                for (int k = -n; k <= n; k++) {
                    lattice.add(round ? new Vec3(round((i + 0.5 * Math.abs(k % 2)) * pitch), y, round(k * pitch * Math.sqrt(3) / 2))
                            : new Vec3(round(i * pitch), y, round(k * pitch)));
                }
            }
            lattice.sort(java.util.Comparator.comparingDouble((Vec3 v) -> Math.round(1e6 * Math.hypot(v.x(), v.z())))
                    .thenComparingDouble(v -> Math.abs(v.z())).thenComparingDouble(Vec3::x).thenComparingDouble(Vec3::z));
            for (Vec3 v : lattice) {
                if (out.size() == count) break;
                if (fits.test(v, out)) out.add(v);
            }
            return out;
        }

        /** Whether a thing standing as placed is round seen from above: a ball, or an upright cylinder, cone or vessel. */
        private static boolean roundInPlan(Shape shape) {
            return shape == Shape.BALL || shape.round();
        }

        /** Whether two things standing at {@code a} and {@code b} are 5 mm apart seen from above: circles if both are round, else boxes. */
        private static boolean apart(Vec3 a, Vec3 as, boolean ar, Vec3 b, Vec3 bs, boolean br) {
            if (ar && br) return Math.hypot(a.x() - b.x(), a.z() - b.z()) >= (as.x() + bs.x()) / 2 + 0.005;
            return Math.abs(a.x() - b.x()) >= (as.x() + bs.x()) / 2 + 0.005 || Math.abs(a.z() - b.z()) >= (as.z() + bs.z()) / 2 + 0.005;
        }

        /** How {@code child} is said to be in {@code vessel}'s liquid ("a cork bobs in a bucket of water"), or null. */
        Draft.Afloat afloat(ObjectGroup child, ObjectGroup vessel) {
            for (Draft.AfloatVerb a : d.afloat) {
                if (a.vessel() >= vessel.at() && a.vessel() < vessel.end() && a.verb() > child.at() && a.verb() < vessel.at()) {
                    return a.how();
                }
            }
            return null;
        }

        // ---- ramps ----

        /**
         * A fixed wedge whose slope falls towards +x, and what goes down it: each at the top of the
         * slope in a lane of its own across the ramp, resting on the slope (a ball or a cylinder on its
         * side rolls down, a box slides if the slope beats its friction); what falls onto it starts
         * above the middle of the slope.
         */
        Unit ramp(ObjectGroup g, List<ObjectGroup> held, double baseY) {
            Unit u = new Unit(g);
            Vec3 s0 = Staging.size(g);
            double degrees = Double.isNaN(g.degrees()) ? RAMP_DEGREES : g.degrees();
            double theta = Math.toRadians(degrees);
            double length = s0.x();
            double height = length * Math.tan(theta);
            if (height > Staging.MAX_SIZE) {
                throw new PromptException(g.words(), "makes a ramp " + PromptReader.metres(height) + " high; expected a"
                        + " shallower or shorter one");
            }
            List<Vec3> sizes = new ArrayList<>();
            List<ObjectGroup> of = new ArrayList<>();
            double lane = 0;
            for (ObjectGroup c : held) {
                for (int k : members(c)) {
                    Vec3 cs = Staging.size(c);
                    sizes.add(cs);
                    of.add(c);
                    lane = Math.max(lane, 2 * SceneObject.boundingRadius(c.shape(), cs));
                }
            }
            double gap = Math.max(0.02, 0.25 * lane);
            double depth = Math.ceil(Math.max(s0.z(), sizes.size() * (lane + gap) + gap) * 1000) / 1000;
            Vec3 size = new Vec3(length, Math.round(height * 1000) / 1000.0, depth);
            u.pieces.add(piece(g, size, new Vec3(0, size.y() / 2, 0), null, null));
            Vec3 top = new Vec3(-length / 2, size.y(), 0);
            Vec3 along = new Vec3(Math.cos(theta), -Math.sin(theta), 0), normal = new Vec3(Math.sin(theta), Math.cos(theta), 0);
            for (int k = 0; k < sizes.size(); k++) {
                ObjectGroup c = of.get(k);
                Vec3 cs = sizes.get(k);
                double z = (k - (sizes.size() - 1) / 2.0) * (lane + gap);
                Piece p;
                if (falls(c, g) && !(g.prep() == Prep.DOWN)) {
                    double said = heightSaid(c, g);
                    double bottom = Double.isNaN(said) || said == Double.POSITIVE_INFINITY ? size.y() / 2 + DROP_ONTO
                            : Math.max(said - baseY, size.y() / 2 + 0.01);
                    p = piece(c, cs, new Vec3(0, round(bottom + cs.y() / 2), z), null, null);
                } else if (c.shape() == Shape.BALL || c.shape() == Shape.CYLINDER) {
                    // Rolls: its lowest point on the slope a radius below the top edge.
                    double r = cs.x() / 2;
                    Quat q = c.shape() == Shape.CYLINDER ? Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2) : null;
                    Vec3 centre = top.plus(along.times(Math.max(r, 0.01))).plus(normal.times(r + 1e-4));
                    p = piece(c, cs, new Vec3(round(centre.x()), round(centre.y()), z), q, null);
                } else {
                    // Sits on the slope, turned to it, its back edge a centimetre below the top.
                    Quat q = Quat.axisAngle(new Vec3(0, 0, 1), -theta);
                    Vec3 centre = top.plus(along.times(0.01 + cs.x() / 2)).plus(normal.times(cs.y() / 2 + 1e-4));
                    p = piece(c, cs, new Vec3(round(centre.x()), round(centre.y()), z), q, null);
                }
                u.pieces.add(p);
                // Where it will be: at the foot of the ramp and a little beyond, rolling on.
                u.ghosts.add(p.moved(new Vec3(length / 2 + 0.8 - p.position().x(), cs.y() / 2 - p.position().y(), 0)));
            }
            return u;
        }

        // ---- rigs ----

        /**
         * A bob on a rigid rod from the middle of a fixed crossbar on two posts (a swing's frame, open
         * to the camera), released {@value #PENDULUM_DEGREES} degrees out (or the angle said) towards -x.
         */
        Unit pendulum(ObjectGroup g, List<ObjectGroup> struck) {
            Unit u = new Unit(g);
            boolean wrecking = g.noun().word().equals("wrecking-ball");
            double length = !Double.isNaN(g.length()) ? g.length() : (wrecking ? WRECKING_CABLE : PENDULUM_LENGTH) * g.scale();
            // the angle said with the noun ("released at 45 degrees") or with the swing ("swings from 41 degrees")
            double said = !Double.isNaN(g.degrees()) ? g.degrees() : d.swingDegrees.getOrDefault(g.at(), Double.NaN);
            double theta = Math.toRadians(Double.isNaN(said) ? wrecking ? WRECKING_DEGREES
                    : g.noun().word().equals("double-pendulum") ? DOUBLE_DEGREES : PENDULUM_DEGREES : said);
            Double period = d.periods.get(g);
            if (period != null) {
                // "with a period of 2 seconds": the length whose swing from theta takes that long in this world's gravity
                length = lengthForPeriod(period, theta, Staging.gravity(d));
                if (!(length > 0)) {
                    throw new PromptException(g.words(), "asks for a period of " + PromptReader.number(period) + " s where nothing falls"
                            + " (no gravity); expected a pendulum with a length, or a world with gravity");
                }
                notes.add("\"" + g.words() + "\": a period of " + PromptReader.number(period) + " s from " + PromptReader.number(
                        Math.round(Math.toDegrees(theta))) + " degrees is a pendulum " + PromptReader.metres(Math.round(length * 1000) / 1000.0)
                        + " long (T = 2 pi sqrt(L / g), lengthened for the swing's amplitude)");
            }
            if (length > Staging.MAX_SIZE / 2) {
                throw new PromptException(g.words(), "asks for a pendulum " + PromptReader.metres(length) + " long; expected"
                        + " at most " + PromptReader.metres(Staging.MAX_SIZE / 2));
            }
            double bob = Math.min(g.noun().size().x() * g.scale(), 0.5 * length);
            double r = bob / 2;
            // With something to strike on the floor, the bob skims 2 cm above the floor at the bottom of
            // its swing; a wall it strikes at half its height.
            double wallHigh = 0;
            for (ObjectGroup c : struck) {
                if (walled(c)) wallHigh = Math.max(wallHigh, Arranging.wall(c.count(), Staging.size(c))[c.count() - 1][1] + Staging.size(c).y());
            }
            double pivotY = round(length + (struck.isEmpty() ? r + Math.max(0.15, 0.25 * length) : Math.max(r + STRIKE_CLEARANCE, wallHigh / 2)));
            double half = round(length * Math.sin(Math.min(theta, Math.PI / 2)) + r + 0.1);
            if (g.noun().word().equals("double-pendulum")) return doublePendulum(u, g, length, bob, theta, pivotY);
            int bar = frame(u, g, pivotY, half, false);
            Vec3 pivot = new Vec3(0, pivotY, 0);
            Vec3 at = new Vec3(round(-length * Math.sin(theta)), round(pivotY - length * Math.cos(theta)), 0);
            hang(u, g, bar, pivot, at, bob, ROD * Math.max(0.5, g.scale()));
            u.ghosts.add(u.pieces.get(u.pieces.size() - 2).moved(new Vec3(-2 * at.x(), 0, 0)));
            notes.add("\"" + g.words() + "\": a pendulum of " + PromptReader.metres(length) + ", released "
                    + PromptReader.number(Math.round(Math.toDegrees(theta))) + " degrees out");
            // What it strikes rests on the floor just past the bottom of the swing, in the bob's path (+x).
            double x = r;
            for (ObjectGroup c : struck) {
                Vec3 size = Staging.size(c);
                double reach = Math.max(size.x(), size.z()) / 2;
                if (walled(c)) {
                    // "smashes into a wall of bricks": the wall across the bob's path, its near face where the bob strikes
                    u.add(wall(c), new Vec3(round(x + STRIKE_GAP + size.z() / 2), 0, 0));
                    x += STRIKE_GAP + size.z();
                } else if (c.shape() == Shape.DOMINO && c.count() >= 2) {
                    // "strikes a row of five dominoes": the chain, its first domino where the bob strikes
                    Unit chain = chain(c, g);
                    double first = chain.firstX();
                    u.add(chain, new Vec3(round(x + STRIKE_GAP + size.x() / 2 - first), 0, 0));
                    x += STRIKE_GAP + chain.pieces.getLast().position().x() - first + size.x();
                } else {
                    // each of the group in a row along the bob's path, the first where it strikes
                    for (int k = 0; k < c.count(); k++) {
                        u.pieces.add(piece(c, size, new Vec3(round(x + STRIKE_GAP + reach), round(size.y() / 2), 0), null, null));
                        x += STRIKE_GAP + 2 * reach;
                    }
                }
                notes.add("\"" + c.words() + "\" " + (c.count() > 1 ? "stand" : "stands") + " just past the bottom of the swing, where the bob strikes "
                        + (c.count() > 1 ? "the first" : "it"));
            }
            return u;
        }

        /**
         * The length of a simple pendulum whose swing from {@code theta} (rad) out lasts {@code period}
         * s in gravity {@code g}: T = 2 pi sqrt(L / g) K(theta), with the amplitude's factor K = 1 +
         * theta^2 / 16 + 11 theta^4 / 3072 + 173 theta^6 / 737280 (the series of the complete elliptic
         * integral; within 0.01 % of it to 60 degrees); 0 without gravity.
         */
        static double lengthForPeriod(double period, double theta, double g) {
            double t2 = theta * theta;
            double k = 1 + t2 / 16 + 11 * t2 * t2 / 3072 + 173 * t2 * t2 * t2 / 737280;
            double w = period / (2 * Math.PI * k);
            return g * w * w;
        }

        /**
         * "a double pendulum": a second bob hung by a rod of half the length from the first, itself
         * hung by a rod of half the length from the frame (so its reach is a pendulum's), both arms
         * let go in one straight line {@code theta} out: a motion that a hair's change of its start
         * sends elsewhere (chaos). The frame is an axle along z on two posts beside the arms' plane, high
         * enough for the arms to swing through below it.
         */
        private Unit doublePendulum(Unit u, ObjectGroup g, double length, double bob, double theta, double pivotY) {
            double arm = length / 2;
            double high = round(pivotY + arm);    // half an arm above a pendulum's pivot: the lower bob passes well clear of the floor
            // the bar an axle along z, its posts 20 cm either side of the arms' plane: level arms would lie along a bar along x
            int bar = frame(u, g, high, 0.2, true);
            Vec3 pivot = new Vec3(0, high, 0), out = new Vec3(-Math.sin(theta), -Math.cos(theta), 0);
            Vec3 first = pivot.plus(out.times(arm)), second = first.plus(out.times(arm));
            first = new Vec3(round(first.x()), round(first.y()), 0);
            second = new Vec3(round(second.x()), round(second.y()), 0);
            hang(u, g, bar, pivot, first, bob, ROD * Math.max(0.5, g.scale()));
            int upper = u.pieces.size() - 2;
            hang(u, g, upper, first, second, bob, ROD * Math.max(0.5, g.scale()), bob / 2 + 0.002);
            // where it may go: anywhere within its reach of the pivot
            for (Vec3 to : List.of(new Vec3(-length, 0, 0), new Vec3(length, 0, 0), new Vec3(0, -length, 0), new Vec3(0, length, 0))) {
                u.ghosts.add(u.pieces.get(u.pieces.size() - 2).moved(pivot.plus(to).minus(second)));
            }
            notes.add("\"" + g.words() + "\": a double pendulum, two arms of " + PromptReader.metres(arm) + ", let go in one line "
                    + PromptReader.number(Math.round(Math.toDegrees(theta))) + " degrees out; its motion is chaotic: the least change"
                    + " of its start sends it elsewhere after a few swings");
            return u;
        }

        /**
         * How far out a double pendulum's arms are let go when the words do not say, degrees: 45 above
         * level, where two starts 0.01 degree apart part from 0.26 mm to 21 mm in 6 s (let go level,
         * they parted to only 0.7 mm).
         */
        static final double DOUBLE_DEGREES = 135;

        /** Whether a group stands as a wall ("a wall of bricks"). */
        private boolean walled(ObjectGroup c) {
            Draft.Arrangement a = Arranging.arrangementOf(d, d.groups.indexOf(c));
            return a != null && a.layout() == Draft.Layout.WALL && c.count() >= 2;
        }

        /** A wrecking ball's cable, metres, and how far out it is let go, degrees, when the words do not say. */
        static final double WRECKING_CABLE = 3.0, WRECKING_DEGREES = 45;

        /** How far above the floor a bob that strikes something on the floor passes at the bottom of its swing, metres. */
        static final double STRIKE_CLEARANCE = 0.02;
        /** The gap between the bob at the bottom of its swing and what it strikes, metres. */
        static final double STRIKE_GAP = 0.02;

        /**
         * A ball of diameter {@code d} at {@code centre} hung from the bar (piece {@code bar}) at
         * {@code pivot} by a rigid rod {@code thick} across: the rod is a thin steel cylinder from a
         * centimetre below the bar to just above the ball, held to the bar by a pivot and to the ball by
         * a pivot at the ball's centre (the ball goes where the rod's end goes and may spin freely
         * about its centre, which leaves its surface where it was), so it touches neither. Adds the
         * ball, then the rod.
         */
        private void hang(Unit u, ObjectGroup g, int bar, Vec3 pivot, Vec3 centre, double d, double thick) {
            hang(u, g, bar, pivot, centre, d, thick, FRAME_ROD / 2 + 0.01);
        }

        /** As {@link #hang(Unit, ObjectGroup, int, Vec3, Vec3, double, double)}, the rod starting {@code start} from the pivot. */
        private void hang(Unit u, ObjectGroup g, int bar, Vec3 pivot, Vec3 centre, double d, double thick, double start) {
            double r = d / 2;
            Vec3 dir = centre.minus(pivot).normalized();
            Vec3 top = pivot.plus(dir.times(start)), bottom = centre.minus(dir.times(r + 0.002));
            Vec3 mid = top.plus(bottom).times(0.5);
            double len = bottom.minus(top).length();
            Vec3 y = new Vec3(0, 1, 0);
            Vec3 axis = y.cross(dir);
            Quat q = axis.length() < 1e-9 ? null : Quat.axisAngle(axis.normalized(), Math.acos(Math.clamp(y.dot(dir), -1, 1)));
            u.pieces.add(piece(g, new Vec3(d, d, d), centre, null, null));
            int ball = u.pieces.size() - 1;
            u.pieces.add(new Piece(g, ROD_MATERIAL.jsonName() + "-" + g.noun().word() + "-rod", Shape.CYLINDER, ROD_MATERIAL,
                    ROD_MATERIAL.color, new Vec3(thick, round(len), thick), new Vec3(round(mid.x()), round(mid.y()), round(mid.z())),
                    q, null, false, null));
            int rod = u.pieces.size() - 1;
            u.links.add(new Link(rod, bar, pivot, null));
            u.links.add(new Link(rod, ball, centre, null));
        }

        /**
         * A fixed frame of 3 cm wooden rods: a crossbar at {@code barY} on two posts, the bar along z
         * between posts at z = +-{@code half} ({@code alongZ}), or along x between posts at x =
         * +-{@code half}. Returns the bar's piece index.
         */
        private int frame(Unit u, ObjectGroup g, double barY, double half, boolean alongZ) {
            String base = FRAME.jsonName() + "-" + g.noun().word();
            Vec3 postSize = new Vec3(FRAME_ROD, round(barY + FRAME_ROD / 2), FRAME_ROD);
            for (int side = -1; side <= 1; side += 2) {
                Vec3 at = alongZ ? new Vec3(0, postSize.y() / 2, side * half) : new Vec3(side * half, postSize.y() / 2, 0);
                u.pieces.add(new Piece(g, base + "-post", Shape.CYLINDER, FRAME, FRAME.color, postSize, at, null, null,
                        true, null));
            }
            Quat lying = alongZ ? Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2) : Quat.axisAngle(new Vec3(0, 0, 1), Math.PI / 2);
            u.pieces.add(new Piece(g, base + "-bar", Shape.CYLINDER, FRAME, FRAME.color,
                    new Vec3(FRAME_ROD, round(2 * half + FRAME_ROD), FRAME_ROD), new Vec3(0, barY, 0), lying, null, true, null));
            return u.pieces.size() - 1;
        }

        /**
         * Newton's cradle: {@value #CRADLE_BALLS} balls in a row along x, each on its own rod from a
         * crossbar, {@value #CRADLE_GAP} m apart (touching-but-gapped: the collisions pass from ball
         * to ball one at a time), the first pulled back {@value #CRADLE_DEGREES} degrees.
         */
        Unit cradle(ObjectGroup g) {
            Unit u = new Unit(g);
            double scale = Double.isNaN(g.length()) ? g.scale() : g.length() / (2 * CRADLE_LENGTH);
            double d = g.noun().size().x() * scale, r = d / 2;
            double length = CRADLE_LENGTH * scale, gap = CRADLE_GAP * scale;
            double theta = Math.toRadians(Double.isNaN(g.degrees()) ? CRADLE_DEGREES : g.degrees());
            double pivotY = round(length + r + 0.1 * scale);
            double reach = 2 * (d + gap) + length * Math.sin(theta) + r;
            double half = round(reach + 0.04 * scale + FRAME_ROD / 2);
            int bar = frame(u, g, pivotY, half, false);
            // "with two balls pulled back": the first n, let go together (touching, as they hang)
            int pulled = this.d.pulled.getOrDefault(g, 1);
            for (int k = 0; k < CRADLE_BALLS; k++) {
                double x = (k - (CRADLE_BALLS - 1) / 2.0) * (d + gap);
                Vec3 pivot = new Vec3(round(x), pivotY, 0);
                Vec3 at = k < pulled ? new Vec3(round(x - length * Math.sin(theta)), round(pivotY - length * Math.cos(theta)), 0)
                        : new Vec3(round(x), round(pivotY - length), 0);
                hang(u, g, bar, pivot, at, d, WIRE * scale);
            }
            u.physicsRate = CRADLE_PHYSICS_RATE;
            Material m = material(g);
            if (m.restitution < 0.9) {
                notes.add("\"" + g.words() + "\": " + m.jsonName() + " balls bounce back only " + PromptReader.number(m.restitution)
                        + " of their speed, so the cradle soon stops; stone, marble or granite (0.95) swing longest");
            }
            return u;
        }

        /**
         * A plank on a hinge across z over the apex of a fixed pyramid (its fulcrum, 15 % of the plank's
         * length high), level; what is put on it goes to its ends, the first named to +x (the
         * picture's left), the next to -x, and so on.
         */
        Unit seesaw(ObjectGroup g, List<ObjectGroup> held, double baseY) {
            Unit u = new Unit(g);
            Vec3 size = Staging.size(g);
            double h = round(0.15 * size.x());
            u.pieces.add(new Piece(g, material(g).jsonName() + "-fulcrum", Shape.PYRAMID, material(g), color(g),
                    new Vec3(h, h, h), new Vec3(0, h / 2, 0), null, null, true, null));
            double hinge = h + 0.0005;
            Material m = material(g);
            u.pieces.add(new Piece(g, Staging.baseId(g, m), Shape.PLANK, m, color(g), size,
                    new Vec3(0, round(hinge + size.y() / 2), 0), null, null, false, null));
            u.links.add(new Link(1, 0, new Vec3(0, hinge, 0), new Vec3(0, 0, 1)));
            double top = hinge + size.y();
            int n = 0;
            for (ObjectGroup c : held) {
                for (int k = 0; k < c.count(); k++, n++) {
                    double x = (n % 2 == 0 ? 1 : -1) * 0.4 * size.x();
                    Vec3 cs = Staging.size(c);
                    double bottom = bottomOn(c, g, top, baseY);
                    double half = c.shape() == Shape.BALL ? cs.x() / 2 : cs.y() / 2;
                    // A third and fourth thing go above the first two, and so on: they land on them.
                    u.pieces.add(piece(c, cs, new Vec3(round(x), round(bottom + half + (n / 2) * (2 * half + 0.01)), 0),
                            null, null));
                }
            }
            return u;
        }
    }

    /** To the micrometre (and never -0.0): scene files stay readable and the same on every machine. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6 + 0.0;
    }
}
