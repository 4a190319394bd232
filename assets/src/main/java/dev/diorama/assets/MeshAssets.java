package dev.diorama.assets;

import dev.diorama.scene.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a scene object's asset once per process: resolves its text to a file
 * ({@link Assets#resolve}), picks the reader by the file's extension, and records the mesh's hull
 * fill for the scene's volume ({@link Assets#recordHullFill}). Meshes are kept in their file's own
 * units; {@link TriangleMesh#fitted} sizes them to an object.
 */
public final class MeshAssets {
    /** A loaded file: its mesh as read and the convex hull of its vertices. */
    public record Loaded(Path file, TriangleMesh mesh, ConvexHull hull) {
        /** The fraction of the bounding box that the hull fills. */
        public double hullFill() {
            float[] b = mesh.bounds();
            return hull.volume() / ((double) (b[3] - b[0]) * (b[4] - b[1]) * (b[5] - b[2]));
        }
    }

    private static final Map<Path, Loaded> CACHE = new ConcurrentHashMap<>();

    private MeshAssets() {}

    /** Loads (or returns the already loaded) asset; an {@link AssetException} names a bad file. */
    public static Loaded load(String asset) {
        Path file = Assets.resolve(asset);
        return CACHE.computeIfAbsent(file, MeshAssets::read);
    }

    private static Loaded read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssetException(file, "expected a model file (.gltf, .glb or .obj), but there is no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        TriangleMesh mesh;
        if (name.endsWith(".obj")) mesh = ObjReader.read(file);
        else if (name.endsWith(".gltf") || name.endsWith(".glb")) mesh = GltfReader.read(file);
        else throw new AssetException(file, "expected a model file ending in .gltf, .glb or .obj");
        float[] b = mesh.bounds();
        if (!(b[3] > b[0] && b[4] > b[1] && b[5] > b[2])) {
            throw new AssetException(file, "expected a solid model, found one that is flat (no extent along an axis)");
        }
        ConvexHull hull;
        try {
            hull = mesh.hull();
        } catch (IllegalArgumentException e) {
            throw new AssetException(file, "expected a solid model, found one whose " + e.getMessage());
        }
        Loaded loaded = new Loaded(file, mesh, hull);
        Assets.recordHullFill(file, loaded.hullFill());
        Assets.recordExtents(file, new dev.diorama.scene.Vec3(b[3] - b[0], b[4] - b[1], b[5] - b[2]));
        double[] c = hull.centroid();
        Assets.recordHullCentroid(file, new dev.diorama.scene.Vec3((c[0] - (b[0] + b[3]) / 2.0) / (b[3] - b[0]),
                (c[1] - (b[1] + b[4]) / 2.0) / (b[4] - b[1]), (c[2] - (b[2] + b[5]) / 2.0) / (b[5] - b[2])));
        return loaded;
    }
}
