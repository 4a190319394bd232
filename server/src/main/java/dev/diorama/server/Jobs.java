package dev.diorama.server;

import dev.diorama.engine.Continuation;
import dev.diorama.engine.FilmMaker;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The generations: a bounded queue of accepted jobs and a pool of workers that film them.
 *
 * <p>The store is the queue's memory: a job is a committed row before {@link #submit} returns, and
 * {@link #start()} puts every job that was queued or in progress when the server last stopped
 * (or crashed) back in line, oldest first. A job interrupted {@value #MAX_ATTEMPTS} times is failed
 * instead, so a film that crashes the server cannot crash it forever. A job's files live in
 * {@code videos/ID/} ({@code video.mp4}, its sidecar {@code video.json}, {@code thumbnail.png},
 * {@code spritesheet.jpg}); each appears only when complete, and a retried job starts from an
 * empty directory, so nothing is ever filmed into the same place twice.
 *
 * <p>Progress (0..100) is kept in memory while a job runs (it is not worth a disk write per
 * percent); listeners (the server-sent events) are told of every change on a thread of their own,
 * so a slow client never slows a film down.
 */
public final class Jobs implements AutoCloseable {
    public static final int MAX_ATTEMPTS = 3;
    /** The niceness of the threads that film (see {@link #backgroundPriority()}). */
    static final int FILM_NICENESS = 10;
    static final String VIDEO = "video.mp4", SIDECAR = "video.json", THUMBNAIL = "thumbnail.png", SPRITESHEET = "spritesheet.jpg";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Path videos;
    /** Panoramas made from input_reference pictures, one per video that uses one ({@link InputReference}). */
    private final Path references;
    private final int workers;
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final Log log;
    private final int threadsPerJob;
    private final LinkedBlockingDeque<String> queue = new LinkedBlockingDeque<>();
    private final Map<String, Integer> live = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "diorama-notifier"));
    private final List<Thread> threads = new ArrayList<>();
    private final Object admission = new Object();
    private volatile boolean closing;
    private final Object pauseLock = new Object();
    private boolean paused;
    /** A running mean of a job's wall time, for the Retry-After of a full queue. */
    private volatile double meanJobSeconds = 10;

    /**
     * @param workers   films made at once
     * @param capacity  jobs that may wait in the queue; one more is a 429
     * @param ttl       how long a finished video is kept
     */
    public Jobs(Store store, Path videos, int workers, int capacity, Duration ttl, Clock clock, Log log) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        if (capacity < 1) throw new IllegalArgumentException("the queue must hold at least 1 job, got " + capacity);
        this.store = store;
        this.videos = videos;
        this.references = videos.resolveSibling("references");
        this.workers = workers;
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
        this.log = log;
        this.threadsPerJob = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }

    /** Re-queues what a previous run left unfinished, removes its half-written files, starts the workers. */
    public void start() throws IOException {
        Files.createDirectories(videos);
        Files.createDirectories(references);
        for (Path root : List.of(videos, references)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".")
                        && p.getFileName().toString().contains(".part")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        for (Store.Row row : store.recover()) {
            if (row.attempts() >= MAX_ATTEMPTS) {
                long now = now();
                store.fail(row.id(), now, now + ttl.toSeconds(), "generation_interrupted",
                        "The generation was interrupted " + row.attempts() + " times (the server stopped while filming it); it was given up.");
                deleteTree(videos.resolve(row.id()));
                log.line("job", "id", row.id(), "from", "queued", "to", "failed", "reason", "interrupted", "attempts", row.attempts());
            } else {
                enqueue(row.id());
                log.line("job", "id", row.id(), "from", row.attempts() > 0 ? "in_progress" : "queued", "to", "queued",
                        "reason", "recovered at start-up", "attempts", row.attempts());
            }
        }
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "diorama-worker-" + i);
            threads.add(t);
            t.start();
        }
    }

    /** Accepts a job, or refuses it with a 429 when the queue is full; the row is committed on return. */
    public Store.Row submit(String owner, VideoRequest.Understood u, String remixedFrom) {
        return submit(owner, u, u.secondsText(), remixedFrom, null, null);
    }

    /** As above, with a picture to film the scene in front of ({@code input_reference}), or null. */
    public Store.Row submit(String owner, VideoRequest.Understood u, String remixedFrom, java.awt.image.BufferedImage reference) {
        return submit(owner, u, u.secondsText(), remixedFrom, null, reference);
    }

    /**
     * Accepts a job that extends the completed video {@code from} by {@code seconds} with the
     * request's prompt; {@code u.scene()} is the first film's scene and {@code earlier} the
     * extensions {@code from} already holds (empty for a plain film). The row holds all the job needs:
     * {@code {"video_id", "seconds", "after": [{"prompt", "seconds"}...]}}.
     */
    public Store.Row submitExtension(String owner, VideoRequest.Understood u, String from, int seconds,
                                     List<Continuation.Step> earlier) {
        String total = VideoRequest.formatSeconds(u.request().seconds());
        var extension = SceneJson.MAPPER.createObjectNode().put("video_id", from).put("seconds", seconds);
        if (!earlier.isEmpty()) {
            var after = extension.putArray("after");
            for (Continuation.Step step : earlier) after.addObject().put("prompt", step.prompt()).put("seconds", step.seconds());
        }
        return submit(owner, u, total, null, extension.toString(), null);
    }

    /**
     * The extensions a video's film holds, in order: none for a plain film; for an extension, the
     * ones of the video it extended followed by its own.
     */
    static List<Continuation.Step> steps(Store.Row row) {
        if (row.extension() == null) return List.of();
        try {
            var ext = SceneJson.MAPPER.readTree(row.extension());
            List<Continuation.Step> steps = new ArrayList<>();
            for (var s : ext.path("after")) steps.add(new Continuation.Step(s.get("prompt").asText(), s.get("seconds").asDouble()));
            steps.add(new Continuation.Step(row.prompt(), ext.get("seconds").asDouble()));
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("the extension of " + row.id() + " is unreadable", e);
        }
    }

    private Store.Row submit(String owner, VideoRequest.Understood u, String secondsText, String remixedFrom,
                             String extension, java.awt.image.BufferedImage reference) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String id = "video_" + HexFormat.of().formatHex(bits);
        // The picture's panorama (or a copy of the one a remix or extension inherits) is written
        // before the row exists, so a worker never sees a scene whose sky is missing.
        try {
            Scene scene = reference != null ? InputReference.attach(u.scene(), reference, references, id)
                    : InputReference.adopt(u.scene(), references, id);
            if (scene != u.scene()) u = new VideoRequest.Understood(u.request(), scene, u.ignoredWords(), u.notes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the picture of " + id, e);
        }
        Store.Row row;
        try {
            synchronized (admission) {
                if (queue.size() >= capacity) {
                    long wait = Math.max(1, (long) Math.ceil(meanJobSeconds * (queue.size() + 1) / workers));
                    throw ApiError.busy(wait, "The queue is full (" + capacity + " jobs waiting); retry after " + wait + " s.");
                }
                VideoRequest r = u.request();
                row = store.insertVideo(id, owner, now(), r.model(), r.prompt(), secondsText, u.sizeText(), r.seed(),
                        u.sceneJson(), remixedFrom, extension);
                // Logged before a worker can see it, so the log tells the transitions in their order.
                log.line("job", "id", row.id(), "to", "queued", "owner", owner, "seconds", row.seconds(), "size", row.size(),
                        "remixed_from", remixedFrom, "extended_from", extendedFrom(row));
                enqueue(id);
            }
        } catch (RuntimeException e) {
            deleteReference(id);
            throw e;
        }
        return row;
    }

    /** Deletes video {@code id}'s panorama, if it has one. */
    private void deleteReference(String id) {
        try {
            Files.deleteIfExists(references.resolve(id + ".png"));
        } catch (IOException e) {
            log.line("warning", "id", id, "message", "could not delete the picture: " + e.getMessage());
        }
    }

    /** The id of the video a row extends, or null. */
    static String extendedFrom(Store.Row row) {
        if (row.extension() == null) return null;
        try {
            return SceneJson.MAPPER.readTree(row.extension()).path("video_id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The progress to show: live while the job runs, else the stored one. */
    public int progress(Store.Row row) {
        return row.status().equals("in_progress") ? live.getOrDefault(row.id(), 0) : row.progress();
    }

    /** Deletes a video: its row at once, its files now or, while it is being filmed, when the worker stops. */
    public void delete(Store.Row row) {
        if (row.status().equals("in_progress")) cancelled.add(row.id());
        queue.remove(row.id());
        store.delete(row.id());
        if (!row.status().equals("in_progress")) deleteTree(videos.resolve(row.id()));
        deleteReference(row.id());
        log.line("job", "id", row.id(), "from", row.status(), "to", "deleted");
        changed(row.id());
    }

    /** Deletes the videos whose expiry has passed; returns how many. */
    public int sweepExpired() {
        int n = 0;
        for (Store.Row row : store.expired(now())) {
            if (store.delete(row.id())) {
                deleteTree(videos.resolve(row.id()));
                deleteReference(row.id());
                log.line("job", "id", row.id(), "from", row.status(), "to", "expired");
                n++;
            }
        }
        return n;
    }

    /** Where a finished video's files are. */
    public Path directory(String id) {
        return videos.resolve(id);
    }

    /** Calls {@code listener} (on the notifier thread) after every change of the job; close to stop. */
    public AutoCloseable subscribe(String id, Runnable listener) {
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    public int queued() {
        return queue.size();
    }

    private void changed(String id) {
        List<Runnable> ls = listeners.get(id);
        if (ls == null || ls.isEmpty()) return;
        notifier.execute(() -> {
            for (Runnable l : ls) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    log.line("listener_failed", "id", id, "error", e.toString());
                }
            }
        });
    }

    /**
     * Holds the workers before their next job (a job being filmed goes on): jobs are still accepted
     * and wait in the queue. For maintenance, and for tests that must see a job while it waits.
     */
    void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    private void work() {
        boolean niced = backgroundPriority();
        log.line("worker", "thread", Thread.currentThread().getName(), "nice", niced ? FILM_NICENESS : 0);
        while (!closing) {
            String id;
            try {
                id = next();
            } catch (InterruptedException e) {
                return;
            }
            if (id != null) film(id);
        }
    }

    /** The next job to film, taken under the same lock as {@link #pause()}; null when closing. */
    private String next() throws InterruptedException {
        synchronized (pauseLock) {
            while (!closing && (paused || queue.isEmpty())) pauseLock.wait(1000);
            return closing ? null : queue.pollFirst();
        }
    }

    /** Puts a job in line and wakes a worker. */
    private void enqueue(String id) {
        synchronized (pauseLock) {
            queue.addLast(id);
            pauseLock.notifyAll();
        }
    }

    private void film(String id) {
        Store.Row row = store.start(id);
        if (row == null) return;                      // deleted while it waited
        log.line("job", "id", id, "from", "queued", "to", "in_progress", "attempt", row.attempts());
        live.put(id, 0);
        changed(id);
        Path dir = videos.resolve(id);
        long t0 = System.nanoTime();
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            Scene scene = SceneJson.read(row.scene());
            FilmMaker.Settings settings = new FilmMaker.Settings(threadsPerJob, (stage, f) -> report(id, percentOf(stage, f)));
            FilmMaker.Result r;
            if (row.extension() == null) {
                r = FilmMaker.film(scene, dir.resolve(VIDEO), settings);
            } else {
                var ext = SceneJson.MAPPER.readTree(row.extension());
                String from = ext.get("video_id").asText();
                Path source = videos.resolve(from).resolve(VIDEO);
                if (!from.matches("video_[0-9a-f]{32}") || !Files.isRegularFile(source)) {
                    throw new IOException("the video to extend, " + from + ", is no longer there (deleted or expired)");
                }
                List<Continuation.Step> steps = steps(row);
                r = Continuation.extend(scene, steps.subList(0, steps.size() - 1), source, row.prompt(),
                        ext.get("seconds").asInt(), dir.resolve(VIDEO), settings);
            }
            report(id, 96);
            Thumbnails.write(r.video(), r.frames(), dir.resolve(THUMBNAIL), dir.resolve(SPRITESHEET));
            report(id, 99);
            long now = now();
            if (store.complete(id, now, now + ttl.toSeconds())) {
                double wall = (System.nanoTime() - t0) / 1e9;
                meanJobSeconds = 0.8 * meanJobSeconds + 0.2 * wall;
                log.line("job", "id", id, "from", "in_progress", "to", "completed", "wall_s", wall,
                        "frames", r.frames(), "events", r.events().size());
            } else {
                deleteTree(dir);                      // deleted while it was being filmed
            }
        } catch (CancellationException e) {
            deleteTree(dir);
            if (closing) store.requeue(id);           // not the job's fault: no attempt is counted
            log.line("job", "id", id, "from", "in_progress", "to", closing ? "queued" : "stopped",
                    "reason", closing ? "server stopping; re-queued at the next start" : "deleted while filming");
        } catch (Exception | Error e) {
            deleteTree(dir);
            long now = now();
            String message = "The generation failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            store.fail(id, now, now + ttl.toSeconds(), "generation_failed", message);
            log.line("job", "id", id, "from", "in_progress", "to", "failed", "error", e.toString());
            if (e instanceof Error err && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) throw err;
        } finally {
            // The live progress outlives the job a little: a reader that fetched the row while it was
            // still in progress must not read 0 after the job ended. The last few ended jobs keep theirs.
            synchronized (ended) {
                ended.addLast(id);
                while (ended.size() > ENDED_KEPT) live.remove(ended.removeFirst());
            }
            cancelled.remove(id);
            changed(id);
        }
    }

    /** How many ended jobs keep their last live progress ({@link #film}). */
    private static final int ENDED_KEPT = 64;
    private final java.util.ArrayDeque<String> ended = new java.util.ArrayDeque<>();

    /** Called from the film's own thread; also where a deleted job or a stopping server stops it. */
    /** A film's stages as shares of its progress: simulating 0–5 %, mastering the sound 5–10 %, filming 10–95 %. */
    static double percentOf(String stage, double fraction) {
        return switch (stage) {
            case "simulating" -> 5 * fraction;
            case "mastering" -> 5 + 5 * fraction;
            default -> 10 + 85 * fraction;
        };
    }

    private void report(String id, double percent) {
        if (closing || cancelled.contains(id)) throw new CancellationException();
        int p = (int) Math.min(99, Math.max(0, Math.floor(percent)));
        Integer old = live.put(id, p);
        if (old == null || old != p) changed(id);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a later sweep or delete tries again; the row is what the API shows
        }
    }

    /**
     * Films are batch work and requests are interactive: on Linux a worker thread lowers its own
     * scheduling priority to nice {@value #FILM_NICENESS}, and the threads a film starts (render
     * helpers, the encoder's) inherit it. When the CPU is short, answering a poll goes first; when
     * it is not, films use all of it as before. A thread may always lower its own priority (no
     * privilege needed); where that fails, or off Linux, nothing changes. Returns whether it did.
     */
    @SuppressWarnings("restricted")   // a native call into libc: the launcher and the tests allow native access
    static boolean backgroundPriority() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return false;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            int tid = (int) gettid.invokeExact();
            // PRIO_PROCESS (0) with a thread id: on Linux the niceness is a thread's own.
            return (int) setpriority.invokeExact(0, tid, FILM_NICENESS) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Stops taking jobs; a job being filmed stops at its next frame and stays in progress in the
     * store, to be re-queued by the next {@link #start()}.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        notifier.shutdown();
    }
}
