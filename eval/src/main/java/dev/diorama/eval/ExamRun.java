package dev.diorama.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diorama.audio.SoundTrack;
import dev.diorama.engine.Progress;
import dev.diorama.engine.SidecarJson;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole exam: sets the chosen scenarios, marks the two baselines, the simulator's own answer
 * and, when given, a directory of answers ({@code ID.mp4} per scenario), and reports the scores
 * per family in Physics-IQ's way (the mean of each measure over the family's scenarios against
 * the mean of the physical variance).
 */
public final class ExamRun {
    public static final String HELD_STILL = "held-still", LINEAR = "linear", SIMULATOR = "simulator", ANSWERS = "answers";

    /** Every scenario's reference and, per entry (baseline or answers), its marks by scenario id. */
    public record Results(List<Exam.Reference> references, Map<String, Map<String, Exam.Mark>> entries) {}

    private ExamRun() {}

    /**
     * The answer files of {@code dir}: every {@code *.mp4} must be named after a scenario of the
     * suite. Checked before anything is filmed.
     */
    public static Map<String, Path> answers(Path dir, List<Scenario> chosen) {
        if (!Files.isDirectory(dir)) {
            throw new EvalException("--videos: " + dir + " is not a directory; expected a directory of ID.mp4 files");
        }
        Map<String, Path> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")).sorted().toList();
        } catch (IOException e) {
            throw new EvalException("--videos: cannot read " + dir + " (" + e.getMessage() + ")");
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            if (Suite.byId(id) == null) {
                throw new EvalException("--videos: " + name + " names no scenario; expected ID.mp4 with an id such as "
                        + Suite.all().get(0).id() + " (see --export)");
            }
            if (chosen.contains(Suite.byId(id))) out.put(id, p);
        }
        if (out.isEmpty()) {
            throw new EvalException("--videos: " + dir + " holds no ID.mp4 of the chosen scenarios; expected files such as "
                    + chosen.get(0).id() + ".mp4");
        }
        return out;
    }

    /** Runs the exam on {@code chosen}; {@code answers} maps scenario ids to answer files (may be empty). */
    public static Results run(List<Scenario> chosen, Map<String, Path> answers, int threads, Progress progress)
            throws IOException {
        Path work = Files.createTempDirectory("diorama-eval-");
        try {
            // Decode every answer first: a bad one stops the run before minutes of filming.
            Map<String, Clip> answerClips = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : answers.entrySet()) {
                Clip c;
                try {
                    c = Clip.read(e.getValue());
                } catch (UncheckedIOException | IllegalArgumentException ex) {
                    throw new EvalException("--videos: " + e.getValue().getFileName() + " is not a readable video; expected an MP4");
                }
                Exam.mark(checkOnly(Suite.byId(e.getKey())), c, e.getValue().getFileName().toString());
                answerClips.put(e.getKey(), c);
            }
            List<Exam.Reference> refs = new ArrayList<>();
            Map<String, Map<String, Exam.Mark>> entries = new LinkedHashMap<>();
            for (String name : List.of(HELD_STILL, LINEAR, SIMULATOR)) entries.put(name, new LinkedHashMap<>());
            if (!answerClips.isEmpty()) entries.put(ANSWERS, new LinkedHashMap<>());
            int done = 0;
            for (Scenario s : chosen) {
                Exam.Reference r = Exam.prepare(s, work, threads);
                refs.add(r);
                entries.get(HELD_STILL).put(s.id(), Exam.mark(r, Exam.heldStill(r, work), HELD_STILL));
                entries.get(LINEAR).put(s.id(), Exam.mark(r, Exam.linear(r, work, threads), LINEAR));
                entries.get(SIMULATOR).put(s.id(), Exam.mark(r, Exam.simulator(r, work, threads), SIMULATOR));
                Clip a = answerClips.get(s.id());
                if (a != null) entries.get(ANSWERS).put(s.id(), Exam.mark(r, a, s.id() + ".mp4"));
                progress.update("examining", (double) ++done / chosen.size());
            }
            return new Results(refs, entries);
        } finally {
            AtomicDirectory.deleteTree(work);
        }
    }

    /**
     * A reference good only for checking an answer's size, rate and length (marking against it
     * would be meaningless): lets bad answers fail before anything is filmed.
     */
    private static Exam.Reference checkOnly(Scenario s) {
        int n = s.continuationFrames(), px = s.scene().width() * s.scene().height();
        byte[] black = new byte[px * 3];
        List<byte[]> frames = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(black);
            masks.add(new boolean[px]);
        }
        Clip still = new Clip(s.scene().width(), s.scene().height(), s.scene().fps(), frames, new float[0], 0);
        return new Exam.Reference(s, null, black, still, masks, new Metrics(1, 1, 1, 0), null, 0);
    }

    /** The score of an entry over some scenarios: mean measures against the mean variance. */
    public static double score(Results r, String entry, List<Exam.Reference> over) {
        List<Metrics> marks = new ArrayList<>(), variance = new ArrayList<>();
        for (Exam.Reference ref : over) {
            Exam.Mark m = r.entries().get(entry).get(ref.scenario().id());
            if (m == null) continue;
            marks.add(m.metrics());
            variance.add(ref.variance());
        }
        return marks.isEmpty() ? Double.NaN : Metrics.mean(marks).score(Metrics.mean(variance));
    }

    /** The references of one family, or all of them for null. */
    static List<Exam.Reference> family(Results r, Family f) {
        return r.references().stream().filter(x -> f == null || x.scenario().family() == f).toList();
    }

    /** The results as JSON: scores per entry and family, and every scenario's measures. */
    public static ObjectNode toJson(Results r) {
        ObjectNode root = SceneJson.MAPPER.createObjectNode();
        root.put("format", "diorama-eval-physics/1");
        ObjectNode suite = root.putObject("suite");
        suite.put("size", Suite.SIZE + "x" + Suite.SIZE);
        suite.put("fps", Suite.FPS);
        suite.put("conditioningFrames", Suite.CONDITIONING);
        suite.put("continuationFrames", Suite.CONTINUATION);
        suite.put("scenarios", r.references().size());
        suite.put("perturbationMetres", Filming.PERTURBATION);
        ObjectNode entries = root.putObject("entries");
        for (String name : r.entries().keySet()) {
            ObjectNode e = entries.putObject(name);
            e.put("score", round(score(r, name, r.references())));
            e.put("scenariosScored", r.entries().get(name).size());
            ObjectNode fams = e.putObject("families");
            for (Family f : Family.values()) {
                List<Exam.Reference> refs = family(r, f);
                if (refs.isEmpty()) continue;
                fams.put(f.id(), round(score(r, name, refs)));
            }
            Double permanence = reappearRate(r, name);
            if (permanence != null) e.put("reappearRate", round(permanence));
            double sync = medianSync(r, name);
            if (!Double.isNaN(sync)) e.put("syncMedianAbsOffsetMs", round(sync * 1000));
            ArrayNode rows = e.putArray("scenarios");
            for (Exam.Reference ref : r.references()) {
                Exam.Mark m = r.entries().get(name).get(ref.scenario().id());
                if (m == null) continue;
                ObjectNode row = rows.addObject();
                row.put("id", ref.scenario().id());
                row.put("family", ref.scenario().family().id());
                row.put("score", round(m.score()));
                putMetrics(row, m.metrics());
                if (m.reappeared() != null) row.put("reappeared", m.reappeared());
                ObjectNode sync1 = row.putObject("sync");
                sync1.put("seen", m.sync().seen().size());
                sync1.put("heard", m.sync().heard().size());
                ArrayNode offs = sync1.putArray("offsetsMs");
                for (double o : m.sync().offsets()) offs.add(round(o * 1000));
            }
        }
        ArrayNode variance = root.putArray("variance");
        for (Exam.Reference ref : r.references()) {
            ObjectNode v = variance.addObject();
            v.put("id", ref.scenario().id());
            putMetrics(v, ref.variance());
            v.put("audibleImpacts", ref.audibleImpacts());
        }
        return root;
    }

    /** Fraction of permanence scenarios where the entry shows the target again; null without any. */
    static Double reappearRate(Results r, String entry) {
        int n = 0, back = 0;
        for (Exam.Mark m : r.entries().get(entry).values()) {
            if (m.reappeared() == null) continue;
            n++;
            if (m.reappeared()) back++;
        }
        return n == 0 ? null : (double) back / n;
    }

    /** Median |sound − picture| offset over every paired impact of the entry, s; NaN when none paired. */
    static double medianSync(Results r, String entry) {
        List<Double> all = new ArrayList<>();
        for (Exam.Mark m : r.entries().get(entry).values()) all.addAll(m.sync().offsets());
        if (all.isEmpty()) return Double.NaN;
        return new AvSync.Result(List.of(), List.of(), all).medianAbsOffset();
    }

    private static void putMetrics(ObjectNode o, Metrics m) {
        o.put("spatialIou", round(m.spatialIou()));
        o.put("spatiotemporalIou", round(m.spatiotemporalIou()));
        o.put("weightedSpatialIou", round(m.weightedSpatialIou()));
        o.put("mse", Math.round(m.mse() * 1e6) / 1e6);
    }

    private static double round(double x) { return Double.isNaN(x) ? x : Math.round(x * 100) / 100.0; }

    /** The score table, one row per entry, one column per family: Markdown. */
    public static String table(Results r) {
        List<Family> fams = new ArrayList<>();
        for (Family f : Family.values()) if (!family(r, f).isEmpty()) fams.add(f);
        StringBuilder sb = new StringBuilder("| entry | all |");
        for (Family f : fams) sb.append(' ').append(f.id()).append(" (").append(family(r, f).size()).append(") |");
        sb.append(" permanence: reappears | sync: median abs offset |\n|---|---|");
        sb.append("---|".repeat(fams.size())).append("---|---|\n");
        for (String name : r.entries().keySet()) {
            sb.append("| ").append(name).append(" | ").append(fmt(score(r, name, r.references()))).append(" |");
            for (Family f : fams) sb.append(' ').append(fmt(score(r, name, family(r, f)))).append(" |");
            Double back = reappearRate(r, name);
            sb.append(' ').append(back == null ? "—" : String.format(Locale.ROOT, "%.0f%%", back * 100)).append(" |");
            double sync = medianSync(r, name);
            sb.append(' ').append(Double.isNaN(sync) ? "—" : String.format(Locale.ROOT, "%.0f ms", sync * 1000)).append(" |\n");
        }
        return sb.toString();
    }

    private static String fmt(double x) { return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%.1f", x); }

    /**
     * Writes, for people scoring other models: per scenario the conditioning clip
     * ({@code ID.conditioning.mp4}, with sound), the prompt ({@code ID.prompt.txt}), the truth
     * continuation ({@code ID.truth.mp4}) and the ground truth of the whole clip ({@code ID.json},
     * a Diorama sidecar); and {@code index.json}, listing them with the frame counts and, for
     * object permanence, the continuation frames in which the target is hidden. The directory
     * appears only when complete.
     */
    public static void export(List<Scenario> chosen, Path dir, int threads, Progress progress) throws IOException {
        AtomicDirectory.check(dir, "--export");
        try (AtomicDirectory out = new AtomicDirectory(dir)) {
            ObjectNode index = SceneJson.MAPPER.createObjectNode();
            index.put("format", "diorama-eval-export/1");
            index.put("size", Suite.SIZE + "x" + Suite.SIZE);
            index.put("fps", Suite.FPS);
            index.put("answer", "ID.mp4: the continuation alone (" + Suite.CONTINUATION + " frames) or the whole clip ("
                    + (Suite.CONDITIONING + Suite.CONTINUATION) + " frames), " + Suite.SIZE + "x" + Suite.SIZE + " at "
                    + Suite.FPS + " fps; score with: diorama eval-physics --videos DIR");
            ArrayNode list = index.putArray("scenarios");
            int done = 0;
            for (Scenario s : chosen) {
                var timeline = dev.diorama.sim.Simulator.run(s.scene());
                int c = s.conditioningFrames(), n = s.scene().frameCount();
                Filming.write(s.scene(), timeline, 0, c, true, out.path().resolve(s.id() + ".conditioning.mp4"), threads);
                Filming.write(s.scene(), timeline, c, n, true, out.path().resolve(s.id() + ".truth.mp4"), threads);
                Files.writeString(out.path().resolve(s.id() + ".prompt.txt"), s.caption() + "\n");
                SidecarJson.write(out.path().resolve(s.id() + ".json"), s.scene(), timeline, SoundTrack.SAMPLE_RATE);
                ObjectNode e = list.addObject();
                e.put("id", s.id());
                e.put("family", s.family().id());
                e.put("prompt", s.caption());
                e.put("conditioning", s.id() + ".conditioning.mp4");
                e.put("truth", s.id() + ".truth.mp4");
                e.put("groundTruth", s.id() + ".json");
                e.put("conditioningFrames", c);
                e.put("continuationFrames", n - c);
                if (s.target() != null) {
                    double[] vis = Occlusion.visibleFraction(s.scene(), timeline, s.target(), s.occluder());
                    ArrayNode hidden = e.putArray("hiddenFrames");
                    for (int f = c; f < n; f++) if (vis[f] == 0) hidden.add(f - c);
                    e.put("hiddenObject", s.target());
                }
                progress.update("exporting", (double) ++done / chosen.size());
            }
            Files.writeString(out.path().resolve("index.json"), SceneJson.MAPPER.writeValueAsString(index) + "\n");
            out.commit();
        }
    }
}
