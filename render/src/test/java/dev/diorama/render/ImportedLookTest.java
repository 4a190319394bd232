package dev.diorama.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.assets.Texture;
import dev.diorama.scene.Camera;
import dev.diorama.scene.Material;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported model looks like its file: a tile (a thin slab, its front face a quad mapped onto a
 * 2 x 2 checker texture) written here as glTF, seen head on in a uniform white world (a flat light:
 * every direction sends the same radiance L, so the picture owes nothing to where a light stands).
 */
class ImportedLookTest {
    /** The checker's texels, sRGB codes, row by row from the top: red, green / blue, near white. */
    static final int[][] TEXELS = {{230, 40, 40}, {40, 200, 60}, {50, 60, 220}, {240, 240, 240}};
    static final double L = 0.8;

    @Test
    void theCheckerSeenHeadOnHasTheTexelsColoursUnderAFlatLight(@TempDir Path dir) throws Exception {
        // Metalness 0 everywhere: each quarter is a rough dielectric of albedo a under glTF's coat of
        // normal reflectance 0.04, which at roughness 1 reflects 0.04 of the world at every angle:
        // radiance L (0.96 a + 0.04).
        Shader shader = shaderFacing(tile(dir, false));
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                double[] rgb = radianceAt(shader, i, j);
                int[] texel = TEXELS[2 * j + i];
                for (int c = 0; c < 3; c++) {
                    double a = ToneMap.decode(texel[c]);
                    assertEquals(L * (0.96 * a + 0.04), rgb[c], 0.01 * L,
                            "texel (" + i + ", " + j + ") band " + c + ": albedo " + a);
                }
            }
        }
    }

    @Test
    void theMetallicRoughnessTextureMakesOneQuarterMetal(@TempDir Path dir) throws Exception {
        // The metallic-roughness texture's blue channel is 1 on the bottom-right texel only: a metal
        // of roughness 1 whose normal reflectance is its base colour reflects that much of the
        // uniform world and has no diffuse part; the other three stay dielectric.
        Shader shader = shaderFacing(tile(dir, true));
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                double[] rgb = radianceAt(shader, i, j);
                int[] texel = TEXELS[2 * j + i];
                boolean metal = i == 1 && j == 1;
                for (int c = 0; c < 3; c++) {
                    double a = ToneMap.decode(texel[c]);
                    double expected = metal ? L * a : L * (0.96 * a + 0.04);
                    assertEquals(expected, rgb[c], 0.01 * L, "texel (" + i + ", " + j + ") band " + c);
                }
            }
        }
    }

    @Test
    void aFarAwayCheckerIsItsMeanColour() {
        float[] px = new float[16];
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < 3; c++) px[4 * k + c] = (float) ToneMap.decode(TEXELS[k][c]);
            px[4 * k + 3] = 1;
        }
        MeshLook.Mip mip = new MeshLook.Mip(new Texture(2, 2, px, true));
        float[] out = new float[4];
        // Magnified: the nearest texel, crisp.
        mip.sample(0.26, 0.74, 0.01, out);
        assertEquals(px[8], out[0], 1e-6);
        // A footprint of two whole textures: the last level, the mean of the four texels.
        mip.sample(0.26, 0.74, 2, out);
        for (int c = 0; c < 3; c++) {
            double mean = (px[c] + px[4 + c] + px[8 + c] + px[12 + c]) / 4;
            assertEquals(mean, out[c], 1e-6, "band " + c);
        }
    }

    /** The radiance the camera sees at the centre of texel (i, j) of the tile's front face. */
    private static double[] radianceAt(Shader shader, int i, int j) {
        double u = (i + 0.5) / 2, v = (j + 0.5) / 2;
        double x = HALF - 2 * HALF * u, y = CENTRE_Y + HALF - 2 * HALF * v;
        double[] p = camera.project(x, y, -THICK / 2);
        shader.sample(p[0], p[1]);
        assertEquals(0, shader.firstSurface, "the tile is seen at texel (" + i + ", " + j + ")");
        return new double[] {shader.red, shader.green, shader.blue};
    }

    static final double HALF = 0.4, THICK = 0.02, CENTRE_Y = 2;
    private static PinholeCamera camera;

    /** A shader for a camera three metres in front of the tile, in the uniform world of radiance L. */
    private static Shader shaderFacing(Path model) {
        SceneObject tile = new SceneObject("tile", Shape.MESH, Material.PLASTIC, null, new Vec3(2 * HALF, 2 * HALF, THICK),
                new Vec3(0, CENTRE_Y, 0), Quat.IDENTITY, null, true, model.toString());
        Scene scene = TestScenes.paris(96, 96, LocalTime.NOON, new Camera(new Vec3(0, CENTRE_Y, -3), new Vec3(0, CENTRE_Y, 0), 25),
                List.of(tile));
        EnvironmentMap map = new EnvironmentMap(EnvironmentMapTest.uniform(64, 32, 1), 0, L);
        camera = new PinholeCamera(scene.camera(), 96, 96);
        Geometry geometry = new Geometry(scene.objects());
        geometry.update(TestScenes.rest(scene).poses());
        Bvh bvh = new Bvh(geometry);
        bvh.rebuild();
        Surfaces surfaces = new Surfaces(scene);
        Lighting lighting = new Lighting(scene, scene.sun(), Double.NaN, map, false);
        assertTrue(lighting.keyPower[0] == 0 && lighting.keyPower[1] == 0, "a uniform world has no key light");
        Enclosure nothing = new Enclosure(null, scene.camera().position(), surfaces, false);
        Shader shader = new Shader(geometry, bvh, nothing, surfaces, lighting, camera, RenderOptions.DEFAULT);
        double[] frustum = new double[12];
        camera.tileFrustum(0, 0, 96, 96, frustum);
        shader.beginTile(frustum);
        return shader;
    }

    /**
     * Writes the tile as a .gltf with everything embedded: 24 vertices (four per face, each face
     * flat), the front face (z = -THICK / 2, facing -z, toward the camera) mapped onto the whole
     * texture with u growing toward the camera's right (-x) and v downward; the checker as a PNG
     * with nearest magnification; with {@code metalCorner} a metallic-roughness texture as well.
     */
    static Path tile(Path dir, boolean metalCorner) throws Exception {
        double h = HALF, t = THICK / 2;
        // Faces as four corners counter-clockwise seen from outside, with their outward normal.
        double[][][] faces = {
            {{h, h, -t}, {-h, h, -t}, {-h, -h, -t}, {h, -h, -t}, {0, 0, -1}},  // front: uv (0,0) top-left as the camera sees it
            {{-h, h, t}, {h, h, t}, {h, -h, t}, {-h, -h, t}, {0, 0, 1}},
            {{h, h, t}, {h, h, -t}, {h, -h, -t}, {h, -h, t}, {1, 0, 0}},
            {{-h, h, -t}, {-h, h, t}, {-h, -h, t}, {-h, -h, -t}, {-1, 0, 0}},
            {{-h, h, -t}, {h, h, -t}, {h, h, t}, {-h, h, t}, {0, 1, 0}},
            {{-h, -h, t}, {h, -h, t}, {h, -h, -t}, {-h, -h, -t}, {0, -1, 0}},
        };
        ByteBuffer b = ByteBuffer.allocate(24 * 12 + 24 * 12 + 24 * 8 + 36 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double[][] f : faces) for (int k = 0; k < 4; k++) for (double c : f[k]) b.putFloat((float) c);
        for (double[][] f : faces) for (int k = 0; k < 4; k++) for (double c : f[4]) b.putFloat((float) c);
        double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int f = 0; f < 6; f++) {
            for (int k = 0; k < 4; k++) {
                b.putFloat(f == 0 ? (float) corners[k][0] : 0);
                b.putFloat(f == 0 ? (float) corners[k][1] : 0);
            }
        }
        // Counter-clockwise seen from outside: the corners' order above, so (0, 1, 2) and (0, 2, 3).
        // The corners were listed clockwise seen from outside for the front face; check the winding
        // against the normal and flip where needed.
        for (int f = 0; f < 6; f++) {
            double[][] q = faces[f];
            double[] e1 = minus(q[1], q[0]), e2 = minus(q[2], q[0]);
            double[] n = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
            boolean outward = n[0] * q[4][0] + n[1] * q[4][1] + n[2] * q[4][2] > 0;
            int[] tri = outward ? new int[] {0, 1, 2, 0, 2, 3} : new int[] {0, 2, 1, 0, 3, 2};
            for (int k : tri) b.putShort((short) (4 * f + k));
        }
        String buffer = Base64.getEncoder().encodeToString(b.array());
        int[] colour = new int[4], metalRough = new int[4];
        for (int k = 0; k < 4; k++) {
            colour[k] = 0xFF000000 | TEXELS[k][0] << 16 | TEXELS[k][1] << 8 | TEXELS[k][2];
            // Green: roughness 1; blue: metalness (1 on the last texel only).
            metalRough[k] = 0xFF000000 | 255 << 8 | (k == 3 ? 255 : 0);
        }
        String images = "{\"uri\": \"data:image/png;base64," + png(colour) + "\"}"
                + (metalCorner ? ", {\"uri\": \"data:image/png;base64," + png(metalRough) + "\"}" : "");
        String textures = "{\"source\": 0, \"sampler\": 0}" + (metalCorner ? ", {\"source\": 1, \"sampler\": 0}" : "");
        String pbr = "\"baseColorTexture\": {\"index\": 0}, \"metallicFactor\": " + (metalCorner ? 1 : 0)
                + ", \"roughnessFactor\": 1" + (metalCorner ? ", \"metallicRoughnessTexture\": {\"index\": 1}" : "");
        String json = """
            {"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
             "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
             "materials": [{"name": "checker", "pbrMetallicRoughness": {PBR}}],
             "samplers": [{"magFilter": 9728, "minFilter": 9987}],
             "textures": [TEXTURES], "images": [IMAGES],
             "buffers": [{"uri": "data:application/octet-stream;base64,BUFFER", "byteLength": 840}],
             "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 288}, {"buffer": 0, "byteOffset": 288, "byteLength": 288},
                             {"buffer": 0, "byteOffset": 576, "byteLength": 192}, {"buffer": 0, "byteOffset": 768, "byteLength": 72}],
             "accessors": [{"bufferView": 0, "componentType": 5126, "count": 24, "type": "VEC3", "min": [-0.4, -0.4, -0.01], "max": [0.4, 0.4, 0.01]},
                           {"bufferView": 1, "componentType": 5126, "count": 24, "type": "VEC3"},
                           {"bufferView": 2, "componentType": 5126, "count": 24, "type": "VEC2"},
                           {"bufferView": 3, "componentType": 5123, "count": 36, "type": "SCALAR"}]}
            """.replace("PBR", pbr).replace("TEXTURES", textures).replace("IMAGES", images).replace("BUFFER", buffer);
        Path f = dir.resolve(metalCorner ? "tile-metal.gltf" : "tile.gltf");
        Files.writeString(f, json);
        return f;
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    /** A 2 x 2 PNG of the given ARGB pixels, row by row from the top, in base64. */
    private static String png(int[] argb) throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 2, 2, argb, 0, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
