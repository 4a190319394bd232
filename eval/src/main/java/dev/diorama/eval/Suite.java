package dev.diorama.eval;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Joint;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The held-out exam: scenarios built in code with fixed seeds, so every machine builds the same
 * worlds and a score means the same thing everywhere.
 *
 * <p>Every clip is {@value #SIZE}×{@value #SIZE} pixels at {@value #FPS} fps: {@value #CONDITIONING}
 * frames (1/3 s) shown, {@value #CONTINUATION} frames (2 s) to predict. 64×64 is the picture the
 * dataset's clips have, so a model trained on them is scored on its own output without resampling;
 * the cameras are placed so that a ball is 6 to 10 pixels across, enough for the motion masks (a
 * 3×3 opening keeps anything 3 pixels wide), and the whole suite renders and scores in about a
 * minute on two cores. A third of a second of conditioning shows the motion (velocity, and for a
 * falling ball the start of the acceleration) without giving the first impact away; two seconds
 * holds the bounces, the roll behind an occluder and out again, and a chain of dominoes.
 */
public final class Suite {
    public static final int SIZE = 64;
    public static final int FPS = 24;
    public static final int CONDITIONING = 8;
    public static final int CONTINUATION = 48;
    /** The seed of the suite: scenario k's world is drawn from {@code BASE_SEED + k}. */
    public static final long BASE_SEED = 20261126;

    private static final List<Scenario> ALL = build();

    private Suite() {}

    /** Every scenario, in a fixed order (family by family). */
    public static List<Scenario> all() { return ALL; }

    /** The scenario called {@code id}, or null. */
    public static Scenario byId(String id) {
        for (Scenario s : ALL) if (s.id().equals(id)) return s;
        return null;
    }

    /** The scenarios of the given families, in suite order. */
    public static List<Scenario> of(List<Family> families) {
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : ALL) if (families.contains(s.family())) out.add(s);
        return out;
    }

    /**
     * A practice scene of family {@code family} for training, not for the exam: built as the
     * suite's scenarios are (the same cameras, sizes and kinds of motion), from {@code seed} instead
     * of the suite's seeds, and with {@code variant} (any int) choosing what the suite varies by
     * its index (materials, colours, floors, directions).
     */
    public static Scenario practice(Family family, int variant, long seed) {
        List<Scenario> out = new ArrayList<>();
        new Builder(out, seed).add(family, Math.floorMod(variant, count(family)));
        return out.getFirst();
    }

    /** How many scenarios of a family the suite holds (its variants, by index). */
    static int count(Family family) {
        return switch (family) {
            case FALL -> 14;
            case COLLISION, ROLLING, PERMANENCE -> 10;
            case TOPPLING, RAMP, PENDULUM -> 8;
        };
    }

    private static List<Scenario> build() {
        List<Scenario> out = new ArrayList<>();
        Builder b = new Builder(out, BASE_SEED);
        for (Family f : Family.values()) for (int i = 0; i < count(f); i++) b.add(f, i);
        return Collections.unmodifiableList(out);
    }

    /** Seconds of a whole clip: conditioning and continuation. */
    static double seconds() { return (double) (CONDITIONING + CONTINUATION) / FPS; }

    /** "an orange ball", "a red ball": the caption's article fixed after formatting. */
    static String articles(String caption) {
        return caption.replaceAll("\\ba ([aeiou])", "an $1").replaceAll("^a ([aeiou])", "an $1");
    }

    private static final class Builder {
        private final List<Scenario> out;
        private final Map<String, Integer> counters = new LinkedHashMap<>();
        private static final String[] COLORS = {"red", "blue", "yellow", "green", "orange", "purple", "white", "cyan"};
        private static final Material[] BALLS = {Material.RUBBER, Material.STEEL, Material.WOOD, Material.PLASTIC,
            Material.GLASS, Material.STONE, Material.CHROME};

        private final long base;

        Builder(List<Scenario> out, long base) {
            this.out = out;
            this.base = base;
        }

        /** Adds a scenario with its caption's articles put right. */
        private void add(Scenario s) {
            out.add(new Scenario(s.id(), s.family(), articles(s.caption()), s.scene(), s.conditioningFrames(),
                    s.target(), s.occluder()));
        }

        /** A camera 3 m back and a little above, framing 1.7 m of height from the floor up. */
        static final Camera HIGH = new Camera(new Vec3(0, 0.95, -3.1), new Vec3(0, 0.78, 0), 31);
        /**
         * A camera looking down on the floor, framing about 1.7 m of it across. It looks south
         * (+z), so east (+x) is on the left of the picture.
         */
        static final Camera LOW = new Camera(new Vec3(0, 0.8, -2.0), new Vec3(0, 0.12, 0.25), 40);

        private long seed() { return base + out.size(); }

        /** Scenario {@code i} of family {@code f}. */
        void add(Family f, int i) {
            switch (f) {
                case FALL -> fall(i);
                case COLLISION -> collision(i);
                case ROLLING -> rolling(i);
                case TOPPLING -> toppling(i);
                case PERMANENCE -> permanence(i);
                case RAMP -> ramp(i);
                case PENDULUM -> pendulum(i);
            }
        }

        private String id(Family f) {
            int n = counters.merge(f.id(), 1, Integer::sum);
            return String.format(Locale.ROOT, "%s-%02d", f.id(), n);
        }

        private static Scene scene(long seed, Camera cam, Material floor, List<SceneObject> objects) {
            return new Scene(seed, seconds(), FPS, SIZE, SIZE, 0, Scene.STANDARD_GRAVITY, LocalTime.NOON,
                    Environment.outdoor(floor), cam, objects);
        }

        private static Scene scene(long seed, Camera cam, Material floor, List<SceneObject> objects, List<Joint> joints) {
            return new Scene(seed, seconds(), FPS, SIZE, SIZE, 0, Scene.STANDARD_GRAVITY, LocalTime.NOON,
                    Environment.outdoor(floor), cam, objects, null, null, joints);
        }

        private static SceneObject ball(String id, Material m, String color, double d, Vec3 p, Vec3 v) {
            return new SceneObject(id, Shape.BALL, m, Colors.named(color), new Vec3(d, d, d), p, Quat.IDENTITY, v);
        }

        private static String floorName(Material m) {
            return m == Material.WOOD ? "wooden" : m.jsonName();
        }

        private static String ballName(String color, Material m) {
            return color + " " + m.jsonName() + " ball";
        }

        void fall(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material m = BALLS[i % BALLS.length];
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            String color = COLORS[i % COLORS.length];
            double height = (i / 2) % 2 == 0 ? 1.0 : 1.3;     // of the bottom above the floor, m
            double toss = i % 3 == 2 ? 1.2 : 0;                // upward speed at t = 0, m/s
            double x = r.nextDouble(-0.3, 0.3), vx = r.nextDouble(-0.3, 0.3);
            String caption;
            SceneObject o;
            if (i < 12) {
                double d = 0.2;
                o = ball("ball", m, color, d, new Vec3(x, height + d / 2, 0), new Vec3(vx, toss, 0));
                caption = String.format(Locale.ROOT, "a %s %s from %.1f m onto a %s floor", ballName(color, m),
                        toss > 0 ? "is tossed up" : "drops", height, floorName(floor));
            } else {
                double s = 0.18;
                m = i % 2 == 0 ? Material.WOOD : Material.PLASTIC;   // a stone cube skitters out of the picture
                Quat tilt = Quat.axisAngle(new Vec3(r.nextDouble(-1, 1), 0.3, r.nextDouble(-1, 1)), r.nextDouble(0.3, 0.9));
                o = new SceneObject("box", Shape.CUBE, m, Colors.named(color), new Vec3(s, s, s),
                        new Vec3(x, height + s, 0), tilt, new Vec3(vx, toss, 0));
                caption = String.format(Locale.ROOT, "a tilted %s %s cube drops from %.1f m onto a %s floor", color,
                        m.jsonName(), height, floorName(floor));
            }
            add(new Scenario(id(Family.FALL), Family.FALL, caption, scene(seed, HIGH, floor, List.of(o)),
                    CONDITIONING, null, null));
        }

        void collision(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            Material ma = BALLS[(i + 1) % BALLS.length], mb = BALLS[(i + 4) % BALLS.length];
            String ca = COLORS[i % COLORS.length], cb = COLORS[(i + 3) % COLORS.length];
            double da = 0.18, db = r.nextDouble(0.14, 0.22), z = 0.2;
            List<SceneObject> objs = new ArrayList<>();
            String caption;
            if (i < 5) {
                double va = r.nextDouble(1.0, 2.2), vb = r.nextDouble(0.6, 2.0);
                objs.add(ball("ball-a", ma, ca, da, new Vec3(-0.75, da / 2, z), new Vec3(va, 0, 0)));
                objs.add(ball("ball-b", mb, cb, db, new Vec3(0.75, db / 2, z), new Vec3(-vb, 0, 0)));
                caption = String.format(Locale.ROOT, "a %s and a %s roll toward each other and collide head-on on a %s floor",
                        ballName(ca, ma), ballName(cb, mb), floorName(floor));
            } else {
                double va = r.nextDouble(1.4, 2.4);
                double offset = (i % 2 == 0 ? 1 : -1) * r.nextDouble(0.35, 0.75) * (da + db) / 2;
                objs.add(ball("ball-a", ma, ca, da, new Vec3(-0.75, da / 2, z + offset), new Vec3(va, 0, 0)));
                objs.add(ball("ball-b", mb, cb, db, new Vec3(r.nextDouble(-0.1, 0.15), db / 2, z), Vec3.ZERO));
                caption = String.format(Locale.ROOT, "a %s rolls into a resting %s off-centre, a glancing blow, on a %s floor",
                        ballName(ca, ma), ballName(cb, mb), floorName(floor));
            }
            add(new Scenario(id(Family.COLLISION), Family.COLLISION, caption, scene(seed, LOW, floor, objs),
                    CONDITIONING, null, null));
        }

        void rolling(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = switch (i % 3) { case 0 -> Material.WOOD; case 1 -> Material.STONE; default -> Material.RUBBER; };
            Material m = BALLS[(i + 2) % BALLS.length];
            String color = COLORS[(i + 5) % COLORS.length];
            int dir = i % 2 == 0 ? 1 : -1;
            double v = r.nextDouble(0.6, 1.6), z = r.nextDouble(0.0, 0.4);
            SceneObject o;
            String caption;
            if (i < 7) {
                double d = 0.18;
                o = ball("ball", m, color, d, new Vec3(-dir * 0.75, d / 2, z), new Vec3(dir * v, 0, 0));
                caption = String.format(Locale.ROOT, "a %s is pushed %s and rolls across a %s floor",
                        ballName(color, m), dir > 0 ? "to the left" : "to the right", floorName(floor));
            } else {
                // As long as it is wide: the scene checks an object's start against its unrotated
                // half height, which for a lying cylinder must not exceed its radius.
                double d = 0.18, len = 0.18;
                // A cylinder stands along y; a quarter turn about x lays it down with its axis along z.
                Quat lying = Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 2);
                o = new SceneObject("cylinder", Shape.CYLINDER, m, Colors.named(color), new Vec3(d, len, d),
                        new Vec3(-dir * 0.75, d / 2, z), lying, new Vec3(dir * v, 0, 0));
                caption = String.format(Locale.ROOT, "a %s %s cylinder lying on its side rolls %s across a %s floor",
                        color, m.jsonName(), dir > 0 ? "to the left" : "to the right", floorName(floor));
            }
            add(new Scenario(id(Family.ROLLING), Family.ROLLING, caption, scene(seed, LOW, floor, List.of(o)),
                    CONDITIONING, null, null));
        }

        void toppling(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            int n = 3 + i % 4;
            double spacing = r.nextDouble(0.11, 0.15);
            double w = 0.035, h = 0.3, depth = 0.14, z = 0.25;
            double first = -0.25;
            List<SceneObject> objs = new ArrayList<>();
            Material ballM = i % 3 == 0 ? Material.STONE : Material.STEEL;
            double d = 0.16, v = r.nextDouble(2.0, 3.0);
            objs.add(ball("ball", ballM, "grey", d, new Vec3(-0.8, d / 2, z), new Vec3(v, 0, 0)));
            String color = COLORS[i % COLORS.length];
            for (int k = 0; k < n; k++) {
                objs.add(new SceneObject("domino-" + (k + 1), Shape.CUBE, Material.WOOD, Colors.named(color),
                        new Vec3(w, h, depth), new Vec3(first + k * spacing, h / 2, z), Quat.IDENTITY, Vec3.ZERO));
            }
            String caption = String.format(Locale.ROOT, "a %s ball rolls into a row of %d %s wooden dominoes %.0f cm apart on a %s floor",
                    ballM.jsonName(), n, color, spacing * 100, floorName(floor));
            add(new Scenario(id(Family.TOPPLING), Family.TOPPLING, caption, scene(seed, LOW, floor, objs),
                    CONDITIONING, null, null));
        }

        void permanence(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            Material m = BALLS[(i + 3) % BALLS.length];
            String color = COLORS[(i + 1) % COLORS.length];
            int dir = i % 2 == 0 ? 1 : -1;
            double d = 0.16, z = 0.3;
            double v = r.nextDouble(0.9, 1.3);
            double wall = r.nextDouble(0.3, 0.42), wallX = r.nextDouble(-0.12, 0.12);
            // The occluder: a heavy stone slab standing on the floor between the camera and the
            // ball's path; nothing touches it, so it stays put.
            SceneObject slab = new SceneObject("occluder", Shape.CUBE, Material.STONE, Colors.named("brown"),
                    new Vec3(wall, 0.5, 0.08), new Vec3(wallX, 0.25, -0.25), Quat.IDENTITY, Vec3.ZERO);
            SceneObject ball = ball("ball", m, color, d, new Vec3(-dir * 0.7, d / 2, z), new Vec3(dir * v, 0, 0));
            String caption = String.format(Locale.ROOT, "a %s rolls %s behind a brown stone slab on a %s floor and comes out the other side",
                    ballName(color, m), dir > 0 ? "to the left" : "to the right", floorName(floor));
            add(new Scenario(id(Family.PERMANENCE), Family.PERMANENCE, caption,
                    scene(seed, LOW, floor, List.of(ball, slab)), CONDITIONING, "ball", "occluder"));
        }

        void ramp(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            Material m = BALLS[(i + 1) % BALLS.length], rampM = i % 3 == 0 ? Material.STONE : Material.WOOD;
            String color = COLORS[(i + 2) % COLORS.length];
            double length = r.nextDouble(0.6, 0.8), height = r.nextDouble(0.2, 0.4), depth = 0.3, d = 0.14;
            int dir = i % 2 == 0 ? 1 : -1;
            // A wedge's slope falls towards +x; a half turn about y makes it fall towards -x.
            Quat turn = dir > 0 ? Quat.IDENTITY : Quat.axisAngle(Vec3.UP, Math.PI);
            double cx = -dir * 0.45, z = 0.25;
            SceneObject wedge = new SceneObject("ramp", Shape.WEDGE, rampM, null, new Vec3(length, height, depth),
                    new Vec3(cx, height / 2, z), turn, Vec3.ZERO, true, null);
            // The ball starts a little below the top edge, resting on the slope (its centre one
            // radius above the slope along the slope's normal), and a few millimetres up from it.
            double angle = Math.atan2(height, length);
            double along = r.nextDouble(0.1, 0.2);   // m down the slope from the top edge
            double sx = cx - dir * length / 2 + dir * along * Math.cos(angle);
            double sy = height - along * Math.sin(angle);
            Vec3 normal = new Vec3(dir * Math.sin(angle), Math.cos(angle), 0);
            Vec3 centre = new Vec3(sx, sy, z).plus(normal.times(d / 2 + 0.003));
            SceneObject ball = ball("ball", m, color, d, centre, Vec3.ZERO);
            String caption = String.format(Locale.ROOT, "a %s rolls down a %s ramp %.0f degrees steep onto a %s floor",
                    ballName(color, m), rampM == Material.WOOD ? "wooden" : rampM.jsonName(), Math.toDegrees(angle),
                    floorName(floor));
            add(new Scenario(id(Family.RAMP), Family.RAMP, caption, scene(seed, LOW, floor, List.of(wedge, ball)),
                    CONDITIONING, null, null));
        }

        void pendulum(int i) {
            long seed = seed();
            SplittableRandom r = new SplittableRandom(seed);
            Material floor = i % 2 == 0 ? Material.WOOD : Material.STONE;
            Material m = BALLS[(i + 5) % BALLS.length];
            String color = COLORS[(i + 4) % COLORS.length];
            double length = r.nextDouble(0.5, 0.9), d = 0.14, z = 0.2;
            double angle = Math.toRadians(r.nextDouble(25, 55)) * (i % 2 == 0 ? 1 : -1);
            // The pivot stands so that the bob skims 2 cm above the floor at the bottom of its swing.
            Vec3 pivot = new Vec3(0, length + d / 2 + 0.02, z);
            Vec3 bob = pivot.plus(new Vec3(Math.sin(angle) * length, -Math.cos(angle) * length, 0));
            List<SceneObject> objs = new ArrayList<>();
            objs.add(ball("bob", m, color, d, bob, Vec3.ZERO));
            boolean strike = i >= 4;
            String caption;
            if (strike) {
                // A ball resting on the floor just past the bottom of the swing, in the bob's path.
                double rd = 0.14;
                double side = -Math.signum(angle);
                objs.add(ball("target", Material.WOOD, "white", rd, new Vec3(side * (d / 2 + rd / 2 + 0.02), rd / 2, z), Vec3.ZERO));
                caption = String.format(Locale.ROOT, "a %s on a %.1f m rod swings down from %.0f degrees and strikes a white wooden ball",
                        ballName(color, m), length, Math.toDegrees(Math.abs(angle)));
            } else {
                caption = String.format(Locale.ROOT, "a %s on a %.1f m rod swings like a pendulum from %.0f degrees",
                        ballName(color, m), length, Math.toDegrees(Math.abs(angle)));
            }
            add(new Scenario(id(Family.PENDULUM), Family.PENDULUM, caption,
                    scene(seed, LOW, floor, objs, List.of(new Joint.Pivot("bob", null, pivot))), CONDITIONING, null, null));
        }
    }
}
