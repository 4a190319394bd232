package dev.diorama.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes one BGR24 picture as an 8-bit RGB PNG (stills, thumbnails, test evidence). */
public final class PngWriter {

    private PngWriter() {}

    /**
     * @param bgr {@code width * height * 3} bytes, B, G, R per pixel, rows top-down
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, byte[] bgr, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
        if (bgr == null || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("a picture must hold width*height*3 = " + (width * height * 3)
                    + " BGR bytes, got " + (bgr == null ? "null" : bgr.length));
        }
        // TYPE_3BYTE_BGR stores exactly B, G, R per pixel, rows top-down: one array copy.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, raster, 0, raster.length);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG " + file + " failed: " + e.getMessage(), e);
        }
    }
}
