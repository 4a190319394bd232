package dev.diorama.audio;

import dev.diorama.scene.Camera;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark: how long a minute of film with 200 impacts (or the count given as the first argument;
 * the busy scene is 6000, 100 per second) takes to sound in the 6 x 3 x 6 m stone room,
 * anechoic and as a film (the room's reverberation, the loudness pre-pass with its limiter passes,
 * and the limiter while streaming), streamed one film frame per call as the engine does. Speed is
 * measured here, not asserted in a test (the cores are shared and noisy). Run: {@code java -cp audio/target/classes:scene/target/classes:... dev.diorama.audio.AudioBench}.
 */
public final class AudioBench {
    private AudioBench() {}


    static Scene room() {
        List<SceneObject> objects = new ArrayList<>();
        Material[] m = {Material.RUBBER, Material.STEEL, Material.WOOD, Material.GLASS, Material.PLASTIC, Material.STONE};
        for (int i = 0; i < 12; i++) {
            Vec3 at = new Vec3(-2 + 0.35 * i, 1, 0);
            Material mat = m[i % m.length];
            SceneObject o = switch (i % 4) {
                case 0 -> new SceneObject("o" + i, Shape.BALL, mat, null, new Vec3(0.1, 0.1, 0.1), at, null, null);
                case 1 -> new SceneObject("o" + i, Shape.CUBE, mat, null, new Vec3(0.15, 0.15, 0.15), at, null, null);
                case 2 -> new SceneObject("o" + i, Shape.PLANK, mat, null, new Vec3(0.6, 0.03, 0.1), at, null, null);
                default -> new SceneObject("o" + i, Shape.CYLINDER, mat, null, new Vec3(0.06, 0.3, 0.06), at, null, null);
            };
            objects.add(o);
        }
        Environment env = Environment.indoor(Material.WOOD, new Room(new Vec3(6, 3, 6), Material.STONE, Material.STONE));
        return new Scene(3, 60, 24, 1280, 720, 0, 9.81, LocalTime.NOON, env,
                new Camera(new Vec3(0, 1.2, -2.8), new Vec3(0, 0.4, 0), 50), objects);
    }

    /** About 200 impacts over 60 s: on the floor, on the walls, between objects. */
    static List<ContactEvent> events(Scene s, int count) {
        Random rnd = new Random(11);
        List<ContactEvent> e = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String a = s.objects().get(rnd.nextInt(s.objects().size())).id();
            int kind = rnd.nextInt(10);
            String b = kind < 7 ? Scene.FLOOR_ID : kind < 8 ? Scene.WALL_ID : s.objects().get(rnd.nextInt(s.objects().size())).id();
            if (b.equals(a)) b = Scene.FLOOR_ID;
            double v = 0.2 + 5 * rnd.nextDouble();
            e.add(new ContactEvent(60 * rnd.nextDouble(), ContactEvent.IMPACT, a, b, v, s.object(a).mass() * v * 1.5,
                    new Vec3(4 * rnd.nextDouble() - 2, 0, 4 * rnd.nextDouble() - 2)));
        }
        e.sort((x, y) -> Double.compare(x.t(), y.t()));
        return e;
    }

    /**
     * Keyframes of every object circling where it stands (0.5 m around it at 1 rad/s, each a
     * different phase), the camera still: every strike's source moves for as long as it rings.
     */
    static List<dev.diorama.scene.Keyframe> circling(Scene s) {
        List<dev.diorama.scene.Keyframe> frames = new ArrayList<>();
        for (int f = 0; f <= s.frameCount(); f++) {
            double t = (double) f / s.fps();
            List<dev.diorama.scene.Pose> poses = new ArrayList<>();
            for (int i = 0; i < s.objects().size(); i++) {
                double a = t + i;
                Vec3 at = s.objects().get(i).position().plus(new Vec3(0.5 * Math.cos(a), 0, 0.5 * Math.sin(a)));
                poses.add(new dev.diorama.scene.Pose(at, dev.diorama.scene.Quat.IDENTITY, Double.NaN));
            }
            frames.add(new dev.diorama.scene.Keyframe(f, t, poses));
        }
        return frames;
    }

    /** {@code AudioBench [EVENTS [moving]]}: with "moving", every object circles while it rings ({@link #circling}). */
    public static void main(String[] args) {
        Scene s = room();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<ContactEvent> events = events(s, count);
        List<dev.diorama.scene.Keyframe> frames = args.length > 1 && args[1].equals("moving") ? circling(s) : List.of();
        int block = SoundTrack.SAMPLE_RATE / s.fps(); // one film frame per block, as the engine streams it
        float[] l = new float[block], r = new float[block];
        for (SoundTrack.Options options : new SoundTrack.Options[] {SoundTrack.Options.ANECHOIC, SoundTrack.Options.FILM}) {
            double best = Double.MAX_VALUE, bestSetup = 0;
            for (int run = 0; run < 3; run++) { // the first run includes JIT warm-up
                long t0 = System.nanoTime();
                SoundTrack track = new SoundTrack(s, events, frames, options);
                double setup = (System.nanoTime() - t0) / 1e9;
                long total = 60L * SoundTrack.SAMPLE_RATE;
                for (long k = 0; k < total; k += block) track.render(k, l, r, block);
                track.close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (seconds < best) {
                    best = seconds;
                    bestSetup = setup;
                }
                System.out.printf("%s: 60 s of sound, %d events%s (%s): %.3f s (construction and pre-pass %.3f s)%n",
                        options, events.size(), frames.isEmpty() ? "" : ", every body moving", track, seconds, setup);
                SoundTrack.Mastering m = track.mastering();
                if (m != null && run == 0) {
                    System.out.printf("  mastering: %.2f LUFS / %.2f dBTP before, gain %+.2f dB, limiter %.2f dB deepest "
                                    + "(%.3f dB mean, %.1f %% of the samples, %.2f LU taken), %d passes: %.2f LUFS / %.2f dBTP%n",
                            m.loudness(), m.truePeak(), 20 * Math.log10(m.gain()), m.maxReduction(), m.meanReduction(),
                            100 * m.limitedShare(), m.loudnessTaken(), m.passes(), m.finalLoudness(), m.finalTruePeak());
                }
            }
            System.out.printf("%s best: %.3f s for 60 s of sound (%.0fx real time; construction %.3f s)%n", options, best,
                    60 / best, bestSetup);
        }
    }
}
