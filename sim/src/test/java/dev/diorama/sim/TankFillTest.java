package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.Solids;
import dev.diorama.scene.Vec3;
import org.junit.jupiter.api.Test;

/**
 * A tank filled by its "in" and "level" starts with the water asked for, whatever its length: the
 * first layer of particles stands exactly at the clearance from the glass, and rounding once put
 * every point of it "inside" the floor, so a 60 cm tank (the prompt's "a tank of water") had none.
 */
class TankFillTest {
    @Test
    void aLongTankStartsWithItsWater() {
        Scene scene = SceneJson.read("""
                {"seconds": 0.05, "size": "320x180", "seed": 1,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.6, 0.25, 0.2],
                              "position": [0, 0.125, 0], "fixed": true}],
                 "liquids": [{"id": "water", "kind": "water", "in": "tank", "level": 0.12, "spacing": 0.01}]}
                """);
        LiquidFrame first = Simulator.run(scene).frames().getFirst().liquids().getFirst();
        Vec3 s = scene.object("tank").size();
        double t = Solids.tankWall(s);
        double asked = (s.x() - 2 * t) * (s.z() - 2 * t) * 0.12;
        // The particles stand a clearance off the glass, so a little less than the inside's volume.
        assertEquals(asked, first.volume(), 0.15 * asked, first.count() + " particles");
    }
}
