package dev.diorama.audio;

import dev.diorama.scene.LiquidSound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The liquids' sounds: every bubble the simulation caught rings as a {@link Bubble} (Minnaert's
 * frequency, van den Doel's damping and rising pitch), every splash as a short burst of noise; each
 * placed at its point as the camera hears it at its time (level by distance, pan and interaural
 * delay, like the impacts) and, indoors, sent to the room.
 *
 * <p>Onsets are the events' times (as for impacts: the reference is the event, not the arrival).
 * Levels: a bubble's peak at the reference distance is {@value #BUBBLE_GAIN} × (r / 1 mm) of full
 * scale before the film's gain (larger bubbles radiate more; van den Doel takes the amplitude as a
 * power of the radius between 1 and 1.5); a splash's is {@value #SPLASH_GAIN} × its approach speed
 * (m/s) × the cube root of its volume in cubic centimetres. Both constants are chosen so that a
 * dropped block's splash sits a little under the knock of a ball on the floor, not measured.
 * A splash's noise is a seeded white noise through a one-pole high-pass at 300 Hz and a low-pass at
 * 4 kHz (the hiss of a breaking surface), decaying with a time constant of 25 ms.
 */
final class LiquidVoices {
    static final double BUBBLE_GAIN = 0.02;
    static final double SPLASH_GAIN = 0.01;
    static final double SPLASH_DECAY = 0.025;
    private static final double SR = SoundTrack.SAMPLE_RATE;

    /** One sound: onset sample, end sample (exclusive), ear gains and delays, and what it is. */
    private record Voice(long onset, long end, Spatializer.Placement ears, Bubble bubble, float[] burst) {}

    private final Voice[] voices;
    /** Running maximum of the voices' ends, in onset order. */
    private final long[] maxEnd;

    /**
     * @param sounds the simulation's bubbles and splashes
     * @param place  where the camera hears a point at a time
     * @param seed   the scene's seed (the splashes' noise)
     */
    LiquidVoices(List<LiquidSound> sounds, BiFunction<dev.diorama.scene.Vec3, Double, Spatializer.Placement> place, long seed) {
        List<Voice> list = new ArrayList<>();
        int index = 0;
        for (LiquidSound s : sounds) {
            index++;
            if (!(Double.isFinite(s.t()) && s.t() >= 0)) continue;
            long onset = Math.round(s.t() * SR);
            Spatializer.Placement ears = place.apply(s.point(), s.t());
            if (LiquidSound.BUBBLE.equals(s.kind())) {
                if (!(s.radius() > 0)) continue;
                Bubble b = new Bubble(s.radius(), BUBBLE_GAIN * s.radius() / 1e-3);
                long length = (long) Math.ceil(b.duration(3.16e-5) * SR) + 1;
                list.add(new Voice(onset, onset + length + maxDelay(ears), ears, b, null));
            } else if (LiquidSound.SPLASH.equals(s.kind())) {
                double amp = SPLASH_GAIN * Math.max(0, s.speed()) * Math.cbrt(Math.max(0, s.volume()) * 1e6);
                if (!(amp > 0)) continue;
                float[] burst = burst(amp, seed, index);
                list.add(new Voice(onset, onset + burst.length + maxDelay(ears), ears, null, burst));
            }
        }
        list.sort(Comparator.comparingLong(Voice::onset));
        voices = list.toArray(new Voice[0]);
        maxEnd = new long[voices.length];
        long m = Long.MIN_VALUE;
        for (int i = 0; i < voices.length; i++) maxEnd[i] = m = Math.max(m, voices[i].end());
    }

    private static long maxDelay(Spatializer.Placement ears) {
        return (long) Math.ceil(Math.max(ears.delayLeft(), ears.delayRight())) + 1;
    }

    /** A splash's samples: filtered, decaying noise of peak about {@code amp}, to -80 dB. */
    private static float[] burst(double amp, long seed, int index) {
        int n = (int) Math.ceil(SPLASH_DECAY * Math.log(1e4) * SR);
        float[] out = new float[n];
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        double hp = Math.exp(-2 * Math.PI * 300 / SR), lp = Math.exp(-2 * Math.PI * 4000 / SR);
        double prevIn = 0, high = 0, low = 0;
        for (int k = 0; k < n; k++) {
            double x = 2 * random.nextDouble() - 1;
            high = hp * (high + x - prevIn);
            prevIn = x;
            low = (1 - lp) * high + lp * low;
            // The attack rises over 1 ms, then the burst decays.
            double env = Math.min(1, k / (0.001 * SR)) * Math.exp(-k / (SPLASH_DECAY * SR));
            out[k] = (float) (amp * 2 * low * env);
        }
        return out;
    }

    boolean isEmpty() { return voices.length == 0; }

    /** An upper bound of any voice's peak in either ear, full scale before the film's gain. */
    double peakBound() {
        double m = 0;
        for (Voice v : voices) {
            double g = Math.max(v.ears().gainLeft(), v.ears().gainRight());
            double a = v.bubble() != null ? Math.abs(v.bubble().amplitude()) : 0;
            if (v.burst() != null) for (float x : v.burst()) a = Math.max(a, Math.abs(x));
            m = Math.max(m, g * a);
        }
        return m;
    }

    /** Number of sounding bubbles and splashes. */
    int count() { return voices.length; }

    /** One past the last sample any voice contributes to; 0 without voices. */
    long end() {
        return voices.length == 0 ? 0 : maxEnd[voices.length - 1];
    }

    /** Adds samples [start, start + n) into left and right (and the unpanned sound into send, if not null). */
    void addTo(long start, double[] left, double[] right, double[] send, int n) {
        long stop = start + n;
        int lo = 0, hi = voices.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEnd[mid] > start) hi = mid;
            else lo = mid + 1;
        }
        for (int i = lo; i < voices.length && voices[i].onset() < stop; i++) {
            Voice v = voices[i];
            if (v.end() <= start) continue;
            addEar(v, v.ears().gainLeft(), v.ears().delayLeft(), start, left, n);
            addEar(v, v.ears().gainRight(), v.ears().delayRight(), start, right, n);
            if (send != null) addEar(v, 1, 0, start, send, n);
        }
    }

    /** One ear: the voice delayed by {@code delay} samples (fractional, by linear interpolation of its signal's time). */
    private static void addEar(Voice v, double gain, double delay, long start, double[] out, int n) {
        int k0 = (int) Math.max(0, v.onset() - start);
        int k1 = (int) Math.min(n, v.end() - start);
        for (int k = k0; k < k1; k++) {
            double t = (start + k - v.onset() - delay) / SR;
            if (t < 0) continue;
            double x;
            if (v.bubble() != null) {
                x = v.bubble().sample(t);
            } else {
                double pos = t * SR;
                int i = (int) pos;
                if (i + 1 >= v.burst().length) continue;
                double f = pos - i;
                x = v.burst()[i] * (1 - f) + v.burst()[i + 1] * f;
            }
            out[k] += gain * x;
        }
    }
}
