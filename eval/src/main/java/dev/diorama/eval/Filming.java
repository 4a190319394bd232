package dev.diorama.eval;

import dev.diorama.audio.SoundTrack;
import dev.diorama.engine.FilmMaker;
import dev.diorama.media.Mp4Writer;
import dev.diorama.render.Renderer;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Films exam clips: the truth, its perturbed twins, and pictures made by baselines, each through
 * the same encoder as a film (H.264 + AAC in MP4), so that the truth and every answer reach the
 * scorer the same way: decoded from an MP4.
 */
public final class Filming {
    /** How far the twin runs move every object at t = 0: 0.1 mm, under 1/200 of a pixel here. */
    public static final double PERTURBATION = 1e-4;

    private Filming() {}

    /**
     * The same world with every movable object moved by {@code offset} metres at t = 0: a twin
     * too close to tell apart by eye, whose run shows how much the physics itself varies. Fixed
     * objects (ramps, slabs) and joint anchors stay where they are: a pendulum's rod is then
     * 0.1 mm longer or shorter, as imperceptible as the shift.
     */
    public static Scene perturbed(Scene scene, Vec3 offset) {
        List<SceneObject> moved = new ArrayList<>();
        for (SceneObject o : scene.objects()) moved.add(o.fixed() ? o : o.withPosition(o.position().plus(offset)));
        return new Scene(scene.seed(), scene.seconds(), scene.fps(), scene.width(), scene.height(),
                scene.physicsRate(), scene.gravity(), scene.time(), scene.environment(), scene.camera(), moved,
                scene.cameraMove(), scene.timeLapse(), scene.joints());
    }

    /**
     * Renders keyframes {@code from} .. {@code to - 1} of {@code timeline} into an MP4, with the
     * film's sound of that stretch when {@code sound} is true (silence otherwise).
     */
    public static void write(Scene scene, Timeline timeline, int from, int to, boolean sound, Path mp4, int threads) {
        int w = scene.width(), h = scene.height(), fps = scene.fps();
        SoundTrack track = sound ? new SoundTrack(scene, timeline.events(), SoundTrack.Options.FILM) : null;
        byte[] bgr = new byte[w * h * 3];
        int maxSamples = (int) Math.ceil((double) SoundTrack.SAMPLE_RATE / fps) + 1;
        float[] left = new float[maxSamples], right = new float[maxSamples];
        try (Renderer renderer = new Renderer(scene, threads);
             Mp4Writer writer = new Mp4Writer(mp4, w, h, fps, SoundTrack.SAMPLE_RATE)) {
            for (int i = from; i < to; i++) {
                Keyframe k = timeline.frames().get(i);
                renderer.render(k, bgr);
                writer.writeFrame(bgr);
                long s0 = FilmMaker.samplesBefore(i, fps), s1 = FilmMaker.samplesBefore(i + 1, fps);
                int n = (int) (s1 - s0);
                if (track != null) {
                    track.render(s0, left, right, n);
                } else {
                    java.util.Arrays.fill(left, 0, n, 0f);
                    java.util.Arrays.fill(right, 0, n, 0f);
                }
                writer.writeAudio(left, right, n);
            }
        }
    }

    /** Writes ready-made pictures (a baseline's) as a silent MP4. */
    public static void write(List<byte[]> frames, int w, int h, int fps, Path mp4) {
        int maxSamples = (int) Math.ceil((double) SoundTrack.SAMPLE_RATE / fps) + 1;
        float[] silence = new float[maxSamples];
        try (Mp4Writer writer = new Mp4Writer(mp4, w, h, fps, SoundTrack.SAMPLE_RATE)) {
            for (int i = 0; i < frames.size(); i++) {
                writer.writeFrame(frames.get(i));
                writer.writeAudio(silence, silence, (int) (FilmMaker.samplesBefore(i + 1, fps) - FilmMaker.samplesBefore(i, fps)));
            }
        }
    }
}
