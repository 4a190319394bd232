package dev.diorama.fluid;

import java.util.Locale;

public class InitProbe {
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        double a = 0.1, d = a / Double.parseDouble(System.getProperty("N", "20")), slab = 0.03;
        double[] min = {0, 0, 0}, max = {a, 2.5 * a, slab};
        try (FluidSolver f = new FluidSolver(Tanks.settings(d, min, max).withLiquid(new Liquid("w", 998.2, 1e-6, 0, 0.1)))) {
            f.addStaticBoundary(BoundarySamples.tank(min, max, false, d, f.wallOffset()));
            double gap = Double.parseDouble(System.getProperty("gap", "0")) * d;
            f.addBlock(new double[] {gap, gap, gap}, new double[] {a + gap, 2 * a + gap, slab - gap}, new double[3]);
            f.step(1e-12);
            double[] sum = new double[4], mx = new double[4]; int[] cnt = new int[4];
            for (int i = 0; i < f.size(); i++) {
                int walls = 0;
                if (f.x(i) < d) walls++;
                if (f.x(i) > a - d) walls++;
                if (f.y(i) < d) walls++;
                if (f.z(i) < d) walls++;
                if (f.z(i) > slab - d) walls++;
                if (f.y(i) > 2 * a - 3 * d) continue;
                walls = Math.min(walls, 3);
                sum[walls] += f.densityRatio(i); cnt[walls]++; mx[walls] = Math.max(mx[walls], f.densityRatio(i));
            }
            for (int w = 0; w < 4; w++) System.out.printf("walls %d: n=%d mean rho %.4f max %.4f%n", w, cnt[w], sum[w] / cnt[w], mx[w]);
            System.out.printf("wallOffset %.4f d%n", f.wallOffset() / d);
        }
    }
}
