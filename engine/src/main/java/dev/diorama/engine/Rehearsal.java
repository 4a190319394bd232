package dev.diorama.engine;

import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Camera;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import dev.diorama.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rehearsal before the take: where the words left the camera to Diorama ({@link
 * PromptParser.Parse#defaultFraming()}), the scene is simulated once and the camera stands back, if it
 * must, so that what moves stays in the picture all through the film, not only where it starts and
 * where the parser guessed it would land. A ball that rolls off a ramp and across the floor is then
 * still in the picture when it stops.
 *
 * <p>The camera keeps its direction and its lens, and moves back along its line of sight (so whatever
 * it saw it still sees; with no fixed prop in the scene its target may also slide sideways to the
 * middle of the action) until every moving object, at every frame, is inside the picture with a
 * margin ({@link #MARGIN}), but no further than
 * {@link #MAX_PULL} times its first distance (a ball rolling 8 m away would otherwise shrink the
 * rest to dots). Indoors it stays inside the room. Where that is not enough, the camera keeps its
 * place in the composition and follows the object that travels furthest (a tracking shot, {@link
 * CameraMove.Track}): the ball that rolled off the ramp stays in the picture, the ramp is left
 * behind. A camera that already holds everything is left as it is. The simulation is deterministic,
 * so the rehearsal is too.
 */
public final class Rehearsal {
    /** The share of the picture's half-width (and half-height) kept clear at its edges. */
    static final double MARGIN = 0.05;
    /** The furthest the camera moves back, as a multiple of its distance to its target. */
    static final double MAX_PULL = 2;
    /** The least an object must travel over the ground, m, for the camera to follow it. */
    static final double MIN_TRAVEL = 0.5;

    private Rehearsal() {}

    /**
     * A distance for a note: "0.4 m", under 10 cm in centimetres ("4 cm"; the knocked-over glass's
     * camera was said to move back "0.0 m"), under half a centimetre "less than 1 cm".
     */
    static String distance(double metres) {
        if (metres < 0.005) return "less than 1 cm";
        return metres < 0.1 ? String.format(Locale.ROOT, "%.0f cm", 100 * metres) : String.format(Locale.ROOT, "%.1f m", metres);
    }

    /** The parse with its camera fitted to the rehearsed action (and a note saying so); the parse itself if nothing changed. */
    public static PromptParser.Parse frame(PromptParser.Parse parse) {
        Scene scene = parse.scene();
        if (scene.shots().size() > 1 && parse.defaultShots().contains(true)) return frameShots(parse);
        if (!parse.defaultFraming()) return parse;
        if (scene.cameraMove() != null || scene.shots().size() > 1) return parse;
        Timeline timeline = Simulator.run(dry(scene));
        Camera fitted = fit(scene.camera(), scene, timeline, 0, Double.POSITIVE_INFINITY);
        if (scene.camera().equals(fitted)) return parse;
        List<String> notes = new ArrayList<>(parse.notes());
        Scene directed;
        if (fitted != null) {
            double back = fitted.position().minus(fitted.lookAt()).length()
                    - scene.camera().position().minus(scene.camera().lookAt()).length();
            notes.add("the camera stands " + distance(back) + " further back to keep what moves in the picture"
                    + " (a rehearsal of the scene)");
            directed = scene.withDirection(fitted, null, scene.timeLapse());
        } else {
            double[] travel = new double[1];
            int far = farthest(scene, timeline, travel);
            SceneObject o = scene.objects().get(far);
            // Nothing went far: what the camera misses it missed from the start (the parser's choice).
            if (travel[0] < MIN_TRAVEL) return parse;
            notes.add(String.format(Locale.ROOT, "the camera follows the %s, which goes %.1f m from where it starts, too"
                    + " far for one still picture (a rehearsal of the scene)", o.id(), travel[0]));
            directed = scene.withDirection(scene.camera(), new CameraMove.Track(o.id()), scene.timeLapse());
        }
        return new PromptParser.Parse(directed, parse.ignoredWords(), notes, true);
    }

    /**
     * The scene the rehearsal simulates: without its liquids, which cost most of a wet film's
     * simulation and barely move the framing (what holds them — a tank, a glass — is an object and
     * is framed; a body that would float rehearses sinking to the holder's floor, inside it).
     */
    static Scene dry(Scene scene) {
        return scene.liquids().isEmpty() ? scene : scene.withLiquids(List.of());
    }

    /**
     * A storyboard: each shot the words left to Diorama is rehearsed over its own stretch of the film,
     * as a single shot is over the whole ({@link #fit}); a shot that cannot hold what moves follows
     * what goes furthest in it, from the place the parser gave the camera at the shot's start.
     */
    private static PromptParser.Parse frameShots(PromptParser.Parse parse) {
        Scene scene = parse.scene();
        Timeline timeline = Simulator.run(dry(scene));
        // the keyframes' times are the world's (slow motion shows them slower): the shots' stretches of it
        Scene world = scene.capture();
        List<String> notes = new ArrayList<>(parse.notes());
        List<dev.diorama.scene.Shot> shots = new ArrayList<>(scene.shots());
        boolean changed = false;
        for (int k = 0; k < shots.size() && k < parse.defaultShots().size(); k++) {
            dev.diorama.scene.Shot shot = shots.get(k);
            if (!parse.defaultShots().get(k) || shot.move() != null) continue;
            double from = world.shots().get(k).start(), to = from + world.shotLength(k);
            Camera fitted = fit(shot.camera(), world, timeline, from, to);
            if (shot.camera().equals(fitted)) continue;
            if (fitted != null) {
                double back = fitted.position().minus(fitted.lookAt()).length()
                        - shot.camera().position().minus(shot.camera().lookAt()).length();
                notes.add("shot " + (k + 1) + ": the camera stands " + distance(back) + " further back to keep what moves in"
                        + " the picture (a rehearsal of the scene)");
                shots.set(k, new dev.diorama.scene.Shot(shot.start(), fitted, null));
            } else {
                double[] travel = new double[1];
                int far = farthest(world, timeline, from, to, travel);
                if (travel[0] < MIN_TRAVEL) continue;
                // A followed object moves the camera by its displacement since the film's start: the
                // shot's camera is set back by what it had moved by the shot's start.
                Vec3 before = poseAt(world, timeline, far, from).minus(scene.objects().get(far).position());
                Camera c = shot.camera();
                Camera start = new Camera(c.position().minus(new Vec3(before.x(), 0, before.z())), c.lookAt().minus(before), c.fov());
                notes.add(String.format(Locale.ROOT, "shot %d: the camera follows the %s, which goes %.1f m in it"
                        + " (a rehearsal of the scene)", k + 1, scene.objects().get(far).id(), travel[0]));
                shots.set(k, new dev.diorama.scene.Shot(shot.start(), start, new CameraMove.Track(scene.objects().get(far).id())));
            }
            changed = true;
        }
        if (!changed) return parse;
        Scene directed = new Scene(scene.seed(), scene.seconds(), scene.fps(), scene.width(), scene.height(),
                scene.physicsRate(), scene.gravity(), scene.time(), scene.environment(), scene.camera(), scene.objects(),
                scene.cameraMove(), scene.timeLapse(), scene.joints(), shots, scene.liquids(), scene.captureFps());
        return new PromptParser.Parse(directed, parse.ignoredWords(), notes, parse.defaultFraming(), parse.defaultShots());
    }

    /** Object i's position at the keyframe nearest film time t (keyframe k is at k / fps). */
    private static Vec3 poseAt(Scene scene, Timeline timeline, int i, double t) {
        int k = (int) Math.min(timeline.frames().size() - 1, Math.max(0, Math.round(t * scene.fps())));
        return timeline.frames().get(k).poses().get(i).position();
    }

    /** As {@link #farthest(Scene, Timeline, double, double, double[])} over the whole film. */
    static int farthest(Scene scene, Timeline timeline, double[] travel) {
        return farthest(scene, timeline, 0, Double.POSITIVE_INFINITY, travel);
    }

    /**
     * The object whose centre gets furthest, over the ground, from where it is at time {@code from}
     * (or enters), at any frame up to {@code to} (a thrown ball that comes back still went far);
     * that distance goes into {@code travel[0]}.
     */
    static int farthest(Scene scene, Timeline timeline, double from, double to, double[] travel) {
        int best = 0;
        double most = -1;
        for (int i = 0; i < scene.objects().size(); i++) {
            Vec3 start = null;
            double h = 0;
            for (Keyframe k : timeline.frames()) {
                if (i >= k.poses().size() || k.t() < from - 1e-9 || k.t() >= to - 1e-9 || k.t() < scene.objects().get(i).enters()) continue;
                if (start == null) start = k.poses().get(i).position();
                Vec3 d = k.poses().get(i).position().minus(start);
                h = Math.max(h, Math.hypot(d.x(), d.z()));
            }
            if (h > most) {
                most = h;
                best = i;
            }
        }
        travel[0] = most;
        return best;
    }

    /**
     * Where camera {@code c} must stand to see every moving object at every keyframe of {@code
     * timeline} in [from, to) (see the class): {@code c} itself when it does, null when no pull back
     * within {@link #MAX_PULL} does.
     */
    static Camera fit(Camera c, Scene scene, Timeline timeline, double from, double to) {
        double aspect = (double) scene.width() / scene.height();
        List<double[]> points = new ArrayList<>();  // {x, y, z, radius}
        for (Keyframe k : timeline.frames()) {
            if (k.t() < from - 1e-9 || k.t() >= to - 1e-9) continue;
            for (int i = 0; i < k.poses().size() && i < scene.objects().size(); i++) {
                SceneObject o = scene.objects().get(i);
                // What stands still (a table, a ramp) the parser framed as it meant to, a close part of it perhaps.
                if (o.fixed() || k.t() < o.enters()) continue;
                Pose p = k.poses().get(i);
                points.add(new double[] {p.position().x(), p.position().y(), p.position().z(), o.boundingRadius()});
            }
        }
        if (points.isEmpty() || fits(c, aspect, points)) return c;
        Vec3 forward = c.lookAt().minus(c.position());
        double first = forward.length();
        forward = forward.times(1 / first);
        Room room = scene.environment().room();
        // Straight back first, keeping the parser's composition; with nothing fixed in the scene (no
        // prop the parser framed) the target may then slide sideways to the middle of the action:
        // every object is among the points that must fit.
        Camera back = pullBack(c.lookAt(), forward, first, c.fov(), room, aspect, points);
        if (back != null || scene.objects().stream().anyMatch(SceneObject::fixed)) return back;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minZ = minX, maxZ = maxX;
        for (double[] p : points) {
            minX = Math.min(minX, p[0] - p[3]);
            maxX = Math.max(maxX, p[0] + p[3]);
            minZ = Math.min(minZ, p[2] - p[3]);
            maxZ = Math.max(maxZ, p[2] + p[3]);
        }
        return pullBack(new Vec3((minX + maxX) / 2, c.lookAt().y(), (minZ + maxZ) / 2), forward, first, c.fov(), room,
                aspect, points);
    }

    /**
     * The shortest pull back from {@code first} to {@link #MAX_PULL} times it, looking at {@code
     * target} along {@code forward}, that holds every point; null when none does. By bisection:
     * fitting only gets easier further back (until a wall stops the camera).
     */
    private static Camera pullBack(Vec3 target, Vec3 forward, double first, double fov, Room room, double aspect,
                                   List<double[]> points) {
        double lo = first, hi = first * MAX_PULL;
        Camera best = placed(target, forward, hi, fov, room);
        if (!fits(best, aspect, points)) return null;
        for (int step = 0; step < 40; step++) {
            double mid = (lo + hi) / 2;
            Camera m = placed(target, forward, mid, fov, room);
            if (fits(m, aspect, points)) {
                hi = mid;
                best = m;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    /** A camera {@code distance} back from {@code target} along {@code forward}, kept 5 cm inside the room if there is one. */
    private static Camera placed(Vec3 target, Vec3 forward, double distance, double fov, Room room) {
        Vec3 eye = target.minus(forward.times(distance));
        if (room == null) {
            eye = new Vec3(eye.x(), Math.max(0.05, eye.y()), eye.z());  // not under the ground
        } else {
            Vec3 r = room.size();
            eye = new Vec3(Math.clamp(eye.x(), -r.x() / 2 + 0.05, r.x() / 2 - 0.05),
                    Math.clamp(eye.y(), 0.05, r.y() - 0.05), Math.clamp(eye.z(), -r.z() / 2 + 0.05, r.z() / 2 - 0.05));
        }
        // Round to the micrometre: the scene file stays readable and the same on every machine.
        eye = new Vec3(Math.round(eye.x() * 1e6) / 1e6, Math.round(eye.y() * 1e6) / 1e6, Math.round(eye.z() * 1e6) / 1e6);
        Vec3 look = new Vec3(Math.round(target.x() * 1e6) / 1e6, Math.round(target.y() * 1e6) / 1e6,
                Math.round(target.z() * 1e6) / 1e6);
        return new Camera(eye, look, fov);
    }

    /** Whether every sphere {x, y, z, radius} lies in the picture of camera {@code c}, inside the margin. */
    static boolean fits(Camera c, double aspect, List<double[]> points) {
        Vec3 f = c.lookAt().minus(c.position());
        f = f.times(1 / f.length());
        Vec3 up = new Vec3(0, 1, 0);
        Vec3 right = f.cross(up);
        if (right.length() < 1e-9) right = new Vec3(1, 0, 0);  // looking straight down or up
        right = right.times(1 / right.length());
        Vec3 u = right.cross(f);
        double tanX = Math.tan(Math.toRadians(c.fov() / 2)) * (1 - MARGIN), tanY = tanX / aspect;
        // A sphere is inside when its centre is at least its radius inside each of the four side planes.
        double cx = Math.sqrt(1 + tanX * tanX), cy = Math.sqrt(1 + tanY * tanY);
        for (double[] p : points) {
            Vec3 d = new Vec3(p[0], p[1], p[2]).minus(c.position());
            double z = d.dot(f), x = d.dot(right), y = d.dot(u);
            if (z <= p[3]) return false;
            if (Math.abs(x) > z * tanX - p[3] * cx || Math.abs(y) > z * tanY - p[3] * cy) return false;
        }
        return true;
    }
}
