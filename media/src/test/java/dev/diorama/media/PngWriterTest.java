package dev.diorama.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyPixelSurvivesTheRoundTrip() throws IOException {
        int width = 37;
        int height = 21;
        byte[] bgr = new byte[width * height * 3];
        new Random(7).nextBytes(bgr);
        Path file = dir.resolve("picture.png");
        PngWriter.write(file, bgr, width, height);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                int expected = (bgr[i + 2] & 0xff) << 16 | (bgr[i + 1] & 0xff) << 8 | (bgr[i] & 0xff);
                assertEquals(expected, image.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void wrongSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PngWriter.write(dir.resolve("x.png"), new byte[5], 2, 2));
    }
}
