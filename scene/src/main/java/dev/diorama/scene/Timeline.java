package dev.diorama.scene;

import java.util.List;

/**
 * What the simulation produced: a keyframe per film frame and the timed events. The renderer reads
 * the keyframes, the sound engine reads the events; both come from the same steps, so they agree.
 */
public record Timeline(List<Keyframe> frames, List<ContactEvent> events) {
    public Timeline {
        frames = List.copyOf(frames);
        events = List.copyOf(events);
    }
}
