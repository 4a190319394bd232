package dev.diorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A real server on a loopback port with a fresh data directory, and a raw HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Every wait in these tests gives up after this long: a bound, not a measurement. */
    static final Duration PATIENCE = Duration.ofSeconds(180);

    final VideoServer server;
    final String key;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    TestServer(Path data) throws IOException {
        this(VideoServer.Config.defaults(data).withPort(0));
    }

    TestServer(VideoServer.Config config) throws IOException {
        server = VideoServer.start(config.withLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
        key = config.noAuth() ? null : newKey("test");
    }

    String newKey(String name) {
        return ApiKeys.create(server.store(), name, Instant.now().getEpochSecond()).secret();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, key);
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json, key);
    }

    /** Creates a video and returns its object. */
    JsonNode create(String prompt, String seconds, String size) throws Exception {
        HttpResponse<String> r = postJson("/v1/videos", JSON.createObjectNode().put("prompt", prompt)
                .put("seconds", seconds).put("size", size).toString());
        if (r.statusCode() != 200) throw new AssertionError("create: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    /** Polls the video until {@code done} holds (bounded by {@link #PATIENCE}); returns its last state. */
    JsonNode pollUntil(String id, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<String> r = get("/v1/videos/" + id);
            JsonNode v = JSON.readTree(r.body());
            if (done.test(v)) return v;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting on " + id + ": " + r.body());
            Thread.sleep(100);   // pacing of the poll, not an assertion
        }
    }

    JsonNode completed(String id) throws Exception {
        JsonNode v = pollUntil(id, n -> !n.path("status").asText().matches("queued|in_progress"));
        if (!v.path("status").asText().equals("completed")) throw new AssertionError("not completed: " + v);
        return v;
    }

    @Override
    public void close() {
        server.close();
    }
}
