package dev.diorama.scene;

/**
 * Something that happened between two bodies, pulled from the simulation after a step.
 *
 * @param t        when, in seconds from the start, interpolated inside the physics step
 * @param kind     "impact" for a new contact
 * @param a        id of the first body (a scene object)
 * @param b        id of the second: another object, {@link Scene#FLOOR_ID} or {@link Scene#WALL_ID}
 * @param speed    closing speed along the contact normal at the moment of contact, m/s
 * @param impulse  normal impulse the contact applied, N·s
 * @param point    where, in metres
 */
public record ContactEvent(double t, String kind, String a, String b, double speed, double impulse, Vec3 point) {
    public static final String IMPACT = "impact";
}
