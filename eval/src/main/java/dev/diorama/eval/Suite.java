package dev.diorama.eval;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
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

    private static List<Scenario> build() {
        List<Scenario> out = new ArrayList<>();
        Builder b = new Builder(out);
        for (int i = 0; i < 14; i++) b.fall(i);
        for (int i = 0; i < 10; i++) b.collision(i);
        for (int i = 0; i < 10; i++) b.rolling(i);
        for (int i = 0; i < 8; i++) b.toppling(i);
        for (int i = 0; i < 10; i++) b.permanence(i);
        return Collections.unmodifiableList(out);
    }

    /** Seconds of a whole clip: conditioning and continuation. */
    static double seconds() { return (double) (CONDITIONING + CONTINUATION) / FPS; }

    private static final class Builder {
        private final List<Scenario> out;
        private final Map<String, Integer> counters = new LinkedHashMap<>();
        private static final String[] COLORS = {"red", "blue", "yellow", "green", "orange", "purple", "white", "cyan"};
        private static final Material[] BALLS = {Material.RUBBER, Material.STEEL, Material.WOOD, Material.PLASTIC,
            Material.GLASS, Material.STONE, Material.CHROME};

        Builder(List<Scenario> out) { this.out = out; }

        /** A camera 3 m back and a little above, framing 1.7 m of height from the floor up. */
        static final Camera HIGH = new Camera(new Vec3(0, 0.95, -3.1), new Vec3(0, 0.78, 0), 31);
        /**
         * A camera looking down on the floor, framing about 1.7 m of it across. It looks south
         * (+z), so east (+x) is on the left of the picture.
         */
        static final Camera LOW = new Camera(new Vec3(0, 0.8, -2.0), new Vec3(0, 0.12, 0.25), 40);

        private long seed() { return BASE_SEED + out.size(); }

        private String id(Family f) {
            int n = counters.merge(f.id(), 1, Integer::sum);
            return String.format(Locale.ROOT, "%s-%02d", f.id(), n);
        }

        private static Scene scene(long seed, Camera cam, Material floor, List<SceneObject> objects) {
            return new Scene(seed, seconds(), FPS, SIZE, SIZE, 0, Scene.STANDARD_GRAVITY, LocalTime.NOON,
                    Environment.outdoor(floor), cam, objects);
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
            out.add(new Scenario(id(Family.FALL), Family.FALL, caption, scene(seed, HIGH, floor, List.of(o)),
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
            out.add(new Scenario(id(Family.COLLISION), Family.COLLISION, caption, scene(seed, LOW, floor, objs),
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
            out.add(new Scenario(id(Family.ROLLING), Family.ROLLING, caption, scene(seed, LOW, floor, List.of(o)),
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
            out.add(new Scenario(id(Family.TOPPLING), Family.TOPPLING, caption, scene(seed, LOW, floor, objs),
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
            out.add(new Scenario(id(Family.PERMANENCE), Family.PERMANENCE, caption,
                    scene(seed, LOW, floor, List.of(ball, slab)), CONDITIONING, "ball", "occluder"));
        }
    }
}
