package dev.diorama.render;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed crew of worker threads that share out the tiles of one pass: each worker takes the next
 * untaken tile until none is left, and {@link #run} returns when all are done. The calling thread is
 * worker 0 and works too, so a crew of one is just a loop.
 *
 * <p>Which worker draws which tile depends on timing, so a tile's result must depend on nothing but
 * the tile: each worker has its own scratch state (its index is passed to the task), and the shared
 * state is only read during a pass. The barriers between passes also publish each pass's writes to
 * the next (a barrier's await happens-before the actions after it in every other party).
 */
final class TileScheduler implements AutoCloseable {
    /** One unit of work: a tile, done by a worker. */
    interface TileTask {
        void run(int tile, int worker);
    }

    private final Thread[] helpers;
    private final CyclicBarrier start, end;
    private final AtomicInteger next = new AtomicInteger();
    private volatile TileTask task;
    private volatile int tileCount;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A crew of {@code workers} (at least 1) threads, the caller included. */
    TileScheduler(int workers) {
        if (workers < 1) throw new IllegalArgumentException("at least one worker");
        helpers = new Thread[workers - 1];
        start = new CyclicBarrier(workers);
        end = new CyclicBarrier(workers);
        for (int i = 0; i < helpers.length; i++) {
            int index = i + 1;
            helpers[i] = Thread.ofPlatform().name("diorama-render-" + index).daemon().unstarted(() -> loop(index));
            helpers[i].start();
        }
    }

    int workers() { return helpers.length + 1; }

    /** Runs {@code work} on tiles 0 to tiles - 1 across the crew; returns when every tile is done. */
    void run(int tiles, TileTask work) {
        if (closed) throw new IllegalStateException("the renderer is closed");
        if (helpers.length == 0) {
            for (int i = 0; i < tiles; i++) work.run(i, 0);
            return;
        }
        task = work;
        tileCount = tiles;
        next.set(0);
        failure = null;
        await(start);
        drain(0);
        await(end);
        task = null;
        Throwable f = failure;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void loop(int index) {
        while (true) {
            if (!await(start) || closed) return;
            drain(index);
            if (!await(end)) return;
        }
    }

    private void drain(int worker) {
        TileTask t = task;
        int n = tileCount;
        try {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) t.run(i, worker);
        } catch (Throwable e) {
            failure = e;
            next.set(n);  // the others stop taking tiles
        }
    }

    private static boolean await(CyclicBarrier barrier) {
        try {
            barrier.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (BrokenBarrierException e) {
            return false;
        }
    }

    /** Stops the helper threads and waits for them to end. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (helpers.length == 0) return;
        await(start);  // releases the helpers, which see closed and leave
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
