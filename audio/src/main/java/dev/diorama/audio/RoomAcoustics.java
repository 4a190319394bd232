package dev.diorama.audio;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.Objects;

/**
 * A shoebox room as sound sees it: its size and what its six surfaces are made of, and the
 * reverberation time that statistical room acoustics predicts for it.
 *
 * <p>Coordinates are the scene's: the floor is y = 0, the room spans x in [-w/2, w/2], y in [0, h],
 * z in [-d/2, d/2]. In band b, with V the volume, S the total surface, S_i and alpha_i each
 * surface's area and absorption coefficient and m_b the air's energy attenuation per metre
 * ({@link AirAbsorption}):
 * <pre>
 *   mean absorption   a_b = sum_i S_i alpha_i / S
 *   Sabine            T_b = 24 ln(10) V / (c (S a_b + 4 m_b V))
 *   Eyring            T_b = 24 ln(10) V / (c (-S ln(1 - a_b) + 4 m_b V))
 * </pre>
 * with c = 343 m/s, so 24 ln(10) / c = 0.1611 s/m: REFERENCE.md's 0.161 V / (S a). The 4mV term,
 * the air's own absorption, matters only in large rooms and at high frequencies. Eyring is the
 * shorter of the two and the better when absorption is high; they agree when it is low.
 *
 * <p>Eyring's formula is also what the image-source model converges to in a diffuse room: after
 * time t a ray has met about c t S / (4 V) walls, each keeping 1 - a of its energy. The late
 * reverberation of {@link RoomImpulseResponse} is synthesised with that decay.
 *
 * @param size     width (x), height (y), depth (z), metres
 * @param floor    the floor's surface
 * @param walls    the four walls' surface
 * @param ceiling  the ceiling's surface
 */
public record RoomAcoustics(Vec3 size, Surface floor, Surface walls, Surface ceiling) {
    /** Speed of sound, m/s (air at 20 °C). */
    public static final double SPEED_OF_SOUND = 343;

    public RoomAcoustics {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(walls, "walls");
        Objects.requireNonNull(ceiling, "ceiling");
        if (!(size.x() > 0 && size.y() > 0 && size.z() > 0) || !Double.isFinite(size.x() + size.y() + size.z())) {
            throw new IllegalArgumentException("expected a room with positive finite extents, got " + size);
        }
    }

    /** The room of an indoor scene (null outdoors): its floor, walls and ceiling as {@link Surface}s. */
    public static RoomAcoustics of(Scene scene) {
        Environment env = scene.environment();
        Room room = env.room();
        if (env.kind() != Environment.Kind.INDOOR || room == null) return null;
        return new RoomAcoustics(room.size(), Surface.floorOf(env.floor()), Surface.wallOf(room.walls()),
                Surface.wallOf(room.ceiling()));
    }

    public double width() { return size.x(); }
    public double height() { return size.y(); }
    public double depth() { return size.z(); }

    /** Volume, m³. */
    public double volume() { return size.x() * size.y() * size.z(); }

    /** Floor area (also the ceiling's), m². */
    public double floorArea() { return size.x() * size.z(); }

    /** Area of the four walls together, m². */
    public double wallArea() { return 2 * (size.x() + size.z()) * size.y(); }

    /** Total surface, m². */
    public double surface() { return 2 * floorArea() + wallArea(); }

    /** Absorption area S_i alpha_i summed over the surfaces in band b, m² (sabins). */
    public double absorptionArea(int band) {
        return floorArea() * (floor.absorption(band) + ceiling.absorption(band)) + wallArea() * walls.absorption(band);
    }

    /** Area-weighted mean absorption coefficient in band b. */
    public double meanAbsorption(int band) { return absorptionArea(band) / surface(); }

    /** Sabine's reverberation time in band b, seconds, with the air's absorption. */
    public double sabine(int band) {
        return 24 * Math.log(10) * volume() / (SPEED_OF_SOUND * (absorptionArea(band) + airTerm(band)));
    }

    /** Eyring's reverberation time in band b, seconds, with the air's absorption. */
    public double eyring(int band) {
        return 24 * Math.log(10) * volume()
                / (SPEED_OF_SOUND * (-surface() * Math.log(1 - meanAbsorption(band)) + airTerm(band)));
    }

    /** The mean of bands 500 Hz and 1 kHz (ISO 3382's "mid" value) of a per-band quantity. */
    public static double mid(double band500, double band1000) { return (band500 + band1000) / 2; }

    /** 4 m V in band b, m²: the air's absorption area. */
    private double airTerm(int band) {
        return 4 * AirAbsorption.energyCoefficient(OctaveBands.centre(band)) * volume();
    }

    /**
     * Energy decay rate of the diffuse field in band b, 1/s, by Eyring: the energy falls as
     * exp(-rate t), and rate = 6 ln(10) / T_Eyring.
     */
    double eyringDecayRate(int band) { return 6 * Math.log(10) / eyring(band); }

    /** The point moved inside the room, at least {@code margin} metres from every surface. */
    public Vec3 inside(Vec3 p, double margin) {
        double hx = size.x() / 2 - margin, hz = size.z() / 2 - margin;
        double mx = Math.max(0, hx), mz = Math.max(0, hz);
        double lowY = Math.min(margin, size.y() / 2), highY = Math.max(lowY, size.y() - margin);
        return new Vec3(Math.max(-mx, Math.min(mx, p.x())), Math.max(lowY, Math.min(highY, p.y())),
                Math.max(-mz, Math.min(mz, p.z())));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f x %.1f x %.1f m room, %s floor, %s walls, %s ceiling",
                size.x(), size.y(), size.z(), floor.words, walls.words, ceiling.words);
    }
}
