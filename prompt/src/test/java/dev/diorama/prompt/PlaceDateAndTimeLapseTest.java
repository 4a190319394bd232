package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SolarPosition;
import dev.diorama.scene.TimeLapse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where and when: cities, coordinates, clock offsets, dates, seasons and time-lapses from the words. */
class PlaceDateAndTimeLapseTest {
    private static PromptParser.Parse parse(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS);
    }

    /** Parses a prompt every word of which must be understood. */
    private static Scene understood(String prompt) {
        PromptParser.Parse p = parse(prompt);
        assertEquals(List.of(), p.ignoredWords(), prompt + ": " + p.notes());
        return p.scene();
    }

    private static PromptException rejected(String prompt) {
        return assertThrows(PromptException.class, () -> parse(prompt));
    }

    @Test
    void osloInDecemberAtThreeIsAWinterAfternoonWithTheSunOnTheHorizon() {
        Scene s = understood("a red ball in Oslo in December at 3 pm");
        Environment e = s.environment();
        assertEquals("Oslo", e.place());
        assertEquals("Europe/Oslo", e.zone());
        assertEquals(59.9139, e.latitude(), 1e-9);
        assertEquals(10.7522, e.longitude(), 1e-9);
        assertEquals(LocalDate.of(2026, 12, 15), e.date(), "a month alone is its 15th");
        assertEquals(1, e.utcOffset(), "Central European Time, no summer time in December");
        assertEquals(LocalTime.of(15, 0), s.time());
        // 60 degrees north in mid-December the noon sun stands under 7 degrees; at 3 pm it is setting.
        assertTrue(s.sun().elevation() < 3 && s.sun().elevation() > -3, "sun at " + s.sun().elevation());
        assertTrue(s.sun().azimuth() > 200 && s.sun().azimuth() < 240, "south-west: " + s.sun().azimuth());
    }

    @Test
    void sunriseAndSunsetResolveAtThePlaceAndDateGiven() {
        Scene tokyo = understood("a ball in Tokyo on 21 June at dawn");
        assertEquals(9, tokyo.environment().utcOffset());
        assertEquals(LocalDate.of(2026, 6, 21), tokyo.environment().date());
        assertEquals(SolarPosition.risingAt(Staging.SUN_ELEVATION_AT_SUNSET, 35.6762, 139.6503,
                LocalDate.of(2026, 6, 21), 9), tokyo.time());
        assertTrue(tokyo.time().isBefore(LocalTime.of(5, 15)), "an early summer sunrise: " + tokyo.time());
        Scene oslo = understood("a ball in Oslo in December at sunset");
        assertEquals(Staging.SUN_ELEVATION_AT_SUNSET, oslo.sun().elevation(), 0.3);
        assertTrue(oslo.time().isBefore(LocalTime.of(15, 0)), "a winter sunset in the north: " + oslo.time());
        Scene paris = understood("a ball at sunset");
        assertTrue(paris.time().isAfter(LocalTime.of(19, 0)), "Paris in September: " + paris.time());
    }

    @Test
    void summerTimeFollowsTheDateAndTheHemisphere() {
        assertEquals(2, understood("a ball in Oslo in June").environment().utcOffset());
        assertEquals(1, understood("a ball in Oslo in January").environment().utcOffset());
        assertEquals(11, understood("a ball in Sydney in December").environment().utcOffset());
        assertEquals(10, understood("a ball in Sydney in June").environment().utcOffset());
        assertEquals(1, understood("a ball in winter").environment().utcOffset(), "Paris in December");
    }

    @Test
    void seasonsAreTheirSolsticesAndEquinoxesAndTheSouthHasThemSixMonthsApart() {
        assertEquals(LocalDate.of(2026, 12, 21), understood("a ball in winter").environment().date());
        assertEquals(LocalDate.of(2026, 6, 21), understood("a ball at midsummer").environment().date());
        assertEquals(LocalDate.of(2026, 3, 20), understood("a ball at the spring equinox").environment().date());
        assertEquals(LocalDate.of(2026, 9, 23), understood("a ball in autumn").environment().date());
        assertEquals(LocalDate.of(2026, 12, 21), understood("a ball in Sydney in summer").environment().date());
        assertEquals(LocalDate.of(2026, 6, 21), understood("a ball in Cape Town at midwinter").environment().date());
        assertEquals(LocalDate.of(2026, 6, 21), understood("a ball in Sydney at the June solstice").environment().date());
    }

    @Test
    void datesComeInEveryCommonForm() {
        assertEquals(LocalDate.of(2027, 3, 20), understood("a ball on 2027-03-20").environment().date());
        assertEquals(LocalDate.of(2026, 6, 21), understood("a ball on 21 June").environment().date());
        assertEquals(LocalDate.of(2027, 6, 21), understood("a ball on June 21st, 2027").environment().date());
        assertEquals(LocalDate.of(2026, 7, 4), understood("a ball on the 4th of July").environment().date());
        assertEquals(LocalDate.of(2026, 5, 15), understood("a ball in May").environment().date());
        assertEquals(LocalDate.of(2030, 9, 22), understood("a ball in 2030").environment().date());
        Scene s = parse("three balls may fall").scene();
        assertEquals(Environment.DEFAULT_DATE, s.environment().date(), "\"may\" the verb is not May");
        assertEquals(Environment.DEFAULT_DATE, parse("balls fall onto a wooden floor").scene().environment().date());
        assertEquals(LocalDate.of(2026, 9, 23), parse("balls fall in the fall").scene().environment().date());
    }

    @Test
    void coordinatesKeepTheSunsTimeUnlessAnOffsetIsSaid() {
        Environment e = understood("a ball at latitude 60 N, longitude 10 E").environment();
        assertEquals(60, e.latitude());
        assertEquals(10, e.longitude());
        assertEquals(1, e.utcOffset(), "round(10 / 15)");
        assertNull(e.zone());
        Environment cape = understood("a ball at 33.9 S 18.4 E at noon UTC+2").environment();
        assertEquals(-33.9, cape.latitude());
        assertEquals(18.4, cape.longitude());
        assertEquals(2, cape.utcOffset());
        assertEquals(-5.5, understood("a ball at latitude 10 longitude -80 UTC-5:30").environment().utcOffset());
        assertEquals(-5, understood("a ball in New York UTC-5").environment().utcOffset(), "said offset wins");
    }

    @Test
    void theSameClockTimeInOsloInDecemberAndCairoInJuneIsNightAndDay() {
        Scene oslo = understood("a ball in Oslo in December at 4 pm");
        Scene cairo = understood("a ball in Cairo in June at 4 pm");
        assertTrue(oslo.sun().elevation() < 0, "Oslo: the sun has set: " + oslo.sun().elevation());
        assertTrue(cairo.sun().elevation() > 35, "Cairo: high afternoon sun: " + cairo.sun().elevation());
    }

    @Test
    void impossiblePlacesAndDatesAreRejected() {
        assertTrue(rejected("a ball in Oslo in Tokyo").getMessage().contains("place is given twice"));
        assertTrue(rejected("a ball on 31 June").getMessage().contains("not a day of the calendar"));
        assertTrue(rejected("a ball at latitude 95 N longitude 10 E").getMessage().contains("0 to 90"));
        assertTrue(rejected("a ball at 60 N 200 E").getMessage().contains("0 to 180"));
        assertTrue(rejected("a ball in May in June").getMessage().contains("date is given twice"));
        assertTrue(rejected("a ball UTC+15").getMessage().contains("-14 to +14"));
    }

    @Test
    void aDayPassingInTwentySecondsRunsTheClockRoundOnce() {
        Scene s = understood("a day passing in 20 seconds, a red ball drops");
        assertEquals(20, s.seconds());
        assertEquals(LocalTime.MIDNIGHT, s.time());
        assertEquals(new TimeLapse(24), s.timeLapse());
        assertTrue(s.sunAt(0).elevation() < -20 && s.sunAt(10).elevation() > 30 && s.sunAt(20).elevation() < -20,
                "night, noon, night");
        assertEquals(s, SceneJson.read(SceneJson.write(s)));
    }

    @Test
    void aSpanOfClockTimesIsATimeLapse() {
        Scene s = understood("a ball from 6 am to 9 pm in 10 seconds");
        assertEquals(10, s.seconds());
        assertEquals(LocalTime.of(6, 0), s.time());
        assertEquals(15, s.timeLapse().hours());
        Scene sun = understood("a ball from dawn to dusk");
        assertEquals(sun.sunAt(0).elevation(), Staging.SUN_ELEVATION_AT_SUNSET, 0.3);
        assertEquals(sun.sunAt(sun.seconds()).elevation(), Staging.SUN_ELEVATION_AT_SUNSET, 0.3);
        assertEquals(12, understood("a timelapse between noon and midnight, a ball").timeLapse().hours());
        assertEquals(LocalTime.of(9, 0), understood("a ball, 6 hours passing").time(), "centred on noon");
        assertEquals(6, understood("a ball over 6 hours in 12 seconds").timeLapse().hours());
    }

    @Test
    void aBareTimeLapseRunsFromDawnToDuskForTenSeconds() {
        PromptParser.Parse p = parse("a time-lapse of a ball");
        Scene s = p.scene();
        assertEquals(Staging.DEFAULT_TIME_LAPSE_SECONDS, s.seconds());
        assertEquals(-6, s.sunAt(0).elevation(), 0.3);
        assertEquals(-6, s.sunAt(s.seconds()).elevation(), 0.3);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("lasts 10 s")), p.notes().toString());
        Scene forced = PromptParser.parse("a time-lapse of a ball", PromptParser.Options.DEFAULTS.withSecondsOverride(6))
                .scene();
        assertEquals(6, forced.seconds(), "the caller's length wins");
        Scene sunset = understood("a ball, time-lapse at sunset");
        assertEquals(2, sunset.timeLapse().hours(), "an hour either side of the time said");
    }

    @Test
    void aTimeLapseAndAnotherTimeOfDayContradictEachOther() {
        assertTrue(rejected("a ball at noon from 6 am to 9 pm").getMessage().contains("twice"));
        assertTrue(rejected("a ball from 6 am to 9 pm, 5 hours passing").getMessage().contains("time-lapse is given twice"));
        assertTrue(rejected("a ball, 60 hours passing").getMessage().contains("at most 48 hours"));
    }
}
