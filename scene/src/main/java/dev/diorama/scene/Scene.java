package dev.diorama.scene;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The single source of truth of a film: every later stage (simulation, picture, sound, muxing)
 * reads this and nothing else. Immutable and validated on construction; {@link SceneJson} reads and
 * writes it.
 *
 * @param seed         the seed of every random choice downstream; written into the output
 * @param seconds      length of the film, (0, {@value #MAX_SECONDS}] s
 * @param fps          frames per second, [1, 120]
 * @param width        picture width in pixels, even, [16, 3840]
 * @param height       picture height in pixels, even, [16, 3840]
 * @param physicsRate  simulation steps per second: a whole multiple of {@code fps}
 * @param gravity      downward acceleration, m/s^2, [0, 100]
 * @param time         local clock time of the scene (places the sun)
 * @param environment  floor, room or outdoors, place and date
 * @param camera       the camera (and listener)
 * @param objects      the rigid objects, at most {@value #MAX_OBJECTS}, ids unique
 */
public record Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                    LocalTime time, Environment environment, Camera camera, List<SceneObject> objects) {
    public static final double MAX_SECONDS = 300;
    public static final int MAX_OBJECTS = 200;
    public static final int MAX_PIXELS_SIDE = 3840;
    public static final String FLOOR_ID = "floor";
    public static final String WALL_ID = "wall";
    public static final double STANDARD_GRAVITY = 9.81;

    public Scene {
        SceneException.check(Double.isFinite(seconds) && seconds > 0 && seconds <= MAX_SECONDS, "/seconds",
                "expected a length in seconds greater than 0 and at most " + (int) MAX_SECONDS);
        SceneException.check(fps >= 1 && fps <= 120, "/fps", "expected a whole number of frames per second in [1, 120]");
        checkSide(width, "width");
        checkSide(height, "height");
        if (physicsRate == 0) physicsRate = defaultPhysicsRate(fps);
        SceneException.check(physicsRate >= fps && physicsRate <= 10_000 && physicsRate % fps == 0, "/physicsRate",
                "expected a whole multiple of fps (" + fps + ") between fps and 10000 steps per second");
        SceneException.check(Double.isFinite(gravity) && gravity >= 0 && gravity <= 100, "/gravity",
                "expected m/s^2 in [0, 100]");
        SceneException.check(time != null, "/time", "expected a local time \"HH:MM\"");
        SceneException.check(environment != null, "/environment", "expected an environment");
        SceneException.check(objects != null, "/objects", "expected an array of objects");
        SceneException.check(objects.size() <= MAX_OBJECTS, "/objects", "expected at most " + MAX_OBJECTS + " objects");
        objects = List.copyOf(objects);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            SceneException.check(ids.add(o.id()), "/objects/" + i + "/id", "expected a unique id, \"" + o.id() + "\" is used twice");
            SceneException.check(o.position().y() - o.boundingRadius() > -1e-9 || o.position().y() - o.halfHeight() >= -1e-9,
                    "/objects/" + i + "/position", "expected the object to start above the floor (y = 0)");
            if (environment.room() != null) {
                Vec3 r = environment.room().size();
                Vec3 p = o.position();
                double b = o.boundingRadius();
                SceneException.check(Math.abs(p.x()) + b <= r.x() / 2 + 1e-9 && Math.abs(p.z()) + b <= r.z() / 2 + 1e-9
                                && p.y() + b <= r.y() + 1e-9,
                        "/objects/" + i + "/position", "expected the object to lie inside the room (" + r.x() + " x "
                                + r.y() + " x " + r.z() + " m)");
            }
        }
        if (camera == null) camera = Camera.framing(objects, (double) width / height);
    }

    private static void checkSide(int px, String what) {
        SceneException.check(px >= 16 && px <= MAX_PIXELS_SIDE && px % 2 == 0, "/size",
                "expected an even picture " + what + " in [16, " + MAX_PIXELS_SIDE + "] pixels (as \"WIDTHxHEIGHT\")");
    }

    /** The smallest multiple of fps that is at least 240 steps per second. */
    public static int defaultPhysicsRate(int fps) {
        return fps * Math.max(1, (int) Math.ceil(240.0 / fps));
    }

    public int frameCount() { return (int) Math.round(seconds * fps); }

    public int stepsPerFrame() { return physicsRate / fps; }

    public SceneObject object(String id) {
        for (SceneObject o : objects) if (o.id().equals(id)) return o;
        return null;
    }

    public int indexOf(String id) {
        for (int i = 0; i < objects.size(); i++) if (objects.get(i).id().equals(id)) return i;
        return -1;
    }

    /** The sun as seen from the scene's place, date and time. */
    public SolarPosition sun() {
        return SolarPosition.at(environment.latitude(), environment.longitude(), environment.date(), time,
                environment.utcOffset());
    }

    public Scene withSeed(long s) {
        return new Scene(s, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects);
    }

    public Scene withTiming(double secs, int framesPerSecond, int w, int h) {
        boolean keepRate = physicsRate % framesPerSecond == 0;
        Camera cam = (w == width && h == height) ? camera : null;
        return new Scene(seed, secs, framesPerSecond, w, h, keepRate ? physicsRate : 0, gravity, time, environment,
                cam, objects);
    }

    public Scene withObjects(List<SceneObject> objs) {
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, null, objs);
    }
}
