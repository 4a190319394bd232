package dev.diorama.scene;

/**
 * A sound the liquid makes, taken from the same simulation steps as the contacts: an air bubble
 * caught as the liquid closes over itself ({@link #BUBBLE}, ringing at its Minnaert frequency), or
 * a splash where liquid or a body strikes liquid ({@link #SPLASH}).
 *
 * @param kind   {@link #BUBBLE} or {@link #SPLASH}
 * @param t      film time, s
 * @param point  where, m
 * @param radius a bubble's radius, m (0 for a splash)
 * @param speed  a splash's approach speed, m/s (0 for a bubble)
 * @param volume a splash's volume of liquid, m^3 (0 for a bubble)
 */
public record LiquidSound(String kind, double t, Vec3 point, double radius, double speed, double volume) {
    public static final String BUBBLE = "bubble", SPLASH = "splash";
}
