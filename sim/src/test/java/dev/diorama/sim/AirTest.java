package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Environment;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The air's part in a fall (Air): checked against the textbook's sphere in air, a balloon's rise
 * and Apollo 15's hammer and feather. Air at 20 degrees C: 1.204 kg/m^3.
 */
class AirTest {
    static final double G = 9.81, RHO = Environment.EARTH_AIR_DENSITY;
    static final int RATE = 240;

    static Scene outdoors(double seconds, double airDensity, SceneObject... objects) {
        Environment env = Environment.outdoor(Material.GRASS);
        env = airDensity == 0 ? env.withAir(false) : env.withAirDensity(airDensity);
        return new Scene(1, seconds, 60, 320, 180, RATE, G, LocalTime.NOON, env, null, List.of(objects));
    }

    static SceneObject ball(String id, Material m, double diameter, double height) {
        return new SceneObject(id, Shape.BALL, m, null, new Vec3(diameter, diameter, diameter),
                new Vec3(0, height, 0), null, null);
    }

    static double y(Keyframe k, int body) { return k.poses().get(body).position().y(); }

    /**
     * A foam ball (30 kg/m^3, 10 cm) dropped from 40 m stops speeding up at the terminal speed of a
     * sphere in air, v_t = sqrt(2 (m - rho V) g / (rho C_d A)) with the textbook C_d = 0.47 (the
     * standard drag curve's plateau between Re = 10^3 and 2 x 10^5; here Re = 5 x 10^4): 8.16 m/s;
     * and on its way its fall follows the closed form of quadratic drag, y0 - (v_t^2 / g')
     * ln cosh(g' t / v_t), g' = g (m - rho V) / (m + rho V / 2).
     */
    @Test
    void aFoamBallFallsAtTheTerminalSpeedOfASphereInAir() {
        double d = 0.1, h = 40;
        Timeline tl = Simulator.run(outdoors(3.1, RHO, ball("foam", Material.FOAM, d, h)));
        double volume = Math.PI / 6 * d * d * d, m = Material.FOAM.density * volume, area = Math.PI * d * d / 4;
        double vt = Math.sqrt(2 * (m - RHO * volume) * G / (RHO * 0.47 * area));
        double gEff = G * (m - RHO * volume) / (m + 0.5 * RHO * volume);
        List<Keyframe> f = tl.frames();
        double speed = (y(f.get(150), 0) - y(f.get(180), 0)) / 0.5;   // between 2.5 and 3.0 s
        System.out.printf("foam ball: %.3f m/s over 2.5-3.0 s against v_t = %.3f m/s%n", speed, vt);
        assertEquals(vt, speed, 0.05 * vt, "the terminal speed of a sphere in air (C_d = 0.47), within 5 %");
        for (int frame : new int[] {30, 60, 120}) {
            double t = frame / 60.0, fallen = h - y(f.get(frame), 0);
            double expected = vt * vt / gEff * Math.log(Math.cosh(gEff * t / vt));
            System.out.printf("  t = %.1f s: fell %.3f m, closed form %.3f m (vacuum %.3f m)%n", t, fallen, expected,
                    G * t * t / 2);
            assertEquals(expected, fallen, 0.03 * expected, "the fall under quadratic drag at " + t + " s, within 3 %");
        }
    }

    /**
     * Dense things hardly feel the air: a 5 cm steel ball dropped from 2 m is held back by the air
     * by what its buoyancy and added mass, 1.5 rho V g over m (a constant 2.3 x 10^-4 g), and its
     * drag, g (v / v_t)^2 with v_t = 95 m/s, give in closed form: 1/2 a t^2 + g^3 t^4 / (12 v_t^2),
     * 1.4 mm after 0.58 s and 1.67 m of fall, a thousandth of it.
     */
    @Test
    void aSteelBallFallsAsInAVacuumButForAMillimetreAndAHalf() {
        double d = 0.05;
        Timeline air = Simulator.run(outdoors(0.6, RHO, ball("steel", Material.STEEL, d, 2)));
        Timeline vacuum = Simulator.run(outdoors(0.6, 0, ball("steel", Material.STEEL, d, 2)));
        Keyframe last = air.frames().getLast();
        double a = y(last, 0), v = y(vacuum.frames().getLast(), 0), t = last.t();
        double volume = Math.PI / 6 * d * d * d, m = Material.STEEL.density * volume, area = Math.PI * d * d / 4;
        double vt2 = 2 * m * G / (RHO * 0.47 * area);
        double expected = 0.5 * G * 1.5 * RHO * volume / (m + 0.5 * RHO * volume) * t * t + G * G * G * Math.pow(t, 4) / (12 * vt2);
        System.out.printf("steel ball at %.4f s: %.5f m in air, %.5f m in a vacuum: %.3f mm, closed form %.3f mm%n", t, a, v,
                1000 * (a - v), 1000 * expected);
        assertEquals(expected, a - v, 0.1 * expected, "the air's hold on a steel ball, within 10 %");
        assertTrue(a - v < 0.001 * (2 - v), "under a thousandth of the fall");
    }

    /**
     * A helium balloon (0.43 kg/m^3 on average, 28 cm) let go rises; its lift (rho V - m) g against
     * the drag of a sphere gives a steady climb of sqrt(2 (rho V - m) g / (rho C_d A)) = 2.24 m/s
     * (C_d 0.47; Re = 4 x 10^4), and it leaves the ground at (rho V - m) g / (m + rho V / 2) =
     * 7.4 m/s^2, not at the 18 m/s^2 a body without the air's added mass would.
     */
    @Test
    void aHeliumBalloonRisesAtTheSpeedItsLiftAndDragBalance() {
        double d = 0.28;
        Timeline tl = Simulator.run(outdoors(2.6, RHO, ball("balloon", Material.HELIUM, d, 1)));
        double volume = Math.PI / 6 * d * d * d, m = Material.HELIUM.density * volume, area = Math.PI * d * d / 4;
        double lift = (RHO * volume - m) * G, climb = Math.sqrt(2 * lift / (RHO * 0.47 * area));
        List<Keyframe> f = tl.frames();
        double speed = (y(f.get(150), 0) - y(f.get(90), 0)) / 1.0;
        // The engine steps the speed before the position: after n steps of dt from rest, a dt^2 n (n + 1) / 2.
        int n = 3 * RATE / 60;
        double accel = 2 * (y(f.get(3), 0) - 1) / (Math.pow(1.0 / RATE, 2) * n * (n + 1));
        double expectedAccel = lift / (m + 0.5 * RHO * volume);
        System.out.printf("helium balloon: climbs %.3f m/s (expected %.3f); starts at %.2f m/s^2 (expected %.2f)%n", speed,
                climb, accel, expectedAccel);
        assertEquals(climb, speed, 0.05 * climb, "the steady climb, within 5 %");
        // Over the first 50 ms the drag has grown to about 5 % of the lift.
        assertEquals(expectedAccel, accel, 0.05 * expectedAccel, "the start, with the air's added mass, within 5 %");
    }

    /**
     * Apollo 15 (David Scott, 2 August 1971): a hammer and a feather let go together on the Moon
     * land together. Here an aluminium block (the hammer's head) and a feather lying flat, both let
     * go with their bottoms 1.6 m up: on the Moon they land in the same physics step, after
     * sqrt(2 h / 1.62) = 1.41 s; in Earth's air the block lands at 0.57 s and the feather, which
     * drifts down near 1 m/s, more than a second after it.
     */
    @Test
    void theHammerAndTheFeatherLandTogetherOnTheMoonAndNotOnEarth() {
        double h = 1.6;
        SceneObject hammer = new SceneObject("hammer", Shape.CUBE, Material.ALUMINIUM, null, new Vec3(0.1, 0.04, 0.04),
                new Vec3(-0.3, h + 0.02, 0), null, null);
        SceneObject feather = new SceneObject("feather", Shape.PLANK, Material.FEATHER, null, new Vec3(0.2, 0.002, 0.04),
                new Vec3(0.3, h + 0.001, 0), null, null);
        Scene earth = outdoors(3.5, RHO, hammer, feather);
        Scene moon = new Scene(1, 2, 60, 320, 180, RATE, 1.62, LocalTime.NOON,
                Environment.outdoor(Material.SAND).withAir(false), null, List.of(hammer, feather));
        double[] onMoon = landings(Simulator.run(moon)), onEarth = landings(Simulator.run(earth));
        System.out.printf("Moon: hammer %.4f s, feather %.4f s; Earth: hammer %.4f s, feather %.4f s%n", onMoon[0], onMoon[1],
                onEarth[0], onEarth[1]);
        assertEquals(onMoon[0], onMoon[1], 1.0 / RATE, "on the Moon they land in the same step");
        assertEquals(Math.sqrt(2 * h / 1.62), onMoon[0], 1.0 / RATE, "after sqrt(2h/g) on the Moon");
        assertEquals(Math.sqrt(2 * h / G), onEarth[0], 2.0 / RATE, "the hammer hardly feels Earth's air");
        assertTrue(onEarth[1] > onEarth[0] + 1, "on Earth the feather lands more than a second after the hammer");
    }

    /** The first time each of the scene's two bodies touches the floor, s. */
    private static double[] landings(Timeline tl) {
        double[] t = {Double.NaN, Double.NaN};
        for (ContactEvent e : tl.events()) {
            if (!e.b().equals(Scene.FLOOR_ID)) continue;
            int i = e.a().equals("hammer") ? 0 : 1;
            if (Double.isNaN(t[i])) t[i] = e.t();
        }
        return t;
    }

    /**
     * A foam cube (10 cm, 30 g) held still in the air and caught by a 5 m/s wind, without gravity so
     * that only the wind acts: its speed through the air u = w - v falls as u0 / (1 + k u0 t), k =
     * rho C_d A / (2 (m + m_a)) (C_d 1.05 face on), and it has gone w t - ln(1 + k w t) / k. The same
     * cube under gravity lands where the wind has carried it; a steel ball dropped beside it hardly
     * moves sideways.
     */
    @Test
    void theWindCarriesALightBodyAsQuadraticDragSays() {
        double side = 0.1, w = 5;
        SceneObject cube = new SceneObject("cube", Shape.CUBE, Material.FOAM, null, new Vec3(side, side, side),
                new Vec3(0, 2, 0), null, null);
        Environment windy = Environment.outdoor(Material.GRASS).withWind(new Vec3(w, 0, 0));
        Timeline tl = Simulator.run(new Scene(1, 2, 60, 320, 180, RATE, 0, LocalTime.NOON, windy, null, List.of(cube)));
        double volume = side * side * side, m = Material.FOAM.density * volume;
        double k = RHO * 1.05 * side * side / (2 * (m + 0.5 * RHO * volume));
        for (int frame : new int[] {30, 60, 119}) {
            double t = frame / 60.0, x = tl.frames().get(frame).poses().getFirst().position().x();
            double expected = w * t - Math.log(1 + k * w * t) / k;
            System.out.printf("wind: foam cube at %.2f s has gone %.4f m, closed form %.4f m%n", t, x, expected);
            assertEquals(expected, x, 0.01 * expected, "carried by the wind at " + t + " s, within 1 %");
        }
        SceneObject steel = ball("steel", Material.STEEL, 0.05, 1.5).withPosition(new Vec3(0, 1.5, 1));
        Timeline fall = Simulator.run(new Scene(1, 0.5, 60, 320, 180, RATE, G, LocalTime.NOON, windy, null, List.of(steel)));
        double drift = fall.frames().getLast().poses().getFirst().position().x();
        System.out.printf("wind: a steel ball drifts %.5f m in 0.5 s%n", drift);
        assertTrue(drift > 0 && drift < 0.005, "a steel ball moves under 5 mm downwind: " + drift);
    }

    /**
     * In Venus's air (65 kg/m^3, g = 8.87 m/s^2) a feather still sinks: what it displaces is its
     * half gram of keratin (1,300 kg/m^3), not its box, which is nearly all air between its barbs.
     * Lying flat it falls at sqrt(2 (m - rho V) g / (rho C_d A)) = 0.124 m/s. At 2,400 steps a
     * second: Air takes the drag before the step's weight, which makes a body fall (1 + k u dt)^1/2
     * of its terminal speed, here 1.014 (at 240 steps a second 1.13: 0.1420 m/s was measured).
     */
    @Test
    void aFeatherSinksEvenInTheThickAirOfVenus() {
        double rho = 65, g = 8.87;
        SceneObject feather = new SceneObject("feather", Shape.PLANK, Material.FEATHER, null, new Vec3(0.2, 0.002, 0.04),
                new Vec3(0, 2, 0), null, null);
        Scene venus = new Scene(1, 2.1, 60, 320, 180, 2400, g, LocalTime.NOON,
                Environment.outdoor(Material.STONE).withAirDensity(rho), null, List.of(feather));
        Timeline tl = Simulator.run(venus);
        double m = feather.mass(), v = feather.mass() / SceneObject.KERATIN_DENSITY;
        double vt = Math.sqrt(2 * (m - rho * v) * g / (rho * 1.05 * 0.2 * 0.04));
        double speed = (y(tl.frames().get(90), 0) - y(tl.frames().get(120), 0)) / 0.5;
        System.out.printf("a feather on Venus sinks at %.4f m/s (v_t %.4f m/s)%n", speed, vt);
        assertEquals(vt, speed, 0.05 * vt, "its terminal speed in Venus's air, within 5 %");
    }
}
