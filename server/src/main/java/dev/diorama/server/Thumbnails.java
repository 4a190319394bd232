package dev.diorama.server;

import dev.diorama.media.MediaReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The still variants of a finished film, decoded from the MP4 itself (so they show exactly what
 * was encoded): the {@code thumbnail}, a PNG of the middle frame at full size, and the
 * {@code spritesheet}, a JPEG grid of {@value #TILES} frames evenly spread over the film, each at
 * most {@value #TILE_WIDTH} pixels wide, in reading order. Decoding also proves the film decodes.
 */
final class Thumbnails {
    static final int TILES = 10, COLUMNS = 5, TILE_WIDTH = 256;

    private Thumbnails() {}

    /** @param frames the number of frames the film was made with */
    static void write(Path video, int frames, Path thumbnail, Path spritesheet) throws IOException {
        try (MediaReader reader = new MediaReader(video)) {
            int w = reader.info().width(), h = reader.info().height();
            int middle = frames / 2;
            int[] picks = new int[TILES];
            for (int i = 0; i < TILES; i++) picks[i] = (int) Math.round((double) i * (frames - 1) / (TILES - 1));
            int tw = Math.min(w, TILE_WIDTH), th = Math.max(1, Math.round((float) h * tw / w));
            BufferedImage sheet = new BufferedImage(tw * COLUMNS, th * ((TILES + COLUMNS - 1) / COLUMNS), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = sheet.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int tile = 0;
            boolean wroteThumbnail = false;
            byte[] bgr;
            for (int index = 0; (bgr = reader.nextFrame()) != null && index < frames; index++) {
                if (index == middle) {
                    writeAtomically(image(bgr, w, h), "png", thumbnail);
                    wroteThumbnail = true;
                }
                while (tile < TILES && picks[tile] == index) {
                    g.drawImage(image(bgr, w, h), (tile % COLUMNS) * tw, (tile / COLUMNS) * th, tw, th, null);
                    tile++;
                }
            }
            g.dispose();
            if (!wroteThumbnail || tile < TILES) {
                throw new IOException(video + ": decoded fewer than the " + frames + " frames it was made with");
            }
            writeAtomically(sheet, "jpeg", spritesheet);
        }
    }

    private static BufferedImage image(byte[] bgr, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, w * h * 3);
        return image;
    }

    private static void writeAtomically(BufferedImage image, String format, Path to) throws IOException {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".part");
        if (!ImageIO.write(image, format, tmp.toFile())) throw new IOException("no " + format + " writer in this Java runtime");
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
