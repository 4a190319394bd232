package dev.diorama.worldmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.eval.Dataset;
import dev.diorama.media.MediaReader;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code diorama dataset} directory decoded into memory: per clip its caption and its pictures.
 *
 * <p>Pictures are kept as the decoder's bytes (BGR, 3 bytes a pixel: 12 KiB a 64×64 frame, so a
 * few hundred clips fit in a few hundred MiB) and turned into floats only for the frames a batch
 * takes ({@link #frame}): planar, channels first, in [0, 1], optionally averaged down by a whole
 * factor and optionally grey (Rec. 709 luma).
 */
public final class ClipSet {
    /** How pictures become tensors: {@code downsample} pixels a side averaged into one; {@code grey} one channel. */
    public record Options(int downsample, boolean grey) {
        public static final Options FULL = new Options(1, false);

        public Options {
            if (downsample < 1) throw new IllegalArgumentException("downsample must be at least 1");
        }
    }

    /** One clip: its caption and its frames as BGR bytes of {@code width × height}. */
    public record Clip(String id, String caption, List<byte[]> frames) {}

    private final List<Clip> clips;
    private final int width, height, fps;
    private final Options options;

    private ClipSet(List<Clip> clips, int width, int height, int fps, Options options) {
        this.clips = List.copyOf(clips);
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.options = options;
    }

    /**
     * Reads {@code dir/index.json} and decodes every clip it lists.
     *
     * @throws WorldModelException when the directory is not a dataset (a user mistake)
     */
    public static ClipSet read(Path dir, Options options) {
        Path index = dir.resolve("index.json");
        JsonNode root;
        try {
            root = SceneJson.MAPPER.readTree(Files.readString(index));
        } catch (NoSuchFileException e) {
            throw new WorldModelException(dir + ": no index.json; expected a directory written by `diorama dataset`");
        } catch (IOException e) {
            throw new WorldModelException(index + ": cannot read it as JSON (" + e.getMessage() + ")");
        }
        if (root == null || !Dataset.FORMAT.equals(root.path("format").asText())) {
            throw new WorldModelException(index + ": expected \"format\": \"" + Dataset.FORMAT + "\"");
        }
        int[] wh = SceneJson.parseSize(root.path("size").asText());
        if (wh == null) throw new WorldModelException(index + ": expected a \"size\" such as 64x64");
        if (wh[0] % options.downsample() != 0 || wh[1] % options.downsample() != 0) {
            throw new WorldModelException(index + ": the size " + wh[0] + "x" + wh[1] + " is not a multiple of the downsampling "
                    + options.downsample());
        }
        int fps = root.path("fps").asInt();
        List<Clip> clips = new ArrayList<>();
        for (JsonNode c : root.path("clips")) {
            Path video = dir.resolve(c.path("video").asText());
            if (!Files.isRegularFile(video)) throw new WorldModelException(video + ": listed in the index but missing");
            List<byte[]> frames = decode(video, wh[0], wh[1]);
            clips.add(new Clip(c.path("id").asText(), c.path("caption").asText(), frames));
        }
        if (clips.isEmpty()) throw new WorldModelException(index + ": lists no clips");
        return new ClipSet(clips, wh[0], wh[1], fps, options);
    }

    /** All pictures of an MP4 as BGR bytes; the film must be {@code w × h}. */
    public static List<byte[]> decode(Path video, int w, int h) {
        List<byte[]> frames = new ArrayList<>();
        try (MediaReader reader = new MediaReader(video)) {
            if (reader.info().width() != w || reader.info().height() != h) {
                throw new WorldModelException(video + ": " + reader.info().width() + "x" + reader.info().height()
                        + " pictures; expected " + w + "x" + h);
            }
            for (byte[] f; (f = reader.nextFrame()) != null; ) frames.add(f);
        } catch (UncheckedIOException e) {
            throw new WorldModelException(video + ": cannot decode it (" + e.getMessage() + ")");
        }
        return frames;
    }

    /**
     * A BGR picture as planar floats in [0, 1], written into {@code out} at {@code offset}: RGB
     * (or luma when grey), each plane {@code (w / d) × (h / d)}.
     */
    public static void toPlanar(byte[] bgr, int w, int h, Options o, float[] out, int offset) {
        int d = o.downsample(), ow = w / d, oh = h / d, plane = ow * oh;
        float norm = 1f / (255f * d * d);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                float r = 0, g = 0, b = 0;
                for (int dy = 0; dy < d; dy++) {
                    int row = ((y * d + dy) * w + x * d) * 3;
                    for (int dx = 0; dx < d; dx++) {
                        int p = row + dx * 3;
                        b += bgr[p] & 0xff;
                        g += bgr[p + 1] & 0xff;
                        r += bgr[p + 2] & 0xff;
                    }
                }
                int i = offset + y * ow + x;
                if (o.grey()) {
                    out[i] = (0.2126f * r + 0.7152f * g + 0.0722f * b) * norm;
                } else {
                    out[i] = r * norm;
                    out[i + plane] = g * norm;
                    out[i + 2 * plane] = b * norm;
                }
            }
        }
    }

    /** Planar floats in [0, 1] (as {@link #toPlanar} writes them, full size, RGB) back to BGR bytes. */
    public static byte[] toBgr(float[] planar, int offset, int w, int h) {
        byte[] out = new byte[w * h * 3];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            out[3 * i] = quantise(planar[offset + 2 * plane + i]);
            out[3 * i + 1] = quantise(planar[offset + plane + i]);
            out[3 * i + 2] = quantise(planar[offset + i]);
        }
        return out;
    }

    private static byte quantise(float v) {
        float c = Math.max(0f, Math.min(1f, v));
        return (byte) Math.round(c * 255f);
    }

    /** Floats of one frame of one clip, as {@link #toPlanar} makes them. */
    public float[] frame(int clip, int frame) {
        float[] out = new float[channels() * pictureWidth() * pictureHeight()];
        toPlanar(clips.get(clip).frames().get(frame), width, height, options, out, 0);
        return out;
    }

    public List<Clip> clips() { return clips; }

    public int size() { return clips.size(); }

    public int width() { return width; }

    public int height() { return height; }

    public int fps() { return fps; }

    public Options options() { return options; }

    public int channels() { return options.grey() ? 1 : 3; }

    public int pictureWidth() { return width / options.downsample(); }

    public int pictureHeight() { return height / options.downsample(); }

    public List<String> captions() {
        List<String> out = new ArrayList<>();
        for (Clip c : clips) out.add(c.caption());
        return out;
    }
}
