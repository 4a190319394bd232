package dev.diorama.engine;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Films a prompt and reports the heap it needed: run in a JVM of its own by {@link FilmMemoryTest}.
 *
 * <p>What is measured is the peak live heap: the heap in use right after a full collection, the
 * largest over the run. A thread asks for a full collection every {@value #SAMPLE_MS} ms, and every
 * full collection the JVM makes by itself counts too, so the live set is sampled all through the
 * film (the simulation, the mastering of the sound, the frames). Every 100 ms was too sparse for the
 * 10-second clip, which is filmed in about 2 s: a fresh clone's CI (2026-11-27) caught its peak at
 * 19.5 MiB where the two other runs that day caught 22.8, and the test failed on 1.17. Every 25 ms,
 * ten runs caught 22.8 MiB for the clip each time and 22.8-24.8 MiB for the 3-minute film
 * (ratios 1.003-1.091), and the test takes about 19 s instead of 14. The peak of the heap pools'
 * "used" (garbage included, which depends on when the collector ran) is reported beside it, for
 * reference.
 *
 * <p>Arguments: PROMPT SECONDS OUT.mp4 [WIDTHxHEIGHT]. Prints one line:
 * {@code peakLive=BYTES peakUsed=BYTES fullGcs=N frames=N}.
 */
public final class FilmMemory {
    static final long SAMPLE_MS = 25;

    private FilmMemory() {}

    public static void main(String[] args) throws Exception {
        String prompt = args[0];
        double seconds = Double.parseDouble(args[1]);
        Path out = Path.of(args[2]);
        String[] wh = (args.length > 3 ? args[3] : "64x36").split("x");
        AtomicLong peakLive = new AtomicLong(), fullGcs = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                if (!info.getGcAction().contains("major")) return;
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) used += u.getUsed();
                // The after-GC map includes non-heap pools (Metaspace, code cache): count the heap's only.
                long heap = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(p.getName());
                    if (u != null && p.getType() == MemoryType.HEAP) heap += u.getUsed();
                }
                fullGcs.incrementAndGet();
                peakLive.accumulateAndGet(heap, Math::max);
            }, null, null);
        }
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    System.gc();
                    Thread.sleep(SAMPLE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        PromptParser.Options options = new PromptParser.Options(0, seconds, 24, Integer.parseInt(wh[0]),
                Integer.parseInt(wh[1])).withSecondsOverride(seconds);
        Scene scene = PromptParser.parse(prompt, options).scene();
        FilmMaker.Result r = FilmMaker.film(scene, out, new FilmMaker.Settings(1, Progress.NONE));
        sampler.interrupt();
        sampler.join();
        System.gc();  // the state at the end counts too (its notification arrives asynchronously)
        Thread.sleep(200);
        long peakUsed = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peakUsed += p.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "peakLive=%d peakUsed=%d fullGcs=%d frames=%d%n", peakLive.get(), peakUsed,
                fullGcs.get(), r.frames());
    }
}
