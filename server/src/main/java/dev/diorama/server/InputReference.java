package dev.diorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.render.Backdrop;
import dev.diorama.scene.Environment;
import dev.diorama.scene.EnvironmentImage;
import dev.diorama.scene.Scene;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * OpenAI's {@code input_reference}, "an image the video starts from": Diorama builds its scenes
 * from words, so it puts the picture behind the scene, as the backdrop the camera sees and the light
 * that colours everything ({@link Backdrop}). Accepted as the official SDKs send it (a multipart
 * file part) or in JSON as {@code {"image_url": "data:image/png;base64,..."}}; PNG or JPEG.
 *
 * <p>Each video that uses a picture keeps its own panorama, {@code references/VIDEO_ID.png} in
 * the data directory, named by the scene's {@code environment.environmentMap}; a remix or an
 * extension of it gets a copy of its own, so deleting one never breaks the other.
 */
final class InputReference {
    static final String PARAM = "input_reference";
    static final int MAX_SIDE = 8192;
    /** The panorama's width: a 50-degree view then spans about 570 of its pixels. */
    static final int PANORAMA_WIDTH = 4096;

    private InputReference() {}

    /** The request's picture, or null when it has none; a 400 naming {@code input_reference} when it cannot be used. */
    static BufferedImage read(JsonNode body) {
        JsonNode ref = body.get(PARAM);
        if (ref == null || ref.isNull()) return null;
        byte[] bytes;
        if (ref.isObject() && ref.has("data") && ref.get("data").isBinary()) {
            try {
                bytes = ref.get("data").binaryValue();
            } catch (IOException e) {
                throw bad("could not read the uploaded file");
            }
        } else if (ref.isObject() && ref.has("file_id")) {
            throw ApiError.badRequest(PARAM, "unsupported_value", "Invalid 'input_reference': Diorama has no Files API, so "
                    + "a file_id cannot be resolved; send the image itself (a multipart file, or {\"image_url\": \"data:image/png;base64,...\"}).");
        } else if (ref.isObject() && ref.path("image_url").isTextual()) {
            bytes = dataUrl(ref.get("image_url").asText());
        } else if (ref.isTextual()) {
            bytes = dataUrl(ref.asText());
        } else {
            throw bad("expected an image file, or {\"image_url\": \"data:image/png;base64,...\"}");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) throw bad("expected a PNG or JPEG image (" + bytes.length + " bytes could not be read as one)");
        if (image.getWidth() < 16 || image.getHeight() < 16 || image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            throw bad("expected an image of 16 to " + MAX_SIDE + " pixels a side, found " + image.getWidth() + "x" + image.getHeight());
        }
        return image;
    }

    private static byte[] dataUrl(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            throw ApiError.badRequest(PARAM, "unsupported_value", "Invalid 'input_reference': Diorama does not fetch images "
                    + "from the web; send the image itself (a multipart file, or a data: URL).");
        }
        int comma = url.indexOf(',');
        if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw bad("expected a data: URL with base64 content (data:image/png;base64,...)");
        }
        try {
            return Base64.getMimeDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw bad("the data: URL's base64 content is malformed");
        }
    }

    private static ApiError bad(String why) {
        return ApiError.badRequest(PARAM, "invalid_value", "Invalid 'input_reference': " + why + ".");
    }

    /** Indoors the room hides the sky, so a backdrop would not be seen: that is the user's to know. */
    static void requireOutdoor(Scene scene) {
        if (scene.environment().kind() != Environment.Kind.OUTDOOR) {
            throw ApiError.badRequest(PARAM, "unsupported_value", "Invalid 'input_reference': the prompt describes an "
                    + "indoor scene, whose walls hide any backdrop; describe an outdoor scene, or leave out input_reference.");
        }
    }

    /** Writes the picture's panorama for video {@code id} and returns the scene with it as sky and light. */
    static Scene attach(Scene scene, BufferedImage photo, Path references, String id) throws IOException {
        BufferedImage pano = Backdrop.panorama(photo, scene.camera(), (double) scene.width() / scene.height(), PANORAMA_WIDTH);
        Files.createDirectories(references);
        Path file = references.resolve(id + ".png");
        Path tmp = references.resolve("." + id + ".png.part");
        ImageIO.write(pano, "png", tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return withMap(scene, file);
    }

    /**
     * The scene for video {@code id}: where it takes its sky from another video's panorama (a remix
     * or an extension), from a copy of its own; otherwise the scene as it is.
     */
    static Scene adopt(Scene scene, Path references, String id) throws IOException {
        EnvironmentImage map = scene.environment().environmentMap();
        if (map == null) return scene;
        Path from = Path.of(map.path());
        Path own = references.resolve(id + ".png");
        if (from.equals(own)) return scene;
        if (!from.toAbsolutePath().normalize().startsWith(references.toAbsolutePath().normalize())) {
            throw new IllegalStateException("a scene names a picture outside the service's references: " + from);
        }
        Files.createDirectories(references);
        Files.copy(from, own, StandardCopyOption.REPLACE_EXISTING);
        return withMap(scene, own);
    }

    private static Scene withMap(Scene scene, Path file) {
        Environment e = scene.environment();
        // A photographed sky has air (an airless one is black); the air's density stays as it was.
        Environment with = e.withAir(true).withSky(e.turbidity(), e.cloudCover(),
                new EnvironmentImage(file.toAbsolutePath().toString()));
        return scene.withEnvironment(with);
    }

}
