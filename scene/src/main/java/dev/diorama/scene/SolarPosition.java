package dev.diorama.scene;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The sun's place in the sky, by the NOAA solar calculator's equations (after Meeus, "Astronomical
 * Algorithms"), including the refraction correction near the horizon.
 *
 * @param elevation  degrees above the horizon (refraction-corrected; negative below)
 * @param azimuth    degrees clockwise from true north
 */
public record SolarPosition(double elevation, double azimuth) {

    public static SolarPosition at(double latitude, double longitude, LocalDate date, LocalTime localTime,
                                   double utcOffsetHours) {
        return at(latitude, longitude, date, localTime.toSecondOfDay() / 60.0, utcOffsetHours);
    }

    /**
     * As {@link #at(double, double, LocalDate, LocalTime, double)} for a local clock given in minutes
     * after midnight of {@code date}: fractions of a minute count, and 1440 or more is on a later day.
     */
    public static SolarPosition at(double latitude, double longitude, LocalDate date, double minutes,
                                   double utcOffsetHours) {
        double jd = date.toEpochDay() + 2440587.5 + (minutes / 1440.0) - utcOffsetHours / 24.0;
        double jc = (jd - 2451545.0) / 36525.0;
        double geomMeanLong = mod360(280.46646 + jc * (36000.76983 + jc * 0.0003032));
        double geomMeanAnom = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
        double ecc = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
        double m = Math.toRadians(geomMeanAnom);
        double eqCtr = Math.sin(m) * (1.914602 - jc * (0.004817 + 0.000014 * jc))
                + Math.sin(2 * m) * (0.019993 - 0.000101 * jc) + Math.sin(3 * m) * 0.000289;
        double trueLong = geomMeanLong + eqCtr;
        double omega = Math.toRadians(125.04 - 1934.136 * jc);
        double appLong = trueLong - 0.00569 - 0.00478 * Math.sin(omega);
        double meanObliq = 23 + (26 + ((21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813)))) / 60) / 60;
        double obliqCorr = meanObliq + 0.00256 * Math.cos(omega);
        double decl = Math.asin(Math.sin(Math.toRadians(obliqCorr)) * Math.sin(Math.toRadians(appLong)));
        double y = Math.pow(Math.tan(Math.toRadians(obliqCorr / 2)), 2);
        double l0 = Math.toRadians(geomMeanLong);
        double eqTime = 4 * Math.toDegrees(y * Math.sin(2 * l0) - 2 * ecc * Math.sin(m)
                + 4 * ecc * y * Math.sin(m) * Math.cos(2 * l0) - 0.5 * y * y * Math.sin(4 * l0)
                - 1.25 * ecc * ecc * Math.sin(2 * m));
        double trueSolarTime = mod(minutes + eqTime + 4 * longitude - 60 * utcOffsetHours, 1440);
        double hourAngle = trueSolarTime / 4 < 0 ? trueSolarTime / 4 + 180 : trueSolarTime / 4 - 180;
        double lat = Math.toRadians(latitude);
        double ha = Math.toRadians(hourAngle);
        double cosZen = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(ha);
        double zenith = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZen))));
        double elevation = 90 - zenith;
        double azimuth;
        double sinZen = Math.sin(Math.toRadians(zenith));
        if (Math.abs(sinZen * Math.cos(lat)) < 1e-12) {
            azimuth = latitude > 0 ? 180 : 0;
        } else {
            double c = ((Math.sin(lat) * Math.cos(Math.toRadians(zenith))) - Math.sin(decl)) / (Math.cos(lat) * sinZen);
            double a = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
            azimuth = hourAngle > 0 ? mod360(a + 180) : mod360(540 - a);
        }
        return new SolarPosition(elevation + refraction(elevation), azimuth);
    }

    /** NOAA's approximation of atmospheric refraction, degrees. */
    static double refraction(double elevation) {
        if (elevation > 85) return 0;
        double te = Math.tan(Math.toRadians(elevation));
        double arcsec;
        if (elevation > 5) arcsec = 58.1 / te - 0.07 / (te * te * te) + 0.000086 / Math.pow(te, 5);
        else if (elevation > -0.575) arcsec = 1735 + elevation * (-518.2 + elevation * (103.4 + elevation * (-12.79 + elevation * 0.711)));
        else arcsec = -20.772 / te;
        return arcsec / 3600;
    }

    /**
     * Unit vector from the scene towards the sun in Diorama's frame: x east, y up, z south
     * (right-handed), so north is -z.
     */
    public Vec3 direction() {
        double el = Math.toRadians(elevation), az = Math.toRadians(azimuth);
        double horizontal = Math.cos(el);
        double east = horizontal * Math.sin(az), north = horizontal * Math.cos(az);
        return new Vec3(east, Math.sin(el), -north);
    }

    /**
     * The local time on {@code date} at which the setting sun passes {@code elevation} degrees, to
     * the minute; or null where it never does (polar day or night).
     */
    public static LocalTime settingAt(double elevation, double latitude, double longitude, LocalDate date, double utcOffset) {
        return crossing(elevation, latitude, longitude, date, utcOffset, false);
    }

    /** As {@link #settingAt} for the rising sun. */
    public static LocalTime risingAt(double elevation, double latitude, double longitude, LocalDate date, double utcOffset) {
        return crossing(elevation, latitude, longitude, date, utcOffset, true);
    }

    /** Minutes between the samples of {@link #crossing}'s first pass. */
    static final int COARSE_MINUTES = 10;
    /**
     * A bound on how fast the sun's apparent elevation changes, degrees per minute: the Earth turns
     * 0.25 degrees a minute, and refraction near the horizon adds at most some 15 % to that; twice
     * that is safe.
     */
    static final double MAX_RATE = 0.5;

    /**
     * The last minute of the day at which the elevation, less {@code elevation}, changes sign the
     * right way from the minute before. The day is sampled every {@value #COARSE_MINUTES} minutes,
     * and only a span whose ends differ in sign or lie within {@link #MAX_RATE} times its length
     * of the elevation in all (the only spans in which the sun can pass it) is sampled minute by
     * minute: the same answer as looking at all 1440 minutes, from about a fifth of the evaluations.
     */
    private static LocalTime crossing(double elevation, double latitude, double longitude, LocalDate date, double utcOffset,
                                      boolean rising) {
        LocalTime best = null;
        double[] e = new double[1440];
        boolean[] known = new boolean[1440];
        java.util.function.IntToDoubleFunction at = minute -> {
            if (!known[minute]) {
                e[minute] = at(latitude, longitude, date, LocalTime.ofSecondOfDay(minute * 60L), utcOffset).elevation() - elevation;
                known[minute] = true;
            }
            return e[minute];
        };
        for (int a = 0; a < 1439; a += COARSE_MINUTES) {
            int b = Math.min(a + COARSE_MINUTES, 1439);
            double ea = at.applyAsDouble(a), eb = at.applyAsDouble(b);
            boolean possible = Math.signum(ea) != Math.signum(eb) || Math.abs(ea) + Math.abs(eb) <= MAX_RATE * (b - a);
            if (!possible) continue;
            for (int minute = a + 1; minute <= b; minute++) {
                double prev = at.applyAsDouble(minute - 1), now = at.applyAsDouble(minute);
                if (rising ? prev < 0 && now >= 0 : prev > 0 && now <= 0) best = LocalTime.ofSecondOfDay(minute * 60L);
            }
        }
        return best;
    }

    /** {@link #crossing} the slow way, minute by minute through the day: what the tests compare it with. */
    static LocalTime crossingEveryMinute(double elevation, double latitude, double longitude, LocalDate date,
                                         double utcOffset, boolean rising) {
        LocalTime best = null;
        double prev = Double.NaN;
        for (int minute = 0; minute < 1440; minute++) {
            LocalTime t = LocalTime.ofSecondOfDay(minute * 60L);
            double e = at(latitude, longitude, date, t, utcOffset).elevation() - elevation;
            if (minute > 0 && (rising ? prev < 0 && e >= 0 : prev > 0 && e <= 0)) best = t;
            prev = e;
        }
        return best;
    }

    private static double mod360(double d) { return mod(d, 360); }

    private static double mod(double d, double m) {
        double r = d % m;
        return r < 0 ? r + m : r;
    }
}
