package dev.diorama.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.audio.SoundTrack;
import dev.diorama.engine.FilmMaker;
import dev.diorama.engine.Progress;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training data for a world model: randomized simulator clips, each an MP4 with sound, its
 * ground-truth sidecar and a caption, listed in {@code index.json}.
 *
 * <p>Clip {@code i} of seed {@code s} is drawn from its own random stream (seeded from s and i),
 * so a clip does not depend on how many others are made, and the same seed gives the same bytes.
 * A clip holds one to three bodies (balls, cubes, upright cylinders of every material) that are
 * dropped, tossed or pushed along the floor, on a random floor, at a random hour of daylight, seen
 * by the camera that frames the bodies automatically. With {@link Spec#families()}, half the clips
 * are instead practice scenes of the exam's seven families ({@link Suite#practice}: a ball behind a
 * slab, down a ramp, into dominoes, on a pendulum, ...), seen by the exam's cameras and drawn from
 * the clip's own seed, never one of the suite's; {@code index.json} gives their family.
 *
 * <p>{@code index.json}: {@code {"format": "diorama-dataset/1", "seed", "count", "size", "fps",
 * "seconds", "frames", "sampleRate", "clips": [{"id", "video", "groundTruth", "caption", "seed",
 * "events"}]}}; paths are relative to the index.
 */
public final class Dataset {
    public static final String FORMAT = "diorama-dataset/1";
    public static final int MAX_COUNT = 100_000;
    public static final double MAX_SECONDS = 60;

    private static final String[] COLORS = {"red", "blue", "yellow", "green", "orange", "purple", "white", "cyan",
        "pink", "black"};
    private static final Material[] FLOORS = {Material.WOOD, Material.STONE, Material.RUBBER, Material.PLASTIC};
    /**
     * What bodies are made of, listed rather than taken from {@link Material#values()}, so that a
     * material added later does not change the clips a seed draws (fruit came after this list).
     */
    private static final Material[] BODY_MATERIALS = {Material.RUBBER, Material.STEEL, Material.CHROME, Material.WOOD,
        Material.GLASS, Material.PLASTIC, Material.STONE, Material.IRON, Material.COPPER, Material.GOLD, Material.ALUMINIUM,
        Material.OAK, Material.PINE, Material.ICE, Material.MARBLE, Material.GRANITE, Material.CONCRETE, Material.CERAMIC,
        Material.PORCELAIN, Material.CARDBOARD, Material.PAPER, Material.CLAY, Material.FOAM, Material.SAND, Material.GRASS,
        Material.CARPET};

    /**
     * @param count    clips, 1 to {@value #MAX_COUNT}
     * @param width    pixels (even, 16..3840)
     * @param height   pixels (even, 16..3840)
     * @param seconds  length of each clip, (0, {@value #MAX_SECONDS}]
     * @param fps      frames per second
     * @param seed     the seed of the whole set
     * @param families whether half the clips are practice scenes of the exam's families
     *                 ({@link Suite#practice}), the others open-floor clips
     */
    public record Spec(int count, int width, int height, double seconds, int fps, long seed, boolean families) {
        /** Open-floor clips only. */
        public Spec(int count, int width, int height, double seconds, int fps, long seed) {
            this(count, width, height, seconds, fps, seed, false);
        }

        public Spec {
            if (count < 1 || count > MAX_COUNT) {
                throw new EvalException("--count: expected 1 to " + MAX_COUNT + " clips, found " + count);
            }
            if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
                throw new EvalException("--seconds: expected a length greater than 0 and at most " + (int) MAX_SECONDS
                        + " seconds, found " + seconds);
            }
            if (fps < 1 || fps > 120) throw new EvalException("--fps: expected 1 to 120, found " + fps);
        }
    }

    private Dataset() {}

    /** The scene of clip {@code i}, with its caption. */
    public record Drawn(Scene scene, String caption, Family family) {
        Drawn(Scene scene, String caption) {
            this(scene, caption, null);
        }
    }

    public static Drawn draw(Spec spec, int i) {
        long clipSeed = new SplittableRandom(spec.seed()).split().nextLong() ^ (0x9E3779B97F4A7C15L * (i + 1));
        if (spec.families()) {
            // A stream of its own, so that the open-floor clips are the same with or without families.
            SplittableRandom pick = new SplittableRandom(clipSeed ^ 0x5DEECE66DL);
            if (pick.nextBoolean()) {
                Family f = Family.values()[pick.nextInt(Family.values().length)];
                // Never one of the exam's own seeds: a draw among them moves past them all.
                int exam = Suite.all().size();
                long seed = clipSeed >= Suite.BASE_SEED && clipSeed < Suite.BASE_SEED + exam ? clipSeed + exam : clipSeed;
                Scenario s = Suite.practice(f, pick.nextInt(), seed);
                return new Drawn(s.scene().withTiming(spec.seconds(), spec.fps(), spec.width(), spec.height()), s.caption(), f);
            }
        }
        SplittableRandom r = new SplittableRandom(clipSeed);
        Material floor = FLOORS[r.nextInt(FLOORS.length)];
        int n = 1 + r.nextInt(3);
        List<SceneObject> objects = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            for (int attempt = 0; attempt < 30; attempt++) {
                SceneObject o = body(r, k);
                if (objects.stream().noneMatch(p -> p.position().minus(o.position()).length()
                        < p.boundingRadius() + o.boundingRadius() + 0.02)) {
                    objects.add(o);
                    words.add(describe(o));
                    break;
                }
            }
        }
        LocalTime time = LocalTime.of(8 + r.nextInt(10), r.nextInt(60));
        Scene scene = new Scene(clipSeed, spec.seconds(), spec.fps(), spec.width(), spec.height(), 0,
                Scene.STANDARD_GRAVITY, time, Environment.outdoor(floor), null, objects);
        String caption = String.join(", and ", words) + " on a " + (floor == Material.WOOD ? "wooden" : floor.jsonName())
                + " floor at " + time;
        return new Drawn(scene, Suite.articles(caption));
    }

    private static SceneObject body(SplittableRandom r, int k) {
        Material m = BODY_MATERIALS[r.nextInt(BODY_MATERIALS.length)];
        String color = COLORS[r.nextInt(COLORS.length)];
        double s = r.nextDouble(0.12, 0.26);
        int kind = r.nextInt(10);
        Shape shape = kind < 5 ? Shape.BALL : kind < 8 ? Shape.CUBE : Shape.CYLINDER;
        Vec3 size = shape == Shape.CYLINDER ? new Vec3(s * 0.8, s, s * 0.8) : new Vec3(s, s, s);
        double x = r.nextDouble(-0.6, 0.6), z = r.nextDouble(-0.2, 0.5);
        int motion = r.nextInt(3);   // 0 dropped, 1 tossed, 2 pushed along the floor
        double y = motion == 2 ? size.y() / 2 : r.nextDouble(0.3, 1.2) + size.y() / 2;
        Vec3 v = switch (motion) {
            case 0 -> Vec3.ZERO;
            case 1 -> new Vec3(r.nextDouble(-1, 1), r.nextDouble(0.5, 2.5), r.nextDouble(-0.5, 0.5));
            default -> new Vec3(r.nextDouble(-2, 2), 0, r.nextDouble(-0.5, 0.5));
        };
        Quat rot = shape == Shape.BALL || motion == 2 ? Quat.IDENTITY
                : Quat.axisAngle(new Vec3(r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)), r.nextDouble(0, Math.PI));
        return new SceneObject(shape.jsonName() + "-" + (k + 1), shape, m, Colors.named(color), size,
                new Vec3(x, y, z), rot, v);
    }

    private static String describe(SceneObject o) {
        String what = "a " + Colors.nameOf(o.color()) + " " + o.material().jsonName() + " " + o.shape().jsonName();
        Vec3 v = o.velocity();
        if (o.position().y() - o.halfHeight() > 1e-6) {
            String from = String.format(Locale.ROOT, "%.1f m", o.position().y() - o.halfHeight());
            return what + (v.y() > 0 ? " is tossed up from " + from : " drops from " + from);
        }
        // The automatic camera looks south (+z): east (+x) is on the left of the picture.
        return what + " slides " + (v.x() > 0 ? "to the left" : "to the right");
    }

    /** Writes the whole set into {@code dir}, which appears only when every clip and the index are complete. */
    public static void write(Spec spec, Path dir, int threads, Progress progress) throws IOException {
        AtomicDirectory.check(dir, "--out");
        try (AtomicDirectory out = new AtomicDirectory(dir)) {
            ObjectNode index = SceneJson.MAPPER.createObjectNode();
            index.put("format", FORMAT);
            index.put("seed", spec.seed());
            index.put("count", spec.count());
            index.put("size", spec.width() + "x" + spec.height());
            index.put("fps", spec.fps());
            index.put("seconds", spec.seconds());
            index.put("frames", (int) Math.round(spec.seconds() * spec.fps()));
            index.put("sampleRate", SoundTrack.SAMPLE_RATE);
            ArrayNode clips = index.putArray("clips");
            for (int i = 0; i < spec.count(); i++) {
                Drawn d = draw(spec, i);
                String id = String.format(Locale.ROOT, "clip-%05d", i);
                FilmMaker.Result res = FilmMaker.film(d.scene(), out.path().resolve(id + ".mp4"),
                        new FilmMaker.Settings(threads, Progress.NONE));
                ObjectNode c = clips.addObject();
                c.put("id", id);
                c.put("video", id + ".mp4");
                c.put("groundTruth", id + ".json");
                c.put("caption", d.caption());
                if (d.family() != null) c.put("family", d.family().id());
                c.put("seed", d.scene().seed());
                c.put("events", res.events().size());
                progress.update("filming", (double) (i + 1) / spec.count());
            }
            Files.writeString(out.path().resolve("index.json"), SceneJson.MAPPER.writeValueAsString(index) + "\n");
            out.commit();
        }
    }
}
