package dev.diorama.render;

/**
 * The laws of reflection and refraction at a surface, as small pure functions: Schlick's
 * approximation of Fresnel reflectance, Snell's law with total internal reflection, and the GGX
 * (Trowbridge-Reitz) microfacet highlight. Directions are unit vectors as separate components so
 * that nothing is allocated per ray.
 */
final class Optics {
    private Optics() {}

    /** Schlick's Fresnel reflectance at incidence cosine {@code cos} for normal reflectance f0. */
    static double schlick(double cos, double f0) {
        double m = 1 - (cos < 1 ? cos : 1);
        double m2 = m * m;
        return f0 + (1 - f0) * m2 * m2 * m;
    }

    /**
     * Fresnel reflectance of a rough surface averaged over its lobe: rough surfaces lose the grazing
     * brightening, so the grazing limit falls from 1 toward f0 as roughness grows (Lagarde's fit).
     */
    static double schlickRough(double cos, double f0, double roughness) {
        double m = 1 - (cos < 1 ? cos : 1);
        double m2 = m * m;
        double top = Math.max(1 - roughness, f0);
        return f0 + (top - f0) * m2 * m2 * m;
    }

    /** Normal reflectance of a dielectric of index {@code ior} in air. */
    static double f0(double ior) {
        double r = (ior - 1) / (ior + 1);
        return r * r;
    }

    /**
     * Refracts the unit direction d through a surface with unit normal n facing the incoming side
     * (d . n < 0), with eta = n_incident / n_transmitted, by Snell's law; writes the unit transmitted
     * direction into out[0..2] and returns the cosine of the transmission angle, or -1 for total
     * internal reflection (out untouched).
     */
    static double refract(double dx, double dy, double dz, double nx, double ny, double nz, double eta, double[] out) {
        double cosI = -(dx * nx + dy * ny + dz * nz);
        double k = 1 - eta * eta * (1 - cosI * cosI);
        if (k < 0) return -1;
        double cosT = Math.sqrt(k);
        double a = eta * cosI - cosT;
        out[0] = eta * dx + a * nx;
        out[1] = eta * dy + a * ny;
        out[2] = eta * dz + a * nz;
        return cosT;
    }

    /**
     * The GGX microfacet specular term D * V for light and view directions with the given cosines
     * to the normal (nl, nv) and to their half vector (nh), and GGX alpha; the highlight's radiance
     * is this times Fresnel, the irradiance and nl. D is the Trowbridge-Reitz distribution of
     * microfacet normals, V = G2 / (4 nl nv) with G2 Smith's height-correlated masking-shadowing
     * 1 / (1 + Lambda(l) + Lambda(v)) (Heitz 2014), in the form that folds the 4 nl nv away.
     * (Hammon's cheaper approximation without square roots lost 5 percent of a smooth lobe at 60
     * degrees, visible as a dim sheen at grazing angles.)
     */
    static double ggx(double nh, double nl, double nv, double alpha) {
        double a2 = alpha * alpha;
        double q = nh * nh * (a2 - 1) + 1;
        double d = a2 / (Math.PI * q * q);
        double v = 0.5 / (nl * Math.sqrt(nv * nv * (1 - a2) + a2) + nv * Math.sqrt(nl * nl * (1 - a2) + a2));
        return d * v;
    }

    /**
     * Exact Fresnel reflectance of unpolarised light at a smooth dielectric boundary, for incidence
     * cosine {@code cosI} on the side of index n1 and relative index {@code eta} = n2 / n1; 1 beyond
     * the critical angle (total internal reflection).
     */
    static double fresnelDielectric(double cosI, double eta) {
        cosI = cosI < 0 ? 0 : cosI > 1 ? 1 : cosI;
        double sin2T = (1 - cosI * cosI) / (eta * eta);
        if (sin2T >= 1) return 1;
        double cosT = Math.sqrt(1 - sin2T);
        double rs = (cosI - eta * cosT) / (cosI + eta * cosT);
        double rp = (eta * cosI - cosT) / (eta * cosI + cosT);
        return 0.5 * (rs * rs + rp * rp);
    }

    /**
     * Exact Fresnel reflectance of unpolarised light from air onto a conductor of complex index
     * n + i k (the metal's refraction n and extinction k at one wavelength), at incidence cosine
     * {@code cos}: the s and p reflectances of Born and Wolf in the closed form pbrt uses. At normal
     * incidence it is ((n - 1)^2 + k^2) / ((n + 1)^2 + k^2); it rises to 1 at grazing incidence,
     * after a shallow dip of the p component, which is why a gold ball has a paler rim.
     */
    static double fresnelConductor(double cos, double n, double k) {
        double c = cos < 0 ? 0 : cos > 1 ? 1 : cos;
        double cos2 = c * c, sin2 = 1 - cos2;
        double n2 = n * n, k2 = k * k;
        double t0 = n2 - k2 - sin2;
        double a2b2 = Math.sqrt(t0 * t0 + 4 * n2 * k2);
        double t1 = a2b2 + cos2;
        double a = Math.sqrt(Math.max(0, 0.5 * (a2b2 + t0)));
        double t2 = 2 * c * a;
        double rs = (t1 - t2) / (t1 + t2);
        double t3 = cos2 * a2b2 + sin2 * sin2;
        double t4 = t2 * sin2;
        double rp = rs * (t3 - t4) / (t3 + t4);
        return 0.5 * (rs + rp);
    }
}
