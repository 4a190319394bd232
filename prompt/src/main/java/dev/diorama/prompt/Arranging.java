package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Act;
import dev.diorama.prompt.Draft.ActionPhrase;
import dev.diorama.prompt.Draft.Arrangement;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.Rel;
import dev.diorama.prompt.Draft.Relation;
import dev.diorama.prompt.Staging.Item;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What arrangements, relations and actions do to the layout of {@link Staging}: they move the
 * falling objects of the groups they speak of and give them starting rotations and velocities.
 *
 * <p>Which group a phrase speaks of: a phrase before its group ("a stack of blocks", "throw a
 * ball") speaks of the first group after it; any other of the last group before it ("balls in a
 * row", "a ball rolls"), else of the first after. A relation relates the last group before it to
 * the first after it ("a ball to the left of a cube"), and "between" to the two after it.
 *
 * <p>Directions: the camera looks south (+z) by default, so the picture's left is +x (east) and
 * "in front of" is toward -z. Speeds are what a hand gives: a throw 1.5 m/s across and 2.5 m/s up,
 * a roll 0.8 m/s, a push 1.5 m/s (a slide of v^2 / (2 mu g), about 25 cm on wood), a head-on
 * collision 1.5 m/s each; a knock over tilts the first object 20 degrees toward the others.
 */
final class Arranging {
    static final double THROW_ACROSS = 1.5, THROW_UP = 2.5, ROLL_SPEED = 0.8, PUSH_SPEED = 1.5, COLLIDE_SPEED = 1.5;
    /**
     * How far beside the edge of what it rolls behind (or in front of) a mover starts, metres: in
     * sight for about half a second at {@link #ROLL_SPEED} before it passes (the exam's permanence
     * scenes start the ball about as far out).
     */
    static final double PASS_LEAD = 0.4;

    /**
     * The way the words send a mover across the picture: +1 to its left (+x, the camera looking
     * along +z), -1 to its right ("rolls to the left", "slides rightwards": ActionWords), 0 unsaid.
     */
    static int across(ActionPhrase a) {
        for (String w : words(a)) {
            if (w.startsWith("left")) return 1;
            if (w.startsWith("right")) return -1;
        }
        return 0;
    }

    private static List<String> words(ActionPhrase a) {
        return List.of(a.words().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    }

    /**
     * The way mover group {@code g} goes along x: as said ({@link #across}); else toward the thing
     * its action names ("rolls into a row of dominoes", "towards a cube"); else to the picture's
     * right (-x).
     */
    private static int heading(Draft d, ActionPhrase a, int g, List<Item> falling, double[][] xz) {
        if (d.atWall.contains(a.at())) return 1;   // "bounces off the wall": toward the east wall (Staging)
        int said = across(a);
        if (said != 0) return said;
        // "is pushed to the left and rolls across the floor": the way said of the same thing
        for (ActionPhrase b : d.actions) {
            if (b != a && across(b) != 0 && g >= 0 && subject(d.groups, b.at(), false) == g
                    && java.util.Set.of(Act.ROLL, Act.PUSH, Act.THROW).contains(b.act())) return across(b);
        }
        int t = target(d, a, g);
        if (t >= 0) {
            List<Integer> kt = itemsOf(falling, d.groups.get(t));
            List<Integer> km = itemsOf(falling, d.groups.get(g));
            if (!kt.isEmpty() && !km.isEmpty()) {
                double tx = 0, mx = 0;
                for (int k : kt) tx += xz[k][0] / kt.size();
                for (int k : km) mx += xz[k][0] / km.size();
                if (tx != mx) return tx > mx ? 1 : -1;
            }
        }
        return -1;
    }

    /** The group a mover's action heads for ("rolls into a row of dominoes"), or -1. */
    static int target(Draft d, ActionPhrase a, int g) {
        Integer word = d.toward.get(a.at());
        if (g < 0 || word == null) return -1;
        int t = subject(d.groups, word, true);
        return t == g ? -1 : t;
    }

    /**
     * A glancing blow ("off-centre"): the mover's path passes this fraction of the two things' radii
     * (half their footprints, summed) beside the target's centre.
     */
    static final double GLANCING_OFFSET = 0.5;
    /** A "tilted" thing starts turned this far (radians, about 29 degrees) about a slanting horizontal axis: it lands on an edge. */
    static final double TILT = 0.5;
    /** How far a feather let go leans from lying flat, degrees. */
    static final double FEATHER_TILT = 30;

    /** The rolling or sliding action said of group {@code g}, or null. */
    private static ActionPhrase moving(Draft d, int g) {
        for (ActionPhrase a : d.actions) {
            if ((a.act() == Act.ROLL || a.act() == Act.PUSH) && subject(d.groups, a.at(), false) == g) return a;
        }
        return null;
    }
    static final double TOPPLE_TILT_DEGREES = 20;

    /**
     * How far a vessel holding liquid that is knocked over ("a glass of water tips over") starts
     * tilted: 10 degrees past the diagonal of its outline (the angle at which an evenly filled box
     * of its size would balance on its edge), at most 80. Its liquid lies low, so it balances
     * further over than that diagonal: a glass 7.5 cm across and 10 cm tall, two-thirds full of
     * water, tilted 20 degrees and pushed at 0.2 m/s (what knocks a domino over) falls back onto its
     * base; at 47 degrees it falls onto its side (40 and 50 degrees, pushed or not, did).
     */
    static double vesselToppleTilt(Vec3 size) {
        double diagonal = Math.toDegrees(Math.atan2(Math.max(size.x(), size.z()) / 2, size.y() / 2));
        return Math.min(80, diagonal + 10);
    }
    /** Bowling pins stand 12 in apart, centre to centre, in an equilateral triangle (USBC). */
    static final double PIN_SPACING = 0.3048;
    /**
     * How fast a bowling ball rolls when the words do not say, m/s: bowlers' balls reach the pins
     * at 16 to 18 mph (7.2 to 8.0 m/s).
     */
    static final double BOWLING_SPEED = 7.5;
    /** A break in pool, m/s: good players' cue balls leave at 8 to 11 m/s (18 to 25 mph). */
    static final double BREAK_SPEED = 9.0;
    /**
     * Any other shot in pool, m/s: a medium-speed stroke (players' shots run from about 0.5 m/s, a
     * touch, to 4 m/s, a power shot, besides the break). Struck from the head spot, the cue ball
     * reaches a ball on the foot spot, 1.27 m away, still rolling at well over 1 m/s; at a roll's
     * 0.8 m/s it slid, lost 2/7 of its speed and stopped short on the cloth.
     */
    static final double SHOT_SPEED = 2.0;
    /** How fast a thing sent to knock something over goes when the words do not say, m/s (a firm roll or shove). */
    static final double KNOCK_SPEED = 2.0;
    /**
     * How far past its tipping point (atan of its thickness over its height: 7 degrees for a dry
     * wall of 13 courses of bricks, 16 for a Jenga tower) a wall or a stack that falls over leans at
     * the start, degrees.
     */
    static final double PAST_TIPPING_DEGREES = 5;
    /**
     * A throw at a room's wall, m/s across and up: from 1.2 m away it strikes the wall in the air,
     * about 0.3 s later and 0.4 m lower than it was let go (Staging#FROM_THE_WALL).
     */
    static final double AT_WALL_ACROSS = 4, AT_WALL_UP = 1;
    /** A thing sent to knock something over starts this long (s) before it reaches it: it is seen coming. */
    static final double KNOCK_LEAD = 0.5;
    /** Dominoes stand this fraction of their height apart: each one reaches the next as it falls. */
    static final double DOMINO_SPACING = 0.6;

    private Arranging() {}

    /** The group a phrase at {@code at} speaks of, by index in {@code groups}, or -1. */
    static int subject(List<ObjectGroup> groups, int at, boolean leading) {
        int before = -1, after = -1;
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).at() < at) before = g;
            else if (after < 0) after = g;
        }
        if (leading) return after >= 0 ? after : before;
        return before >= 0 ? before : after;
    }

    /** Groups in layout order: "A to the left of B" puts A on the picture's left (+x), after B. */
    static List<ObjectGroup> order(Draft d, List<String> notes) {
        List<ObjectGroup> out = new ArrayList<>(d.groups);
        for (Relation r : d.relations) {
            int a = subject(d.groups, r.at(), false), b = subject(d.groups, r.at(), true);
            if (a < 0 || b < 0 || a == b || d.groups.get(a).at() > r.at()) {
                notes.add("\"" + r.words() + "\" relates no two objects and was not used");
                continue;
            }
            ObjectGroup ga = d.groups.get(a), gb = d.groups.get(b);
            switch (r.rel()) {
                case INSIDE -> {
                    if (gb.shape().hollow()) continue;  // into a cup, a bowl, a bottle: Props puts it there
                    throw new PromptException(ga.words() + " " + r.words() + " " + gb.words(), "a "
                            + gb.noun().word() + " is solid: nothing can start inside it; expected \"on top of\" or"
                            + " \"next to\" it");
                }
                case LEFT_OF, RIGHT_OF -> {
                    out.remove(ga);
                    int ib = out.indexOf(gb);
                    out.add(r.rel() == Rel.LEFT_OF ? ib + 1 : ib, ga);
                }
                case BETWEEN -> {
                    int c = b + 1 < d.groups.size() ? b + 1 : -1;
                    if (c < 0 && gb.count() >= 2) continue; // "between two cubes": see relate()
                    if (c < 0) {
                        throw new PromptException(ga.words() + " " + r.words() + " " + gb.words(),
                                "expected two objects to stand between, as in \"a ball between two cubes\"");
                    }
                    ObjectGroup gc = d.groups.get(c);
                    out.remove(ga);
                    out.add(out.indexOf(gb) + 1, ga);
                    out.remove(gc);
                    out.add(out.indexOf(ga) + 1, gc);
                }
                default -> { }
            }
        }
        return out;
    }

    /** The falling items of group {@code g}, by index in {@code falling}. */
    private static List<Integer> itemsOf(List<Item> falling, ObjectGroup g) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < falling.size(); k++) if (falling.get(k).group() == g) ks.add(k);
        return ks;
    }

    /**
     * "knock over ten dominoes", "domino effect with 15 dominoes": dominoes that are to topple and
     * were given no arrangement stand in a row, spaced to fall into each other.
     */
    static void chains(Draft d) {
        for (ActionPhrase a : List.copyOf(d.actions)) {
            if (a.act() != Act.TOPPLE) continue;
            int g = subject(d.groups, a.at(), false);
            if (g >= 0 && d.groups.get(g).shape() == Shape.DOMINO) arrangeIfUnsaid(d, g, Draft.Layout.ROW);
        }
        // "a ball rolls into five dominoes", "... and knocks over five dominoes": dominoes something is
        // sent at stand in a row, spaced to fall into each other, none leaning (the mover knocks them)
        for (ActionPhrase a : d.actions) {
            int t = target(d, a, subject(d.groups, a.at(), false));
            if (t >= 0 && d.groups.get(t).shape() == Shape.DOMINO) arrangeIfUnsaid(d, t, Draft.Layout.ROW);
        }
        for (int g = 0; g < d.groups.size(); g++) {
            ObjectGroup group = d.groups.get(g);
            // "ten pins": bowling pins stand racked, as on a lane
            if (group.shape() == Shape.PIN) arrangeIfUnsaid(d, g, Draft.Layout.RACK);
            // "two balls 30 cm apart": a row at that spacing
            if (d.apart.containsKey(group)) arrangeIfUnsaid(d, g, Draft.Layout.ROW);
        }
    }

    /** Group {@code g} (two or more) laid out as {@code layout}, unless the words arranged it ({@link #arrangementOf}). */
    private static void arrangeIfUnsaid(Draft d, int g, Draft.Layout layout) {
        ObjectGroup group = d.groups.get(g);
        if (group.count() >= 2 && arrangementOf(d, g) == null) d.arrangements.add(new Arrangement(group.at(), layout, true, group.words()));
    }

    /** The arrangement that speaks of group {@code g}, or null. */
    static Arrangement arrangementOf(Draft d, int g) {
        for (Arrangement r : d.arrangements) if (subject(d.groups, r.at(), r.leading()) == g) return r;
        return null;
    }

    /**
     * Where the q-th item of a triangle stands (a rack of pins or of pool balls): {row, place across}
     * in pitches, rows of 1, 2, 3, ... from the apex, each place across measured from the row's middle.
     */
    static double[] triangle(int q) {
        int row = 0;
        while ((row + 1) * (row + 2) / 2 <= q) row++;
        return new double[] {row, q - row * (row + 1) / 2 - row / 2.0};
    }

    /**
     * A wall of {@code n} bricks of {@code size} (its length along x, as a brick lies): each turned a
     * quarter about y so the wall runs along z, across the line things come along. Courses end to
     * end, 2 mm between ends, each laid on the one below (a dry wall; with a gap the courses settle
     * onto one another with a clatter of impacts), in a stretcher bond: b whole bricks in the first
     * course and every other one, with b = sqrt(2 n h / l) (the wall about half as high as it is long);
     * in the courses between, b - 1 whole bricks half a length along, so that every joint is bridged,
     * and a half brick (a bat) at each end, so that every course is as long and every brick lies wholly
     * on the course below. The last course is as full as n allows, whole bricks in its middle. Each is
     * a {@link #place} row, turned a quarter, with its length as a share of a whole brick's.
     */
    static double[][] wall(int n, Vec3 size) {
        int across = Math.max(2, (int) Math.round(Math.sqrt(2 * n * size.y() / size.x())));
        double pitch = size.x() + 0.002, bat = (size.x() / 2 - 0.001) / size.x();
        double[][] out = new double[n][];
        for (int q = 0, course = 0; q < n; course++) {
            double bottom = course * size.y();
            boolean bond = course % 2 == 1;
            int pieces = bond ? across + 1 : across;
            if (n - q < pieces) {
                // the last course, short: whole bricks in the middle
                int m = n - q;
                for (int place = 0; place < m; place++, q++) out[q] = new double[] {0, bottom, (place - (m - 1) / 2.0) * pitch, QUARTER, 1};
                break;
            }
            if (bond) {
                double end = across * pitch / 2 - pitch / 4;
                out[q++] = new double[] {0, bottom, -end, QUARTER, bat};
                for (int place = 0; place < across - 1; place++, q++) out[q] = new double[] {0, bottom, (place - (across - 2) / 2.0) * pitch, QUARTER, 1};
                out[q++] = new double[] {0, bottom, end, QUARTER, bat};
            } else {
                for (int place = 0; place < across; place++, q++) out[q] = new double[] {0, bottom, (place - (across - 1) / 2.0) * pitch, QUARTER, 1};
            }
        }
        return out;
    }

    /** The turn of a wall's bricks ({@link #wall}) and of a Jenga tower's crossed layers about y: a quarter, rad. */
    static final double QUARTER = Math.PI / 2;

    /**
     * Items {@code ks} of a layout at its rows {x, bottom, z, a turn about y (rad; 0: none)[, a share of
     * their length]}, about ({@code cx}, {@code base}, {@code cz}): places, turns and (a wall's half
     * bricks) lengths of {@code size}'s things.
     */
    private static void place(List<Integer> ks, double[][] at, double cx, double base, double cz, Vec3 size,
                              List<Item> falling, double[][] xz, double[] bottom, Quat[] rotation) {
        for (int q = 0; q < ks.size(); q++) {
            int k = ks.get(q);
            xz[k][0] = cx + at[q][0];
            xz[k][1] = cz + at[q][2];
            bottom[k] = base + at[q][1];
            if (at[q][3] != 0) rotation[k] = turn(at[q][3]);
            if (at[q].length > 4 && at[q][4] != 1) falling.set(k, falling.get(k).withSize(new Vec3(size.x() * at[q][4], size.y(), size.z())));
        }
    }

    /** A turn of {@code yaw} rad about y. */
    static Quat turn(double yaw) {
        return Quat.axisAngle(new Vec3(0, 1, 0), yaw);
    }

    /**
     * A Jenga tower of {@code n} blocks of {@code size}: layers of three side by side, half a
     * millimetre apart, each layer on the one below and across it (the odd ones turned a quarter about y).
     * Each is a {@link #place} row about the tower's middle at its foot.
     */
    static double[][] jenga(int n, Vec3 size) {
        double[][] out = new double[n][];
        double pitch = size.z() + 0.0005;
        for (int q = 0; q < n; q++) {
            int layer = q / 3;
            double off = (q % 3 - 1) * pitch;
            boolean turned = layer % 2 == 1;
            out[q] = new double[] {turned ? off : 0, layer * size.y(), turned ? 0 : off, turned ? QUARTER : 0};
        }
        return out;
    }

    /**
     * A stack of {@code n} of group {@code g} (each {@code size}): Jenga blocks in crossed layers
     * ({@link #jenga}), anything else one on another, touching (with a millimetre of air between,
     * as before, a column of twelve cubes settled 11 mm with a clatter of impacts). Each is a
     * {@link #place} row about the stack's middle at its foot.
     */
    static double[][] stack(ObjectGroup g, int n, Vec3 size) {
        if (isJenga(g)) return jenga(n, size);
        double[][] out = new double[n][];
        for (int q = 0; q < n; q++) out[q] = new double[] {0, q * size.y(), 0, 0};
        return out;
    }

    /**
     * {@code n} things of {@code size} along a circle, or an Archimedean spiral from the inside out,
     * a chain's spacing apart along it ({@link #DOMINO_SPACING} of a domino's height past its
     * thickness; anything not thin, a footprint and a gap), each turned about y so that its face
     * (its local x) looks along the curve: {@link #place} rows about the curve's centre.
     * A circle is as large as its things need; a spiral's turns lie two heights apart, so a domino
     * falling along one does not reach the next turn, and it starts three pitches out.
     */
    static double[][] curve(int n, Vec3 size, boolean thin, boolean spiral) {
        double foot = Math.max(size.x(), size.z());
        double pitch = thin ? size.x() + DOMINO_SPACING * size.y() : foot + Staging.gap(foot, foot);
        double[][] out = new double[n][];
        if (!spiral) {
            double radius = Math.max(n * pitch / (2 * Math.PI), 1.5 * foot);
            for (int q = 0; q < n; q++) {
                double phi = 2 * Math.PI * q / n;
                // anticlockwise seen from above: the way along is (-sin, cos); the face along it
                out[q] = new double[] {radius * Math.cos(phi), 0, radius * Math.sin(phi), Math.atan2(-Math.cos(phi), -Math.sin(phi))};
            }
            return out;
        }
        double b = 2 * Math.max(size.y(), foot) / (2 * Math.PI), r = 3 * pitch, phi = r / b;
        for (int q = 0; q < n; q++) {
            double x = r * Math.cos(phi), z = r * Math.sin(phi);
            // the way along r = b phi: d/dphi (r cos, r sin) = (b cos - r sin, b sin + r cos)
            double tx = b * Math.cos(phi) - r * Math.sin(phi), tz = b * Math.sin(phi) + r * Math.cos(phi);
            out[q] = new double[] {x, 0, z, Math.atan2(-tz, tx)};
            // the next one a pitch further along: dphi = pitch / |d/dphi|
            phi += pitch / Math.hypot(tx, tz);
            r = b * phi;
        }
        return out;
    }

    /** Whether a group is Jenga blocks, which stack in crossed layers ({@link #jenga}). */
    static boolean isJenga(ObjectGroup g) {
        return g.noun().word().startsWith("jenga-");
    }

    /** Rows, stacks, pyramids, circles, scatters and walls: new places (and turns) for the groups' objects. */
    static void arrange(Draft d, List<Item> falling, double[][] xz, double[] bottom, Quat[] rotation, long seed, List<String> notes) {
        for (Arrangement a : d.arrangements) {
            int g = subject(d.groups, a.at(), a.leading());
            if (g < 0) continue;
            List<Integer> ks = itemsOf(falling, d.groups.get(g));
            if (ks.isEmpty()) continue;
            if (ks.size() == 1) {
                notes.add("\"" + a.words() + "\" arranges one object; say \"five blocks\" for more");
                continue;
            }
            Item first = falling.get(ks.getFirst());
            Vec3 size = first.size();
            double foot = first.footprint();
            double cx = 0, cz = 0;
            for (int k : ks) {
                cx += xz[k][0] / ks.size();
                cz += xz[k][1] / ks.size();
            }
            // An arrangement stands on the floor unless the words gave its group a height.
            double base = first.heightWords() != null ? first.bottom() : 0;
            if (base == Double.POSITIVE_INFINITY) base = bottom[ks.getFirst()];
            int n = ks.size();
            switch (a.layout()) {
                case ROW -> {
                    boolean thin = size.y() > 2 * size.x();
                    double pitch = thin ? size.x() + DOMINO_SPACING * size.y() : foot + Staging.gap(foot, foot);
                    Double apart = d.apart.get(d.groups.get(g));   // "11 cm apart": centre to centre
                    if (apart != null) {
                        double own = thin ? size.x() : foot;
                        if (apart < own) {
                            throw new PromptException(d.groups.get(g).words(), "sets them " + PromptReader.metres(apart)
                                    + " apart, closer than their own " + PromptReader.metres(own) + "; expected at least that (centre to centre)");
                        }
                        pitch = apart;
                        if (thin && apart > size.y()) {
                            notes.add("\"" + d.groups.get(g).words() + "\": dominoes " + PromptReader.metres(apart) + " apart do not reach"
                                    + " one another (each is " + PromptReader.metres(size.y()) + " tall): no chain falls");
                        }
                    }
                    for (int q = 0; q < n; q++) {
                        xz[ks.get(q)][0] = cx + (q - (n - 1) / 2.0) * pitch;
                        xz[ks.get(q)][1] = cz;
                        bottom[ks.get(q)] = base;
                    }
                }
                case STACK -> place(ks, stack(d.groups.get(g), n, size), cx, base, cz, size, falling, xz, bottom, rotation);
                case PYRAMID -> {
                    int b = 1;
                    while (b * (b + 1) / 2 < n) b++;
                    double pitch = size.x() + 0.002;
                    int q = 0;
                    for (int level = 0; level < b && q < n; level++) {
                        int across = b - level;
                        for (int c = 0; c < across && q < n; c++, q++) {
                            int k = ks.get(q);
                            xz[k][0] = cx + (c - (across - 1) / 2.0) * pitch;
                            xz[k][1] = cz;
                            bottom[k] = base + level * (size.y() + 0.001);
                        }
                    }
                }
                case RACK -> {
                    // Rows of 1, 2, 3, 4, ... the first (a head pin, a rack's apex) nearest the other
                    // things of the scene (what is to be rolled at them), each row a pitch times sin 60
                    // degrees behind the last: pins PIN_SPACING apart, anything else touching (half a
                    // millimetre apart, as pool balls are racked).
                    double others = 0;
                    int count = 0;
                    for (int k = 0; k < falling.size(); k++) {
                        if (falling.get(k).group() != d.groups.get(g) && falling.get(k).unit() == null) {
                            others += xz[k][0];
                            count++;
                        }
                    }
                    int toward = count > 0 && others / count > cx ? 1 : -1;
                    double pitch = d.groups.get(g).shape() == Shape.PIN ? Math.max(PIN_SPACING, 2.5 * size.x()) : foot + 0.0005;
                    double row = pitch * Math.sqrt(3) / 2;
                    int rows = (int) triangle(n - 1)[0] + 1;
                    for (int q = 0; q < n; q++) {
                        int k = ks.get(q);
                        double[] at = triangle(q);
                        xz[k][0] = cx + toward * ((rows - 1) / 2.0 - at[0]) * row;
                        xz[k][1] = cz + at[1] * pitch;
                        bottom[k] = base;
                    }
                }
                case WALL -> place(ks, wall(n, size), cx, base, cz, size, falling, xz, bottom, rotation);
                case CIRCLE, SPIRAL -> {
                    boolean thin = size.y() > 2 * size.x();
                    if (thin || a.layout() == Draft.Layout.SPIRAL) {
                        // dominoes on a curve: a chain's spacing along it, each turned to face along it
                        place(ks, curve(n, size, thin, a.layout() == Draft.Layout.SPIRAL), cx, base, cz, size, falling, xz, bottom, rotation);
                        break;
                    }
                    double pitch = foot + Staging.gap(foot, foot);
                    double radius = Math.max(n * pitch / (2 * Math.PI), pitch);
                    for (int q = 0; q < n; q++) {
                        double angle = 2 * Math.PI * q / n;
                        xz[ks.get(q)][0] = cx + radius * Math.cos(angle);
                        xz[ks.get(q)][1] = cz + radius * Math.sin(angle);
                        bottom[ks.get(q)] = base;
                    }
                }
                case SCATTERED -> {
                    // Seeded: the same prompt and seed scatter the same way. Places are drawn in a
                    // square about twice the row's footprint and kept a footprint apart.
                    SplittableRandom random = new SplittableRandom(seed * 31 + g);
                    double side = Math.max(2 * Math.sqrt(n) * (foot + Staging.gap(foot, foot)), 3 * foot);
                    List<double[]> placed = new ArrayList<>();
                    for (int k : ks) {
                        double[] p = null;
                        for (int tries = 0; tries < 200; tries++) {
                            double[] c = {cx + (random.nextDouble() - 0.5) * side, cz + (random.nextDouble() - 0.5) * side};
                            boolean free = true;
                            for (double[] o : placed) free &= Math.hypot(o[0] - c[0], o[1] - c[1]) >= foot * 1.05;
                            if (free || tries == 199) {
                                p = c;
                                if (free) break;
                            }
                        }
                        placed.add(p);
                        xz[k][0] = p[0];
                        xz[k][1] = p[1];
                        bottom[k] = base;
                    }
                }
            }
            for (int k : ks) {
                xz[k][0] = Math.round(xz[k][0] * 1e6) / 1e6 + 0.0;
                xz[k][1] = Math.round(xz[k][1] * 1e6) / 1e6 + 0.0;
            }
        }
    }

    /** "in front of" and "behind": the first group stands before or after the second along z. */
    static void relate(Draft d, List<Item> falling, double[][] xz, List<String> notes) {
        for (Relation r : d.relations) {
            if (r.rel() == Rel.BETWEEN) {
                between(d, r, falling, xz);
                continue;
            }
            if (r.rel() != Rel.IN_FRONT_OF && r.rel() != Rel.BEHIND) continue;
            int a = subject(d.groups, r.at(), false), b = subject(d.groups, r.at(), true);
            if (a < 0 || b < 0 || a == b) continue;
            List<Integer> ka = itemsOf(falling, d.groups.get(a)), kb = itemsOf(falling, d.groups.get(b));
            if (ka.isEmpty() || kb.isEmpty()) continue;
            double bx = 0, bz = 0, bFoot = 0;
            for (int k : kb) {
                bx += xz[k][0] / kb.size();
                bz += xz[k][1] / kb.size();
                bFoot = Math.max(bFoot, falling.get(k).footprint());
            }
            double aFoot = falling.get(ka.getFirst()).footprint();
            double dz = bFoot / 2 + Staging.gap(aFoot, bFoot) + aFoot / 2;
            double ax = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int k : ka) {
                ax += xz[k][0] / ka.size();
                lo = Math.min(lo, xz[k][0]);
                hi = Math.max(hi, xz[k][0]);
            }
            // "a ball rolls behind a slab": it starts beside the slab, on the side it comes from, and
            // passes behind it (or in front of it) on its way across.
            ActionPhrase m = moving(d, a);
            double shift = m == null ? 0 : -heading(d, m, a, falling, xz) * (bFoot / 2 + (hi - lo) / 2 + aFoot / 2 + PASS_LEAD);
            for (int k : ka) {
                xz[k][0] = Math.round((xz[k][0] - ax + bx + shift) * 1e6) / 1e6 + 0.0;
                xz[k][1] = Math.round((bz + (r.rel() == Rel.IN_FRONT_OF ? -dz : dz)) * 1e6) / 1e6 + 0.0;
            }
        }
    }

    /** "a ball between two cubes": the ball in the middle of the cubes' row, the cubes moved apart for it. */
    private static void between(Draft d, Relation r, List<Item> falling, double[][] xz) {
        int a = subject(d.groups, r.at(), false), b = subject(d.groups, r.at(), true);
        if (a < 0 || b < 0 || a == b || b + 1 < d.groups.size() || d.groups.get(b).count() < 2) return;
        List<Integer> ka = itemsOf(falling, d.groups.get(a)), kb = itemsOf(falling, d.groups.get(b));
        if (ka.isEmpty() || kb.size() < 2) return;
        double bx = 0, bz = 0;
        for (int k : kb) {
            bx += xz[k][0] / kb.size();
            bz += xz[k][1] / kb.size();
        }
        double aFoot = 0;
        for (int k : ka) aFoot = Math.max(aFoot, falling.get(k).footprint());
        double bFoot = falling.get(kb.getFirst()).footprint();
        double push = aFoot / 2 + Staging.gap(aFoot, bFoot);
        for (int k : kb) xz[k][0] = Math.round((xz[k][0] + (xz[k][0] < bx ? -push : push)) * 1e6) / 1e6 + 0.0;
        double ax = 0;
        for (int k : ka) ax += xz[k][0] / ka.size();
        for (int k : ka) {
            xz[k][0] = Math.round((xz[k][0] - ax + bx) * 1e6) / 1e6 + 0.0;
            xz[k][1] = bz;
        }
    }

    /** Throws, rolls, pushes, collisions and knock-overs: starting rotations and velocities. */
    static void act(Draft d, List<Item> falling, double[][] xz, double[] bottom, Staging.Motion motion,
                    java.util.Set<ActionPhrase> consumed, java.util.function.Predicate<ObjectGroup> onProp,
                    List<String> notes) {
        java.util.Set<ObjectGroup> acting = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean crossing = false;
        for (ActionPhrase a : d.actions) {
            if (consumed.contains(a)) {
                // a prop or rig carried it out (Props): a ball rolling down a ramp still crosses the floor
                crossing |= a.act() == Act.ROLL || a.act() == Act.PUSH;
                continue;
            }
            int g = subject(d.groups, a.at(), false);
            if (g >= 0) acting.add(d.groups.get(g));
            // A thing standing on a prop does not turn: the camera circles it (Staging's turntable).
            if (a.act() == Act.SPIN && g >= 0 && onProp.test(d.groups.get(g))) continue;
            List<Integer> ks = g < 0 ? List.of() : new ArrayList<>(itemsOf(falling, d.groups.get(g)));
            ks.removeIf(k -> falling.get(k).unit() != null);
            if (a.act() == Act.COLLIDE) {
                collide(a, falling, xz, bottom, motion, notes);
                continue;
            }
            if (ks.isEmpty()) {
                if (a.act() != Act.DROP) notes.add("\"" + a.words() + "\" applies to no object that moves and was not used");
                continue;
            }
            boolean heightSaid = falling.get(ks.getFirst()).heightWords() != null;
            switch (a.act()) {
                case THROW -> {
                    crossing = true;
                    boolean up = words(a).stream().anyMatch(java.util.Set.of("up", "upward", "upwards", "vertically")::contains);
                    int way = heading(d, a, g, falling, xz);
                    // "is tossed up": straight up; else across the picture and up; "at 5 m/s": that fast, the same way;
                    // "at 45 degrees", "horizontally": at that angle above the horizontal
                    // "a ball bounces off the wall": thrown hard at it, to strike it in the air
                    Vec3 v = d.atWall.contains(a.at()) ? new Vec3(way * AT_WALL_ACROSS, AT_WALL_UP, 0)
                            : new Vec3(up ? 0 : way * THROW_ACROSS, THROW_UP, 0);
                    Double deg = d.throwDegrees.get(a.at());
                    if (deg != null) {
                        double th = Math.toRadians(deg), speed = d.speeds.getOrDefault(a.at(), v.length());
                        v = new Vec3(deg == 90 ? 0 : way * speed * Math.cos(th), deg == 0 ? 0 : speed * Math.sin(th), 0);
                    } else if (d.speeds.containsKey(a.at())) {
                        v = v.normalized().times(d.speeds.get(a.at()));
                    }
                    v = v.times(d.mannerAt.getOrDefault(a.at(), 1.0));
                    for (int k : ks) motion.velocity[k] = v;
                }
                case ROLL, PUSH -> {
                    crossing = true;
                    int t0 = target(d, a, g);
                    boolean knock = d.knocks.contains(a.at()) || t0 >= 0 && d.groups.get(t0).shape() == Shape.PIN;
                    double usual = a.act() == Act.ROLL && d.groups.get(g).noun().word().equals("bowling-ball") ? BOWLING_SPEED
                            : knock ? KNOCK_SPEED : a.act() == Act.ROLL ? ROLL_SPEED : PUSH_SPEED;
                    int way = heading(d, a, g, falling, xz);
                    double v = way * d.speeds.getOrDefault(a.at(), usual) * d.mannerAt.getOrDefault(a.at(), 1.0);
                    if (knock) knockFrom(d, a, g, falling, xz, way, Math.abs(v));
                    Arrangement aimed = t0 < 0 ? null : arrangementOf(d, t0);
                    if (!knock && aimed != null && aimed.layout() == Draft.Layout.WALL) {
                        // "a ball rolls into a wall of bricks": in line with the wall's middle, which runs across its way
                        List<Integer> kt = itemsOf(falling, d.groups.get(t0));
                        double z = 0;
                        for (int k : kt) z += xz[k][1] / kt.size();
                        for (int k : ks) xz[k][1] = Props.round(z);
                    }
                    for (int k : ks) {
                        Item it = falling.get(k);
                        if (!heightSaid) bottom[k] = 0;
                        // A cylinder rolls on its side: its axis turned from y to z.
                        if (a.act() == Act.ROLL && it.group().shape() == Shape.CYLINDER) {
                            motion.rotation[k] = Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2);
                        }
                        motion.velocity[k] = new Vec3(v, 0, 0);
                        // A ball rolled along the floor rolls from the start (it turns at v / r), rather
                        // than skidding until friction has taken 2/7 of its speed to turn it.
                        if (a.act() == Act.ROLL && it.group().shape() == Shape.BALL && bottom[k] == 0) {
                            motion.spin[k] = new Vec3(0, 0, -v / (it.size().x() / 2));
                        }
                    }
                    // "off-centre, a glancing blow": the path passes beside the target's centre
                    int t = target(d, a, g);
                    List<Integer> kt = t < 0 || !d.glancing ? List.of() : itemsOf(falling, d.groups.get(t));
                    if (!kt.isEmpty()) {
                        double tz = xz[kt.getFirst()][1], reach = falling.get(kt.getFirst()).footprint() / 2;
                        for (int k : ks) xz[k][1] = Math.round((tz + GLANCING_OFFSET * (reach + falling.get(k).footprint() / 2)) * 1e6) / 1e6 + 0.0;
                    }
                }
                case TOPPLE -> {
                    Arrangement laid = arrangementOf(d, g);
                    if (laid != null && (laid.layout() == Draft.Layout.WALL || laid.layout() == Draft.Layout.STACK)) {
                        if (!leanOver(ks, falling, xz, bottom, motion.rotation)) {
                            notes.add("\"" + a.words() + "\": \"" + d.groups.get(g).words() + "\" is wider than it is tall and stands;"
                                    + " only a tall stack or a wall falls over");
                        }
                        continue;
                    }
                    // The first of the row (lowest x), or of a curve (where it starts), leans along its
                    // face toward the others and falls onto them.
                    boolean curve = laid != null && (laid.layout() == Draft.Layout.CIRCLE || laid.layout() == Draft.Layout.SPIRAL)
                            && motion.rotation[ks.getFirst()] != null;
                    int first = ks.getFirst();
                    if (!curve) for (int k : ks) if (xz[k][0] < xz[first][0]) first = k;
                    if (!heightSaid) bottom[first] = 0;
                    Item it = falling.get(first);
                    double tilt = d.filled.containsKey(it.group()) ? vesselToppleTilt(it.size()) : TOPPLE_TILT_DEGREES;
                    Quat facing = motion.rotation[first] == null ? Quat.IDENTITY : motion.rotation[first];
                    motion.rotation[first] = Quat.axisAngle(facing.rotate(new Vec3(0, 0, 1)), -Math.toRadians(tilt)).times(facing);
                    motion.velocity[first] = facing.rotate(new Vec3(0.2, 0, 0));
                }
                case SPIN -> {
                    if (isTop(d.groups.get(g))) continue;   // a top spins about its own axis (tops)
                    // About the vertical, anticlockwise seen from above: two turns a second, half a
                    // turn "slowly", five "fast" (a spinning top does 10 to 50, too fast for 24 fps).
                    int manner = spinManner(a);
                    double turns = manner < 0 ? 0.5 : manner > 0 ? 5 : 2;
                    for (int k : ks) motion.spin[k] = new Vec3(0, 2 * Math.PI * turns, 0);
                    notes.add("\"" + a.words() + "\": spinning about the vertical at " + PromptReader.number(turns)
                            + " turn" + (turns == 1 ? "" : "s") + " a second");
                }
                case SWING -> notes.add("\"" + a.words() + "\": only a pendulum, Newton's cradle or a seesaw swings;"
                        + " say \"a pendulum swings\"");
                case POUR -> notes.add("\"" + a.words() + "\": pouring needs a liquid and something to pour it into, as in"
                        + " \"water pours from a jug into a glass\" or \"pour honey onto a plate\"");
                default -> { }
            }
        }
        // What a thing rolls, slides or is thrown past, into or behind stands on the floor: an
        // object with no action and no height of its own is not dropped when something else moves
        // across (without a mover every object falls from the default height, Staging).
        // ... unless its own words say it falls ("a ball rolls and a cube falls")
        java.util.Set<ObjectGroup> saidToFall = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int di : d.drops) {
            int g = subject(d.groups, di, false);
            if (g >= 0 && d.groups.get(g).at() < di) saidToFall.add(d.groups.get(g));
        }
        List<String> standing = new ArrayList<>();
        for (int k = 0; k < falling.size(); k++) {
            Item it = falling.get(k);
            if (it.unit() != null) continue;
            // "a tilted cube": turned about a slanting horizontal axis; "a cylinder lying on its side": axis along z
            if (motion.rotation[k] == null && d.tilted.contains(it.group())) {
                motion.rotation[k] = Quat.axisAngle(new Vec3(1, 0, 0.5).normalized(), TILT);
            }
            if (motion.rotation[k] == null && d.onSide.contains(it.group()) && it.group().shape() == Shape.CYLINDER) {
                motion.rotation[k] = Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2);
            }
            // A feather let go hangs quill down a little, as feathers fall: its vane, 2 mm thick,
            // is then seen from the side as a slanting stroke rather than a line.
            if (motion.rotation[k] == null && it.material() == Material.FEATHER && it.group().shape() == Shape.PLANK) {
                motion.rotation[k] = Quat.axisAngle(new Vec3(1, 0, 1).normalized(), Math.toRadians(FEATHER_TILT));
            }
            boolean still = d.still.contains(it.group());
            if (!(crossing || still) || it.heightWords() != null || acting.contains(it.group()) && !still
                    || saidToFall.contains(it.group()) && !still || bottom[k] != Staging.DEFAULT_DROP_HEIGHT) continue;
            bottom[k] = 0;
            if (!still && !standing.contains(it.group().words())) standing.add(it.group().words());
        }
        for (String w : standing) notes.add("\"" + w + "\" stands on the floor: something else moves across");
        for (ObjectGroup g : d.onSide) {
            if (g.shape() != Shape.CYLINDER) {
                notes.add("\"" + g.words() + "\": only a cylinder (a can, a log) is laid on its side; the " + g.noun().word() + " stands as it is");
            }
        }
    }

    /**
     * A thing sent to knock others over starts {@link #KNOCK_LEAD} seconds of its speed before the
     * nearest of them, in line with the middle of the group (with the head pin of a rack).
     */
    private static void knockFrom(Draft d, ActionPhrase a, int g, List<Item> falling, double[][] xz, int way, double speed) {
        int t = target(d, a, g);
        List<Integer> kt = t < 0 ? List.of() : itemsOf(falling, d.groups.get(t)), km = itemsOf(falling, d.groups.get(g));
        if (kt.isEmpty() || km.isEmpty()) return;
        int near = kt.getFirst();
        double z = 0;
        for (int k : kt) {
            if (way * (xz[k][0] - xz[near][0]) < 0) near = k;
            z += xz[k][1] / kt.size();
        }
        if (d.groups.get(t).shape() == Shape.PIN) z = xz[near][1];
        double edge = xz[near][0] - way * falling.get(near).footprint() / 2;
        for (int q = 0; q < km.size(); q++) {
            int k = km.get(q);
            double back = speed * KNOCK_LEAD + falling.get(k).footprint() / 2 + q * (falling.get(k).footprint() + 0.05);
            xz[k][0] = Props.round(edge - way * back);
            xz[k][1] = Props.round(z);
        }
    }

    /** Two halves of the moving objects meet head-on in the middle, on the floor. */
    private static void collide(ActionPhrase a, List<Item> all, double[][] xzAll, double[] bottomAll,
                                Staging.Motion motionAll, List<String> notes) {
        // Props and rigs stay where they stand: the loose objects collide.
        List<Integer> loose = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) if (all.get(k).unit() == null) loose.add(k);
        List<Item> falling = loose.stream().map(all::get).toList();
        double[][] xz = new double[loose.size()][];
        for (int q = 0; q < loose.size(); q++) xz[q] = xzAll[loose.get(q)];
        double[] bottom = new double[loose.size()];
        Staging.Motion motion = new Staging.Motion(loose.size());
        collideLoose(a, falling, xz, bottom, motion, notes);
        for (int q = 0; q < loose.size(); q++) {
            int k = loose.get(q);
            if (falling.get(q).heightWords() == null) bottomAll[k] = bottom[q];
            motionAll.velocity[k] = motion.velocity[q];
        }
    }

    private static void collideLoose(ActionPhrase a, List<Item> falling, double[][] xz, double[] bottom,
                                     Staging.Motion motion, List<String> notes) {
        if (falling.size() < 2) {
            throw new PromptException(a.words(), "needs two objects to collide; expected, say, \"two balls collide"
                    + " head-on\"");
        }
        int half = falling.size() / 2;
        double gapAcross = 0;
        for (Item it : falling) gapAcross = Math.max(gapAcross, it.footprint());
        // Each side starts this far from the middle: they meet after about half a second.
        double start = COLLIDE_SPEED * 0.5 + gapAcross;
        for (int k = 0; k < falling.size(); k++) {
            boolean left = k < half;
            int q = left ? k : k - half;
            double pitch = falling.get(k).footprint() + Staging.gap(falling.get(k).footprint(), falling.get(k).footprint());
            xz[k][0] = left ? -start - q * pitch : start + q * pitch;
            xz[k][1] = 0;
            if (falling.get(k).heightWords() == null) bottom[k] = 0;
            motion.velocity[k] = new Vec3(left ? COLLIDE_SPEED : -COLLIDE_SPEED, 0, 0);
        }
    }

    /**
     * "a brick wall falls over", "the tower of blocks topples": the whole wall or stack (items
     * {@code ks}) turned as one about its foot's +x edge, {@link #PAST_TIPPING_DEGREES} past its
     * tipping point, so it falls over toward +x; false, and left standing, when it is wider than it
     * is tall (a stack of plates), which nothing knocks over by tipping it.
     */
    private static boolean leanOver(List<Integer> ks, List<Item> falling, double[][] xz, double[] bottom, Quat[] rotation) {
        double edge = Double.NEGATIVE_INFINITY, back = Double.POSITIVE_INFINITY, foot = Double.POSITIVE_INFINITY,
                top = Double.NEGATIVE_INFINITY;
        for (int k : ks) {
            Item it = falling.get(k);
            Quat r = rotation[k] == null ? Quat.IDENTITY : rotation[k];
            double reach = probe(it.size(), it.group().shape(), r).halfExtent(new Vec3(1, 0, 0));
            edge = Math.max(edge, xz[k][0] + reach);
            back = Math.min(back, xz[k][0] - reach);
            foot = Math.min(foot, bottom[k]);
            top = Math.max(top, bottom[k] + 2 * halfHeight(it.size(), it.group().shape(), r));
        }
        double tipping = Math.toDegrees(Math.atan2(edge - back, top - foot));
        if (tipping > 45) return false;
        Quat lean = Quat.axisAngle(new Vec3(0, 0, 1), -Math.toRadians(tipping + PAST_TIPPING_DEGREES));
        for (int k : ks) {
            Item it = falling.get(k);
            Quat r = rotation[k] == null ? Quat.IDENTITY : rotation[k], turned = lean.times(r);
            Vec3 pivot = new Vec3(edge, foot, xz[k][1]);
            Vec3 centre = new Vec3(xz[k][0], bottom[k] + halfHeight(it.size(), it.group().shape(), r), xz[k][1]);
            Vec3 moved = pivot.plus(lean.rotate(centre.minus(pivot)));
            rotation[k] = turned;
            xz[k][0] = Math.round(moved.x() * 1e6) / 1e6;
            bottom[k] = moved.y() - halfHeight(it.size(), it.group().shape(), turned);
        }
        return true;
    }

    private static dev.diorama.scene.SceneObject probe(Vec3 size, Shape shape, Quat q) {
        return new dev.diorama.scene.SceneObject("probe", shape, dev.diorama.scene.Material.WOOD, null, size, Vec3.ZERO, q, null);
    }

    /** Half the vertical extent of an object of {@code size} and {@code shape} turned by {@code q}. */
    static double halfHeight(Vec3 size, Shape shape, Quat q) {
        return probe(size, shape, q).halfHeight();
    }

    /** How a spin is said: -1 "slowly" ("gently", "lazily"), 1 "fast" ("quickly", "rapidly"), 0 neither (slow wins if both). */
    static int spinManner(ActionPhrase a) {
        List<String> said = List.of(a.words().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
        if (said.stream().anyMatch(Set.of("slowly", "gently", "lazily")::contains)) return -1;
        return said.stream().anyMatch(Set.of("fast", "quickly", "rapidly")::contains) ? 1 : 0;
    }

    /** A spinning top's tilt off the vertical as it is set down, degrees: a hand never sets it upright. */
    static final double TOP_TILT_DEGREES = 15;
    /** A spinning top's spin, turns a second: a toy top spun by hand does 20 to 50; "slowly" 20, "fast" 50. */
    static final double TOP_TURNS = 40, TOP_SLOW = 20, TOP_FAST = 50;

    /** Whether a group is a spinning top ("a spinning top", "a toy top"). */
    static boolean isTop(ObjectGroup g) {
        return g.noun().word().equals("spinning-top");
    }

    /**
     * Spinning tops: each set down on its point on what it stands on (unless a height is said),
     * its axis {@value #TOP_TILT_DEGREES} degrees off the vertical towards -x, spinning about that
     * axis {@value #TOP_TURNS} turns a second ({@value #TOP_SLOW} "slowly", {@value #TOP_FAST}
     * "fast"), anticlockwise seen from above. Gravity's torque about the point then turns the axis
     * about the vertical: it precesses at about m g l / (I w), l the point's distance from the centre
     * of mass (3/4 of a cone's height) and I w the spin's angular momentum (I = 3/10 m r^2), and
     * nutates, until friction at the point brings it down.
     */
    static void tops(Draft d, List<Item> falling, double[] bottom, Staging.Motion motion, List<String> notes) {
        for (int k = 0; k < falling.size(); k++) {
            Item it = falling.get(k);
            if (it.unit() != null || !isTop(it.group())) continue;
            motion.rotation[k] = TOP_SET_DOWN;
            motion.spin[k] = topSpin(d, it.group(), it.size(), notes);
            motion.velocity[k] = null;
            if (it.heightWords() == null) bottom[k] = 0;
        }
    }

    /** How a top is set down: point down (a cone's apex is its +y), then tipped about z. */
    static final Quat TOP_SET_DOWN = Quat.axisAngle(new Vec3(0, 0, 1), Math.toRadians(TOP_TILT_DEGREES))
            .times(Quat.axisAngle(new Vec3(1, 0, 0), Math.PI));

    /**
     * A top's spin as it is set down ({@link #TOP_SET_DOWN}), rad/s about world axes: about its axis,
     * from its point to its crown, as fast as the words say; with a note of the precession to expect.
     */
    static Vec3 topSpin(Draft d, ObjectGroup top, Vec3 size, List<String> notes) {
        double turns = TOP_TURNS;
        for (ActionPhrase a : d.actions) {
            int g = subject(d.groups, a.at(), false);
            if (a.act() != Act.SPIN || g < 0 || d.groups.get(g) != top) continue;
            int manner = spinManner(a);
            if (manner != 0) turns = manner < 0 ? TOP_SLOW : TOP_FAST;
        }
        double w = 2 * Math.PI * turns, r = size.x() / 2;
        double precession = Staging.gravity(d) * 0.75 * size.y() / (0.3 * r * r * w);
        notes.add(String.format(java.util.Locale.ROOT, "\"%s\": set down on its point, its axis %s degrees off the vertical,"
                        + " spinning %s turns a second: it precesses about the vertical at about %.1f turns a second"
                        + " (m g l / I w) and nutates, until friction at its point brings it down",
                top.words(), PromptReader.number(TOP_TILT_DEGREES), PromptReader.number(turns), precession / (2 * Math.PI)));
        return TOP_SET_DOWN.rotate(new Vec3(0, -1, 0)).times(w);
    }
}
