package dev.diorama.audio;

/**
 * Counter-based white noise: a value is a hash of (seed, stream, index), so any sample of any
 * noise in the sound can be had on its own, in any order, with the same bits: what keeps every
 * sample a pure function of its index. The hash is SplitMix64's finaliser over the three inputs
 * mixed by odd constants.
 */
final class Noise {
    private Noise() {}

    /** A value uniform in [-1, 1) for sample {@code index} of noise {@code stream} under {@code seed}. */
    static double uniform(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + stream * 0x8CB92BA72F3D8DD7L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-52 - 1;
    }
}
