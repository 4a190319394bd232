package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sun's colour and the sky's follow from the air. */
class AtmosphereTest {
    @Test
    void airMassIsOneOverheadAndAboutThirtyEightAtTheHorizon() {
        assertEquals(1, Atmosphere.airMass(90), 1e-3);
        assertEquals(2, Atmosphere.airMass(30), 0.01);  // sec(60 deg), refraction aside
        assertEquals(38, Atmosphere.airMass(0), 0.5);   // Kasten and Young's tabulated 37.9
        assertEquals(12, Atmosphere.ozoneAirMass(0), 0.3);
    }

    @Test
    void theSunFollowsBeerLambertAlongTheAirMass() {
        double[] high = new double[3], low = new double[3];
        Atmosphere.sunIrradiance(90, high);
        Atmosphere.sunIrradiance(10, low);
        for (int c = 0; c < 3; c++) {
            double tau = Atmosphere.EXTINCTION[c];
            double expected = Math.exp(-tau * (Atmosphere.airMass(10) - Atmosphere.airMass(90))
                    - Atmosphere.OZONE_DEPTH[c] * (Atmosphere.ozoneAirMass(10) - Atmosphere.ozoneAirMass(90)));
            assertEquals(expected, low[c] / high[c], 1e-9);
        }
    }

    @Test
    void theSunReddensAndDimsAsItSets() {
        double[] previous = null;
        for (double elevation : new double[] {60, 30, 10, 5, 2, 0.5}) {
            double[] e = new double[3];
            Atmosphere.sunIrradiance(elevation, e);
            if (previous != null) {
                assertTrue(e[0] / e[2] > previous[0] / previous[2], "redder at " + elevation);
                assertTrue(e[1] < previous[1], "dimmer at " + elevation);
            }
            previous = e;
        }
        double[] noon = new double[3], sunset = new double[3];
        Atmosphere.sunIrradiance(60, noon);
        Atmosphere.sunIrradiance(1, sunset);
        assertTrue(noon[2] / noon[0] > 0.75, "a high sun is near white: " + noon[2] / noon[0]);
        assertTrue(sunset[0] > 4 * sunset[1] && sunset[1] > 4 * sunset[2], "a setting sun is orange-red");
        assertTrue(sunset[1] < 0.02 * noon[1], "and a hundredfold dimmer");
        double[] gone = new double[3];
        Atmosphere.sunIrradiance(-1, gone);
        assertArrayEquals(new double[3], gone, "below the horizon");
    }

    @Test
    void daylightOnTheGroundIsCalibratedWhiteWithAPlausibleDiffuseShare() {
        // (The faint night sky, which is not sunlight, adds a few parts in a hundred million.)
        assertArrayEquals(new double[] {1, 1, 1}, Atmosphere.horizontalDaylight(45), 1e-6);
        double[] direct = new double[3];
        Atmosphere.sunIrradiance(45, direct);
        double diffuseShare = 1 - direct[1] * Math.sin(Math.toRadians(45));
        assertTrue(diffuseShare > 0.12 && diffuseShare < 0.3, "diffuse share of daylight " + diffuseShare);
    }

    @Test
    void theDaySkyIsBlueAwayFromTheSunAndPalerAtTheHorizon() {
        double[] zenith = new double[3], horizon = new double[3];
        Atmosphere.skyRadiance(1, Math.sin(Math.toRadians(45)), 45, zenith);
        Atmosphere.skyRadiance(0, -Math.cos(Math.toRadians(45)), 45, horizon);  // opposite the sun
        assertTrue(zenith[2] > 2 * zenith[0], "blue zenith");
        assertTrue(horizon[2] / horizon[0] < zenith[2] / zenith[0], "paler horizon");
        assertTrue(horizon[1] > zenith[1], "brighter horizon");
    }

    @Test
    void atSunsetTheSkyGlowsOrangeTowardTheSunAndStaysBlueOverhead() {
        double[] glow = new double[3], zenith = new double[3];
        double h = Math.toRadians(1), v = Math.toRadians(3);
        Atmosphere.skyRadiance(Math.sin(v), Math.cos(v - h), 1, glow);
        Atmosphere.skyRadiance(1, Math.sin(h), 1, zenith);
        assertTrue(glow[0] > 2 * glow[1] && glow[1] > 2 * glow[2], "orange glow " + java.util.Arrays.toString(glow));
        assertTrue(zenith[2] > zenith[0], "blue zenith " + java.util.Arrays.toString(zenith));
    }

    @Test
    void twilightDimsTheSkyAHundredfoldBySixDegreesBelow() {
        double[] dusk = new double[3], civil = new double[3];
        Atmosphere.skyRadiance(1, 0, 0, dusk);
        Atmosphere.skyRadiance(1, 0, -6, civil);
        double night = Atmosphere.MOON_IRRADIANCE * Atmosphere.NIGHT_SKY;
        assertEquals(0.01, (civil[1] - night * Atmosphere.NIGHT_TINT[1]) / (dusk[1] - night * Atmosphere.NIGHT_TINT[1]), 1e-6);
    }

    @Test
    void theSkyTableMatchesTheModelItWasBakedFrom() {
        Sky sky = new Sky(30, 0, 0.5, Math.sqrt(0.75));
        double[] table = new double[3], exact = new double[3];
        for (double y : new double[] {0.01, 0.1, 0.3, 0.7, 0.95}) {
            for (double phi = 0; phi < 6.28; phi += 0.7) {
                double s = Math.sqrt(1 - y * y), x = s * Math.cos(phi), z = s * Math.sin(phi);
                sky.radiance(x, y, z, table, 0);
                Atmosphere.skyRadiance(y, x * sky.sunX + y * sky.sunY + z * sky.sunZ, 30, exact);
                for (int c = 0; c < 3; c++) assertEquals(exact[c], table[c], 0.03 * exact[c], "y " + y + " phi " + phi);
            }
        }
    }
}
