package dev.diorama.fluid;

/**
 * The rigid bodies a liquid is coupled with, as the liquid sees them: each step the solver reads
 * every body's pose and velocity, moves the body's boundary particles with it, and hands back the
 * force and torque the liquid exerted on it. {@link RigidWorld} implements this on its own (so the
 * fluid module runs standalone); the engine can back it with Bullet.
 */
public interface RigidBodies {
    /** Number of bodies; body indices run from 0. */
    int count();

    /**
     * Body {@code body}'s state at the start of the step: out[0..2] centre of mass (m), out[3..6]
     * orientation quaternion (x, y, z, w; body to world), out[7..9] linear velocity (m/s),
     * out[10..12] angular velocity (rad/s, world frame).
     */
    void state(int body, double[] out);

    /**
     * Advances every body by {@code dt} seconds under gravity, its contacts and the liquid's
     * wrenches: {@code fluidWrenches[6b..6b+5]} are body b's force (N) and torque about its centre
     * of mass (N m), world frame, held constant over the step.
     */
    void advance(double dt, double[] fluidWrenches);

    /**
     * Body {@code body}'s inverse mass and inertia, which let the liquid's pressure solves feel the
     * body give way: out[0] = 1 / mass (1/kg), out[1..3] = the inverses of its principal moments of
     * inertia about its centre of mass, in its body frame (1/(kg m^2)). The default, zeros, is a
     * body the solves treat as immovable within a step (as they all were before).
     */
    default void inverseInertia(int body, double[] out) {
        java.util.Arrays.fill(out, 0, 4, 0);
    }
}
