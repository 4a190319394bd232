package dev.diorama.engine;

import dev.diorama.audio.SoundTrack;
import dev.diorama.media.MediaReader;
import dev.diorama.media.Mp4Writer;
import dev.diorama.prompt.PromptParser;
import dev.diorama.render.Renderer;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.TimeLapse;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import dev.diorama.sim.LiquidState;
import dev.diorama.sim.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extending a film: the world of a finished film goes on from where it ended, with what a new
 * prompt adds, and the two are stitched into one longer MP4.
 *
 * <p>The simulation is deterministic, so the original scene is simulated again to recover its exact
 * final state. The continuation scene starts from that state: every original object at the pose of
 * the original's last keyframe with its final linear velocity, plus the new prompt's objects (parsed
 * with the original's seed, size and frame rate; ids made unique; moved sideways only if they would
 * start inside an object already there). Same environment, gravity, physics rate and seed; the
 * camera is the original's camera at its last frame, still (a tracking camera keeps tracking);
 * the clock goes on from the original's last frame, and a time-lapse continues at the same rate.
 *
 * <p>Every body goes on with its final linear and angular velocity (its spin). Limit: an object that
 * ended pressed into the floor by more than the scene's tolerance is lifted onto it.
 *
 * <p>Liquids go on as the particles they ended as, each with its velocity (not filled and settled
 * again); a pour or rain still running at the end goes on for the rest of its time, one that has
 * ended does not start again. A liquid that was only poured and has stopped is described in the
 * continuation's scene by the box its particles fill (the scene needs one to say where the liquid
 * is; the particles, not the box, are what the simulation starts from).
 *
 * <p>The seam: the continuation's frame 0 is the original's last frame (same poses), so the stitched
 * film is the original's N frames followed by the continuation's frames 1..M: stitched frame
 * {@code N - 1 + j} is continuation frame {@code j}, and continuation time {@code t} is stitched time
 * {@code t + (N - 1) / fps} ({@link Plan#offset()}).
 */
public final class Continuation {
    private Continuation() {}

    /** One earlier extension of a film: what its prompt added and how many seconds it went on. */
    public record Step(String prompt, double seconds) {}

    /**
     * @param original          the first film's scene (the sidecar's {@code scene})
     * @param originalTimeline  the timeline of the film being extended: the first film's, simulated
     *                          again, or for an extension of an extension the earlier stitched one
     * @param continuation      the scene that goes on from that film's last frame
     * @param offset            stitched time of the continuation's t = 0: (N - 1) / fps
     * @param originalFrames    N, the frame count of the film being extended
     * @param ignoredWords      words of the new prompt the parser did not use
     * @param earlier           the extensions already in the film being extended, in order (empty
     *                          when it is a plain film)
     */
    public record Plan(Scene original, Timeline originalTimeline, Scene continuation, double offset,
                       int originalFrames, List<String> ignoredWords, List<Step> earlier, List<LiquidState> liquids) {
        public Plan {
            earlier = List.copyOf(earlier);
            liquids = List.copyOf(liquids);
        }

        /** The continuation simulated from the film's end (its liquids starting as they ended). */
        public Timeline simulate(java.util.function.DoubleConsumer progress, java.util.function.Consumer<Simulator.End> end) {
            return Simulator.run(continuation, progress, end, liquids);
        }

        /** Frames of the stitched film: the original's and the continuation's after its first. */
        public int stitchedFrames() { return originalFrames + continuation.frameCount() - 1; }
    }

    /**
     * Plans the continuation of {@code original} by {@code seconds} of film with {@code prompt}'s
     * additions (an empty or null prompt adds nothing).
     *
     * @throws dev.diorama.prompt.PromptException when the prompt cannot be read
     * @throws dev.diorama.scene.SceneException when the continuation is not a valid scene
     */
    public static Plan plan(Scene original, String prompt, double seconds, Progress progress) {
        return plan(original, List.of(), prompt, seconds, progress);
    }

    /**
     * Plans the continuation of a film that is {@code original} followed by the {@code earlier}
     * extensions: each earlier part is planned and simulated again in turn (everything is
     * deterministic, so the world ends exactly as the film being extended did), then the new part
     * goes on from the last one's final state.
     */
    public static Plan plan(Scene original, List<Step> earlier, String prompt, double seconds, Progress progress) {
        if (original.captureFps() != original.fps()) {
            throw new dev.diorama.prompt.PromptException(prompt, "extends a slow-motion film (" + original.captureFps()
                    + " frames a second of the world played at " + original.fps() + "); only a film in real time can be extended for now");
        }
        int parts = earlier.size() + 1;
        Simulator.End[] end = new Simulator.End[1];
        Timeline timeline = Simulator.run(original, f -> progress.update("simulating", f / 2 / parts), e -> end[0] = e);
        Scene world = original;
        Timeline worldTimeline = timeline;
        Timeline shown = timeline;
        for (int k = 0; k < earlier.size(); k++) {
            Step step = earlier.get(k);
            Plan p = next(original, world, worldTimeline, end[0], shown, step.prompt(), step.seconds(), earlier.subList(0, k));
            double base = (k + 1.0) / parts;
            worldTimeline = p.simulate(f -> progress.update("simulating", (base + f / parts) / 2), e -> end[0] = e);
            world = p.continuation();
            shown = stitch(p, worldTimeline);
        }
        return next(original, world, worldTimeline, end[0], shown, prompt, seconds, earlier);
    }

    /**
     * The continuation of the film {@code shown}, whose world is {@code world}: a scene simulated
     * into {@code worldTimeline} and ending in {@code end}.
     */
    private static Plan next(Scene original, Scene world, Timeline worldTimeline, Simulator.End end, Timeline shown,
                             String prompt, double seconds, List<Step> earlier) {
        int n = shown.frames().size();
        int fps = world.fps();
        double offset = (double) (n - 1) / fps;
        double localEnd = (double) (worldTimeline.frames().size() - 1) / fps;
        // One more frame than asked: frame 0 is the seam, the film's last frame.
        double contSeconds = seconds + 1.0 / fps;

        List<SceneObject> objects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < world.objects().size(); i++) {
            SceneObject o = world.objects().get(i);
            Pose p = end.poses().get(i);
            Vec3 pos = p.position();
            if (pos.y() - o.boundingRadius() <= -1e-9 && pos.y() - o.halfHeight() < -1e-9) {
                pos = new Vec3(pos.x(), o.halfHeight(), pos.z());
            }
            objects.add(o.continuing(pos, p.rotation(), end.velocities().get(i), end.angularVelocities().get(i)));
            ids.add(o.id());
        }
        List<String> ignored = List.of();
        if (prompt != null && !prompt.isBlank()) {
            PromptParser.Parse parse = PromptParser.parse(prompt,
                    new PromptParser.Options(world.seed(), contSeconds, fps, world.width(), world.height())
                            .withSecondsOverride(contSeconds));
            ignored = parse.ignoredWords();
            for (SceneObject o : parse.scene().objects()) {
                String id = unique(o.id(), ids);
                ids.add(id);
                Vec3 pos = clear(o, o.position(), objects);
                objects.add(o.copy(id, pos));
            }
        }

        double minutes = world.clockAt(localEnd);
        int days = (int) Math.floor(minutes / 1440);
        double inDay = minutes - days * 1440.0;
        LocalTime time = LocalTime.ofSecondOfDay(Math.min(86399, Math.round(inDay * 60)));
        var environment = days == 0 ? world.environment()
                : world.environment().on(world.environment().date().plusDays(days));
        TimeLapse lapse = world.timeLapse() == null ? null
                : new TimeLapse(Math.min(TimeLapse.MAX_HOURS, world.timeLapse().hours() * contSeconds / world.seconds()));
        Keyframe last = new Keyframe(worldTimeline.frames().size() - 1, localEnd, end.poses());
        CameraMove move = world.cameraMove() instanceof CameraMove.Track t ? t : null;
        var camera = world.cameraAt(last);
        Scene continuation = new Scene(world.seed(), contSeconds, fps, world.width(), world.height(),
                world.physicsRate(), world.gravity(), time, environment, camera, objects, move, lapse,
                carriedJoints(world, end.poses()), List.of(), carriedLiquids(world, end.liquids(), localEnd));
        return new Plan(original, shown, continuation, offset, n, ignored, earlier, end.liquids());
    }

    /**
     * The world's liquids as the continuation's scene describes them: the same, with their pours and
     * rain on the continuation's clock (what has stopped by {@code localEnd} dropped; what still
     * runs, for the rest of its time); a liquid left with neither a box nor a holder nor a stream
     * (poured, and the pour over) gets the box its particles fill.
     */
    private static List<dev.diorama.scene.Liquid> carriedLiquids(Scene world, List<LiquidState> ended, double localEnd) {
        List<dev.diorama.scene.Liquid> out = new ArrayList<>();
        for (int l = 0; l < world.liquids().size(); l++) {
            dev.diorama.scene.Liquid q = world.liquids().get(l);
            dev.diorama.scene.Liquid.Pour p = q.pour();
            if (p != null) {
                p = p.end() <= localEnd + 1e-9 ? null : new dev.diorama.scene.Liquid.Pour(p.from(), p.velocity(), p.radius(),
                        Math.max(0, p.start() - localEnd), p.end() - localEnd);
            }
            dev.diorama.scene.Liquid.Rain r = q.rain();
            if (r != null) {
                r = r.end() <= localEnd + 1e-9 ? null : new dev.diorama.scene.Liquid.Rain(r.x0(), r.x1(), r.z0(), r.z1(), r.height(),
                        r.intensity(), Math.max(0, r.start() - localEnd), r.end() - localEnd);
            }
            Vec3 min = q.min(), max = q.max();
            if (min == null && q.in() == null && p == null && r == null) {
                Vec3[] box = bounds(ended.get(l), q.spacing());
                min = box[0];
                max = box[1];
            }
            out.add(new dev.diorama.scene.Liquid(q.id(), q.kind(), min, max, q.in(), q.level(), p, r, q.spacing()));
        }
        return out;
    }

    /** The box the particles fill, half a spacing round each, not below the floor. */
    private static Vec3[] bounds(LiquidState s, double spacing) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] x = s.xyz();
        for (int i = 0; i < x.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], x[i] - spacing / 2);
            hi[i % 3] = Math.max(hi[i % 3], x[i] + spacing / 2);
        }
        if (s.count() == 0) {
            lo = new double[] {0, 0, 0};
            hi = new double[] {spacing, spacing, spacing};
        }
        lo[1] = Math.max(0, lo[1]);
        hi[1] = Math.max(hi[1], lo[1] + spacing);
        return new Vec3[] {new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2])};
    }

    /**
     * The original's joints where its film ended: each anchor (and hinge axis) is a point (and
     * direction) fixed in object a, so it goes where a's final pose takes it.
     */
    private static List<dev.diorama.scene.Joint> carriedJoints(Scene original, List<Pose> poses) {
        List<dev.diorama.scene.Joint> out = new ArrayList<>();
        for (dev.diorama.scene.Joint j : original.joints()) {
            int i = original.indexOf(j.a());
            SceneObject a = original.objects().get(i);
            dev.diorama.scene.Quat turn = poses.get(i).rotation().times(a.rotation().conjugate());
            Vec3 anchor = poses.get(i).position().plus(turn.rotate(j.anchor().minus(a.position())));
            out.add(switch (j) {
                case dev.diorama.scene.Joint.Pivot v -> new dev.diorama.scene.Joint.Pivot(v.a(), v.b(), anchor);
                case dev.diorama.scene.Joint.Hinge h -> new dev.diorama.scene.Joint.Hinge(h.a(), h.b(), anchor,
                        turn.rotate(h.axis()));
            });
        }
        return out;
    }

    private static String unique(String id, Set<String> taken) {
        if (!taken.contains(id)) return id;
        for (int k = 2; ; k++) {
            String suffix = "-" + k;
            String base = id.length() + suffix.length() > 64 ? id.substring(0, 64 - suffix.length()) : id;
            if (!taken.contains(base + suffix)) return base + suffix;
        }
    }

    /**
     * The position, moved along x in steps while the object would start inside, or fall onto,
     * another: their bounding circles seen from above overlap.
     */
    private static Vec3 clear(SceneObject o, Vec3 pos, List<SceneObject> placed) {
        for (int tries = 0; tries < 50; tries++) {
            SceneObject hit = null;
            for (SceneObject p : placed) {
                double dx = p.position().x() - pos.x(), dz = p.position().z() - pos.z();
                if (Math.hypot(dx, dz) < p.boundingRadius() + o.boundingRadius() + 0.01) hit = p;
            }
            if (hit == null) return pos;
            double step = hit.boundingRadius() + o.boundingRadius() + 0.02;
            pos = new Vec3(hit.position().x() + (pos.x() >= hit.position().x() ? step : -step), pos.y(), pos.z());
        }
        return pos;
    }

    /**
     * Films the continuation and stitches it after the original film: a new MP4 ({@code video}) whose
     * first N frames and their sound are the original's, decoded from {@code originalVideo} and
     * encoded again, followed by the continuation's frames 1..M and their sound, and the combined
     * sidecar beside it. Both written atomically. The result's timeline is the stitched one.
     */
    public static FilmMaker.Result extend(Scene original, Path originalVideo, String prompt, double seconds, Path video,
                                          FilmMaker.Settings settings) throws IOException {
        return extend(original, List.of(), originalVideo, prompt, seconds, video, settings);
    }

    /**
     * As above for a film that is {@code original} followed by the {@code earlier} extensions
     * ({@code originalVideo} is that stitched film): the new part goes on from the end of the last.
     */
    public static FilmMaker.Result extend(Scene original, List<Step> earlier, Path originalVideo, String prompt,
                                          double seconds, Path video, FilmMaker.Settings settings) throws IOException {
        long start = System.nanoTime();
        Progress progress = settings.progress();
        Plan plan = plan(original, earlier, prompt, seconds, progress);
        Scene cont = plan.continuation();
        Timeline contTimeline = plan.simulate(f -> progress.update("simulating", 0.5 + f / 2), e -> { });
        Timeline stitched = stitch(plan, contTimeline);
        Path sidecar = FilmMaker.sidecarFor(video);
        int w = cont.width(), h = cont.height(), fps = cont.fps(), n = plan.originalFrames();
        int total = stitched.frames().size();
        try (AtomicOutput out = new AtomicOutput()) {
            Path tmpJson = out.temp(sidecar);
            Path tmpVideo = out.temp(video);
            SidecarJson.writeExtended(tmpJson, plan, stitched, SoundTrack.SAMPLE_RATE);
            try (SoundTrack sound = FilmMaker.master(cont, contTimeline, progress);
                 Mp4Writer writer = new Mp4Writer(tmpVideo, w, h, fps, SoundTrack.SAMPLE_RATE)) {
                try (MediaReader reader = new MediaReader(originalVideo)) {
                    var info = reader.info();
                    if (info.width() != w || info.height() != h) {
                        throw new IOException("the original video is " + info.width() + "x" + info.height()
                                + ", its scene " + w + "x" + h);
                    }
                    float[][] audio = reader.readAllAudio();
                    int maxSamples = (int) Math.ceil((double) SoundTrack.SAMPLE_RATE / fps) + 1;
                    float[] left = new float[maxSamples], right = new float[maxSamples];
                    for (int i = 0; i < n; i++) {
                        byte[] bgr = reader.nextFrame();
                        if (bgr == null) throw new IOException("the original video has fewer than " + n + " frames");
                        writer.writeFrame(bgr);
                        long s0 = FilmMaker.samplesBefore(i, fps), s1 = FilmMaker.samplesBefore(i + 1, fps);
                        int count = (int) (s1 - s0);
                        for (int k = 0; k < count; k++) {
                            long s = s0 + k;
                            left[k] = s < audio[0].length ? audio[0][(int) s] : 0;
                            right[k] = audio.length > 1 && s < audio[1].length ? audio[1][(int) s] : left[k];
                        }
                        writer.writeAudio(left, right, count);
                        progress.update("filming", (double) (i + 1) / total);
                    }
                }
                try (Renderer renderer = new Renderer(cont, settings.threads(), settings.render())) {
                    FilmMaker.stream(cont, contTimeline, sound, 1, renderer, writer,
                            f -> progress.update("filming", (n + f * (total - n)) / total));
                }
            }
            out.commit();
        }
        // The original part keeps its own mastering: no one loudness describes the stitched film.
        return new FilmMaker.Result(video, sidecar, stitched, (System.nanoTime() - start) / 1e9, null);
    }

    /**
     * The stitched timeline: the original's keyframes, then the continuation's from its second on,
     * re-indexed and shifted by the plan's offset; events likewise. The first part's poses list the
     * original's objects, the second part's the continuation's (original objects first, same order).
     */
    public static Timeline stitch(Plan plan, Timeline contTimeline) {
        List<Keyframe> frames = new ArrayList<>(plan.originalTimeline().frames());
        double off = plan.offset();
        int n = plan.originalFrames();
        int fps = plan.continuation().fps();
        for (int j = 1; j < contTimeline.frames().size(); j++) {
            Keyframe k = contTimeline.frames().get(j);
            List<Pose> poses = new ArrayList<>(k.poses().size());
            for (Pose p : k.poses()) {
                poses.add(Double.isNaN(p.sampledAt()) ? p : new Pose(p.position(), p.rotation(), p.sampledAt() + off));
            }
            int index = n - 1 + j;
            frames.add(new Keyframe(index, (double) index / fps, poses, k.liquids()));
        }
        List<ContactEvent> events = new ArrayList<>(plan.originalTimeline().events());
        for (ContactEvent e : contTimeline.events()) {
            events.add(new ContactEvent(e.t() + off, e.kind(), e.a(), e.b(), e.speed(), e.impulse(), e.point()));
        }
        List<dev.diorama.scene.ContactState> contacts = new ArrayList<>(plan.originalTimeline().contacts());
        for (dev.diorama.scene.ContactState c : contTimeline.contacts()) {
            contacts.add(new dev.diorama.scene.ContactState(c.t() + off, c.a(), c.b(), c.force(), c.slip(), c.roll(), c.point()));
        }
        List<dev.diorama.scene.LiquidSound> sounds = new ArrayList<>(plan.originalTimeline().liquidSounds());
        for (dev.diorama.scene.LiquidSound s : contTimeline.liquidSounds()) {
            sounds.add(new dev.diorama.scene.LiquidSound(s.kind(), s.t() + off, s.point(), s.radius(), s.speed(), s.volume()));
        }
        return new Timeline(frames, events, contacts, sounds);
    }
}
