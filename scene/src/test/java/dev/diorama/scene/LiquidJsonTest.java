package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A scene's liquids in JSON: written and read back, left out of dry scenes, and bad ones named. */
class LiquidJsonTest {
    static final String TANK = """
            {"id": "tank", "shape": "tank", "material": "glass", "size": [0.4, 0.2, 0.2], "position": [0, 0.1, 0], "fixed": true}""";
    static final String CUBE = """
            {"id": "cube", "shape": "cube", "material": "wood", "size": 0.1, "position": [0, 0.5, 0]}""";

    @Test
    void liquidsAreWrittenAndReadBack() {
        String json = "{\"objects\": [" + TANK + ", " + CUBE + "], \"liquids\": ["
                + "{\"id\": \"water\", \"kind\": \"water\", \"in\": \"tank\", \"level\": 0.12, \"spacing\": 0.008},"
                + "{\"id\": \"honey\", \"kind\": \"honey\", \"min\": [0.3, 0, 0.3], \"max\": [0.4, 0.1, 0.4],"
                + " \"pour\": {\"from\": [0.35, 0.5, 0.35], \"velocity\": [0, -0.5, 0], \"radius\": 0.004, \"start\": 0.5, \"end\": 2}},"
                + "{\"id\": \"rain\", \"rain\": {\"x0\": -1, \"x1\": 1, \"z0\": -0.5, \"z1\": 0.5, \"height\": 2, \"intensity\": 10, \"end\": 3}}]}";
        Scene s = SceneJson.read(json);
        assertEquals(3, s.liquids().size());
        // 10 mm an hour on 2 m^2 for 3 s: 16.7 ml.
        assertEquals(10.0 / 1000 / 3600 * 2 * 3, s.liquid("rain").rain().volume(), 1e-12);
        Liquid water = s.liquid("water");
        assertEquals("tank", water.in());
        assertEquals(0.12, water.level());
        assertEquals(0.008, water.spacing());
        Liquid honey = s.liquid("honey");
        assertEquals(Liquid.DEFAULT_SPACING, honey.spacing(), "the default spacing");
        assertEquals(Math.PI * 0.004 * 0.004 * 0.5 * 1.5, honey.pour().volume(), 1e-12);
        Scene back = SceneJson.read(SceneJson.write(s));
        assertEquals(s, back);
        assertEquals(SceneJson.write(s), SceneJson.write(back));
    }

    @Test
    void aDrySceneWritesNoLiquids() {
        Scene s = SceneJson.read("{\"objects\": [" + CUBE + "]}");
        assertTrue(s.liquids().isEmpty());
        assertFalse(SceneJson.write(s).contains("liquids"));
    }

    @Test
    void aTankIsAHollowBoxOfGlassWalls() {
        Vec3 size = new Vec3(0.6, 0.3, 0.3);
        double t = Solids.tankWall(size);
        assertEquals(0.015, t, 1e-12);
        assertTrue(Shape.TANK.hollow());
        assertEquals(0.3 - t, Solids.cavityDepth(Shape.TANK, size), 1e-12);
        // The glass: a floor and four walls that do not overlap.
        double glass = 0.6 * 0.3 * t + 2 * t * (0.3 - t) * 0.3 + 2 * (0.6 - 2 * t) * (0.3 - t) * t;
        assertEquals(glass, Solids.volume(Shape.TANK, size, null), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"kind\": \"milk\", \"min\": [0, 0, 0], \"max\": [0.1, 0.1, 0.1]}|/liquids/0/kind|water, oil or honey",
        "{\"kind\": \"water\"}|/liquids/0|a box of liquid (min and max), an object it fills (in and level), a pour or rain",
        "{\"min\": [0, 0, 0]}|/liquids/0/max|both corners",
        "{\"min\": [0, 0, 0], \"max\": [0.1, -0.1, 0.1]}|/liquids/0/max|above min",
        "{\"in\": \"cube\", \"level\": 0.05}|/liquids/0/in|hollow object",
        "{\"in\": \"tank\", \"level\": 0.5}|/liquids/0/level|at most 0.19 m",
        "{\"in\": \"tank\"}|/liquids/0/level|required field is missing",
        "{\"in\": \"tank\", \"level\": 0.1, \"spacing\": 0.0005}|/liquids/0/spacing|[0.002, 0.05]",
        "{\"min\": [-5, 0, -5], \"max\": [5, 1, 5], \"spacing\": 0.005}|/liquids/0/spacing|at most 1000000 particles",
        "{\"pour\": {\"from\": [0, 1, 0], \"velocity\": [0, 0, 0], \"radius\": 0.01, \"end\": 1}}|/liquids/0/pour/velocity|between 0.05 and 20 m/s",
        "{\"pour\": {\"from\": [0, 1, 0], \"velocity\": [0, -1, 0], \"radius\": 0.01, \"start\": 2, \"end\": 1}}|/liquids/0/pour/end|after the start",
        "{\"colour\": \"blue\", \"min\": [0, 0, 0], \"max\": [0.1, 0.1, 0.1]}|/liquids/0/colour|unknown field",
        "{\"rain\": {\"x0\": 1, \"x1\": 0, \"z0\": 0, \"z1\": 1, \"height\": 1, \"intensity\": 5, \"end\": 1}}|/liquids/0/rain/x1|greater than x0",
        "{\"rain\": {\"x0\": 0, \"x1\": 1, \"z0\": 0, \"z1\": 1, \"height\": 1, \"intensity\": 25000, \"end\": 1}}|/liquids/0/rain/intensity|(0, 20000] mm an hour",
    })
    void aBadLiquidNamesItsFieldAndWhatWasExpected(String liquid, String pointer, String expected) {
        String json = "{\"objects\": [" + TANK + ", " + CUBE + "], \"liquids\": [" + liquid + "]}";
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.read(json));
        assertEquals(pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
