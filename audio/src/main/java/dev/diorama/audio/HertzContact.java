package dev.diorama.audio;

/**
 * How long two bodies stay pressed together in an impact, and therefore which modes the strike
 * can excite: the stiffness of the contact is what makes steel ring and rubber thud.
 *
 * <p>Hertz's theory of elastic impact (K. L. Johnson, "Contact Mechanics", 1985, section 11.4)
 * gives the duration of the contact of two bodies closing at speed v as
 * <pre>  tau = 2.87 * (m*^2 / (R* E*^2 v))^(1/5)</pre>
 * with the effective mass {@code 1/m* = 1/m1 + 1/m2}, the effective radius
 * {@code 1/R* = 1/R1 + 1/R2} and the effective modulus {@code 1/E* = (1 - nu1^2)/E1 + (1 - nu2^2)/E2}.
 * The floor and walls enter with infinite mass and radius. A 20 cm rubber ball dropped 1 m onto
 * wood stays in contact about 4.6 ms; a 20 cm steel ball on stone about 0.8 ms.
 *
 * <p>The force is close to a half-sine of length tau. Its spectrum, relative to its total impulse,
 * is {@code |F(f)| / J = |cos(pi f tau)| / |1 - (2 f tau)^2|}: flat below {@code 1 / (2 tau)},
 * falling as {@code 1 / f^2} above. A mode of frequency f is excited in proportion to it. The exact
 * spectrum has zeros ({@code 2 f tau = 3, 5, 7...}); a real contact is not an exact half-sine, and
 * the zeros would silence a mode at one particular speed only, so above the main lobe
 * ({@code 2 f tau > 2}) the envelope through the side-lobe peaks, {@code 1 / ((2 f tau)^2 - 1)},
 * is used instead. The two meet at {@code 2 f tau = 2}, both 1/3.
 *
 * @param effectiveMass     m*, kg
 * @param effectiveRadius   R*, m
 * @param effectiveModulus  E*, Pa
 * @param speed             closing speed, m/s
 * @param duration          tau, s
 */
record HertzContact(double effectiveMass, double effectiveRadius, double effectiveModulus, double speed,
                    double duration) {
    /** Hertz's constant: 2.94 * (15/16)^(2/5) (Johnson 1985). */
    static final double DURATION_CONSTANT = 2.87;
    /** Closing speeds below this, m/s, are treated as this (the duration grows without bound as v goes to 0). */
    static final double MIN_SPEED = 1e-3;

    /** The contact of bodies a and b closing at {@code speed} m/s. */
    static HertzContact between(ModalModel a, ModalModel b, double speed) {
        double m = 1 / (1 / a.contactMass() + 1 / b.contactMass());
        double r = 1 / (1 / a.contactRadius() + 1 / b.contactRadius());
        double e = 1 / (compliance(a) + compliance(b));
        double v = Math.max(speed, MIN_SPEED);
        double tau = DURATION_CONSTANT * Math.pow(m * m / (r * e * e * v), 0.2);
        return new HertzContact(m, r, e, v, tau);
    }

    private static double compliance(ModalModel body) {
        double nu = body.material().poisson;
        return (1 - nu * nu) / body.material().youngsModulus;
    }

    /**
     * How strongly a mode of frequency f is excited, relative to a mode excited by an ideal impulse
     * of the same total: 1 at low frequency, about {@code 1 / (2 f tau)^2} far above {@code 1 / tau}.
     */
    double spectrumWeight(double f) {
        double x = 2 * f * duration;
        if (x > 2) return 1 / (x * x - 1);
        if (Math.abs(x - 1) < 1e-6) return Math.PI / 4; // the removable 0/0 of the half-sine spectrum
        return Math.cos(Math.PI * x / 2) / (1 - x * x);
    }
}
