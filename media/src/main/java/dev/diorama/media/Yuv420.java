package dev.diorama.media;

/**
 * Colour conversion between BGR24 and planar Y'CbCr 4:2:0, done here rather than in swscale so the
 * matrix, the range and the chroma filter are the ones the file is tagged with.
 *
 * <p>The writer uses the ITU-R BT.709 matrix with limited ("TV", 16-235 / 16-240) range, the HD
 * convention that players assume for untagged 720p and larger, and it also tags the stream so. Each
 * chroma sample is the mean of its 2x2 block of pixels: swscale's fast BGR24 to YUV420P path takes
 * the chroma of one pixel per block, which aliases on the hard edges of rendered pictures. All
 * arithmetic is fixed point, so the conversion is bit-exact on every machine.
 */
final class Yuv420 {

    /** Luma/chroma matrices that appear in the files we read. */
    enum Matrix {
        BT709(0.2126, 0.0722),
        BT601(0.299, 0.114);

        final double kr;
        final double kb;

        Matrix(double kr, double kb) {
            this.kr = kr;
            this.kb = kb;
        }
    }

    private static final int SHIFT = 16;

    // BT.709, limited range: Y = 16 + 219/255 (Kr R + Kg G + Kb B), Cb/Cr = 128 + 224/255 (...).
    private static final int YR = fix(Matrix.BT709.kr * 219 / 255);
    private static final int YG = fix((1 - Matrix.BT709.kr - Matrix.BT709.kb) * 219 / 255);
    private static final int YB = fix(Matrix.BT709.kb * 219 / 255);
    private static final int UR = fix(-Matrix.BT709.kr / (2 * (1 - Matrix.BT709.kb)) * 224 / 255);
    private static final int UG = fix(-(1 - Matrix.BT709.kr - Matrix.BT709.kb) / (2 * (1 - Matrix.BT709.kb)) * 224 / 255);
    private static final int UB = fix(0.5 * 224 / 255);
    private static final int VR = fix(0.5 * 224 / 255);
    private static final int VG = fix(-(1 - Matrix.BT709.kr - Matrix.BT709.kb) / (2 * (1 - Matrix.BT709.kr)) * 224 / 255);
    private static final int VB = fix(-Matrix.BT709.kb / (2 * (1 - Matrix.BT709.kr)) * 224 / 255);

    private Yuv420() {}

    private static int fix(double c) {
        return (int) Math.round(c * (1 << SHIFT));
    }

    /**
     * Converts a top-down BGR24 picture of even width and height to BT.709 limited-range planes.
     *
     * @param y luma plane, {@code yStride * height} bytes
     * @param u Cb plane, {@code uStride * height / 2} bytes
     * @param v Cr plane, {@code vStride * height / 2} bytes
     */
    static void fromBgr(byte[] bgr, int width, int height,
                        byte[] y, int yStride, byte[] u, int uStride, byte[] v, int vStride) {
        final int yOffset = (16 << SHIFT) + (1 << (SHIFT - 1));
        final int cOffset = (128 << (SHIFT + 2)) + (1 << (SHIFT + 1));
        final int rowBytes = width * 3;
        for (int row = 0; row < height; row += 2) {
            int top = row * rowBytes;
            int bottom = top + rowBytes;
            int yTop = row * yStride;
            int yBottom = yTop + yStride;
            int c = (row >> 1) * uStride;
            int cv = (row >> 1) * vStride;
            for (int col = 0; col < width; col += 2) {
                int b0 = bgr[top] & 0xff, g0 = bgr[top + 1] & 0xff, r0 = bgr[top + 2] & 0xff;
                int b1 = bgr[top + 3] & 0xff, g1 = bgr[top + 4] & 0xff, r1 = bgr[top + 5] & 0xff;
                int b2 = bgr[bottom] & 0xff, g2 = bgr[bottom + 1] & 0xff, r2 = bgr[bottom + 2] & 0xff;
                int b3 = bgr[bottom + 3] & 0xff, g3 = bgr[bottom + 4] & 0xff, r3 = bgr[bottom + 5] & 0xff;
                y[yTop + col] = (byte) ((YR * r0 + YG * g0 + YB * b0 + yOffset) >> SHIFT);
                y[yTop + col + 1] = (byte) ((YR * r1 + YG * g1 + YB * b1 + yOffset) >> SHIFT);
                y[yBottom + col] = (byte) ((YR * r2 + YG * g2 + YB * b2 + yOffset) >> SHIFT);
                y[yBottom + col + 1] = (byte) ((YR * r3 + YG * g3 + YB * b3 + yOffset) >> SHIFT);
                int r = r0 + r1 + r2 + r3, g = g0 + g1 + g2 + g3, b = b0 + b1 + b2 + b3;
                u[c + (col >> 1)] = (byte) ((UR * r + UG * g + UB * b + cOffset) >> (SHIFT + 2));
                v[cv + (col >> 1)] = (byte) ((VR * r + VG * g + VB * b + cOffset) >> (SHIFT + 2));
                top += 6;
                bottom += 6;
            }
        }
    }

    /**
     * Converts 4:2:0 planes back to top-down BGR24 (any width and height; chroma is repeated over
     * its 2x2 block, as most players do).
     *
     * @param fullRange true for JPEG ("PC", 0-255) range, false for limited range
     */
    static void toBgr(byte[] y, int yStride, byte[] u, int uStride, byte[] v, int vStride,
                      int width, int height, Matrix matrix, boolean fullRange, byte[] bgr) {
        double kr = matrix.kr, kb = matrix.kb, kg = 1 - kr - kb;
        double ys = fullRange ? 1 : 255.0 / 219;
        double cs = fullRange ? 1 : 255.0 / 224;
        int yScale = fix(ys);
        int crToR = fix(cs * 2 * (1 - kr));
        int cbToB = fix(cs * 2 * (1 - kb));
        int cbToG = fix(cs * 2 * (1 - kb) * kb / kg);
        int crToG = fix(cs * 2 * (1 - kr) * kr / kg);
        int yBlack = fullRange ? 0 : 16;
        int round = 1 << (SHIFT - 1);
        int out = 0;
        for (int row = 0; row < height; row++) {
            int yRow = row * yStride;
            int uRow = (row >> 1) * uStride;
            int vRow = (row >> 1) * vStride;
            for (int col = 0; col < width; col++) {
                int luma = yScale * ((y[yRow + col] & 0xff) - yBlack) + round;
                int cb = (u[uRow + (col >> 1)] & 0xff) - 128;
                int cr = (v[vRow + (col >> 1)] & 0xff) - 128;
                bgr[out] = clamp((luma + cbToB * cb) >> SHIFT);
                bgr[out + 1] = clamp((luma - cbToG * cb - crToG * cr) >> SHIFT);
                bgr[out + 2] = clamp((luma + crToR * cr) >> SHIFT);
                out += 3;
            }
        }
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
