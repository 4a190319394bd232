package dev.diorama.audio;

import dev.diorama.scene.Camera;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;

/** Small scenes and events for the tests: a listener 2 m in front of the origin, looking at it. */
final class TestScenes {
    static final double G = 9.81;
    /**
     * The camera: 2 m from the origin (the reference distance), looking along +z. Its right,
     * forward x up, is -x: a source at negative x is on the right of the picture.
     */
    static final Camera CAMERA = new Camera(new Vec3(0, 0, -2), Vec3.ZERO, 50);

    private TestScenes() {}

    static Scene scene(Material floor, SceneObject... objects) {
        return new Scene(7, 60, 24, 320, 180, 0, G, LocalTime.NOON, Environment.outdoor(floor), CAMERA, List.of(objects));
    }

    static SceneObject ball(String id, Material m, double diameter) {
        return new SceneObject(id, Shape.BALL, m, null, new Vec3(diameter, diameter, diameter),
                new Vec3(0, diameter / 2 + 1, 0), null, null);
    }

    static SceneObject shape(String id, Shape shape, Material m, Vec3 size) {
        return new SceneObject(id, shape, m, null, size, new Vec3(0, size.length() + 1, 0), null, null);
    }

    /** An object dropped from height h landing on the floor at {@code point}, at time t. */
    static ContactEvent drop(Scene s, String id, double h, double t, Vec3 point) {
        SceneObject o = s.object(id);
        double v = Math.sqrt(2 * G * h);
        double e = o.material().restitution * s.environment().floor().restitution;
        return new ContactEvent(t, ContactEvent.IMPACT, id, Scene.FLOOR_ID, v, o.mass() * v * (1 + e), point);
    }

    /** Two objects meeting head-on at closing speed v at the origin, time t (the impulse of equal masses, e = product). */
    static ContactEvent collide(Scene s, String a, String b, double v, double t) {
        SceneObject oa = s.object(a), ob = s.object(b);
        double m = 1 / (1 / oa.mass() + 1 / ob.mass());
        double e = oa.material().restitution * ob.material().restitution;
        return new ContactEvent(t, ContactEvent.IMPACT, a, b, v, m * v * (1 + e), Vec3.ZERO);
    }
}
