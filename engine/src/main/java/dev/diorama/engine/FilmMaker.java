package dev.diorama.engine;

import dev.diorama.audio.SlowedSound;
import dev.diorama.audio.SoundTrack;
import dev.diorama.audio.WavWriter;
import dev.diorama.media.Mp4Writer;
import dev.diorama.media.PngWriter;
import dev.diorama.render.RenderOptions;
import dev.diorama.render.Renderer;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Timeline;
import dev.diorama.sim.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline: scene → simulation (timeline) → pictures and sound → MP4 + sidecar.
 *
 * <p>Nothing that grows with the film's length is held in memory: the simulation's keyframes go to a
 * temporary file as they are made ({@link FrameFile}) and are read back one at a time for the
 * sidecar, the sound's moving sources and the picture; each frame is rendered, handed to the encoder
 * with the audio samples of its interval, and forgotten. The audio samples of frame i are
 * [round(i·sr/fps), round((i+1)·sr/fps)), so the sound never drifts from the picture even where
 * sr/fps is not whole.
 */
public final class FilmMaker {
    private FilmMaker() {}

    /**
     * @param threads  render threads; 0 means all cores. The output does not depend on it.
     * @param render   the renderer's options (motion blur: {@link RenderOptions#withMotionBlur})
     */
    public record Settings(int threads, Progress progress, RenderOptions render) {
        public Settings {
            if (render == null) render = RenderOptions.DEFAULT;
        }

        public Settings(int threads, Progress progress) {
            this(threads, progress, RenderOptions.DEFAULT);
        }

        public static Settings defaults() { return new Settings(0, Progress.NONE); }

        /** The same with motion blur: a 180-degree shutter (open half the frame interval), 8 instants a frame. */
        public Settings withMotionBlur() {
            return new Settings(threads, progress, render.withMotionBlur(MOTION_BLUR_SHUTTER, MOTION_BLUR_SAMPLES));
        }
    }

    /** Motion blur's shutter: the cinema's 180 degrees, open for half of each frame's interval. */
    public static final double MOTION_BLUR_SHUTTER = 0.5;
    /** Instants drawn and averaged over the open shutter. */
    public static final int MOTION_BLUR_SAMPLES = 8;

    /**
     * What a film run produced: its files, how many frames it has, the impacts of its ground truth
     * (the sidecar holds every frame's poses) and how its sound was mastered (its loudness; null
     * for a continuation, whose parts were mastered apart).
     */
    public record Result(Path video, Path sidecar, int frames, List<ContactEvent> events, double wallSeconds,
                         SoundTrack.Mastering mastering) {
        public Result {
            events = List.copyOf(events);
        }

        Result(Path video, Path sidecar, Timeline timeline, double wallSeconds, SoundTrack.Mastering mastering) {
            this(video, sidecar, timeline.frames().size(), timeline.events(), wallSeconds, mastering);
        }
    }

    /** The sidecar path for a film: FILE.mp4 → FILE.json. */
    public static Path sidecarFor(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return video.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    public static Result film(Scene scene, Path video, Settings settings) throws IOException {
        return film(scene, video, settings, null);
    }

    /** As {@link #film(Scene, Path, Settings)}; the sidecar records {@code remixedFrom} (null: none). */
    public static Result film(Scene scene, Path video, Settings settings,
                              com.fasterxml.jackson.databind.JsonNode remixedFrom) throws IOException {
        long start = System.nanoTime();
        Progress progress = settings.progress();
        Path sidecar = sidecarFor(video);
        List<ContactEvent> events;
        int frameCount;
        SoundTrack.Mastering mastering;
        // In slow motion the world is simulated, drawn and heard as its camera takes it (real time,
        // captureFps frames a second), and the film plays those frames at fps with the sound slowed.
        Scene world = scene.capture();
        try (AtomicOutput out = new AtomicOutput(); FrameFile keyframes = new FrameFile()) {
            Simulator.Happenings happened = Simulator.stream(world, f -> progress.update("simulating", f), e -> { },
                    keyframes::append);
            events = happened.events();
            List<Keyframe> frames = keyframes.frames();
            frameCount = frames.size();
            Path tmpJson = out.temp(sidecar);
            Path tmpVideo = out.temp(video);
            progress.update("mastering", 0);
            int w = scene.width(), h = scene.height(), fps = scene.fps();
            try (SoundTrack sound = new SoundTrack(world, events, frames, happened.contacts(), happened.liquidSounds(),
                    SoundTrack.Options.FILM);
                 Renderer renderer = new Renderer(world, settings.threads(), settings.render());
                 Mp4Writer writer = new Mp4Writer(tmpVideo, w, h, fps, SoundTrack.SAMPLE_RATE)) {
                SlowedSound film = new SlowedSound(sound, scene.slowMotion());
                mastering = film.mastering(samplesBefore(frameCount, fps));
                progress.update("mastering", 1);
                SidecarJson.write(tmpJson, scene, frames, events, happened.contacts(), happened.liquidSounds(),
                        SoundTrack.SAMPLE_RATE, remixedFrom, mastering);
                stream(scene, frames, film, 0, renderer, writer, f -> progress.update("filming", f));
            }
            out.commit();
        }
        return new Result(video, sidecar, frameCount, events, (System.nanoTime() - start) / 1e9, mastering);
    }

    /**
     * The per-frame loop: renders frames {@code from} .. the timeline's last, each handed to the
     * encoder with the audio samples of its interval, [samplesBefore(i), samplesBefore(i + 1)) of
     * {@code sound}; {@code done} gets the fraction of these frames written.
     */
    static void stream(Scene scene, Timeline timeline, SoundTrack sound, int from, Renderer renderer, Mp4Writer writer,
                       java.util.function.DoubleConsumer done) {
        stream(scene, timeline.frames(), new SlowedSound(sound, scene.slowMotion()), from, renderer, writer, done);
    }

    /** As {@link #stream(Scene, Timeline, SoundTrack, int, Renderer, Mp4Writer, java.util.function.DoubleConsumer)}, from a list of keyframes. */
    static void stream(Scene scene, List<Keyframe> keyframes, SlowedSound sound, int from, Renderer renderer, Mp4Writer writer,
                       java.util.function.DoubleConsumer done) {
        int w = scene.width(), h = scene.height(), fps = scene.fps();
        byte[] bgr = new byte[w * h * 3];
        int maxSamples = (int) Math.ceil((double) SoundTrack.SAMPLE_RATE / fps) + 1;
        float[] left = new float[maxSamples], right = new float[maxSamples];
        int frames = keyframes.size();
        for (int i = from; i < frames; i++) {
            // With motion blur, the shutter closes on the way to the next keyframe (see Renderer#renderFrame).
            renderer.renderFrame(keyframes.get(i), i + 1 < frames ? keyframes.get(i + 1) : null, bgr);
            writer.writeFrame(bgr);
            long s0 = samplesBefore(i, fps), s1 = samplesBefore(i + 1, fps);
            int n = (int) (s1 - s0);
            sound.render(s0, left, right, n);
            writer.writeAudio(left, right, n);
            done.accept((double) (i + 1 - from) / Math.max(1, frames - from));
        }
    }

    /**
     * The film's sound alone, as a WAV file: 48 kHz, stereo, 16-bit PCM, the same samples the film
     * would carry (the room, the loudness normalisation), for the film's length. Simulates, then
     * streams the sound to a hidden temporary file moved into place when complete. The result's
     * {@code video} is the WAV file and its {@code sidecar} is null.
     */
    public static Result sound(Scene scene, Path wav, Settings settings) throws IOException {
        long start = System.nanoTime();
        Progress progress = settings.progress();
        Scene world = scene.capture();
        Timeline timeline = Simulator.run(world, f -> progress.update("simulating", f));
        SoundTrack.Mastering mastering;
        try (AtomicOutput out = new AtomicOutput()) {
            Path tmp = out.temp(wav);
            long total = samplesBefore(timeline.frames().size(), scene.fps());
            int block = SoundTrack.SAMPLE_RATE / 10;
            float[] left = new float[block], right = new float[block];
            try (SoundTrack sound = master(world, timeline, progress);
                 WavWriter writer = WavWriter.open(tmp, SoundTrack.SAMPLE_RATE, 2, WavWriter.Format.PCM16)) {
                SlowedSound slowed = new SlowedSound(sound, scene.slowMotion());
                mastering = slowed.mastering(total);
                for (long k = 0; k < total; k += block) {
                    int n = (int) Math.min(block, total - k);
                    slowed.render(k, left, right, n);
                    writer.write(left, right, n);
                    progress.update("sounding", (double) (k + n) / total);
                }
            }
            out.commit();
        }
        return new Result(wav, null, timeline, (System.nanoTime() - start) / 1e9, mastering);
    }

    /**
     * The film's sound, mastered: building it measures the whole mix (loudness, true peak) before
     * anything is streamed, which takes a while for a long film, so it is a stage of its own.
     */
    static SoundTrack master(Scene scene, Timeline timeline, Progress progress) {
        progress.update("mastering", 0);
        SoundTrack sound = new SoundTrack(scene, timeline, SoundTrack.Options.FILM);
        progress.update("mastering", 1);
        return sound;
    }

    /** The first audio sample of frame {@code i}: round(i · sampleRate / fps). */
    public static long samplesBefore(int frame, int fps) {
        return Math.round((double) frame * SoundTrack.SAMPLE_RATE / fps);
    }

    /** Renders the picture at time {@code at} (rounded to the nearest frame) to a PNG. */
    public static void still(Scene scene, double at, Path png, Settings settings) throws IOException {
        byte[] bgr = picture(scene.capture(), (int) Math.round(at * scene.fps()), settings);
        try (AtomicOutput out = new AtomicOutput()) {
            Path tmp = out.temp(png);
            PngWriter.write(tmp, bgr, scene.width(), scene.height());
            out.commit();
        }
    }

    /**
     * The film's first picture, BGR, {@code width × height} of the scene: the world as the scene
     * sets it up, simulated for its first frame only (the simulation is causal, so this is frame 0
     * of the whole film; a liquid settles as it does for the film).
     */
    public static byte[] firstPicture(Scene scene, Settings settings) {
        Scene world = scene.capture();
        return picture(world.withTiming(1.0 / world.fps(), world.fps(), world.width(), world.height()), 0, settings);
    }

    /** Frame {@code index} of the scene's film (the last one where the film is shorter), simulated and rendered, BGR. */
    private static byte[] picture(Scene scene, int index, Settings settings) {
        Timeline timeline = Simulator.run(scene, f -> settings.progress().update("simulating", f));
        int i = Math.min(timeline.frames().size() - 1, index);
        Keyframe k = timeline.frames().get(i);
        Keyframe next = i + 1 < timeline.frames().size() ? timeline.frames().get(i + 1) : null;
        byte[] bgr = new byte[scene.width() * scene.height() * 3];
        try (Renderer renderer = new Renderer(scene, settings.threads(), settings.render())) {
            renderer.renderFrame(k, next, bgr);
        }
        return bgr;
    }
}
