package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Haze, cloud and night: what the air and the hour do to the light. */
class SkyTest {
    private static Sky sky(double elevation, double turbidity, double clouds) {
        double e = Math.toRadians(elevation);
        return new Sky(elevation, 0, Math.sin(e), -Math.cos(e), turbidity, clouds);
    }

    @Test
    void aClearDayIsTurbidityTwoExactly() {
        Sky old = new Sky(30, 0, 0.5, -Math.sqrt(0.75)), clear = new Sky(30, 0, 0.5, -Math.sqrt(0.75), 2, 0);
        double[] a = new double[3], b = new double[3];
        for (double y = 0; y <= 1; y += 0.1) {
            old.radiance(Math.sqrt(1 - y * y), y, 0, a, 0);
            clear.radiance(Math.sqrt(1 - y * y), y, 0, b, 0);
            for (int c = 0; c < 3; c++) assertEquals(a[c], b[c], 0);
        }
        for (int c = 0; c < 3; c++) assertEquals(old.sunIrradiance[c], clear.sunIrradiance[c], 0);
    }

    /**
     * Without air nothing scatters: the sky is black in every direction and the sun shines with the
     * light above the atmosphere, more than through any air, whatever haze or cloud was given.
     */
    @Test
    void withoutAirTheSkyIsBlackAndTheSunUnfiltered() {
        double e = Math.toRadians(30);
        Sky airless = new Sky(30, 0, Math.sin(e), -Math.cos(e), 6, 0.5, false), clear = sky(30, 2, 0);
        double[] out = new double[3];
        for (double y = -0.2; y <= 1; y += 0.1) {
            airless.radiance(Math.sqrt(Math.max(0, 1 - y * y)), y, 0, out, 0);
            for (double v : out) assertEquals(0, v, "black at height " + y);
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(Atmosphere.SOLAR[c], airless.sunIrradiance[c], 1e-12 * Atmosphere.SOLAR[c]);
            assertTrue(airless.sunIrradiance[c] > clear.sunIrradiance[c], "brighter than through clear air");
        }
        assertTrue(airless.seesSun(0, Math.sin(e), -Math.cos(e)), "the sun's disk is there");
        double[] rgb = {0.2, 0.3, 0.4}, scratch = new double[3];
        airless.haze(5000, 1, 0, 0, rgb, 0, scratch);
        assertEquals(0.2, rgb[0]);
        assertEquals(0.4, rgb[2], "no haze over distance");
    }

    @Test
    void hazeDimsAndReddensTheSunAndWhitensTheSky() {
        Sky clear = sky(10, 2, 0), hazy = sky(10, 6, 0);
        // Beer's law along the air mass: the aerosol's extra depth is 4 times a clear day's aerosol.
        double m = Atmosphere.airMass(10);
        for (int c = 0; c < 3; c++) {
            double extra = 4 * Atmosphere.AEROSOL[c] * m;
            assertEquals(clear.sunIrradiance[c] * Math.exp(-extra), hazy.sunIrradiance[c], 1e-9 * clear.sunIrradiance[c]);
        }
        assertTrue(hazy.sunIrradiance[2] / hazy.sunIrradiance[0] < clear.sunIrradiance[2] / clear.sunIrradiance[0],
                "the hazy sun is redder");
        double[] z1 = new double[3], z2 = new double[3];
        clear.radiance(0, 1, 0, z1, 0);
        hazy.radiance(0, 1, 0, z2, 0);
        assertTrue(z2[2] / z2[0] < z1[2] / z1[0], "the hazy zenith is less blue");
    }

    @Test
    void anOvercastSkyHasNoSunAndTheCieGradient() {
        Sky overcast = sky(40, 2, 1);
        for (double e : overcast.sunIrradiance) assertEquals(0, e);
        double[] zenith = new double[3], horizon = new double[3];
        overcast.radiance(0, 1, 0, zenith, 0);
        overcast.radiance(1, 0, 0, horizon, 0);
        // CIE standard overcast: L(h) = L_z (1 + 2 sin h) / 3, so the horizon is a third of the zenith.
        for (int c = 0; c < 3; c++) assertEquals(zenith[c] / 3, horizon[c], 1e-3 * zenith[c]);
        // Its light on the ground: a quarter of the clear day's at the same sun height.
        double[] clear = Atmosphere.horizontalDaylight(40);
        AmbientLight a = AmbientLight.project((x, y, z, out) -> {
            if (y > 0) overcast.radiance(x, y, z, out, 0);
            else out[0] = out[1] = out[2] = 0;
        });
        double[] e = new double[3];
        a.irradiance(0, 1, 0, e, 0);
        for (int c = 0; c < 3; c++) assertEquals(Sky.OVERCAST_TRANSMITTANCE * clear[c], e[c], 0.03 * e[c]);
    }

    @Test
    void theNightSkyHasAboutFiveThousandStarsCountedByMagnitude() {
        int cells = StarField.cellCount(), n = 0, bright = 0, faces = 6, side = (int) Math.round(Math.sqrt(cells / 6.0));
        double[] star = new double[4];
        for (int f = 0; f < faces; f++) {
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    double m = StarField.star(f, i, j, star);
                    if (Double.isNaN(m)) continue;
                    n++;
                    assertTrue(m <= StarField.FAINTEST, "magnitude " + m);
                    if (m < 3.5) bright++;
                }
            }
        }
        // About 5000 over the sphere (a Poisson count: within 3 standard deviations), and those
        // brighter than 3.5 are 10^(0.55 (3.5 - 5.5)) = 7.9 percent of them, as the sky's counts say.
        assertEquals(5000, n, 3 * Math.sqrt(5000), "stars");
        assertEquals(0.079, (double) bright / n, 0.012, "share of stars brighter than magnitude 3.5");
        // Seen head on, a star's spot has its illuminance over 2 pi sigma^2 (green band).
        for (int f = 0; f < faces; f++) {
            double m = StarField.star(f, 3, 4, star);
            if (Double.isNaN(m)) continue;
            double sigma = 5e-4;
            double[] out = new double[3];
            StarField.add(star[0], star[1], star[2], sigma, out);
            double peak = StarField.VEGA * Math.pow(10, -0.4 * m) / (2 * Math.PI * sigma * sigma);
            assertEquals(peak, out[1], 1e-6 * peak);
        }
    }

    @Test
    void atNightTheMoonLightsTheSceneAndTheExposureAdapts() {
        Scene night = TestScenes.paris(64, 48, LocalTime.of(23, 30), new Camera(new Vec3(0, 1, -4), new Vec3(0, 0.5, 0), 50),
                List.of(TestScenes.ball("b", Material.PLASTIC, TestScenes.RED, 0.3, 0, 0)));
        Scene day = TestScenes.paris(64, 48, LocalTime.of(13, 0), night.camera(), night.objects());
        Lighting moonlit = new Lighting(night), sunlit = new Lighting(day);
        assertTrue(moonlit.moon && !sunlit.moon);
        assertEquals(Atmosphere.MOON_IRRADIANCE * Atmosphere.MOON_TINT[1], moonlit.keyPower[1], 1e-15);
        // Moonlight is nearly a millionth of daylight; partial adaptation (power 0.85) opens the
        // exposure by that ratio to the 0.85, so a white surface at night is 2 to 4 stops darker on
        // film than by day, but readable.
        double dayWhite = Lighting.luminance(sunlit.floorAmbient) + Lighting.luminance(sunlit.keyPower) * sunlit.keyY;
        double nightWhite = Lighting.luminance(moonlit.floorAmbient) + Lighting.luminance(moonlit.keyPower) * moonlit.keyY;
        assertTrue(dayWhite / nightWhite > 1e5, "day over night " + dayWhite / nightWhite);
        double ratio = moonlit.exposure / sunlit.exposure;
        assertEquals(Math.pow(dayWhite / nightWhite, Lighting.ADAPTATION), ratio, 1e-9 * ratio);
        double filmDay = sunlit.exposure * dayWhite, filmNight = moonlit.exposure * nightWhite;
        double stops = Math.log(filmDay / filmNight) / Math.log(2);
        assertTrue(stops > 2 && stops < 4, "the night is " + stops + " stops darker on film");
        // Overcast, the moon is hidden.
        Scene cloudy = new Scene(7, 1, 24, 64, 48, 0, 9.81, LocalTime.of(23, 30),
                Environment.outdoor(Material.STONE).withSky(2, 1, null), night.camera(), night.objects());
        assertEquals(0, new Lighting(cloudy).keyPower[1]);
    }
}
