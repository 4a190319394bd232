package dev.diorama.fluid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A particle liquid solved with divergence-free SPH (DFSPH: Bender and Koschier, "Divergence-Free
 * Smoothed Particle Hydrodynamics", SCA 2015, and "Divergence-Free SPH for Incompressible and
 * Viscous Fluids", TVCG 2017).
 *
 * <p><b>The method.</b> Each particle carries the liquid around it: volume V (equal for all
 * particles, chosen so that a cubic lattice of spacing d is exactly at rest density), mass
 * m = rho0 V, position and velocity. The density ratio rho_i/rho0 is the kernel sum of the
 * neighbours' volumes, solid walls included through Akinci et al. 2012's boundary particles (each
 * with its own volume V_b). A step of length dt then
 * <ol>
 * <li>finds neighbours (a uniform grid of cells one support radius wide, particles counting-sorted
 *     by cell so a cell's particles, and a particle's neighbours, are contiguous in memory),
 *     computes the density ratios and DFSPH's factor
 *     a_i = 1 / (|sum_j V grad W_ij + sum_b V_b grad W_ib|^2 + sum_j |V grad W_ij|^2);</li>
 * <li>makes the velocity field divergence-free (Jacobi iterations: kappa_i = (D rho_i/Dt) a_i / dt,
 *     v_i -= dt (sum_j V (kappa_i + kappa_j) grad W_ij + sum_b V_b kappa_i grad W_ib));</li>
 * <li>adds gravity, viscosity (explicit Laplacian after Morris et al. 1997, 2(d+2) nu sum ...),
 *     XSPH smoothing and surface tension (Akinci et al. 2013: cohesion and curvature);</li>
 * <li>corrects the predicted density to rest density (the same iteration with the source
 *     (rho*_i - rho0)/rho0, only compression counts) until the average density error is below
 *     {@link Settings#maxDensityError()};</li>
 * <li>moves the particles, removes those that left the domain, runs the emitters, and hands the
 *     liquid's force and torque on each rigid body to {@link RigidBodies#advance}.</li>
 * </ol>
 * kappa has units of pressure over density (m^2/s^2); rho0 kappa summed over a solve's iterations
 * is the pressure the solve applied.
 *
 * <p><b>Rigid coupling.</b> A body's boundary particles move with it; the pressure and viscous
 * accelerations they give the liquid come back to the body as equal and opposite forces at the
 * particle's position, so momentum is exchanged exactly (Akinci et al. 2012).
 *
 * <p><b>Determinism.</b> All loops run over fixed chunks of the particle order ({@link Parallel});
 * a particle writes only its own state, and sums over particles (errors, body forces, extents) are
 * taken per chunk and then in chunk order, so the result is bit-identical for any thread count.
 */
public final class FluidSolver implements AutoCloseable {

    /**
     * The solver's settings.
     *
     * @param spacing             particle spacing d, metres (the particle "diameter"; the kernel's
     *                            support radius is 2d)
     * @param liquid              the liquid's constants
     * @param gravity             m/s^2, (x, y, z)
     * @param domainMin           particles leaving the box [domainMin, domainMax] are removed (m)
     * @param domainMax           see domainMin
     * @param cfl                 Courant number: dt <= cfl d / v_max (0.4 is usual)
     * @param maxTimeStep         upper bound on dt, seconds
     * @param maxDensityError     the pressure solve iterates until the mean density error of the
     *                            compressed particles is below this fraction (0.001 = 0.1 %)
     * @param maxDivergenceError  the divergence solve iterates until dt times the mean density
     *                            change rate is below this fraction
     * @param maxIterations       cap on the iterations of each solve
     * @param threads             worker threads (the result does not depend on it)
     * @param seed                seeds the sound events' random choices
     * @param surfaceTensionScale the surface tension's gamma as a multiple of the one derived from
     *                            the liquid's sigma (1, what scenes use; {@link #RAYLEIGH_SCALE} for
     *                            nature's sigma at millimetre spacings, see there)
     */
    public record Settings(double spacing, Liquid liquid, double[] gravity, double[] domainMin, double[] domainMax,
                           double cfl, double maxTimeStep, double maxDensityError, double maxDivergenceError,
                           int maxIterations, int threads, long seed, double surfaceTensionScale) {
        /** The derived surface tension (surfaceTensionScale 1). */
        public Settings(double spacing, Liquid liquid, double[] gravity, double[] domainMin, double[] domainMax,
                        double cfl, double maxTimeStep, double maxDensityError, double maxDivergenceError,
                        int maxIterations, int threads, long seed) {
            this(spacing, liquid, gravity, domainMin, domainMax, cfl, maxTimeStep, maxDensityError, maxDivergenceError, maxIterations, threads, seed, 1);
        }

        public Settings {
            if (!(surfaceTensionScale >= 0) || !Double.isFinite(surfaceTensionScale)) {
                throw new IllegalArgumentException("surfaceTensionScale must be >= 0: " + surfaceTensionScale);
            }
            if (!(spacing > 0)) throw new IllegalArgumentException("spacing must be positive: " + spacing);
            if (!(cfl > 0 && cfl <= 1)) throw new IllegalArgumentException("cfl must be in (0, 1]: " + cfl);
            if (!(maxTimeStep > 0)) throw new IllegalArgumentException("maxTimeStep must be positive");
            if (!(maxDensityError > 0) || !(maxDivergenceError > 0)) throw new IllegalArgumentException("error targets must be positive");
            if (maxIterations < 2) throw new IllegalArgumentException("maxIterations must be >= 2");
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
            for (int k = 0; k < 3; k++) {
                if (!(domainMax[k] > domainMin[k])) throw new IllegalArgumentException("empty domain along axis " + k);
            }
            gravity = gravity.clone();
            domainMin = domainMin.clone();
            domainMax = domainMax.clone();
        }

        /** Defaults: g = 9.81 m/s^2 down, CFL 0.4, dt <= 5 ms, 0.1 % density error, 100 iterations, 1 thread, seed 0. */
        public static Settings of(double spacing, Liquid liquid, double[] domainMin, double[] domainMax) {
            return new Settings(spacing, liquid, new double[] {0, -9.81, 0}, domainMin, domainMax, 0.4, 0.005, 0.001, 0.001, 100, 1, 0);
        }

        public Settings withThreads(int t) {
            return new Settings(spacing, liquid, gravity, domainMin, domainMax, cfl, maxTimeStep, maxDensityError, maxDivergenceError, maxIterations, t, seed, surfaceTensionScale);
        }

        public Settings withMaxTimeStep(double dt) {
            return new Settings(spacing, liquid, gravity, domainMin, domainMax, cfl, dt, maxDensityError, maxDivergenceError, maxIterations, threads, seed,
                    surfaceTensionScale);
        }

        public Settings withSeed(long s) {
            return new Settings(spacing, liquid, gravity, domainMin, domainMax, cfl, maxTimeStep, maxDensityError, maxDivergenceError, maxIterations, threads, s, surfaceTensionScale);
        }

        public Settings withLiquid(Liquid l) {
            return new Settings(spacing, l, gravity, domainMin, domainMax, cfl, maxTimeStep, maxDensityError, maxDivergenceError, maxIterations, threads, seed,
                    surfaceTensionScale);
        }

        public Settings withSurfaceTensionScale(double k) {
            return new Settings(spacing, liquid, gravity, domainMin, domainMax, cfl, maxTimeStep, maxDensityError, maxDivergenceError, maxIterations, threads, seed, k);
        }
    }

    /** Something that adds particles as time passes (a nozzle, rain). */
    public interface Emitter {
        /** Called after each step that ended at {@code time} and lasted {@code dt}. */
        void emit(FluidSolver solver, double time, double dt);
    }

    // ---- constants of the discretisation ----
    private final Settings settings;
    private final double d;
    private final CubicKernel kernel;
    private final double h, h2;
    /** Volume and mass of a fluid particle. */
    private final double vol, mass;
    private final double rho0;
    private final double wallOffset;
    /** Akinci et al. 2013's cohesion kernel's factor 32 / (pi h^9) and its inner offset h^6 / 64 ({@link #cohesionKernel}). */
    private final double cohesionNorm, cohesionInner;
    /** Akinci et al. 2013's adhesion kernel's factor 0.007 / h^3.25 ({@link #adhesionKernel}). */
    private final double adhesionNorm;
    /**
     * The surface-tension coefficient gamma, m^4 / (kg s^2): cohesion a_ij = gamma m C(r_ij), derived so
     * that the Kirkwood-Buff surface tension of the liquid is its sigma ({@link #computeSurfaceTension}),
     * times {@link Settings#surfaceTensionScale}.
     */
    private final double gamma;
    /** beta / gamma of the adhesion force for a 90 degree contact angle ({@link #computeSurfaceTension}). */
    private final double adhesionRatio;
    /** Per particle: which solid its boundary neighbours belong to: -2 none, -1 a static one, b body b, -3 more than one. */
    private int[] touch = new int[0];
    private final Parallel parallel;
    /** Fewer neighbours than this marks a particle at the free surface (no divergence correction). */
    private static final int SURFACE_NEIGHBOURS = 20;
    /**
     * Fraction of last step's accumulated kappa that starts each solve (as in SPlisHSPlasH). Since
     * the increments are never negative, a fraction of 1 would let pressure only grow; 0.5 decays
     * what is no longer needed.
     */
    static double WARM_START = Double.parseDouble(System.getProperty("diorama.fluid.warm", "0.5"));

    // ---- fluid particles, structure of arrays ----
    private int n;
    private double[] px = new double[0], py = new double[0], pz = new double[0];
    private double[] vx = new double[0], vy = new double[0], vz = new double[0];
    private double[] rho = new double[0], factor = new double[0], kappa = new double[0], src = new double[0];
    /**
     * 1 / rho and V / rho per particle, set with rho by the neighbour pass: the force pass used them
     * per pair, as a division each (the same quotients, so the same bits, once per particle).
     */
    private double[] invRho = new double[0], volRho = new double[0];
    /**
     * Per lone particle touching static solids only, or one body only ({@link #findLoneDrops}): the
     * solid's normal and the particle's speed along it relative to the solid before the step's
     * solves; zero for every other particle.
     */
    private double[] lx = new double[0], ly = new double[0], lz = new double[0], lu = new double[0];
    /** Each solve's kappa summed over its iterations last step: the warm start of the next (Bender and Koschier 2017). */
    private double[] sumP = new double[0], sumV = new double[0];
    private double[] ax = new double[0], ay = new double[0], az = new double[0];
    private double[] nx = new double[0], ny = new double[0], nz = new double[0];
    private int[] ids = new int[0], neighbours = new int[0], fluidNeighbours = new int[0];
    private byte[] armed = new byte[0];
    private int nextId;

    // ---- boundary particles: static ones, then each body's (in body coordinates) ----
    private double[] staticXyz = new double[0], staticVol = new double[0];
    private final List<double[]> bodyLocal = new ArrayList<>();
    private final List<double[]> bodyVol = new ArrayList<>();
    /** Each body's surface patches in body coordinates (7 per patch, see {@link BoundarySamples#patches}); empty: Akinci reaction. */
    private final List<double[]> bodyPatches = new ArrayList<>();
    /** Per body: the liquid's pressure reaches it as the surface integral over its patches (not the samples' reaction). */
    private boolean[] byPatches = new boolean[0];
    /** This step's patches in world coordinates: x, y, z, nx, ny, nz, area; and their bodies. */
    private double[] patchWorld = new double[0];
    private int[] patchOwner = new int[0];
    private int patchCount;
    /** Per chunk of patches: its wrench sums (6 per body), added in chunk order. */
    private double[][] patchWrench = new double[0][];
    /** Velocities at the start of the step (for each particle's acceleration in the surface pressure's extrapolation). */
    private double[] v0x = new double[0], v0y = new double[0], v0z = new double[0];
    private RigidBodies bodies;
    private double[] bodyState = new double[0];     // 13 per body
    private double[] wrench = new double[0];        // 6 per body
    private double[] steady = new double[0];        // the liquid's wrench on each body, low-passed (see giveWay)

    private int[] wetPrev = new int[0];

    // this step's boundary particles inside the fluid's grid, sorted by cell
    private int nb;
    private double[] bx = new double[0], by = new double[0], bz = new double[0];
    private double[] bvx = new double[0], bvy = new double[0], bvz = new double[0], bV = new double[0];
    private int[] bOwner = new int[0];

    // ---- grid ----
    private double gx0, gy0, gz0, cell;
    private int gnx, gny, gnz;
    private int[] fStart = new int[1], bStart = new int[1];
    /** Cap on grid cells: a sparse spray does not allocate a huge grid (cells grow instead). */
    private static final long MAX_CELLS = 1L << 24;

    // ---- neighbour lists, per chunk ----
    private Chunk[] chunks = new Chunk[0];

    // ---- time, diagnostics, emitters, events ----
    private double time;
    private long steps;
    private double lastDt, lastDensityError, lastDivergenceError;
    private int lastPressureIterations, lastDivergenceIterations;
    private final List<Emitter> emitters = new ArrayList<>();
    private final List<SoundEvents.Bubble> bubbles = new ArrayList<>();
    private final List<SoundEvents.Splash> splashes = new ArrayList<>();

    /** Neighbour lists and partial sums of one chunk of particles. */
    private static final class Chunk {
        int[] fFirst = new int[Parallel.CHUNK + 1], bFirst = new int[Parallel.CHUNK + 1];
        int[] fIdx = new int[Parallel.CHUNK * 40], bIdx = new int[Parallel.CHUNK * 16];
        float[] fGrad = new float[3 * Parallel.CHUNK * 40], bGrad = new float[3 * Parallel.CHUNK * 16];
        /** The neighbour pass's scratch: one particle's neighbours found, before their kernels are evaluated. */
        int[] found = new int[256];
        double sum, max;
        double[] wrench = new double[0];
        int[] wet = new int[0];
        final double[] contact = new double[3];   // contactVelocity's result
        final double[] normal = new double[3];    // solidNormal's result
        double minX, minY, minZ, maxX, maxY, maxZ;

        void resetBodies(int count) {
            if (wrench.length != 6 * count) {
                wrench = new double[6 * count];
                wet = new int[count];
            }
            Arrays.fill(wrench, 0);
            Arrays.fill(wet, 0);
        }
    }

    public FluidSolver(Settings settings) {
        this.settings = settings;
        this.d = settings.spacing();
        this.h = 2 * d;
        this.h2 = h * h;
        this.kernel = new CubicKernel(h);
        this.rho0 = settings.liquid().density();
        // Volume such that a cubic lattice of spacing d sums to exactly rest density.
        this.vol = kernel.latticeVolume(d);
        this.mass = rho0 * vol;
        this.wallOffset = computeWallOffset() - PACKING_SHIFT * d;
        this.cohesionNorm = 32 / (Math.PI * Math.pow(h, 9));
        this.cohesionInner = Math.pow(h, 6) / 64;
        this.adhesionNorm = 0.007 / Math.pow(h, 3.25);
        double[] surface = computeSurfaceTension();
        this.gamma = settings.surfaceTensionScale() * surface[0];
        this.adhesionRatio = surface[1];

        this.parallel = new Parallel(settings.threads());
    }

    // =====================================================================================
    // Set-up
    // =====================================================================================

    public Settings settings() { return settings; }

    /** Particle spacing d, metres. */
    public double spacing() { return d; }

    /** Volume each particle carries, m^3 (close to d^3). */
    public double particleVolume() { return vol; }

    /** Mass of a particle, kg. */
    public double particleMass() { return mass; }

    /**
     * How far behind a solid's surface its boundary particles belong, metres: the distance at which
     * a liquid resting against a flat wall of boundary particles (spacing d) puts its first layer of
     * particles at d/2 from the surface, so its edge is on the surface. Computed from the kernel at
     * construction (a one-dimensional root find of the rest-density condition for a cubic lattice,
     * 0.60 d) less {@link #PACKING_SHIFT} (the settled packing's first layer lies closer), 0.55 d.
     */
    public double wallOffset() { return wallOffset; }

    /** beta / gamma of the solids' adhesion, derived for a 90 degree contact angle (before {@link #ADHESION}). */
    double adhesionRatio() { return adhesionRatio; }

    /** The cohesion coefficient gamma (m^4 / (kg s^2)) derived from the liquid's sigma ({@link #computeSurfaceTension}), times {@link Settings#surfaceTensionScale}. */
    double surfaceTensionCoefficient() { return gamma; }

    /**
     * How much nearer a wall the first layer of a <em>settled</em> liquid lies than a cubic
     * lattice's, in spacings. The lattice root find puts the samples 0.60 d behind the surface;
     * a settled liquid's first layer then sits 0.35-0.45 d from the surface instead of 0.5 d (a
     * disordered packing presses closer to a plane than lattice layers), so a settled 16 x 12 x 16 d
     * block stood 2.2 % below its poured level and a 4-particle-deep pool 5 % below. Measured once
     * (2026-11-26, fluid/README.md): with 0.05 d the block stands within 0.3 % of its level and the
     * pool within 1.3 %. Larger shifts make a freshly placed lattice start compressed against the
     * walls (0.1 d made it jump off the floor), so the correction stops at 0.05 d.
     */
    static final double PACKING_SHIFT = 0.05;

    /** Akinci's volume of a sample in a plane of samples on a square lattice of spacing d: 1 / sum W. */
    private double planeSampleVolume() {
        double planeSelf = 0;
        for (int i = -3; i <= 3; i++) for (int k = -3; k <= 3; k++) planeSelf += kernel.w(d * Math.sqrt(i * i + k * k));
        return 1 / planeSelf;
    }

    private double computeWallOffset() {
        // Boundary plane: samples on a square lattice of spacing d in y = 0, volume by Akinci's rule.
        double vb = planeSampleVolume();
        // Density at a fluid particle in layer 0 at height y0 above the plane, fluid layers above it.
        // The liquid's particles lie anywhere sideways relative to the wall's samples, so the
        // wall's share is averaged over lateral offsets (8 x 8 within one lattice cell).
        java.util.function.DoubleUnaryOperator density = y0 -> {
            double s = 0;
            for (int i = -3; i <= 3; i++)
                for (int k = -3; k <= 3; k++) {
                    double r2 = d * d * (i * i + k * k);
                    for (int j = 0; j <= 3; j++) s += vol * kernel.w(Math.sqrt(r2 + d * d * j * j));
                    double wall = 0;
                    for (int a = 0; a < 8; a++)
                        for (int c = 0; c < 8; c++) {
                            double du = d * (i + (a + 0.5) / 8), dw = d * (k + (c + 0.5) / 8);
                            wall += kernel.w(Math.sqrt(du * du + dw * dw + y0 * y0));
                        }
                    s += vb * wall / 64;
                }
            return s;
        };
        // density decreases as y0 grows; find y0 with density 1
        double lo = 0.05 * d, hi = 2 * d;
        for (int it = 0; it < 80; it++) {
            double mid = 0.5 * (lo + hi);
            if (density.applyAsDouble(mid) > 1) lo = mid; else hi = mid;
        }
        double y0 = 0.5 * (lo + hi);
        return y0 - 0.5 * d;
    }

    /**
     * Multiplier of the solids' adhesion (Akinci et al. 2013) relative to its neutral-wetting beta
     * ({@link #computeSurfaceTension}): 1 gives a 90 degree contact angle, 2 complete wetting; 0, the
     * default, no adhesion (the liquid does not wet solids). Off by default because it does not yet
     * make the half-submerged held cube pass (1.1138 -> 1.1029 with 1, with gamma derived from sigma;
     * 1.0908 without surface tension) nor the pine (0.461 -> 0.466): fluid/README.md, Known gaps 2.
     */
    static final double ADHESION = Double.parseDouble(System.getProperty("diorama.fluid.adhesion", "0"));

    /** Akinci et al. 2013's adhesion kernel, 1/m^3: 0.007 / h^3.25 (-4 r^2 / h + 6 r - 2 h)^(1/4) for h/2 < r < h, else 0. */
    private double adhesionKernel(double r) {
        if (r <= 0.5 * h || r >= h) return 0;
        return adhesionNorm * Math.sqrt(Math.sqrt(-4 * r * r / h + 6 * r - 2 * h));
    }

    /** Akinci et al. 2013's cohesion kernel C(r), 1/m^3, for 0 <= r; 0 from r = h on. */
    private double cohesionKernel(double r) {
        if (r >= h) return 0;
        double a = (h - r) * (h - r) * (h - r) * r * r * r;
        return cohesionNorm * (2 * r > h ? a : 2 * a - cohesionInner);
    }

    /**
     * The surface tension's gamma, as a multiple of the derived one ({@link #computeSurfaceTension}),
     * with which a free drop of water at millimetre spacings rings at Rayleigh's period
     * ({@link Settings#surfaceTensionScale}). With the derived gamma alone the drop rings in its
     * l = 2 mode at 0.479 / 0.442 / 0.412 of Rayleigh's period for R = 6 / 8 / 10 spacings
     * (d = 1 mm), 0.373 for R = 12 at 0.67 mm: the model's surface tension is 4.4-7.2 sigma, because
     * Akinci's curvature term, which shares gamma without a derivation of its own, adds to the
     * cohesion, and a support of two spacings is not the continuum the integral assumes
     * (fluid/README.md, Known gaps 3). 0.19 is the inverse of the 8-spacing drop's 5.12 sigma to
     * within 3 %, taken once; SurfaceTensionTest checks the drops of 6 and 10 spacings, which it was
     * not taken from. With it BuoyancyTest's pine floats 0.476 under on average (0.471 with the
     * derived gamma; Archimedes 0.50). Scenes keep the derived gamma (scale 1): at their 5 mm spacing a liquid with
     * this one tears into droplets where the stronger one holds together (fluid/README.md, Known
     * gaps 3: a spilled glass wets twice the floor as a sparse field of droplets, a steel ball
     * dropped into a pot throws 2.7-3.6 % of the water out of it instead of under 1 %).
     */
    public static final double RAYLEIGH_SCALE = 0.19;

    /**
     * The surface tension's coefficients, {gamma, beta / gamma}, derived from the liquid's sigma (not
     * fitted). The liquid's surface tension is Akinci et al. 2013's: particles attract by
     * a_ij = gamma m C(r_ij), a pair force f(r) = gamma m^2 C(r) (Akinci's curvature term shares
     * gamma but is not part of this derivation; with both, a drop's oscillation measures the model's
     * surface tension at about five times sigma, which {@link #RAYLEIGH_SCALE} corrects). Its surface tension in the continuum is Kirkwood and Buff's,
     * sigma = (pi/8) n^2 integral r^4 f(r) dr (uniform liquid of number density n = 1/V, n m = rho0),
     * so gamma = 8 sigma / (pi rho0^2 integral r^4 C dr). (Akinci's own gamma = sigma / (rho0 h^2),
     * used here until 2026-11-26, gives 4 J rho0 sigma with J = integral_0^1 s^4 c(s) ds = 7.46e-4, i.e.
     * 2.98 sigma for water: a unit artefact, rho0 in kg/m^3.)
     * <p>
     * The solids' samples attract the liquid by a_ib = beta rho0 V_b A(r_ib). Young and Dupre:
     * cos theta = W_adh / sigma - 1, so theta = 90 degrees where the work of adhesion per area, W_adh,
     * equals the surface energy sigma, half the work of cohesion W_coh = (pi/4) n^2 m^2 gamma
     * integral r^4 C dr = 2 sigma. The solid as a plane of samples of spacing d, volume V_b (a plane's
     * Akinci volume), wallOffset behind the face the liquid fills:
     * W_adh = (2 pi n / d^2) m rho0 V_b beta integral_{z_w}^{h} G(r) A(r) dr with
     * G(r) = (r^3 - z_w^3) / 3 - z_w (r^2 - z_w^2) / 2 (the liquid half-space's share at distance r,
     * integrated by parts twice). Equating: beta / gamma = d^2 integral r^4 C / (16 V_b integral G A),
     * 3.96 for this kernel and offset. Without adhesion the walls do not wet (theta = 180 degrees).
     * fluid/README.md, "Surface tension" and Known gaps 2.
     */
    private double[] computeSurfaceTension() {
        int steps = 4000;
        double zw = wallOffset, coh = 0, adh = 0;
        for (int s = 0; s < steps; s++) {
            double r = h * (s + 0.5) / steps;
            coh += r * r * r * r * cohesionKernel(r);
            if (r > zw) adh += ((r * r * r - zw * zw * zw) / 3 - zw * (r * r - zw * zw) / 2) * adhesionKernel(r);
        }
        coh *= h / steps;
        adh *= h / steps;
        double sigma = settings.liquid().surfaceTension();
        return new double[] {8 * sigma / (Math.PI * rho0 * rho0 * coh), d * d * coh / (16 * planeSampleVolume() * adh)};
    }

    /** Adds a static solid (a floor, a tank, a glass); its boundary particles' volumes are computed here. */
    public void addStaticBoundary(BoundarySamples samples) {
        double[] v = boundaryVolumes(samples.xyz);
        int old = staticVol.length;
        staticXyz = Arrays.copyOf(staticXyz, staticXyz.length + samples.xyz.length);
        System.arraycopy(samples.xyz, 0, staticXyz, 3 * old, samples.xyz.length);
        staticVol = Arrays.copyOf(staticVol, old + v.length);
        System.arraycopy(v, 0, staticVol, old, v.length);
    }

    /**
     * Couples the liquid with rigid bodies; {@code samples.get(b)} are body b's boundary particles in
     * body coordinates (centre of mass at the origin).
     */
    public void setRigidBodies(RigidBodies bodies, List<BoundarySamples> samples) {
        if (samples.size() != bodies.count()) throw new IllegalArgumentException("one sample set per body");
        this.bodies = bodies;
        bodyLocal.clear();
        bodyVol.clear();
        bodyPatches.clear();
        byPatches = new boolean[samples.size()];
        int b = 0;
        for (BoundarySamples s : samples) {
            bodyLocal.add(s.xyz.clone());
            bodyVol.add(boundaryVolumes(s.xyz));
            bodyPatches.add(s.patches.clone());
            byPatches[b++] = SURFACE_PRESSURE && s.patches.length > 0;
        }
        bodyState = new double[13 * bodies.count()];
        bodyInverse = new double[4 * bodies.count()];
        wrench = new double[6 * bodies.count()];
        steady = new double[6 * bodies.count()];
        wetPrev = new int[bodies.count()];
    }

    /** Akinci's boundary volume V_b = 1 / sum_k W(x_b - x_k) over the same solid's samples. */
    private double[] boundaryVolumes(double[] xyz) {
        int m = xyz.length / 3;
        java.util.HashMap<Long, int[]> grid = new java.util.HashMap<>();
        for (int i = 0; i < m; i++) {
            long key = cellKey(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            int[] list = grid.get(key);
            if (list == null) list = new int[4];
            else if (list[0] + 1 >= list.length) list = Arrays.copyOf(list, 2 * list.length);
            list[++list[0]] = i;
            grid.put(key, list);
        }
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
            long cx = (long) Math.floor(x / h), cy = (long) Math.floor(y / h), cz = (long) Math.floor(z / h);
            double s = 0;
            for (long a = cx - 1; a <= cx + 1; a++)
                for (long b = cy - 1; b <= cy + 1; b++)
                    for (long c = cz - 1; c <= cz + 1; c++) {
                        int[] list = grid.get(packKey(a, b, c));
                        if (list == null) continue;
                        for (int k = 1; k <= list[0]; k++) {
                            int j = list[k];
                            double dx = x - xyz[3 * j], dy = y - xyz[3 * j + 1], dz = z - xyz[3 * j + 2];
                            s += kernel.wSquared(dx * dx + dy * dy + dz * dz);
                        }
                    }
            v[i] = 1 / s;
        }
        return v;
    }

    private long cellKey(double x, double y, double z) {
        return packKey((long) Math.floor(x / h), (long) Math.floor(y / h), (long) Math.floor(z / h));
    }

    private static long packKey(long a, long b, long c) {
        return (a & 0x1FFFFF) | ((b & 0x1FFFFF) << 21) | ((c & 0x1FFFFF) << 42);
    }

    /** Adds one particle (position m, velocity m/s). */
    public void addParticle(double x, double y, double z, double ux, double uy, double uz) {
        if (n == px.length) grow(Math.max(1024, 2 * n));
        px[n] = x; py[n] = y; pz[n] = z;
        vx[n] = ux; vy[n] = uy; vz[n] = uz;
        sumP[n] = 0; sumV[n] = 0;
        ids[n] = nextId++;
        armed[n] = 1;
        n++;
    }

    /**
     * Fills the box [min, max] with liquid at rest density (a cubic lattice of spacing d whose
     * outermost particles lie d/2 inside the box, so the liquid's volume is the box's); returns the
     * number of particles added.
     */
    public int addBlock(double[] min, double[] max, double[] velocity) {
        int cx = (int) Math.round((max[0] - min[0]) / d), cy = (int) Math.round((max[1] - min[1]) / d),
                cz = (int) Math.round((max[2] - min[2]) / d);
        int added = 0;
        for (int i = 0; i < cx; i++)
            for (int j = 0; j < cy; j++)
                for (int k = 0; k < cz; k++) {
                    addParticle(min[0] + (i + 0.5) * d, min[1] + (j + 0.5) * d, min[2] + (k + 0.5) * d,
                            velocity[0], velocity[1], velocity[2]);
                    added++;
                }
        return added;
    }

    public void addEmitter(Emitter e) {
        emitters.add(e);
    }

    private void grow(int cap) {
        px = Arrays.copyOf(px, cap); py = Arrays.copyOf(py, cap); pz = Arrays.copyOf(pz, cap);
        vx = Arrays.copyOf(vx, cap); vy = Arrays.copyOf(vy, cap); vz = Arrays.copyOf(vz, cap);
        rho = Arrays.copyOf(rho, cap); invRho = Arrays.copyOf(invRho, cap); volRho = Arrays.copyOf(volRho, cap); factor = Arrays.copyOf(factor, cap); kappa = Arrays.copyOf(kappa, cap);
        src = Arrays.copyOf(src, cap);
        touch = Arrays.copyOf(touch, cap);
        sumP = Arrays.copyOf(sumP, cap); sumV = Arrays.copyOf(sumV, cap);
        ax = Arrays.copyOf(ax, cap); ay = Arrays.copyOf(ay, cap); az = Arrays.copyOf(az, cap);
        nx = Arrays.copyOf(nx, cap); ny = Arrays.copyOf(ny, cap); nz = Arrays.copyOf(nz, cap);
        lx = Arrays.copyOf(lx, cap); ly = Arrays.copyOf(ly, cap); lz = Arrays.copyOf(lz, cap); lu = Arrays.copyOf(lu, cap);
        ids = Arrays.copyOf(ids, cap); neighbours = Arrays.copyOf(neighbours, cap); fluidNeighbours = Arrays.copyOf(fluidNeighbours, cap);
        armed = Arrays.copyOf(armed, cap);
    }

    // =====================================================================================
    // Stepping
    // =====================================================================================

    /** Advances by one step of the solver's own (CFL) length, at most {@code maxDt}; returns the step taken. */
    public double step(double maxDt) {
        long t0 = System.nanoTime();
        readBodies();
        buildGrid();
        long t1 = System.nanoTime();
        if (bodies != null) for (Chunk c : chunks) c.resetBodies(bodies.count());   // all: the wrench sums over every chunk
        neighbourPass();
        findLoneDrops();
        if (patchCount > 0) {
            if (v0x.length < px.length) {
                v0x = new double[px.length];
                v0y = new double[px.length];
                v0z = new double[px.length];
            }
            System.arraycopy(vx, 0, v0x, 0, n);
            System.arraycopy(vy, 0, v0y, 0, n);
            System.arraycopy(vz, 0, v0z, 0, n);
        }
        long t2 = System.nanoTime();
        double dt = chooseTimeStep(maxDt);
        // Land on maxDt in two even steps rather than a full one and a sliver: a step many times
        // shorter than the last makes the pressure's warm start mismatched (see solve) and is
        // wasted work. (A rigid coupling that advances the liquid to every rigid step's end asks
        // for such remainders each step.)
        if (dt < maxDt && maxDt < 1.5 * dt) dt = 0.5 * maxDt;
        lastDt = dt;
        impacts(dt);
        long t3 = System.nanoTime();
        lastDivergenceIterations = solve(dt, true);
        long t4 = System.nanoTime();
        nonPressure(dt);
        long t5 = System.nanoTime();
        pinchCap = pinchCap();
        lastPressureIterations = solve(dt, false);
        if (patchCount > 0) surfacePressure(dt);
        if (CONTACT_LINE > 0) holdFilms(dt);
        long t6 = System.nanoTime();
        advect(dt);
        landLoneDrops(dt);
        phaseNanos[0] += t1 - t0;
        phaseNanos[1] += t2 - t1;
        phaseNanos[2] += t3 - t2;
        phaseNanos[3] += t4 - t3;
        phaseNanos[4] += t5 - t4;
        phaseNanos[5] += t6 - t5;
        time += dt;
        steps++;
        removeOutside();
        if (bodies != null) {
            sumChunkWrenches(wrench);
            for (int c = 0, cc = Parallel.chunks(patchCount); c < cc; c++) for (int k = 0; k < wrench.length; k++) wrench[k] += patchWrench[c][k];
            double e = Math.exp(-dt / STEADY_TIME);
            for (int k = 0; k < wrench.length; k++) steady[k] = holding ? wrench[k] : wrench[k] + (steady[k] - wrench[k]) * e;
            if (!holding) bodies.advance(dt, wrench);
        }
        for (Emitter e : emitters) e.emit(this, time, dt);
        return dt;
    }

    /**
     * Prepares liquid placed as lattice blocks to start at rest: runs the solver for
     * {@code seconds} with velocities damped on a time scale of {@link #SETTLE_TIME}, so the liquid
     * sinks into hydrostatic equilibrium and its particles leave the cubic lattice (an unstable
     * arrangement in SPH) for a stable packing without sloshing afterwards; the clock, step count
     * and sound events then start from zero. Bodies are held where they are (their samples stay, so
     * the liquid settles around them, and they do not move). Half a second is enough for
     * tanks a few dozen particles deep.
     */
    public void settle(double seconds) {
        holding = true;
        double end = time + seconds;
        while (time < end - 1e-12) {
            double dt = step(end - time);
            double keep = Math.exp(-dt / SETTLE_TIME);
            for (int i = 0; i < n; i++) {
                vx[i] *= keep;
                vy[i] *= keep;
                vz[i] *= keep;
            }
        }
        holding = false;
        time = 0;
        steps = 0;
        bubbles.clear();
        splashes.clear();
        Arrays.fill(armed, 0, n, (byte) 1);
    }

    /**
     * Wall-clock nanoseconds spent so far in: grid and sorting, neighbour search (lists, densities,
     * factors), sound events, divergence solve, non-pressure forces, pressure solve (for benchmarks).
     */
    final long[] phaseNanos = new long[6];

    /**
     * The time constant, seconds, of the low-pass {@link #giveWay} measures a body's steady wrench
     * against (its buoyancy, or what holds a body resting on the floor). Spikes of a few
     * milliseconds hardly move it; a floating body's bob (a few per second) is followed. 5 and 20 ms
     * gave the same landings of the brick and the glass (fluid/README.md, Robustness, thirteenth
     * session).
     */
    static final double STEADY_TIME = 0.01;

    /** True while {@link #settle} runs: the bodies' samples stay where the bodies are, and the bodies are not moved. */
    private boolean holding;

    /** Damping time of {@link #settle}, seconds. */
    static final double SETTLE_TIME = 0.03;

    /** Advances to time {@code t} (seconds since the start), the last step shortened to land on it. */
    public void advanceTo(double t) {
        while (time < t - 1e-12) {
            double remaining = t - time;
            double dt = step(remaining);
            if (dt >= remaining) time = t;   // land exactly, whatever rounding did
        }
    }

    private double chooseTimeStep(double maxDt) {
        double vmax2 = 0;
        for (int c = 0, cc = Parallel.chunks(n); c < cc; c++) vmax2 = Math.max(vmax2, chunks[c].max);
        for (int i = 0; i < nb; i++) {
            if (bOwner[i] >= 0) vmax2 = Math.max(vmax2, bvx[i] * bvx[i] + bvy[i] * bvy[i] + bvz[i] * bvz[i]);
        }
        double dt = Math.min(settings.maxTimeStep(), maxDt);
        double vmax = Math.sqrt(vmax2);
        if (vmax > 0) dt = Math.min(dt, settings.cfl() * d / vmax);
        double nu = settings.liquid().kinematicViscosity();
        // stable diffusion number of the explicit viscosity (the implicit one has no limit)
        if (nu > 0 && !implicitViscosity()) dt = Math.min(dt, EXPLICIT_DIFFUSION * d * d / nu);
        return Math.max(dt, 1e-7);
    }

    /** World positions and velocities of the bodies' boundary particles (stored raw, before sorting). */
    private double[] rawXyz = new double[0], rawVel = new double[0], rawVol = new double[0];
    private int[] rawOwner = new int[0];
    private int rawCount;

    private void readBodies() {
        int total = staticVol.length;
        for (double[] v : bodyVol) total += v.length;
        if (rawVol.length < total) {
            rawXyz = new double[3 * total];
            rawVel = new double[3 * total];
            rawVol = new double[total];
            rawOwner = new int[total];
        }
        System.arraycopy(staticXyz, 0, rawXyz, 0, staticXyz.length);
        System.arraycopy(staticVol, 0, rawVol, 0, staticVol.length);
        Arrays.fill(rawVel, 0, 3 * staticVol.length, 0);
        Arrays.fill(rawOwner, 0, staticVol.length, -1);
        int o = staticVol.length;
        if (bodies != null) {
            double[] s = new double[13];
            double[] r = new double[3];
            for (int b = 0; b < bodies.count(); b++) {
                bodies.state(b, s);
                System.arraycopy(s, 0, bodyState, 13 * b, 13);
                bodies.inverseInertia(b, inverseScratch);
                System.arraycopy(inverseScratch, 0, bodyInverse, 4 * b, 4);
                double[] local = bodyLocal.get(b), v = bodyVol.get(b);
                for (int k = 0; k < v.length; k++, o++) {
                    Quat.rotate(s, 3, local[3 * k], local[3 * k + 1], local[3 * k + 2], r, 0);
                    rawXyz[3 * o] = s[0] + r[0];
                    rawXyz[3 * o + 1] = s[1] + r[1];
                    rawXyz[3 * o + 2] = s[2] + r[2];
                    rawVel[3 * o] = s[7] + s[11] * r[2] - s[12] * r[1];
                    rawVel[3 * o + 1] = s[8] + s[12] * r[0] - s[10] * r[2];
                    rawVel[3 * o + 2] = s[9] + s[10] * r[1] - s[11] * r[0];
                    rawVol[o] = v[k];
                    rawOwner[o] = b;
                }
            }
            int patches = 0;
            for (int b = 0; b < bodies.count(); b++) if (byPatches[b]) patches += bodyPatches.get(b).length / 7;
            if (patchOwner.length < patches) {
                patchWorld = new double[7 * patches];
                patchOwner = new int[patches];
            }
            int q = 0;
            for (int b = 0; b < bodies.count(); b++) {
                if (!byPatches[b]) continue;
                double[] local = bodyPatches.get(b);
                for (int k = 0; k < local.length; k += 7, q++) {
                    Quat.rotate(bodyState, 13 * b + 3, local[k], local[k + 1], local[k + 2], r, 0);
                    patchWorld[7 * q] = bodyState[13 * b] + r[0];
                    patchWorld[7 * q + 1] = bodyState[13 * b + 1] + r[1];
                    patchWorld[7 * q + 2] = bodyState[13 * b + 2] + r[2];
                    Quat.rotate(bodyState, 13 * b + 3, local[k + 3], local[k + 4], local[k + 5], r, 0);
                    patchWorld[7 * q + 3] = r[0];
                    patchWorld[7 * q + 4] = r[1];
                    patchWorld[7 * q + 5] = r[2];
                    patchWorld[7 * q + 6] = local[k + 6];
                    patchOwner[q] = b;
                }
            }
            patchCount = q;
            int pc = Parallel.chunks(q);
            if (patchWrench.length < pc) patchWrench = Arrays.copyOf(patchWrench, pc);
            for (int c = 0; c < pc; c++) {
                if (patchWrench[c] == null || patchWrench[c].length != 6 * bodies.count()) patchWrench[c] = new double[6 * bodies.count()];
                Arrays.fill(patchWrench[c], 0);
            }
        }
        rawCount = o;
    }

    private int[] keyScratch = new int[0], permScratch = new int[0];
    private double[] dScratch = new double[0];
    private int[] iScratch = new int[0], idScratch = new int[0];
    private byte[] bScratch = new byte[0];

    /** Grid over the fluid's extent; fluid particles reordered by cell, boundary particles gathered by cell. */
    private void buildGrid() {
        int chunkCount = Parallel.chunks(n);
        ensureChunks(chunkCount);
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        if (n > 0) {
            parallel.forChunks(n, (c, from, to) -> {
                Chunk ch = chunks[c];
                double a = Double.POSITIVE_INFINITY, b = a, e = a, f = Double.NEGATIVE_INFINITY, g = f, k = f;
                for (int i = from; i < to; i++) {
                    a = Math.min(a, px[i]); b = Math.min(b, py[i]); e = Math.min(e, pz[i]);
                    f = Math.max(f, px[i]); g = Math.max(g, py[i]); k = Math.max(k, pz[i]);
                }
                ch.minX = a; ch.minY = b; ch.minZ = e; ch.maxX = f; ch.maxY = g; ch.maxZ = k;
            });
            for (int c = 0; c < chunkCount; c++) {
                Chunk ch = chunks[c];
                minX = Math.min(minX, ch.minX); minY = Math.min(minY, ch.minY); minZ = Math.min(minZ, ch.minZ);
                maxX = Math.max(maxX, ch.maxX); maxY = Math.max(maxY, ch.maxY); maxZ = Math.max(maxZ, ch.maxZ);
            }
        } else {
            minX = minY = minZ = 0;
            maxX = maxY = maxZ = 0;
        }
        cell = 0.5 * h;   // half the support: the 5 x 5 x 5 cells around a particle hold 42 % fewer candidates than 3 x 3 x 3 of h
        double ex = maxX - minX + 2 * h, ey = maxY - minY + 2 * h, ez = maxZ - minZ + 2 * h;
        while ((long) (ex / cell + 1) * (long) (ey / cell + 1) * (long) (ez / cell + 1) > MAX_CELLS) cell *= 1.25;
        gx0 = minX - h;
        gy0 = minY - h;
        gz0 = minZ - h;
        gnx = (int) (ex / cell) + 1;
        gny = (int) (ey / cell) + 1;
        gnz = (int) (ez / cell) + 1;
        int cells = gnx * gny * gnz;
        if (fStart.length < cells + 1) {
            fStart = new int[cells + 1];
            bStart = new int[cells + 1];
        }
        // --- fluid: counting sort by cell (stable, so the order is a function of the state alone)
        if (keyScratch.length < Math.max(n, rawCount)) {
            keyScratch = new int[Math.max(px.length, rawCount)];
            permScratch = new int[Math.max(px.length, rawCount)];
        }
        final int[] key = keyScratch;
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) key[i] = cellOf(px[i], py[i], pz[i]);
        });
        Arrays.fill(fStart, 0, cells + 1, 0);
        for (int i = 0; i < n; i++) fStart[key[i] + 1]++;
        for (int c = 0; c < cells; c++) fStart[c + 1] += fStart[c];
        int[] perm = permScratch;
        {
            int[] fill = iScratchOf(cells);
            System.arraycopy(fStart, 0, fill, 0, cells);
            for (int i = 0; i < n; i++) perm[fill[key[i]]++] = i;   // perm[new] = old
        }
        px = permute(px, perm); py = permute(py, perm); pz = permute(pz, perm);
        vx = permute(vx, perm); vy = permute(vy, perm); vz = permute(vz, perm);
        sumP = permute(sumP, perm); sumV = permute(sumV, perm);
        ids = permute(ids, perm);
        armed = permute(armed, perm);
        // --- boundary particles inside the grid, gathered by cell
        int inside = 0;
        for (int i = 0; i < rawCount; i++) {
            int k = cellOfOrMinus(rawXyz[3 * i], rawXyz[3 * i + 1], rawXyz[3 * i + 2]);
            key[i] = k;
            if (k >= 0) inside++;
        }
        nb = inside;
        if (bV.length < nb) {
            int cap = Math.max(nb, 2 * bV.length);
            bx = new double[cap]; by = new double[cap]; bz = new double[cap];
            bvx = new double[cap]; bvy = new double[cap]; bvz = new double[cap]; bV = new double[cap];
            bOwner = new int[cap];
        }
        Arrays.fill(bStart, 0, cells + 1, 0);
        for (int i = 0; i < rawCount; i++) if (key[i] >= 0) bStart[key[i] + 1]++;
        for (int c = 0; c < cells; c++) bStart[c + 1] += bStart[c];
        int[] fill = iScratchOf(cells);
        System.arraycopy(bStart, 0, fill, 0, cells);
        for (int i = 0; i < rawCount; i++) {
            if (key[i] < 0) continue;
            int t = fill[key[i]]++;
            bx[t] = rawXyz[3 * i]; by[t] = rawXyz[3 * i + 1]; bz[t] = rawXyz[3 * i + 2];
            bvx[t] = rawVel[3 * i]; bvy[t] = rawVel[3 * i + 1]; bvz[t] = rawVel[3 * i + 2];
            bV[t] = rawVol[i];
            bOwner[t] = rawOwner[i];
        }
        moved = 0;
        if (bodies != null && !holding) {
            for (int t = 0; t < nb; t++) if (bOwner[t] >= 0 && bodyInverse[4 * bOwner[t]] > 0 && !byPatches[bOwner[t]]) moved++;
            if (movedIdx.length < moved) {
                movedIdx = new int[moved];
                movedVel = new double[3 * moved];
            }
            for (int t = 0, q = 0; t < nb; t++) {
                if (bOwner[t] < 0 || !(bodyInverse[4 * bOwner[t]] > 0) || byPatches[bOwner[t]]) continue;
                movedIdx[q] = t;
                movedVel[3 * q] = bvx[t];
                movedVel[3 * q + 1] = bvy[t];
                movedVel[3 * q + 2] = bvz[t];
                q++;
            }
        }
    }

    /** Per body: 1 / mass and the inverse principal moments (body frame), from {@link RigidBodies#inverseInertia}. */
    private double[] bodyInverse = new double[0];
    /** The samples of bodies that give way (indices into the boundary arrays) and their velocities at the step's start. */
    private int[] movedIdx = new int[0];
    private double[] movedVel = new double[0];
    private int moved;
    private final double[] giveWayScratch = new double[3], inverseScratch = new double[4];

    /**
     * Lets the bodies give way to the pressure the solves have built so far (a strong coupling in
     * the spirit of Gissler et al. 2019, "Interlinked SPH pressure solvers for strong fluid-rigid
     * coupling", here by updating the bodies' sample velocities between Jacobi iterations): each
     * moving sample gets its body's velocity at the step's start plus (W - W_steady) dt / m and the
     * angular counterpart I^-1 (T - T_steady) dt, where W, T are the liquid's force and torque
     * summed so far this step and W_steady, T_steady their low-pass over the last
     * {@link #STEADY_TIME} (a floating or resting body, whose wrench is steady, is left where it
     * is; gravity and the floor's contacts, which the solves do not know, balance that part).
     *
     * <p>Without it the solves treated every body as immovable within the step, and the body
     * received the result afterwards, under-relaxed (0.3 of this step's wrench and 0.7 of the last
     * one's) to keep light bodies stable. Where a body closed on the floor through the last
     * centimetre of liquid, the steps shrank to 15-20 microseconds, each solve met a body still
     * coming at full speed and answered with up to 8 kN, and the relaxation carried those forces
     * into the longer steps that followed, multiplying their impulse by the ratio of the steps: a
     * granite brick dropped flat into 12 cm of water at 0.7 m/s was thrown back up at 1.7 m/s and
     * ended on its side. With the bodies giving way in the solves the wrench is handed over whole
     * (with the relaxation kept as well, a steel ball landing in a pot heaved the water over the
     * rim), and a pine cube still floats stably (fluid/README.md, Robustness, thirteenth session).
     */
    private void giveWay(double dt) {
        if (moved == 0) return;
        int count = bodies.count();
        if (giveWayDv.length < 6 * count) giveWayDv = new double[6 * count];
        double[] dv = giveWayDv;
        sumChunkWrenches(dv);
        double[] r = giveWayScratch;
        for (int b = 0; b < count; b++) {
            int o = 6 * b;
            double im = bodyInverse[4 * b] * dt;
            double fx = dv[o] - steady[o], fy = dv[o + 1] - steady[o + 1], fz = dv[o + 2] - steady[o + 2];
            double tx = dv[o + 3] - steady[o + 3], ty = dv[o + 4] - steady[o + 4], tz = dv[o + 5] - steady[o + 5];
            dv[o] = im * fx;
            dv[o + 1] = im * fy;
            dv[o + 2] = im * fz;
            Quat.rotateInverse(bodyState, 13 * b + 3, tx, ty, tz, r, 0);   // to the body frame
            Quat.rotate(bodyState, 13 * b + 3, dt * bodyInverse[4 * b + 1] * r[0], dt * bodyInverse[4 * b + 2] * r[1],
                    dt * bodyInverse[4 * b + 3] * r[2], r, 0);            // I^-1 there, back to the world
            dv[o + 3] = r[0];
            dv[o + 4] = r[1];
            dv[o + 5] = r[2];
        }
        for (int q = 0; q < moved; q++) {
            int t = movedIdx[q], b = bOwner[t], o = 6 * b;
            double rx = bx[t] - bodyState[13 * b], ry = by[t] - bodyState[13 * b + 1], rz = bz[t] - bodyState[13 * b + 2];
            bvx[t] = movedVel[3 * q] + dv[o] + dv[o + 4] * rz - dv[o + 5] * ry;
            bvy[t] = movedVel[3 * q + 1] + dv[o + 1] + dv[o + 5] * rx - dv[o + 3] * rz;
            bvz[t] = movedVel[3 * q + 2] + dv[o + 2] + dv[o + 3] * ry - dv[o + 4] * rx;
        }
    }

    private double[] giveWayDv = new double[0];

    /** The liquid's wrench on every body summed so far this step, over the chunks in order, into out[0 .. 6 * bodies). */
    private void sumChunkWrenches(double[] out) {
        int m = 6 * bodies.count();
        Arrays.fill(out, 0, m, 0);
        for (Chunk c : chunks) for (int k = 0; k < m; k++) out[k] += c.wrench[k];
    }

    private int[] iScratchOf(int size) {
        if (iScratch.length < size) iScratch = new int[size];
        return iScratch;
    }

    /** a reordered by perm (out[i] = a[perm[i]]), in parallel; a becomes the next call's scratch. */
    private double[] permute(double[] a, int[] perm) {
        if (dScratch.length != a.length) dScratch = new double[a.length];
        double[] out = dScratch;
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) out[i] = a[perm[i]];
        });
        dScratch = a;
        return out;
    }

    private int[] permute(int[] a, int[] perm) {
        if (idScratch.length != a.length) idScratch = new int[a.length];
        int[] out = idScratch;
        for (int i = 0; i < n; i++) out[i] = a[perm[i]];
        idScratch = a;
        return out;
    }

    private byte[] permute(byte[] a, int[] perm) {
        if (bScratch.length != a.length) bScratch = new byte[a.length];
        byte[] out = bScratch;
        for (int i = 0; i < n; i++) out[i] = a[perm[i]];
        bScratch = a;
        return out;
    }

    private int cellOf(double x, double y, double z) {
        int i = Math.min(gnx - 1, Math.max(0, (int) ((x - gx0) / cell)));
        int j = Math.min(gny - 1, Math.max(0, (int) ((y - gy0) / cell)));
        int k = Math.min(gnz - 1, Math.max(0, (int) ((z - gz0) / cell)));
        return (i * gny + j) * gnz + k;
    }

    private int cellOfOrMinus(double x, double y, double z) {
        double fx = (x - gx0) / cell, fy = (y - gy0) / cell, fz = (z - gz0) / cell;
        if (fx < 0 || fy < 0 || fz < 0 || fx >= gnx || fy >= gny || fz >= gnz) return -1;
        return ((int) fx * gny + (int) fy) * gnz + (int) fz;
    }

    private void ensureChunks(int count) {
        if (chunks.length < count) {
            Chunk[] c = Arrays.copyOf(chunks, count);
            for (int i = chunks.length; i < count; i++) c[i] = new Chunk();
            chunks = c;
        }
    }

    /** Neighbour lists with kernel gradients, density ratios, DFSPH factors, neighbour counts, max speed. */
    void neighbourPass() {
        final double w0 = kernel.w0();
        final int reach = (int) Math.ceil(h / cell - 1e-9);   // cells each side that the support reaches
        final boolean coupled = bodies != null;
        parallel.forChunks(n, (c, from, to) -> {
            // The fields this pass reads, as locals: C2 keeps fewer of them reloaded inside the loops.
            final double[] px = this.px, py = this.py, pz = this.pz, vx = this.vx, vy = this.vy, vz = this.vz;
            final double[] bx = this.bx, by = this.by, bz = this.bz, bvx = this.bvx, bvy = this.bvy, bvz = this.bvz, bV = this.bV;
            final int[] fStart = this.fStart, bStart = this.bStart, bOwner = this.bOwner;
            final double gx0 = this.gx0, gy0 = this.gy0, gz0 = this.gz0, cell = this.cell, h2 = this.h2, vol = this.vol;
            final int gnx = this.gnx, gny = this.gny, gnz = this.gnz;
            final CubicKernel kernel = this.kernel;
            Chunk ch = chunks[c];
            int[] found = ch.found;
            int fc = 0, bc = 0;
            double vmax2 = 0;
            for (int i = from; i < to; i++) {
                int li = i - from;
                ch.fFirst[li] = fc;
                ch.bFirst[li] = bc;
                double xi = px[i], yi = py[i], zi = pz[i], vxi = vx[i], vyi = vy[i], vzi = vz[i];
                int ci = (int) ((xi - gx0) / cell), cj = (int) ((yi - gy0) / cell), ck = (int) ((zi - gz0) / cell);
                double dens = vol * w0;
                int tch = -2;
                double best = 0;   // fastest approach to a neighbour, for the sound events
                double gsx = 0, gsy = 0, gsz = 0, sq = 0;
                // Two loops: first the candidates inside the support, in scan order, counted
                // without a branch on the distance (a liquid index as it is, a boundary one as ~j);
                // then the kernels of those found. The same values in the same order as one loop
                // that branched on each candidate, and the pass 12 % faster (PassBench;
                // docs/benchmarks.md, eighteenth session).
                int m = 0;
                for (int a = Math.max(0, ci - reach); a <= Math.min(gnx - 1, ci + reach); a++) {
                    for (int b = Math.max(0, cj - reach); b <= Math.min(gny - 1, cj + reach); b++) {
                        int base = (a * gny + b) * gnz;
                        int lo = base + Math.max(0, ck - reach), hi = base + Math.min(gnz - 1, ck + reach) + 1;
                        // the cells along z are contiguous: one range
                        int fs = fStart[lo], fe = fStart[hi], bs = bStart[lo], be = bStart[hi];
                        if (m + (fe - fs) + (be - bs) > found.length) found = Arrays.copyOf(found, 2 * (m + (fe - fs) + (be - bs)));
                        for (int j = fs; j < fe; j++) {
                            double dx = xi - px[j], dy = yi - py[j], dz = zi - pz[j];
                            found[m] = j;
                            m += (dx * dx + dy * dy + dz * dz < h2) & (j != i) ? 1 : 0;
                        }
                        for (int j = bs; j < be; j++) {
                            double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                            found[m] = ~j;
                            m += dx * dx + dy * dy + dz * dz < h2 ? 1 : 0;
                        }
                    }
                }
                if (fc + m > ch.fIdx.length) {
                    ch.fIdx = Arrays.copyOf(ch.fIdx, 2 * (fc + m));
                    ch.fGrad = Arrays.copyOf(ch.fGrad, 6 * (fc + m));
                }
                if (bc + m > ch.bIdx.length) {
                    ch.bIdx = Arrays.copyOf(ch.bIdx, 2 * (bc + m));
                    ch.bGrad = Arrays.copyOf(ch.bGrad, 6 * (bc + m));
                }
                final int[] fIdx = ch.fIdx, bIdx = ch.bIdx;
                final float[] fGrad = ch.fGrad, bGrad = ch.bGrad;
                for (int t = 0; t < m; t++) {
                    int j = found[t];
                    if (j >= 0) {
                        double dx = xi - px[j], dy = yi - py[j], dz = zi - pz[j];
                        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        fIdx[fc] = j;
                        putGradient(fGrad, fc, kernel.gradientFactor(r), dx, dy, dz);
                        float gx = fGrad[3 * fc], gy = fGrad[3 * fc + 1], gz = fGrad[3 * fc + 2];
                        double w = kernel.w(r);
                        fc++;
                        dens += vol * w;
                        if (r >= 1e-12) best = Math.max(best, -((vxi - vx[j]) * dx + (vyi - vy[j]) * dy + (vzi - vz[j]) * dz) / r);
                        gsx += vol * gx; gsy += vol * gy; gsz += vol * gz;
                        sq += vol * vol * (gx * gx + gy * gy + gz * gz);
                    } else {
                        j = ~j;
                        double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        bIdx[bc] = j;
                        putGradient(bGrad, bc, kernel.gradientFactor(r), dx, dy, dz);
                        float gx = bGrad[3 * bc], gy = bGrad[3 * bc + 1], gz = bGrad[3 * bc + 2];
                        bc++;
                        double vb = bV[j];
                        dens += vb * kernel.w(r);
                        if (r >= 1e-12) best = Math.max(best, -((vxi - bvx[j]) * dx + (vyi - bvy[j]) * dy + (vzi - bvz[j]) * dz) / r);
                        if (coupled && bOwner[j] >= 0) ch.wet[bOwner[j]]++;
                        tch = tch == -2 || tch == bOwner[j] ? bOwner[j] : -3;
                        gsx += vb * gx; gsy += vb * gy; gsz += vb * gz;
                    }
                }
                rho[i] = dens;
                touch[i] = tch;
                invRho[i] = 1 / dens;
                volRho[i] = vol / dens;
                double denom = gsx * gsx + gsy * gsy + gsz * gsz + sq;
                factor[i] = denom > 1e-6 / (d * d) ? 1 / denom : 0;
                neighbours[i] = (fc - ch.fFirst[li]) + (bc - ch.bFirst[li]);
                fluidNeighbours[i] = fc - ch.fFirst[li];
                src[i] = best;
                vmax2 = Math.max(vmax2, vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
            }
            ch.fFirst[to - from] = fc;
            ch.bFirst[to - from] = bc;
            ch.max = vmax2;
            ch.found = found;
        });
    }

    /** Stores a pair's kernel gradient g (dx, dy, dz) as the floats grad[3k .. 3k + 2], as the solves read it. */
    private static void putGradient(float[] grad, int k, double g, double dx, double dy, double dz) {
        grad[3 * k] = (float) (g * dx);
        grad[3 * k + 1] = (float) (g * dy);
        grad[3 * k + 2] = (float) (g * dz);
    }

    /**
     * Fewer liquid neighbours than this, and the particle is a drop of its own (one to three
     * particles). With 6 the particles of a thin sheet flowing along a floor stopped too, and the
     * next ones struck them: a steel ball landing in a 1 cm puddle then threw 29 % of it away.
     */
    static final int LONE_NEIGHBOURS = 3;

    /**
     * Marks the lone particles (fewer than {@link #LONE_NEIGHBOURS} liquid neighbours) whose solid
     * neighbours are all static or all of one body: the solid's normal (the sum of -V_b grad W over
     * its samples, pointing away from it) and the particle's speed along it relative to the solid
     * ({@link #contactVelocity}) now, before this step's forces and solves. Other particles get a
     * zero normal.
     */
    private void findLoneDrops() {
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            for (int i = from; i < to; i++) {
                int li = i - from;
                double[] s = ch.normal;
                boolean l = fluidNeighbours[i] < LONE_NEIGHBOURS && touch[i] >= -1 && solidNormal(ch, li, s);
                double sx = l ? s[0] : 0, sy = l ? s[1] : 0, sz = l ? s[2] : 0;
                lx[i] = sx; ly[i] = sy; lz[i] = sz;
                if (l && touch[i] >= 0) {
                    double[] u = contactVelocity(ch, i - from);
                    lu[i] = (vx[i] - u[0]) * sx + (vy[i] - u[1]) * sy + (vz[i] - u[2]) * sz;
                } else {
                    lu[i] = vx[i] * sx + vy[i] * sy + vz[i] * sz;
                }
            }
        });
    }

    /**
     * The unit normal of the solids next to particle {@code li} of chunk {@code ch}, pointing away
     * from them (the sum of -V_b grad W over its boundary neighbours), into {@code out}; false, and
     * {@code out} untouched, where it has none.
     */
    private boolean solidNormal(Chunk ch, int li, double[] out) {
        double sx = 0, sy = 0, sz = 0;
        for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
            double vb = bV[ch.bIdx[k]];
            sx -= vb * ch.bGrad[3 * k];
            sy -= vb * ch.bGrad[3 * k + 1];
            sz -= vb * ch.bGrad[3 * k + 2];
        }
        double l = Math.sqrt(sx * sx + sy * sy + sz * sz);
        if (!(l > 0)) return false;
        out[0] = sx / l;
        out[1] = sy / l;
        out[2] = sz / l;
        return true;
    }

    /**
     * The velocity of the solid under a lone particle that touches one body: its boundary
     * neighbours' velocities averaged with their volumes V_b (in a scratch of the chunk, valid until
     * the next call).
     */
    private double[] contactVelocity(Chunk ch, int li) {
        double w = 0, ux = 0, uy = 0, uz = 0;
        for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
            int j = ch.bIdx[k];
            w += bV[j];
            ux += bV[j] * bvx[j];
            uy += bV[j] * bvy[j];
            uz += bV[j] * bvz[j];
        }
        double[] u = ch.contact;
        u[0] = ux / w;
        u[1] = uy / w;
        u[2] = uz / w;
        return u;
    }

    /**
     * A lone particle that was coming onto a solid (or resting on it) and that this step's solves
     * pushed off it has been moved out of the solid by that push (called after the advection) and
     * then stops on it: a water drop does not bounce off a surface it lands on, it spreads and its
     * contact line holds it (LoneDropTest). On a static wall it stops; on a body it takes the
     * velocity of the body where it touches, and the body receives the momentum the drop loses (a
     * drop sticking to it). Without this the density solve's push, which removes the drop's overlap
     * with the wall within one step, stayed in the drop as velocity, and rain on an empty tank
     * rebounded out of it; on a body (until the thirteenth session, when bodies were left out) 22
     * of 65 drops of rain on a granite slab bounced out of the tank.
     */
    private void landLoneDrops(double dt) {
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            for (int i = from; i < to; i++) {
                double ux = lx[i], uy = ly[i], uz = lz[i];
                if (ux == 0 && uy == 0 && uz == 0) continue;
                double wx = 0, wy = 0, wz = 0;
                int body = touch[i];
                if (body >= 0) {
                    double[] u = contactVelocity(ch, i - from);
                    wx = u[0];
                    wy = u[1];
                    wz = u[2];
                }
                if (lu[i] <= 0 && (vx[i] - wx) * ux + (vy[i] - wy) * uy + (vz[i] - wz) * uz > 0) {
                    if (body >= 0) {
                        double k = mass / dt;
                        addWrench(ch.wrench, body, px[i], py[i], pz[i], k * (vx[i] - wx), k * (vy[i] - wy), k * (vz[i] - wz));
                    }
                    vx[i] = wx;
                    vy[i] = wy;
                    vz[i] = wz;
                }
            }
        });
    }

    /**
     * How strongly a contact line holds a film to a solid, in units of the liquid's sigma per unit
     * length of contact line (fluid/README.md, "Films on solids"). 0 turns it off.
     */
    static final double CONTACT_LINE = Double.parseDouble(System.getProperty("diorama.fluid.contactLine", "1"));

    /** A liquid neighbour further than this from a particle's plane along the solid's normal, in spacings, means the liquid is more than one particle thick there. */
    static final double FILM_LAYER = 0.5;

    /**
     * More liquid neighbours than this and a particle is not in a layer one particle thick (a
     * hexagonal layer pressed to 0.8 d has 18 within the support): skips the layer test for the
     * liquid in bulk against a wall.
     */
    static final int FILM_NEIGHBOURS = 24;

    /**
     * The solids hold the films that lie on them: a particle touching one solid (static, or one body)
     * whose liquid neighbours all lie within {@link #FILM_LAYER} spacings of its own plane along the
     * solid's normal (a sheet one particle thick, or a drop of its own) loses its speed along the
     * solid, relative to the solid, by at most a_r dt, a_r = CONTACT_LINE sigma / (rho0 d^2): the
     * force sigma d of a contact line as long as the particle is wide on the particle's mass rho0
     * d^3. A body receives the momentum the film loses. At rest that is a drop's retention by
     * contact-angle hysteresis (Furmidge 1962: rho V g sin(alpha) = w sigma (cos theta_r - cos
     * theta_a) on a plate tilted by alpha); moving, the resistance of a contact line whose dynamic
     * angle leaves its equilibrium (Cox-Voinov). Without it a one-particle sheet slid over a floor
     * as if on ice: the water of a knocked-over glass ran half a metre and out of the simulated
     * region within a second, about half of it by 1.5 s.
     */
    private void holdFilms(double dt) {
        final double ar = CONTACT_LINE * settings.liquid().surfaceTension() / (rho0 * d * d);
        final double layer = FILM_LAYER * d;
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            double[] s = ch.normal;
            for (int i = from; i < to; i++) {
                int li = i - from, t = touch[i];
                if (t < -1 || fluidNeighbours[i] > FILM_NEIGHBOURS || !solidNormal(ch, li, s)) continue;
                double sx = s[0], sy = s[1], sz = s[2];
                boolean film = true;
                for (int k = ch.fFirst[li], e = ch.fFirst[li + 1]; k < e && film; k++) {
                    int j = ch.fIdx[k];
                    film = Math.abs((px[j] - px[i]) * sx + (py[j] - py[i]) * sy + (pz[j] - pz[i]) * sz) <= layer;
                }
                if (!film) continue;
                double wx = 0, wy = 0, wz = 0;
                if (t >= 0) {
                    double[] u = contactVelocity(ch, li);
                    wx = u[0];
                    wy = u[1];
                    wz = u[2];
                }
                double rx = vx[i] - wx, ry = vy[i] - wy, rz = vz[i] - wz;
                double un = rx * sx + ry * sy + rz * sz;
                double tx = rx - un * sx, ty = ry - un * sy, tz = rz - un * sz;
                double vt = Math.sqrt(tx * tx + ty * ty + tz * tz);
                if (vt == 0) continue;
                double k = Math.min(vt, ar * dt) / vt;
                vx[i] -= k * tx;
                vy[i] -= k * ty;
                vz[i] -= k * tz;
                if (t >= 0) {
                    double m = mass / dt;
                    addWrench(ch.wrench, t, px[i], py[i], pz[i], m * k * tx, m * k * ty, m * k * tz);
                }
            }
        });
    }

    /**
     * One DFSPH solve (divergence-free when {@code divergence}, else constant density); returns
     * the iterations used.
     */
    /** The step of the last divergence solve, s (0 before the first). */
    private double lastDivergenceDt;

    private int solve(double dt, boolean divergence) {
        double eta = divergence ? settings.maxDivergenceError() : settings.maxDensityError();
        int minIterations = divergence ? 1 : 2;
        double[] sum = divergence ? sumV : sumP;
        // Warm start: last step's pressure is most of this step's (hydrostatics change slowly).
        // The density solve's kappa is a pressure (p / rho^2, whatever the step), but the
        // divergence solve's is a velocity correction per unit of time (the velocity change is dt
        // kappa grad W with kappa ~ 1/dt): after a short step, its total would kick the next, long
        // step's velocities by the ratio of the two steps, so it is rescaled by dt_last / dt. (A
        // 0.4 ms step followed by a 4 ms one threw particles at 60 m/s out of a tank.)
        double scale = divergence && lastDivergenceDt > 0 ? WARM_START * lastDivergenceDt / dt : WARM_START;
        if (divergence) lastDivergenceDt = dt;
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                kappa[i] = scale * sum[i];
                sum[i] = kappa[i];
            }
        });
        applyKappa(dt);
        giveWay(dt);
        double err = residual(dt, divergence, null);
        int it = 0;
        while ((it < minIterations || err > eta) && it < settings.maxIterations()) {
            applyKappa(dt);
            giveWay(dt);
            err = residual(dt, divergence, sum);   // adds the kappa just applied to sum first
            it++;
        }
        if (divergence) lastDivergenceError = err; else lastDensityError = err;
        return it;
    }

    /**
     * Computes this iteration's kappa from the current velocities; returns the mean error. If
     * {@code sum} is not null, the kappa it replaces (the one just applied) is first added to it
     * (the solve's running total, kept here rather than in a pass of its own).
     * Pressure may only push (a liquid does not pull on itself), so only compression (and only a
     * positive rate of compression) is corrected; increments are never negative. (A projected
     * Jacobi step that may also lower the accumulated kappa diverged in tests: the diagonal
     * DFSPH factor is too weak a preconditioner for it.)
     */
    double residual(double dt, boolean divergence, double[] sum) {
        int chunkCount = Parallel.chunks(n);
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            double errSum = 0;
            int[] fi = ch.fIdx, bi = ch.bIdx;
            float[] fg = ch.fGrad, bg = ch.bGrad;
            for (int i = from; i < to; i++) {
                int li = i - from;
                double vxi = vx[i], vyi = vy[i], vzi = vz[i];
                double s = 0;
                for (int k = ch.fFirst[li], e = ch.fFirst[li + 1]; k < e; k++) {
                    int j = fi[k];
                    s += (vxi - vx[j]) * fg[3 * k] + (vyi - vy[j]) * fg[3 * k + 1] + (vzi - vz[j]) * fg[3 * k + 2];
                }
                s *= vol;
                for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
                    int j = bi[k];
                    s += bV[j] * ((vxi - bvx[j]) * bg[3 * k] + (vyi - bvy[j]) * bg[3 * k + 1] + (vzi - bvz[j]) * bg[3 * k + 2]);
                }
                if (sum != null) sum[i] += kappa[i];
                if (divergence) {
                    // Only compression is corrected, and not at the free surface (too few neighbours).
                    double rate = neighbours[i] < SURFACE_NEIGHBOURS ? 0 : Math.max(s, 0);
                    kappa[i] = rate * factor[i] / dt;
                    errSum += rate * dt;
                } else {
                    // the density this step aims at: rest, or as close as CORRECTION_RATE allows
                    double target = Math.max(1, rho[i] - CORRECTION_RATE * dt);
                    double predicted = Math.max(rho[i] + dt * s, target);
                    kappa[i] = (predicted - target) * factor[i] / (dt * dt);
                    if (touch[i] == -3) kappa[i] = Math.min(kappa[i], Math.max(0, pinchCap - sumP[i]));
                    errSum += predicted - target;
                }
            }
            ch.sum = errSum;
        });
        double total = 0;
        for (int c = 0; c < chunkCount; c++) total += chunks[c].sum;
        return n == 0 ? 0 : total / n;
    }

    /** v_i -= dt (sum_j V (k_i + k_j) grad W_ij + sum_b V_b k_i grad W_ib); the bodies get the reaction. */
    void applyKappa(double dt) {
        final boolean coupled = bodies != null;
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            int[] fi = ch.fIdx, bi = ch.bIdx;
            float[] fg = ch.fGrad, bg = ch.bGrad;
            for (int i = from; i < to; i++) {
                int li = i - from;
                double ki = kappa[i];
                double sx = 0, sy = 0, sz = 0;
                for (int k = ch.fFirst[li], e = ch.fFirst[li + 1]; k < e; k++) {
                    double kk = ki + kappa[fi[k]];
                    sx += kk * fg[3 * k];
                    sy += kk * fg[3 * k + 1];
                    sz += kk * fg[3 * k + 2];
                }
                sx *= vol; sy *= vol; sz *= vol;
                if (ki != 0) {
                    for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
                        int j = bi[k];
                        double f = bV[j] * ki;
                        double gx = f * bg[3 * k], gy = f * bg[3 * k + 1], gz = f * bg[3 * k + 2];
                        sx += gx; sy += gy; sz += gz;
                        if (coupled && bOwner[j] >= 0 && !byPatches[bOwner[j]]) addWrench(ch, j, mass * gx, mass * gy, mass * gz);
                    }
                }
                vx[i] -= dt * sx;
                vy[i] -= dt * sy;
                vz[i] -= dt * sz;
            }
        });
    }

    /**
     * The most pressure (as kappa, p / rho0, m^2/s^2) the density solve gives a particle between a
     * body and another solid (a wall or another body), in hydrostatic heads of the liquid: |g|
     * times its depth. Where a body closes on a wall through the last layer of liquid, the layer's
     * particles (each d^3 of liquid, where nature's film has next to no mass) overlap both solids'
     * samples and stay over rest density wherever they go, and the solve raised their pressure
     * without bound: a steel ball dropped onto a tank's floor through 10 cm of water (the fluid
     * module's drop harness, d = 5 mm) had the floor push 4.5 N s of upward momentum into the water
     * within 0.3 ms of the gap closing below a millimetre, more than the ball brought (3.6 N s), and
     * two thirds of the water rose 4 cm over its surface. In that harness (eleventh session) a
     * fixed cap of 5 or 7 m^2/s^2 let the ball land and rest with at most 0.9 % of the water rising
     * so, 10 and 20 m^2/s^2 let 78 % and 37 % rise, and 5 heads (about 4.9 m^2/s^2 there) 1.7 % and
     * 1.1 % from two starts.
     *
     * <p>Each of this cap and {@link #CORRECTION_RATE} is needed: "a steel ball drops into a pot of
     * water" (the Bullet scene, d = 5 mm) dropped from five starts 0.3-1 mm apart keeps at most
     * 7.6-12.1 % of its water above the rim in a frame and 99.1-99.4 % of it in the pot at 1 s with
     * both; with the cap alone one start heaved 66.8 % above the rim at 0.625 s, and with the rate
     * alone the same start's ball hopped, hovered 3 mm over the floor and was thrown sideways at
     * 2 m/s (790 N) when it landed again (fluid/README.md, Robustness, twelfth session).
     */
    static final double PINCHED_HEADS = 5;

    /**
     * The fastest the density solve removes a density error a particle already has, per second
     * (1/s): each step aims at max(1, rho - CORRECTION_RATE dt) instead of rest density, still lets
     * no particle get denser, and measures its convergence against that aim. DFSPH removes the whole
     * error within one step, so a position error becomes a velocity of about error x spacing / dt:
     * where the error cannot go (a layer squeezed between a body and the floor) the particles speed
     * up, the steps shorten to 10-20 microseconds, and the pressure that answers grows as 1/dt^2.
     * Physics engines bound the same thing for contacts (a maximum depenetration velocity). In the
     * drop harness above, 89.5 % of the water rose 4 cm over its surface and 80 % left the tank by
     * 0.5 s without it; with it and no cap 1.4 % rose and 4 of 32,000 particles left, with it and
     * the cap 5.9 % and 3. At 50/s an error of 7 % (a lattice placed against a wall) still goes
     * within 1.4 ms, and the errors of flowing water (under 1 %, in steps of 0.2 ms or more) are
     * removed within the step as before.
     */
    static final double CORRECTION_RATE = 50;
    private double pinchCap = Double.POSITIVE_INFINITY;

    /**
     * {@link #PINCHED_HEADS} hydrostatic heads of the liquid as it stands now: its depth taken as
     * twice the distance along gravity from its lowest particle to its median one (a pool's median
     * particle is half-way down; spray thrown up does not move it); no cap without bodies.
     */
    private double pinchCap() {
        if (bodies == null || n == 0) return Double.POSITIVE_INFINITY;
        double[] g = settings.gravity();
        double gl = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
        if (gl == 0) return Double.POSITIVE_INFINITY;
        double ux = -g[0] / gl, uy = -g[1] / gl, uz = -g[2] / gl, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double up = px[i] * ux + py[i] * uy + pz[i] * uz;
            lo = Math.min(lo, up);
            hi = Math.max(hi, up);
        }
        // the median by a histogram of heights at a hundredth of a spacing
        int bins = (int) Math.min(1 << 20, Math.max(1, Math.ceil((hi - lo) / (0.01 * d)) + 1));
        if (heightBins.length < bins) heightBins = new int[bins];
        Arrays.fill(heightBins, 0, bins, 0);
        for (int i = 0; i < n; i++) {
            int k = (int) ((px[i] * ux + py[i] * uy + pz[i] * uz - lo) / (0.01 * d));
            heightBins[Math.min(bins - 1, k)]++;
        }
        int k = 0;
        for (int seen = 0; k < bins && (seen += heightBins[k]) < (n + 1) / 2; k++) { }
        double median = lo + (k + 0.5) * 0.01 * d;
        return PINCHED_HEADS * gl * Math.max(2 * (median - lo), d);
    }

    private int[] heightBins = new int[0];

    /** Distance of the surface pressure's probe points outside the surface, in spacings (see {@link #surfacePressure}). */
    static final double PROBE = Double.parseDouble(System.getProperty("diorama.fluid.probe", "2.5"));
    /** Support radius of the probe's averaging kernel, in spacings. */
    static final double PROBE_RADIUS = Double.parseDouble(System.getProperty("diorama.fluid.probeRadius", "5"));
    /**
     * Whether bodies whose samples carry surface patches receive the liquid's pressure as the surface
     * integral {@link #surfacePressure} instead of the samples' Akinci reaction. Off by default: see
     * fluid/README.md, Known gaps 2 (it makes the half-submerged held cube 0.997 without surface
     * tension, but the fully submerged one 1.05, and it breaks action and reaction).
     */
    static final boolean SURFACE_PRESSURE = Boolean.getBoolean("diorama.fluid.surfacePressure");
    /**
     * Adami et al. 2012's wall pressure in the liquid's boundary force: the samples push with
     * kappa_b = kappa_i + WALL_HYDRO g . (x_b - x_i) instead of the mirrored kappa_i, so that a wall
     * parallel to gravity gets no net vertical force from a hydrostatic liquid. 0 (off) by default:
     * see fluid/README.md, Known gaps 2.
     */
    static final double WALL_HYDRO = Double.parseDouble(System.getProperty("diorama.fluid.wallHydro", "0"));

    /**
     * The liquid's pressure on the bodies as the integral of -p n dA over their surface patches
     * (used for bodies with patches when {@link #SURFACE_PRESSURE} is on). Each patch's pressure is a
     * Shepard average, with a cubic kernel of support {@link #PROBE_RADIUS} spacings centred
     * {@link #PROBE} spacings outside the patch along its normal, of the liquid particles' pressures
     * p_j = rho0 (kappa summed over this step's two solves), each extrapolated to the patch with the
     * momentum equation: p_j + rho0 (g - a_j) . (x_patch - x_j), a_j the particle's acceleration over
     * this step (Adami, Hu and Adams 2012's wall pressure, here evaluated on the body's real surface).
     * Particles whose neighbourhood holds another solid's samples are left out (their pressures are
     * layered by that wall, up to +6 cm of head next to a tank floor at d = 1 cm) unless nothing else
     * is in reach. A negative result (a patch above the free surface) is zero; a patch without liquid
     * in reach is dry. The sum is deterministic: per chunk of patches, then in chunk order.
     * The liquid itself is still pushed by the samples' Akinci term, so action and reaction no longer
     * balance exactly (fluid/README.md, Known gaps 2, gives the imbalance measured for a falling block).
     */
    private void surfacePressure(double dt) {
        final double gx = settings.gravity()[0], gy = settings.gravity()[1], gz = settings.gravity()[2];
        final double delta = PROBE * d;
        final CubicKernel wide = new CubicKernel(PROBE_RADIUS * d);
        final double rs2 = wide.h * wide.h;
        final int reach = (int) Math.ceil(wide.h / cell - 1e-9);
        final double inv = 1 / dt;
        parallel.forChunks(patchCount, (c, from, to) -> {
            double[] w = patchWrench[c];
            for (int q = from; q < to; q++) {
                double cx = patchWorld[7 * q], cy = patchWorld[7 * q + 1], cz = patchWorld[7 * q + 2];
                double nxq = patchWorld[7 * q + 3], nyq = patchWorld[7 * q + 4], nzq = patchWorld[7 * q + 5];
                double ex = cx + delta * nxq, ey = cy + delta * nyq, ez = cz + delta * nzq;
                int ci = (int) Math.floor((ex - gx0) / cell), cj = (int) Math.floor((ey - gy0) / cell), ck = (int) Math.floor((ez - gz0) / cell);
                int a0 = Math.max(0, ci - reach), a1 = Math.min(gnx - 1, ci + reach);
                int b0 = Math.max(0, cj - reach), b1 = Math.min(gny - 1, cj + reach);
                int c0 = Math.max(0, ck - reach), c1 = Math.min(gnz - 1, ck + reach);
                if (a0 > a1 || b0 > b1 || c0 > c1) continue;
                double ws = 0, ps = 0, wa = 0, pa = 0;
                for (int a = a0; a <= a1; a++)
                    for (int b = b0; b <= b1; b++) {
                        int base = (a * gny + b) * gnz;
                        for (int j = fStart[base + c0], end = fStart[base + c1 + 1]; j < end; j++) {
                            double dx = ex - px[j], dy = ey - py[j], dz = ez - pz[j];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 >= rs2) continue;
                            double wj = wide.wSquared(r2);
                            double axj = (vx[j] - v0x[j]) * inv, ayj = (vy[j] - v0y[j]) * inv, azj = (vz[j] - v0z[j]) * inv;
                            double pj = rho0 * (sumP[j] + sumV[j]
                                    + (gx - axj) * (cx - px[j]) + (gy - ayj) * (cy - py[j]) + (gz - azj) * (cz - pz[j]));
                            wa += wj;
                            pa += wj * pj;
                            if (touch[j] != -2 && touch[j] != patchOwner[q]) continue;   // layered near-wall pressures of another solid
                            ws += wj;
                            ps += wj * pj;
                        }
                    }
                if (!(ws > 0)) { ws = wa; ps = pa; }
                if (!(ws > 0)) continue;
                double p = Math.max(0, ps / ws);
                double f = -p * patchWorld[7 * q + 6];
                double fx = f * nxq, fy = f * nyq, fz = f * nzq;
                addWrench(w, patchOwner[q], cx, cy, cz, fx, fy, fz);
            }
        });
    }

    /** Adds force (fx, fy, fz) at boundary particle j to its body's wrench in this chunk. */
    private void addWrench(Chunk ch, int j, double fx, double fy, double fz) {
        addWrench(ch.wrench, bOwner[j], bx[j], by[j], bz[j], fx, fy, fz);
    }

    /** Adds force (fx, fy, fz) at point (x, y, z) to body b's force and torque about its centre of mass in {@code w}. */
    private void addWrench(double[] w, int b, double x, double y, double z, double fx, double fy, double fz) {
        double rx = x - bodyState[13 * b], ry = y - bodyState[13 * b + 1], rz = z - bodyState[13 * b + 2];
        w[6 * b] += fx;
        w[6 * b + 1] += fy;
        w[6 * b + 2] += fz;
        w[6 * b + 3] += ry * fz - rz * fy;
        w[6 * b + 4] += rz * fx - rx * fz;
        w[6 * b + 5] += rx * fy - ry * fx;
    }

    /** Gravity, viscosity, XSPH and surface tension, then v += dt a. */
    void nonPressure(double dt) {
        final Liquid liquid = settings.liquid();
        final double nu = liquid.kinematicViscosity();
        final double xsph = liquid.xsph();
        final double gamma = this.gamma;
        final double beta = ADHESION * adhesionRatio * gamma;
        final double gx = settings.gravity()[0], gy = settings.gravity()[1], gz = settings.gravity()[2];
        final boolean coupled = bodies != null;
        final double eps = 0.01 * h2;
        final boolean implicit = nu > 0 && implicitViscosity();
        final boolean explicitNu = nu > 0 && !implicit;
        if (gamma > 0) {
            // Akinci 2013 surface normals n_i = h sum_j V/rho_j grad W_ij (dimensionless; ~1 at the surface).
            parallel.forChunks(n, (c, from, to) -> {
                Chunk ch = chunks[c];
                for (int i = from; i < to; i++) {
                    int li = i - from;
                    double sx = 0, sy = 0, sz = 0;
                    for (int k = ch.fFirst[li], e = ch.fFirst[li + 1]; k < e; k++) {
                        double f = invRho[ch.fIdx[k]];
                        sx += f * ch.fGrad[3 * k];
                        sy += f * ch.fGrad[3 * k + 1];
                        sz += f * ch.fGrad[3 * k + 2];
                    }
                    nx[i] = h * vol * sx;
                    ny[i] = h * vol * sy;
                    nz[i] = h * vol * sz;
                }
            });
        }
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            for (int i = from; i < to; i++) {
                int li = i - from;
                double axi = gx, ayi = gy, azi = gz;
                double xi = px[i], yi = py[i], zi = pz[i], vxi = vx[i], vyi = vy[i], vzi = vz[i];
                double visx = 0, visy = 0, visz = 0, smx = 0, smy = 0, smz = 0, stx = 0, sty = 0, stz = 0;
                for (int k = ch.fFirst[li], e = ch.fFirst[li + 1]; k < e; k++) {
                    int j = ch.fIdx[k];
                    double dx = xi - px[j], dy = yi - py[j], dz = zi - pz[j];
                    double dvx = vxi - vx[j], dvy = vyi - vy[j], dvz = vzi - vz[j];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    double vj = volRho[j];
                    if (explicitNu) {
                        double f = vj * (dvx * dx + dvy * dy + dvz * dz) / (r2 + eps);
                        visx += f * ch.fGrad[3 * k];
                        visy += f * ch.fGrad[3 * k + 1];
                        visz += f * ch.fGrad[3 * k + 2];
                    }
                    if (xsph > 0) {
                        double w = vj * kernel.wSquared(r2);
                        smx -= w * dvx; smy -= w * dvy; smz -= w * dvz;
                    }
                    if (gamma > 0) {
                        double r = Math.sqrt(r2);
                        double kij = 2 / (rho[i] + rho[j]);
                        double coh = r > 1e-9 * h ? mass * cohesionKernel(r) / r : 0;
                        stx -= kij * gamma * (coh * dx + (nx[i] - nx[j]));
                        sty -= kij * gamma * (coh * dy + (ny[i] - ny[j]));
                        stz -= kij * gamma * (coh * dz + (nz[i] - nz[j]));
                    }
                }
                axi += 10 * nu * visx + xsph / dt * smx + stx;
                ayi += 10 * nu * visy + xsph / dt * smy + sty;
                azi += 10 * nu * visz + xsph / dt * smz + stz;
                if (explicitNu) {
                    // Viscous friction with solids; the bodies feel the reaction.
                    for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
                        int j = ch.bIdx[k];
                        double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                        double dvx = vxi - bvx[j], dvy = vyi - bvy[j], dvz = vzi - bvz[j];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        double f = 10 * nu * bV[j] * (dvx * dx + dvy * dy + dvz * dz) / (r2 + eps);
                        double fx = f * ch.bGrad[3 * k], fy = f * ch.bGrad[3 * k + 1], fz = f * ch.bGrad[3 * k + 2];
                        axi += fx; ayi += fy; azi += fz;
                        if (coupled && bOwner[j] >= 0) addWrench(ch, j, -mass * fx, -mass * fy, -mass * fz);
                    }
                }
                if (beta > 0) {
                    // Adhesion (Akinci et al. 2013): the solids' samples attract the liquid; the bodies feel the reaction.
                    for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
                        int j = ch.bIdx[k];
                        double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        double a = adhesionKernel(r);
                        if (a == 0) continue;
                        double f = -beta * rho0 * bV[j] * a / r;
                        double fx = f * dx, fy = f * dy, fz = f * dz;
                        axi += fx; ayi += fy; azi += fz;
                        if (coupled && bOwner[j] >= 0) addWrench(ch, j, -mass * fx, -mass * fy, -mass * fz);
                    }
                }
                if (WALL_HYDRO > 0) {
                    double floor = -(sumP[i] + sumV[i]);
                    for (int k = ch.bFirst[li], e = ch.bFirst[li + 1]; k < e; k++) {
                        int j = ch.bIdx[k];
                        double dk = WALL_HYDRO * (gx * (bx[j] - xi) + gy * (by[j] - yi) + gz * (bz[j] - zi));
                        if (dk < floor) dk = floor;
                        double f = -bV[j] * dk;
                        double fx = f * ch.bGrad[3 * k], fy = f * ch.bGrad[3 * k + 1], fz = f * ch.bGrad[3 * k + 2];
                        axi += fx; ayi += fy; azi += fz;
                        if (coupled && bOwner[j] >= 0 && !byPatches[bOwner[j]]) addWrench(ch, j, -mass * fx, -mass * fy, -mass * fz);
                    }
                }
                ax[i] = axi;
                ay[i] = ayi;
                az[i] = azi;
            }
        });
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                vx[i] += dt * ax[i];
                vy[i] += dt * ay[i];
                vz[i] += dt * az[i];
            }
        });
        if (implicit) {
            lastViscosityIterations = solveViscosity(dt);
            viscousReaction();
        }
    }

    // =====================================================================================
    // Implicit viscosity
    // =====================================================================================

    /** The explicit viscosity's stable diffusion number: dt <= EXPLICIT_DIFFUSION d^2 / nu. */
    static final double EXPLICIT_DIFFUSION = 0.1;
    /** The implicit viscosity's CG stops when the residual is this fraction of the right-hand side. */
    static final double VISCOSITY_TOLERANCE = 1e-4;
    /** Cap on the implicit viscosity's CG iterations. */
    static final int VISCOSITY_ITERATIONS = 200;

    /** Whether the viscosity is solved implicitly (null: when its explicit step limit would bind, see {@link #implicitViscosity()}). */
    private Boolean implicitViscosityOverride;
    private int lastViscosityIterations;
    private double[] cgRx = new double[0], cgRy = cgRx, cgRz = cgRx, cgPx = cgRx, cgPy = cgRx, cgPz = cgRx;
    private double[] cgQx = cgRx, cgQy = cgRx, cgQz = cgRx, cgBx = cgRx, cgBy = cgRx, cgBz = cgRx;
    private double[] cgDiag = cgRx;   // 6 per particle: the inverse of the block diagonal (xx, yy, zz, xy, xz, yz)

    /**
     * Whether the viscosity is solved implicitly: when the explicit form's stable step
     * (EXPLICIT_DIFFUSION d^2 / nu, 0.35 ms for honey at 5 mm) is below the longest step allowed
     * (honey); water and oil keep the explicit form, whose limit never binds for them.
     */
    boolean implicitViscosity() {
        if (implicitViscosityOverride != null) return implicitViscosityOverride;
        double nu = settings.liquid().kinematicViscosity();
        return nu > 0 && EXPLICIT_DIFFUSION * d * d / nu < settings.maxTimeStep();
    }

    /** For tests: force the implicit (true) or explicit (false) viscosity, or the automatic choice (null). */
    void implicitViscosity(Boolean on) {
        implicitViscosityOverride = on;
    }

    /** Iterations of the last implicit viscosity solve (0 when the viscosity is explicit). */
    public int lastViscosityIterations() {
        return lastViscosityIterations;
    }

    /**
     * Backward Euler on the same viscosity operator as the explicit form (Weiler et al. 2018 solve
     * this system by CG): v - dt L(v) = v* with
     * L(v)_i = 10 nu [sum_j c_ij ((v_i - v_j) . x_ij) / (r^2 + 0.01 h^2) grad W_ij
     *                 + sum_b V_b ((v_i - v_b) . x_ib) / (r^2 + 0.01 h^2) grad W_ib],
     * c_ij = V (1/rho_i + 1/rho_j) / 2 (the explicit form's V / rho_j made symmetric: densities
     * are within a per cent of rest, and the symmetric form keeps the matrix symmetric positive
     * definite, as CG needs; grad W_ij x_ij^T is symmetric and the same for ij and ji). The
     * solids' velocities v_b move to the right-hand side. Preconditioned by the inverse 3 x 3
     * block diagonal; starts from v*; every sum is per chunk, then in chunk order (deterministic
     * whatever the thread count). Returns the iterations used.
     */
    private int solveViscosity(double dt) {
        if (cgRx.length < px.length) {
            int cap = px.length;
            cgRx = new double[cap]; cgRy = new double[cap]; cgRz = new double[cap];
            cgPx = new double[cap]; cgPy = new double[cap]; cgPz = new double[cap];
            cgQx = new double[cap]; cgQy = new double[cap]; cgQz = new double[cap];
            cgBx = new double[cap]; cgBy = new double[cap]; cgBz = new double[cap];
            cgDiag = new double[6 * cap];
        }
        final double k = 10 * settings.liquid().kinematicViscosity() * dt;
        final double eps = 0.01 * h2;
        int chunkCount = Parallel.chunks(n);
        double[] part = new double[chunkCount];
        // right-hand side b = v* - k sum_b V_b (v_b . x_ib) / (r^2 + eps) grad W_ib, and the block diagonal's inverse
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            double bb = 0;
            for (int i = from; i < to; i++) {
                int li = i - from;
                double xi = px[i], yi = py[i], zi = pz[i];
                double bx0 = vx[i], by0 = vy[i], bz0 = vz[i];
                double dxx = 0, dyy = 0, dzz = 0, dxy = 0, dxz = 0, dyz = 0;
                for (int q = ch.fFirst[li], e = ch.fFirst[li + 1]; q < e; q++) {
                    int j = ch.fIdx[q];
                    double dx = xi - px[j], dy = yi - py[j], dz = zi - pz[j];
                    double w = vol * 0.5 * (invRho[i] + invRho[j]) / (dx * dx + dy * dy + dz * dz + eps);
                    double gx = ch.fGrad[3 * q], gy = ch.fGrad[3 * q + 1], gz = ch.fGrad[3 * q + 2];
                    dxx += w * gx * dx; dyy += w * gy * dy; dzz += w * gz * dz;
                    dxy += w * gx * dy; dxz += w * gx * dz; dyz += w * gy * dz;
                }
                for (int q = ch.bFirst[li], e = ch.bFirst[li + 1]; q < e; q++) {
                    int j = ch.bIdx[q];
                    double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                    double w = bV[j] / (dx * dx + dy * dy + dz * dz + eps);
                    double gx = ch.bGrad[3 * q], gy = ch.bGrad[3 * q + 1], gz = ch.bGrad[3 * q + 2];
                    double f = -k * w * (bvx[j] * dx + bvy[j] * dy + bvz[j] * dz);
                    bx0 += f * gx; by0 += f * gy; bz0 += f * gz;
                    dxx += w * gx * dx; dyy += w * gy * dy; dzz += w * gz * dz;
                    dxy += w * gx * dy; dxz += w * gx * dz; dyz += w * gy * dz;
                }
                cgBx[i] = bx0; cgBy[i] = by0; cgBz[i] = bz0;
                bb += bx0 * bx0 + by0 * by0 + bz0 * bz0;
                // D = I - k (sum of w grad W x^T): grad W = g x with g < 0, so D is I plus a positive semi-definite matrix
                invertSymmetric(1 - k * dxx, 1 - k * dyy, 1 - k * dzz, -k * dxy, -k * dxz, -k * dyz, cgDiag, 6 * i);
            }
            part[c] = bb;
        });
        double bNorm2 = Parallel.sum(part, chunkCount);
        if (bNorm2 == 0) return 0;
        // r = b - A v, z = D^-1 r into p, rz
        applyViscosityOperator(vx, vy, vz, cgQx, cgQy, cgQz, k, eps);
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                cgRx[i] = cgBx[i] - cgQx[i]; cgRy[i] = cgBy[i] - cgQy[i]; cgRz[i] = cgBz[i] - cgQz[i];
            }
        });
        double rz = precondition(cgPx, cgPy, cgPz, part);
        double tol2 = VISCOSITY_TOLERANCE * VISCOSITY_TOLERANCE * bNorm2;
        int it = 0;
        while (it < VISCOSITY_ITERATIONS) {
            applyViscosityOperator(cgPx, cgPy, cgPz, cgQx, cgQy, cgQz, k, eps);
            parallel.forChunks(n, (c, from, to) -> {
                double pq = 0;
                for (int i = from; i < to; i++) pq += cgPx[i] * cgQx[i] + cgPy[i] * cgQy[i] + cgPz[i] * cgQz[i];
                part[c] = pq;
            });
            double pq = Parallel.sum(part, chunkCount);
            if (!(pq > 0)) break;
            final double alpha = rz / pq;
            parallel.forChunks(n, (c, from, to) -> {
                double r2 = 0;
                for (int i = from; i < to; i++) {
                    vx[i] += alpha * cgPx[i]; vy[i] += alpha * cgPy[i]; vz[i] += alpha * cgPz[i];
                    cgRx[i] -= alpha * cgQx[i]; cgRy[i] -= alpha * cgQy[i]; cgRz[i] -= alpha * cgQz[i];
                    r2 += cgRx[i] * cgRx[i] + cgRy[i] * cgRy[i] + cgRz[i] * cgRz[i];
                }
                part[c] = r2;
            });
            it++;
            if (Parallel.sum(part, chunkCount) <= tol2) break;
            // z = D^-1 r (kept in Q, free until the next product), then p = z + beta p
            double rzNew = precondition(cgQx, cgQy, cgQz, part);
            final double beta = rzNew / rz;
            rz = rzNew;
            parallel.forChunks(n, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    cgPx[i] = cgQx[i] + beta * cgPx[i];
                    cgPy[i] = cgQy[i] + beta * cgPy[i];
                    cgPz[i] = cgQz[i] + beta * cgPz[i];
                }
            });
        }
        return it;
    }

    /** z = D^-1 r (the block diagonal's inverse times the residual) into z; returns r . z (per chunk, then in chunk order). */
    private double precondition(double[] zx, double[] zy, double[] zz, double[] part) {
        parallel.forChunks(n, (c, from, to) -> {
            double rz = 0;
            for (int i = from; i < to; i++) {
                int o = 6 * i;
                double rx = cgRx[i], ry = cgRy[i], rzi = cgRz[i];
                double x = cgDiag[o] * rx + cgDiag[o + 3] * ry + cgDiag[o + 4] * rzi;
                double y = cgDiag[o + 3] * rx + cgDiag[o + 1] * ry + cgDiag[o + 5] * rzi;
                double z = cgDiag[o + 4] * rx + cgDiag[o + 5] * ry + cgDiag[o + 2] * rzi;
                zx[i] = x; zy[i] = y; zz[i] = z;
                rz += rx * x + ry * y + rzi * z;
            }
            part[c] = rz;
        });
        return Parallel.sum(part, Parallel.chunks(n));
    }

    /** out = A u = u - k [sum_j c_ij ((u_i - u_j) . x_ij) / (r^2 + eps) grad W_ij + sum_b V_b (u_i . x_ib) / (r^2 + eps) grad W_ib]. */
    private void applyViscosityOperator(double[] ux, double[] uy, double[] uz, double[] ox, double[] oy, double[] oz,
                                        double k, double eps) {
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            for (int i = from; i < to; i++) {
                int li = i - from;
                double xi = px[i], yi = py[i], zi = pz[i], uxi = ux[i], uyi = uy[i], uzi = uz[i];
                double sx = 0, sy = 0, sz = 0;
                for (int q = ch.fFirst[li], e = ch.fFirst[li + 1]; q < e; q++) {
                    int j = ch.fIdx[q];
                    double dx = xi - px[j], dy = yi - py[j], dz = zi - pz[j];
                    double f = vol * 0.5 * (invRho[i] + invRho[j]) * ((uxi - ux[j]) * dx + (uyi - uy[j]) * dy + (uzi - uz[j]) * dz)
                            / (dx * dx + dy * dy + dz * dz + eps);
                    sx += f * ch.fGrad[3 * q]; sy += f * ch.fGrad[3 * q + 1]; sz += f * ch.fGrad[3 * q + 2];
                }
                for (int q = ch.bFirst[li], e = ch.bFirst[li + 1]; q < e; q++) {
                    int j = ch.bIdx[q];
                    double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                    double f = bV[j] * (uxi * dx + uyi * dy + uzi * dz) / (dx * dx + dy * dy + dz * dz + eps);
                    sx += f * ch.bGrad[3 * q]; sy += f * ch.bGrad[3 * q + 1]; sz += f * ch.bGrad[3 * q + 2];
                }
                ox[i] = uxi - k * sx;
                oy[i] = uyi - k * sy;
                oz[i] = uzi - k * sz;
            }
        });
    }

    /** The inverse of the symmetric 3 x 3 matrix (a, b, c on the diagonal; d = xy, e = xz, f = yz) into out[o..o+6). */
    private static void invertSymmetric(double a, double b, double c, double d, double e, double f, double[] out, int o) {
        double c00 = b * c - f * f, c01 = e * f - d * c, c02 = d * f - b * e;
        double det = a * c00 + d * c01 + e * c02;
        if (!(Math.abs(det) > 1e-300)) {
            out[o] = out[o + 1] = out[o + 2] = 1;
            out[o + 3] = out[o + 4] = out[o + 5] = 0;
            return;
        }
        double inv = 1 / det;
        out[o] = c00 * inv;
        out[o + 1] = (a * c - e * e) * inv;
        out[o + 2] = (a * b - d * d) * inv;
        out[o + 3] = c01 * inv;
        out[o + 4] = c02 * inv;
        out[o + 5] = (d * e - a * f) * inv;
    }

    /** The bodies' share of the implicit viscosity: the friction of the solved velocities on their samples. */
    private void viscousReaction() {
        if (bodies == null) return;
        final double nu10 = 10 * settings.liquid().kinematicViscosity();
        final double eps = 0.01 * h2;
        parallel.forChunks(n, (c, from, to) -> {
            Chunk ch = chunks[c];
            for (int i = from; i < to; i++) {
                int li = i - from;
                double xi = px[i], yi = py[i], zi = pz[i];
                for (int q = ch.bFirst[li], e = ch.bFirst[li + 1]; q < e; q++) {
                    int j = ch.bIdx[q];
                    if (bOwner[j] < 0) continue;
                    double dx = xi - bx[j], dy = yi - by[j], dz = zi - bz[j];
                    double f = nu10 * bV[j] * ((vx[i] - bvx[j]) * dx + (vy[i] - bvy[j]) * dy + (vz[i] - bvz[j]) * dz)
                            / (dx * dx + dy * dy + dz * dz + eps);
                    addWrench(ch, j, -mass * f * ch.bGrad[3 * q], -mass * f * ch.bGrad[3 * q + 1], -mass * f * ch.bGrad[3 * q + 2]);
                }
            }
        });
    }

    private void advect(double dt) {
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                px[i] += dt * vx[i];
                py[i] += dt * vy[i];
                pz[i] += dt * vz[i];
            }
        });
    }

    private void removeOutside() {
        double[] lo = settings.domainMin(), hi = settings.domainMax();
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (px[i] < lo[0] || py[i] < lo[1] || pz[i] < lo[2] || px[i] > hi[0] || py[i] > hi[1] || pz[i] > hi[2]
                    || !Double.isFinite(px[i] + py[i] + pz[i])) continue;
            if (w != i) {
                px[w] = px[i]; py[w] = py[i]; pz[w] = pz[i];
                vx[w] = vx[i]; vy[w] = vy[i]; vz[w] = vz[i];
                sumP[w] = sumP[i]; sumV[w] = sumV[i];
                ids[w] = ids[i]; armed[w] = armed[i];
            }
            w++;
        }
        n = w;
    }

    // =====================================================================================
    // Sound events
    // =====================================================================================

    /** Per particle: impacted this step (scratch of {@link #impacts}, kept between steps). */
    private byte[] hitScratch = new byte[0];

    /** An impact arms again once its approach speed has fallen below this, m/s. */
    private static final double REARM_SPEED = 0.2;
    /** Approach speed that makes an impact, m/s. */
    private static final double IMPACT_SPEED = 0.7;
    /** Splash clusters are gathered in cubes of this many support radii. */
    private static final int CLUSTER = 4;

    /**
     * Finds particles whose approach speed towards a neighbour (liquid or solid) exceeds
     * {@link #IMPACT_SPEED} before the pressure solve stops them, clusters them into splashes,
     * and entrains bubbles with a probability that grows with the impact speed.
     */
    private void impacts(double dt) {
        if (hitScratch.length < n) hitScratch = new byte[px.length];
        byte[] hit = hitScratch;
        Arrays.fill(hit, 0, n, (byte) 0);
        double[] speed = src;
        parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                double best = speed[i];   // found by the neighbour pass
                if (armed[i] != 0 && best > IMPACT_SPEED) {
                    hit[i] = 1;
                    armed[i] = 0;
                } else if (armed[i] == 0 && best < REARM_SPEED) {
                    armed[i] = 1;
                }
            }
        });
        TreeMap<Long, double[]> clusters = new TreeMap<>();
        double size = CLUSTER * h;
        for (int i = 0; i < n; i++) {
            if (hit[i] == 0) continue;
            long key = packKey((long) Math.floor(px[i] / size), (long) Math.floor(py[i] / size), (long) Math.floor(pz[i] / size));
            double[] a = clusters.computeIfAbsent(key, k -> new double[5]);
            a[0] += px[i]; a[1] += py[i]; a[2] += pz[i]; a[3] = Math.max(a[3], speed[i]); a[4]++;
        }
        double t = time;
        for (var e : clusters.entrySet()) {
            double[] a = e.getValue();
            double cnt = a[4];
            addSplash(t, dt, a[0] / cnt, a[1] / cnt, a[2] / cnt, a[3], cnt * vol, e.getKey());
        }
        if (bodies != null) {
            int[] wet = new int[bodies.count()];
            for (int c = 0; c < Parallel.chunks(n); c++) for (int b = 0; b < wet.length; b++) wet[b] += chunks[c].wet[b];
            for (int b = 0; b < wet.length; b++) {
                double[] s = Arrays.copyOfRange(bodyState, 13 * b, 13 * b + 13);
                double v = Math.sqrt(s[7] * s[7] + s[8] * s[8] + s[9] * s[9]);
                if (wetPrev[b] == 0 && wet[b] > 0 && v > IMPACT_SPEED) {
                    addSplash(t, dt, s[0], s[1], s[2], v, wet[b] * vol, ~b);
                }
                wetPrev[b] = wet[b];
            }
        }
    }

    /**
     * Records a splash and the bubbles it entrains: on average 0.3 per impacting particle, scaled
     * by how far the impact speed exceeds the threshold (up to 2 m/s more), with radii log-uniform
     * in [0.5 mm, 3 mm] (the range heard in splashes and pouring, 1-6.5 kHz). A heuristic in the
     * spirit of Ihmsen et al. 2012's trapped-air potential; random choices come from the seed, the
     * step number and the cluster, so they repeat exactly.
     */
    private void addSplash(double t, double dt, double x, double y, double z, double speed, double volume, long key) {
        splashes.add(new SoundEvents.Splash(t, x, y, z, speed, volume));
        SplittableRandom rng = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L ^ steps * 0xC2B2AE3D27D4EB4FL ^ key);
        double expected = 0.3 * (volume / vol) * Math.min(1, (speed - IMPACT_SPEED) / 2);
        int count = (int) Math.floor(expected + rng.nextDouble());
        for (int k = 0; k < count; k++) {
            double r = 0.5e-3 * Math.exp(rng.nextDouble() * Math.log(6));
            double jitter = h * (rng.nextDouble() - 0.5);
            bubbles.add(new SoundEvents.Bubble(t + dt * rng.nextDouble(), x + jitter, y, z - jitter, r));
        }
    }

    /** The bubbles entrained since the last call, in time order of their steps. */
    public List<SoundEvents.Bubble> drainBubbles() {
        List<SoundEvents.Bubble> out = List.copyOf(bubbles);
        bubbles.clear();
        return out;
    }

    /** The splashes since the last call. */
    public List<SoundEvents.Splash> drainSplashes() {
        List<SoundEvents.Splash> out = List.copyOf(splashes);
        splashes.clear();
        return out;
    }

    // =====================================================================================
    // Read-out
    // =====================================================================================

    /** Number of particles. */
    public int size() { return n; }

    /** Seconds simulated. */
    public double time() { return time; }

    /** Steps taken. */
    public long steps() { return steps; }

    public double lastTimeStep() { return lastDt; }

    /** Mean density error (fraction) the last pressure solve reached. */
    public double lastDensityError() { return lastDensityError; }

    public int lastPressureIterations() { return lastPressureIterations; }

    public int lastDivergenceIterations() { return lastDivergenceIterations; }

    public double x(int i) { return px[i]; }
    public double y(int i) { return py[i]; }
    public double z(int i) { return pz[i]; }
    public double vx(int i) { return vx[i]; }
    public double vy(int i) { return vy[i]; }
    public double vz(int i) { return vz[i]; }

    /** Density ratio rho/rho0 of particle i as of the start of the last step. */
    public double densityRatio(int i) { return rho[i]; }

    /** Neighbour count (liquid and solid) of particle i as of the start of the last step. */
    public int neighbourCount(int i) { return neighbours[i]; }

    /** Liquid neighbours of particle i (solid samples not counted) as of the start of the last step. */
    public int liquidNeighbourCount(int i) { return fluidNeighbours[i]; }

    /** Emission number of particle i (stable while the particle lives; the order of i changes every step). */
    public int id(int i) { return ids[i]; }

    /** The liquid's force (N) and torque (N m) on body b during the last step, 6 numbers (what the body was handed). */
    public double[] wrench(int b) { return Arrays.copyOfRange(wrench, 6 * b, 6 * b + 6); }

    /** Positions as x, y, z per particle (a copy). */
    public double[] positions() {
        double[] out = new double[3 * n];
        for (int i = 0; i < n; i++) {
            out[3 * i] = px[i];
            out[3 * i + 1] = py[i];
            out[3 * i + 2] = pz[i];
        }
        return out;
    }

    /** The particle kernel (support radius 2d). */
    public CubicKernel kernel() { return kernel; }

    /**
     * A hash of the state (positions, velocities, ids in order) for determinism checks: equal
     * hashes mean the same bits.
     */
    public long stateHash() {
        long hsh = 1125899906842597L;
        for (int i = 0; i < n; i++) {
            hsh = 31 * hsh + ids[i];
            hsh = 31 * hsh + Double.doubleToLongBits(px[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(py[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(pz[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(vx[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(vy[i]);
            hsh = 31 * hsh + Double.doubleToLongBits(vz[i]);
        }
        return hsh;
    }

    /** Bytes held by the particle and neighbour arrays (an estimate of the solver's memory). */
    public long arrayBytes() {
        long b = (long) px.length * (8 * 18 + 4 * 2 + 1);
        for (Chunk c : chunks) b += 4L * (c.fIdx.length + c.bIdx.length) + 4L * (c.fGrad.length + c.bGrad.length);
        b += 8L * (bx.length * 7L) + 4L * (fStart.length + bStart.length);
        return b;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
