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
 *
 * <p>Props, rigs and the sky: {@code fixed} (id fragments of objects that must be fixed), {@code on}
 * ({@code A:B}: the object A stands on the top of B, within B's outline), {@code above} ({@code A:B}: A
 * starts over B's top, to fall onto it), {@code inside} ({@code A:B}:
 * A starts over the opening of the vessel B, above its floor), {@code onslope} ({@code A:B}: A touches
 * the slope of the wedge B in its upper half), {@code joints} ({@code pivot:5,hinge:1}), {@code swings}
 * (the object is held by a pivot and starts out of plumb beneath it), {@code chain} (the objects
 * stand in a row closer than their height, the first leaning into the next), {@code asset} (a model
 * with that file), {@code rate} (the physics rate is at least this), {@code turbidity} and
 * {@code clouds} (the sky).
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
                case "fixed" -> {
                    List<String> notFixed = Arrays.stream(v.split(",")).filter(f -> s.objects().stream()
                            .noneMatch(o -> o.id().contains(f) && o.fixed())).toList();
                    yield notFixed.isEmpty() ? null : "no fixed object with " + notFixed;
                }
                case "on" -> on(s, v.split(":")[0], v.split(":")[1]);
                case "above" -> above(s, v.split(":")[0], v.split(":")[1]);
                case "inside" -> inside(s, v.split(":")[0], v.split(":")[1]);
                case "onslope" -> onSlope(s, v.split(":")[0], v.split(":")[1]);
                case "joints" -> {
                    Map<String, Integer> want = new TreeMap<>(), got = new TreeMap<>();
                    for (String sc : v.split(",")) want.put(sc.split(":")[0], Integer.parseInt(sc.split(":")[1]));
                    for (var j : s.joints()) got.merge(j.kind(), 1, Integer::sum);
                    yield want.equals(got) ? null : "expected " + want + ", found " + got;
                }
                case "swings" -> swings(s, v);
                case "chain" -> chain(s, v);
                case "asset" -> s.objects().stream().anyMatch(o -> o.shape() == dev.diorama.scene.Shape.MESH && v.equals(o.asset()))
                        ? null : "expected a model of " + v;
                case "rate" -> s.physicsRate() >= Integer.parseInt(v) ? null : "expected at least " + v + " steps/s, found " + s.physicsRate();
                case "turbidity" -> s.environment().turbidity() == Double.parseDouble(v) ? null
                        : "expected " + v + ", found " + s.environment().turbidity();
                case "clouds" -> s.environment().cloudCover() == Double.parseDouble(v) ? null
                        : "expected " + v + ", found " + s.environment().cloudCover();
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

    private static SceneObject find(Scene s, String fragment) {
        return s.objects().stream().filter(o -> o.id().contains(fragment)).findFirst().orElse(null);
    }

    private static double bottom(SceneObject o) { return o.position().y() - o.halfHeight(); }

    private static String on(Scene s, String a, String b) {
        SceneObject top = find(s, a), under = find(s, b);
        if (top == null || under == null) return "expected objects with " + a + " and " + b;
        double surface = under.position().y() + under.size().y() / 2;
        boolean level = under.shape() == dev.diorama.scene.Shape.SHELF ? bottom(top) > under.position().y() - under.size().y() / 2
                && bottom(top) < surface + 0.01 : Math.abs(bottom(top) - surface) < 0.01;
        boolean within = Math.abs(top.position().x() - under.position().x()) < under.size().x() / 2
                && Math.abs(top.position().z() - under.position().z()) < under.size().z() / 2;
        if (under.shape() == dev.diorama.scene.Shape.STAIRS) {
            level = Math.abs(bottom(top) - surface) < 0.01;
        }
        return level && within ? null : top.id() + " (bottom " + bottom(top) + ", at " + top.position() + ") is not on "
                + under.id() + " (top " + surface + ")";
    }

    /** A starts above the top of B, over its outline, to fall onto it. */
    private static String above(Scene s, String a, String b) {
        SceneObject top = find(s, a), under = find(s, b);
        if (top == null || under == null) return "expected objects with " + a + " and " + b;
        double surface = under.position().y() + under.size().y() / 2;
        boolean over = Math.abs(top.position().x() - under.position().x()) < under.size().x() / 2
                && Math.abs(top.position().z() - under.position().z()) < under.size().z() / 2;
        return over && bottom(top) > surface + 0.05 ? null : top.id() + " does not start above " + under.id();
    }

    private static String inside(Scene s, String a, String b) {
        SceneObject in = find(s, a), vessel = find(s, b);
        if (in == null || vessel == null) return "expected objects with " + a + " and " + b;
        double[][] profile = dev.diorama.scene.Solids.profile(vessel.shape());
        if (profile == null) return vessel.id() + " is no vessel";
        double opening = profile[profile.length - 1][2] * vessel.size().x() / 2;
        double off = Math.hypot(in.position().x() - vessel.position().x(), in.position().z() - vessel.position().z());
        boolean fits = off + in.boundingRadius() < opening;
        boolean above = bottom(in) > vessel.position().y() - vessel.size().y() / 2;
        return fits && above ? null : in.id() + " does not start over the opening of " + vessel.id();
    }

    private static String onSlope(Scene s, String a, String b) {
        SceneObject o = find(s, a), wedge = find(s, b);
        if (o == null || wedge == null || wedge.shape() != dev.diorama.scene.Shape.WEDGE) return "expected " + a + " and a wedge " + b;
        if (!wedge.fixed()) return wedge.id() + " is not fixed";
        Vec3 w = wedge.size(), c = wedge.position();
        double theta = Math.atan2(w.y(), w.x());
        Vec3 top = new Vec3(c.x() - w.x() / 2, c.y() + w.y() / 2, c.z());
        Vec3 normal = new Vec3(Math.sin(theta), Math.cos(theta), 0);
        Vec3 along = new Vec3(Math.cos(theta), -Math.sin(theta), 0);
        Vec3 rel = o.position().minus(top);
        double height = rel.dot(normal), down = rel.dot(along);
        double reach = o.shape() == dev.diorama.scene.Shape.BALL ? o.size().x() / 2 : o.halfHeight();
        boolean touching = o.shape() == dev.diorama.scene.Shape.BALL || o.shape() == dev.diorama.scene.Shape.CYLINDER
                ? Math.abs(height - o.size().x() / 2) < 0.002 : height > 0 && height < reach + 0.01;
        boolean upper = down > 0 && down < Math.hypot(w.x(), w.y()) / 2;
        boolean across = Math.abs(o.position().z() - c.z()) < w.z() / 2;
        return touching && upper && across && o.velocity().equals(Vec3.ZERO) ? null
                : o.id() + " is not at rest on the upper half of the slope of " + wedge.id() + " (" + height + " off it, "
                + down + " m down it)";
    }

    /** The object is tied by pivots (through a rod, say) to a fixed point, and starts out of plumb beneath it. */
    private static String swings(Scene s, String a) {
        SceneObject bob = find(s, a);
        if (bob == null) return "expected an object with " + a;
        java.util.Set<String> held = new java.util.HashSet<>(List.of(bob.id()));
        for (int round = 0; round < 4; round++) {
            for (var j : s.joints()) {
                if (!(j instanceof dev.diorama.scene.Joint.Pivot)) continue;
                boolean touches = held.contains(j.a()) || j.b() != null && held.contains(j.b());
                if (!touches) continue;
                String other = held.contains(j.a()) ? j.b() : j.a();
                SceneObject o = other == null ? null : s.object(other);
                if (o == null || o.fixed()) {
                    Vec3 d = bob.position().minus(j.anchor());
                    double out = Math.hypot(d.x(), d.z());
                    return d.y() < 0 && out > 0.1 * d.length() ? null : bob.id() + " hangs plumb: it will not swing";
                }
                held.add(other);
            }
        }
        return bob.id() + " is held to no fixed point by pivots";
    }

    private static String chain(Scene s, String a) {
        List<SceneObject> os = s.objects().stream().filter(o -> o.id().contains(a))
                .sorted(java.util.Comparator.comparingDouble(o -> o.position().x())).toList();
        if (os.size() < 3) return "expected a chain of at least 3, found " + os.size();
        for (int i = 1; i < os.size(); i++) {
            double gap = os.get(i).position().x() - os.get(i - 1).position().x();
            if (gap <= os.get(i).size().x() || gap >= os.get(i).size().y()) {
                return "dominoes " + gap + " m apart: expected more than their thickness and less than their height";
            }
        }
        SceneObject first = os.getFirst();
        Vec3 up = first.rotation().rotate(new Vec3(0, 1, 0));
        return up.x() > 0.1 && os.stream().skip(1).allMatch(o -> o.rotation().equals(dev.diorama.scene.Quat.IDENTITY))
                ? null : "expected the first domino leaning towards the next and the others upright";
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
