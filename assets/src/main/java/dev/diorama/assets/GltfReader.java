package dev.diorama.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads glTF 2.0: {@code .gltf} (JSON with external or base64 {@code data:} buffers and images)
 * and {@code .glb} (the binary container: a JSON chunk and a BIN chunk). The default scene's node
 * tree is walked with each node's matrix or translation-rotation-scale, and every triangle
 * primitive (modes 4, 5 and 6) is gathered into one mesh, in metres as glTF prescribes, with its
 * POSITION, NORMAL and TEXCOORD_0 and its material's metallic-roughness factors, base colour
 * texture and metallic-roughness texture (PNG or JPEG, decoded with javax.imageio; the first as
 * sRGB colour, the second as linear data), each with its sampler's magnification filter.
 */
public final class GltfReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GLB_MAGIC = 0x46546C67, CHUNK_JSON = 0x4E4F534A, CHUNK_BIN = 0x004E4942;

    private final Path file;
    private final JsonNode root;
    private final ByteBuffer glbBin;
    private final Map<Integer, ByteBuffer> buffers = new HashMap<>();
    /** Decoded textures by index, colour ones (sRGB) at 2 i, data ones (linear) at 2 i + 1. */
    private final Map<Integer, Texture> textures = new HashMap<>();

    private GltfReader(Path file, JsonNode root, ByteBuffer glbBin) {
        this.file = file;
        this.root = root;
        this.glbBin = glbBin;
    }

    public static TriangleMesh read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssetException(file, "expected a readable glTF file (" + e.getMessage() + ")");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode json;
        ByteBuffer bin = null;
        if (bytes.length >= 4 && bb.getInt(0) == GLB_MAGIC) {
            if (bytes.length < 20) throw new AssetException(file, "expected a GLB header and a JSON chunk, found a truncated file");
            int version = bb.getInt(4), length = bb.getInt(8);
            if (version != 2) throw new AssetException(file, "expected glTF version 2, found version " + version);
            if (length > bytes.length) {
                throw new AssetException(file, "expected " + length + " bytes as the GLB header says, found " + bytes.length + " (truncated)");
            }
            int at = 12;
            String text = null;
            while (at + 8 <= length) {
                int chunkLength = bb.getInt(at), type = bb.getInt(at + 4);
                if (chunkLength < 0 || at + 8L + chunkLength > length) throw new AssetException(file, "expected a whole GLB chunk, found a truncated one");
                if (type == CHUNK_JSON && text == null) text = new String(bytes, at + 8, chunkLength, StandardCharsets.UTF_8);
                else if (type == CHUNK_BIN && bin == null) bin = ByteBuffer.wrap(bytes, at + 8, chunkLength).slice().order(ByteOrder.LITTLE_ENDIAN);
                at += 8 + ((chunkLength + 3) & ~3);
            }
            if (text == null) throw new AssetException(file, "expected a JSON chunk in the GLB file, found none");
            json = parse(file, text);
        } else {
            json = parse(file, new String(bytes, StandardCharsets.UTF_8));
        }
        JsonNode asset = json.path("asset");
        if (!json.isObject() || !asset.isObject() || !asset.path("version").asText().startsWith("2")) {
            throw new AssetException(file, "expected a glTF 2.0 file (an \"asset\" with \"version\": \"2.0\")");
        }
        return new GltfReader(file, json, bin).mesh();
    }

    private static JsonNode parse(Path file, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null) throw new AssetException(file, "expected glTF JSON, found an empty file");
            return n;
        } catch (IOException e) {
            throw new AssetException(file, "expected glTF JSON or a GLB container, found something else ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }


    private TriangleMesh mesh() {
        ObjReader.FloatList pos = new ObjReader.FloatList(), nor = new ObjReader.FloatList(), uv = new ObjReader.FloatList();
        ObjReader.IntList idx = new ObjReader.IntList(), triMat = new ObjReader.IntList();
        boolean[] allNormals = {true}, allUvs = {true};
        List<PbrMaterial> materials = new ArrayList<>();
        JsonNode mats = root.path("materials");
        for (int m = 0; m < mats.size(); m++) materials.add(material(mats.get(m)));
        int fallback = materials.size();
        materials.add(PbrMaterial.DEFAULT);
        Walker walker = (meshIndex, matrix) -> {
            JsonNode mesh = node("meshes", meshIndex);
            for (JsonNode prim : mesh.path("primitives")) {
                int mode = prim.path("mode").asInt(4);
                if (mode < 4 || mode > 6) continue;  // points and lines have no surface
                JsonNode attrs = prim.path("attributes");
                if (!attrs.has("POSITION")) throw new AssetException(file, "expected POSITION in every primitive");
                float[] p = floats(attrs.get("POSITION").asInt(), 3);
                float[] n = attrs.has("NORMAL") ? floats(attrs.get("NORMAL").asInt(), 3) : null;
                float[] t = attrs.has("TEXCOORD_0") ? floats(attrs.get("TEXCOORD_0").asInt(), 2) : null;
                int count = p.length / 3;
                int base = pos.size / 3;
                double[] nm = normalMatrix(matrix);
                // The cofactor matrix is det(A) times the inverse transpose: a mirror would turn normals inward.
                if (determinant(matrix) < 0) for (int k = 0; k < 9; k++) nm[k] = -nm[k];
                for (int v = 0; v < count; v++) {
                    double x = p[3 * v], y = p[3 * v + 1], z = p[3 * v + 2];
                    pos.add((float) (matrix[0] * x + matrix[4] * y + matrix[8] * z + matrix[12]));
                    pos.add((float) (matrix[1] * x + matrix[5] * y + matrix[9] * z + matrix[13]));
                    pos.add((float) (matrix[2] * x + matrix[6] * y + matrix[10] * z + matrix[14]));
                    if (n != null) {
                        double a = n[3 * v], b = n[3 * v + 1], c = n[3 * v + 2];
                        nor.add((float) (nm[0] * a + nm[3] * b + nm[6] * c));
                        nor.add((float) (nm[1] * a + nm[4] * b + nm[7] * c));
                        nor.add((float) (nm[2] * a + nm[5] * b + nm[8] * c));
                    } else {
                        nor.add(0); nor.add(0); nor.add(0);
                    }
                    if (t != null) { uv.add(t[2 * v]); uv.add(t[2 * v + 1]); } else { uv.add(0); uv.add(0); }
                }
                allNormals[0] &= n != null;
                allUvs[0] &= t != null;
                int[] corners = prim.has("indices") ? ints(prim.get("indices").asInt()) : sequence(count);
                for (int c : corners) if (c < 0 || c >= count) throw new AssetException(file, "expected indices below the vertex count " + count + ", found " + c);
                boolean flip = determinant(matrix) < 0;  // a mirroring node turns the winding inside out
                int mat = prim.has("material") ? checkIndex(prim.get("material").asInt(), fallback, "materials") : fallback;
                int tris = mode == 4 ? corners.length / 3 : Math.max(0, corners.length - 2);
                for (int k = 0; k < tris; k++) {
                    int a, b, c;
                    if (mode == 4) { a = corners[3 * k]; b = corners[3 * k + 1]; c = corners[3 * k + 2]; }
                    else if (mode == 5) { a = corners[k]; b = corners[k + 1 + (k & 1)]; c = corners[k + 2 - (k & 1)]; }
                    else { a = corners[0]; b = corners[k + 1]; c = corners[k + 2]; }
                    if (flip) { int s = b; b = c; c = s; }
                    idx.add(base + a); idx.add(base + b); idx.add(base + c);
                    triMat.add(mat);
                }
            }
        };
        JsonNode scenes = root.path("scenes");
        if (scenes.size() > 0) {
            int s = root.path("scene").asInt(0);
            for (JsonNode nd : node("scenes", s).path("nodes")) walk(nd.asInt(), identity(), walker, 0);
        } else if (root.path("nodes").size() > 0) {
            boolean[] child = new boolean[root.path("nodes").size()];
            for (JsonNode nd : root.path("nodes")) for (JsonNode c : nd.path("children")) child[checkIndex(c.asInt(), child.length, "nodes")] = true;
            for (int i = 0; i < child.length; i++) if (!child[i]) walk(i, identity(), walker, 0);
        } else {
            for (int m = 0; m < root.path("meshes").size(); m++) walker.visit(m, identity());
        }
        if (idx.size == 0) throw new AssetException(file, "expected at least one triangle in the glTF scene, found none");
        return new TriangleMesh(pos.toArray(), allNormals[0] ? nor.toArray() : null, allUvs[0] ? uv.toArray() : null,
                idx.toArray(), triMat.toArray(), materials);
    }

    private interface Walker { void visit(int mesh, double[] matrix); }

    private void walk(int index, double[] parent, Walker w, int depth) {
        if (depth > 64) throw new AssetException(file, "expected a node tree, found a cycle (or more than 64 levels)");
        JsonNode n = node("nodes", index);
        double[] m = multiply(parent, local(n));
        if (n.has("mesh")) w.visit(n.get("mesh").asInt(), m);
        for (JsonNode c : n.path("children")) walk(c.asInt(), m, w, depth + 1);
    }

    /** A node's local matrix, column-major as glTF stores it. */
    private static double[] local(JsonNode n) {
        if (n.has("matrix")) {
            double[] m = new double[16];
            for (int i = 0; i < 16; i++) m[i] = n.get("matrix").path(i).asDouble(i % 5 == 0 ? 1 : 0);
            return m;
        }
        double tx = n.path("translation").path(0).asDouble(0), ty = n.path("translation").path(1).asDouble(0),
                tz = n.path("translation").path(2).asDouble(0);
        JsonNode r = n.path("rotation");
        double x = r.path(0).asDouble(0), y = r.path(1).asDouble(0), z = r.path(2).asDouble(0), w = r.path(3).asDouble(1);
        double sx = n.path("scale").path(0).asDouble(1), sy = n.path("scale").path(1).asDouble(1), sz = n.path("scale").path(2).asDouble(1);
        return new double[] {
            (1 - 2 * (y * y + z * z)) * sx, (2 * (x * y + z * w)) * sx, (2 * (x * z - y * w)) * sx, 0,
            (2 * (x * y - z * w)) * sy, (1 - 2 * (x * x + z * z)) * sy, (2 * (y * z + x * w)) * sy, 0,
            (2 * (x * z + y * w)) * sz, (2 * (y * z - x * w)) * sz, (1 - 2 * (x * x + y * y)) * sz, 0,
            tx, ty, tz, 1};
    }

    private static double[] identity() { return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}; }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[16];
        for (int c = 0; c < 4; c++) for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
            m[c * 4 + r] = s;
        }
        return m;
    }

    private static double determinant(double[] m) {
        return m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
    }

    /** The inverse transpose of the upper 3x3 (column-major), up to scale: the cofactor matrix. */
    private static double[] normalMatrix(double[] m) {
        double a = m[0], b = m[4], c = m[8], d = m[1], e = m[5], f = m[9], g = m[2], h = m[6], i = m[10];
        // cofactors, stored so that n' = C n with C[col * 3 + row]
        return new double[] {e * i - f * h, -(b * i - c * h), b * f - c * e,
                             -(d * i - f * g), a * i - c * g, -(a * f - c * d),
                             d * h - e * g, -(a * h - b * g), a * e - b * d};
    }

    private PbrMaterial material(JsonNode m) {
        JsonNode pbr = m.path("pbrMetallicRoughness");
        float[] base = {1, 1, 1, 1};
        JsonNode f = pbr.path("baseColorFactor");
        for (int i = 0; i < 4 && f.isArray(); i++) base[i] = (float) Math.max(0, Math.min(1, f.path(i).asDouble(1)));
        float metallic = (float) Math.max(0, Math.min(1, pbr.path("metallicFactor").asDouble(1)));
        float rough = (float) Math.max(0, Math.min(1, pbr.path("roughnessFactor").asDouble(1)));
        Texture tex = pbr.has("baseColorTexture") ? texture(pbr.path("baseColorTexture").path("index").asInt(), true) : null;
        Texture mr = pbr.has("metallicRoughnessTexture")
                ? texture(pbr.path("metallicRoughnessTexture").path("index").asInt(), false) : null;
        return new PbrMaterial(m.path("name").asText(""), base, metallic, rough, tex, mr);
    }

    /** glTF's sampler magFilter for nearest-texel magnification. */
    private static final int NEAREST = 9728;

    /** Texture {@code index}, decoded as colour (sRGB) or as data (linear), with its sampler's magnification filter. */
    private Texture texture(int index, boolean srgb) {
        return textures.computeIfAbsent(2 * index + (srgb ? 0 : 1), key -> {
            int i = key / 2;
            JsonNode t = node("textures", i);
            if (!t.has("source")) throw new AssetException(file, "expected a \"source\" image for texture " + i);
            JsonNode img = node("images", t.get("source").asInt());
            byte[] data;
            if (img.has("uri")) data = uri(img.get("uri").asText());
            else if (img.has("bufferView")) {
                ByteBuffer v = view(img.get("bufferView").asInt());
                data = new byte[v.remaining()];
                v.get(data);
            } else throw new AssetException(file, "expected an image with a \"uri\" or a \"bufferView\"");
            boolean nearest = t.has("sampler") && node("samplers", t.get("sampler").asInt()).path("magFilter").asInt(0) == NEAREST;
            return Images.decode(data, file, srgb).withNearest(nearest);
        });
    }

    private byte[] uri(String uri) {
        if (uri.startsWith("data:")) {
            int comma = uri.indexOf(',');
            if (comma < 0 || !uri.substring(0, comma).endsWith(";base64")) throw new AssetException(file, "expected a base64 data URI");
            try {
                return Base64.getDecoder().decode(uri.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new AssetException(file, "expected valid base64 in a data URI (" + e.getMessage() + ")");
            }
        }
        Path p = file.resolveSibling(URLDecoder.decode(uri, StandardCharsets.UTF_8));
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssetException(p, "expected the file that " + file.getFileName() + " refers to (" + e.getMessage() + ")");
        }
    }

    private ByteBuffer buffer(int index) {
        return buffers.computeIfAbsent(index, i -> {
            JsonNode b = node("buffers", i);
            long length = b.path("byteLength").asLong(-1);
            ByteBuffer data;
            if (b.has("uri")) data = ByteBuffer.wrap(uri(b.get("uri").asText()));
            else if (glbBin != null && i == 0) data = glbBin.duplicate();
            else throw new AssetException(file, "expected buffer " + i + " to have a \"uri\" (or be a GLB's BIN chunk)");
            if (length < 0 || data.remaining() < length) {
                throw new AssetException(file, "expected buffer " + i + " to hold " + length + " bytes, found " + data.remaining() + " (truncated)");
            }
            return data.slice().order(ByteOrder.LITTLE_ENDIAN);
        });
    }

    private ByteBuffer view(int index) {
        JsonNode v = node("bufferViews", index);
        ByteBuffer b = buffer(v.path("buffer").asInt());
        long off = v.path("byteOffset").asLong(0), len = v.path("byteLength").asLong(-1);
        if (off < 0 || len < 0 || off + len > b.capacity()) throw new AssetException(file, "expected bufferView " + index + " to lie inside its buffer");
        return b.duplicate().position((int) off).limit((int) (off + len)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4" -> 4;
            default -> -1;
        };
    }

    private static int bytes(int componentType) {
        return switch (componentType) {
            case 5120, 5121 -> 1;
            case 5122, 5123 -> 2;
            case 5125, 5126 -> 4;
            default -> -1;
        };
    }

    /** Reads an accessor's elements as doubles (normalized integers mapped to [0, 1] or [-1, 1]). */
    private double[] accessor(int index, int expectComponents) {
        JsonNode a = node("accessors", index);
        int comps = components(a.path("type").asText());
        int ct = a.path("componentType").asInt(), size = bytes(ct);
        int count = a.path("count").asInt(-1);
        if (comps != expectComponents || size < 0 || count < 0) {
            throw new AssetException(file, "expected accessor " + index + " of " + expectComponents + " components of a known type");
        }
        double[] out = new double[count * comps];
        if (!a.has("bufferView")) return out;  // all zeros, as the format says
        int viewIndex = a.get("bufferView").asInt();
        ByteBuffer v = view(viewIndex);
        int stride = node("bufferViews", viewIndex).path("byteStride").asInt(comps * size);
        long off = a.path("byteOffset").asLong(0);
        if (count > 0 && off + (long) (count - 1) * stride + (long) comps * size > v.capacity()) {
            throw new AssetException(file, "expected accessor " + index + " to lie inside its bufferView (truncated data)");
        }
        boolean norm = a.path("normalized").asBoolean(false);
        for (int e = 0; e < count; e++) {
            int at = (int) (off + (long) e * stride);
            for (int c = 0; c < comps; c++) {
                int p = at + c * size;
                double x = switch (ct) {
                    case 5120 -> norm ? Math.max(v.get(p) / 127.0, -1) : v.get(p);
                    case 5121 -> norm ? (v.get(p) & 255) / 255.0 : v.get(p) & 255;
                    case 5122 -> norm ? Math.max(v.getShort(p) / 32767.0, -1) : v.getShort(p);
                    case 5123 -> norm ? (v.getShort(p) & 0xffff) / 65535.0 : v.getShort(p) & 0xffff;
                    case 5125 -> v.getInt(p) & 0xffffffffL;
                    default -> v.getFloat(p);
                };
                out[e * comps + c] = x;
            }
        }
        return out;
    }

    private float[] floats(int accessor, int comps) {
        double[] d = accessor(accessor, comps);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
            if (!Float.isFinite(f[i])) throw new AssetException(file, "expected finite numbers in accessor " + accessor);
        }
        return f;
    }

    private int[] ints(int accessor) {
        double[] d = accessor(accessor, 1);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (int) Math.min(Integer.MAX_VALUE, d[i]);
        return out;
    }

    private static int[] sequence(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return s;
    }

    private JsonNode node(String array, int index) {
        JsonNode a = root.path(array);
        if (index < 0 || index >= a.size()) {
            throw new AssetException(file, "expected " + array + "[" + index + "] to exist (there are " + a.size() + ")");
        }
        return a.get(index);
    }

    private int checkIndex(int i, int size, String what) {
        if (i < 0 || i >= size) throw new AssetException(file, "expected an index into " + what + " below " + size + ", found " + i);
        return i;
    }
}
