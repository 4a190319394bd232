package dev.diorama.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tetrahedron written by hand as glTF (embedded and binary) and OBJ, read back. */
public class GltfImportTest {
    /** The corner tetrahedron (0,0,0), (1,0,0), (0,1,0), (0,0,1): volume 1/6. */
    public static final float[] CORNERS = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
    public static final short[] FACES = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};

    static byte[] bin() {
        ByteBuffer b = ByteBuffer.allocate(48 + 24).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : CORNERS) b.putFloat(f);
        for (short s : FACES) b.putShort(s);
        return b.array();
    }

    static String json(String bufferUri) {
        return """
            {"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
             "nodes": [{"mesh": 0, "translation": [5, 0, 0], "scale": [2, 2, 2]}],
             "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
             "materials": [{"name": "red", "pbrMetallicRoughness": {"baseColorFactor": [0.8, 0.1, 0.1, 1], "metallicFactor": 0.25, "roughnessFactor": 0.4}}],
             "buffers": [{BUFFER"byteLength": 72}],
             "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 48}, {"buffer": 0, "byteOffset": 48, "byteLength": 24}],
             "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [0,0,0], "max": [1,1,1]},
                           {"bufferView": 1, "componentType": 5123, "count": 12, "type": "SCALAR"}]}
            """.replace("BUFFER", bufferUri);
    }

    /** Writes the tetrahedron as a .gltf with its buffer embedded in base64. */
    public static Path writeGltf(Path dir) throws Exception {
        Path f = dir.resolve("tetra.gltf");
        Files.writeString(f, json("\"uri\": \"data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(bin()) + "\", "));
        return f;
    }

    static Path writeGlb(Path dir) throws Exception {
        byte[] js = json("").getBytes(StandardCharsets.UTF_8);
        int jl = (js.length + 3) & ~3;
        byte[] bin = bin();
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + jl + 8 + bin.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46546C67).putInt(2).putInt(b.capacity());
        b.putInt(jl).putInt(0x4E4F534A).put(js);
        for (int i = js.length; i < jl; i++) b.put((byte) ' ');
        b.putInt(bin.length).putInt(0x004E4942).put(bin);
        Path f = dir.resolve("tetra.glb");
        Files.write(f, b.array());
        return f;
    }

    static void checkTetra(TriangleMesh m) {
        assertEquals(4, m.triangleCount());
        float[] b = m.bounds();
        assertArrayEquals(new float[] {5, 0, 0, 7, 2, 2}, b, 1e-6f, "translated and scaled by the node");
        ConvexHull h = m.hull();
        assertEquals(8.0 / 6, h.volume(), 1e-9, "a tetrahedron of legs 2 holds 8/6 m^3");
        PbrMaterial mat = m.materials().get(m.triangleMaterial()[0]);
        assertArrayEquals(new float[] {0.8f, 0.1f, 0.1f, 1}, mat.baseColor());
        assertEquals(0.25f, mat.metallic());
        assertEquals(0.4f, mat.roughness());
        // Faces wind outward: each smooth normal points away from the centroid.
        float[] p = m.positions(), n = m.normals();
        for (int v = 0; v < m.vertexCount(); v++) {
            double dot = (p[3 * v] - 5.5) * n[3 * v] + (p[3 * v + 1] - 0.5) * n[3 * v + 1] + (p[3 * v + 2] - 0.5) * n[3 * v + 2];
            assertTrue(dot > 0, "vertex " + v + " normal points out");
        }
    }

    @Test
    void anEmbeddedGltfAndAGlbReadTheSameTetrahedron(@TempDir Path dir) throws Exception {
        checkTetra(GltfReader.read(writeGltf(dir)));
        checkTetra(GltfReader.read(writeGlb(dir)));
    }

    @Test
    void anObjWithItsMtlReadsTheSameSolid(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.mtl"), "newmtl red\nKd 0.8 0.1 0.1\nNs 100\n");
        Files.writeString(dir.resolve("t.obj"), """
                mtllib t.mtl
                v 0 0 0
                v 1 0 0
                v 0 1 0
                v 0 0 1
                usemtl red
                f 1 3 2
                f 1 2 4
                f 1 4 3
                f 2 3 4
                """);
        TriangleMesh m = ObjReader.read(dir.resolve("t.obj"));
        assertEquals(4, m.triangleCount());
        assertEquals(1.0 / 6, m.hull().volume(), 1e-9);
        assertEquals(0.8f, m.materials().get(0).baseColor()[0]);
        // Ns 100: alpha = sqrt(2 / 102), roughness = sqrt(alpha).
        assertEquals(Math.sqrt(Math.sqrt(2 / 102.0)), m.materials().get(0).roughness(), 1e-6);
    }

    @Test
    void badFilesAreNamedWithWhatWasExpected(@TempDir Path dir) throws Exception {
        Path glb = writeGlb(dir);
        byte[] whole = Files.readAllBytes(glb);
        Path cut = dir.resolve("cut.glb");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));
        AssetException e = assertThrows(AssetException.class, () -> GltfReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Path junk = dir.resolve("junk.gltf");
        Files.writeString(junk, "this is not json");
        assertTrue(assertThrows(AssetException.class, () -> GltfReader.read(junk)).getMessage().contains("glTF"));
        Path png = dir.resolve("x.png");
        Files.writeString(png, "x");
        assertTrue(assertThrows(AssetException.class, () -> MeshAssets.load(png.toString())).getMessage()
                .contains(".gltf, .glb or .obj"));
        assertTrue(assertThrows(AssetException.class, () -> MeshAssets.load(dir.resolve("none.glb").toString()))
                .getMessage().contains("no such file"));
    }

    @Test
    void theHullOfABigCloudComesCloseToTheSphereItSamples() {
        int n = 20000;
        float[] p = new float[3 * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double z = r.nextDouble(-1, 1), phi = r.nextDouble(0, 2 * Math.PI), s = Math.sqrt(1 - z * z);
            p[3 * i] = (float) (s * Math.cos(phi));
            p[3 * i + 1] = (float) (s * Math.sin(phi));
            p[3 * i + 2] = (float) z;
        }
        double v = ConvexHull.of(p).volume();
        assertEquals(4 * Math.PI / 3, v, 0.01 * 4 * Math.PI / 3);
    }
}
