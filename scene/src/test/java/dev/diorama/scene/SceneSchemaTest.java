package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/scene.schema.json documents the scene format: every scene SceneJson writes validates against
 * it (one shot or a storyboard, objects entering later, the repository's reference scene), its
 * closed lists are the code's, and a document both refuse is refused by SceneJson with the JSON
 * pointer the schema validator names.
 */
class SceneSchemaTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SceneJson.MAPPER.readTree(Files.readString(ROOT.resolve("docs/scene.schema.json"))));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode n) { return SCHEMA.validate(n); }

    private static Scene storyboard() {
        SceneObject ball = new SceneObject("red-ball", Shape.BALL, Material.RUBBER, Colors.named("red"), new Vec3(0.2, 0.2, 0.2),
                new Vec3(0, 1.1, 0), null, null);
        SceneObject late = new SceneObject("steel-cube", Shape.CUBE, Material.GRANITE, null, new Vec3(0.2, 0.2, 0.2),
                new Vec3(0.5, 1.1, 0), null, null).entering(3);
        Camera a = new Camera(new Vec3(0, 1, -3), new Vec3(0, 0.5, 0), 50);
        Camera b = new Camera(new Vec3(0, 4, -0.1), new Vec3(0, 0, 0), 60);
        return new Scene(3, 6, 24, 640, 360, 0, 9.81, LocalTime.of(19, 30), Environment.outdoor(Material.SAND), null,
                List.of(ball, late), null, null, List.of(),
                List.of(new Shot(0, a, null), new Shot(3, b, new CameraMove.Orbit(90))));
    }

    @Test
    void scenesTheCodeWritesValidate() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        docs.add(SceneJson.toJson(storyboard()));
        docs.add(SceneJson.MAPPER.readTree(Files.readString(ROOT.resolve("bench/reference-scene.json"))));
        docs.add(SceneJson.toJson(SceneJson.read(Files.readString(ROOT.resolve("bench/reference-scene.json")))));
        for (JsonNode d : docs) assertEquals(Set.of(), validate(d), d.toString());
        Scene back = SceneJson.read(SceneJson.toJson(storyboard()).toString());
        assertEquals(storyboard().shots(), back.shots());
        assertEquals(3.0, back.object("steel-cube").enters());
    }

    @Test
    void theSchemasListsAreTheCodes() throws Exception {
        JsonNode defs = SceneJson.MAPPER.readTree(Files.readString(ROOT.resolve("docs/scene.schema.json"))).get("$defs");
        Set<String> materials = new TreeSet<>(), shapes = new TreeSet<>();
        defs.get("material").get("enum").forEach(n -> materials.add(n.asText()));
        defs.get("object").get("properties").get("shape").get("enum").forEach(n -> shapes.add(n.asText()));
        assertEquals(new TreeSet<>(Arrays.stream(Material.values()).map(Material::jsonName).toList()), materials);
        assertEquals(new TreeSet<>(Arrays.stream(Shape.values()).map(Shape::jsonName).toList()), shapes);
    }

    @Test
    void aDocumentBothRefuseIsRefusedAtTheSamePointer() {
        String[][] cases = {
            {"/objects/0/material", "objects", "material", "\"unobtainium\""},
            {"/objects/0/enters", "objects", "enters", "-1"},
            {"/objects/0/shape", "objects", "shape", "\"blob\""},
        };
        for (String[] c : cases) {
            ObjectNode doc = (ObjectNode) SceneJson.toJson(storyboard());
            ((ObjectNode) doc.get("objects").get(0)).set(c[2], readValue(c[3]));
            Set<ValidationMessage> errors = validate(doc);
            assertFalse(errors.isEmpty(), c[0]);
            assertTrue(errors.stream().anyMatch(m -> m.getInstanceLocation().toString().replace("$.", "/")
                    .replace(".", "/").replace("[", "/").replace("]", "").contains(c[0].substring(1))), errors.toString());
            SceneException e = assertThrows(SceneException.class, () -> SceneJson.read(doc));
            assertEquals(c[0], e.pointer());
        }
        ObjectNode doc = (ObjectNode) SceneJson.toJson(storyboard());
        ((ObjectNode) doc.get("shots").get(1)).put("start", "soon");
        assertFalse(validate(doc).isEmpty());
        assertEquals("/shots/1/start", assertThrows(SceneException.class, () -> SceneJson.read(doc)).pointer());
    }

    private static JsonNode readValue(String json) {
        try {
            return SceneJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
