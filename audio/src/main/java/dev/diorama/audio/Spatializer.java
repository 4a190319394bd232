package dev.diorama.audio;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Vec3;

/**
 * Places a sound in the stereo image as the camera, which is also the listener, would hear it.
 *
 * <p>The camera frame: forward = normalize(lookAt - position), right = normalize(forward x up)
 * with up = +y (the picture's right), so a source on the right of the picture sounds on the right.
 * Three cues, for a source and a listener where they are (a sound whose source or listener moves
 * while it rings is placed again as it goes: {@code SoundTrack}'s motion):
 * <ul>
 *   <li><b>Level by direction</b>: constant-power pan from the lateral position {@code s = sin(azimuth)}
 *       in [-1, 1] (azimuth measured from forward towards right): {@code phi = (s + 1) pi / 4},
 *       left gain cos(phi), right gain sin(phi); the power sum is 1 wherever the source is. A source
 *       behind the camera pans like its mirror image in front (two channels cannot tell).</li>
 *   <li><b>Level by distance</b>: {@code REFERENCE_DISTANCE / max(r, MIN_DISTANCE)}, the 1/r law of a
 *       point source, clamped near the camera so a strike at the lens does not blow up.</li>
 *   <li><b>Interaural time difference</b> (Woodworth): {@code ITD = (a / c) (theta + sin theta)}
 *       with head radius a = 0.0875 m, c = 343 m/s and theta = asin(s) the lateral angle; about
 *       0.66 ms at 90 degrees (REFERENCE.md). The ear nearer the source hears the strike first, at the
 *       event's own sample; the far ear is delayed by the ITD, a fractional number of samples (one
 *       sample is 20.8 us, and people notice about 10 us).</li>
 * </ul>
 * There is no propagation delay from the source to the camera: film convention puts the sound on
 * the frame where the contact is seen, whatever the distance.
 */
final class Spatializer {
    /** Distance, m, at which an event plays at its calibrated level (typical camera distance). */
    static final double REFERENCE_DISTANCE = 2.0;
    /** Distances below this, m, count as this for the level. */
    static final double MIN_DISTANCE = 0.5;
    static final double HEAD_RADIUS = 0.0875;
    static final double SPEED_OF_SOUND = 343;

    private final Vec3 eye;
    private final Vec3 forward;
    private final Vec3 right;

    Spatializer(Camera camera) {
        eye = camera.position();
        forward = camera.lookAt().minus(eye).normalized();
        Vec3 r = forward.cross(Vec3.UP);
        // Looking straight up or down there is no horizon to take "right" from; use world +x.
        right = r.length() < 1e-9 ? new Vec3(1, 0, 0) : r.normalized();
    }

    /**
     * How a source at {@code point} is heard.
     *
     * @param gainLeft    left-channel gain (pan times distance)
     * @param gainRight   right-channel gain
     * @param delayLeft   delay of the left ear, in samples at {@link SoundTrack#SAMPLE_RATE}; 0 for the nearer ear
     * @param delayRight  delay of the right ear, in samples
     */
    record Placement(double gainLeft, double gainRight, double delayLeft, double delayRight) {}

    /** Where the listener is: the camera's position. */
    Vec3 eye() { return eye; }

    Placement place(Vec3 point) {
        Vec3 d = point.minus(eye);
        double r = d.length();
        double lateral = r < 1e-9 ? 0 : Math.max(-1, Math.min(1, d.dot(right) / r));
        double phi = (lateral + 1) * Math.PI / 4;
        double level = REFERENCE_DISTANCE / Math.max(r, MIN_DISTANCE);
        double theta = Math.asin(Math.abs(lateral));
        double itd = HEAD_RADIUS / SPEED_OF_SOUND * (theta + Math.sin(theta)) * SoundTrack.SAMPLE_RATE;
        return new Placement(level * Math.cos(phi), level * Math.sin(phi),
                lateral > 0 ? itd : 0, lateral < 0 ? itd : 0);
    }
}
