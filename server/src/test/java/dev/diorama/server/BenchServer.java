package dev.diorama.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A Diorama server in a JVM of its own, for {@link ServeLoadBench} (and for trying the studio by
 * hand from the test classpath): {@code --data DIR [--port N] [--workers N] [--no-auth]
 * [--heap-every-ms N]}. It prints {@code port=N}, then {@code key=SECRET} (a fresh key, unless
 * {@code --no-auth}), then with {@code --heap-every-ms} a line {@code heap used=… committed=…
 * old_after_gc=…} (bytes) that often, and stops when its standard input closes, so it never
 * outlives the program that started it.
 */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path data = null;
        int port = 0, workers = 1;
        boolean noAuth = false;
        long heapEvery = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--no-auth" -> noAuth = true;
                case "--heap-every-ms" -> heapEvery = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("--data DIR is required");
        // The structured log goes where `diorama serve` sends it in production, a file: its cost is part of a request's.
        java.nio.file.Files.createDirectories(data);
        java.io.PrintStream log = new java.io.PrintStream(new java.io.FileOutputStream(data.resolve("server.log").toFile()), true,
                java.nio.charset.StandardCharsets.UTF_8);
        VideoServer server = VideoServer.start(VideoServer.Config.defaults(data).withPort(port).withWorkers(workers, 16)
                .withNoAuth(noAuth).withRateLimit(0).withLog(log));
        System.out.println("port=" + server.port());
        if (!noAuth) System.out.println("key=" + ApiKeys.create(server.store(), "bench", Instant.now().getEpochSecond()).secret());
        System.out.flush();
        if (heapEvery > 0) {
            long every = heapEvery;
            Thread t = new Thread(() -> {
                while (true) {
                    System.out.println(heapLine());
                    try {
                        Thread.sleep(every);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-reporter");
            t.setDaemon(true);
            t.start();
        }
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("gc")) {         // the live heap, on request
                System.gc();
                System.out.println("gc " + heapLine());
                System.out.flush();
            }
        }
        server.close();
        System.exit(0);
    }

    /** The heap now, and the old generation as the last collection left it (what stays alive). */
    static String heapLine() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long oldAfterGc = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                oldAfterGc = pool.getCollectionUsage().getUsed();
            }
        }
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return "heap used=" + heap.getUsed() + " committed=" + heap.getCommitted() + " old_after_gc=" + oldAfterGc + " cpu_ns=" + cpu;
    }
}
