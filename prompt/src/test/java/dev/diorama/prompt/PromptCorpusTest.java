package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Prompts as people write them (prompts.tsv: short and long, terse and chatty, with typos), each
 * with what it must be understood as. Every prompt is a test of its own, so each miss is a visible
 * failure naming the prompt and the aspect; {@link #coverage()} prints how much of the corpus is
 * understood, aspect by aspect, and requires all of it.
 *
 * <p>Expectations, {@code key=value} separated by " ; ": {@code objects=ball:3,cube:1} (how many of
 * each shape), {@code count}, {@code ids} (fragments each found in some object id, e.g. a noun or a
 * colour: "red-", "marble"), {@code materials} (each on some object), {@code floor}, {@code kind}
 * (indoor/outdoor), {@code room} (W x H x D), {@code place}, {@code time} (HH:MM), {@code date},
 * {@code seconds}, {@code arrangement} (row, stack, pyramid, circle, scattered: checked on the
 * positions), {@code group} (the id fragment of the objects arranged), {@code action} (drop, throw,
 * roll, push, collide, topple: checked on the starting velocities and rotations), {@code camera}
 * (the move: orbit, pan, tilt, dolly, zoom, track, static), {@code angle} (top, high, low),
 * {@code shots} (the storyboard's number of shots), {@code note} (a fragment of some note),
 * {@code ignored} (the words ignored, exactly) and {@code error} (a fragment of the PromptException).
 */
class PromptCorpusTest {
    record Case(int line, String prompt, Map<String, String> expect) {}

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PromptCorpusTest.class.getResourceAsStream("/prompts.tsv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                if (parts.length != 2) throw new IllegalStateException("prompts.tsv:" + n + ": expected PROMPT<TAB>EXPECTATIONS");
                Map<String, String> expect = new LinkedHashMap<>();
                for (String kv : parts[1].split(" ; ")) {
                    int eq = kv.indexOf('=');
                    expect.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
                cases.add(new Case(n, parts[0], expect));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyPromptIsUnderstood() throws IOException {
        return corpus().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.prompt(), () -> {
            List<String> misses = misses(c);
            if (!misses.isEmpty()) fail("\"" + c.prompt() + "\" misunderstood: " + String.join("; ", misses));
        }));
    }

    @Test
    void coverage() throws IOException {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 200, "at least 200 prompts, found " + cases.size());
        Map<String, int[]> byAspect = new TreeMap<>();
        int understood = 0;
        for (Case c : cases) {
            List<String> misses = misses(c);
            if (misses.isEmpty()) understood++;
            for (String k : c.expect().keySet()) {
                int[] tally = byAspect.computeIfAbsent(k, x -> new int[2]);
                tally[1]++;
                if (misses.stream().noneMatch(m -> m.startsWith(k + ":"))) tally[0]++;
            }
        }
        StringBuilder report = new StringBuilder(String.format("prompt corpus: %d of %d prompts understood (%.1f %%)%n",
                understood, cases.size(), 100.0 * understood / cases.size()));
        byAspect.forEach((k, t) -> report.append(String.format("  %-12s %4d / %4d%n", k, t[0], t[1])));
        System.out.print(report);
        assertEquals(cases.size(), understood, report.toString());
    }

    /** What the parse got wrong, one "aspect: what" per miss; empty when all is as expected. */
    static List<String> misses(Case c) {
        List<String> out = new ArrayList<>();
        PromptParser.Parse p;
        try {
            p = PromptParser.parse(c.prompt(), PromptParser.Options.DEFAULTS);
        } catch (PromptException e) {
            String want = c.expect().get("error");
            if (want == null) out.add("error: unexpected PromptException: " + e.getMessage());
            else if (!e.getMessage().contains(want)) out.add("error: expected a message with \"" + want + "\", found: " + e.getMessage());
            return out;
        }
        Scene s = p.scene();
        for (Map.Entry<String, String> e : c.expect().entrySet()) {
            String k = e.getKey(), v = e.getValue();
            String miss = switch (k) {
                case "error" -> "expected a PromptException with \"" + v + "\"";
                case "objects" -> {
                    Map<String, Integer> want = new TreeMap<>(), got = new TreeMap<>();
                    for (String sc : v.split(",")) want.put(sc.split(":")[0], Integer.parseInt(sc.split(":")[1]));
                    for (SceneObject o : s.objects()) got.merge(o.shape().jsonName(), 1, Integer::sum);
                    yield want.equals(got) ? null : "expected " + want + ", found " + got;
                }
                case "count" -> s.objects().size() == Integer.parseInt(v) ? null : "expected " + v + " objects, found " + s.objects().size();
                case "ids" -> {
                    List<String> ids = s.objects().stream().map(SceneObject::id).toList();
                    List<String> missing = Arrays.stream(v.split(",")).filter(f -> ids.stream().noneMatch(id -> id.contains(f))).toList();
                    yield missing.isEmpty() ? null : "no id with " + missing + " in " + ids;
                }
                case "materials" -> {
                    List<String> got = s.objects().stream().map(o -> o.material().jsonName()).distinct().toList();
                    List<String> missing = Arrays.stream(v.split(",")).filter(m -> !got.contains(m)).toList();
                    yield missing.isEmpty() ? null : "expected " + missing + " among " + got;
                }
                case "floor" -> s.environment().floor().jsonName().equals(v) ? null : "expected " + v + ", found " + s.environment().floor().jsonName();
                case "kind" -> s.environment().kind().jsonName().equals(v) ? null : "expected " + v + ", found " + s.environment().kind().jsonName();
                case "room" -> {
                    Vec3 r = s.environment().room() == null ? null : s.environment().room().size();
                    String got = r == null ? "none" : PromptReader.number(r.x()) + "x" + PromptReader.number(r.y()) + "x" + PromptReader.number(r.z());
                    yield got.equals(v) ? null : "expected " + v + ", found " + got;
                }
                case "place" -> v.equals(s.environment().place()) ? null : "expected " + v + ", found " + s.environment().place();
                case "time" -> s.time().toString().equals(v) ? null : "expected " + v + ", found " + s.time();
                case "date" -> s.environment().date().toString().equals(v) ? null : "expected " + v + ", found " + s.environment().date();
                case "seconds" -> s.seconds() == Double.parseDouble(v) ? null : "expected " + v + " s, found " + s.seconds();
                case "arrangement" -> arrangement(s, v, c.expect().get("group"));
                case "group" -> null;
                case "action" -> action(s, v);
                case "camera" -> {
                    String got = s.cameraMove() == null ? "static" : s.cameraMove().kind();
                    yield got.equals(v) ? null : "expected " + v + ", found " + got;
                }
                case "angle" -> {
                    Vec3 d = s.camera().lookAt().minus(s.camera().position());
                    double down = Math.toDegrees(Math.asin(-d.y() / d.length()));
                    boolean ok = switch (v) {
                        case "top" -> down > 80;
                        case "high" -> down > 20 && down < 60;
                        case "low" -> down < 0;
                        default -> false;
                    };
                    yield ok ? null : "expected a " + v + " angle, found the camera looking down " + Math.round(down) + " degrees";
                }
                case "shots" -> s.shots().size() == Integer.parseInt(v) ? null : "expected " + v + " shots, found " + s.shots().size();
                case "note" -> p.notes().stream().anyMatch(n -> n.contains(v)) ? null : "expected a note with \"" + v + "\" in " + p.notes();
                case "ignored" -> {
                    List<String> want = v.isEmpty() ? List.of() : List.of(v.split(","));
                    yield want.equals(p.ignoredWords()) ? null : "expected " + want + ", found " + p.ignoredWords();
                }
                default -> "unknown expectation key \"" + k + "\"";
            };
            if (miss != null) out.add(k + ": " + miss);
        }
        return out;
    }

    private static String arrangement(Scene s, String kind, String group) {
        List<SceneObject> os = s.objects().stream().filter(o -> group == null || o.id().contains(group)).toList();
        if (os.size() < 2) return "expected at least two objects, found " + os.size();
        double eps = 1e-6;
        double cx = os.stream().mapToDouble(o -> o.position().x()).average().orElse(0);
        double cz = os.stream().mapToDouble(o -> o.position().z()).average().orElse(0);
        boolean sameZ = os.stream().allMatch(o -> Math.abs(o.position().z() - os.getFirst().position().z()) < eps);
        boolean sameXz = os.stream().allMatch(o -> Math.abs(o.position().x() - os.getFirst().position().x()) < eps
                && Math.abs(o.position().z() - os.getFirst().position().z()) < eps);
        boolean onFloor = os.stream().allMatch(o -> Math.abs(o.position().y() - o.halfHeight()) < 1e-3);
        long levels = os.stream().mapToDouble(o -> Math.round((o.position().y() - o.halfHeight()) * 1000)).distinct().count();
        return switch (kind) {
            case "row" -> sameZ && !sameXz && onFloor ? null : "expected a row on the floor (one z, several x)";
            case "stack" -> {
                for (int i = 1; i < os.size(); i++) {
                    SceneObject a = os.get(i - 1), b = os.get(i);
                    if (!sameXz || b.position().y() - b.halfHeight() < a.position().y() + a.halfHeight() - eps) {
                        yield "expected each object on top of the one before, at one x and z";
                    }
                }
                yield null;
            }
            case "pyramid" -> levels >= 2 && sameZ && !sameXz ? null : "expected levels of decreasing width, found " + levels + " level(s)";
            case "circle" -> {
                double r0 = Math.hypot(os.getFirst().position().x() - cx, os.getFirst().position().z() - cz);
                boolean round = os.stream().allMatch(o -> Math.abs(Math.hypot(o.position().x() - cx, o.position().z() - cz) - r0) < 1e-4);
                yield round && os.size() >= 3 && onFloor ? null : "expected the objects on a circle on the floor";
            }
            case "scattered" -> {
                for (int i = 0; i < os.size(); i++) {
                    for (int j = i + 1; j < os.size(); j++) {
                        Vec3 a = os.get(i).position(), b = os.get(j).position();
                        if (Math.hypot(a.x() - b.x(), a.z() - b.z()) < os.get(i).boundingRadius() + os.get(j).boundingRadius() - 1e-3) {
                            yield "expected objects apart, found " + os.get(i).id() + " overlapping " + os.get(j).id();
                        }
                    }
                }
                yield !sameZ && onFloor ? null : "expected objects scattered over the floor, not in one row";
            }
            default -> "unknown arrangement " + kind;
        };
    }

    private static String action(Scene s, String kind) {
        List<SceneObject> os = s.objects();
        return switch (kind) {
            case "drop" -> os.stream().allMatch(o -> o.velocity().equals(Vec3.ZERO))
                    && os.stream().anyMatch(o -> o.position().y() - o.halfHeight() > 0.05) ? null : "expected objects at rest, above the floor";
            case "throw" -> os.stream().anyMatch(o -> o.velocity().y() > 0 && o.velocity().x() != 0) ? null : "expected an object thrown up and across";
            case "roll", "push" -> os.stream().anyMatch(o -> o.velocity().y() == 0 && o.velocity().x() != 0
                    && Math.abs(o.position().y() - o.halfHeight()) < 1e-3) ? null : "expected an object moving along the floor";
            case "collide" -> os.stream().anyMatch(o -> o.velocity().x() > 0) && os.stream().anyMatch(o -> o.velocity().x() < 0)
                    ? null : "expected objects moving toward each other";
            case "topple" -> os.stream().anyMatch(o -> !o.rotation().equals(dev.diorama.scene.Quat.IDENTITY))
                    ? null : "expected an object leaning over";
            default -> "unknown action " + kind;
        };
    }
}
