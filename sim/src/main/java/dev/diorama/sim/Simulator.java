package dev.diorama.sim;

import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.collision.ManifoldPoints;
import com.jme3.bullet.collision.PersistentManifolds;
import com.jme3.bullet.collision.shapes.BoxCollisionShape;
import com.jme3.bullet.collision.shapes.CollisionShape;
import com.jme3.bullet.collision.shapes.CompoundCollisionShape;
import com.jme3.bullet.collision.shapes.ConeCollisionShape;
import com.jme3.bullet.collision.shapes.CylinderCollisionShape;
import com.jme3.bullet.collision.shapes.HullCollisionShape;
import com.jme3.bullet.joints.HingeJoint;
import com.jme3.bullet.joints.JointEnd;
import com.jme3.bullet.joints.PhysicsJoint;
import com.jme3.bullet.joints.Point2PointJoint;
import com.jme3.bullet.collision.shapes.PlaneCollisionShape;
import com.jme3.bullet.collision.shapes.SphereCollisionShape;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Plane;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import dev.diorama.assets.MeshAssets;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.ContactState;
import dev.diorama.scene.Joint;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Solids;
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
 *
 * <p>Bodies and poses: Bullet moves a body about its centre of mass, while a scene's position is
 * the centre of the object's bounding box. Every collision shape is therefore built around the
 * centre of mass (shifted by {@link SceneObject#centreOfMass()}), its principal moments of inertia
 * are set from {@link Solids#inertia} (Bullet would take those of the bounding box), and poses are
 * turned back into box centres. Fixed objects are static bodies (mass 0, like the floor): they
 * take part in contacts and events under their own id and their pose never changes.
 *
 * <p>Hollow vessels are compounds of convex pieces, {@value #SECTORS} around the axis for each
 * quad of the wall's profile, so that a ball can lie inside a bowl; a fixed vessel's or tank's
 * thin floor is thickened downwards, out of sight, so that a ball cannot sink into it
 * ({@link #MIN_FIXED_FLOOR}). Joints are Bullet
 * point-to-point (pivot) and hinge constraints between the bodies, or a body and the world.
 */
public final class Simulator {
    /** Convex pieces around the axis of a vessel's wall. */
    static final int SECTORS = 24;
    /** Solver iterations per step in a scene with joints (Bullet's default is 10). */
    static final int JOINT_ITERATIONS = 100;
    /**
     * Solver iterations per step in a scene with a stack {@value #DEEP_STACK} or more bodies deep
     * ({@link dev.diorama.scene.Stacks#depth}). With Bullet's 10, a dry wall of 13 courses of bricks fell in 3 s and a
     * column of 18 cubes of 20 cm buckled; with 100, at the 960 steps a second a tall stack's scene
     * takes (Stacks), over 3 s the wall moved 1.8 mm and the column 1.3 mm.
     */
    static final int STACK_ITERATIONS = 100, DEEP_STACK = 6;
    /** Closing speeds below this (m/s) are resting contact, not an impact. */
    public static final double MIN_IMPACT_SPEED = 0.05;
    /** A manifold point at most this far from touching (m) is a contact of this step; beyond, a leftover. */
    static final double TOUCHING = 5e-5;
    /**
     * ... and at most this much (m) less deep than the manifold's deepest point: the corners of a
     * block resting flat are all touching; a rolling ball's older points, lifted by a fraction of
     * a millimetre as it turned on, are not.
     */
    static final double TOUCHING_SPREAD = 3e-5;
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
     * contact-frame adjustment): poses, linear and angular velocities in scene order, m/s and rad/s;
     * and each liquid's particles (scene order; empty in a dry world).
     */
    public record End(List<Pose> poses, List<Vec3> velocities, List<Vec3> angularVelocities, List<LiquidState> liquids) {
        public End {
            liquids = List.copyOf(liquids);
        }
    }

    /** As {@link #run(Scene, DoubleConsumer)}, and hands {@code end} the final velocities. */
    public static dev.diorama.scene.Timeline run(Scene scene, DoubleConsumer progress,
                                                 java.util.function.Consumer<End> end) {
        return run(scene, progress, end, List.of());
    }

    /**
     * As {@link #run(Scene, DoubleConsumer, java.util.function.Consumer)}, with the scene's liquids
     * starting as the particles {@code liquids} (one state per liquid, scene order), moving and not
     * settled: the world of a film that goes on from another's {@link End}. Empty: as the scene says.
     */
    public static dev.diorama.scene.Timeline run(Scene scene, DoubleConsumer progress,
                                                 java.util.function.Consumer<End> end, List<LiquidState> liquids) {
        List<Keyframe> keyframes = new ArrayList<>(scene.frameCount());
        Happenings h = stream(scene, progress, end, keyframes::add, liquids);
        return new dev.diorama.scene.Timeline(keyframes, h.events(), h.contacts(), h.liquidSounds());
    }

    /**
     * What a streamed simulation returns besides its keyframes: the impacts in order of time, and
     * the sustained moving contacts (per frame and pair, see {@link ContactState}).
     */
    public record Happenings(List<ContactEvent> events, List<ContactState> contacts,
                             List<dev.diorama.scene.LiquidSound> liquidSounds) {
        public Happenings {
            liquidSounds = liquidSounds == null ? List.of() : List.copyOf(liquidSounds);
        }

        /** A dry world's. */
        public Happenings(List<ContactEvent> events, List<ContactState> contacts) {
            this(events, contacts, List.of());
        }
    }

    /**
     * Simulates the whole film without keeping its keyframes: each goes to {@code sink} in order as
     * soon as nothing can change it any more (a contact frame is adjusted up to two frames after it
     * was taken, see {@link #showContact}), so memory does not grow with the film's length. The
     * keyframes and events are those of {@link #run(Scene, DoubleConsumer, java.util.function.Consumer)}.
     *
     * @return the events, in order of time, and the sustained contacts
     */
    public static Happenings stream(Scene scene, DoubleConsumer progress, java.util.function.Consumer<End> end,
                                            java.util.function.Consumer<Keyframe> sink) {
        return stream(scene, progress, end, sink, List.of());
    }

    /**
     * As above, the liquids starting as {@code start} (see {@link #run(Scene, DoubleConsumer, java.util.function.Consumer, List)}).
     * A slow-motion scene is simulated as its camera takes it ({@link Scene#capture}): its keyframes
     * are captureFps a second of the world, their times world seconds.
     */
    public static Happenings stream(Scene scene, DoubleConsumer progress, java.util.function.Consumer<End> end,
                                    java.util.function.Consumer<Keyframe> sink, List<LiquidState> start) {
        scene = scene.capture();
        BulletNatives.load();
        float dt = 1f / scene.physicsRate();
        PhysicsSpace space = new PhysicsSpace(PhysicsSpace.BroadphaseType.DBVT);
        LiquidWorld liquids = null;
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
            Vec3[] com = new Vec3[objects.size()];
            for (int i = 0; i < bodies.length; i++) {
                com[i] = centreOfMass(objects.get(i));
                bodies[i] = body(objects.get(i), com[i]);
                owner.put(bodies[i].nativeId(), i);
                if (objects.get(i).enters() <= 0) {
                    space.addCollisionObject(bodies[i]);
                    inWorld[i] = true;
                }
            }
            for (Joint j : scene.joints()) space.addJoint(joint(scene, j, bodies, com));
            // A small bob on a long rod is a badly conditioned constraint (its own inertia is tiny
            // beside the rod's lever): Bullet's 10 solver iterations leave it lagging, a pendulum
            // of 1 m with a 5 cm ball then swings 3 % slow at 480 steps/s. More iterations converge.
            if (!scene.joints().isEmpty()) space.getSolverInfo().setNumIterations(JOINT_ITERATIONS);
            // A stack's weight passes down one layer an iteration: 10 leave the upper layers of a tall
            // stack sinking into the lower ones and sliding off them. Iterations for the deepest stack.
            int depth = dev.diorama.scene.Stacks.depth(objects);
            if (depth >= DEEP_STACK) space.getSolverInfo().setNumIterations(Math.max(space.getSolverInfo().numIterations(), STACK_ITERATIONS));
            Pose[] fixedPose = new Pose[objects.size()];
            for (int i = 0; i < bodies.length; i++) {
                SceneObject o = objects.get(i);
                if (o.fixed()) fixedPose[i] = new Pose(o.position(), o.rotation());
            }
            Frames frames0 = new Frames(bodies, com, fixedPose);
            if (!scene.liquids().isEmpty()) liquids = new LiquidWorld(scene, bodies, com, inWorld, start);
            LiquidWorld wet = liquids;

            int frames = scene.frameCount();
            int stepsPerFrame = scene.stepsPerFrame();
            Window keyframes = new Window(sink);
            List<ContactEvent> events = new ArrayList<>();
            List<ContactState> contacts = new ArrayList<>();
            // Per touching pair, this frame: {impulse, slip x impulse, roll x impulse, point x impulse (3), first, second}.
            Map<Long, double[]> sustained = new java.util.TreeMap<>();
            keyframes.add(withLiquids(frames0.keyframe(0, 0), wet));
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
            // The air's buoyancy, drag and added mass (Air), on every moving body.
            double rho = scene.environment().airDensity();
            Vec3 wind = scene.environment().wind();
            double[] mass = new double[bodies.length], volume = new double[bodies.length], airForce = new double[3];
            for (int i = 0; i < bodies.length; i++) {
                if (fixedPose[i] != null || rho == 0) continue;
                mass[i] = objects.get(i).mass();
                volume[i] = objects.get(i).enclosedVolume();
            }
            // The principal moments of the bodies whose moments differ (Gyroscopic; null: a ball, a cube, fixed).
            Vec3[] moments = new Vec3[bodies.length];
            for (int i = 0; i < bodies.length; i++) {
                SceneObject o = objects.get(i);
                if (fixedPose[i] != null || o.shape() == dev.diorama.scene.Shape.BALL) continue;
                Vec3 m = Solids.inertia(o.shape(), o.size(), o.asset()).times(o.material().density);
                if (Solids.unequalMoments(m)) moments[i] = m;
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
                        if (fixedPose[i] != null) continue;  // a static body: zero velocities, as set
                        bodies[i].getLinearVelocity(linVel[i]);
                        bodies[i].getAngularVelocity(angVel[i]);
                        bodies[i].getPhysicsLocation(centre[i]);
                        bodies[i].getPhysicsRotation(rotation[i]);
                    }
                    if (rho > 0) {
                        for (int i = 0; i < bodies.length; i++) {
                            // A sleeping body keeps the gravity it was last given (its buoyancy).
                            if (fixedPose[i] != null || !inWorld[i] || !bodies[i].isActive()) continue;
                            Air.force(objects.get(i), mass[i], volume[i],
                                    new Quat(rotation[i].getX(), rotation[i].getY(), rotation[i].getZ(), rotation[i].getW()),
                                    new Vec3(linVel[i].x, linVel[i].y, linVel[i].z), wind, rho, scene.gravity(), dt, airForce);
                            // As the body's own gravity, not a force: a force would wake a body at rest every
                            // step, and nothing would ever settle.
                            bodies[i].setGravity(new Vector3f((float) (airForce[0] / mass[i]),
                                    (float) (airForce[1] / mass[i] - scene.gravity()), (float) (airForce[2] / mass[i])));
                        }
                    }
                    for (int i = 0; i < bodies.length; i++) {
                        if (moments[i] == null || !inWorld[i] || !bodies[i].isActive()) continue;
                        Vec3 w0 = new Vec3(angVel[i].x, angVel[i].y, angVel[i].z);
                        // A body turning slower than Gyroscopic.SLOWEST is left alone: Libbulletjme wakes a body
                        // whose angular velocity is set, and a standing slab, kept awake, shook.
                        if (w0.length() < Gyroscopic.SLOWEST) continue;
                        Vec3 w = Gyroscopic.advance(w0,
                                new Quat(rotation[i].getX(), rotation[i].getY(), rotation[i].getZ(), rotation[i].getW()),
                                moments[i], dt);
                        bodies[i].setAngularVelocity(new Vector3f((float) w.x(), (float) w.y(), (float) w.z()));
                    }
                    int eventsBefore = events.size();
                    if (wet != null) {
                        wet.readContacts(space, owner);
                        wet.step(now, dt);
                    }
                    space.update(dt, 0);
                    double tStep = (double) step / scene.physicsRate();
                    touching = pullContacts(space, owner, scene, tStep, 1.0 / scene.physicsRate(), linVel, angVel,
                            centre, touching, events, sustained);
                    for (int e = eventsBefore; e < events.size(); e++) {
                        showContact(scene, events.get(e), tStep, keyframes, linVel, angVel, centre, rotation, com,
                                fixedPose);
                    }
                }
                keyframes.add(withLiquids(frames0.keyframe(f, (double) f / scene.fps()), wet));
                summarise(scene, sustained, (double) f / scene.fps(), stepsPerFrame * (double) dt, contacts);
                checkStable(scene, bodies, fixedPose, (double) f / scene.fps());
                progress.accept((double) f / Math.max(1, frames - 1));
            }
            List<Vec3> lin = new ArrayList<>(bodies.length), ang = new ArrayList<>(bodies.length);
            Vector3f v = new Vector3f();
            for (int i = 0; i < bodies.length; i++) {
                if (fixedPose[i] != null) {
                    lin.add(Vec3.ZERO);
                    ang.add(Vec3.ZERO);
                    continue;
                }
                bodies[i].getLinearVelocity(v);
                lin.add(new Vec3(v.x, v.y, v.z));
                bodies[i].getAngularVelocity(v);
                ang.add(new Vec3(v.x, v.y, v.z));
            }
            end.accept(new End(frames0.keyframe(frames - 1, (double) (frames - 1) / scene.fps()).poses(),
                    List.copyOf(lin), List.copyOf(ang), wet == null ? List.of() : wet.state()));
            keyframes.flush();
            return new Happenings(events, contacts, wet == null ? List.of() : wet.sounds());
        } finally {
            if (liquids != null) liquids.close();
            space.destroy();
        }
    }

    /**
     * Faster than this a body has left physics, m/s: the speed of sound (nothing Diorama films comes
     * near it; a dropped or thrown thing moves at tens of m/s, and the sound's model of a moving
     * source holds only below it).
     */
    static final double MAX_SPEED = 343;

    /**
     * With liquids, a body faster than this many times {@link #attainableSpeed} (plus
     * {@link #ENERGY_SLACK}) has been thrown by the liquid's coupling, not by physics: a 7.4 cm steel
     * ball dropped into a pot of water was thrown out of it at 212 m/s, under the speed of sound,
     * and the film was made with the ball gone and the water with it (2026-11-26). Collisions pass
     * speed on (a light ball struck by a heavy one leaves at up to twice its speed; a stack of
     * balls dropped together, more), hence the wide factor.
     */
    static final double ENERGY_FACTOR = 10, ENERGY_SLACK = 10;

    /** The speed a body may not pass, m/s: the speed of sound, and with liquids the energy bound above. */
    static double limit(Scene scene) {
        if (scene.liquids().isEmpty()) return MAX_SPEED;
        return Math.min(MAX_SPEED, ENERGY_FACTOR * attainableSpeed(scene) + ENERGY_SLACK);
    }

    /**
     * The fastest anything in the scene can move by its own start and by falling, m/s: the largest
     * starting speed (an object's velocity plus its spin at its bounding radius, a pour's stream, the
     * rain's drops) combined with the speed of a fall from the highest start (an object's top, a
     * liquid's box, a pour's nozzle, the rain's cloud) to the floor.
     */
    static double attainableSpeed(Scene scene) {
        double top = 0, start = 0;
        for (dev.diorama.scene.SceneObject o : scene.objects()) {
            top = Math.max(top, o.position().y() + o.boundingRadius());
            start = Math.max(start, o.velocity().length() + o.spin().length() * o.boundingRadius());
        }
        for (dev.diorama.scene.Liquid l : scene.liquids()) {
            if (l.max() != null) top = Math.max(top, l.max().y());
            if (l.pour() != null) {
                top = Math.max(top, l.pour().from().y());
                start = Math.max(start, l.pour().velocity().length());
            }
            if (l.rain() != null) {
                top = Math.max(top, l.rain().height());
                start = Math.max(start, dev.diorama.scene.Liquid.Rain.DROP_SPEED);
            }
        }
        return Math.hypot(start, Math.sqrt(2 * Math.max(0, scene.gravity()) * top));
    }

    /** A simulation that became unstable: a body passed {@link #limit}. */
    public static final class Unstable extends IllegalStateException {
        Unstable(String message) {
            super(message);
        }
    }

    /**
     * Stops the simulation, with what happened, when a body moves faster than {@link #limit} (the
     * speed of sound; with liquids, the energy bound) or its state is no number: a film of it would
     * be nonsense. The known way there: a flat body
     * sinking onto a container's floor squeezes the last layers of liquid under it, and the
     * partitioned coupling of the two solvers can answer with ever larger pressure (README, the
     * liquids' limits).
     */
    static void checkStable(Scene scene, PhysicsRigidBody[] bodies, Pose[] fixedPose, double t) {
        Vector3f v = new Vector3f();
        double limit = limit(scene);
        for (int i = 0; i < bodies.length; i++) {
            if (fixedPose[i] != null) continue;
            bodies[i].getLinearVelocity(v);
            double speed = v.length();
            if (speed <= limit) continue;
            if (speed <= MAX_SPEED) {
                throw new Unstable(String.format(java.util.Locale.ROOT, "the simulation stopped at %.2f s: \"%s\" moved at %.0f m/s,"
                        + " more than %.0f times what falling and the scene's own motion can give anything here (%.1f m/s): the"
                        + " liquid threw it; a body squeezing a liquid against a container's floor or wall can be thrown so, a"
                        + " known limit of the liquid's coupling: a finer spacing, a body that floats, a slower fall or a deeper"
                        + " liquid may avoid it", t, scene.objects().get(i).id(), speed, ENERGY_FACTOR, attainableSpeed(scene)));
            }
            throw new Unstable(String.format(java.util.Locale.ROOT, "the simulation stopped at %.2f s: \"%s\" moved at %s,"
                    + " faster than sound, where its physics and sound no longer hold (expected tens of m/s at most)%s", t, scene.objects().get(i).id(),
                    Float.isFinite(v.x) && Float.isFinite(v.y) && Float.isFinite(v.z) ? String.format(java.util.Locale.ROOT, "%.0f m/s", speed) : "an undefined speed",
                    scene.liquids().isEmpty() ? "" : "; a body squeezing a liquid against a container's floor or wall can be"
                            + " thrown so, a known limit of the liquid's coupling: a finer spacing, a body that floats, or a deeper"
                            + " liquid may avoid it"));
        }
    }

    /** The keyframe with the liquids as they are now (the same keyframe in a dry world). */
    private static Keyframe withLiquids(Keyframe k, LiquidWorld liquids) {
        return liquids == null ? k : new Keyframe(k.index(), k.t(), k.poses(), liquids.frames());
    }

    private static Set<Long> pullContacts(PhysicsSpace space, Map<Long, Integer> owner, Scene scene, double tStep,
                                          double dt, Vector3f[] linVel, Vector3f[] angVel, Vector3f[] centre,
                                          Set<Long> touchedBefore, List<ContactEvent> events,
                                          Map<Long, double[]> sustained) {
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
            double slipSum = 0, rollSum = 0, px = 0, py = 0, pz = 0, sustainedImpulse = 0;
            double deepest = Double.POSITIVE_INFINITY;
            for (int p = 0; p < n; p++) deepest = Math.min(deepest, ManifoldPoints.getDistance1(PersistentManifolds.getPointId(manifold, p)));
            int object = ia >= 0 && ib >= 0 ? Math.min(ia, ib) : Math.max(ia, ib);
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
                Vec3 nrm = new Vec3(normal.x, normal.y, normal.z);
                double closing = -(va.minus(vb)).dot(nrm);
                // Along the surfaces: how fast they slide over each other here, and how fast the
                // object's centre moves over the other body (a rolling ball's speed).
                Vec3 rel = va.minus(vb);
                Vec3 slide = rel.minus(nrm.times(rel.dot(nrm)));
                Vec3 other = object == ia ? vb : va;
                Vec3 c = object >= 0 ? new Vec3(linVel[object].x, linVel[object].y, linVel[object].z).minus(other) : Vec3.ZERO;
                Vec3 travel = c.minus(nrm.times(c.dot(nrm)));
                // Bullet keeps a manifold's older points (a rolling ball leaves a trail of them) with the
                // impulse they last had; only points still touching carry this step's force.
                if (ManifoldPoints.getDistance1(pt) <= Math.min(TOUCHING, deepest + TOUCHING_SPREAD)) {
                    sustainedImpulse += applied;
                    slipSum += applied * slide.length();
                    rollSum += applied * travel.length();
                    px += applied * at.x();
                    py += applied * at.y();
                    pz += applied * at.z();
                }
                if (closing > bestSpeed || point == null) {
                    bestSpeed = Math.max(closing, bestSpeed);
                    bestDepth = ManifoldPoints.getDistance1(pt);
                    point = at;
                }
            }
            if (impulse <= 0) continue;
            long key = pairKey(ia, ib);
            touchedNow.add(key);
            if (touchedBefore.contains(key) && sustainedImpulse > 0) {
                int second0 = object == ia ? ib : ia;
                double[] acc = sustained.computeIfAbsent(key, k -> new double[] {0, 0, 0, 0, 0, 0, object, second0});
                acc[0] += sustainedImpulse;
                acc[1] += slipSum;
                acc[2] += rollSum;
                acc[3] += px;
                acc[4] += py;
                acc[5] += pz;
            }
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

    /**
     * The frame's sustained contacts that move, one per pair (in pair order, so the list is
     * deterministic), from what the steps accumulated; then starts the next frame's sums.
     */
    private static void summarise(Scene scene, Map<Long, double[]> sustained, double t, double frameSeconds,
                                  List<ContactState> contacts) {
        for (double[] acc : sustained.values()) {
            double j = acc[0];
            double slip = acc[1] / j, roll = acc[2] / j;
            if (Math.max(slip, roll) < ContactState.MIN_SPEED) continue;
            contacts.add(new ContactState(t, id(scene, (int) acc[6]), id(scene, (int) acc[7]), j / frameSeconds, slip, roll,
                    new Vec3(acc[3] / j, acc[4] / j, acc[5] / j)));
        }
        sustained.clear();
    }

    /** Puts the bodies of an impact, as they were at its instant, into the keyframe of its frame. */
    private static void showContact(Scene scene, ContactEvent e, double tStep, Window keyframes,
                                    Vector3f[] linVel, Vector3f[] angVel, Vector3f[] centre, Quaternion[] rotation,
                                    Vec3[] com, Pose[] fixedPose) {
        int frame = (int) Math.floor(e.t() * scene.fps() + 1e-9);
        if (frame >= keyframes.size() || frame < keyframes.oldest()) return;
        Keyframe k = keyframes.get(frame);
        List<Pose> poses = new ArrayList<>(k.poses());
        boolean changed = false;
        for (String id : new String[] {e.a(), e.b()}) {
            int i = scene.indexOf(id);
            if (i < 0 || !Double.isNaN(poses.get(i).sampledAt()) || fixedPose[i] != null) continue;
            double back = e.t() - tStep;   // <= 0: from the start of the step back to the touch
            Vector3f c = centre[i], v = linVel[i], w = angVel[i];
            Vec3 p = new Vec3(c.x + v.x * back, c.y + v.y * back, c.z + v.z * back);
            Vec3 axis = new Vec3(w.x, w.y, w.z);
            double angle = axis.length() * back;
            Quaternion r = rotation[i];
            Quat q = new Quat(r.getX(), r.getY(), r.getZ(), r.getW());
            if (axis.length() > 0) q = Quat.axisAngle(axis, angle).times(q);
            q = q.normalized();
            poses.set(i, new Pose(p.minus(q.rotate(com[i])), q, e.t()));
            changed = true;
        }
        if (changed) keyframes.set(frame, new Keyframe(k.index(), k.t(), poses, k.liquids()));
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

    /**
     * The latest keyframes, the only ones a contact can still change: an impact found in a step is
     * timed at most one step before it, so it falls in the frame being filled or the one before;
     * three are kept. Older ones go to the sink, in order.
     */
    private static final class Window {
        private static final int KEEP = 3;
        private final java.util.ArrayDeque<Keyframe> recent = new java.util.ArrayDeque<>();
        private final java.util.function.Consumer<Keyframe> sink;
        private int size;

        Window(java.util.function.Consumer<Keyframe> sink) {
            this.sink = sink;
        }

        void add(Keyframe k) {
            recent.addLast(k);
            size++;
            if (recent.size() > KEEP) sink.accept(recent.removeFirst());
        }

        /** Keyframes taken so far. */
        int size() { return size; }

        /** Index of the oldest keyframe still held. */
        int oldest() { return size - recent.size(); }

        Keyframe get(int i) {
            int k = i - oldest();
            for (Keyframe f : recent) if (k-- == 0) return f;
            throw new IndexOutOfBoundsException(i);
        }

        void set(int i, Keyframe frame) {
            List<Keyframe> all = new ArrayList<>(recent);
            all.set(i - oldest(), frame);
            recent.clear();
            recent.addAll(all);
        }

        void flush() {
            while (!recent.isEmpty()) sink.accept(recent.removeFirst());
        }
    }

    /** Reads the bodies into keyframes: box centres from centres of mass; fixed objects as the scene has them. */
    private record Frames(PhysicsRigidBody[] bodies, Vec3[] com, Pose[] fixedPose) {
        Keyframe keyframe(int index, double t) {
            List<Pose> poses = new ArrayList<>(bodies.length);
            Vector3f p = new Vector3f();
            Quaternion q = new Quaternion();
            for (int i = 0; i < bodies.length; i++) {
                if (fixedPose[i] != null) {
                    poses.add(fixedPose[i]);
                    continue;
                }
                bodies[i].getPhysicsLocation(p);
                bodies[i].getPhysicsRotation(q);
                Quat r = new Quat(q.getX(), q.getY(), q.getZ(), q.getW()).normalized();
                poses.add(new Pose(new Vec3(p.x, p.y, p.z).minus(r.rotate(com[i])), r));
            }
            return new Keyframe(index, t, poses);
        }
    }

    private static PhysicsRigidBody staticPlane(Vector3f normal, float constant, Material m) {
        PhysicsRigidBody b = new PhysicsRigidBody(new PlaneCollisionShape(new Plane(normal, constant)), 0f);
        b.setRestitution((float) m.restitution);
        b.setFriction((float) m.friction);
        b.setContactProcessingThreshold(0);
        return b;
    }

    /** Centre of mass relative to the box centre, object space (a mesh: its hull centroid, see Solids). */
    private static Vec3 centreOfMass(SceneObject o) {
        return o.centreOfMass();
    }

    private static PhysicsRigidBody body(SceneObject o, Vec3 com) {
        CollisionShape shape = shape(o, com);
        float mass = o.fixed() ? 0f : (float) o.mass();
        PhysicsRigidBody b = new PhysicsRigidBody(shape, mass);
        if (!o.fixed() && o.shape() != dev.diorama.scene.Shape.BALL) {
            // Bullet would take the moments of the shape's bounding box; these are the solid's own.
            Vec3 i = Solids.inertia(o.shape(), o.size(), o.asset()).times(o.material().density);
            b.setInverseInertiaLocal(new Vector3f((float) (1 / i.x()), (float) (1 / i.y()), (float) (1 / i.z())));
        } else if (!o.fixed() && o.wall() > 0) {
            // A hollow ball: Bullet would take a solid sphere's 2/5 m r^2; a shell's is near 2/3 m r^2.
            float inverse = (float) (1 / o.shellInertia());
            b.setInverseInertiaLocal(new Vector3f(inverse, inverse, inverse));
        }
        Quat r = o.rotation();
        Vec3 centre = o.position().plus(r.rotate(com));
        b.setPhysicsLocation(new Vector3f((float) centre.x(), (float) centre.y(), (float) centre.z()));
        b.setPhysicsRotation(new Quaternion((float) r.x(), (float) r.y(), (float) r.z(), (float) r.w()));
        if (!o.fixed()) {
            b.setLinearVelocity(new Vector3f((float) o.velocity().x(), (float) o.velocity().y(), (float) o.velocity().z()));
            b.setAngularVelocity(new Vector3f((float) o.spin().x(), (float) o.spin().y(), (float) o.spin().z()));
        }
        b.setRestitution((float) o.material().restitution);
        b.setFriction((float) o.material().friction);
        // A little rolling resistance so a ball on a floor comes to rest as real ones do.
        b.setRollingFriction(o.shape() == dev.diorama.scene.Shape.BALL ? (float) rollingArm(o.size().x() / 2) : 0f);
        b.setContactProcessingThreshold(0);
        // Bullet puts a body to sleep after 2 s below 0.8 m/s and 1 rad/s: a pendulum of small
        // swing or a slowly rolling ball would freeze in mid-motion. Only a body truly at rest sleeps.
        if (!o.fixed()) b.setSleepingThresholds(0.005f, 0.005f);
        return b;
    }

    /**
     * A ball's rolling friction for Bullet, m: the arm of its rolling resistance (Bullet resists a
     * rolling ball with a torque of this times its friction partner's coefficient times the normal
     * force, so the ball slows at about arm mu g / (1.4 r)). 2 mm for balls 14 cm across and larger,
     * as it has been; for smaller ones in proportion to the radius, so that every ball slows alike
     * (a 5.7 cm billiard ball rolling on cloth at 0.17 m/s^2, a marble on wood at 0.14), where a
     * fixed 2 mm stopped a marble within half a metre and a billiard ball on cloth at 0.4 m/s^2. Balls
     * of 14 cm and more (the exam's, issue 8) roll as before.
     */
    static double rollingArm(double radius) {
        return 0.002 * Math.min(1, radius / 0.07);
    }

    /** The collision shape of an object, with its centre of mass at the shape's origin. */
    static CollisionShape shape(SceneObject o, Vec3 com) {
        Vec3 s = o.size();
        Vector3f half = new Vector3f((float) s.x() / 2, (float) s.y() / 2, (float) s.z() / 2);
        float minHalf = Math.min(half.x, Math.min(half.y, half.z));
        // Bullet's default margin (4 cm) would round off a 10 cm block; keep it a small part of the shape.
        float margin = Math.min(0.04f, 0.1f * minHalf);
        Vector3f shift = new Vector3f((float) -com.x(), (float) -com.y(), (float) -com.z());
        return switch (o.shape()) {
            case BALL -> new SphereCollisionShape(half.x);
            case CUBE, PLANK, DOMINO, BRICK -> margin(new BoxCollisionShape(half), margin);
            case CYLINDER -> margin(new CylinderCollisionShape(half, PhysicsSpace.AXIS_Y), margin);
            case CONE -> {
                // Bullet's cone is centred half-way up; the centre of mass is a quarter of the way up.
                CompoundCollisionShape c = new CompoundCollisionShape(1);
                c.addChildShape(margin(new ConeCollisionShape(half.x, (float) s.y(), PhysicsSpace.AXIS_Y), hullMargin(minHalf)), shift);
                yield c;
            }
            case WEDGE, PYRAMID, BOAT -> hull(Solids.hull(o.shape(), s), com, hullMargin(minHalf));
            case TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                List<Solids.Box> boxes = Solids.boxes(o.shape(), s);
                CompoundCollisionShape c = new CompoundCollisionShape(boxes.size());
                for (int i = 0; i < boxes.size(); i++) {
                    Solids.Box b = boxes.get(i);
                    // A fixed tank's floor (its first box), thickened downwards like a fixed vessel's.
                    if (i == 0 && o.shape() == dev.diorama.scene.Shape.TANK && o.fixed() && 2 * b.half().y() < MIN_FIXED_FLOOR) {
                        double top = b.centre().y() + b.half().y();
                        b = new Solids.Box(new Vec3(b.centre().x(), top - MIN_FIXED_FLOOR / 2, b.centre().z()),
                                new Vec3(b.half().x(), MIN_FIXED_FLOOR / 2, b.half().z()));
                    }
                    Vec3 h = b.half();
                    float m = (float) Math.min(0.04, 0.1 * Math.min(h.x(), Math.min(h.y(), h.z())));
                    Vec3 at = b.centre().minus(com);
                    c.addChildShape(margin(new BoxCollisionShape((float) h.x(), (float) h.y(), (float) h.z()), m),
                            (float) at.x(), (float) at.y(), (float) at.z());
                }
                yield c;
            }
            case BOWL, CUP, BOTTLE, JUG -> vessel(o, com);
            case PIN -> turned(o, com);
            case MESH -> {
                MeshAssets.Loaded a = MeshAssets.load(o.asset());
                float[] b = a.mesh().bounds();
                float[] v = a.hull().vertices();
                List<Vec3> pts = new ArrayList<>(v.length / 3);
                for (int i = 0; i < v.length; i += 3) {
                    pts.add(new Vec3((v[i] - (b[0] + b[3]) / 2.0) * s.x() / (b[3] - b[0]),
                            (v[i + 1] - (b[1] + b[4]) / 2.0) * s.y() / (b[4] - b[1]),
                            (v[i + 2] - (b[2] + b[5]) / 2.0) * s.z() / (b[5] - b[2])));
                }
                yield hull(pts, com, hullMargin(minHalf));
            }
        };
    }

    /** A hull's margin lies outside its points: half a millimetre, so what collides is what is seen. */
    private static float hullMargin(float minHalf) {
        return Math.min(0.0005f, 0.05f * minHalf);
    }

    private static CollisionShape margin(CollisionShape c, float m) {
        c.setMargin(m);
        return c;
    }

    private static HullCollisionShape hull(List<Vec3> points, Vec3 com, float margin) {
        float[] f = new float[3 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            Vec3 p = points.get(i).minus(com);
            f[3 * i] = (float) p.x();
            f[3 * i + 1] = (float) p.y();
            f[3 * i + 2] = (float) p.z();
        }
        HullCollisionShape h = new HullCollisionShape(f);
        h.setMargin(margin);
        return h;
    }

    /**
     * Below this thickness Bullet's sphere-against-convex contact does not hold a ball up: a ball
     * 2-7.4 cm across resting on, or dropped onto, a plate 9-10 mm thick (a pot's floor, a 40 cm
     * tank's) sinks up to 7.5 mm into it or falls through, where a plate 18 mm thick holds a 7.4 cm
     * ball at its surface (measured 2026-11-27 in PhysicsSpaces set up as here, Libbulletjme
     * 22.0.1; a cube rests on the 10 mm plate). A fixed object's thin floor is therefore thickened
     * downwards, out of sight beneath it, to this thickness; what the ball touches stays what is seen.
     */
    static final double MIN_FIXED_FLOOR = 0.03;

    /**
     * A vessel as convex pieces: each quad of its wall's profile {@value #SECTORS} pieces around the
     * axis, each the hull of the quad's four corners at the sector's two bounding angles; the
     * floor (the first quad, whose inner corners lie on the axis) is wedges of the floor disc for a
     * moving vessel and, for a fixed one, one hull, the revolution of that quad, reaching down to
     * {@link #MIN_FIXED_FLOOR} below the floor's top. The 9 mm floor of a pot 20 cm across, as
     * wedges, let a ball dropped into it (0.5 mm to 30 cm, at 16 points about the pot's axis) come to
     * rest more than 1 mm (up to 7.5 mm) deep in it in 25, 19 and 17 of 48 drops for balls 7.4, 4
     * and 2 cm across; one piece of the same thickness: 30, 33 and 22 of 48; thickened by 1 or 3 cm:
     * none. In a pot of water a steel ball sunk 3.3 mm into the floor so let two thirds of the water
     * still in the pot out within 3 s (fluid/README.md, Robustness, eleventh session).
     */
    private static CompoundCollisionShape vessel(SceneObject o, Vec3 com) {
        double[][] st = Solids.profile(o.shape());
        double r = o.size().x() / 2, h = o.size().y();
        boolean keel = o.fixed();
        CompoundCollisionShape c = new CompoundCollisionShape((st.length - 1) * SECTORS);
        for (int k = 0; k + 1 < st.length; k++) {
            double wall = Math.min(Math.hypot((st[k][0] - st[k][2]) * r, (st[k][1] - st[k][3]) * h),
                    Math.hypot((st[k + 1][0] - st[k + 1][2]) * r, (st[k + 1][1] - st[k + 1][3]) * h));
            float margin = (float) Math.min(0.0005, wall / 8);
            double[][] quad = {{st[k][0], st[k][1]}, {st[k + 1][0], st[k + 1][1]}, {st[k][2], st[k][3]}, {st[k + 1][2], st[k + 1][3]}};
            if (k == 0 && keel) {
                // the floor's top, inside; its outer rim at the bottom, carried down to the keel's depth
                double top = st[0][3] * h - h / 2, bottom = Math.min(st[1][1] * h - h / 2, top - MIN_FIXED_FLOOR);
                List<Vec3> pts = new ArrayList<>(3 * SECTORS);
                for (int j = 0; j < SECTORS; j++) {
                    pts.add(ring(quad[3], j, r, h));
                    Vec3 rim = ring(quad[1], j, r, h);
                    pts.add(rim);
                    pts.add(new Vec3(rim.x(), bottom, rim.z()));
                }
                c.addChildShape(hull(pts, com, margin));
                continue;
            }
            for (int j = 0; j < SECTORS; j++) {
                List<Vec3> pts = new ArrayList<>(8);
                for (int side = 0; side < 2; side++) for (double[] q : quad) pts.add(ring(q, j + side, r, h));
                c.addChildShape(hull(pts, com, margin));
            }
        }
        return c;
    }

    /**
     * A solid of revolution (a bowling pin) as convex pieces: each band of its contour between two
     * stations, the hull of the two rings of {@value #SECTORS} points, a frustum. The contour's
     * waist (the pin's neck) stays a waist, which one hull of the whole would fill in.
     */
    private static CompoundCollisionShape turned(SceneObject o, Vec3 com) {
        double[][] st = Solids.turned(o.shape());
        double r = o.size().x() / 2, h = o.size().y();
        CompoundCollisionShape c = new CompoundCollisionShape(st.length - 2);
        // Station 0 is the middle of the base; the bands run from station 1 (the base's rim) up.
        for (int k = 1; k + 1 < st.length; k++) {
            List<Vec3> pts = new ArrayList<>(2 * SECTORS);
            for (int j = 0; j < SECTORS; j++) {
                pts.add(ring(st[k], j, r, h));
                if (st[k + 1][0] > 0 || j == 0) pts.add(ring(st[k + 1], j, r, h));
            }
            double band = Math.min(h * (st[k + 1][1] - st[k][1]), r * Math.max(st[k][0], st[k + 1][0]));
            c.addChildShape(hull(pts, com, (float) Math.min(0.0005, band / 8)));
        }
        return c;
    }

    /** The point of a vessel's profile {r, y} (in units of the radius and height) at angle j of {@value #SECTORS} about the axis. */
    private static Vec3 ring(double[] q, int j, double r, double h) {
        double phi = 2 * Math.PI * j / SECTORS;
        return new Vec3(q[0] * r * Math.cos(phi), q[1] * h - h / 2, q[0] * r * Math.sin(phi));
    }

    /**
     * A Bullet constraint for a joint. A joint with the world, or with a fixed object, holds the one
     * moving body to a point in space; otherwise both bodies hold the point, each in its own frame
     * (Bullet's pivots are relative to the centre of mass).
     */
    private static PhysicsJoint joint(Scene scene, Joint j, PhysicsRigidBody[] bodies, Vec3[] com) {
        int ia = scene.indexOf(j.a());
        int ib = j.b() == null ? -1 : scene.indexOf(j.b());
        if (scene.objects().get(ia).fixed()) {  // the scene checked that b then moves
            int t = ia;
            ia = ib;
            ib = t;
        }
        boolean world = ib < 0 || scene.objects().get(ib).fixed();
        Vector3f anchor = vec(j.anchor());
        Vector3f pivotA = local(scene.objects().get(ia), com[ia], j.anchor());
        return switch (j) {
            case Joint.Pivot p -> world ? new Point2PointJoint(bodies[ia], pivotA, anchor)
                    : new Point2PointJoint(bodies[ia], bodies[ib], pivotA,
                            local(scene.objects().get(ib), com[ib], j.anchor()));
            case Joint.Hinge h -> {
                Vector3f axisA = vec(scene.objects().get(ia).rotation().conjugate().rotate(h.axis()));
                yield world ? new HingeJoint(bodies[ia], pivotA, anchor, axisA, vec(h.axis()), JointEnd.A)
                        : new HingeJoint(bodies[ia], bodies[ib], pivotA,
                                local(scene.objects().get(ib), com[ib], j.anchor()), axisA,
                                vec(scene.objects().get(ib).rotation().conjugate().rotate(h.axis())));
            }
        };
    }

    /** A world point at t = 0 in a body's frame (origin at its centre of mass). */
    private static Vector3f local(SceneObject o, Vec3 com, Vec3 world) {
        Vec3 centre = o.position().plus(o.rotation().rotate(com));
        return vec(o.rotation().conjugate().rotate(world.minus(centre)));
    }

    private static Vector3f vec(Vec3 v) {
        return new Vector3f((float) v.x(), (float) v.y(), (float) v.z());
    }
}
