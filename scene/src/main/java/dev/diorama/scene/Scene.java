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
 * @param camera       the camera at t = 0 (and, for now, the listener); null frames the objects
 * @param objects      the rigid objects, at most {@value #MAX_OBJECTS}, ids unique
 * @param cameraMove   how the camera moves during the film, or null for a still camera; see
 *                     {@link #cameraAt(double)}
 * @param timeLapse    how many hours of clock time the film spans, or null: the clock then stands
 *                     at {@code time} for the whole film (the physics runs in real time either way)
 * @param joints       pivots and hinges tying objects to the world or to each other (see {@link Joint});
 *                     empty for none
 * @param shots        a storyboard's shots, in order of their start times, or empty for one shot
 *                     seen from {@code camera} (with {@code cameraMove}); with shots, {@code camera}
 *                     and {@code cameraMove} are the first shot's and {@link #cameraAt(double)}
 *                     follows the shot in force at each time
 * @param liquids      bodies and streams of liquid, simulated with the objects (see {@link Liquid});
 *                     empty for none
 * @param captureFps   frames the camera takes per second of the world, [fps, 10000]; 0 or
 *                     {@code fps}: real time. More than {@code fps} is slow motion: the film plays
 *                     them at {@code fps}, so {@code seconds} of film show
 *                     {@link #worldSeconds()} of the world ({@link #capture()}); the times of the
 *                     world's events (an object's {@code enters}, a pour's start) are world seconds,
 *                     a storyboard's shots start in film seconds
 */
public record Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                    LocalTime time, Environment environment, Camera camera, List<SceneObject> objects,
                    CameraMove cameraMove, TimeLapse timeLapse,
                    // -- joints (shapes branch) --
                    List<Joint> joints,
                    // -- shots (storyboards, language branch) --
                    List<Shot> shots,
                    // -- liquids (issue 5) --
                    List<Liquid> liquids,
                    // -- slow motion --
                    int captureFps) {
    public static final double MAX_SECONDS = 300;
    public static final int MAX_OBJECTS = 200;
    public static final int MAX_PIXELS_SIDE = 3840;
    public static final String FLOOR_ID = "floor";
    public static final String WALL_ID = "wall";
    public static final double STANDARD_GRAVITY = 9.81;
    /** The most frames a second a film plays (scene files, the command's --fps, the words' options). */
    public static final int MAX_FPS = 120;
    /** The fastest camera: 10,000 frames a second, the physics' own limit of steps. */
    public static final int MAX_CAPTURE_FPS = 10_000;

    /** As the canonical constructor, in real time (captureFps = fps). */
    public Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity, LocalTime time,
                 Environment environment, Camera camera, List<SceneObject> objects, CameraMove cameraMove, TimeLapse timeLapse,
                 List<Joint> joints, List<Shot> shots, List<Liquid> liquids) {
        this(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects, cameraMove, timeLapse,
                joints, shots, liquids, 0);
    }

    public Scene {
        SceneException.check(Double.isFinite(seconds) && seconds > 0 && seconds <= MAX_SECONDS, "/seconds",
                "expected a length in seconds greater than 0 and at most " + (int) MAX_SECONDS);
        // (a film plays at most MAX_FPS; a slow-motion film's capture, played in real time, at its camera's rate)
        SceneException.check(fps >= 1 && (fps <= MAX_FPS || fps == captureFps && fps <= MAX_CAPTURE_FPS), "/fps",
                "expected a whole number of frames per second in [1, " + MAX_FPS + "]");
        checkSide(width, "width");
        checkSide(height, "height");
        if (captureFps == 0) captureFps = fps;
        SceneException.check(captureFps >= fps && captureFps <= MAX_CAPTURE_FPS, "/captureFps",
                "expected the frames taken per second of the world, from fps (" + fps + ", real time) to " + MAX_CAPTURE_FPS
                        + " (slow motion)");
        if (physicsRate == 0) physicsRate = defaultPhysicsRate(captureFps);
        String per = captureFps == fps ? "fps (" + fps + ")" : "captureFps (" + captureFps + ")";
        SceneException.check(physicsRate >= captureFps && physicsRate <= 10_000 && physicsRate % captureFps == 0, "/physicsRate",
                "expected a whole multiple of " + per + " between it and 10000 steps per second");
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
                SceneException.check(o.fitsIn(r),
                        "/objects/" + i + "/position", "expected the object to lie inside the room (" + r.x() + " x "
                                + r.y() + " x " + r.z() + " m)");
            }
        }
        // the world's events happen within the seconds of the world the film shows
        double world = worldSeconds(seconds, fps, captureFps);
        String end = "expected a time before the end of the film (" + world + " s" + (captureFps == fps ? ")" : " of the world)");
        for (int i = 0; i < objects.size(); i++) {
            SceneException.check(objects.get(i).enters() < world, "/objects/" + i + "/enters", end);
        }
        shots = shots == null ? List.of() : List.copyOf(shots);
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            String at = "/shots/" + i;
            SceneException.check(shot != null, at, "expected a shot");
            SceneException.check(i > 0 || shot.start() == 0, at + "/start", "expected the first shot to start at 0");
            SceneException.check(i == 0 || shot.start() > shots.get(i - 1).start(), at + "/start",
                    "expected a start after the previous shot's (" + (i == 0 ? 0 : shots.get(i - 1).start()) + " s)");
            SceneException.check(shot.start() < seconds, at + "/start",
                    "expected a start before the end of the film (" + seconds + " s)");
            try {
                checkMove(shot.move(), shot.camera(), objects);
            } catch (SceneException e) {
                throw e.under(at);
            }
        }
        if (!shots.isEmpty()) {
            camera = shots.getFirst().camera();
            cameraMove = shots.getFirst().move();
        }
        if (camera == null) camera = Camera.framing(objects, (double) width / height);
        checkMove(cameraMove, camera, objects);
        joints = joints == null ? List.of() : List.copyOf(joints);
        checkJoints(joints, objects);
        liquids = liquids == null ? List.of() : List.copyOf(liquids);
        Set<String> liquidIds = new HashSet<>();
        long particles = 0;
        for (int i = 0; i < liquids.size(); i++) {
            Liquid l = liquids.get(i);
            SceneException.check(l != null, "/liquids/" + i, "expected a liquid");
            SceneException.check(liquidIds.add(l.id()), "/liquids/" + i + "/id",
                    "expected a unique id, \"" + l.id() + "\" is used twice");
            SceneException.check(l.pour() == null || l.pour().start() < world, "/liquids/" + i + "/pour/start",
                    end.replace("a time", "the pour to start"));
            particles += l.particles();
            if (l.in() != null) {
                SceneObject holder = null;
                for (SceneObject o : objects) if (o.id().equals(l.in())) holder = o;
                SceneException.check(holder != null && holder.shape().hollow(), "/liquids/" + i + "/in",
                        "expected the id of a hollow object (a tank, cup, bowl, bottle or jug), found \"" + l.in() + "\"");
                SceneException.check(l.level() <= Solids.cavityDepth(holder.shape(), holder.size()) + 1e-9, "/liquids/" + i + "/level",
                        "expected a depth of at most " + Math.floor(Solids.cavityDepth(holder.shape(), holder.size()) * 1000) / 1000
                                + " m, the inside of " + holder.id() + " up to its rim");
                Vec3 s = holder.size();
                particles += (long) Math.ceil(s.x() * s.z() * l.level() / Math.pow(l.spacing(), 3));
            }
        }
        SceneException.check(particles <= Liquid.MAX_PARTICLES, "/liquids", "expected at most " + Liquid.MAX_PARTICLES
                + " particles in all; the liquids need about " + particles + " (a larger spacing or less liquid)");
    }

    /** Every field but the liquids: a scene without liquid. */
    public Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                 LocalTime time, Environment environment, Camera camera, List<SceneObject> objects,
                 CameraMove cameraMove, TimeLapse timeLapse, List<Joint> joints, List<Shot> shots) {
        this(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects, cameraMove,
                timeLapse, joints, shots, List.of());
    }

    /** One shot, no joints: the scene as it was before storyboards, pivots and hinges. */
    public Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                 LocalTime time, Environment environment, Camera camera, List<SceneObject> objects,
                 CameraMove cameraMove, TimeLapse timeLapse) {
        this(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects, cameraMove,
                timeLapse, List.of(), List.of());
    }

    /** One shot: the scene as it was before storyboards. */
    public Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                 LocalTime time, Environment environment, Camera camera, List<SceneObject> objects,
                 CameraMove cameraMove, TimeLapse timeLapse, List<Joint> joints) {
        this(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects, cameraMove,
                timeLapse, joints, List.of());
    }

    private static void checkJoints(List<Joint> joints, List<SceneObject> objects) {
        for (int j = 0; j < joints.size(); j++) {
            Joint joint = joints.get(j);
            String at = "/joints/" + j;
            SceneObject a = null, b = null;
            for (SceneObject o : objects) {
                if (o.id().equals(joint.a())) a = o;
                if (o.id().equals(joint.b())) b = o;
            }
            SceneException.check(a != null, at + "/a", "expected the id of one of the objects, found \"" + joint.a() + "\"");
            SceneException.check(joint.b() == null || b != null, at + "/b",
                    "expected the id of one of the objects (or no \"b\": the world), found \"" + joint.b() + "\"");
            SceneException.check(!a.fixed() || (b != null && !b.fixed()), at,
                    "expected a joint that holds at least one object that is not fixed");
        }
    }
    /** A still camera and a clock that stands still: the scene as it was before moves and time-lapses. */
    public Scene(long seed, double seconds, int fps, int width, int height, int physicsRate, double gravity,
                 LocalTime time, Environment environment, Camera camera, List<SceneObject> objects) {
        this(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects, null, null);
    }

    private static void checkMove(CameraMove move, Camera camera, List<SceneObject> objects) {
        String at = "/camera/move";
        switch (move) {
            case null -> { }
            case CameraMove.Track k -> SceneException.check(objects.stream().anyMatch(o -> o.id().equals(k.target())),
                    at + "/target", "expected the id of one of the objects, found \"" + k.target() + "\"");
            case CameraMove.Dolly d -> {
                double reach = camera.lookAt().minus(camera.position()).length();
                SceneException.check(d.distance() < reach - 0.05, at + "/distance",
                        "expected a dolly in of less than " + Math.floor((reach - 0.05) * 100) / 100
                                + " m, the distance from the eye to the point it looks at");
            }
            case CameraMove.Tilt t -> {
                double end = CameraPath.pitch(camera.lookAt().minus(camera.position())) + t.degrees();
                SceneException.check(Math.abs(end) < 89.9, at + "/degrees",
                        "expected a tilt that ends short of straight up or down (the camera would end "
                                + Math.round(end) + " degrees above the horizon)");
            }
            default -> { }
        }
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

    /** The sun as seen from the scene's place, date and time, at the start of the film. */
    public SolarPosition sun() {
        return sunAt(0);
    }

    /** The sun at film time {@code t} seconds: it moves only in a time-lapse. */
    public SolarPosition sunAt(double t) {
        return SolarPosition.at(environment.latitude(), environment.longitude(), environment.date(), clockAt(t),
                environment.utcOffset());
    }

    /**
     * The local clock at film time {@code t}, in minutes after midnight of the scene's date (1440 and
     * more on the next day): {@code time}, advanced evenly over the film in a time-lapse.
     */
    public double clockAt(double t) {
        double start = time.toSecondOfDay() / 60.0;
        return timeLapse == null ? start : start + timeLapse.hours() * 60 * t / seconds;
    }

    /** The camera at film time {@code t}; a tracking camera as if its target had not moved (see {@link #cameraAt(Keyframe)}). */
    public Camera cameraAt(double t) {
        if (!shots.isEmpty()) {
            int i = shotAt(t);
            Shot shot = shots.get(i);
            return CameraPath.at(shot.camera(), shot.move(), (t - shot.start()) / shotLength(i), Vec3.ZERO);
        }
        return CameraPath.at(camera, cameraMove, t / seconds, Vec3.ZERO);
    }

    /** The index of the shot in force at film time {@code t} (0 without shots). */
    public int shotAt(double t) {
        int i = 0;
        while (i + 1 < shots.size() && shots.get(i + 1).start() <= t + 1e-9) i++;
        return i;
    }

    /** Length of shot {@code i}, s: to the next shot's start or the end of the film. */
    public double shotLength(int i) {
        if (shots.isEmpty()) return seconds;
        return (i + 1 < shots.size() ? shots.get(i + 1).start() : seconds) - shots.get(i).start();
    }

    /** The camera at a keyframe's time, following a tracked object to where the keyframe has it. */
    public Camera cameraAt(Keyframe k) {
        Camera cam = camera;
        CameraMove move = cameraMove;
        double f = k.t() / seconds;
        if (!shots.isEmpty()) {
            int s = shotAt(k.t());
            cam = shots.get(s).camera();
            move = shots.get(s).move();
            f = (k.t() - shots.get(s).start()) / shotLength(s);
        }
        Vec3 shift = Vec3.ZERO;
        if (move instanceof CameraMove.Track track) {
            int i = indexOf(track.target());
            if (i >= 0 && i < k.poses().size()) shift = k.poses().get(i).position().minus(objects.get(i).position());
        }
        return CameraPath.at(cam, move, f, shift);
    }

    /** True when every frame is seen from the same camera under the same sun. */
    public boolean stillCameraAndLight() {
        return cameraMove == null && timeLapse == null && shots.size() <= 1;
    }

    public Scene withSeed(long s) {
        return new Scene(s, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects,
                cameraMove, timeLapse, joints, shots, liquids, captureFps);
    }

    /**
     * The same world filmed for another length, frame rate or picture size. The camera is kept as
     * the scene has it (a camera someone chose is not re-framed); its field of view is horizontal,
     * so a narrower picture shows more above and below.
     */
    public Scene withTiming(double secs, int framesPerSecond, int w, int h) {
        // In real time it stays real time; a slow-motion camera keeps its rate while the film's is below it.
        int capture = captureFps == fps || captureFps < framesPerSecond ? framesPerSecond : captureFps;
        boolean keepRate = physicsRate % capture == 0;
        // A shorter film keeps the shots that still start within it.
        List<Shot> kept = shots.stream().filter(s -> s.start() < secs).toList();
        return new Scene(seed, secs, framesPerSecond, w, h, keepRate ? physicsRate : 0, gravity, time, environment,
                camera, objects, cameraMove, timeLapse, joints, kept, liquids, capture);
    }

    /** How many times slower than real time the film shows the world: captureFps / fps (1: real time). */
    public double slowMotion() { return (double) captureFps / fps; }

    /** Seconds of the world the film shows: {@code seconds} in real time, seconds / {@link #slowMotion()} in slow motion. */
    public double worldSeconds() { return worldSeconds(seconds, fps, captureFps); }

    private static double worldSeconds(double seconds, int fps, int captureFps) {
        return captureFps == fps || captureFps == 0 ? seconds : seconds * fps / captureFps;
    }

    /**
     * The scene as its camera takes it, in real time: {@link #worldSeconds()} of the world at
     * captureFps frames a second, the same number of frames as the film, each the film's frame of
     * the same index; a storyboard's shots start at their world times. This scene itself when it is
     * real time. The simulation, the picture and the sound (before it is slowed) are made from it.
     */
    public Scene capture() {
        if (captureFps == fps) return this;
        double k = slowMotion();
        List<Shot> worldShots = shots.stream().map(s -> new Shot(s.start() / k, s.camera(), s.move())).toList();
        return new Scene(seed, worldSeconds(), captureFps, width, height, physicsRate, gravity, time, environment, camera,
                objects, cameraMove, timeLapse, joints, worldShots, liquids, captureFps);
    }

    /**
     * The same scene with other objects, framed anew by one camera (a storyboard's shots are not
     * kept); joints whose objects are gone go with them.
     */
    public Scene withObjects(List<SceneObject> objs) {
        Set<String> kept = new HashSet<>();
        for (SceneObject o : objs) kept.add(o.id());
        List<Joint> js = joints.stream()
                .filter(j -> kept.contains(j.a()) && (j.b() == null || kept.contains(j.b()))).toList();
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, null, objs,
                cameraMove instanceof CameraMove.Track k && objs.stream().noneMatch(o -> o.id().equals(k.target()))
                        ? null : cameraMove, timeLapse, js, List.of(), liquids, captureFps);
    }

    /** The same scene in another environment (place, floor, room, sky); everything else kept. */
    public Scene withEnvironment(Environment env) {
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, env, camera, objects,
                cameraMove, timeLapse, joints, shots, liquids, captureFps);
    }

    /** The same scene with other joints (null or empty: none). */
    public Scene withJoints(List<Joint> js) {
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects,
                cameraMove, timeLapse, js, shots, liquids, captureFps);
    }

    /** The same scene with another camera move (null: still) and time-lapse (null: none), as one shot. */
    public Scene withDirection(Camera cam, CameraMove move, TimeLapse lapse) {
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, cam, objects,
                move, lapse, joints, List.of(), liquids, captureFps);
    }

    /** The same scene with other liquids (null or empty: none). */
    public Scene withLiquids(List<Liquid> ls) {
        return new Scene(seed, seconds, fps, width, height, physicsRate, gravity, time, environment, camera, objects,
                cameraMove, timeLapse, joints, shots, ls, captureFps);
    }

    public Liquid liquid(String id) {
        for (Liquid l : liquids) if (l.id().equals(id)) return l;
        return null;
    }
}
