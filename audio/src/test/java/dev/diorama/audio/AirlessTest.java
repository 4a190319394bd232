package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.Vec3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sound needs a medium: a film without air (the Moon) is silent, its impacts heard only with air. */
class AirlessTest {
    @Test
    void anImpactWithoutAirMakesNoSoundAndWithAirItDoes() {
        Scene withAir = TestScenes.scene(Material.STONE, TestScenes.ball("ball", Material.STEEL, 0.05));
        Scene airless = withAir.withEnvironment(withAir.environment().withAir(false));
        ContactEvent drop = TestScenes.drop(withAir, "ball", 1, 0.1, Vec3.ZERO);
        for (SoundTrack.Options options : List.of(SoundTrack.Options.FILM, SoundTrack.Options.ANECHOIC)) {
            assertTrue(peak(new SoundTrack(withAir, List.of(drop), options)) > 1e-3, "with air it is heard");
            assertTrue(peak(new SoundTrack(airless, List.of(drop), options)) == 0, "without air: silence");
        }
    }

    /** The largest magnitude of the first second, both channels. */
    private static double peak(SoundTrack track) {
        int n = SoundTrack.SAMPLE_RATE;
        float[] l = new float[n], r = new float[n];
        track.render(0, l, r, n);
        double p = 0;
        for (int i = 0; i < n; i++) p = Math.max(p, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        return p;
    }
}
