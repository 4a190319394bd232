package dev.diorama.render;

import dev.diorama.scene.EnvironmentImage;
import dev.diorama.scene.SceneException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A photograph of the surroundings as the scene's sky and light: an equirectangular picture (360
 * degrees across, 180 high) whose centre column looks north (-z), whose columns turn clockwise seen
 * from above (north, east, south, west: as one sees them turning right) and whose top row looks
 * straight up. This is the layout of the panoramas that cameras and HDRI libraries produce.
 *
 * <p>The light it gives is split as the renderer splits the real sky's: a compact, very bright spot
 * (the sun in an HDR panorama, a studio softbox) becomes the key light, which casts soft shadows
 * from its measured direction, size and irradiance; everything else is the ambient light, projected
 * on spherical harmonics ({@link AmbientLight}). The split is conservative: pixels brighter than
 * {@link #SPOT_CONTRAST} times the mean radiance, within {@link #SPOT_RADIUS_DEG} of the brightest
 * pixel, give their excess over that threshold to the key light and keep the threshold, so every
 * watt of the picture is counted exactly once. Rays that may see lights (camera rays, mirrors) see
 * the picture as it is; others see it without the spot, which the key light's highlight stands in
 * for. An 8-bit photograph has no such spot (its sun is clipped at white), so it lights the scene
 * softly, as an overcast sky does; a Radiance .hdr panorama with the sun in it casts sharp shadows.
 *
 * <p>{@link EnvironmentImage#rotation()} turns the picture counter-clockwise seen from above, and
 * {@link EnvironmentImage#intensity()} scales it; 8-bit white is radiance 1.
 */
public final class EnvironmentMap {
    /** A pixel is part of the key light's spot when brighter than this times the map's mean radiance. */
    static final double SPOT_CONTRAST = 20;
    /** The spot is gathered within this angle of the brightest pixel, degrees. */
    static final double SPOT_RADIUS_DEG = 20;

    private final ImageTexture full, withoutSpot;
    private final double rotation;
    /** Unit vector toward the key light (the spot), straight up when there is none. */
    final double keyX, keyY, keyZ;
    /** Irradiance of the spot on a surface facing it, per band (zero when there is none). */
    final double[] keyIrradiance = new double[3];
    /** Angular radius of a disk of the spot's solid angle, radians. */
    final double keyRadius;

    /**
     * The map of {@code image} turned by {@code rotationDegrees} (counter-clockwise seen from above)
     * and scaled by {@code intensity}.
     */
    public EnvironmentMap(ImageTexture image, double rotationDegrees, double intensity) {
        rotation = Math.toRadians(rotationDegrees);
        int w = image.width, h = image.height;
        float[] px = image.rgb.clone();
        for (int i = 0; i < px.length; i++) px[i] = (float) (px[i] * intensity);
        full = new ImageTexture(w, h, px);
        // Mean radiance over the sphere: each row's pixels span a solid angle proportional to sin theta.
        double total = 0, brightest = -1;
        int best = 0;
        double[] rowSolidAngle = new double[h];
        for (int y = 0; y < h; y++) {
            double theta0 = Math.PI * y / h, theta1 = Math.PI * (y + 1) / h;
            rowSolidAngle[y] = 2 * Math.PI / w * (Math.cos(theta0) - Math.cos(theta1));
            for (int x = 0; x < w; x++) {
                double l = luminance(px, 3 * (y * w + x));
                total += l * rowSolidAngle[y];
                if (l > brightest) {
                    brightest = l;
                    best = y * w + x;
                }
            }
        }
        double mean = total / (4 * Math.PI), threshold = SPOT_CONTRAST * mean;
        float[] rest = px.clone();
        double sx = 0, sy = 0, sz = 0, solidAngle = 0;
        if (brightest > threshold && mean > 0) {
            double[] b = direction((best % w + 0.5) / w, (best / w + 0.5) / h);
            double cosReach = Math.cos(Math.toRadians(SPOT_RADIUS_DEG));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = 3 * (y * w + x);
                    double l = luminance(px, k);
                    if (l <= threshold) continue;
                    double[] d = direction((x + 0.5) / w, (y + 0.5) / h);
                    if (d[0] * b[0] + d[1] * b[1] + d[2] * b[2] < cosReach) continue;
                    double keep = threshold / l, dw = rowSolidAngle[y];
                    for (int c = 0; c < 3; c++) {
                        keyIrradiance[c] += px[k + c] * (1 - keep) * dw;
                        rest[k + c] = (float) (px[k + c] * keep);
                    }
                    double excess = (l - threshold) * dw;
                    sx += excess * d[0];
                    sy += excess * d[1];
                    sz += excess * d[2];
                    solidAngle += dw;
                }
            }
        }
        withoutSpot = new ImageTexture(w, h, rest);
        double n = Math.sqrt(sx * sx + sy * sy + sz * sz);
        if (n > 0) {
            keyX = sx / n;
            keyY = sy / n;
            keyZ = sz / n;
        } else {
            keyX = 0;
            keyY = 1;
            keyZ = 0;
        }
        // A disk of the same solid angle, at least the sun's.
        keyRadius = Math.max(Math.acos(Math.max(-1, 1 - solidAngle / (2 * Math.PI))),
                Math.toRadians(Atmosphere.SUN_RADIUS_DEG));
    }

    /** Reads the scene's photograph; a file that is missing or unreadable is the user's error, named by its field. */
    public static EnvironmentMap load(EnvironmentImage spec) {
        String at = "/environment/environmentMap/path";
        try (InputStream in = Files.newInputStream(Path.of(spec.path()))) {
            return new EnvironmentMap(ImageTexture.read(in), spec.rotation(), spec.intensity());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SceneException(at, "expected an image file, found no file \"" + spec.path() + "\"");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new SceneException(at, "expected a readable PNG, JPEG or Radiance .hdr image at \"" + spec.path()
                    + "\" (" + e.getMessage() + ")");
        }
    }

    /** A map from picture bytes (PNG, JPEG, .hdr), for a service that receives the picture itself. */
    public static EnvironmentMap read(InputStream in, double rotationDegrees, double intensity) throws IOException {
        return new EnvironmentMap(ImageTexture.read(in), rotationDegrees, intensity);
    }

    /** The world direction of picture point (u, v), rotation included. */
    double[] direction(double u, double v) {
        double phi = (u - 0.5) * 2 * Math.PI - rotation, theta = v * Math.PI;
        double s = Math.sin(theta);
        return new double[] {s * Math.sin(phi), Math.cos(theta), -s * Math.cos(phi)};
    }

    /**
     * Radiance arriving from the unit world direction d, into out[off..off+2]: the whole picture
     * ({@code withSpot}) or the picture without the key light's spot.
     */
    void radiance(double dx, double dy, double dz, boolean withSpot, double[] out, int off) {
        // Azimuth from north (-z) toward east (+x), clockwise seen from above; the picture turned
        // counter-clockwise by the rotation shows at world azimuth phi what it has at phi + rotation.
        double phi = Math.atan2(dx, -dz) + rotation;
        double u = 0.5 + phi / (2 * Math.PI);
        double v = Math.acos(dy < -1 ? -1 : dy > 1 ? 1 : dy) / Math.PI;
        (withSpot ? full : withoutSpot).sample(u, v, out, off);
    }

    private static double luminance(float[] p, int k) {
        return 0.2126 * p[k] + 0.7152 * p[k + 1] + 0.0722 * p[k + 2];
    }
}
