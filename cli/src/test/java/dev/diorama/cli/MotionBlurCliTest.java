package dev.diorama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --motion-blur}: the still of a falling ball is another picture with it than without. */
class MotionBlurCliTest {
    @TempDir
    Path dir;

    @Test
    void theFlagBlursAFallingBall() throws Exception {
        Path sharp = dir.resolve("sharp.png"), blurred = dir.resolve("blurred.png");
        String prompt = "a red rubber ball drops onto a wooden floor";
        CliTest.Run a = CliTest.run("generate", prompt, "-o", sharp.toString(), "--at", "0.3", "--size", "160x90", "--quiet");
        CliTest.Run b = CliTest.run("generate", prompt, "-o", blurred.toString(), "--at", "0.3", "--size", "160x90", "--quiet",
                "--motion-blur");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertFalse(Arrays.equals(Files.readAllBytes(sharp), Files.readAllBytes(blurred)), "the falling ball is smeared");
    }
}
