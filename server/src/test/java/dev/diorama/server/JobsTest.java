package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue and the workers: backpressure, deletion while filming, restarts, expiry. */
class JobsTest {
    static final String PROMPT = "a red rubber ball drops onto a wooden floor";
    /** A film long enough to be still in progress while a test looks at it (it is deleted, never waited for). */
    static final String LONG_SECONDS = "60", LONG_SIZE = "1280x720";

    @Test
    void aFullQueueIs429WithRetryAfterAndDeletingAFilmInProgressStopsItAndRemovesItsFiles(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withWorkers(1, 1))) {
            s.server.jobs().pause();
            String waiting = s.create(PROMPT, "1", "64x36").get("id").asText();
            HttpResponse<String> full = s.postJson("/v1/videos", "{\"prompt\": \"" + PROMPT + "\", \"size\": \"64x36\"}");
            JsonNode e = HttpApiTest.error(full, 429, null);
            assertEquals("queue_full", e.get("code").asText());
            long retryAfter = Long.parseLong(full.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
            assertEquals(1, s.server.store().count("queued"), "the refused job left no row");
            assertEquals(200, s.send("DELETE", "/v1/videos/" + waiting, null, null, s.key).statusCode());
            s.server.jobs().resume();

            String running = s.create(PROMPT, LONG_SECONDS, LONG_SIZE).get("id").asText();
            JsonNode filming = s.pollUntil(running, v -> !v.get("status").asText().equals("queued"));
            assertEquals("in_progress", filming.get("status").asText(), "a minute of 720p takes far longer than a poll");
            assertEquals(200, s.send("DELETE", "/v1/videos/" + running, null, null, s.key).statusCode());
            HttpApiTest.error(s.get("/v1/videos/" + running), 404, "video_id");
            Path dir = s.server.jobs().directory(running);
            assertTrue(HttpApiTest.waitFor(() -> !Files.exists(dir)), "the worker stops the film and removes its files");
            assertTrue(HttpApiTest.waitFor(() -> s.log().contains("\"to\":\"stopped\",\"reason\":\"deleted while filming\"")), s.log());
            // The worker is free again: a new job is filmed.
            s.completed(s.create(PROMPT, "1", "64x36").get("id").asText());
            assertFalse(Files.exists(s.server.jobs().directory(waiting)), "the deleted queued job was never filmed");
        }
    }

    @Test
    void aJobInterruptedByAStopIsFilmedAfterTheRestartExactlyOnce(@TempDir Path data) throws Exception {
        String id;
        String key;
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0))) {
            key = s.key;
            id = s.create(PROMPT, "30", "1280x720").get("id").asText();
            JsonNode filming = s.pollUntil(id, v -> !v.get("status").asText().equals("queued") && v.get("progress").asInt() > 10);
            assertEquals("in_progress", filming.get("status").asText(), "stopped while filming: " + filming);
        }   // a clean stop while filming: the job goes back in line without counting an attempt
        try (Store store = new Store(data)) {
            assertEquals("queued", store.video(id).status());
        }
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0))) {
            HttpResponse<String> r = s.send("GET", "/v1/videos/" + id, null, null, key);
            assertEquals(200, r.statusCode(), "the old key still works: keys live in the store");
            JsonNode done = pollWithKey(s, key, id);
            assertEquals("completed", done.get("status").asText());
            assertEquals(1, s.server.store().video(id).attempts(), "the interrupted run was not counted");
            try (var files = Files.list(s.server.jobs().directory(id))) {
                assertEquals(java.util.Set.of("video.mp4", "video.json", "thumbnail.png", "spritesheet.jpg"),
                        files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
            }
        }
    }

    /** A video in slow motion is not extended: 400, naming the video and why, and nothing queued. */
    @Test
    void aSlowMotionVideoIsNotExtended(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0))) {
            String slow = s.create("a steel ball drops from 50 cm in slow motion", "1", "64x36").get("id").asText();
            s.completed(slow);
            JsonNode e = HttpApiTest.error(s.postJson("/v1/videos/extensions",
                    "{\"prompt\": \"a steel ball drops\", \"seconds\": 1, \"video\": {\"id\": \"" + slow + "\"}}"), 400, "id");
            assertTrue(e.get("message").asText().contains("is in slow motion (120 frames a second of the world played at 24)"), e.toString());
            assertEquals(1, TestServer.JSON.readTree(s.get("/v1/videos").body()).get("data").size(), "nothing queued");
        }
    }

    @Test
    void anExtensionWaitingAtAStopIsFilmedAfterTheRestart(@TempDir Path data) throws Exception {
        String id, original, key;
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0))) {
            key = s.key;
            original = s.create(PROMPT, "1", "64x36").get("id").asText();
            s.completed(original);
            s.server.jobs().pause();
            HttpResponse<String> r = s.postJson("/v1/videos/extensions",
                    "{\"prompt\": \"a steel ball drops\", \"seconds\": 1, \"video\": {\"id\": \"" + original + "\"}}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode queued = TestServer.JSON.readTree(r.body());
            id = queued.get("id").asText();
            assertEquals(original, queued.get("extended_from_video_id").asText());
            assertEquals("2", queued.get("seconds").asText());
        }   // stopped with the extension still in line
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0))) {
            JsonNode done = pollWithKey(s, key, id);
            assertEquals("completed", done.get("status").asText(), done.toString());
            assertEquals(original, done.get("extended_from_video_id").asText());
            JsonNode truth = TestServer.JSON.readTree(s.send("GET", "/v1/videos/" + id + "/ground_truth", null, null, key).body());
            assertEquals(48, truth.get("frameCount").asInt(), "24 frames of the original, 24 more");
        }
    }

    static JsonNode pollWithKey(TestServer s, String key, String id) throws Exception {
        Instant deadline = Instant.now().plus(TestServer.PATIENCE);
        while (true) {
            JsonNode v = TestServer.JSON.readTree(s.send("GET", "/v1/videos/" + id, null, null, key).body());
            if (!v.get("status").asText().matches("queued|in_progress")) return v;
            assertTrue(Instant.now().isBefore(deadline), "gave up waiting on " + id);
            Thread.sleep(100);   // pacing of the poll, not an assertion
        }
    }

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-09-22T12:00:00Z"));

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    @Test
    void expiredVideosAreHiddenThenSweptWithTheirFiles(@TempDir Path data) throws Exception {
        HandClock clock = new HandClock();
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withClock(clock).withTtl(Duration.ofHours(1)))) {
            String id = s.create(PROMPT, "1", "64x36").get("id").asText();
            JsonNode done = s.completed(id);
            assertEquals(clock.instant().getEpochSecond() + 3600, done.get("expires_at").asLong());
            assertEquals(0, s.server.jobs().sweepExpired(), "nothing has expired yet");
            clock.now.set(clock.instant().plus(Duration.ofMinutes(59)));
            assertEquals(200, s.get("/v1/videos/" + id).statusCode());
            clock.now.set(clock.instant().plus(Duration.ofMinutes(1)));
            HttpApiTest.error(s.get("/v1/videos/" + id), 404, "video_id");
            assertEquals(0, TestServer.JSON.readTree(s.get("/v1/videos").body()).get("data").size(), "an expired video is not listed");
            assertTrue(Files.exists(s.server.jobs().directory(id)));
            assertEquals(1, s.server.jobs().sweepExpired());
            assertFalse(Files.exists(s.server.jobs().directory(id)), "the sweep deletes the files");
            assertEquals(null, s.server.store().video(id));
            assertTrue(s.log().contains("\"to\":\"expired\""));
        }
    }

    @Test
    void withoutAuthenticationTheServerRunsOnlyOnLoopback(@TempDir Path data) throws Exception {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VideoServer.start(VideoServer.Config.defaults(data).withPort(0).withHost("0.0.0.0").withNoAuth(true)));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withNoAuth(true))) {
            assertEquals(200, s.send("GET", "/v1/videos", null, null, null).statusCode());
        }
    }
}
