package dev.diorama.render;

/** The reference {@link Kernels}: one colour at a time, the arithmetic of {@link ToneMap#film} itself. */
final class ScalarKernels implements Kernels {
    @Override
    public void film(double exposure, double[] r, double[] g, double[] b, int n, double[] fr, double[] fg, double[] fb) {
        ToneMap map = new ToneMap(exposure);
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            map.film(r[i], g[i], b[i], out);
            fr[i] = out[0];
            fg[i] = out[1];
            fb[i] = out[2];
        }
    }
}
