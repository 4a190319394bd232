package dev.diorama.assets;

/**
 * An image decoded once (javax.imageio) into linear RGBA floats, looked up by texture coordinates
 * with wrapping and bilinear filtering. glTF puts (u, v) = (0, 0) at the image's top-left corner.
 *
 * @param width   pixels
 * @param height  pixels
 * @param rgba    linear RGBA per pixel, row-major from the top row; sRGB-encoded files are decoded
 * @param nearest the file asks for nearest-texel magnification (glTF's sampler magFilter 9728,
 *                NEAREST: pixel art, checkers) rather than bilinear filtering
 */
public record Texture(int width, int height, float[] rgba, boolean nearest) {
    public Texture {
        if (width < 1 || height < 1 || rgba == null || rgba.length != 4 * width * height) {
            throw new IllegalArgumentException("texture of " + width + " x " + height + " needs " + 4L * width * height + " floats");
        }
    }

    /** A bilinearly filtered texture. */
    public Texture(int width, int height, float[] rgba) {
        this(width, height, rgba, false);
    }

    /** The same pixels with the given magnification filter. */
    public Texture withNearest(boolean nearestTexel) {
        return nearestTexel == nearest ? this : new Texture(width, height, rgba, nearestTexel);
    }

    /**
     * Reads an image's pixels (ARGB ints, row-major) as they are, each 8-bit value over 255: data
     * rather than colour, such as glTF's metallic-roughness texture (roughness in green, metalness
     * in blue), which is stored linearly.
     */
    public static Texture fromLinear(int width, int height, int[] argb) {
        float[] out = new float[4 * width * height];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[4 * i] = ((p >> 16) & 255) / 255f;
            out[4 * i + 1] = ((p >> 8) & 255) / 255f;
            out[4 * i + 2] = (p & 255) / 255f;
            out[4 * i + 3] = ((p >>> 24) & 255) / 255f;
        }
        return new Texture(width, height, out);
    }

    /** Decodes an sRGB image's pixels (ARGB ints, row-major) into linear RGBA. */
    public static Texture fromSrgb(int width, int height, int[] argb) {
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            lut[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        float[] out = new float[4 * width * height];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[4 * i] = lut[(p >> 16) & 255];
            out[4 * i + 1] = lut[(p >> 8) & 255];
            out[4 * i + 2] = lut[p & 255];
            out[4 * i + 3] = ((p >>> 24) & 255) / 255f;
        }
        return new Texture(width, height, out);
    }

    /** Bilinear, wrapping lookup at (u, v) into {@code out} (4 floats). */
    public void sample(double u, double v, float[] out) {
        double x = (u - Math.floor(u)) * width - 0.5, y = (v - Math.floor(v)) * height - 0.5;
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        for (int c = 0; c < 4; c++) {
            double a = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
            double b = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
            out[c] = (float) (a * (1 - fy) + b * fy);
        }
    }

    private float at(int x, int y, int c) {
        x = Math.floorMod(x, width);
        y = Math.floorMod(y, height);
        return rgba[4 * (y * width + x) + c];
    }
}
