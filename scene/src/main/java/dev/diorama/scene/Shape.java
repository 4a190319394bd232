package dev.diorama.scene;

import java.util.Locale;

/**
 * The shapes a scene object can have. {@code size} is always the object's extent along its own
 * x, y and z axes in metres, and {@code position} is the centre of that box (not the centre of
 * mass, which {@link Solids#centreOfMass} gives). The exact geometry of every shape, shared by the
 * simulation and the picture, is in {@link Solids}.
 *
 * <ul>
 *   <li>{@code BALL}: a sphere; its three extents are its diameter.</li>
 *   <li>{@code CUBE}, {@code PLANK}, {@code DOMINO}, {@code BRICK}: boxes. A domino stands on its
 *       short end (default 24 x 48 x 7.5 mm proportions, x wide, y tall, z thin); a brick lies flat
 *       (215 x 65 x 102.5 mm, the British standard).</li>
 *   <li>{@code CYLINDER}, {@code CONE}: stand along y, diameter x = z. The cone's apex is up.</li>
 *   <li>{@code PYRAMID}: a square (x by z) base down, apex up at the centre.</li>
 *   <li>{@code WEDGE}: a ramp, a right-triangle prism extruded along z: the vertical face is at
 *       x = -size.x/2, the bottom at y = -size.y/2, and the slope falls from the top edge at
 *       (-x/2, +y/2) to the toe at (+x/2, -y/2): something released at the top runs towards +x.
 *       Its angle is atan(size.y / size.x).</li>
 *   <li>{@code BOAT}: a toy boat's solid hull, its bow towards +x: a flat deck (size.x long,
 *       size.z across), the sides and the transom drawn in to a bottom 0.6 of the beam, the stem
 *       raked; a convex polyhedron ({@link Solids#hull}, {@link Solids#faces}).</li>
 *   <li>{@code BOWL}, {@code CUP}, {@code BOTTLE}, {@code JUG}: hollow surfaces of revolution about
 *       y (lathe profiles with walls of finite thickness), open at the top, diameter x = z.</li>
 *   <li>{@code PIN}: a tenpin bowling pin, a solid of revolution about y (the regulation contour,
 *       15 in tall and 4.766 in across at its belly), diameter x = z.</li>
 *   <li>{@code TABLE} (a top on four legs), {@code POOL_TABLE} (a bed on four legs with a cushion
 *       along each edge of its top, {@link Solids#poolTable}), {@code SHELF} (a bookcase open towards -z, the
 *       camera's usual side), {@code STAIRS} (solid steps rising towards -x, like the wedge):
 *       compounds of boxes.</li>
 *   <li>{@code TANK}: an open glass box, an aquarium: a floor and four walls, each
 *       {@link Solids#tankWall} thick, open at the top; it holds liquids and things.</li>
 *   <li>{@code MESH}: a user's triangle mesh (glTF or OBJ) named by the object's {@code asset},
 *       scaled so that its bounding box has the extents {@code size}.</li>
 * </ul>
 */
public enum Shape {
    BALL, CUBE, CYLINDER, PLANK,
    CONE, PYRAMID, WEDGE, DOMINO, BRICK, BOAT,
    BOWL, CUP, BOTTLE, JUG, PIN,
    TABLE, POOL_TABLE, SHELF, STAIRS,
    TANK,
    MESH;

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    public static Shape fromJson(String s) {
        for (Shape v : values()) if (v.jsonName().equals(s)) return v;
        return null;
    }

    /** True for the shapes that turn about their y axis and so need x = z (their diameter). */
    public boolean round() {
        return switch (this) {
            case CYLINDER, CONE, BOWL, CUP, BOTTLE, JUG, PIN -> true;
            case BALL, CUBE, PLANK, PYRAMID, WEDGE, DOMINO, BRICK, BOAT, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH -> false;
        };
    }

    /** True for the hollow vessels, whose material is a wall and whose inside can hold things. */
    public boolean hollow() {
        return switch (this) {
            case BOWL, CUP, BOTTLE, JUG, TANK -> true;
            case BALL, CUBE, CYLINDER, PLANK, CONE, PYRAMID, WEDGE, DOMINO, BRICK, BOAT, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, MESH -> false;
        };
    }

    /**
     * The default extents of an object of this shape whose largest extent is {@code d} metres: the
     * proportions of the everyday thing the name stands for (a plank 20:1:4, a domino 24:48:7.5 mm,
     * a British brick 215:65:102.5 mm, a dining table 1.2 x 0.75 x 0.8 m, a bookcase 0.8 x 1.8 x 0.3
     * m, a wine bottle 7.5 cm across and 28 cm tall, ...).
     */
    public Vec3 proportions(double d) {
        return switch (this) {
            case BALL, CUBE, CYLINDER, MESH -> new Vec3(d, d, d);
            case PLANK -> new Vec3(d, d / 20, d / 5);
            case CONE -> new Vec3(d, d, d);
            case PYRAMID -> new Vec3(d, d * 0.636, d);           // Giza: 146.6 m high on a 230.3 m base
            case WEDGE -> new Vec3(d, d / 2, d / 2);
            case DOMINO -> new Vec3(d * 24 / 48, d, d * 7.5 / 48);
            case BRICK -> new Vec3(d, d * 65 / 215, d * 102.5 / 215);
            case BOAT -> new Vec3(d, d * 0.25, d * 0.42);          // a toy boat's hull: long, low and broad
            case BOWL -> new Vec3(d, d * 0.45, d);
            case CUP -> new Vec3(d * 0.8, d, d * 0.8);
            case BOTTLE -> new Vec3(d * 0.27, d, d * 0.27);
            case JUG -> new Vec3(d * 0.65, d, d * 0.65);
            case PIN -> new Vec3(d * 4.766 / 15, d, d * 4.766 / 15);  // USBC: 15 in tall, 4.766 in at the belly
            case TABLE -> new Vec3(d, d * 0.625, d * 2 / 3);
            case POOL_TABLE -> new Vec3(d, d * 0.77 / 2.74, d * 1.47 / 2.74);  // a 9 ft table: 100 x 50 in of cloth inside its rails
            case SHELF -> new Vec3(d * 0.8 / 1.8, d, d * 0.3 / 1.8);
            case STAIRS -> new Vec3(d, d * 0.6, d);
            case TANK -> new Vec3(d, d * 0.5, d * 0.5);          // an aquarium, 60 x 30 x 30 cm
        };
    }
}
