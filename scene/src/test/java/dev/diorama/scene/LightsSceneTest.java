package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Glowing objects and windows in the scene file: read, written back, validated, absent when unused. */
class LightsSceneTest {
    private static final String ROOM = """
        {"environment": {"kind": "indoor", "floor": "wood",
                         "room": {"size": [6, 3, 5], "walls": "plastic", "ceiling": "plastic",
                                  "windows": [{"wall": "east", "center": [0.5, 1.6], "size": [1.2, 1.4]},
                                              {"wall": "north", "center": [-1, 1.1], "size": [0.8, 2.2]}]}},
         "objects": [{"id": "lamp", "shape": "ball", "material": "glass", "color": "white", "size": 0.2,
                      "position": [0, 2, 0], "fixed": true, "emission": 5000}]}
        """;

    @Test
    void windowsAndEmissionAreReadAndWrittenBack() {
        Scene s = SceneJson.read(ROOM);
        Room room = s.environment().room();
        assertEquals(List.of(new Window(Window.Wall.EAST, 0.5, 1.6, 1.2, 1.4), new Window(Window.Wall.NORTH, -1, 1.1, 0.8, 2.2)),
                room.windows());
        assertEquals(5000, s.object("lamp").emission());
        String once = SceneJson.toJson(s).toString();
        Scene back = SceneJson.read(once);
        assertEquals(s.environment().room(), back.environment().room());
        assertEquals(s.objects(), back.objects());
        assertEquals(once, SceneJson.toJson(back).toString());
    }

    @Test
    void theSchemaDescribesThem() throws Exception {
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(SceneJson.MAPPER.readTree(Files.readString(Path.of("..").toAbsolutePath().normalize()
                        .resolve("docs/scene.schema.json"))));
        assertEquals(java.util.Set.of(), schema.validate(SceneJson.toJson(SceneJson.read(ROOM))));
        assertEquals(java.util.Set.of(), schema.validate(SceneJson.MAPPER.readTree(ROOM)));
        assertFalse(schema.validate(SceneJson.MAPPER.readTree(ROOM.replace("\"east\"", "\"up\""))).isEmpty());
    }

    @Test
    void filesWithoutThemReadBackByteForByte() throws Exception {
        String reference = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("bench/reference-scene.json"));
        String written = SceneJson.toJson(SceneJson.read(reference)).toString();
        assertFalse(written.contains("emission"), written);
        Scene indoor = SceneJson.read("{\"environment\": {\"kind\": \"indoor\"}, \"objects\": []}");
        String json = SceneJson.toJson(indoor).toString();
        assertFalse(json.contains("windows"), json);
        assertTrue(indoor.environment().room().windows().isEmpty());
    }

    @Test
    void aWindowOutsideItsWallIsRefusedWithItsPointer() {
        SceneException wide = assertThrows(SceneException.class, () -> SceneJson.read(ROOM.replace("[1.2, 1.4]", "[5.5, 1.4]")));
        assertEquals("/environment/room/windows/0", wide.pointer(), wide.getMessage());
        SceneException high = assertThrows(SceneException.class, () -> SceneJson.read(ROOM.replace("[-1, 1.1]", "[-1, 2.5]")));
        assertEquals("/environment/room/windows/1", high.pointer(), high.getMessage());
        SceneException side = assertThrows(SceneException.class, () -> SceneJson.read(ROOM.replace("\"east\"", "\"up\"")));
        assertEquals("/environment/room/windows/0/wall", side.pointer());
        SceneException flat = assertThrows(SceneException.class, () -> SceneJson.read(ROOM.replace("[0.8, 2.2]", "[0, 2.2]")));
        assertEquals("/environment/room/windows/1/size", flat.pointer());
        SceneException dark = assertThrows(SceneException.class, () -> SceneJson.read(ROOM.replace("5000", "-1")));
        assertEquals("/objects/0/emission", dark.pointer());
        // A window exactly as wide as its wall, from the floor to the ceiling, is a whole open side.
        Scene open = SceneJson.read(ROOM.replace("[0.5, 1.6], \"size\": [1.2, 1.4]", "[0, 1.5], \"size\": [5, 3]"));
        assertEquals(5, open.environment().room().windows().get(0).width());
    }
}
