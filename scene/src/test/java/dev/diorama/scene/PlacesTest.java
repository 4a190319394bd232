package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlacesTest {
    @Test
    void atLeastFortyCitiesEachWithAZoneTheJdkKnows() {
        assertTrue(Places.all().size() >= 40, "cities: " + Places.all().size());
        for (Places.Place p : Places.all()) {
            assertTrue(Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180, p.name());
            double off = p.utcOffset(LocalDate.of(2026, 1, 15));
            // A zone's offset stays within 3 hours of the sun's (longitude / 15), and DST adds at most one.
            assertTrue(Math.abs(off - p.longitude() / 15) < 3, p.name() + " " + off);
        }
    }

    @Test
    void namesMatchWithoutCaseAccentsOrPunctuation() {
        assertEquals("Sao Paulo", Places.find("São Paulo").name());
        assertEquals("Sao Paulo", Places.find("sao-paulo").name());
        assertEquals("New York", Places.find("NYC").name());
        assertEquals("Rio de Janeiro", Places.find("rio").name());
        assertNull(Places.find("Atlantis"));
        assertEquals(3, Places.longestNameWords());
    }

    @Test
    void theOffsetOfADateIncludesSummerTimeInBothHemispheres() {
        Places.Place oslo = Places.find("Oslo"), sydney = Places.find("Sydney"), tokyo = Places.find("Tokyo");
        assertNotNull(oslo);
        assertEquals(1, oslo.utcOffset(LocalDate.of(2026, 12, 15)));
        assertEquals(2, oslo.utcOffset(LocalDate.of(2026, 6, 21)));
        assertEquals(10, sydney.utcOffset(LocalDate.of(2026, 6, 21)));
        assertEquals(11, sydney.utcOffset(LocalDate.of(2026, 12, 21)));
        assertEquals(9, tokyo.utcOffset(LocalDate.of(2026, 6, 21)));
        assertEquals(5.5, Places.find("Mumbai").utcOffset(LocalDate.of(2026, 6, 21)));
    }
}
