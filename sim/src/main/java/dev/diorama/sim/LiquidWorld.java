package dev.diorama.sim;

import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.collision.ManifoldPoints;
import com.jme3.bullet.collision.PersistentManifolds;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import dev.diorama.assets.SolidMeshes;
import dev.diorama.assets.TriangleMesh;
import dev.diorama.fluid.BoundarySamples;
import dev.diorama.fluid.FluidSolver;
import dev.diorama.fluid.Nozzle;
import dev.diorama.fluid.RigidBodies;
import dev.diorama.fluid.SoundEvents;
import dev.diorama.scene.Liquid;
import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.LiquidSound;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene's liquids, simulated by the fluid module's DFSPH solver in step with Bullet: one solver
 * per liquid (liquids of different kinds do not mix or touch each other), every object of the scene
 * a boundary of it.
 *
 * <p>Boundaries: the floor (a plane of samples under the liquid's region), the room's walls within
 * that region, and every object, sampled on its surface ({@link SolidMeshes}: the same triangles
 * the picture draws; balls and boxes by the exact samplers). Fixed objects (a tank, a glass on a
 * table) are static samples; moving ones are the solver's rigid bodies.
 *
 * <p>Coupling with Bullet, per Bullet step of length dt: the liquid advances from t to t + dt in its
 * own sub-steps, and within them each body starts from Bullet's state at t and moves under gravity
 * and the liquid's force (and torque) of each sub-step, so that the liquid feels a light body give
 * way at once (a body that kept its velocity over the whole step overshot into the liquid, which
 * threw it back: the added-mass instability of partitioned coupling). The impulse the liquid gave
 * each body over the sub-steps, divided by dt, is then applied to it as a force and a torque
 * through Bullet's step, which adds gravity, contacts and joints: without contacts Bullet ends the
 * step with the velocity the sub-steps reached. Within each sub-step the solver's pressure solves
 * let the bodies give way ({@link RigidBodies#inverseInertia}), which keeps light bodies stable
 * and stops a body closing on the floor through a film of liquid from being thrown back.
 *
 * <p>Region: particles that leave the box around the liquids, their holders and the pour (half a
 * metre on every side, inside the room) are removed; the sidecar's particle count shows it.
 */
final class LiquidWorld implements AutoCloseable {
    /** How far the simulated region reaches beyond the liquids and their holders, m. */
    static final double MARGIN = 0.5;
    /** The liquids settle this long before the film starts (with the bodies held), s. */
    static final double SETTLE = 0.3;

    private final Scene scene;
    private final FluidSolver[] solvers;
    private final PhysicsRigidBody[] bullet;
    private final Vec3[] com;
    /** Scene indices of the moving objects coupled with the liquids, in the solvers' body order. */
    private final int[] moving;
    /** Per coupled body: its state at the start of this Bullet step, then moved by the sub-steps (13 numbers, RigidBodies#state). */
    private final double[] start;
    /** Per coupled body: 1 / mass and the inverse principal moments of inertia (body frame). */
    private final double[] inverseMass, inverseInertia;
    /**
     * Per coupled body: the acceleration Bullet's step gives it besides the liquid's, m/s^2 (3
     * numbers): gravity with the air's buoyancy, drag and added mass (Simulator, Air), read at the
     * start of each step so that the sub-steps move the body as Bullet will.
     */
    private final double[] bodyGravity;
    /** At most this many of Bullet's contact points per coupled body hold it within the liquid's sub-steps. */
    static final int MAX_CONTACTS = 256;
    /** Contact points at most this far from touching (m) hold the body within the sub-steps. */
    static final double CONTACT_REACH = 0.01;
    /** Coupled index of each scene object, or -1 (fixed, or not coupled). */
    private final int[] coupledOf;
    /** Per coupled body: how many contact points it has with fixed things (see {@link #readContacts}). */
    private final int[] contactCount;
    /**
     * Per coupled body, per contact point as read ({@link #readContacts}): the point on the body
     * (3), the normal from the fixed thing into the body (3) and the distance (negative: overlap).
     */
    private final double[][] contactsRead;
    /**
     * The same contacts as one solver's sub-steps use them ({@link #prepareContacts}): the point's
     * offset from the body's centre (3), the normal (3) and the gap now, which the sub-steps update.
     */
    private final double[][] contacts;
    /** Scratch of {@link Coupled#holdByContacts}, per contact point: the impulse accumulated in this sub-step's solve. */
    private final double[] contactImpulse = new double[MAX_CONTACTS];
    /**
     * Scratch of {@link Coupled#holdByContacts}, per contact point: the spin one unit of impulse
     * along its normal gives (3), then the inverse of its effective mass along the normal.
     */
    private final double[] contactResponse = new double[4 * MAX_CONTACTS];
    /** Per coupled body: force and torque summed over the solvers' sub-steps, times their lengths. */
    private final double[] impulse;
    private final boolean[] inWorld;
    private final List<LiquidSound> sounds = new ArrayList<>();
    private final int threads;

    /**
     * @param initial per liquid (scene order), the particles it starts as, or null (or an empty list) to
     *              fill the liquids as the scene says and let them settle: a film that goes on from
     *              another's end ({@link LiquidState}) starts from that end, moving, unsettled
     */
    LiquidWorld(Scene scene, PhysicsRigidBody[] bullet, Vec3[] com, boolean[] inWorld, List<LiquidState> initial) {
        this.scene = scene;
        this.bullet = bullet;
        this.com = com;
        this.inWorld = inWorld;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<SceneObject> objects = scene.objects();
        List<Integer> mov = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) if (!objects.get(i).fixed()) mov.add(i);
        moving = mov.stream().mapToInt(Integer::intValue).toArray();
        start = new double[13 * moving.length];
        bodyGravity = new double[3 * moving.length];
        impulse = new double[6 * moving.length];
        coupledOf = new int[objects.size()];
        java.util.Arrays.fill(coupledOf, -1);
        for (int b = 0; b < moving.length; b++) coupledOf[moving[b]] = b;
        contactCount = new int[moving.length];
        contactsRead = new double[moving.length][7 * MAX_CONTACTS];
        contacts = new double[moving.length][7 * MAX_CONTACTS];
        inverseMass = new double[moving.length];
        inverseInertia = new double[3 * moving.length];
        Vector3f ii = new Vector3f();
        for (int b = 0; b < moving.length; b++) {
            inverseMass[b] = 1 / bullet[moving[b]].getMass();
            bullet[moving[b]].getInverseInertiaLocal(ii);
            inverseInertia[3 * b] = ii.x;
            inverseInertia[3 * b + 1] = ii.y;
            inverseInertia[3 * b + 2] = ii.z;
        }
        double[][] region = region(scene);
        solvers = new FluidSolver[scene.liquids().size()];
        try {
            start(objects, region, initial == null ? List.of() : initial);
        } catch (RuntimeException | Error e) {
            close();   // the solvers made so far hold worker threads
            throw e;
        }
    }

    /**
     * Makes the solvers, their boundaries and starting liquid, settles the liquids that start as the
     * scene says (not those given as particles) and adds the pours and rain.
     */
    private void start(List<SceneObject> objects, double[][] region, List<LiquidState> given) {
        if (!given.isEmpty() && given.size() != solvers.length) {
            throw new IllegalArgumentException("expected the particles of " + solvers.length + " liquids, got " + given.size());
        }
        for (int l = 0; l < solvers.length; l++) {
            Liquid liquid = scene.liquids().get(l);
            FluidSolver.Settings s = new FluidSolver.Settings(liquid.spacing(),
                    dev.diorama.fluid.Liquid.preset(liquid.kind()), new double[] {0, -scene.gravity(), 0},
                    region[0], region[1], 0.4, 0.005, 0.001, 0.001, 100, threads, scene.seed() + l);
            FluidSolver f = new FluidSolver(s);
            solvers[l] = f;
            addStaticBoundaries(f, region);
            List<BoundarySamples> bodySamples = new ArrayList<>();
            for (int i : moving) bodySamples.add(samples(objects.get(i), f, com[i]));
            f.setRigidBodies(new Coupled(), bodySamples);
            if (given.isEmpty()) {
                fill(f, liquid);
            } else {
                LiquidState g = given.get(l);
                double[] x = g.xyz(), v = g.velocity();
                for (int i = 0; i < g.count(); i++) f.addParticle(x[3 * i], x[3 * i + 1], x[3 * i + 2], v[3 * i], v[3 * i + 1], v[3 * i + 2]);
            }
        }
        readStates();
        if (given.isEmpty()) for (FluidSolver f : solvers) if (f.size() > 0) f.settle(SETTLE);
        for (int l = 0; l < solvers.length; l++) {
            Liquid.Rain rain = scene.liquids().get(l).rain();
            if (rain != null) {
                // Drops of one particle's volume (a sphere of radius (3/(4 pi))^(1/3) d, 0.62 d), at the
                // rate that gives the intensity over the rectangle.
                double v = solvers[l].particleVolume();
                double rate = rain.intensity() / 1000 / 3600 * (rain.x1() - rain.x0()) * (rain.z1() - rain.z0()) / v;
                solvers[l].addEmitter(new dev.diorama.fluid.Rain(rain.x0(), rain.x1(), rain.z0(), rain.z1(), rain.height(),
                        0.4 * solvers[l].spacing(), Liquid.Rain.DROP_SPEED, rate, rain.start(), rain.end(), scene.seed() * 31 + l));
            }
            Liquid.Pour p = scene.liquids().get(l).pour();
            if (p == null) continue;
            Vec3 v = p.velocity();
            solvers[l].addEmitter(new Nozzle(solvers[l], p.from().toArray(), v.normalized().toArray(), p.radius(),
                    v.length(), p.start(), p.end()));
        }
    }

    /** The box the liquids live in: [min, max], each a double[3]. */
    static double[][] region(Scene scene) {
        double[] lo = {Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Liquid l : scene.liquids()) {
            if (l.min() != null) {
                grow(lo, hi, l.min());
                grow(lo, hi, l.max());
                // The vessel the box stands in (a dam break's tank): the liquid runs all over it, so the
                // region holds all of it (particles that leave the region are removed).
                Vec3 centre = l.min().plus(l.max()).times(0.5);
                for (SceneObject o : scene.objects()) {
                    double r = o.boundingRadius();
                    if (!o.shape().hollow() || centre.minus(o.position()).length() > r) continue;
                    grow(lo, hi, o.position().minus(new Vec3(r, r, r)));
                    grow(lo, hi, o.position().plus(new Vec3(r, r, r)));
                }
            }
            if (l.in() != null) {
                SceneObject o = scene.object(l.in());
                double r = o.boundingRadius();
                grow(lo, hi, o.position().minus(new Vec3(r, r, r)));
                grow(lo, hi, o.position().plus(new Vec3(r, r, r)));
            }
            if (l.rain() != null) {
                Liquid.Rain r = l.rain();
                grow(lo, hi, new Vec3(r.x0(), 0, r.z0()));
                grow(lo, hi, new Vec3(r.x1(), r.height(), r.z1()));
            }
            if (l.pour() != null) {
                Liquid.Pour p = l.pour();
                grow(lo, hi, p.from());
                // where a free jet would land on the floor, and the way there
                double vy = p.velocity().y(), g = Math.max(scene.gravity(), 1e-3), h = p.from().y();
                double tFall = (vy + Math.sqrt(vy * vy + 2 * g * h)) / g;
                grow(lo, hi, p.from().plus(new Vec3(p.velocity().x() * tFall, -h, p.velocity().z() * tFall)));
            }
        }
        double[] min = new double[3], max = new double[3];
        for (int a = 0; a < 3; a++) {
            min[a] = lo[a] - MARGIN;
            max[a] = hi[a] + MARGIN;
        }
        min[1] = -0.05;
        Room room = scene.environment().room();
        if (room != null) {
            Vec3 s = room.size();
            min[0] = Math.max(min[0], -s.x() / 2 - 0.05);
            max[0] = Math.min(max[0], s.x() / 2 + 0.05);
            min[2] = Math.max(min[2], -s.z() / 2 - 0.05);
            max[2] = Math.min(max[2], s.z() / 2 + 0.05);
            max[1] = Math.min(max[1], s.y() + 0.05);
        }
        return new double[][] {min, max};
    }

    private static void grow(double[] lo, double[] hi, Vec3 p) {
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.min(lo[a], p.get(a));
            hi[a] = Math.max(hi[a], p.get(a));
        }
    }

    /** The floor under the region, the room's walls within it, and every fixed object. */
    private void addStaticBoundaries(FluidSolver f, double[][] region) {
        double d = f.spacing(), off = f.wallOffset();
        double[] min = region[0], max = region[1];
        f.addStaticBoundary(plane(min[0], max[0], min[2], max[2], d, -off));
        Room room = scene.environment().room();
        if (room != null) {
            Vec3 s = room.size();
            double[] lo = {-s.x() / 2 - off, -off, -s.z() / 2 - off}, hi = {s.x() / 2 + off, s.y() + off, s.z() / 2 + off};
            // Only the walls the region reaches: a tank in the middle of a large room needs none.
            double[] wallsLo = {Math.max(lo[0], min[0]), 0, Math.max(lo[2], min[2])};
            double[] wallsHi = {Math.min(hi[0], max[0]), Math.min(hi[1], max[1]), Math.min(hi[2], max[2])};
            List<double[]> pts = new ArrayList<>();
            if (min[0] <= lo[0] + d) wall(pts, 0, lo[0], wallsLo, wallsHi, d);
            if (max[0] >= hi[0] - d) wall(pts, 0, hi[0], wallsLo, wallsHi, d);
            if (min[2] <= lo[2] + d) wall(pts, 2, lo[2], wallsLo, wallsHi, d);
            if (max[2] >= hi[2] - d) wall(pts, 2, hi[2], wallsLo, wallsHi, d);
            if (!pts.isEmpty()) f.addStaticBoundary(BoundarySamples.of(flatten(pts)));
        }
        List<SceneObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            if (!o.fixed()) continue;
            BoundarySamples local = samples(o, f, Vec3.ZERO);
            double[] w = new double[3 * local.size()];
            for (int k = 0; k < local.size(); k++) {
                Vec3 p = rotate(o.rotation(), new Vec3(local.x(k), local.y(k), local.z(k))).plus(o.position());
                w[3 * k] = p.x();
                w[3 * k + 1] = p.y();
                w[3 * k + 2] = p.z();
            }
            f.addStaticBoundary(BoundarySamples.of(w));
        }
    }

    /** A square lattice of spacing d on the plane y over [x0, x1] x [z0, z1]. */
    private static BoundarySamples plane(double x0, double x1, double z0, double z1, double d, double y) {
        int nx = (int) Math.ceil((x1 - x0) / d), nz = (int) Math.ceil((z1 - z0) / d);
        double[] xyz = new double[3 * (nx + 1) * (nz + 1)];
        int k = 0;
        for (int i = 0; i <= nx; i++) {
            for (int j = 0; j <= nz; j++) {
                xyz[k++] = x0 + i * d;
                xyz[k++] = y;
                xyz[k++] = z0 + j * d;
            }
        }
        return BoundarySamples.of(xyz);
    }

    /** Samples of a vertical wall at coordinate {@code at} along axis {@code axis} (0: x, 2: z), within [lo, hi]. */
    private static void wall(List<double[]> pts, int axis, double at, double[] lo, double[] hi, double d) {
        int other = axis == 0 ? 2 : 0;
        int nu = (int) Math.ceil((hi[other] - lo[other]) / d), nv = (int) Math.ceil((hi[1] - lo[1]) / d);
        for (int i = 0; i <= nu; i++) {
            for (int j = 0; j <= nv; j++) {
                double[] p = new double[3];
                p[axis] = at;
                p[other] = lo[other] + i * d;
                p[1] = lo[1] + j * d;
                pts.add(p);
            }
        }
    }

    private static double[] flatten(List<double[]> pts) {
        double[] xyz = new double[3 * pts.size()];
        for (int i = 0; i < pts.size(); i++) System.arraycopy(pts.get(i), 0, xyz, 3 * i, 3);
        return xyz;
    }

    /**
     * An object's boundary samples in its own frame, relative to {@code origin} (the centre of mass
     * for a moving body, the box centre for a fixed one): balls and boxes by the exact samplers,
     * every other shape from its surface mesh. Thin parts (a domino, a glass wall) take the samples
     * at most half their thickness inside ({@link #sampleDepth}): the two faces' samples then meet
     * in the middle of the wall, a single sheet the liquid feels from either side, and the liquid's
     * edge stands {@code wallOffset - depth} off the wall (the starting particles keep that clearance,
     * so nothing starts compressed).
     */
    static BoundarySamples samples(SceneObject o, FluidSolver f, Vec3 origin) {
        double d = f.spacing(), off = f.wallOffset();
        Vec3 s = o.size();
        BoundarySamples local;
        double minHalf = Math.min(s.x(), Math.min(s.y(), s.z())) / 2;
        if (o.shape() == Shape.BALL && s.x() / 2 > off * 1.5) {
            local = BoundarySamples.sphereSurface(s.x() / 2, d, off);
        } else if ((o.shape() == Shape.CUBE || o.shape() == Shape.PLANK || o.shape() == Shape.BRICK
                || o.shape() == Shape.DOMINO) && minHalf > off * 1.5) {
            local = BoundarySamples.boxSurface(s.x() / 2, s.y() / 2, s.z() / 2, d, off);
        } else {
            TriangleMesh m = SolidMeshes.mesh(o.shape(), s, o.asset());
            local = BoundarySamples.mesh(m.positions(), m.indices(), d, sampleDepth(o, f));
        }
        if (origin.equals(Vec3.ZERO)) return local;
        double[] xyz = new double[3 * local.size()];
        for (int k = 0; k < local.size(); k++) {
            xyz[3 * k] = local.x(k) - origin.x();
            xyz[3 * k + 1] = local.y(k) - origin.y();
            xyz[3 * k + 2] = local.z(k) - origin.z();
        }
        return BoundarySamples.of(xyz);
    }

    /** How deep behind an object's surface its samples lie, m: the solver's wall offset, or half the thinnest part's thickness. */
    static double sampleDepth(SceneObject o, FluidSolver f) {
        return Math.min(f.wallOffset(), thinnest(o));
    }

    /** How far a starting particle keeps from an object's surface, m: d/2, and what its samples lack in depth. */
    private static double clearance(SceneObject o, FluidSolver f) {
        return f.spacing() / 2 + (f.wallOffset() - sampleDepth(o, f));
    }

    /** Half the thickness of an object's thinnest part, m (a vessel's wall, a tank's glass, a table's top). */
    private static double thinnest(SceneObject o) {
        Vec3 s = o.size();
        double t = Math.min(s.x(), Math.min(s.y(), s.z())) / 2;
        if (o.shape() == Shape.TANK) return Solids.tankWall(s) / 2;
        double[][] st = Solids.profile(o.shape());
        if (st != null) {
            for (double[] k : st) {
                if (k[0] > 0) t = Math.min(t, (k[0] - k[2]) * s.x() / 2 / 2);
            }
            t = Math.min(t, st[0][3] * s.y() / 2);
        }
        for (Solids.Box b : Solids.boxes(o.shape(), s)) t = Math.min(t, Math.min(b.half().x(), Math.min(b.half().y(), b.half().z())));
        return Math.max(t, 1e-4);
    }

    /**
     * Whether a starting particle of a liquid (held by {@code holder}, or null) cannot go at p: in or
     * near the material of an object, or in the cavity of a hollow object that moves (a bottle or a
     * cup floating in a tank holds air, or its own liquid, not the tank's water, however deep it
     * starts in it; a fixed vessel standing in the liquid is flooded).
     */
    private static boolean blocked(List<SceneObject> objects, Vec3 p, FluidSolver f, SceneObject holder) {
        if (inAnySolid(objects, p, f)) return true;
        for (SceneObject o : objects) {
            if (o.fixed() || !o.shape().hollow() || o == holder) continue;
            Vec3 local = rotate(o.rotation().conjugate(), p.minus(o.position()));
            if (local.length() <= o.boundingRadius() && inCavity(o, local.x(), local.y() + o.size().y() / 2, local.z(), 0)) return true;
        }
        return false;
    }

    /** Puts a liquid's starting particles: its box or the inside of its holder, less every solid in the way. */
    private void fill(FluidSolver f, Liquid liquid) {
        double d = f.spacing();
        List<SceneObject> objects = scene.objects();
        if (liquid.min() != null) {
            Vec3 lo = liquid.min(), hi = liquid.max();
            int nx = (int) Math.round((hi.x() - lo.x()) / d), ny = (int) Math.round((hi.y() - lo.y()) / d),
                    nz = (int) Math.round((hi.z() - lo.z()) / d);
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                    for (int k = 0; k < nz; k++) {
                        Vec3 p = new Vec3(lo.x() + (i + 0.5) * d, lo.y() + (j + 0.5) * d, lo.z() + (k + 0.5) * d);
                        if (!blocked(objects, p, f, null)) f.addParticle(p.x(), p.y(), p.z(), 0, 0, 0);
                    }
        }
        if (liquid.in() != null) {
            SceneObject holder = scene.object(liquid.in());
            Vec3 s = holder.size();
            double bottom = -s.y() / 2;
            double floor = holder.shape() == Shape.TANK ? Solids.tankWall(s) : Solids.profile(holder.shape())[0][3] * s.y();
            double clear = clearance(holder, f);
            // The liquid's edge stands (clear - d/2) off the walls and the floor: the volume to put is
            // the cavity's within those edges up to the level asked for, layer by layer until the next
            // layer would overshoot it by more than half.
            double gap = clear - d / 2;
            double target = cavityVolume(holder, floor + gap, floor + liquid.level(), gap);
            int nx = (int) Math.floor(s.x() / d), nz = (int) Math.floor(s.z() / d);
            double put = 0;
            for (int j = 0; ; j++) {
                double y = bottom + floor + gap + (j + 0.5) * d;
                List<Vec3> layer = new ArrayList<>();
                for (int i = 0; i < nx; i++) {
                    for (int k = 0; k < nz; k++) {
                        double x = (i + 0.5) * d - nx * d / 2, z = (k + 0.5) * d - nz * d / 2;
                        if (!inCavity(holder, x, y - bottom, z, clear)) continue;
                        Vec3 p = rotate(holder.rotation(), new Vec3(x, y, z)).plus(holder.position());
                        if (!blocked(objects, p, f, holder)) layer.add(p);
                    }
                }
                double v = layer.size() * f.particleVolume();
                // A cavity narrower than the clearance at its bottom (a round bowl) leaves its lowest
                // layers empty: go on up to the level asked for before giving up.
                if (layer.isEmpty() && put == 0 && y - bottom < floor + liquid.level()) continue;
                if (layer.isEmpty() || put + v / 2 > target) break;
                for (Vec3 p : layer) f.addParticle(p.x(), p.y(), p.z(), 0, 0, 0);
                put += v;
            }
        }
    }

    /**
     * The volume of a holder's cavity between heights {@code from} and {@code to} above its bottom,
     * each wall moved in by {@code gap}, m^3 (a tank's box; a vessel's revolution of its inner line).
     */
    private static double cavityVolume(SceneObject holder, double from, double to, double gap) {
        Vec3 s = holder.size();
        if (holder.shape() == Shape.TANK) {
            double t = Solids.tankWall(s);
            return (s.x() - 2 * t - 2 * gap) * (s.z() - 2 * t - 2 * gap) * Math.max(0, to - from);
        }
        int steps = 400;
        double v = 0, dy = (to - from) / steps;
        for (int i = 0; i < steps; i++) {
            double r = Solids.cavityRadius(holder.shape(), s, from + (i + 0.5) * dy) - gap;
            if (r > 0) v += Math.PI * r * r * dy;
        }
        return v;
    }

    /** Whether (x, height above the bottom, z) in a holder's frame lies inside its cavity, at least {@code clear} from its walls. */
    private static boolean inCavity(SceneObject holder, double x, double height, double z, double clear) {
        Vec3 s = holder.size();
        if (holder.shape() == Shape.TANK) {
            double t = Solids.tankWall(s);
            return Math.abs(x) <= s.x() / 2 - t - clear + 1e-9 && Math.abs(z) <= s.z() / 2 - t - clear + 1e-9
                    && height >= t + clear - 1e-9;
        }
        // (The first layer stands exactly the clearance above the inside of the floor: cavityRadius
        // takes a height within rounding of the floor as on it.)
        double r = Solids.cavityRadius(holder.shape(), s, height - clear);
        double r2 = Solids.cavityRadius(holder.shape(), s, height);
        if (r < 0 || r2 < 0) return false;
        return Math.hypot(x, z) <= Math.min(r, r2) - clear + 1e-9;
    }

    /**
     * Whether point p is inside (or within its clearance of) the material of any object at its starting
     * pose. A point right at the clearance is free: a filled vessel's first layer stands exactly there,
     * and rounding must not decide (it did: a 60 cm tank got no water at all).
     */
    private static boolean inAnySolid(List<SceneObject> objects, Vec3 p, FluidSolver f) {
        for (SceneObject o : objects) {
            double clear = clearance(o, f) - 1e-7;
            Vec3 local = rotate(o.rotation().conjugate(), p.minus(o.position()));
            if (local.length() > o.boundingRadius() + clear) continue;
            if (insideMaterial(o, local, clear)) return true;
        }
        return false;
    }

    /**
     * Whether a point in an object's frame lies within {@code clear} of its material: exact for
     * balls, cylinders, cones, convex polyhedra (a wedge, a pyramid, a boat; within {@code clear} of
     * every face's plane) and compounds of boxes (a tank's glass included); a vessel's wall
     * counts by its profile (outside the cavity but inside the outer surface); other shapes by their
     * bounding box.
     */
    static boolean insideMaterial(SceneObject o, Vec3 q, double clear) {
        Vec3 s = o.size();
        double hx = s.x() / 2, hy = s.y() / 2, hz = s.z() / 2;
        switch (o.shape()) {
            case BALL -> { return q.length() <= hx + clear; }
            case CYLINDER -> { return Math.hypot(q.x(), q.z()) <= hx + clear && Math.abs(q.y()) <= hy + clear; }
            case CONE -> {
                double up = (q.y() + hy) / s.y();
                return up >= -clear / s.y() && up <= 1 + clear / s.y() && Math.hypot(q.x(), q.z()) <= hx * (1 - Math.max(0, up)) + clear;
            }
            case CUBE, PLANK, DOMINO, BRICK, TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                for (Solids.Box b : Solids.boxes(o.shape(), s)) {
                    Vec3 c = b.centre(), h = b.half();
                    if (Math.abs(q.x() - c.x()) <= h.x() + clear && Math.abs(q.y() - c.y()) <= h.y() + clear
                            && Math.abs(q.z() - c.z()) <= h.z() + clear) return true;
                }
                return false;
            }
            case WEDGE, PYRAMID, BOAT -> {
                // Convex: inside every face's plane
                List<Vec3> p = Solids.hull(o.shape(), s);
                for (int[] f : Solids.faces(o.shape(), s)) {
                    Vec3 n = p.get(f[1]).minus(p.get(f[0])).cross(p.get(f[2]).minus(p.get(f[0]))).normalized();
                    if (n.dot(q.minus(p.get(f[0]))) > clear) return false;
                }
                return true;
            }
            case PIN -> {
                double height = q.y() + hy;
                return height >= -clear && height <= s.y() + clear
                        && Math.hypot(q.x(), q.z()) <= Solids.turnedRadius(o.shape(), s, Math.clamp(height, 0, s.y())) + clear;
            }
            case BOWL, CUP, BOTTLE, JUG -> {
                double height = q.y() + hy;
                if (height < -clear || height > s.y() + clear) return false;
                double[][] st = Solids.profile(o.shape());
                double outer = outerRadius(st, s, height);
                double rr = Math.hypot(q.x(), q.z());
                if (rr > outer + clear) return false;
                return !inCavity(o, q.x(), height, q.z(), clear);
            }
            default -> {
                return Math.abs(q.x()) <= hx + clear && Math.abs(q.y()) <= hy + clear && Math.abs(q.z()) <= hz + clear;
            }
        }
    }

    /** A vessel's outer radius at a height above its bottom, m (its widest where the profile folds). */
    private static double outerRadius(double[][] st, Vec3 s, double height) {
        double u = height / s.y(), r = 0;
        for (int k = 1; k < st.length; k++) {
            double y0 = st[k - 1][1], y1 = st[k][1];
            if (u >= Math.min(y0, y1) && u <= Math.max(y0, y1)) {
                double f = y1 > y0 ? (u - y0) / (y1 - y0) : 1;
                r = Math.max(r, st[k - 1][0] + f * (st[k][0] - st[k - 1][0]));
            }
        }
        return r * s.x() / 2;
    }

    static Vec3 rotate(Quat q, Vec3 v) {
        return q.rotate(v);
    }

    /** Reads every coupled body's state from Bullet (the start of a step). */
    private void readStates() {
        Vector3f v = new Vector3f();
        Quaternion r = new Quaternion();
        for (int b = 0; b < moving.length; b++) {
            int i = moving[b];
            int o = 13 * b;
            if (!inWorld[i]) {
                // Not in the world yet: far away, where no liquid reaches it.
                java.util.Arrays.fill(start, o, o + 13, 0);
                start[o] = 1e6;
                start[o + 6] = 1;
                continue;
            }
            bullet[i].getPhysicsLocation(v);
            start[o] = v.x;
            start[o + 1] = v.y;
            start[o + 2] = v.z;
            bullet[i].getPhysicsRotation(r);
            start[o + 3] = r.getX();
            start[o + 4] = r.getY();
            start[o + 5] = r.getZ();
            start[o + 6] = r.getW();
            bullet[i].getLinearVelocity(v);
            start[o + 7] = v.x;
            start[o + 8] = v.y;
            start[o + 9] = v.z;
            bullet[i].getAngularVelocity(v);
            start[o + 10] = v.x;
            start[o + 11] = v.y;
            start[o + 12] = v.z;
            bullet[i].getGravity(v);
            bodyGravity[3 * b] = v.x;
            bodyGravity[3 * b + 1] = v.y;
            bodyGravity[3 * b + 2] = v.z;
        }
    }

    /**
     * Reads Bullet's contact points between each coupled body and the fixed things (the floor, the
     * room's walls, fixed objects), as its last step left them: they hold the body within the
     * liquid's sub-steps ({@link Coupled#advance}). Without them the sub-steps carried a body on
     * through the floor it was landing on, and Bullet's next step put it back: a glass of water
     * tipping back onto its base jumped 1.5 mm and 1.5 degrees within one sub-step of the liquid, and
     * the density solve pushed the water it jumped into out of the glass at 3 m/s. {@code owner} maps
     * Bullet's collision objects to scene indices (negative: the floor or a wall).
     */
    void readContacts(PhysicsSpace space, java.util.Map<Long, Integer> owner) {
        java.util.Arrays.fill(contactCount, 0);
        if (moving.length == 0) return;
        Vector3f normal = new Vector3f(), on = new Vector3f();
        List<SceneObject> objects = scene.objects();
        for (long manifold : space.listManifoldIds()) {
            Integer ia = owner.get(PersistentManifolds.getBodyAId(manifold));
            Integer ib = owner.get(PersistentManifolds.getBodyBId(manifold));
            if (ia == null || ib == null) continue;
            boolean fixedA = ia < 0 || objects.get(ia).fixed(), fixedB = ib < 0 || objects.get(ib).fixed();
            if (fixedA == fixedB) continue;   // two fixed things, or two moving bodies (left to Bullet)
            boolean bodyIsA = !fixedA;
            int b = coupledOf[bodyIsA ? ia : ib];
            if (b < 0) continue;
            int n = PersistentManifolds.countPoints(manifold);
            for (int p = 0; p < n && contactCount[b] < MAX_CONTACTS; p++) {
                long pt = PersistentManifolds.getPointId(manifold, p);
                double distance = ManifoldPoints.getDistance1(pt);
                if (distance > CONTACT_REACH) continue;
                ManifoldPoints.getNormalWorldOnB(pt, normal);   // from B to A
                if (bodyIsA) ManifoldPoints.getPositionWorldOnA(pt, on);
                else ManifoldPoints.getPositionWorldOnB(pt, on);
                double sign = bodyIsA ? 1 : -1;
                double[] c = contactsRead[b];
                int o = 7 * contactCount[b]++;
                c[o] = on.x; c[o + 1] = on.y; c[o + 2] = on.z;
                c[o + 3] = sign * normal.x; c[o + 4] = sign * normal.y; c[o + 5] = sign * normal.z;
                c[o + 6] = distance;
            }
        }
    }

    /**
     * Brings the contacts read after Bullet's last step to now, for one solver's sub-steps
     * ({@link #readStates} done): Bullet found them before that step moved the body, so each point
     * has since moved with the body's velocity for dt; it becomes an offset from the body's centre,
     * and its gap grows by the point's speed away from the fixed thing.
     */
    private void prepareContacts(double dt) {
        for (int b = 0; b < moving.length; b++) {
            int o = 13 * b;
            double[] in = contactsRead[b], c = contacts[b];
            for (int k = 0; k < contactCount[b]; k++) {
                int q = 7 * k;
                // offset from the centre as it was before the step (the point and the centre moved alike)
                c[q] = in[q] - (start[o] - dt * start[o + 7]);
                c[q + 1] = in[q + 1] - (start[o + 1] - dt * start[o + 8]);
                c[q + 2] = in[q + 2] - (start[o + 2] - dt * start[o + 9]);
                c[q + 3] = in[q + 3]; c[q + 4] = in[q + 4]; c[q + 5] = in[q + 5];
                c[q + 6] = in[q + 6] + dt * normalSpeed(o, c, q);
            }
        }
    }

    /**
     * The speed away from the fixed thing of the contact point at {@code c[q]} (its offset from the
     * centre, then its normal) on the body whose state starts at {@code start[o]}: (v + w x r) . n.
     */
    private double normalSpeed(int o, double[] c, int q) {
        double rx = c[q], ry = c[q + 1], rz = c[q + 2];
        double wx = start[o + 10], wy = start[o + 11], wz = start[o + 12];
        return (start[o + 7] + wy * rz - wz * ry) * c[q + 3] + (start[o + 8] + wz * rx - wx * rz) * c[q + 4]
                + (start[o + 9] + wx * ry - wy * rx) * c[q + 5];
    }

    /**
     * Advances the liquids from {@code t} to {@code t + dt} against the bodies as Bullet has them
     * now, then hands each body the liquid's mean force and torque over the interval, to act through
     * Bullet's next step.
     */
    void step(double t, double dt) {
        java.util.Arrays.fill(impulse, 0);
        for (FluidSolver f : solvers) {
            readStates();
            prepareContacts(dt);
            f.advanceTo(t + dt);
            for (SoundEvents.Bubble b : f.drainBubbles()) {
                sounds.add(new LiquidSound(LiquidSound.BUBBLE, b.time(), new Vec3(b.x(), b.y(), b.z()), b.radius(), 0, 0));
            }
            for (SoundEvents.Splash s : f.drainSplashes()) {
                sounds.add(new LiquidSound(LiquidSound.SPLASH, s.time(), new Vec3(s.x(), s.y(), s.z()), 0, s.speed(), s.volume()));
            }
        }
        for (int b = 0; b < moving.length; b++) {
            int i = moving[b];
            if (!inWorld[i]) continue;
            Vector3f force = new Vector3f((float) (impulse[6 * b] / dt), (float) (impulse[6 * b + 1] / dt), (float) (impulse[6 * b + 2] / dt));
            Vector3f torque = new Vector3f((float) (impulse[6 * b + 3] / dt), (float) (impulse[6 * b + 4] / dt), (float) (impulse[6 * b + 5] / dt));
            bullet[i].clearForces();
            if (force.lengthSquared() > 0 || torque.lengthSquared() > 0) {
                bullet[i].activate(true);
                bullet[i].applyCentralForce(force);
                bullet[i].applyTorque(torque);
            }
        }
    }

    /** Every liquid as it is now (at a frame's time). */
    List<LiquidFrame> frames() {
        List<LiquidFrame> out = new ArrayList<>(solvers.length);
        for (FluidSolver f : solvers) {
            int n = f.size();
            float[] xyz = new float[3 * n];
            double volume = 0, v0 = f.particleVolume();
            for (int i = 0; i < n; i++) {
                xyz[3 * i] = (float) f.x(i);
                xyz[3 * i + 1] = (float) f.y(i);
                xyz[3 * i + 2] = (float) f.z(i);
                // A compressed particle takes less room than its rest volume; one at the surface,
                // whose neighbourhood is half empty, takes its rest volume.
                volume += v0 / Math.max(1, f.densityRatio(i));
            }
            out.add(new LiquidFrame(n, volume, xyz));
        }
        return out;
    }

    /** Each liquid's particles now, in scene order. */
    List<LiquidState> state() {
        List<LiquidState> out = new ArrayList<>(solvers.length);
        for (FluidSolver f : solvers) {
            int n = f.size();
            double[] x = new double[3 * n], v = new double[3 * n];
            for (int i = 0; i < n; i++) {
                x[3 * i] = f.x(i);
                x[3 * i + 1] = f.y(i);
                x[3 * i + 2] = f.z(i);
                v[3 * i] = f.vx(i);
                v[3 * i + 1] = f.vy(i);
                v[3 * i + 2] = f.vz(i);
            }
            out.add(new LiquidState(x, v));
        }
        return out;
    }

    /** The liquids' bubbles and splashes so far, in order of time. */
    List<LiquidSound> sounds() {
        List<LiquidSound> s = new ArrayList<>(sounds);
        s.sort(java.util.Comparator.comparingDouble(LiquidSound::t));
        return s;
    }

    @Override
    public void close() {
        for (FluidSolver f : solvers) if (f != null) f.close();
    }

    /** The moving objects as the solver sees them: Bullet's state at the step's start, moved by each sub-step. */
    private final class Coupled implements RigidBodies {
        private final double[] r = new double[3];

        @Override
        public int count() {
            return moving.length;
        }

        @Override
        public void state(int body, double[] out) {
            System.arraycopy(start, 13 * body, out, 0, 13);
        }

        @Override
        public void inverseInertia(int body, double[] out) {
            // a body gone from the world, or one without a finite mass, does not give way
            boolean gives = inWorld[moving[body]] && Double.isFinite(inverseMass[body]);
            out[0] = gives ? inverseMass[body] : 0;
            for (int k = 0; k < 3; k++) out[1 + k] = gives && Double.isFinite(inverseInertia[3 * body + k]) ? inverseInertia[3 * body + k] : 0;
        }

        @Override
        public void advance(double dt, double[] w) {
            // (Not called while the solver settles: the bodies are held then.)
            for (int k = 0; k < impulse.length; k++) impulse[k] += w[k] * dt;
            for (int b = 0; b < moving.length; b++) {
                int o = 13 * b;
                if (!inWorld[moving[b]]) continue;
                double im = inverseMass[b];
                start[o + 7] += dt * (w[6 * b] * im + bodyGravity[3 * b]);
                start[o + 8] += dt * (w[6 * b + 1] * im + bodyGravity[3 * b + 1]);
                start[o + 9] += dt * (w[6 * b + 2] * im + bodyGravity[3 * b + 2]);
                // Angular velocity: I^-1 (torque), I^-1 taken in the body frame (gyroscopic terms left to Bullet).
                double qx = start[o + 3], qy = start[o + 4], qz = start[o + 5], qw = start[o + 6];
                rotate(qx, qy, qz, -qw, w[6 * b + 3], w[6 * b + 4], w[6 * b + 5]);   // world to body
                double ax = r[0] * inverseInertia[3 * b], ay = r[1] * inverseInertia[3 * b + 1], az = r[2] * inverseInertia[3 * b + 2];
                rotate(qx, qy, qz, qw, ax, ay, az);                                    // body to world
                start[o + 10] += dt * r[0];
                start[o + 11] += dt * r[1];
                start[o + 12] += dt * r[2];
                if (contactCount[b] > 0) holdByContacts(b, dt);
                start[o] += dt * start[o + 7];
                start[o + 1] += dt * start[o + 8];
                start[o + 2] += dt * start[o + 9];
                double wx = start[o + 10], wy = start[o + 11], wz = start[o + 12];
                double h = 0.5 * dt;
                double nx = qx + h * (wx * qw + wy * qz - wz * qy);
                double ny = qy + h * (wy * qw + wz * qx - wx * qz);
                double nz = qz + h * (wz * qw + wx * qy - wy * qx);
                double nw = qw + h * (-wx * qx - wy * qy - wz * qz);
                double l = Math.sqrt(nx * nx + ny * ny + nz * nz + nw * nw);
                start[o + 3] = nx / l;
                start[o + 4] = ny / l;
                start[o + 5] = nz / l;
                start[o + 6] = nw / l;
            }
        }

        /** Sequential impulse iterations of {@link #holdByContacts}. */
        private static final int CONTACT_ITERATIONS = 8;

        /**
         * Bullet's contacts hold body b within a sub-step of length dt: each contact point may come
         * no nearer the fixed thing than its gap allows within the sub-step (none once touching),
         * by impulses along the contact normals that only push (sequential impulses, without
         * friction: Bullet's own step handles that). The contacts' impulses are not the liquid's:
         * they are not handed to Bullet, which makes its own. The points' gaps then follow the
         * body's motion; their offsets from the centre stay as they were at the Bullet step's start
         * (the body turns by a degree or two at most within one).
         */
        private void holdByContacts(int b, double dt) {
            int o = 13 * b;
            double[] c = contacts[b], lambda = contactImpulse, response = contactResponse;
            int count = contactCount[b];
            java.util.Arrays.fill(lambda, 0, count, 0);
            double im = inverseMass[b];
            double qx = start[o + 3], qy = start[o + 4], qz = start[o + 5], qw = start[o + 6];
            for (int k = 0; k < count; k++) {
                int q = 7 * k;
                double rx = c[q], ry = c[q + 1], rz = c[q + 2], nx = c[q + 3], ny = c[q + 4], nz = c[q + 5];
                // r x n, and the inverse inertia (world) applied to it
                double ax = ry * nz - rz * ny, ay = rz * nx - rx * nz, az = rx * ny - ry * nx;
                rotate(qx, qy, qz, -qw, ax, ay, az);
                double bx = r[0] * inverseInertia[3 * b], by = r[1] * inverseInertia[3 * b + 1], bz = r[2] * inverseInertia[3 * b + 2];
                rotate(qx, qy, qz, qw, bx, by, bz);
                response[4 * k] = r[0];
                response[4 * k + 1] = r[1];
                response[4 * k + 2] = r[2];
                response[4 * k + 3] = im + ax * r[0] + ay * r[1] + az * r[2];
            }
            for (int it = 0; it < CONTACT_ITERATIONS; it++) {
                for (int k = 0; k < count; k++) {
                    int q = 7 * k;
                    double target = -Math.max(c[q + 6], 0) / dt;
                    double next = Math.max(0, lambda[k] + (target - normalSpeed(o, c, q)) / response[4 * k + 3]);
                    double dl = next - lambda[k];
                    lambda[k] = next;
                    start[o + 7] += dl * im * c[q + 3];
                    start[o + 8] += dl * im * c[q + 4];
                    start[o + 9] += dl * im * c[q + 5];
                    start[o + 10] += dl * response[4 * k];
                    start[o + 11] += dl * response[4 * k + 1];
                    start[o + 12] += dl * response[4 * k + 2];
                }
            }
            for (int k = 0; k < count; k++) c[7 * k + 6] += dt * normalSpeed(o, c, 7 * k);
        }

        /** r = q v q^-1 for the unit quaternion (x, y, z, w) (w negated: the inverse rotation). */
        private void rotate(double x, double y, double z, double w, double vx, double vy, double vz) {
            // t = 2 (q.xyz x v); v' = v + w t + q.xyz x t
            double tx = 2 * (y * vz - z * vy), ty = 2 * (z * vx - x * vz), tz = 2 * (x * vy - y * vx);
            r[0] = vx + w * tx + (y * tz - z * ty);
            r[1] = vy + w * ty + (z * tx - x * tz);
            r[2] = vz + w * tz + (x * ty - y * tx);
        }
    }
}
