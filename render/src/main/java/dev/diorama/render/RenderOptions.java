package dev.diorama.render;

/**
 * Quality settings of the {@link Renderer}, each with a default that meets the film's time budget;
 * the camera effects (depth of field, motion blur) are off by default.
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
 * @param aperture       diameter of the lens's entrance pupil, metres, [0, 1]: 0 is a pinhole (all
 *                       in focus); a 50 mm lens at f/2 has 0.025 (see {@link ThinLens})
 * @param focusDistance  distance from the eye to the plane in focus along the view axis, metres, [0,
 *                       10^4]; 0 focuses on the point the camera looks at
 * @param lensSamples    rays per camera sample spread over the pupil when the aperture is open, [1, 256]
 * @param shutter        fraction of the frame interval the shutter is open, [0, 1] (0.5: the
 *                       cinema's 180-degree shutter); 0 freezes motion. It takes effect through
 *                       {@link Renderer#render(dev.diorama.scene.Keyframe, dev.diorama.scene.Keyframe, byte[])},
 *                       which is given the poses at the shutter's opening and closing
 * @param shutterSamples instants drawn over the open shutter and averaged, [1, 64]
 */
public record RenderOptions(int maxDepth, int glossySamples, int edgeSamples, double edgeContrast,
                            boolean reuseStill, double aperture, double focusDistance, int lensSamples,
                            double shutter, int shutterSamples) {
    public static final RenderOptions DEFAULT = new RenderOptions(4, 4, 8, 0.04, true);

    public RenderOptions {
        if (maxDepth < 1 || maxDepth > 16) throw new IllegalArgumentException("maxDepth must lie in [1, 16]");
        if (glossySamples < 1 || glossySamples > 64) throw new IllegalArgumentException("glossySamples must lie in [1, 64]");
        if (edgeSamples < 0 || edgeSamples > 64) throw new IllegalArgumentException("edgeSamples must lie in [0, 64]");
        if (!(edgeContrast > 0 && edgeContrast <= 1)) throw new IllegalArgumentException("edgeContrast must lie in (0, 1]");
        if (!(aperture >= 0 && aperture <= 1)) throw new IllegalArgumentException("aperture must lie in [0, 1] metres");
        if (!(focusDistance >= 0 && focusDistance <= 1e4)) {
            throw new IllegalArgumentException("focusDistance must lie in [0, 10000] metres");
        }
        if (lensSamples < 1 || lensSamples > 256) throw new IllegalArgumentException("lensSamples must lie in [1, 256]");
        if (!(shutter >= 0 && shutter <= 1)) throw new IllegalArgumentException("shutter must lie in [0, 1]");
        if (shutterSamples < 1 || shutterSamples > 64) throw new IllegalArgumentException("shutterSamples must lie in [1, 64]");
    }

    /** Without camera effects: a pinhole and an instantaneous shutter. */
    public RenderOptions(int maxDepth, int glossySamples, int edgeSamples, double edgeContrast, boolean reuseStill) {
        this(maxDepth, glossySamples, edgeSamples, edgeContrast, reuseStill, 0, 0, 16, 0, 8);
    }

    public RenderOptions withMaxDepth(int depth) {
        return new RenderOptions(depth, glossySamples, edgeSamples, edgeContrast, reuseStill, aperture, focusDistance,
                lensSamples, shutter, shutterSamples);
    }

    public RenderOptions withReuseStill(boolean reuse) {
        return new RenderOptions(maxDepth, glossySamples, edgeSamples, edgeContrast, reuse, aperture, focusDistance,
                lensSamples, shutter, shutterSamples);
    }

    /** Depth of field: a lens of pupil {@code apertureMetres} focused at {@code focusMetres} (0: the point looked at). */
    public RenderOptions withDepthOfField(double apertureMetres, double focusMetres, int samples) {
        return new RenderOptions(maxDepth, glossySamples, edgeSamples, edgeContrast, reuseStill, apertureMetres,
                focusMetres, samples, shutter, shutterSamples);
    }

    /** Motion blur: the shutter open for {@code fraction} of the frame interval, drawn at {@code samples} instants. */
    public RenderOptions withMotionBlur(double fraction, int samples) {
        return new RenderOptions(maxDepth, glossySamples, edgeSamples, edgeContrast, reuseStill, aperture,
                focusDistance, lensSamples, fraction, samples);
    }
}
