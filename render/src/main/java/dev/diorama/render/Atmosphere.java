package dev.diorama.render;

/**
 * A clear, cloudless atmosphere in three colour bands, from which the sun's colour and the sky's
 * radiance both follow, so the two always agree.
 *
 * <p>Each band is represented by one wavelength, 680, 550 and 440 nm, the choice of Bruneton and
 * Neyret's (2008) sky model: the sRGB primaries' dominant wavelengths (611, 549, 465 nm) would
 * understate how much bluer than red the blue channel's broad response makes the sky. The sun's beam loses light to Rayleigh scattering by the air (optical depth after
 * Hansen and Travis 1974, about lambda^-4), to aerosol (Ångström's law with 0.06 at 550 nm, a clear
 * continental day) and to ozone's Chappuis band absorption (300 Dobson units). Its path is the
 * relative air mass of Kasten and Young (1989), which stays finite (about 38) at the horizon. So the
 * same numbers give a near-white sun at noon and an orange, hundredfold dimmer one at sunset.
 *
 * <p>The sky is the single-scattering radiance of a plane-parallel atmosphere in which air and
 * aerosol are mixed in the same proportion at every height; see {@link #skyRadiance} for the closed
 * form, with an isotropic term for multiple scattering. Ozone is not mixed in: it lies in a thin layer at about 22 km, above nearly all the air, so
 * every ray of sunlight that scatters toward the camera has crossed it. That is why the zenith stays
 * blue at sunset (Hulburt 1953): the long grazing path through the ozone takes out the orange that
 * Rayleigh scattering leaves. The scattered light, coming from below the layer, does not cross it
 * again. With the sun below the horizon the
 * sunlit sky fades exponentially with the sun's depression (twilight, a hundredfold by -6 degrees)
 * and a dim moonlit night sky remains.
 *
 * <p>Every radiance and irradiance here is in units of the extraterrestrial solar irradiance
 * {@link #SOLAR}, itself calibrated so that daylight on a horizontal surface with the sun 45 degrees
 * high is neutral white: the camera is white-balanced for daylight once and for all, which is what
 * lets a sunset look orange.
 */
final class Atmosphere {
    /** Wavelength of each band, micrometres (R, G, B). */
    static final double[] WAVELENGTH = {0.680, 0.550, 0.440};
    /** Aerosol optical depth at 550 nm and Ångström exponent: a clear day. */
    static final double AEROSOL_DEPTH_550 = 0.06, ANGSTROM_EXPONENT = 1.3;
    /** Aerosol single-scattering albedo and Henyey-Greenstein asymmetry (forward-peaked haze). */
    static final double AEROSOL_ALBEDO = 0.9, AEROSOL_ASYMMETRY = 0.75;
    /** Ozone (Chappuis band) optical depth per band at 300 DU. */
    static final double[] OZONE_DEPTH = {0.016, 0.027, 0.001};
    /**
     * Light scattered more than once comes from all over the sky and has forgotten the sun's
     * direction: it is modelled as an extra isotropic scattering of this strength relative to the
     * single scattering, which brings the sky away from the sun to 15 to 25 percent of the luminance
     * of white paper in the sun, and the diffuse share of daylight to the 15 to 25 percent measured
     * on clear days.
     */
    static final double MULTIPLE_SCATTERING = 1.2;
    /** Twilight: the sunlit sky dims by e^(-rate * depression in degrees), a hundredfold at -6 degrees. */
    static final double TWILIGHT_RATE = Math.log(100) / 6;
    /** Apparent angular radius of the sun's disk, degrees. */
    static final double SUN_RADIUS_DEG = 0.27;
    /** Scale heights of air and aerosol, metres: the sea-level extinction is depth / height. */
    static final double AIR_SCALE_HEIGHT = 8400, AEROSOL_SCALE_HEIGHT = 1200;
    /** Height of the ozone layer over the Earth's radius. */
    static final double OZONE_HEIGHT_RATIO = 22.0 / 6371;

    /** Moonlight (full moon, ~0.25 lux against ~100 klux of sun) and its bluish night-time cast. */
    static final double MOON_IRRADIANCE = 2.5e-6;
    static final double[] MOON_TINT = {0.55, 0.72, 1.0};
    /** Zenith radiance of the moonlit night sky per unit moon irradiance, and its deep blue tint. */
    static final double NIGHT_SKY = 0.035;
    static final double[] NIGHT_TINT = {0.30, 0.45, 1.0};

    /** Optical depths per band: Rayleigh, aerosol, and their sum (the mixed layer; ozone is apart). */
    static final double[] RAYLEIGH = new double[3], AEROSOL = new double[3], EXTINCTION = new double[3];
    /** Extinction per metre of horizontal path at ground level (aerial perspective). */
    static final double[] GROUND_EXTINCTION = new double[3];
    /** Extraterrestrial solar irradiance per band, in the camera's white-balanced units. */
    static final double[] SOLAR = {1, 1, 1};

    static {
        for (int c = 0; c < 3; c++) {
            double l = WAVELENGTH[c], l2 = 1 / (l * l);
            RAYLEIGH[c] = 0.008569 * l2 * l2 * (1 + 0.0113 * l2 + 0.00013 * l2 * l2);
            AEROSOL[c] = AEROSOL_DEPTH_550 * Math.pow(l / 0.55, -ANGSTROM_EXPONENT);
            EXTINCTION[c] = RAYLEIGH[c] + AEROSOL[c];
            GROUND_EXTINCTION[c] = RAYLEIGH[c] / AIR_SCALE_HEIGHT + AEROSOL[c] / AEROSOL_SCALE_HEIGHT;
        }
        // While SOLAR is still 1, horizontalDaylight measures the uncalibrated daylight colour.
        double[] e = horizontalDaylight(45);
        for (int c = 0; c < 3; c++) SOLAR[c] = 1 / e[c];
    }

    private Atmosphere() {}

    /**
     * Relative optical air mass toward a body {@code elevation} degrees above the horizon (Kasten and
     * Young 1989), clamped at half a degree below it where the formula stops being meaningful.
     */
    static double airMass(double elevation) {
        double h = Math.max(elevation, -0.5);
        return 1 / (Math.sin(Math.toRadians(h)) + 0.50572 * Math.pow(h + 6.07995, -1.6364));
    }

    /**
     * Air mass of the thin ozone layer toward elevation {@code elevation} degrees: the secant of the
     * angle at which a ray from the ground crosses a shell at 22 km, 12 at the horizon.
     */
    static double ozoneAirMass(double elevation) {
        double c = Math.cos(Math.toRadians(Math.max(elevation, 0))) / (1 + OZONE_HEIGHT_RATIO);
        return 1 / Math.sqrt(1 - c * c);
    }

    /** Fraction of the sun's disk above the horizon when its centre is {@code elevation} degrees high. */
    static double diskAboveHorizon(double elevation) {
        double x = elevation / SUN_RADIUS_DEG;
        if (x >= 1) return 1;
        if (x <= -1) return 0;
        return 1 - (Math.acos(x) - x * Math.sqrt(1 - x * x)) / Math.PI;
    }

    /** Direct solar irradiance on a surface facing the sun, per band, into {@code out}, on a clear day. */
    static void sunIrradiance(double elevation, double[] out) {
        sunIrradiance(elevation, 1, out);
    }

    /**
     * Aerosol optical depth relative to a clear day's for turbidity {@code turbidity}: turbidity is
     * 1 plus the ratio of the aerosol's optical depth to the clean air's, so a clear day (2) has the
     * aerosol depth {@link #AEROSOL_DEPTH_550} and every unit of turbidity above 1 adds as much again.
     */
    static double aerosolScale(double turbidity) {
        return turbidity - 1;
    }

    /** Total optical depth of band c with the aerosol scaled by {@code aerosol} (1: a clear day). */
    static double extinction(int c, double aerosol) {
        return aerosol == 1 ? EXTINCTION[c] : RAYLEIGH[c] + AEROSOL[c] * aerosol;
    }

    /**
     * Direct solar irradiance on a surface facing the sun, per band, into {@code out}, through an
     * atmosphere whose aerosol depth is {@code aerosol} times a clear day's (see {@link #aerosolScale}).
     */
    static void sunIrradiance(double elevation, double aerosol, double[] out) {
        double m = airMass(elevation), mo = ozoneAirMass(elevation), visible = diskAboveHorizon(elevation);
        for (int c = 0; c < 3; c++) {
            out[c] = SOLAR[c] * Math.exp(-extinction(c, aerosol) * m - OZONE_DEPTH[c] * mo) * visible;
        }
    }

    /** Rayleigh phase function, per steradian. */
    static double rayleighPhase(double cosGamma) {
        return 3 / (16 * Math.PI) * (1 + cosGamma * cosGamma);
    }

    /** Henyey-Greenstein phase function with asymmetry g, per steradian. */
    static double henyeyGreenstein(double cosGamma, double g) {
        double d = 1 + g * g - 2 * g * cosGamma;
        return (1 - g * g) / (4 * Math.PI * d * Math.sqrt(d));
    }

    /**
     * Radiance of the clear sky (without the sun's disk) seen in a direction whose height above the
     * horizon has sine {@code viewY}, at angle gamma from the sun, for the sun {@code sunElevation}
     * degrees high; into {@code out}.
     *
     * <p>In a layer of total optical depth tau, a scattering point at column fraction u (u = 0 at the
     * top) is reached by sunlight through e^(-tau m_s u) and is seen through e^(-tau m_v (1 - u));
     * integrating the scattered light along the view path over u gives
     * L = E0 S(gamma) m_v (e^(-tau m_s) - e^(-tau m_v)) / (tau (m_v - m_s)), where S is the
     * phase-weighted scattering depth, times the transmittance of the ozone layer on the sun's path.
     * Toward the zenith this is blue (Rayleigh's lambda^-4), toward
     * the horizon it whitens (the view path saturates), and with the sun low every band but red has
     * been spent before the light reaches the lower air.
     */
    static void skyRadiance(double viewY, double cosGamma, double sunElevation, double[] out) {
        skyRadiance(viewY, cosGamma, sunElevation, 1, out);
    }

    /** {@link #skyRadiance} with the aerosol depth {@code aerosol} times a clear day's. */
    static void skyRadiance(double viewY, double cosGamma, double sunElevation, double aerosol, double[] out) {
        double y = Math.min(Math.max(viewY, 0), 1);
        double mv = airMass(Math.toDegrees(Math.asin(y)));
        double ms = airMass(Math.max(sunElevation, 0));
        // Nearly all the scattering happens below the ozone: the sunlight crosses it on the way in,
        // the scattered light mostly does not cross it again on the way down.
        double ozone = ozoneAirMass(Math.max(sunElevation, 0));
        double fade = sunElevation >= 0 ? 1 : Math.exp(sunElevation * TWILIGHT_RATE);
        double pr = rayleighPhase(cosGamma), pa = henyeyGreenstein(cosGamma, AEROSOL_ASYMMETRY);
        double horizonGlow = 1 + (1 - y) * (1 - y) * (1 - y);
        for (int c = 0; c < 3; c++) {
            double tau = extinction(c, aerosol), a = aerosol == 1 ? AEROSOL[c] : AEROSOL[c] * aerosol;
            double scatter = RAYLEIGH[c] * pr + AEROSOL_ALBEDO * a * pa
                    + MULTIPLE_SCATTERING * (RAYLEIGH[c] + AEROSOL_ALBEDO * a) / (4 * Math.PI);
            double path = Math.abs(mv - ms) < 1e-9
                    ? mv * Math.exp(-tau * mv)
                    : mv * (Math.exp(-tau * ms) - Math.exp(-tau * mv)) / (tau * (mv - ms));
            double night = MOON_IRRADIANCE * NIGHT_SKY * NIGHT_TINT[c] * horizonGlow;
            double aboveOzone = Math.exp(-OZONE_DEPTH[c] * ozone);
            out[c] = SOLAR[c] * scatter * path * aboveOzone * fade + night;
        }
    }

    /**
     * {@link #skyRadiance} along one row of directions at the same height ({@code viewY}) and the
     * angles from the sun whose cosines are {@code cosGammas}, as floats into
     * {@code out[offset + 3 j + c]}: the same numbers, with everything that depends only on the row
     * (the air masses, the path's extinction, the ozone, the twilight) worked out once instead of
     * for every direction. Building a sky table per frame (a time-lapse) costs a tenth as much.
     */
    static void skyRadianceRow(double viewY, double[] cosGammas, double sunElevation, float[] out, int offset) {
        skyRadianceRow(viewY, cosGammas, sunElevation, 1, out, offset);
    }

    /** {@link #skyRadianceRow} with the aerosol depth {@code aerosol} times a clear day's. */
    static void skyRadianceRow(double viewY, double[] cosGammas, double sunElevation, double aerosol, float[] out,
                               int offset) {
        double y = Math.min(Math.max(viewY, 0), 1);
        double mv = airMass(Math.toDegrees(Math.asin(y)));
        double ms = airMass(Math.max(sunElevation, 0));
        double ozone = ozoneAirMass(Math.max(sunElevation, 0));
        double fade = sunElevation >= 0 ? 1 : Math.exp(sunElevation * TWILIGHT_RATE);
        double horizonGlow = 1 + (1 - y) * (1 - y) * (1 - y);
        double[] path = new double[3], night = new double[3], aboveOzone = new double[3];
        for (int c = 0; c < 3; c++) {
            double tau = extinction(c, aerosol);
            path[c] = Math.abs(mv - ms) < 1e-9
                    ? mv * Math.exp(-tau * mv)
                    : mv * (Math.exp(-tau * ms) - Math.exp(-tau * mv)) / (tau * (mv - ms));
            night[c] = MOON_IRRADIANCE * NIGHT_SKY * NIGHT_TINT[c] * horizonGlow;
            aboveOzone[c] = Math.exp(-OZONE_DEPTH[c] * ozone);
        }
        for (int j = 0; j < cosGammas.length; j++) {
            double cosGamma = cosGammas[j];
            double pr = rayleighPhase(cosGamma), pa = henyeyGreenstein(cosGamma, AEROSOL_ASYMMETRY);
            for (int c = 0; c < 3; c++) {
                double a = aerosol == 1 ? AEROSOL[c] : AEROSOL[c] * aerosol;
                double scatter = RAYLEIGH[c] * pr + AEROSOL_ALBEDO * a * pa
                        + MULTIPLE_SCATTERING * (RAYLEIGH[c] + AEROSOL_ALBEDO * a) / (4 * Math.PI);
                out[offset + 3 * j + c] = (float) (SOLAR[c] * scatter * path[c] * aboveOzone[c] * fade + night[c]);
            }
        }
    }

    /** Moonlight irradiance per band (the moon stands still in this model), into {@code out}. */
    static void moonIrradiance(double[] out) {
        for (int c = 0; c < 3; c++) out[c] = MOON_IRRADIANCE * MOON_TINT[c];
    }

    /**
     * Irradiance on a horizontal surface from the sun and the sky for the sun {@code sunElevation}
     * degrees high (so (1, 1, 1) at 45 degrees, by calibration); by midpoint quadrature over the
     * hemisphere in (cos theta, phi), where cos theta d omega = cos theta d(cos theta) d phi.
     */
    static double[] horizontalDaylight(double sunElevation) {
        return horizontalDaylight(sunElevation, 1);
    }

    /** {@link #horizontalDaylight} with the aerosol depth {@code aerosol} times a clear day's. */
    static double[] horizontalDaylight(double sunElevation, double aerosol) {
        double[] e = new double[3], l = new double[3];
        double sinS = Math.sin(Math.toRadians(sunElevation)), cosS = Math.cos(Math.toRadians(sunElevation));
        sunIrradiance(sunElevation, aerosol, l);
        for (int c = 0; c < 3; c++) e[c] = l[c] * Math.max(sinS, 0);
        int nMu = 64, nPhi = 128;
        double cell = (1.0 / nMu) * (2 * Math.PI / nPhi);
        for (int i = 0; i < nMu; i++) {
            double mu = (i + 0.5) / nMu, s = Math.sqrt(1 - mu * mu);
            for (int j = 0; j < nPhi; j++) {
                double phi = (j + 0.5) * 2 * Math.PI / nPhi;
                double cosGamma = mu * sinS + s * Math.cos(phi) * cosS;
                skyRadiance(mu, cosGamma, sunElevation, aerosol, l);
                for (int c = 0; c < 3; c++) e[c] += l[c] * mu * cell;
            }
        }
        return e;
    }
}
