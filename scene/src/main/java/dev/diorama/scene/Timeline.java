package dev.diorama.scene;

import java.util.List;

/**
 * What the simulation produced: a keyframe per film frame, the timed events (impacts), the
 * sustained contacts that move (rolling and sliding, one summary per frame and pair) and the
 * liquids' sounds (bubbles, splashes). The renderer reads the keyframes, the sound engine the
 * events, contacts and liquid sounds; all come from the same steps, so they agree.
 */
public record Timeline(List<Keyframe> frames, List<ContactEvent> events, List<ContactState> contacts,
                       List<LiquidSound> liquidSounds) {
    public Timeline {
        frames = List.copyOf(frames);
        events = List.copyOf(events);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        liquidSounds = liquidSounds == null ? List.of() : List.copyOf(liquidSounds);
    }

    /** Without liquids. */
    public Timeline(List<Keyframe> frames, List<ContactEvent> events, List<ContactState> contacts) {
        this(frames, events, contacts, List.of());
    }

    /** Without sustained contacts. */
    public Timeline(List<Keyframe> frames, List<ContactEvent> events) {
        this(frames, events, List.of());
    }
}
