package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key rate limits on creations, and the request body limit ({@code --rate-limit}, {@code --max-body}). */
class LimitsTest {
    static final String BODY = "{\"prompt\": \"a red rubber ball drops onto a wooden floor\", \"seconds\": \"1\", \"size\": \"64x36\"}";

    static HttpResponse<String> create(TestServer s, String key) throws Exception {
        return s.send("POST", "/v1/videos", "application/json", BODY, key);
    }

    @Test
    void aKeyThatCreatesTooFastIs429WithRetryAfterWhileOtherKeysGoOn(@TempDir Path data) throws Exception {
        JobsTest.HandClock clock = new JobsTest.HandClock();
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withClock(clock).withRateLimit(3))) {
            s.server.jobs().pause();   // nothing is filmed: the jobs only wait
            for (int i = 0; i < 3; i++) assertEquals(200, create(s, s.key).statusCode(), "a burst of 3 is allowed");
            HttpResponse<String> limited = create(s, s.key);
            JsonNode e = HttpApiTest.error(limited, 429, null);
            assertEquals("rate_limit_exceeded", e.get("code").asText());
            assertEquals("rate_limit_error", e.get("type").asText());
            assertTrue(e.get("message").asText().contains("3 videos per minute"), e.toString());
            assertEquals("20", limited.headers().firstValue("Retry-After").orElseThrow(), "one token every 60/3 s");
            assertEquals(3, s.server.store().count("queued"), "the refused request left no job");

            // A bad request is a 400 whatever the bucket holds: parameters are checked first.
            HttpApiTest.error(s.send("POST", "/v1/videos", "application/json", "{\"seconds\": \"4\"}", s.key), 400, "prompt");
            // Another key has its own bucket.
            assertEquals(200, create(s, s.newKey("other")).statusCode());

            clock.now.set(clock.instant().plusSeconds(10));
            HttpResponse<String> half = create(s, s.key);
            HttpApiTest.error(half, 429, null);
            assertEquals("10", half.headers().firstValue("Retry-After").orElseThrow(), "half a token has come back");
            clock.now.set(clock.instant().plusSeconds(10));
            assertEquals(200, create(s, s.key).statusCode(), "a token came back after 20 s");
            HttpApiTest.error(create(s, s.key), 429, null);
        }
    }

    @Test
    void remixesAndEditsAreCreationsToo(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withRateLimit(1))) {
            String id = s.create("a red rubber ball drops onto a wooden floor", "1", "64x36").get("id").asText();
            s.completed(id);
            JsonNode remix = HttpApiTest.error(s.postJson("/v1/videos/" + id + "/remix", "{\"prompt\": \"a steel ball drops\"}"), 429, null);
            assertEquals("rate_limit_exceeded", remix.get("code").asText());
            JsonNode edit = HttpApiTest.error(s.postJson("/v1/videos/edits",
                    "{\"prompt\": \"a steel ball drops\", \"video\": {\"id\": \"" + id + "\"}}"), 429, null);
            assertEquals("rate_limit_exceeded", edit.get("code").asText());
            JsonNode extension = HttpApiTest.error(s.postJson("/v1/videos/extensions",
                    "{\"prompt\": \"a steel ball drops\", \"video\": {\"id\": \"" + id + "\"}}"), 429, null);
            assertEquals("rate_limit_exceeded", extension.get("code").asText());
            // Reading, listing and explaining are not limited.
            assertEquals(200, s.get("/v1/videos/" + id).statusCode());
            assertEquals(200, s.postJson("/v1/explain", "{\"prompt\": \"a steel ball drops\"}").statusCode());
        }
    }

    @Test
    void aCreationRefusedByTheFullQueueCostsNoToken(@TempDir Path data) throws Exception {
        JobsTest.HandClock clock = new JobsTest.HandClock();
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withClock(clock)
                .withWorkers(1, 1).withRateLimit(2))) {
            s.server.jobs().pause();
            HttpResponse<String> first = create(s, s.key);
            assertEquals(200, first.statusCode());
            JsonNode full = HttpApiTest.error(create(s, s.key), 429, null);
            assertEquals("queue_full", full.get("code").asText());
            String id = TestServer.JSON.readTree(first.body()).get("id").asText();
            assertEquals(200, s.send("DELETE", "/v1/videos/" + id, null, null, s.key).statusCode());
            assertEquals(200, create(s, s.key).statusCode(), "the second token was given back when the queue refused");
        }
    }

    @Test
    void aRateLimitOfZeroIsNoLimit(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withRateLimit(0))) {
            s.server.jobs().pause();
            for (int i = 0; i < 12; i++) assertEquals(200, create(s, s.key).statusCode());
        }
    }

    @Test
    void theBodyLimitIsConfigurable(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withMaxBody(16 << 10))) {
            String over = "{\"prompt\": \"" + "a".repeat(17 << 10) + "\"}";
            JsonNode e = HttpApiTest.error(s.postJson("/v1/videos", over), 413, null);
            assertEquals("request_too_large", e.get("code").asText());
            assertTrue(e.get("message").asText().contains("16384 bytes"), e.toString());
            String boundary = "----diorama";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n" + "a".repeat(17 << 10)
                    + "\r\n--" + boundary + "--\r\n";
            HttpApiTest.error(s.send("POST", "/v1/videos", "multipart/form-data; boundary=" + boundary, multipart, s.key), 413, null);
            HttpApiTest.error(s.postJson("/v1/explain", over), 413, null);
            // Under the limit, the same prompt is judged on its own terms: too long for a prompt.
            String under = "{\"prompt\": \"" + "a".repeat(15 << 10) + "\"}";
            HttpApiTest.error(s.postJson("/v1/videos", under), 400, "prompt");
        }
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> VideoServer.start(VideoServer.Config.defaults(data).withPort(0).withMaxBody(1000)));
        assertTrue(tooSmall.getMessage().contains("--max-body"), tooSmall.getMessage());
    }

    @Test
    void byteCountsReadAsTheCommandLineWritesThem() {
        assertEquals(1048576, VideoServer.Config.parseBytes("1048576"));
        assertEquals(512 << 10, VideoServer.Config.parseBytes("512k"));
        assertEquals(4 << 20, VideoServer.Config.parseBytes("4M"));
        for (String bad : new String[] {"", "k", "-1", "1.5m", "1g", "12 kb", "9999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> VideoServer.Config.parseBytes(bad), bad);
        }
    }

    @Test
    void tokensComeBackAtTheirRate() {
        JobsTest.HandClock clock = new JobsTest.HandClock();
        RateLimits limits = new RateLimits(6, clock);
        for (int i = 0; i < 6; i++) limits.acquire("k");
        ApiError e = assertThrows(ApiError.class, () -> limits.acquire("k"));
        assertEquals(10, e.retryAfterSeconds());
        clock.now.set(clock.instant().plus(Duration.ofMinutes(5)));
        for (int i = 0; i < 6; i++) limits.acquire("k");   // a long pause refills the bucket, no more
        assertThrows(ApiError.class, () -> limits.acquire("k"));
    }
}
