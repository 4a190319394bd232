package dev.diorama.audio;

import dev.diorama.scene.Material;

/**
 * How the floor and the walls are built, as far as their sound needs: a scene names only their
 * material, but what rings when a ball lands is a panel of that material between its supports
 * (floorboards between joists, a tile on its bed, a span of masonry wall), and its pitch follows
 * the span and thickness of that panel.
 *
 * <p>The table holds ordinary constructions, chosen so that the lowest panel mode lands where such
 * floors are heard: a wooden floor knocks near 240 Hz (22 mm boards on joists 0.6 m apart), a stone
 * floor clacks near 800 Hz (30 mm slabs about 0.4 m across), a masonry wall thumps near 90 Hz.
 *
 * @param span       side of the square panel between supports, metres
 * @param thickness  panel thickness, metres
 */
record Panel(double span, double thickness) {

    /** The floor's panel, by material. */
    static Panel floor(Material m) {
        return switch (m) {
            case WOOD -> new Panel(0.6, 0.022);       // floorboards on joists at 600 mm centres
            case STONE -> new Panel(0.4, 0.03);       // stone slab or thick tile
            case STEEL, CHROME -> new Panel(0.6, 0.006); // steel deck plate between stiffeners
            case GLASS -> new Panel(1.0, 0.019);      // structural glass floor panel
            case PLASTIC -> new Panel(0.5, 0.01);     // plastic deck panel
            case RUBBER -> new Panel(0.5, 0.01);      // rubber mat: its modes sit mostly below 20 Hz
        };
    }

    /** A wall's panel, by material. */
    static Panel wall(Material m) {
        return switch (m) {
            case STONE -> new Panel(3.0, 0.2);        // a span of masonry wall
            case WOOD -> new Panel(0.6, 0.012);       // panelling on studs at 600 mm
            case STEEL, CHROME -> new Panel(1.0, 0.003); // sheet-metal wall panel
            case GLASS -> new Panel(1.0, 0.006);      // a window pane
            case PLASTIC -> new Panel(0.6, 0.006);
            case RUBBER -> new Panel(0.6, 0.01);
        };
    }

    /** Mass of one panel, kg: what a strike has to set moving. */
    double mass(Material m) { return m.density * thickness * span * span; }

    /** Area of one panel, m^2 (one face radiates into the room). */
    double area() { return span * span; }
}
