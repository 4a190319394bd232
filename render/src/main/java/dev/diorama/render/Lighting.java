package dev.diorama.render;

import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SolarPosition;
import dev.diorama.scene.Vec3;

/**
 * Where the light of a scene comes from, worked out from its place and the sun's position (once
 * per film, or once per frame in a time-lapse): one key light that casts shadows, the ambient light
 * from everything else, and the camera's exposure.
 *
 * <p>Outdoors the key light is the sun, coloured by the {@link Atmosphere} at its elevation; once
 * its disk has set, the moon, dim and bluish, from a fixed direction high in the south-east, so that
 * a night scene stays readable. The ambient light is the sky (whose colour follows the sun, through
 * twilight into night) and the ground reflecting sun and sky. Indoors no sun enters (there are no
 * windows): the key light is a warm-white lamp hanging just under the middle of the ceiling, and the
 * ambient light is what the room's surfaces reflect of it, by the classic integrating-sphere estimate
 * L = rho Phi / (pi A (1 - rho)).
 *
 * <p>Exposure is set from the light, like a camera metering a grey card: a white horizontal surface
 * in the scene's light maps to a fixed film level. Indoors the adaptation is full; outdoors it is
 * partial (the exposure follows the illuminance to the power 0.85), so a sunset is a little darker
 * than noon and a moonlit night about three stops darker, as a film shows them. A time-lapse passes
 * in an exposure adapted over a window of film time instead ({@link AdaptedExposure}).
 */
final class Lighting {
    /** Key-light kinds. */
    static final int DIRECTIONAL = 0, POINT = 1;
    /** Where the moon stands, degrees. */
    static final double MOON_ELEVATION = 35, MOON_AZIMUTH = 135;
    /** Lamp: how far below the ceiling it hangs, its radius (metres), its warm-white colour. */
    static final double LAMP_DROP = 0.3, LAMP_RADIUS = 0.06;
    static final double[] LAMP_COLOUR = {1.0, 0.80, 0.58};
    /** Outdoor exposure follows the light to this power (1: full adaptation). */
    static final double ADAPTATION = 0.85;
    /** Film level of a white horizontal surface in the scene's key and ambient light. */
    static final double WHITE_LEVEL = 0.8;

    final boolean indoor;
    final Sky sky;  // null indoors and under an environment map
    /** The photograph that is the sky, or null. */
    final EnvironmentMap environmentMap;
    /** True when the key light is the moon (the sun has set). */
    final boolean moon;
    final AmbientLight ambient;
    /** Ambient irradiance on an upward-facing surface (the floor), per band. */
    final double[] floorAmbient = new double[3];

    final int keyKind;
    /** Directional: unit vector toward the light. Point: the light's position. */
    final double keyX, keyY, keyZ;
    /** Directional: irradiance facing the light. Point: radiant intensity (irradiance at 1 m). */
    final double[] keyPower = new double[3];
    /** Directional: tangent of the angular radius. Point: radius in metres. */
    final double keySize;
    /** Radiance of the lamp's surface, seen directly or in a mirror. */
    final double[] lampRadiance = new double[3];
    /** What a ray sees indoors where it leaves the room (through a culled wall). */
    final double[] background = new double[3];
    /** Radiance of the uniform indoor ambient light (zero outdoors). */
    final double[] ambientRadiance = new double[3];
    /** Linear radiance to film scale. */
    final double exposure;
    /**
     * Our radiance units per cd/m^2, for emitting surfaces. Outdoors the unit is calibrated on
     * daylight (about 10^5 lux on the ground with the sun 45 degrees high is 1, see
     * {@link Atmosphere}), so a white sheet in that light, about 3 x 10^4 cd/m^2, has radiance 1 / pi:
     * one unit is 10^5 cd/m^2. Indoors the unit is the lamp's intensity, a 1000 lm bulb of about
     * 80 cd, seen at 1 m: one unit of radiance is 80 cd/m^2.
     */
    final double radiancePerNit;
    static final double OUTDOOR_RADIANCE_PER_NIT = 1e-5, INDOOR_RADIANCE_PER_NIT = 1.0 / 80;

    /** Luminance of daylight on a horizontal surface with the sun 45 degrees high (1 by calibration, computed). */
    private static final double DAYLIGHT_45 = luminance(Atmosphere.horizontalDaylight(45));

    /** The light at the start of the film, metered for itself (the scene's photograph read anew, if it has one). */
    Lighting(Scene scene) {
        this(scene, scene.sun(), Double.NaN, scene.environment().environmentMap() == null ? null
                : EnvironmentMap.load(scene.environment().environmentMap()), true);
    }

    /** The light of a scene without a photograph under the sun at {@code sun}; see the full constructor. */
    Lighting(Scene scene, SolarPosition sun, double exposure) {
        this(scene, sun, exposure, null, true);
    }

    /**
     * The light of {@code scene} under the sun at {@code sun} (outdoors; indoors the lamp ignores
     * it), or of the photograph {@code map} when not null (outdoors); {@code exposure} as given, or
     * metered from this light when NaN. Without {@code ground} the photograph's lower half lights
     * the scene too (an object floating in the picture's surroundings, as in a furnace test);
     * otherwise the floor hides it and reflects the light it receives, as outdoors.
     */
    Lighting(Scene scene, SolarPosition sun, double exposure, EnvironmentMap map, boolean ground) {
        Room room = scene.environment().room();
        indoor = room != null;
        environmentMap = indoor ? null : map;
        double[] floorAlbedo = scene.environment().floor().color.linear();
        if (!indoor && environmentMap != null) {
            sky = null;
            moon = false;
            keyKind = DIRECTIONAL;
            keyX = map.keyX;
            keyY = map.keyY;
            keyZ = map.keyZ;
            System.arraycopy(map.keyIrradiance, 0, keyPower, 0, 3);
            keySize = Math.tan(map.keyRadius);
            AmbientLight.Environment picture = (x, y, z, out) -> map.radiance(x, y, z, false, out, 0);
            if (ground) {
                double[] key = {keyPower[0], keyPower[1], keyPower[2], keyY};
                ambient = AmbientLight.projectOverGround(picture, above -> {
                    double[] up = new double[3];
                    above.irradiance(0, 1, 0, up, 0);
                    System.arraycopy(up, 0, floorAmbient, 0, 3);
                    double[] g = new double[3];
                    for (int c = 0; c < 3; c++) g[c] = floorAlbedo[c] * (up[c] + key[c] * Math.max(key[3], 0)) / Math.PI;
                    return g;
                })[1];
            } else {
                ambient = AmbientLight.project(picture);
                ambient.irradiance(0, 1, 0, floorAmbient, 0);
            }
            // A photograph's scale is arbitrary: meter it fully, as the eye adapts indoors.
            double white = luminance(floorAmbient) + luminance(keyPower) * Math.max(keyY, 0);
            this.exposure = Double.isNaN(exposure) ? WHITE_LEVEL * Math.PI / Math.max(white, 1e-12) : exposure;
            radiancePerNit = OUTDOOR_RADIANCE_PER_NIT;
        } else if (!indoor) {
            Vec3 s = sun.direction();
            double clouds = scene.environment().cloudCover();
            sky = new Sky(sun.elevation(), s.x(), s.y(), s.z(), scene.environment().turbidity(), clouds);
            moon = sun.elevation() <= -Atmosphere.SUN_RADIUS_DEG;
            if (!moon) {
                keyX = sky.sunX;
                keyY = sky.sunY;
                keyZ = sky.sunZ;
                System.arraycopy(sky.sunIrradiance, 0, keyPower, 0, 3);
            } else {
                Vec3 m = new SolarPosition(MOON_ELEVATION, MOON_AZIMUTH).direction();
                keyX = m.x();
                keyY = m.y();
                keyZ = m.z();
                Atmosphere.moonIrradiance(keyPower);
                for (int c = 0; c < 3; c++) keyPower[c] *= 1 - clouds;
            }
            keyKind = DIRECTIONAL;
            keySize = Math.tan(Math.toRadians(Atmosphere.SUN_RADIUS_DEG));
            // The ground under the sky: the floor's albedo times the light on it, seen from above as
            // a Lambertian surface of radiance rho E / pi.
            double[] key = {keyPower[0], keyPower[1], keyPower[2], keyY};
            AmbientLight[] projected = AmbientLight.projectOverGround((x, y, z, out) -> sky.radiance(x, y, z, out, 0),
                    skyOnly -> {
                        double[] up = new double[3];
                        skyOnly.irradiance(0, 1, 0, up, 0);
                        System.arraycopy(up, 0, floorAmbient, 0, 3);
                        double[] below = new double[3];
                        for (int c = 0; c < 3; c++) {
                            below[c] = floorAlbedo[c] * (up[c] + key[c] * Math.max(key[3], 0)) / Math.PI;
                        }
                        return below;
                    });
            ambient = projected[1];
            double white = luminance(floorAmbient) + luminance(keyPower) * Math.max(keyY, 0);
            this.exposure = Double.isNaN(exposure) ? exposureFor(white) : exposure;
            radiancePerNit = OUTDOOR_RADIANCE_PER_NIT;
        } else {
            sky = null;
            moon = false;
            keyKind = POINT;
            double h = room.size().y();
            keyX = 0;
            keyY = h - Math.min(LAMP_DROP, 0.2 * h);
            keyZ = 0;
            System.arraycopy(LAMP_COLOUR, 0, keyPower, 0, 3);
            keySize = LAMP_RADIUS;
            for (int c = 0; c < 3; c++) lampRadiance[c] = keyPower[c] / (Math.PI * LAMP_RADIUS * LAMP_RADIUS);
            // Interreflections in the room: total flux 4 pi I, area-weighted mean albedo rho.
            double w = room.size().x(), d = room.size().z();
            double floorArea = w * d, ceilingArea = w * d, wallArea = 2 * (w + d) * h;
            double area = floorArea + ceilingArea + wallArea;
            double rho = (floorArea * luminance(floorAlbedo) + ceilingArea * luminance(room.ceiling().color.linear())
                    + wallArea * luminance(room.walls().color.linear())) / area;
            rho = Math.min(rho, 0.85);
            for (int c = 0; c < 3; c++) {
                ambientRadiance[c] = rho * 4 * Math.PI * keyPower[c] / (Math.PI * area * (1 - rho));
                background[c] = 0.05 * ambientRadiance[c];
            }
            ambient = AmbientLight.uniform(ambientRadiance[0], ambientRadiance[1], ambientRadiance[2]);
            ambient.irradiance(0, 1, 0, floorAmbient, 0);
            double white = luminance(floorAmbient) + luminance(keyPower) / (keyY * keyY);
            this.exposure = WHITE_LEVEL * Math.PI / white;
            radiancePerNit = INDOOR_RADIANCE_PER_NIT;
        }
    }

    /**
     * Outdoor exposure for a white horizontal surface of luminance {@code white} in the scene's
     * light: partial adaptation, see the class comment.
     */
    static double exposureFor(double white) {
        return WHITE_LEVEL * Math.PI / (Math.pow(white, ADAPTATION) * Math.pow(DAYLIGHT_45, 1 - ADAPTATION));
    }

    static double luminance(double[] rgb) {
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
