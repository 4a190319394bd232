package dev.diorama.render;

import dev.diorama.assets.PbrMaterial;
import dev.diorama.assets.TriangleMesh;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Memory and speed of a big triangle mesh: builds a sphere of about a million triangles, its BVH,
 * and traces random rays at it. Run with {@code -Xmx2g} to show that it fits in 2 GiB:
 * {@code java -Xmx2g -cp ... dev.diorama.render.MeshBench [triangles]}.
 */
public final class MeshBench {
    private MeshBench() {}

    public static void main(String[] args) {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rings = (int) Math.sqrt(target / 2.0), segs = rings;
        long t0 = System.nanoTime();
        float[] p = new float[3 * (rings + 1) * (segs + 1)];
        int k = 0;
        for (int i = 0; i <= rings; i++) {
            double th = Math.PI * i / rings;
            for (int j = 0; j <= segs; j++) {
                double ph = 2 * Math.PI * j / segs;
                p[k++] = (float) (Math.sin(th) * Math.cos(ph));
                p[k++] = (float) -Math.cos(th);
                p[k++] = (float) (-Math.sin(th) * Math.sin(ph));
            }
        }
        int[] idx = new int[6 * rings * segs];
        k = 0;
        for (int i = 0; i < rings; i++) {
            for (int j = 0; j < segs; j++) {
                int a = i * (segs + 1) + j, b = a + 1, c = a + segs + 2, d = a + segs + 1;
                idx[k++] = a; idx[k++] = b; idx[k++] = c;
                idx[k++] = a; idx[k++] = c; idx[k++] = d;
            }
        }
        TriangleMesh mesh = new TriangleMesh(p, null, null, idx, null, List.of(PbrMaterial.DEFAULT));
        long t1 = System.nanoTime();
        MeshBvh bvh = new MeshBvh(mesh);
        long t2 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(1);
        MeshBvh.MeshHit h = new MeshBvh.MeshHit();
        int rays = 1_000_000, hits = 0, batch = rays / 10;
        long bestBatch = Long.MAX_VALUE, b0 = System.nanoTime();
        for (int i = 0; i < rays; i++) {
            double ox = rnd.nextDouble(-3, 3), oy = rnd.nextDouble(-3, 3), oz = -3;
            double dx = rnd.nextDouble(-0.2, 0.2) - ox * 0.3, dy = rnd.nextDouble(-0.2, 0.2) - oy * 0.3, dz = 1;
            double l = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (!Double.isNaN(bvh.intersect(ox, oy, oz, dx / l, dy / l, dz / l, 1e-7, Double.POSITIVE_INFINITY, h))) hits++;
            if ((i + 1) % batch == 0) {
                long now = System.nanoTime();
                bestBatch = Math.min(bestBatch, now - b0);
                b0 = now;
            }
        }
        long t3 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("triangles %d, nodes %d%n", mesh.triangleCount(), bvh.nodeCount());
        System.out.printf("mesh build %.2f s, BVH build %.2f s, %d rays in %.2f s (%.2f M rays/s, %d hits; the fastest"
                        + " tenth %.2f M rays/s)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, rays, (t3 - t2) / 1e9,
                rays / ((t3 - t2) / 1e3), hits, batch / (bestBatch / 1e3));
        System.out.printf("heap in use after GC %.0f MB (max %.0f MB)%n", used / 1e6, rt.maxMemory() / 1e6);
    }
}
