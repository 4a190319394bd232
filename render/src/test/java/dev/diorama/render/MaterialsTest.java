package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Rgb;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The physics of the materials: Fresnel for conductors and dielectrics, the GGX lobe, Snell, Beer and Lambert. */
class MaterialsTest {
    @Test
    void conductorFresnelAtNormalIncidenceIsTheTextbookFormula() {
        double[][] nk = {{0.18299, 3.4242}, {0.27105, 3.6092}, {1.6574, 9.2239}, {2.9114, 3.0893}, {1.5, 0}};
        for (double[] m : nk) {
            double n = m[0], k = m[1];
            double expected = ((n - 1) * (n - 1) + k * k) / ((n + 1) * (n + 1) + k * k);
            assertEquals(expected, Optics.fresnelConductor(1, n, k), 1e-12, "n " + n + ", k " + k);
            assertEquals(1, Optics.fresnelConductor(0, n, k), 1e-12, "grazing incidence reflects everything");
        }
        // With k = 0 the conductor formula is the dielectric one at every angle.
        for (double cos = 0.05; cos <= 1; cos += 0.05) {
            assertEquals(Optics.fresnelDielectric(cos, 1.5), Optics.fresnelConductor(cos, 1.5, 0), 1e-12);
        }
    }

    @Test
    void goldIsYellowAndCopperRedByTheirOpticalConstantsAlone() {
        MaterialOptics gold = new MaterialOptics(new double[] {0.18299, 0.42108, 1.37340},
                new double[] {3.42420, 2.34590, 1.77040}, 0.1, SolidTexture.NONE, 0);
        // Measured normal reflectances of gold at 650, 550, 450 nm: about 0.95, 0.75 (a knee), 0.40.
        assertEquals(0.944, gold.normalReflectance(0), 0.01);
        assertTrue(gold.normalReflectance(1) < 0.85 && gold.normalReflectance(1) > 0.6);
        assertTrue(gold.normalReflectance(2) < 0.45);
        // A metal of unknown constants: k at n = 1 reproduces its colour head on.
        for (double r : new double[] {0.05, 0.5, 0.9}) {
            assertEquals(r, Optics.fresnelConductor(1, 1, MaterialOptics.extinctionFor(r)), 1e-12);
        }
    }

    @Test
    void dielectricFresnelIsReciprocalAndReflectsTotallyBeyondTheCriticalAngle() {
        assertEquals(0.04, Optics.fresnelDielectric(1, 1.5), 1e-12);
        // Stokes: light crossing the same interface either way at Snell-related angles reflects alike.
        for (double deg = 0; deg < 89; deg += 4) {
            double cosI = Math.cos(Math.toRadians(deg));
            double sinT = Math.sin(Math.toRadians(deg)) / 1.5, cosT = Math.sqrt(1 - sinT * sinT);
            assertEquals(Optics.fresnelDielectric(cosI, 1.5), Optics.fresnelDielectric(cosT, 1 / 1.5), 1e-12);
        }
        double critical = Math.asin(1 / 1.5);
        assertEquals(1, Optics.fresnelDielectric(Math.cos(critical + 0.01), 1 / 1.5), 0);
        assertTrue(Optics.fresnelDielectric(Math.cos(critical - 0.01), 1 / 1.5) < 1);
        // Brewster's angle: p-polarised light is not reflected, so the mean is half of s alone.
        double brewster = Math.atan(1.5), c = Math.cos(brewster), st = Math.sin(brewster) / 1.5;
        double ct = Math.sqrt(1 - st * st), rs = (c - 1.5 * ct) / (c + 1.5 * ct);
        assertEquals(0.5 * rs * rs, Optics.fresnelDielectric(c, 1.5), 1e-12);
    }

    @Test
    void theGgxLobeLosesNoEnergyItShouldKeep() {
        // White furnace of the specular term alone (F = 1): the directional albedo, the integral of
        // D V (n . l) over the light's hemisphere, is at most 1, near 1 for smooth surfaces (rough
        // ones lose the light that bounces more than once between microfacets), and equals the
        // same integral of Heitz's height-correlated Smith G2 written from its definition.
        for (double alpha : new double[] {0.05, 0.2, 0.5}) {
            for (double cosV : new double[] {1, 0.5}) {
                double sinV = Math.sqrt(1 - cosV * cosV), sum = 0, exact = 0;
                int nTheta = 1500, nPhi = 360;
                for (int i = 0; i < nTheta; i++) {
                    // Finer near the mirror direction: theta = (pi / 2) u^2.
                    double u0 = (double) i / nTheta, u1 = (i + 1.0) / nTheta;
                    double th = Math.PI / 2 * (0.5 * (u0 + u1)) * (0.5 * (u0 + u1));
                    double dth = Math.PI / 2 * (u1 * u1 - u0 * u0);
                    for (int j = 0; j < nPhi; j++) {
                        double ph = (j + 0.5) * 2 * Math.PI / nPhi;
                        double lx = Math.sin(th) * Math.cos(ph), ly = Math.sin(th) * Math.sin(ph), lz = Math.cos(th);
                        // Reflect about the mirror direction of v = (-sinV, 0, cosV): l is measured from r.
                        double rx = sinV, rz = cosV;
                        // Rotate l so that its pole is r (rotation about y).
                        double wx = lx * rz + lz * rx, wy = ly, wz = -lx * rx + lz * rz;
                        if (wz <= 0) continue;
                        double hx = wx - sinV, hy = wy, hz = wz + cosV, len = Math.sqrt(hx * hx + hy * hy + hz * hz);
                        double dw = Math.sin(th) * dth * 2 * Math.PI / nPhi;
                        sum += Optics.ggx(hz / len, wz, cosV, alpha) * wz * dw;
                        // The reference: D by its definition, G2 from Smith's Lambda.
                        double a2 = alpha * alpha, c = hz / len, q = c * c * (a2 - 1) + 1;
                        double dist = a2 / (Math.PI * q * q);
                        double g2 = 1 / (1 + lambda(wz, alpha) + lambda(cosV, alpha));
                        exact += dist * g2 / (4 * wz * cosV) * wz * dw;
                    }
                }
                assertTrue(sum <= 1.002, "alpha " + alpha + ", cos " + cosV + ": " + sum);
                assertEquals(exact, sum, 2e-3, "alpha " + alpha + ", cos " + cosV);
            }
        }
    }

    /** Smith's Lambda for GGX at a direction of cosine c to the normal. */
    private static double lambda(double c, double alpha) {
        double tan2 = (1 - c * c) / (c * c);
        return (Math.sqrt(1 + alpha * alpha * tan2) - 1) / 2;
    }

    /** A thin dark pole behind a tilted glass slab, seen through it. */
    @Test
    void aGlassSlabShiftsALineAsSnellsLawPredicts() {
        int w = 640, h = 160;
        double tilt = Math.toRadians(40), thickness = 0.1, ior = Material.GLASS.ior;
        Quat turn = new Quat(0, Math.sin(tilt / 2), 0, Math.cos(tilt / 2));
        SceneObject slab = new SceneObject("slab", Shape.PLANK, Material.GLASS, new Rgb(1, 1, 1),
                new Vec3(1.2, 1.0, thickness), new Vec3(0, 0.5, -1), turn, null);
        SceneObject pole = new SceneObject("pole", Shape.CYLINDER, Material.RUBBER, null,
                new Vec3(0.02, 1.2, 0.02), new Vec3(0, 0.6, 1), Quat.IDENTITY, null);
        Camera cam = new Camera(new Vec3(0, 0.5, -3), new Vec3(0, 0.5, 0), 30);
        Scene scene = TestScenes.paris(w, h, LocalTime.of(13, 0), cam, List.of(slab, pole));
        byte[] picture = TestScenes.render(scene, 2);
        int row = h / 2;
        // The pole is the darkest thing on the row: its image centre is the darkness-weighted centroid.
        double[] lum = new double[w];
        double max = 0;
        for (int x = 0; x < w; x++) {
            lum[x] = TestScenes.luminance(TestScenes.linear(picture, w, x, row));
            max = Math.max(max, lum[x]);
        }
        double sum = 0, weighted = 0;
        for (int x = 0; x < w; x++) {
            double dark = Math.max(0, 0.5 * max - lum[x]);
            sum += dark;
            weighted += dark * (x + 0.5);
        }
        assertTrue(sum > 0, "the pole is seen");
        double column = weighted / sum;
        PinholeCamera camera = new PinholeCamera(cam, w, h);
        double[] d = new double[3];
        camera.direction(column, row + 0.5, d);
        // By hand: the slab's faces are the planes n . (p - c) = +-t/2 with n = (sin 40, 0, cos 40).
        double nx = Math.sin(tilt), nz = Math.cos(tilt);
        double ox = camera.eyeX, oz = camera.eyeZ, cz = -1;
        double dx = d[0] / Math.hypot(d[0], d[2]), dz = d[2] / Math.hypot(d[0], d[2]);  // level ray
        double dn = dx * nx + dz * nz;
        double tIn = (-thickness / 2 - (ox * nx + (oz - cz) * nz)) / dn;
        double px = ox + tIn * dx, pz = oz + tIn * dz;
        // Snell in angles: sin(theta_t) = sin(theta_i) / n; the ray turns toward the normal.
        double thetaI = Math.acos(dn), thetaT = Math.asin(Math.sin(thetaI) / ior);
        double side = Math.signum(dx * nz - dz * nx);  // which side of the normal the ray lies
        double ix = Math.sin(thetaT) * side * nz + Math.cos(thetaT) * nx;
        double iz = -Math.sin(thetaT) * side * nx + Math.cos(thetaT) * nz;
        double tOut = thickness / Math.cos(thetaT);
        double qx = px + tOut * ix, qz = pz + tOut * iz;
        // Out again parallel to the incoming ray, displaced; where does it cross the pole's plane z = 1?
        double atPole = qx + (1 - qz) * dx / dz;
        double straight = ox + (1 - oz) * dx / dz;
        double shift = thickness * Math.sin(thetaI - thetaT) / Math.cos(thetaT);
        assertTrue(shift > 0.02, "the slab displaces a ray by " + shift + " m");
        assertEquals(0, atPole, 0.004, "the refracted ray meets the pole");
        assertTrue(Math.abs(straight) > 0.02, "a straight ray through that pixel would miss the pole: " + straight);
    }

    @Test
    void tintedGlassAbsorbsByBeerAndLambert() {
        double[] trans = new double[2];
        double[] radii = {0.05, 0.15};
        Rgb tint = new Rgb(0.6, 0.85, 0.95);
        double sigma = -Math.log(tint.linear()[0]) / MaterialOptics.of(Material.GLASS).absorptionDistance();
        for (int i = 0; i < 2; i++) {
            double r = radii[i];
            Scene scene = TestScenes.paris(64, 64, LocalTime.of(12, 0),
                    new Camera(new Vec3(0, r, -2), new Vec3(0, r, 0), 20),
                    List.of(new SceneObject("ball", Shape.BALL, Material.GLASS, tint, new Vec3(2 * r, 2 * r, 2 * r),
                            new Vec3(0, r, 0), Quat.IDENTITY, null)));
            Shader shader = shaderFor(scene, 64, 64);
            shader.sample(32, 32);
            Lighting lighting = new Lighting(scene);
            double[] sky = new double[3];
            lighting.sky.radiance(0, 0, 1, sky, 0);
            double[] back = new double[3];
            lighting.sky.radiance(0, 0, -1, back, 0);
            // Head on: 4 percent reflected at the front; (1 - 0.04)^2 of the rest crosses both faces.
            // Light reflected once inside, off the back face, crosses the ball twice and leaves
            // toward the camera from behind it: (1 - 0.04)^2 0.04 T^2 of the sky behind the camera.
            double front = 0.04 * back[0], t = Math.exp(-sigma * 2 * r);
            double inner = 0.96 * 0.96 * 0.04 * t * t * back[0];
            trans[i] = (shader.red - front - inner) / (0.96 * 0.96 * sky[0]);
            assertEquals(t, trans[i], 0.002 * t, "radius " + r);
        }
        // Twice the path, the square of the transmittance.
        assertEquals(Math.exp(-sigma * 2 * (radii[1] - radii[0])), trans[1] / trans[0], 0.01);
    }

    static Shader shaderFor(Scene scene, int w, int h) {
        PinholeCamera camera = new PinholeCamera(scene.camera(), w, h);
        Geometry geometry = new Geometry(scene.objects());
        geometry.update(TestScenes.rest(scene).poses());
        Surfaces surfaces = new Surfaces(scene);
        Lighting lighting = new Lighting(scene);
        Enclosure enclosure = new Enclosure(scene.environment().room(), scene.camera().position(), surfaces);
        Bvh bvh = new Bvh(geometry);
        bvh.rebuild();
        Shader shader = new Shader(geometry, bvh, enclosure, surfaces, lighting, camera, RenderOptions.DEFAULT);
        double[] frustum = new double[12];
        camera.tileFrustum(0, 0, w, h, frustum);
        shader.beginTile(frustum);
        return shader;
    }
}
