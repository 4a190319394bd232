package dev.diorama.audio;

/**
 * Absorption of sound by the air itself, ISO 9613-1:1993 (the pure-tone attenuation coefficient),
 * for air at 20 °C, 50 % relative humidity and 101.325 kPa.
 *
 * <pre>
 *   alpha = 8.686 f^2 [ 1.84e-11 (pa/pr)^-1 (T/T0)^(1/2)
 *           + (T/T0)^(-5/2) ( 0.01275 exp(-2239.1/T) / (frO + f^2/frO)
 *                            + 0.1068  exp(-3352.0/T) / (frN + f^2/frN) ) ]      dB per metre
 *   frO = (pa/pr) (24 + 4.04e4 h (0.02 + h) / (0.391 + h))                        oxygen relaxation, Hz
 *   frN = (pa/pr) (T/T0)^(-1/2) (9 + 280 h exp(-4.170 ((T/T0)^(-1/3) - 1)))       nitrogen relaxation, Hz
 *   h   = hr (psat/pr) / (pa/pr),  psat/pr = 10^(-6.8346 (T01/T)^1.261 + 4.6151)  water vapour, %
 * </pre>
 * with T0 = 293.15 K, T01 = 273.16 K, pr = 101.325 kPa. At these conditions it gives 2.73 dB/km at
 * 500 Hz, 4.66 dB/km at 1 kHz, 29.7 dB/km at 4 kHz and 105 dB/km (0.1 dB/m) at 8 kHz, the values
 * of the standard's Table 1: negligible across a room, audible over tens of metres, which is why
 * distant strikes sound dull.
 *
 * <p>Used two ways: a mode of frequency f heard over a path of r metres is scaled by
 * {@code 10^(-alpha r / 20)} (a pure tone is attenuated exactly so, no filter needed); and a room's
 * reverberation loses energy to the air at the intensity rate {@code m = alpha / (10 log10 e)} per
 * metre, the 4mV term of Sabine's and Eyring's formulas.
 */
public final class AirAbsorption {
    static final double TEMPERATURE = 293.15;
    static final double HUMIDITY = 50;

    private AirAbsorption() {}

    // The atmosphere is fixed, so everything but f is a constant (pa / pr = 1).
    private static final double T0 = 293.15, T01 = 273.16;
    private static final double H = HUMIDITY * StrictMath.pow(10, -6.8346 * StrictMath.pow(T01 / TEMPERATURE, 1.261) + 4.6151);
    private static final double FR_O = 24 + 4.04e4 * H * (0.02 + H) / (0.391 + H);
    private static final double FR_N = StrictMath.pow(TEMPERATURE / T0, -0.5)
            * (9 + 280 * H * StrictMath.exp(-4.170 * (StrictMath.pow(TEMPERATURE / T0, -1.0 / 3) - 1)));
    private static final double CLASSICAL = 1.84e-11 * StrictMath.sqrt(TEMPERATURE / T0);
    private static final double VIBRATION = StrictMath.pow(TEMPERATURE / T0, -2.5);
    private static final double OXYGEN = 0.01275 * StrictMath.exp(-2239.1 / TEMPERATURE);
    private static final double NITROGEN = 0.1068 * StrictMath.exp(-3352.0 / TEMPERATURE);

    /** Attenuation, dB per metre, of a pure tone of frequency f (Hz). */
    public static double decibelsPerMetre(double f) {
        double f2 = f * f;
        return 8.686 * f2 * (CLASSICAL + VIBRATION * (OXYGEN / (FR_O + f2 / FR_O) + NITROGEN / (FR_N + f2 / FR_N)));
    }

    /** Pressure factor over a path of r metres at frequency f: 10^(-alpha r / 20). */
    public static double pressureFactor(double f, double r) {
        return StrictMath.pow(10, -decibelsPerMetre(f) * r / 20);
    }

    /** Energy attenuation coefficient m, 1/m (intensity falls as exp(-m r)), at frequency f. */
    public static double energyCoefficient(double f) {
        return decibelsPerMetre(f) / (10 * Math.log10(Math.E));
    }
}
