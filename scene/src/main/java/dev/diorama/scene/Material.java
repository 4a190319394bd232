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
 * <p>The materials after the first seven. REFERENCE.md gives loss factors for steel and glass
 * (0.006), aluminium (0.014), ceramic (0.04), wood (0.1) and rubber (1); these are effective values
 * (internal damping plus what a resting object loses to its support and to radiation), two orders
 * above the internal damping of metals in the tables. The others keep that scale and take their
 * order among themselves from the internal loss factors tabulated by Cremer, Heckl and Petersson,
 * <i>Structure-Borne Sound</i> (3rd ed., 2005, table 3.1) and by Ungar in Beranek and Vér,
 * <i>Noise and Vibration Control Engineering</i> (1992, table 12.1): copper and brass damp a little
 * more than steel, cast iron (graphite flakes) about twice as much, concrete and brick two to three
 * times glass, hardwoods somewhat less than softwoods, plastics and paper products ten times the
 * metals, cork and foams and wet clay far more. Densities, moduli and Poisson's ratios are handbook
 * values (CRC Handbook of Chemistry and Physics; the Wood Handbook, USDA FPL-GTR-190, along the
 * grain, for oak and pine; Petrenko and Whitworth, <i>Physics of Ice</i>, for ice at 0 C). The look
 * of the metals is their normal-incidence reflectance in linear RGB (Akenine-Möller et al.,
 * <i>Real-Time Rendering</i>, 4th ed., table 9.2); the dielectrics' indices are their refractive
 * indices (ice 1.31, marble 1.49 for calcite's ordinary ray averaged down for its polish).
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
    STONE(2600, 0.95, 0.7, 50e9, 0.25, 0.02, new Rgb(0.55, 0.55, 0.52), false, 0.8, 1.55, false),

    /** Cast iron: dark grey, dull, and deader than steel (its graphite flakes damp it). */
    IRON(7200, 0.55, 0.6, 120e9, 0.26, 0.012, new Rgb(0.42, 0.42, 0.43), true, 0.4, 2.9, false),
    COPPER(8960, 0.55, 0.6, 117e9, 0.34, 0.008, new Rgb(0.955, 0.638, 0.538), true, 0.2, 1.1, false),
    /** Gold: heavy and soft (low modulus, a dull ring). */
    GOLD(19300, 0.45, 0.5, 79e9, 0.42, 0.01, new Rgb(1.0, 0.766, 0.336), true, 0.15, 0.47, false),
    ALUMINIUM(2700, 0.60, 0.6, 69e9, 0.33, 0.014, new Rgb(0.913, 0.922, 0.924), true, 0.3, 1.4, false),
    /** Oak, a hardwood: denser and stiffer than the generic wood, it rings a little longer. */
    OAK(750, 0.90, 0.65, 12e9, 0.35, 0.08, new Rgb(0.60, 0.43, 0.26), false, 0.5, 1.5, false),
    /** Pine, a softwood: light and pale. */
    PINE(500, 0.90, 0.7, 9e9, 0.35, 0.11, new Rgb(0.80, 0.63, 0.42), false, 0.55, 1.5, false),
    /**
     * Hard (sugar) maple, the wood of bowling pins and of lanes and gym floors: 705 kg/m^3 and a
     * modulus of 12.6 GPa along the grain (Wood Handbook, at 12 % moisture); pale.
     */
    MAPLE(705, 0.90, 0.65, 12.6e9, 0.35, 0.08, new Rgb(0.86, 0.72, 0.52), false, 0.45, 1.5, false),
    /**
     * Phenolic resin, as billiard and snooker balls are cast: 1700 kg/m^3 (a 57.15 mm pool ball
     * weighs 166 g; the rules ask 156 to 170 g), and hard and glossy: two balls meet with a
     * restitution of 0.95 (0.975 each; measured 0.92 to 0.98) and a friction of 0.06 (0.245 each),
     * and click.
     */
    RESIN(1700, 0.975, 0.245, 8e9, 0.35, 0.01, new Rgb(0.90, 0.88, 0.80), false, 0.05, 1.6, false),
    /**
     * Billiard cloth (baize) over a pool table's slate: green; a resin ball slides on it with a
     * friction of 0.2 (0.82 here), and comes off its cushions with a restitution of 0.75 (0.77 here;
     * measured 0.7 to 0.8); the slate's density and stiffness, the cloth's damping.
     */
    CLOTH(2700, 0.77, 0.82, 50e9, 0.25, 0.3, new Rgb(0.04, 0.40, 0.16), false, 0.95, 1.5, false),
    /** Ice at 0 C: slippery (a friction coefficient of 0.05) and clear. */
    ICE(917, 0.70, 0.05, 9.3e9, 0.33, 0.02, new Rgb(0.85, 0.92, 0.97), false, 0.05, 1.31, true),
    /** Polished marble. */
    MARBLE(2700, 0.95, 0.6, 60e9, 0.27, 0.01, new Rgb(0.90, 0.89, 0.86), false, 0.2, 1.49, false),
    GRANITE(2700, 0.95, 0.7, 55e9, 0.25, 0.012, new Rgb(0.52, 0.50, 0.49), false, 0.6, 1.55, false),
    CONCRETE(2400, 0.90, 0.8, 30e9, 0.20, 0.02, new Rgb(0.60, 0.59, 0.57), false, 0.9, 1.5, false),
    /**
     * Fired clay brick, solid: 1920 kg/m^3 (a 215 x 102.5 x 65 mm brick weighs 2.75 kg), a modulus of
     * 14 GPa, and as dull as concrete: bricks knock together with a clack and hardly bounce (0.35,
     * so 0.33 on stone and 0.12 on another brick).
     */
    BRICK(1920, 0.35, 0.8, 14e9, 0.20, 0.02, new Rgb(0.45, 0.16, 0.10), false, 0.9, 1.5, false),
    /** Glazed stoneware. */
    CERAMIC(2400, 0.85, 0.5, 60e9, 0.22, 0.04, new Rgb(0.93, 0.91, 0.87), false, 0.25, 1.5, false),
    /** Porcelain: vitrified, stiffer and clearer-ringing than stoneware. */
    PORCELAIN(2400, 0.85, 0.5, 90e9, 0.23, 0.02, new Rgb(0.96, 0.96, 0.94), false, 0.1, 1.5, false),
    /** Corrugated board, as a closed box: its bulk density. */
    CARDBOARD(150, 0.30, 0.5, 1.0e9, 0.30, 0.15, new Rgb(0.68, 0.52, 0.35), false, 0.9, 1.5, false),
    PAPER(800, 0.20, 0.4, 3.0e9, 0.30, 0.1, new Rgb(0.93, 0.93, 0.90), false, 0.9, 1.5, false),
    /** Soft modelling clay: it lands with a thud and hardly bounces. */
    CLAY(1800, 0.10, 0.8, 0.01e9, 0.45, 0.5, new Rgb(0.72, 0.45, 0.32), false, 0.85, 1.5, false),
    /** Polyurethane foam. */
    FOAM(30, 0.50, 0.8, 0.001e9, 0.30, 0.3, new Rgb(0.95, 0.90, 0.60), false, 0.95, 1.5, false),
    /** Dry sand, a floor outdoors: it swallows a bounce. */
    SAND(1600, 0.15, 0.9, 0.05e9, 0.30, 0.6, new Rgb(0.84, 0.74, 0.55), false, 0.95, 1.5, false),
    /** A lawn over soil, a floor outdoors. */
    GRASS(1300, 0.40, 0.8, 0.02e9, 0.35, 0.5, new Rgb(0.20, 0.42, 0.12), false, 0.9, 1.5, false),
    /** Carpet, a floor or a wall covering: soft underfoot and absorbing. */
    CARPET(300, 0.30, 0.9, 0.005e9, 0.40, 0.5, new Rgb(0.45, 0.30, 0.28), false, 0.95, 1.5, false),
    /**
     * Fresh fruit (an apple, an orange): 800 kg/m^3, so it floats with a fifth above water; soft
     * flesh (Young's modulus about 5 MPa, as measured for apple tissue) that lands with a dull thud
     * and hardly bounces; a waxy skin.
     */
    FRUIT(800, 0.35, 0.6, 0.005e9, 0.35, 0.3, new Rgb(0.75, 0.10, 0.08), false, 0.35, 1.5, false),
    /**
     * Cork (the bark of the cork oak, as stoppers and tiles are made): 240 kg/m^3, so it floats
     * with a quarter of it under water; springy (Young's modulus about 20 MPa) and, as nothing else
     * here, with a Poisson's ratio near 0 (a stopper pushed into a bottle does not bulge); it lands
     * with a soft knock.
     */
    CORK(240, 0.60, 0.6, 0.02e9, 0.05, 0.3, new Rgb(0.69, 0.52, 0.34), false, 0.9, 1.5, false),
    /**
     * A feather, as a flat body: half a gram of vane and shaft in 20 x 4 cm, 2 mm thick (31 kg/m^3
     * over that box). Nearly all of its fall is the air's: lying flat it drifts down at about
     * 1 m/s, and it lands without a bounce or a sound worth hearing.
     */
    FEATHER(31, 0.05, 0.8, 0.002e9, 0.40, 1.0, new Rgb(0.92, 0.91, 0.88), false, 0.9, 1.5, false),
    /**
     * A party balloon blown up with air, as a whole: 3 g of latex around 11.5 l of air a little
     * above the room's pressure (1.23 kg/m^3), 28 cm across: 1.49 kg/m^3 on average. Only a little
     * heavier than the air it displaces, it sinks at about 1.3 m/s and bounces softly; a glossy skin.
     */
    BALLOON(1.49, 0.60, 0.6, 0.0015e9, 0.49, 1.0, new Rgb(0.80, 0.06, 0.08), false, 0.25, 1.5, false),
    /**
     * A party balloon filled with helium, as a whole: 3 g of latex around 11.5 l of helium
     * (0.17 kg/m^3), 28 cm across: 0.43 kg/m^3 on average, a third of the air's density, so it
     * rises (about 2.2 m/s once the air's drag balances its lift).
     */
    HELIUM(0.43, 0.60, 0.6, 0.0015e9, 0.49, 1.0, new Rgb(0.80, 0.06, 0.08), false, 0.25, 1.5, false);

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
