package dev.diorama.scene;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a {@link Shape#MESH} object's {@code asset} leads: a name bound to a file
 * ({@code --asset NAME=path} on the command line), or else the text itself read as a path. This is
 * a process-wide table, filled before a scene is filmed; the scene itself stays plain data (the
 * asset's text), so a scene file means the same wherever it is read once its names are bound.
 *
 * <p>The one fact about an asset the spec needs before the picture or the simulation see it is how
 * much of its bounding box its convex hull fills: that makes {@link SceneObject#volume()} and so
 * the mass honest. The importer records it here when it reads the file ({@link #recordHullFill}).
 */
public final class Assets {
    private static final Map<String, Path> BOUND = new ConcurrentHashMap<>();
    private static final Map<Path, Double> FILL = new ConcurrentHashMap<>();
    private static final Map<Path, Vec3> CENTROID = new ConcurrentHashMap<>();
    private static final Map<Path, Vec3> EXTENTS = new ConcurrentHashMap<>();

    private Assets() {}

    /** Binds {@code name} to a file; a later binding of the same name replaces it. */
    public static void bind(String name, Path file) {
        BOUND.put(name, file.toAbsolutePath().normalize());
    }

    /**
     * The file an asset's text leads to: its bound file (a prompt's "my_sneaker.glb" also finds a
     * file bound as "my_sneaker"), or the text as a path.
     */
    public static Path resolve(String asset) {
        Path p = BOUND.get(asset);
        if (p == null) {
            String lower = asset.toLowerCase(java.util.Locale.ROOT);
            for (String ext : new String[] {".glb", ".gltf", ".obj"}) {
                if (lower.endsWith(ext)) p = BOUND.get(asset.substring(0, asset.length() - ext.length()));
            }
        }
        return p != null ? p : Path.of(asset).toAbsolutePath().normalize();
    }

    /** Records the fraction of its bounding box that the convex hull of a file's mesh fills. */
    public static void recordHullFill(Path file, double fraction) {
        if (!(fraction > 0 && fraction <= 1 + 1e-9)) throw new IllegalArgumentException("hull fill " + fraction);
        FILL.put(file.toAbsolutePath().normalize(), Math.min(1, fraction));
    }

    /**
     * Records where the centroid of a file's mesh hull lies in its bounding box, as fractions of the
     * box's extents from its centre (each in [-0.5, 0.5]).
     */
    public static void recordHullCentroid(Path file, Vec3 fraction) {
        CENTROID.put(file.toAbsolutePath().normalize(), fraction);
    }

    /** Records the extents of a file's mesh along x, y and z in the file's own units (its proportions). */
    public static void recordExtents(Path file, Vec3 extents) {
        EXTENTS.put(file.toAbsolutePath().normalize(), extents);
    }

    /**
     * The extents of an asset's mesh in its file's units, once its file has been read; null before.
     * A prompt that names a model gives it these proportions.
     */
    public static Vec3 extents(String asset) {
        return asset == null ? null : EXTENTS.get(resolve(asset));
    }

    /** The hull centroid of an asset in its box (see {@link #recordHullCentroid}); the box centre until read. */
    public static Vec3 hullCentroid(String asset) {
        if (asset == null) return Vec3.ZERO;
        Vec3 c = CENTROID.get(resolve(asset));
        return c != null ? c : Vec3.ZERO;
    }

    /**
     * The fraction of its bounding box that an asset's convex hull fills, once its file has been
     * read; before that, pi / 6, the inscribed ellipsoid's share, as a stand-in.
     */
    public static double hullFill(String asset) {
        if (asset == null) return Math.PI / 6;
        Double f = FILL.get(resolve(asset));
        return f != null ? f : Math.PI / 6;
    }
}
