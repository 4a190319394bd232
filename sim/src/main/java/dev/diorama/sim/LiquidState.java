package dev.diorama.sim;

/**
 * A liquid's particles at one moment: what a film's liquid ends as, and what the liquid of a film
 * that goes on from it starts as (an extension, {@code engine}'s Continuation). Positions and
 * velocities in world coordinates, three numbers per particle, m and m/s.
 */
public record LiquidState(double[] xyz, double[] velocity) {
    public LiquidState {
        if (xyz.length != velocity.length || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("expected 3 positions and 3 velocities per particle: " + xyz.length + ", " + velocity.length);
        }
    }

    /** Number of particles. */
    public int count() {
        return xyz.length / 3;
    }
}
