package dev.diorama.eval;

import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded video: its pictures and its sound, on one clock.
 *
 * @param width       pixels
 * @param height      pixels
 * @param fps         frames per second (as the file declares it, rounded)
 * @param frames      BGR bytes per frame, rows top-down; frame i plays at i / fps
 * @param audio       the sound mixed to mono, sample k at k / sampleRate s; empty without sound
 * @param sampleRate  audio samples per second (0 without sound)
 */
public record Clip(int width, int height, int fps, List<byte[]> frames, float[] audio, int sampleRate) {
    public Clip {
        frames = List.copyOf(frames);
        for (byte[] f : frames) {
            if (f.length != width * height * 3) throw new IllegalArgumentException("a frame of the wrong size");
        }
    }

    /** Decodes a media file; throws {@link java.io.UncheckedIOException} when it is not a readable video. */
    public static Clip read(Path file) {
        try (MediaReader reader = new MediaReader(file)) {
            MediaInfo info = reader.info();
            List<byte[]> frames = new ArrayList<>();
            for (byte[] f = reader.nextFrame(); f != null; f = reader.nextFrame()) frames.add(f);
            float[][] channels = reader.readAllAudio();
            float[] mono = new float[channels.length == 0 ? 0 : channels[0].length];
            for (float[] c : channels) {
                for (int k = 0; k < mono.length && k < c.length; k++) mono[k] += c[k] / channels.length;
            }
            return new Clip(info.width(), info.height(), (int) Math.round(info.fps()), frames, mono,
                    mono.length == 0 ? 0 : info.sampleRate());
        }
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive), with the sound of that stretch. */
    public Clip slice(int from, int to) {
        float[] a = new float[0];
        if (sampleRate > 0) {
            int s0 = (int) Math.min(audio.length, Math.round((double) from * sampleRate / fps));
            int s1 = (int) Math.min(audio.length, Math.round((double) to * sampleRate / fps));
            a = java.util.Arrays.copyOfRange(audio, s0, s1);
        }
        return new Clip(width, height, fps, frames.subList(from, to), a, sampleRate);
    }

    public int frameCount() { return frames.size(); }
}
