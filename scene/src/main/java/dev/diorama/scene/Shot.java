package dev.diorama.scene;

/**
 * One shot of a storyboard: from {@code start} until the next shot's start (or the end of the film)
 * the picture is seen from {@code camera}, moving by {@code move} over the shot's own length, eased
 * in and out as a whole film's move is. The world runs on through the cuts: only the view changes.
 *
 * @param start   film time at which the shot begins, s; the first shot begins at 0
 * @param camera  the camera at the shot's start
 * @param move    how it moves during the shot, or null for a still camera
 */
public record Shot(double start, Camera camera, CameraMove move) {
    public Shot {
        SceneException.check(Double.isFinite(start) && start >= 0, "/start", "expected a start time in seconds, 0 or more");
        SceneException.check(camera != null, "/camera", "expected the shot's camera");
    }
}
