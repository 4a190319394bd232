package dev.diorama.media;

/** Synthetic pictures and comparisons shared by the tests. */
final class Pictures {

    private Pictures() {}

    /** A smooth gradient that drifts with the frame number: what a rendered sky or floor looks like. */
    static byte[] gradient(int width, int height, int frame) {
        byte[] bgr = new byte[width * height * 3];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bgr[i++] = (byte) (40 + (x * 170) / width);                       // blue
                bgr[i++] = (byte) (30 + (y * 190) / height);                      // green
                bgr[i++] = (byte) (60 + ((x + y + 5 * frame) % (width + height)) * 150 / (width + height)); // red
            }
        }
        return bgr;
    }

    static byte[] solid(int width, int height, int b, int g, int r) {
        byte[] bgr = new byte[width * height * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = (byte) b;
            bgr[i + 1] = (byte) g;
            bgr[i + 2] = (byte) r;
        }
        return bgr;
    }

    static double meanAbsError(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new AssertionError("sizes differ: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }
}
