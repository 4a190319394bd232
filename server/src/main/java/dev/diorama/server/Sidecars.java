package dev.diorama.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the service changes in a film's sidecar (its ground truth) after the engine wrote it,
 * streamed token by token (a sidecar grows with the film) into a temporary file moved over it.
 */
final class Sidecars {
    /** The name a video's ground truth gives its backdrop ({@code input_reference}'s panorama). */
    static final String SHOWN_NAME = "input_reference.png";

    private Sidecars() {}

    /**
     * @param hideMapPaths  every scene in it (the film's, an extension's) names its environment map
     *                      {@link #SHOWN_NAME} instead of the panorama's path on this server
     * @param remixedFrom   added as the top-level {@code remixedFrom} (null: nothing added)
     */
    static void rewrite(Path sidecar, boolean hideMapPaths, JsonNode remixedFrom) throws IOException {
        if (!hideMapPaths && remixedFrom == null) return;
        Path tmp = sidecar.resolveSibling("." + sidecar.getFileName() + ".part");
        var factory = SceneJson.MAPPER.getFactory();
        try (var in = factory.createParser(sidecar.toFile()); var out = factory.createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
            out.setCodec(SceneJson.MAPPER);
            out.useDefaultPrettyPrinter();
            JsonToken t;
            while ((t = in.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING && hideMapPaths && isMapPath(in.getParsingContext())) {
                    out.writeString(SHOWN_NAME);
                } else if (t == JsonToken.END_OBJECT && remixedFrom != null && in.getParsingContext().inRoot()) {
                    out.writeFieldName("remixedFrom");
                    out.writeTree(remixedFrom);
                    out.copyCurrentEvent(in);
                } else {
                    out.copyCurrentEvent(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** environment.environmentMap as a string, or environment.environmentMap.path. */
    private static boolean isMapPath(JsonStreamContext c) {
        String name = c.getCurrentName();
        JsonStreamContext parent = c.getParent();
        if ("environmentMap".equals(name)) return parent != null && "environment".equals(parent.getCurrentName());
        if (!"path".equals(name) || parent == null || !"environmentMap".equals(parent.getCurrentName())) return false;
        JsonStreamContext grand = parent.getParent();
        return grand != null && "environment".equals(grand.getCurrentName());
    }
}
