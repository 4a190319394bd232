package dev.diorama.fluid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurfaceMesherTest {
    private static final double D = 0.01;
    private static final CubicKernel KERNEL = new CubicKernel(2 * D);

    private static double latticeVolume() {
        double sum = 0;
        for (int i = -2; i <= 2; i++)
            for (int j = -2; j <= 2; j++)
                for (int k = -2; k <= 2; k++) sum += KERNEL.w(D * Math.sqrt(i * i + j * j + k * k));
        return 1 / sum;
    }

    /** A block of lattice particles whose cells fill [0, a] x [0, b] x [0, c] exactly. */
    private static double[] block(int a, int b, int c, double shift) {
        double[] xyz = new double[3 * a * b * c];
        int p = 0;
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++) {
                    xyz[p++] = (i + 0.5) * D + shift;
                    xyz[p++] = (j + 0.5) * D;
                    xyz[p++] = (k + 0.5) * D;
                }
        return xyz;
    }

    @Test
    void aBlockOfLiquidEnclosesItsOwnVolumeInAClosedMesh() {
        SurfaceMesher m = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1);
        SurfaceMesher.Mesh mesh = m.mesh(block(12, 8, 10, 0));
        double expected = 12 * 8 * 10 * D * D * D;
        // the iso-surface rounds the block's edges and corners (radius ~ one spacing), so it
        // encloses a little less than the box: within 4 %
        assertEquals(expected, mesh.volume(), 0.04 * expected);
        closed(mesh);
        // top-face normals point up
        float[] v = mesh.vertices(), nrm = mesh.normals();
        for (int i = 0; i < mesh.vertexCount(); i++) {
            if (v[3 * i + 1] > 0.079 && Math.abs(v[3 * i] - 0.06) < 0.03 && Math.abs(v[3 * i + 2] - 0.05) < 0.02) {
                assertTrue(nrm[3 * i + 1] > 0.99, "top normal " + nrm[3 * i + 1]);
            }
        }
    }

    /** Asserts every directed edge of the mesh appears once and its reverse once: closed and consistently oriented. */
    private static void closed(SurfaceMesher.Mesh mesh) {
        Map<Long, Integer> edges = new HashMap<>();
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3)
            for (int e = 0; e < 3; e++) edges.merge(((long) t[i + e] << 32) | t[i + (e + 1) % 3], 1, Integer::sum);
        for (var e : edges.entrySet()) {
            assertEquals(1, e.getValue(), "directed edge used twice");
            long rev = ((e.getKey() & 0xFFFFFFFFL) << 32) | (e.getKey() >>> 32);
            assertTrue(edges.containsKey(rev), "open edge");
        }
    }

    @Test
    void aLoneParticleARaindropIsDrawnAsADropOfItsVolume() {
        SurfaceMesher m = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1);
        // Its field peaks at V W(0) = 1/pi of a lattice's, under the iso-level: no surface of its own.
        SurfaceMesher.Mesh one = m.mesh(new double[] {0.1, 0.5, 0.2});
        assertTrue(one.triangleCount() > 0, "a lone particle is drawn");
        assertEquals(latticeVolume(), one.volume(), 1e-4 * latticeVolume(), "a drop of the particle's volume");
        closed(one);
        float[] v = one.vertices();
        for (int i = 0; i < one.vertexCount(); i++) {
            double r = Math.sqrt(Math.pow(v[3 * i] - 0.1, 2) + Math.pow(v[3 * i + 1] - 0.5, 2) + Math.pow(v[3 * i + 2] - 0.2, 2));
            assertTrue(r > 0.55 * D && r < 0.7 * D, "about the particle, radius " + r / D + " d");
        }
        // A block with a drop above it: the block's surface as before, and one drop more.
        double[] block = block(12, 8, 10, 0);
        double[] both = java.util.Arrays.copyOf(block, block.length + 3);
        both[block.length] = 0.06;
        both[block.length + 1] = 0.3;
        both[block.length + 2] = 0.05;
        SurfaceMesher.Mesh alone = m.mesh(block), with = m.mesh(both);
        assertEquals(alone.volume() + latticeVolume(), with.volume(), 1e-4 * alone.volume());
        closed(with);
    }

    @Test
    void theTopSurfaceLiesHalfASpacingAboveTheTopParticles() {
        SurfaceMesher m = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1);
        SurfaceMesher.Mesh mesh = m.mesh(block(16, 6, 16, 0));
        float[] v = mesh.vertices();
        double top = -1;
        for (int i = 0; i < mesh.vertexCount(); i++) {
            if (Math.abs(v[3 * i] - 0.08) < 0.02 && Math.abs(v[3 * i + 2] - 0.08) < 0.02) top = Math.max(top, v[3 * i + 1]);
        }
        assertEquals(0.06, top, 0.05 * D);
    }

    @Test
    void theMeshIsTheSameForAnyThreadCountAndMovesWithoutPopping() {
        double[] xyz = block(10, 7, 9, 0);
        SurfaceMesher.Mesh a = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1).mesh(xyz);
        SurfaceMesher.Mesh b = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 3).mesh(xyz);
        assertArrayEquals(a.vertices(), b.vertices());
        assertArrayEquals(a.triangles(), b.triangles());
        // shifting the liquid by a small fraction of a cell changes the volume smoothly
        double v0 = a.volume();
        double v1 = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1).mesh(block(10, 7, 9, 0.1 * D)).volume();
        assertEquals(v0, v1, 0.005 * v0);
    }

    @Test
    void theVolumeWithinAContainerCountsTheLiquidUpToItsWalls() {
        SurfaceMesher m = new SurfaceMesher(D / 2, KERNEL, latticeVolume(), 1);
        // a block filling the bottom of a container 12 x 20 x 10 spacings to 8 spacings: floor and
        // four walls touched, the top free and flat
        double[] min = {0, 0, 0}, max = {12 * D, 20 * D, 10 * D};
        double expected = 12 * 8 * 10 * D * D * D;
        assertEquals(expected, m.volumeWithin(block(12, 8, 10, 0), min, max), 0.005 * expected);
        // the same particles as a flat pool in a wider container: the same volume (the free mesh
        // would differ by the rounding of the edges the liquid shares with the walls)
        double[] wide = {24 * D, 20 * D, 10 * D};
        assertEquals(expected, m.volumeWithin(block(24, 4, 10, 0), min, wide), 0.005 * expected);
    }
}
