package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.audio.LoudnessMeter;
import dev.diorama.media.MediaReader;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A film's sidecar says how loud its sound was mastered, and that is what a meter reads on the film. */
class SidecarSoundTest {
    @Test
    void theSidecarGivesTheLoudnessAMeterReadsOnTheFilm(@TempDir Path dir) throws Exception {
        Scene scene = PromptParser.parse("a steel ball drops onto a stone floor in a stone hall",
                new PromptParser.Options(0, 2, 24, 64, 36)).scene();
        Path video = dir.resolve("drop.mp4");
        FilmMaker.Result r = FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        JsonNode sound = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile()).get("sound");
        assertEquals(-16, sound.get("target").asDouble());
        assertEquals(-1, sound.get("ceiling").asDouble());
        assertEquals(r.mastering().finalLoudness(), sound.get("loudness").asDouble(), 0.005);
        // Our BS.1770 meter on the film's own sound track (AAC, so within half a unit).
        float[][] audio;
        try (MediaReader reader = new MediaReader(video)) {
            audio = reader.readAllAudio();
        }
        LoudnessMeter meter = new LoudnessMeter();
        meter.add(audio[0], audio[audio.length - 1], audio[0].length);
        assertEquals(meter.integrated(), sound.get("loudness").asDouble(), 0.5, sound.toString());
        assertEquals(-16, sound.get("loudness").asDouble(), 0.5, "a ringing ball in a stone hall reaches the target");
        assertTrue(sound.get("truePeak").asDouble() <= -0.95, sound.toString());
    }

    @Test
    void aFilmWhoseEventsMakeNoSoundHasNoLoudnessInItsSidecar(@TempDir Path dir) throws Exception {
        // A pendulum swings and nothing strikes in the first half second: the track is the ambience alone.
        Scene scene = PromptParser.parse("a pendulum swings", new PromptParser.Options(0, 0.5, 24, 64, 36)).scene();
        Path video = dir.resolve("swing.mp4");
        FilmMaker.Result r = FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        assertTrue(r.events().isEmpty(), r.events().toString());
        assertNull(SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile()).get("sound"));
    }
}
