package dev.diorama.scene;

import java.time.LocalDate;

/**
 * Where the scene happens: indoors or out, what the floor is, and the place on Earth and the date
 * that put the sun in the sky. Defaults: Paris (48.8566 N, 2.3522 E), 22 September 2026, UTC+2.
 *
 * @param kind       indoor or outdoor
 * @param floor      the floor's (or the ground's) material
 * @param room       the room, indoors only (null outdoors)
 * @param latitude   degrees north, [-90, 90]
 * @param longitude  degrees east, [-180, 180]
 * @param date       the local calendar date
 * @param utcOffset  hours ahead of UTC of the local clock, [-14, 14]
 */
public record Environment(Kind kind, Material floor, Room room, double latitude, double longitude,
                          LocalDate date, double utcOffset) {
    public static final double DEFAULT_LATITUDE = 48.8566;
    public static final double DEFAULT_LONGITUDE = 2.3522;
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 9, 22);
    public static final double DEFAULT_UTC_OFFSET = 2;

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
        SceneException.check(utcOffset >= -14 && utcOffset <= 14, "/utcOffset", "expected hours in [-14, 14]");
    }

    public static Environment outdoor(Material floor) {
        return new Environment(Kind.OUTDOOR, floor, null, DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_DATE,
                DEFAULT_UTC_OFFSET);
    }

    public static Environment indoor(Material floor, Room room) {
        return new Environment(Kind.INDOOR, floor, room, DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_DATE,
                DEFAULT_UTC_OFFSET);
    }

    public Environment withFloor(Material m) {
        return new Environment(kind, m, room, latitude, longitude, date, utcOffset);
    }
}
