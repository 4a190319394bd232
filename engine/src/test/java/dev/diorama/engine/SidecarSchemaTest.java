package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scene a film's sidecar records, for a prompt with a fixed ramp, a pendulum on its joints and
 * a hazy sky, is a document of docs/scene.schema.json.
 */
class SidecarSchemaTest {
    @Test
    void theSidecarOfAFilmWithARampAPendulumAndAHazySkyValidates(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SceneJson.MAPPER.readTree(Files.readString(root.resolve("docs/scene.schema.json"))));
        Scene scene = PromptParser.parse("a ball rolls down a ramp next to a pendulum on a hazy afternoon",
                new PromptParser.Options(0, 1, 12, 64, 36)).scene();
        Path video = dir.resolve("props.mp4");
        FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        JsonNode sidecar = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile());
        JsonNode filmed = sidecar.get("scene");
        assertEquals(Set.of(), schema.validate(filmed), filmed.toString());
        // What the test is about is in the document: a fixed wedge, pivots, the haze.
        assertTrue(filmed.get("objects").findValues("shape").stream().anyMatch(n -> n.asText().equals("wedge")));
        assertTrue(filmed.get("objects").findValues("fixed").stream().anyMatch(JsonNode::asBoolean));
        assertTrue(filmed.get("joints").size() >= 2, filmed.get("joints").toString());
        assertEquals(5.0, filmed.get("environment").get("turbidity").asDouble());
        assertEquals(scene, SceneJson.read(filmed), "the sidecar's scene reads back as the scene filmed");
    }
}
