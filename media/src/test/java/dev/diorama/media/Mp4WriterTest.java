package dev.diorama.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4WriterTest {

    @TempDir
    Path dir;

    /** Writes {@code frames} gradient frames with a quiet two-tone sound, the audio after each frame. */
    private static void writeFilm(Path file, int width, int height, int fps, int sampleRate, int frames) {
        try (Mp4Writer writer = new Mp4Writer(file, width, height, fps, sampleRate)) {
            long written = 0;
            for (int i = 0; i < frames; i++) {
                writer.writeFrame(Pictures.gradient(width, height, i));
                long end = Math.ceilDiv((long) (i + 1) * sampleRate, fps);
                int n = (int) (end - written);
                float[] left = new float[n];
                float[] right = new float[n];
                for (int k = 0; k < n; k++) {
                    double t = (written + k) / (double) sampleRate;
                    left[k] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * t));
                    right[k] = (float) (0.25 * Math.sin(2 * Math.PI * 550 * t));
                }
                writer.writeAudio(left, right, n);
                written = end;
            }
        }
    }

    /** Checks the description, every decoded frame and the sound's length; returns the info. */
    private static MediaInfo checkRoundTrip(Path file, int width, int height, int fps, int sampleRate, int frames) {
        try (MediaReader reader = new MediaReader(file)) {
            MediaInfo info = reader.info();
            assertEquals(2, info.streams());
            assertEquals("h264", info.videoCodec());
            assertEquals("aac", info.audioCodec());
            assertEquals(width, info.width());
            assertEquals(height, info.height());
            assertEquals(fps, info.fps(), 1e-6);
            assertEquals(frames, info.frameCount());
            assertEquals(sampleRate, info.sampleRate());
            assertEquals(2, info.channels());
            double expected = frames / (double) fps;
            assertEquals(expected, info.durationSeconds(), 1.0 / fps,
                    "duration " + info.durationSeconds() + " s vs " + expected + " s of frames");

            int count = 0;
            byte[] decoded;
            while ((decoded = reader.nextFrame()) != null) {
                assertEquals(width * height * 3, decoded.length);
                double error = Pictures.meanAbsError(Pictures.gradient(width, height, count), decoded);
                assertTrue(error < 6, "frame " + count + " mean abs error " + error);
                count++;
            }
            assertEquals(frames, count);
            assertNull(reader.nextFrame(), "stays at the end");

            float[][] audio = reader.readAllAudio();
            assertEquals(2, audio.length);
            long videoSamples = Math.ceilDiv((long) frames * sampleRate, fps);
            assertEquals(videoSamples, audio[0].length, "sound as long as the picture, to the sample");
            assertEquals(videoSamples, audio[1].length);
            return info;
        }
    }

    @Test
    void landscape720pRoundTripsWithBothStreams() {
        Path file = dir.resolve("landscape.mp4");
        writeFilm(file, 1280, 720, 24, 48_000, 24);
        checkRoundTrip(file, 1280, 720, 24, 48_000, 24);
    }

    @Test
    void portrait720x1280RoundTrips() {
        Path file = dir.resolve("portrait.mp4");
        writeFilm(file, 720, 1280, 24, 48_000, 12);
        checkRoundTrip(file, 720, 1280, 24, 48_000, 12);
    }

    @Test
    void tinyPictureAtHighFrameRateRoundTrips() {
        // 10 frames at 120 fps = 4000 samples: less than four AAC frames, so the edit list must cut.
        Path file = dir.resolve("tiny.mp4");
        writeFilm(file, 16, 16, 120, 48_000, 10);
        checkRoundTrip(file, 16, 16, 120, 48_000, 10);
    }

    @Test
    void oneFramePerSecondWithOddSizeAndRate() {
        Path file = dir.resolve("slow.mp4");
        writeFilm(file, 98, 54, 1, 44_100, 3);
        checkRoundTrip(file, 98, 54, 1, 44_100, 3);
    }

    @Test
    void frameRateThatDoesNotDivideTheSampleRateKeepsExactLengths() {
        // 48000 / 7 is not a whole number of samples per frame: the writer counts samples, not seconds.
        Path file = dir.resolve("seven.mp4");
        writeFilm(file, 160, 90, 7, 48_000, 10);
        checkRoundTrip(file, 160, 90, 7, 48_000, 10);
    }

    @Test
    void largestPictureAtTheHighestFrameRateEncodes() {
        Path file = dir.resolve("uhd.mp4");
        writeFilm(file, 3840, 2160, 120, 48_000, 2);
        checkRoundTrip(file, 3840, 2160, 120, 48_000, 2);
    }

    @Test
    void solidColourKeepsItsHue() {
        // Catches a matrix or range mismatch between writer and reader (BT.709 limited both ways).
        Path file = dir.resolve("solid.mp4");
        byte[] picture = Pictures.solid(64, 64, 40, 120, 200);
        try (Mp4Writer writer = new Mp4Writer(file, 64, 64, 24, 48_000)) {
            writer.writeFrame(picture);
            writer.writeFrame(picture);
        }
        try (MediaReader reader = new MediaReader(file)) {
            byte[] decoded = reader.nextFrame();
            for (int c = 0; c < 3; c++) {
                int expected = picture[c] & 0xff;
                int actual = decoded[32 * 64 * 3 + 32 * 3 + c] & 0xff;
                assertTrue(Math.abs(expected - actual) <= 3, "channel " + c + ": " + expected + " -> " + actual);
            }
        }
    }

    @Test
    void missingSoundIsPaddedWithSilenceToThePicturesLength() {
        Path file = dir.resolve("silent.mp4");
        try (Mp4Writer writer = new Mp4Writer(file, 32, 32, 25, 48_000)) {
            for (int i = 0; i < 5; i++) {
                writer.writeFrame(Pictures.gradient(32, 32, i));
            }
            writer.writeAudio(new float[] {0.5f, -0.5f}, new float[] {0.25f, -0.25f}, 2);
        }
        try (MediaReader reader = new MediaReader(file)) {
            float[][] audio = reader.readAllAudio();
            assertEquals(5 * 48_000 / 25, audio[0].length);
            float peak = 0;
            for (int k = 4800; k < audio[0].length; k++) {
                peak = Math.max(peak, Math.abs(audio[0][k]));
            }
            assertTrue(peak < 1e-3, "silence after the two samples, peak " + peak);
        }
    }

    @Test
    void indexIsAtTheFrontOfTheFile() throws IOException {
        Path file = dir.resolve("faststart.mp4");
        writeFilm(file, 64, 64, 24, 48_000, 6);
        List<String> boxes = topLevelBoxes(file);
        assertTrue(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"),
                "moov before mdat: " + boxes);
    }

    private static List<String> topLevelBoxes(Path file) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
        List<String> names = new ArrayList<>();
        int position = 0;
        while (position + 8 <= data.limit()) {
            long size = Integer.toUnsignedLong(data.getInt(position));
            byte[] type = new byte[4];
            data.get(position + 4, type);
            names.add(new String(type, StandardCharsets.US_ASCII));
            if (size == 1) {
                size = data.getLong(position + 8);
            } else if (size == 0) {
                break;
            }
            position += (int) size;
        }
        return names;
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsOpened() {
        Path file = dir.resolve("bad.mp4");
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 15, 16, 24, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 8, 8, 24, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 4096, 2160, 24, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 64, 64, 0, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 64, 64, 121, 48_000));
        assertThrows(IllegalArgumentException.class, () -> new Mp4Writer(file, 64, 64, 24, 47_000));
        assertFalse(Files.exists(file));
    }

    @Test
    void wrongBlocksAreRejectedAndTheWriterStaysUsable() {
        Path file = dir.resolve("usable.mp4");
        try (Mp4Writer writer = new Mp4Writer(file, 32, 32, 24, 48_000)) {
            assertThrows(IllegalArgumentException.class, () -> writer.writeFrame(new byte[10]));
            assertThrows(IllegalArgumentException.class, () -> writer.writeAudio(new float[2], new float[1], 2));
            assertThrows(IllegalArgumentException.class,
                    () -> writer.writeAudio(new float[] {Float.NaN}, new float[] {0}, 1));
            writer.writeFrame(Pictures.gradient(32, 32, 0));
            assertEquals(1, writer.frameCount());
        }
        try (MediaReader reader = new MediaReader(file)) {
            assertEquals(1, reader.info().frameCount());
        }
    }

    @Test
    void unwritablePathFailsWithAClearMessageAndLeavesNothingOpen() {
        Path file = dir.resolve("no-such-folder").resolve("film.mp4");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new Mp4Writer(file, 64, 64, 24, 48_000));
        assertTrue(e.getMessage().contains("film.mp4"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void closeIsIdempotentAndWritingAfterItFails() {
        Path file = dir.resolve("closed.mp4");
        Mp4Writer writer = new Mp4Writer(file, 32, 32, 24, 48_000);
        writer.writeFrame(Pictures.gradient(32, 32, 0));
        writer.close();
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.writeFrame(Pictures.gradient(32, 32, 1)));
        assertTrue(Files.exists(file));
    }

    @Test
    void readerRejectsAFileThatIsNotMedia() throws IOException {
        Path file = dir.resolve("text.mp4");
        Files.writeString(file, "not a film");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new MediaReader(file));
        assertTrue(e.getMessage().contains("text.mp4"), e.getMessage());
        assertTrue(e.getMessage().contains("moov atom not found"), "FFmpeg's own words: " + e.getMessage());
    }

    @Test
    void sameInputGivesTheSameFileAndTheSameDecodedFilm() throws IOException {
        Path first = dir.resolve("first.mp4");
        Path second = dir.resolve("second.mp4");
        writeFilm(first, 320, 240, 24, 48_000, 30);
        writeFilm(second, 320, 240, 24, 48_000, 30);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "byte-identical files");
        try (MediaReader a = new MediaReader(first); MediaReader b = new MediaReader(second)) {
            byte[] frameA;
            int frames = 0;
            while ((frameA = a.nextFrame()) != null) {
                assertArrayEquals(frameA, b.nextFrame(), "frame " + frames);
                frames++;
            }
            assertNull(b.nextFrame());
            assertEquals(30, frames);
            float[][] soundA = a.readAllAudio();
            float[][] soundB = b.readAllAudio();
            assertArrayEquals(soundA[0], soundB[0]);
            assertArrayEquals(soundA[1], soundB[1]);
        }
    }
}
