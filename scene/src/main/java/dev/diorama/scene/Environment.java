package dev.diorama.scene;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where the scene happens: indoors or out, what the floor is, and the place on Earth and the date
 * that put the sun in the sky. Defaults: Paris (48.8566 N, 2.3522 E, zone Europe/Paris), 22
 * September 2026 (two days before the equinox), so UTC+2 (summer time).
 *
 * @param kind       indoor or outdoor
 * @param floor      the floor's (or the ground's) material
 * @param room       the room, indoors only (null outdoors)
 * @param latitude   degrees north, [-90, 90]
 * @param longitude  degrees east, [-180, 180]
 * @param date       the local calendar date
 * @param utcOffset  hours ahead of UTC of the local clock, [-14, 14]; with a zone it must be the
 *                   zone's offset on that date (DST included)
 * @param place      a name for the place, for people ("Oslo"), or null; it places nothing by itself
 * @param zone       the IANA time zone of the place ("Europe/Oslo"), or null when only the offset
 *                   is known
 * @param turbidity  how hazy the air is, [1, 10]: the ratio of the optical thickness of the air with
 *                   its aerosol to that of clean air, as Linke and Preetham use it; 2 is a clear
 *                   day (the default), 3 to 4 a light haze, 6 and more a thick summer haze over a
 *                   city. Haze whitens the sky, dims and reddens the sun and softens its shadows.
 * @param cloudCover fraction of the sky covered by cloud, [0, 1]: 0 a cloudless sky (the default), 1
 *                   an overcast one (CIE standard overcast sky, no sun); in between the sun's direct
 *                   light is dimmed in proportion and the sky blends toward the overcast one
 * @param environmentMap a photograph used as sky and light instead of the simulated sky, or null
 *                   (outdoors only)
 * @param air        whether there is air outdoors (true, the default): without it (the Moon) the
 *                   sky is black, the sun shines unfiltered and nothing is heard (sound needs a
 *                   medium); a room always holds air
 * @param airDensity the air's density, kg/m^3, [0, {@value #MAX_AIR_DENSITY}]: what it weighs on the
 *                   bodies it holds up (buoyancy) and how hard it resists them (drag); NaN gives the
 *                   default, {@value #EARTH_AIR_DENSITY} (Earth's at 20 degrees C and sea level) with
 *                   air and 0 without; Mars's is about 0.020, Venus's 65
 * @param wind       the air's velocity outdoors, m/s, world axes (x east, z south): a body's drag
 *                   is taken against it, so a balloon or a feather drifts with it; at most
 *                   {@value #MAX_WIND} m/s; zero (the default) indoors and where there is no air
 */
public record Environment(Kind kind, Material floor, Room room, double latitude, double longitude,
                          LocalDate date, double utcOffset, String place, String zone, double turbidity,
                          double cloudCover, EnvironmentImage environmentMap, boolean air, double airDensity,
                          Vec3 wind) {
    public static final double DEFAULT_LATITUDE = 48.8566;
    public static final double DEFAULT_LONGITUDE = 2.3522;
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 9, 22);
    public static final double DEFAULT_UTC_OFFSET = 2;
    public static final String DEFAULT_PLACE = "Paris";
    public static final String DEFAULT_ZONE = "Europe/Paris";
    /** A clear day. */
    public static final double DEFAULT_TURBIDITY = 2;
    /** Dry air at 20 degrees C and 101.325 kPa, kg/m^3 (the air in which sound goes at 343 m/s). */
    public static final double EARTH_AIR_DENSITY = 1.204;
    /** Densest air a scene may have, kg/m^3 (Venus's surface: 65). */
    public static final double MAX_AIR_DENSITY = 100;
    /** The strongest wind a scene may have, m/s (a hurricane's, Beaufort 12, is 33 and more). */
    public static final double MAX_WIND = 50;

    public enum Kind {
        INDOOR, OUTDOOR;

        public String jsonName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Environment {
        SceneException.check(kind != null, "/kind", "expected \"indoor\" or \"outdoor\"");
        SceneException.check(floor != null, "/floor", "expected a material for the floor");
        SceneException.check(kind != Kind.INDOOR || room != null, "/room", "expected a room for an indoor scene");
        if (kind == Kind.OUTDOOR) room = null;
        SceneException.check(latitude >= -90 && latitude <= 90, "/latitude", "expected degrees in [-90, 90]");
        SceneException.check(longitude >= -180 && longitude <= 180, "/longitude", "expected degrees in [-180, 180]");
        if (date == null) date = DEFAULT_DATE;
        SceneException.check(Double.isFinite(utcOffset) && utcOffset >= -14 && utcOffset <= 14, "/utcOffset",
                "expected hours in [-14, 14]");
        SceneException.check(place == null || (!place.isBlank() && place.length() <= 100), "/place",
                "expected a name of 1 to 100 characters");
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new SceneException("/zone", "expected an IANA time zone such as \"Europe/Oslo\", found \""
                        + zone + "\"");
            }
            double expected = Places.utcOffset(zone, date);
            SceneException.check(Math.abs(utcOffset - expected) < 1e-9, "/utcOffset",
                    "expected " + hours(expected) + " hours, the offset of " + zone + " on " + date
                            + " (leave utcOffset out to have it from the zone)");
        }
        SceneException.check(turbidity >= 1 && turbidity <= 10, "/turbidity",
                "expected a turbidity in [1, 10] (2 clear, 4 hazy)");
        SceneException.check(cloudCover >= 0 && cloudCover <= 1, "/cloudCover",
                "expected a fraction of the sky in [0, 1] (1: overcast)");
        if (kind == Kind.INDOOR) environmentMap = null;
        SceneException.check(air || kind == Kind.OUTDOOR, "/air", "expected air in a room (true): only outdoors can be airless");
        SceneException.check(air || environmentMap == null, "/air",
                "expected air (true) under a photographed sky: an airless sky is black");
        if (Double.isNaN(airDensity)) airDensity = defaultAirDensity(air);
        SceneException.check(Double.isFinite(airDensity) && airDensity >= 0 && airDensity <= MAX_AIR_DENSITY,
                "/airDensity", "expected the air's density in kg/m^3, in [0, " + (int) MAX_AIR_DENSITY
                        + "] (Earth's " + EARTH_AIR_DENSITY + ", Mars's 0.020)");
        SceneException.check(air || airDensity == 0, "/airDensity",
                "expected no air density (0) where there is no air (\"air\": false)");
        if (wind == null) wind = Vec3.ZERO;
        SceneException.check(Double.isFinite(wind.length()) && wind.length() <= MAX_WIND, "/wind",
                "expected the wind's velocity [x, y, z] in m/s, at most " + (int) MAX_WIND + " m/s (a gale is 19)");
        SceneException.check(wind.equals(Vec3.ZERO) || kind == Kind.OUTDOOR, "/wind",
                "expected no wind ([0, 0, 0]) in a room: only outdoors does the wind blow");
        SceneException.check(wind.equals(Vec3.ZERO) || airDensity > 0, "/wind",
                "expected no wind ([0, 0, 0]) where the air has no density: there is nothing to blow");
    }

    /** With still air. */
    public Environment(Kind kind, Material floor, Room room, double latitude, double longitude, LocalDate date,
                       double utcOffset, String place, String zone, double turbidity, double cloudCover,
                       EnvironmentImage environmentMap, boolean air, double airDensity) {
        this(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover, environmentMap,
                air, airDensity, Vec3.ZERO);
    }

    /** Where {@code air} says whether there is air, its density the default (Earth's air, or none). */
    public Environment(Kind kind, Material floor, Room room, double latitude, double longitude, LocalDate date,
                       double utcOffset, String place, String zone, double turbidity, double cloudCover,
                       EnvironmentImage environmentMap, boolean air) {
        this(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover, environmentMap,
                air, Double.NaN);
    }

    /** Whether the air's density is the default one: Earth's with air, none without. */
    public boolean defaultAirDensity() {
        return airDensity == defaultAirDensity(air);
    }

    private static double defaultAirDensity(boolean air) {
        return air ? EARTH_AIR_DENSITY : 0;
    }

    /** With air, as on Earth. */
    public Environment(Kind kind, Material floor, Room room, double latitude, double longitude, LocalDate date,
                       double utcOffset, String place, String zone, double turbidity, double cloudCover,
                       EnvironmentImage environmentMap) {
        this(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover, environmentMap, true);
    }

    /** A clear, cloudless sky of the simulated atmosphere. */
    public Environment(Kind kind, Material floor, Room room, double latitude, double longitude, LocalDate date,
                       double utcOffset, String place, String zone) {
        this(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, DEFAULT_TURBIDITY, 0, null);
    }

    /** Without a place name or zone: the offset alone sets the clock. */
    public Environment(Kind kind, Material floor, Room room, double latitude, double longitude, LocalDate date,
                       double utcOffset) {
        this(kind, floor, room, latitude, longitude, date, utcOffset, null, null);
    }

    public static Environment outdoor(Material floor) {
        return new Environment(Kind.OUTDOOR, floor, null, DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_DATE,
                DEFAULT_UTC_OFFSET, DEFAULT_PLACE, DEFAULT_ZONE);
    }

    public static Environment indoor(Material floor, Room room) {
        return new Environment(Kind.INDOOR, floor, room, DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_DATE,
                DEFAULT_UTC_OFFSET, DEFAULT_PLACE, DEFAULT_ZONE);
    }

    public Environment withFloor(Material m) {
        return new Environment(kind, m, room, latitude, longitude, date, utcOffset, place, zone, turbidity,
                cloudCover, environmentMap, air, airDensity, wind);
    }

    /**
     * The same floor and room at another place and date: a city of {@link Places} (its zone gives
     * the offset for the date), or coordinates with an offset and no zone.
     */
    public Environment at(double lat, double lon, LocalDate day, double offset, String placeName, String zoneId) {
        return new Environment(kind, floor, room, lat, lon, day, offset, placeName, zoneId, turbidity, cloudCover,
                environmentMap, air, airDensity, wind);
    }

    /** The same place on another date; a zone's offset follows the date (summer time). */
    public Environment on(LocalDate day) {
        return new Environment(kind, floor, room, latitude, longitude, day,
                zone != null ? Places.utcOffset(zone, day) : utcOffset, place, zone, turbidity, cloudCover,
                environmentMap, air, airDensity, wind);
    }

    /** The same place indoors in another room (its size, surfaces, windows). */
    public Environment withRoom(Room r) {
        return new Environment(kind, floor, r, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover,
                environmentMap, air, airDensity, wind);
    }

    /** The same place and time under another sky: its haze, its cloud and, optionally, a photograph. */
    public Environment withSky(double haze, double clouds, EnvironmentImage image) {
        return new Environment(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, haze, clouds,
                image, air, airDensity, wind);
    }

    /**
     * The same place without air (true: with it): a black sky, the unfiltered sun, silence. The air's
     * density stays where air stays, else it becomes the default (Earth's with air, none without).
     */
    public Environment withAir(boolean a) {
        return new Environment(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover,
                environmentMap, a, a == air ? airDensity : Double.NaN, a ? wind : Vec3.ZERO);
    }

    /** The same place with air of another density, kg/m^3 ("on Mars": 0.020); there must be air. */
    public Environment withAirDensity(double density) {
        return new Environment(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover,
                environmentMap, air, density, density > 0 ? wind : Vec3.ZERO);
    }

    /** The same place with the wind blowing at {@code w} m/s (world axes); outdoors only. */
    public Environment withWind(Vec3 w) {
        return new Environment(kind, floor, room, latitude, longitude, date, utcOffset, place, zone, turbidity, cloudCover,
                environmentMap, air, airDensity, w);
    }

    /** "UTC+2", "UTC-3:30". */
    public String utcOffsetText() {
        return "UTC" + (utcOffset < 0 ? "-" : "+") + hours(Math.abs(utcOffset));
    }

    private static String hours(double h) {
        long minutes = Math.round(Math.abs(h) * 60);
        String s = (h < 0 ? "-" : "") + minutes / 60;
        return minutes % 60 == 0 ? s : s + ":" + String.format("%02d", minutes % 60);
    }
}
