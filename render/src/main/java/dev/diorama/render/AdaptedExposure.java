package dev.diorama.render;

import dev.diorama.scene.Scene;

/**
 * The exposure of an outdoor time-lapse: metered as a still's is ({@link Lighting#exposureFor}, from
 * the light a white horizontal surface receives), but adapted over a window of film time the way an
 * eye or an auto-exposure camera adapts, so that it follows the light without jumps or flicker.
 *
 * <p>The metered light is averaged in the log domain over a tent-shaped window of
 * {@link #HALF_WINDOW} film seconds on each side of the frame (less in short films: at most an eighth
 * of the film), at {@value #SAMPLES} fixed offsets. The window is centred, so the exposure is a pure,
 * continuous function of the frame's time (a still at time t is exposed as the film's frame at t),
 * and how much it changes from one frame to the next is bounded by how fast the light changes over
 * the window rather than over one frame. Measured on the reference scene, a day compressed into 20
 * seconds at 24 fps (RendererTimeTest): at twilight, where the light falls a hundredfold while the
 * sun sinks 6 degrees, the exposure changes by at most 0.47 stop per frame (0.66 metered frame by
 * frame), and the picture's mean brightness by at most a quarter of a stop, without reversals. A
 * wider window spreads the change further but makes the picture pump: it brightens before sunset and
 * sinks below the night's level after it.
 *
 * <p>The light by the sun's elevation comes from a table ({@link #white}), filled lazily at quarter
 * degrees by quadrature of the {@link Atmosphere}'s sky over the hemisphere, plus the sun, or the
 * moon once the sun has set, as {@link Lighting} meters it.
 */
final class AdaptedExposure {
    /** Half the width of the adaptation window, film seconds. */
    static final double HALF_WINDOW = 0.5;
    static final int SAMPLES = 33;
    /** Table step, degrees of solar elevation. */
    private static final double STEP = 0.25;
    private static final double[] WHITE = new double[(int) Math.round(180 / STEP) + 1];

    static {
        java.util.Arrays.fill(WHITE, Double.NaN);
    }

    private final Scene scene;
    private final double halfWindow;

    AdaptedExposure(Scene scene) {
        this.scene = scene;
        halfWindow = Math.min(HALF_WINDOW, scene.seconds() / 8);
    }

    /** The exposure of the frame at film time {@code t}, seconds. */
    double at(double t) {
        int half = SAMPLES / 2;
        double sum = 0, weights = 0;
        for (int k = -half; k <= half; k++) {
            double w = half + 1 - Math.abs(k);
            sum += w * Math.log(white(scene.sunAt(t + halfWindow * k / half).elevation()));
            weights += w;
        }
        return Lighting.exposureFor(Math.exp(sum / weights));
    }

    /** Luminance of a white horizontal surface under the sun {@code elevation} degrees high, interpolated. */
    static double white(double elevation) {
        double x = (Math.clamp(elevation, -90, 90) + 90) / STEP;
        int i = Math.min((int) x, WHITE.length - 2);
        double f = x - i;
        return Math.exp((1 - f) * Math.log(entry(i)) + f * Math.log(entry(i + 1)));
    }

    private static synchronized double entry(int i) {
        if (Double.isNaN(WHITE[i])) WHITE[i] = metered(i * STEP - 90);
        return WHITE[i];
    }

    /**
     * Sky over the upper hemisphere by midpoint quadrature in (cos theta, phi), plus the key light on
     * the horizontal: the sun while any of its disk shows, else the moon (see {@link Lighting}).
     */
    static double metered(double elevation) {
        double sinS = Math.sin(Math.toRadians(elevation)), cosS = Math.cos(Math.toRadians(elevation));
        double[] l = new double[3];
        double e = 0;
        int nMu = 24, nPhi = 48;
        double cell = (1.0 / nMu) * (2 * Math.PI / nPhi);
        for (int i = 0; i < nMu; i++) {
            double mu = (i + 0.5) / nMu, s = Math.sqrt(1 - mu * mu);
            for (int j = 0; j < nPhi; j++) {
                double cosGamma = mu * sinS + s * Math.cos((j + 0.5) * 2 * Math.PI / nPhi) * cosS;
                Atmosphere.skyRadiance(mu, cosGamma, elevation, l);
                e += Lighting.luminance(l) * mu * cell;
            }
        }
        if (elevation > -Atmosphere.SUN_RADIUS_DEG) {
            Atmosphere.sunIrradiance(elevation, l);
            e += Lighting.luminance(l) * Math.max(sinS, 0);
        } else {
            Atmosphere.moonIrradiance(l);
            e += Lighting.luminance(l) * Math.sin(Math.toRadians(Lighting.MOON_ELEVATION));
        }
        return e;
    }
}
