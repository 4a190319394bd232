package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hollow shapes shade themselves: a cup's rim hides its bottom from a low sun; a convex box never shades itself. */
class SelfShadowTest {
    /** A cup 0.4 m across and 0.4 m tall on the floor at the origin, on the equator at the equinox. */
    static Shader at(LocalTime time) {
        SceneObject cup = new SceneObject("cup", Shape.CUP, Material.CERAMIC, null, new Vec3(0.4, 0.4, 0.4),
                new Vec3(0, 0.2, 0), Quat.IDENTITY, null, true, null);
        SceneObject box = new SceneObject("box", Shape.CUBE, Material.PLASTIC, null, new Vec3(0.3, 0.3, 0.3),
                new Vec3(1, 0.15, 0), Quat.IDENTITY, null, true, null);
        Scene scene = TestScenes.equator(64, 64, time, new Camera(new Vec3(0, 2, -1), new Vec3(0, 0, 0), 50), List.of(cup, box));
        return AreaLightTest.shader(scene, new AreaLights[1]);
    }

    @Test
    void aLowSunLeavesTheCupsBottomInTheShadowOfItsRim() {
        // The inner bottom is 0.024 m up; the rim 0.4 m. At 8:00 the sun is about 30 degrees up in the
        // east: a line from the bottom toward it climbs 0.376 m over 0.65 m and meets the east wall,
        // whose inside is at most 0.184 m from the axis. At noon it is nearly overhead.
        Shader morning = at(LocalTime.of(8, 0)), noon = at(LocalTime.of(12, 7));
        morning.keyLight();
        noon.keyLight();
        double bottom = 0.0241;
        assertEquals(0, morning.keyVisibility(0, bottom, 0, 0, 1, 0, 0, 1), "in the rim's shadow");
        assertEquals(0, morning.keyVisibility(0.1, bottom, 0, 0, 1, 0, 0, 1), "in the rim's shadow, east of the axis");
        assertEquals(1, noon.keyVisibility(0, bottom, 0, 0, 1, 0, 0, 1), "lit from above");
        // The inside of the west wall high up sees the sun over the east rim.
        assertEquals(1, morning.keyVisibility(-0.178, 0.36, 0, 1, 0, 0, 0, 1), "the west wall's upper inside");
        // The top of the box, a convex object, is never shaded by the box itself.
        assertEquals(1, morning.keyVisibility(1, 0.3, 0, 0, 1, 0, 1, 1), "the box's top");
    }
}
