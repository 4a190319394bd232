package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SolarPositionTest {
    /**
     * The worked example of NREL's Solar Position Algorithm (Reda and Andreas 2004, Table A5.1):
     * Golden, Colorado, 2003-10-17 12:30:30 local time (UTC-7): topocentric zenith 50.11162 deg,
     * azimuth 194.34024 deg. NOAA's equations, which Diorama uses, agree with SPA to a few
     * hundredths of a degree here.
     */
    @Test
    void agreesWithNrelsWorkedExample() {
        SolarPosition p = SolarPosition.at(39.742476, -105.1786, LocalDate.of(2003, 10, 17), LocalTime.of(12, 30, 30), -7);
        assertEquals(90 - 50.11162, p.elevation(), 0.05);
        assertEquals(194.34024, p.azimuth(), 0.05);
    }

    @Test
    void atAnEquinoxNoonTheSunStandsAtNinetyMinusTheLatitudeDueSouth() {
        // 2026-03-20 is the March equinox; solar noon on the Greenwich meridian is near 12:07 UTC.
        SolarPosition p = SolarPosition.at(51.4769, 0, LocalDate.of(2026, 3, 20), LocalTime.of(12, 7), 0);
        assertEquals(90 - 51.4769, p.elevation(), 0.5);
        assertEquals(180, p.azimuth(), 1.0);
        Vec3 d = p.direction();
        assertEquals(1, d.length(), 1e-12);
        assertEquals(0, d.x(), 0.02, "due south has no east component");
        double el = Math.toRadians(p.elevation()), az = Math.toRadians(p.azimuth());
        assertEquals(-Math.cos(el) * Math.cos(az), d.z(), 1e-12, "north is -z, so the southern sun has z > 0");
        assertEquals(Math.cos(el) * Math.sin(az), d.x(), 1e-12, "east is +x");
    }

    @Test
    void theSettingTimeIsWhenTheSunPassesTheAskedElevation() {
        LocalDate date = Environment.DEFAULT_DATE;
        LocalTime t = SolarPosition.settingAt(3, Environment.DEFAULT_LATITUDE, Environment.DEFAULT_LONGITUDE, date,
                Environment.DEFAULT_UTC_OFFSET);
        double at = SolarPosition.at(Environment.DEFAULT_LATITUDE, Environment.DEFAULT_LONGITUDE, date, t,
                Environment.DEFAULT_UTC_OFFSET).elevation();
        double minuteBefore = SolarPosition.at(Environment.DEFAULT_LATITUDE, Environment.DEFAULT_LONGITUDE, date,
                t.minusMinutes(1), Environment.DEFAULT_UTC_OFFSET).elevation();
        assertEquals(true, at <= 3 && minuteBefore > 3, at + " / " + minuteBefore);
        assertEquals(true, SolarPosition.at(48.8566, 2.3522, date, t, 2).azimuth() > 250, "in the west");
    }
}
