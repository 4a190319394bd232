package dev.diorama.scene;

/**
 * A sustained contact between two bodies over one film frame, summarised from every physics step
 * in it: what rolling, sliding and scraping sound from. Only contacts that move are kept (a body
 * resting still makes no sound).
 *
 * @param t      the end of the frame interval it covers, [t - 1/fps, t], in seconds
 * @param a      id of the first body (a scene object)
 * @param b      id of the second: another object, {@link Scene#FLOOR_ID} or {@link Scene#WALL_ID}
 * @param force  mean normal force over the interval, N
 * @param slip   speed at which the two surfaces slide over each other at the contact, m/s (about 0
 *               for a ball rolling without slipping), weighted by the contact's impulse
 * @param roll   speed at which the contact travels over the second surface (a's centre relative to
 *               b's surface, along it), m/s: a rolling ball's speed, a sliding block's speed
 * @param point  where, impulse-weighted, in metres
 */
public record ContactState(double t, String a, String b, double force, double slip, double roll, Vec3 point) {
    /** Below this speed, m/s, a contact is at rest and kept out. */
    public static final double MIN_SPEED = 0.01;
}
