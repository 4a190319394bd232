package dev.diorama.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the scene's JSON form. Reading is strict: an unknown field, a wrong type or an
 * impossible value is a {@link SceneException} naming the JSON pointer and what was expected.
 * Fields the format documents as optional take the documented defaults.
 */
public final class SceneJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private SceneJson() {}

    public static Scene read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SceneException("", "expected valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) throw new SceneException("", "expected a JSON object, found nothing");
        return read(root);
    }

    public static Scene read(JsonNode root) {
        requireObject(root, "");
        allowOnly(root, "", Set.of("seed", "seconds", "fps", "captureFps", "size", "physicsRate", "gravity", "time", "environment",
                "camera", "objects", "timeLapse", "joints", "shots", "liquids"));
        long seed = root.has("seed") ? longAt(root.get("seed"), "/seed") : 0;
        double seconds = root.has("seconds") ? number(root.get("seconds"), "/seconds") : 4;
        int fps = root.has("fps") ? intAt(root.get("fps"), "/fps") : 24;
        SceneException.check(fps >= 1 && fps <= Scene.MAX_FPS, "/fps", "expected a whole number of frames per second in [1, " + Scene.MAX_FPS + "]");
        int[] size = root.has("size") ? pictureSize(root.get("size"), "/size") : new int[] {1280, 720};
        int physicsRate = root.has("physicsRate") ? intAt(root.get("physicsRate"), "/physicsRate") : 0;
        int captureFps = root.has("captureFps") ? intAt(root.get("captureFps"), "/captureFps") : 0;
        double gravity = root.has("gravity") ? number(root.get("gravity"), "/gravity") : Scene.STANDARD_GRAVITY;
        LocalTime time = root.has("time") ? time(root.get("time"), "/time") : LocalTime.of(12, 0);
        Environment env = root.has("environment") ? environment(root.get("environment"))
                : Environment.outdoor(Material.WOOD);
        JsonNode camNode = root.has("camera") && !root.get("camera").isNull() ? root.get("camera") : null;
        Camera cam = camNode != null ? camera(camNode) : null;
        CameraMove move = camNode != null && camNode.has("move") && !camNode.get("move").isNull()
                ? move(camNode.get("move"), "/camera/move") : null;
        TimeLapse lapse = root.has("timeLapse") && !root.get("timeLapse").isNull()
                ? timeLapse(root.get("timeLapse"), time) : null;
        JsonNode objs = root.get("objects");
        if (objs == null) throw new SceneException("/objects", "expected an array of objects");
        if (!objs.isArray()) throw new SceneException("/objects", "expected an array of objects, found " + kind(objs));
        List<SceneObject> list = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            String at = "/objects/" + i;
            try {
                list.add(object(objs.get(i), at));
            } catch (SceneException e) {
                throw e.pointer().startsWith(at) ? e : e.under(at);
            }
        }
        List<Shot> shots = new ArrayList<>();
        if (root.has("shots") && !root.get("shots").isNull()) {
            JsonNode sh = root.get("shots");
            if (!sh.isArray()) throw new SceneException("/shots", "expected an array of shots, found " + kind(sh));
            for (int i = 0; i < sh.size(); i++) shots.add(shot(sh.get(i), "/shots/" + i));
        }
        List<Joint> joints = root.has("joints") && !root.get("joints").isNull() ? joints(root.get("joints")) : List.of();
        List<Liquid> liquids = new ArrayList<>();
        if (root.has("liquids") && !root.get("liquids").isNull()) {
            JsonNode ls = root.get("liquids");
            if (!ls.isArray()) throw new SceneException("/liquids", "expected an array of liquids, found " + kind(ls));
            for (int i = 0; i < ls.size(); i++) liquids.add(liquid(ls.get(i), "/liquids/" + i));
        }
        return new Scene(seed, seconds, fps, size[0], size[1], physicsRate, gravity, time, env, cam, list, move, lapse,
                joints, shots, liquids, captureFps);
    }

    /**
     * {"id": "water", "kind": "water", "min": [..], "max": [..], "pour": {"from": [..], "velocity": [..],
     * "radius": 0.01, "start": 0, "end": 2}, "spacing": 0.01}.
     */
    private static Liquid liquid(JsonNode n, String at) {
        requireObject(n, at);
        allowOnly(n, at, Set.of("id", "kind", "min", "max", "in", "level", "pour", "rain", "spacing"));
        try {
            String id = n.has("id") ? text(n.get("id"), at + "/id") : "liquid";
            String kind = n.has("kind") ? text(n.get("kind"), at + "/kind") : "water";
            Vec3 min = n.has("min") && !n.get("min").isNull() ? vec3(n.get("min"), at + "/min") : null;
            Vec3 max = n.has("max") && !n.get("max").isNull() ? vec3(n.get("max"), at + "/max") : null;
            double spacing = n.has("spacing") ? number(n.get("spacing"), at + "/spacing") : 0;
            String in = n.has("in") && !n.get("in").isNull() ? text(n.get("in"), at + "/in") : null;
            double level = in != null ? number(required(n, "level", at), at + "/level") : 0;
            Liquid.Pour pour = part(n, "pour", at, Set.of("from", "velocity", "radius", "start", "end"),
                    (p, pat) -> new Liquid.Pour(vec3(required(p, "from", pat), pat + "/from"),
                            vec3(required(p, "velocity", pat), pat + "/velocity"),
                            number(required(p, "radius", pat), pat + "/radius"),
                            p.has("start") ? number(p.get("start"), pat + "/start") : 0,
                            number(required(p, "end", pat), pat + "/end")));
            Liquid.Rain rain = part(n, "rain", at, Set.of("x0", "x1", "z0", "z1", "height", "intensity", "start", "end"),
                    (r, rat) -> new Liquid.Rain(number(required(r, "x0", rat), rat + "/x0"), number(required(r, "x1", rat), rat + "/x1"),
                            number(required(r, "z0", rat), rat + "/z0"), number(required(r, "z1", rat), rat + "/z1"),
                            number(required(r, "height", rat), rat + "/height"),
                            number(required(r, "intensity", rat), rat + "/intensity"),
                            r.has("start") ? number(r.get("start"), rat + "/start") : 0,
                            number(required(r, "end", rat), rat + "/end")));
            return new Liquid(id, kind, min, max, in, level, pour, rain, spacing);
        } catch (SceneException e) {
            throw e.pointer().startsWith(at) ? e : e.under(at);
        }
    }

    /**
     * An optional object field {@code field} of {@code n} with only the {@code allowed} fields, built by
     * {@code build} (given the field's node and its pointer), or null when absent; a build's error is
     * reported under the field's pointer.
     */
    private static <T> T part(JsonNode n, String field, String at, Set<String> allowed,
                              java.util.function.BiFunction<JsonNode, String, T> build) {
        if (!n.has(field) || n.get(field).isNull()) return null;
        JsonNode p = n.get(field);
        String pat = at + "/" + field;
        requireObject(p, pat);
        allowOnly(p, pat, allowed);
        try {
            return build.apply(p, pat);
        } catch (SceneException e) {
            throw e.pointer().startsWith(pat) ? e : e.under(pat);
        }
    }

    /** {"start": 4, "camera": {"position": ..., "lookAt": ..., "fov": ..., "move": ...}}. */
    private static Shot shot(JsonNode n, String at) {
        requireObject(n, at);
        allowOnly(n, at, Set.of("start", "camera"));
        double start = number(required(n, "start", at), at + "/start");
        JsonNode c = required(n, "camera", at);
        Camera cam;
        try {
            cam = camera(c);
        } catch (SceneException e) {
            throw e.pointer().startsWith(at) ? e : new SceneException(at + e.pointer(), e.expectation());
        }
        if (cam == null) throw new SceneException(at + "/camera", "expected position, lookAt and fov");
        CameraMove move = c.has("move") && !c.get("move").isNull() ? move(c.get("move"), at + "/camera/move") : null;
        try {
            return new Shot(start, cam, move);
        } catch (SceneException e) {
            throw e.under(at);
        }

    }

    private static List<Joint> joints(JsonNode n) {
        if (!n.isArray()) throw new SceneException("/joints", "expected an array of joints, found " + kind(n));
        List<Joint> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String at = "/joints/" + i;
            JsonNode j = n.get(i);
            requireObject(j, at);
            String kind = text(required(j, "kind", at), at + "/kind");
            switch (kind) {
                case "pivot" -> allowOnly(j, at, Set.of("kind", "a", "b", "anchor"));
                case "hinge" -> allowOnly(j, at, Set.of("kind", "a", "b", "anchor", "axis"));
                default -> throw new SceneException(at + "/kind", "expected \"pivot\" or \"hinge\", found \"" + kind + "\"");
            }
            String a = text(required(j, "a", at), at + "/a");
            String b = j.has("b") && !j.get("b").isNull() ? text(j.get("b"), at + "/b") : null;
            Vec3 anchor = vec3(required(j, "anchor", at), at + "/anchor");
            try {
                out.add(kind.equals("pivot") ? new Joint.Pivot(a, b, anchor)
                        : new Joint.Hinge(a, b, anchor, vec3(required(j, "axis", at), at + "/axis")));
            } catch (SceneException e) {
                throw e.pointer().startsWith(at) ? e : e.under(at);
            }
        }
        return out;
    }

    private static SceneObject object(JsonNode n, String at) {
        requireObject(n, at);
        allowOnly(n, at, Set.of("id", "shape", "material", "color", "size", "position", "rotation", "velocity",
                "fixed", "asset", "enters", "emission", "spin", "wall"));
        String id = text(required(n, "id", at), at + "/id");
        String shapeName = text(required(n, "shape", at), at + "/shape");
        Shape shape = Shape.fromJson(shapeName);
        if (shape == null) throw new SceneException(at + "/shape", "expected one of " + names(Shape.values()) + ", found \"" + shapeName + "\"");
        Material material = material(required(n, "material", at), at + "/material");
        Rgb color = n.has("color") ? color(n.get("color"), at + "/color") : null;
        Vec3 size;
        JsonNode s = required(n, "size", at);
        if (s.isNumber()) {
            double d = s.asDouble();
            size = shape.proportions(d);
        } else {
            size = vec3(s, at + "/size");
        }
        Vec3 position = vec3(required(n, "position", at), at + "/position");
        Quat rotation = n.has("rotation") ? quat(n.get("rotation"), at + "/rotation") : null;
        Vec3 velocity = n.has("velocity") ? vec3(n.get("velocity"), at + "/velocity") : null;
        boolean fixed = false;
        if (n.has("fixed")) {
            if (!n.get("fixed").isBoolean()) throw new SceneException(at + "/fixed", "expected true or false, found " + kind(n.get("fixed")));
            fixed = n.get("fixed").asBoolean();
        }
        String asset = n.has("asset") && !n.get("asset").isNull() ? text(n.get("asset"), at + "/asset") : null;
        double enters = n.has("enters") ? number(n.get("enters"), at + "/enters") : 0;
        double emission = n.has("emission") ? number(n.get("emission"), at + "/emission") : 0;
        Vec3 spin = n.has("spin") ? vec3(n.get("spin"), at + "/spin") : null;
        double wall = n.has("wall") ? number(n.get("wall"), at + "/wall") : 0;
        try {
            return new SceneObject(id, shape, material, color, size, position, rotation, velocity, fixed, asset, enters,
                    emission, spin, wall);
        } catch (SceneException e) {
            throw e.under(at);
        }
    }

    private static List<Window> windows(JsonNode n, String at) {
        if (!n.isArray()) throw new SceneException(at, "expected an array of windows, found " + kind(n));
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode w = n.get(i);
            String wat = at + "/" + i;
            requireObject(w, wat);
            allowOnly(w, wat, Set.of("wall", "center", "size"));
            String side = text(required(w, "wall", wat), wat + "/wall");
            Window.Wall wall = Window.Wall.fromJson(side);
            if (wall == null) throw new SceneException(wat + "/wall", "expected \"north\", \"south\", \"east\" or \"west\", found \"" + side + "\"");
            double[] c = pair(required(w, "center", wat), wat + "/center", "[along the wall, height of the centre] in metres");
            double[] s = pair(required(w, "size", wat), wat + "/size", "[width, height] in metres");
            try {
                out.add(new Window(wall, c[0], c[1], s[0], s[1]));
            } catch (SceneException e) {
                throw e.under(wat);
            }
        }
        return out;
    }

    private static double[] pair(JsonNode n, String at, String what) {
        if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new SceneException(at, "expected " + what + ", found " + kind(n));
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    private static Environment environment(JsonNode n) {
        String at = "/environment";
        requireObject(n, at);
        allowOnly(n, at, Set.of("kind", "floor", "room", "latitude", "longitude", "date", "utcOffset", "place", "zone",
                "turbidity", "cloudCover", "environmentMap", "air", "airDensity", "wind"));
        String k = n.has("kind") ? text(n.get("kind"), at + "/kind") : "outdoor";
        Environment.Kind kind = switch (k) {
            case "indoor" -> Environment.Kind.INDOOR;
            case "outdoor" -> Environment.Kind.OUTDOOR;
            default -> throw new SceneException(at + "/kind", "expected \"indoor\" or \"outdoor\", found \"" + k + "\"");
        };
        Material floor = n.has("floor") ? material(n.get("floor"), at + "/floor") : Material.WOOD;
        Room room = null;
        if (n.has("room") && !n.get("room").isNull()) {
            JsonNode r = n.get("room");
            requireObject(r, at + "/room");
            allowOnly(r, at + "/room", Set.of("size", "walls", "ceiling", "windows"));
            Vec3 rs = r.has("size") ? vec3(r.get("size"), at + "/room/size") : new Vec3(6, 3, 6);
            Material walls = r.has("walls") ? material(r.get("walls"), at + "/room/walls") : Material.STONE;
            Material ceiling = r.has("ceiling") ? material(r.get("ceiling"), at + "/room/ceiling") : Material.STONE;
            List<Window> windows = r.has("windows") && !r.get("windows").isNull()
                    ? windows(r.get("windows"), at + "/room/windows") : List.of();
            try {
                room = new Room(rs, walls, ceiling, windows);
            } catch (SceneException e) {
                throw e.under(at + "/room");
            }
        } else if (kind == Environment.Kind.INDOOR) {
            room = new Room(new Vec3(6, 3, 6), Material.STONE, Material.STONE);
        }
        // Where: coordinates win; else a city of the table by name; else the default, Paris.
        String place = n.has("place") && !n.get("place").isNull() ? text(n.get("place"), at + "/place") : null;
        boolean coordinates = n.has("latitude") || n.has("longitude");
        Places.Place city = place != null && !coordinates ? Places.find(place) : null;
        if (place != null && !coordinates && city == null) {
            throw new SceneException(at + "/place", "expected a city Diorama knows (such as \"Oslo\", \"Tokyo\", "
                    + "\"Cape Town\"; " + Places.all().size() + " in all) or \"latitude\" and \"longitude\", found \""
                    + place + "\"");
        }
        boolean defaultPlace = place == null && !coordinates;
        double lat = n.has("latitude") ? number(n.get("latitude"), at + "/latitude")
                : city != null ? city.latitude() : Environment.DEFAULT_LATITUDE;
        double lon = n.has("longitude") ? number(n.get("longitude"), at + "/longitude")
                : city != null ? city.longitude() : Environment.DEFAULT_LONGITUDE;
        if (city != null) place = city.name();
        if (defaultPlace) place = Environment.DEFAULT_PLACE;
        String zone = n.has("zone") && !n.get("zone").isNull() ? text(n.get("zone"), at + "/zone")
                : city != null ? city.zone() : defaultPlace ? Environment.DEFAULT_ZONE : null;
        LocalDate date = Environment.DEFAULT_DATE;
        if (n.has("date")) {
            String d = text(n.get("date"), at + "/date");
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new SceneException(at + "/date", "expected a date \"YYYY-MM-DD\", found \"" + d + "\"");
            }
        }
        double off;
        if (n.has("utcOffset")) {
            off = number(n.get("utcOffset"), at + "/utcOffset");
            // A file from before zones (offset only) keeps its offset: the default zone is not imposed on it.
            if (defaultPlace && !n.has("zone")) zone = null;
        } else if (zone != null) {
            try {
                off = Places.utcOffset(zone, date);
            } catch (java.time.DateTimeException e) {
                throw new SceneException(at + "/zone", "expected an IANA time zone such as \"Europe/Oslo\", found \""
                        + zone + "\"");
            }
        } else {
            off = Math.round(lon / 15);  // nautical time: the sun near its highest at 12:00
        }
        double turbidity = n.has("turbidity") ? number(n.get("turbidity"), at + "/turbidity")
                : Environment.DEFAULT_TURBIDITY;
        double clouds = n.has("cloudCover") ? number(n.get("cloudCover"), at + "/cloudCover") : 0;
        EnvironmentImage image = null;
        if (n.has("environmentMap") && !n.get("environmentMap").isNull()) {
            image = environmentImage(n.get("environmentMap"), at + "/environmentMap");
        }
        boolean air = true;
        if (n.has("air")) {
            if (!n.get("air").isBoolean()) throw new SceneException(at + "/air", "expected true or false, found " + kind(n.get("air")));
            air = n.get("air").asBoolean();
        }
        double airDensity = n.has("airDensity") ? number(n.get("airDensity"), at + "/airDensity") : Double.NaN;
        Vec3 wind = n.has("wind") ? vec3(n.get("wind"), at + "/wind") : null;
        try {
            return new Environment(kind, floor, room, lat, lon, date, off, place, zone, turbidity, clouds, image, air,
                    airDensity, wind);
        } catch (SceneException e) {
            throw e.under(at);
        }
    }

    /** {@code "sky.jpg"} or {@code {"path": "sky.jpg", "rotation": 90, "intensity": 2}}. */
    private static EnvironmentImage environmentImage(JsonNode n, String at) {
        if (n.isTextual()) {
            try {
                return new EnvironmentImage(n.asText());
            } catch (SceneException e) {
                throw new SceneException(at, e.expectation());
            }
        }
        requireObject(n, at);
        allowOnly(n, at, Set.of("path", "rotation", "intensity"));
        String path = text(required(n, "path", at), at + "/path");
        double rotation = n.has("rotation") ? number(n.get("rotation"), at + "/rotation") : 0;
        double intensity = n.has("intensity") ? number(n.get("intensity"), at + "/intensity") : 1;
        try {
            return new EnvironmentImage(path, rotation, intensity);
        } catch (SceneException e) {
            throw e.under(at);
        }
    }

    private static Camera camera(JsonNode n) {
        String at = "/camera";
        requireObject(n, at);
        allowOnly(n, at, Set.of("position", "lookAt", "fov", "move"));
        if (!n.has("position") && !n.has("lookAt") && !n.has("fov")) return null;  // framed, perhaps with a move
        Vec3 p = vec3(required(n, "position", at), at + "/position");
        Vec3 l = vec3(required(n, "lookAt", at), at + "/lookAt");
        double fov = n.has("fov") ? number(n.get("fov"), at + "/fov") : 50;
        try {
            return new Camera(p, l, fov);
        } catch (SceneException e) {
            throw e.under(at);
        }
    }

    private static CameraMove move(JsonNode n, String at) {
        requireObject(n, at);
        String kind = text(required(n, "kind", at), at + "/kind");
        String field = switch (kind) {
            case "static" -> null;
            case "pan", "tilt", "orbit" -> "degrees";
            case "dolly" -> "distance";
            case "zoom" -> "fov";
            case "track" -> "target";
            default -> throw new SceneException(at + "/kind", "expected one of \"static\", \"pan\", \"tilt\", "
                    + "\"orbit\", \"dolly\", \"zoom\", \"track\", found \"" + kind + "\"");
        };
        allowOnly(n, at, field == null ? Set.of("kind") : Set.of("kind", field));
        if (field == null) return null;
        JsonNode v = required(n, field, at);
        try {
            return switch (kind) {
                case "pan" -> new CameraMove.Pan(number(v, at + "/degrees"));
                case "tilt" -> new CameraMove.Tilt(number(v, at + "/degrees"));
                case "orbit" -> new CameraMove.Orbit(number(v, at + "/degrees"));
                case "dolly" -> new CameraMove.Dolly(number(v, at + "/distance"));
                case "zoom" -> new CameraMove.Zoom(number(v, at + "/fov"));
                default -> new CameraMove.Track(text(v, at + "/target"));
            };
        } catch (SceneException e) {
            throw e.pointer().startsWith(at) ? e : e.under(at);
        }
    }

    private static TimeLapse timeLapse(JsonNode n, LocalTime start) {
        String at = "/timeLapse";
        requireObject(n, at);
        allowOnly(n, at, Set.of("hours", "end"));
        if (!n.has("hours") && !n.has("end")) {
            throw new SceneException(at, "expected \"hours\" (the clock time the film spans) or \"end\" (\"HH:MM\")");
        }
        TimeLapse byEnd = n.has("end") ? TimeLapse.between(start, time(n.get("end"), at + "/end")) : null;
        if (!n.has("hours")) return byEnd;
        TimeLapse lapse;
        try {
            lapse = new TimeLapse(number(n.get("hours"), at + "/hours"));
        } catch (SceneException e) {
            throw e.pointer().startsWith(at) ? e : e.under(at);
        }
        if (byEnd != null && !lapse.end(start).equals(byEnd.end(start))) {
            throw new SceneException(at + "/end", "expected " + hhmm(lapse.end(start)) + ", the time " + lapse.hours()
                    + " hours after " + hhmm(start) + " (or give only one of \"hours\" and \"end\")");
        }
        return lapse;
    }

    // ---- writing ----

    public static String write(Scene s) {
        try {
            return MAPPER.writeValueAsString(toJson(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(Scene s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seed", s.seed());
        o.put("seconds", s.seconds());
        o.put("fps", s.fps());
        if (s.captureFps() != s.fps()) o.put("captureFps", s.captureFps());
        o.put("size", s.width() + "x" + s.height());
        o.put("physicsRate", s.physicsRate());
        o.put("gravity", s.gravity());
        o.put("time", hhmm(s.time()));
        if (s.timeLapse() != null) {
            ObjectNode lapse = o.putObject("timeLapse");
            lapse.put("hours", s.timeLapse().hours());
            lapse.put("end", hhmm(s.timeLapse().end(s.time())));
        }
        Environment e = s.environment();
        ObjectNode env = o.putObject("environment");
        env.put("kind", e.kind().jsonName());
        env.put("floor", e.floor().jsonName());
        if (e.room() != null) {
            ObjectNode r = env.putObject("room");
            r.set("size", array(e.room().size()));
            r.put("walls", e.room().walls().jsonName());
            r.put("ceiling", e.room().ceiling().jsonName());
            // Left out when there are none, so files from before windows read back byte for byte.
            if (!e.room().windows().isEmpty()) {
                ArrayNode ws = r.putArray("windows");
                for (Window w : e.room().windows()) {
                    ObjectNode j = ws.addObject();
                    j.put("wall", w.wall().jsonName());
                    j.set("center", MAPPER.createArrayNode().add(w.along()).add(w.up()));
                    j.set("size", MAPPER.createArrayNode().add(w.width()).add(w.height()));
                }
            }
        }
        env.put("latitude", e.latitude());
        env.put("longitude", e.longitude());
        env.put("date", e.date().toString());
        env.put("utcOffset", e.utcOffset());
        if (e.place() != null) env.put("place", e.place());
        if (e.zone() != null) env.put("zone", e.zone());
        // The sky's fields are written only when they differ from the default, so that files from
        // before them stay byte-identical.
        if (e.turbidity() != Environment.DEFAULT_TURBIDITY) env.put("turbidity", e.turbidity());
        if (e.cloudCover() != 0) env.put("cloudCover", e.cloudCover());
        if (!e.air()) env.put("air", false);
        if (!e.defaultAirDensity()) env.put("airDensity", e.airDensity());
        if (!e.wind().equals(Vec3.ZERO)) env.set("wind", array(e.wind()));
        if (e.environmentMap() != null) {
            EnvironmentImage m = e.environmentMap();
            if (m.rotation() == 0 && m.intensity() == 1) {
                env.put("environmentMap", m.path());
            } else {
                ObjectNode map = env.putObject("environmentMap");
                map.put("path", m.path());
                map.put("rotation", m.rotation());
                map.put("intensity", m.intensity());
            }
        }
        writeCamera(o.putObject("camera"), s.camera(), s.cameraMove());
        ArrayNode objs = o.putArray("objects");
        for (SceneObject so : s.objects()) {
            ObjectNode j = objs.addObject();
            j.put("id", so.id());
            j.put("shape", so.shape().jsonName());
            j.put("material", so.material().jsonName());
            String name = Colors.nameOf(so.color());
            if (name != null) j.put("color", name);
            else j.set("color", MAPPER.createArrayNode().add(so.color().r()).add(so.color().g()).add(so.color().b()));
            j.set("size", array(so.size()));
            j.set("position", array(so.position()));
            j.set("rotation", array(so.rotation()));
            j.set("velocity", array(so.velocity()));
            // Defaults are left out, so files from before fixed objects and assets read back byte for byte.
            if (so.fixed()) j.put("fixed", true);
            if (so.asset() != null) j.put("asset", so.asset());
            if (so.enters() > 0) j.put("enters", so.enters());
            if (so.emission() > 0) j.put("emission", so.emission());
            if (!so.spin().equals(Vec3.ZERO)) j.set("spin", array(so.spin()));
            if (so.wall() > 0) j.put("wall", so.wall());
        }
        if (!s.joints().isEmpty()) {
            ArrayNode js = o.putArray("joints");
            for (Joint joint : s.joints()) {
                ObjectNode j = js.addObject();
                j.put("kind", joint.kind());
                j.put("a", joint.a());
                if (joint.b() != null) j.put("b", joint.b());
                j.set("anchor", array(joint.anchor()));
                if (joint instanceof Joint.Hinge h) j.set("axis", array(h.axis()));
            }
        }
        // Written only when there are liquids, so that a dry scene's JSON is what it always was.
        if (!s.liquids().isEmpty()) {
            ArrayNode ls = o.putArray("liquids");
            for (Liquid l : s.liquids()) {
                ObjectNode j = ls.addObject();
                j.put("id", l.id());
                j.put("kind", l.kind());
                if (l.min() != null) {
                    j.set("min", array(l.min()));
                    j.set("max", array(l.max()));
                }
                if (l.in() != null) {
                    j.put("in", l.in());
                    j.put("level", l.level());
                }
                if (l.pour() != null) {
                    ObjectNode p = j.putObject("pour");
                    p.set("from", array(l.pour().from()));
                    p.set("velocity", array(l.pour().velocity()));
                    p.put("radius", l.pour().radius());
                    p.put("start", l.pour().start());
                    p.put("end", l.pour().end());
                }
                if (l.rain() != null) {
                    Liquid.Rain r = l.rain();
                    ObjectNode rn = j.putObject("rain");
                    rn.put("x0", r.x0());
                    rn.put("x1", r.x1());
                    rn.put("z0", r.z0());
                    rn.put("z1", r.z1());
                    rn.put("height", r.height());
                    rn.put("intensity", r.intensity());
                    rn.put("start", r.start());
                    rn.put("end", r.end());
                }
                j.put("spacing", l.spacing());
            }
        }
        // Written only for storyboards, so that a one-shot scene's JSON is what it always was.
        if (!s.shots().isEmpty()) {
            ArrayNode shots = o.putArray("shots");
            for (Shot shot : s.shots()) {
                ObjectNode j = shots.addObject();
                j.put("start", shot.start());
                writeCamera(j.putObject("camera"), shot.camera(), shot.move());
            }
        }
        return o;
    }

    private static void writeCamera(ObjectNode cam, Camera c, CameraMove move) {
        cam.set("position", array(c.position()));
        cam.set("lookAt", array(c.lookAt()));
        cam.put("fov", c.fov());
        if (move != null) {
            ObjectNode m = cam.putObject("move");
            m.put("kind", move.kind());
            switch (move) {
                case CameraMove.Pan p -> m.put("degrees", p.degrees());
                case CameraMove.Tilt t -> m.put("degrees", t.degrees());
                case CameraMove.Orbit r -> m.put("degrees", r.degrees());
                case CameraMove.Dolly d -> m.put("distance", d.distance());
                case CameraMove.Zoom z -> m.put("fov", z.fov());
                case CameraMove.Track k -> m.put("target", k.target());
            }
        }
    }

    public static ArrayNode array(Vec3 v) {
        return MAPPER.createArrayNode().add(v.x()).add(v.y()).add(v.z());
    }

    public static ArrayNode array(Quat q) {
        return MAPPER.createArrayNode().add(q.x()).add(q.y()).add(q.z()).add(q.w());
    }

    // ---- typed readers with pointers ----

    private static void requireObject(JsonNode n, String at) {
        if (n == null || !n.isObject()) throw new SceneException(at, "expected a JSON object, found " + kind(n));
    }

    private static void allowOnly(JsonNode n, String at, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SceneException(at + "/" + f, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode required(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new SceneException(at + "/" + field, "required field is missing");
        return v;
    }

    private static String text(JsonNode n, String at) {
        if (!n.isTextual()) throw new SceneException(at, "expected a string, found " + kind(n));
        return n.asText();
    }

    private static double number(JsonNode n, String at) {
        if (!n.isNumber()) throw new SceneException(at, "expected a number, found " + kind(n));
        return n.asDouble();
    }

    private static int intAt(JsonNode n, String at) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw new SceneException(at, "expected a whole number, found " + kind(n));
        return n.asInt();
    }

    private static long longAt(JsonNode n, String at) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw new SceneException(at, "expected a whole number, found " + kind(n));
        return n.asLong();
    }

    private static Vec3 vec3(JsonNode n, String at) {
        if (!n.isArray() || n.size() != 3) throw new SceneException(at, "expected an array of three numbers, found " + kind(n));
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) v[i] = number(n.get(i), at + "/" + i);
        return new Vec3(v[0], v[1], v[2]);
    }

    private static Quat quat(JsonNode n, String at) {
        if (!n.isArray() || n.size() != 4) throw new SceneException(at, "expected a quaternion [x, y, z, w], found " + kind(n));
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) v[i] = number(n.get(i), at + "/" + i);
        return new Quat(v[0], v[1], v[2], v[3]);
    }

    private static Material material(JsonNode n, String at) {
        String s = text(n, at);
        Material m = Material.fromJson(s);
        if (m == null) throw new SceneException(at, "expected one of " + names(Material.values()) + ", found \"" + s + "\"");
        return m;
    }

    private static Rgb color(JsonNode n, String at) {
        if (n.isTextual()) {
            Rgb c = Colors.named(n.asText());
            if (c == null) throw new SceneException(at, "expected a colour name such as \"red\" or [r, g, b] in [0, 1], found \"" + n.asText() + "\"");
            return c;
        }
        if (n.isArray() && n.size() == 3) {
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = number(n.get(i), at + "/" + i);
                if (!(v[i] >= 0 && v[i] <= 1)) throw new SceneException(at + "/" + i, "expected a component in [0, 1]");
            }
            return new Rgb(v[0], v[1], v[2]);
        }
        throw new SceneException(at, "expected a colour name or [r, g, b], found " + kind(n));
    }

    private static int[] pictureSize(JsonNode n, String at) {
        String s = text(n, at);
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) throw new SceneException(at, "expected \"WIDTHxHEIGHT\" such as \"1280x720\", found \"" + s + "\"");
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** Parses "WIDTHxHEIGHT"; null when the text is not of that form. */
    public static int[] parseSize(String s) {
        Matcher m = SIZE.matcher(s);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    private static LocalTime time(JsonNode n, String at) {
        String s = text(n, at);
        Matcher m = TIME.matcher(s);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1)), mi = Integer.parseInt(m.group(2));
            if (h < 24 && mi < 60) return LocalTime.of(h, mi);
        }
        throw new SceneException(at, "expected a local time \"HH:MM\" (00:00 to 23:59), found \"" + s + "\"");
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String names(Enum<?>[] values) {
        List<String> l = new ArrayList<>();
        for (Enum<?> v : values) l.add("\"" + v.name().toLowerCase(java.util.Locale.ROOT) + "\"");
        return String.join(", ", l);
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "nothing";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array of " + n.size();
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        if (n.isBoolean()) return "a boolean";
        if (n.isNumber()) return "the number " + n.asText();
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
