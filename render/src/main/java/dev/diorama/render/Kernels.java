package dev.diorama.render;

/**
 * The renderer's batched arithmetic behind one seam: a plain-Java reference ({@link ScalarKernels})
 * and a SIMD version on the incubating Vector API ({@link VectorKernels}), which the tests hold to
 * the same bits. Rendering code calls only this interface and never the Vector API.
 *
 * <p>{@link #best()} picks the SIMD version when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the tests and benchmarks are) and the reference
 * otherwise (the {@code diorama} command, unless {@code DIORAMA_JAVA_OPTS} adds the module); both
 * give identical pictures, so the choice changes only the time.
 */
interface Kernels {
    /**
     * The filmic tone curve of {@link ToneMap#film} on n colours at once: exposure, the curve on
     * the largest channel with the hue kept, the burn to white beyond {@link ToneMap#BURN_START};
     * linear radiance in r, g, b [0, n), film values out in fr, fg, fb [0, n).
     */
    void film(double exposure, double[] r, double[] g, double[] b, int n, double[] fr, double[] fg, double[] fb);

    /** The SIMD kernels when the Vector API is present, else the reference. */
    static Kernels best() {
        return Holder.BEST;
    }

    /** The choice, made once. */
    final class Holder {
        static final Kernels BEST = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? VectorKernels.create() : new ScalarKernels();

        private Holder() {}
    }
}
