package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Snell, Fresnel and the microfacet highlight. */
class OpticsTest {
    @Test
    void refractionObeysSnellsLaw() {
        double[] out = new double[3];
        for (double degrees = 0; degrees < 89; degrees += 7) {
            double a = Math.toRadians(degrees);
            // Into glass (n = 1.5) through the surface y = 0, normal +y, coming down.
            double cosT = Optics.refract(Math.sin(a), -Math.cos(a), 0, 0, 1, 0, 1 / 1.5, out);
            double sinT = Math.hypot(out[0], out[2]);
            assertEquals(Math.sin(a) / 1.5, sinT, 1e-12);
            assertEquals(Math.sqrt(1 - sinT * sinT), cosT, 1e-12);
            assertEquals(1, Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]), 1e-12);
            assertTrue(out[1] < 0, "goes on into the glass");
        }
    }

    @Test
    void totalInternalReflectionBeyondTheCriticalAngle() {
        double critical = Math.asin(1 / 1.5);
        double[] out = new double[3];
        double below = critical - 0.01, beyond = critical + 0.01;
        assertTrue(Optics.refract(Math.sin(below), -Math.cos(below), 0, 0, 1, 0, 1.5, out) >= 0);
        assertEquals(-1, Optics.refract(Math.sin(beyond), -Math.cos(beyond), 0, 0, 1, 0, 1.5, out));
    }

    @Test
    void fresnelGoesFromF0AtNormalIncidenceToOneAtGrazing() {
        double f0 = Optics.f0(1.5);
        assertEquals(0.04, f0, 1e-12);
        assertEquals(f0, Optics.schlick(1, f0), 1e-12);
        assertEquals(1, Optics.schlick(0, f0), 1e-12);
        assertTrue(Optics.schlick(0.2, f0) > Optics.schlick(0.5, f0));
        assertEquals(f0, Optics.schlickRough(0, f0, 1), 1e-12);  // a fully rough surface never brightens
    }

    @Test
    void theGgxLobeHoldsItsEnergyAtNormalIncidence() {
        // The integral of D(h) (n . h) over the hemisphere is 1 for any alpha.
        for (double alpha : new double[] {0.05, 0.3, 0.8}) {
            double a2 = alpha * alpha, sum = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                double cos = (i + 0.5) / n, q = cos * cos * (a2 - 1) + 1;
                sum += a2 / (Math.PI * q * q) * cos * 2 * Math.PI / n;
            }
            assertEquals(1, sum, 1e-3, "alpha " + alpha);
        }
    }
}
