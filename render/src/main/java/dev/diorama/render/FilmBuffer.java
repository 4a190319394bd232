package dev.diorama.render;

/**
 * The picture while it is being drawn: per pixel the film value of its first sample (tone mapped
 * red, green, blue), the square root of its luminance (roughly the lightness the eye sees, for the
 * edge and smoothness tests) and the id of the surface the camera ray hit; and the finished 8-bit
 * picture. It persists between frames so that still tiles can keep their contents.
 */
final class FilmBuffer {
    final int width, height;
    final float[] film, lightness;
    final int[] surface;
    final byte[] picture;

    FilmBuffer(int width, int height) {
        this.width = width;
        this.height = height;
        film = new float[width * height * 3];
        lightness = new float[width * height];
        surface = new int[width * height];
        picture = new byte[width * height * 3];
    }

    /** sqrt of the Rec. 709 luminance of a film colour. */
    static double lightness(double r, double g, double b) {
        return Math.sqrt(0.2126 * r + 0.7152 * g + 0.0722 * b);
    }
}
