package dev.diorama.render;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneException;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.SceneObject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A still of a scene file at rest (every object at its start pose), with the renderer's options
 * that the film command does not expose: the stills gallery's tool for depth of field and for
 * looking at materials without running the physics.
 *
 * <pre>
 * java -cp ... dev.diorama.render.RenderStill SCENE.json -o OUT.png [--size WxH] [--aperture M]
 *      [--focus M] [--lens-samples N] [--threads N]
 * </pre>
 */
public final class RenderStill {
    private RenderStill() {}

    public static void main(String[] args) throws Exception {
        String in = null, out = null;
        int w = 0, h = 0, threads = 0, lensSamples = 32;
        double aperture = 0, focus = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-o" -> out = args[++i];
                case "--size" -> {
                    String[] s = args[++i].split("x");
                    w = Integer.parseInt(s[0]);
                    h = Integer.parseInt(s[1]);
                }
                case "--aperture" -> aperture = Double.parseDouble(args[++i]);
                case "--focus" -> focus = Double.parseDouble(args[++i]);
                case "--lens-samples" -> lensSamples = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> in = args[i];
            }
        }
        if (in == null || out == null) {
            System.err.println("usage: RenderStill SCENE.json -o OUT.png [--size WxH] [--aperture M] [--focus M]");
            System.exit(2);
        }
        try {
            Scene scene = SceneJson.read(Files.readString(Path.of(in)));
            if (w > 0) scene = scene.withTiming(scene.seconds(), scene.fps(), w, h);
            RenderOptions options = RenderOptions.DEFAULT;
            if (aperture > 0) options = options.withDepthOfField(aperture, focus, lensSamples);
            List<Pose> poses = new ArrayList<>();
            for (SceneObject o : scene.objects()) poses.add(new Pose(o.position(), o.rotation()));
            byte[] bgr = new byte[scene.width() * scene.height() * 3];
            try (Renderer r = new Renderer(scene, threads, options)) {
                r.render(new Keyframe(0, 0, poses), bgr);
            }
            BufferedImage image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_3BYTE_BGR);
            // TYPE_3BYTE_BGR keeps its pixels as blue, green, red bytes: the renderer's own layout.
            byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(bgr, 0, pixels, 0, bgr.length);
            ImageIO.write(image, "png", new File(out));
        } catch (SceneException e) {
            System.err.println("RenderStill: " + in + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
