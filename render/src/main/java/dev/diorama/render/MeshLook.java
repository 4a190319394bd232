package dev.diorama.render;

import dev.diorama.assets.PbrMaterial;
import dev.diorama.assets.Texture;
import dev.diorama.assets.TriangleMesh;
import java.util.List;

/**
 * How an imported model's surfaces look: its file's materials in glTF's metallic-roughness model
 * ({@link PbrMaterial}), looked up per triangle and texture coordinate at a hit, so that a model
 * looks like its file and not like the scene row it is made of (the row still gives its mass and
 * its sound).
 *
 * <p>At a hit the base colour is the material's factor times its base colour texture (decoded from
 * sRGB when the file was read, so filtering happens on linear reflectance), the metalness and the
 * roughness are the factors times the blue and green channels of the metallic-roughness texture
 * when there is one. Triangles whose material is {@link PbrMaterial#DEFAULT} (an OBJ without MTL, a
 * glTF primitive without a material) have no look of their own and are shaded as the scene's row.
 * Alpha (glTF's MASK and BLEND) is ignored: every surface is opaque.
 *
 * <p>Textures are filtered for the footprint of a pixel on the surface (the shader's estimate, in
 * metres): each is kept as a chain of mip levels, each half the size of the one before, a 2 x 2 box
 * average, and read trilinearly at the level where a texel is as wide as the footprint, so a
 * finely textured model far away neither shimmers nor aliases from frame to frame. The scale from
 * metres to texels is per triangle, the square root of its area in texture space over its area in
 * the (fitted) model's space. A texture that asks for nearest magnification (pixel art, a checker)
 * shows crisp texels when magnified.
 */
final class MeshLook {
    private final int[] triangleMaterial;
    private final Look[] looks;
    /** Per triangle: texture-space units per metre on the surface (0 where the triangle has no area). */
    private final float[] uvPerMetre;

    private record Look(double[] base, double metallic, double roughness, Mip colour, Mip metalRough) {}

    private MeshLook(TriangleMesh mesh) {
        List<PbrMaterial> materials = mesh.materials();
        looks = new Look[materials.size()];
        for (int m = 0; m < looks.length; m++) {
            PbrMaterial p = materials.get(m);
            if (p == PbrMaterial.DEFAULT) continue;
            float[] c = p.baseColor();
            looks[m] = new Look(new double[] {c[0], c[1], c[2]}, p.metallic(), p.roughness(),
                    p.baseColorTexture() == null ? null : new Mip(p.baseColorTexture()),
                    p.metallicRoughnessTexture() == null ? null : new Mip(p.metallicRoughnessTexture()));
        }
        triangleMaterial = mesh.triangleMaterial();
        int n = mesh.triangleCount();
        uvPerMetre = new float[n];
        float[] uv = mesh.uvs(), p = mesh.positions();
        int[] idx = mesh.indices();
        if (uv != null) {
            for (int t = 0; t < n; t++) {
                int a = idx[3 * t], b = idx[3 * t + 1], c = idx[3 * t + 2];
                double e1x = p[3 * b] - p[3 * a], e1y = p[3 * b + 1] - p[3 * a + 1], e1z = p[3 * b + 2] - p[3 * a + 2];
                double e2x = p[3 * c] - p[3 * a], e2y = p[3 * c + 1] - p[3 * a + 1], e2z = p[3 * c + 2] - p[3 * a + 2];
                double cx = e1y * e2z - e1z * e2y, cy = e1z * e2x - e1x * e2z, cz = e1x * e2y - e1y * e2x;
                double area = Math.sqrt(cx * cx + cy * cy + cz * cz);
                double u1 = uv[2 * b] - uv[2 * a], v1 = uv[2 * b + 1] - uv[2 * a + 1];
                double u2 = uv[2 * c] - uv[2 * a], v2 = uv[2 * c + 1] - uv[2 * a + 1];
                double uvArea = Math.abs(u1 * v2 - u2 * v1);
                uvPerMetre[t] = area > 0 ? (float) Math.sqrt(uvArea / area) : 0;
            }
        }
    }

    /** The look of a mesh, or null when none of its materials is the file's own. */
    static MeshLook of(TriangleMesh mesh) {
        for (PbrMaterial p : mesh.materials()) {
            if (p != PbrMaterial.DEFAULT) return new MeshLook(mesh);
        }
        return null;
    }

    /** True when triangle t has a material of the file's own. */
    boolean owns(int t) {
        return looks[triangleMaterial == null ? 0 : triangleMaterial[t]] != null;
    }

    /**
     * The surface of triangle t (one that {@link #owns}) at texture coordinates (u, v), for a pixel
     * footprint of {@code footprint} metres: out[0..2] the linear base colour, out[3] the metalness,
     * out[4] the perceptual roughness; {@code texel} is 4 floats of scratch.
     */
    void at(int t, double u, double v, double footprint, double[] out, float[] texel) {
        Look look = looks[triangleMaterial == null ? 0 : triangleMaterial[t]];
        double r = look.base[0], g = look.base[1], b = look.base[2];
        double metallic = look.metallic, rough = look.roughness;
        double scale = footprint * uvPerMetre[t];
        if (look.colour != null) {
            look.colour.sample(u, v, scale, texel);
            r *= texel[0];
            g *= texel[1];
            b *= texel[2];
        }
        if (look.metalRough != null) {
            look.metalRough.sample(u, v, scale, texel);
            rough *= texel[1];
            metallic *= texel[2];
        }
        out[0] = r;
        out[1] = g;
        out[2] = b;
        out[3] = metallic;
        out[4] = rough;
    }

    /** A texture as a chain of mip levels, RGBA floats, level 0 the image itself. */
    static final class Mip {
        final int[] width, height;
        final float[][] level;
        final boolean nearest;

        Mip(Texture t) {
            nearest = t.nearest();
            int levels = 1;
            for (int w = t.width(), h = t.height(); w > 1 || h > 1; w = (w + 1) / 2, h = (h + 1) / 2) levels++;
            width = new int[levels];
            height = new int[levels];
            level = new float[levels][];
            width[0] = t.width();
            height[0] = t.height();
            level[0] = t.rgba();
            for (int k = 1; k < levels; k++) {
                int pw = width[k - 1], ph = height[k - 1], w = (pw + 1) / 2, h = (ph + 1) / 2;
                float[] src = level[k - 1], dst = new float[4 * w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        // A 2 x 2 box; at an odd edge the last texel stands for the missing one.
                        int x0 = 2 * x, x1 = Math.min(2 * x + 1, pw - 1), y0 = 2 * y, y1 = Math.min(2 * y + 1, ph - 1);
                        for (int c = 0; c < 4; c++) {
                            dst[4 * (y * w + x) + c] = (src[4 * (y0 * pw + x0) + c] + src[4 * (y0 * pw + x1) + c]
                                    + src[4 * (y1 * pw + x0) + c] + src[4 * (y1 * pw + x1) + c]) / 4;
                        }
                    }
                }
                width[k] = w;
                height[k] = h;
                level[k] = dst;
            }
        }

        /**
         * The texture at (u, v), wrapping, for a footprint of {@code scale} texture-space units:
         * trilinear between the two levels whose texels bracket it (bilinear, or nearest when the
         * file asks for it, on level 0 when magnified).
         */
        void sample(double u, double v, double scale, float[] out) {
            double texels = scale * Math.sqrt((double) width[0] * height[0]);
            double lod = texels > 1 ? Math.log(texels) / Math.log(2) : 0;
            if (lod <= 0) {
                if (nearest) nearest(0, u, v, out);
                else bilinear(0, u, v, out, 1, false);
                return;
            }
            int k = (int) lod;
            if (k >= level.length - 1) {
                bilinear(level.length - 1, u, v, out, 1, false);
                return;
            }
            double f = lod - k;
            bilinear(k, u, v, out, 1 - f, false);
            bilinear(k + 1, u, v, out, f, true);
        }

        private void nearest(int k, double u, double v, float[] out) {
            int w = width[k], h = height[k];
            int x = Math.min((int) ((u - Math.floor(u)) * w), w - 1), y = Math.min((int) ((v - Math.floor(v)) * h), h - 1);
            System.arraycopy(level[k], 4 * (y * w + x), out, 0, 4);
        }

        /** Bilinear lookup on level k, times {@code weight}, into out (added to it when {@code add}). */
        private void bilinear(int k, double u, double v, float[] out, double weight, boolean add) {
            int w = width[k], h = height[k];
            float[] px = level[k];
            double x = (u - Math.floor(u)) * w - 0.5, y = (v - Math.floor(v)) * h - 0.5;
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            double fx = x - x0, fy = y - y0;
            int xa = Math.floorMod(x0, w), xb = Math.floorMod(x0 + 1, w), ya = Math.floorMod(y0, h), yb = Math.floorMod(y0 + 1, h);
            int a = 4 * (ya * w + xa), b = 4 * (ya * w + xb), c = 4 * (yb * w + xa), d = 4 * (yb * w + xb);
            for (int q = 0; q < 4; q++) {
                double top = px[a + q] + (px[b + q] - px[a + q]) * fx;
                double bottom = px[c + q] + (px[d + q] - px[c + q]) * fx;
                double s = (top + (bottom - top) * fy) * weight;
                out[q] = (float) (add ? out[q] + s : s);
            }
        }
    }
}
