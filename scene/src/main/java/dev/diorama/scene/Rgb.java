package dev.diorama.scene;

/** A display (sRGB-encoded) colour with components in [0, 1], as a person names it. */
public record Rgb(double r, double g, double b) {
    public Rgb {
        for (double c : new double[] {r, g, b}) {
            if (!(c >= 0 && c <= 1)) throw new IllegalArgumentException("colour components must lie in [0, 1]");
        }
    }

    /** The same colour as linear-light reflectance, for rendering. */
    public double[] linear() { return new double[] {toLinear(r), toLinear(g), toLinear(b)}; }

    static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
