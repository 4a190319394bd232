package dev.diorama.scene;

/**
 * How the camera moves during the film, from the scene's {@link Camera} at t = 0. Every move but
 * tracking runs over the whole film and eases in and out (smoothstep in time: it starts and stops
 * at rest, as a camera operator would), so the camera at any time is a pure function of the time
 * ({@link Scene#cameraAt}). A scene without a move has a still camera.
 *
 * <p>Directions are the camera's own: "right" is the right of the picture, "up" its top.
 */
public sealed interface CameraMove {
    /** Largest turn a move may ask for, degrees (ten full turns). */
    double MAX_DEGREES = 3600;

    /** Its name in the scene file's {@code "kind"}. */
    String kind();

    /** The eye stays; the view turns about the vertical by {@code degrees}, positive to the right. */
    record Pan(double degrees) implements CameraMove {
        public Pan { checkDegrees(degrees); }

        public String kind() { return "pan"; }
    }

    /** The eye stays; the view turns up (positive) or down by {@code degrees}. */
    record Tilt(double degrees) implements CameraMove {
        public Tilt { checkDegrees(degrees); }

        public String kind() { return "tilt"; }
    }

    /**
     * The camera circles the point it looks at, about the vertical through it, by {@code degrees}:
     * positive travels to the camera's right (counter-clockwise seen from above).
     */
    record Orbit(double degrees) implements CameraMove {
        public Orbit { checkDegrees(degrees); }

        public String kind() { return "orbit"; }
    }

    /**
     * The eye travels {@code distance} metres along its line of sight, toward the point it looks at
     * (positive: dolly in) or away from it (negative: dolly out), [-100, 100] and short of that point.
     */
    record Dolly(double distance) implements CameraMove {
        public Dolly {
            SceneException.check(Double.isFinite(distance) && distance != 0 && Math.abs(distance) <= 100, "/distance",
                    "expected metres along the line of sight, not 0, within [-100, 100] (positive: in)");
        }

        public String kind() { return "dolly"; }
    }

    /** The field of view narrows (zoom in) or widens to {@code fov} degrees by the end, (1, 170). */
    record Zoom(double fov) implements CameraMove {
        public Zoom {
            SceneException.check(fov > 1 && fov < 170, "/fov", "expected the final horizontal field of view in (1, 170) degrees");
        }

        public String kind() { return "zoom"; }
    }

    /**
     * The camera follows the object {@code target} (its id): the point looked at moves with the
     * object, and the eye moves with it over the ground (not up and down), keeping its height.
     */
    record Track(String target) implements CameraMove {
        public Track {
            SceneException.check(target != null && !target.isBlank(), "/target", "expected the id of an object to follow");
        }

        public String kind() { return "track"; }
    }

    private static void checkDegrees(double degrees) {
        SceneException.check(Double.isFinite(degrees) && degrees != 0 && Math.abs(degrees) <= MAX_DEGREES, "/degrees",
                "expected degrees, not 0, within [-" + (int) MAX_DEGREES + ", " + (int) MAX_DEGREES + "]");
    }
}
