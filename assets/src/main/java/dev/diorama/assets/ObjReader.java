package dev.diorama.assets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Wavefront OBJ ({@code v}, {@code vt}, {@code vn}, {@code f} with any of the v, v/vt,
 * v//vn, v/vt/vn forms and negative indices, polygons fanned into triangles, {@code usemtl}) and
 * its MTL libraries ({@code Kd}, {@code d}, {@code Ns}, {@code map_Kd}, and the PBR extension's
 * {@code Pr}, {@code Pm}). Each distinct v/vt/vn corner becomes one vertex.
 *
 * <p>MTL to metallic-roughness: the diffuse colour is the base colour; without {@code Pr} the
 * roughness follows from the Phong exponent Ns by the usual Blinn-Phong-to-Beckmann match,
 * alpha = sqrt(2 / (Ns + 2)), with roughness = sqrt(alpha). OBJ's v runs up from the image's
 * bottom, glTF's down from its top: v is flipped to glTF's convention.
 */
public final class ObjReader {
    private ObjReader() {}

    public static TriangleMesh read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new AssetException(file, "expected an OBJ text file (UTF-8), found binary data");
        } catch (IOException e) {
            throw new AssetException(file, "expected a readable OBJ file (" + e.getMessage() + ")");
        }
        FloatList v = new FloatList(), vt = new FloatList(), vn = new FloatList();
        FloatList pos = new FloatList(), nor = new FloatList(), uv = new FloatList();
        IntList idx = new IntList(), triMat = new IntList();
        Map<String, Integer> corners = new HashMap<>();
        Map<String, PbrMaterial> library = new HashMap<>();
        List<PbrMaterial> materials = new ArrayList<>();
        Map<String, Integer> materialIndex = new HashMap<>();
        int current = 0;
        boolean anyNormal = false, anyUv = false, allNormal = true, allUv = true;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] t = line.split("\\s+");
            String where = "line " + (ln + 1);
            switch (t[0]) {
                case "v" -> { need(file, t, 4, where); for (int i = 1; i <= 3; i++) v.add(num(file, t[i], where)); }
                case "vt" -> { need(file, t, 3, where); vt.add(num(file, t[1], where)); vt.add(1 - num(file, t[2], where)); }
                case "vn" -> { need(file, t, 4, where); for (int i = 1; i <= 3; i++) vn.add(num(file, t[i], where)); }
                case "mtllib" -> {
                    for (int i = 1; i < t.length; i++) library.putAll(readMtl(file, file.resolveSibling(t[i])));
                }
                case "usemtl" -> {
                    String name = t.length > 1 ? t[1] : "";
                    current = materialIndex.computeIfAbsent(name, k -> {
                        materials.add(library.getOrDefault(k, new PbrMaterial(k, new float[] {0.8f, 0.8f, 0.8f, 1}, 0, 0.5f, null)));
                        return materials.size() - 1;
                    });
                }
                case "f" -> {
                    need(file, t, 4, where);
                    int[] c = new int[t.length - 1];
                    for (int i = 1; i < t.length; i++) {
                        String key = t[i];
                        Integer known = corners.get(key);
                        if (known == null) {
                            String[] parts = key.split("/", -1);
                            int pi = index(file, parts[0], v.size / 3, where);
                            pos.add(v.get(3 * pi)); pos.add(v.get(3 * pi + 1)); pos.add(v.get(3 * pi + 2));
                            boolean hasUv = parts.length > 1 && !parts[1].isEmpty();
                            boolean hasN = parts.length > 2 && !parts[2].isEmpty();
                            if (hasUv) { int ti = index(file, parts[1], vt.size / 2, where); uv.add(vt.get(2 * ti)); uv.add(vt.get(2 * ti + 1)); }
                            else { uv.add(0); uv.add(0); }
                            if (hasN) { int ni = index(file, parts[2], vn.size / 3, where); nor.add(vn.get(3 * ni)); nor.add(vn.get(3 * ni + 1)); nor.add(vn.get(3 * ni + 2)); }
                            else { nor.add(0); nor.add(0); nor.add(0); }
                            anyUv |= hasUv; allUv &= hasUv; anyNormal |= hasN; allNormal &= hasN;
                            known = pos.size / 3 - 1;
                            corners.put(key, known);
                        }
                        c[i - 1] = known;
                    }
                    for (int i = 1; i + 1 < c.length; i++) {
                        idx.add(c[0]); idx.add(c[i]); idx.add(c[i + 1]);
                        triMat.add(current);
                    }
                }
                default -> { }  // groups, smoothing groups, lines, curves: not needed for a rigid solid
            }
        }
        if (idx.size == 0) throw new AssetException(file, "expected an OBJ file with at least one face (\"f\" line), found none");
        if (materials.isEmpty()) materials.add(PbrMaterial.DEFAULT);
        float[] positions = pos.toArray();
        int[] indices = idx.toArray();
        return new TriangleMesh(positions, anyNormal && allNormal ? nor.toArray() : null,
                anyUv && allUv ? uv.toArray() : null, indices, triMat.toArray(), materials);
    }

    private static Map<String, PbrMaterial> readMtl(Path obj, Path mtl) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mtl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssetException(mtl, "expected the material library that " + obj.getFileName() + " names (" + e.getMessage() + ")");
        }
        Map<String, PbrMaterial> out = new HashMap<>();
        String name = null;
        float[] kd = {0.8f, 0.8f, 0.8f, 1};
        float ns = -1, pr = -1, pm = 0;
        Texture tex = null;
        for (int ln = 0; ln <= lines.size(); ln++) {
            String line = ln < lines.size() ? lines.get(ln).strip() : "newmtl";
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] t = line.split("\\s+");
            String where = "line " + (ln + 1);
            switch (t[0].toLowerCase(Locale.ROOT)) {
                case "newmtl" -> {
                    if (name != null) {
                        float rough = pr >= 0 ? pr : ns >= 0 ? (float) Math.sqrt(Math.sqrt(2 / (ns + 2))) : 0.5f;
                        out.put(name, new PbrMaterial(name, kd, clamp(pm), clamp(rough), tex));
                    }
                    name = t.length > 1 ? t[1] : "";
                    kd = new float[] {0.8f, 0.8f, 0.8f, 1};
                    ns = -1; pr = -1; pm = 0; tex = null;
                }
                case "kd" -> { need(mtl, t, 4, where); for (int i = 0; i < 3; i++) kd[i] = clamp(num(mtl, t[i + 1], where)); }
                case "d" -> { need(mtl, t, 2, where); kd[3] = clamp(num(mtl, t[1], where)); }
                case "ns" -> { need(mtl, t, 2, where); ns = Math.max(0, num(mtl, t[1], where)); }
                case "pr" -> { need(mtl, t, 2, where); pr = num(mtl, t[1], where); }
                case "pm" -> { need(mtl, t, 2, where); pm = num(mtl, t[1], where); }
                case "map_kd" -> tex = Images.read(mtl.resolveSibling(t[t.length - 1]));
                default -> { }
            }
        }
        return out;
    }

    private static float clamp(float f) { return Math.max(0, Math.min(1, f)); }

    private static void need(Path file, String[] t, int n, String where) {
        if (t.length < n) throw new AssetException(file, where + ": expected " + (n - 1) + " values after \"" + t[0] + "\"");
    }

    private static float num(Path file, String s, String where) {
        try {
            float f = Float.parseFloat(s);
            if (Float.isFinite(f)) return f;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AssetException(file, where + ": expected a number, found \"" + s + "\"");
    }

    private static int index(Path file, String s, int count, String where) {
        int i;
        try {
            i = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new AssetException(file, where + ": expected a vertex index, found \"" + s + "\"");
        }
        int k = i < 0 ? count + i : i - 1;
        if (i == 0 || k < 0 || k >= count) throw new AssetException(file, where + ": index " + i + " refers to none of the " + count + " defined so far");
        return k;
    }

    static final class FloatList {
        float[] a = new float[1024];
        int size;
        void add(float f) { if (size == a.length) a = java.util.Arrays.copyOf(a, 2 * size); a[size++] = f; }
        float get(int i) { return a[i]; }
        float[] toArray() { return java.util.Arrays.copyOf(a, size); }
    }

    static final class IntList {
        int[] a = new int[1024];
        int size;
        void add(int f) { if (size == a.length) a = java.util.Arrays.copyOf(a, 2 * size); a[size++] = f; }
        int[] toArray() { return java.util.Arrays.copyOf(a, size); }
    }
}
