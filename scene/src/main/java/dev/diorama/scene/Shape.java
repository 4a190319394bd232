package dev.diorama.scene;

import java.util.Locale;

/**
 * The shapes a scene object can have. {@code size} is always the object's extent along its own
 * x, y and z axes in metres: a ball's three extents are its diameter, a cylinder stands along y
 * with diameter x = z and height y, a plank is a long thin box.
 */
public enum Shape {
    BALL, CUBE, CYLINDER, PLANK;

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    public static Shape fromJson(String s) {
        for (Shape v : values()) if (v.jsonName().equals(s)) return v;
        return null;
    }
}
