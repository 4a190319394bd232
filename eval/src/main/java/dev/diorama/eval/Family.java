package dev.diorama.eval;

import java.util.Locale;

/**
 * The kinds of physics the exam asks about. Each family tests one idea a world model must have
 * learned: gravity and restitution, momentum exchange, rolling friction, chains of contacts,
 * objects that keep existing when unseen, slopes and swings.
 */
public enum Family {
    /** A ball or box dropped or tossed onto the floor: free fall, then bounces of height e²h. */
    FALL,
    /** Two balls meet on the floor, head-on or off-centre. */
    COLLISION,
    /** A ball or a lying cylinder launched along the floor: slides, rolls, slows down. */
    ROLLING,
    /** A ball rolls into a row of thin upright boxes (dominoes) and topples them one after the other. */
    TOPPLING,
    /** A ball rolls behind an occluder standing nearer the camera and must come out the other side. */
    PERMANENCE,
    /** A ball released on a fixed ramp (a wedge) rolls down it and out across the floor. */
    RAMP,
    /** A ball on a rigid rod from a fixed pivot, released at an angle; some strike a resting ball. */
    PENDULUM;

    /** The name used on the command line and in reports ("fall", "permanence"). */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The family named {@code id}, or null. */
    public static Family of(String id) {
        for (Family f : values()) if (f.id().equals(id)) return f;
        return null;
    }
}
