package dev.diorama.fluid;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Runs loops over particles on a fixed number of worker threads with a <em>fixed partition</em>:
 * the index range is cut into chunks of {@link #CHUNK} indices whatever the thread count, and any
 * quantity summed over particles is summed per chunk and then over the chunks in chunk order. A
 * particle's own update reads its neighbours and writes only itself, so with this partition every
 * result is bit-identical for 1, 2 or 64 threads (floating-point addition is not associative, so
 * a partition that followed the thread count would not be).
 */
public final class Parallel implements AutoCloseable {
    /** Indices per chunk: large enough to amortise scheduling, small enough to balance 2-16 threads. */
    public static final int CHUNK = 1024;

    /** One chunk's work: indices [from, to) of chunk number {@code chunk}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** @param threads worker threads (1 runs everything on the caller's thread) */
    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "diorama-fluid");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Number of chunks that cover n indices. */
    public static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    /** Runs body over [0, n) chunk by chunk; returns when all chunks are done. */
    public void forChunks(int n, ChunkBody body) {
        int chunks = chunks(n);
        if (chunks == 0) return;
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) body.run(c, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) body.run(c, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
        };
        int helpers = Math.min(threads, chunks) - 1;
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int t = 0; t < helpers; t++) futures.add(pool.submit(worker));
        worker.run();
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error er) throw er;
            throw new IllegalStateException(cause);
        }
    }

    /** Sums per-chunk partial values in chunk order (the deterministic reduction). */
    public static double sum(double[] partial, int chunks) {
        double s = 0;
        for (int c = 0; c < chunks; c++) s += partial[c];
        return s;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
