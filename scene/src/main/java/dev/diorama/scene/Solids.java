package dev.diorama.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact solid of every {@link Shape} in object space (origin at the centre of the object's
 * bounding box, axes along its size), read by the simulation (collision shapes, mass, centre of
 * mass, inertia) and by the picture (triangle meshes), so that what is seen is what collides.
 *
 * <p>Three families:
 * <ul>
 *   <li>boxes and compounds of boxes ({@link #boxes}): cube, plank, domino, brick, table, pool
 *       table, shelf, stairs, tank. The boxes of a compound never overlap, so their volumes add.</li>
 *   <li>convex polyhedra ({@link #hull}): wedge and pyramid; and the cone and cylinder, analytic.</li>
 *   <li>hollow vessels ({@link #profile}): bowl, cup, bottle, jug, each the revolution about y of
 *       a wall cross-section, given as stations from the axis at the bottom up to the rim. Station k
 *       is {r_out, y_out, r_in, y_in} in units of the radius (size.x / 2) and of the height (y from
 *       the bottom, 0 to 1); the wall between stations k and k+1 is the quadrilateral (out_k,
 *       out_k+1, in_k+1, in_k). The first station lies on the axis, so its quad is the floor.</li>
 *   <li>solids of revolution ({@link #turned}): the bowling pin, stations of the same form whose
 *       inner line is the axis (r_in = 0), from the middle of its base up to the top of its head.</li>
 * </ul>
 *
 * <p>Mass properties of a vessel or a turned solid follow from Pappus' theorem: a cross-section
 * element dA at radius r sweeps the volume 2 pi r dA, so the volume, centre of mass and moments of
 * inertia are integrals of polynomials (degree at most 3) over the wall's polygon, computed exactly
 * with a degree-5 quadrature on triangles.
 */
public final class Solids {
    private Solids() {}

    /** An axis-aligned box of a compound, by its centre and half extents, metres, object space. */
    public record Box(Vec3 centre, Vec3 half) {
        public double volume() { return 8 * half.x() * half.y() * half.z(); }
    }

    private static final double[][] BOWL = bowl();
    private static final double[][] CUP = {
        {0, 0, 0, 0.06}, {0.82, 0, 0.74, 0.06}, {1, 1, 0.92, 1}};
    private static final double[][] BOTTLE = {
        {0, 0, 0, 0.03}, {1, 0, 0.9, 0.03}, {1, 0.62, 0.9, 0.62}, {0.72, 0.72, 0.62, 0.71},
        {0.38, 0.8, 0.28, 0.79}, {0.34, 0.86, 0.24, 0.86}, {0.34, 1, 0.24, 1}};
    private static final double[][] JUG = {
        {0, 0, 0, 0.04}, {0.8, 0, 0.72, 0.04}, {1, 0.35, 0.92, 0.35}, {0.95, 0.6, 0.87, 0.6},
        {0.72, 0.88, 0.64, 0.87}, {0.78, 1, 0.70, 1}};

    /**
     * A tenpin bowling pin's contour (United States Bowling Congress, adopted by World Bowling):
     * diameters in inches at heights in inches above the base, 15 in tall, 4.766 in across at its
     * belly 4.5 in up, 1.797 in at its neck 10 in up, 2.547 in at its head; the head's top rounded
     * off over its last 5/8 in. As a solid of maple this puts the centre of mass 5.84 in up (the
     * regulation asks 5 40/64 to 5 60/64 in).
     */
    private static final double[][] PIN_CONTOUR = {
        {0, 2.031}, {0.75, 2.828}, {2.25, 3.906}, {3.375, 4.510}, {4.5, 4.766}, {5.875, 4.563},
        {7.25, 3.703}, {8.625, 2.472}, {9.375, 1.965}, {10, 1.797}, {10.875, 1.870}, {11.75, 2.094},
        {12.625, 2.406}, {13.5, 2.547}, {14.375, 2.360}, {14.75, 1.85}, {14.95, 1.05}, {15, 0}};
    private static final double[][] PIN = pin();

    /** The pin's stations: its base's middle, then the contour, the inner line on the axis. */
    private static double[][] pin() {
        double[][] s = new double[PIN_CONTOUR.length + 1][];
        s[0] = new double[] {0, 0, 0, 0};
        for (int k = 0; k < PIN_CONTOUR.length; k++) {
            double y = PIN_CONTOUR[k][0] / 15, r = PIN_CONTOUR[k][1] / 4.766;
            s[k + 1] = new double[] {r, y, 0, y};
        }
        return s;
    }

    /** A bowl: a foot at 30 degrees of a spherical wall that rises to a vertical rim. */
    private static double[][] bowl() {
        double w = 0.07, floor = 0.08, t0 = Math.toRadians(30);
        int steps = 6;
        double[][] s = new double[steps + 2][];
        s[0] = new double[] {0, 0, 0, floor};
        for (int k = 0; k <= steps; k++) {
            double t = t0 + (Math.PI / 2 - t0) * k / steps;
            double up = (Math.cos(t0) - Math.cos(t)) / Math.cos(t0);
            s[k + 1] = new double[] {Math.sin(t), up, (1 - w) * Math.sin(t), floor + (1 - floor) * up};
        }
        return s;
    }

    /** The wall stations of a hollow vessel (see the class comment); null for other shapes. */
    public static double[][] profile(Shape shape) {
        return switch (shape) {
            case BOWL -> BOWL;
            case CUP -> CUP;
            case BOTTLE -> BOTTLE;
            case JUG -> JUG;
            case BALL, CUBE, CYLINDER, PLANK, CONE, PYRAMID, WEDGE, DOMINO, BRICK, BOAT, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH -> null;
        };
    }

    /**
     * The stations of a solid of revolution, a bowling pin (see the class comment: their inner line
     * is the axis); null for other shapes.
     */
    public static double[][] turned(Shape shape) {
        return shape == Shape.PIN ? PIN : null;
    }

    /** The radius of a turned solid at height {@code y} metres above its base, m; 0 above or below it, or for other shapes. */
    public static double turnedRadius(Shape shape, Vec3 size, double y) {
        double[][] st = turned(shape);
        if (st == null) return 0;
        double u = y / size.y();
        for (int k = 2; k < st.length; k++) {
            double y0 = st[k - 1][1], y1 = st[k][1];
            if (u >= y0 && u <= y1) {
                double f = y1 > y0 ? (u - y0) / (y1 - y0) : 1;
                return size.x() / 2 * (st[k - 1][0] + f * (st[k][0] - st[k - 1][0]));
            }
        }
        return 0;
    }

    /**
     * Thickness of a tank's glass, m: 2.5 % of its larger plan extent, at least 4 mm (an aquarium of
     * 60 cm has 6-10 mm glass; 15 mm here).
     */
    public static double tankWall(Vec3 size) {
        return Math.max(0.004, 0.025 * Math.max(size.x(), size.z()));
    }

    /**
     * How deep the inside of a hollow object is, m: from the inside of its floor to its rim (a tank,
     * a cup, a bowl, a bottle, a jug); 0 for other shapes.
     */
    public static double cavityDepth(Shape shape, Vec3 size) {
        if (shape == Shape.TANK) return size.y() - tankWall(size);
        double[][] st = profile(shape);
        return st == null ? 0 : size.y() * (st[st.length - 1][3] - st[0][3]);
    }

    /**
     * The inner radius of a vessel (bowl, cup, bottle, jug) at height {@code y} metres above the
     * bottom of its bounding box, m, interpolated along the wall's inner line; negative below the
     * inside of its floor or above its rim, and for other shapes. A height within rounding (1e-9 of
     * the height) of the floor or the rim counts as on it: a liquid's first layer, placed exactly a
     * clearance above the floor, once fell below it by rounding and a bucket of water was filmed
     * empty; the rim's own height read as above the rim.
     */
    public static double cavityRadius(Shape shape, Vec3 size, double y) {
        double[][] st = profile(shape);
        if (st == null) return -1;
        double u = y / size.y(), lo = st[0][3], hi = st[st.length - 1][3];
        if (u < lo && u > lo - 1e-9) u = lo;
        if (u > hi && u < hi + 1e-9) u = hi;
        if (u < lo || u > hi) return -1;
        for (int k = 1; k < st.length; k++) {
            double y0 = st[k - 1][3], y1 = st[k][3];
            if (u <= y1) {
                double f = y1 > y0 ? (u - y0) / (y1 - y0) : 1;
                return size.x() / 2 * (st[k - 1][2] + f * (st[k][2] - st[k - 1][2]));
            }
        }
        return size.x() / 2 * st[st.length - 1][2];
    }

    /**
     * A pool table's parts, in units of its extents (a 9 ft table, 2.74 x 0.77 x 1.47 m over its
     * rails): each rail 10 cm wide (3.65 % of the length) standing a cushion's height above the bed
     * (36 mm, 63.5 % of a pool ball, 4.68 % of the height to the rail's top, which the rules put at
     * 29 1/4 to 31 in), the bed and its apron 20 cm deep, square legs 8 cm wide.
     */
    static final double POOL_RAIL = 0.1 / 2.74, POOL_CUSHION = 0.036 / 0.77, POOL_BED = 0.2 / 0.77, POOL_LEG = 0.08 / 1.47;

    /**
     * A pool table's playing surface: {x0, x1, z0, z1, top} in object space, metres: the cloth
     * inside the rails, and the height of the bed's top.
     */
    public static double[] poolTable(Vec3 size) {
        double rail = POOL_RAIL * size.x(), top = size.y() / 2 - POOL_CUSHION * size.y();
        return new double[] {-size.x() / 2 + rail, size.x() / 2 - rail, -size.z() / 2 + rail, size.z() / 2 - rail, top};
    }

    /** Number of steps of a staircase: risers of about 18 cm, at least two. */
    public static int stairSteps(Vec3 size) {
        return Math.max(2, (int) Math.round(size.y() / 0.18));
    }

    /** Number of boards of a shelf, bottom and top included: about 35 cm apart, at least two. */
    public static int shelfBoards(Vec3 size) {
        return Math.max(2, (int) Math.round(size.y() / 0.35) + 1);
    }

    /**
     * The boxes that make up a box or a compound of boxes; empty for other shapes.
     *
     * <p>Table: a top 6 % of the height thick on four square legs 6 % of the smaller plan extent
     * wide, set in by one leg width. Shelf: two sides, a back at +z and {@link #shelfBoards} boards,
     * all 6 % of the depth thick. Stairs: {@link #stairSteps} solid steps of equal rise and run, the
     * lowest at +x. Tank: a floor and four walls {@link #tankWall} thick.
     */
    public static List<Box> boxes(Shape shape, Vec3 size) {
        double sx = size.x(), sy = size.y(), sz = size.z();
        List<Box> b = new ArrayList<>();
        switch (shape) {
            case CUBE, PLANK, DOMINO, BRICK -> b.add(new Box(Vec3.ZERO, size.times(0.5)));
            case TABLE -> {
                double top = 0.06 * sy, leg = 0.06 * Math.min(sx, sz);
                b.add(new Box(new Vec3(0, sy / 2 - top / 2, 0), new Vec3(sx / 2, top / 2, sz / 2)));
                double legHalf = (sy - top) / 2;
                for (int i = 0; i < 4; i++) {
                    double x = (i % 2 == 0 ? -1 : 1) * (sx / 2 - leg), z = (i < 2 ? -1 : 1) * (sz / 2 - leg);
                    b.add(new Box(new Vec3(x, -sy / 2 + legHalf, z), new Vec3(leg / 2, legHalf, leg / 2)));
                }
            }
            case SHELF -> {
                double t = 0.06 * sz;
                b.add(new Box(new Vec3(-sx / 2 + t / 2, 0, 0), new Vec3(t / 2, sy / 2, sz / 2)));
                b.add(new Box(new Vec3(sx / 2 - t / 2, 0, 0), new Vec3(t / 2, sy / 2, sz / 2)));
                b.add(new Box(new Vec3(0, 0, sz / 2 - t / 2), new Vec3(sx / 2 - t, sy / 2, t / 2)));
                int n = shelfBoards(size);
                for (int i = 0; i < n; i++) {
                    double y = -sy / 2 + t / 2 + i * (sy - t) / (n - 1);
                    b.add(new Box(new Vec3(0, y, -t / 2), new Vec3(sx / 2 - t, t / 2, (sz - t) / 2)));
                }
            }
            case TANK -> {
                double t = tankWall(size);
                b.add(new Box(new Vec3(0, -sy / 2 + t / 2, 0), new Vec3(sx / 2, t / 2, sz / 2)));
                double wallHalf = (sy - t) / 2, wy = -sy / 2 + t + wallHalf;
                b.add(new Box(new Vec3(-sx / 2 + t / 2, wy, 0), new Vec3(t / 2, wallHalf, sz / 2)));
                b.add(new Box(new Vec3(sx / 2 - t / 2, wy, 0), new Vec3(t / 2, wallHalf, sz / 2)));
                b.add(new Box(new Vec3(0, wy, -sz / 2 + t / 2), new Vec3(sx / 2 - t, wallHalf, t / 2)));
                b.add(new Box(new Vec3(0, wy, sz / 2 - t / 2), new Vec3(sx / 2 - t, wallHalf, t / 2)));
            }
            case POOL_TABLE -> {
                // the bed (and its apron) under the whole top, the four rails on its edges, the legs under it
                double rail = POOL_RAIL * sx, cushion = POOL_CUSHION * sy, bed = POOL_BED * sy, leg = POOL_LEG * sz;
                double bedTop = sy / 2 - cushion, legs = sy - cushion - bed;
                b.add(new Box(new Vec3(0, bedTop - bed / 2, 0), new Vec3(sx / 2, bed / 2, sz / 2)));
                for (int side = -1; side <= 1; side += 2) {
                    b.add(new Box(new Vec3(0, bedTop + cushion / 2, side * (sz / 2 - rail / 2)), new Vec3(sx / 2, cushion / 2, rail / 2)));
                    b.add(new Box(new Vec3(side * (sx / 2 - rail / 2), bedTop + cushion / 2, 0), new Vec3(rail / 2, cushion / 2, sz / 2 - rail)));
                }
                for (int i = 0; i < 4; i++) {
                    double x = (i % 2 == 0 ? -1 : 1) * (sx / 2 - rail - leg / 2), z = (i < 2 ? -1 : 1) * (sz / 2 - rail - leg / 2);
                    b.add(new Box(new Vec3(x, -sy / 2 + legs / 2, z), new Vec3(leg / 2, legs / 2, leg / 2)));
                }
            }
            case STAIRS -> {
                int n = stairSteps(size);
                double rise = sy / n, run = sx / n;
                for (int i = 0; i < n; i++) {
                    double h = (i + 1) * rise;
                    b.add(new Box(new Vec3(sx / 2 - (i + 0.5) * run, -sy / 2 + h / 2, 0),
                            new Vec3(run / 2, h / 2, sz / 2)));
                }
            }
            case BALL, CYLINDER, CONE, PYRAMID, WEDGE, BOAT, BOWL, CUP, BOTTLE, JUG, PIN, MESH -> { }
        }
        return b;
    }

    /** The corners of a wedge, pyramid or boat (convex polyhedra), object space; empty for other shapes. */
    public static List<Vec3> hull(Shape shape, Vec3 size) {
        double a = size.x() / 2, b = size.y() / 2, c = size.z() / 2;
        return switch (shape) {
            // A toy boat's hull, its bow towards +x: the deck a pentagon (the transom at -x, the sides
            // straight to a quarter of the length forward, then in to the stem); the bottom the same
            // pentagon drawn in (0.6 of the beam, the transom raked in by a tenth of the half length),
            // every bottom edge parallel to the deck's above it, so that each side is a flat face.
            case BOAT -> List.of(new Vec3(-a, b, -c), new Vec3(0.25 * a, b, -c), new Vec3(a, b, 0), new Vec3(0.25 * a, b, c),
                    new Vec3(-a, b, c), new Vec3(-0.9 * a, -b, -0.6 * c), new Vec3(0.2 * a, -b, -0.6 * c),
                    new Vec3(0.65 * a, -b, 0), new Vec3(0.2 * a, -b, 0.6 * c), new Vec3(-0.9 * a, -b, 0.6 * c));
            case WEDGE -> List.of(new Vec3(-a, -b, -c), new Vec3(a, -b, -c), new Vec3(-a, b, -c),
                    new Vec3(-a, -b, c), new Vec3(a, -b, c), new Vec3(-a, b, c));
            case PYRAMID -> List.of(new Vec3(-a, -b, -c), new Vec3(a, -b, -c), new Vec3(a, -b, c),
                    new Vec3(-a, -b, c), new Vec3(0, b, 0));
            case BALL, CUBE, CYLINDER, PLANK, CONE, DOMINO, BRICK, BOWL, CUP, BOTTLE, JUG, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH
                    -> List.of();
        };
    }

    /**
     * The faces of a convex polyhedron's {@link #hull} (a wedge, pyramid or boat), each its corners'
     * indices in order round it, counter-clockwise seen from outside; empty for other shapes.
     */
    public static List<int[]> faces(Shape shape, Vec3 size) {
        List<int[]> raw = switch (shape) {
            case WEDGE -> List.of(new int[] {0, 1, 4, 3}, new int[] {0, 3, 5, 2}, new int[] {1, 2, 5, 4}, new int[] {0, 2, 1},
                    new int[] {3, 4, 5});
            case PYRAMID -> List.of(new int[] {0, 1, 2, 3}, new int[] {0, 1, 4}, new int[] {1, 2, 4}, new int[] {2, 3, 4},
                    new int[] {3, 0, 4});
            case BOAT -> {
                List<int[]> f = new ArrayList<>(List.of(new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9}));
                for (int k = 0; k < 5; k++) f.add(new int[] {k, (k + 1) % 5, 5 + (k + 1) % 5, 5 + k});
                yield f;
            }
            case BALL, CUBE, CYLINDER, PLANK, CONE, DOMINO, BRICK, BOWL, CUP, BOTTLE, JUG, PIN, TABLE, POOL_TABLE, SHELF, STAIRS, TANK, MESH
                    -> List.of();
        };
        // Turned outward: a face's normal points away from the middle of the corners.
        List<Vec3> p = hull(shape, size);
        Vec3 mid = Vec3.ZERO;
        for (Vec3 v : p) mid = mid.plus(v.times(1.0 / p.size()));
        List<int[]> out = new ArrayList<>();
        for (int[] f : raw) {
            Vec3 n = p.get(f[1]).minus(p.get(f[0])).cross(p.get(f[2]).minus(p.get(f[0])));
            if (n.dot(p.get(f[0]).minus(mid)) >= 0) {
                out.add(f.clone());
            } else {
                int[] r = new int[f.length];
                for (int k = 0; k < f.length; k++) r[k] = f[f.length - 1 - k];
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether principal moments {@code m} differ (not a ball's or a cube's): the bodies whose
     * spin the gyroscopic term changes (sim's Gyroscopic), and whose fast spin a prompt's scene
     * steps finely for (prompt's Staging).
     */
    public static boolean unequalMoments(Vec3 m) {
        double lo = Math.min(m.x(), Math.min(m.y(), m.z())), hi = Math.max(m.x(), Math.max(m.y(), m.z()));
        return hi - lo > 1e-9 * hi;
    }

    /**
     * The volume of a boat's hull (upright, as placed) below {@code depth} m over its bottom, m^3:
     * its section at a share t of the height is the pentagon between the bottom's and the deck's
     * corners at t (its sides are flat and their edges parallel), integrated in 400 slices.
     */
    public static double boatVolumeBelow(Vec3 size, double depth) {
        List<Vec3> p = hull(Shape.BOAT, size);
        double top = Math.clamp(depth / size.y(), 0, 1), v = 0;
        int n = 400;
        for (int k = 0; k < n; k++) {
            double t = (k + 0.5) / n * top, area = 0;
            for (int i = 0; i < 5; i++) {
                Vec3 a = p.get(5 + i).times(1 - t).plus(p.get(i).times(t));
                Vec3 b = p.get(5 + (i + 1) % 5).times(1 - t).plus(p.get((i + 1) % 5).times(t));
                area += a.x() * b.z() - b.x() * a.z();
            }
            v += Math.abs(area) / 2 * top * size.y() / n;
        }
        return v;
    }

    /**
     * A convex polyhedron's volume, centroid and principal second moments about its centroid along
     * the axes, per unit density: {V, cx, cy, cz, Ixx, Iyy, Izz} (m^3, m, m^5), from the tetrahedra
     * its faces' fans make with the origin (exact, the divergence theorem over flat faces; products
     * of inertia left out).
     */
    static double[] polyhedron(List<Vec3> p, List<int[]> faces) {
        double v = 0, mx = 0, my = 0, mz = 0, xx = 0, yy = 0, zz = 0;
        for (int[] f : faces) {
            for (int k = 1; k + 1 < f.length; k++) {
                Vec3 a = p.get(f[0]), b = p.get(f[k]), c = p.get(f[k + 1]);
                double dv = a.dot(b.cross(c)) / 6;
                v += dv;
                mx += dv * (a.x() + b.x() + c.x()) / 4;
                my += dv * (a.y() + b.y() + c.y()) / 4;
                mz += dv * (a.z() + b.z() + c.z()) / 4;
                // Over a tetrahedron with a corner at the origin, the integral of x^2 is V/10 times the
                // sum of the other corners' x squared and of their pairwise products.
                xx += dv / 10 * (a.x() * a.x() + b.x() * b.x() + c.x() * c.x() + a.x() * b.x() + a.x() * c.x() + b.x() * c.x());
                yy += dv / 10 * (a.y() * a.y() + b.y() * b.y() + c.y() * c.y() + a.y() * b.y() + a.y() * c.y() + b.y() * c.y());
                zz += dv / 10 * (a.z() * a.z() + b.z() * b.z() + c.z() * c.z() + a.z() * b.z() + a.z() * c.z() + b.z() * c.z());
            }
        }
        double cx = mx / v, cy = my / v, cz = mz / v;
        xx -= v * cx * cx;
        yy -= v * cy * cy;
        zz -= v * cz * cz;
        return new double[] {v, cx, cy, cz, yy + zz, xx + zz, xx + yy};
    }

    /**
     * Volume of material, m^3 (a vessel's wall, not what it holds). A mesh's volume is that of the
     * convex hull of its vertices, known once its file has been read ({@link Assets#hullFill}).
     */
    public static double volume(Shape shape, Vec3 size, String asset) {
        double sx = size.x(), sy = size.y(), sz = size.z();
        return switch (shape) {
            case BALL -> Math.PI / 6 * sx * sy * sz;
            case CYLINDER -> Math.PI / 4 * sx * sz * sy;
            case CONE -> Math.PI / 12 * sx * sz * sy;
            case PYRAMID -> sx * sy * sz / 3;
            case WEDGE -> sx * sy * sz / 2;
            case BOAT -> polyhedron(hull(shape, size), faces(shape, size))[0];
            case CUBE, PLANK, DOMINO, BRICK, TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                double v = 0;
                for (Box b : boxes(shape, size)) v += b.volume();
                yield v;
            }
            case BOWL, CUP, BOTTLE, JUG, PIN -> vessel(shape, size)[0];
            case MESH -> Assets.hullFill(asset) * sx * sy * sz;
        };
    }

    /** Centre of mass relative to the centre of the bounding box, object space, metres (no mesh). */
    public static Vec3 centreOfMass(Shape shape, Vec3 size) {
        return centreOfMass(shape, size, null);
    }

    /**
     * Centre of mass relative to the centre of the bounding box, object space, metres; a mesh's is
     * the centroid of its convex hull, once its file has been read ({@link Assets#hullCentroid}).
     */
    public static Vec3 centreOfMass(Shape shape, Vec3 size, String asset) {
        double sx = size.x(), sy = size.y();
        return switch (shape) {
            case MESH -> {
                Vec3 f = Assets.hullCentroid(asset);
                yield new Vec3(f.x() * sx, f.y() * sy, f.z() * size.z());
            }
            case BALL, CUBE, CYLINDER, PLANK, DOMINO, BRICK -> Vec3.ZERO;
            case CONE, PYRAMID -> new Vec3(0, -sy / 4, 0);
            case WEDGE -> new Vec3(-sx / 6, -sy / 6, 0);
            case BOAT -> {
                double[] q = polyhedron(hull(shape, size), faces(shape, size));
                yield new Vec3(q[1], q[2], q[3]);
            }
            case TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                Vec3 m = Vec3.ZERO;
                double v = 0;
                for (Box b : boxes(shape, size)) {
                    m = m.plus(b.centre().times(b.volume()));
                    v += b.volume();
                }
                yield m.times(1 / v);
            }
            case BOWL, CUP, BOTTLE, JUG, PIN -> new Vec3(0, vessel(shape, size)[1], 0);
        };
    }

    /**
     * Principal moments of inertia about the centre of mass, along the object's axes, per unit
     * density (kg m^2 per kg/m^3, i.e. m^5). Exact for every shape but two: the wedge and the stairs
     * also have a product of inertia Ixy (their section is not symmetric), which is left out; their
     * diagonal moments are exact. A mesh's are those of its bounding box scaled to its hull volume.
     */
    public static Vec3 inertia(Shape shape, Vec3 size, String asset) {
        double sx = size.x(), sy = size.y(), sz = size.z();
        double m = volume(shape, size, asset);
        return switch (shape) {
            case BALL -> {
                double i = 0.4 * m * sx * sx / 4;
                yield new Vec3(i, i, i);
            }
            case CYLINDER -> {
                double r2 = sx * sx / 4, side = m * (3 * r2 + sy * sy) / 12;
                yield new Vec3(side, m * r2 / 2, side);
            }
            case CONE -> {
                double r2 = sx * sx / 4, side = m * (3 * r2 / 20 + 3 * sy * sy / 80);
                yield new Vec3(side, 3 * m * r2 / 10, side);
            }
            case PYRAMID -> new Vec3(m * (sz * sz / 20 + 3 * sy * sy / 80), m * (sx * sx + sz * sz) / 20,
                    m * (sx * sx / 20 + 3 * sy * sy / 80));
            case WEDGE -> new Vec3(m * (sy * sy / 18 + sz * sz / 12), m * (sx * sx / 18 + sz * sz / 12),
                    m * (sx * sx + sy * sy) / 18);
            case BOAT -> {
                double[] q = polyhedron(hull(shape, size), faces(shape, size));
                yield new Vec3(q[4], q[5], q[6]);
            }
            case MESH -> new Vec3(m * (sy * sy + sz * sz) / 12, m * (sx * sx + sz * sz) / 12, m * (sx * sx + sy * sy) / 12);
            case CUBE, PLANK, DOMINO, BRICK, TABLE, POOL_TABLE, SHELF, STAIRS, TANK -> {
                Vec3 c = centreOfMass(shape, size);
                double ix = 0, iy = 0, iz = 0;
                for (Box b : boxes(shape, size)) {
                    double v = b.volume();
                    double hx = b.half().x(), hy = b.half().y(), hz = b.half().z();
                    Vec3 d = b.centre().minus(c);
                    ix += v * ((hy * hy + hz * hz) / 3 + d.y() * d.y() + d.z() * d.z());
                    iy += v * ((hx * hx + hz * hz) / 3 + d.x() * d.x() + d.z() * d.z());
                    iz += v * ((hx * hx + hy * hy) / 3 + d.x() * d.x() + d.y() * d.y());
                }
                yield new Vec3(ix, iy, iz);
            }
            case BOWL, CUP, BOTTLE, JUG, PIN -> {
                double[] v = vessel(shape, size);
                yield new Vec3(v[3], v[2], v[3]);
            }
        };
    }

    // Degree-5 seven-point rule on a triangle (barycentric coordinates, weights summing to 1).
    private static final double[][] RULE = rule();

    private static double[][] rule() {
        double a1 = 0.059715871789770, b1 = 0.470142064105115, w1 = 0.132394152788506;
        double a2 = 0.797426985353087, b2 = 0.101286507323456, w2 = 0.125939180544827;
        return new double[][] {
            {1.0 / 3, 1.0 / 3, 0.225},
            {a1, b1, w1}, {b1, a1, w1}, {b1, b1, w1},
            {a2, b2, w2}, {b2, a2, w2}, {b2, b2, w2}};
    }

    /**
     * A vessel's or turned solid's volume (m^3), centre-of-mass height relative to the box centre
     * (m), and moments of inertia per unit density about its centre of mass: about the axis (y) and
     * about a horizontal axis. Each wall quad is two triangles; over each, the integrand of Pappus' volume element
     * 2 pi r dA times 1, y, r^2, y^2 is a polynomial of degree at most 3, which the rule integrates
     * exactly.
     */
    private static double[] vessel(Shape shape, Vec3 size) {
        double[][] s = shape == Shape.PIN ? turned(shape) : profile(shape);
        double rad = size.x() / 2, h = size.y();
        double vol = 0, sy = 0, sr2 = 0, sy2 = 0;
        for (int k = 0; k + 1 < s.length; k++) {
            double[][] quad = {
                {s[k][0] * rad, s[k][1] * h - h / 2}, {s[k + 1][0] * rad, s[k + 1][1] * h - h / 2},
                {s[k + 1][2] * rad, s[k + 1][3] * h - h / 2}, {s[k][2] * rad, s[k][3] * h - h / 2}};
            for (int[] tri : new int[][] {{0, 1, 2}, {0, 2, 3}}) {
                double[] p = quad[tri[0]], q = quad[tri[1]], r = quad[tri[2]];
                double area = Math.abs((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])) / 2;
                for (double[] w : RULE) {
                    double c = 1 - w[0] - w[1];
                    double x = w[0] * p[0] + w[1] * q[0] + c * r[0];
                    double y = w[0] * p[1] + w[1] * q[1] + c * r[1];
                    double dv = 2 * Math.PI * x * w[2] * area;
                    vol += dv;
                    sy += y * dv;
                    sr2 += x * x * dv;
                    sy2 += y * y * dv;
                }
            }
        }
        double yc = sy / vol;
        // About the axis: the integral of r^2. About a horizontal axis through the centre of mass:
        // (y - yc)^2 plus, averaged over the turn, half of r^2 (x^2 and z^2 share it equally).
        return new double[] {vol, yc, sr2, sy2 - yc * yc * vol + sr2 / 2};
    }
}
