package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over raw HTTP (java.net.http): authentication, ownership, hostile paths and bad requests. */
class HttpApiTest {
    static final String PROMPT = "a red rubber ball drops onto a wooden floor";
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Asserts OpenAI's error shape and status; returns the error object. */
    static JsonNode error(HttpResponse<String> r, int status, String param) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode e = TestServer.JSON.readTree(r.body()).get("error");
        assertNotNull(e, r.body());
        assertTrue(e.get("message").isTextual() && !e.get("message").asText().isBlank(), r.body());
        assertTrue(e.has("type") && e.has("param") && e.has("code"), r.body());
        if (param != null) assertEquals(param, e.get("param").asText(), r.body());
        return e;
    }

    /** A video of this key that stays queued: written to the store without being given to a worker. */
    static String unfinishedVideo(String key) {
        VideoRequest.Understood u = new VideoRequest("sora-2", PROMPT, 4, true, 320, 180, 0).understand();
        String id = "video_" + "0123456789abcdef".repeat(2).substring(0, 24) + Long.toHexString(System.nanoTime() & 0xffffffL | 0x10000000L);
        String owner = server.server.store().keyOwner(ApiKeys.hash(key));
        server.server.store().insertVideo(id, owner, Instant.now().getEpochSecond(), "sora-2", PROMPT, u.secondsText(),
                u.sizeText(), 0, u.sceneJson(), null);
        return id;
    }

    @Test
    void aRequestWithoutAValidKeyIs401() throws Exception {
        assertEquals("invalid_api_key", error(server.send("GET", "/v1/videos", null, null, null), 401, null).get("code").asText());
        error(server.send("GET", "/v1/videos", null, null, "dio_wrong"), 401, null);
        HttpRequest basic = HttpRequest.newBuilder(URI.create(server.base() + "/v1/videos"))
                .header("Authorization", "Basic " + server.key).build();
        error(server.http.send(basic, HttpResponse.BodyHandlers.ofString()), 401, null);
        error(server.send("POST", "/v1/videos", "application/json", "{\"prompt\": \"" + PROMPT + "\"}", null), 401, null);

        String revoked = server.newKey("revoked");
        assertEquals(200, server.send("GET", "/v1/videos", null, null, revoked).statusCode());
        String id = server.server.store().keyOwner(ApiKeys.hash(revoked));
        assertTrue(server.server.store().revokeKey(id, Instant.now().getEpochSecond()));
        error(server.send("GET", "/v1/videos", null, null, revoked), 401, null);
    }

    @Test
    void anotherKeysVideoIsNotFound() throws Exception {
        String mine = unfinishedVideo(server.key);
        String other = server.newKey("other");
        for (String path : List.of("/v1/videos/" + mine, "/v1/videos/" + mine + "/content", "/v1/videos/" + mine + "/ground_truth")) {
            error(server.send("GET", path, null, null, other), 404, "video_id");
        }
        error(server.send("DELETE", "/v1/videos/" + mine, null, null, other), 404, "video_id");
        error(server.send("POST", "/v1/videos/" + mine + "/remix", "application/json", "{\"prompt\": \"" + PROMPT + "\"}", other), 404, "video_id");
        error(server.send("POST", "/v1/videos/edits", "application/json",
                "{\"prompt\": \"" + PROMPT + "\", \"video\": {\"id\": \"" + mine + "\"}}", other), 404, "video");
        error(server.send("GET", "/v1/videos?after=" + mine, null, null, other), 404, "after");
        JsonNode list = TestServer.JSON.readTree(server.send("GET", "/v1/videos", null, null, other).body());
        assertEquals(0, list.get("data").size(), "another key lists none of mine");
        assertEquals(200, server.get("/v1/videos/" + mine).statusCode(), "my video is still there");
        assertEquals(200, server.send("DELETE", "/v1/videos/" + mine, null, null, server.key).statusCode());
    }

    @Test
    void pathsThatTryToLeaveTheirPlaceAreRejected() throws Exception {
        List<String> hostile = List.of(
                "/v1/videos/..%2F..%2F..%2Fetc%2Fpasswd/content",
                "/v1/videos/%2e%2e/content",
                "/v1/videos/%2e%2e%2f%2e%2e%2fdiorama.db/content",
                "/v1/videos/..",
                "/v1/videos/../../../../etc/passwd",
                "/v1/videos/video_0123456789abcdef0123456789abcdef/../../../diorama.db",
                "/v1/videos/%2Fetc%2Fpasswd/content",
                "/v1/videos//etc/passwd",
                "/v1/videos/video_..%5C..%5Cdiorama.db/content",
                "/v1/videos/video_0123456789abcdef0123456789abcdef%00/content",
                "/v1/videos?after=..%2F..%2Fetc%2Fpasswd",
                "/v1/videos?after=%2Fetc%2Fpasswd",
                "/v1/videos/" + unfinishedVideo(server.key) + "/content?variant=..%2F..%2F..%2Fdiorama.db",
                "/v1/videos/" + unfinishedVideo(server.key) + "/content?variant=%2Fetc%2Fpasswd");
        for (String path : hostile) {
            HttpResponse<String> r = server.get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " → " + r.statusCode() + " " + r.body());
            error(r, r.statusCode(), null);
            assertFalse(r.body().contains("root:") || r.body().contains("SQLite"), path + " leaked a file: " + r.body());
        }
        error(server.postJson("/v1/videos/edits", "{\"prompt\": \"" + PROMPT + "\", \"video\": {\"id\": \"../../diorama.db\"}}"),
                400, "video");
        error(server.postJson("/v1/videos/edits", "{\"prompt\": \"" + PROMPT + "\", \"video\": {\"id\": \"/etc/passwd\"}}"),
                400, "video");
    }

    @Test
    void aMissingOrEmptyPromptIs400NamingPrompt() throws Exception {
        assertEquals("missing_required_parameter", error(server.postJson("/v1/videos", "{\"seconds\": \"4\"}"), 400, "prompt").get("code").asText());
        error(server.postJson("/v1/videos", "{\"prompt\": \"   \"}"), 400, "prompt");
        error(server.postJson("/v1/videos", "{\"prompt\": 42}"), 400, "prompt");
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b", multipart("b", "seconds", "4"), server.key), 400, "prompt");
        error(server.postJson("/v1/videos", "{\"prompt\": \"the sky is blue\"}"), 400, "prompt");
    }

    @Test
    void aOneMegabytePromptIs400AndALargerBodyIs413() throws Exception {
        String huge = "a ball drops ".repeat(1_000_000 / 13 + 1);
        JsonNode e = error(server.postJson("/v1/videos", TestServer.JSON.createObjectNode().put("prompt", huge).toString()), 400, "prompt");
        assertTrue(e.get("message").asText().contains("at most 2000 characters"), e.toString());
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b", multipart("b", "prompt", huge), server.key), 400, "prompt");
        // Past the body limit (16 MiB by default, room for a photograph): a 413 before anything is parsed.
        String past = "a ball drops ".repeat((int) (VideoServer.Config.DEFAULT_MAX_BODY / 13) + 100);
        String tooBig = TestServer.JSON.createObjectNode().put("prompt", past).toString();
        assertEquals("request_too_large", error(server.postJson("/v1/videos", tooBig), 413, null).get("code").asText());
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b", multipart("b", "prompt", past), server.key), 413, null);
    }

    @Test
    void secondsAndSizesOutsideTheAcceptedSetsAre400NamingTheParam() throws Exception {
        for (String s : List.of("\"7.5\"", "\"0\"", "\"61\"", "\"four\"", "\"-4\"", "7.5", "true", "\"\"")) {
            error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"seconds\": " + s + "}"), 400, "seconds");
        }
        for (String s : List.of("0x0", "321x180", "1280x720x", "big", "4000x2000", "14x14", "1280*720", "")) {
            error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"size\": \"" + s + "\"}"), 400, "size");
        }
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b",
                multipart("b", "prompt", PROMPT, "seconds", "7.5"), server.key), 400, "seconds");
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b",
                multipart("b", "prompt", PROMPT, "size", "0x0"), server.key), 400, "size");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"model\": \"gpt-5\"}"), 400, "model");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"seed\": \"x\"}"), 400, "seed");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"input_reference\": {\"image_url\": \"x\"}}"),
                400, "input_reference");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"input_reference\": {\"image_url\": \"https://example.com/a.png\"}}"),
                400, "input_reference");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"input_reference\": {\"file_id\": \"file_123\"}}"),
                400, "input_reference");
        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"input_reference\": {\"image_url\": \"data:image/png;base64,aGVsbG8=\"}}"),
                400, "input_reference");
        // A picture sent in JSON as a data: URL is taken; indoors it would hide behind the walls.
        String png = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(tinyPng());
        error(server.postJson("/v1/videos", "{\"prompt\": \"a ball drops in a tiled bathroom\", \"input_reference\": {\"image_url\": \"" + png + "\"}}"),
                400, "input_reference");
        HttpResponse<String> taken = server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"seconds\": \"1\", \"size\": \"64x64\", "
                + "\"input_reference\": {\"image_url\": \"" + png + "\"}}");
        assertEquals(200, taken.statusCode(), taken.body());
        // A prompt naming a model file is refused: the service reads no files from its disk on a client's word.
        JsonNode model = error(server.postJson("/v1/videos", "{\"prompt\": \"my_sneaker.glb on a marble pedestal\"}"), 400, "prompt");
        assertTrue(model.get("message").asText().contains("my_sneaker.glb"), model.toString());
        error(server.postJson("/v1/videos", "{\"prompt\": \"/etc/passwd.obj on a table\"}"), 400, "prompt");

        error(server.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + " for 90 seconds\"}"), 400, "prompt");
    }

    @Test
    void malformedBodiesAndWrongContentTypesAre400NamingTheParam() throws Exception {
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n" + PROMPT, server.key), 400, "body");
        error(server.send("POST", "/v1/videos", "multipart/form-data; boundary=b", "this is not multipart", server.key), 400, "body");
        error(server.send("POST", "/v1/videos", "multipart/form-data", multipart("b", "prompt", PROMPT), server.key), 400, "body");
        error(server.postJson("/v1/videos", "{\"prompt\": "), 400, "body");
        error(server.postJson("/v1/videos", "[\"prompt\"]"), 400, "body");
        error(server.send("POST", "/v1/videos", "text/plain", "prompt=" + PROMPT, server.key), 400, "Content-Type");
        error(server.send("POST", "/v1/videos", "application/x-www-form-urlencoded", "prompt=a+ball", server.key), 400, "Content-Type");
        error(server.send("POST", "/v1/videos", null, "{\"prompt\": \"" + PROMPT + "\"}", server.key), 400, "Content-Type");
        error(server.send("POST", "/v1/explain", "text/html", "<p>", server.key), 400, "Content-Type");
    }

    @Test
    void theContentOfAnUnfinishedVideoIsAConflict() throws Exception {
        String id = unfinishedVideo(server.key);
        for (String variant : List.of("video", "thumbnail", "spritesheet", "ground_truth")) {
            assertEquals("video_not_ready", error(server.get("/v1/videos/" + id + "/content?variant=" + variant), 409, null).get("code").asText());
        }
        error(server.get("/v1/videos/" + id + "/ground_truth"), 409, null);
        error(server.postJson("/v1/videos/" + id + "/remix", "{\"prompt\": \"" + PROMPT + "\"}"), 409, null);
        error(server.get("/v1/videos/" + id + "/content?variant=poster"), 400, "variant");
        JsonNode v = TestServer.JSON.readTree(server.get("/v1/videos/" + id).body());
        assertEquals("queued", v.get("status").asText());
        assertEquals(0, v.get("progress").asInt());
        assertTrue(v.get("completed_at").isNull() && v.get("expires_at").isNull() && v.get("error").isNull());
    }

    @Test
    void unknownAndUnsupportedEndpointsAnswerInOpenAisShape() throws Exception {
        error(server.get("/v1/models"), 404, null);
        error(server.get("/v1/videos/" + unfinishedVideo(server.key) + "/poster"), 404, null);
        assertEquals("unsupported_endpoint", error(server.send("POST", "/v1/videos/characters", "application/json", "{}", server.key), 400, null)
                .get("code").asText());
        error(server.get("/v1/videos/characters/char_1"), 400, null);
        error(server.postJson("/v1/videos/extensions", "{\"prompt\": \"then a second ball drops\", \"video\": {\"id\": \"x\"}}"), 400, "video");
        assertEquals("method_not_allowed", error(server.send("PUT", "/v1/videos", "application/json", "{}", server.key), 405, null)
                .get("code").asText());
        error(server.get("/v1/videos?limit=0"), 400, "limit");
        error(server.get("/v1/videos?limit=ten"), 400, "limit");
        error(server.get("/v1/videos?order=up"), 400, "order");
        error(server.get("/v1/videos?after=video_0123456789abcdef0123456789abcdef"), 404, "after");
        error(server.get("/v1/videos/" + unfinishedVideo(server.key) + "/events"), 406, "Accept");
    }

    @Test
    void extensionsAreCheckedLikeTheOtherEndpoints() throws Exception {
        String queued = unfinishedVideo(server.key);
        String ok = "\"prompt\": \"a second ball drops\"";
        error(server.postJson("/v1/videos/extensions", "{" + ok + "}"), 400, "video");
        error(server.postJson("/v1/videos/extensions", "{\"video\": {\"id\": \"" + queued + "\"}}"), 400, "prompt");
        error(server.postJson("/v1/videos/extensions", "{" + ok + ", \"seconds\": \"7.5\", \"video\": {\"id\": \"" + queued + "\"}}"),
                400, "seconds");
        error(server.postJson("/v1/videos/extensions", "{" + ok + ", \"video\": {\"id\": \"x\"}}"), 400, "video");
        error(server.postJson("/v1/videos/extensions", "{" + ok + ", \"video\": {\"id\": \"video_0123456789abcdef0123456789abcdef\"}}"),
                404, "video");
        String other = server.newKey("extension-stranger");
        error(server.send("POST", "/v1/videos/extensions", "application/json",
                "{" + ok + ", \"video\": {\"id\": \"" + queued + "\"}}", other), 404, "video");
        assertEquals("video_not_ready", error(server.postJson("/v1/videos/extensions",
                "{" + ok + ", \"video\": {\"id\": \"" + queued + "\"}}"), 409, null).get("code").asText());
        // Multipart, as the SDKs send it: video[id] is read as {"video": {"id": ...}}.
        String boundary = "b0undary";
        HttpResponse<String> r = server.send("POST", "/v1/videos/extensions", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "prompt", "a second ball drops", "video[id]", queued), server.key);
        error(r, 409, null);
    }

    @Test
    void explainShowsTheSceneAndTheIgnoredWords() throws Exception {
        HttpResponse<String> r = server.postJson("/v1/explain", "{\"prompt\": \"a red zorb ball drops onto a wooden floor\", \"size\": \"320x180\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = TestServer.JSON.readTree(r.body());
        assertEquals("diorama.explanation", e.get("object").asText());
        assertEquals("320x180", e.at("/scene/size").asText());
        assertEquals("ball", e.at("/scene/objects/0/shape").asText());
        assertEquals("red", e.at("/scene/objects/0/color").asText());
        assertEquals(List.of("zorb"), TestServer.JSON.convertValue(e.get("ignored_words"), List.class));
        error(server.postJson("/v1/explain", "{}"), 400, "prompt");
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheVideoIsDone() throws Exception {
        server.server.jobs().pause();            // the job waits until the stream is open
        String id;
        HttpResponse<java.util.stream.Stream<String>> r;
        try {
            id = server.create(PROMPT, "4", "320x180").get("id").asText();
            HttpRequest sse = HttpRequest.newBuilder(URI.create(server.base() + "/v1/videos/" + id + "/events"))
                    .header("Authorization", "Bearer " + server.key).header("Accept", "text/event-stream")
                    .timeout(TestServer.PATIENCE).build();
            r = server.http.send(sse, HttpResponse.BodyHandlers.ofLines());
        } catch (Exception | Error e) {
            server.server.jobs().resume();
            throw e;
        }
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        java.util.Iterator<String> it = r.body().iterator();
        List<String> lines = new java.util.ArrayList<>();
        try {
            // The first event is the state when the stream opened: the server has subscribed by then.
            while (it.hasNext()) {
                String l = it.next();
                lines.add(l);
                if (l.startsWith("data: ")) break;
            }
        } finally {
            server.server.jobs().resume();
        }
        it.forEachRemaining(lines::add);        // the server closes the stream when the video is done
        List<String> events = lines.stream().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).toList();
        List<JsonNode> states = lines.stream().filter(l -> l.startsWith("data: ")).map(l -> {
            try {
                return TestServer.JSON.readTree(l.substring(6));
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals("queued", events.getFirst(), events.toString());
        assertEquals("completed", events.getLast(), events.toString());
        assertEquals(100, states.getLast().get("progress").asInt());
        for (int i = 1; i < states.size(); i++) {
            assertTrue(states.get(i).get("progress").asInt() >= states.get(i - 1).get("progress").asInt(), "progress never goes back");
        }
        assertTrue(states.stream().anyMatch(s -> s.get("status").asText().equals("in_progress")
                && s.get("progress").asInt() > 0 && s.get("progress").asInt() < 100), "progress is seen moving: " + events);
        HttpResponse<String> gt = server.get("/v1/videos/" + id + "/ground_truth");
        assertEquals(200, gt.statusCode());
        JsonNode sidecar = TestServer.JSON.readTree(gt.body());
        assertEquals("diorama-sidecar/1", sidecar.get("format").asText());
        assertEquals(96, sidecar.get("frameCount").asInt());
        assertTrue(sidecar.get("events").size() > 0, "the ball hits the floor");
        assertEquals(gt.body(), server.get("/v1/videos/" + id + "/content?variant=ground_truth").body());
    }

    @Test
    void everyRequestAndJobTransitionIsOneStructuredLogLine() throws Exception {
        String id = server.create(PROMPT, "1", "64x36").get("id").asText();
        server.completed(id);
        List<JsonNode> lines = server.log().lines().map(l -> {
            try {
                return TestServer.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        assertTrue(lines.stream().anyMatch(l -> l.path("event").asText().equals("request") && l.path("method").asText().equals("POST")
                && l.path("path").asText().equals("/v1/videos") && l.path("status").asInt() == 200));
        List<String> transitions = lines.stream().filter(l -> l.path("event").asText().equals("job") && l.path("id").asText().equals(id))
                .map(l -> l.path("to").asText()).toList();
        assertEquals(List.of("queued", "in_progress", "completed"), transitions);
    }

    static String multipart(String boundary, String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        return b.append("--").append(boundary).append("--\r\n").toString();
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestServer.PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) return false;
            Thread.sleep(50);    // pacing, not an assertion
        }
        return true;
    }

    /** A 32 x 32 grey PNG. */
    static byte[] tinyPng() throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) img.setRGB(x, y, 0x808080);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
