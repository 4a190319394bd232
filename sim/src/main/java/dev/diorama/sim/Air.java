package dev.diorama.sim;

import dev.diorama.scene.Quat;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;

/**
 * What the air does to a body moving through it: it holds it up by the weight of the air it
 * displaces (Archimedes), it resists it by drag, and it must be pushed aside with it (added mass).
 * A steel ball dropped 1 m feels none of this to a part in a thousand; a ping-pong ball stops
 * speeding up near 9 m/s, a feather near 1 m/s, and a helium balloon rises.
 *
 * <p>For a body of mass m and volume V (a hollow ball's whole sphere) in air of density rho at rest, with drag coefficient C_d and
 * area A seen along its velocity v:
 * <pre>
 *   (m + m_a) dv/dt = (m - rho V) g - 1/2 rho C_d A |v - w| (v - w),      m_a = 1/2 rho V
 * </pre>
 * where w is the wind (the air's velocity outdoors; still air indoors).
 * The drag is stepped exactly for a step of pure quadratic drag, u' = u / (1 + k |u| dt) with u = v - w and
 * k = rho C_d A / (2 (m + m_a)), so that no step, however light the body, reverses it. Gravity is
 * the physics engine's own; this gives the body the force that turns its m g into the line above.
 * The drag is taken on the velocity before the step's weight acts, so a body falls at
 * (1 + k u dt)^1/2 of its terminal speed u: 0.2 % fast for a foam ball, 2 % for a feather in
 * Earth's air, 13 % for one in Venus's, at 240 steps a second. Solving the step backward in the
 * velocity with the weight in it (exact at the terminal speed) was tried and not kept: it moved a
 * steel ball's fall by 10^-5 m/s, and that alone tipped LiquidSceneTest's puddle, a start that sits
 * on an instability of the liquid's coupling, into throwing two thirds of its water out (sim/README.md).
 *
 * <p>The drag coefficient of a ball follows its Reynolds number Re = rho |v| D / mu (Clift and
 * Gauvin 1970's fit to the standard drag curve: 24/Re (1 + 0.15 Re^0.687) + 0.42 / (1 + 42500
 * Re^-1.16), within 6 % of it up to Re = 3 x 10^5: 0.44-0.47 for a ping-pong ball falling at a few
 * m/s); other shapes are bluff bodies with 1.05, a cube's face on. The area is the body's shadow
 * along its velocity as it is turned: a box's faces projected, a round body's cylinder (a cone, a
 * cup, a bottle: the cylinder that holds it), a ball's disc. Air turns nothing: there is no drag
 * torque, and a falling sheet does not flutter. Under water a body feels the liquid (the fluid
 * solver) and the air alike; the air's part is then a thousandth of it.
 */
final class Air {
    /** Dynamic viscosity of air at 20 degrees C, Pa s (the thinner air of Mars is given the same). */
    static final double VISCOSITY = 1.81e-5;
    /** Drag coefficient of a body that is not a ball: a cube face on (a flat plate broadside is 1.17). */
    static final double BLUFF_DRAG = 1.05;
    /** Added mass of a body over the air it displaces: a sphere's (1/2). */
    static final double ADDED_MASS = 0.5;

    private Air() {}

    /** The drag coefficient of a ball at Reynolds number {@code re} (Clift and Gauvin 1970). */
    static double ballDrag(double re) {
        if (re <= 0) return 0;
        return 24 / re * (1 + 0.15 * Math.pow(re, 0.687)) + 0.42 / (1 + 42500 * Math.pow(re, -1.16));
    }

    /**
     * The area the object shows along the unit direction {@code u} (world axes) when turned by
     * {@code r}, m^2: a ball's disc, a round shape's holding cylinder, else its box.
     */
    static double shadowArea(SceneObject o, Quat r, Vec3 u) {
        Vec3 s = o.size();
        if (o.shape() == Shape.BALL) return Math.PI * s.x() * s.x() / 4;
        Vec3 local = r.conjugate().rotate(u);
        double ax = Math.abs(local.x()), ay = Math.abs(local.y()), az = Math.abs(local.z());
        if (o.shape().round()) {
            double radius = Math.max(s.x(), s.z()) / 2;
            return Math.PI * radius * radius * ay + 2 * radius * s.y() * Math.sqrt(Math.max(0, 1 - ay * ay));
        }
        return s.y() * s.z() * ax + s.x() * s.z() * ay + s.x() * s.y() * az;
    }

    /**
     * The force to add to the engine's m g for one step of {@code dt}, N, world axes, written to
     * {@code out}: the object {@code o}, of mass {@code m} and volume {@code volume} (what it takes
     * from the air, {@link SceneObject#enclosedVolume}: a hollow ball's whole sphere, a feather's
     * keratin; read once),
     * turned by {@code r} and moving at {@code v} in air of density {@code rho} that moves at
     * {@code wind}, where gravity is {@code g} m/s^2 downwards (y up).
     */
    static void force(SceneObject o, double m, double volume, Quat r, Vec3 v, Vec3 wind, double rho, double g, double dt,
                      double[] out) {
        double added = ADDED_MASS * rho * volume, inertial = m + added;
        // Archimedes, and the part of the weight that must also move the displaced air.
        double up = m * g * (rho * volume + added) / inertial;
        // The drag goes against the body's velocity through the air: the wind's velocity taken off.
        v = v.minus(wind);
        double speed = v.length();
        double dvx = 0, dvy = 0, dvz = 0;
        if (speed > 0) {
            Vec3 u = v.times(1 / speed);
            double cd = o.shape() == Shape.BALL ? ballDrag(rho * speed * o.size().x() / VISCOSITY) : BLUFF_DRAG;
            double k = rho * cd * shadowArea(o, r, u) / (2 * inertial);
            double after = speed / (1 + k * speed * dt);
            dvx = u.x() * (after - speed);
            dvy = u.y() * (after - speed);
            dvz = u.z() * (after - speed);
        }
        out[0] = m * dvx / dt;
        out[1] = m * dvy / dt + up;
        out[2] = m * dvz / dt;
    }
}
