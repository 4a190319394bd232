package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The scene's table of liquid densities (what the words judge floating by) is the solver's. */
class LiquidKindsTest {
    @Test
    void theScenesDensitiesAreTheSolversPresets() {
        for (String kind : new String[] {"water", "oil", "honey"}) {
            assertEquals(dev.diorama.fluid.Liquid.preset(kind).density(), dev.diorama.scene.Liquid.density(kind), 0, kind);
        }
    }
}
