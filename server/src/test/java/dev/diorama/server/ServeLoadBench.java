package dev.diorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under load (a benchmark, not a test): a server in a JVM of its own
 * ({@link BenchServer}, the launcher's JVM flags) films two videos at once while {@code clients}
 * concurrent clients poll {@code GET /v1/videos/{id}} of those two videos for {@code seconds};
 * reports the latency percentiles, the errors, the throughput and the server's heap. Run by
 * {@code server/bench/serve-load.sh} (arguments: clients, seconds, think time in ms between a
 * client's polls, 0 for none).
 *
 * <p>Each client is a closed loop (its next poll leaves when the last answer came back, after the
 * think time), on a virtual thread, over one shared {@link HttpClient} (HTTP/1.1 keep-alive: a
 * connection per client). The latency is the whole round trip as the client sees it.
 */
public final class ServeLoadBench {
    private ServeLoadBench() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long thinkMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        boolean filming = args.length <= 3 || !args[3].equals("idle");
        String background = loadAverage();   // what else the machine is doing, before this benchmark adds its own threads
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = Files.createTempDirectory("diorama-load");
        // The launcher's JVM flags (./diorama), and any of DIORAMA_BENCH_SERVER_OPTS (e.g. -Xlog:gc:file=gc.log).
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xmn32m",
                "-Xss4m"));
        String extra = System.getenv("DIORAMA_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) command.addAll(List.of(extra.strip().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
                "--data", data.toString(), "--workers", "2", "--heap-every-ms", "500"));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(field(out, "port"));
            String key = field(out, "key");
            List<String> heap = new ArrayList<>();
            BlockingQueue<String> collected = new LinkedBlockingQueue<>();
            Thread heapReader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("gc ")) collected.add(line.substring(3));
                        else synchronized (heap) { heap.add(line); }
                    }
                } catch (java.io.IOException ignored) {
                    // the server stopped
                }
            });
            OutputStream toServer = server.getOutputStream();
            Callable<long[]> liveHeap = () -> {
                toServer.write("gc\n".getBytes(StandardCharsets.US_ASCII));
                toServer.flush();
                String line = collected.poll(60, TimeUnit.SECONDS);
                if (line == null) throw new IllegalStateException("the server did not report its heap");
                Matcher m = Pattern.compile("heap used=(\\d+) .* cpu_ns=(-?\\d+)").matcher(line);
                if (!m.matches()) throw new IllegalStateException(line);
                return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
            };
            run(port, key, clients, seconds, thinkMs, filming, heap, liveHeap, background);
            heapReader.interrupt();
        } finally {
            server.getOutputStream().close();   // the server stops when its standard input closes
            if (!server.waitFor(60, TimeUnit.SECONDS)) server.destroyForcibly();
            Jobs.deleteTree(data);
        }
    }

    /** The next line of the server's that reads {@code name=value} (the JVM may print its own lines first). */
    private static String field(BufferedReader out, String name) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(name + "=")) return line.substring(name.length() + 1);
        }
        throw new IllegalStateException("the server stopped before it printed " + name + "=...");
    }

    private static void run(int port, String key, int clients, int seconds, long thinkMs, boolean filming, List<String> heap,
                            Callable<long[]> liveHeap, String background) throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        // Two films long enough to be still filming when the load stops: a minute of 720p each.
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            String body = "{\"prompt\": \"" + (i == 0 ? "a red rubber ball and a steel ball drop onto a wooden floor at sunset"
                    : "three glass cubes and a chrome ball fall onto a stone floor") + "\", "
                    + (filming ? "\"seconds\": \"60\", \"size\": \"1280x720\"}" : "\"seconds\": \"1\", \"size\": \"64x36\"}");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/videos")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("create: " + r.statusCode() + " " + r.body());
            ids[i] = TestServer.JSON.readTree(r.body()).get("id").asText();
        }
        HttpRequest[] polls = new HttpRequest[2];
        for (int i = 0; i < 2; i++) {
            polls[i] = HttpRequest.newBuilder(URI.create(base + "/v1/videos/" + ids[i])).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30)).GET().build();
        }
        Instant deadline = Instant.now().plusSeconds(120);
        String expected = filming ? "in_progress" : "completed";   // "idle": the baseline, nothing filmed during the load
        while (!(status(http, polls[0]).equals(expected) && status(http, polls[1]).equals(expected))) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("the two films did not start");
            Thread.sleep(200);
        }
        JsonNode[] before = {video(http, polls[0]), video(http, polls[1])};
        long[] liveBefore = liveHeap.call();
        long clientCpu0 = processCpu();
        long[] machine0 = machineTicks();
        int heapFrom;
        synchronized (heap) {
            heapFrom = heap.size();
        }

        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        LongAdder errors = new LongAdder();
        ConcurrentHashMap<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        AtomicLong stopAt = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients), go = new CountDownLatch(1), done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int me = c;
            latencies[me] = new long[4096];
            Thread.ofVirtual().start(() -> {
                try {
                    ready.countDown();
                    go.await();
                    // Pollers that started at different moments: each one's first poll at a random point of its period.
                    if (thinkMs > 0) Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs));
                    for (int n = 0; System.nanoTime() < stopAt.get(); n++) {
                        long t0 = System.nanoTime();
                        String error = null;
                        try {
                            HttpResponse<byte[]> r = http.send(polls[(me + n) % 2], HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) error = "HTTP " + r.statusCode();
                        } catch (Exception e) {
                            error = e.getClass().getSimpleName();
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (error != null) {
                            errors.increment();
                            errorKinds.computeIfAbsent(error, k -> new LongAdder()).increment();
                        }
                        if (counts[me] == latencies[me].length) latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                        latencies[me][counts[me]++] = micros;
                        if (thinkMs > 0) Thread.sleep(thinkMs);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await();
        long start = System.nanoTime();
        stopAt.set(start + Duration.ofSeconds(seconds).toNanos());
        go.countDown();
        done.await();
        double wall = (System.nanoTime() - start) / 1e9;
        JsonNode[] after = {video(http, polls[0]), video(http, polls[1])};
        long clientCpu = processCpu() - clientCpu0;
        long[] machine1 = machineTicks();
        long[] liveAfter = liveHeap.call();

        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        for (int c = 0, at = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long maxUsed = 0, maxCommitted = 0;
        Pattern p = Pattern.compile("heap used=(\\d+) committed=(\\d+) .*");
        synchronized (heap) {
            for (String line : heap.subList(heapFrom, heap.size())) {
                Matcher m = p.matcher(line);
                if (!m.matches()) continue;
                maxUsed = Math.max(maxUsed, Long.parseLong(m.group(1)));
                maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(2)));
            }
        }
        System.out.printf(Locale.ROOT, "%s; clients %d, %d s, think %d ms; machine: %d cores, %s %s, load average before the run %s%n",
                filming ? "2 films in progress" : "idle (no film in progress)", clients, seconds, thinkMs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                background);
        System.out.printf(Locale.ROOT, "requests %d (%.0f/s), errors %d %s%n", total, total / wall, errors.sum(), errorKinds);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
                pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9), all.length == 0 ? 0 : all[all.length - 1] / 1000.0);
        System.out.printf(Locale.ROOT, "server heap: used at most %s MiB, committed at most %s MiB during the load; "
                + "live (after a full GC) %s MiB before, %s MiB after%n", mib(maxUsed), mib(maxCommitted), mib(liveBefore[0]), mib(liveAfter[0]));
        double serverCpu = (liveAfter[1] - liveBefore[1]) / 1e9;
        double machineBusy = (machine1[0] - machine0[0]) / 100.0;   // USER_HZ: 100 ticks a second
        System.out.printf(Locale.ROOT, "CPU: server %.1f s (films and requests), this client %.1f s, everything else on the machine "
                + "%.1f s, of %.1f s (%d cores × %.1f s of wall time)%n", serverCpu, clientCpu / 1e9,
                Math.max(0, machineBusy - serverCpu - clientCpu / 1e9), (machine1[1] - machine0[1]) / 100.0,
                Runtime.getRuntime().availableProcessors(), wall);
        for (int i = 0; i < 2; i++) {
            System.out.printf(Locale.ROOT, "film %d: %s %d%% -> %s %d%%%n", i + 1, before[i].get("status").asText(),
                    before[i].get("progress").asInt(), after[i].get("status").asText(), after[i].get("progress").asInt());
        }
        if (filming && !(after[0].get("status").asText().equals("in_progress") && after[1].get("status").asText().equals("in_progress"))) {
            System.out.println("NOTE: a film finished during the load; the two generations did not run all along");
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).strip().split(" "), 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The machine's busy and total CPU ticks so far (/proc/stat), or zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0, idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);   // idle + iowait
            for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);   // up to steal, not guest
            return new long[] {total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    private static JsonNode video(HttpClient http, HttpRequest poll) throws Exception {
        return TestServer.JSON.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String status(HttpClient http, HttpRequest poll) throws Exception {
        return video(http, poll).get("status").asText();
    }
}
