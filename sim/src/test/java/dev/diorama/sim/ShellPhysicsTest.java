package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import dev.diorama.scene.Timeline;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hollow balls ({@link SceneObject#wall}): they turn as shells do, and weigh what their shells and air weigh. */
class ShellPhysicsTest {
    static final double G = 9.81;

    /**
     * A hollow and a solid steel ball, 10 cm across, roll down a 20 degree ramp side by side, without
     * air resistance: rolling without slipping, v = sqrt(2 g h / (1 + I / m r^2)), with I / m r^2 =
     * 2/5 for the solid ball and, for a 2 mm shell, 2/5 (R^5 - r^5) / (R^2 (R^3 - r^3)) = 0.640 (a
     * thin shell's 2/3); so the solid ball wins, as in every classroom's race. Bullet's rolling
     * resistance takes c g cos(theta) per metre rolled (ShapesPhysicsTest).
     */
    @Test
    void aHollowBallRollsDownARampSlowerThanASolidOneAsItsInertiaSays() {
        SceneObject ramp = ShapesPhysicsTest.ramp(20, Material.WOOD);
        double r = 0.05, wall = 0.002;
        Vec3[] at = ShapesPhysicsTest.onSlope(ramp, 0.1);
        Vec3 start = at[0].plus(at[1].times(r + 1e-4));
        Vec3 side = new Vec3(0, 0, 0.2);
        SceneObject hollow = new SceneObject("hollow", Shape.BALL, Material.STEEL, null, new Vec3(2 * r, 2 * r, 2 * r),
                start.plus(side), null, null).withWall(wall);
        SceneObject solid = new SceneObject("solid", Shape.BALL, Material.STEEL, null, new Vec3(2 * r, 2 * r, 2 * r),
                start.minus(side), null, null);
        int fps = 120;
        Scene s = new Scene(1, 1.2, fps, 320, 180, 960, G, LocalTime.NOON,
                Environment.outdoor(Material.WOOD).withAirDensity(0), null, List.of(ramp, hollow, solid));
        Timeline tl = Simulator.run(s);
        // I / m r^2 of the shell with its sealed air (which adds under 0.1 % to either)
        double k = hollow.shellInertia() / (hollow.mass() * r * r);
        double c = Simulator.rollingArm(r) * Material.WOOD.friction / r, theta = Math.toRadians(20);
        int checked = 0;
        for (int f = 10; f + 1 < tl.frames().size(); f += 10) {
            double hh = start.y() - tl.frames().get(f).poses().get(1).position().y();
            double hs = start.y() - tl.frames().get(f).poses().get(2).position().y();
            if (tl.frames().get(f).poses().get(1).position().x() > ramp.size().x() / 2 - 0.2) break;
            if (hh < 0.05) continue;
            double vh = Math.sqrt(2 * G * (hh - c * Math.cos(theta) * hh / Math.sin(theta)) / (1 + k));
            double vs = Math.sqrt(2 * G * (hs - c * Math.cos(theta) * hs / Math.sin(theta)) / 1.4);
            assertEquals(vh, ShapesPhysicsTest.speed(tl, 1, f, fps), 0.01 * vh, "the hollow ball after " + hh + " m");
            assertEquals(vs, ShapesPhysicsTest.speed(tl, 2, f, fps), 0.01 * vs, "the solid ball after " + hs + " m");
            assertTrue(hs > hh, "the solid ball is ahead");
            checked++;
        }
        System.out.printf("hollow: I / m r^2 = %.4f; after %d checks the solid ball leads%n", k, checked);
        assertEquals(0.640, k, 0.002, "a 2 mm steel shell 10 cm across");
        assertTrue(checked >= 4, "checked " + checked + " frames on the slope");
    }

    /**
     * A ping-pong ball (40 mm, 2.7 g: a shell of 0.46 mm of plastic around its air) dropped from 30 m
     * falls at its terminal speed, sqrt(2 (m - rho V) g / (rho C_d A)) = 8.6 m/s with C_d = 0.47,
     * after about 2 s; a solid plastic ball as big would still be speeding up past 15 m/s.
     */
    @Test
    void aPingPongBallFallsAtItsTerminalSpeed() {
        double d = 0.04, h = 30, rho = Environment.EARTH_AIR_DENSITY;
        SceneObject ball = new SceneObject("ping-pong", Shape.BALL, Material.PLASTIC, null, new Vec3(d, d, d),
                new Vec3(0, h, 0), null, null).withWall(0.00046);
        SceneObject solid = new SceneObject("solid", Shape.BALL, Material.PLASTIC, null, new Vec3(d, d, d),
                new Vec3(1, h, 0), null, null);
        Scene s = new Scene(1, 2.6, 60, 320, 180, 240, G, LocalTime.NOON, Environment.outdoor(Material.WOOD), null,
                List.of(ball, solid));
        Timeline tl = Simulator.run(s);
        double volume = Math.PI / 6 * d * d * d, area = Math.PI * d * d / 4;
        double vt = Math.sqrt(2 * (ball.mass() - rho * volume) * G / (rho * 0.47 * area));
        double speed = (tl.frames().get(120).poses().get(0).position().y() - tl.frames().get(150).poses().get(0).position().y()) / 0.5;
        double solidSpeed = (tl.frames().get(120).poses().get(1).position().y() - tl.frames().get(150).poses().get(1).position().y()) / 0.5;
        System.out.printf("ping-pong ball (%.2f g): %.3f m/s over 2.0-2.5 s against v_t %.3f m/s; solid: %.2f m/s%n",
                1000 * ball.mass(), speed, vt, solidSpeed);
        assertEquals(2.7e-3, ball.mass(), 0.05e-3, "a ping-pong ball's 2.7 g");
        assertEquals(vt, speed, 0.05 * vt, "its terminal speed with the textbook C_d, within 5 %");
        assertTrue(solidSpeed > 15, "a solid plastic ball is far from its own: " + solidSpeed);
    }
}
