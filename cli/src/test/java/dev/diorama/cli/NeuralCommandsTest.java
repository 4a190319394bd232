package dev.diorama.cli;

import static dev.diorama.cli.EvalCommandsTest.badInput;
import static dev.diorama.cli.EvalCommandsTest.count;
import static dev.diorama.cli.EvalCommandsTest.run;
import static dev.diorama.cli.EvalCommandsTest.silentMp4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neural backend through the command line, with the checkpoint shipped in the worldmodel module. */
class NeuralCommandsTest {
    @TempDir
    Path dir;

    static List<byte[]> frames(Path mp4) {
        List<byte[]> out = new ArrayList<>();
        try (MediaReader r = new MediaReader(mp4)) {
            for (byte[] f; (f = r.nextFrame()) != null; ) out.add(f);
        }
        return out;
    }

    static double rms(Path mp4) {
        try (MediaReader r = new MediaReader(mp4)) {
            float[][] a = r.readAllAudio();
            double s = 0;
            for (float v : a[0]) s += v * v;
            return Math.sqrt(s / Math.max(1, a[0].length));
        }
    }

    static void valid(Path mp4, int frames) {
        MediaInfo info;
        try (MediaReader r = new MediaReader(mp4)) {
            info = r.info();
        }
        assertEquals("h264", info.videoCodec());
        assertEquals("aac", info.audioCodec());
        assertEquals(64, info.width());
        assertEquals(64, info.height());
        assertEquals(24, info.fps(), 1e-6);
        assertEquals(48_000, info.sampleRate());
        assertEquals(frames, frames(mp4).size());
        assertTrue(rms(mp4) > 1e-5, "the film has sound");
    }

    @Test
    void generateWithTheNeuralBackendWritesA64PixelFilmWithSoundFromTheShippedModel() throws Exception {
        Path mp4 = dir.resolve("drop.mp4");
        var r = run("generate", "--backend", "neural", "a red rubber ball drops from 1.0 m on a wooden floor", "--seconds", "1",
                "--quiet", "-o", mp4.toString());
        assertEquals(0, r.code(), r.err());
        valid(mp4, 24);
        assertEquals(1, count(dir), "no temporary files left");
        // the model draws a picture, not a black or saturated square
        byte[] f = frames(mp4).get(0);
        long sum = 0;
        for (byte b : f) sum += b & 0xff;
        double mean = (double) sum / f.length;
        assertTrue(mean > 20 && mean < 235, "mean pixel " + mean);
    }

    @Test
    void continueWritesTheClipThenThePredictedSecondsOrThePredictionAlone() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        silentMp4(clip, 64, 64, 24, 8);
        Path whole = dir.resolve("whole.mp4"), only = dir.resolve("only.mp4");
        var r = run("continue", clip.toString(), "--seconds", "0.5", "--backend", "neural", "--prompt", "a blue steel ball slides to the left",
                "--quiet", "-o", whole.toString());
        assertEquals(0, r.code(), r.err());
        valid(whole, 8 + 12);
        r = run("continue", clip.toString(), "--seconds", "0.5", "--only-new", "--quiet", "-o", only.toString());
        assertEquals(0, r.code(), r.err());
        MediaInfo info;
        try (MediaReader m = new MediaReader(only)) {
            info = m.info();
        }
        assertEquals(12, frames(only).size());
        assertEquals("aac", info.audioCodec());
    }

    @Test
    void badInputExitsWithOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("x.mp4");
        badInput(run("generate", "--backend", "neural", "a ball", "--size", "128x72", "-o", out.toString()), "64x64");
        badInput(run("generate", "--backend", "quantum", "a ball", "-o", out.toString()), "expected sim or neural");
        badInput(run("generate", "--backend", "neural", "a ball", "-o", dir.resolve("x.png").toString()), ".mp4");
        badInput(run("generate", "--backend", "neural", "a ball", "--model", dir.resolve("none.bin").toString(), "-o", out.toString()),
                "no such file");
        Path notModel = Files.writeString(dir.resolve("notmodel.bin"), "hello, I am not a model");
        badInput(run("generate", "--backend", "neural", "a ball", "--model", notModel.toString(), "-o", out.toString()),
                "not a Diorama world model");
        badInput(run("generate", "a ball", "--model", notModel.toString(), "-o", out.toString()), "--model");
        badInput(run("continue", dir.resolve("missing.mp4").toString(), "-o", out.toString()), "no such file");
        Path clip = dir.resolve("clip.mp4"), clip30 = dir.resolve("clip30.mp4"), odd = dir.resolve("odd.mp4");
        silentMp4(clip, 64, 64, 24, 4);
        silentMp4(clip30, 64, 64, 30, 4);
        silentMp4(odd, 96, 64, 24, 4);
        badInput(run("continue", clip.toString(), "--seconds", "0", "-o", out.toString()), "--seconds");
        badInput(run("continue", clip.toString(), "--backend", "sim", "-o", out.toString()), "--backend sim");
        badInput(run("continue", clip30.toString(), "-o", out.toString()), "24 fps");
        badInput(run("continue", odd.toString(), "-o", out.toString()), "96x64");
        badInput(run("continue", clip.toString(), "-o", dir.resolve("x.webm").toString()), ".mp4");
        badInput(run("train", "--data", dir.resolve("nodata").toString(), "--out", dir.resolve("model").toString()), "--data");
        badInput(run("train", "--data", dir.toString(), "--out", dir.resolve("model").toString()), "index.json");
        badInput(run("train", "--data", dir.toString(), "--out", dir.resolve("model").toString(), "--batch", "0"), "--batch");
        assertTrue(Files.notExists(out));
        assertTrue(Files.notExists(dir.resolve("model")));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files");
        }
    }
}
