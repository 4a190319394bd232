package dev.diorama.prompt;

import dev.diorama.prompt.Draft.HeightPhrase;
import dev.diorama.prompt.Draft.ObjectGroup;
import dev.diorama.prompt.Draft.TimeOfDay;
import dev.diorama.scene.Camera;
import dev.diorama.scene.CameraMove;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Joint;
import dev.diorama.scene.Material;
import dev.diorama.scene.Places;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shot;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Stacks;
import dev.diorama.scene.SolarPosition;
import dev.diorama.scene.TimeLapse;
import dev.diorama.scene.Vec3;
import dev.diorama.scene.Window;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draft to scene: fills in every default the prompt left open, lays the objects out, frames the
 * camera and resolves the time of day. The defaults are named here, in one place.
 *
 * <p>Sizes: a ball's size is its diameter, a cube's its edge, a plank's its length (thickness and
 * width follow at 1/20 and 1/5 of it, as in the scene JSON's one-number form), a cylinder's its
 * height (diameter 0.6 of it) unless the words say "wide", "across" or "in diameter".
 *
 * <p>Layout: objects stand side by side along x in the order they were named, each gap about the
 * size of its neighbours (the larger footprint, kept within [5 cm, 50 cm]), the row centred on x = 0;
 * a row that grows wider than the room (indoors) or than about 1.8 times the square root of the
 * objects' total footprint area (outdoors, at least 6 m) wraps into a new row further from the
 * camera. Objects something lands on ("onto a plank") rest on the floor in a row of their own under
 * the falling ones, which start above their tops.
 */
final class Staging {
    /** The largest extent of a model from a file when the words give none, m. */
    static final double MESH_SIZE = 0.3;
    /** Largest object extent a prompt may ask for, m. */
    static final double MAX_SIZE = 10;
    /** The longest pendulum period a prompt may ask for, s (a 5 m pendulum swings in 4.5 s on Earth). */
    static final double MAX_PERIOD = 60;
    /** Highest drop a prompt may ask for, m. */
    static final double MAX_DROP_HEIGHT = 100;
    /** Where the bottoms of falling objects start when the prompt gives no height, m. */
    static final double DEFAULT_DROP_HEIGHT = 1;
    /** "At sunset" and "at sunrise": the sun this many degrees above the horizon, low and warm but still lighting. */
    static final double SUN_ELEVATION_AT_SUNSET = 3;
    /** "At golden hour": the setting sun this many degrees high, its light long and warm. */
    static final double SUN_ELEVATION_AT_GOLDEN_HOUR = 6;
    /** "At twilight", "at the blue hour": the sun this far below the horizon after sunset (civil twilight). */
    static final double SUN_ELEVATION_AT_TWILIGHT = -4;
    /** A time-lapse's film length when neither the prompt nor the caller gives one, s. */
    static final double DEFAULT_TIME_LAPSE_SECONDS = 10;
    /**
     * The time when the prompt gives none: at the default place and date (Paris, 22 September) the
     * sun stands 33 degrees high in the south-west, light enough to see by and low enough that
     * shadows are long and show the objects' shapes (they are about 1.5 times the objects' height).
     */
    static final LocalTime DEFAULT_TIME = LocalTime.of(16, 0);
    static final Vec3 DEFAULT_ROOM = new Vec3(6, 3, 6);
    static final Vec3 SMALL_ROOM = new Vec3(4, 2.5, 4);
    static final Vec3 LARGE_ROOM = new Vec3(10, 4, 10);
    static final Material DEFAULT_INDOOR_FLOOR = Material.WOOD;
    static final Material DEFAULT_OUTDOOR_FLOOR = Material.STONE;
    static final Material DEFAULT_WALLS = Material.STONE;
    static final Material DEFAULT_CEILING = Material.STONE;
    /** Space kept between the objects and the walls or ceiling, m. */
    private static final double ROOM_MARGIN = 0.05;
    /** How far the camera stays from the walls and ceiling when it must stand inside a room, m. */
    private static final double CAMERA_WALL_CLEARANCE = 0.2;
    /** The widest view the camera may be given to fit a crowded room, degrees. */
    private static final double MAX_FOV = 150;

    private Staging() {}

    /** The scene's gravity, m/s^2: the world the words name ("on the Moon"), else Earth's. */
    static double gravity(Draft d) {
        return d.gravity == null ? Scene.STANDARD_GRAVITY : d.gravity.value();
    }

    /** A default size per shape, m: (x, y, z) as {@link SceneObject#size()} reads it. */
    static Vec3 defaultSize(Shape s) {
        return switch (s) {
            case BALL -> new Vec3(0.2, 0.2, 0.2);
            case CUBE -> new Vec3(0.2, 0.2, 0.2);
            case CYLINDER -> new Vec3(0.15, 0.25, 0.15);
            case PLANK -> new Vec3(1.0, 0.05, 0.2);
            case CONE, PYRAMID, MESH -> s.proportions(0.3);
            case WEDGE, STAIRS -> s.proportions(1.0);
            case DOMINO -> s.proportions(0.048);
            case BRICK -> s.proportions(0.215);
            case BOAT -> s.proportions(0.3);
            case BOWL -> s.proportions(0.18);
            case CUP -> s.proportions(0.1);
            case BOTTLE -> s.proportions(0.3);
            case JUG -> s.proportions(0.25);
            case PIN -> s.proportions(0.381);
            case TABLE -> s.proportions(1.2);
            case POOL_TABLE -> s.proportions(2.74);
            case SHELF -> s.proportions(1.8);
            case TANK -> s.proportions(0.6);
        };
    }

    /** What an object is made of when the prompt does not say: a bouncy ball, a wooden block, a steel can, a wooden plank. */
    static Material defaultMaterial(Shape s) {
        return switch (s) {
            case BALL -> Material.RUBBER;
            case CUBE -> Material.WOOD;
            case CYLINDER -> Material.STEEL;
            case PLANK -> Material.WOOD;
            case CONE, WEDGE, TABLE, SHELF, STAIRS -> Material.WOOD;
            case BOAT -> Material.PINE;
            case DOMINO, MESH -> Material.PLASTIC;
            case PYRAMID, BRICK, BOWL, CUP, JUG -> Material.STONE;  // stone stands in for brick and ceramic
            case BOTTLE, TANK -> Material.GLASS;
            case PIN -> Material.MAPLE;
            case POOL_TABLE -> Material.CLOTH;
        };
    }

    static Vec3 roomOfScale(double scale) {
        return scale < 1 ? SMALL_ROOM : scale > 1 ? LARGE_ROOM : DEFAULT_ROOM;
    }

    /** One object to place: its group, its size, where its bottom starts, and the words behind that height. */
    record Item(ObjectGroup group, Material material, Vec3 size, double bottom, String heightWords, Props.Unit unit) {
        Item(ObjectGroup group, Material material, Vec3 size, double bottom, String heightWords) {
            this(group, material, size, bottom, heightWords, null);
        }

        double footprint() { return unit != null ? unit.footprint() : 2 * SceneObject.boundingRadius(group.shape(), size); }

        /** The same item cut to {@code s} (a half brick at the end of a wall's course). */
        Item withSize(Vec3 s) { return new Item(group, material, s, bottom, heightWords, unit); }
    }

    /** How far from the room's east wall a thing sent at it starts, metres (its nearest point). */
    static final double FROM_THE_WALL = 1.2;

    /**
     * "a ball bounces off the wall", "rolls into the wall": what is sent at the wall starts
     * {@link #FROM_THE_WALL} from the room's east wall (+x), moving toward it (Arranging.heading).
     */
    private static void toTheWall(Draft d, List<Item> falling, double[][] xz, Room room, List<String> notes) {
        for (Draft.ActionPhrase a : d.actions) {
            if (!d.atWall.contains(a.at())) continue;
            int g = Arranging.subject(d.groups, a.at(), false);
            if (g < 0 || room == null) continue;
            double x = room.size().x() / 2 - FROM_THE_WALL;
            for (int k = 0; k < falling.size(); k++) {
                Item it = falling.get(k);
                if (it.group() != d.groups.get(g) || it.unit() != null) continue;
                xz[k][0] = Math.round((x - it.footprint() / 2) * 1e6) / 1e6;
                x -= it.footprint() + 0.1;
            }
            notes.add("\"" + a.words() + "\": it starts " + PromptReader.metres(FROM_THE_WALL) + " from the room's east wall, sent at it");
        }
    }

    /** The materials of a group "of different mass", the heaviest first. */
    private static final Material[] VARIED = {Material.STEEL, Material.WOOD, Material.RUBBER, Material.PLASTIC, Material.GLASS,
        Material.CORK};

    /** How far round from a wall's end the camera looks at it, degrees (Framing). */
    static final double WALL_YAW = 50;

    static Scene build(Draft d, PromptParser.Options o, List<String> notes) {
        return build(d, List.of(), o, notes);
    }

    /**
     * A storyboard's scene: {@code d} is the whole world (every shot's objects and settings), each
     * of {@code shots} the camera words and length of one shot and the first of {@code d}'s groups it
     * brings in. Empty {@code shots}: one film.
     */
    static Scene build(Draft d, List<Storyboard.ShotWords> shots, PromptParser.Options o, List<String> notes) {
        try {
            return buildChecked(d, shots, o, notes);
        } catch (SceneException e) {
            throw explain(e);
        }
    }

    private static Scene buildChecked(Draft d, List<Storyboard.ShotWords> shots, PromptParser.Options o,
                                      List<String> notes) {
        Environment env = sky(d, environment(d, notes), notes);
        Room room = env.room();
        List<Item> falling = new ArrayList<>();
        List<Item> resting = new ArrayList<>();
        int total = 0;
        for (ObjectGroup g : d.groups) total += g.count();
        if (total > Scene.MAX_OBJECTS) {
            throw new PromptException("the prompt asks for " + total + " objects; expected at most "
                    + Scene.MAX_OBJECTS + " in one scene");
        }
        Liquids.Plan liquidPlan = Liquids.resolve(d, notes);
        lookOntoPoolTables(d, notes);
        Props.Plan plan = Props.plan(d, room, notes);
        boolean anyFalling = d.groups.stream().anyMatch(g -> !g.onSurface() && !plan.member(g));
        for (ObjectGroup g : ordered(d, notes)) {
            Material m = g.material() != null ? g.material() : g.noun().material();
            if (plan.member(g)) {
                // A prop with what it holds, or a rig: one item of the row per unit.
                for (Props.Unit u : plan.units().getOrDefault(g, List.of())) {
                    falling.add(new Item(g, m, new Vec3(u.footprint(), 0, u.footprint()), 0, null, u));
                }
                continue;
            }
            Vec3 size = standing(d, g, size(g), notes);
            // Something a lone object lands "onto" only rests when something else falls onto it.
            boolean rests = g.onSurface() && anyFalling;
            HeightPhrase h = rests ? null : heightFor(g, d.heights);
            double bottom = h == null ? (rests ? 0 : DEFAULT_DROP_HEIGHT) : h.metres();
            for (int k = 0; k < g.count(); k++) {
                // "two balls of different mass": steel, then wood, rubber, plastic, ... (the heaviest first)
                Material mk = d.varied.contains(g) ? VARIED[k % VARIED.length] : m;
                Item it = new Item(g, mk, size, bottom, h == null ? null : h.words());
                (rests ? resting : falling).add(it);
            }
            if (d.varied.contains(g)) {
                StringBuilder which = new StringBuilder();
                for (int k = 0; k < g.count(); k++) which.append(k == 0 ? "" : k == g.count() - 1 ? " and " : ", ").append(VARIED[k % VARIED.length].jsonName());
                notes.add("\"" + g.words() + "\": " + which + ", each as large as the others");
            }
        }
        for (HeightPhrase h : d.heights) {
            if (falling.stream().noneMatch(it -> h.words().equals(it.heightWords()))
                    && d.groups.stream().noneMatch(g -> plan.member(g) && h.at() > g.at() - 1 && h.at() < g.end() + 8)) {
                notes.add("\"" + h.words() + "\" applies to no falling object and was not used");
            }
        }
        double maxRow = room != null ? room.size().x() - 2 * ROOM_MARGIN : outdoorRowWidth(falling, resting);
        double[][] restXz = layout(resting, maxRow, room);
        double[][] fallXz = layout(falling, maxRow, room);
        double restTop = 0;
        for (Item it : resting) restTop = Math.max(restTop, it.size().y());

        double[] fallBottom = new double[falling.size()];
        for (int k = 0; k < falling.size(); k++) {
            Item it = falling.get(k);
            if (it.unit() != null) continue;
            double bottom = it.bottom();
            if (bottom == Double.POSITIVE_INFINITY) {
                bottom = room.size().y() - ROOM_MARGIN - it.size().y() / 2 - SceneObject.boundingRadius(it.group().shape(), it.size());
            }
            if (!resting.isEmpty() && bottom < restTop + 0.01) {
                notes.add("\"" + it.group().words() + "\" starts " + PromptReader.metres(restTop + 0.01)
                        + " up, just above what it falls onto");
                bottom = restTop + 0.01;
            }
            fallBottom[k] = bottom;
        }
        Motion motion = new Motion(falling.size());
        Arranging.chains(d);
        Arranging.arrange(d, falling, fallXz, fallBottom, motion.rotation, o.seed(), notes);
        Arranging.relate(d, falling, fallXz, notes);
        Arranging.act(d, falling, fallXz, fallBottom, motion, plan.consumed(), plan::member, notes);
        Arranging.tops(d, falling, fallBottom, motion, notes);
        toTheWall(d, falling, fallXz, room, notes);

        // Every object with its id's stem; the pieces of units moved to their places in the row.
        List<SceneObject> unnamed = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<Props.Link> links = new ArrayList<>();
        List<SceneObject> ghosts = new ArrayList<>();
        List<Props.Stream> streams = new ArrayList<>();
        for (int k = 0; k < falling.size(); k++) {
            Item it = falling.get(k);
            if (it.unit() != null) {
                Vec3 at = new Vec3(fallXz[k][0], 0, fallXz[k][1]);
                int offset = unnamed.size();
                for (Props.Piece p : it.unit().pieces) {
                    Props.Piece q = p.moved(at);
                    SceneObject piece = new SceneObject("o" + unnamed.size(), q.shape(), q.material(), q.color(), q.size(),
                            q.position(), q.rotation(), q.velocity(), q.fixed(), q.asset());
                    // a basketball on a ramp, a hollow pendulum's bob (its rod and frame stay solid, unremarked)
                    if (!q.fixed() && q.shape() == Shape.BALL) piece = shell(piece, q.group(), d, notes);
                    unnamed.add(d.glowing.contains(q.group()) ? piece.glowing(GLOW_NITS) : piece);
                    items.add(new Item(q.group(), q.material(), q.size(), q.position().y() - q.size().y() / 2, null));
                    bases.add(q.base());
                }
                for (Props.Link l : it.unit().links) links.add(l.moved(at, offset));
                for (Props.Stream st : it.unit().streams) streams.add(st.moved(at));
                for (Props.Piece p : it.unit().ghosts) {
                    Props.Piece q = p.moved(at);
                    ghosts.add(new SceneObject("ghost", q.shape(), q.material(), null, q.size(), q.position(), q.rotation(),
                            null));
                }
                checkInRoom(it, unnamed.subList(offset, unnamed.size()), room);
                continue;
            }
            SceneObject so = shell(object("o" + unnamed.size(), it, fallXz[k], fallBottom[k], room, motion.rotation[k],
                    motion.velocity[k]), it.group(), d, notes);
            if (motion.spin[k] != null) so = so.withSpin(motion.spin[k]);
            unnamed.add(d.glowing.contains(it.group()) ? so.glowing(GLOW_NITS) : so);
            items.add(it);
            bases.add(baseId(it.group(), it.material()));
        }
        for (int k = 0; k < resting.size(); k++) {
            SceneObject so = shell(object("o" + unnamed.size(), resting.get(k), restXz[k], 0, room, null, null),
                    resting.get(k).group(), d, notes);
            unnamed.add(d.glowing.contains(resting.get(k).group()) ? so.glowing(GLOW_NITS) : so);
            items.add(resting.get(k));
            bases.add(baseId(resting.get(k).group(), resting.get(k).material()));
        }
        // A top on a table (a piece of the table's unit) is set down spinning where it stands, as one on the floor is (Arranging.tops).
        for (int n = 0; n < unnamed.size(); n++) {
            SceneObject so = unnamed.get(n);
            if (so.fixed() || !so.spin().equals(Vec3.ZERO) || !Arranging.isTop(items.get(n).group())) continue;
            double bottom = so.position().y() - so.halfHeight();
            SceneObject turned = so.withPose(so.position(), Arranging.TOP_SET_DOWN);
            unnamed.set(n, turned.withPosition(new Vec3(so.position().x(), upToMicrometre(bottom + turned.halfHeight()),
                    so.position().z())).withSpin(Arranging.topSpin(d, items.get(n).group(), so.size(), notes)));
        }
        List<String> ids = ids(bases);
        List<SceneObject> objects = new ArrayList<>();
        for (int n = 0; n < unnamed.size(); n++) {
            SceneObject u = unnamed.get(n);
            objects.add(u.copy(ids.get(n), u.position()));
        }
        List<Joint> joints = new ArrayList<>();
        for (Props.Link l : links) {
            String b = l.b() < 0 ? null : ids.get(l.b());
            joints.add(l.axis() == null ? new Joint.Pivot(ids.get(l.a()), b, l.anchor())
                    : new Joint.Hinge(ids.get(l.a()), b, l.anchor(), l.axis()));
        }
        // In slow motion the physics steps a whole number of times for each frame the camera takes.
        int capture = captureFps(d, o.fps());
        // A tall stack (a Jenga tower, a column of blocks) steps as often as it needs to stand (Stacks).
        int rate = Math.max(plan.physicsRate(), Stacks.depth(objects) >= Stacks.TALL ? Stacks.TALL_RATE : 0);
        // A fast spin (a top) turns at most SPIN_STEP radians a step, where the gyroscopic term acts: not
        // a rolling ball's, nor a cube's (equal moments).
        for (SceneObject so : objects) {
            if (so.shape() == Shape.BALL || so.spin().equals(Vec3.ZERO)) continue;
            if (dev.diorama.scene.Solids.unequalMoments(dev.diorama.scene.Solids.inertia(so.shape(), so.size(), so.asset()))) {
                rate = Math.max(rate, (int) Math.ceil(so.spin().length() / SPIN_STEP));
            }
        }
        int physicsRate = rate <= Scene.defaultPhysicsRate(capture) ? 0 : capture * (int) Math.ceil((double) rate / capture);
        double slow = (double) capture / o.fps();
        if (env.room() != null && env.floor() == Material.MAPLE) pit(objects, items, ids, notes);
        turntable(d, plan, objects, items, notes);
        double[] needed = {0};
        List<dev.diorama.scene.Liquid> liquids = liquidPlan.isEmpty() ? List.of()
                : Liquids.build(liquidPlan, objects, items.stream().map(Item::group).toList(), streams,
                        (o.secondsExplicit() || d.seconds == null || !(d.seconds.value() > 0) ? o.seconds() : d.seconds.value()) / slow,
                        needed, notes);

        if (shots.size() > 1) {
            return storyboard(d, shots, env, objects, items, ids, joints, physicsRate, capture, ghosts, o, notes).withLiquids(liquids);
        }
        Shot view = shot(d, objects, items, ids, room, ghosts, o, notes);
        Camera camera = view.camera();
        CameraMove move = view.move();

        LocalTime time = time(d, env, notes);
        TimeLapse lapse = null;
        if (d.lapse != null) {
            LocalTime[] start = {time};
            lapse = lapse(d, env, start, notes);
            time = start[0];
        }
        double seconds = seconds(d, o, notes, lapse != null);
        if (needed[0] > seconds / slow + 1e-9) {
            // (a slow-motion film is not lengthened: it shows the start of the pour, as long as it was asked to be)
            if (d.seconds == null && !o.secondsExplicit() && lapse == null && slow == 1) {
                double longer = Math.min(Math.ceil(needed[0]), Scene.MAX_SECONDS);
                notes.add("the film lasts " + PromptReader.number(longer) + " s, so that the pour ends and settles in it");
                seconds = longer;
            } else {
                notes.add("the film ends (" + PromptReader.number(seconds) + " s" + (slow == 1 ? ""
                        : ", " + PromptReader.number(Math.round(seconds / slow * 1000) / 1000.0) + " s of the world") + ") before the pour"
                        + " has ended and settled (" + PromptReader.number(Math.round(needed[0] * 10) / 10.0) + " s)");
            }
        }
        slowMotionNote(d, o.fps(), capture, seconds, notes);
        return new Scene(o.seed(), seconds, o.fps(), o.width(), o.height(), physicsRate, gravity(d), time, env,
                camera, objects, move, lapse, joints, List.of(), liquids, capture);
    }

    /**
     * Frames the camera takes a second: the film's {@code fps}, or more in slow motion said by the
     * words (ActionWords.slowMotion: so many times slower, or filmed at so many frames a second);
     * {@link #slowMotionNote} says what the film then shows.
     */
    static int captureFps(Draft d, int fps) {
        if (d.slowMotion == null) return fps;
        double[] v = d.slowMotion.value();
        double capture = v[1] > 0 ? v[1] : v[0] * fps;
        String words = d.slowMotion.words();
        if (capture < fps) {
            throw new PromptException(words, "films " + PromptReader.number(capture) + " frames a second, fewer than the film's " + fps
                    + "; expected at least " + fps + " (more is slow motion)");
        }
        if (capture > Scene.MAX_CAPTURE_FPS) {
            throw new PromptException(words, "asks for " + PromptReader.number(Math.round(capture)) + " frames a second; expected at most "
                    + Scene.MAX_CAPTURE_FPS + " (" + PromptReader.number(Math.floor((double) Scene.MAX_CAPTURE_FPS / fps))
                    + " times slower at " + fps + " fps)");
        }
        return (int) Math.round(capture);
    }

    /** The note of a slow-motion film: its camera's rate, how much slower, what its seconds show of the world, its sound. */
    static void slowMotionNote(Draft d, int fps, int c, double seconds, List<String> notes) {
        if (c == fps) return;
        double k = (double) c / fps;
        String times = PromptReader.number(Math.round(k * 100) / 100.0);
        notes.add("\"" + d.slowMotion.words() + "\": filmed at " + c + " frames a second and played at " + fps + ", " + times
                + " times slower: the " + PromptReader.number(seconds) + " s film shows "
                + PromptReader.number(Math.round(seconds / k * 1000) / 1000.0) + " s of the world; its sound is slowed with it, "
                + times + " times longer and " + PromptReader.number(Math.round(Math.log(k) / Math.log(2) * 10) / 10.0) + " octaves lower");
    }

    /** Where the wind comes from when the words do not say, degrees from north: the east, so that it blows along -x, from the picture's left to its right for the usual camera. */
    static final double WIND_FROM = 90;

    /**
     * The wind the words name ({@link Draft#wind}), outdoors; a room has none (a note), and where the
     * air has no density there is nothing to blow (refused without air, noted without its resistance).
     */
    static Environment wind(Draft d, Environment env, List<String> notes) {
        if (d.wind == null) return env;
        String words = d.wind.words();
        if (!env.air()) throw new PromptException(words, "says wind where there is no air; expected one of them");
        if (env.kind() == Environment.Kind.INDOOR) {
            notes.add("\"" + words + "\": indoors the air is still; the wind blows outdoors only");
            return env;
        }
        if (env.airDensity() == 0) {
            notes.add("\"" + words + "\": without the air's resistance the wind has nothing to push with");
            return env;
        }
        double speed = d.wind.value()[0], bearing = Double.isNaN(d.wind.value()[1]) ? WIND_FROM : d.wind.value()[1];
        double b = Math.toRadians(bearing);
        // From bearing b (north -z, east +x) the air moves the other way.
        Vec3 w = new Vec3(-Math.sin(b) * speed, 0, Math.cos(b) * speed);
        w = new Vec3(Math.abs(w.x()) < 1e-12 ? 0 : w.x(), 0, Math.abs(w.z()) < 1e-12 ? 0 : w.z());
        notes.add("\"" + words + "\": the wind blows at " + PromptReader.number(Math.round(speed * 10) / 10.0) + " m/s from the "
                + compass(bearing) + "; light things drift with it (the liquids, the rain and the sound do not feel it)");
        return env.withWind(w);
    }

    private static String compass(double bearing) {
        String[] points = {"north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"};
        return points[(int) Math.round(((bearing % 360) + 360) % 360 / 45) % 8];
    }

    /**
     * "clear", "hazy", "smoggy", "overcast", "cloudy": the air's turbidity and the sky's cloud cover
     * ({@link Environment#withSky}); the rest of the sky as it was.
     */
    static Environment sky(Draft d, Environment env, List<String> notes) {
        Draft.LiquidSaid rain = d.rain();
        if (d.air != null && !d.air.value()) {
            if (env.kind() == Environment.Kind.INDOOR) {
                notes.add("\"" + d.air.words() + "\": indoors, the room holds air (a sky and sound as on Earth)");
            } else {
                // No air: no weather. What would need it is refused rather than quietly dropped.
                Draft.Said<?> weather = d.haze != null ? d.haze : d.clouds;
                if (rain != null || weather != null) {
                    throw new PromptException(d.air.words() + " ... " + (rain != null ? rain.words() : weather.words()),
                            "says " + (rain != null ? "rain" : "haze or cloud") + " where there is no air; expected one of them");
                }
                if (!d.liquids.isEmpty()) {
                    notes.add("\"" + d.air.words() + "\": the liquid stays liquid (in a vacuum real water boils away)");
                }
                if (d.wind != null) {
                    throw new PromptException(d.air.words() + " ... " + d.wind.words(), "says wind where there is no air; expected one of them");
                }
                return env.withAir(false);
            }
            // A room on an airless world holds Earth's air, unless the words take its resistance away.
            if (d.airDensity == null) env = env.withAirDensity(Environment.EARTH_AIR_DENSITY);
        } else if (d.air != null && !env.air()) {
            env = env.withAir(true);   // a remix of a scene on the Moon "now on Mars"
        }
        if (d.airDensity != null && env.air()) {
            // A world's air is outdoors; a room on Mars or Venus holds air people breathe, Earth's.
            double rho = d.airDensity.value() != 0 && env.kind() == Environment.Kind.INDOOR
                    ? Environment.EARTH_AIR_DENSITY : d.airDensity.value();
            if (rho == 0) {
                notes.add("\"" + d.airDensity.words() + "\": the air neither slows the bodies nor holds them up, as in a"
                        + " vacuum (the sky and the sound stay)");
            } else if (rho != Environment.EARTH_AIR_DENSITY) {
                notes.add("\"" + d.airDensity.words() + "\": the air's density is " + PromptReader.number(rho)
                        + " kg/m^3 (Earth's " + PromptReader.number(Environment.EARTH_AIR_DENSITY)
                        + "): its drag and buoyancy on the bodies");
            }
            env = env.withAirDensity(rho);
        }
        env = wind(d, env, notes);
        // Rain falls from an overcast sky, unless the words gave the sky ("rain under a clear sky").
        if (rain != null && d.clouds == null) {
            notes.add("\"" + rain.words() + "\": an overcast sky, no direct sun (rain falls from cloud; say \"under a clear"
                    + " sky\" for sunshine)");
            if (env.kind() == Environment.Kind.INDOOR) notes.add("\"" + rain.words() + "\": indoors, the sky is not seen");
            env = env.withSky(env.turbidity(), ActionWords.OVERCAST, env.environmentMap());
        }
        if (d.haze == null && d.clouds == null) return env;
        double turbidity = d.haze != null ? d.haze.value() : env.turbidity();
        double clouds = d.clouds != null ? d.clouds.value() : env.cloudCover();
        if (d.haze != null) {
            notes.add("\"" + d.haze.words() + "\": the air's turbidity is " + PromptReader.number(turbidity)
                    + (turbidity <= 2 ? " (clean air)" : turbidity < 7 ? " (a haze that whitens the sky and softens shadows)"
                    : " (a thick haze: a pale sky, a dim red sun)"));
        }
        if (d.clouds != null) {
            notes.add("\"" + d.clouds.words() + "\": " + (clouds >= 1 ? "an overcast sky, no direct sun"
                    : clouds == 0 ? "a cloudless sky" : Math.round(clouds * 100) + " % of the sky under cloud"));
        }
        if (env.kind() == Environment.Kind.INDOOR) {
            notes.add("\"" + (d.clouds != null ? d.clouds.words() : d.haze.words()) + "\": the sky is recorded, but"
                    + " indoors it is not seen");
        }
        return env.withSky(turbidity, clouds, env.environmentMap());
    }

    /**
     * "my_sneaker.glb on a pedestal, slowly turning": a fixed thing, or one standing on a prop,
     * cannot turn; the camera circles it instead (a full turn over the film, half a turn "slowly"),
     * unless the words gave the camera a move of their own.
     */
    private static void turntable(Draft d, Props.Plan plan, List<SceneObject> objects, List<Item> items,
                                  List<String> notes) {
        for (Draft.ActionPhrase a : d.actions) {
            if (a.act() != Draft.Act.SPIN) continue;
            int g = Arranging.subject(d.groups, a.at(), false);
            if (g < 0 || !plan.member(d.groups.get(g))) continue;
            if (d.move != null) {
                notes.add("\"" + a.words() + "\": the camera already moves (\"" + d.move.words() + "\"), so it does not"
                        + " also circle the " + d.groups.get(g).noun().word());
                continue;
            }
            String lower = a.words().toLowerCase(java.util.Locale.ROOT);
            boolean slow = lower.startsWith("slowly") || lower.startsWith("gently") || lower.startsWith("lazily")
                    || lower.endsWith("slowly") || lower.endsWith("gently");
            double degrees = slow ? 180 : 360;
            d.move = new Draft.Said<>(new Draft.Move.Turn("orbit", degrees, true), a.words());
            notes.add("\"" + a.words() + "\": the " + d.groups.get(g).noun().word() + " stands still, so the camera"
                    + " circles it instead (" + PromptReader.number(degrees) + " degrees over the film)");
            return;
        }
    }

    /** The pieces of a unit must stay inside the room's walls (each piece's box as it is turned). */
    private static void checkInRoom(Item it, List<SceneObject> pieces, Room room) {
        if (room == null) return;
        Vec3 r = room.size();
        for (SceneObject p : pieces) {
            if (!p.fitsIn(r)) {
                throw new PromptException(it.group().words(), "does not fit in the " + roomWords(room)
                        + "; expected a smaller " + it.group().noun().word() + ", a large room or outdoors");
            }
        }
    }

    /** A camera and its move for the objects in view, from the camera words of {@code d}. */
    static Shot shot(Draft d, List<SceneObject> objects, List<Item> items, List<String> ids, Room room,
                     List<SceneObject> ghosts, PromptParser.Options o, List<String> notes) {
        double aspect = (double) o.width() / o.height();
        List<SceneObject> framed = new ArrayList<>(objects);
        framed.addAll(ghosts);
        for (SceneObject so : objects) {
            Vec3 p = so.position();
            framed.add(so.withPosition(new Vec3(p.x(), so.halfHeight(), p.z())));
            Vec3 v = so.velocity();
            if (v.x() != 0 || v.z() != 0) {
                // A moving object is framed where it lands or, on the floor, where it is after 2 s
                // (friction slows it; a rolling ball slows little): the action stays in the picture.
                double up = v.y(), y0 = p.y() - so.halfHeight();
                double g = gravity(d);
                double t = g > 0 && (up > 0 || y0 > 0) ? (up + Math.sqrt(up * up + 2 * g * y0)) / g : 2;
                t = Math.min(t, 2);
                double x = p.x() + v.x() * t;
                // ... or where a fixed thing standing across its way along x stops it (a lane's pit curtain)
                for (SceneObject f : objects) {
                    if (!f.fixed() || Math.abs(f.position().z() - p.z()) > f.size().z() / 2) continue;
                    double face = f.position().x() - Math.signum(v.x()) * (f.size().x() / 2 + so.size().x() / 2);
                    if ((face - p.x()) * v.x() > 0 && (x - face) * v.x() > 0) x = face;
                }
                double z = p.z() + v.z() * t;
                // ... or, on a pool table, within its cushions
                for (SceneObject f : objects) {
                    Vec3 c = f.position(), h = f.size().times(0.5);
                    if (f.shape() != Shape.POOL_TABLE || Math.abs(p.x() - c.x()) > h.x() || Math.abs(p.z() - c.z()) > h.z() || p.y() < c.y()) continue;
                    x = Math.clamp(x, c.x() - h.x(), c.x() + h.x());
                    z = Math.clamp(z, c.z() - h.z(), c.z() + h.z());
                }
                framed.add(so.withPosition(new Vec3(x, so.halfHeight(), z)));
            }
        }
        int target = d.move != null && d.move.value() instanceof Draft.Move.Track t ? target(t, d.move.words(), items, ids) : -1;
        Camera camera;
        // Props, rigs, vessels, dominoes and models are often small: a medium shot of what is there
        // rather than the general framing's box of at least 1 m.
        boolean tight = objects.stream().anyMatch(so -> so.fixed() || so.shape().hollow() || so.shape() == Shape.DOMINO
                || so.shape() == Shape.MESH);
        // A wall runs north to south, across the line things come along: seen from three quarters, not end on.
        boolean walls = d.arrangements.stream().anyMatch(a -> a.layout() == Draft.Layout.WALL);
        tight |= walls;
        // An angle the liquids chose (rain is seen from above) frames as tightly as none.
        boolean implied = d.angle != null && d.angleImplied;
        if (d.shot == null && (d.angle == null || implied) && d.fov == null && tight) {
            List<SceneObject> onDisplay = onDisplay(objects);
            if (onDisplay != null) framed = onDisplay;
            camera = Framing.frame(framed, objects.getFirst(), aspect, null, implied ? d.angle.value() : null, Double.NaN, true,
                    implied ? d.impliedPitchDown : Double.NaN, walls ? WALL_YAW : 0);
            if (walls) notes.add("a wall: seen from three quarters (" + PromptReader.number(WALL_YAW) + " degrees round from its end), to see its face");
            if (room != null) camera = insideRoom(camera, room);
            camera = widenToFit(camera, framed, aspect, true);
        } else if (d.shot == null && d.angle == null && d.fov == null) {
            camera = Camera.framing(framed, aspect);
            if (room != null) camera = insideRoom(camera, room);
            camera = widenToFit(camera, framed, aspect);
        } else {
            SceneObject subject = objects.get(Math.max(target, 0));
            Draft.Shot shot = d.shot == null ? null : d.shot.value();
            camera = Framing.frame(framed, subject, aspect, shot, d.angle == null ? null : d.angle.value(),
                    d.fov == null ? Double.NaN : d.fov.value());
            if (room != null) camera = insideRoom(camera, room);
            // A lens the words chose is kept; a close-up leaves the others out on purpose.
            if (d.fov == null && shot != Draft.Shot.CLOSE) {
                camera = widenToFit(camera, framed, aspect);
            } else if (room != null && d.fov != null && shot != Draft.Shot.CLOSE
                    && widenToFit(camera, framed, aspect) != camera) {
                notes.add("\"" + d.fov.words() + "\": from inside the " + roomWords(room) + " this lens cannot hold"
                        + " every object in the picture; a wider lens or outdoors would");
            }
        }
        if (d.move != null) {
            Draft.Move m = d.move.value();
            if (m instanceof Draft.Move.Track) {
                // Aim at the tracked object: the move then keeps it in the middle of the picture.
                camera = new Camera(camera.position(), objects.get(target).position(), camera.fov());
            } else if (m instanceof Draft.Move.Dolly dl && dl.in() || m instanceof Draft.Move.Zoom z && z.in()) {
                // Moving in on the action: aim where it ends, the objects at rest, so they stay in the picture.
                double y = 0;
                for (SceneObject so : objects) y += so.halfHeight() / objects.size();
                Camera aimed = Framing.reaim(camera, framed, new Vec3(camera.lookAt().x(), y, camera.lookAt().z()), aspect);
                if (room != null) aimed = insideRoom(aimed, room);
                if (d.fov == null) aimed = widenToFit(aimed, framed, aspect);
                // In a room the walls may not let it back off: then the lens would have to widen.
                if (aimed.fov() <= camera.fov() + 1e-9) camera = aimed;
            }
        }
        CameraMove move = d.move == null ? null : move(d.move.value(), camera, target < 0 ? null : ids.get(target));
        return new Shot(0, camera, move);
    }

    /**
     * The shots of a storyboard in one world: each shot lasts what its words say ("for 6 seconds")
     * or the default length; objects a later shot names enter at its start (falling from where they
     * would have started); each shot's camera frames the objects in the world by then.
     */
    private static Scene storyboard(Draft d, List<Storyboard.ShotWords> shots, Environment env,
                                    List<SceneObject> objects, List<Item> items, List<String> ids, List<Joint> joints,
                                    int physicsRate, int capture, List<SceneObject> ghosts, PromptParser.Options o,
                                    List<String> notes) {
        double[] start = new double[shots.size()];
        double total = 0;
        for (int k = 0; k < shots.size(); k++) {
            start[k] = total;
            Storyboard.ShotWords sw = shots.get(k);
            double len = o.secondsExplicit() ? o.seconds() / shots.size() : sw.seconds() != null ? sw.seconds() : o.seconds();
            if (!(len > 0)) {
                throw new PromptException(sw.words(), "gives the shot no length; expected a length greater than 0");
            }
            total += len;
        }
        if (total > Scene.MAX_SECONDS) {
            throw new PromptException("the storyboard's " + shots.size() + " shots last " + PromptReader.number(total)
                    + " seconds; expected at most " + PromptReader.number(Scene.MAX_SECONDS) + " seconds in all");
        }
        List<SceneObject> entered = new ArrayList<>();
        int[] shotOf = new int[objects.size()];
        for (int n = 0; n < objects.size(); n++) {
            int g = d.groups.indexOf(items.get(n).group());
            int k = 0;
            while (k + 1 < shots.size() && shots.get(k + 1).firstGroup() <= g) k++;
            // Fixed props and jointed rigs are there from the start: joints hold from t = 0.
            String id = objects.get(n).id();
            if (objects.get(n).fixed() || joints.stream().anyMatch(j -> id.equals(j.a()) || id.equals(j.b()))) k = 0;
            shotOf[n] = k;
            // (it enters at the shot's start in the world's time, which slow motion shows slower)
            entered.add(k == 0 ? objects.get(n) : objects.get(n).entering(start[k] * o.fps() / capture));
        }
        List<Shot> out = new ArrayList<>();
        for (int k = 0; k < shots.size(); k++) {
            List<SceneObject> present = new ArrayList<>();
            List<Item> presentItems = new ArrayList<>();
            List<String> presentIds = new ArrayList<>();
            for (int n = 0; n < objects.size(); n++) {
                if (shotOf[n] <= k) {
                    present.add(objects.get(n));
                    presentItems.add(items.get(n));
                    presentIds.add(ids.get(n));
                }
            }
            if (present.isEmpty()) present = objects;
            Shot view = shot(shots.get(k).camera(), present, presentItems.isEmpty() ? items : presentItems,
                    presentIds.isEmpty() ? ids : presentIds, env.room(), ghosts, o, notes);
            out.add(new Shot(Math.round(start[k] * 1e6) / 1e6, view.camera(), view.move()));
        }
        LocalTime time = time(d, env, notes);
        TimeLapse lapse = null;
        if (d.lapse != null) {
            LocalTime[] st = {time};
            lapse = lapse(d, env, st, notes);
            time = st[0];
        }
        notes.add("a storyboard of " + shots.size() + " shots, " + PromptReader.number(Math.round(total * 1000) / 1000.0)
                + " s in all, in one world: cuts at " + String.join(", ", out.stream().skip(1)
                .map(sh -> PromptReader.number(sh.start()) + " s").toList()));
        slowMotionNote(d, o.fps(), capture, total, notes);
        return new Scene(o.seed(), total, o.fps(), o.width(), o.height(), physicsRate, gravity(d), time, env,
                null, entered, null, lapse, joints, out, List.of(), capture);
    }

    /** The groups in the order they are laid out along x: as named, unless a relation says otherwise. */
    private static List<ObjectGroup> ordered(Draft d, List<String> notes) {
        return Arranging.order(d, notes);
    }

    /** The starting rotation and velocity of each falling object (null: upright, at rest). */
    static final class Motion {
        final Quat[] rotation;
        final Vec3[] velocity;
        /** Angular velocity, rad/s (null: none). */
        final Vec3[] spin;

        Motion(int n) {
            rotation = new Quat[n];
            velocity = new Vec3[n];
            spin = new Vec3[n];
        }
    }

    /** The object a tracking move names: the first whose shape, material and colour match the words. */
    private static int target(Draft.Move.Track t, String words, List<Item> items, List<String> ids) {
        Draft.Target want = t.target();
        if (want == null) return 0;
        List<Integer> matches = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            if (it.group().shape() == want.shape() && (want.material() == null || it.material() == want.material())
                    && (want.colorName() == null || want.colorName().equals(it.group().colorName()))) {
                matches.add(k);
            }
        }
        int n = want.ordinal() == -1 ? matches.size() : Math.max(want.ordinal(), 1);
        if (n >= 1 && n <= matches.size()) return matches.get(n - 1);
        throw new PromptException(words, "names no object of the scene; expected one of " + String.join(", ", ids));
    }

    /**
     * Small things on a big table, shelf or pedestal ("a glass on a table", "my_sneaker.glb on a
     * pedestal"): what to frame is those things and a little of what they stand on, about twice
     * their size around them (at least 40 cm), not the whole prop. Null when the scene is not such a
     * display: something stands on the floor, or a rig, ramp or staircase is in it, or the things are
     * not small beside their prop.
     */
    private static List<SceneObject> onDisplay(List<SceneObject> objects) {
        List<SceneObject> loose = new ArrayList<>(), props = new ArrayList<>();
        for (SceneObject o : objects) (o.fixed() ? props : loose).add(o);
        if (loose.isEmpty() || props.isEmpty()) return null;
        for (SceneObject p : props) {
            if (!(p.shape() == Shape.TABLE || p.shape() == Shape.SHELF || p.shape() == Shape.CYLINDER)) return null;
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (SceneObject o : loose) {
            if (o.position().y() - o.halfHeight() < 0.1) return null;  // on the floor: the whole scene matters
            List<Vec3> corners = new ArrayList<>();
            Framing.boxCorners(o, corners);
            for (Vec3 c : corners) {
                for (int a = 0; a < 3; a++) {
                    lo[a] = Math.min(lo[a], c.get(a));
                    hi[a] = Math.max(hi[a], c.get(a));
                }
            }
        }
        // Their spread across, and their own heights (a marble dropped from above a glass is still small).
        double looseSize = Math.max(hi[0] - lo[0], hi[2] - lo[2]);
        for (SceneObject o : loose) looseSize = Math.max(looseSize, o.size().y());
        double propSize = 0;
        for (SceneObject p : props) propSize = Math.max(propSize, Math.max(p.size().x(), Math.max(p.size().y(), p.size().z())));
        if (looseSize > 0.5 * propSize) return null;
        List<SceneObject> out = new ArrayList<>(loose);
        double around = Math.max(0.4, 2 * looseSize);
        Vec3 centre = new Vec3((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
        out.add(new SceneObject("around", Shape.CUBE, Material.WOOD, null, new Vec3(around, around, around),
                new Vec3(centre.x(), Math.max(around / 2, centre.y()), centre.z()), null, null));
        return out;
    }

    /** The scene's camera move from the words, with the default amounts of {@link Framing}. */
    static CameraMove move(Draft.Move m, Camera camera, String targetId) {
        double reach = camera.lookAt().minus(camera.position()).length();
        return switch (m) {
            case Draft.Move.Still s -> null;
            case Draft.Move.Turn t -> switch (t.kind()) {
                case "pan" -> new CameraMove.Pan(t.degrees());
                case "tilt" -> new CameraMove.Tilt(t.degrees());
                default -> new CameraMove.Orbit(t.degrees());
            };
            case Draft.Move.Dolly dl -> new CameraMove.Dolly(Double.isNaN(dl.metres())
                    ? Math.round((dl.in() ? 0.4 : -0.6) * reach * 100) / 100.0 : dl.metres());
            case Draft.Move.Zoom z -> {
                double tan = Math.tan(Math.toRadians(camera.fov() / 2)) * (z.in() ? 1 / 2.5 : 1.8);
                yield new CameraMove.Zoom(Math.min(150, Math.round(2 * Math.toDegrees(Math.atan(tan)) * 10) / 10.0));
            }
            case Draft.Move.Track k -> new CameraMove.Track(targetId);
        };
    }

    /**
     * A time-lapse from the words: a span ("from 6 am to 9 pm") as said; a length ("6 hours passing")
     * from the time of day said, else centred on noon (a whole day from midnight); a bare
     * "time-lapse" two hours around the time said, else from dawn to dusk (the sun 6 degrees below
     * the horizon, civil twilight), or a whole day where the sun never gets there. The start goes
     * into start[0].
     */
    private static TimeLapse lapse(Draft d, Environment env, LocalTime[] start, List<String> notes) {
        Draft.Lapse l = d.lapse.value();
        TimeLapse lapse;
        if (l.start() != null) {
            if (d.time != null) {
                throw new PromptException(d.time.words(), "the time of day is given twice (also as the time-lapse \""
                        + d.lapse.words() + "\"); expected one");
            }
            start[0] = resolve(l.start(), d.lapse.words(), env, notes);
            lapse = TimeLapse.between(start[0], resolve(l.end(), d.lapse.words(), env, notes));
        } else if (l.hours() != null) {
            double h = l.hours();
            if (d.time == null) start[0] = h >= 24 ? LocalTime.MIDNIGHT : LocalTime.NOON.minusMinutes(Math.round(h * 30));
            lapse = new TimeLapse(h);
        } else if (d.time != null) {
            start[0] = start[0].minusHours(1);
            lapse = new TimeLapse(2);
        } else {
            LocalTime dawn = SolarPosition.risingAt(-6, env.latitude(), env.longitude(), env.date(), env.utcOffset());
            LocalTime dusk = SolarPosition.settingAt(-6, env.latitude(), env.longitude(), env.date(), env.utcOffset());
            if (dawn == null || dusk == null) {
                start[0] = LocalTime.MIDNIGHT;
                lapse = new TimeLapse(24);
            } else {
                start[0] = dawn;
                lapse = TimeLapse.between(dawn, dusk);
            }
        }
        notes.add("\"" + d.lapse.words() + "\": the clock runs from " + start[0] + " to " + lapse.end(start[0]) + " ("
                + PromptReader.number(Math.round(lapse.hours() * 100) / 100.0) + " hours) over the film");
        return lapse;
    }

    /**
     * How bright a "glowing" thing is, cd/m^2: a lamp's frosted diffuser (10^3 to 10^4), so a glowing
     * ball lights what is near it in a room and reads as a light outdoors at dusk.
     */
    static final double GLOW_NITS = 3000;

    /**
     * The windows in words, in one wall: the one the sun shines on at midday unless the words chose
     * one (south in the northern hemisphere, north in the southern), each 1.2 m wide and tall with
     * its sill 0.9 m up (a size word scales them), spread evenly along the wall; all within the wall.
     */
    static List<Window> windows(Draft.Windows w, Room room, double latitude, List<String> notes, String words) {
        Window.Wall wall = w.wall() != null ? w.wall() : latitude >= 0 ? Window.Wall.SOUTH : Window.Wall.NORTH;
        double length = wall == Window.Wall.NORTH || wall == Window.Wall.SOUTH ? room.size().x() : room.size().z();
        double h = room.size().y();
        double each = length / w.count();
        double width = Math.min(1.2 * w.scale(), 0.8 * each), height = Math.min(1.2 * w.scale(), 0.7 * h);
        double sill = Math.min(0.9, Math.max(0.1, h - height - 0.3));
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < w.count(); i++) {
            out.add(new Window(wall, -length / 2 + each * (i + 0.5), sill + height / 2, width, height));
        }
        notes.add("\"" + words + "\": " + w.count() + " window" + (w.count() == 1 ? "" : "s") + " of "
                + PromptReader.metres(width) + " by " + PromptReader.metres(height) + " in the " + wall.jsonName()
                + " wall" + (w.wall() == null ? " (the sunny side)" : ""));
        return out;
    }

    private static Environment environment(Draft d, List<String> notes) {
        Environment env = placed(d, notes);
        if (d.windows == null || env.room() == null) return env;
        Room r = env.room();
        return env.withRoom(new Room(r.size(), r.walls(), r.ceiling(),
                windows(d.windows.value(), r, env.latitude(), notes, d.windows.words())));
    }

    /**
     * A pool table's balls lie 36 mm below its cushions: at the default camera's 8 degrees they
     * hide behind the near one. Unless the words chose a shot or an angle, the camera looks down at
     * a high angle ({@link Framing#HIGH_PITCH_DOWN} degrees), and a note says so.
     */
    private static void lookOntoPoolTables(Draft d, List<String> notes) {
        if (d.angle != null || d.shot != null) return;
        ObjectGroup table = d.groups.stream().filter(g -> g.shape() == Shape.POOL_TABLE).findFirst().orElse(null);
        if (table == null) return;
        d.angle = new Draft.Said<>(Draft.Angle.HIGH, table.words());
        d.angleImplied = true;
        d.impliedPitchDown = Framing.HIGH_PITCH_DOWN;
        notes.add("\"" + table.words() + "\": a high angle (" + PromptReader.number(Framing.HIGH_PITCH_DOWN)
                + " degrees down), to see the balls on its cloth; say \"at eye level\" for another");
    }

    /** How far behind the centre of a rack's back row the pit's curtain hangs, m (past the pin deck and the pit). */
    static final double CURTAIN_BEHIND = 0.9;
    /** Between a lane's kickbacks, m: the lane (41.5 in) and its two gutters (9.25 in each). */
    static final double KICKBACKS_APART = 60 * 0.0254;

    /**
     * On a lane (a room with a maple floor), bowling pins that something is rolled or slid at stand
     * in a lane's pit, as on a real one: the pit's curtain, a fixed dark carpet 90 cm tall,
     * {@link #CURTAIN_BEHIND} behind the back row, and the kickback on the far side, a fixed dark
     * board half of {@link #KICKBACKS_APART} from the lane's middle, from a pin's spacing before the
     * head pin to the curtain (the near side's would hide the pins from the camera). They stop the
     * ball and the flying pins, so the film stays on the rack rather than following them across the
     * hall.
     */
    private static void pit(List<SceneObject> objects, List<Item> items, List<String> ids, List<String> notes) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, zLo = lo, zHi = hi, pin = 0;
        for (SceneObject o : objects) {
            if (o.shape() == Shape.PIN && !o.fixed()) {
                lo = Math.min(lo, o.position().x());
                hi = Math.max(hi, o.position().x());
                zLo = Math.min(zLo, o.position().z());
                zHi = Math.max(zHi, o.position().z());
                pin = Math.max(pin, o.size().x());
            }
        }
        if (pin == 0) return;
        int way = 0;
        for (SceneObject o : objects) {
            if (o.shape() == Shape.PIN || o.velocity() == null || Math.abs(o.velocity().x()) < 1e-9) continue;
            if (o.position().x() < lo && o.velocity().x() > 0) way = 1;
            else if (o.position().x() > hi && o.velocity().x() < 0) way = -1;
        }
        if (way == 0) return;
        double head = way > 0 ? lo : hi, back = (way > 0 ? hi : lo) + way * CURTAIN_BEHIND, z = (zLo + zHi) / 2;
        double apart = Math.max(KICKBACKS_APART, zHi - zLo + 3 * pin), t = 0.05, height = 0.9;
        double start = head - way * Arranging.PIN_SPACING, length = Math.abs(back - start);
        Rgb black = dev.diorama.scene.Colors.named("black");
        add(objects, items, ids, new SceneObject("pit-curtain", Shape.PLANK, Material.CARPET, black,
                new Vec3(t, height, apart + 2 * t), new Vec3(Props.round(back + way * t / 2), height / 2, Props.round(z)), Quat.IDENTITY, Vec3.ZERO, true, null),
                "the pit's curtain");
        // The far side's only (+z): the camera looks across the lane from -z (Framing).
        add(objects, items, ids, new SceneObject("kickback", Shape.PLANK, Material.WOOD, black,
                new Vec3(length, height, t), new Vec3(Props.round((start + back) / 2), height / 2, Props.round(z + (apart + t) / 2)),
                Quat.IDENTITY, Vec3.ZERO, true, null), "a kickback");
        notes.add("bowling pins: they stand in a lane's pit, its curtain " + PromptReader.metres(CURTAIN_BEHIND)
                + " behind them and a kickback on the far side, which stop the ball and the pins (the near side's is left out, to see them)");
    }

    /** A fixed thing of the set (no words named it) joins the objects, with an item of its own. */
    private static void add(List<SceneObject> objects, List<Item> items, List<String> ids, SceneObject o, String words) {
        Draft.Noun noun = new Draft.Noun(o.id(), o.shape(), o.material(), o.size());
        ObjectGroup g = new ObjectGroup(Integer.MAX_VALUE, words, o.shape(), 1, o.material(), o.color(), "black", 1, 0,
                false, false, noun, Integer.MAX_VALUE, null, 0);
        objects.add(o);
        items.add(new Item(g, o.material(), o.size(), 0, null));
        ids.add(o.id());
    }

    /**
     * The size of group {@code g}'s things as they stand: flat boxes that are to topple in a row
     * ("a row of books topples") stand on end, as dominoes do (their thickness along the row, their
     * length upright), since lying flat nothing falls; anything else as {@code size}.
     */
    private static Vec3 standing(Draft d, ObjectGroup g, Vec3 size, List<String> notes) {
        boolean box = g.shape() == Shape.CUBE || g.shape() == Shape.PLANK || g.shape() == Shape.BRICK;
        if (!box || g.count() < 2 || !(size.y() < size.x()) || !(size.y() <= size.z())) return size;
        int gi = d.groups.indexOf(g);
        Draft.Arrangement laid = Arranging.arrangementOf(d, gi);
        if (laid != null && (laid.layout() == Draft.Layout.WALL || laid.layout() == Draft.Layout.STACK)) return size;
        boolean topples = d.actions.stream().anyMatch(a -> a.act() == Draft.Act.TOPPLE && Arranging.subject(d.groups, a.at(), false) == gi);
        if (!topples) return size;
        notes.add("\"" + g.words() + "\": standing on end, as dominoes do, so that they can topple");
        return new Vec3(size.y(), size.x(), size.z());
    }

    /** A thing that, with no place said, stands where it belongs (a venue of ActionWords), with the note that says so. */
    private record Home(Shape shape, String venue, String note) {}

    private static final List<Home> HOMES = List.of(
        new Home(Shape.PIN, "bowling alley", "bowling pins: in a bowling alley, on a maple floor (say \"on grass\" or \"in a garage\" for another place)"),
        new Home(Shape.POOL_TABLE, "pool hall", "a pool table: in a pool hall, on a wooden floor (say \"in a garden\" or \"in a garage\" for another place)"));

    /** The place: indoors or out, its floor and room, where on Earth and on what date. */
    private static Environment placed(Draft d, List<String> notes) {
        Environment.Kind kind = d.kind != null ? d.kind.value() : Environment.Kind.OUTDOOR;
        Draft.Venue venue = d.venue == null ? null : d.venue.value();
        // bowling pins, with no place said, stand in a bowling alley, and a pool table in a pool hall
        for (Home home : HOMES) {
            if (d.kind == null && venue == null && d.floor == null && d.groups.stream().anyMatch(g -> g.shape() == home.shape())) {
                venue = ActionWords.VENUES.get(home.venue());
                kind = venue.kind();
                notes.add(home.note());
            }
        }
        boolean indoor = kind == Environment.Kind.INDOOR;
        // a hill outdoors stands in grass unless a ground is said
        boolean hill = !indoor && d.groups.stream().anyMatch(g -> g.noun().word().equals("hill"));
        Material floor = d.floor != null ? d.floor.value() : venue != null ? venue.floor()
                : indoor ? DEFAULT_INDOOR_FLOOR : hill ? Material.GRASS : DEFAULT_OUTDOOR_FLOOR;
        Environment base;
        if (!indoor) {
            base = Environment.outdoor(floor);
        } else {
            boolean venueRoom = venue != null && venue.size() != null;
            Room room = new Room(d.roomSize != null ? d.roomSize.value() : venueRoom ? venue.size() : DEFAULT_ROOM,
                    d.walls != null ? d.walls.value() : venueRoom ? venue.walls() : DEFAULT_WALLS,
                    d.ceiling != null ? d.ceiling.value() : venueRoom ? venue.ceiling() : DEFAULT_CEILING);
            base = Environment.indoor(floor, room);
        }
        if (d.city == null && d.coordinates == null && d.date == null && d.utcOffset == null) return base;
        double lat = base.latitude(), lon = base.longitude();
        String place = base.place(), zone = base.zone();
        if (d.city != null) {
            Places.Place p = d.city.value();
            lat = p.latitude();
            lon = p.longitude();
            place = p.name();
            zone = p.zone();
        } else if (d.coordinates != null) {
            lat = d.coordinates.value()[0];
            lon = d.coordinates.value()[1];
            place = null;
            zone = null;
        }
        LocalDate date = d.date == null ? base.date() : date(d.date.value(), lat, d.date.words(), notes);
        double offset;
        if (d.utcOffset != null) {
            offset = d.utcOffset.value();
            if (zone != null && Places.utcOffset(zone, date) != offset) {
                notes.add("\"" + d.utcOffset.words() + "\" is used as the clock's offset rather than " + zone + "'s");
            }
            zone = null;
        } else if (zone != null) {
            offset = Places.utcOffset(zone, date);
        } else {
            offset = Math.round(lon / 15);
            notes.add("\"" + d.coordinates.words() + "\" gives no time zone: the clock is UTC"
                    + (offset < 0 ? "-" : "+") + PromptReader.number(Math.abs(offset))
                    + " (the longitude over 15 degrees); say \"UTC+2\" for another");
        }
        Environment env = base.at(lat, lon, date, offset, place, zone);
        if (d.city != null) {
            notes.add(String.format(java.util.Locale.ROOT, "\"%s\" is %.4f %s, %.4f %s, %s: %s on %s", d.city.words(),
                    Math.abs(lat), lat < 0 ? "S" : "N", Math.abs(lon), lon < 0 ? "W" : "E", zone != null ? zone : place,
                    env.utcOffsetText(), date));
        }
        return env;
    }

    /**
     * A date from the words at latitude {@code lat}: a month is its 15th; a season its solstice or
     * equinox (2026's dates: 20 March, 21 June, 23 September, 21 December), the southern hemisphere's
     * six months from the northern's.
     */
    static LocalDate date(Draft.DateSpec spec, double lat, String words, List<String> notes) {
        return switch (spec) {
            case Draft.DateSpec.Day day -> day.date();
            case Draft.DateSpec.Month m -> LocalDate.of(m.year(), m.month(), 15);
            case Draft.DateSpec.Season z -> {
                boolean south = lat < 0;
                Draft.Seasons s = z.season();
                if (south) {
                    s = switch (s) {
                        case SPRING -> Draft.Seasons.AUTUMN;
                        case AUTUMN -> Draft.Seasons.SPRING;
                        case SUMMER -> Draft.Seasons.WINTER;
                        case WINTER -> Draft.Seasons.SUMMER;
                    };
                }
                LocalDate date = switch (s) {
                    case SPRING -> LocalDate.of(z.year(), 3, 20);
                    case SUMMER -> LocalDate.of(z.year(), 6, 21);
                    case AUTUMN -> LocalDate.of(z.year(), 9, 23);
                    case WINTER -> LocalDate.of(z.year(), 12, 21);
                };
                String what = z.season() == Draft.Seasons.SUMMER || z.season() == Draft.Seasons.WINTER ? "solstice" : "equinox";
                notes.add("\"" + words + "\" is " + date + ", the " + z.season().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + what + (south ? " of the southern hemisphere" : ""));
                yield date;
            }
        };
    }

    /** See the class comment for what an explicit size measures. */
    static Vec3 size(ObjectGroup g) {
        Vec3 s;
        double l = g.length();
        Vec3 own = g.noun().size();
        Vec3 natural = g.shape() == Shape.MESH ? dev.diorama.scene.Assets.extents(g.noun().asset()) : null;
        if (natural != null) {
            // A model keeps its file's proportions: its largest extent the size said, else 30 cm.
            double largest = Math.max(natural.x(), Math.max(natural.y(), natural.z()));
            double want = Double.isNaN(l) ? MESH_SIZE * g.scale() : l;
            Vec3 m = natural.times(want / largest);
            return new Vec3(Math.round(m.x() * 1e6) / 1e6, Math.round(m.y() * 1e6) / 1e6, Math.round(m.z() * 1e6) / 1e6);
        }
        boolean plain = g.noun().word().equals(g.shape().jsonName());
        if (Double.isNaN(l)) {
            s = own.times(g.scale());
        } else if (!plain) {
            // A noun with a shape of its own ("a 10 cm domino"): the size said is its largest extent.
            // "a can 10 cm wide": a width measures x.
            s = own.times(l / (g.across() ? own.x() : Math.max(own.x(), Math.max(own.y(), own.z()))));
        } else {
            s = switch (g.shape()) {
                case BALL, CUBE -> new Vec3(l, l, l);
                case CYLINDER -> g.across() ? new Vec3(l, l / 0.6, l) : new Vec3(0.6 * l, l, 0.6 * l);
                case PLANK -> new Vec3(l, l / 20, l / 5);
                case CONE, PYRAMID, WEDGE, DOMINO, BRICK, BOAT, BOWL, CUP, BOTTLE, JUG, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, TANK,
                     MESH -> g.shape().proportions(l);
            };
        }
        double largest = Math.max(s.x(), Math.max(s.y(), s.z()));
        if (largest > MAX_SIZE) {
            throw new PromptException(g.words(), "makes an object " + PromptReader.metres(largest)
                    + " long; expected objects at most " + PromptReader.metres(MAX_SIZE) + " in every direction");
        }
        return s;
    }

    /**
     * The height phrase that speaks of a group: the first one after it ("a ball from 2 m", "a ball
     * and a cube drop from 2 m"), else the last one before it ("from 2 m, a ball and a cube").
     */
    private static HeightPhrase heightFor(ObjectGroup g, List<HeightPhrase> heights) {
        HeightPhrase before = null;
        for (HeightPhrase h : heights) {
            if (h.at() > g.at()) return h;
            before = h;
        }
        return before;
    }

    private static double outdoorRowWidth(List<Item> falling, List<Item> resting) {
        double area = 0;
        for (List<Item> l : List.of(falling, resting)) {
            for (Item it : l) {
                double pitch = it.footprint() + gap(it.footprint(), it.footprint());
                area += pitch * pitch;
            }
        }
        return Math.max(6, 1.8 * Math.sqrt(area));
    }

    /** The gap between neighbours: about their size. */
    static double gap(double a, double b) {
        return Math.clamp(Math.max(a, b), 0.05, 0.5);
    }

    /** {x, z} of each item: rows along x, centred on x = 0, stacked along +z and centred on z = 0. */
    private static double[][] layout(List<Item> items, double maxRow, Room room) {
        double[][] xz = new double[items.size()][2];
        if (items.isEmpty()) return xz;
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double width = 0;
        for (int k = 0; k < items.size(); k++) {
            double f = items.get(k).footprint();
            if (room != null && f > maxRow) {
                throw new PromptException(items.get(k).group().words(), "makes an object " + PromptReader.metres(f)
                        + " across, wider than the " + roomWords(room) + "; expected a smaller object, a large room"
                        + " or outdoors");
            }
            double grown = row.isEmpty() ? f : width + gap(items.get(row.getLast()).footprint(), f) + f;
            if (!row.isEmpty() && grown > maxRow) {
                rows.add(row);
                row = new ArrayList<>();
                grown = f;
            }
            row.add(k);
            width = grown;
        }
        rows.add(row);
        double[] depth = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<Integer> rr = rows.get(r);
            double x = 0, first = 0;
            for (int q = 0; q < rr.size(); q++) {
                double f = items.get(rr.get(q)).footprint();
                if (q > 0) {
                    double prev = items.get(rr.get(q - 1)).footprint();
                    x += prev / 2 + gap(prev, f) + f / 2;
                } else {
                    first = -f / 2;
                }
                xz[rr.get(q)][0] = x;
                depth[r] = Math.max(depth[r], f);
            }
            double last = x + items.get(rr.getLast()).footprint() / 2;
            double centre = (first + last) / 2;
            for (int idx : rr) xz[idx][0] -= centre;
        }
        double z = 0;
        double[] rowZ = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) z += depth[r - 1] / 2 + gap(depth[r - 1], depth[r]) + depth[r] / 2;
            rowZ[r] = z;
        }
        double zCentre = (rowZ[rows.size() - 1] + depth[rows.size() - 1] / 2 - depth[0] / 2) / 2;
        double totalDepth = rowZ[rows.size() - 1] + depth[rows.size() - 1] / 2 + depth[0] / 2;
        if (room != null && totalDepth > room.size().z() - 2 * ROOM_MARGIN) {
            throw new PromptException(items.size() + " objects do not fit side by side in the "
                    + roomWords(room) + "; expected fewer or smaller objects, \"in a large room\" or \"outdoors\"");
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int idx : rows.get(r)) xz[idx][1] = rowZ[r] - zCentre;
        }
        // To the micrometre: the scene JSON reads "0.4", not "0.39999999999999997" or "-5.6E-17".
        for (double[] p : xz) {
            p[0] = Math.round(p[0] * 1e6) / 1e6 + 0.0;
            p[1] = Math.round(p[1] * 1e6) / 1e6 + 0.0;
        }
        return xz;
    }

    /**
     * The most a body with unequal moments (not a ball, not a cube) may turn in one step of the
     * physics, radians: a spinning top at 40 turns a second steps 3,600 times a second. Splitting the gyroscopic term from Bullet's step errs by the
     * step: at 936 steps a second a top's tilt grew from 15 to 28 degrees in 2 s, at 3,600 to 17.6,
     * as the heavy top's equations give (sim/README.md, "Spinning bodies").
     */
    static final double SPIN_STEP = 0.07;

    /** A ball said "hollow" without a shell of its own: its wall is this part of its diameter (a tenth of its radius). */
    static final double HOLLOW_WALL = 0.05;

    /**
     * A ball's shell: its noun's own ({@link Vocabulary#WALLS}: a basketball's rubber, a ping-pong
     * ball's plastic; in proportion when the ball is made bigger or smaller), or a twentieth of its
     * diameter where the words say "hollow"; none where they say "solid". Only a ball is made hollow.
     */
    static SceneObject shell(SceneObject so, ObjectGroup g, Draft d, List<String> notes) {
        Boolean said = d.hollow.get(g);
        if (so.shape() != Shape.BALL) {
            String note = "\"" + g.words() + "\": only a ball is made hollow; the " + g.noun().word() + " is solid";
            if (Boolean.TRUE.equals(said) && !notes.contains(note)) notes.add(note);
            return so;
        }
        double wall = wall(g, d, so.size().x());
        return wall > 0 ? so.withWall(wall) : so;
    }

    /** The shell of a ball of {@code g} made {@code diameter} across, m ({@link #shell}); 0 for a solid one or another shape. */
    static double wall(ObjectGroup g, Draft d, double diameter) {
        if (g.shape() != Shape.BALL) return 0;
        Boolean said = d.hollow.get(g);
        if (Boolean.FALSE.equals(said)) return 0;
        Double own = Vocabulary.WALLS.get(g.noun().word());
        return own != null ? own * (diameter / g.noun().size().x()) : Boolean.TRUE.equals(said) ? HOLLOW_WALL * diameter : 0;
    }

    /** The mean density of a thing of {@code g} of {@code size}, kg/m^3: its material's, or a hollow ball's shell and air over its volume. */
    static double meanDensity(ObjectGroup g, Draft d, Material material, Vec3 size) {
        double wall = wall(g, d, size.x());
        if (wall <= 0) return material.density;
        double air = Math.pow((size.x() - 2 * wall) / size.x(), 3);
        return material.density * (1 - air) + dev.diorama.scene.Environment.EARTH_AIR_DENSITY * air;
    }

    /** A centre's height up to the micrometre, never down: a turned object must not start below what it stands on. */
    private static double upToMicrometre(double y) {
        return Math.ceil(y * 1e6 - 1e-6) / 1e6;
    }

    private static SceneObject object(String id, Item it, double[] xz, double bottom, Room room, Quat rotation,
                                     Vec3 velocity) {
        Vec3 size = it.size();
        double half = rotation == null ? size.y() / 2 : Arranging.halfHeight(size, it.group().shape(), rotation);
        Vec3 position = new Vec3(xz[0], upToMicrometre(bottom + half), xz[1]);
        Rgb color = it.group().color() != null ? it.group().color() : it.material().color;
        SceneObject so = new SceneObject(id, it.group().shape(), it.material(), color, size, position, rotation,
                velocity, false, it.group().noun().asset());
        if (room != null && position.y() + so.boundingRadius() > room.size().y() + 1e-9) {
            double highest = Math.floor((room.size().y() - ROOM_MARGIN - so.boundingRadius() - size.y() / 2) * 100) / 100;
            String words = it.heightWords() != null ? it.heightWords() : it.group().words();
            throw new PromptException(words, "would start the " + it.group().shape().jsonName() + " above the "
                    + PromptReader.metres(room.size().y()) + " ceiling of the room; expected a height of at most "
                    + PromptReader.metres(Math.max(0, highest)) + " indoors, \"in a large room\" or \"outdoors\"");
        }
        return so;
    }

    /**
     * The stem of an object's id: "[colour-]material-noun" ("red-rubber-ball", "steel-ball", "glass"
     * for a glass of glass); a model's file name ("my_sneaker", "marble-my_sneaker" with a material said).
     */
    static String baseId(ObjectGroup g, Material m) {
        String colour = g.colorName() != null ? g.colorName() + "-" : "";
        String noun = g.noun().word();
        if (g.noun().asset() != null) return colour + (g.material() != null ? m.jsonName() + "-" : "") + noun;
        if (noun.equals(m.jsonName())) return colour + noun;
        return colour + m.jsonName() + "-" + noun;
    }

    /** Readable unique ids from their stems, with "-1", "-2", ... in order when several share one. */
    private static List<String> ids(List<String> bases) {
        Map<String, Integer> total = new HashMap<>();
        for (String b : bases) total.merge(b, 1, Integer::sum);
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String b : bases) {
            if (total.get(b) == 1) {
                ids.add(b);
            } else {
                ids.add(b + "-" + seen.merge(b, 1, Integer::sum));
            }
        }
        return ids;
    }

    /**
     * Camera.framing backs away as far as the picture needs; a room's wall may stand in the way.
     * Then the eye stays inside the room ({@link #widenToFit} restores the framing).
     */
    static Camera insideRoom(Camera c, Room room) {
        Vec3 e = c.position();
        Vec3 r = room.size();
        double ex = Math.clamp(e.x(), -r.x() / 2 + CAMERA_WALL_CLEARANCE, r.x() / 2 - CAMERA_WALL_CLEARANCE);
        double ey = Math.clamp(e.y(), CAMERA_WALL_CLEARANCE, r.y() - CAMERA_WALL_CLEARANCE);
        double ez = Math.clamp(e.z(), -r.z() / 2 + CAMERA_WALL_CLEARANCE, r.z() / 2 - CAMERA_WALL_CLEARANCE);
        if (ex == e.x() && ey == e.y() && ez == e.z()) return c;
        return new Camera(new Vec3(ex, ey, ez), c.lookAt(), c.fov());
    }

    /**
     * Widens the field of view until every object's bounding box, at its start and at rest, lies in
     * the picture (with 5 % to spare). Camera.framing sizes the view at the depth of the target, so
     * objects nearer the eye (the front row, or everything once a wall pushed the eye forward) can
     * fall outside it.
     */
    static Camera widenToFit(Camera c, List<SceneObject> framed, double aspect) {
        return widenToFit(c, framed, aspect, false);
    }

    /** As {@link #widenToFit(Camera, List, double)}; {@code exact} fits each object's turned box (see {@link Framing}). */
    static Camera widenToFit(Camera c, List<SceneObject> framed, double aspect, boolean exact) {
        Vec3 forward = c.lookAt().minus(c.position()).normalized();
        Vec3 right = forward.cross(Vec3.UP).normalized();
        Vec3 up = right.cross(forward);
        double needed = Math.tan(Math.toRadians(c.fov() / 2));
        for (SceneObject o : framed) {
            double r = o.boundingRadius();
            List<Vec3> box = new ArrayList<>();
            if (exact) Framing.boxCorners(o, box);
            for (int corner = 0; corner < 8; corner++) {
                Vec3 p = exact ? box.get(corner) : o.position().plus(new Vec3((corner & 1) == 0 ? -r : r,
                        (corner & 2) == 0 ? -r : r, (corner & 4) == 0 ? -r : r));
                Vec3 v = p.minus(c.position());
                double depth = v.dot(forward);
                if (depth < 0.05) continue; // behind the eye: no field of view can help
                needed = Math.max(needed, 1.05 * Math.abs(v.dot(right)) / depth);
                needed = Math.max(needed, 1.05 * Math.abs(v.dot(up)) / depth * aspect);
            }
        }
        double fov = Math.min(2 * Math.toDegrees(Math.atan(needed)), MAX_FOV);
        return fov > c.fov() + 1e-9 ? new Camera(c.position(), c.lookAt(), fov) : c;
    }

    private static LocalTime time(Draft d, Environment env, List<String> notes) {
        if (d.time == null) return DEFAULT_TIME;
        return resolve(d.time.value(), d.time.words(), env, notes);
    }

    /** A time of day at the scene's place and date: a clock time, or when the sun passes an elevation. */
    static LocalTime resolve(TimeOfDay time, String words, Environment env, List<String> notes) {
        return switch (time) {
            case TimeOfDay.Clock c -> c.time();
            case TimeOfDay.Sun s -> {
                LocalTime t = s.rising()
                        ? SolarPosition.risingAt(s.elevation(), env.latitude(), env.longitude(), env.date(), env.utcOffset())
                        : SolarPosition.settingAt(s.elevation(), env.latitude(), env.longitude(), env.date(), env.utcOffset());
                String place = String.format(java.util.Locale.ROOT, "latitude %.4f, longitude %.4f, %s, UTC%s%s",
                        env.latitude(), env.longitude(), env.date(), env.utcOffset() < 0 ? "-" : "+",
                        PromptReader.number(Math.abs(env.utcOffset())));
                if (t == null) {
                    t = s.rising() ? LocalTime.of(7, 0) : LocalTime.of(19, 0);
                    notes.add("\"" + words + "\": the sun never " + (s.rising() ? "rises" : "sets")
                            + " through " + PromptReader.number(s.elevation()) + " degrees at " + place + "; used " + t);
                } else {
                    notes.add("\"" + words + "\" is " + t + ", when the sun stands "
                            + PromptReader.number(Math.abs(s.elevation())) + " degrees " + (s.elevation() < 0 ? "below" : "above")
                            + " the horizon at the scene's place and date (" + place + ")");
                }
                yield t;
            }
        };
    }

    private static double seconds(Draft d, PromptParser.Options o, List<String> notes, boolean lapse) {
        if (lapse && d.seconds == null && !o.secondsExplicit()) {
            notes.add("a time-lapse without a length lasts " + PromptReader.number(DEFAULT_TIME_LAPSE_SECONDS)
                    + " s (say \"in 20 seconds\" for another)");
            return DEFAULT_TIME_LAPSE_SECONDS;
        }
        if (o.secondsExplicit()) {
            if (d.seconds != null && d.seconds.value() != o.seconds()) {
                notes.add("\"" + d.seconds.words() + "\" is overridden by the requested "
                        + PromptReader.number(o.seconds()) + " s");
            }
            return o.seconds();
        }
        if (d.seconds == null) return o.seconds();
        double s = d.seconds.value();
        if (!(s > 0) || s > Scene.MAX_SECONDS) {
            throw new PromptException(d.seconds.words(), "asks for a film of " + PromptReader.number(s)
                    + " seconds; expected a length greater than 0 and at most " + PromptReader.number(Scene.MAX_SECONDS)
                    + " seconds (" + PromptReader.number(Scene.MAX_SECONDS / 60) + " minutes)");
        }
        return s;
    }

    private static String roomWords(Room room) {
        Vec3 r = room.size();
        return PromptReader.number(r.x()) + " x " + PromptReader.number(r.y()) + " x " + PromptReader.number(r.z())
                + " m room";
    }

    /** A scene the words described but the scene module refused: say so in the prompt's terms. */
    private static PromptException explain(SceneException e) {
        String p = e.pointer();
        if (p.equals("/seconds")) {
            return new PromptException("", "the film's length is not valid: " + e.expectation(), e);
        }
        if (p.equals("/fps") || p.equals("/size") || p.equals("/physicsRate") || p.equals("/captureFps")) {
            return new PromptException("", "the film settings are not valid: " + e.expectation(), e);
        }
        if (p.startsWith("/camera/move")) {
            return new PromptException("", "the camera move cannot be made: " + e.expectation(), e);
        }
        if (p.startsWith("/liquids")) {
            return new PromptException("", "the liquid cannot be made as described: " + e.expectation(), e);
        }
        if (p.startsWith("/objects/")) {
            return new PromptException("", "an object cannot be built as described: " + e.expectation(), e);
        }
        return new PromptException("", "the scene described cannot be built: " + e.expectation(), e);
    }
}
