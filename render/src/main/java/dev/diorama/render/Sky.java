package dev.diorama.render;

/**
 * The outdoor sky as rays see it, for one sun position: {@link Atmosphere}'s radiance baked into a
 * table over the only two angles it depends on, plus the sun's disk and the haze over distance.
 *
 * <p>The sky radiance depends on the view direction's height above the horizon and on its angle
 * from the sun, and both are one dot product away from a ray direction, so the table is indexed by
 * sqrt(y) (rows, finer near the horizon where the air mass changes fast) and by sin(gamma / 2)
 * (columns, finer near the sun where the aerosol glow peaks). A lookup is two square roots and a
 * bilinear blend instead of six exponentials. The sun's disk, half a degree wide, is too small for
 * the table: it is added only for rays that can see it (see {@link Shader}).
 */
final class Sky {
    static final int ROWS = 64, COLUMNS = 128;

    /** Unit vector toward the sun, and its elevation in degrees. */
    final double sunX, sunY, sunZ, sunElevation;
    /** Irradiance of the direct sun on a surface facing it, per band. */
    final double[] sunIrradiance = new double[3];
    /** Radiance of the sun's disk per band: its irradiance over its solid angle. */
    final double[] sunRadiance = new double[3];
    /** Fraction of the sky covered by cloud. */
    final double cloudCover;
    /** Cosine of the sun's apparent angular radius. */
    final double cosSunRadius;
    /** Extinction per metre along the ground, per band (aerial perspective). */
    private final double hazeR, hazeG, hazeB;
    /** ROWS x COLUMNS x 3 radiances, row-major. */
    private final float[] table = new float[ROWS * COLUMNS * 3];

    /** Cloud transmittance of an overcast sky: the share of the clear day's global light that reaches the ground. */
    static final double OVERCAST_TRANSMITTANCE = 0.25;

    /** A clear, cloudless day's sky. */
    Sky(double sunElevation, double sunX, double sunY, double sunZ) {
        this(sunElevation, sunX, sunY, sunZ, dev.diorama.scene.Environment.DEFAULT_TURBIDITY, 0);
    }

    /**
     * The sky for the sun in unit direction (sunX, sunY, sunZ), {@code sunElevation} degrees high,
     * through air of {@code turbidity} (see {@link Atmosphere#aerosolScale}) under a fraction
     * {@code cloudCover} of cloud.
     *
     * <p>Cloud is modelled as what it does to the light at the ground: the sun's direct beam is
     * dimmed by the covered fraction, and the sky blends toward the CIE standard overcast sky, whose
     * radiance grows from the horizon to the zenith as (1 + 2 sin h) / 3 and ignores the sun's
     * azimuth. Its zenith radiance is set so that the overcast sky delivers
     * {@link #OVERCAST_TRANSMITTANCE} of the clear day's light on a horizontal surface at the same
     * sun elevation (a thick stratus layer passes a fifth to a third; Kasten and Czeplak 1980):
     * E = 7 pi L_z / 9 for the CIE distribution. So an overcast noon is four times darker than a
     * clear one, shadowless and as neutral as daylight.
     */
    Sky(double sunElevation, double sunX, double sunY, double sunZ, double turbidity, double cloudCover) {
        this(sunElevation, sunX, sunY, sunZ, turbidity, cloudCover, true);
    }

    /**
     * As above, or, without air ({@code air} false: the Moon), a black sky: nothing scatters the
     * sunlight, so the sky's radiance is zero in every direction, there is no haze over distance,
     * and the sun's disk shines with the light above the atmosphere ({@link Atmosphere#SOLAR}) as
     * long as it is above the horizon. Turbidity and cloud mean nothing there and are ignored.
     */
    Sky(double sunElevation, double sunX, double sunY, double sunZ, double turbidity, double cloudCover, boolean air) {
        double n = Math.sqrt(sunX * sunX + sunY * sunY + sunZ * sunZ);
        this.sunX = sunX / n;
        this.sunY = sunY / n;
        this.sunZ = sunZ / n;
        this.sunElevation = sunElevation;
        double aerosol = Atmosphere.aerosolScale(turbidity);
        this.cloudCover = air ? cloudCover : 0;
        if (air) {
            Atmosphere.sunIrradiance(sunElevation, aerosol, sunIrradiance);
        } else {
            double visible = Atmosphere.diskAboveHorizon(sunElevation);
            for (int c = 0; c < 3; c++) sunIrradiance[c] = Atmosphere.SOLAR[c] * visible;
        }
        for (int c = 0; c < 3; c++) sunIrradiance[c] *= 1 - this.cloudCover;
        double radius = Math.toRadians(Atmosphere.SUN_RADIUS_DEG);
        cosSunRadius = Math.cos(radius);
        double solidAngle = 2 * Math.PI * (1 - cosSunRadius);
        for (int c = 0; c < 3; c++) sunRadiance[c] = sunIrradiance[c] / solidAngle;
        if (!air) {
            hazeR = hazeG = hazeB = 0;   // the table stays zero: a black sky
            return;
        }
        double[] haze = new double[3];
        for (int c = 0; c < 3; c++) {
            haze[c] = aerosol == 1 ? Atmosphere.GROUND_EXTINCTION[c]
                    : Atmosphere.RAYLEIGH[c] / Atmosphere.AIR_SCALE_HEIGHT
                      + Atmosphere.AEROSOL[c] * aerosol / Atmosphere.AEROSOL_SCALE_HEIGHT;
        }
        hazeR = haze[0];
        hazeG = haze[1];
        hazeB = haze[2];
        double[] cosGammas = new double[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            double w = (double) j / (COLUMNS - 1);
            cosGammas[j] = 1 - 2 * w * w;
        }
        for (int i = 0; i < ROWS; i++) {
            double u = (double) i / (ROWS - 1);
            Atmosphere.skyRadianceRow(u * u, cosGammas, sunElevation, aerosol, table, i * COLUMNS * 3);
        }
        if (cloudCover > 0) {
            double[] clear = Atmosphere.horizontalDaylight(sunElevation, aerosol);
            for (int i = 0; i < ROWS; i++) {
                double u = (double) i / (ROWS - 1), shape = (1 + 2 * u * u) / 3;
                for (int j = 0; j < COLUMNS; j++) {
                    for (int c = 0; c < 3; c++) {
                        int k = (i * COLUMNS + j) * 3 + c;
                        double overcast = OVERCAST_TRANSMITTANCE * clear[c] * 9 / (7 * Math.PI) * shape;
                        table[k] = (float) ((1 - cloudCover) * table[k] + cloudCover * overcast);
                    }
                }
            }
        }
    }

    /**
     * Radiance of the sky (without the sun's disk) in the unit direction d, into out[off..off+2].
     * Directions below the horizon get the horizon's radiance.
     */
    void radiance(double dx, double dy, double dz, double[] out, int off) {
        double u = Math.sqrt(dy > 0 ? (dy < 1 ? dy : 1) : 0) * (ROWS - 1);
        double cosGamma = dx * sunX + dy * sunY + dz * sunZ;
        double s = 0.5 - 0.5 * cosGamma;
        double w = Math.sqrt(s > 0 ? (s < 1 ? s : 1) : 0) * (COLUMNS - 1);
        int i = (int) u, j = (int) w;
        if (i > ROWS - 2) i = ROWS - 2;
        if (j > COLUMNS - 2) j = COLUMNS - 2;
        double fu = u - i, fw = w - j;
        int k00 = (i * COLUMNS + j) * 3, k01 = k00 + 3, k10 = k00 + COLUMNS * 3, k11 = k10 + 3;
        double w00 = (1 - fu) * (1 - fw), w01 = (1 - fu) * fw, w10 = fu * (1 - fw), w11 = fu * fw;
        float[] t = table;
        out[off] = w00 * t[k00] + w01 * t[k01] + w10 * t[k10] + w11 * t[k11];
        out[off + 1] = w00 * t[k00 + 1] + w01 * t[k01 + 1] + w10 * t[k10 + 1] + w11 * t[k11 + 1];
        out[off + 2] = w00 * t[k00 + 2] + w01 * t[k01 + 2] + w10 * t[k10 + 2] + w11 * t[k11 + 2];
    }

    /** True when the unit direction d points into the sun's disk (and the disk is above the horizon). */
    boolean seesSun(double dx, double dy, double dz) {
        return dx * sunX + dy * sunY + dz * sunZ >= cosSunRadius && sunIrradiance[1] > 0;
    }

    /**
     * Aerial perspective: blends the radiance rgb[off..off+2] of a surface {@code distance} metres
     * away along unit direction d toward the horizon sky behind it, by the ground-level extinction.
     * Near surfaces (under 30 m, where the haze is below 0.3 percent) are left alone.
     */
    void haze(double distance, double dx, double dy, double dz, double[] rgb, int off, double[] scratch) {
        if (distance < 30) return;
        double tr = Math.exp(-hazeR * distance), tg = Math.exp(-hazeG * distance), tb = Math.exp(-hazeB * distance);
        double h = Math.sqrt(dx * dx + dz * dz);
        if (h < 1e-9) return;
        radiance(dx / h, 0, dz / h, scratch, 0);
        rgb[off] = rgb[off] * tr + scratch[0] * (1 - tr);
        rgb[off + 1] = rgb[off + 1] * tg + scratch[1] * (1 - tg);
        rgb[off + 2] = rgb[off + 2] * tb + scratch[2] * (1 - tb);
    }
}
