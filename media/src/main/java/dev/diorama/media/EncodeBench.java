package dev.diorama.media;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures {@link Mp4Writer}'s speed: 240 frames (10 s) of 1280x720 at 24 fps with 48 kHz stereo
 * sound, pictures of a moving gradient, a sliding bright disc and a sharp checker band, so the encoder
 * sees both smooth and hard-edged motion as in rendered films.
 *
 * <p>Usage: {@code EncodeBench [frames] [width] [height] [fps] [noise]}. With {@code noise}, every
 * channel of every pixel gets +-3 of fresh noise per frame (a worst case, like an unconverged path
 * tracer: noise cannot be predicted from the previous frame). Prints frames per second for the
 * writer's calls alone (picture synthesis excluded), open and close included, and the process CPU time
 * spent in them: on a machine shared with other work the CPU time is the steadier number.
 */
public final class EncodeBench {

    private EncodeBench() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 720;
        int fps = args.length > 3 ? Integer.parseInt(args[3]) : 24;
        boolean noise = args.length > 4 && args[4].equals("noise");
        int sampleRate = 48_000;
        Path file = Files.createTempFile("diorama-bench", ".mp4");
        byte[] picture = new byte[width * height * 3];
        int samplesPerFrame = sampleRate / fps;
        float[] left = new float[samplesPerFrame + 1];
        float[] right = new float[samplesPerFrame + 1];
        try {
            // Load the natives outside the timed part (the first run also unpacks them).
            Ffmpeg.load();
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = 0;
            long writing = 0;
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            Mp4Writer writer = new Mp4Writer(file, width, height, fps, sampleRate);
            writing += System.nanoTime() - start;
            cpu += os.getProcessCpuTime() - cpuStart;
            long written = 0;
            try {
                for (int i = 0; i < frames; i++) {
                    paint(picture, width, height, i);
                    if (noise) {
                        addNoise(picture, i);
                    }
                    long end = Math.round((i + 1) * (double) sampleRate / fps);
                    int n = (int) (end - written);
                    for (int k = 0; k < n; k++) {
                        double t = (written + k) / (double) sampleRate;
                        left[k] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * t));
                        right[k] = (float) (0.3 * Math.sin(2 * Math.PI * 660 * t));
                    }
                    long t0 = System.nanoTime();
                    long c0 = os.getProcessCpuTime();
                    writer.writeFrame(picture);
                    writer.writeAudio(left, right, n);
                    writing += System.nanoTime() - t0;
                    cpu += os.getProcessCpuTime() - c0;
                    written = end;
                }
            } finally {
                long t0 = System.nanoTime();
                long c0 = os.getProcessCpuTime();
                writer.close();
                writing += System.nanoTime() - t0;
                cpu += os.getProcessCpuTime() - c0;
            }
            double seconds = writing / 1e9;
            System.out.printf("EncodeBench: %d frames %dx%d @ %d fps%s + %d Hz stereo: %.2f s, %.1f frames/s, "
                            + "CPU %.1f ms/frame (all threads), %.2f MB (%.2f Mbit/s)%n",
                    frames, width, height, fps, noise ? " (noisy)" : "", sampleRate, seconds, frames / seconds,
                    cpu / 1e6 / frames,
                    Files.size(file) / 1e6, Files.size(file) * 8.0 / (frames / (double) fps) / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A frame of the synthetic film: gradient, sliding disc, checker band. */
    static void paint(byte[] bgr, int width, int height, int frame) {
        double cx = width * (0.2 + 0.6 * ((frame % 96) / 96.0));
        double cy = height * 0.5;
        double radius = height * 0.15;
        int bandTop = height * 3 / 4;
        int bandBottom = bandTop + Math.max(2, height / 12);
        int shift = frame * 3;
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int b = (x * 255) / width;
                int g = (y * 255) / height;
                int r = ((x + y + frame * 4) * 255 / (width + height)) & 0xff;
                double dx = x - cx, dy = y - cy;
                if (dx * dx + dy * dy < radius * radius) {
                    r = 250;
                    g = 230;
                    b = 180;
                } else if (y >= bandTop && y < bandBottom) {
                    int v = (((x + shift) / 16 + y / 16) & 1) == 0 ? 20 : 235;
                    r = v;
                    g = v;
                    b = v;
                }
                bgr[i++] = (byte) b;
                bgr[i++] = (byte) g;
                bgr[i++] = (byte) r;
            }
        }
    }

    /** Adds deterministic +-3 noise to every byte, different in every frame. */
    static void addNoise(byte[] bgr, int frame) {
        long state = (frame + 1) * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < bgr.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int value = (bgr[i] & 0xff) + (int) (state & 7) - 3;
            bgr[i] = (byte) Math.max(0, Math.min(255, value));
        }
    }
}
