package dev.diorama.render;

/**
 * Quality settings of the {@link Renderer}, each with a default that meets the film's time budget.
 *
 * @param maxDepth       how many times a ray may bounce or refract after leaving the camera, [1, 16];
 *                       past it a ray sees the sky (or the room's ambient light); 4 lets light pass
 *                       in and out of a glass ball and still reflect off the floor behind it
 * @param glossySamples  rays per glossy reflection (steel, plastic) at the first bounce, [1, 64];
 *                       deeper bounces take one
 * @param edgeSamples    extra samples in a pixel found on an edge, [0, 64] (0: no anti-aliasing)
 * @param edgeContrast   a pixel is on an edge when a neighbour shows another surface or differs from
 *                       it by more than this in sqrt(film luminance), (0, 1]
 * @param reuseStill     keep the tiles that no object can affect from one frame to the next instead of
 *                       drawing them again (the bytes are the same either way; false to measure the
 *                       full cost of a frame)
 */
public record RenderOptions(int maxDepth, int glossySamples, int edgeSamples, double edgeContrast,
                            boolean reuseStill) {
    public static final RenderOptions DEFAULT = new RenderOptions(4, 4, 8, 0.04, true);

    public RenderOptions {
        if (maxDepth < 1 || maxDepth > 16) throw new IllegalArgumentException("maxDepth must lie in [1, 16]");
        if (glossySamples < 1 || glossySamples > 64) throw new IllegalArgumentException("glossySamples must lie in [1, 64]");
        if (edgeSamples < 0 || edgeSamples > 64) throw new IllegalArgumentException("edgeSamples must lie in [0, 64]");
        if (!(edgeContrast > 0 && edgeContrast <= 1)) throw new IllegalArgumentException("edgeContrast must lie in (0, 1]");
    }

    public RenderOptions withMaxDepth(int depth) {
        return new RenderOptions(depth, glossySamples, edgeSamples, edgeContrast, reuseStill);
    }

    public RenderOptions withReuseStill(boolean reuse) {
        return new RenderOptions(maxDepth, glossySamples, edgeSamples, edgeContrast, reuse);
    }
}
