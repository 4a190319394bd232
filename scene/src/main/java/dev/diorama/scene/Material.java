package dev.diorama.scene;

import java.util.Locale;

/**
 * The materials of the first vocabulary, with every property a later stage reads: one table, so
 * the physics, the picture and the sound of an object cannot disagree.
 *
 * <p>Restitution follows Bullet's rule: the coefficient of a contact is the product of the two
 * bodies' values, so a rubber ball (0.9) on a wooden floor (0.9) bounces with e = 0.81 and a steel
 * ball (0.6) on it with e = 0.54. Loss factors are from ../shared/REFERENCE.md (a mode of frequency
 * f decays as exp(-pi*eta*f*t)). Elastic constants are textbook values: Young's modulus E in Pa,
 * Poisson's ratio nu.
 *
 * @param density        kg/m^3
 * @param restitution    per-body restitution (dimensionless, the pair's is the product)
 * @param friction       Coulomb friction coefficient (the pair's is the product, as in Bullet)
 * @param youngsModulus  Pa
 * @param poisson        Poisson's ratio
 * @param lossFactor     structural loss factor eta
 * @param color          default display colour
 * @param metallic       true for conductors (coloured specular reflection)
 * @param roughness      microfacet roughness in [0, 1]; 0 is a mirror
 * @param ior            index of refraction (dielectrics)
 * @param transparent    true where light passes through (glass)
 */
public enum Material {
    RUBBER(1100, 0.90, 0.9, 0.05e9, 0.49, 1.0, new Rgb(0.15, 0.15, 0.15), false, 0.7, 1.52, false),
    STEEL(7850, 0.60, 0.6, 200e9, 0.30, 0.006, new Rgb(0.78, 0.78, 0.80), true, 0.12, 2.5, false),
    /** Polished chrome-plated steel: steel's mechanics and sound, a mirror's look. */
    CHROME(7850, 0.60, 0.6, 200e9, 0.30, 0.006, new Rgb(0.95, 0.95, 0.95), true, 0.0, 2.5, false),
    WOOD(700, 0.90, 0.7, 11e9, 0.35, 0.1, new Rgb(0.65, 0.45, 0.28), false, 0.55, 1.5, false),
    GLASS(2500, 0.75, 0.5, 70e9, 0.22, 0.006, new Rgb(0.95, 0.97, 0.97), false, 0.0, 1.5, true),
    PLASTIC(1200, 0.80, 0.5, 3e9, 0.38, 0.04, new Rgb(0.9, 0.9, 0.9), false, 0.3, 1.49, false),
    STONE(2600, 0.95, 0.7, 50e9, 0.25, 0.02, new Rgb(0.55, 0.55, 0.52), false, 0.8, 1.55, false);

    public final double density;
    public final double restitution;
    public final double friction;
    public final double youngsModulus;
    public final double poisson;
    public final double lossFactor;
    public final Rgb color;
    public final boolean metallic;
    public final double roughness;
    public final double ior;
    public final boolean transparent;

    Material(double density, double restitution, double friction, double youngsModulus, double poisson,
             double lossFactor, Rgb color, boolean metallic, double roughness, double ior, boolean transparent) {
        this.density = density;
        this.restitution = restitution;
        this.friction = friction;
        this.youngsModulus = youngsModulus;
        this.poisson = poisson;
        this.lossFactor = lossFactor;
        this.color = color;
        this.metallic = metallic;
        this.roughness = roughness;
        this.ior = ior;
        this.transparent = transparent;
    }

    /** Shear-wave speed sqrt(G / rho) in m/s, with G = E / (2 (1 + nu)). */
    public double shearWaveSpeed() { return Math.sqrt(youngsModulus / (2 * (1 + poisson)) / density); }

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    public static Material fromJson(String s) {
        for (Material v : values()) if (v.jsonName().equals(s)) return v;
        return null;
    }
}
