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
 * twilight into night) and the ground reflecting sun and sky. Indoors the room is lit by a warm-white
 * ceiling lamp, a disk of {@value #LAMP_LUMENS} lm flush with the middle of the ceiling (an area
 * light, see {@link AreaLights}), by its windows, if it has any, and by any glowing object; through
 * a window come the sun (the key light, where the window lets it in, see {@link Enclosure}) and the
 * sky and the ground outside (area lights of their own radiance). The ambient light is what the
 * room's surfaces reflect of all that, by the classic integrating-sphere estimate
 * L = rho Phi / (pi A (1 - rho)), the windows counting as black (light that leaves).
 *
 * <p>Units: radiance and irradiance are in the outdoor unit, indoors as well, in which daylight of
 * about 10^5 lux on the ground (the sun 45 degrees high) is 1 (see {@link Atmosphere}); so one unit
 * of radiance is 10^5 cd/m^2 ({@link #radiancePerNit}), a lamp's lumens and a window's daylight add
 * up, and a sunbeam on the floor is as many times brighter than the lamp's light as it is in a room.
 *
 * <p>Exposure is set from the light, like a camera metering a grey card: a white horizontal surface
 * in the scene's light maps to a fixed film level. Indoors the adaptation is full; outdoors it is
 * partial (the exposure follows the illuminance to the power 0.85), so a sunset is a little darker
 * than noon and a moonlit night about three stops darker, as a film shows them. A time-lapse passes
 * in an exposure adapted over a window of film time instead ({@link AdaptedExposure}).
 */
final class Lighting {
    /** Key-light kinds (the only one: a distant light, the sun or the moon; see {@link #keyOn}). */
    static final int DIRECTIONAL = 0;
    /** Where the moon stands, degrees. */
    static final double MOON_ELEVATION = 35, MOON_AZIMUTH = 135;
    /**
     * The ceiling lamp: a disk of this radius (metres) this far under the ceiling, giving this many
     * lumens (a 75 W incandescent bulb's worth) in a warm white, the colour of about 3000 K.
     */
    static final double LAMP_RADIUS = 0.25, LAMP_GAP = 0.01, LAMP_LUMENS = 1000;
    static final double[] LAMP_COLOUR = {1.0, 0.80, 0.58};
    /** Albedo of the ground outside a window (grass, soil, paving: about 0.2). */
    static final double OUTSIDE_GROUND_ALBEDO = 0.2;
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
    /** Unit vector toward the key light. */
    final double keyX, keyY, keyZ;
    /** Irradiance facing the key light (zero where there is none: indoors at night, or without windows). */
    final double[] keyPower = new double[3];
    /** Tangent of the key light's angular radius. */
    final double keySize;
    /** Whether there is a key light at all. */
    final boolean keyOn;
    /** Indoors: the ceiling lamp's centre (x, y, z), and its radiance, seen directly or in a mirror. */
    final double lampX, lampY, lampZ;
    final double[] lampRadiance = new double[3];
    /** Indoors with windows: the sky outside (null otherwise), and the radiance of the ground outside. */
    final Sky windowSky;
    final double[] outsideGround = new double[3];
    /** What a ray sees indoors where it leaves the room (through a culled wall). */
    final double[] background = new double[3];
    /** Radiance of the uniform indoor ambient light (zero outdoors). */
    final double[] ambientRadiance = new double[3];
    /** Linear radiance to film scale. */
    final double exposure;
    /**
     * Our radiance units per cd/m^2, for emitting surfaces. The unit is calibrated on daylight (about
     * 10^5 lux on the ground with the sun 45 degrees high is 1, see {@link Atmosphere}), so a white
     * sheet in that light, about 3 x 10^4 cd/m^2, has radiance 1 / pi: one unit is 10^5 cd/m^2, and
     * one unit of irradiance 10^5 lux (lm/m^2).
     */
    final double radiancePerNit = RADIANCE_PER_NIT;
    static final double RADIANCE_PER_NIT = 1e-5;

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
            keyOn = keyPower[0] > 0 || keyPower[1] > 0 || keyPower[2] > 0;
            lampX = lampY = lampZ = 0;
            windowSky = null;
        } else if (!indoor) {
            Vec3 s = sun.direction();
            double clouds = scene.environment().cloudCover();
            sky = new Sky(sun.elevation(), s.x(), s.y(), s.z(), scene.environment().turbidity(), clouds,
                    scene.environment().air());
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
            keyOn = keyPower[0] > 0 || keyPower[1] > 0 || keyPower[2] > 0;
            lampX = lampY = lampZ = 0;
            windowSky = null;
        } else {
            sky = null;
            moon = false;
            keyKind = DIRECTIONAL;
            keySize = Math.tan(Math.toRadians(Atmosphere.SUN_RADIUS_DEG));
            double h = room.size().y(), w = room.size().x(), d = room.size().z();
            lampX = 0;
            lampY = h - LAMP_GAP;
            lampZ = 0;
            // A Lambertian disk of area A and radiance L gives off pi L A: the lamp's flux in our units.
            double lampArea = Math.PI * LAMP_RADIUS * LAMP_RADIUS, lampWhite = luminance(LAMP_COLOUR);
            for (int c = 0; c < 3; c++) {
                lampRadiance[c] = LAMP_LUMENS * RADIANCE_PER_NIT / (Math.PI * lampArea) * LAMP_COLOUR[c] / lampWhite;
            }
            double[] flux = new double[3];
            for (int c = 0; c < 3; c++) flux[c] = Math.PI * lampRadiance[c] * lampArea;
            double windowArea = 0;
            if (!room.windows().isEmpty()) {
                // The daylight outside: the sun and the sky of the scene's place and time, over
                // ground of a typical albedo.
                Vec3 s = sun.direction();
                double clouds = scene.environment().cloudCover();
                windowSky = new Sky(sun.elevation(), s.x(), s.y(), s.z(), scene.environment().turbidity(), clouds);
                boolean up = sun.elevation() > -Atmosphere.SUN_RADIUS_DEG;
                keyX = windowSky.sunX;
                keyY = windowSky.sunY;
                keyZ = windowSky.sunZ;
                if (up) System.arraycopy(windowSky.sunIrradiance, 0, keyPower, 0, 3);
                double[] key = {keyPower[0], keyPower[1], keyPower[2], keyY};
                AmbientLight outside = AmbientLight.projectOverGround(
                        (x, y, z, out) -> windowSky.radiance(x, y, z, out, 0), skyOnly -> {
                            double[] above = new double[3];
                            skyOnly.irradiance(0, 1, 0, above, 0);
                            for (int c = 0; c < 3; c++) {
                                outsideGround[c] = OUTSIDE_GROUND_ALBEDO * (above[c] + key[c] * Math.max(key[3], 0)) / Math.PI;
                            }
                            return outsideGround.clone();
                        })[1];
                // What comes in through each window: the sun on its plane and the sky and ground
                // that the window's outside face sees.
                double[] e = new double[3];
                for (dev.diorama.scene.Window win : room.windows()) {
                    double[] out = outward(win.wall());
                    outside.irradiance(out[0], out[1], out[2], e, 0);
                    double a = win.width() * win.height(), sunCos = Math.max(0, out[0] * keyX + out[1] * keyY + out[2] * keyZ);
                    windowArea += a;
                    for (int c = 0; c < 3; c++) flux[c] += a * (e[c] + keyPower[c] * sunCos);
                }
            } else {
                windowSky = null;
                keyX = 0;
                keyY = 1;
                keyZ = 0;
            }
            keyOn = keyPower[0] > 0 || keyPower[1] > 0 || keyPower[2] > 0;
            // Glowing objects add pi L times their surface.
            for (dev.diorama.scene.SceneObject o : scene.objects()) {
                if (o.emission() <= 0) continue;
                double[] l = emitted(o);
                double area = AreaLights.surfaceArea(o);
                for (int c = 0; c < 3; c++) flux[c] += Math.PI * l[c] * area;
            }
            // Interreflections in the room: its surfaces' area-weighted mean albedo rho, the windows black.
            double floorArea = w * d, ceilingArea = w * d, wallArea = 2 * (w + d) * h - windowArea;
            double area = floorArea + ceilingArea + wallArea + windowArea;
            double rho = (floorArea * luminance(floorAlbedo) + ceilingArea * luminance(room.ceiling().color.linear())
                    + wallArea * luminance(room.walls().color.linear())) / area;
            rho = Math.min(rho, 0.85);
            for (int c = 0; c < 3; c++) {
                ambientRadiance[c] = rho * flux[c] / (Math.PI * area * (1 - rho));
                background[c] = 0.05 * ambientRadiance[c];
            }
            ambient = AmbientLight.uniform(ambientRadiance[0], ambientRadiance[1], ambientRadiance[2]);
            ambient.irradiance(0, 1, 0, floorAmbient, 0);
            // Metered on a white floor under the lamp: the room's light plus the lamp's own, a disk
            // seen straight up from distance z giving E = L pi R^2 / (R^2 + z^2).
            double z = lampY, r2 = LAMP_RADIUS * LAMP_RADIUS;
            double white = luminance(floorAmbient) + luminance(lampRadiance) * Math.PI * r2 / (r2 + z * z);
            this.exposure = Double.isNaN(exposure) ? WHITE_LEVEL * Math.PI / white : exposure;
        }
    }

    /** Unit normal of a wall's outside face. */
    static double[] outward(dev.diorama.scene.Window.Wall wall) {
        return switch (wall) {
            case NORTH -> new double[] {0, 0, -1};
            case SOUTH -> new double[] {0, 0, 1};
            case EAST -> new double[] {1, 0, 0};
            case WEST -> new double[] {-1, 0, 0};
        };
    }

    /**
     * The radiance a glowing object gives off, per band: its luminance in its colour's hue (the
     * linear colour scaled to luminance 1; a black or grey object glows white or grey alike).
     */
    static double[] emitted(dev.diorama.scene.SceneObject o) {
        double[] c = o.color().linear();
        double y = luminance(c);
        double[] l = new double[3];
        for (int k = 0; k < 3; k++) l[k] = o.emission() * RADIANCE_PER_NIT * (y > 1e-6 ? c[k] / y : 1);
        return l;
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
