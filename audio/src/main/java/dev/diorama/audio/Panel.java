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
            case WOOD, OAK, PINE, MAPLE -> new Panel(0.6, 0.022); // floorboards on joists at 600 mm centres
            case STONE, MARBLE, GRANITE, CLOTH -> new Panel(0.4, 0.03); // stone slab or thick tile (a pool table's slate)
            case CERAMIC, PORCELAIN -> new Panel(0.3, 0.01);  // floor tile on a bed of mortar
            case CONCRETE -> new Panel(3.0, 0.15);            // a cast slab between beams
            case BRICK -> new Panel(0.4, 0.05);               // brick pavers on sand
            case STEEL, CHROME, IRON, COPPER, GOLD, ALUMINIUM -> new Panel(0.6, 0.006); // metal deck plate
            case GLASS -> new Panel(1.0, 0.019);      // structural glass floor panel
            case ICE -> new Panel(2.0, 0.1);          // a frozen sheet
            case PLASTIC, RESIN -> new Panel(0.5, 0.01);     // plastic deck panel
            // soft covering: modes mostly below 20 Hz (a floor of feathers or balloons sounds as one)
            case RUBBER, CARPET, FOAM, CORK, FEATHER, BALLOON, HELIUM -> new Panel(0.5, 0.01);
            case CARDBOARD, PAPER -> new Panel(0.5, 0.005);
            case SAND, GRASS, CLAY, FRUIT -> new Panel(1.0, 0.1); // loose ground, heavily damped
        };
    }

    /** A wall's panel, by material. */
    static Panel wall(Material m) {
        return switch (m) {
            case STONE, MARBLE, GRANITE, CONCRETE, BRICK, SAND, GRASS, CLAY, FRUIT, CLOTH -> new Panel(3.0, 0.2); // masonry span
            case CERAMIC, PORCELAIN -> new Panel(0.3, 0.01); // wall tile
            case WOOD, OAK, PINE, MAPLE -> new Panel(0.6, 0.012); // panelling on studs at 600 mm
            case STEEL, CHROME, IRON, COPPER, GOLD, ALUMINIUM -> new Panel(1.0, 0.003); // sheet-metal panel
            case GLASS -> new Panel(1.0, 0.006);      // a window pane
            case ICE -> new Panel(2.0, 0.1);
            case PLASTIC, RESIN -> new Panel(0.6, 0.006);
            case RUBBER, CARPET, FOAM, CORK, CARDBOARD, PAPER, FEATHER, BALLOON, HELIUM -> new Panel(0.6, 0.01);
        };
    }

    /** Mass of one panel, kg: what a strike has to set moving. */
    double mass(Material m) { return m.density * thickness * span * span; }

    /** Area of one panel, m^2 (one face radiates into the room). */
    double area() { return span * span; }
}
