package dev.diorama.scene;

import java.util.regex.Pattern;

/**
 * One rigid object of a scene, at the start of the film.
 *
 * @param id        a unique name, letters, digits, '-' and '_' (e.g. "ball-1"); events and poses refer to it
 * @param shape     its shape; see {@link Shape} for how {@code size} is read
 * @param material  what it is made of: mass, bounce, friction, look and sound all follow
 * @param color     its display colour
 * @param size      extents along the object's own x, y, z axes, metres, each in (0, 100]
 * @param position  centre of the object at t = 0, metres
 * @param rotation  orientation at t = 0 (unit quaternion)
 * @param velocity  linear velocity at t = 0, m/s
 * @param fixed     true for a static body: it never moves, whatever hits it (mass 0 to Bullet, as the
 *                  floor): ramps, tables, shelves, occluders, the pivots of pendulums
 * @param asset     for {@link Shape#MESH} only: a name bound to a file, or a path to a glTF (.gltf,
 *                  .glb) or OBJ file ({@link Assets#resolve}); null for every other shape
 * @param enters    film time at which the object enters the world, s (0: from the start); before it,
 *                  it is neither simulated nor seen, and it then starts at {@code position} with
 *                  {@code velocity}: a later shot of a storyboard drops it in
 * @param emission  light the object gives off: the luminance of its surface in cd/m^2, in [0, 10^6]
 *                  (0: none; a frosted bulb or an LED panel is 10^3 to 10^4, a neon tube 10^4), in
 *                  its {@code color}'s hue; it lights the scene as an area light. It changes nothing
 *                  else: the object weighs, bounces and sounds as its material says
 * @param spin      angular velocity at t = 0 (or when it enters), rad/s about world axes through its
 *                  centre of mass, right-handed (a positive y spins it anticlockwise seen from above);
 *                  at most {@value #MAX_SPIN} rad/s
 * @param wall      for a ball only: the thickness of its shell, m, when it is hollow (a basketball's
 *                  rubber is 3.2 mm, a ping-pong ball's plastic 0.46 mm), less than its radius; 0
 *                  (the default) for a solid one. The shell holds air ({@link Environment#EARTH_AIR_DENSITY},
 *                  sealed in): it weighs, turns and floats as a shell does
 */
public record SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                          Quat rotation, Vec3 velocity, boolean fixed, String asset, double enters, double emission,
                          Vec3 spin, double wall) {
    public static final double MAX_SIZE = 100;
    /** Brightest surface an object may have, cd/m^2 (a halogen filament is about 10^7; a lamp's diffuser 10^4). */
    public static final double MAX_EMISSION = 1e6;
    public static final double MAX_COORDINATE = 1000;
    /** The fastest spin, rad/s (about 16,000 rpm: a drill's chuck; a spinning top is 100 to 300). */
    public static final double MAX_SPIN = 2000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SceneObject {
        SceneException.check(id != null && ID.matcher(id).matches(), "/id",
                "expected 1 to 64 letters, digits, '-' or '_'");
        SceneException.check(!id.equals(Scene.FLOOR_ID) && !id.equals(Scene.WALL_ID), "/id",
                "expected an id other than the reserved \"floor\" and \"wall\"");
        SceneException.check(shape != null, "/shape", "expected a shape");
        SceneException.check(material != null, "/material", "expected a material");
        if (color == null) color = material.color;
        SceneException.checkFinite(size, MAX_SIZE, "/size", "three extents in metres");
        SceneException.check(size.x() > 0 && size.y() > 0 && size.z() > 0, "/size",
                "expected three extents greater than 0 m");
        if (shape == Shape.BALL) {
            SceneException.check(size.x() == size.y() && size.y() == size.z(), "/size",
                    "expected a ball's three extents to be equal (its diameter)");
        }
        if (shape.round()) {
            SceneException.check(size.x() == size.z(), "/size",
                    "expected a " + shape.jsonName() + "'s x and z extents to be equal (its diameter)");
        }
        if (shape == Shape.MESH) {
            SceneException.check(asset != null && !asset.isBlank() && asset.length() <= 1024
                    && asset.indexOf('\0') < 0, "/asset",
                    "expected the name or path of a model file (.gltf, .glb or .obj) for a mesh");
        } else {
            SceneException.check(asset == null, "/asset", "expected no asset: only a \"mesh\" takes one");
        }
        SceneException.checkFinite(position, MAX_COORDINATE, "/position", "a position [x, y, z] in metres");
        rotation = rotation == null ? Quat.IDENTITY : rotation;
        double n = Math.sqrt(rotation.x() * rotation.x() + rotation.y() * rotation.y()
                + rotation.z() * rotation.z() + rotation.w() * rotation.w());
        SceneException.check(Double.isFinite(n) && n > 1e-9, "/rotation", "expected a non-zero quaternion [x, y, z, w]");
        rotation = rotation.normalized();
        velocity = velocity == null ? Vec3.ZERO : velocity;
        SceneException.checkFinite(velocity, 1000, "/velocity", "a velocity [x, y, z] in m/s");
        SceneException.check(!fixed || velocity.equals(Vec3.ZERO), "/velocity",
                "expected no velocity for a fixed object (it never moves)");
        SceneException.check(Double.isFinite(enters) && enters >= 0, "/enters",
                "expected the time the object enters, in seconds, 0 or more");
        SceneException.check(Double.isFinite(emission) && emission >= 0 && emission <= MAX_EMISSION, "/emission",
                "expected the luminance of a glowing surface in cd/m^2, from 0 to " + (long) MAX_EMISSION);
        spin = spin == null ? Vec3.ZERO : spin;
        SceneException.checkFinite(spin, MAX_SPIN, "/spin", "an angular velocity [x, y, z] in rad/s");
        SceneException.check(!fixed || spin.equals(Vec3.ZERO), "/spin",
                "expected no spin for a fixed object (it never moves)");
        SceneException.check(Double.isFinite(wall) && wall >= 0, "/wall", "expected a shell's thickness in metres, 0 or more");
        SceneException.check(wall == 0 || shape == Shape.BALL, "/wall",
                "expected no wall (0): only a ball can be a hollow shell");
        SceneException.check(wall < size.x() / 2, "/wall",
                "expected a shell thinner than the ball's radius, " + size.x() / 2 + " m (0: a solid ball)");
    }

    /** A solid object (no shell). */
    public SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                       Quat rotation, Vec3 velocity, boolean fixed, String asset, double enters, double emission,
                       Vec3 spin) {
        this(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters, emission, spin, 0);
    }

    /** An object that starts without spinning. */
    public SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                       Quat rotation, Vec3 velocity, boolean fixed, String asset, double enters, double emission) {
        this(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters, emission, null);
    }

    /** An object that gives off no light. */
    public SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                       Quat rotation, Vec3 velocity, boolean fixed, String asset, double enters) {
        this(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters, 0);
    }

    /** A free, movable object of one of the built-in shapes: the object as it was before fixed bodies and assets. */
    public SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position,
                       Quat rotation, Vec3 velocity) {
        this(id, shape, material, color, size, position, rotation, velocity, false, null, 0);
    }

    /** An object there from the start. */
    public SceneObject(String id, Shape shape, Material material, Rgb color, Vec3 size, Vec3 position, Quat rotation,
                       Vec3 velocity, boolean fixed, String asset) {
        this(id, shape, material, color, size, position, rotation, velocity, fixed, asset, 0);
    }

    /** The same object entering the world at film time {@code t}, s. */
    public SceneObject entering(double t) {
        return new SceneObject(id, shape, material, color, size, position, rotation, velocity, fixed, asset, t, emission, spin, wall);
    }

    /** The same object glowing with a surface luminance of {@code nits} cd/m^2. */
    public SceneObject glowing(double nits) {
        return new SceneObject(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters, nits, spin, wall);
    }

    /**
     * Half the vertical extent as the object is turned at the start: how far the centre sits above
     * the floor when the object rests on it (upright: half of {@code size.y}; a box or cylinder turned
     * by {@code rotation}: its half axes projected on the vertical; a ball: its radius).
     */
    public double halfHeight() {
        if (shape == Shape.BALL) return size.x() / 2;
        if (rotation.equals(Quat.IDENTITY)) return size.y() / 2;
        Vec3 ax = rotation.rotate(new Vec3(size.x() / 2, 0, 0)), ay = rotation.rotate(new Vec3(0, size.y() / 2, 0)),
                az = rotation.rotate(new Vec3(0, 0, size.z() / 2));
        if (shape == Shape.PIN) return turnedReach(-ay.y() / (size.y() / 2), false);
        if (shape == Shape.CYLINDER || shape == Shape.CONE) {
            // A cylinder's round section reaches down by its radius times the sine of its axis's tilt;
            // a cone's, at its base only, or its apex (+y in its own frame) does (a top on its point).
            double tilt = Math.sqrt(Math.max(0, 1 - ay.y() * ay.y() / (size.y() * size.y() / 4)));
            if (shape == Shape.CONE) return Math.max(-ay.y(), ay.y() + size.x() / 2 * tilt);
            return Math.abs(ay.y()) + size.x() / 2 * tilt;
        }
        return Math.abs(ax.y()) + Math.abs(ay.y()) + Math.abs(az.y());
    }

    /**
     * How far a turned solid (a pin) reaches from its box's centre along a direction whose cosine
     * with its axis is {@code c}: furthest at one of its contour's rings, a ring at height y of
     * radius r reaching y c + r sin; {@code both}: along the direction or against it, whichever is
     * further.
     */
    private double turnedReach(double c, boolean both) {
        double sin = Math.sqrt(Math.max(0, 1 - c * c)), reach = 0;
        for (double[] st : Solids.turned(shape)) {
            double y = (st[1] - 0.5) * size.y(), r = st[0] * size.x() / 2;
            reach = Math.max(reach, (both ? Math.abs(y * c) : y * c) + r * sin);
        }
        return reach;
    }

    /**
     * Half the object's extent along the unit direction {@code u} from its position: its box's
     * half axes, turned by {@code rotation}, projected on {@code u}; for round shapes (a cylinder,
     * cone, bowl, cup, bottle or jug) the cylinder that holds them, for a pin its contour exactly; a ball's radius. A crossbar
     * lying along x reaches its length along x and its thickness up.
     */
    public double halfExtent(Vec3 u) {
        if (shape == Shape.BALL) return size.x() / 2;
        Vec3 ax = rotation.rotate(new Vec3(size.x() / 2, 0, 0)), ay = rotation.rotate(new Vec3(0, size.y() / 2, 0)),
                az = rotation.rotate(new Vec3(0, 0, size.z() / 2));
        return switch (shape) {
            case PIN -> turnedReach(ay.dot(u) / (size.y() / 2), true);
            case CYLINDER, CONE, BOWL, CUP, BOTTLE, JUG -> {
                double along = ay.dot(u), cos = along / (size.y() / 2);
                yield Math.abs(along) + Math.max(size.x(), size.z()) / 2 * Math.sqrt(Math.max(0, 1 - cos * cos));
            }
            default -> Math.abs(ax.dot(u)) + Math.abs(ay.dot(u)) + Math.abs(az.dot(u));
        };
    }

    private static final Vec3 X = new Vec3(1, 0, 0), Z = new Vec3(0, 0, 1);

    /** Whether the object, as it is turned, lies inside a room of {@code room}'s size: the floor's middle at the origin, the ceiling at room.y. */
    public boolean fitsIn(Vec3 room) {
        return Math.abs(position.x()) + halfExtent(X) <= room.x() / 2 + 1e-9 && Math.abs(position.z()) + halfExtent(Z) <= room.z() / 2 + 1e-9
                && position.y() + halfExtent(Vec3.UP) <= room.y() + 1e-9;
    }

    /** Volume of material in m^3, from the shape (a vessel's wall, a hollow ball's shell; see {@link Solids#volume}). */
    public double volume() {
        return wall > 0 ? sphere() - innerVolume() : Solids.volume(shape, size, asset);
    }

    /** Keratin, what a feather's shaft and barbs are made of, kg/m^3. */
    public static final double KERATIN_DENSITY = 1300;

    /**
     * The volume the object takes from the air around it, m^3: a hollow ball's whole sphere (its
     * sealed air with it); a feather's keratin alone (its box is nearly all air between its barbs,
     * which the air around it flows through: in the dense air of Venus a feather still sinks); for
     * everything else its material's (an open cup's wall).
     */
    public double enclosedVolume() {
        if (material == Material.FEATHER) return mass() / KERATIN_DENSITY;
        return wall > 0 ? sphere() : volume();
    }

    /** The volume inside a ball's outer surface, m^3. */
    private double sphere() { return Math.PI / 6 * size.x() * size.x() * size.x(); }

    /** The air sealed in a hollow ball, m^3 (0 for anything else). */
    public double innerVolume() {
        double inner = size.x() - 2 * wall;
        return wall > 0 ? Math.PI / 6 * inner * inner * inner : 0;
    }

    /**
     * Mass in kg: the volume of material times the material's density (a fixed object's too), and a
     * hollow ball's sealed air.
     */
    public double mass() { return volume() * material.density + innerVolume() * Environment.EARTH_AIR_DENSITY; }

    /**
     * A hollow ball's moment of inertia about any axis through its centre, kg m^2: its shell's,
     * 8 pi rho (R^5 - r^5) / 15, and its air's as a solid sphere (2/5 m r^2; air moves with a
     * shell that turns, once the turn has gone on a while). 0 for anything else (see {@link Solids#inertia}).
     */
    public double shellInertia() {
        if (wall == 0) return 0;
        double big = size.x() / 2, small = big - wall;
        return 8 * Math.PI / 15 * material.density * (Math.pow(big, 5) - Math.pow(small, 5))
                + 0.4 * innerVolume() * Environment.EARTH_AIR_DENSITY * small * small;
    }

    /** The same ball, hollow with a shell {@code thickness} m thick (0: solid). */
    public SceneObject withWall(double thickness) {
        return new SceneObject(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters,
                emission, spin, thickness);
    }

    /** Centre of mass relative to {@code position} (the box centre), in object space, metres. */
    public Vec3 centreOfMass() { return Solids.centreOfMass(shape, size, asset); }

    /** Radius of the smallest sphere about the centre that holds the object. */
    public double boundingRadius() {
        return boundingRadius(shape, size);
    }

    /** Radius of the smallest sphere about its box's centre that holds a {@code shape} of {@code size}. */
    public static double boundingRadius(Shape shape, Vec3 size) {
        return switch (shape) {
            case BALL -> size.x() / 2;
            // Round shapes reach furthest at the rim of their base or top.
            case CYLINDER, CONE, BOWL, CUP, BOTTLE, JUG, PIN -> Math.hypot(size.x() / 2, size.y() / 2);
            // Every other shape has a corner of its bounding box on it (a mesh is scaled to touch
            // its box; the furthest of its points is no further than the box's corner).
            case CUBE, PLANK, DOMINO, BRICK, PYRAMID, WEDGE, BOAT, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH -> size.length() / 2;
        };
    }

    /** The same object elsewhere at the start, turned by {@code q}. */
    public SceneObject withPose(Vec3 p, Quat q) {
        return new SceneObject(id, shape, material, color, size, p, q, velocity, fixed, asset, enters, emission, spin, wall);
    }

    /** The same object elsewhere at the start. */
    public SceneObject withPosition(Vec3 p) {
        return new SceneObject(id, shape, material, color, size, p, rotation, velocity, fixed, asset, enters, emission, spin, wall);
    }

    /** The same object, renamed, elsewhere at the start (a copy of it beside it). */
    public SceneObject copy(String newId, Vec3 p) {
        return new SceneObject(newId, shape, material, color, size, p, rotation, velocity, fixed, asset, enters, emission, spin, wall);
    }

    /** The same object made of another material, in another colour. */
    public SceneObject withMaterial(Material m, Rgb c) {
        return new SceneObject(id, shape, m, c, size, position, rotation, velocity, fixed, asset, enters, emission, spin, wall);
    }

    /** The same object spinning at {@code w} rad/s about world axes from the start (or its entrance). */
    public SceneObject withSpin(Vec3 w) {
        return new SceneObject(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters, emission, w, wall);
    }

    /**
     * The same object, already in the world (enters at 0), in the state given: where a film left it,
     * for the film that goes on from there. A fixed object keeps standing still.
     */
    public SceneObject continuing(Vec3 p, Quat q, Vec3 v, Vec3 w) {
        return new SceneObject(id, shape, material, color, size, p, q, fixed ? Vec3.ZERO : v, fixed, asset, 0, emission,
                fixed ? Vec3.ZERO : w, wall);
    }
}
