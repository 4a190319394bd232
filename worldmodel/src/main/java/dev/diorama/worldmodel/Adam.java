package dev.diorama.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) over a chosen set of a model's weights, its moments kept by name so
 * that a checkpoint can save them and a resumed run goes on exactly where it stopped. Gradients
 * are zeroed after each update (PyTorch accumulates them otherwise).
 *
 * <p>The gradient is clipped to a global norm of {@value #MAX_NORM} (a first run without clipping
 * went to NaN after 1,740 transformer steps), and a step whose gradient is not finite is skipped:
 * its weights and moments stay as they were, so a NaN never reaches a checkpoint.
 */
final class Adam {
    static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-8f;
    static final float MAX_NORM = 1f;
    private final Params params;
    private final List<String> names;
    final Map<String, NDArray> first = new LinkedHashMap<>(), second = new LinkedHashMap<>();
    int updates;

    Adam(Params params, List<String> names) {
        this.params = params;
        this.names = List.copyOf(names);
        NDManager m = params.manager();
        for (String n : names) {
            NDArray w = params.get(n);
            first.put(n, m.zeros(w.getShape()));
            second.put(n, m.zeros(w.getShape()));
        }
    }

    /** Restores moments saved from {@link #first} and {@link #second}. */
    void restore(Map<String, Object[]> saved, int updateCount) {
        for (String n : names) {
            Object[] a = saved.get("m." + n), b = saved.get("v." + n);
            if (a == null || b == null) throw new WorldModelException("the checkpoint lacks the optimizer state of " + n);
            first.get(n).set((float[]) a[1]);
            second.get(n).set((float[]) b[1]);
        }
        updates = updateCount;
    }

    /**
     * One update with learning rate {@code lr}; call inside an NDScope (the temporaries die with it).
     *
     * @return false when the gradient was not finite and the step was skipped
     */
    boolean step(float lr) {
        List<NDArray> grads = new java.util.ArrayList<>();
        double sq = 0;
        for (String n : names) {
            NDArray g = params.get(n).getGradient();
            grads.add(g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            for (NDArray g : grads) g.muli(0);
            return false;
        }
        float clip = norm > MAX_NORM ? (float) (MAX_NORM / norm) : 1f;
        updates++;
        float c1 = 1 - (float) Math.pow(BETA1, updates), c2 = 1 - (float) Math.pow(BETA2, updates);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            NDArray w = params.get(n), g = grads.get(i);
            if (clip < 1f) g.muli(clip);
            NDArray m = first.get(n), v = second.get(n);
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.square().mul(1 - BETA2));
            w.subi(m.div(c1).div(v.div(c2).sqrt().add(EPSILON)).mul(lr));
            g.muli(0);
        }
        return true;
    }

    Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put("m." + n, first.get(n));
            out.put("v." + n, second.get(n));
        }
        return out;
    }
}
