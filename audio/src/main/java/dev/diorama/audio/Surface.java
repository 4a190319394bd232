package dev.diorama.audio;

import dev.diorama.scene.Material;
import java.util.Locale;

/**
 * What a room's floor, walls and ceiling are made of, for sound: the random-incidence absorption
 * coefficient alpha in the six octave bands of {@link OctaveBands} (125 Hz .. 4 kHz), the fraction
 * of the incident sound energy a surface does not reflect.
 *
 * <p>Values: the 500 Hz / 1 kHz pairs given in ../shared/REFERENCE.md (concrete or tile 0.015 /
 * 0.02, rough concrete 0.04 / 0.06, wood floor on joists 0.10 / 0.07, parquet on concrete 0.07 /
 * 0.06, carpet on concrete 0.14 / 0.37, carpet on foam 0.57 / 0.69, large plate glass 0.04 / 0.03,
 * window glass 0.18 / 0.12), completed to six bands from the classic table reproduced in Everest
 * and Pohlmann, <i>Master Handbook of Acoustics</i> (appendix of absorption coefficients), which the
 * REFERENCE values come from. The rows for rubber, steel, plastic and stone, not in REFERENCE.md,
 * are that table's "linoleum, rubber or vinyl tile on concrete", "steel (sheet)", the same vinyl row
 * for hard plastic, and "brick or stone masonry, unglazed".
 *
 * <p>A surface reflects a fraction 1 - alpha of the energy, so a reflection's pressure is scaled by
 * {@link #reflection(int) sqrt(1 - alpha)} (the image-source method's wall coefficient beta).
 */
public enum Surface {
    /** Glazed ceramic tile. */
    TILE("tiled", 0.01, 0.01, 0.015, 0.02, 0.02, 0.02),
    /** Smooth or painted concrete. */
    CONCRETE("concrete", 0.01, 0.01, 0.015, 0.02, 0.02, 0.02),
    /** Rough, unpainted concrete. */
    ROUGH_CONCRETE("rough concrete", 0.01, 0.02, 0.04, 0.06, 0.08, 0.10),
    /** Polished marble. */
    MARBLE("marble", 0.01, 0.01, 0.01, 0.01, 0.02, 0.02),
    /** Stone or brick masonry, unglazed. */
    STONE("stone", 0.03, 0.03, 0.03, 0.04, 0.05, 0.07),
    /** Painted concrete block (the walls of a typical gym). */
    PAINTED_BLOCK("painted concrete block", 0.10, 0.05, 0.06, 0.07, 0.09, 0.08),
    /** Smooth plaster on brick or block. */
    PLASTER("plaster", 0.013, 0.015, 0.02, 0.03, 0.04, 0.05),
    /** Gypsum board, 12.5 mm, on studs. */
    GYPSUM_BOARD("plasterboard", 0.29, 0.10, 0.05, 0.04, 0.07, 0.09),
    /** Wood floor on joists. */
    WOOD_FLOOR("wood floor", 0.15, 0.11, 0.10, 0.07, 0.06, 0.07),
    /** Parquet glued to concrete. */
    PARQUET("parquet", 0.04, 0.04, 0.07, 0.06, 0.06, 0.07),
    /** Wood panelling, 10 mm plywood on battens. */
    WOOD_PANEL("wood panelling", 0.28, 0.22, 0.17, 0.09, 0.10, 0.11),
    /** Heavy carpet laid on concrete. */
    CARPET("carpet", 0.02, 0.06, 0.14, 0.37, 0.60, 0.65),
    /** Heavy carpet on a foam underlay. */
    CARPET_ON_FOAM("carpet on foam", 0.08, 0.24, 0.57, 0.69, 0.71, 0.73),
    /** Large panes of heavy plate glass. */
    PLATE_GLASS("glass", 0.18, 0.06, 0.04, 0.03, 0.02, 0.02),
    /** Ordinary window glass. */
    WINDOW_GLASS("window glass", 0.35, 0.25, 0.18, 0.12, 0.07, 0.04),
    /** Rubber, linoleum or vinyl flooring on concrete. */
    RUBBER("rubber", 0.02, 0.03, 0.03, 0.03, 0.03, 0.02),
    /** Hard plastic panels (the vinyl-on-concrete row). */
    PLASTIC("plastic", 0.02, 0.03, 0.03, 0.03, 0.03, 0.02),
    /** Steel sheet or plate. */
    STEEL("steel", 0.05, 0.10, 0.10, 0.10, 0.07, 0.02);

    /** How the surface is named in reports. */
    public final String words;
    private final double[] alpha;

    Surface(String words, double... alpha) {
        this.words = words;
        this.alpha = alpha;
    }

    /** Absorption coefficient in band b of {@link OctaveBands}. */
    public double absorption(int band) { return alpha[band]; }

    /** Absorption coefficients of all six bands (a copy). */
    public double[] absorption() { return alpha.clone(); }

    /** Pressure reflection coefficient sqrt(1 - alpha) in band b. */
    public double reflection(int band) { return Math.sqrt(1 - alpha[band]); }

    /** Pressure reflection coefficient at frequency f, read between the bands (see {@link OctaveBands}). */
    public double reflectionAt(double f) { return Math.sqrt(1 - OctaveBands.interpolate(alpha, f)); }

    public String jsonName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The surface a scene's floor of this material is: wood is a wood floor, stone is masonry. */
    public static Surface floorOf(Material m) {
        return switch (m) {
            // Cork tiles are resilient flooring, as the rubber (vinyl-on-concrete) row is.
            case RUBBER, CORK, BALLOON, HELIUM -> RUBBER;
            case STEEL, CHROME, IRON, COPPER, GOLD, ALUMINIUM -> STEEL;
            case WOOD, OAK, PINE, MAPLE -> WOOD_FLOOR;
            case GLASS -> PLATE_GLASS;
            case PLASTIC, RESIN -> PLASTIC;
            // The stone row is unglazed brick's (0.03 to 0.07).
            case STONE, GRANITE, BRICK -> STONE;
            // Ice is as hard and smooth as polished stone: the marble row is the nearest measured.
            case MARBLE, ICE -> MARBLE;
            case CONCRETE -> CONCRETE;
            case CERAMIC, PORCELAIN -> TILE;
            case CARPET, CLOTH -> CARPET;
            case FOAM, FEATHER -> CARPET_ON_FOAM;
            // Porous boards on a frame absorb the low bands most, as plasterboard does.
            case CARDBOARD, PAPER -> GYPSUM_BOARD;
            // Loose, porous ground: the rough concrete row is the nearest hard-surface value.
            case SAND, GRASS, CLAY, FRUIT -> ROUGH_CONCRETE;
        };
    }

    /** The surface a scene's wall or ceiling of this material is: wood is panelling. */
    public static Surface wallOf(Material m) {
        return m == Material.WOOD || m == Material.OAK || m == Material.PINE || m == Material.MAPLE ? WOOD_PANEL : floorOf(m);
    }
}
