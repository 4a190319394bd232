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

    /** Mean absolute difference of two BGR pictures of the same size, in levels of 255. */
    static double meanDifference(byte[] a, byte[] b) {
        assertEquals(a.length, b.length);
        long s = 0;
        for (int i = 0; i < a.length; i++) s += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        return (double) s / a.length;
    }

    /** The BGR bytes of a PNG the sim backend wrote. */
    static byte[] png(Path file) throws Exception {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
        byte[] out = new byte[img.getWidth() * img.getHeight() * 3];
        for (int y = 0, k = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++, k += 3) {
                int rgb = img.getRGB(x, y);
                out[k] = (byte) rgb;
                out[k + 1] = (byte) (rgb >> 8);
                out[k + 2] = (byte) (rgb >> 16);
            }
        }
        return out;
    }

    @Test
    void generateWithTheNeuralBackendWritesA64PixelFilmWithSoundFromTheShippedModel() throws Exception {
        String prompt = "a red rubber ball drops from 1.0 m on a wooden floor";
        Path mp4 = dir.resolve("drop.mp4"), words = dir.resolve("words.mp4"), still = dir.resolve("still.png");
        var r = run("generate", "--backend", "neural", prompt, "--seconds", "1", "--quiet", "-o", mp4.toString());
        assertEquals(0, r.code(), r.err());
        valid(mp4, 24);
        assertEquals(1, count(dir), "no temporary files left");
        // the first picture is the ray tracer's picture of the scene (the sim backend's still at 0 s, through H.264)
        r = run("generate", prompt, "--size", "64x64", "--at", "0", "--quiet", "-o", still.toString());
        assertEquals(0, r.code(), r.err());
        byte[] traced = png(still);
        double first = meanDifference(frames(mp4).get(0), traced);
        assertTrue(first < 3, "the film's first picture differs from the ray tracer's by " + first + " levels");
        // --from-words: the model draws that one too, a picture of its own, not a black or saturated square
        r = run("generate", "--backend", "neural", "--from-words", prompt, "--seconds", "1", "--quiet", "-o", words.toString());
        assertEquals(0, r.code(), r.err());
        valid(words, 24);
        byte[] f = frames(words).get(0);
        long sum = 0;
        for (byte b : f) sum += b & 0xff;
        double mean = (double) sum / f.length;
        assertTrue(mean > 20 && mean < 235, "mean pixel " + mean);
        double drawn = meanDifference(f, traced);
        assertTrue(drawn > 3 * first, "a first picture from words alone differs from the ray tracer's by " + drawn + " levels, against " + first);
        System.out.printf("first picture vs the ray tracer's: %.2f levels; drawn from words: %.2f%n", first, drawn);
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
        badInput(run("generate", "--backend", "neural", "a ball drops in slow motion", "-o", out.toString()), "leave out --backend neural");
        badInput(run("generate", "--backend", "neural", "a ball", "-o", dir.resolve("x.png").toString()), ".mp4");
        badInput(run("generate", "--backend", "neural", "a ball", "--model", dir.resolve("none.bin").toString(), "-o", out.toString()),
                "no such file");
        Path notModel = Files.writeString(dir.resolve("notmodel.bin"), "hello, I am not a model");
        badInput(run("generate", "--backend", "neural", "a ball", "--model", notModel.toString(), "-o", out.toString()),
                "not a Diorama world model");
        badInput(run("generate", "a ball", "--model", notModel.toString(), "-o", out.toString()), "--model");
        badInput(run("generate", "a ball", "--from-words", "-o", out.toString()), "--from-words");
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
