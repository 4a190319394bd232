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
 */
final class Adam {
    static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-8f;
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

    /** One update with learning rate {@code lr}; call inside an NDScope (the temporaries die with it). */
    void step(float lr) {
        updates++;
        float c1 = 1 - (float) Math.pow(BETA1, updates), c2 = 1 - (float) Math.pow(BETA2, updates);
        for (String n : names) {
            NDArray w = params.get(n);
            NDArray g = w.getGradient();
            NDArray m = first.get(n), v = second.get(n);
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.square().mul(1 - BETA2));
            w.subi(m.div(c1).div(v.div(c2).sqrt().add(EPSILON)).mul(lr));
            g.muli(0);
        }
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
