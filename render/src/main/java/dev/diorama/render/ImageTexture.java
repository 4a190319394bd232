package dev.diorama.render;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * A picture as linear light, looked up bilinearly: the image textures of surfaces with UV
 * coordinates, and the pixels of an {@link EnvironmentMap}.
 *
 * <p>PNG and JPEG (and anything else javax.imageio reads) hold sRGB-encoded 8-bit values; they are
 * decoded to linear reflectance or radiance once, at load time, by the sRGB transfer function, so
 * that filtering and shading happen on light, not on codes (blending codes darkens every edge).
 * Radiance .hdr files (Greg Ward's RGBE: an 8-bit mantissa per band and a shared exponent) carry real
 * light levels, the sun a hundred thousand times the sky's shadow side; they are read as they are.
 *
 * <p>Coordinates: u runs left to right across the picture, v top to bottom, both over [0, 1]; u
 * wraps around (a panorama's seam, a tiled texture), v is clamped at the top and bottom rows.
 */
public final class ImageTexture {
    final int width, height;
    /** Linear RGB, row-major from the top row, 3 floats per pixel. */
    final float[] rgb;

    ImageTexture(int width, int height, float[] rgb) {
        if (width < 1 || height < 1 || rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("expected " + 3 * width * height + " values for a " + width + " x "
                    + height + " picture, found " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * Reads a PNG, JPEG or Radiance .hdr picture; an IOException whose message says what was wrong
     * when the bytes are none of these.
     */
    public static ImageTexture read(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(16);
        byte[] head = b.readNBytes(10);
        b.reset();
        String magic = new String(head, StandardCharsets.ISO_8859_1);
        if (magic.startsWith("#?RADIANCE") || magic.startsWith("#?RGBE")) return readRgbe(b);
        BufferedImage image = ImageIO.read(b);
        if (image == null) throw new IOException("not a PNG, JPEG or Radiance .hdr picture");
        return fromImage(image);
    }

    /** An 8-bit sRGB picture, decoded to linear light. */
    static ImageTexture fromImage(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        float[] decode = new float[256];
        for (int i = 0; i < 256; i++) decode[i] = (float) ToneMap.decode(i);
        float[] rgb = new float[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x], k = 3 * (y * w + x);
                rgb[k] = decode[(p >> 16) & 255];
                rgb[k + 1] = decode[(p >> 8) & 255];
                rgb[k + 2] = decode[p & 255];
            }
        }
        return new ImageTexture(w, h, rgb);
    }

    /** Radiance RGBE: a text header ending in an empty line, "-Y h +X w", then flat or run-length scanlines. */
    private static ImageTexture readRgbe(InputStream in) throws IOException {
        String line;
        boolean rgbe = false;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.startsWith("FORMAT=")) rgbe = line.equals("FORMAT=32-bit_rle_rgbe");
        }
        if (!rgbe) throw new IOException("a Radiance file without FORMAT=32-bit_rle_rgbe");
        String[] size = readLine(in).trim().split("\\s+");
        if (size.length != 4 || !size[0].equals("-Y") || !size[2].equals("+X")) {
            throw new IOException("a Radiance file whose orientation is not \"-Y h +X w\"");
        }
        int h = Integer.parseInt(size[1]), w = Integer.parseInt(size[3]);
        if (w < 1 || h < 1 || (long) w * h > 64L << 20) throw new IOException("a Radiance picture of " + w + " x " + h);
        float[] rgb = new float[3 * w * h];
        byte[] scan = new byte[4 * w];
        for (int y = 0; y < h; y++) {
            readScanline(in, scan, w);
            for (int x = 0; x < w; x++) {
                int e = scan[4 * x + 3] & 255;
                float f = e == 0 ? 0 : (float) Math.scalb(1.0, e - 136);
                int k = 3 * (y * w + x);
                rgb[k] = ((scan[4 * x] & 255) + 0.5f) * f;
                rgb[k + 1] = ((scan[4 * x + 1] & 255) + 0.5f) * f;
                rgb[k + 2] = ((scan[4 * x + 2] & 255) + 0.5f) * f;
                if (e == 0) rgb[k] = rgb[k + 1] = rgb[k + 2] = 0;
            }
        }
        return new ImageTexture(w, h, rgb);
    }

    /** One scanline into scan as interleaved R, G, B, E: the new run-length form or flat pixels. */
    private static void readScanline(InputStream in, byte[] scan, int w) throws IOException {
        int a = readByte(in), b = readByte(in), c = readByte(in), d = readByte(in);
        if (a != 2 || b != 2 || (c & 0x80) != 0 || w < 8 || w > 0x7fff) {
            // Flat: this was the first pixel.
            scan[0] = (byte) a;
            scan[1] = (byte) b;
            scan[2] = (byte) c;
            scan[3] = (byte) d;
            byte[] rest = in.readNBytes(4 * w - 4);
            if (rest.length != 4 * w - 4) throw new IOException("a Radiance file that ends early");
            System.arraycopy(rest, 0, scan, 4, rest.length);
            return;
        }
        if (((c << 8) | d) != w) throw new IOException("a Radiance scanline of the wrong width");
        for (int band = 0; band < 4; band++) {
            int x = 0;
            while (x < w) {
                int n = readByte(in);
                if (n > 128) {
                    n -= 128;
                    int v = readByte(in);
                    if (x + n > w) throw new IOException("a Radiance run past the end of its scanline");
                    for (int i = 0; i < n; i++) scan[4 * x++ + band] = (byte) v;
                } else {
                    if (n == 0 || x + n > w) throw new IOException("a bad Radiance run");
                    for (int i = 0; i < n; i++) scan[4 * x++ + band] = (byte) readByte(in);
                }
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int v = in.read();
        if (v < 0) throw new IOException("a Radiance file that ends early");
        return v;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            s.append((char) c);
            if (s.length() > 4096) throw new IOException("a Radiance header line longer than 4096 characters");
        }
        if (c < 0 && s.isEmpty()) throw new IOException("a Radiance file that ends in its header");
        return s.toString();
    }

    /**
     * The bilinear blend of the four pixels around (u, v) (pixel centres at half-integers), into
     * out[off..off+2]; u wraps, v clamps.
     */
    void sample(double u, double v, double[] out, int off) {
        double x = u * width - 0.5, y = v * height - 0.5;
        double fx = Math.floor(x), fy = Math.floor(y);
        double ax = x - fx, ay = y - fy;
        int x0 = Math.floorMod((int) fx, width), x1 = x0 + 1 == width ? 0 : x0 + 1;
        int y0 = (int) fy, y1 = y0 + 1;
        if (y0 < 0) y0 = 0;
        if (y1 < 0) y1 = 0;
        if (y0 >= height) y0 = height - 1;
        if (y1 >= height) y1 = height - 1;
        int k00 = 3 * (y0 * width + x0), k01 = 3 * (y0 * width + x1), k10 = 3 * (y1 * width + x0);
        int k11 = 3 * (y1 * width + x1);
        double w00 = (1 - ax) * (1 - ay), w01 = ax * (1 - ay), w10 = (1 - ax) * ay, w11 = ax * ay;
        float[] p = rgb;
        for (int c = 0; c < 3; c++) {
            out[off + c] = w00 * p[k00 + c] + w01 * p[k01 + c] + w10 * p[k10 + c] + w11 * p[k11 + c];
        }
    }
}
