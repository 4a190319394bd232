package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.scene.SceneJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemixCommandTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRemixKeepsTheSeedChangesWhatItSaysAndRecordsItsOrigin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Path first = dir.resolve("first.mp4");
        assertEquals(0, run(out, err, "generate", "a red rubber ball drops onto a wooden floor", "-o", first.toString(),
                "--size", "64x36", "--seconds", "0.5", "--seed", "7", "--quiet"), err.toString());
        Path second = dir.resolve("second.mp4");
        assertEquals(0, run(out, err, "remix", dir.resolve("first.json").toString(),
                "make the floor marble and the ball glass", "-o", second.toString(), "--quiet"), err.toString());
        JsonNode sidecar = SceneJson.MAPPER.readTree(Files.readString(dir.resolve("second.json")));
        assertEquals(7, sidecar.get("seed").asLong());
        assertEquals("marble", sidecar.get("scene").get("environment").get("floor").asText());
        assertEquals("glass", sidecar.get("scene").get("objects").get(0).get("material").asText());
        assertEquals("make the floor marble and the ball glass", sidecar.get("remixedFrom").get("edit").asText());
        assertTrue(sidecar.get("remixedFrom").get("file").asText().endsWith("first.json"));
        assertTrue(Files.size(second) > 0);
    }

    @Test
    void anEditThatNamesNothingIsABadInputWithOneLine() throws Exception {
        Path scene = dir.resolve("scene.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "explain", "a ball"));
        Files.writeString(scene, out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err2, "remix", scene.toString(), "make the cube steel",
                "-o", dir.resolve("x.mp4").toString()));
        String msg = err2.toString(StandardCharsets.UTF_8);
        assertTrue(msg.startsWith("diorama: \"make the cube steel\": names no object"), msg);
        assertEquals(1, msg.strip().lines().count(), msg);
        assertTrue(!Files.exists(dir.resolve("x.mp4")));
    }
}
