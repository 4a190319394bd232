package dev.diorama.fluid;

/** The liquid's sound sources, pulled from {@link FluidSolver#drainEvents()} after each step. */
public final class SoundEvents {
    private SoundEvents() {}

    /**
     * A bubble entrained by an impact: it rings at its Minnaert frequency.
     *
     * @param time   seconds since the simulation started
     * @param x      position, metres
     * @param radius bubble radius, metres
     */
    public record Bubble(double time, double x, double y, double z, double radius) {}

    /**
     * Liquid hitting liquid or a solid (a drop or a stream landing, a body entering the water).
     *
     * @param time      seconds since the simulation started
     * @param x         position (mean of the impacting particles), metres
     * @param speed     approach speed, m/s
     * @param volume    volume of liquid in the impact, m^3
     */
    public record Splash(double time, double x, double y, double z, double speed, double volume) {}
}
