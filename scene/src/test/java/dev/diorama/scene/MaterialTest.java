package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaterialTest {
    @Test
    void everyMaterialHasPhysicalValues() {
        assertTrue(Material.values().length >= 20, "at least twenty materials");
        for (Material m : Material.values()) {
            String n = m.jsonName();
            // A balloon is its gas and its skin taken as one body, lighter than any solid.
            boolean balloon = m == Material.BALLOON || m == Material.HELIUM;
            assertTrue(m.density >= (balloon ? 0.1 : 10) && m.density <= 22_000, n + " density in kg/m^3");
            assertTrue(m.restitution > 0 && m.restitution <= 1, n + " restitution");
            assertTrue(m.friction > 0 && m.friction <= 1.5, n + " friction");
            assertTrue(m.youngsModulus >= 1e5 && m.youngsModulus <= 500e9, n + " Young's modulus in Pa");
            assertTrue(m.poisson > 0 && m.poisson < 0.5, n + " Poisson's ratio below 1/2");
            assertTrue(m.lossFactor > 0 && m.lossFactor <= 1, n + " loss factor");
            assertTrue(m.roughness >= 0 && m.roughness <= 1, n + " roughness");
            assertTrue(m.ior > 0, n + " index");
            assertEquals(m, Material.fromJson(n), n + " reads back from its JSON name");
        }
    }

    @Test
    void shearWavesTravelAtTheirHandbookSpeeds() {
        // Handbook shear-wave speeds: steel about 3200 m/s, aluminium 3100, copper 2300, gold 1200.
        assertEquals(3200, Material.STEEL.shearWaveSpeed(), 150);
        assertEquals(3100, Material.ALUMINIUM.shearWaveSpeed(), 150);
        assertEquals(2250, Material.COPPER.shearWaveSpeed(), 150);
        assertEquals(1200, Material.GOLD.shearWaveSpeed(), 100);
    }

    @Test
    void materialsKeepTheirRelativeCharacter() {
        assertTrue(Material.ICE.friction < Material.STEEL.friction / 5, "ice is slippery");
        assertTrue(Material.GOLD.density > Material.COPPER.density && Material.COPPER.density > Material.IRON.density);
        assertTrue(Material.FOAM.density < Material.CARDBOARD.density && Material.CARDBOARD.density < Material.PINE.density);
        assertTrue(Material.CLAY.restitution < Material.RUBBER.restitution / 5, "clay lands dead");
        // Earth's air is 1.204 kg/m^3: an air-filled balloon sinks in it, a helium one rises.
        assertTrue(Material.BALLOON.density > Environment.EARTH_AIR_DENSITY, "a balloon of air sinks in air");
        assertTrue(Material.HELIUM.density < Environment.EARTH_AIR_DENSITY / 2, "a helium balloon rises");
        assertTrue(Material.CORK.density < Material.PINE.density / 2, "cork floats higher than pine");
        assertTrue(Material.CORK.poisson < 0.1, "cork barely bulges");
        assertTrue(Material.PORCELAIN.lossFactor < Material.CERAMIC.lossFactor, "porcelain rings longer than stoneware");
        assertTrue(Material.IRON.lossFactor > Material.STEEL.lossFactor, "cast iron is deader than steel");
        for (Material metal : new Material[] {Material.IRON, Material.COPPER, Material.GOLD, Material.ALUMINIUM}) {
            assertTrue(metal.metallic, metal + " is a conductor");
        }
        assertTrue(Material.ICE.transparent && Material.ICE.ior < Material.GLASS.ior);
    }
}
