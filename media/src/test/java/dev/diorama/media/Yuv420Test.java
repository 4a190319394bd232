package dev.diorama.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Yuv420Test {

    private static byte[][] planes(byte[] bgr, int width, int height) {
        byte[] y = new byte[width * height];
        byte[] u = new byte[width * height / 4];
        byte[] v = new byte[width * height / 4];
        Yuv420.fromBgr(bgr, width, height, y, width, u, width / 2, v, width / 2);
        return new byte[][] {y, u, v};
    }

    @Test
    void blackWhiteAndGreyLandOnTheLimitedRangeLevels() {
        assertEquals(16, planes(Pictures.solid(2, 2, 0, 0, 0), 2, 2)[0][0] & 0xff);
        byte[][] white = planes(Pictures.solid(2, 2, 255, 255, 255), 2, 2);
        assertEquals(235, white[0][0] & 0xff);
        assertEquals(128, white[1][0] & 0xff);
        assertEquals(128, white[2][0] & 0xff);
        assertEquals(128, planes(Pictures.solid(2, 2, 77, 77, 77), 2, 2)[1][0] & 0xff);
    }

    @Test
    void bt709PrimariesMatchTheStandardsValues() {
        // BT.709 limited range: pure red is Y 63, Cb 102, Cr 240; pure blue is Y 32, Cb 240, Cr 118.
        byte[][] red = planes(Pictures.solid(2, 2, 0, 0, 255), 2, 2);
        assertEquals(63, red[0][0] & 0xff);
        assertEquals(102, red[1][0] & 0xff);
        assertEquals(240, red[2][0] & 0xff);
        byte[][] blue = planes(Pictures.solid(2, 2, 255, 0, 0), 2, 2);
        assertEquals(32, blue[0][0] & 0xff);
        assertEquals(240, blue[1][0] & 0xff);
        assertEquals(118, blue[2][0] & 0xff);
    }

    @Test
    void flatColoursSurviveTheRoundTripWithinOneLevel() {
        int[][] colours = {{0, 0, 0}, {255, 255, 255}, {40, 120, 200}, {200, 30, 90}, {10, 250, 10}};
        for (int[] c : colours) {
            byte[] bgr = Pictures.solid(4, 4, c[0], c[1], c[2]);
            byte[][] p = planes(bgr, 4, 4);
            byte[] back = new byte[bgr.length];
            Yuv420.toBgr(p[0], 4, p[1], 2, p[2], 2, 4, 4, Yuv420.Matrix.BT709, false, back);
            for (int i = 0; i < 3; i++) {
                int diff = Math.abs((back[i] & 0xff) - c[i]);
                assertTrue(diff <= 2, "colour " + Arrays.toString(c) + " channel " + i + " off by " + diff);
            }
        }
    }
}
