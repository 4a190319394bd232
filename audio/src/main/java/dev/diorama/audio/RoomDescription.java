package dev.diorama.audio;

import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A room named in words ("a small tiled bathroom", "a carpeted bedroom", "a stone hall", "a gym"),
 * or taken from an indoor scene, with where a source and a listener stand in it.
 *
 * <h2>Kinds of room (empty: no furniture, people or curtains)</h2>
 * <table>
 *   <caption>width x height x depth, m; floor / walls / ceiling</caption>
 *   <tr><td>room</td><td>4 x 2.6 x 4</td><td>wood floor / plaster / plaster</td></tr>
 *   <tr><td>bathroom, shower</td><td>2.5 x 2.4 x 2</td><td>tile / tile / plaster</td></tr>
 *   <tr><td>bedroom</td><td>4 x 2.5 x 3.5</td><td>wood floor / plasterboard / plasterboard</td></tr>
 *   <tr><td>living room, lounge</td><td>5.5 x 2.6 x 4.5</td><td>parquet / plaster / plaster</td></tr>
 *   <tr><td>kitchen</td><td>4 x 2.5 x 3.5</td><td>tile / plaster / plaster</td></tr>
 *   <tr><td>office</td><td>5 x 2.7 x 4</td><td>carpet / plasterboard / plasterboard</td></tr>
 *   <tr><td>classroom</td><td>9 x 3 x 7</td><td>rubber (vinyl) / plaster / plaster</td></tr>
 *   <tr><td>studio</td><td>6 x 3 x 5</td><td>wood floor / wood panelling / plasterboard</td></tr>
 *   <tr><td>corridor, hallway</td><td>2 x 2.6 x 12</td><td>rubber (vinyl) / plaster / plaster</td></tr>
 *   <tr><td>garage, basement, cellar</td><td>6 x 2.5 x 6</td><td>rough concrete / rough concrete / concrete</td></tr>
 *   <tr><td>gym, gymnasium</td><td>30 x 8 x 18</td><td>wood floor / painted concrete block / steel</td></tr>
 *   <tr><td>hall</td><td>15 x 8 x 25</td><td>parquet / plaster / plaster</td></tr>
 *   <tr><td>church, chapel</td><td>12 x 10 x 25</td><td>stone / stone / wood panelling</td></tr>
 *   <tr><td>cathedral</td><td>30 x 25 x 80</td><td>stone / stone / stone</td></tr>
 *   <tr><td>warehouse</td><td>30 x 8 x 40</td><td>concrete / steel / steel</td></tr>
 * </table>
 * Sizes: tiny x0.6, small or little x0.8, large or big x1.5, huge x2.5 (width and depth; the height
 * by the square root). Surfaces: "tiled" (floor and walls tile), "carpeted" (floor carpet),
 * "stone" (all stone), "marble" (floor and walls), "concrete" (all), "brick" (walls stone),
 * "wooden" (wood floor, panelled walls), "parquet" (floor), "glass" (walls plate glass),
 * "plaster" (walls and ceiling), "steel" or "metal" (walls and ceiling), "rubber" (floor).
 *
 * <p>The source stands at (-0.2 w, min(1.5, 0.6 h), -0.15 d), the listener at
 * (0.2 w, min(1.2, 0.5 h), 0.2 d): a few metres apart, away from the walls, as ISO 3382 asks.
 *
 * @param words     the description as given (or the scene file's name)
 * @param room      the room
 * @param source    where the sound starts, scene coordinates, m
 * @param listener  where it is heard, m
 */
public record RoomDescription(String words, RoomAcoustics room, Vec3 source, Vec3 listener) {

    private record Kind(double w, double h, double d, Surface floor, Surface walls, Surface ceiling) {}

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();
    private static final Map<String, Double> SIZES = new LinkedHashMap<>();
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "in", "inside", "with", "and", "of", "empty",
            "bare", "my", "our", "their", "very", "old", "new", "walls", "floor", "ceiling", "living");

    static {
        Kind room = new Kind(4, 2.6, 4, Surface.WOOD_FLOOR, Surface.PLASTER, Surface.PLASTER);
        KINDS.put("room", room);
        KINDS.put("bathroom", new Kind(2.5, 2.4, 2, Surface.TILE, Surface.TILE, Surface.PLASTER));
        KINDS.put("shower", KINDS.get("bathroom"));
        KINDS.put("bedroom", new Kind(4, 2.5, 3.5, Surface.WOOD_FLOOR, Surface.GYPSUM_BOARD, Surface.GYPSUM_BOARD));
        KINDS.put("lounge", new Kind(5.5, 2.6, 4.5, Surface.PARQUET, Surface.PLASTER, Surface.PLASTER));
        KINDS.put("kitchen", new Kind(4, 2.5, 3.5, Surface.TILE, Surface.PLASTER, Surface.PLASTER));
        KINDS.put("office", new Kind(5, 2.7, 4, Surface.CARPET, Surface.GYPSUM_BOARD, Surface.GYPSUM_BOARD));
        KINDS.put("classroom", new Kind(9, 3, 7, Surface.RUBBER, Surface.PLASTER, Surface.PLASTER));
        KINDS.put("studio", new Kind(6, 3, 5, Surface.WOOD_FLOOR, Surface.WOOD_PANEL, Surface.GYPSUM_BOARD));
        Kind corridor = new Kind(2, 2.6, 12, Surface.RUBBER, Surface.PLASTER, Surface.PLASTER);
        KINDS.put("corridor", corridor);
        KINDS.put("hallway", corridor);
        Kind garage = new Kind(6, 2.5, 6, Surface.ROUGH_CONCRETE, Surface.ROUGH_CONCRETE, Surface.CONCRETE);
        KINDS.put("garage", garage);
        KINDS.put("basement", garage);
        KINDS.put("cellar", garage);
        Kind gym = new Kind(30, 8, 18, Surface.WOOD_FLOOR, Surface.PAINTED_BLOCK, Surface.STEEL);
        KINDS.put("gym", gym);
        KINDS.put("gymnasium", gym);
        KINDS.put("hall", new Kind(15, 8, 25, Surface.PARQUET, Surface.PLASTER, Surface.PLASTER));
        Kind church = new Kind(12, 10, 25, Surface.STONE, Surface.STONE, Surface.WOOD_PANEL);
        KINDS.put("church", church);
        KINDS.put("chapel", church);
        KINDS.put("cathedral", new Kind(30, 25, 80, Surface.STONE, Surface.STONE, Surface.STONE));
        KINDS.put("warehouse", new Kind(30, 8, 40, Surface.CONCRETE, Surface.STEEL, Surface.STEEL));

        SIZES.put("tiny", 0.6);
        SIZES.put("small", 0.8);
        SIZES.put("little", 0.8);
        SIZES.put("large", 1.5);
        SIZES.put("big", 1.5);
        SIZES.put("huge", 2.5);
    }

    /** The surface words and what they change: {floor, walls, ceiling}, null where unchanged. */
    private static Surface[] surfaceWord(String w) {
        return switch (w) {
            case "tiled", "tile", "tiles" -> new Surface[] {Surface.TILE, Surface.TILE, null};
            case "carpeted", "carpet" -> new Surface[] {Surface.CARPET, null, null};
            case "stone" -> new Surface[] {Surface.STONE, Surface.STONE, Surface.STONE};
            case "marble" -> new Surface[] {Surface.MARBLE, Surface.MARBLE, null};
            case "concrete" -> new Surface[] {Surface.CONCRETE, Surface.CONCRETE, Surface.CONCRETE};
            case "brick" -> new Surface[] {null, Surface.STONE, null};
            case "wooden", "wood", "timber", "panelled", "paneled" -> new Surface[] {Surface.WOOD_FLOOR, Surface.WOOD_PANEL, null};
            case "parquet" -> new Surface[] {Surface.PARQUET, null, null};
            case "glass" -> new Surface[] {null, Surface.PLATE_GLASS, null};
            case "plaster", "plastered" -> new Surface[] {null, Surface.PLASTER, Surface.PLASTER};
            case "steel", "metal" -> new Surface[] {null, Surface.STEEL, Surface.STEEL};
            case "rubber" -> new Surface[] {Surface.RUBBER, null, null};
            default -> null;
        };
    }

    /**
     * Reads a description such as "a small tiled bathroom".
     *
     * @throws IllegalArgumentException naming the words not understood and what was expected
     */
    public static RoomDescription parse(String description) {
        String text = description == null ? "" : description.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("expected a room described in words, such as \"a small tiled bathroom\"");
        }
        if (text.length() > 500) throw new IllegalArgumentException("expected a short room description (at most 500 characters)");
        List<String> unknown = new ArrayList<>();
        Kind kind = null;
        String kindWord = null;
        double scale = 1;
        List<Surface[]> surfaces = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[\\s,.;:!?\"'-]+")) {
            if (raw.isEmpty() || FILLERS.contains(raw)) continue;
            String w = raw.endsWith("s") && KINDS.containsKey(raw.substring(0, raw.length() - 1)) ? raw.substring(0, raw.length() - 1) : raw;
            if (KINDS.containsKey(w)) {
                // "a living room", "a bedroom": the most specific noun wins over "room".
                if (kind == null || "room".equals(kindWord)) {
                    kind = KINDS.get(w);
                    kindWord = w;
                }
            } else if (SIZES.containsKey(w)) {
                scale *= SIZES.get(w);
            } else if (surfaceWord(w) != null) {
                surfaces.add(surfaceWord(w));
            } else {
                unknown.add(raw);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("did not understand " + quoted(unknown) + " in \"" + text
                    + "\"; expected a kind of room (" + String.join(", ", KINDS.keySet()) + "), a size ("
                    + String.join(", ", SIZES.keySet()) + ") and surfaces (tiled, carpeted, stone, marble, concrete, "
                    + "brick, wooden, parquet, glass, plaster, steel, rubber)");
        }
        if (kind == null) {
            throw new IllegalArgumentException("expected a kind of room in \"" + text + "\" ("
                    + String.join(", ", KINDS.keySet()) + ")");
        }
        if (text.toLowerCase(Locale.ROOT).matches(".*\\bliving\\b.*") && "room".equals(kindWord)) kind = KINDS.get("lounge");
        Surface floor = kind.floor(), walls = kind.walls(), ceiling = kind.ceiling();
        for (Surface[] s : surfaces) {
            if (s[0] != null) floor = s[0];
            if (s[1] != null) walls = s[1];
            if (s[2] != null) ceiling = s[2];
        }
        double w = kind.w() * scale, d = kind.d() * scale, h = kind.h() * Math.sqrt(scale);
        RoomAcoustics room = new RoomAcoustics(new Vec3(w, h, d), floor, walls, ceiling);
        Vec3 source = new Vec3(-0.2 * w, Math.min(1.5, 0.6 * h), -0.15 * d);
        Vec3 listener = new Vec3(0.2 * w, Math.min(1.2, 0.5 * h), 0.2 * d);
        return new RoomDescription(text, room, source, listener);
    }

    /**
     * The room of an indoor scene, with the source at the mean position of its objects and the
     * listener at its camera (each moved inside the room if it is not).
     *
     * @throws IllegalArgumentException if the scene is outdoors
     */
    public static RoomDescription of(Scene scene, String name) {
        RoomAcoustics room = RoomAcoustics.of(scene);
        if (room == null) {
            throw new IllegalArgumentException("expected an indoor scene (environment.kind \"indoor\" with a room), found an outdoor one");
        }
        Vec3 sum = Vec3.ZERO;
        for (SceneObject o : scene.objects()) sum = sum.plus(o.position());
        Vec3 source = scene.objects().isEmpty() ? new Vec3(0, room.height() / 2, 0) : sum.times(1.0 / scene.objects().size());
        return new RoomDescription(name, room, room.inside(source, 0.05), room.inside(scene.camera().position(), 0.05));
    }

    private static String quoted(List<String> words) {
        List<String> q = new ArrayList<>();
        for (String w : words) q.add("\"" + w + "\"");
        return String.join(", ", q);
    }
}
