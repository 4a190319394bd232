package dev.diorama.render;

import dev.diorama.scene.Material;
import java.util.Map;

/**
 * What the renderer knows about a material beyond the scene's {@link Material} row: the optical
 * constants the row does not carry, keyed by the material's JSON name so that rows added to the
 * scene's table later find theirs here, and rows this table does not know get a sensible default
 * derived from the row's own colour, metalness, roughness and index.
 *
 * <p><b>Conductors</b> reflect by the Fresnel equations with a complex index n + i k per band; the
 * values below are the measured optical constants of the pure metals at 650, 550 and 450 nm
 * (Palik's handbook and Johnson and Christy 1972, as tabulated with pbrt-v3's spectral data),
 * which is what gives gold and copper their colour and a paler rim. A metal without a row, or one
 * the scene paints another colour than its own, gets k from its linear colour R at n = 1, where the
 * normal reflectance ((n - 1)^2 + k^2) / ((n + 1)^2 + k^2) reduces to k^2 / (4 + k^2): so
 * k = 2 sqrt(R / (1 - R)), exact head on and rising to 1 at grazing incidence as any metal does.
 *
 * <p><b>Transparent</b> materials absorb by Beer and Lambert's law: the object's linear colour is
 * the transmittance of a path of {@link #absorptionDistance} metres inside it, so light travelling
 * d metres keeps colour^(d / distance) of itself; a thick block of tinted glass is darker and more
 * saturated than a thin one, and light crossing a ball near its rim, a short chord, is paler.
 *
 * <p><b>Textures</b> are solid (3D) patterns evaluated in the object's own frame, so they move with
 * the object ({@link SolidTexture}); <b>emission</b> is a luminance in cd/m^2.
 *
 * @param conductorN         refraction index n per band (R, G, B) of a conductor, or null
 * @param conductorK         extinction k per band of a conductor, or null
 * @param absorptionDistance metres of path through which a transparent material's colour is its
 *                           transmittance
 * @param texture            the solid texture, one of {@link SolidTexture}'s kinds
 * @param emission           luminance of a white emitter of this material, cd/m^2 (0: not a light)
 */
record MaterialOptics(double[] conductorN, double[] conductorK, double absorptionDistance, int texture,
                      double emission) {
    /** A transparent material without a row: its colour is the transmittance of 10 cm. */
    static final double DEFAULT_ABSORPTION_DISTANCE = 0.1;

    private static MaterialOptics metal(double nr, double ng, double nb, double kr, double kg, double kb) {
        return new MaterialOptics(new double[] {nr, ng, nb}, new double[] {kr, kg, kb}, DEFAULT_ABSORPTION_DISTANCE,
                SolidTexture.NONE, 0);
    }

    private static MaterialOptics clear(double distance) {
        return new MaterialOptics(null, null, distance, SolidTexture.NONE, 0);
    }

    private static MaterialOptics textured(int texture) {
        return new MaterialOptics(null, null, DEFAULT_ABSORPTION_DISTANCE, texture, 0);
    }

    private static MaterialOptics emitter(double luminance) {
        return new MaterialOptics(null, null, DEFAULT_ABSORPTION_DISTANCE, SolidTexture.NONE, luminance);
    }

    private static final MaterialOptics PLAIN = textured(SolidTexture.NONE);

    private static final MaterialOptics IRON = metal(2.9114, 2.9497, 2.5845, 3.0893, 2.9318, 2.7670);

    /** The table, by {@link Material#jsonName()}. */
    private static final Map<String, MaterialOptics> TABLE = Map.ofEntries(
            // Chromium: about 55 percent reflective head on, neutral.
            Map.entry("chrome", metal(3.1071, 3.1812, 2.3230, 3.3314, 3.3291, 3.1350)),
            // Steel and iron: iron's constants (steel is about 98 percent iron).
            Map.entry("steel", IRON),
            Map.entry("iron", IRON),
            Map.entry("gold", metal(0.18299, 0.42108, 1.37340, 3.42420, 2.34590, 1.77040)),
            Map.entry("copper", metal(0.27105, 0.67693, 1.31640, 3.60920, 2.62480, 2.29210)),
            Map.entry("silver", metal(0.15943, 0.14512, 0.13547, 3.92910, 3.19000, 2.38080)),
            Map.entry("aluminium", metal(1.65740, 0.88037, 0.52123, 9.22390, 6.26950, 4.83700)),
            Map.entry("aluminum", metal(1.65740, 0.88037, 0.52123, 9.22390, 6.26950, 4.83700)),
            Map.entry("brass", metal(0.44400, 0.52700, 1.09400, 3.69500, 2.76500, 1.82900)),
            // Clear media: a tinted glass shows its colour through 25 cm (a thick ball); ice and water
            // are clear over centimetres and blue over metres.
            Map.entry("glass", clear(0.25)),
            Map.entry("ice", clear(0.5)),
            Map.entry("water", clear(2)),
            Map.entry("diamond", clear(0.05)),
            Map.entry("wood", textured(SolidTexture.WOOD)),
            Map.entry("oak", textured(SolidTexture.WOOD)),
            Map.entry("pine", textured(SolidTexture.WOOD)),
            Map.entry("marble", textured(SolidTexture.MARBLE)),
            Map.entry("granite", textured(SolidTexture.GRANITE)),
            Map.entry("stone", textured(SolidTexture.GRANITE)),
            Map.entry("concrete", textured(SolidTexture.GRANITE)),
            Map.entry("cork", textured(SolidTexture.GRANITE)),
            Map.entry("tile", textured(SolidTexture.CHECKER)),
            // Emitters: a neon tube is about 10^4 cd/m^2, an LED panel or a lamp's diffuser 10^3 to 10^4.
            Map.entry("neon", emitter(10000)),
            Map.entry("lamp", emitter(5000)),
            Map.entry("light", emitter(5000)),
            Map.entry("led", emitter(5000)));

    /** The row for {@code m}: its own, or the default for its kind. */
    static MaterialOptics of(Material m) {
        MaterialOptics o = TABLE.get(m.jsonName());
        if (o != null) {
            // A row for a metal the scene declares not metallic (or the reverse) would contradict
            // the scene's table, which wins.
            if ((o.conductorN != null) == m.metallic) return o;
        }
        return m.transparent ? clear(DEFAULT_ABSORPTION_DISTANCE) : PLAIN;
    }

    /** Normal-incidence reflectance of this conductor in band c: ((n - 1)^2 + k^2) / ((n + 1)^2 + k^2). */
    double normalReflectance(int c) {
        double n = conductorN[c], k = conductorK[c];
        return ((n - 1) * (n - 1) + k * k) / ((n + 1) * (n + 1) + k * k);
    }

    /** The extinction k, at n = 1, of a conductor whose normal reflectance is {@code r} (see the class comment). */
    static double extinctionFor(double r) {
        r = Math.min(Math.max(r, 0), 0.999);
        return 2 * Math.sqrt(r / (1 - r));
    }
}
