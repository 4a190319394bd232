package dev.diorama.audio;

/**
 * The sound of one air bubble in water, after van den Doel ("Physically based models for liquid
 * sounds", ACM TAP 2005): a damped sinusoid at the bubble's Minnaert resonance whose pitch rises
 * as the bubble nears the surface,
 * <pre>
 *   f0 = 3.26 / r            (Hz, r the radius in metres; Minnaert 1933 for air in water at 1 atm)
 *   d  = 0.13 / r + 0.0072 r^(-3/2)     (1/s; viscous, thermal and radiation damping)
 *   f(t) = f0 (1 + xi d t),  xi = 0.1
 *   y(t) = a sin(2 pi integral f dt) exp(-d t) = a sin(2 pi f0 (t + xi d t^2 / 2)) exp(-d t)
 * </pre>
 * A 1 mm bubble rings at 3.26 kHz and decays at ~360/s. The phase is evaluated in closed form at
 * every sample, so a sample depends only on its time since the onset.
 */
public final class Bubble {
    /** Minnaert's constant f0 r for air bubbles in water, m/s. */
    public static final double MINNAERT = 3.26;
    /** Pitch rise coefficient xi of van den Doel 2005. */
    public static final double RISE = 0.1;

    private final double radius, f0, decay, amplitude;

    /** @param radius metres (> 0); @param amplitude peak value of the first cycle */
    public Bubble(double radius, double amplitude) {
        if (!(radius > 0) || !Double.isFinite(radius)) throw new IllegalArgumentException("bubble radius must be positive: " + radius);
        this.radius = radius;
        this.f0 = MINNAERT / radius;
        this.decay = 0.13 / radius + 0.0072 * Math.pow(radius, -1.5);
        this.amplitude = amplitude;
    }

    public double radius() { return radius; }

    /** Peak value of the first cycle (an upper bound of every sample). */
    public double amplitude() { return amplitude; }

    /** Resonance at the onset, Hz. */
    public double frequency() { return f0; }

    /** Amplitude decay rate d, 1/s. */
    public double decayRate() { return decay; }

    /** Seconds until the envelope falls below {@code fraction} of its start. */
    public double duration(double fraction) {
        return Math.log(1 / fraction) / decay;
    }

    /** The signal t seconds after the onset (0 before it). */
    public double sample(double t) {
        if (t < 0) return 0;
        double phase = 2 * Math.PI * f0 * (t + 0.5 * RISE * decay * t * t);
        return amplitude * Math.sin(phase) * Math.exp(-decay * t);
    }

    /**
     * Adds the bubble to {@code out} (mono, {@code sampleRate} Hz) starting at {@code onset}
     * seconds, where sample k is at time k / sampleRate; stops at -90 dB.
     */
    public void addTo(float[] out, double sampleRate, double onset) {
        int first = (int) Math.ceil(onset * sampleRate);
        int last = (int) Math.min(out.length - 1L, (long) Math.floor((onset + duration(3.16e-5)) * sampleRate));
        for (int k = Math.max(0, first); k <= last; k++) out[k] += (float) sample(k / sampleRate - onset);
    }
}
