package dev.diorama.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.Timeline;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one writer of the ground-truth sidecar ({@code FILE.json} beside {@code FILE.mp4}). Written
 * as a stream, so a long film's sidecar never has to sit in memory as a tree.
 *
 * <pre>
 * { "format": "diorama-sidecar/1",
 *   "seed": 7, "fps": 24, "sampleRate": 48000, "frameCount": 96,
 *   "scene":  { ...the scene exactly as rendered, readable by `diorama render`... },
 *   "sound":  { "loudness": -16.0, "truePeak": -1.03, "target": -16, "ceiling": -1 },
 *   "events": [ { "t": 0.4517, "frame": 10, "sample": 21682, "kind": "impact", "a": "red-rubber-ball",
 *                 "b": "floor", "speed": 4.43, "impulse": 0.87, "point": [x, y, z] } ],
 *   "contacts": [ { "t": 1.25, "a": "red-rubber-ball", "b": "floor", "force": 45.2, "slip": 0.004,
 *                   "roll": 1.33, "point": [x, y, z] } ],
 *   "liquidSounds": [ { "t": 0.61, "frame": 14, "sample": 29280, "kind": "bubble", "radius": 0.0021,
 *                       "point": [x, y, z] },
 *                     { "t": 0.60, ..., "kind": "splash", "speed": 2.1, "volume": 3.2e-6, "point": [x, y, z] } ],
 *   "frames": [ { "index": 0, "t": 0.0,
 *                 "poses": { "red-rubber-ball": { "position": [x, y, z], "rotation": [x, y, z, w] } },
 *                 "liquids": { "water": { "particles": 16848, "volume": 0.01683 } } } ] }
 * </pre>
 * {@code sound} (a film's sidecar): the loudness of its sound track as mastered, LUFS integrated
 * (ITU-R BS.1770, our meter), its true peak, dBTP, and the targets it was mastered to; a film of
 * short knocks in silence stays below the loudness target where reaching it would pass the ceiling
 * (README, Acoustics). Omitted where the film's events make no sound (its track is the place's
 * ambience alone, left quiet) and for an extended film.
 * The liquid entries (only in scenes with liquids): {@code liquidSounds}, the bubbles and splashes
 * the sound is made of; per frame, each liquid's particle count (particles that leave the simulated
 * region are removed) and volume, m^3 (each particle's rest volume, less where it is compressed).
 * In slow motion (the scene's {@code captureFps} above its {@code fps}) every {@code t} is the
 * world's time, a frame's index is {@code floor(t * captureFps)} and a sound's first sample in the
 * film is {@code round(t * captureFps / fps * sampleRate)}: the film shows and sounds the world
 * captureFps / fps times slower.
 * A pose that shows an object at the instant of an impact inside the frame (a contact frame, see
 * {@code dev.diorama.sim.Simulator}) also carries {@code "sampledAt"}: the time of that instant.
 */
public final class SidecarJson {
    public static final String FORMAT = "diorama-sidecar/1";

    private SidecarJson() {}

    public static void write(Path file, Scene scene, Timeline timeline, int sampleRate)
            throws IOException {
        write(file, scene, timeline, sampleRate, null);
    }

    /**
     * As {@link #write(Path, Scene, Timeline, int)}, with {@code "remixedFrom"}: what the film was
     * remixed from ({@code {"file": the earlier scene or sidecar, "seed": its seed, "edit": the words}}),
     * or null for none.
     */
    public static void write(Path file, Scene scene, Timeline timeline, int sampleRate,
                             com.fasterxml.jackson.databind.JsonNode remixedFrom) throws IOException {
        write(file, scene, timeline.frames(), timeline.events(), timeline.contacts(), timeline.liquidSounds(), sampleRate,
                remixedFrom);
    }

    /** As {@link #write(Path, Scene, Timeline, int, com.fasterxml.jackson.databind.JsonNode)}, from the keyframes, events and contacts. */
    static void write(Path file, Scene scene, List<Keyframe> frames, List<ContactEvent> events,
                      List<dev.diorama.scene.ContactState> contacts, List<dev.diorama.scene.LiquidSound> liquidSounds,
                      int sampleRate, com.fasterxml.jackson.databind.JsonNode remixedFrom) throws IOException {
        write(file, scene, frames, events, contacts, liquidSounds, sampleRate, remixedFrom, null);
    }

    /** As above, with the film's sound as mastered ({@code "sound"}; null: none written). */
    static void write(Path file, Scene scene, List<Keyframe> frames, List<ContactEvent> events,
                      List<dev.diorama.scene.ContactState> contacts, List<dev.diorama.scene.LiquidSound> liquidSounds,
                      int sampleRate, com.fasterxml.jackson.databind.JsonNode remixedFrom,
                      dev.diorama.audio.SoundTrack.Mastering mastering) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = open(out)) {
            writeHeader(g, scene, frames.size(), sampleRate);
            if (mastering != null && mastering.finalLoudness() > Double.NEGATIVE_INFINITY) {
                g.writeObjectFieldStart("sound");
                g.writeNumberField("loudness", Math.round(mastering.finalLoudness() * 100) / 100.0);
                g.writeNumberField("truePeak", Math.round(mastering.finalTruePeak() * 100) / 100.0);
                g.writeNumberField("target", dev.diorama.audio.SoundTrack.TARGET_LUFS);
                g.writeNumberField("ceiling", dev.diorama.audio.SoundTrack.CEILING_DBTP);
                g.writeEndObject();
            }
            if (remixedFrom != null) {
                g.writeFieldName("remixedFrom");
                g.writeTree(remixedFrom);
            }
            writeEventsAndFrames(g, frames, events, contacts, liquidSounds, scene.captureFps(), scene.slowMotion(), sampleRate, scene);
            g.writeEndObject();
        }
    }

    /**
     * The sidecar of an extended film ({@link Continuation}): {@code scene} is the original's, and
     * {@code extension} says what follows it: {@code {"scene": the continuation's scene, "offset":
     * its t = 0 on the stitched clock, "firstFrame": the stitched index of its frame 1, and for an
     * extension of an extension "after": the earlier extensions' prompts and seconds, in order}}. The events
     * and frames are the stitched timeline's (times on the stitched clock, indices continuing); the
     * frames after the seam carry the poses of the continuation's objects.
     */
    public static void writeExtended(Path file, Continuation.Plan plan, Timeline stitched, int sampleRate)
            throws IOException {
        Scene scene = plan.original();
        Scene cont = plan.continuation();
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = open(out)) {
            writeHeader(g, scene, stitched.frames().size(), sampleRate);
            g.writeObjectFieldStart("extension");
            g.writeFieldName("scene");
            g.writeTree(SceneJson.toJson(cont));
            g.writeNumberField("offset", plan.offset());
            g.writeNumberField("firstFrame", plan.originalFrames());
            if (!plan.earlier().isEmpty()) {
                g.writeArrayFieldStart("after");
                for (Continuation.Step step : plan.earlier()) {
                    g.writeStartObject();
                    g.writeStringField("prompt", step.prompt());
                    g.writeNumberField("seconds", step.seconds());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            writeEventsAndFrames(g, stitched.frames(), stitched.events(), stitched.contacts(), stitched.liquidSounds(),
                    scene.fps(), 1, sampleRate, cont);
            g.writeEndObject();
        }
    }

    private static JsonGenerator open(OutputStream out) throws IOException {
        JsonGenerator g = SceneJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /** Opens the top-level object and writes what every sidecar starts with, the filmed scene last. */
    private static void writeHeader(JsonGenerator g, Scene scene, int frameCount, int sampleRate) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("seed", scene.seed());
        g.writeNumberField("fps", scene.fps());
        g.writeNumberField("sampleRate", sampleRate);
        g.writeNumberField("frameCount", frameCount);
        g.writeFieldName("scene");
        g.writeTree(SceneJson.toJson(scene));
    }

    /**
     * Events, then every frame's poses. A frame lists as many poses as objects existed then; the
     * ids come from {@code last}, the latest scene, whose objects start with every earlier part's in
     * the same order (see {@link Continuation}).
     */
    private static void writeEventsAndFrames(JsonGenerator g, List<Keyframe> frames, List<ContactEvent> events,
                                             List<dev.diorama.scene.ContactState> contacts,
                                             List<dev.diorama.scene.LiquidSound> liquidSounds, int fps, double slow,
                                             int sampleRate, Scene last) throws IOException {
        g.writeArrayFieldStart("events");
        for (ContactEvent e : events) {
            g.writeStartObject();
            g.writeNumberField("t", e.t());
            g.writeNumberField("frame", (int) Math.floor(e.t() * fps));
            g.writeNumberField("sample", Math.round(e.t() * slow * sampleRate));
            g.writeStringField("kind", e.kind());
            g.writeStringField("a", e.a());
            g.writeStringField("b", e.b());
            g.writeNumberField("speed", e.speed());
            g.writeNumberField("impulse", e.impulse());
            g.writeFieldName("point");
            g.writeArray(e.point().toArray(), 0, 3);
            g.writeEndObject();
        }
        g.writeEndArray();
        // Rolling and sliding, a summary per frame and pair (written only when something rolled or slid).
        if (!contacts.isEmpty()) {
            g.writeArrayFieldStart("contacts");
            for (dev.diorama.scene.ContactState c : contacts) {
                g.writeStartObject();
                g.writeNumberField("t", c.t());
                g.writeStringField("a", c.a());
                g.writeStringField("b", c.b());
                g.writeNumberField("force", c.force());
                g.writeNumberField("slip", c.slip());
                g.writeNumberField("roll", c.roll());
                g.writeFieldName("point");
                g.writeArray(c.point().toArray(), 0, 3);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!liquidSounds.isEmpty()) {
            g.writeArrayFieldStart("liquidSounds");
            for (dev.diorama.scene.LiquidSound s : liquidSounds) {
                g.writeStartObject();
                g.writeNumberField("t", s.t());
                g.writeNumberField("frame", (int) Math.floor(s.t() * fps));
                g.writeNumberField("sample", Math.round(s.t() * slow * sampleRate));
                g.writeStringField("kind", s.kind());
                if (dev.diorama.scene.LiquidSound.BUBBLE.equals(s.kind())) {
                    g.writeNumberField("radius", s.radius());
                } else {
                    g.writeNumberField("speed", s.speed());
                    g.writeNumberField("volume", s.volume());
                }
                g.writeFieldName("point");
                g.writeArray(s.point().toArray(), 0, 3);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("frames");
        for (int f = 0; f < frames.size(); f++) {
            Keyframe k = frames.get(f);
            g.writeStartObject();
            g.writeNumberField("index", k.index());
            g.writeNumberField("t", k.t());
            g.writeObjectFieldStart("poses");
            for (int i = 0; i < k.poses().size(); i++) {
                Pose p = k.poses().get(i);
                g.writeObjectFieldStart(last.objects().get(i).id());
                g.writeFieldName("position");
                g.writeArray(p.position().toArray(), 0, 3);
                g.writeFieldName("rotation");
                g.writeArray(new double[] {p.rotation().x(), p.rotation().y(), p.rotation().z(), p.rotation().w()}, 0, 4);
                if (!Double.isNaN(p.sampledAt())) g.writeNumberField("sampledAt", p.sampledAt());
                g.writeEndObject();
            }
            g.writeEndObject();
            if (!k.liquids().isEmpty()) {
                g.writeObjectFieldStart("liquids");
                for (int l = 0; l < k.liquids().size() && l < last.liquids().size(); l++) {
                    g.writeObjectFieldStart(last.liquids().get(l).id());
                    g.writeNumberField("particles", k.liquids().get(l).count());
                    g.writeNumberField("volume", k.liquids().get(l).volume());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
