package dev.diorama.scene;

import java.util.List;

/**
 * The state of the world at one film frame.
 *
 * @param index   frame number from 0
 * @param t       time in seconds, index / fps
 * @param poses   one pose per scene object, in the scene's object order
 * @param liquids one frame per scene liquid, in the scene's liquid order (empty without liquids)
 */
public record Keyframe(int index, double t, List<Pose> poses, List<LiquidFrame> liquids) {
    public Keyframe {
        poses = List.copyOf(poses);
        liquids = liquids == null ? List.of() : List.copyOf(liquids);
    }

    /** A frame of a world without liquids. */
    public Keyframe(int index, double t, List<Pose> poses) {
        this(index, t, poses, List.of());
    }
}
