package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.audio.LoudnessMeter;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diorama acoustics} and {@code diorama generate -o FILE.wav}, as a user runs them. */
class AcousticsCommandTest {
    @TempDir
    Path dir;

    /** {format tag, channels, rate, bits} of a WAV file and its samples (full scale 1). */
    record Wav(List<Integer> header, double[][] samples) {}

    static Wav read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12, format = 0, channels = 0, rate = 0, bits = 0;
        while (at + 8 <= b.capacity()) {
            byte[] id = new byte[4];
            b.get(at, id);
            int size = b.getInt(at + 4);
            String name = new String(id, java.nio.charset.StandardCharsets.US_ASCII);
            if (name.equals("fmt ")) {
                format = b.getShort(at + 8);
                channels = b.getShort(at + 10);
                rate = b.getInt(at + 12);
                bits = b.getShort(at + 22);
            } else if (name.equals("data")) {
                int frames = size / (bits / 8 * channels);
                double[][] s = new double[channels][frames];
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++) {
                        int o = at + 8 + (i * channels + c) * (bits / 8);
                        s[c][i] = bits == 16 ? b.getShort(o) / 32767.0 : b.getFloat(o);
                    }
                }
                return new Wav(List.of(format, channels, rate, bits), s);
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk in " + p);
    }

    @Test
    void acousticsWritesTheImpulseResponseAndPrintsTheReverberation() throws IOException {
        Path ir = dir.resolve("bath.wav");
        CliTest.Run r = CliTest.run("acoustics", "a", "small", "tiled", "bathroom", "-o", ir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = SceneJson.MAPPER.readTree(r.out());
        assertEquals("tile", j.get("floor").asText());
        double w = j.get("size").get(0).asDouble(), h = j.get("size").get(1).asDouble(), d = j.get("size").get(2).asDouble();
        assertEquals(w * h * d, j.get("volume").asDouble(), 0.01);
        assertEquals(2 * (w * h + h * d + w * d), j.get("surface").asDouble(), 0.01);
        double rt60 = j.get("rt60").asDouble(), eyring = j.get("eyring").asDouble(), sabine = j.get("sabine").asDouble();
        assertTrue(eyring <= sabine && rt60 >= 0.9 * eyring && rt60 <= 1.1 * sabine, r.out());
        assertEquals(6, j.get("bands").size());
        Wav wav = read(ir);
        assertEquals(List.of(3, 1, 48_000, 32), wav.header(), "mono 32-bit float at 48 kHz");
        assertEquals(j.get("impulseResponse").get("seconds").asDouble(), wav.samples()[0].length / 48_000.0, 0.001);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the response alone, no temporary file");
        }
        CliTest.Run stereo = CliTest.run("acoustics", "a gym", "-o", dir.resolve("gym.wav").toString(), "--stereo");
        assertEquals(0, stereo.code(), stereo.err());
        assertTrue(stereo.out().contains("mid"), stereo.out());
        assertEquals(2, read(dir.resolve("gym.wav")).samples().length, "left and right");
    }

    @Test
    void aRoomItCannotReadIsBadInputAndWritesNothing() throws IOException {
        Path out = dir.resolve("x.wav");
        CliTest.Run words = CliTest.run("acoustics", "a purple bathroom", "-o", out.toString());
        assertEquals(2, words.code());
        assertTrue(words.err().contains("\"purple\"") && words.err().contains("bathroom"), words.err());
        CliTest.Run none = CliTest.run("acoustics", "a tiled", "-o", out.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("expected a kind of room"), none.err());
        CliTest.Run ext = CliTest.run("acoustics", "a gym", "-o", dir.resolve("x.mp3").toString());
        assertEquals(2, ext.code());
        // An outdoor scene has no room.
        CliTest.Run explain = CliTest.run("explain", "a red rubber ball drops onto a wooden floor");
        Path scene = dir.resolve("outdoor.json");
        Files.writeString(scene, explain.out());
        CliTest.Run outdoor = CliTest.run("acoustics", scene.toString(), "-o", out.toString());
        assertEquals(2, outdoor.code());
        assertTrue(outdoor.err().contains("indoor"), outdoor.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(scene), files.toList(), "nothing written");
        }
    }

    @Test
    void generateWritesTheSoundAloneAsAWav() throws IOException {
        Path wav = dir.resolve("drop.wav");
        CliTest.Run r = CliTest.run("generate", "a red rubber ball drops onto a wooden floor", "-o", wav.toString(),
                "--seconds", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        Wav w = read(wav);
        assertEquals(List.of(1, 2, 48_000, 16), w.header(), "stereo 16-bit PCM at 48 kHz");
        assertEquals(2 * 48_000, w.samples()[0].length, "the film's length");
        LoudnessMeter meter = new LoudnessMeter();
        meter.add(w.samples()[0], w.samples()[1], w.samples()[0].length);
        System.out.printf("generate -o drop.wav: %.2f LUFS, %.2f dBTP%n", meter.integrated(), meter.truePeakDb());
        assertTrue(meter.truePeakDb() <= -1.0 + 1e-3, "true peak " + meter.truePeakDb());
        assertTrue(meter.integrated() <= -16 + 0.5 && meter.integrated() > -50, "loudness " + meter.integrated());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(wav), files.toList(), "the sound alone");
        }
    }
}
