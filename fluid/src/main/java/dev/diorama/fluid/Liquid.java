package dev.diorama.fluid;

/**
 * A liquid's material constants (SI).
 *
 * @param name               for messages and sidecars
 * @param density            rest density rho0, kg/m^3
 * @param kinematicViscosity nu = mu / rho0, m^2/s; applied by the explicit Laplacian (Morris-type)
 *                           viscosity of {@link FluidSolver}, which limits the time step to a
 *                           stable diffusion number when nu is large (honey)
 * @param surfaceTension     sigma, N/m; drives Akinci et al. 2013's cohesion and curvature terms
 *                           through gamma = sigma / (rho0 h^2) (a dimensional scaling, see
 *                           fluid/README.md)
 * @param xsph               XSPH velocity smoothing, dimensionless in [0, 1): an artificial
 *                           viscosity that damps particle noise where nu is too small to matter at
 *                           the resolution (water); 0 turns it off
 */
public record Liquid(String name, double density, double kinematicViscosity, double surfaceTension, double xsph) {
    /**
     * Water at 20 degC: 998.2 kg/m^3, 1.0e-6 m^2/s, 0.0728 N/m; XSPH 0.1. At the spacings a film can
     * afford (5-10 mm) water's own viscosity does nothing, and a jet that lands in a glass rebounds
     * off the pressure solve almost elastically: with XSPH 0.01, 9 % of a pour splashed over the rim
     * of a glass it should fill; with 0.1, 3 % (and the dam-break front moved by under 1 %).
     */
    public static final Liquid WATER = new Liquid("water", 998.2, 1.0e-6, 0.0728, 0.1);
    /** Olive oil at 20 degC: 911 kg/m^3, dynamic viscosity ~0.084 Pa s, 0.032 N/m. */
    public static final Liquid OIL = new Liquid("oil", 911, 0.084 / 911, 0.032, 0.0);
    /** Honey at 20 degC: ~1420 kg/m^3, dynamic viscosity ~10 Pa s (it varies 2-20 with water content), ~0.05 N/m. */
    public static final Liquid HONEY = new Liquid("honey", 1420, 10.0 / 1420, 0.05, 0.0);

    public Liquid {
        if (!(density > 0) || !Double.isFinite(density)) throw new IllegalArgumentException("density must be positive: " + density);
        if (!(kinematicViscosity >= 0) || !Double.isFinite(kinematicViscosity)) throw new IllegalArgumentException("viscosity must be >= 0: " + kinematicViscosity);
        if (!(surfaceTension >= 0) || !Double.isFinite(surfaceTension)) throw new IllegalArgumentException("surface tension must be >= 0: " + surfaceTension);
        if (!(xsph >= 0 && xsph < 1)) throw new IllegalArgumentException("xsph must be in [0, 1): " + xsph);
    }

    /** The preset of that name: water, oil or honey. */
    public static Liquid preset(String name) {
        return switch (name) {
            case "water" -> WATER;
            case "oil" -> OIL;
            case "honey" -> HONEY;
            default -> throw new IllegalArgumentException("unknown liquid '" + name + "' (expected water, oil or honey)");
        };
    }
}
