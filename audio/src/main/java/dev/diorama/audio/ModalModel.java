package dev.diorama.audio;

import dev.diorama.scene.Material;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Vec3;
import java.util.Arrays;

/**
 * The vibration modes of one sounding body, and what a strike and the air need to know about it.
 *
 * <p>A struck body rings as a sum of damped sinusoids, one per mode (van den Doel, Kry and Pai,
 * "FoleyAutomatic", SIGGRAPH 2001): {@code y(t) = sum a_n exp(-d_n t) cos(2 pi f_n t)}. This class
 * supplies the frequencies {@code f_n} and decay rates {@code d_n} from the body's shape, size and
 * material; {@link SoundTrack} supplies the amplitudes from the strike.
 *
 * <h2>Frequencies</h2>
 * Every formula is a textbook result for a free (or, for the floor, supported) elastic body, so the
 * modes scale as 1/size for one shape and material, and as the material's wave speed.
 * <ul>
 *   <li><b>Ball</b> of radius R: the lowest spheroidal modes of a free elastic sphere (Lamb 1882),
 *       {@code f = k c_s / (2 pi R)} with {@code c_s} the shear-wave speed and
 *       {@code k = omega R / c_s ~ 2.64, 3.90, 4.44, 5.00} for Poisson's ratio 0.25 to 0.3 (the
 *       dependence on Poisson's ratio is ignored).</li>
 *   <li><b>Bar</b> (a plank, a box at least twice as long as it is wide, a cylinder at least as long
 *       as its diameter): free-free Euler-Bernoulli bending,
 *       {@code f_n = (beta_n L)^2 / (2 pi L^2) * r_g * sqrt(E / rho)} with
 *       {@code beta_n L = 4.730, 7.853, 10.996, 14.137, 17.279} (roots of cos x cosh x = 1; the
 *       frequency ratios 1, 2.756, 5.404, 8.933, 13.34) and {@code r_g} the radius of gyration of
 *       the cross-section (t/sqrt 12 for a rectangle of thickness t, d/4 for a circle). A box bar
 *       bends about both cross axes, so it has two families.</li>
 *   <li><b>Box</b> (cube, or a block less than twice as long as wide): a completely free square
 *       Kirchhoff plate of side {@code a = sqrt(longest * middle)} and thickness {@code h} = the
 *       smallest extent, {@code f = lambda^2 / (2 pi a^2) * sqrt(D / (rho h))},
 *       {@code D = E h^3 / (12 (1 - nu^2))}, with {@code lambda^2 = 13.47, 19.60, 24.27, 34.80,
 *       61.09, 63.69} (Leissa, "Vibration of Plates", NASA SP-160, 1969, nu = 0.3).</li>
 *   <li><b>Disc</b> (a cylinder shorter than its diameter): a free circular plate of radius a,
 *       {@code lambda^2 = 5.253, 9.084, 12.23, 20.52, 21.6, 35.25, 38.52} (Leissa 1969, nu = 0.33).</li>
 *   <li><b>Floor and walls</b>: a simply supported square panel of the construction in
 *       {@link Panel}, {@code f_mn = (pi / 2) (m^2 + n^2) / a^2 * sqrt(D / (rho h))}.</li>
 * </ul>
 * Thin-body theory overestimates the frequencies of stubby bodies (a cube is a very thick plate),
 * because shear and rotary inertia soften them. Each bending frequency is therefore divided by
 * {@code sqrt(1 + (k r_g)^2 (1 + E / (kappa G)))}, with k the bending wavenumber and kappa the
 * shear coefficient (5/6 for a rectangle, 0.9 for a circle). To first order this is the
 * Rayleigh-Timoshenko correction; unlike the first-order form it stays positive for a cube, where
 * it is only an estimate (a 20 cm steel cube comes out near 6.9 kHz). Modes outside 20 Hz to 20 kHz
 * are dropped: no one hears them.
 *
 * <h2>Decay</h2>
 * A mode of frequency f loses its energy at the rate set by the material's loss factor eta:
 * {@code d = pi * eta * f} per second (REFERENCE.md). A floor or wall panel also leaks energy into
 * its supports and neighbours; building acoustics estimates the total loss factor of a built-in
 * element as {@code eta + 1 / sqrt(f)} (the in-situ estimate of EN 12354-1 / ISO 12354-1, Annex C),
 * which keeps a steel deck from ringing for seconds as a free plate would.
 */
final class ModalModel {
    /** Lowest audible frequency kept, Hz. */
    static final double MIN_FREQUENCY = 20;
    /** Highest audible frequency kept, Hz. */
    static final double MAX_FREQUENCY = 20_000;

    /** omega R / c_s of a free elastic sphere's lowest spheroidal modes (Lamb 1882). */
    static final double[] SPHERE = {2.64, 3.90, 4.44, 5.00};
    /** beta_n L of a free-free beam: the roots of cos x cosh x = 1. */
    static final double[] FREE_BEAM = {4.7300, 7.8532, 10.9956, 14.1372, 17.2788};
    /** lambda^2 = omega a^2 sqrt(rho h / D) of a free square plate of side a (Leissa 1969). */
    static final double[] FREE_SQUARE_PLATE = {13.47, 19.60, 24.27, 34.80, 61.09, 63.69};
    /** lambda^2 = omega a^2 sqrt(rho h / D) of a free circular plate of radius a (Leissa 1969). */
    static final double[] FREE_DISC = {5.253, 9.084, 12.23, 20.52, 21.6, 35.25, 38.52};
    /** Panel modes (m, n) with 1 <= m <= n <= this are candidates for the floor and walls. */
    private static final int PANEL_ORDERS = 8;
    /** At most this many panel modes are kept (the lowest). */
    private static final int PANEL_MODES = 24;
    private static final double KAPPA_RECTANGLE = 5.0 / 6.0;
    private static final double KAPPA_CIRCLE = 0.9;

    private final String name;
    private final Material material;
    private final double mass;
    private final double contactMass;
    private final double contactRadius;
    private final double area;
    private final double radiationRadius;
    private final double[] frequencies;
    private final double[] lossFactors;

    private ModalModel(String name, Material material, double mass, double contactMass, double contactRadius,
                       double area, double radiationRadius, double[] frequencies, double[] lossFactors) {
        this.name = name;
        this.material = material;
        this.mass = mass;
        this.contactMass = contactMass;
        this.contactRadius = contactRadius;
        this.area = area;
        this.radiationRadius = radiationRadius;
        this.frequencies = frequencies;
        this.lossFactors = lossFactors;
    }

    /** What the shape decides: the raw mode frequencies, the radiating area and the contact radius. */
    private record Geometry(double[] frequencies, double area, double contactRadius) {}

    /** The modes of a scene object, from its shape, size and material. */
    static ModalModel of(SceneObject o) {
        Material m = o.material();
        Vec3 s = o.size();
        // A switch expression without default: a new shape does not compile until it has modes.
        Geometry g = switch (o.shape()) {
            case BALL -> {
                double r = s.x() / 2;
                yield new Geometry(scaled(SPHERE, m.shearWaveSpeed() / (2 * Math.PI * r)), 4 * Math.PI * r * r, r);
            }
            case PIN -> {
                // A pin rings as a free bar of its length and of the diameter that gives its volume.
                double len = s.y(), d = Math.sqrt(4 * o.volume() / (Math.PI * len));
                yield new Geometry(bar(m, len, d / 4, KAPPA_CIRCLE), Math.PI * d * len + Math.PI * d * d / 2, s.x() / 2);
            }
            case CYLINDER, CONE -> {
                // A cone rings roughly as a cylinder of its mean diameter.
                double d = o.shape() == dev.diorama.scene.Shape.CONE ? s.x() / 2 : s.x(), len = s.y();
                double[] f = len >= d ? bar(m, len, d / 4, KAPPA_CIRCLE) : plate(m, FREE_DISC, d / 2, len, KAPPA_CIRCLE);
                yield new Geometry(f, Math.PI * d * d / 2 + Math.PI * d * len, d / 2);
            }
            // Solid blocks ring as the box that holds them.
            case CUBE, PLANK, DOMINO, BRICK, WEDGE, PYRAMID, BOAT, MESH -> box(m, s);
            // A compound rings mostly through its largest board (a table's top, a shelf's side, a step).
            case TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                dev.diorama.scene.Solids.Box big = null;
                for (var b : dev.diorama.scene.Solids.boxes(o.shape(), s)) if (big == null || b.volume() > big.volume()) big = b;
                Geometry one = box(m, big.half().times(2));
                yield new Geometry(one.frequencies(), 2 * (s.x() * s.y() + s.y() * s.z() + s.z() * s.x()), one.contactRadius());
            }
            case BOWL, CUP, BOTTLE, JUG -> {
                // A vessel rings like a bell or a wine glass: the bending modes of its rim as a thin
                // ring, f_n = h / (2 pi R^2) sqrt(E / (12 rho (1 - nu^2))) n (n^2 - 1) / sqrt(n^2 + 1).
                double[][] st = dev.diorama.scene.Solids.profile(o.shape());
                double[] rim = st[st.length - 1];
                double r = s.x() / 2 * (rim[0] + rim[2]) / 2, h = s.x() / 2 * (rim[0] - rim[2]);
                double c = h / (2 * Math.PI * r * r) * Math.sqrt(m.youngsModulus / (12 * m.density * (1 - m.poisson * m.poisson)));
                double[] f = new double[7];
                for (int n = 2; n <= 8; n++) f[n - 2] = c * n * (n * n - 1) / Math.sqrt(n * n + 1);
                yield new Geometry(f, Math.PI * s.x() * s.y() + Math.PI * s.x() * s.x() / 4, h);
            }
        };
        double[] kept = audible(g.frequencies());
        return new ModalModel(o.id(), m, o.mass(), o.mass(), g.contactRadius(), g.area(),
                Math.sqrt(g.area() / (4 * Math.PI)), kept, fill(kept.length, m.lossFactor));
    }

    private static Geometry box(Material m, Vec3 s) {
        double[] e = {s.x(), s.y(), s.z()};
        Arrays.sort(e); // e[0] thinnest, e[2] longest
        double[] f = e[2] >= 2 * e[1]
                // a bar bends about both cross axes: through its thickness and through its width
                ? concat(bar(m, e[2], e[0] / Math.sqrt(12), KAPPA_RECTANGLE), bar(m, e[2], e[1] / Math.sqrt(12), KAPPA_RECTANGLE))
                : plate(m, FREE_SQUARE_PLATE, Math.sqrt(e[2] * e[1]), e[0], KAPPA_RECTANGLE);
        // Hertz needs a curvature; a box strikes on an edge or a corner more often than flat,
        // so half its thinnest extent stands for the local radius.
        return new Geometry(f, 2 * (s.x() * s.y() + s.y() * s.z() + s.z() * s.x()), e[0] / 2);
    }

    /** The floor, a built-in panel of the environment's floor material. */
    static ModalModel floor(Material m) { return surface("floor", m, Panel.floor(m)); }

    /** A wall, a built-in panel of the room's wall material. */
    static ModalModel wall(Material m) { return surface("wall", m, Panel.wall(m)); }

    private static ModalModel surface(String name, Material m, Panel panel) {
        double a = panel.span(), h = panel.thickness();
        double[] all = new double[PANEL_ORDERS * (PANEL_ORDERS + 1) / 2];
        int k = 0;
        // Simply supported square panel: modes (m, n) and (n, m) share a frequency; count each pair once.
        double base = Math.PI / 2 / (a * a) * h * plateSpeed(m);
        for (int i = 1; i <= PANEL_ORDERS; i++) {
            for (int j = i; j <= PANEL_ORDERS; j++) {
                double wavenumber = Math.PI * Math.sqrt(i * i + j * j) / a;
                all[k++] = base * (i * i + j * j) * thickPlate(m, wavenumber, h / Math.sqrt(12), KAPPA_RECTANGLE);
            }
        }
        double[] kept = audible(all);
        if (kept.length > PANEL_MODES) kept = Arrays.copyOf(kept, PANEL_MODES);
        double[] eta = new double[kept.length];
        for (int n = 0; n < kept.length; n++) eta[n] = m.lossFactor + 1 / Math.sqrt(kept[n]);
        // A floor does not move as a body: infinite mass and flat (infinite radius) for the contact.
        return new ModalModel(name, m, panel.mass(m), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                panel.area(), Math.sqrt(panel.area() / Math.PI), kept, eta);
    }

    /** Free-free beam of length len bending with radius of gyration rg, thick-beam corrected. */
    private static double[] bar(Material m, double len, double rg, double kappa) {
        double c = Math.sqrt(m.youngsModulus / m.density);
        double[] f = new double[FREE_BEAM.length];
        for (int n = 0; n < f.length; n++) {
            double bl = FREE_BEAM[n];
            f[n] = bl * bl / (2 * Math.PI * len * len) * rg * c * thickPlate(m, bl / len, rg, kappa);
        }
        return f;
    }

    /** Free plate of characteristic length a (side or radius) and thickness h, thick-plate corrected. */
    private static double[] plate(Material m, double[] lambda2, double a, double h, double kappa) {
        double[] f = new double[lambda2.length];
        for (int n = 0; n < f.length; n++) {
            double k = Math.sqrt(lambda2[n]) / a; // bending wavenumber: omega = k^2 sqrt(D / rho h)
            f[n] = lambda2[n] / (2 * Math.PI * a * a) * h * plateSpeed(m) * thickPlate(m, k, h / Math.sqrt(12), kappa);
        }
        return f;
    }

    /** sqrt(D / (rho h)) / h = sqrt(E / (12 rho (1 - nu^2))), m/s. */
    private static double plateSpeed(Material m) {
        return Math.sqrt(m.youngsModulus / (12 * m.density * (1 - m.poisson * m.poisson)));
    }

    /** Factor by which shear and rotary inertia lower a bending mode of wavenumber k (see class doc). */
    private static double thickPlate(Material m, double k, double rg, double kappa) {
        double eOverKappaG = 2 * (1 + m.poisson) / kappa;
        double kr = k * rg;
        return 1 / Math.sqrt(1 + kr * kr * (1 + eOverKappaG));
    }

    private static double[] scaled(double[] ratios, double s) {
        double[] f = new double[ratios.length];
        for (int i = 0; i < f.length; i++) f[i] = ratios[i] * s;
        return f;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * The frequencies inside the audible band, ascending; degenerate modes (a square bar's two
     * bending families, panel modes with equal m^2 + n^2) sound as one.
     */
    private static double[] audible(double[] f) {
        return Arrays.stream(f).filter(x -> x >= MIN_FREQUENCY && x <= MAX_FREQUENCY).sorted().distinct().toArray();
    }

    /** The body's id ("floor" and "wall" for the surfaces), for messages. */
    String name() { return name; }

    Material material() { return material; }

    /** Mass that a strike's impulse sets vibrating, kg (the panel's for a surface). */
    double mass() { return mass; }

    /** Mass the contact sees, kg: infinite for the floor and walls, which do not recoil. */
    double contactMass() { return contactMass; }

    /** Local radius of curvature at the contact, m; infinite for a flat surface. */
    double contactRadius() { return contactRadius; }

    /** Radiating surface, m^2. */
    double area() { return area; }

    /** Radius of the equivalent radiator (sphere or baffled piston of the same area), m. */
    double radiationRadius() { return radiationRadius; }

    int modeCount() { return frequencies.length; }

    /** Frequency of mode n, Hz. */
    double frequency(int n) { return frequencies[n]; }

    /** Loss factor of mode n. */
    double lossFactor(int n) { return lossFactors[n]; }

    /** Amplitude decay rate of mode n, 1/s: pi * eta * f. */
    double decayRate(int n) { return Math.PI * lossFactors[n] * frequencies[n]; }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append(" (").append(material.jsonName()).append("):");
        for (int n = 0; n < frequencies.length; n++) {
            b.append(String.format(java.util.Locale.ROOT, " %.0f Hz/T60 %.3f s", frequencies[n], Math.log(1000) / decayRate(n)));
        }
        return b.toString();
    }
}
