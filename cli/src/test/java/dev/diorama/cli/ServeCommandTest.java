package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import dev.diorama.server.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diorama serve} as a real child process, and {@code diorama keys}: an accepted job survives
 * a SIGKILL of the server in the middle of its film, and is filmed exactly once after the restart.
 */
class ServeCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(240);
    static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/v1");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A server child process and the port it listens on. */
    record Server(Process process, int port) {}

    static Server serve(Path data, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xss4m",
                "-cp", System.getProperty("java.class.path"), "dev.diorama.cli.Main",
                "serve", "--port", "0", "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(PATIENCE);
        StringBuilder seen = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l == null) {
                if (!p.isAlive()) break;
                continue;
            }
            seen.append(l).append('\n');
            Matcher m = LISTENING.matcher(l);
            if (m.find()) return new Server(p, Integer.parseInt(m.group(1)));
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + seen);
    }

    HttpResponse<String> send(Server s, String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode pollUntil(Server s, String key, String id, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode v = JSON.readTree(send(s, "GET", "/v1/videos/" + id, null, key).body());
            if (done.test(v)) return v;
            assertTrue(Instant.now().isBefore(deadline), "gave up waiting on " + id + ": " + v);
            assertTrue(s.process().isAlive(), "the server died");
            Thread.sleep(50);   // pacing of the poll, not an assertion
        }
    }

    @Test
    void aJobSurvivesASigkillOfTheServerAndIsFilmedExactlyOnceAfterTheRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), log = dir.resolve("server.log");
        CliTest.Run created = CliTest.run("keys", "create", "--name", "crash-test", "--data", data.toString());
        assertEquals(0, created.code(), created.err());
        String key = created.out().strip();

        Server first = serve(data, log);
        String id;
        try {
            HttpResponse<String> r = send(first, "POST", "/v1/videos",
                    "{\"prompt\": \"a red rubber ball and a steel ball drop onto a wooden floor\", \"seconds\": \"12\", \"size\": \"1280x720\"}", key);
            assertEquals(200, r.statusCode(), r.body());
            id = JSON.readTree(r.body()).get("id").asText();
            JsonNode midway = pollUntil(first, key, id, v -> !v.get("status").asText().equals("queued") && v.get("progress").asInt() >= 15);
            assertEquals("in_progress", midway.get("status").asText(), "killed while filming: " + midway);
        } finally {
            first.process().destroyForcibly();   // SIGKILL: no shutdown hook runs
            assertTrue(first.process().waitFor(60, TimeUnit.SECONDS));
        }
        try (Store store = new Store(data)) {
            assertEquals("in_progress", store.video(id).status(), "the store still says what was happening");
        }

        Server second = serve(data, log);
        try {
            JsonNode done = pollUntil(second, key, id, v -> !v.get("status").asText().matches("queued|in_progress"));
            assertEquals("completed", done.get("status").asText(), done.toString());
            JsonNode list = JSON.readTree(send(second, "GET", "/v1/videos", null, key).body());
            assertEquals(1, list.get("data").size(), "one job, not two: " + list);
            assertEquals(id, list.get("data").get(0).get("id").asText());

            Path videoDir = data.resolve("videos").resolve(id);
            try (var files = Files.list(videoDir)) {
                assertEquals(Set.of("video.mp4", "video.json", "thumbnail.png", "spritesheet.jpg"),
                        files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "no half-written file is left");
            }
            HttpResponse<byte[]> mp4 = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port()
                    + "/v1/videos/" + id + "/content")).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, mp4.statusCode());
            Path film = dir.resolve("downloaded.mp4");
            Files.write(film, mp4.body());
            try (MediaReader reader = new MediaReader(film)) {
                MediaInfo info = reader.info();
                assertEquals(1280, info.width());
                assertEquals(720, info.height());
                assertEquals("aac", info.audioCodec());
                int frames = 0;
                while (reader.nextFrame() != null) frames++;
                assertEquals(12 * 24, frames, "the whole film decodes");
            }
            try (Store store = new Store(data)) {
                assertEquals(2, store.video(id).attempts(), "filmed once before the kill, once after");
            }
            List<JsonNode> jobLines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError(l, e);
                }
            }).filter(j -> j.path("event").asText().equals("job") && j.path("id").asText().equals(id)).toList();
            assertEquals(List.of("queued", "in_progress", "queued", "in_progress", "completed"),
                    jobLines.stream().map(j -> j.get("to").asText()).toList(), "one line per transition, the recovery included");
        } finally {
            second.process().destroy();            // SIGTERM: a clean stop
            assertTrue(second.process().waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void keysAreCreatedListedAndRevokedAndOnlyTheirHashIsStored(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        CliTest.Run a = CliTest.run("keys", "create", "--name", "alice", "--data", data.toString());
        assertEquals(0, a.code(), a.err());
        String secret = a.out().strip();
        assertTrue(secret.matches("dio_[A-Za-z0-9_-]{43}"), secret);
        CliTest.Run list = CliTest.run("keys", "list", "--data", data.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("alice"), list.out());
        assertFalse(list.out().contains(secret), "the secret is shown only once");
        assertFalse(new String(Files.readAllBytes(data.resolve(Store.FILE)), StandardCharsets.ISO_8859_1).contains(secret),
                "the store holds no secret");
        String id;
        try (Store store = new Store(data)) {
            id = store.keys().getFirst().id();
            assertNotNull(store.keyOwner(dev.diorama.server.ApiKeys.hash(secret)));
        }
        assertEquals(0, CliTest.run("keys", "revoke", id, "--data", data.toString()).code());
        try (Store store = new Store(data)) {
            assertEquals(null, store.keyOwner(dev.diorama.server.ApiKeys.hash(secret)), "a revoked key opens nothing");
        }
        CliTest.Run again = CliTest.run("keys", "revoke", id, "--data", data.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("no live key"), again.err());
        assertEquals(2, CliTest.run("keys").code(), "a subcommand is expected");
    }

    @Test
    void serveRefusesToRunWithoutAuthenticationOffLoopback(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("serve", "--no-auth", "--host", "0.0.0.0", "--port", "0", "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-auth"), r.err());
        assertEquals(2, CliTest.run("serve", "--workers", "0", "--data", dir.toString()).code());
    }

    @Test
    void serveRefusesImpossibleLimits(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"--max-body", "1k"}, {"--max-body", "lots"}, {"--max-body", "1g"}, {"--rate-limit", "-1"}}) {
            CliTest.Run r = CliTest.run("serve", bad[0], bad[1], "--port", "0", "--data", dir.toString());
            assertEquals(2, r.code(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[0]) && !r.err().contains("\tat "), r.err());
        }
    }
}
