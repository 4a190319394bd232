package dev.diorama.render;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Times the renderer on the reference scene (../shared/bench/reference-scene.md) and writes the
 * picture as a PNG to look at.
 *
 * <p>Usage: {@code RenderBench [--time HH:MM] [--indoor] [--size WxH] [--frames N] [--threads 1,2]
 * [--still] [--no-reuse] [--crowd N] [--orbit DEGREES] [--timelapse HOURS] [--out file.png]}.
 * {@code --orbit 90} circles the camera a quarter turn over a 10 s film (every tile drawn every
 * frame), {@code --timelapse 6} runs the clock 6 hours over it (sun, sky, ambient light and exposure
 * set up again every frame); the time that set-up takes is printed apart. Defaults: 15:00 outdoors, 1280x720, 20 timed frames
 * after 15 of warm-up, with 1 and then 2 threads (wall time per frame, and the process's CPU time
 * per frame, which sharing the cores with other programs disturbs less), picture to
 * diorama-bench.png. The objects hop and turn from frame to frame as in a film, so only the tiles that no object reaches are kept from one
 * frame to the next; {@code --still} renders the reference scene's one frame over and over,
 * {@code --no-reuse} draws every tile of every frame (the cost of a first frame, JIT aside). The
 * first frame in a fresh JVM is timed as well: it includes the JIT's warm-up. {@code --crowd N}
 * replaces the reference scene by N objects of every material ({@link #crowdScene}).
 */
public final class RenderBench {
    private RenderBench() {}

    /** The reference scene at the given local time, outdoors on stone or in a 8 x 3 x 8 m room. */
    static Scene referenceScene(int width, int height, LocalTime time, boolean indoor) {
        List<SceneObject> objects = new ArrayList<>();
        objects.add(ball("red-ball", Material.RUBBER, new Rgb(0.8, 0.1, 0.1), 0.6, new Vec3(-1.6, 0.6, 0)));
        objects.add(ball("chrome-ball", Material.CHROME, null, 0.7, new Vec3(0, 0.7, 0.5)));
        objects.add(ball("glass-ball", Material.GLASS, null, 0.6, new Vec3(1.6, 0.6, 0)));
        objects.add(new SceneObject("green-cube", Shape.CUBE, Material.PLASTIC, new Rgb(0.2, 0.5, 0.2),
                new Vec3(0.8, 0.8, 0.8), new Vec3(0, 0.4, -1.2), Quat.axisAngle(Vec3.UP, Math.toRadians(30)), null));
        Environment env = indoor
                ? Environment.indoor(Material.WOOD, new Room(new Vec3(8, 3, 8), Material.PLASTIC, Material.PLASTIC))
                : Environment.outdoor(Material.STONE);
        Camera camera = new Camera(new Vec3(0, 1.6, -6), new Vec3(0, 0.6, 0), 60);
        return new Scene(1, 1, 24, width, height, 0, 9.81, time, env, camera, objects);
    }

    /**
     * A crowd of {@code n} balls and cubes of every material hanging in front of the camera, from a
     * fixed seed: the stress case for the object queries.
     */
    static Scene crowdScene(int width, int height, LocalTime time, int n) {
        List<SceneObject> objects = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        Material[] materials = Material.values();
        for (int i = 0; i < n; i++) {
            double r = 0.1 + 0.2 * random.nextDouble();
            Vec3 at = new Vec3((random.nextDouble() - 0.5) * 8, r + 2 * random.nextDouble(), 6 * random.nextDouble() - 1);
            Material m = materials[i % materials.length];
            Rgb c = new Rgb(random.nextDouble(), random.nextDouble(), random.nextDouble());
            Vec3 size = new Vec3(2 * r, 2 * r, 2 * r);
            objects.add(i % 3 == 0
                    ? new SceneObject("cube-" + i, Shape.CUBE, m, c, size, at,
                            Quat.axisAngle(new Vec3(random.nextDouble(), 1, 0), random.nextDouble()), null)
                    : new SceneObject("ball-" + i, Shape.BALL, m, c, size, at, Quat.IDENTITY, null));
        }
        Camera camera = new Camera(new Vec3(0, 1.6, -6), new Vec3(0, 0.6, 0), 60);
        return new Scene(1, 1, 24, width, height, 0, 9.81, time, Environment.outdoor(Material.STONE), camera, objects);
    }

    static SceneObject ball(String id, Material m, Rgb color, double radius, Vec3 at) {
        double d = 2 * radius;
        return new SceneObject(id, Shape.BALL, m, color, new Vec3(d, d, d), at, Quat.IDENTITY, null);
    }

    /** The keyframe of a scene at rest: every object where the scene puts it at t = 0. */
    static Keyframe restFrame(Scene scene) {
        List<Pose> poses = new ArrayList<>();
        for (SceneObject o : scene.objects()) poses.add(new Pose(o.position(), o.rotation()));
        return new Keyframe(0, 0, poses);
    }

    /**
     * Frame {@code k} of a little film of the scene: every object hops up to 30 cm and turns, each
     * out of step with the others, so shadows and reflections move as they would in a real film.
     */
    static Keyframe hopFrame(Scene scene, int k) {
        List<Pose> poses = new ArrayList<>();
        for (int i = 0; i < scene.objects().size(); i++) {
            SceneObject o = scene.objects().get(i);
            double phase = 0.4 * k + 1.3 * i;
            Vec3 p = o.position();
            poses.add(new Pose(new Vec3(p.x(), p.y() + 0.3 * Math.abs(Math.sin(phase)), p.z()),
                    o.rotation().times(Quat.axisAngle(Vec3.UP, 0.2 * phase))));
        }
        return new Keyframe(k, k / 24.0, poses);
    }

    /** Writes a BGR24 buffer as a PNG. */
    static void writePng(byte[] bgr, int width, int height, File file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                image.setRGB(x, y, (bgr[i + 2] & 255) << 16 | (bgr[i + 1] & 255) << 8 | (bgr[i] & 255));
            }
        }
        ImageIO.write(image, "png", file);
    }

    public static void main(String[] args) throws IOException {
        LocalTime time = LocalTime.of(15, 0);
        boolean indoor = false, reuse = true, still = false;
        int width = 1280, height = 720, frames = 20, crowd = 0;
        double orbit = 0, lapse = 0;
        String threadList = "1,2";
        String out = "diorama-bench.png";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time" -> time = LocalTime.parse(args[++i]);
                case "--indoor" -> indoor = true;
                case "--no-reuse" -> reuse = false;
                case "--still" -> still = true;
                case "--crowd" -> crowd = Integer.parseInt(args[++i]);
                case "--orbit" -> orbit = Double.parseDouble(args[++i]);
                case "--timelapse" -> lapse = Double.parseDouble(args[++i]);
                case "--size" -> {
                    String[] wh = args[++i].split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--threads" -> threadList = args[++i];
                case "--out" -> out = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Scene scene = crowd > 0 ? crowdScene(width, height, time, crowd) : referenceScene(width, height, time, indoor);
        if (orbit != 0 || lapse != 0) {
            scene = scene.withTiming(10, 24, width, height).withDirection(scene.camera(),
                    orbit != 0 ? new dev.diorama.scene.CameraMove.Orbit(orbit) : null,
                    lapse != 0 ? new dev.diorama.scene.TimeLapse(lapse) : null);
        }
        byte[] bgr = new byte[width * height * 3];
        System.out.printf("%s %dx%d at %s %s, sun elevation %.1f deg; %s; %d cores, %s%n",
                crowd > 0 ? "a crowd of " + crowd + " objects" : "reference scene", width, height,
                time, indoor ? "indoors" : "outdoors", scene.sun().elevation(),
                still ? "the same frame again and again" : "the objects hopping", Runtime.getRuntime().availableProcessors(),
                reuse ? "still tiles kept" : "every tile drawn");
        boolean cold = true;
        for (String t : threadList.split(",")) {
            int threads = Integer.parseInt(t.trim());
            try (Renderer renderer = new Renderer(scene, threads, RenderOptions.DEFAULT.withReuseStill(reuse))) {
                int k = 0;
                for (int i = 0; i < WARM_UP; i++, k++) {
                    long t0 = System.nanoTime();
                    renderer.render(still ? restFrame(scene) : hopFrame(scene, k), bgr);
                    if (cold && i == 0) {
                        System.out.printf("first frame in a cold JVM (%d thread%s): %.0f ms%n", threads,
                                threads == 1 ? "" : "s", (System.nanoTime() - t0) / 1e6);
                    }
                }
                cold = false;
                renderer.setupNanos = 0;
                long best = Long.MAX_VALUE, total = 0, rays0 = renderer.raysTraced(), cpu0 = processCpu();
                int edges = 0, kept = 0;
                for (int i = 0; i < frames; i++, k++) {
                    Keyframe frame = still ? restFrame(scene) : hopFrame(scene, k);
                    long t0 = System.nanoTime();
                    renderer.render(frame, bgr);
                    long dt = System.nanoTime() - t0;
                    total += dt;
                    best = Math.min(best, dt);
                    edges += renderer.lastEdgePixels();
                    kept += renderer.lastKeptTiles();
                }
                long setup = renderer.setupNanos, rays = renderer.raysTraced() - rays0, cpu = processCpu() - cpu0;
                System.out.printf("%d thread%s: %.1f ms/frame (best %.1f; %.1f ms of CPU) over %d frames, %.2f M rays/s (%.0f k rays"
                                + "/frame); per frame %d edge pixels refined, %d of %d tiles kept still%s%n", threads,
                        threads == 1 ? "" : "s", total / 1e6 / frames, best / 1e6, cpu / 1e6 / frames, frames,
                        rays / (total / 1e9) / 1e6,
                        rays / 1e3 / frames, edges / frames, kept / frames, renderer.tileCount(),
                        scene.stillCameraAndLight() ? "" : String.format(", %.1f ms of it setting up view and light",
                                setup / 1e6 / frames));
            }
        }
        writePng(bgr, width, height, new File(out));
        System.out.println("wrote " + out);
    }

    private static final int WARM_UP = 15;

    /**
     * CPU time of the whole process so far, ns: the render threads' work (and the compiler's and the
     * collector's), a measure that other programs sharing the cores disturb far less than wall time.
     */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
