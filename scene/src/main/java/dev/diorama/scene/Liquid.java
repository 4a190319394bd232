package dev.diorama.scene;

import java.util.Locale;

/**
 * A body of liquid in a scene: water, oil or honey, simulated as particles (the {@code fluid}
 * module's DFSPH solver) together with the rigid bodies, which it pushes and which push it.
 *
 * <p>The liquid starts either as the box {@code [min, max]} (world coordinates, metres) less
 * whatever solid occupies it, or as the inside of a hollow object ({@code in}: a tank, a glass, a
 * bowl, a jug) filled to {@code level} metres above the inside of its floor, or not at all when it is
 * only poured or rained. A pour or rain may come with either.
 *
 * @param id       unique among the scene's liquids
 * @param kind     {@code water}, {@code oil} or {@code honey} (density, viscosity and surface
 *                 tension from the fluid module's presets; the picture's index of refraction and
 *                 colour from {@link #refractiveIndex()} and {@link #tint()})
 * @param min      lower corner of the liquid at the start, or null for a pour into nothing
 * @param max      upper corner, or null
 * @param in       the id of the hollow object the liquid fills, or null
 * @param level    with {@code in}: the liquid's depth above the inside of the object's floor, m
 * @param pour     a stream that adds liquid while the film runs, or null
 * @param rain     drops that fall on a rectangle while the film runs, or null
 * @param spacing  particle spacing, metres, in [{@value #MIN_SPACING}, {@value #MAX_SPACING}]:
 *                 finer is smoother and slower (the solver's cost grows as 1/spacing^3)
 */
public record Liquid(String id, String kind, Vec3 min, Vec3 max, String in, double level, Pour pour, Rain rain,
                     double spacing) {
    public static final double MIN_SPACING = 0.002, MAX_SPACING = 0.05;
    /** Spacing when the scene does not give one, metres. */
    public static final double DEFAULT_SPACING = 0.01;
    /** The most particles a scene's liquids may start with or pour (about 1.2 GiB of solver state per million). */
    public static final long MAX_PARTICLES = 1_000_000;

    /**
     * A stream of liquid from a round opening.
     *
     * @param from     centre of the opening, m
     * @param velocity the stream's velocity as it leaves, m/s (its direction is the stream's)
     * @param radius   the opening's radius, m
     * @param start    when it starts, s
     * @param end      when it stops, s
     */
    public record Pour(Vec3 from, Vec3 velocity, double radius, double start, double end) {
        public Pour {
            SceneException.check(from != null, "/from", "expected the stream's origin [x, y, z] in metres");
            SceneException.check(velocity != null && velocity.length() > 0.05 && velocity.length() <= 20, "/velocity",
                    "expected the stream's velocity [x, y, z] in m/s, between 0.05 and 20 m/s");
            SceneException.check(Double.isFinite(radius) && radius >= 0.002 && radius <= 0.2, "/radius",
                    "expected the opening's radius in metres, in [0.002, 0.2]");
            SceneException.check(Double.isFinite(start) && start >= 0, "/start", "expected a start time >= 0 s");
            SceneException.check(Double.isFinite(end) && end > start, "/end", "expected an end time after the start (" + start + " s)");
        }

        /** Volume poured, m^3 (the opening's area times the speed times the time it runs). */
        public double volume() {
            return Math.PI * radius * radius * velocity.length() * (end - start);
        }
    }

    /**
     * Rain: drops falling on the rectangle [x0, x1] × [z0, z1] from {@code height} metres, released
     * at random places and times (seeded by the scene's seed) at the rate the intensity gives over the
     * rectangle, each starting straight down at 4 m/s (a drop of 1-3 mm falls at 4-8 m/s when it
     * lands; gravity adds the rest on the way).
     *
     * @param x0        west edge, m
     * @param x1        east edge, m
     * @param z0        north edge, m
     * @param z1        south edge, m
     * @param height    where the drops appear, m above the floor
     * @param intensity mm of water an hour (light rain 1-2, moderate 2.5-7.5, heavy 8-50, a cloudburst 100;
     *                  rain from words is scaled above these, see {@link #MAX_INTENSITY})
     * @param start     s
     * @param end       s
     */
    public record Rain(double x0, double x1, double z0, double z1, double height, double intensity, double start, double end) {
        public static final double DROP_SPEED = 4;
        /**
         * The most intense rain a scene may have, mm an hour: far above any real rain (the record is
         * about 300), because a scene's drop is one particle, 30 to 1,000 times a real drop's water,
         * and rain made from words is scaled so that its drops fall as often as real ones would
         * (the prompt module's Liquids: the scene's intensity is the real one times the particle's
         * volume over a 2 mm drop's).
         */
        public static final double MAX_INTENSITY = 20_000;

        public Rain {
            SceneException.check(Double.isFinite(x0) && Double.isFinite(x1) && x1 > x0, "/x1", "expected an east edge x1 greater than x0");
            SceneException.check(Double.isFinite(z0) && Double.isFinite(z1) && z1 > z0, "/z1", "expected a south edge z1 greater than z0");
            SceneException.check(Double.isFinite(height) && height > 0 && height <= 20, "/height", "expected a height in (0, 20] m");
            SceneException.check(Double.isFinite(intensity) && intensity > 0 && intensity <= MAX_INTENSITY, "/intensity",
                    "expected an intensity in (0, " + (int) MAX_INTENSITY + "] mm an hour (heavy rain is 8-50)");
            SceneException.check(Double.isFinite(start) && start >= 0, "/start", "expected a start time >= 0 s");
            SceneException.check(Double.isFinite(end) && end > start, "/end", "expected an end time after the start (" + start + " s)");
        }

        /** Volume of water that falls, m^3. */
        public double volume() {
            return intensity / 1000 / 3600 * (x1 - x0) * (z1 - z0) * (end - start);
        }
    }

    public Liquid {
        SceneException.check(id != null && !id.isBlank(), "/id", "expected a name for the liquid");
        SceneException.check(kind != null && KINDS.contains(kind), "/kind",
                "expected water, oil or honey, found \"" + kind + "\"");
        SceneException.check((min == null) == (max == null), min == null ? "/min" : "/max",
                "expected both corners of the liquid's box, min and max, or neither");
        SceneException.check(min == null || in == null, "/in",
                "expected either a box of liquid (min and max) or an object it fills (in), not both");
        SceneException.check(min != null || in != null || pour != null || rain != null, "",
                "expected a box of liquid (min and max), an object it fills (in and level), a pour or rain");
        if (in != null) {
            SceneException.check(Double.isFinite(level) && level > 0 && level <= SceneObject.MAX_SIZE, "/level",
                    "expected the liquid's depth in " + in + " in metres, greater than 0");
        }
        if (min != null) {
            SceneException.check(max.x() > min.x() && max.y() > min.y() && max.z() > min.z(), "/max",
                    "expected a corner above min (" + min.x() + ", " + min.y() + ", " + min.z() + ") on every axis");
            SceneException.check(min.y() >= -1e-9, "/min", "expected the liquid to start above the floor (y >= 0)");
            for (int a = 0; a < 3; a++) {
                SceneException.check(Math.abs(min.get(a)) <= SceneObject.MAX_COORDINATE && Math.abs(max.get(a)) <= SceneObject.MAX_COORDINATE,
                        "/min", "expected coordinates within " + SceneObject.MAX_COORDINATE + " m");
            }
        }
        if (spacing == 0) spacing = DEFAULT_SPACING;
        SceneException.check(Double.isFinite(spacing) && spacing >= MIN_SPACING && spacing <= MAX_SPACING, "/spacing",
                "expected a particle spacing in metres in [" + MIN_SPACING + ", " + MAX_SPACING + "]");
        long particles = particles(min, max, pour, rain, spacing);
        // (a filled object's share is counted by the scene, which knows the object's size)
        SceneException.check(particles <= MAX_PARTICLES, "/spacing", "expected at most " + MAX_PARTICLES
                + " particles; this liquid needs about " + particles + " (a larger spacing or less liquid)");
    }

    private static final java.util.List<String> KINDS = java.util.List.of("water", "oil", "honey");

    /** About how many particles the liquid needs besides what fills a holder (the scene adds that): its box, pour and rain. */
    long particles() {
        return particles(min, max, pour, rain, spacing);
    }

    /** About how many particles a box, a pour and rain need: their volume over spacing^3. */
    private static long particles(Vec3 min, Vec3 max, Pour pour, Rain rain, double spacing) {
        double v = 0;
        if (min != null) v += (max.x() - min.x()) * (max.y() - min.y()) * (max.z() - min.z());
        if (pour != null) v += pour.volume();
        if (rain != null) v += rain.volume();
        return (long) Math.ceil(v / (spacing * spacing * spacing));
    }

    /**
     * Rest density of a liquid kind, kg/m^3: water 998.2 (20 degC), olive oil 911, honey 1420 (the
     * fluid solver's presets, dev.diorama.fluid.Liquid, which sim's LiquidKindsTest holds it to).
     */
    public static double density(String kind) {
        return switch (kind) {
            case "oil" -> 911;
            case "honey" -> 1420;
            case "water" -> 998.2;
            default -> throw new IllegalArgumentException("unknown liquid '" + kind + "' (expected water, oil or honey)");
        };
    }

    /** Index of refraction at visible wavelengths (water 1.333, olive oil 1.47, honey 1.50). */
    public double refractiveIndex() {
        return switch (kind) {
            case "oil" -> 1.47;
            case "honey" -> 1.50;
            default -> 1.333;
        };
    }

    /**
     * What is left of white light after 10 cm of the liquid, linear RGB: clear water loses a little
     * red (its absorption coefficient is about 0.35 /m at 650 nm and 0.02-0.05 /m in the green and
     * blue); olive oil is a pale yellow-green; honey a deep amber.
     */
    public Rgb tint() {
        return switch (kind) {
            case "oil" -> new Rgb(0.85, 0.80, 0.35);
            case "honey" -> new Rgb(0.70, 0.35, 0.05);
            default -> new Rgb(0.966, 0.995, 0.998);
        };
    }

    /** As the canonical constructor, without rain. */
    public Liquid(String id, String kind, Vec3 min, Vec3 max, String in, double level, Pour pour, double spacing) {
        this(id, kind, min, max, in, level, pour, null, spacing);
    }

    /** The liquid's name for messages: "the water", "the honey". */
    public String describe() {
        return "the " + kind.toLowerCase(Locale.ROOT) + " \"" + id + "\"";
    }
}
