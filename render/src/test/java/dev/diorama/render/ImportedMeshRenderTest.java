package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's model (an OBJ tetrahedron written here) and the new shapes show up in the picture. */
class ImportedMeshRenderTest {
    @Test
    void anImportedTetrahedronAndABowlAreSeenWhereTheyStand(@TempDir Path dir) throws Exception {
        Path obj = dir.resolve("tetra.obj");
        Files.writeString(obj, "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
        SceneObject model = new SceneObject("model", Shape.MESH, Material.PLASTIC, TestScenes.RED, new Vec3(0.4, 0.4, 0.4),
                new Vec3(-0.3, 0.2, 0), null, null, false, obj.toString());
        SceneObject bowl = new SceneObject("bowl", Shape.BOWL, Material.STONE, null, new Vec3(0.3, 0.13, 0.3),
                new Vec3(0.35, 0.065, 0), null, null, true, null);
        Camera cam = new Camera(new Vec3(0, 0.3, -2), new Vec3(0, 0.15, 0), 40);
        int w = 96, h = 64;
        Scene with = TestScenes.equator(w, h, LocalTime.NOON, cam, List.of(model, bowl));
        Scene without = TestScenes.equator(w, h, LocalTime.NOON, cam, List.of());
        byte[] a = TestScenes.render(with, 1), b = TestScenes.render(without, 1);
        PinholeCamera pc = new PinholeCamera(cam, w, h);
        // The tetrahedron's box centre is inside its hull for this corner tetrahedron only near the
        // corner at the origin: its low, near corner (-0.5, -0.5, -0.5 of the box) is solid.
        int[] onModel = project(pc, new Vec3(-0.3 - 0.12, 0.2 - 0.12, -0.2), w, h);
        int[] onBowl = project(pc, new Vec3(0.35, 0.1, -0.15), w, h);
        int[] sky = project(pc, new Vec3(0, 0.55, 0), w, h);
        assertTrue(differs(a, b, onModel, w), "the model is seen at its place");
        assertTrue(differs(a, b, onBowl, w), "the bowl is seen at its place");
        assertTrue(!differs(a, b, sky, w), "the sky above them is untouched");
    }

    static int[] project(PinholeCamera pc, Vec3 p, int w, int h) {
        double[] px = pc.project(p.x(), p.y(), p.z());
        return new int[] {(int) px[0], (int) px[1]};
    }

    static boolean differs(byte[] a, byte[] b, int[] px, int w) {
        int k = 3 * (px[1] * w + px[0]);
        int d = 0;
        for (int c = 0; c < 3; c++) d += Math.abs((a[k + c] & 255) - (b[k + c] & 255));
        return d > 12;
    }
}
