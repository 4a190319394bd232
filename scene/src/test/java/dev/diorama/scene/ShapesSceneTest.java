package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The new shapes' geometry, fixed objects, assets and joints in the spec and its JSON. */
class ShapesSceneTest {
    static double frustum(double r1, double r2, double h) {
        return Math.PI * h / 3 * (r1 * r1 + r1 * r2 + r2 * r2);
    }

    @Test
    void aCupsMaterialIsItsOuterFrustumLessItsInnerOne() {
        // The cup's profile: outer wall from r = 0.82 R at the bottom to R at the top; inside, from
        // 0.74 R at 6 % of the height to 0.92 R at the top.
        double d = 0.08, h = 0.1, r = d / 2;
        double expected = frustum(0.82 * r, r, h) - frustum(0.74 * r, 0.92 * r, 0.94 * h);
        assertEquals(expected, Solids.volume(Shape.CUP, new Vec3(d, h, d), null), 1e-12 * expected);
    }

    /**
     * A bowling pin is its contour turned: its volume and the height of its centre of mass are the
     * sums over the frustums between its stations (computed here from the frustum's own formulas,
     * not the quadrature), and as a solid of maple its centre of mass lies where the USBC asks it,
     * 5 40/64 to 5 60/64 in above the base.
     */
    @Test
    void aBowlingPinIsItsContourTurnedWithItsCentreOfMassWhereTheRulesAskIt() {
        Vec3 s = Shape.PIN.proportions(15 * 0.0254);
        assertEquals(4.766 * 0.0254, s.x(), 1e-12);
        double r = s.x() / 2, h = s.y(), v = 0, moment = 0;
        double[][] st = Solids.turned(Shape.PIN);
        assertEquals(0, st[0][0]);
        for (int k = 1; k + 1 < st.length; k++) {
            double r1 = st[k][0] * r, r2 = st[k + 1][0] * r, y = st[k][1] * h, dy = (st[k + 1][1] - st[k][1]) * h;
            double dv = frustum(r1, r2, dy);
            // a frustum's centroid above its lower face
            double yc = dy * (r1 * r1 + 2 * r1 * r2 + 3 * r2 * r2) / (4 * (r1 * r1 + r1 * r2 + r2 * r2));
            v += dv;
            moment += dv * (y + yc);
        }
        assertEquals(v, Solids.volume(Shape.PIN, s, null), 1e-12 * v);
        double cg = Solids.centreOfMass(Shape.PIN, s).y() + h / 2;
        assertEquals(moment / v, cg, 1e-9);
        assertTrue(cg >= (5 + 40.0 / 64) * 0.0254 && cg <= (5 + 60.0 / 64) * 0.0254, "centre of mass " + cg / 0.0254 + " in up");
        // No cavity: a pin holds nothing.
        assertFalse(Shape.PIN.hollow());
        assertEquals(0, Solids.cavityDepth(Shape.PIN, s));
        // Its radius at its belly (4.5 in up) and its neck (10 in up), as the contour gives them.
        assertEquals(4.766 / 2 * 0.0254, Solids.turnedRadius(Shape.PIN, s, 4.5 * 0.0254), 1e-12);
        assertEquals(1.797 / 2 * 0.0254, Solids.turnedRadius(Shape.PIN, s, 10 * 0.0254), 1e-12);
    }

    /**
     * A 9 ft pool table: 100 x 50 in of cloth inside its rails, the cushions' tops 36 mm (63.5 % of
     * a pool ball) above the cloth, the rails' tops 29 1/4 to 31 in above the floor; its boxes do not
     * overlap (their volumes add to the whole's).
     */
    @Test
    void aPoolTableHasTheRegulationPlayingSurfaceAndCushions() {
        Vec3 s = Shape.POOL_TABLE.proportions(2.74);
        double[] bed = Solids.poolTable(s);
        assertEquals(100 * 0.0254, bed[1] - bed[0], 0.005);
        assertEquals(50 * 0.0254, bed[3] - bed[2], 0.005);
        assertEquals(0.036, s.y() / 2 - bed[4], 1e-9);
        assertTrue(s.y() >= 29.25 * 0.0254 && s.y() <= 31 * 0.0254, "rail height " + s.y());
        double sum = 0, top = Double.NEGATIVE_INFINITY;
        List<Solids.Box> boxes = Solids.boxes(Shape.POOL_TABLE, s);
        for (Solids.Box b : boxes) {
            sum += b.volume();
            top = Math.max(top, b.centre().y() + b.half().y());
            for (Solids.Box c : boxes) {
                if (b == c) continue;
                double ox = Math.min(b.centre().x() + b.half().x(), c.centre().x() + c.half().x()) - Math.max(b.centre().x() - b.half().x(), c.centre().x() - c.half().x());
                double oy = Math.min(b.centre().y() + b.half().y(), c.centre().y() + c.half().y()) - Math.max(b.centre().y() - b.half().y(), c.centre().y() - c.half().y());
                double oz = Math.min(b.centre().z() + b.half().z(), c.centre().z() + c.half().z()) - Math.max(b.centre().z() - b.half().z(), c.centre().z() - c.half().z());
                assertFalse(ox > 1e-12 && oy > 1e-12 && oz > 1e-12, "boxes overlap: " + b + " " + c);
            }
        }
        assertEquals(sum, Solids.volume(Shape.POOL_TABLE, s, null), 1e-12);
        assertEquals(s.y() / 2, top, 1e-12, "the rails are the top");
    }

    @Test
    void volumesAndCentresOfMassFollowTheFormulas() {
        Vec3 s = new Vec3(0.3, 0.4, 0.3);
        assertEquals(Math.PI / 12 * 0.09 * 0.4, Solids.volume(Shape.CONE, s, null), 1e-15);
        assertEquals(0.3 * 0.4 * 0.3 / 3, Solids.volume(Shape.PYRAMID, s, null), 1e-15);
        assertEquals(0.3 * 0.4 * 0.3 / 2, Solids.volume(Shape.WEDGE, s, null), 1e-15);
        assertEquals(-0.1, Solids.centreOfMass(Shape.CONE, s).y(), 1e-15);
        assertEquals(-0.05, Solids.centreOfMass(Shape.WEDGE, s).x(), 1e-15);
        // A solid of revolution given as a vessel of zero inner radius is a cylinder: check the
        // quadrature against it through the stairs' boxes instead, whose steps add up to a staircase.
        Vec3 st = new Vec3(1.0, 0.54, 0.8);
        int n = Solids.stairSteps(st);
        assertEquals(3, n);
        assertEquals(0.8 * (1.0 / n) * (0.54 / n) * n * (n + 1) / 2.0, Solids.volume(Shape.STAIRS, st, null), 1e-12);
        // The boxes of a compound never overlap: the table's volume is the top plus four legs.
        Vec3 t = new Vec3(1.2, 0.75, 0.8);
        double top = 0.06 * 0.75, leg = 0.06 * 0.8;
        assertEquals(1.2 * 0.8 * top + 4 * leg * leg * (0.75 - top), Solids.volume(Shape.TABLE, t, null), 1e-12);
    }

    @Test
    void aBowlsInertiaMatchesAThinHemisphericalShellNearly() {
        // A bowl whose wall is thin is close to a hemispherical shell: I about the axis = 2/3 m R^2.
        Vec3 s = new Vec3(0.2, 0.1, 0.2);
        double v = Solids.volume(Shape.BOWL, s, null);
        double iy = Solids.inertia(Shape.BOWL, s, null).y();
        double ratio = iy / (v * 0.1 * 0.1);
        assertTrue(ratio > 0.55 && ratio < 0.67, "I_axis / (m R^2) = " + ratio + ", a shell's is 2/3");
        assertTrue(Solids.centreOfMass(Shape.BOWL, s).y() < 0, "a bowl's mass sits low");
    }

    static final String SCENE = """
            {"seconds": 2, "objects": [
              {"id": "ramp", "shape": "wedge", "material": "wood", "size": [2, 0.5, 1], "position": [0, 0.25, 0], "fixed": true},
              {"id": "bob", "shape": "ball", "material": "steel", "size": 0.05, "position": [0, 1, 0]},
              {"id": "model", "shape": "mesh", "material": "plastic", "size": 0.3, "position": [1, 0.15, 0], "asset": "my_sneaker.glb"}
            ],
            "joints": [{"kind": "pivot", "a": "bob", "anchor": [0, 2, 0]},
                       {"kind": "hinge", "a": "model", "b": "bob", "anchor": [1, 0.3, 0], "axis": [0, 0, 2]}]}
            """;

    @Test
    void fixedObjectsAssetsAndJointsReadAndWriteBack() {
        Scene s = SceneJson.read(SCENE);
        assertTrue(s.object("ramp").fixed());
        assertFalse(s.object("bob").fixed());
        assertEquals("my_sneaker.glb", s.object("model").asset());
        assertEquals(2, s.joints().size());
        assertEquals(new Vec3(0, 0, 1), ((Joint.Hinge) s.joints().get(1)).axis());
        String json = SceneJson.write(s);
        assertEquals(json, SceneJson.write(SceneJson.read(json)), "writes what it reads");
        assertEquals(s, SceneJson.read(json));
    }

    @Test
    void aSceneWithoutTheNewFieldsWritesNoneOfThem() {
        Scene s = SceneJson.read("""
                {"objects": [{"id": "b", "shape": "ball", "material": "rubber", "size": 0.2, "position": [0, 1, 0]}]}""");
        String json = SceneJson.write(s);
        assertFalse(json.contains("fixed") || json.contains("asset") || json.contains("joints"), json);
    }

    @Test
    void mistakesNameTheirPointer() {
        assertEquals("/joints/0/a", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace("\"a\": \"bob\"", "\"a\": \"nobody\""))).pointer());
        assertEquals("/joints/1/axis", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace("[0, 0, 2]", "[0, 0, 0]"))).pointer());
        assertEquals("/joints/0/kind", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace("\"pivot\"", "\"rope\""))).pointer());
        assertEquals("/objects/0/fixed", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace("\"fixed\": true", "\"fixed\": \"yes\""))).pointer());
        assertEquals("/objects/2/asset", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace(", \"asset\": \"my_sneaker.glb\"", ""))).pointer());
        assertEquals("/objects/0/asset", assertThrows(SceneException.class, () -> SceneJson.read(
                SCENE.replace("\"fixed\": true", "\"asset\": \"x.obj\""))).pointer());
        SceneException e = assertThrows(SceneException.class, () -> new SceneObject("bowl", Shape.BOWL, Material.STONE,
                null, new Vec3(0.2, 0.1, 0.3), new Vec3(0, 0.05, 0), null, null));
        assertEquals("/size", e.pointer());
    }

    @Test
    void removingAnObjectRemovesItsJoints() {
        Scene s = SceneJson.read(SCENE);
        Scene less = s.withObjects(List.of(s.object("ramp"), s.object("bob")));
        assertEquals(1, less.joints().size());
    }

    /**
     * A toy boat's hull is a convex polyhedron: its faces close and turn outward, and its volume,
     * centre of mass and moments come from the divergence theorem over them. That routine gives the
     * wedge's and the pyramid's closed forms exactly, and the boat's numbers match a count of the
     * points of a fine grid that lie inside every face's plane; its volume below the deck by slices
     * is its volume.
     */
    @Test
    void aBoatsHullIsAClosedConvexPolyhedronWithItsMassProperties() {
        Vec3 s = new Vec3(0.3, 0.4, 0.5);
        for (Shape shape : new Shape[] {Shape.WEDGE, Shape.PYRAMID}) {
            double[] q = Solids.polyhedron(Solids.hull(shape, s), Solids.faces(shape, s));
            double v = Solids.volume(shape, s, null);
            assertEquals(v, q[0], 1e-15, shape + " volume");
            Vec3 c = Solids.centreOfMass(shape, s);
            assertEquals(c.x(), q[1], 1e-15, shape + " centre x");
            assertEquals(c.y(), q[2], 1e-15, shape + " centre y");
            Vec3 i = Solids.inertia(shape, s, null);
            assertEquals(i.x(), q[4], 1e-15, shape + " Ixx");
            assertEquals(i.y(), q[5], 1e-15, shape + " Iyy");
            assertEquals(i.z(), q[6], 1e-15, shape + " Izz");
        }
        Vec3 b = Shape.BOAT.proportions(0.3);
        List<Vec3> p = Solids.hull(Shape.BOAT, b);
        List<int[]> faces = Solids.faces(Shape.BOAT, b);
        // Closed and outward: the faces' area vectors sum to zero, and each points away from the middle.
        Vec3 sum = Vec3.ZERO;
        for (int[] f : faces) {
            for (int k = 1; k + 1 < f.length; k++) {
                Vec3 n = p.get(f[k]).minus(p.get(f[0])).cross(p.get(f[k + 1]).minus(p.get(f[0])));
                sum = sum.plus(n);
                assertTrue(n.dot(p.get(f[0])) > 0, "outward");
            }
        }
        assertEquals(0, sum.length(), 1e-15);
        // A grid of 120 x 30 x 50 cells' centres: those inside every face's plane.
        int nx = 120, ny = 30, nz = 50, in = 0;
        double mx = 0, my = 0, ixx = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int k = 0; k < nz; k++) {
                    Vec3 x = new Vec3((i + 0.5) / nx - 0.5, (j + 0.5) / ny - 0.5, (k + 0.5) / nz - 0.5);
                    x = new Vec3(x.x() * b.x(), x.y() * b.y(), x.z() * b.z());
                    boolean inside = true;
                    for (int[] f : faces) {
                        Vec3 n = p.get(f[1]).minus(p.get(f[0])).cross(p.get(f[2]).minus(p.get(f[0])));
                        inside &= n.dot(x.minus(p.get(f[0]))) <= 0;
                    }
                    if (!inside) continue;
                    in++;
                    mx += x.x();
                    my += x.y();
                    ixx += x.y() * x.y() + x.z() * x.z();
                }
            }
        }
        double cell = b.x() * b.y() * b.z() / (nx * ny * nz), volume = Solids.volume(Shape.BOAT, b, null);
        assertEquals(in * cell, volume, 0.01 * volume, "volume");
        Vec3 c = Solids.centreOfMass(Shape.BOAT, b);
        assertEquals(mx / in, c.x(), 0.002 * b.x(), "centre of mass x");
        assertEquals(my / in, c.y(), 0.002 * b.y(), "centre of mass y");
        assertTrue(c.y() > 0 && c.x() < 0, "above the middle (the deck is wider than the bottom) and aft (the bow is pointed): " + c);
        double iOrigin = Solids.inertia(Shape.BOAT, b, null).x() + volume * c.y() * c.y();
        assertEquals(ixx * cell, iOrigin, 0.02 * iOrigin, "Ixx");
        assertEquals(volume, Solids.boatVolumeBelow(b, b.y()), 1e-5 * volume, "by slices");
        assertTrue(Solids.boatVolumeBelow(b, b.y() / 2) < volume / 2, "narrower below");
    }
}
