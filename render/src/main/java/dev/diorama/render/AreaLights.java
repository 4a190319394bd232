package dev.diorama.render;

import dev.diorama.assets.TriangleMesh;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * The lights that have a size: glowing objects, the ceiling lamp of a room and its windows (which
 * let in the sky and the ground outside). Each is cut into small cells of known centre, normal and
 * area, fixed in the light's own frame, and the shader sums them ({@link Shader}):
 *
 * <p><b>Irradiance.</b> A Lambertian emitter of radiance L seen from a point p with unit normal n
 * gives E = integral of L cos(theta) cos(theta') / d^2 over its surface. Each cell of area A adds
 * L A cos(theta) cos(theta') / (d^2 + A / pi): the last term is exact for a small disk seen along its
 * axis (E = L pi R^2 / (R^2 + d^2)) and keeps the sum finite next to the light; far from it, the
 * sum is the midpoint rule, within a fraction of a percent of the analytic irradiance once the
 * point is a few cells away; nearer than three of the light's radii each cell counts as its four
 * quarters, which keeps it within 2 percent down to about the light's radius away (the tests);
 * beyond ten radii the flat ceiling lamp counts as one disk, whose formula that is.
 *
 * <p><b>Shadows.</b> Unoccluded (no object's bounding sphere comes near the cone from p to the light)
 * the sum is the answer and costs no ray. Otherwise up to {@value #SHADOW_RAYS} shadow rays go to
 * cells that face p, each to a point jittered within its cell, and the unoccluded sum is scaled by
 * the visible share of their weights (a ratio estimator: noise only in the penumbra, none in full
 * light or full shadow). Four rays spread over the light go first; where they agree (all blocked or
 * all clear) the others are not sent, so a full shadow costs four rays and only a penumbra more. The jitter and the choice of cells come from a hash of the camera sample's
 * position in the picture, never from a random generator or a thread: a pixel gets the same
 * samples in every frame, so where nothing moves nothing flickers, and the anti-aliasing's extra
 * samples of a pixel on a shadow's edge each draw other points, which smooths the penumbra.
 *
 * <p><b>Cells.</b> A ball: 64 points spread evenly over the sphere (Fibonacci). A box: 3 x 3 per face.
 * A cylinder: 16 around by 2 up on its side, 8 on each cap. A triangle mesh (cones, vessels,
 * imported models): 64 points at equal steps of cumulative area. The ceiling lamp: 16 cells of equal
 * area (2 rings of 8). A window: a grid of about 16 cells.
 *
 * <p>A window's radiance is what lies beyond it in each direction: the sky above the horizon and the
 * ground below, a cell taking the share of each that its height above and below the lit point gives
 * (so the split moves smoothly with the point and draws no seam across a wall).
 */
final class AreaLights {
    static final int OBJECT = 0, CEILING = 1, WINDOW = 2;
    /** Most shadow rays one light sends from a point. */
    static final int SHADOW_RAYS = 32;

    final int count;
    final int[] kind;
    /** The object a light is (OBJECT), else {@link Hit#NONE}. */
    final int[] object;
    /** Each light's cells: [first[i], first[i] + cells[i]). */
    final int[] first, cells;
    /** Radiance per band (OBJECT and CEILING; a WINDOW's depends on direction), 3 per light. */
    final double[] radiance;
    /** Per light, this frame: centre and radius of a sphere holding it. */
    final double[] bx, by, bz, br;
    /** Whether some glowing object may move (then every tile is drawn again each frame). */
    final boolean moving;

    /** Cells in the light's frame (object space for OBJECT lights, the world for the others). */
    private final double[] local;
    /** Cells in the world, this frame: centre, normal, area, two half-extent vectors (u, v). */
    final double[] cx, cy, cz, nx, ny, nz, area, ux, uy, uz, vx, vy, vz;

    /** No area lights at all. */
    static AreaLights none() {
        return new AreaLights();
    }

    private AreaLights() {
        count = 0;
        kind = object = first = cells = new int[0];
        radiance = bx = by = bz = br = local = new double[0];
        cx = cy = cz = nx = ny = nz = area = ux = uy = uz = vx = vy = vz = new double[0];
        moving = false;
    }

    /** Per cell in the frame: x y z, nx ny nz, area, ux uy uz, vx vy vz. */
    private static final int STRIDE = 13;

    AreaLights(Scene scene, Geometry g, Surfaces surfaces, Lighting lighting) {
        List<double[]> cellList = new ArrayList<>();
        List<int[]> lights = new ArrayList<>();  // kind, object, first, count
        List<double[]> rad = new ArrayList<>();
        List<Double> bounds = new ArrayList<>();
        boolean anyMoving = false;
        List<SceneObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            if (o.emission() <= 0) continue;
            int start = cellList.size();
            objectCells(g, i, cellList);
            lights.add(new int[] {OBJECT, i, start, cellList.size() - start});
            rad.add(Lighting.emitted(o));
            bounds.add(g.bound[i]);
            anyMoving |= !o.fixed();
        }
        Room room = scene.environment().room();
        if (room != null) {
            int start = cellList.size();
            ceilingCells(lighting.lampX, lighting.lampY, lighting.lampZ, Lighting.LAMP_RADIUS, cellList);
            lights.add(new int[] {CEILING, Hit.NONE, start, cellList.size() - start});
            rad.add(lighting.lampRadiance.clone());
            bounds.add(Lighting.LAMP_RADIUS);
            if (lighting.windowSky != null) {
                for (Window w : room.windows()) {
                    start = cellList.size();
                    windowCells(room, w, cellList);
                    lights.add(new int[] {WINDOW, Hit.NONE, start, cellList.size() - start});
                    rad.add(new double[3]);
                    bounds.add(Math.hypot(w.width(), w.height()) / 2);
                }
            }
        }
        moving = anyMoving;
        count = lights.size();
        kind = new int[count];
        object = new int[count];
        first = new int[count];
        cells = new int[count];
        radiance = new double[3 * count];
        bx = new double[count];
        by = new double[count];
        bz = new double[count];
        br = new double[count];
        for (int i = 0; i < count; i++) {
            int[] l = lights.get(i);
            kind[i] = l[0];
            object[i] = l[1];
            first[i] = l[2];
            cells[i] = l[3];
            System.arraycopy(rad.get(i), 0, radiance, 3 * i, 3);
            br[i] = bounds.get(i);
        }
        int n = cellList.size();
        local = new double[STRIDE * n];
        for (int k = 0; k < n; k++) System.arraycopy(cellList.get(k), 0, local, STRIDE * k, STRIDE);
        cx = new double[n];
        cy = new double[n];
        cz = new double[n];
        nx = new double[n];
        ny = new double[n];
        nz = new double[n];
        area = new double[n];
        ux = new double[n];
        uy = new double[n];
        uz = new double[n];
        vx = new double[n];
        vy = new double[n];
        vz = new double[n];
        for (int i = 0; i < count; i++) {
            if (kind[i] == OBJECT) continue;
            // Fixed in the world: the cells are where they will stay, and the bound is their centroid's.
            double sx = 0, sy = 0, sz = 0;
            for (int k = first[i]; k < first[i] + cells[i]; k++) {
                copy(k, local, STRIDE * k);
                sx += cx[k];
                sy += cy[k];
                sz += cz[k];
            }
            bx[i] = sx / cells[i];
            by[i] = sy / cells[i];
            bz[i] = sz / cells[i];
        }
        update(g);
    }

    /** Moves the glowing objects' cells to their poses of the frame (those in {@code g}). */
    void update(Geometry g) {
        double[] m = g.rotation;
        for (int i = 0; i < count; i++) {
            if (kind[i] != OBJECT) continue;
            int o = object[i], r = 9 * o;
            bx[i] = g.cx[o];
            by[i] = g.cy[o];
            bz[i] = g.cz[o];
            for (int k = first[i]; k < first[i] + cells[i]; k++) {
                int b = STRIDE * k;
                double[] c = local;
                cx[k] = g.cx[o] + m[r] * c[b] + m[r + 1] * c[b + 1] + m[r + 2] * c[b + 2];
                cy[k] = g.cy[o] + m[r + 3] * c[b] + m[r + 4] * c[b + 1] + m[r + 5] * c[b + 2];
                cz[k] = g.cz[o] + m[r + 6] * c[b] + m[r + 7] * c[b + 1] + m[r + 8] * c[b + 2];
                nx[k] = m[r] * c[b + 3] + m[r + 1] * c[b + 4] + m[r + 2] * c[b + 5];
                ny[k] = m[r + 3] * c[b + 3] + m[r + 4] * c[b + 4] + m[r + 5] * c[b + 5];
                nz[k] = m[r + 6] * c[b + 3] + m[r + 7] * c[b + 4] + m[r + 8] * c[b + 5];
                area[k] = c[b + 6];
                ux[k] = m[r] * c[b + 7] + m[r + 1] * c[b + 8] + m[r + 2] * c[b + 9];
                uy[k] = m[r + 3] * c[b + 7] + m[r + 4] * c[b + 8] + m[r + 5] * c[b + 9];
                uz[k] = m[r + 6] * c[b + 7] + m[r + 7] * c[b + 8] + m[r + 8] * c[b + 9];
                vx[k] = m[r] * c[b + 10] + m[r + 1] * c[b + 11] + m[r + 2] * c[b + 12];
                vy[k] = m[r + 3] * c[b + 10] + m[r + 4] * c[b + 11] + m[r + 5] * c[b + 12];
                vz[k] = m[r + 6] * c[b + 10] + m[r + 7] * c[b + 11] + m[r + 8] * c[b + 12];
            }
        }
    }

    private void copy(int k, double[] c, int b) {
        cx[k] = c[b];
        cy[k] = c[b + 1];
        cz[k] = c[b + 2];
        nx[k] = c[b + 3];
        ny[k] = c[b + 4];
        nz[k] = c[b + 5];
        area[k] = c[b + 6];
        ux[k] = c[b + 7];
        uy[k] = c[b + 8];
        uz[k] = c[b + 9];
        vx[k] = c[b + 10];
        vy[k] = c[b + 11];
        vz[k] = c[b + 12];
    }

    /** Total surface area of an object, m^2 (what its cells add up to). */
    static double surfaceArea(SceneObject o) {
        List<double[]> cells = new ArrayList<>();
        shapeCells(o.shape(), o.size(), o.asset(), cells);
        double a = 0;
        for (double[] c : cells) a += c[6];
        return a;
    }

    private static void objectCells(Geometry g, int i, List<double[]> out) {
        switch (g.shape[i]) {
            case Geometry.BALL -> ballCells(g.radius[i], out);
            case Geometry.BOX -> boxCells(g.halfX[i], g.halfY[i], g.halfZ[i], out);
            case Geometry.CYLINDER -> cylinderCells(g.radius[i], g.halfY[i], out);
            default -> meshCells(g.mesh[i].mesh, out);
        }
    }

    private static void shapeCells(dev.diorama.scene.Shape shape, dev.diorama.scene.Vec3 s, String asset, List<double[]> out) {
        switch (shape) {
            case BALL -> ballCells(s.x() / 2, out);
            case CUBE, PLANK, DOMINO, BRICK -> boxCells(s.x() / 2, s.y() / 2, s.z() / 2, out);
            case CYLINDER -> cylinderCells(s.x() / 2, s.y() / 2, out);
            default -> meshCells(ShapeMeshes.of(shape, s, asset).mesh, out);
        }
    }

    /** A cell: centre c, normal n, area a, and half-extent vectors u and v spanning it. */
    private static double[] cell(double x, double y, double z, double nx, double ny, double nz, double a,
                                 double ux, double uy, double uz, double vx, double vy, double vz) {
        return new double[] {x, y, z, nx, ny, nz, a, ux, uy, uz, vx, vy, vz};
    }

    /** A cell of area a on a curved surface: a square of side sqrt(a) in the tangent plane. */
    private static double[] tangentCell(double x, double y, double z, double nx, double ny, double nz, double a) {
        double sign = Math.copySign(1, nz), p = -1 / (sign + nz), q = nx * ny * p;
        double h = Math.sqrt(a) / 2;
        return cell(x, y, z, nx, ny, nz, a, h * (1 + sign * nx * nx * p), h * sign * q, h * -sign * nx,
                h * q, h * (sign + ny * ny * p), h * -ny);
    }

    static void ballCells(double r, List<double[]> out) {
        int n = 64;
        double a = 4 * Math.PI * r * r / n, golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < n; k++) {
            double y = 1 - 2 * (k + 0.5) / n, s = Math.sqrt(1 - y * y), phi = golden * k;
            double x = s * Math.cos(phi), z = s * Math.sin(phi);
            out.add(tangentCell(r * x, r * y, r * z, x, y, z, a));
        }
    }

    static void boxCells(double hx, double hy, double hz, List<double[]> out) {
        double[] h = {hx, hy, hz};
        int g = 3;
        for (int axis = 0; axis < 3; axis++) {
            int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
            double cellArea = (2 * h[a1] / g) * (2 * h[a2] / g);
            for (int sgn = -1; sgn <= 1; sgn += 2) {
                for (int i = 0; i < g; i++) {
                    for (int j = 0; j < g; j++) {
                        double[] p = new double[3], nrm = new double[3], u = new double[3], v = new double[3];
                        p[axis] = sgn * h[axis];
                        p[a1] = -h[a1] + (2 * i + 1) * h[a1] / g;
                        p[a2] = -h[a2] + (2 * j + 1) * h[a2] / g;
                        nrm[axis] = sgn;
                        u[a1] = h[a1] / g;
                        v[a2] = h[a2] / g;
                        out.add(cell(p[0], p[1], p[2], nrm[0], nrm[1], nrm[2], cellArea, u[0], u[1], u[2], v[0], v[1], v[2]));
                    }
                }
            }
        }
    }

    static void cylinderCells(double r, double hy, List<double[]> out) {
        int around = 16, up = 2;
        double a = 2 * Math.PI * r * 2 * hy / (around * up);
        for (int i = 0; i < around; i++) {
            double phi = 2 * Math.PI * (i + 0.5) / around, c = Math.cos(phi), s = Math.sin(phi);
            for (int j = 0; j < up; j++) {
                double y = -hy + (2 * j + 1) * hy / up;
                double half = Math.PI * r / around;
                out.add(cell(r * c, y, r * s, c, 0, s, a, -s * half, 0, c * half, 0, hy / up, 0));
            }
        }
        for (int sgn = -1; sgn <= 1; sgn += 2) diskCells(0, sgn * hy, 0, r, sgn, 1, 8, out);
    }

    /**
     * A disk of radius r centred at (x, y, z) in a horizontal plane, facing up (ny 1) or down (ny -1):
     * {@code rings} rings of {@code sectors} cells of equal area.
     */
    static void diskCells(double x, double y, double z, double r, double ny, int rings, int sectors, List<double[]> out) {
        double a = Math.PI * r * r / (rings * sectors);
        for (int i = 0; i < rings; i++) {
            double r0 = r * Math.sqrt((double) i / rings), r1 = r * Math.sqrt((double) (i + 1) / rings);
            double dPhi = 2 * Math.PI / sectors;
            // The centroid of an annular sector.
            double rc = 2.0 / 3 * (r1 * r1 * r1 - r0 * r0 * r0) / (r1 * r1 - r0 * r0) * Math.sin(dPhi / 2) / (dPhi / 2);
            double rm = (r0 + r1) / 2;
            for (int j = 0; j < sectors; j++) {
                double phi = (j + 0.5) * dPhi + (i % 2) * dPhi / 2, c = Math.cos(phi), s = Math.sin(phi);
                out.add(cell(x + rc * c, y, z + rc * s, 0, ny, 0, a, c * (r1 - r0) / 2, 0, s * (r1 - r0) / 2,
                        -s * rm * dPhi / 2, 0, c * rm * dPhi / 2));
            }
        }
    }

    static void ceilingCells(double x, double y, double z, double r, List<double[]> out) {
        diskCells(x, y, z, r, -1, 2, 8, out);
    }

    /** A window's cells: a grid over the opening, facing into the room. */
    static void windowCells(Room room, Window w, List<double[]> out) {
        double[] o = Lighting.outward(w.wall());
        double hw = room.size().x() / 2, hd = room.size().z() / 2;
        // The wall's plane, and the horizontal direction along it.
        double px = o[0] * hw, pz = o[2] * hd;
        boolean ns = w.wall() == Window.Wall.NORTH || w.wall() == Window.Wall.SOUTH;
        double ax = ns ? 1 : 0, az = ns ? 0 : 1;
        int nu = (int) Math.max(2, Math.min(8, Math.round(4 * Math.sqrt(w.width() / w.height()))));
        int nv = (int) Math.max(2, Math.min(8, Math.round(16.0 / nu)));
        double du = w.width() / nu, dv = w.height() / nv, a = du * dv;
        for (int i = 0; i < nu; i++) {
            double s = w.along() - w.width() / 2 + (i + 0.5) * du;
            for (int j = 0; j < nv; j++) {
                double y = w.up() - w.height() / 2 + (j + 0.5) * dv;
                double x = ns ? s : px, z = ns ? pz : s;
                out.add(cell(x, y, z, -o[0], 0, -o[2], a, ax * du / 2, 0, az * du / 2, 0, dv / 2, 0));
            }
        }
    }

    /** 64 points at equal steps of the mesh's cumulative area, each at its triangle's centroid. */
    static void meshCells(TriangleMesh mesh, List<double[]> out) {
        int n = mesh.triangleCount();
        float[] p = mesh.positions(), nn = mesh.normals();
        int[] idx = mesh.indices();
        double[] cumulative = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++) {
            int a = 3 * idx[3 * t], b = 3 * idx[3 * t + 1], c = 3 * idx[3 * t + 2];
            double e1x = p[b] - p[a], e1y = p[b + 1] - p[a + 1], e1z = p[b + 2] - p[a + 2];
            double e2x = p[c] - p[a], e2y = p[c + 1] - p[a + 1], e2z = p[c + 2] - p[a + 2];
            double cx = e1y * e2z - e1z * e2y, cy = e1z * e2x - e1x * e2z, cz = e1x * e2y - e1y * e2x;
            total += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
            cumulative[t] = total;
        }
        int samples = 64;
        for (int k = 0; k < samples; k++) {
            double target = (k + 0.5) / samples * total;
            int lo = 0, hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < target) lo = mid + 1;
                else hi = mid;
            }
            int a = 3 * idx[3 * lo], b = 3 * idx[3 * lo + 1], c = 3 * idx[3 * lo + 2];
            double x = (p[a] + p[b] + p[c]) / 3, y = (p[a + 1] + p[b + 1] + p[c + 1]) / 3, z = (p[a + 2] + p[b + 2] + p[c + 2]) / 3;
            double mx = nn[a] + nn[b] + nn[c], my = nn[a + 1] + nn[b + 1] + nn[c + 1], mz = nn[a + 2] + nn[b + 2] + nn[c + 2];
            double l = Math.sqrt(mx * mx + my * my + mz * mz);
            if (l < 1e-12) {
                mx = 0;
                my = 1;
                mz = 0;
                l = 1;
            }
            out.add(tangentCell(x, y, z, mx / l, my / l, mz / l, total / samples));
        }
    }
}
