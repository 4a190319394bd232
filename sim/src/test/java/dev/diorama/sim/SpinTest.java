package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scene object's starting spin, against Newton: what keeps it and what turns it into rolling. */
class SpinTest {
    static final double G = 9.81;

    static Scene scene(SceneObject o, double seconds) {
        return new Scene(5, seconds, 24, 320, 180, 0, G, LocalTime.NOON, Environment.outdoor(Material.WOOD), null, List.of(o));
    }

    @Test
    void aCylinderSpinningAboutItsAxisInFlightKeepsItsSpin() {
        // Thrown up spinning about its symmetry axis (a principal axis): no torque in flight, so the
        // angular velocity stays what it was; it turns by w t, whatever gravity does to its centre.
        double w = 2 * Math.PI * 2;  // two turns a second
        SceneObject o = new SceneObject("can", Shape.CYLINDER, Material.ALUMINIUM, null, new Vec3(0.07, 0.12, 0.07),
                new Vec3(0, 2, 0), null, new Vec3(0, 3, 0)).withSpin(new Vec3(0, w, 0));
        Vec3[] end = new Vec3[1];
        Timeline t = Simulator.run(scene(o, 0.5), f -> { }, e -> end[0] = e.angularVelocities().getFirst());
        assertTrue(t.events().isEmpty(), "it is still in the air");
        assertEquals(w, end[0].y(), w * 1e-3, "the spin after 0.5 s of flight: " + end[0]);
        assertEquals(0, Math.hypot(end[0].x(), end[0].z()), 1e-3, "and about y alone");
        // Over one frame (1/24 s) it turns by w/24 = 30 degrees.
        double turned = t.frames().get(6).poses().getFirst().rotation().turnAbout(new Vec3(0, 1, 0), t.frames().get(7).poses().getFirst().rotation());
        assertEquals(w / 24, turned, 1e-3, "turned in one frame");
    }

    @Test
    void aBallSetDownSpinningSkidsThenRollsAtTwoSeventhsOfItsRimSpeed() {
        // A solid ball spinning backwards about z at w, set on the floor at rest: friction at the
        // contact slows the spin and speeds the ball until it rolls. Friction and the floor's push
        // act at the contact point, gravity through it vertically, so the angular momentum about
        // that point, I w + m v r with I = 2/5 m r^2, is kept: it rolls at v = (2/7) w r. The
        // ball's small rolling resistance (a torque of 0.002 m times its weight, see Simulator)
        // takes about (5/7) 0.002 / (mu r) of that during the skid: 1 % for this 40 cm ball.
        double r = 0.2, w = 10;
        SceneObject o = new SceneObject("ball", Shape.BALL, Material.RUBBER, null, new Vec3(2 * r, 2 * r, 2 * r),
                new Vec3(0, r, 0), null, null).withSpin(new Vec3(0, 0, -w));
        Timeline t = Simulator.run(scene(o, 0.5));
        // Its speed from frame to frame: it rises while the ball skids, then holds (rolling).
        double fastest = 0;
        List<dev.diorama.scene.Keyframe> f = t.frames();
        for (int i = 1; i < f.size(); i++) {
            double dx = f.get(i).poses().getFirst().position().x() - f.get(i - 1).poses().getFirst().position().x();
            fastest = Math.max(fastest, dx * 24);
        }
        double expected = 2.0 / 7 * w * r;  // 0.571 m/s toward +x (spinning clockwise about z rolls it to +x)
        System.out.printf(java.util.Locale.ROOT, "spin to rolling: fastest %.4f m/s, (2/7) w r = %.4f m/s%n", fastest, expected);
        assertEquals(expected, fastest, 0.03 * expected, "its fastest rolling speed");
        double last = (f.getLast().poses().getFirst().position().x() - f.get(f.size() - 2).poses().getFirst().position().x()) * 24;
        double turn = -f.get(f.size() - 2).poses().getFirst().rotation().turnAbout(new Vec3(0, 0, 1), f.getLast().poses().getFirst().rotation()) * 24;
        assertEquals(last / r, turn, 0.03 * last / r, "rolling without slipping at the end: w r = v");
    }

    /**
     * Euler's equations without torque: a cone (6 x 4 cm) spun in weightlessness about no principal
     * axis keeps its angular momentum and its kinetic energy while its angular velocity turns about
     * that momentum. Before the gyroscopic term (Gyroscopic), Bullet kept the angular velocity
     * fixed in the world to the digit, and the angular momentum swung by 40 % of its size in 1 s.
     */
    @Test
    void aBodySpinningAboutNoPrincipalAxisKeepsItsAngularMomentumAndItsEnergy() {
        Vec3 spin = new Vec3(0, 20, 6);
        SceneObject o = new SceneObject("cone", Shape.CONE, Material.WOOD, null, new Vec3(0.06, 0.04, 0.06),
                new Vec3(0, 1, 0), null, null).withSpin(spin);
        Scene weightless = new Scene(5, 1.0, 24, 320, 180, 960, 0, LocalTime.NOON, Environment.outdoor(Material.WOOD), null,
                List.of(o));
        Vec3[] end = new Vec3[1];
        Timeline t = Simulator.run(weightless, f -> { }, e -> end[0] = e.angularVelocities().getFirst());
        Quat q = t.frames().getLast().poses().getFirst().rotation();
        Vec3 moments = dev.diorama.scene.Solids.inertia(Shape.CONE, o.size(), null);
        Vec3 l0 = momentum(Quat.IDENTITY, moments, spin), l1 = momentum(q, moments, end[0]);
        assertEquals(0, l1.minus(l0).length(), 0.005 * l0.length(), "the angular momentum: " + l0 + " -> " + l1);
        assertEquals(spin.dot(l0), end[0].dot(l1), 0.005 * spin.dot(l0), "twice the kinetic energy");
        assertTrue(end[0].minus(spin).length() > 0.1 * spin.length(), "the angular velocity turns: " + spin + " -> " + end[0]);
    }

    /** I w in the world, for principal moments {@code m} along the axes of a body turned by {@code q}. */
    private static Vec3 momentum(Quat q, Vec3 m, Vec3 w) {
        Quat inv = new Quat(-q.x(), -q.y(), -q.z(), q.w());
        Vec3 b = inv.rotate(w);
        return q.rotate(new Vec3(m.x() * b.x(), m.y() * b.y(), m.z() * b.z()));
    }
}
