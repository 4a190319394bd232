package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV files read back as written: header fields, sizes, samples. */
class WavWriterTest {
    @TempDir
    Path dir;

    /** The fields of a canonical WAV file: {format, channels, rate, bits, data bytes}, and its samples as doubles. */
    record Wav(int format, int channels, int rate, int bits, double[][] samples) {}

    static Wav read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(b, 0));
        assertEquals(b.capacity() - 8, b.getInt(4), "RIFF size");
        assertEquals("WAVE", ascii(b, 8));
        int at = 12, format = 0, channels = 0, rate = 0, bits = 0;
        while (at < b.capacity()) {
            String id = ascii(b, at);
            int size = b.getInt(at + 4);
            if (id.equals("fmt ")) {
                format = b.getShort(at + 8);
                channels = b.getShort(at + 10);
                rate = b.getInt(at + 12);
                bits = b.getShort(at + 22);
            } else if (id.equals("data")) {
                int bytes = bits / 8, frames = size / (bytes * channels);
                assertEquals(b.capacity(), at + 8 + size, "the data chunk runs to the end");
                double[][] s = new double[channels][frames];
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++) {
                        int o = at + 8 + (i * channels + c) * bytes;
                        s[c][i] = format == 1 ? b.getShort(o) / 32767.0 : b.getFloat(o);
                    }
                }
                return new Wav(format, channels, rate, bits, s);
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk");
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] x = new byte[4];
        b.get(at, x);
        return new String(x, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void aStereo16BitFileReadsBackToTheNearestStep() throws IOException {
        Path p = dir.resolve("a.wav");
        float[] l = {0f, 0.5f, -0.5f, 1f, -1f, 2f}, r = {0.25f, -0.25f, 0.1f, 0f, 0.999f, -3f};
        try (WavWriter w = WavWriter.open(p, 48_000, 2, WavWriter.Format.PCM16)) {
            w.write(l, r, 3);
            w.write(new float[] {l[3], l[4], l[5]}, new float[] {r[3], r[4], r[5]}, 3);
        }
        Wav wav = read(p);
        assertEquals(List.of(1, 2, 48_000, 16), List.of(wav.format(), wav.channels(), wav.rate(), wav.bits()));
        assertEquals(44 + 6 * 4, Files.size(p));
        for (int i = 0; i < 5; i++) {
            assertEquals(l[i], wav.samples()[0][i], 0.5 / 32767);
            assertEquals(r[i], wav.samples()[1][i], 0.5 / 32767);
        }
        assertEquals(1.0, wav.samples()[0][5], 1e-9, "clamped to full scale");
        assertEquals(-32768 / 32767.0, wav.samples()[1][5], 1e-9);
    }

    @Test
    void aFloatFileIsExactAndAppearsOnlyWhenComplete() throws IOException {
        Path p = dir.resolve("ir.wav");
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) x[i] = Math.exp(-i / 1000.0) * Math.sin(i);
        WavWriter.writeAtomically(p, new double[][] {x}, 48_000, WavWriter.Format.FLOAT32);
        Wav wav = read(p);
        assertEquals(List.of(3, 1, 48_000, 32), List.of(wav.format(), wav.channels(), wav.rate(), wav.bits()));
        for (int i = 0; i < x.length; i++) assertEquals((float) x[i], wav.samples()[0][i]);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "no temporary file left beside it");
        }
    }
}
