package dev.diorama.render;

/**
 * Decides where rays go within a tile, for one worker: the adaptive sampling of the picture.
 *
 * <p>First pass: a ray through every other pixel centre in both directions (a grid of spacing two,
 * with the next tile's first row and column so that the grid closes). A pixel between grid samples
 * that show the same surface at nearly the same colour is interpolated from them, linearly (midway
 * between two samples) or bilinearly (between four); any other pixel gets its own ray. The sky, the
 * open floor and the smooth body of a ball cost a quarter of a ray per pixel; wherever something
 * changes (a silhouette, a shadow edge, a reflection) every pixel is traced. Whether a pixel is
 * interpolated depends only on the samples beside it, which the tiles on both sides compute alike,
 * so the picture does not depend on the tiling or the threads.
 *
 * <p>Second pass: a pixel whose four neighbours show the same surface at nearly the same lightness
 * is done; one on an edge gets more rays at fixed sub-pixel positions ({@link SamplePattern}), all
 * averaged after the tone curve. Silhouettes (a neighbour shows another surface) get
 * {@link RenderOptions#edgeSamples}, mere changes in shade (shadow borders, texture) half as many.
 */
final class TileSampler {
    /** Grid spacing of the first pass, pixels. */
    static final int STRIDE = 2;

    private final Shader shader;
    /** The frame's exposure: set again when it changes (a time-lapse). */
    private ToneMap toneMap;
    private final FilmBuffer buffer;
    private final int edgeSamples;
    private final double contrast, smooth;
    private final double[] offsets, rgb = new double[3];
    /** The grid samples of the current tile: film colour, lightness and surface. */
    private final float[] gridR, gridG, gridB, gridL;
    private final int[] gridId;
    private final int gridSize;
    /** The grid's radiance, and its film values, in trace order (the tone map's batch). */
    private final double[] radianceR, radianceG, radianceB;
    private final double[] batchR, batchG, batchB;
    private final Kernels kernels = Kernels.best();
    /** Pixels refined as edges since the counter was last cleared. */
    int edgePixels;

    TileSampler(Shader shader, ToneMap toneMap, FilmBuffer buffer, RenderOptions options, int tile) {
        this.shader = shader;
        this.toneMap = toneMap;
        this.buffer = buffer;
        edgeSamples = options.edgeSamples();
        contrast = options.edgeContrast();
        smooth = options.edgeContrast() / 2;
        offsets = SamplePattern.edgeOffsets(edgeSamples);
        gridSize = tile / STRIDE + 1;
        gridR = new float[gridSize * gridSize];
        gridG = new float[gridSize * gridSize];
        gridB = new float[gridSize * gridSize];
        gridL = new float[gridSize * gridSize];
        gridId = new int[gridSize * gridSize];
        radianceR = new double[gridSize * gridSize];
        radianceG = new double[gridSize * gridSize];
        radianceB = new double[gridSize * gridSize];
        batchR = new double[gridSize * gridSize];
        batchG = new double[gridSize * gridSize];
        batchB = new double[gridSize * gridSize];
    }

    void setToneMap(ToneMap t) {
        toneMap = t;
    }

    /** First pass over the tile [x0, x1) x [y0, y1) (even corners and sizes). */
    void firstPass(int x0, int y0, int x1, int y1) {
        int width = buffer.width, height = buffer.height;
        int gw = (x1 - x0) / STRIDE + (x1 < width ? 1 : 0);
        int gh = (y1 - y0) / STRIDE + (y1 < height ? 1 : 0);
        // Trace the grid, then tone map it in one batch (the SIMD seam, see Kernels).
        int count = 0;
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                shader.sample(x0 + STRIDE * gx + 0.5, y0 + STRIDE * gy + 0.5);
                radianceR[count] = shader.red;
                radianceG[count] = shader.green;
                radianceB[count] = shader.blue;
                gridId[gy * gridSize + gx] = shader.firstSurface;
                count++;
            }
        }
        kernels.film(toneMap.exposure(), radianceR, radianceG, radianceB, count, batchR, batchG, batchB);
        for (int gy = 0, k = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++, k++) {
                int x = x0 + STRIDE * gx, y = y0 + STRIDE * gy;
                int g = gy * gridSize + gx;
                gridR[g] = (float) batchR[k];
                gridG[g] = (float) batchG[k];
                gridB[g] = (float) batchB[k];
                gridL[g] = (float) FilmBuffer.lightness(batchR[k], batchG[k], batchB[k]);
                if (x < x1 && y < y1) store(y * width + x, g);
            }
        }
        for (int y = y0; y < y1; y++) {
            int gy = (y - y0) / STRIDE;
            boolean oddY = (y - y0) % STRIDE != 0;
            for (int x = x0; x < x1; x++) {
                boolean oddX = (x - x0) % STRIDE != 0;
                if (!oddX && !oddY) continue;  // a grid sample, stored above
                int gx = (x - x0) / STRIDE;
                int g = gy * gridSize + gx;
                int i = y * width + x;
                boolean rightOk = gx + 1 < gw, downOk = gy + 1 < gh;
                if (oddX && !oddY && rightOk && alike(g, g + 1)) {
                    blend2(i, g, g + 1);
                } else if (oddY && !oddX && downOk && alike(g, g + gridSize)) {
                    blend2(i, g, g + gridSize);
                } else if (oddX && oddY && rightOk && downOk && alike(g, g + 1) && alike(g, g + gridSize)
                        && alike(g + 1, g + gridSize + 1) && alike(g + gridSize, g + gridSize + 1)) {
                    blend4(i, g, g + 1, g + gridSize, g + gridSize + 1);
                } else {
                    trace(x, y);
                    buffer.film[3 * i] = (float) rgb[0];
                    buffer.film[3 * i + 1] = (float) rgb[1];
                    buffer.film[3 * i + 2] = (float) rgb[2];
                    buffer.lightness[i] = (float) FilmBuffer.lightness(rgb[0], rgb[1], rgb[2]);
                    buffer.surface[i] = shader.firstSurface;
                }
            }
        }
    }

    /** Traces pixel (x, y)'s centre; film colour into rgb. */
    private void trace(int x, int y) {
        shader.sample(x + 0.5, y + 0.5);
        toneMap.film(shader.red, shader.green, shader.blue, rgb);
    }

    private void store(int i, int g) {
        buffer.film[3 * i] = gridR[g];
        buffer.film[3 * i + 1] = gridG[g];
        buffer.film[3 * i + 2] = gridB[g];
        buffer.lightness[i] = gridL[g];
        buffer.surface[i] = gridId[g];
    }

    /** Two grid samples of the same surface whose colours differ by less than the smoothness bound. */
    private boolean alike(int a, int b) {
        return gridId[a] == gridId[b] && Math.abs(gridL[a] - gridL[b]) <= smooth
                && close(gridR[a], gridR[b]) && close(gridG[a], gridG[b]) && close(gridB[a], gridB[b]);
    }

    /** Channels within 10 percent of each other (or both nearly black). */
    private static boolean close(float a, float b) {
        return Math.abs(a - b) <= 0.05f * (a + b) + 0.002f;
    }

    private void blend2(int i, int a, int b) {
        float r = 0.5f * (gridR[a] + gridR[b]), g = 0.5f * (gridG[a] + gridG[b]), bl = 0.5f * (gridB[a] + gridB[b]);
        buffer.film[3 * i] = r;
        buffer.film[3 * i + 1] = g;
        buffer.film[3 * i + 2] = bl;
        buffer.lightness[i] = (float) FilmBuffer.lightness(r, g, bl);
        buffer.surface[i] = gridId[a];
    }

    private void blend4(int i, int a, int b, int c, int d) {
        float r = 0.25f * (gridR[a] + gridR[b] + gridR[c] + gridR[d]);
        float g = 0.25f * (gridG[a] + gridG[b] + gridG[c] + gridG[d]);
        float bl = 0.25f * (gridB[a] + gridB[b] + gridB[c] + gridB[d]);
        buffer.film[3 * i] = r;
        buffer.film[3 * i + 1] = g;
        buffer.film[3 * i + 2] = bl;
        buffer.lightness[i] = (float) FilmBuffer.lightness(r, g, bl);
        buffer.surface[i] = gridId[a];
    }

    /** Second pass over the tile: refines its edge pixels and encodes it into the picture. */
    void finish(int x0, int y0, int x1, int y1) {
        int width = buffer.width;
        float[] film = buffer.film;
        byte[] picture = buffer.picture;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * width + x;
                double r = film[3 * i], g = film[3 * i + 1], b = film[3 * i + 2];
                int edge = edgeSamples == 0 ? 0 : edge(x, y, i);
                if (edge > 0) {
                    edgePixels++;
                    int n = edge == SILHOUETTE ? edgeSamples : Math.max(1, edgeSamples / 2);
                    for (int k = 0; k < n; k++) {
                        shader.sample(x + offsets[2 * k], y + offsets[2 * k + 1]);
                        toneMap.film(shader.red, shader.green, shader.blue, rgb);
                        r += rgb[0];
                        g += rgb[1];
                        b += rgb[2];
                    }
                    double inv = 1.0 / (n + 1);
                    r *= inv;
                    g *= inv;
                    b *= inv;
                }
                picture[3 * i] = ToneMap.encode(b);
                picture[3 * i + 1] = ToneMap.encode(g);
                picture[3 * i + 2] = ToneMap.encode(r);
            }
        }
    }

    private static final int SILHOUETTE = 2, SHADE = 1;

    /** SILHOUETTE when a 4-neighbour shows another surface, SHADE when only its lightness differs, else 0. */
    private int edge(int x, int y, int i) {
        int width = buffer.width, height = buffer.height;
        int[] surface = buffer.surface;
        float[] lightness = buffer.lightness;
        int id = surface[i];
        if ((x > 0 && surface[i - 1] != id) || (x < width - 1 && surface[i + 1] != id)
                || (y > 0 && surface[i - width] != id) || (y < height - 1 && surface[i + width] != id)) {
            return SILHOUETTE;
        }
        float l = lightness[i];
        if ((x > 0 && Math.abs(lightness[i - 1] - l) > contrast)
                || (x < width - 1 && Math.abs(lightness[i + 1] - l) > contrast)
                || (y > 0 && Math.abs(lightness[i - width] - l) > contrast)
                || (y < height - 1 && Math.abs(lightness[i + width] - l) > contrast)) {
            return SHADE;
        }
        return 0;
    }
}
