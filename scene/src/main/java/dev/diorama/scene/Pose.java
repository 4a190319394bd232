package dev.diorama.scene;

/**
 * Where an object is and how it is turned: centre position in metres, orientation quaternion.
 *
 * @param sampledAt  NaN when the pose is the object's state at its keyframe's own time; otherwise
 *                   the time, inside that frame's interval, whose state it shows (a contact frame:
 *                   see {@code Simulator})
 */
public record Pose(Vec3 position, Quat rotation, double sampledAt) {
    public Pose(Vec3 position, Quat rotation) { this(position, rotation, Double.NaN); }
}
