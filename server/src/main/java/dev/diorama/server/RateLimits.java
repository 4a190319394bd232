package dev.diorama.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key rate limits on creating videos: a token bucket per key that holds {@code perMinute}
 * tokens and refills at {@code perMinute} tokens a minute, so a key may create up to
 * {@code perMinute} videos in a burst and then one every {@code 60 / perMinute} seconds. Each
 * accepted creation (a create, a remix, an edit) takes a token; one more is a 429 with a
 * Retry-After that says when the next token arrives.
 *
 * <p>The global queue ({@link Jobs}) bounds the work the machine holds; these buckets keep one
 * key from taking all of it. A bucket is a few bytes per key and lives as long as the server
 * (there are as many as keys that created something). Without authentication every caller is
 * the same owner and shares one bucket.
 */
final class RateLimits {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute creations a key may make per minute (and in a burst); 0 switches the limit off */
    RateLimits(int perMinute, Clock clock) {
        if (perMinute < 0) throw new IllegalArgumentException("--rate-limit: expected 0 (off) or more, found " + perMinute);
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes a token from the owner's bucket, or refuses with a 429 {@code rate_limit_exceeded}. */
    void acquire(String owner) {
        if (perMinute == 0) return;
        Bucket b = buckets.computeIfAbsent(owner, k -> new Bucket(perMinute, clock.millis()));
        double waitSeconds;
        synchronized (b) {
            b.refill(clock.millis(), perMinute);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return;
            }
            waitSeconds = (1 - b.tokens) * 60.0 / perMinute;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
        throw new ApiError(429, "rate_limit_error", null, "rate_limit_exceeded", "Rate limit reached: this key may create "
                + perMinute + " video" + (perMinute == 1 ? "" : "s") + " per minute; retry after " + retryAfter + " s.", retryAfter);
    }

    /** Gives back a token taken for a creation that was then refused (a full queue). */
    void refund(String owner) {
        if (perMinute == 0) return;
        Bucket b = buckets.get(owner);
        if (b == null) return;
        synchronized (b) {
            b.tokens = Math.min(perMinute, b.tokens + 1);
        }
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(int capacity, long now) {
            tokens = capacity;
            lastMillis = now;
        }

        void refill(long now, int perMinute) {
            if (now > lastMillis) {
                tokens = Math.min(perMinute, tokens + (now - lastMillis) * perMinute / 60_000.0);
                lastMillis = now;
            }
        }
    }
}
