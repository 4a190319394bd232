package dev.diorama.scene;

/** Where an object is and how it is turned: centre position in metres, orientation quaternion. */
public record Pose(Vec3 position, Quat rotation) {}
