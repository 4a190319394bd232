package dev.diorama.assets;

/**
 * A surface's look in glTF's metallic-roughness model, as an imported file gives it (OBJ/MTL's
 * diffuse colour and shininess are translated into it). The renderer's material code reads it.
 *
 * @param name       the file's name for it (may be empty)
 * @param baseColor  linear RGBA base colour factor, each in [0, 1]
 * @param metallic   0 for a dielectric, 1 for a metal
 * @param roughness  perceptual roughness in [0, 1]; 0 is a mirror
 * @param baseColorTexture the base colour texture (multiplied by the factor), or null
 * @param metallicRoughnessTexture glTF's metallic-roughness texture, linear: roughness in its green
 *                  channel and metalness in its blue, each multiplied by the factor; or null
 */
public record PbrMaterial(String name, float[] baseColor, float metallic, float roughness, Texture baseColorTexture,
                          Texture metallicRoughnessTexture) {
    public static final PbrMaterial DEFAULT = new PbrMaterial("", new float[] {1, 1, 1, 1}, 0, 1, null);

    public PbrMaterial {
        if (name == null) name = "";
        if (baseColor == null || baseColor.length != 4) throw new IllegalArgumentException("base colour: four numbers");
        baseColor = baseColor.clone();
        for (float c : baseColor) if (!(c >= 0 && c <= 1)) throw new IllegalArgumentException("base colour components in [0, 1]");
        if (!(metallic >= 0 && metallic <= 1)) throw new IllegalArgumentException("metallic in [0, 1]");
        if (!(roughness >= 0 && roughness <= 1)) throw new IllegalArgumentException("roughness in [0, 1]");
    }

    /** A material whose metalness and roughness are its factors alone. */
    public PbrMaterial(String name, float[] baseColor, float metallic, float roughness, Texture baseColorTexture) {
        this(name, baseColor, metallic, roughness, baseColorTexture, null);
    }

    @Override public float[] baseColor() { return baseColor.clone(); }
}
