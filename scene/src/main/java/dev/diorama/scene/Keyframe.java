package dev.diorama.scene;

import java.util.List;

/**
 * The state of the world at one film frame.
 *
 * @param index  frame number from 0
 * @param t      time in seconds, index / fps
 * @param poses  one pose per scene object, in the scene's object order
 */
public record Keyframe(int index, double t, List<Pose> poses) {
    public Keyframe { poses = List.copyOf(poses); }
}
