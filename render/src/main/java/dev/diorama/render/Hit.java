package dev.diorama.render;

/**
 * The nearest surface found so far along a ray: a scratch record owned by one {@link Shader}, reused
 * for every ray so that tracing allocates nothing.
 */
final class Hit {
    /** No surface: the ray escapes to the sky or the room's dark outside. */
    static final int NONE = -1;

    /** Distance along the unit ray direction, metres. */
    double t;
    /** Surface id: an object's index in the scene, or one of {@link Surfaces}' fixed ids. */
    int id;
    /** Unit outward normal at the hit (filled for the enclosure at once, for objects on demand). */
    double nx, ny, nz;
    /** A triangle mesh's hit: the triangle and the barycentric weights of its second and third corners. */
    int triangle;
    double b1, b2;
    /** Texture coordinates at a mesh's hit (filled with the normal). */
    final double[] uv = new double[2];
    /** Scratch: a mesh's traversal stack and candidate, and a normal in object space. */
    final MeshBvh.MeshHit mesh = new MeshBvh.MeshHit();
    final double[] local = new double[3];

    void reset() {
        t = Double.POSITIVE_INFINITY;
        id = NONE;
    }
}
