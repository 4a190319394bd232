package dev.diorama.sim;

import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.collision.ManifoldPoints;
import com.jme3.bullet.collision.PersistentManifolds;
import com.jme3.bullet.collision.shapes.BoxCollisionShape;
import com.jme3.bullet.collision.shapes.CollisionShape;
import com.jme3.bullet.collision.shapes.CylinderCollisionShape;
import com.jme3.bullet.collision.shapes.PlaneCollisionShape;
import com.jme3.bullet.collision.shapes.SphereCollisionShape;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Plane;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * Runs a scene's rigid bodies through Bullet and returns the {@link dev.diorama.scene.Timeline}: one
 * keyframe per film frame and the contact events.
 *
 * <p>Time base: the step is {@code 1 / scene.physicsRate()}, a whole fraction of the frame time
 * (the scene checks that), so every frame boundary falls on a step boundary and no pose is
 * interpolated. Each step is a single fixed Bullet step (no internal sub-stepping).
 *
 * <p>Restitution: with Bullet's defaults the rebound height depends on the step rate, because
 * penetration recovery adds velocity and contacts inside the margin are solved before touching.
 * Contact processing threshold 0 on every body and split impulse for all penetrations
 * ({@code splitImpulseThreshold = 0}) make a ball of pair restitution e rebound to e²·h.
 *
 * <p>Events are pulled after each step from Bullet's contact manifolds, never from callbacks inside
 * the solver. A pair of bodies that receives a normal impulse in a step, and did not in the step
 * before, is a new impact. Bullet detects contacts on the positions at the start of the step, so
 * the moment of touching lies in the previous step: it is recovered from the penetration depth d
 * and the closing speed v before the step as {@code t = tStep - d / v}, clamped to the step.
 *
 * <p>Contact frames: a film frame samples the world at {@code i / fps}, so a ball that hits the
 * floor between two samples would never be seen touching it (at 4 m/s it moves 17 cm per frame at
 * 24 fps). Like a shutter that catches the instant, the keyframe of the frame interval that contains
 * an impact shows each object of that impact at the moment of contact (its first impact in that
 * interval), and the pose records that moment in {@link Pose#sampledAt()}. Every other pose is the
 * state at the frame's own time.
 */
public final class Simulator {
    /** Closing speeds below this (m/s) are resting contact, not an impact. */
    public static final double MIN_IMPACT_SPEED = 0.05;
    private static final int FLOOR = -1;
    private static final int WALL = -2;

    private Simulator() {}

    public static dev.diorama.scene.Timeline run(Scene scene) {
        return run(scene, p -> { });
    }

    /**
     * Simulates the whole film.
     *
     * @param progress receives the fraction done, in [0, 1], after each frame
     */
    public static dev.diorama.scene.Timeline run(Scene scene, DoubleConsumer progress) {
        return run(scene, progress, end -> { });
    }

    /**
     * The state of every body after the last step (the state of the last keyframe, before any
     * contact-frame adjustment): poses, linear and angular velocities in scene order, m/s and rad/s.
     */
    public record End(List<Pose> poses, List<Vec3> velocities, List<Vec3> angularVelocities) {}

    /** As {@link #run(Scene, DoubleConsumer)}, and hands {@code end} the final velocities. */
    public static dev.diorama.scene.Timeline run(Scene scene, DoubleConsumer progress,
                                                 java.util.function.Consumer<End> end) {
        BulletNatives.load();
        float dt = 1f / scene.physicsRate();
        PhysicsSpace space = new PhysicsSpace(PhysicsSpace.BroadphaseType.DBVT);
        try {
            space.setGravity(new Vector3f(0, (float) -scene.gravity(), 0));
            space.setAccuracy(dt);
            space.getSolverInfo().setSplitImpulseEnabled(true);
            space.getSolverInfo().setSplitImpulseThreshold(0);

            Map<Long, Integer> owner = new HashMap<>();
            Material floor = scene.environment().floor();
            PhysicsRigidBody ground = staticPlane(new Vector3f(0, 1, 0), 0, floor);
            space.addCollisionObject(ground);
            owner.put(ground.nativeId(), FLOOR);
            Room room = scene.environment().room();
            if (room != null) {
                Vec3 s = room.size();
                float hx = (float) (s.x() / 2), hz = (float) (s.z() / 2);
                PhysicsRigidBody[] walls = {
                    staticPlane(new Vector3f(1, 0, 0), -hx, room.walls()),
                    staticPlane(new Vector3f(-1, 0, 0), -hx, room.walls()),
                    staticPlane(new Vector3f(0, 0, 1), -hz, room.walls()),
                    staticPlane(new Vector3f(0, 0, -1), -hz, room.walls()),
                    staticPlane(new Vector3f(0, -1, 0), (float) -s.y(), room.ceiling()),
                };
                for (PhysicsRigidBody w : walls) {
                    space.addCollisionObject(w);
                    owner.put(w.nativeId(), WALL);
                }
            }

            List<SceneObject> objects = scene.objects();
            PhysicsRigidBody[] bodies = new PhysicsRigidBody[objects.size()];
            // An object that enters later (a storyboard's next shot) joins the world at the first step
            // at or after its entry time; until then it is neither moved nor touched.
            boolean[] inWorld = new boolean[objects.size()];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = body(objects.get(i));
                owner.put(bodies[i].nativeId(), i);
                if (objects.get(i).enters() <= 0) {
                    space.addCollisionObject(bodies[i]);
                    inWorld[i] = true;
                }
            }

            int frames = scene.frameCount();
            int stepsPerFrame = scene.stepsPerFrame();
            List<Keyframe> keyframes = new ArrayList<>(frames);
            List<ContactEvent> events = new ArrayList<>();
            keyframes.add(keyframe(0, 0, bodies));
            Set<Long> touching = new HashSet<>();
            Vector3f[] linVel = new Vector3f[bodies.length];
            Vector3f[] angVel = new Vector3f[bodies.length];
            Vector3f[] centre = new Vector3f[bodies.length];
            Quaternion[] rotation = new Quaternion[bodies.length];
            for (int i = 0; i < bodies.length; i++) {
                linVel[i] = new Vector3f();
                angVel[i] = new Vector3f();
                centre[i] = new Vector3f();
                rotation[i] = new Quaternion();
            }
            long step = 0;
            for (int f = 1; f < frames; f++) {
                for (int s = 0; s < stepsPerFrame; s++, step++) {
                    double now = (double) step / scene.physicsRate();
                    for (int i = 0; i < bodies.length; i++) {
                        if (!inWorld[i] && objects.get(i).enters() <= now + 1e-9) {
                            space.addCollisionObject(bodies[i]);
                            inWorld[i] = true;
                        }
                    }
                    for (int i = 0; i < bodies.length; i++) {
                        bodies[i].getLinearVelocity(linVel[i]);
                        bodies[i].getAngularVelocity(angVel[i]);
                        bodies[i].getPhysicsLocation(centre[i]);
                        bodies[i].getPhysicsRotation(rotation[i]);
                    }
                    int eventsBefore = events.size();
                    space.update(dt, 0);
                    double tStep = (double) step / scene.physicsRate();
                    touching = pullContacts(space, owner, scene, tStep, 1.0 / scene.physicsRate(), linVel, angVel,
                            centre, touching, events);
                    for (int e = eventsBefore; e < events.size(); e++) {
                        showContact(scene, events.get(e), tStep, keyframes, linVel, angVel, centre, rotation);
                    }
                }
                keyframes.add(keyframe(f, (double) f / scene.fps(), bodies));
                progress.accept((double) f / Math.max(1, frames - 1));
            }
            List<Vec3> lin = new ArrayList<>(bodies.length), ang = new ArrayList<>(bodies.length);
            Vector3f v = new Vector3f();
            for (PhysicsRigidBody b : bodies) {
                b.getLinearVelocity(v);
                lin.add(new Vec3(v.x, v.y, v.z));
                b.getAngularVelocity(v);
                ang.add(new Vec3(v.x, v.y, v.z));
            }
            end.accept(new End(keyframe(frames - 1, (double) (frames - 1) / scene.fps(), bodies).poses(),
                    List.copyOf(lin), List.copyOf(ang)));
            return new dev.diorama.scene.Timeline(keyframes, events);
        } finally {
            space.destroy();
        }
    }

    private static Set<Long> pullContacts(PhysicsSpace space, Map<Long, Integer> owner, Scene scene, double tStep,
                                          double dt, Vector3f[] linVel, Vector3f[] angVel, Vector3f[] centre,
                                          Set<Long> touchedBefore, List<ContactEvent> events) {
        Set<Long> touchedNow = new HashSet<>();
        Vector3f normal = new Vector3f();
        Vector3f onA = new Vector3f();
        Vector3f onB = new Vector3f();
        for (long manifold : space.listManifoldIds()) {
            Integer ia = owner.get(PersistentManifolds.getBodyAId(manifold));
            Integer ib = owner.get(PersistentManifolds.getBodyBId(manifold));
            if (ia == null || ib == null) continue;
            int n = PersistentManifolds.countPoints(manifold);
            double impulse = 0;
            double bestSpeed = 0;
            double bestDepth = 0;
            Vec3 point = null;
            for (int p = 0; p < n; p++) {
                long pt = PersistentManifolds.getPointId(manifold, p);
                float applied = ManifoldPoints.getAppliedImpulse(pt);
                if (applied <= 0) continue;
                impulse += applied;
                ManifoldPoints.getNormalWorldOnB(pt, normal);
                ManifoldPoints.getPositionWorldOnA(pt, onA);
                ManifoldPoints.getPositionWorldOnB(pt, onB);
                Vec3 at = new Vec3((onA.x + onB.x) / 2, (onA.y + onB.y) / 2, (onA.z + onB.z) / 2);
                // Closing speed before the step: the normal points from B to A.
                Vec3 va = pointVelocity(ia, at, linVel, angVel, centre);
                Vec3 vb = pointVelocity(ib, at, linVel, angVel, centre);
                double closing = -(va.minus(vb)).dot(new Vec3(normal.x, normal.y, normal.z));
                if (closing > bestSpeed || point == null) {
                    bestSpeed = Math.max(closing, bestSpeed);
                    bestDepth = ManifoldPoints.getDistance1(pt);
                    point = at;
                }
            }
            if (impulse <= 0) continue;
            long key = pairKey(ia, ib);
            touchedNow.add(key);
            if (touchedBefore.contains(key) || bestSpeed < MIN_IMPACT_SPEED) continue;
            double depth = Math.min(0, bestDepth);
            double t = tStep + Math.max(-dt, depth / bestSpeed);
            // a is always a scene object; b is the other object (the later one) or the floor or a wall.
            int first = ia >= 0 && ib >= 0 ? Math.min(ia, ib) : Math.max(ia, ib);
            int second = first == ia ? ib : ia;
            events.add(new ContactEvent(Math.max(0, t), ContactEvent.IMPACT, id(scene, first), id(scene, second),
                    bestSpeed, impulse, point));
        }
        events.sort((x, y) -> Double.compare(x.t(), y.t()));
        return touchedNow;
    }

    /** Puts the bodies of an impact, as they were at its instant, into the keyframe of its frame. */
    private static void showContact(Scene scene, ContactEvent e, double tStep, List<Keyframe> keyframes,
                                    Vector3f[] linVel, Vector3f[] angVel, Vector3f[] centre, Quaternion[] rotation) {
        int frame = (int) Math.floor(e.t() * scene.fps() + 1e-9);
        if (frame >= keyframes.size()) return;
        Keyframe k = keyframes.get(frame);
        List<Pose> poses = new ArrayList<>(k.poses());
        boolean changed = false;
        for (String id : new String[] {e.a(), e.b()}) {
            int i = scene.indexOf(id);
            if (i < 0 || !Double.isNaN(poses.get(i).sampledAt())) continue;
            double back = e.t() - tStep;   // <= 0: from the start of the step back to the touch
            Vector3f c = centre[i], v = linVel[i], w = angVel[i];
            Vec3 p = new Vec3(c.x + v.x * back, c.y + v.y * back, c.z + v.z * back);
            Vec3 axis = new Vec3(w.x, w.y, w.z);
            double angle = axis.length() * back;
            Quaternion r = rotation[i];
            Quat q = new Quat(r.getX(), r.getY(), r.getZ(), r.getW());
            if (axis.length() > 0) q = Quat.axisAngle(axis, angle).times(q);
            poses.set(i, new Pose(p, q.normalized(), e.t()));
            changed = true;
        }
        if (changed) keyframes.set(frame, new Keyframe(k.index(), k.t(), poses));
    }

    private static Vec3 pointVelocity(int body, Vec3 at, Vector3f[] linVel, Vector3f[] angVel, Vector3f[] centre) {
        if (body < 0) return Vec3.ZERO;
        Vector3f v = linVel[body], w = angVel[body], c = centre[body];
        Vec3 r = at.minus(new Vec3(c.x, c.y, c.z));
        Vec3 wr = new Vec3(w.x, w.y, w.z).cross(r);
        return new Vec3(v.x + wr.x(), v.y + wr.y(), v.z + wr.z());
    }

    private static long pairKey(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return ((long) lo << 32) ^ (hi & 0xffffffffL);
    }

    private static String id(Scene scene, int index) {
        return switch (index) {
            case FLOOR -> Scene.FLOOR_ID;
            case WALL -> Scene.WALL_ID;
            default -> scene.objects().get(index).id();
        };
    }

    private static Keyframe keyframe(int index, double t, PhysicsRigidBody[] bodies) {
        List<Pose> poses = new ArrayList<>(bodies.length);
        Vector3f p = new Vector3f();
        Quaternion q = new Quaternion();
        for (PhysicsRigidBody b : bodies) {
            b.getPhysicsLocation(p);
            b.getPhysicsRotation(q);
            poses.add(new Pose(new Vec3(p.x, p.y, p.z), new Quat(q.getX(), q.getY(), q.getZ(), q.getW()).normalized()));
        }
        return new Keyframe(index, t, poses);
    }

    private static PhysicsRigidBody staticPlane(Vector3f normal, float constant, Material m) {
        PhysicsRigidBody b = new PhysicsRigidBody(new PlaneCollisionShape(new Plane(normal, constant)), 0f);
        b.setRestitution((float) m.restitution);
        b.setFriction((float) m.friction);
        b.setContactProcessingThreshold(0);
        return b;
    }

    private static PhysicsRigidBody body(SceneObject o) {
        Vec3 s = o.size();
        Vector3f half = new Vector3f((float) s.x() / 2, (float) s.y() / 2, (float) s.z() / 2);
        float minHalf = Math.min(half.x, Math.min(half.y, half.z));
        CollisionShape shape = switch (o.shape()) {
            case BALL -> new SphereCollisionShape(half.x);
            case CUBE, PLANK -> new BoxCollisionShape(half);
            case CYLINDER -> new CylinderCollisionShape(half, PhysicsSpace.AXIS_Y);
        };
        if (!(shape instanceof SphereCollisionShape)) {
            // Bullet's default margin (4 cm) would round off a 10 cm block; keep it a small part of the shape.
            shape.setMargin(Math.min(0.04f, 0.1f * minHalf));
        }
        PhysicsRigidBody b = new PhysicsRigidBody(shape, (float) o.mass());
        b.setPhysicsLocation(new Vector3f((float) o.position().x(), (float) o.position().y(), (float) o.position().z()));
        Quat r = o.rotation();
        b.setPhysicsRotation(new Quaternion((float) r.x(), (float) r.y(), (float) r.z(), (float) r.w()));
        b.setLinearVelocity(new Vector3f((float) o.velocity().x(), (float) o.velocity().y(), (float) o.velocity().z()));
        b.setRestitution((float) o.material().restitution);
        b.setFriction((float) o.material().friction);
        // A little rolling resistance so a ball on a floor comes to rest as real ones do.
        b.setRollingFriction(o.shape() == dev.diorama.scene.Shape.BALL ? 0.002f : 0f);
        b.setContactProcessingThreshold(0);
        return b;
    }
}
