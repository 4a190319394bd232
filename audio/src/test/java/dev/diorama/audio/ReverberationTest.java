package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendered impulse responses of three rooms decay as statistical room acoustics says: the
 * reverberation time measured on them (Schroeder, T30, octave bands) lies between Eyring's and
 * Sabine's predictions, and the rooms come in the order their absorption puts them.
 */
class ReverberationTest {
    private static final String[] ROOMS = {"a small tiled bathroom", "a carpeted bedroom", "a stone hall"};

    /** {T30 measured, Eyring, Sabine} in the 500 Hz and 1 kHz bands, then their mid values. */
    private static double[][] measure(String words) {
        RoomDescription d = RoomDescription.parse(words);
        RoomImpulseResponse ir = RoomImpulseResponse.omni(d.room(), d.source(), d.listener(), 1);
        double[][] r = new double[3][3];
        int[] bands = {OctaveBands.B500, OctaveBands.B1000};
        for (int i = 0; i < 2; i++) {
            int b = bands[i];
            r[i][0] = DecayAnalysis.rt60(ir.channels()[0], b);
            r[i][1] = d.room().eyring(b);
            r[i][2] = d.room().sabine(b);
            System.out.printf("%s (%s), %4.0f Hz: T30 %.3f s, Eyring %.3f s, Sabine %.3f s, mean absorption %.3f, %d images, mixing %.0f ms%n",
                    words, d.room(), OctaveBands.centre(b), r[i][0], r[i][1], r[i][2], d.room().meanAbsorption(b),
                    ir.imageCount(), ir.mixingTime() * 1e3);
        }
        for (int k = 0; k < 3; k++) r[2][k] = RoomAcoustics.mid(r[0][k], r[1][k]);
        return r;
    }

    @Test
    void theMeasuredReverberationTimeOfThreeRoomsLiesBetweenEyringAndSabine() {
        double[] mids = new double[ROOMS.length];
        for (int k = 0; k < ROOMS.length; k++) {
            double[][] r = measure(ROOMS[k]);
            for (double[] band : r) {
                double t30 = band[0], eyring = band[1], sabine = band[2];
                assertTrue(t30 >= 0.9 * eyring && t30 <= 1.1 * sabine,
                        ROOMS[k] + ": T30 " + t30 + " s outside [0.9 Eyring, 1.1 Sabine] = [" + 0.9 * eyring + ", " + 1.1 * sabine + "]");
            }
            mids[k] = r[2][0];
        }
        // The carpet absorbs most, the small tiled room little but it is small, the stone hall is large and hard.
        assertTrue(mids[1] < mids[0] && mids[0] < mids[2], "bedroom < bathroom < hall: " + java.util.Arrays.toString(mids));
    }

    @Test
    void theFloorBounceArrivesAfterItsGeometricPathToTheSample() {
        // A tall room, source and listener 1 m above the floor and 3 m apart: the floor bounce is the
        // first reflection (the walls are 4 m away and the ceiling 5 m above).
        RoomAcoustics room = new RoomAcoustics(new Vec3(10, 6, 10), Surface.WOOD_FLOOR, Surface.PLASTER, Surface.PLASTER);
        Vec3 source = new Vec3(-1.5, 1, 0), listener = new Vec3(1.5, 1, 0);
        RoomImpulseResponse ir = RoomImpulseResponse.omni(room, source, listener, 3);
        double[] h = ir.channels()[0];
        double c = RoomAcoustics.SPEED_OF_SOUND, fs = SoundTrack.SAMPLE_RATE;
        long direct = Math.round(3 / c * fs), bounce = Math.round(Math.hypot(3, 2) / c * fs);
        List<ImageSource> images = ImageSource.upToOrder(room, source, listener, 1);
        assertEquals(3, images.get(0).distance(), 1e-12, "the direct path");
        assertTrue(images.get(1).isFloorBounce(), "the nearest image is the floor's");
        assertEquals(Math.hypot(3, 2), images.get(1).distance(), 1e-12, "via the floor: sqrt(3^2 + 2^2) m");
        assertEquals(direct, argmax(h, 0, (int) direct + 20), "the direct sound's sample");
        assertEquals(bounce, argmax(h, (int) direct + 20, (int) bounce + 100), "the floor bounce's sample");
        // Their strength (the root of the energy around each tap: a fractional-delay tap spreads over
        // a few samples): 1/r, and for the bounce 1/r times the floor's reflection, sqrt(1 - alpha).
        double r = Math.hypot(3, 2);
        assertEquals(1 / 3.0, rms(h, (int) direct, 40), 0.05 / 3, "the direct sound: 1/r");
        double beta = room.floor().reflection(OctaveBands.B500);
        assertEquals(beta / r, rms(h, (int) bounce, 40), 0.05 / r, "the floor bounce: sqrt(1 - alpha) / r");
    }

    private static double rms(double[] x, int centre, int half) {
        double e = 0;
        for (int i = centre - half; i <= centre + half; i++) e += x[i] * x[i];
        return Math.sqrt(e);
    }

    private static int argmax(double[] x, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) if (Math.abs(x[i]) > Math.abs(x[best])) best = i;
        return best;
    }
}
