package dev.diorama.audio;

import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One mirror image of a sound source in a shoebox room (Allen and Berkley, "Image method for
 * efficiently simulating small-room acoustics", JASA 65(4):943, 1979): the path of a sound that
 * reflects off the walls on its way to the listener is the straight line from this image.
 *
 * <p>Along one axis of extent L, with the source at s measured from the lower wall, image index m
 * (any integer) sits at {@code m L + s} for even m and {@code (m + 1) L - s} for odd m; it stands
 * for |m| reflections, ceil(|m|/2) off the wall on m's side and floor(|m|/2) off the other
 * (Allen and Berkley's (n, q) pairs, renumbered). The image (mx, my, mz) has order
 * |mx| + |my| + |mz|, and its sound reaches the listener scaled by the product of the walls'
 * pressure reflection coefficients beta = sqrt(1 - alpha) ({@link Surface#reflection}), by
 * 1 / distance, and by the air's absorption over the distance.
 *
 * @param mx           image index along x (the walls at x = -w/2 and w/2)
 * @param my           image index along y (the floor, y = 0, and the ceiling)
 * @param mz           image index along z (the walls at z = -d/2 and d/2)
 * @param position     where the image is, scene coordinates, metres
 * @param distance     from the image to the listener, metres: the length of the reflected path
 * @param reflection   per octave band, the product of the reflection coefficients met on the path
 */
public record ImageSource(int mx, int my, int mz, Vec3 position, double distance, double[] reflection) {

    /** Number of reflections on the path. */
    public int order() { return Math.abs(mx) + Math.abs(my) + Math.abs(mz); }

    /** Reflections off the floor (y = 0). */
    public int floorHits() { return lowerHits(my); }

    /** Reflections off the ceiling (y = h). */
    public int ceilingHits() { return upperHits(my); }

    /** Whether this is the single first-order reflection off the floor. */
    public boolean isFloorBounce() { return mx == 0 && mz == 0 && my == -1; }

    /** Arrival time after emission, seconds. */
    public double delay() { return distance / RoomAcoustics.SPEED_OF_SOUND; }

    static int upperHits(int m) { return m >= 0 ? (m + 1) / 2 : (-m) / 2; }

    static int lowerHits(int m) { return m >= 0 ? m / 2 : (-m + 1) / 2; }

    /** Image coordinate along one axis of extent L for a source at s from the lower wall. */
    static double coordinate(int m, double extent, double s) {
        return (m & 1) == 0 ? m * extent + s : (m + 1) * extent - s;
    }

    /**
     * Every image of order at most {@code maxOrder} (the direct sound, order 0, first), sorted by
     * distance to the listener.
     */
    public static List<ImageSource> upToOrder(RoomAcoustics room, Vec3 source, Vec3 listener, int maxOrder) {
        List<ImageSource> images = new ArrayList<>();
        forEach(room, source, listener, maxOrder, true, images);
        images.sort(Comparator.comparingDouble(ImageSource::distance));
        return images;
    }

    /**
     * The shortest path among images of order {@code order} and {@code order + 1}: every image
     * nearer than this has a lower order, so the images up to order - 1 are the complete set of
     * reflections arriving before it.
     */
    static double nearestOfOrder(RoomAcoustics room, Vec3 source, Vec3 listener, int order) {
        List<ImageSource> list = new ArrayList<>();
        forEach(room, source, listener, order + 1, false, list);
        double nearest = Double.MAX_VALUE;
        for (ImageSource i : list) if (i.order() >= order) nearest = Math.min(nearest, i.distance());
        return nearest;
    }

    private static void forEach(RoomAcoustics room, Vec3 source, Vec3 listener, int maxOrder, boolean withGains,
                                List<ImageSource> out) {
        double w = room.width(), h = room.height(), d = room.depth();
        double sx = source.x() + w / 2, sy = source.y(), sz = source.z() + d / 2;
        double[] floorR = new double[OctaveBands.COUNT], ceilR = new double[OctaveBands.COUNT], wallR = new double[OctaveBands.COUNT];
        for (int b = 0; b < OctaveBands.COUNT; b++) {
            floorR[b] = room.floor().reflection(b);
            ceilR[b] = room.ceiling().reflection(b);
            wallR[b] = room.walls().reflection(b);
        }
        for (int mx = -maxOrder; mx <= maxOrder; mx++) {
            int ry = maxOrder - Math.abs(mx);
            for (int my = -ry; my <= ry; my++) {
                int rz = ry - Math.abs(my);
                for (int mz = -rz; mz <= rz; mz++) {
                    Vec3 p = new Vec3(coordinate(mx, w, sx) - w / 2, coordinate(my, h, sy), coordinate(mz, d, sz) - d / 2);
                    double r = p.minus(listener).length();
                    double[] g = null;
                    if (withGains) {
                        g = new double[OctaveBands.COUNT];
                        int walls = Math.abs(mx) + Math.abs(mz), floors = lowerHits(my), ceilings = upperHits(my);
                        for (int b = 0; b < OctaveBands.COUNT; b++) {
                            g[b] = StrictMath.pow(wallR[b], walls) * StrictMath.pow(floorR[b], floors) * StrictMath.pow(ceilR[b], ceilings);
                        }
                    }
                    out.add(new ImageSource(mx, my, mz, p, r, g));
                }
            }
        }
    }
}
