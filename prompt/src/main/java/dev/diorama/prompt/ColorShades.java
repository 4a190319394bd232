package dev.diorama.prompt;

import dev.diorama.scene.Rgb;

/**
 * "dark red", "light blue", "pale green", "bright yellow": a named colour shifted the way people
 * mean it. The arithmetic is on the display (sRGB) values, as a painter mixing in black or white.
 */
final class ColorShades {
    /** What "dark" and "deep" keep of each component. */
    static final double DARK = 0.55;
    /** How far "light" moves towards white. */
    static final double LIGHT = 0.45;
    /** How far "pale" moves towards white. */
    static final double PALE = 0.6;

    private ColorShades() {}

    static Rgb apply(String modifier, Rgb c) {
        return switch (modifier) {
            case "dark", "deep" -> new Rgb(c.r() * DARK, c.g() * DARK, c.b() * DARK);
            case "light" -> towardsWhite(c, LIGHT);
            case "pale" -> towardsWhite(c, PALE);
            case "bright" -> brightest(c);
            default -> throw new IllegalArgumentException("not a colour modifier: " + modifier);
        };
    }

    private static Rgb towardsWhite(Rgb c, double t) {
        return new Rgb(c.r() + (1 - c.r()) * t, c.g() + (1 - c.g()) * t, c.b() + (1 - c.b()) * t);
    }

    /** The same hue at full value: the largest component becomes 1. */
    private static Rgb brightest(Rgb c) {
        double max = Math.max(c.r(), Math.max(c.g(), c.b()));
        if (max <= 0) return c;
        return new Rgb(Math.min(1, c.r() / max), Math.min(1, c.g() / max), Math.min(1, c.b() / max));
    }
}
