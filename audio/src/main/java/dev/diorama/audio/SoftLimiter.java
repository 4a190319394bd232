package dev.diorama.audio;

/**
 * Keeps the mix inside full scale without touching ordinary levels: the identity up to -3 dBFS,
 * above it a tanh knee that approaches, and never passes, +-1. It is memoryless (no attack or
 * release), so a sample depends only on its own mixed value and block splits cannot change it.
 * The calibrated level of an ordinary strike (about -12 dBFS) sits 9 dB below the knee.
 */
final class SoftLimiter {
    /** Where the knee starts: -3 dBFS. */
    static final double KNEE = 0.7079457843841379;

    private SoftLimiter() {}

    /** The limited value, in [-1, 1]; continuous with slope 1 at the knee. */
    static double apply(double x) {
        double ax = Math.abs(x);
        if (ax <= KNEE) return x;
        // StrictMath: the same input must give the same bits, interpreted or compiled.
        double y = KNEE + (1 - KNEE) * StrictMath.tanh((ax - KNEE) / (1 - KNEE));
        return Math.copySign(Math.min(y, 1.0), x);
    }
}
