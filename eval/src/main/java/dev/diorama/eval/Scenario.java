package dev.diorama.eval;

import dev.diorama.scene.Scene;

/**
 * One exam question: a short simulated clip split into what the model is shown (the first
 * {@code conditioningFrames} frames) and what it must predict (the rest, the continuation).
 *
 * @param id                  a stable name, also the file name of a model's answer ({@code ID.mp4})
 * @param family              what kind of physics it tests
 * @param caption             the prompt given with the conditioning frames, in words
 * @param scene               the world, its camera, its length and its seed
 * @param conditioningFrames  frames shown to the model, at least 2 (so motion can be seen)
 * @param target              the object whose visibility the ground truth tracks (object
 *                            permanence), or null
 * @param occluder            the object that hides {@code target}, or null
 */
public record Scenario(String id, Family family, String caption, Scene scene, int conditioningFrames,
                       String target, String occluder) {
    public Scenario {
        if (conditioningFrames < 2 || conditioningFrames >= scene.frameCount()) {
            throw new IllegalArgumentException("conditioning must be 2 frames or more and leave a continuation");
        }
        if ((target == null) != (occluder == null)) throw new IllegalArgumentException("target and occluder go together");
        if (target != null && (scene.object(target) == null || scene.object(occluder) == null)) {
            throw new IllegalArgumentException("target and occluder must be objects of the scene");
        }
    }

    /** Frames of the continuation: what a model must predict. */
    public int continuationFrames() { return scene.frameCount() - conditioningFrames; }

    /** The continuation's first frame's time on the clip's clock, seconds. */
    public double continuationStart() { return (double) conditioningFrames / scene.fps(); }
}
