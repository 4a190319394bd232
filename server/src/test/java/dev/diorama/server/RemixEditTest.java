package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/videos/{id}/remix} edits the original video's scene as {@code diorama remix}
 * does: "now at night" changes the time and nothing else, with the same seed, length and size; an
 * edit that names what the scene does not have is refused with the words at fault.
 */
class RemixEditTest {
    static JsonNode groundTruth(TestServer s, String id) throws Exception {
        var r = s.get("/v1/videos/" + id + "/content?variant=ground_truth");
        assertEquals(200, r.statusCode(), r.body());
        return TestServer.JSON.readTree(r.body());
    }

    @Test
    void nowAtNightChangesOnlyTheTimeOfTheOriginalsScene(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(data)) {
            String id = s.create("a red rubber ball and a steel ball drop onto a wooden floor at noon", "1", "64x36")
                    .get("id").asText();
            s.completed(id);
            var r = s.postJson("/v1/videos/" + id + "/remix", "{\"prompt\": \"now at night\"}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode remix = TestServer.JSON.readTree(r.body());
            assertEquals(id, remix.get("remixed_from_video_id").asText());
            assertEquals("now at night", remix.get("prompt").asText());
            assertEquals("64x36", remix.get("size").asText());
            assertEquals("1", remix.get("seconds").asText());
            s.completed(remix.get("id").asText());

            ObjectNode before = (ObjectNode) groundTruth(s, id).get("scene").deepCopy();
            ObjectNode after = (ObjectNode) groundTruth(s, remix.get("id").asText()).get("scene").deepCopy();
            assertEquals("12:00", before.get("time").asText());
            assertEquals("23:00", after.get("time").asText());
            before.remove("time");
            after.remove("time");
            assertEquals(before, after, "everything but the time is the original's: objects, places, camera, seed");

            // The floor and a material, by their names in the scene.
            var marble = s.postJson("/v1/videos/" + id + "/remix", "{\"prompt\": \"make the floor marble and the steel ball glass\"}");
            assertEquals(200, marble.statusCode(), marble.body());
            String marbleId = TestServer.JSON.readTree(marble.body()).get("id").asText();
            s.completed(marbleId);
            JsonNode edited = groundTruth(s, marbleId).get("scene");
            assertEquals("marble", edited.get("environment").get("floor").asText());
            JsonNode objects = edited.get("objects");
            assertEquals("glass", objects.get(1).get("material").asText());
            assertEquals("rubber", objects.get(0).get("material").asText(), "the other ball is as it was");
            assertNotEquals(groundTruth(s, id).get("events"), groundTruth(s, marbleId).get("events"),
                    "a glass ball on marble bounces differently");
        }
    }

    @Test
    void anEditNamingWhatTheSceneLacksIsRefusedWithItsWords(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(data)) {
            String id = s.create("a red rubber ball drops onto a wooden floor", "1", "64x36").get("id").asText();
            s.completed(id);
            JsonNode error = HttpApiTest.error(s.postJson("/v1/videos/" + id + "/remix",
                    "{\"prompt\": \"make the cube steel\"}"), 400, "prompt");
            assertEquals("invalid_prompt", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("make the cube steel")
                    && error.get("message").asText().contains("red-rubber-ball"), error.toString());
        }
    }
}
