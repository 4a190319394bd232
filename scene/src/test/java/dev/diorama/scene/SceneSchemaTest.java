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

    /**
     * A ramp (a fixed wedge) with a ball at its top, a pendulum (a bob on a rod pivoted to a fixed
     * frame), a seesaw (a plank hinged over a fixed fulcrum), a model from a file, under a hazy,
     * partly cloudy sky lit by a turned photograph: every field the shapes, joints and sky added.
     */
    static Scene props() {
        double theta = Math.atan2(0.5, 1.2);
        SceneObject ramp = new SceneObject("wood-ramp", Shape.WEDGE, Material.WOOD, null, new Vec3(1.2, 0.5, 0.4),
                new Vec3(-1, 0.25, 0), null, null, true, null);
        Vec3 onTop = new Vec3(-1.6 + 0.1 * Math.cos(theta) + 0.1 * Math.sin(theta), 0.5 - 0.1 * Math.sin(theta) + 0.1 * Math.cos(theta), 0);
        SceneObject ball = new SceneObject("rubber-ball", Shape.BALL, Material.RUBBER, null, new Vec3(0.2, 0.2, 0.2), onTop, null, null);
        SceneObject bar = new SceneObject("wood-pendulum-bar", Shape.CYLINDER, Material.WOOD, null, new Vec3(0.03, 1.0, 0.03),
                new Vec3(1, 1.2, 0), Quat.axisAngle(new Vec3(0, 0, 1), Math.PI / 2), null, true, null);
        SceneObject bob = new SceneObject("steel-pendulum", Shape.BALL, Material.STEEL, null, new Vec3(0.1, 0.1, 0.1),
                new Vec3(1 - 0.4, 1.2 - 0.8 * Math.cos(Math.asin(0.5)), 0), null, null);
        SceneObject fulcrum = new SceneObject("wood-fulcrum", Shape.PYRAMID, Material.WOOD, null, new Vec3(0.3, 0.3, 0.3),
                new Vec3(0, 0.15, 2), null, null, true, null);
        SceneObject plank = new SceneObject("wood-seesaw", Shape.PLANK, Material.WOOD, null, new Vec3(2, 0.05, 0.3),
                new Vec3(0, 0.3255, 2), null, null);
        SceneObject model = new SceneObject("my_sneaker", Shape.MESH, Material.PLASTIC, null, new Vec3(0.3, 0.12, 0.1),
                new Vec3(2, 1, 0), null, null, false, "my_sneaker.glb");
        Environment sky = Environment.outdoor(Material.GRASS).withSky(5, 0.6, new EnvironmentImage("sky.hdr", 90, 2));
        return new Scene(0, 4, 24, 640, 360, 480, 9.81, LocalTime.of(16, 0), sky, null,
                List.of(ramp, ball, bar, bob, fulcrum, plank, model), null, null,
                List.of(new Joint.Pivot("steel-pendulum", "wood-pendulum-bar", new Vec3(1, 1.2, 0)),
                        new Joint.Hinge("wood-seesaw", "wood-fulcrum", new Vec3(0, 0.3005, 2), new Vec3(0, 0, 1))));
    }

    @Test
    void scenesWithPropsJointsAModelAndASkyValidateAndComeBack() throws Exception {
        JsonNode doc = SceneJson.toJson(props());
        assertEquals(Set.of(), validate(doc), doc.toString());
        assertEquals(5.0, doc.get("environment").get("turbidity").asDouble());
        assertEquals(90.0, doc.get("environment").get("environmentMap").get("rotation").asDouble());
        Scene back = SceneJson.read(doc.toString());
        assertEquals(props().joints(), back.joints());
        assertEquals(props().environment(), back.environment());
        assertTrue(back.object("wood-ramp").fixed());
        assertEquals("my_sneaker.glb", back.object("my_sneaker").asset());
        // A photograph given by its path alone is a string.
        Scene plain = new Scene(0, 4, 24, 640, 360, 0, 9.81, LocalTime.NOON,
                Environment.outdoor(Material.GRASS).withSky(8, 1, new EnvironmentImage("sky.jpg")), null,
                List.of(props().objects().get(1)));
        JsonNode plainDoc = SceneJson.toJson(plain);
        assertTrue(plainDoc.get("environment").get("environmentMap").isTextual(), plainDoc.toString());
        assertEquals(Set.of(), validate(plainDoc), plainDoc.toString());
    }

    @Test
    void skiesJointsAndModelsBothRefuseAreRefusedAtTheSamePointer() {
        String[][] cases = {
            {"/environment/turbidity", "environment", "turbidity", "11"},
            {"/environment/cloudCover", "environment", "cloudCover", "1.5"},
            {"/environment/environmentMap/intensity", "environment", "environmentMap", "{\"path\": \"sky.hdr\", \"intensity\": 0}"},
            {"/joints/0/kind", "joints/0", "kind", "\"weld\""},
            {"/objects/6/asset", "objects/6", "asset", "null"},
            {"/objects/0/asset", "objects/0", "asset", "\"ramp.glb\""},
        };
        for (String[] c : cases) {
            ObjectNode doc = (ObjectNode) SceneJson.toJson(props());
            ObjectNode parent = (ObjectNode) doc.at("/" + c[1]);
            parent.set(c[2], readValue(c[3]));
            Set<ValidationMessage> errors = validate(doc);
            assertFalse(errors.isEmpty(), c[0] + " passes the schema");
            SceneException e = assertThrows(SceneException.class, () -> SceneJson.read(doc), c[0]);
            assertEquals(c[0], e.pointer(), e.getMessage());
        }
    }

    @Test
    void scenesTheCodeWritesValidate() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        docs.add(SceneJson.toJson(storyboard()));
        // A scene with liquids: a filled tank and a box of honey under a pour.
        docs.add(SceneJson.toJson(SceneJson.read("{\"objects\": [" + LiquidJsonTest.TANK + "], \"liquids\": ["
                + "{\"id\": \"water\", \"in\": \"tank\", \"level\": 0.1},"
                + "{\"id\": \"honey\", \"kind\": \"honey\", \"min\": [0.3, 0, 0.3], \"max\": [0.4, 0.1, 0.4],"
                + " \"pour\": {\"from\": [0.35, 0.5, 0.35], \"velocity\": [0, -0.5, 0], \"radius\": 0.004, \"end\": 2}}]}")));
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
