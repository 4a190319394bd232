package dev.diorama.scene;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Well-known cities by name: where they are (degrees north and east, to about a kilometre) and
 * their IANA time zone, from which {@link java.time.ZoneId} gives the UTC offset of any date,
 * daylight saving time included (the JDK carries the tz database: no network needed). The prompt
 * ("in Oslo") and the scene file ({@code "place": "Oslo"}) both look places up here.
 *
 * <p>Names are matched without case, accents or punctuation ("São Paulo", "sao paulo", "Sao-Paulo").
 */
public final class Places {
    /**
     * A city.
     *
     * @param name       its usual English name
     * @param latitude   degrees north, [-90, 90]
     * @param longitude  degrees east, [-180, 180]
     * @param zone       IANA time zone id ("Europe/Oslo")
     */
    public record Place(String name, double latitude, double longitude, String zone) {
        /** Hours ahead of UTC of the local clock on {@code date} (at noon, so DST is that of the day). */
        public double utcOffset(LocalDate date) {
            return Places.utcOffset(zone, date);
        }
    }

    private static final Map<String, Place> BY_NAME = new LinkedHashMap<>();
    private static final List<Place> ALL = new ArrayList<>();
    private static int longestName = 1;

    static {
        add("Paris", 48.8566, 2.3522, "Europe/Paris");
        add("London", 51.5074, -0.1278, "Europe/London");
        add("Edinburgh", 55.9533, -3.1883, "Europe/London");
        add("Dublin", 53.3498, -6.2603, "Europe/Dublin");
        add("Reykjavik", 64.1466, -21.9426, "Atlantic/Reykjavik");
        add("Oslo", 59.9139, 10.7522, "Europe/Oslo");
        add("Tromso", 69.6492, 18.9553, "Europe/Oslo");
        add("Stockholm", 59.3293, 18.0686, "Europe/Stockholm");
        add("Helsinki", 60.1699, 24.9384, "Europe/Helsinki");
        add("Copenhagen", 55.6761, 12.5683, "Europe/Copenhagen");
        add("Amsterdam", 52.3676, 4.9041, "Europe/Amsterdam");
        add("Brussels", 50.8503, 4.3517, "Europe/Brussels");
        add("Berlin", 52.5200, 13.4050, "Europe/Berlin");
        add("Munich", 48.1351, 11.5820, "Europe/Berlin");
        add("Vienna", 48.2082, 16.3738, "Europe/Vienna");
        add("Prague", 50.0755, 14.4378, "Europe/Prague");
        add("Warsaw", 52.2297, 21.0122, "Europe/Warsaw");
        add("Zurich", 47.3769, 8.5417, "Europe/Zurich");
        add("Geneva", 46.2044, 6.1432, "Europe/Zurich");
        add("Madrid", 40.4168, -3.7038, "Europe/Madrid");
        add("Barcelona", 41.3874, 2.1686, "Europe/Madrid");
        add("Lisbon", 38.7223, -9.1393, "Europe/Lisbon");
        add("Rome", 41.9028, 12.4964, "Europe/Rome");
        add("Milan", 45.4642, 9.1900, "Europe/Rome");
        add("Athens", 37.9838, 23.7275, "Europe/Athens");
        add("Istanbul", 41.0082, 28.9784, "Europe/Istanbul");
        add("Moscow", 55.7558, 37.6173, "Europe/Moscow");
        add("Cairo", 30.0444, 31.2357, "Africa/Cairo");
        add("Marrakesh", 31.6295, -7.9811, "Africa/Casablanca", "Marrakech");
        add("Lagos", 6.5244, 3.3792, "Africa/Lagos");
        add("Nairobi", -1.2921, 36.8219, "Africa/Nairobi");
        add("Johannesburg", -26.2041, 28.0473, "Africa/Johannesburg");
        add("Cape Town", -33.9249, 18.4241, "Africa/Johannesburg");
        add("Dubai", 25.2048, 55.2708, "Asia/Dubai");
        add("Tehran", 35.6892, 51.3890, "Asia/Tehran");
        add("Mumbai", 19.0760, 72.8777, "Asia/Kolkata", "Bombay");
        add("New Delhi", 28.6139, 77.2090, "Asia/Kolkata", "Delhi");
        add("Bangkok", 13.7563, 100.5018, "Asia/Bangkok");
        add("Singapore", 1.3521, 103.8198, "Asia/Singapore");
        add("Hong Kong", 22.3193, 114.1694, "Asia/Hong_Kong");
        add("Shanghai", 31.2304, 121.4737, "Asia/Shanghai");
        add("Beijing", 39.9042, 116.4074, "Asia/Shanghai");
        add("Seoul", 37.5665, 126.9780, "Asia/Seoul");
        add("Tokyo", 35.6762, 139.6503, "Asia/Tokyo");
        add("Sydney", -33.8688, 151.2093, "Australia/Sydney");
        add("Melbourne", -37.8136, 144.9631, "Australia/Melbourne");
        add("Auckland", -36.8485, 174.7633, "Pacific/Auckland");
        add("Honolulu", 21.3099, -157.8581, "Pacific/Honolulu");
        add("Anchorage", 61.2181, -149.9003, "America/Anchorage");
        add("Vancouver", 49.2827, -123.1207, "America/Vancouver");
        add("San Francisco", 37.7749, -122.4194, "America/Los_Angeles");
        add("Los Angeles", 34.0522, -118.2437, "America/Los_Angeles");
        add("Denver", 39.7392, -104.9903, "America/Denver");
        add("Chicago", 41.8781, -87.6298, "America/Chicago");
        add("Toronto", 43.6532, -79.3832, "America/Toronto");
        add("Montreal", 45.5017, -73.5673, "America/Toronto");
        add("New York", 40.7128, -74.0060, "America/New_York", "New York City", "NYC");
        add("Miami", 25.7617, -80.1918, "America/New_York");
        add("Mexico City", 19.4326, -99.1332, "America/Mexico_City");
        add("Bogota", 4.7110, -74.0721, "America/Bogota");
        add("Quito", -0.1807, -78.4678, "America/Guayaquil");
        add("Lima", -12.0464, -77.0428, "America/Lima");
        add("Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo", "Rio");
        add("Sao Paulo", -23.5505, -46.6333, "America/Sao_Paulo");
        add("Buenos Aires", -34.6037, -58.3816, "America/Argentina/Buenos_Aires");
        add("Santiago", -33.4489, -70.6693, "America/Santiago");
    }

    private Places() {}

    private static void add(String name, double lat, double lon, String zone, String... aliases) {
        ZoneId.of(zone); // fails the class's loading on a typo rather than later
        Place p = new Place(name, lat, lon, zone);
        ALL.add(p);
        BY_NAME.put(key(name), p);
        for (String a : aliases) BY_NAME.put(key(a), p);
        for (String n : BY_NAME.keySet()) longestName = Math.max(longestName, n.split(" ").length);
    }

    /** The city of that name (any case, accents and punctuation ignored), or null. */
    public static Place find(String name) {
        return name == null ? null : BY_NAME.get(key(name));
    }

    /** Every city, in the table's order (aliases not repeated). */
    public static List<Place> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The most words a name has ("Rio de Janeiro": 3): how far a reader must look ahead. */
    public static int longestNameWords() {
        return longestName;
    }

    /** A name as matched: lower case, no accents, words separated by single spaces. */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "").replaceAll("[^a-z0-9]+", " ");
        return s.strip();
    }

    /** Hours ahead of UTC of zone's clock on {@code date}, at local noon (DST included). */
    public static double utcOffset(String zone, LocalDate date) {
        return ZoneId.of(zone).getRules().getOffset(LocalDateTime.of(date, java.time.LocalTime.NOON))
                .getTotalSeconds() / 3600.0;
    }
}
