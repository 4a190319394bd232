package dev.diorama.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network's weights by name, in the order they were declared, owned by one {@link NDManager}.
 *
 * <p>The networks of this module are written as functions of their weights (conv, linear, layer
 * norm on NDArrays) rather than as DJL blocks: a checkpoint is then exactly this map, the optimizer
 * state is a map of the same shape, and initialisation draws from a Java random stream, so the
 * same seed gives the same starting weights on any engine and thread count.
 */
final class Params {
    private final NDManager manager;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    Params(NDManager manager) {
        this.manager = manager;
    }

    NDManager manager() { return manager; }

    /** Weight {@code name}; fails loudly on a name that was never declared (a typo in a network). */
    NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) throw new IllegalStateException("no weight named " + name);
        return a;
    }

    boolean has(String name) { return byName.containsKey(name); }

    List<String> names() { return Collections.unmodifiableList(new ArrayList<>(byName.keySet())); }

    Map<String, NDArray> all() { return Collections.unmodifiableMap(byName); }

    long count() {
        long n = 0;
        for (NDArray a : byName.values()) n += a.size();
        return n;
    }

    /**
     * Null when these weights have exactly the names (in order) and shapes of {@code declared} (a
     * fresh network of the configuration a file claims); otherwise what differs, for a message.
     */
    String mismatch(Params declared) {
        if (!declared.names().equals(names())) return "its weights do not match its configuration";
        for (String n : declared.names()) {
            if (!declared.get(n).getShape().equals(get(n).getShape())) return "weight " + n + " has the wrong shape";
        }
        return null;
    }

    /** Declares a weight with the given values (copied) and shape. */
    NDArray put(String name, float[] values, Shape shape) {
        if (byName.containsKey(name)) throw new IllegalStateException("weight declared twice: " + name);
        if (values.length != shape.size()) throw new IllegalArgumentException(name + ": " + values.length + " values for " + shape);
        NDArray a = manager.create(values, shape);
        a.setRequiresGradient(true);
        byName.put(name, a);
        return a;
    }

    /** Normal(0, std²) values. */
    NDArray normal(String name, SplittableRandom r, double std, long... dims) {
        Shape s = new Shape(dims);
        float[] v = new float[Math.toIntExact(s.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) (gaussian(r) * std);
        return put(name, v, s);
    }

    /** A weight of fan-in {@code fanIn}, scaled so activations keep their variance (He/Kaiming, uniform). */
    NDArray fanIn(String name, SplittableRandom r, long fanIn, long... dims) {
        Shape s = new Shape(dims);
        float[] v = new float[Math.toIntExact(s.size())];
        double bound = Math.sqrt(3.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        return put(name, v, s);
    }

    NDArray constant(String name, float value, long... dims) {
        Shape s = new Shape(dims);
        float[] v = new float[Math.toIntExact(s.size())];
        java.util.Arrays.fill(v, value);
        return put(name, v, s);
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller: java.util.Random's nextGaussian is not on SplittableRandom before the JDK's RandomGenerator defaults
        double u = 1 - r.nextDouble(), w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
