package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Vec3;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A photograph laid behind the scene: the camera's rays find the photograph where a pinhole camera would have taken it. */
class BackdropTest {
    static final int RED = 0xff0000, GREEN = 0x00ff00, BLUE = 0x0000ff, WHITE = 0xffffff;

    /** A 160 x 120 photograph (4:3) in four quadrants, with a black 20-pixel band on the left and right. */
    static BufferedImage quadrants() {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                int c = x < 20 || x >= 140 ? 0 : y < 60 ? (x < 80 ? RED : GREEN) : (x < 80 ? BLUE : WHITE);
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    /** The panorama's colour in world direction d (no rotation: u = 0.5 looks north, v = 0 straight up). */
    static int lookUp(BufferedImage pano, double[] d) {
        double phi = Math.atan2(d[0], -d[2]), theta = Math.acos(Math.max(-1, Math.min(1, d[1])));
        int i = (int) Math.min(pano.getWidth() - 1, Math.floor((phi / (2 * Math.PI) + 0.5) * pano.getWidth()));
        int j = (int) Math.min(pano.getHeight() - 1, Math.floor(theta / Math.PI * pano.getHeight()));
        return pano.getRGB(i, j) & 0xffffff;
    }

    static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    @Test
    void theCameraSeesThePhotographCroppedToTheFilmsAspect() {
        // The film is 120 x 120 (aspect 1): the crop keeps the photograph's central 120 x 120, the black bands go.
        Camera camera = new Camera(new Vec3(1, 1.5, 4), new Vec3(-1, 0.8, -2), 60);
        BufferedImage pano = Backdrop.panorama(quadrants(), camera, 1.0, 4096);
        PinholeCamera pinhole = new PinholeCamera(camera, 120, 120);
        double[] d = new double[3];
        int[][] expected = {{30, 30, RED}, {90, 30, GREEN}, {30, 90, BLUE}, {90, 90, WHITE}, {2, 2, RED}, {118, 118, WHITE}};
        for (int[] e : expected) {
            pinhole.direction(e[0] + 0.5, e[1] + 0.5, d);
            assertEquals(e[2], lookUp(pano, d), "picture point (" + e[0] + ", " + e[1] + ")");
        }
    }

    @Test
    void behindTheCameraThePhotographIsMirroredAndBesideItTheEdgesGoOn() {
        Camera camera = new Camera(new Vec3(0, 1, 5), new Vec3(0, 1, 0), 50);
        BufferedImage pano = Backdrop.panorama(quadrants(), camera, 4.0 / 3, 2048);
        // Straight behind (+z) and a little up: the mirror of straight ahead and a little up, the top half.
        double s = Math.sqrt(1 + 0.01);
        assertEquals(lookUp(pano, new double[] {0.05 / s, 0.1 / s, -1 / s}), lookUp(pano, new double[] {0.05 / s, 0.1 / s, 1 / s}));
        // Far to the right (east, +x): beyond the photograph's right edge, its edge colour (the black band).
        assertEquals(0, lookUp(pano, unit(0.95, 0.1, -0.2)));
        // Nearly straight up, a little to the left: above the view, the top edge's left half (red).
        assertEquals(RED, lookUp(pano, unit(-0.02, 1, -0.3)));
    }
}
