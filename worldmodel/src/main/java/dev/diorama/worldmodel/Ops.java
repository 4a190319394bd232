package dev.diorama.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/** The few layers the networks are made of, as functions of their weights. */
final class Ops {
    private Ops() {}

    /** Convolution, k × k, stride s, padding p; weight [out, in, k, k]. */
    static NDArray conv(NDArray x, NDArray w, NDArray b, int stride, int pad) {
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), 1).singletonOrThrow();
    }

    /** [B, 4C, H, W] → [B, C, 2H, 2W]: each pixel's four groups of C channels become a 2 × 2 block (pixel shuffle). */
    static NDArray depthToSpace(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0), c = s.get(1) / 4, h = s.get(2), w = s.get(3);
        return x.reshape(b, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, 2 * h, 2 * w);
    }

    /** x·wᵀ + b over the last axis; weight [out, in]. */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    static NDArray silu(NDArray x) { return Activation.swish(x, 1f); }

    static NDArray gelu(NDArray x) { return Activation.gelu(x); }

    /** Layer normalisation over the last axis of size d, without its own scale and shift (adaLN supplies them). */
    static NDArray layerNorm(NDArray x, int d) {
        NDManager m = x.getManager();
        return LayerNorm.layerNorm(x, new Shape(d), m.ones(new Shape(d)), m.zeros(new Shape(d)), 1e-6f).singletonOrThrow();
    }

    /** [B, C, H, W] → [B, (H/p)(W/p), C·p·p]: non-overlapping p × p patches as tokens, rows first. */
    static NDArray patchify(NDArray z, int p) {
        Shape s = z.getShape();
        long b = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return z.reshape(b, c, h / p, p, w / p, p).transpose(0, 2, 4, 1, 3, 5).reshape(b, (h / p) * (w / p), c * p * p);
    }

    /** Inverse of {@link #patchify}. */
    static NDArray unpatchify(NDArray t, int c, int h, int w, int p) {
        long b = t.getShape().get(0);
        return t.reshape(b, h / p, w / p, c, p, p).transpose(0, 3, 1, 4, 2, 5).reshape(b, c, h, w);
    }

    /** Sinusoidal embedding of a scalar per row (the diffusion time), [B] → [B, d]. */
    static NDArray timeEmbedding(NDArray t, int d) {
        NDManager m = t.getManager();
        int half = d / 2;
        float[] freq = new float[half];
        for (int i = 0; i < half; i++) freq[i] = (float) Math.exp(-Math.log(10_000) * i / half);
        NDArray arg = t.mul(1000f).reshape(-1, 1).mul(m.create(freq).reshape(1, half));
        return arg.sin().concat(arg.cos(), 1);
    }
}
