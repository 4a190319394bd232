package dev.diorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.engine.Continuation;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Diorama as a service: OpenAI's Videos API ({@code /v1/videos...}) over Diorama's engine, with a
 * SQLite job store and a pool of workers ({@link Jobs}). Code written for OpenAI's Videos API keeps
 * working when its base URL points here; Diorama's own additions live under their own names
 * ({@code ground_truth}, {@code events}, {@code /v1/explain}). server/README.md lists what is
 * supported and what is not.
 *
 * <p>Every error is OpenAI's shape, {@code {"error": {"message", "type", "param", "code"}}}, written
 * in one place ({@link #writeError}); handlers throw {@link ApiError}.
 */
public final class VideoServer implements AutoCloseable {
    /** The owner of every video when the server runs without authentication (loopback only). */
    public static final String LOCAL_OWNER = "local";
    private static final Pattern VIDEO_ID = Pattern.compile("video_[0-9a-f]{32}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The media routes a studio cookie may read (GET only): content, ground truth, events. */
    private static final Pattern MEDIA_PATH = Pattern.compile("/v1/videos/video_[0-9a-f]{32}/(content|ground_truth|events)");
    /**
     * Headers of the studio's files: revalidated on every load (a new server version shows at once);
     * scripts, styles, images, media and connections only from this server; never framed.
     */
    private static final Map<String, String> STUDIO_HEADERS = Map.of(
            "Cache-Control", "no-cache",
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "media-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /**
     * How the server runs.
     *
     * @param host          address to bind; anything but loopback requires authentication
     * @param port          TCP port; 0 picks a free one ({@link #port()} tells which)
     * @param data          the data directory: {@code diorama.db} and {@code videos/}
     * @param workers       films made at once
     * @param queue         jobs that may wait; one more is a 429 with Retry-After
     * @param noAuth        serve without API keys (every video belongs to {@value #LOCAL_OWNER})
     * @param ttl           how long a finished video is kept before it expires
     * @param sweepEvery    how often expired videos are deleted
     * @param maxBodyBytes  the largest request body accepted; more is a 413
     * @param ratePerMinute videos a key may create per minute (and in a burst); 0: no limit
     * @param log           where the structured log lines go
     */
    public record Config(String host, int port, Path data, int workers, int queue, boolean noAuth, Duration ttl,
                         Duration sweepEvery, long maxBodyBytes, int ratePerMinute, PrintStream log, Clock clock) {
        public static final long DEFAULT_MAX_BODY = 16L << 20; // a photograph as input_reference fits
        /** The smallest body limit: a request must still fit its prompt and parameters. */
        public static final long MIN_MAX_BODY = 16 << 10;
        public static final int DEFAULT_RATE_PER_MINUTE = 20;

        /**
         * A byte count as the command line gives it: {@code 1048576}, {@code 512k}, {@code 4m}
         * (k and m are 1024 and 1024²; case-insensitive).
         *
         * @throws IllegalArgumentException for anything else, or a count that does not fit a long
         */
        public static long parseBytes(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            long unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : 1;
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            if (!digits.matches("[0-9]{1,12}")) {
                throw new IllegalArgumentException("expected a number of bytes such as 1048576, 512k or 4m, found '" + text + "'");
            }
            return Long.parseLong(digits) * unit;
        }

        public static Config defaults(Path data) {
            return new Config("127.0.0.1", 8080, data, 1, 16, false, Duration.ofHours(24), Duration.ofMinutes(1),
                    DEFAULT_MAX_BODY, DEFAULT_RATE_PER_MINUTE, System.out, Clock.systemUTC());
        }

        public Config withPort(int p) {
            return new Config(host, p, data, workers, queue, noAuth, ttl, sweepEvery, maxBodyBytes, ratePerMinute, log, clock);
        }

        public Config withHost(String h) {
            return new Config(h, port, data, workers, queue, noAuth, ttl, sweepEvery, maxBodyBytes, ratePerMinute, log, clock);
        }

        public Config withWorkers(int w, int q) {
            return new Config(host, port, data, w, q, noAuth, ttl, sweepEvery, maxBodyBytes, ratePerMinute, log, clock);
        }

        public Config withNoAuth(boolean n) {
            return new Config(host, port, data, workers, queue, n, ttl, sweepEvery, maxBodyBytes, ratePerMinute, log, clock);
        }

        public Config withTtl(Duration t) {
            return new Config(host, port, data, workers, queue, noAuth, t, sweepEvery, maxBodyBytes, ratePerMinute, log, clock);
        }

        public Config withMaxBody(long bytes) {
            return new Config(host, port, data, workers, queue, noAuth, ttl, sweepEvery, bytes, ratePerMinute, log, clock);
        }

        public Config withRateLimit(int perMinute) {
            return new Config(host, port, data, workers, queue, noAuth, ttl, sweepEvery, maxBodyBytes, perMinute, log, clock);
        }

        public Config withLog(PrintStream l) {
            return new Config(host, port, data, workers, queue, noAuth, ttl, sweepEvery, maxBodyBytes, ratePerMinute, l, clock);
        }

        public Config withClock(Clock c) {
            return new Config(host, port, data, workers, queue, noAuth, ttl, sweepEvery, maxBodyBytes, ratePerMinute, log, c);
        }
    }

    private final Config config;
    private final Store store;
    private final Jobs jobs;
    private final Log log;
    private final Javalin app;
    private final ScheduledExecutorService sweeper;
    private final RateLimits rateLimits;
    private final StudioSessions sessions;

    private VideoServer(Config config, Store store, Jobs jobs, Log log, Javalin app, ScheduledExecutorService sweeper) {
        this.config = config;
        this.store = store;
        this.jobs = jobs;
        this.log = log;
        this.app = app;
        this.sweeper = sweeper;
        this.rateLimits = new RateLimits(config.ratePerMinute(), config.clock());
        this.sessions = new StudioSessions(config.clock());
    }

    /**
     * Opens the store, re-queues unfinished jobs, starts the workers, the expiry sweep and the HTTP
     * server.
     *
     * @throws IllegalArgumentException for a configuration that must not run (no authentication
     *                                  on a non-loopback address, a bad count)
     */
    public static VideoServer start(Config config) throws IOException {
        if (config.noAuth() && !isLoopback(config.host())) {
            throw new IllegalArgumentException("--no-auth is allowed only on a loopback address (127.0.0.1, ::1, localhost); "
                    + "found " + config.host());
        }
        if (config.workers() < 1) throw new IllegalArgumentException("--workers: expected at least 1, found " + config.workers());
        if (config.queue() < 1) throw new IllegalArgumentException("--queue: expected at least 1, found " + config.queue());
        if (config.maxBodyBytes() < Config.MIN_MAX_BODY) {
            throw new IllegalArgumentException("--max-body: expected at least " + Config.MIN_MAX_BODY + " bytes (16k), found "
                    + config.maxBodyBytes());
        }
        if (config.ratePerMinute() < 0) {
            throw new IllegalArgumentException("--rate-limit: expected 0 (no limit) or more, found " + config.ratePerMinute());
        }
        Log log = new Log(config.log(), config.clock());
        Store store = new Store(config.data());
        Jobs jobs = new Jobs(store, config.data().resolve("videos"), config.workers(), config.queue(), config.ttl(),
                config.clock(), log);
        try {
            jobs.start();
        } catch (IOException | RuntimeException e) {
            jobs.close();
            store.close();
            throw e;
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "diorama-expiry");
            t.setDaemon(true);
            return t;
        });
        VideoServer[] self = new VideoServer[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.requestLogger.http((ctx, ms) -> log.line("request", "method", ctx.method().name(), "path", ctx.path(),
                    "status", ctx.statusCode(), "ms", (double) ms, "key", ctx.attribute("owner")));
            cfg.routes.before(ctx -> self[0].authenticate(ctx));
            cfg.routes.post("/v1/videos", ctx -> self[0].create(ctx));
            cfg.routes.get("/v1/videos", ctx -> self[0].list(ctx));
            cfg.routes.post("/v1/videos/edits", ctx -> self[0].edit(ctx));
            cfg.routes.post("/v1/videos/extensions", ctx -> self[0].extend(ctx));
            cfg.routes.post("/v1/videos/characters", ctx -> unsupported("POST /v1/videos/characters",
                    "Characters from uploaded videos are not supported: Diorama builds every scene from the prompt's words."));
            cfg.routes.get("/v1/videos/characters/{id}", ctx -> unsupported("GET /v1/videos/characters/{id}",
                    "Characters from uploaded videos are not supported: Diorama builds every scene from the prompt's words."));
            cfg.routes.get("/v1/videos/{id}", ctx -> self[0].retrieve(ctx));
            cfg.routes.delete("/v1/videos/{id}", ctx -> self[0].delete(ctx));
            cfg.routes.get("/v1/videos/{id}/content", ctx -> self[0].content(ctx, ctx.queryParam("variant")));
            cfg.routes.get("/v1/videos/{id}/ground_truth", ctx -> self[0].content(ctx, "ground_truth"));
            cfg.routes.get("/v1/videos/{id}/events", ctx -> self[0].events(ctx));
            cfg.routes.post("/v1/videos/{id}/remix", ctx -> self[0].remix(ctx));
            cfg.routes.post("/v1/explain", ctx -> self[0].explain(ctx));
            cfg.routes.post("/v1/studio/session", ctx -> self[0].openSession(ctx));
            cfg.routes.delete("/v1/studio/session", ctx -> self[0].closeSession(ctx));
            // The web studio: static files, no build step, nothing fetched from elsewhere (the CSP says so to the browser).
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/studio";
                files.location = Location.CLASSPATH;
                files.headers = STUDIO_HEADERS;
            });
            cfg.routes.exception(ApiError.class, (e, ctx) -> writeError(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, fromJavalin(ctx, e, config.maxBodyBytes())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.line("internal_error", "method", ctx.method().name(), "path", ctx.path(), "error", e.toString());
                writeError(ctx, ApiError.internal("The server failed to handle the request; the log has the details."));
            });
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // Jetty caps form fields (multipart included) at 200 kB by default; the body limit is ours to set.
            cfg.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, config.maxBodyBytes())));
        });
        VideoServer server = new VideoServer(config, store, jobs, log, app, sweeper);
        self[0] = server;
        try {
            app.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        long every = Math.max(1, config.sweepEvery().toSeconds());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                jobs.sweepExpired();
            } catch (RuntimeException e) {
                log.line("sweep_failed", "error", e.toString());
            }
        }, every, every, TimeUnit.SECONDS);
        log.line("started", "host", config.host(), "port", server.port(), "data", config.data().toAbsolutePath(),
                "workers", config.workers(), "queue", config.queue(), "auth", !config.noAuth());
        return server;
    }

    public int port() {
        return app.port();
    }

    public Store store() {
        return store;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** True when every address the name resolves to is a loopback address. */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) if (!a.isLoopbackAddress()) return false;
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ---- authentication ----

    private void authenticate(Context ctx) {
        if (!ctx.path().startsWith("/v1/") && !ctx.path().equals("/v1")) return;
        if (config.noAuth()) {
            guardLocalMode(ctx);
            ctx.attribute("owner", LOCAL_OWNER);
            return;
        }
        String header = ctx.header("Authorization");
        if ((header == null || header.isBlank()) && ctx.method().name().equals("GET") && MEDIA_PATH.matcher(ctx.path()).matches()) {
            String keyId = sessions.verify(ctx.cookie(StudioSessions.COOKIE));
            if (keyId != null && store.keyLive(keyId)) {
                ctx.attribute("owner", keyId);
                return;
            }
        }
        if (header == null || header.isBlank()) {
            throw ApiError.unauthorized("You didn't provide an API key. Provide it in an Authorization header using "
                    + "Bearer auth (Authorization: Bearer YOUR_KEY); `diorama keys create` makes one.");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw ApiError.unauthorized("Expected an Authorization header of the form 'Bearer YOUR_KEY'.");
        }
        String owner = store.keyOwner(ApiKeys.hash(parts[1].strip()));
        if (owner == null) throw ApiError.unauthorized("Incorrect API key provided.");
        ctx.attribute("owner", owner);
    }

    private static final Pattern LOOPBACK_HOST = Pattern.compile("(localhost|127(\\.[0-9]{1,3}){3}|\\[::1\\])(:[0-9]{1,5})?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Without keys, anything that can reach the port can use the API; loopback keeps other
     * machines out, but a web page in the user's own browser could still reach it: through DNS
     * rebinding (its own name made to resolve to 127.0.0.1: the Host header is then that name) or
     * by posting a form to 127.0.0.1 (a cross-origin request: its Origin header is the page's). So
     * a request must name a loopback host, and a request that changes something must come from a
     * page of this server, or from no page at all (curl, the SDKs).
     */
    private static void guardLocalMode(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !LOOPBACK_HOST.matcher(host.strip()).matches()) {
            throw new ApiError(403, ApiError.INVALID_REQUEST, "Host", "forbidden_host", "Without authentication this server "
                    + "answers only requests addressed to a loopback name (localhost, 127.0.0.1, [::1]), found " + quote(host) + ".", 0);
        }
        String origin = ctx.header("Origin");
        if (origin != null && !ctx.method().name().equals("GET") && !origin.equalsIgnoreCase("http://" + host.strip())) {
            throw new ApiError(403, ApiError.INVALID_REQUEST, "Origin", "forbidden_origin", "Without authentication this server "
                    + "takes changes only from its own pages (or from clients that are not browsers), not from " + quote(origin) + ".", 0);
        }
    }

    private static String owner(Context ctx) {
        return ctx.attribute("owner");
    }

    /** The caller's video with this id; another key's video is a 404, exactly as a missing one. */
    private Store.Row owned(Context ctx, String id, String param) {
        if (id == null || !VIDEO_ID.matcher(id).matches()) {
            throw ApiError.badRequest(param, "invalid_video_id", "Invalid video id " + quote(id)
                    + "; expected 'video_' followed by 32 hexadecimal digits.");
        }
        Store.Row row = store.video(id);
        if (row == null || !row.owner().equals(owner(ctx)) || expired(row)) {
            throw ApiError.notFound(param, "No video found with id '" + id + "'.");
        }
        return row;
    }

    private boolean expired(Store.Row row) {
        return row.expiresAt() != null && row.expiresAt() <= config.clock().instant().getEpochSecond();
    }

    // ---- the Videos API ----

    private void create(Context ctx) {
        ObjectNode body = RequestBody.read(ctx, config.maxBodyBytes());
        VideoRequest.Understood u = VideoRequest.read(body).understand();
        java.awt.image.BufferedImage reference = InputReference.read(body);
        if (reference != null) InputReference.requireOutdoor(u.scene());
        String owner = owner(ctx);
        rateLimits.acquire(owner);
        Store.Row row;
        try {
            row = jobs.submit(owner, u.rehearsed(), null, reference);
        } catch (RuntimeException e) {
            rateLimits.refund(owner);
            throw e;
        }
        send(ctx, 200, video(row));
    }

    private void list(Context ctx) {
        int limit = 20;
        String l = ctx.queryParam("limit");
        if (l != null) {
            if (!l.matches("[0-9]{1,3}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > 100) {
                throw ApiError.badRequest("limit", "invalid_value", "Invalid 'limit': expected a whole number from 1 to 100, found " + quote(l) + ".");
            }
            limit = Integer.parseInt(l);
        }
        String order = ctx.queryParam("order") == null ? "desc" : ctx.queryParam("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.badRequest("order", "invalid_value", "Invalid 'order': expected 'asc' or 'desc', found " + quote(order) + ".");
        }
        long afterSeq = 0;
        String after = ctx.queryParam("after");
        if (after != null) afterSeq = owned(ctx, after, "after").seq();
        List<Store.Row> rows = store.page(owner(ctx), afterSeq, limit, order.equals("desc"), config.clock().instant().getEpochSecond());
        boolean more = rows.size() > limit;
        if (more) rows = rows.subList(0, limit);
        ObjectNode page = NODES.objectNode().put("object", "list");
        ArrayNode data = page.putArray("data");
        for (Store.Row r : rows) data.add(video(r));
        page.put("first_id", rows.isEmpty() ? null : rows.getFirst().id());
        page.put("last_id", rows.isEmpty() ? null : rows.getLast().id());
        page.put("has_more", more);
        send(ctx, 200, page);
    }

    private void retrieve(Context ctx) {
        send(ctx, 200, video(owned(ctx, ctx.pathParam("id"), "video_id")));
    }

    private void delete(Context ctx) {
        Store.Row row = owned(ctx, ctx.pathParam("id"), "video_id");
        jobs.delete(row);
        send(ctx, 200, NODES.objectNode().put("id", row.id()).put("object", "video.deleted").put("deleted", true));
    }

    private void content(Context ctx, String requested) throws IOException {
        Store.Row row = owned(ctx, ctx.pathParam("id"), "video_id");
        String variant = requested == null ? "video" : requested;
        String file, type;
        switch (variant) {
            case "video" -> { file = Jobs.VIDEO; type = "video/mp4"; }
            case "thumbnail" -> { file = Jobs.THUMBNAIL; type = "image/png"; }
            case "spritesheet" -> { file = Jobs.SPRITESHEET; type = "image/jpeg"; }
            case "ground_truth" -> { file = Jobs.SIDECAR; type = "application/json"; }
            default -> throw ApiError.badRequest("variant", "invalid_value", "Invalid 'variant': expected video, thumbnail, "
                    + "spritesheet or ground_truth, found " + quote(variant) + ".");
        }
        if (!row.status().equals("completed")) {
            throw ApiError.conflict("video_not_ready", "Video " + row.id() + " is " + row.status()
                    + (row.status().equals("failed") ? "; it has no content." : "; its content is ready when its status is 'completed'."));
        }
        Path path = jobs.directory(row.id()).resolve(file);
        InputStream in;
        long size;
        try {
            size = Files.size(path);
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw ApiError.internal("The " + variant + " of video " + row.id() + " is missing from the data directory.");
        }
        if (variant.equals("video")) {
            ctx.writeSeekableStream(in, type, size);
        } else if (variant.equals("ground_truth")) {
            // No Content-Length: JSON is gzipped on the way to a client that accepts it (browsers do),
            // and the compressed length is not the file's.
            ctx.contentType(type).result(in);
        } else {
            ctx.contentType(type).header("Content-Length", Long.toString(size)).result(in);
        }
    }

    private void remix(Context ctx) {
        Store.Row original = owned(ctx, ctx.pathParam("id"), "video_id");
        ObjectNode body = RequestBody.read(ctx, config.maxBodyBytes());
        send(ctx, 200, video(remixOf(ctx, original, body)));
    }

    /** {@code POST /v1/videos/edits {prompt, video: {id}}}: as a remix of that video. */
    private void edit(Context ctx) {
        ObjectNode body = RequestBody.read(ctx, config.maxBodyBytes());
        JsonNode ref = body.get("video");
        if (ref == null || !ref.isObject() || !ref.path("id").isTextual()) {
            throw ApiError.badRequest("video", "missing_required_parameter", "Missing required parameter: 'video' "
                    + "(expected {\"id\": \"video_...\"}, the video to edit; an uploaded video is not supported).");
        }
        Store.Row original = owned(ctx, ref.get("id").asText(), "video");
        send(ctx, 200, video(remixOf(ctx, original, body)));
    }

    /**
     * A new job recording {@code remixed_from_video_id}, as {@code diorama remix} makes one: the
     * prompt is an edit of the original's scene ({@link dev.diorama.prompt.SceneEdits}: "now at
     * night" changes the time and nothing else; "make the floor marble", "twice as many balls", "make
     * it overcast", "from above"), filmed with the same seed, length and size. A prompt that is no
     * edit of that scene (it changes nothing in it, or names objects the scene does not have, as a
     * whole new description does) is filmed as a new scene with the original's seed, length and size
     * (its own "for 8 seconds" wins). An edit of an extended video edits its first part's scene and
     * films it again followed by the same extensions, from where each part leaves the world: the
     * remix is as long as the original.
     */
    private Store.Row remixOf(Context ctx, Store.Row original, JsonNode body) {
        if (!original.status().equals("completed")) {
            throw ApiError.conflict("video_not_ready", "Video " + original.id() + " is " + original.status()
                    + "; only a completed video can be remixed.");
        }
        String prompt = VideoRequest.prompt(body);
        String[] wh = original.size().split("x");
        VideoRequest request = new VideoRequest(original.model(), prompt, Double.parseDouble(original.seconds()), false,
                Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), original.seed());
        Scene before = SceneJson.read(original.scene());
        dev.diorama.prompt.SceneEdits.Edit edit;
        try {
            edit = dev.diorama.prompt.SceneEdits.applyIfEdit(before, prompt);
        } catch (dev.diorama.prompt.PromptException e) {
            throw ApiError.badRequest("prompt", "invalid_prompt", "Invalid 'prompt': " + e.getMessage());
        }
        if (edit == null) return submit(ctx, request.understand(), original.id());
        List<dev.diorama.engine.Continuation.Step> chain = Jobs.steps(original);
        // An extended video's remix is its edited first part ("for 8 seconds" may lengthen it) and the same extensions.
        double seconds = edit.scene().seconds();
        for (var step : chain) seconds += step.seconds();
        if (seconds > Scene.MAX_SECONDS) {
            throw ApiError.badRequest("prompt", "invalid_value", "Invalid 'prompt': the remixed video would be "
                    + VideoRequest.formatSeconds(seconds) + " s long; at most " + (int) Scene.MAX_SECONDS + " s.");
        }
        VideoRequest edited = new VideoRequest(original.model(), prompt, seconds, true,
                edit.scene().width(), edit.scene().height(), edit.scene().seed());
        VideoRequest.Understood u = new VideoRequest.Understood(edited, edit.scene(), edit.ignoredWords(), edit.notes());
        if (chain.isEmpty()) return submit(ctx, u, original.id());
        return submit(ctx, owner -> jobs.submitRemixOfChain(owner, u, original.id(), chain));
    }

    /**
     * {@code POST /v1/videos/extensions {prompt, seconds, video: {id}}}: a new job whose film is the
     * completed video followed by its world going on for {@code seconds} (default 4) from its last
     * state, with what the prompt adds; {@code extended_from_video_id} set. See
     * {@link dev.diorama.engine.Continuation}.
     */
    private void extend(Context ctx) {
        ObjectNode body = RequestBody.read(ctx, config.maxBodyBytes());
        JsonNode ref = body.get("video");
        if (ref == null || !ref.isObject() || !ref.path("id").isTextual()) {
            throw ApiError.badRequest("video", "missing_required_parameter", "Missing required parameter: 'video' "
                    + "(expected {\"id\": \"video_...\"}, the video to extend; an uploaded video is not supported).");
        }
        String prompt = VideoRequest.prompt(body);
        int seconds = VideoRequest.seconds(body, VideoRequest.DEFAULT_SECONDS);
        Store.Row original = owned(ctx, ref.get("id").asText(), "video");
        if (!original.status().equals("completed")) {
            throw ApiError.conflict("video_not_ready", "Video " + original.id() + " is " + original.status()
                    + "; only a completed video can be extended.");
        }
        // An extension's row holds the first film's scene and the earlier extensions: the world is
        // replayed through all of them, and the new part goes on from the end of the last.
        List<Continuation.Step> earlier = Jobs.steps(original);
        Scene scene = SceneJson.read(original.scene());
        if (scene.captureFps() != scene.fps()) {
            throw ApiError.badRequest("id", "invalid_value", "Invalid 'id': " + original.id() + " is in slow motion ("
                    + scene.captureFps() + " frames a second of the world played at " + scene.fps()
                    + "); only a video in real time can be extended.");
        }
        double total = Double.parseDouble(original.seconds()) + seconds;
        if (total > Scene.MAX_SECONDS) {
            throw ApiError.badRequest("seconds", "invalid_value", "Invalid 'seconds': the extended video would be "
                    + VideoRequest.formatSeconds(total) + " s long; at most "
                    + (int) Scene.MAX_SECONDS + " s.");
        }
        dev.diorama.prompt.PromptParser.Parse parse;
        try {
            parse = dev.diorama.prompt.PromptParser.parse(prompt, new dev.diorama.prompt.PromptParser.Options(
                    scene.seed(), seconds, scene.fps(), scene.width(), scene.height()).withSecondsOverride(seconds));
        } catch (dev.diorama.prompt.PromptException e) {
            throw ApiError.badRequest("prompt", "invalid_prompt", "Invalid 'prompt': " + e.getMessage());
        }
        VideoRequest request = new VideoRequest(original.model(), prompt, total, true,
                scene.width(), scene.height(), original.seed());
        VideoRequest.Understood u = new VideoRequest.Understood(request, scene, parse.ignoredWords(), parse.notes());
        String owner = owner(ctx);
        rateLimits.acquire(owner);
        Store.Row row;
        try {
            row = jobs.submitExtension(owner, u, original.id(), seconds, earlier);
        } catch (RuntimeException e) {
            rateLimits.refund(owner);
            throw e;
        }
        send(ctx, 200, video(row));
    }

    /** A job for a checked request, within the key's rate limit (a request refused by the full queue costs nothing). */
    private Store.Row submit(Context ctx, VideoRequest.Understood u, String remixedFrom) {
        return submit(ctx, owner -> jobs.submit(owner, u.rehearsed(), remixedFrom));
    }

    /** A job made by {@code make} for the caller's key, within its rate limit (refunded if it is not made). */
    private Store.Row submit(Context ctx, java.util.function.Function<String, Store.Row> make) {
        String owner = owner(ctx);
        rateLimits.acquire(owner);
        try {
            return make.apply(owner);
        } catch (RuntimeException e) {
            rateLimits.refund(owner);
            throw e;
        }
    }

    private void explain(Context ctx) {
        ObjectNode body = RequestBody.read(ctx, config.maxBodyBytes());
        VideoRequest.Understood u = VideoRequest.read(body).understand();
        ObjectNode out = NODES.objectNode().put("object", "diorama.explanation").put("prompt", u.request().prompt());
        // Explaining simulates nothing (it is free of the rate limit): the rehearsal is the job's.
        if (u.rehearsable()) {
            u = new VideoRequest.Understood(u.request(), u.scene(), u.ignoredWords(), java.util.stream.Stream.concat(
                    u.notes().stream(), java.util.stream.Stream.of("the camera shown is the words' framing; when the video"
                            + " is made, a rehearsal of the scene may move it back, or make it follow what travels far,"
                            + " to keep what moves in the picture")).toList(), u.defaultFraming(), u.defaultShots());
        }
        out.set("scene", SceneJson.toJson(u.scene()));
        ArrayNode ignored = out.putArray("ignored_words");
        u.ignoredWords().forEach(ignored::add);
        ArrayNode notes = out.putArray("notes");
        u.notes().forEach(notes::add);
        send(ctx, 200, out);
    }

    /** {@code GET /v1/videos/{id}/events}: the video object after every change, as server-sent events. */
    private void events(Context ctx) throws Exception {
        Store.Row row = owned(ctx, ctx.pathParam("id"), "video_id");
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new ApiError(406, ApiError.INVALID_REQUEST, "Accept", "not_acceptable",
                    "This endpoint streams server-sent events; send 'Accept: text/event-stream'.", 0);
        }
        String id = row.id();
        // The stream is written here, on this request's thread, until the video is final or the
        // client leaves (a write fails): then the subscription ends. (Javalin's own SSE client
        // completed a request that Jetty had already recycled when a client left, and every later
        // change then failed on it again with pages of stack traces.)
        var wake = new java.util.concurrent.LinkedBlockingQueue<Boolean>();
        AutoCloseable subscription = jobs.subscribe(id, () -> wake.offer(Boolean.TRUE));
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        try (var out = res.getOutputStream()) {
            String last = null;
            while (true) {
                Store.Row now = store.video(id);
                String event, data, eventId;
                boolean end;
                if (now == null) {
                    event = "deleted";
                    data = NODES.objectNode().put("id", id).put("object", "video.deleted").put("deleted", true).toString();
                    eventId = id + ":deleted";
                    end = true;
                } else {
                    event = now.status();
                    data = video(now).toString();
                    eventId = id + ":" + now.status() + ":" + jobs.progress(now);
                    end = now.terminal();
                }
                if (!eventId.equals(last)) {
                    out.write(("id: " + eventId + "\nevent: " + event + "\ndata: " + data + "\n\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    last = eventId;
                }
                if (end) break;
                // A comment every 15 s keeps proxies from closing an idle stream and finds a client that left.
                if (wake.poll(15, java.util.concurrent.TimeUnit.SECONDS) == null) {
                    out.write(": keep-alive\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                }
                wake.clear();
            }
        } catch (java.io.IOException gone) {
            // The client left: nothing more to tell it.
        } finally {
            subscription.close();
        }
    }

    /**
     * {@code POST /v1/studio/session}: trades the caller's key for the studio's media cookie
     * ({@link StudioSessions}). Without authentication no cookie is needed, and none is set.
     */
    private void openSession(Context ctx) {
        ObjectNode out = NODES.objectNode().put("object", "diorama.studio_session").put("auth", !config.noAuth());
        if (config.noAuth()) {
            out.putNull("expires_at");
        } else {
            long maxAge = StudioSessions.LIFETIME.toSeconds();
            ctx.header("Set-Cookie", StudioSessions.COOKIE + "=" + sessions.issue(owner(ctx)) + "; Path=/v1/videos; Max-Age="
                    + maxAge + "; HttpOnly; SameSite=Strict" + (ctx.req().isSecure() ? "; Secure" : ""));
            out.put("expires_at", config.clock().instant().getEpochSecond() + maxAge);
        }
        ctx.header("Cache-Control", "no-store");
        send(ctx, 200, out);
    }

    /** {@code DELETE /v1/studio/session}: the studio forgets its key; the browser drops the cookie. */
    private void closeSession(Context ctx) {
        ctx.header("Set-Cookie", StudioSessions.COOKIE + "=; Path=/v1/videos; Max-Age=0; HttpOnly; SameSite=Strict");
        send(ctx, 200, NODES.objectNode().put("object", "diorama.studio_session").put("deleted", true));
    }

    private static void unsupported(String endpoint, String message) {
        throw ApiError.badRequest(null, "unsupported_endpoint", endpoint + ": " + message);
    }

    // ---- JSON ----

    /** The Video object, field for field as OpenAI's. */
    ObjectNode video(Store.Row r) {
        ObjectNode v = NODES.objectNode();
        v.put("id", r.id());
        v.put("object", "video");
        v.put("created_at", r.createdAt());
        v.put("status", r.status());
        v.put("progress", jobs.progress(r));
        v.put("model", r.model());
        v.put("prompt", r.prompt());
        v.put("seconds", r.seconds());
        v.put("size", r.size());
        v.put("completed_at", r.completedAt());
        v.put("expires_at", r.expiresAt());
        if (r.errorCode() == null) {
            v.putNull("error");
        } else {
            v.putObject("error").put("code", r.errorCode()).put("message", r.errorMessage());
        }
        v.put("remixed_from_video_id", r.remixedFrom());
        v.put("extended_from_video_id", Jobs.extendedFrom(r));
        return v;
    }

    private static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    static void writeError(Context ctx, ApiError e) {
        ObjectNode error = NODES.objectNode();
        error.putObject("error").put("message", e.getMessage()).put("type", e.type()).put("param", e.param()).put("code", e.code());
        if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        // A refused body may be left unread (or half parsed): the connection cannot carry another
        // request, and the client must know before it tries to reuse it.
        if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) ctx.header("Connection", "close");
        send(ctx, e.status(), error);
    }

    /** Javalin's own refusals (no such endpoint, wrong method, body too large) in OpenAI's shape. */
    private static ApiError fromJavalin(Context ctx, HttpResponseException e, long maxBody) {
        String what = ctx.method().name() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> ApiError.notFound(null, "Unknown endpoint: " + what + " (server/README.md lists the endpoints).");
            case 405 -> new ApiError(405, ApiError.INVALID_REQUEST, null, "method_not_allowed", "Method not allowed: " + what + ".", 0);
            case 413 -> ApiError.tooLarge("The request body is too large (this server takes at most "
                    + maxBody + " bytes; see --max-body).");
            default -> new ApiError(e.getStatus(), e.getStatus() >= 500 ? "server_error" : ApiError.INVALID_REQUEST, null,
                    null, e.getMessage(), 0);
        };
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
    }

    /** Stops the HTTP server, the sweep and the workers (a film in progress is re-queued at the next start). */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            sweeper.shutdownNow();
            jobs.close();
            store.close();
            log.line("stopped");
        }
    }
}
