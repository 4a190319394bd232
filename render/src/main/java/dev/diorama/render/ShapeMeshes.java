package dev.diorama.render;

import dev.diorama.assets.SolidMeshes;
import dev.diorama.assets.TriangleMesh;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BVHs of the shapes that have no analytic ray test, over their meshes ({@link SolidMeshes});
 * cached per shape, size and asset, so objects alike share one mesh and one tree (instancing).
 */
final class ShapeMeshes {
    static final int SEGMENTS = SolidMeshes.SEGMENTS;
    private static final Map<String, MeshBvh> CACHE = new ConcurrentHashMap<>();

    private ShapeMeshes() {}

    /** The mesh (and its tree) of an object's shape at its size. */
    static MeshBvh of(Shape shape, Vec3 size, String asset) {
        String key = shape + " " + size + " " + asset;
        return CACHE.computeIfAbsent(key, k -> new MeshBvh(mesh(shape, size, asset)));
    }

    static TriangleMesh mesh(Shape shape, Vec3 size, String asset) {
        return SolidMeshes.mesh(shape, size, asset);
    }
}
