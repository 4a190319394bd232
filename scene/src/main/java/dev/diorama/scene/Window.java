package dev.diorama.scene;

import java.util.Locale;

/**
 * An opening in a wall of a {@link Room}: sunlight and skylight come in through it, and a camera sees
 * the sky and the ground outside. A rectangle in the wall's plane, open (or perfectly clear glass),
 * in a wall of no thickness. In JSON: {@code {"wall": "south", "center": [along, up], "size": [width, height]}}.
 *
 * @param wall   which wall: the one on the room's north (-z), south (+z), east (+x) or west (-x) side
 * @param along  where its centre is along the wall: the x coordinate on the north and south walls, z on
 *               the east and west ones, metres from the room's centre line
 * @param up     height of its centre above the floor, metres
 * @param width  along the wall, metres, more than 0
 * @param height metres, more than 0
 */
public record Window(Wall wall, double along, double up, double width, double height) {
    /** The four walls, by the side of the room they stand on. */
    public enum Wall {
        NORTH, SOUTH, EAST, WEST;

        public String jsonName() { return name().toLowerCase(Locale.ROOT); }

        public static Wall fromJson(String s) {
            for (Wall w : values()) if (w.jsonName().equals(s)) return w;
            return null;
        }
    }

    public Window {
        SceneException.check(wall != null, "/wall", "expected \"north\", \"south\", \"east\" or \"west\"");
        SceneException.check(Double.isFinite(along) && Double.isFinite(up), "/center",
                "expected [along the wall, height of the centre] in metres");
        SceneException.check(Double.isFinite(width) && width > 0 && Double.isFinite(height) && height > 0, "/size",
                "expected [width, height] in metres, each more than 0");
    }
}
