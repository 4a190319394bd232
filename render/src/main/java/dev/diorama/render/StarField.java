package dev.diorama.render;

/**
 * The stars of a night sky: a fixed, seeded field of point sources over the celestial sphere, drawn
 * as tiny Gaussian spots one pixel wide so that they neither vanish between samples nor shimmer as
 * the camera turns.
 *
 * <p>The sphere is cut into cells about {@link #CELL_DEG} degrees wide (the six faces of a cube,
 * each a grid); a hash of a cell's indices decides whether it holds a star, where in the cell, and
 * its visual magnitude, drawn from the real count of stars by magnitude, which grows about 3.5-fold
 * per magnitude (log10 N(m) = 0.55 m + const), up to magnitude {@link #FAINTEST} (about 5 000 stars
 * over the whole sky, as a dark site shows the naked eye). A star of magnitude m gives the
 * illuminance 2.54 x 10^-6 x 10^(-0.4 m) lux (Vega, m = 0), which in the renderer's units (10^5 lux
 * = 1, see {@link Atmosphere}) is 2.54 x 10^-11 x 10^(-0.4 m). So stars are a billionth of the sun,
 * drown in the day sky and in a moonlit sky's glow except for the brightest, and stand out once the
 * exposure has adapted to a dark night, as they do to the eye. Their colours range from orange to
 * blue-white with temperature, taken from the hash too.
 *
 * <p>The stars do not turn with the hours (a film is short) and do not depend on place or date.
 */
final class StarField {
    static final double CELL_DEG = 2;
    static final double FAINTEST = 5.5;
    /** Illuminance of a magnitude-0 star, in the renderer's units. */
    static final double VEGA = 2.54e-11;

    private static final int CELLS = (int) Math.round(90 / CELL_DEG);
    /** Illuminance of the brightest star of the field, in the renderer's units. */
    static final double BRIGHTEST;

    static {
        double most = 0;
        double[] s = new double[4];
        for (int f = 0; f < 6; f++) {
            for (int i = 0; i < CELLS; i++) {
                for (int j = 0; j < CELLS; j++) {
                    double m = star(f, i, j, s);
                    if (!Double.isNaN(m)) most = Math.max(most, VEGA * Math.pow(10, -0.4 * m));
                }
            }
        }
        BRIGHTEST = most;
    }

    private StarField() {}

    /**
     * The brightest radiance any star reaches (its spot's peak, in its reddest band), for spots of
     * standard deviation {@code sigma}. Where the sky behind is a thousand times brighter no star
     * can show (the 8-bit film codes step by about half a percent of the light near white and
     * more below), and the sky is drawn without looking for them: all of a day's sky.
     */
    static double brightest(double sigma) {
        return 1.25 * BRIGHTEST / (2 * Math.PI * sigma * sigma);
    }

    /**
     * Radiance of the stars near unit direction d, seen with a spot of standard deviation
     * {@code sigma} radians (about a pixel), into out[0..2] (added).
     */
    static void add(double dx, double dy, double dz, double sigma, double[] out) {
        add(dx, dy, dz, sigma, out, new double[4]);
    }

    /** As {@link #add(double, double, double, double, double[])}, with 4 doubles of scratch. */
    static void add(double dx, double dy, double dz, double sigma, double[] out, double[] scratch) {
        double ax = Math.abs(dx), ay = Math.abs(dy), az = Math.abs(dz);
        int face;
        double u, v, m;
        if (ax >= ay && ax >= az) {
            face = dx > 0 ? 0 : 1;
            m = ax;
            u = dy / m;
            v = dz / m;
        } else if (ay >= az) {
            face = dy > 0 ? 2 : 3;
            m = ay;
            u = dx / m;
            v = dz / m;
        } else {
            face = dz > 0 ? 4 : 5;
            m = az;
            u = dx / m;
            v = dy / m;
        }
        int i = (int) Math.floor((u + 1) / 2 * CELLS), j = (int) Math.floor((v + 1) / 2 * CELLS);
        // The cell and its neighbours: a spot near a cell's edge reaches across it.
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                int ci = i + di, cj = j + dj;
                if (ci < 0 || cj < 0 || ci >= CELLS || cj >= CELLS) continue;
                star(face, ci, cj, dx, dy, dz, sigma, out, scratch);
            }
        }
    }

    /** Number of cells, the possible places of a star. */
    static int cellCount() { return 6 * CELLS * CELLS; }

    /**
     * The star of cell {@code face, i, j}: its visual magnitude, with its unit direction in
     * dir[0..2] and its colour temperature in [0, 1] in dir[3]; NaN when the cell holds none.
     */
    static double star(int face, int i, int j, double[] dir) {
        long cell = ((long) face * CELLS + i) * CELLS + j;
        // Magnitude from the cumulative count N(m) ~ 10^(0.55 m): m = FAINTEST + log10(x) / 0.55 for
        // uniform x in (0, 1], with the share of cells holding a star set for ~5000 in all.
        double x = Surfaces.unit(cell * 0x9E3779B97F4A7C15L + 1);
        double share = Math.min(1, 5000.0 / cellCount());
        if (x >= share) return Double.NaN;
        double su = 2 * (i + Surfaces.unit(cell * 31 + 2)) / CELLS - 1;
        double sv = 2 * (j + Surfaces.unit(cell * 31 + 3)) / CELLS - 1;
        double sx, sy, sz;
        switch (face) {
            case 0, 1 -> { sx = face == 0 ? 1 : -1; sy = su; sz = sv; }
            case 2, 3 -> { sy = face == 2 ? 1 : -1; sx = su; sz = sv; }
            default -> { sz = face == 4 ? 1 : -1; sx = su; sy = sv; }
        }
        double n = Math.sqrt(sx * sx + sy * sy + sz * sz);
        dir[0] = sx / n;
        dir[1] = sy / n;
        dir[2] = sz / n;
        dir[3] = Surfaces.unit(cell * 31 + 4);
        return FAINTEST + Math.log10(Math.max(x / share, 1e-9)) / 0.55;
    }

    private static void star(int face, int i, int j, double dx, double dy, double dz, double sigma, double[] out,
                             double[] s) {
        double magnitude = star(face, i, j, s);
        if (Double.isNaN(magnitude)) return;
        double cos = dx * s[0] + dy * s[1] + dz * s[2];
        double angle2 = 2 * (1 - cos);  // squared chord, the squared angle for small angles
        if (angle2 > 25 * sigma * sigma) return;
        double e = VEGA * Math.pow(10, -0.4 * magnitude);
        // A Gaussian spot of the star's illuminance: radiance E / (2 pi sigma^2) at its centre.
        double l = e / (2 * Math.PI * sigma * sigma) * Math.exp(-angle2 / (2 * sigma * sigma));
        double t = s[3];  // temperature: 0 cool orange, 1 hot blue-white
        out[0] += l * (1.25 - 0.5 * t);
        out[1] += l;
        out[2] += l * (0.65 + 0.6 * t);
    }
}
