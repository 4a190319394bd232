package dev.diorama.render;

/**
 * Solid (three-dimensional) procedural textures: functions of a point in an object's own frame, in
 * metres, so that a pattern is carved through the object like grain through a block of wood and
 * moves and turns with it; no surface parameterisation is needed, which suits analytic shapes.
 *
 * <p>A texture darkens and saturates the surface's colour rather than replacing it: it returns an
 * exponent g and the shaded albedo is albedo^g per band (g = 1: unchanged). A dark ring in pale
 * wood, albedo (0.6, 0.4, 0.25) at g = 1.8, becomes (0.40, 0.19, 0.08): darker and redder, as late
 * wood is; a vein in white marble goes grey. So a user's colour still sets the hue of the whole.
 *
 * <p>The noise is Perlin's improved gradient noise (2002): a pseudo-random unit gradient at each
 * integer lattice point, blended with the quintic fade 6t^5 - 15t^4 + 10t^3, which is zero at every
 * lattice point and continuous with its first two derivatives. The permutation is fixed (shuffled by
 * a SplitMix64 sequence from seed 0), so a texture is the same on every run and in every thread.
 */
final class SolidTexture {
    static final int NONE = 0, WOOD = 1, MARBLE = 2, GRANITE = 3, CHECKER = 4;

    /** Wood: distance between annual rings, metres, and how far the rings wander (metres). */
    static final double RING_SPACING = 0.012, RING_WOBBLE = 0.004;
    /** Marble: the veins' spatial frequency, per metre, and their turbulence. */
    static final double VEIN_FREQUENCY = 9, VEIN_TURBULENCE = 4;
    /** Granite: grain size, metres. */
    static final double GRAIN = 0.006;
    /** Checker: square side, metres. */
    static final double CHECKER_SIZE = 0.05;

    private static final int[] P = new int[512];

    static {
        int[] p = new int[256];
        for (int i = 0; i < 256; i++) p[i] = i;
        for (int i = 255; i > 0; i--) {
            int j = (int) (Surfaces.unit(i * 0x632BE59BD9B4E019L) * (i + 1));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < 512; i++) P[i] = p[i & 255];
    }

    private SolidTexture() {}

    /**
     * The exponent g at object-space point (x, y, z) of a texture {@code kind}, for an object whose
     * longest half extent lies along {@code axis} (0 x, 1 y, 2 z; the wood's grain runs that way),
     * seen with a pixel footprint of {@code footprint} metres: detail finer than a pixel fades to
     * its mean instead of shimmering (a poor man's mip-map).
     */
    static double exponent(int kind, double x, double y, double z, int axis, double footprint) {
        switch (kind) {
            case WOOD -> {
                // Rings around the grain axis, wandering a little with noise along and across it.
                double a = axis == 0 ? x : axis == 1 ? y : z;
                double u = axis == 0 ? y : x, v = axis == 2 ? y : z;
                // The tree's pith lies off the piece, as in a plank sawn from a log.
                u += 0.07;
                v += 0.11;
                double r = Math.sqrt(u * u + v * v) + RING_WOBBLE * noise(u * 40, v * 40, a * 4);
                double phase = r / RING_SPACING;
                double f = phase - Math.floor(phase);
                // Late wood: a sharp dark band at the end of each year's growth.
                double late = smoothstep(0.65, 0.85, f) * (1 - smoothstep(0.92, 1.0, f));
                double fibre = 0.08 * noise(u * 300, v * 300, a * 12) * fade(footprint, 0.003);
                // Rings closer than a pixel average to their mean darkening.
                double rings = fade(footprint, RING_SPACING);
                return 0.95 + 0.85 * (rings * late + (1 - rings) * 0.2) + fibre;
            }
            case MARBLE -> {
                double t = turbulence(x * VEIN_FREQUENCY / 2, y * VEIN_FREQUENCY / 2, z * VEIN_FREQUENCY / 2, 5);
                double s = Math.sin((x + 0.5 * y + 0.3 * z) * VEIN_FREQUENCY + VEIN_TURBULENCE * t);
                // Thin dark veins where the sine passes zero.
                double vein = Math.pow(1 - Math.abs(s), 12);
                return 1 + 5 * vein * fade(footprint, 0.02) + 0.3 * (1 - fade(footprint, 0.02));
            }
            case GRANITE -> {
                double n = fbm(x / GRAIN, y / GRAIN, z / GRAIN, 3) * fade(footprint, GRAIN);
                return 1 + 0.9 * Math.max(0, n) - 0.15 * Math.max(0, -n);
            }
            case CHECKER -> {
                return checker(x, y, z, CHECKER_SIZE) ? 1 : 2.5;
            }
            default -> { return 1; }
        }
    }

    /** 1 while a feature of {@code size} metres spans several pixels of {@code footprint}, falling to 0 at one. */
    private static double fade(double footprint, double size) {
        double f = 1 - footprint / size;
        return f <= 0 ? 0 : f >= 1 ? 1 : f;
    }

    /** True on the "white" cells of a 3D checkerboard of cell side {@code size}: the parity of the cell indices. */
    static boolean checker(double x, double y, double z, double size) {
        long i = (long) Math.floor(x / size), j = (long) Math.floor(y / size), k = (long) Math.floor(z / size);
        return ((i + j + k) & 1) == 0;
    }

    /** Perlin's improved gradient noise at (x, y, z): in about [-1, 1], zero at integer points. */
    static double noise(double x, double y, double z) {
        double fx = Math.floor(x), fy = Math.floor(y), fz = Math.floor(z);
        int X = (int) fx & 255, Y = (int) fy & 255, Z = (int) fz & 255;
        x -= fx;
        y -= fy;
        z -= fz;
        double u = fade(x), v = fade(y), w = fade(z);
        int a = P[X] + Y, aa = P[a] + Z, ab = P[a + 1] + Z, b = P[X + 1] + Y, ba = P[b] + Z, bb = P[b + 1] + Z;
        return lerp(w, lerp(v, lerp(u, grad(P[aa], x, y, z), grad(P[ba], x - 1, y, z)),
                               lerp(u, grad(P[ab], x, y - 1, z), grad(P[bb], x - 1, y - 1, z))),
                       lerp(v, lerp(u, grad(P[aa + 1], x, y, z - 1), grad(P[ba + 1], x - 1, y, z - 1)),
                               lerp(u, grad(P[ab + 1], x, y - 1, z - 1), grad(P[bb + 1], x - 1, y - 1, z - 1))));
    }

    /** Value noise: a hashed value in [-1, 1] at each lattice point, blended with the same fade. */
    static double valueNoise(double x, double y, double z) {
        double fx = Math.floor(x), fy = Math.floor(y), fz = Math.floor(z);
        long X = (long) fx, Y = (long) fy, Z = (long) fz;
        double u = fade(x - fx), v = fade(y - fy), w = fade(z - fz);
        return lerp(w, lerp(v, lerp(u, lattice(X, Y, Z), lattice(X + 1, Y, Z)),
                               lerp(u, lattice(X, Y + 1, Z), lattice(X + 1, Y + 1, Z))),
                       lerp(v, lerp(u, lattice(X, Y, Z + 1), lattice(X + 1, Y, Z + 1)),
                               lerp(u, lattice(X, Y + 1, Z + 1), lattice(X + 1, Y + 1, Z + 1))));
    }

    /** Fractal sum of {@code octaves} octaves of noise, each twice the frequency and half the amplitude. */
    static double fbm(double x, double y, double z, int octaves) {
        double sum = 0, amplitude = 0.5;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * noise(x, y, z);
            x *= 2;
            y *= 2;
            z *= 2;
            amplitude *= 0.5;
        }
        return sum;
    }

    /** Perlin's turbulence: the fractal sum of |noise|, in [0, 1). */
    static double turbulence(double x, double y, double z, int octaves) {
        double sum = 0, amplitude = 0.5;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * Math.abs(noise(x, y, z));
            x *= 2;
            y *= 2;
            z *= 2;
            amplitude *= 0.5;
        }
        return sum;
    }

    private static double lattice(long x, long y, long z) {
        return 2 * Surfaces.unit(x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L) - 1;
    }

    private static double fade(double t) { return t * t * t * (t * (t * 6 - 15) + 10); }

    private static double lerp(double t, double a, double b) { return a + t * (b - a); }

    /** The dot product of the offset with one of 12 edge gradients of a cube, picked by the hash. */
    private static double grad(int hash, double x, double y, double z) {
        int h = hash & 15;
        double u = h < 8 ? x : y, v = h < 4 ? y : h == 12 || h == 14 ? x : z;
        return ((h & 1) == 0 ? u : -u) + ((h & 2) == 0 ? v : -v);
    }

    static double smoothstep(double a, double b, double x) {
        double t = (x - a) / (b - a);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        return t * t * (3 - 2 * t);
    }
}
