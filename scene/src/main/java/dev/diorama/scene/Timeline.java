package dev.diorama.scene;

import java.util.List;

/**
 * What the simulation produced: a keyframe per film frame, the timed events (impacts) and the
 * sustained contacts that move (rolling and sliding, one summary per frame and pair). The renderer
 * reads the keyframes, the sound engine the events and contacts; all come from the same steps, so
 * they agree.
 */
public record Timeline(List<Keyframe> frames, List<ContactEvent> events, List<ContactState> contacts) {
    public Timeline {
        frames = List.copyOf(frames);
        events = List.copyOf(events);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Without sustained contacts. */
    public Timeline(List<Keyframe> frames, List<ContactEvent> events) {
        this(frames, events, List.of());
    }
}
