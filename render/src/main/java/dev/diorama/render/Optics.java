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
     * is this times Fresnel, the irradiance and nl. V is Hammon's approximation of the height-correlated
     * Smith visibility, which needs no square roots.
     */
    static double ggx(double nh, double nl, double nv, double alpha) {
        double a2 = alpha * alpha;
        double q = nh * nh * (a2 - 1) + 1;
        double d = a2 / (Math.PI * q * q);
        double v = 0.5 / (2 * nl * nv * (1 - alpha) + (nl + nv) * alpha);
        return d * v;
    }
}
