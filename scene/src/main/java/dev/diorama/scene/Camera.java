package dev.diorama.scene;

import java.util.List;

/**
 * A pinhole camera at one moment: the scene's camera is the one at t = 0, and the same camera is
 * the listener of the sound (for now, even when the camera moves: see {@link CameraMove} and
 * {@link Scene#cameraAt(double)} for the camera at other times).
 *
 * @param position  eye position, metres
 * @param lookAt    the point at the centre of the picture, metres
 * @param fov       horizontal field of view in degrees, (1, 170)
 */
public record Camera(Vec3 position, Vec3 lookAt, double fov) {
    public Camera {
        SceneException.checkFinite(position, SceneObject.MAX_COORDINATE * 2, "/position", "the eye position [x, y, z]");
        SceneException.checkFinite(lookAt, SceneObject.MAX_COORDINATE * 2, "/lookAt", "a target point [x, y, z]");
        SceneException.check(position.minus(lookAt).length() > 1e-6, "/lookAt",
                "expected a target point different from the eye position");
        SceneException.check(fov > 1 && fov < 170, "/fov", "expected a horizontal field of view in (1, 170) degrees");
    }

    /**
     * A camera at eye level a little above the action, looking along +z (south), far enough back
     * that every object, at rest and at its starting height, fits inside the picture.
     */
    public static Camera framing(List<SceneObject> objects, double aspect) {
        double minX = -0.5, maxX = 0.5, minY = 0, maxY = 0.5, minZ = -0.5, maxZ = 0.5;
        for (SceneObject o : objects) {
            double r = o.boundingRadius();
            Vec3 p = o.position();
            minX = Math.min(minX, p.x() - r);
            maxX = Math.max(maxX, p.x() + r);
            maxY = Math.max(maxY, p.y() + r);
            minZ = Math.min(minZ, p.z() - r);
            maxZ = Math.max(maxZ, p.z() + r);
        }
        double fov = 50;
        double halfW = (maxX - minX) / 2 * 1.15, halfH = (maxY - minY) / 2 * 1.15;
        double tanX = Math.tan(Math.toRadians(fov / 2));
        double tanY = tanX / aspect;
        double dist = Math.max(halfW / tanX, halfH / tanY) + (maxZ - minZ) / 2;
        dist = Math.max(dist, 1.5);
        Vec3 target = new Vec3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2);
        // A low camera, a little above the action and tilted down about 8 degrees: the floor, the
        // objects and, behind them, the horizon and the sky (which carries the time of day).
        Vec3 eye = new Vec3(target.x(), target.y() + dist * 0.14, target.z() - dist);
        return new Camera(eye, target, fov);
    }
}
