package dev.diorama.scene;

import java.util.List;

/**
 * The box of an indoor scene: the floor is y = 0, the room is centred on x = 0, z = 0.
 *
 * @param size     width (x), height (y) and depth (z) in metres, each in [1, 200]
 * @param walls    the walls' material
 * @param ceiling  the ceiling's material
 * @param windows  openings in the walls (at most 16), each wholly within its wall; none by default
 */
public record Room(Vec3 size, Material walls, Material ceiling, List<Window> windows) {
    /** Most windows a room may have. */
    public static final int MAX_WINDOWS = 16;

    public Room {
        SceneException.checkFinite(size, 200, "/size", "the room's [width, height, depth] in metres");
        SceneException.check(size.x() >= 1 && size.y() >= 1 && size.z() >= 1, "/size",
                "expected each room extent to be at least 1 m");
        SceneException.check(walls != null, "/walls", "expected a material for the walls");
        SceneException.check(ceiling != null, "/ceiling", "expected a material for the ceiling");
        windows = windows == null ? List.of() : List.copyOf(windows);
        SceneException.check(windows.size() <= MAX_WINDOWS, "/windows", "expected at most " + MAX_WINDOWS + " windows");
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            boolean ns = w.wall() == Window.Wall.NORTH || w.wall() == Window.Wall.SOUTH;
            double half = (ns ? size.x() : size.z()) / 2;
            String at = "/windows/" + i;
            SceneException.check(Math.abs(w.along()) + w.width() / 2 <= half + 1e-9, at,
                    "expected the window within its wall: " + w.width() + " m wide centred " + w.along()
                            + " m along a wall that reaches " + half + " m each side of the middle");
            SceneException.check(w.up() - w.height() / 2 >= -1e-9 && w.up() + w.height() / 2 <= size.y() + 1e-9, at,
                    "expected the window between the floor and the ceiling (" + size.y() + " m): " + w.height()
                            + " m tall centred " + w.up() + " m up");
        }
    }

    /** A room without windows. */
    public Room(Vec3 size, Material walls, Material ceiling) {
        this(size, walls, ceiling, List.of());
    }
}
