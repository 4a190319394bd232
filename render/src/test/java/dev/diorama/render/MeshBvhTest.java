package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.assets.PbrMaterial;
import dev.diorama.assets.TriangleMesh;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeshBvhTest {
    @Test
    void aRayHitsATriangleWhereGeometrySaysWithItsNormalAndUv() {
        // Triangle (0,0,0), (2,0,0), (0,2,0) in the plane z = 0, facing +z; uv = the corners' x/2, y/2.
        TriangleMesh m = new TriangleMesh(new float[] {0, 0, 0, 2, 0, 0, 0, 2, 0}, null, new float[] {0, 0, 1, 0, 0, 1},
                new int[] {0, 1, 2}, null, List.of(PbrMaterial.DEFAULT));
        MeshBvh bvh = new MeshBvh(m);
        MeshBvh.MeshHit h = new MeshBvh.MeshHit();
        // From (0.5, 0.25, 3) straight down -z: hits (0.5, 0.25, 0) at t = 3.
        double t = bvh.intersect(0.5, 0.25, 3, 0, 0, -1, 1e-7, Double.POSITIVE_INFINITY, h);
        assertEquals(3, t, 1e-12);
        assertEquals(0.25, h.b1, 1e-12);   // weight of (2,0,0): x / 2
        assertEquals(0.125, h.b2, 1e-12);  // weight of (0,2,0): y / 2
        double[] n = new double[3], uv = new double[2];
        bvh.normal(h, n);
        bvh.uv(h, uv);
        assertEquals(1, n[2], 1e-12);
        assertEquals(0.25, uv[0], 1e-6);
        assertEquals(0.125, uv[1], 1e-6);
        // Outside the triangle (x + y > 2): a miss.
        assertTrue(Double.isNaN(bvh.intersect(1.5, 1.0, 3, 0, 0, -1, 1e-7, Double.POSITIVE_INFINITY, h)));
    }

    @Test
    void theTreeAndBruteForceAgreeOnThousandsOfRandomRays() {
        for (Shape s : new Shape[] {Shape.BOWL, Shape.JUG, Shape.STAIRS, Shape.TABLE, Shape.CONE}) {
            Vec3 size = s.proportions(0.5);
            MeshBvh bvh = new MeshBvh(ShapeMeshes.mesh(s, size, null));
            SplittableRandom rnd = new SplittableRandom(7);
            MeshBvh.MeshHit a = new MeshBvh.MeshHit(), b = new MeshBvh.MeshHit();
            int hits = 0;
            for (int i = 0; i < 4000; i++) {
                double ox = rnd.nextDouble(-1, 1), oy = rnd.nextDouble(-1, 1), oz = rnd.nextDouble(-1, 1);
                double tx = rnd.nextDouble(-0.3, 0.3), ty = rnd.nextDouble(-0.3, 0.3), tz = rnd.nextDouble(-0.3, 0.3);
                double dx = tx - ox, dy = ty - oy, dz = tz - oz, l = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double t1 = bvh.intersect(ox, oy, oz, dx / l, dy / l, dz / l, 1e-7, Double.POSITIVE_INFINITY, a);
                double t2 = bvh.intersectBruteForce(ox, oy, oz, dx / l, dy / l, dz / l, 1e-7, Double.POSITIVE_INFINITY, b);
                assertEquals(Double.isNaN(t1), Double.isNaN(t2), s + " ray " + i);
                if (!Double.isNaN(t1)) {
                    hits++;
                    assertEquals(t2, t1, 1e-12, s + " ray " + i);
                }
            }
            assertTrue(hits > 500, s + ": " + hits + " hits");
        }
    }

    @Test
    void aShapesSilhouetteIsItsGeometry() {
        // A cone seen from the side along z: rays at height y hit when |x| < r (1 - (y + h/2) / h).
        Vec3 size = new Vec3(0.4, 0.6, 0.4);
        MeshBvh bvh = new MeshBvh(ShapeMeshes.mesh(Shape.CONE, size, null));
        MeshBvh.MeshHit h = new MeshBvh.MeshHit();
        int n = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                double x = -0.25 + 0.5 * (i + 0.5) / 60, y = -0.35 + 0.7 * (j + 0.5) / 60;
                double edge = 0.2 * (1 - (y + 0.3) / 0.6);
                boolean inside = y > -0.3 && y < 0.3 && Math.abs(x) < edge;
                boolean hit = !Double.isNaN(bvh.intersect(x, y, -2, 0, 0, 1, 1e-7, Double.POSITIVE_INFINITY, h));
                // The lathe's 48 chords fall short of the circle by at most r (1 - cos(pi/48)) = 0.4 mm.
                if (Math.abs(Math.abs(x) - edge) > 0.001 && y > -0.299 && y < 0.299) assertEquals(inside, hit, x + ", " + y);
                if (hit) n++;
            }
        }
        assertTrue(n > 500);
    }
}
