package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web studio's side of the server: its static files, and the media cookie that stands in for the key. */
class StudioServerTest {
    static final String PROMPT = "a red rubber ball drops onto a wooden floor";
    static final Pattern COOKIE = Pattern.compile("diorama_studio=([^;]+)");

    static HttpResponse<String> get(TestServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return s.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> withCookie(TestServer s, String method, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Cookie", "diorama_studio=" + cookie);
        if (path.endsWith("/events")) b.header("Accept", "text/event-stream");
        return s.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a studio session with this key; returns the cookie's value. */
    static String session(TestServer s, String key) throws Exception {
        HttpResponse<String> r = s.send("POST", "/v1/studio/session", null, null, key);
        assertEquals(200, r.statusCode(), r.body());
        String header = r.headers().firstValue("Set-Cookie").orElseThrow();
        for (String attribute : List.of("HttpOnly", "SameSite=Strict", "Path=/v1/videos", "Max-Age=43200")) {
            assertTrue(header.contains(attribute), header);
        }
        Matcher m = COOKIE.matcher(header);
        assertTrue(m.find(), header);
        return m.group(1);
    }

    @Test
    void theStudioIsServedAtTheRootAndFetchesNothingFromElsewhere(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(data)) {
            HttpResponse<String> page = get(s, "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<textarea id=\"prompt\""), "the page is the studio");
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            for (String file : List.of("/", "/studio.js", "/studio.css", "/favicon.svg")) {
                HttpResponse<String> r = get(s, file);
                assertEquals(200, r.statusCode(), file);
                // No CDN, no font service: every reference is relative to this server.
                Matcher url = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(r.body());
                while (url.find()) {
                    assertTrue(url.group().equals("http://www.w3.org"), file + " refers to " + url.group());
                }
            }
            HttpResponse<String> missing = get(s, "/nothing-here.html");
            HttpApiTest.error(missing, 404, null);
        }
    }

    @Test
    void aStudioSessionOpensOnlyTheReadOnlyMediaOfItsOwnKeysVideos(@TempDir Path data) throws Exception {
        JobsTest.HandClock clock = new JobsTest.HandClock();
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withClock(clock))) {
            HttpApiTest.error(s.send("POST", "/v1/studio/session", null, null, null), 401, null);
            String cookie = session(s, s.key);
            String id = s.create(PROMPT, "1", "64x36").get("id").asText();
            s.completed(id);
            String video = "/v1/videos/" + id;

            // What a <video>, an <img> and an EventSource ask for: allowed with the cookie alone.
            HttpResponse<String> content = withCookie(s, "GET", video + "/content", cookie);
            assertEquals(200, content.statusCode());
            assertEquals("video/mp4", content.headers().firstValue("Content-Type").orElse(""));
            assertEquals(200, withCookie(s, "GET", video + "/content?variant=thumbnail", cookie).statusCode());
            assertEquals(200, withCookie(s, "GET", video + "/ground_truth", cookie).statusCode());
            HttpResponse<String> events = withCookie(s, "GET", video + "/events", cookie);
            assertEquals(200, events.statusCode());
            assertTrue(events.body().contains("event: completed"), events.body());

            // Everything else still needs the key.
            for (String[] call : List.of(new String[] {"GET", "/v1/videos"}, new String[] {"GET", video},
                    new String[] {"DELETE", video}, new String[] {"POST", video + "/remix"},
                    new String[] {"POST", "/v1/videos"}, new String[] {"POST", "/v1/studio/session"})) {
                HttpApiTest.error(withCookie(s, call[0], call[1], cookie), 401, null);
            }
            // A forged or tampered cookie is nothing.
            HttpApiTest.error(withCookie(s, "GET", video + "/content", cookie.substring(0, cookie.length() - 2) + "xx"), 401, null);
            HttpApiTest.error(withCookie(s, "GET", video + "/content", "key_000000000000.99999999999.AAAA"), 401, null);
            // Another key's cookie sees none of my videos.
            String otherKey = s.newKey("other");
            HttpApiTest.error(withCookie(s, "GET", video + "/content", session(s, otherKey)), 404, "video_id");

            // Ground truth through a browser's Accept-Encoding: gzipped whole, no Content-Length of the raw file.
            HttpResponse<InputStream> gz = s.http.send(HttpRequest.newBuilder(URI.create(s.base() + video + "/ground_truth"))
                    .header("Authorization", "Bearer " + s.key).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, gz.statusCode());
            JsonNode truth;
            try (InputStream in = gz.body()) {
                boolean gzipped = gz.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
                truth = TestServer.JSON.readTree(gzipped ? new GZIPInputStream(in) : in);
            }
            assertEquals(TestServer.JSON.readTree(s.get(video + "/ground_truth").body()), truth);

            // A session ends with its lifetime, with its key's revocation, and when the studio forgets the key.
            clock.now.set(clock.instant().plus(StudioSessions.LIFETIME).plusSeconds(1));
            HttpApiTest.error(withCookie(s, "GET", video + "/content", cookie), 401, null);
            assertEquals(200, s.get(video + "/content").statusCode(), "the key itself still works");
            String fresh = session(s, s.key);
            assertEquals(200, withCookie(s, "GET", video + "/content", fresh).statusCode());
            String keyId = s.server.store().keyOwner(ApiKeys.hash(s.key));
            assertTrue(s.server.store().revokeKey(keyId, Instant.now().getEpochSecond()));
            HttpApiTest.error(withCookie(s, "GET", video + "/content", fresh), 401, null);
            HttpResponse<String> forget = s.send("DELETE", "/v1/studio/session", null, null, otherKey);
            assertEquals(200, forget.statusCode());
            assertTrue(forget.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        }
    }

    /** One request over a raw socket (java.net.http will not send a Host of our choosing); returns the status line and body. */
    static String raw(TestServer s, String method, String path, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String h : headers) request.append(h).append("\r\n");
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n")) + " " + response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void withoutAuthenticationNoSessionIsNeededButOtherSitesAreKeptOut(@TempDir Path data) throws Exception {
        try (TestServer s = new TestServer(VideoServer.Config.defaults(data).withPort(0).withNoAuth(true))) {
            HttpResponse<String> r = s.send("POST", "/v1/studio/session", null, null, null);
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(TestServer.JSON.readTree(r.body()).get("auth").asBoolean());
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());

            String self = "127.0.0.1:" + s.server.port();
            for (String host : List.of(self, "localhost:" + s.server.port(), "[::1]:" + s.server.port(), "LOCALHOST")) {
                assertTrue(raw(s, "GET", "/v1/videos", "Host: " + host).startsWith("HTTP/1.1 200"), host);
            }
            // DNS rebinding: a page of another name that resolves to 127.0.0.1.
            String rebound = raw(s, "GET", "/v1/videos", "Host: attacker.example:" + s.server.port());
            assertTrue(rebound.startsWith("HTTP/1.1 403") && rebound.contains("\"code\":\"forbidden_host\""), rebound);
            // A form posted from another site's page.
            String posted = raw(s, "DELETE", "/v1/videos/video_0123456789abcdef0123456789abcdef", "Host: " + self,
                    "Origin: https://attacker.example");
            assertTrue(posted.startsWith("HTTP/1.1 403") && posted.contains("\"param\":\"Origin\""), posted);
            // The studio's own pages (their Origin is this server) and clients that are not browsers (no Origin) go on.
            assertTrue(raw(s, "POST", "/v1/studio/session", "Host: " + self, "Origin: http://" + self).startsWith("HTTP/1.1 200"));
            assertTrue(raw(s, "GET", "/", "Host: attacker.example").startsWith("HTTP/1.1 200"), "the page itself holds nothing");
        }
    }

    @Test
    void cookiesAreSignedAndExpire() {
        JobsTest.HandClock clock = new JobsTest.HandClock();
        StudioSessions sessions = new StudioSessions(clock);
        String cookie = sessions.issue("key_0123456789ab");
        assertEquals("key_0123456789ab", sessions.verify(cookie));
        assertEquals(null, new StudioSessions(clock).verify(cookie), "another server's secret");
        String[] parts = cookie.split("\\.");
        assertEquals(null, sessions.verify("key_0123456789ac." + parts[1] + "." + parts[2]), "another key id");
        assertEquals(null, sessions.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2]), "a later expiry");
        for (String junk : new String[] {null, "", ".", "..", "a.b", "a.b.c", "x".repeat(300), new String(new byte[] {(byte) 0xff},
                StandardCharsets.ISO_8859_1)}) {
            assertEquals(null, sessions.verify(junk), String.valueOf(junk));
        }
        clock.now.set(clock.instant().plus(StudioSessions.LIFETIME));
        assertEquals(null, sessions.verify(cookie), "expired");
    }
}
