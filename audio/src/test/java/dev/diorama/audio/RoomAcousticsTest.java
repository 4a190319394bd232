package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room's numbers: the absorption table, Sabine and Eyring, the air, and the words that name rooms. */
class RoomAcousticsTest {

    @Test
    void theTableHoldsReferenceMdsValuesAt500HzAnd1kHz() {
        double[][] expected = {{0.015, 0.02}, {0.04, 0.06}, {0.10, 0.07}, {0.07, 0.06}, {0.14, 0.37}, {0.57, 0.69},
                {0.04, 0.03}, {0.18, 0.12}};
        Surface[] surfaces = {Surface.TILE, Surface.ROUGH_CONCRETE, Surface.WOOD_FLOOR, Surface.PARQUET, Surface.CARPET,
                Surface.CARPET_ON_FOAM, Surface.PLATE_GLASS, Surface.WINDOW_GLASS};
        for (int i = 0; i < surfaces.length; i++) {
            assertEquals(expected[i][0], surfaces[i].absorption(OctaveBands.B500), 1e-12, surfaces[i] + " at 500 Hz");
            assertEquals(expected[i][1], surfaces[i].absorption(OctaveBands.B1000), 1e-12, surfaces[i] + " at 1 kHz");
        }
        for (Surface s : Surface.values()) {
            for (int b = 0; b < OctaveBands.COUNT; b++) assertTrue(s.absorption(b) > 0 && s.absorption(b) < 1, s + " band " + b);
        }
    }

    @Test
    void sabineIsReferenceMdsFormulaAndEyringIsShorter() {
        // 125 Hz, where the air absorbs next to nothing in a 10 x 3 x 8 m room: T = 0.161 V / (S a).
        RoomAcoustics room = new RoomAcoustics(new Vec3(10, 3, 8), Surface.CARPET, Surface.PLASTER, Surface.GYPSUM_BOARD);
        int b = 0;
        double v = 240, s = 2 * (80 + 30 + 24);
        double a = (80 * (Surface.CARPET.absorption(b) + Surface.GYPSUM_BOARD.absorption(b)) + 108 * Surface.PLASTER.absorption(b)) / s;
        assertEquals(v, room.volume(), 1e-9);
        assertEquals(s, room.surface(), 1e-9);
        assertEquals(a, room.meanAbsorption(b), 1e-12);
        assertEquals(0.161 * v / (s * a), room.sabine(b), 0.005 * room.sabine(b));
        assertEquals(0.161 * v / (-s * Math.log(1 - a)), room.eyring(b), 0.005 * room.eyring(b));
        for (int k = 0; k < OctaveBands.COUNT; k++) assertTrue(room.eyring(k) < room.sabine(k));
        // In a hard room the two agree; in a soft one Eyring is markedly shorter.
        RoomAcoustics hard = new RoomAcoustics(new Vec3(10, 3, 8), Surface.TILE, Surface.TILE, Surface.TILE);
        RoomAcoustics soft = new RoomAcoustics(new Vec3(10, 3, 8), Surface.CARPET_ON_FOAM, Surface.CARPET_ON_FOAM, Surface.CARPET_ON_FOAM);
        assertEquals(1, hard.eyring(2) / hard.sabine(2), 0.01);
        assertTrue(soft.eyring(2) / soft.sabine(2) < 0.7);
    }

    @Test
    void theAirAbsorbsAsIso9613Says() {
        // ISO 9613-1 Table 1, 20 °C, 50 % relative humidity, dB/km.
        assertEquals(2.73, AirAbsorption.decibelsPerMetre(500) * 1000, 0.03);
        assertEquals(4.66, AirAbsorption.decibelsPerMetre(1000) * 1000, 0.05);
        assertEquals(105, AirAbsorption.decibelsPerMetre(8000) * 1000, 1.5);
        // In a big stone hall the air shortens the 4 kHz reverberation noticeably.
        RoomAcoustics hall = RoomDescription.parse("a stone hall").room();
        double withoutAir = 0.161 * hall.volume() / (hall.surface() * hall.meanAbsorption(5));
        assertTrue(hall.sabine(5) < 0.6 * withoutAir, "4 kHz: " + hall.sabine(5) + " s with the air, " + withoutAir + " without");
    }

    @Test
    void wordsNameRooms() {
        RoomDescription bath = RoomDescription.parse("a small tiled bathroom");
        assertEquals(Surface.TILE, bath.room().floor());
        assertEquals(Surface.TILE, bath.room().walls());
        assertEquals(2.0, bath.room().width(), 1e-9, "2.5 m, small: x0.8");
        RoomDescription bed = RoomDescription.parse("A carpeted bedroom.");
        assertEquals(Surface.CARPET, bed.room().floor());
        RoomDescription hall = RoomDescription.parse("a stone hall");
        assertEquals(List.of(Surface.STONE, Surface.STONE, Surface.STONE), List.of(hall.room().floor(), hall.room().walls(), hall.room().ceiling()));
        assertEquals(Surface.STEEL, RoomDescription.parse("a gym").room().ceiling());
        assertEquals(Surface.PARQUET, RoomDescription.parse("the living room").room().floor());
        assertTrue(RoomDescription.parse("a huge cathedral").room().volume() > 1e5);
        for (String s : List.of("a small tiled bathroom", "a gym", "a stone cathedral", "a corridor")) {
            RoomDescription d = RoomDescription.parse(s);
            assertEquals(d.source(), d.room().inside(d.source(), 0.3), s + ": the source is inside, away from the walls");
            assertEquals(d.listener(), d.room().inside(d.listener(), 0.3), s + ": the listener too");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomDescription.parse("a purple bathroom"));
        assertTrue(e.getMessage().contains("\"purple\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoomDescription.parse("tiled and carpeted"));
        assertThrows(IllegalArgumentException.class, () -> RoomDescription.parse("  "));
    }

    @Test
    void aScenesRoomIsReadFromItsMaterials() {
        Environment env = Environment.indoor(Material.WOOD, new Room(new Vec3(6, 3, 6), Material.STONE, Material.GLASS));
        Scene s = new Scene(1, 1, 24, 320, 180, 0, 9.81, LocalTime.NOON, env, FilmMixTest.CAMERA,
                List.of(TestScenes.ball("b", Material.RUBBER, 0.2)));
        RoomAcoustics room = RoomAcoustics.of(s);
        assertEquals(List.of(Surface.WOOD_FLOOR, Surface.STONE, Surface.PLATE_GLASS), List.of(room.floor(), room.walls(), room.ceiling()));
        assertEquals(null, RoomAcoustics.of(TestScenes.scene(Material.WOOD)), "outdoors: no room");
    }
}
