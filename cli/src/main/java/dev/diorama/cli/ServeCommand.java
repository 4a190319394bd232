package dev.diorama.cli;

import dev.diorama.server.Store;
import dev.diorama.server.VideoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code diorama serve}: OpenAI's Videos API over Diorama's engine, until the process is stopped
 * (Ctrl-C or SIGTERM stop it cleanly; a film in progress is re-queued at the next start).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve OpenAI's Videos API (POST /v1/videos ...) over Diorama's engine; see server/README.md.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "TCP port (default 8080; 0 picks a free one)")
    int port = 8080;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to bind (default 127.0.0.1)")
    String host = "127.0.0.1";
    @Option(names = "--data", paramLabel = "DIR", description = "data directory: job store and videos (default ./diorama-data)")
    Path data = Path.of("diorama-data");
    @Option(names = "--workers", paramLabel = "N", description = "films made at once (default 1: one film uses every core)")
    int workers = 1;
    @Option(names = "--queue", paramLabel = "N", description = "jobs that may wait; one more is a 429 (default 16)")
    int queue = 16;
    @Option(names = "--ttl-hours", paramLabel = "H", description = "hours a finished video is kept (default 24)")
    double ttlHours = 24;
    @Option(names = "--no-auth", description = "no API keys (loopback addresses only): every caller shares the videos")
    boolean noAuth;
    @Option(names = "--max-body", paramLabel = "BYTES", description = "largest request body, e.g. 1048576, 512k, 4m (default 16m: room for an input_reference photograph); more is a 413")
    String maxBody = "16m";
    @Option(names = "--rate-limit", paramLabel = "N", description = "videos one key may create per minute (default "
            + VideoServer.Config.DEFAULT_RATE_PER_MINUTE + "; 0: no limit); more is a 429")
    int rateLimit = VideoServer.Config.DEFAULT_RATE_PER_MINUTE;
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new BadInput("--port: expected 0 to 65535, found " + port);
        if (workers < 1) throw new BadInput("--workers: expected at least 1, found " + workers);
        if (queue < 1) throw new BadInput("--queue: expected at least 1, found " + queue);
        if (!(ttlHours > 0)) throw new BadInput("--ttl-hours: expected more than 0 hours, found " + ttlHours);
        if (rateLimit < 0) throw new BadInput("--rate-limit: expected 0 (no limit) or more, found " + rateLimit);
        long maxBodyBytes;
        try {
            maxBodyBytes = VideoServer.Config.parseBytes(maxBody);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--max-body: " + e.getMessage());
        }
        if (maxBodyBytes < VideoServer.Config.MIN_MAX_BODY) {
            throw new BadInput("--max-body: expected at least 16k (a prompt and its parameters must fit), found " + maxBody);
        }
        if (noAuth && !VideoServer.isLoopback(host)) {
            throw new BadInput("--no-auth: allowed only on a loopback address (127.0.0.1, ::1, localhost); found --host " + host);
        }
        VideoServer.Config config = VideoServer.Config.defaults(data).withHost(host).withPort(port).withWorkers(workers, queue)
                .withNoAuth(noAuth).withTtl(Duration.ofMillis((long) (ttlHours * 3_600_000))).withMaxBody(maxBodyBytes)
                .withRateLimit(rateLimit);
        VideoServer server;
        try {
            server = VideoServer.start(config);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        } catch (RuntimeException e) {
            if (!e.getClass().getSimpleName().contains("Bind")) throw e;     // Javalin's JavalinBindException
            throw new BadInput("--port: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
        if (!noAuth) {
            try (Store store = new Store(data)) {
                if (store.keys().stream().allMatch(k -> k.revokedAt() != null)) {
                    main.err.println("diorama: no API key yet: every request is a 401 until you run `diorama keys create --data "
                            + data + "`");
                }
            }
        }
        String origin = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        main.err.println("diorama: listening on " + origin + "/v1 (data in " + data.toAbsolutePath() + ", " + workers + " worker"
                + (workers == 1 ? "" : "s") + (noAuth ? ", no authentication" : "") + ")");
        main.err.println("diorama: the studio is at " + origin + "/");
        main.err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "diorama-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
