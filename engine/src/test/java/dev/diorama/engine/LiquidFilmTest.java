package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A film with a liquid, end to end: a pine block dropped into a glass tank of water becomes an MP4
 * with sound and a sidecar that carries, besides the poses, the water's particle count and volume
 * in every frame and the bubbles and splashes the sound was made of, on the film's clock.
 */
class LiquidFilmTest {
    @TempDir
    Path dir;

    /** A pine block over a glass tank of water 12 cm deep, a second at 96 x 54; {@code more}: other top-level fields, each followed by a comma. */
    static Scene blockOverTank(String more) {
        return SceneJson.read("{" + more + """
                 "seconds": 1.0, "size": "96x54", "seed": 5,
                 "camera": {"position": [0, 0.3, -0.7], "lookAt": [0, 0.1, 0], "fov": 45},
                 "objects": [
                  {"id": "tank", "shape": "tank", "material": "glass", "size": [0.3, 0.25, 0.2], "position": [0, 0.125, 0], "fixed": true},
                  {"id": "block", "shape": "cube", "material": "pine", "size": [0.08, 0.08, 0.08], "position": [0, 0.2, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "tank", "level": 0.12, "spacing": 0.01}]}
                """);
    }

    @Test
    void aBlockDroppedIntoATankOfWaterIsFilmedWithTheWatersGroundTruth() throws Exception {
        Scene scene = blockOverTank("");
        Path video = dir.resolve("tank.mp4");
        FilmMaker.film(scene, video, FilmMaker.Settings.defaults());
        try (MediaReader r = new MediaReader(video)) {
            MediaInfo info = r.info();
            assertEquals("h264", info.videoCodec());
            assertEquals("aac", info.audioCodec());
            assertEquals(1.0, info.durationSeconds(), 1.0 / 24);
        }
        JsonNode sidecar = SceneJson.MAPPER.readTree(FilmMaker.sidecarFor(video).toFile());
        assertEquals(scene, SceneJson.read(sidecar.get("scene").toString()), "the sidecar's scene is the film's");
        JsonNode frames = sidecar.get("frames");
        assertEquals(24, frames.size());
        JsonNode first = frames.get(0).get("liquids").get("water"), last = frames.get(23).get("liquids").get("water");
        assertTrue(first.get("particles").asInt() > 5000, "the tank holds its water: " + first);
        assertEquals(first.get("particles").asInt(), last.get("particles").asInt(), 0.005 * first.get("particles").asInt());
        // The glass's inside (0.3 - 2 t by 0.2 - 2 t, t = 7.5 mm) up to 0.12 m, less the film g the liquid
        // stands off the glass on every side and the floor: the boundary samples of glass thinner than
        // the solver's wall offset lie half its thickness deep, g = offset - t / 2 behind where they should.
        double glass = 0.0075, g;
        try (dev.diorama.fluid.FluidSolver f = new dev.diorama.fluid.FluidSolver(dev.diorama.fluid.FluidSolver.Settings.of(0.01,
                dev.diorama.fluid.Liquid.WATER, new double[] {0, 0, 0}, new double[] {1, 1, 1}))) {
            g = f.wallOffset() - glass / 2;
        }
        double expected = (0.3 - 2 * glass - 2 * g) * (0.2 - 2 * glass - 2 * g) * (0.12 - g);
        assertEquals(expected, first.get("volume").asDouble(), 0.01 * expected, "the water's volume (m^3), g = " + g);
        assertEquals(first.get("volume").asDouble(), last.get("volume").asDouble(), 0.02 * first.get("volume").asDouble());
        JsonNode sounds = sidecar.get("liquidSounds");
        assertTrue(sounds != null && sounds.size() > 0, "the water's splash and bubbles are in the ground truth");
        double before = -1;
        for (JsonNode s : sounds) {
            double t = s.get("t").asDouble();
            assertTrue(t >= before, "in order of time");
            before = t;
            assertEquals((int) Math.floor(t * 24), s.get("frame").asInt());
            assertEquals(Math.round(t * 48_000), s.get("sample").asLong());
            assertTrue(s.get("kind").asText().equals("bubble") ? s.get("radius").asDouble() > 0 : s.get("speed").asDouble() > 0, s.toString());
        }
    }
}
