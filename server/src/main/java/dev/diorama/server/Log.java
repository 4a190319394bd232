package dev.diorama.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Structured logs: one JSON object per line, per request ({@code "event": "request"}) and per job
 * transition ({@code "event": "job"}), so a log can be read by people and by {@code jq} alike.
 */
public final class Log {
    private final PrintStream out;
    private final Clock clock;

    public Log(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Writes {@code {"ts": ..., "event": event, key: value, ...}}; null values are left out. */
    public void line(String event, Object... keyValues) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ts", Instant.now(clock).toString());
        o.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            String k = String.valueOf(keyValues[i]);
            switch (v) {
                case null -> { }
                case Integer n -> o.put(k, n);
                case Long n -> o.put(k, n);
                case Double d -> o.put(k, Math.round(d * 1000) / 1000.0);
                case Boolean b -> o.put(k, b);
                default -> o.put(k, v.toString());
            }
        }
        String text = o.toString();
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
