package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.media.Mp4Writer;
import dev.diorama.scene.SceneJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandsTest {
    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    static void badInput(CliTest.Run r, String mentions) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("diorama: "), r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    static void silentMp4(Path file, int w, int h, int fps, int frames) {
        try (Mp4Writer writer = new Mp4Writer(file, w, h, fps, 48000)) {
            float[] silence = new float[48000 / fps];
            for (int i = 0; i < frames; i++) {
                writer.writeFrame(new byte[w * h * 3]);
                writer.writeAudio(silence, silence, silence.length);
            }
        }
    }

    static long count(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void evalPhysicsRefusesBadInputWithOneLine() throws Exception {
        badInput(run("eval-physics", "--videos", dir.resolve("nowhere").toString()), "--videos");
        badInput(run("eval-physics", "--family", "liquids"), "expected one or more of fall, collision");

        Path answers = Files.createDirectory(dir.resolve("answers"));
        silentMp4(answers.resolve("no-such-scenario.mp4"), 64, 64, 24, 48);
        badInput(run("eval-physics", "--videos", answers.toString()), "names no scenario");
        Files.delete(answers.resolve("no-such-scenario.mp4"));

        silentMp4(answers.resolve("fall-01.mp4"), 32, 32, 24, 48);
        badInput(run("eval-physics", "--videos", answers.toString()), "expected 64x64 pixels, found 32x32");
        silentMp4(answers.resolve("fall-01.mp4"), 64, 64, 12, 48);
        badInput(run("eval-physics", "--videos", answers.toString()), "expected 24 frames per second, found 12");
        silentMp4(answers.resolve("fall-01.mp4"), 64, 64, 24, 30);
        badInput(run("eval-physics", "--videos", answers.toString()), "expected 48 frames (the continuation) or 56");
        Files.writeString(answers.resolve("fall-01.mp4"), "not a video");
        badInput(run("eval-physics", "--videos", answers.toString()), "not a readable video");

        Path used = Files.createDirectory(dir.resolve("used"));
        Files.writeString(used.resolve("x"), "x");
        badInput(run("eval-physics", "--export", used.toString(), "--family", "fall"), "not empty");
        badInput(run("eval-physics", "--json", dir.resolve("no/such/dir/r.json").toString()), "--json");
    }

    @Test
    void datasetRefusesBadInputWithOneLine() throws Exception {
        Path out = dir.resolve("data");
        badInput(run("dataset", "--count", "0", "--out", out.toString()), "--count");
        badInput(run("dataset", "--count", "2", "--out", out.toString(), "--size", "63x64"), "--size");
        badInput(run("dataset", "--count", "2", "--out", out.toString(), "--seconds", "0"), "--seconds");
        badInput(run("dataset", "--count", "2", "--out", dir.resolve("no/such").toString()), "does not exist");
        badInput(run("dataset", "--out", out.toString()), "--count");
        assertEquals(0, count(dir));
    }

    @Test
    void datasetWritesClipsAndAnIndex() throws Exception {
        Path out = dir.resolve("data");
        CliTest.Run r = run("dataset", "--count", "2", "--out", out.toString(), "--size", "32x32", "--seconds", "0.5", "--seed", "3", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode index = SceneJson.MAPPER.readTree(out.resolve("index.json").toFile());
        assertEquals(2, index.get("clips").size());
        assertEquals(5, count(out));
    }
}
