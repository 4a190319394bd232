package dev.diorama.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.SplittableRandom;

/**
 * The diffusion transformer both world models use (DiT with adaLN-Zero, Peebles and Xie 2023), as
 * functions of weights named under a prefix: a linear embedding of each token plus a learned
 * position, a conditioning vector from the flow time (sinusoidal, MLP) plus the caption (word
 * embeddings of a bag of words, then a linear layer), blocks of attention and MLP that the
 * conditioning scales, shifts and gates, and a linear read-out. The gates and the read-out start at
 * zero, so an untrained network predicts zero.
 *
 * <p>The frame model ({@link WorldModel}, prefix {@code dit.}) feeds it the patches of one noisy
 * frame with those of its context frames; the whole-clip model ({@link ClipModel}, prefix
 * {@code clip.}) the spacetime patches of a whole clip.
 *
 * @param prefix  the weights' names start with it
 * @param in      numbers a token carries in
 * @param tokens  tokens per sample
 * @param width   the transformer's width d
 * @param layers  blocks
 * @param heads   attention heads (d divisible by heads)
 * @param words   vocabulary size
 * @param out     numbers a token gives out
 */
record Dit(String prefix, int in, int tokens, int width, int layers, int heads, int words, int out) {
    Dit {
        if (width % heads != 0 || width % 2 != 0) throw new IllegalArgumentException("width must be divisible by heads and even");
    }

    /** Declares the weights, drawn from {@code r} in a fixed order (a seed gives the same network). */
    void declare(Params params, SplittableRandom r) {
        int d = width;
        linear(params, r, prefix + "in", d, in);
        params.normal(prefix + "pos", r, 0.02, tokens, d);
        linear(params, r, prefix + "t1", d, d);
        linear(params, r, prefix + "t2", d, d);
        params.normal(prefix + "words", r, 0.02, words, d);
        linear(params, r, prefix + "text", d, d);
        for (int l = 0; l < layers; l++) {
            String b = prefix + "block" + l + ".";
            params.constant(b + "ada.w", 0, 6L * d, d);      // adaLN-Zero: the block starts as the identity
            params.constant(b + "ada.b", 0, 6L * d);
            linear(params, r, b + "qkv", 3 * d, d);
            linear(params, r, b + "proj", d, d);
            linear(params, r, b + "mlp1", 4 * d, d);
            linear(params, r, b + "mlp2", d, 4 * d);
        }
        params.constant(prefix + "final.ada.w", 0, 2L * d, d);
        params.constant(prefix + "final.ada.b", 0, 2L * d);
        params.constant(prefix + "out.w", 0, out, d);
        params.constant(prefix + "out.b", 0, out);
    }

    static void linear(Params params, SplittableRandom r, String name, int out, int in) {
        params.fanIn(name + ".w", r, in, out, in);
        params.constant(name + ".b", 0, out);
    }

    /**
     * @param x      tokens [B, tokens, in]
     * @param t      flow time [B]
     * @param bags   captions as bags of words [B, words]
     * @return [B, tokens, out]
     */
    NDArray forward(Params params, NDArray x, NDArray t, NDArray bags) {
        int d = width, T = tokens;
        long B = x.getShape().get(0);
        x = Ops.linear(x, params.get(prefix + "in.w"), params.get(prefix + "in.b")).add(params.get(prefix + "pos").reshape(1, T, d));
        NDArray temb = Ops.linear(Ops.silu(Ops.linear(Ops.timeEmbedding(t, d), params.get(prefix + "t1.w"), params.get(prefix + "t1.b"))),
                params.get(prefix + "t2.w"), params.get(prefix + "t2.b"));
        NDArray text = Ops.linear(bags.matMul(params.get(prefix + "words")), params.get(prefix + "text.w"), params.get(prefix + "text.b"));
        NDArray cond = Ops.silu(temb.add(text));
        int dh = d / heads;
        float attScale = (float) (1 / Math.sqrt(dh));
        for (int l = 0; l < layers; l++) {
            String b = prefix + "block" + l + ".";
            NDList mod = Ops.linear(cond, params.get(b + "ada.w"), params.get(b + "ada.b")).reshape(B, 1, 6L * d).split(6, 2);
            NDArray h = modulate(Ops.layerNorm(x, d), mod.get(0), mod.get(1));
            NDArray qkv = Ops.linear(h, params.get(b + "qkv.w"), params.get(b + "qkv.b")).reshape(B, T, 3, heads, dh).transpose(2, 0, 3, 1, 4);
            NDList qkvList = qkv.split(3, 0);
            NDArray q = qkvList.get(0).squeeze(0), k = qkvList.get(1).squeeze(0), v = qkvList.get(2).squeeze(0);
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(attScale).softmax(-1).matMul(v);
            att = Ops.linear(att.transpose(0, 2, 1, 3).reshape(B, T, d), params.get(b + "proj.w"), params.get(b + "proj.b"));
            x = x.add(att.mul(mod.get(2)));
            h = modulate(Ops.layerNorm(x, d), mod.get(3), mod.get(4));
            NDArray mlp = Ops.linear(Ops.gelu(Ops.linear(h, params.get(b + "mlp1.w"), params.get(b + "mlp1.b"))),
                    params.get(b + "mlp2.w"), params.get(b + "mlp2.b"));
            x = x.add(mlp.mul(mod.get(5)));
        }
        NDList fin = Ops.linear(cond, params.get(prefix + "final.ada.w"), params.get(prefix + "final.ada.b")).reshape(B, 1, 2L * d).split(2, 2);
        return Ops.linear(modulate(Ops.layerNorm(x, d), fin.get(0), fin.get(1)), params.get(prefix + "out.w"), params.get(prefix + "out.b"));
    }

    private static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
        return x.mul(scale.add(1)).add(shift);
    }

    /** Floating-point operations (a multiply-add is 2) of one evaluation of one sample. */
    double flops() {
        double T = tokens, d = width;
        double f = 2 * T * in * d + 2 * 2 * d * d + 2 * (double) words * d + 2 * d * d;
        double layer = 2 * d * 6 * d + 2 * T * d * 3 * d + 2 * 2 * T * T * d + 2 * T * d * d + 2 * 2 * T * d * 4 * d;
        return f + layers * layer + 2 * d * 2 * d + 2 * T * d * out;
    }
}
