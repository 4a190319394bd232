package dev.diorama.render;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API: the preferred number of doubles per register (8 with AVX-512)
 * at a time, the same operations in the same order as the scalar reference (multiplications,
 * additions, divisions, minima and maxima are exact per lane in IEEE arithmetic, and Java never
 * fuses a multiply and an add behind one's back), so the results are identical to the last bit.
 * Branches become masks: both sides are computed and blended.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    static Kernels create() {
        return new VectorKernels();
    }

    @Override
    public void film(double exposure, double[] r, double[] g, double[] b, int n, double[] fr, double[] fg, double[] fb) {
        int i = 0, bound = S.loopBound(n);
        DoubleVector zero = DoubleVector.zero(S);
        double span = ToneMap.BURN_END - ToneMap.BURN_START;
        for (; i < bound; i += S.length()) {
            DoubleVector vr = DoubleVector.fromArray(S, r, i), vg = DoubleVector.fromArray(S, g, i);
            DoubleVector vb = DoubleVector.fromArray(S, b, i);
            vr = vr.mul(exposure).blend(zero, vr.compare(VectorOperators.GT, 0).not());
            vg = vg.mul(exposure).blend(zero, vg.compare(VectorOperators.GT, 0).not());
            vb = vb.mul(exposure).blend(zero, vb.compare(VectorOperators.GT, 0).not());
            DoubleVector m = vr.max(vg.max(vb));
            // curve(m) / m = (2.51 m + 0.03) / (m (2.43 m + 0.59) + 0.14)
            DoubleVector k = m.mul(2.51).add(0.03).div(m.mul(m.mul(2.43).add(0.59)).add(0.14));
            DoubleVector hr = vr.mul(k), hg = vg.mul(k), hb = vb.mul(k);
            VectorMask<Double> burn = m.compare(VectorOperators.GT, ToneMap.BURN_START);
            if (burn.anyTrue()) {
                DoubleVector w = m.sub(ToneMap.BURN_START).div(span).min(1.0);
                hr = hr.blend(hr.add(w.mul(curve(vr).sub(hr))), burn);
                hg = hg.blend(hg.add(w.mul(curve(vg).sub(hg))), burn);
                hb = hb.blend(hb.add(w.mul(curve(vb).sub(hb))), burn);
            }
            // All-black colours: the scalar code returns zeros (here 0 * k is zero already).
            VectorMask<Double> black = m.compare(VectorOperators.LE, 0);
            hr = hr.blend(zero, black);
            hg = hg.blend(zero, black);
            hb = hb.blend(zero, black);
            hr.intoArray(fr, i);
            hg.intoArray(fg, i);
            hb.intoArray(fb, i);
        }
        if (i < n) {
            ToneMap map = new ToneMap(exposure);
            double[] out = new double[3];
            for (; i < n; i++) {
                map.film(r[i], g[i], b[i], out);
                fr[i] = out[0];
                fg[i] = out[1];
                fb[i] = out[2];
            }
        }
    }

    /** x (2.51 x + 0.03) / (x (2.43 x + 0.59) + 0.14) lane by lane (0 where x is 0, as in {@link ToneMap#curve}). */
    private static DoubleVector curve(DoubleVector x) {
        return x.mul(x.mul(2.51).add(0.03)).div(x.mul(x.mul(2.43).add(0.59)).add(0.14));
    }
}
