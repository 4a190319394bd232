package dev.diorama.scene;

/**
 * A photograph of the surroundings used as the sky and its light: an equirectangular (latitude-
 * longitude) image, 360 degrees across and 180 high, its centre column looking north (-z) and its
 * top row straight up. The renderer reads the file when it is created; a file it cannot read is an
 * error naming {@code /environment/environmentMap/path}.
 *
 * @param path      the image file (PNG or JPEG, 8-bit sRGB; or Radiance .hdr for real light levels),
 *                  absolute or relative to the working directory
 * @param rotation  degrees the image is turned about the vertical, positive counter-clockwise seen
 *                  from above (so +90 brings what was north to the west), [-360, 360]
 * @param intensity scale of the image's values, (0, 1000]: 1 takes an 8-bit white as radiance 1
 */
public record EnvironmentImage(String path, double rotation, double intensity) {
    public EnvironmentImage {
        SceneException.check(path != null && !path.isBlank() && path.length() <= 4096, "/path",
                "expected the path of a PNG, JPEG or .hdr image");
        SceneException.check(Double.isFinite(rotation) && Math.abs(rotation) <= 360, "/rotation",
                "expected degrees in [-360, 360]");
        SceneException.check(Double.isFinite(intensity) && intensity > 0 && intensity <= 1000, "/intensity",
                "expected a scale in (0, 1000]");
    }

    /** The image as it is, unturned, at intensity 1. */
    public EnvironmentImage(String path) {
        this(path, 0, 1);
    }
}
