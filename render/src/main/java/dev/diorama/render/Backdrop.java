package dev.diorama.render;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Vec3;
import java.awt.image.BufferedImage;

/**
 * A photograph turned into the panorama a scene's sky and light come from, so that the camera sees
 * the photograph behind the scene: OpenAI's {@code input_reference} ("the image the video starts
 * from") as Diorama's backdrop.
 *
 * <p>The photograph is first cropped about its centre to the film's aspect ratio, then laid over
 * the part of the sphere of directions the camera sees at t = 0: a direction that leaves the eye
 * through picture point (x, y) finds photograph point (x, y), exactly as a pinhole camera of the
 * scene's horizontal field of view would have taken it. The rest of the sphere continues the
 * photograph: directions beside the view take its nearest edge, and directions behind the camera
 * see it mirrored (the view reflected through the camera's image plane), so reflections and the
 * light from all around keep the photograph's colours. A photograph carries no light levels (8-bit,
 * no sun), so the scene is lit softly by its colours, with no hard shadows.
 *
 * <p>The panorama is equirectangular like any {@link EnvironmentMap}: its centre column looks north
 * (-z), its top row straight up; it is written with no rotation.
 */
public final class Backdrop {
    private Backdrop() {}

    /**
     * @param photo   the photograph (any size of at least 2 x 2)
     * @param camera  the scene's camera at t = 0
     * @param aspect  the film's width over its height
     * @param width   the panorama's width in pixels (its height is half of it)
     */
    public static BufferedImage panorama(BufferedImage photo, Camera camera, double aspect, int width) {
        if (photo.getWidth() < 2 || photo.getHeight() < 2) throw new IllegalArgumentException("expected a photograph of at least 2 x 2 pixels");
        if (width < 8 || width % 2 != 0) throw new IllegalArgumentException("expected an even panorama width of at least 8");
        // The crop: the largest centred rectangle of the film's aspect ratio.
        double pw = photo.getWidth(), ph = photo.getHeight();
        double cw = Math.min(pw, ph * aspect), ch = cw / aspect;
        double x0 = (pw - cw) / 2, y0 = (ph - ch) / 2;

        Vec3 forward = camera.lookAt().minus(camera.position()).normalized();
        Vec3 r = forward.cross(Vec3.UP);
        // As the pinhole camera: looking straight up or down, north (-z) is the picture's up.
        if (r.length() < 1e-9) r = forward.cross(new Vec3(0, 0, -1));
        Vec3 right = r.normalized();
        Vec3 up = right.cross(forward);
        double tanH = Math.tan(Math.toRadians(camera.fov() / 2)), tanV = tanH / aspect;

        int height = width / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int j = 0; j < height; j++) {
            double theta = (j + 0.5) / height * Math.PI;
            double st = Math.sin(theta), ct = Math.cos(theta);
            for (int i = 0; i < width; i++) {
                double phi = ((i + 0.5) / width - 0.5) * 2 * Math.PI;
                double dx = st * Math.sin(phi), dy = ct, dz = -st * Math.cos(phi);
                double x = dx * right.x() + dy * right.y() + dz * right.z();
                double y = dx * up.x() + dy * up.y() + dz * up.z();
                double z = Math.abs(dx * forward.x() + dy * forward.y() + dz * forward.z());
                z = Math.max(z, 1e-6);
                double u = 0.5 + x / (2 * z * tanH), v = 0.5 - y / (2 * z * tanV);
                u = Math.max(0, Math.min(1, u));
                v = Math.max(0, Math.min(1, v));
                row[i] = bilinear(photo, x0 + u * cw, y0 + v * ch);
            }
            out.setRGB(0, j, width, 1, row, 0, width);
        }
        return out;
    }

    /** The photograph's colour at continuous pixel coordinates (x, y), pixel centres at half-integers. */
    private static int bilinear(BufferedImage img, double x, double y) {
        double fx = Math.max(0, Math.min(img.getWidth() - 1, x - 0.5)), fy = Math.max(0, Math.min(img.getHeight() - 1, y - 0.5));
        int ix = (int) Math.min(img.getWidth() - 2, Math.floor(fx)), iy = (int) Math.min(img.getHeight() - 2, Math.floor(fy));
        double wx = fx - ix, wy = fy - iy;
        int a = img.getRGB(ix, iy), b = img.getRGB(ix + 1, iy), c = img.getRGB(ix, iy + 1), d = img.getRGB(ix + 1, iy + 1);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 255) * (1 - wx) + ((b >> shift) & 255) * wx;
            double bottom = ((c >> shift) & 255) * (1 - wx) + ((d >> shift) & 255) * wx;
            int value = (int) Math.round(top * (1 - wy) + bottom * wy);
            rgb |= value << shift;
        }
        return rgb;
    }
}
