package dev.diorama.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's promise: picture and sound agree to the sample. A click written at a known sample
 * must come back at that sample, although the AAC encoder delays everything by its priming.
 */
class AudioSyncTest {

    static final int SAMPLE_RATE = 48_000;
    static final int FPS = 24;
    static final int FRAMES = 24;
    static final int LEFT_CLICK = 12_345;
    static final int RIGHT_CLICK = 30_001;
    /** One millisecond. */
    static final int TOLERANCE = 48;

    @TempDir
    static Path dir;
    static Path film;

    @BeforeAll
    static void writeClicks() {
        film = dir.resolve("clicks.mp4");
        int perFrame = SAMPLE_RATE / FPS;
        try (Mp4Writer writer = new Mp4Writer(film, 64, 64, FPS, SAMPLE_RATE)) {
            for (int i = 0; i < FRAMES; i++) {
                writer.writeFrame(Pictures.gradient(64, 64, i));
                float[] left = new float[perFrame];
                float[] right = new float[perFrame];
                int first = i * perFrame;
                if (LEFT_CLICK >= first && LEFT_CLICK < first + perFrame) {
                    left[LEFT_CLICK - first] = 0.9f;
                }
                if (RIGHT_CLICK >= first && RIGHT_CLICK < first + perFrame) {
                    right[RIGHT_CLICK - first] = -0.9f;
                }
                writer.writeAudio(left, right, perFrame);
            }
        }
    }

    static int loudest(float[] samples) {
        int at = 0;
        for (int k = 1; k < samples.length; k++) {
            if (Math.abs(samples[k]) > Math.abs(samples[at])) {
                at = k;
            }
        }
        return at;
    }

    @Test
    void clicksComeBackAtTheSampleTheyWereWritten() {
        try (MediaReader reader = new MediaReader(film)) {
            float[][] audio = reader.readAllAudio();
            assertEquals(FRAMES * SAMPLE_RATE / FPS, audio[0].length);
            int left = loudest(audio[0]);
            int right = loudest(audio[1]);
            System.out.printf("click written at %d/%d, decoded at %d/%d (offset %d/%d samples)%n",
                    LEFT_CLICK, RIGHT_CLICK, left, right, left - LEFT_CLICK, right - RIGHT_CLICK);
            assertTrue(Math.abs(left - LEFT_CLICK) <= TOLERANCE, "left click at " + left);
            assertTrue(Math.abs(right - RIGHT_CLICK) <= TOLERANCE, "right click at " + right);
            assertTrue(audio[1][right] < 0, "the right click keeps its sign (channels not swapped)");
        }
    }

    @Test
    void soundWrittenInOneBlockAfterAllPicturesLinesUpToo() {
        Path late = dir.resolve("late.mp4");
        int samples = FRAMES * SAMPLE_RATE / FPS;
        float[] left = new float[samples];
        float[] right = new float[samples];
        left[LEFT_CLICK] = 0.9f;
        right[RIGHT_CLICK] = -0.9f;
        try (Mp4Writer writer = new Mp4Writer(late, 64, 64, FPS, SAMPLE_RATE)) {
            for (int i = 0; i < FRAMES; i++) {
                writer.writeFrame(Pictures.gradient(64, 64, i));
            }
            writer.writeAudio(left, right, samples);
        }
        try (MediaReader reader = new MediaReader(late)) {
            float[][] audio = reader.readAllAudio();
            assertEquals(samples, audio[0].length);
            assertTrue(Math.abs(loudest(audio[0]) - LEFT_CLICK) <= TOLERANCE, "left click at " + loudest(audio[0]));
            assertTrue(Math.abs(loudest(audio[1]) - RIGHT_CLICK) <= TOLERANCE, "right click at " + loudest(audio[1]));
        }
    }

    @Test
    void withoutTheEditListTheClickIsLateByTheEncodersPriming() {
        // What the correction corrects: FFmpeg's AAC encoder primes with 1024 samples.
        float[][] raw = MediaReader.readRawAudio(film);
        int left = loudest(raw[0]);
        System.out.printf("ignoring the edit list the click is at %d (offset %d samples)%n", left, left - LEFT_CLICK);
        assertTrue(Math.abs(left - LEFT_CLICK - 1024) <= TOLERANCE, "raw click at " + left);
    }
}
