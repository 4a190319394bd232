package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.scene.SceneJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void explainPrintsTheSceneItUnderstoodAndRenderFilmsItBack() throws IOException {
        Run r = run("explain", "a red rubber ball and a steel ball drop onto a wooden floor at sunset");
        assertEquals(0, r.code(), r.err());
        JsonNode scene = SceneJson.MAPPER.readTree(r.out());
        assertEquals(2, scene.get("objects").size());
        assertEquals("wood", scene.get("environment").get("floor").asText());
        Path file = dir.resolve("scene.json");
        Files.writeString(file, r.out());
        Path png = dir.resolve("still.png");
        Run render = run("render", file.toString(), "-o", png.toString(), "--size", "160x90", "--at", "0.5", "--quiet");
        assertEquals(0, render.code(), render.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void generateWritesTheFilmAndItsGroundTruth() throws IOException {
        Path mp4 = dir.resolve("drop.mp4");
        Run r = run("generate", "a red rubber ball drops onto a wooden floor", "-o", mp4.toString(),
                "--size", "160x90", "--seconds", "1", "--seed", "42", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(mp4) > 1000);
        JsonNode sidecar = SceneJson.MAPPER.readTree(dir.resolve("drop.json").toFile());
        assertEquals(42, sidecar.get("seed").asLong());
        assertEquals(24, sidecar.get("frames").size());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the film and its sidecar, no temporary files");
        }
    }

    /**
     * The sound's loudness as mastered is reported, and it is what a loudness meter reads on the
     * file: a ball ringing in a stone room reaches the -16 LUFS target; dry knocks outdoors stay
     * below it, and the line says why.
     */
    @Test
    void generateReportsTheLoudnessTheSoundWasMasteredTo() throws IOException {
        for (String prompt : List.of("a steel ball drops onto a stone floor in a stone hall",
                "a red rubber ball and a steel ball drop onto a wooden floor at sunset")) {
            Path wav = dir.resolve("sound.wav");
            Run r = run("generate", prompt, "-o", wav.toString(), "--seconds", "2");
            assertEquals(0, r.code(), r.err());
            var m = java.util.regex.Pattern.compile("diorama: sound at (-?[0-9.]+) LUFS integrated, true peak (-?[0-9.]+) dBTP(.*)")
                    .matcher(r.err());
            assertTrue(m.find(), r.err());
            double lufs = Double.parseDouble(m.group(1)), peak = Double.parseDouble(m.group(2));
            dev.diorama.audio.LoudnessMeter meter = meter(wav);
            String all = prompt + ": " + r.err();
            assertEquals(meter.integrated(), lufs, 0.15, all);
            assertEquals(meter.truePeakDb(), peak, 0.15, all);
            assertTrue(peak <= -0.95, all);
            if (prompt.contains("hall")) {
                assertEquals(-16, lufs, 0.5, all);
                assertEquals("", m.group(3), all);
            } else {
                assertTrue(lufs < -20, all);
                assertTrue(m.group(3).startsWith(", below the -16 LUFS target: its sounds are short knocks"), all);
            }
        }
    }

    /** Our BS.1770 meter run over a 16-bit stereo WAV as `-o FILE.wav` writes it (44-byte header). */
    static dev.diorama.audio.LoudnessMeter meter(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = (bytes.length - 44) / 4;
        float[] left = new float[n], right = new float[n];
        for (int i = 0; i < n; i++) {
            left[i] = b.getShort() / 32768f;
            right[i] = b.getShort() / 32768f;
        }
        dev.diorama.audio.LoudnessMeter meter = new dev.diorama.audio.LoudnessMeter();
        meter.add(left, right, n);
        return meter;
    }

    /**
     * A film shorter than BS.1770's first 0.4 s block has no integrated loudness: its sound's true
     * peak is brought to the ceiling and the line says so (such a film was written as NaN before).
     */
    @Test
    void aFilmTooShortForAnIntegratedLoudnessSaysSoAndPeaksAtTheCeiling() throws IOException {
        Path wav = dir.resolve("short.wav");
        Run r = run("generate", "a steel ball drops from 10 cm onto a stone floor", "-o", wav.toString(), "--seconds", "0.3");
        assertEquals(0, r.code(), r.err());
        var m = java.util.regex.Pattern.compile("diorama: sound with its true peak at (-?[0-9.]+) dBTP; it has no integrated"
                + " loudness to bring to -16 LUFS \\(BS.1770 needs 0.4 s above -70 LUFS: the film is shorter").matcher(r.err());
        assertTrue(m.find(), r.err());
        dev.diorama.audio.LoudnessMeter meter = meter(wav);
        assertEquals(Double.NEGATIVE_INFINITY, meter.integrated(), r.err());
        assertEquals(-1.0, Double.parseDouble(m.group(1)), 0.05, r.err());
        assertEquals(-1.0, meter.truePeakDb(), 0.15, "the file's true peak: " + r.err());
    }

    @Test
    void anUnknownWordIsReportedAndStrictMakesItAnError() {
        Run lenient = run("explain", "a red rubber ball flibbertigibbet");
        assertEquals(0, lenient.code());
        assertTrue(lenient.err().contains("flibbertigibbet"), lenient.err());
        Run strict = run("explain", "--strict", "a red rubber ball flibbertigibbet");
        assertEquals(2, strict.code());
        assertTrue(strict.err().contains("flibbertigibbet"), strict.err());
        assertEquals("", strict.out());
    }

    static List<List<String>> badInputs() {
        String prompt = "a red rubber ball drops onto a wooden floor";
        return List.of(
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--bogus"),
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--size", "0x0"),
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--size", "big"),
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--fps", "0"),
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--seconds", "100000"),
                List.of("generate", prompt, "-o", "OUT/x.mp4", "--seconds", "-1"),
                List.of("generate", "   ", "-o", "OUT/x.mp4"),
                List.of("generate", "ball ".repeat(1000), "-o", "OUT/x.mp4"),
                List.of("generate", prompt, "-o", "OUT/x.avi"),
                List.of("generate", prompt, "-o", "OUT/missing-dir/x.mp4"),
                List.of("generate", prompt, "-o", "OUT/x.png", "--at", "99"),
                List.of("generate", prompt),
                List.of("render", "OUT/nope.json", "-o", "OUT/x.mp4"),
                List.of("frobnicate"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputExitsTwoWithAClearMessageAndWritesNothing(List<String> args) throws IOException {
        String[] a = args.stream().map(s -> s.replace("OUT", dir.toString())).toArray(String[]::new);
        Run r = run(a);
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        assertFalse(r.err().isBlank(), "a message");
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().startsWith("diorama: "), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
    }

    /**
     * A simulation that leaves physics (a body faster than sound: here thrown so; a liquid's
     * coupling once threw a bottle so) stops with what happened, exit 1, no stack trace, nothing
     * written; it used to reach the encoder as NaN sound and an "internal error".
     */
    @Test
    void aSimulationGoneWrongStopsWithWhatHappenedAndWritesNothing() throws IOException {
        Path file = dir.resolve("fast.json");
        Files.writeString(file, """
                {"seconds": 1, "size": "64x36", "objects": [{"id": "bullet", "shape": "ball", "material": "steel",
                 "size": 0.02, "position": [0, 1, 0], "velocity": [0, 0, 600]}]}
                """);
        Path out = dir.resolve("fast.mp4");
        Run r = run("render", file.toString(), "-o", out.toString());
        assertEquals(1, r.code(), r.err());
        // Fired at 600 m/s, it has slowed in the air by the first frame, v0 / (1 + k v0 t) with
        // k = rho C_d A / 2m: 564 m/s at 1/24 s for C_d = 0.44; still faster than sound.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "the simulation stopped at 0\\.04 s: \"bullet\" moved at (\\d+) m/s, faster than sound").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(564, Integer.parseInt(m.group(1)), 5, r.err());
        assertTrue(r.err().contains("nothing was written") && !r.err().contains("internal error") && !r.err().contains("at dev."), r.err());
        assertFalse(Files.exists(out), "no film");
    }

    @Test
    void anInvalidSceneFileNamesTheJsonPointerAndTheExpectation() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"objects": [{"id": "b", "shape": "ball", "material": "rubber", "size": [0.2, 0.2, 0.2],
                              "position": [0, "high", 0]}]}
                """);
        Run r = run("render", file.toString(), "-o", dir.resolve("x.mp4").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("/objects/0/position/1"), r.err());
        assertTrue(r.err().contains("expected a number"), r.err());
        Files.writeString(file, """
                {"objects": [{"id": "b", "shape": "ball", "material": "unobtainium", "size": 0.2, "position": [0, 1, 0]}]}
                """);
        r = run("render", file.toString(), "-o", dir.resolve("x.mp4").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("/objects/0/material") && r.err().contains("\"rubber\""), r.err());
        Files.writeString(file, "{\"objects\": [}");
        r = run("render", file.toString(), "-o", dir.resolve("x.mp4").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected valid JSON"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing written beside the input");
        }
    }
}
