package dev.diorama.scene;

/**
 * A joint ties an object to the world or to another object, everything given as it is at t = 0 in
 * world coordinates. The joint holds one point of {@code a} (and, with a {@code b}, the same point
 * of {@code b}) together for the whole film: a rigid, massless link.
 *
 * <ul>
 *   <li>{@link Pivot}: a ball joint at {@code anchor}: the bodies turn freely about it. A ball
 *       whose centre is L below a pivot on the world is a pendulum on a rigid massless rod of
 *       length L; five such balls in a touching row make Newton's cradle.</li>
 *   <li>{@link Hinge}: turning only about {@code axis} through {@code anchor}: a door, a seesaw.</li>
 * </ul>
 *
 * <p>{@code b} null means the world (a fixed point in space).
 */
public sealed interface Joint {
    /** The object held. */
    String a();

    /** The other object, or null for the world. */
    String b();

    /** The joint's point at t = 0, world coordinates, metres. */
    Vec3 anchor();

    /** The JSON {@code kind}. */
    String kind();

    record Pivot(String a, String b, Vec3 anchor) implements Joint {
        public Pivot {
            check(a, b, anchor);
        }

        public String kind() { return "pivot"; }
    }

    /** @param axis the hinge's axis at t = 0, world coordinates (any non-zero length; kept unit) */
    record Hinge(String a, String b, Vec3 anchor, Vec3 axis) implements Joint {
        public Hinge {
            check(a, b, anchor);
            SceneException.checkFinite(axis, 1e6, "/axis", "an axis [x, y, z]");
            SceneException.check(axis.length() > 1e-9, "/axis", "expected a non-zero axis [x, y, z]");
            axis = axis.normalized();
        }

        public String kind() { return "hinge"; }
    }

    private static void check(String a, String b, Vec3 anchor) {
        SceneException.check(a != null, "/a", "expected the id of the object the joint holds");
        SceneException.check(!a.equals(b), "/b", "expected another object than \"a\" (or none: the world)");
        SceneException.checkFinite(anchor, SceneObject.MAX_COORDINATE, "/anchor", "an anchor [x, y, z] in metres");
    }
}
