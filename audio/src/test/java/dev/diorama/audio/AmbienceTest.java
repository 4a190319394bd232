package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The place's ambience: quiet, what the place and the hour make, and a pure function of the sample index. */
class AmbienceTest {
    static Scene outdoorAt(LocalTime time) {
        return new Scene(7, 12, 24, 320, 180, 0, 9.81, time, Environment.outdoor(Material.WOOD), TestScenes.CAMERA, List.of());
    }

    static float[][] render(Ambience a, double seconds) {
        int n = (int) (seconds * SoundTrack.SAMPLE_RATE);
        float[] l = new float[n], r = new float[n];
        a.addTo(0, l, r, n);
        return new float[][] {l, r};
    }

    /** Power of x in [lo, hi) Hz, from a plain DFT on a 1 Hz grid of one second. */
    static double band(float[] x, double lo, double hi) {
        int n = SoundTrack.SAMPLE_RATE;
        double sum = 0;
        for (double f = lo; f < hi; f += 25) {
            double re = 0, im = 0, w = 2 * Math.PI * f / n;
            for (int i = 0; i < n; i++) {
                re += x[i] * Math.cos(w * i);
                im -= x[i] * Math.sin(w * i);
            }
            sum += re * re + im * im;
        }
        return sum;
    }

    static double rmsDb(float[] x) {
        double s = 0;
        for (float v : x) s += v * v;
        return 10 * Math.log10(s / x.length);
    }

    @Test
    void anyBlockSplitGivesTheSameSamples() {
        Ambience a = new Ambience(outdoorAt(LocalTime.of(20, 10)));
        float[][] whole = render(a, 2);
        int n = whole[0].length;
        float[] l = new float[n], r = new float[n];
        Ambience b = new Ambience(outdoorAt(LocalTime.of(20, 10)));
        for (int start = 0; start < n; ) {
            int len = Math.min(n - start, 1000 + start % 3001);
            float[] bl = new float[len], br = new float[len];
            b.addTo(start, bl, br, len);
            System.arraycopy(bl, 0, l, start, len);
            System.arraycopy(br, 0, r, start, len);
            start += len;
        }
        assertArrayEquals(whole[0], l);
        assertArrayEquals(whole[1], r);
    }

    @Test
    void itIsQuietAndBoundedByWhatItReports() {
        for (LocalTime time : new LocalTime[] {LocalTime.NOON, LocalTime.of(23, 0)}) {
            Ambience a = new Ambience(outdoorAt(time));
            float[][] x = render(a, 12);
            double db = rmsDb(x[0]);
            assertTrue(db > -75 && db < -50, "outdoor ambience at " + time + ": " + db + " dBFS RMS");
            for (float[] c : x) for (float v : c) assertTrue(Math.abs(v) <= a.peakBound());
            assertTrue(a.peakBound() < 0.02, "peak bound " + a.peakBound());
        }
    }

    @Test
    void birdsSingByDayAndCricketsChirpAtNight() {
        float[] day = render(new Ambience(outdoorAt(LocalTime.NOON)), 12)[0];
        float[] night = render(new Ambience(outdoorAt(LocalTime.of(23, 0))), 12)[0];
        // Crickets: a narrow line at 4.6 kHz (three crickets within +-3%), chirping ~110 times a minute.
        double line = 0, around = 0;
        for (int s = 0; s < 10; s++) {
            float[] second = java.util.Arrays.copyOfRange(night, s * 48_000, (s + 1) * 48_000);
            line += band(second, 4400, 4800);
            around += band(second, 3000, 3400) + band(second, 6000, 6400);
        }
        assertTrue(line > 100 * around, "night: a cricket line at 4.6 kHz, " + line + " vs " + around);
        // Chirp rate from the envelope: the 4.6 kHz line's energy in 5 ms frames (demodulated, so the
        // wind below 1 kHz stays out) repeats every 60/110 s (Dolbear's law at 20 C).
        int frame = 240, frames = night.length / frame;
        double[] e = new double[frames];
        double mean = 0, w = 2 * Math.PI * Ambience.CRICKET_HZ / SoundTrack.SAMPLE_RATE;
        for (int k = 0; k < frames; k++) {
            double re = 0, im = 0;
            for (int i = k * frame; i < (k + 1) * frame; i++) {
                re += night[i] * Math.cos(w * i);
                im -= night[i] * Math.sin(w * i);
            }
            e[k] = re * re + im * im;
            mean += e[k] / frames;
        }
        int bestLag = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 80; lag <= 140; lag++) {
            double c = 0;
            for (int k = 0; k + lag < frames; k++) c += (e[k] - mean) * (e[k + lag] - mean);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        assertEquals(60.0 / 110, bestLag * 0.005, 0.006, "chirp period");
        // By day: birdsong between 2.5 and 6 kHz and no cricket line (its band holds what the birds put there).
        double birds = 0, windOnly = 0;
        for (int s = 0; s < 10; s++) {
            float[] second = java.util.Arrays.copyOfRange(day, s * 48_000, (s + 1) * 48_000);
            birds += band(second, 2500, 6000);
            windOnly += band(second, 9000, 12500);
        }
        assertTrue(birds > 100 * windOnly, "day: birdsong in 2.5-6 kHz, " + birds + " vs " + windOnly);
    }

    @Test
    void aRoomHumsLowAndSoftly() {
        Scene indoor = new Scene(7, 4, 24, 320, 180, 0, 9.81, LocalTime.NOON,
                Environment.indoor(Material.WOOD, new Room(new Vec3(4, 3, 5), Material.STONE, Material.STONE)),
                TestScenes.CAMERA, List.of());
        float[] x = render(new Ambience(indoor), 1)[0];
        double db = rmsDb(x);
        assertTrue(db > -70 && db < -60, "room tone " + db + " dBFS RMS");
        assertTrue(band(x, 50, 1000) > 30 * band(x, 4000, 8000), "weighted to the low end");
    }
}
