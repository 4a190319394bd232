package dev.diorama.scene;

/**
 * The box of an indoor scene: the floor is y = 0, the room is centred on x = 0, z = 0.
 *
 * @param size     width (x), height (y) and depth (z) in metres, each in [1, 200]
 * @param walls    the walls' material
 * @param ceiling  the ceiling's material
 */
public record Room(Vec3 size, Material walls, Material ceiling) {
    public Room {
        SceneException.checkFinite(size, 200, "/size", "the room's [width, height, depth] in metres");
        SceneException.check(size.x() >= 1 && size.y() >= 1 && size.z() >= 1, "/size",
                "expected each room extent to be at least 1 m");
        SceneException.check(walls != null, "/walls", "expected a material for the walls");
        SceneException.check(ceiling != null, "/ceiling", "expected a material for the ceiling");
    }
}
