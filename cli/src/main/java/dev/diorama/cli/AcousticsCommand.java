package dev.diorama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.audio.DecayAnalysis;
import dev.diorama.audio.OctaveBands;
import dev.diorama.audio.RoomAcoustics;
import dev.diorama.audio.RoomDescription;
import dev.diorama.audio.RoomImpulseResponse;
import dev.diorama.audio.SoundTrack;
import dev.diorama.audio.WavWriter;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.Vec3;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diorama acoustics ROOM-DESCRIPTION -o ir.wav [--json]}: a room's impulse response and its
 * reverberation, predicted and measured.
 *
 * <p>The room is words ("a small tiled bathroom", "a carpeted bedroom", "a stone hall", "a gym"; the
 * vocabulary and the sizes and surfaces it maps to are in {@link RoomDescription}) or a scene file
 * with an indoor room (what {@code diorama explain} prints, or a film's sidecar). It writes the
 * impulse response an omnidirectional microphone records (mono, or with {@code --stereo} the two
 * ears the films use, facing the source) as a 48 kHz 32-bit float WAV, written atomically, and
 * prints the room's volume, surface, mean absorption, Sabine's and Eyring's reverberation times
 * and the T30 measured on the response by Schroeder backward integration, per octave band
 * (125 Hz to 4 kHz) and as the mid value (the mean of 500 Hz and 1 kHz, ISO 3382's T_mid).
 */
@Command(name = "acoustics", mixinStandardHelpOptions = true,
        description = "Write a room's impulse response (WAV) and print its reverberation: Sabine, Eyring and measured.")
final class AcousticsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ROOM",
            description = "the room in words (\"a small tiled bathroom\") or a scene JSON file with an indoor room")
    List<String> words;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.wav", description = "where to write the impulse response")
    Path output;
    @Option(names = "--json", description = "print the numbers as JSON")
    boolean json;
    @Option(names = "--stereo", description = "write the two ears (left, right) instead of one omnidirectional microphone")
    boolean stereo;
    @Option(names = "--seed", paramLabel = "N", description = "seed of the late reverberation's noise (default 0)")
    long seed;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        checkOutput();
        RoomDescription d = room();
        RoomAcoustics room = d.room();
        RoomImpulseResponse omni = RoomImpulseResponse.omni(room, d.source(), d.listener(), seed);
        RoomImpulseResponse written = stereo ? RoomImpulseResponse.stereo(room, d.source(), d.listener(), seed) : omni;
        double[] h = omni.channels()[0];
        int bands = OctaveBands.COUNT;
        double[] measured = new double[bands], octave = new double[bands];
        for (int b = 0; b < bands; b++) {
            measured[b] = DecayAnalysis.rt60(h, b);
            octave[b] = DecayAnalysis.rt60Octave(h, b);
        }
        double broadband = DecayAnalysis.rt60(h);
        WavWriter.writeAtomically(output, written.channels(), SoundTrack.SAMPLE_RATE, WavWriter.Format.FLOAT32);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SceneJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    report(d, written, measured, octave, broadband)));
        } else {
            out.print(text(d, measured, octave, broadband));
        }
        out.flush();
        main.err.printf(Locale.ROOT, "diorama: wrote %s (%s, 32-bit float, 48 kHz, %.2f s, %d image sources up to order %d, "
                        + "late reverberation from %.0f ms)%n", output, stereo ? "stereo" : "mono", written.length() / 48_000.0,
                written.imageCount(), RoomImpulseResponse.MAX_ORDER, written.mixingTime() * 1e3);
        return Main.OK;
    }

    private void checkOutput() {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wav")) throw new BadInput("-o: expected a file name ending in .wav, found '" + output + "'");
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInput("-o: the directory " + dir + " does not exist; expected an existing directory");
        }
        if (!Files.isWritable(dir)) throw new BadInput("-o: cannot write in " + dir);
        if (Files.isDirectory(output)) throw new BadInput("-o: " + output + " is a directory; expected a file name");
    }

    /** The words, or the scene file they name. */
    private RoomDescription room() {
        String text = String.join(" ", words).trim();
        if (words.size() == 1 && (text.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(Path.of(text)))) {
            Path file = Path.of(text);
            String content;
            try {
                content = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new BadInput(file + ": no such file; expected a scene JSON file or a room described in words");
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new BadInput(file + ": cannot read it as UTF-8 text (" + e.getMessage() + ")");
            }
            try {
                JsonNode root = SceneJson.MAPPER.readTree(content);
                if (root != null && root.isObject() && root.has("format") && root.has("scene")) root = root.get("scene");
                return RoomDescription.of(SceneJson.read(root == null ? SceneJson.MAPPER.missingNode() : root), file.toString());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInput(file + ": expected valid JSON (" + e.getOriginalMessage() + ")");
            } catch (SceneException | IllegalArgumentException e) {
                throw new BadInput(file + ": " + e.getMessage());
            }
        }
        try {
            return RoomDescription.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private static String text(RoomDescription d, double[] measured, double[] octave, double broadband) {
        RoomAcoustics r = d.room();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %s%n", d.words(), r));
        s.append(String.format(Locale.ROOT, "volume %.1f m3, surface %.1f m2; source at %s, listener at %s (%.2f m apart)%n",
                r.volume(), r.surface(), point(d.source()), point(d.listener()), d.source().minus(d.listener()).length()));
        s.append(String.format(Locale.ROOT, "%8s %10s %9s %9s %12s %12s%n", "band", "absorption", "Sabine", "Eyring",
                "T30 (1/3 oct)", "T30 (octave)"));
        for (int b = 0; b < OctaveBands.COUNT; b++) {
            s.append(String.format(Locale.ROOT, "%5.0f Hz %10.3f %7.2f s %7.2f s %11.2f s %11.2f s%n", OctaveBands.centre(b),
                    r.meanAbsorption(b), r.sabine(b), r.eyring(b), measured[b], octave[b]));
        }
        int lo = OctaveBands.B500, hi = OctaveBands.B1000;
        s.append(String.format(Locale.ROOT, "%8s %10.3f %7.2f s %7.2f s %11.2f s %11.2f s%n", "mid",
                RoomAcoustics.mid(r.meanAbsorption(lo), r.meanAbsorption(hi)), RoomAcoustics.mid(r.sabine(lo), r.sabine(hi)),
                RoomAcoustics.mid(r.eyring(lo), r.eyring(hi)), RoomAcoustics.mid(measured[lo], measured[hi]),
                RoomAcoustics.mid(octave[lo], octave[hi])));
        s.append(String.format(Locale.ROOT, "broadband T30 %.2f s%n", broadband));
        return s.toString();
    }

    private static ObjectNode report(RoomDescription d, RoomImpulseResponse ir, double[] measured, double[] octave,
                                     double broadband) {
        RoomAcoustics r = d.room();
        ObjectNode o = SceneJson.MAPPER.createObjectNode();
        o.put("room", d.words());
        o.set("size", vector(r.size()));
        o.put("floor", r.floor().jsonName());
        o.put("walls", r.walls().jsonName());
        o.put("ceiling", r.ceiling().jsonName());
        o.put("volume", round(r.volume()));
        o.put("surface", round(r.surface()));
        o.set("source", vector(d.source()));
        o.set("listener", vector(d.listener()));
        int lo = OctaveBands.B500, hi = OctaveBands.B1000;
        o.put("meanAbsorption", round(RoomAcoustics.mid(r.meanAbsorption(lo), r.meanAbsorption(hi))));
        o.put("sabine", round(RoomAcoustics.mid(r.sabine(lo), r.sabine(hi))));
        o.put("eyring", round(RoomAcoustics.mid(r.eyring(lo), r.eyring(hi))));
        num(o, "rt60", RoomAcoustics.mid(measured[lo], measured[hi]));
        num(o, "rt60Broadband", broadband);
        ArrayNode bands = o.putArray("bands");
        for (int b = 0; b < OctaveBands.COUNT; b++) {
            ObjectNode n = bands.addObject();
            n.put("hz", (int) OctaveBands.centre(b));
            n.put("meanAbsorption", round(r.meanAbsorption(b)));
            n.put("sabine", round(r.sabine(b)));
            n.put("eyring", round(r.eyring(b)));
            num(n, "rt60", measured[b]);
            num(n, "rt60Octave", octave[b]);
        }
        ObjectNode f = o.putObject("impulseResponse");
        f.put("channels", ir.channels().length);
        f.put("sampleRate", SoundTrack.SAMPLE_RATE);
        f.put("format", "float32");
        f.put("seconds", round(ir.length() / (double) SoundTrack.SAMPLE_RATE));
        f.put("imageSources", ir.imageCount());
        f.put("maxOrder", RoomImpulseResponse.MAX_ORDER);
        f.put("mixingTime", round(ir.mixingTime()));
        return o;
    }

    /** A number rounded to three decimals, or null where the decay could not be fitted (NaN). */
    private static void num(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) o.put(field, round(x));
        else o.putNull(field);
    }

    private static ArrayNode vector(Vec3 v) {
        ArrayNode a = SceneJson.MAPPER.createArrayNode();
        a.add(round(v.x())).add(round(v.y())).add(round(v.z()));
        return a;
    }

    /** Three decimals. */
    private static double round(double x) { return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : x; }

    private static String point(Vec3 v) { return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f) m", v.x(), v.y(), v.z()); }
}
