package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.render.Renderer;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import dev.diorama.scene.Timeline;
import dev.diorama.sim.Simulator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Films with motion blur: a falling ball's frame is smeared along its fall by the distance it covers
 * while the shutter is open (half a frame interval), its ground truth unchanged.
 */
class MotionBlurFilmTest {
    @TempDir
    Path dir;

    /** Rows of the picture's centre column (the ball falls along it) that show the red ball. */
    static int[] redRows(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int x = img.getWidth() / 2, top = -1, bottom = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            int p = img.getRGB(x, y), r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            if (r > 60 && r > 2 * g && r > 2 * b) {
                if (top < 0) top = y;
                bottom = y;
            }
        }
        return new int[] {top, bottom};
    }

    @Test
    void aFallingBallIsSmearedByItsFallWhileTheShutterIsOpen() throws IOException {
        Scene scene = FilmMakerTest.bounceScene(3).withTiming(1, FilmMakerTest.FPS, FilmMakerTest.W, FilmMakerTest.H);
        // Frame 8 (t = 1/3 s): the ball has fallen 0.54 m from 1.15 m and moves at 3.3 m/s; in half
        // a frame interval (1/48 s) it falls about 7 cm more.
        double t = 8.0 / FilmMakerTest.FPS;
        Timeline timeline = Simulator.run(scene);
        Keyframe now = timeline.frames().get(8), next = timeline.frames().get(9);
        double y0 = now.poses().get(0).position().y(), y1 = next.poses().get(0).position().y();
        assertTrue(y0 - y1 > 0.1 && y1 > 0.3, "falling fast, still in the air: " + y0 + " then " + y1);
        Path sharp = dir.resolve("sharp.png"), blurred = dir.resolve("blurred.png");
        FilmMaker.Settings settings = new FilmMaker.Settings(2, Progress.NONE);
        FilmMaker.still(scene, t, sharp, settings);
        FilmMaker.still(scene, t, blurred, settings.withMotionBlur());
        // The picture is the shutter's: the mean of the instants between the frame's poses and those
        // halfway (a 180-degree shutter) to the next frame's, the ball falling straight without turning.
        Pose p0 = now.poses().get(0), p1 = next.poses().get(0);
        assertEquals(p0.rotation(), p1.rotation(), "dropped without spin");
        Pose half = new Pose(p0.position().plus(p1.position().minus(p0.position()).times(FilmMaker.MOTION_BLUR_SHUTTER)),
                p0.rotation().normalized());
        Keyframe close = new Keyframe(now.index(), now.t() + FilmMaker.MOTION_BLUR_SHUTTER / scene.fps(), List.of(half));
        byte[] expected = new byte[scene.width() * scene.height() * 3];
        try (Renderer r = new Renderer(scene, 1, settings.withMotionBlur().render())) {
            r.render(now, close, expected);
        }
        int[] picture = rgb(blurred), reference = new int[picture.length];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = 0xFF000000 | (expected[3 * i + 2] & 255) << 16 | (expected[3 * i + 1] & 255) << 8 | (expected[3 * i] & 255);
        }
        assertArrayEquals(reference, picture, "the film's frame is the shutter's picture");
        // And it is smeared: below the sharp ball's lowest red row the blurred picture changes, and
        // not more than the shutter's fall further down.
        int[] a = redRows(sharp);
        int[] s0 = rgb(sharp);
        // (Only near the ball: further down its shadow on the floor moves as well.)
        int w = scene.width(), x = w / 2, lowest = -1;
        for (int y = 0; y <= a[1] + 15; y++) if (s0[y * w + x] != picture[y * w + x]) lowest = y;
        double pixelsPerMetre = (a[1] - a[0] + 1) / 0.3, smear = FilmMaker.MOTION_BLUR_SHUTTER * (y0 - y1) * pixelsPerMetre;
        assertTrue(smear > 4, "a smear worth measuring: " + smear + " px");
        assertTrue(lowest > a[1] && lowest <= a[1] + smear + 2, "changed down to row " + lowest + ", the ball's bottom at "
                + a[1] + ", the smear " + smear + " px");
    }

    static int[] rgb(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void withNothingMovingTheBlurredFilmIsTheSharpOne() throws IOException {
        // A ball fixed on the floor: every frame's poses are the same.
        Scene bounce = FilmMakerTest.bounceScene(3);
        SceneObject ball = bounce.objects().get(0);
        Scene scene = new Scene(3, 4, FilmMakerTest.FPS, 96, 64, 0, Scene.STANDARD_GRAVITY, bounce.time(), bounce.environment(),
                bounce.camera(), List.of(new SceneObject(ball.id(), ball.shape(), ball.material(), ball.color(), ball.size(),
                        new Vec3(0, 0.15, 0), null, null, true, null)));
        Path sharp = dir.resolve("rest-sharp.png"), blurred = dir.resolve("rest-blurred.png");
        FilmMaker.Settings settings = new FilmMaker.Settings(1, Progress.NONE);
        FilmMaker.still(scene, 3.9, sharp, settings);
        FilmMaker.still(scene, 3.9, blurred, settings.withMotionBlur());
        BufferedImage s = ImageIO.read(sharp.toFile()), b = ImageIO.read(blurred.toFile());
        assertArrayEquals(s.getRGB(0, 0, 96, 64, null, 0, 96), b.getRGB(0, 0, 96, 64, null, 0, 96));
        assertTrue(Files.size(sharp) > 0);
    }
}
