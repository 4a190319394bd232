package dev.diorama.assets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Decodes texture images (PNG, JPEG) with javax.imageio into linear {@link Texture}s. */
final class Images {
    private Images() {}

    static Texture read(Path file) {
        try {
            return decode(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new AssetException(file, "expected a readable texture image (" + e.getMessage() + ")");
        }
    }

    static Texture decode(byte[] bytes, Path where) {
        return decode(bytes, where, true);
    }

    /** Decodes a colour image (sRGB-encoded, {@code srgb}) or a data image (its values as they are). */
    static Texture decode(byte[] bytes, Path where, boolean srgb) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            img = null;
        }
        if (img == null) throw new AssetException(where, "expected a PNG or JPEG texture image");
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        return srgb ? Texture.fromSrgb(w, h, argb) : Texture.fromLinear(w, h, argb);
    }
}
