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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Small scenes and picture probes shared by the render tests. */
final class TestScenes {
    static final Rgb RED = new Rgb(0.8, 0.1, 0.1);
    /** The equinox at the equator on the prime meridian: the sun rises in the east at 6:00, near the zenith at noon. */
    static final LocalDate EQUINOX = LocalDate.of(2026, 3, 20);

    private TestScenes() {}

    static SceneObject ball(String id, Material m, Rgb color, double radius, double x, double z) {
        double d = 2 * radius;
        return new SceneObject(id, Shape.BALL, m, color, new Vec3(d, d, d), new Vec3(x, radius, z), Quat.IDENTITY, null);
    }

    /** An outdoor scene on the equator (lat 0, lon 0, UTC) at the equinox: the sun's path is simple. */
    static Scene equator(int w, int h, LocalTime time, Camera camera, List<SceneObject> objects) {
        Environment env = new Environment(Environment.Kind.OUTDOOR, Material.STONE, null, 0, 0, EQUINOX, 0);
        return new Scene(7, 1, 24, w, h, 0, 9.81, time, env, camera, objects);
    }

    /** An outdoor scene at the default place and date (Paris, 22 September). */
    static Scene paris(int w, int h, LocalTime time, Camera camera, List<SceneObject> objects) {
        return new Scene(7, 1, 24, w, h, 0, 9.81, time, Environment.outdoor(Material.STONE), camera, objects);
    }

    /** A room 8 x 3 x 8 m with a wooden floor and white plastic walls. */
    static Scene room(int w, int h, Camera camera, List<SceneObject> objects) {
        Environment env = Environment.indoor(Material.WOOD, new Room(new Vec3(8, 3, 8), Material.PLASTIC, Material.PLASTIC));
        return new Scene(7, 1, 24, w, h, 0, 9.81, LocalTime.of(21, 0), env, camera, objects);
    }

    static Keyframe rest(Scene scene) {
        List<Pose> poses = new ArrayList<>();
        for (SceneObject o : scene.objects()) poses.add(new Pose(o.position(), o.rotation()));
        return new Keyframe(0, 0, poses);
    }

    static byte[] render(Scene scene, int threads) {
        return render(scene, threads, rest(scene));
    }

    static byte[] render(Scene scene, int threads, Keyframe frame) {
        byte[] bgr = new byte[scene.width() * scene.height() * 3];
        try (Renderer r = new Renderer(scene, threads)) {
            r.render(frame, bgr);
        }
        return bgr;
    }

    /** Linear RGB of pixel (x, y) of a BGR24 picture of width w. */
    static double[] linear(byte[] bgr, int w, int x, int y) {
        int i = 3 * (y * w + x);
        return new double[] {ToneMap.decode(bgr[i + 2]), ToneMap.decode(bgr[i + 1]), ToneMap.decode(bgr[i])};
    }

    static double luminance(double[] rgb) {
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    /** Mean linear luminance of a whole picture. */
    static double meanLuminance(byte[] bgr) {
        double sum = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            sum += 0.2126 * ToneMap.decode(bgr[i + 2]) + 0.7152 * ToneMap.decode(bgr[i + 1]) + 0.0722 * ToneMap.decode(bgr[i]);
        }
        return sum / (bgr.length / 3);
    }
}
