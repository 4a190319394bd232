package dev.diorama.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step whose gradient is not finite is skipped, and the next one starts from a clean gradient. */
class AdamTest {
    @Test
    void aStepAfterANonFiniteGradientIsTakenAsUsual() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Params p = new Params(m);
            p.put("w", new float[] {1f, -1f}, new Shape(2));
            Adam opt = new Adam(p, List.of("w"));
            NDArray w = p.get("w");
            // d/dw sqrt(w) at w = -1 is NaN: the gradient is not finite and the step is skipped.
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(w.sqrt().sum());
            }
            assertFalse(opt.step(0.1f), "a NaN gradient skips the step");
            assertArrayEquals(new float[] {1f, -1f}, w.toFloatArray(), "the weights as they were");
            assertArrayEquals(new float[] {0f, 0f}, w.getGradient().toFloatArray(), "and the gradient clean");
            // A finite gradient now: the step is taken (before, the NaN stayed in the accumulated gradient).
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(w.square().sum());
            }
            assertTrue(opt.step(0.1f), "the next step is taken");
            float[] after = w.toFloatArray();
            assertTrue(after[0] < 1f && after[1] > -1f, "towards the minimum of w^2: " + after[0] + ", " + after[1]);
        }
    }
}
