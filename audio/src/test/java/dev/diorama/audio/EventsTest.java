package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the sound track makes of the events it is given. */
class EventsTest {
    private final Scene scene = TestScenes.scene(Material.WOOD, TestScenes.ball("ball", Material.RUBBER, 0.1));

    @Test
    void anEventNamingAnUnknownBodyIsRefusedWithItsIndex() {
        ContactEvent ok = TestScenes.drop(scene, "ball", 1, 0.1, Vec3.ZERO);
        ContactEvent bad = new ContactEvent(0.2, ContactEvent.IMPACT, "ball", "table", 1, 1, Vec3.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SoundTrack(scene, List.of(ok, bad)));
        assertTrue(e.getMessage().contains("event 1") && e.getMessage().contains("table"), e.getMessage());
    }

    @Test
    void onlyImpactsWithAnImpulseOrASpeedSound() {
        List<ContactEvent> silent = List.of(
                new ContactEvent(0.1, "slide", "ball", Scene.FLOOR_ID, 1, 1, Vec3.ZERO),
                new ContactEvent(0.1, ContactEvent.IMPACT, "ball", Scene.FLOOR_ID, 0, 0, Vec3.ZERO));
        assertEquals(0, new SoundTrack(scene, silent).voiceCount());
    }

    @Test
    void aMissingImpulseFallsBackToMassTimesSpeed() {
        double v = 2, m = scene.object("ball").mass(); // on the floor, the effective mass is the ball's
        SoundTrack withImpulse = new SoundTrack(scene, List.of(new ContactEvent(0.1, ContactEvent.IMPACT, "ball", Scene.FLOOR_ID, v, m * v, Vec3.ZERO)));
        SoundTrack without = new SoundTrack(scene, List.of(new ContactEvent(0.1, ContactEvent.IMPACT, "ball", Scene.FLOOR_ID, v, 0, Vec3.ZERO)));
        assertArrayEquals(Signals.render(withImpulse, 4000, 4800)[0], Signals.render(without, 4000, 4800)[0]);
    }

    @Test
    void eventsNeedNotComeInTimeOrder() {
        ContactEvent late = TestScenes.drop(scene, "ball", 1, 0.1, new Vec3(1, 0, 0));
        ContactEvent early = TestScenes.drop(scene, "ball", 0.3, 0.05, Vec3.ZERO);
        float[][] y = Signals.render(new SoundTrack(scene, List.of(late, early)), 0, 9600);
        int first = 0;
        while (y[0][first] == 0 && y[1][first] == 0) first++;
        assertEquals(SoundTrack.onsetSample(0.05), first);
        assertTrue(Math.abs(y[0][(int) SoundTrack.onsetSample(0.1)]) > 0.5 * Signals.peak(y[0]), "the later strike too");
    }
}
