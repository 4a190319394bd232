package dev.diorama.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * A RIFF/WAVE file written as it streams: the header is written first with placeholder sizes and
 * completed by {@link #close()}, so a long film's sound never sits in memory.
 *
 * <p>Two formats: {@link Format#PCM16}, 16-bit signed integers (the format every player reads),
 * each sample {@code round(x * 32767)} clamped to [-32768, 32767], no dither (the film's sound is
 * normalised 0.01 dB under its true-peak ceiling, more than the rounding); and {@link Format#FLOAT32},
 * IEEE 754 single precision (WAVE_FORMAT_IEEE_FLOAT, with the "fact" chunk the format asks for),
 * used for impulse responses, whose tails fall far below 16 bits' reach. Little-endian throughout,
 * channels interleaved.
 */
public final class WavWriter implements AutoCloseable {
    public enum Format { PCM16, FLOAT32 }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final FileChannel out;
    private final Format format;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final int headerBytes;
    private long frames;
    private boolean closed;

    private WavWriter(Path path, int sampleRate, int channels, Format format) throws IOException {
        if (channels < 1 || channels > 8) throw new IllegalArgumentException("expected 1 to 8 channels, got " + channels);
        this.format = format;
        this.channels = channels;
        out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        int bytes = format == Format.PCM16 ? 2 : 4;
        boolean pcm = format == Format.PCM16;
        buffer.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
        buffer.put(ascii("fmt ")).putInt(pcm ? 16 : 18);
        buffer.putShort((short) (pcm ? 1 : 3)).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bytes).putShort((short) (channels * bytes)).putShort((short) (8 * bytes));
        if (!pcm) {
            buffer.putShort((short) 0);
            buffer.put(ascii("fact")).putInt(4).putInt(0);
        }
        buffer.put(ascii("data")).putInt(0);
        headerBytes = buffer.position();
    }

    /** Opens (creating or replacing) a WAV file at {@code path}. */
    public static WavWriter open(Path path, int sampleRate, int channels, Format format) throws IOException {
        return new WavWriter(path, sampleRate, channels, format);
    }

    /** Appends n frames of a stereo file. */
    public void write(float[] left, float[] right, int n) throws IOException {
        if (channels != 2) throw new IllegalStateException("a " + channels + "-channel file");
        for (int i = 0; i < n; i++) {
            sample(left[i]);
            sample(right[i]);
        }
        frames += n;
    }

    /** Appends frames [from, from + n) of the given channels (one array per channel). */
    public void write(double[][] data, int from, int n) throws IOException {
        if (data.length != channels) throw new IllegalArgumentException("expected " + channels + " channels, got " + data.length);
        for (int i = from; i < from + n; i++) {
            for (double[] ch : data) sample(ch[i]);
        }
        frames += n;
    }

    private void sample(double x) throws IOException {
        if (buffer.remaining() < 4) flush();
        if (format == Format.PCM16) {
            long v = Math.round(x * 32767);
            buffer.putShort((short) Math.max(-32768, Math.min(32767, v)));
        } else {
            buffer.putFloat((float) x);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) out.write(buffer);
        buffer.clear();
    }

    /** Frames written so far. */
    public long frames() { return frames; }

    /** Writes what is buffered and completes the header's sizes. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            flush();
            long data = frames * channels * (format == Format.PCM16 ? 2 : 4);
            if (headerBytes + data - 8 > 0xFFFFFFFFL) throw new IOException("a WAV file holds at most 4 GiB");
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            out.write(b.putInt(0, (int) (headerBytes + data - 8)).rewind(), 4);
            out.write(b.putInt(0, (int) data).rewind(), headerBytes - 4);
            if (format == Format.FLOAT32) out.write(b.putInt(0, (int) frames).rewind(), headerBytes - 12);
        } finally {
            out.close();
        }
    }

    /**
     * Writes whole channels to {@code destination} so that it appears only when complete: a hidden
     * temporary file beside it, moved into place (atomically where the file system can).
     */
    public static void writeAtomically(Path destination, double[][] data, int sampleRate, Format format) throws IOException {
        Path dir = destination.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + destination.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
        boolean done = false;
        try {
            try (WavWriter w = open(tmp, sampleRate, data.length, format)) {
                w.write(data, 0, data[0].length);
            }
            try {
                Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    private static byte[] ascii(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }
}
