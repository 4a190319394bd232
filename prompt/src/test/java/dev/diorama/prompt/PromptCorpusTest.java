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
 *
 * <p>Liquids: {@code liquid} ({@code KIND:WHERE,...}: a liquid of that kind filling the object whose id
 * has WHERE, or WHERE {@code pour} for a stream alone, {@code box} for a box of liquid), {@code liquids}
 * (how many), {@code level} (each filled object's liquid is this share of its inside's depth, within
 * 0.02), {@code pour} ({@code SOURCE:TARGET}: the stream leaves the lip of the fixed, tilted SOURCE, or
 * from above TARGET for {@code above}, down at 0.1 to 1 m/s, 3 to 8 mm in radius, and enters TARGET's
 * opening; TARGET holds no liquid of its own), {@code poured} (the pour's volume over TARGET's inside,
 * within 0.05), {@code column} (a dam break: a box of liquid against one end of the tank with that id,
 * a quarter of its inside's length wide, twice as tall as wide, across its whole depth),
 * {@code particles} (the liquids' volume over the spacing cubed is at most this, and the spacing at
 * least 5 mm) and {@code aboveliquid} ({@code A:B}: A starts over B's opening, its bottom above the
 * surface of B's liquid; several pairs may be given, separated by commas).
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
                case "moving" -> {
                    List<String> fixed = Arrays.stream(v.split(",")).filter(f -> s.objects().stream()
                            .noneMatch(o -> o.id().contains(f) && !o.fixed())).toList();
                    yield fixed.isEmpty() ? null : "no moving object with " + fixed;
                }
                case "on" -> on(s, v.split(":")[0], v.split(":")[1]);
                case "above" -> above(s, v.split(":")[0], v.split(":")[1]);
                case "offedge" -> offEdge(s, v.split(":")[0], v.split(":")[1]);
                case "inside" -> inside(s, v.split(":")[0], v.split(":")[1]);
                case "onslope" -> onSlope(s, v.split(":")[0], v.split(":")[1]);
                case "joints" -> {
                    Map<String, Integer> want = new TreeMap<>(), got = new TreeMap<>();
                    for (String sc : v.split(",")) want.put(sc.split(":")[0], Integer.parseInt(sc.split(":")[1]));
                    for (var j : s.joints()) got.merge(j.kind(), 1, Integer::sum);
                    yield want.equals(got) ? null : "expected " + want + ", found " + got;
                }
                case "swings" -> swings(s, v);
                case "windows" -> {
                    // COUNT:WALL, the windows of the room ("0" for none)
                    var ws = s.environment().room() == null ? java.util.List.<dev.diorama.scene.Window>of() : s.environment().room().windows();
                    String got = ws.size() + (ws.isEmpty() ? "" : ":" + ws.getFirst().wall().jsonName());
                    yield got.equals(v) ? null : "expected windows " + v + ", found " + got;
                }
                case "glowing" -> {
                    long n = s.objects().stream().filter(o -> o.emission() > 0).count();
                    yield n == Long.parseLong(v) ? null : "expected " + v + " glowing objects, found " + n;
                }
                case "spin" -> {
                    // Every object that moves spins about the vertical at v turns a second (0: none spins).
                    double w = 2 * Math.PI * Double.parseDouble(v);
                    List<String> off = s.objects().stream().filter(o -> !o.fixed())
                            .filter(o -> Math.abs(o.spin().y() - w) > 1e-9 || o.spin().x() != 0 || o.spin().z() != 0)
                            .map(o -> o.id() + " " + o.spin()).toList();
                    yield off.isEmpty() ? null : "expected a spin of " + v + " turns/s about y, found " + off;
                }
                case "chain" -> chain(s, v);
                case "asset" -> s.objects().stream().anyMatch(o -> o.shape() == dev.diorama.scene.Shape.MESH && v.equals(o.asset()))
                        ? null : "expected a model of " + v;
                case "rate" -> s.physicsRate() >= Integer.parseInt(v) ? null : "expected at least " + v + " steps/s, found " + s.physicsRate();
                case "turbidity" -> s.environment().turbidity() == Double.parseDouble(v) ? null
                        : "expected " + v + ", found " + s.environment().turbidity();
                case "clouds" -> s.environment().cloudCover() == Double.parseDouble(v) ? null
                        : "expected " + v + ", found " + s.environment().cloudCover();
                case "liquid" -> {
                    List<String> missing = new ArrayList<>();
                    for (String want : v.split(",")) {
                        String kind = want.split(":")[0], where = want.split(":")[1];
                        boolean found = s.liquids().stream().anyMatch(l -> l.kind().equals(kind) && switch (where) {
                            case "pour" -> l.pour() != null && l.in() == null && l.min() == null;
                            case "box" -> l.min() != null;
                            default -> l.in() != null && l.in().contains(where);
                        });
                        if (!found) missing.add(want);
                    }
                    yield missing.isEmpty() ? null : "no liquid " + missing + " in " + s.liquids();
                }
                case "liquids" -> s.liquids().size() == Integer.parseInt(v) ? null : "expected " + v + " liquids, found " + s.liquids().size();
                case "level" -> level(s, Double.parseDouble(v));
                case "pour" -> pour(s, v.split(":")[0], v.split(":")[1]);
                case "poured" -> poured(s, v, Double.parseDouble(v));
                case "column" -> column(s, v);
                case "particles" -> particles(s, Long.parseLong(v));
                case "aboveliquid" -> {
                    List<String> off = new ArrayList<>();
                    for (String pair : v.split(",")) {
                        String m = aboveLiquid(s, pair.split(":")[0], pair.split(":")[1]);
                        if (m != null) off.add(m);
                    }
                    yield off.isEmpty() ? null : String.join("; ", off);
                }
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
            case "wall" -> {
                // one x, several z, several courses, the lowest on the floor
                boolean oneX = os.stream().allMatch(o -> Math.abs(o.position().x() - os.getFirst().position().x()) < eps);
                boolean footed = os.stream().anyMatch(o -> Math.abs(o.position().y() - o.halfHeight()) < 1e-3);
                yield oneX && !sameZ && levels >= 2 && footed ? null : "expected courses across z at one x, the lowest on the floor";
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

    /**
     * A starts resting on B's top (on a shelf: on one of its boards) with its centre past B's
     * outline, by less than half its own size: it tips off the edge.
     */
    private static String offEdge(Scene s, String a, String b) {
        SceneObject top = find(s, a), under = find(s, b);
        if (top == null || under == null) return "expected objects with " + a + " and " + b;
        double surface = under.position().y() + under.size().y() / 2;
        boolean rests = under.shape() == dev.diorama.scene.Shape.SHELF
                ? bottom(top) > under.position().y() - under.size().y() / 2 && bottom(top) < surface + 0.01
                : Math.abs(bottom(top) - surface) < 0.01;
        double dx = Math.abs(top.position().x() - under.position().x()) - under.size().x() / 2;
        double dz = Math.abs(top.position().z() - under.position().z()) - under.size().z() / 2;
        boolean past = dx > 0 && dx < top.size().x() / 2 && dz < 0 || dz > 0 && dz < top.size().z() / 2 && dx < 0;
        return rests && past ? null : top.id() + " (bottom " + bottom(top) + ", at " + top.position() + ") does not start on the edge of "
                + under.id() + " (top " + surface + ", at " + under.position() + ", size " + under.size() + ")";
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

    /** The radius of a vessel's or a tank's opening (a tank: half its inside's narrower side); NaN for other shapes. */
    private static double opening(SceneObject vessel) {
        if (vessel.shape() == dev.diorama.scene.Shape.TANK) {
            return Math.min(vessel.size().x(), vessel.size().z()) / 2 - dev.diorama.scene.Solids.tankWall(vessel.size());
        }
        double[][] profile = dev.diorama.scene.Solids.profile(vessel.shape());
        return profile == null ? Double.NaN : profile[profile.length - 1][2] * vessel.size().x() / 2;
    }

    /** The volume of the inside of a vessel or tank up to {@code level} above its inner floor, m^3. */
    private static double inside(SceneObject o, double level) {
        Vec3 z = o.size();
        if (o.shape() == dev.diorama.scene.Shape.TANK) {
            double t = dev.diorama.scene.Solids.tankWall(z);
            return (z.x() - 2 * t) * (z.z() - 2 * t) * level;
        }
        double floor = z.y() - dev.diorama.scene.Solids.cavityDepth(o.shape(), z);
        double v = 0, dy = level / 1000;
        for (int k = 0; k < 1000; k++) {
            double r = Math.max(0, dev.diorama.scene.Solids.cavityRadius(o.shape(), z, floor + (k + 0.5) * dy));
            v += Math.PI * r * r * dy;
        }
        return v;
    }

    private static String level(Scene s, double share) {
        List<String> off = new ArrayList<>();
        for (var l : s.liquids()) {
            if (l.in() == null) continue;
            SceneObject o = s.object(l.in());
            double depth = dev.diorama.scene.Solids.cavityDepth(o.shape(), o.size());
            if (Math.abs(l.level() / depth - share) > 0.02 || l.level() > depth) off.add(l.id() + " " + l.level() / depth);
            if (!o.fixed()) off.add(o.id() + " is not fixed");
        }
        if (s.liquids().stream().noneMatch(l -> l.in() != null)) return "expected a liquid filling something";
        return off.isEmpty() ? null : "expected each filled " + share + " of its depth, found " + off;
    }

    private static String pour(Scene s, String source, String target) {
        var l = s.liquids().stream().filter(q -> q.pour() != null).findFirst().orElse(null);
        SceneObject to = find(s, target);
        if (l == null || to == null) return "expected a pour and an object with " + target;
        var p = l.pour();
        Vec3 v = p.velocity();
        if (!(v.y() < 0 && v.length() >= 0.1 && v.length() <= 1.0)) return "expected a stream down at 0.1 to 1 m/s, found " + v;
        if (p.radius() < 0.003 || p.radius() > 0.008) return "expected a stream 3 to 8 mm in radius, found " + p.radius();
        if (!to.fixed()) return to.id() + " is not fixed";
        if (s.liquids().stream().anyMatch(q -> to.id().equals(q.in()))) return to.id() + " already holds a liquid";
        double top = to.position().y() + to.size().y() / 2;
        if (source.equals("above")) {
            if (Math.hypot(p.from().x() - to.position().x(), p.from().z() - to.position().z()) > 0.01 || p.from().y() < top + 0.05) {
                return "expected the stream from above " + to.id() + ", found it from " + p.from();
            }
        } else {
            SceneObject from = find(s, source);
            if (from == null) return "expected an object with " + source;
            if (!from.fixed() || from.rotation().equals(dev.diorama.scene.Quat.IDENTITY)) return from.id() + " is not fixed and tilted";
            if (p.from().minus(from.position()).length() > from.boundingRadius() + p.radius() + 0.01) {
                return "the stream starts at " + p.from() + ", not at the lip of " + from.id();
            }
            // The pourer clears the target: its lowest corner above the target's top where they overlap.
            List<Vec3> box = new ArrayList<>();
            Framing.boxCorners(from, box);
            double lowest = box.stream().mapToDouble(Vec3::y).min().orElse(0);
            if (lowest < top && Math.abs(from.position().x() - to.position().x()) < (from.boundingRadius() + to.size().x() / 2) * 0.5) {
                return from.id() + " reaches down to " + lowest + ", into " + to.id() + " (top " + top + ")";
            }
        }
        // Where the stream crosses the target's top (a vessel's rim, a plate's face).
        double g = Scene.STANDARD_GRAVITY, h = p.from().y() - top;
        if (h <= 0) return "the stream starts below the top of " + to.id();
        double t = (v.y() + Math.sqrt(v.y() * v.y() + 2 * g * h)) / g;
        double x = p.from().x() + v.x() * t, z = p.from().z() + v.z() * t;
        double off = Math.hypot(x - to.position().x(), z - to.position().z());
        double open = to.shape().hollow() ? opening(to) : to.size().x() / 2;
        return off + p.radius() < open ? null : "the stream crosses the top of " + to.id() + " " + off + " m from its middle, outside its "
                + open + " m opening";
    }

    private static String poured(Scene s, String v, double share) {
        var l = s.liquids().stream().filter(q -> q.pour() != null).findFirst().orElse(null);
        if (l == null) return "expected a pour";
        // The target: the hollow fixed object the stream falls into.
        SceneObject to = null;
        for (SceneObject o : s.objects()) {
            if (o.shape().hollow() && o.fixed() && o.rotation().equals(dev.diorama.scene.Quat.IDENTITY)) to = o;
        }
        if (to == null) return "expected a container to pour into";
        double full = inside(to, dev.diorama.scene.Solids.cavityDepth(to.shape(), to.size()));
        double got = l.pour().volume() / full;
        return Math.abs(got - share) <= 0.05 ? null : "expected " + v + " of " + to.id() + "'s inside poured, found " + got;
    }

    private static String column(Scene s, String tankId) {
        SceneObject tank = find(s, tankId);
        var l = s.liquids().stream().filter(q -> q.min() != null).findFirst().orElse(null);
        if (tank == null || l == null) return "expected a tank with " + tankId + " and a box of liquid";
        Vec3 z = tank.size(), c = tank.position();
        double t = dev.diorama.scene.Solids.tankWall(z);
        double x0 = c.x() - z.x() / 2 + t, x1 = c.x() + z.x() / 2 - t, y0 = c.y() - z.y() / 2 + t;
        double z0 = c.z() - z.z() / 2 + t, z1 = c.z() + z.z() / 2 - t;
        Vec3 lo = l.min(), hi = l.max();
        double eps = 1e-6;
        if (lo.x() < x0 - eps || hi.x() > x1 + eps || lo.y() < y0 - eps || hi.y() > c.y() + z.y() / 2 || lo.z() < z0 - eps || hi.z() > z1 + eps) {
            return "the liquid " + lo + " - " + hi + " is not inside " + tank.id();
        }
        boolean atEnd = Math.abs(lo.x() - x0) < 0.003 || Math.abs(hi.x() - x1) < 0.003;
        double a = hi.x() - lo.x(), height = hi.y() - lo.y();
        boolean quarter = Math.abs(a / (x1 - x0) - 0.25) < 0.025;
        boolean twice = Math.abs(height / a - 2) < 0.06;
        boolean across = Math.abs(lo.z() - z0) < 0.003 && Math.abs(hi.z() - z1) < 0.003;
        boolean floor = Math.abs(lo.y() - y0) < 0.003;
        return atEnd && quarter && twice && across && floor ? null : "expected a column against one end, a quarter of the tank's"
                + " inside long, twice as tall as wide, across its depth, on its floor; found " + lo + " - " + hi + " in "
                + tank.id() + " (inside x " + x0 + " to " + x1 + ")";
    }

    private static String particles(Scene s, long most) {
        double volume = 0, spacing = Double.POSITIVE_INFINITY;
        for (var l : s.liquids()) {
            spacing = Math.min(spacing, l.spacing());
            if (l.min() != null) volume += (l.max().x() - l.min().x()) * (l.max().y() - l.min().y()) * (l.max().z() - l.min().z());
            if (l.in() != null) volume += inside(s.object(l.in()), l.level());
            if (l.pour() != null) volume += l.pour().volume();
        }
        if (s.liquids().isEmpty()) return "expected a liquid";
        double n = volume / Math.pow(spacing, 3);
        if (spacing < 0.005 - 1e-9) return "expected a spacing of at least 5 mm, found " + spacing;
        return n <= most ? null : "expected at most " + most + " particles, found about " + Math.round(n) + " (spacing " + spacing + ")";
    }

    private static String aboveLiquid(Scene s, String a, String b) {
        SceneObject o = find(s, a), vessel = find(s, b);
        if (o == null || vessel == null) return "expected objects with " + a + " and " + b;
        var l = s.liquids().stream().filter(q -> vessel.id().equals(q.in())).findFirst().orElse(null);
        if (l == null) return vessel.id() + " holds no liquid";
        double surface = vessel.position().y() + vessel.size().y() / 2 - dev.diorama.scene.Solids.cavityDepth(vessel.shape(), vessel.size())
                + l.level();
        double off = Math.hypot(o.position().x() - vessel.position().x(), o.position().z() - vessel.position().z());
        boolean over = off + o.boundingRadius() < opening(vessel);
        return over && bottom(o) > surface + 0.01 ? null : o.id() + " (bottom " + bottom(o) + ", " + off + " m off the middle) does"
                + " not start over the opening of " + vessel.id() + " above its liquid's surface (" + surface + ")";
    }

    private static String inside(Scene s, String a, String b) {
        SceneObject in = find(s, a), vessel = find(s, b);
        if (in == null || vessel == null) return "expected objects with " + a + " and " + b;
        double opening = opening(vessel);
        if (Double.isNaN(opening)) return vessel.id() + " is no vessel";
        double off = Math.hypot(in.position().x() - vessel.position().x(), in.position().z() - vessel.position().z());
        boolean fits = off + in.boundingRadius() < opening;
        if (vessel.shape() == dev.diorama.scene.Shape.TANK) {
            // A tank's opening is a rectangle: the thing's reach along x and z within its inside (a
            // 20 cm block set afloat in a 60 x 30 cm tank lies there, though its corners' sphere is wider
            // than the tank's narrow side).
            double t = dev.diorama.scene.Solids.tankWall(vessel.size());
            fits = Math.abs(in.position().x() - vessel.position().x()) + in.halfExtent(new Vec3(1, 0, 0)) < vessel.size().x() / 2 - t
                    && Math.abs(in.position().z() - vessel.position().z()) + in.halfExtent(new Vec3(0, 0, 1)) < vessel.size().z() / 2 - t;
        }
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
            case "throw-up" -> os.stream().anyMatch(o -> o.velocity().y() > 0 && o.velocity().x() == 0 && o.velocity().z() == 0)
                    ? null : "expected an object thrown straight up";
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
