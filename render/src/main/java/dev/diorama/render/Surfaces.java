package dev.diorama.render;

import dev.diorama.scene.Environment;
import dev.diorama.scene.Material;
import dev.diorama.scene.Room;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import java.util.List;

/**
 * What every surface is made of, as the shader reads it: one row per surface id in dense arrays.
 * Ids 0 to n-1 are the scene's objects in order, then its liquids (their surfaces); then come the
 * floor, the ceiling, the walls and the ceiling lamp ({@link #floor} and so on). A liquid is glass
 * in this sense: it reflects and refracts by Fresnel's law at its own index, and absorbs along the
 * way as its {@link dev.diorama.scene.Liquid#tint} says.
 *
 * <p>A surface is one of three optical kinds, from the scene's {@link Material}: a dielectric
 * (rubber, plastic, wood, stone: Lambert diffuse under a clear coat whose Fresnel reflection grows
 * at grazing angles), a metal (no diffuse; reflects with its own colour, a mirror at roughness 0) or
 * glass (reflects and refracts by Fresnel's law). Colours are sRGB in the scene and linear here.
 *
 * <p>The floor carries a faint pattern so that the ground reads as a surface in perspective: stone
 * is laid in 1 m flags, wood in 18 cm planks, each piece a few percent lighter or darker (a hash of
 * its index, so it never changes between frames). The pattern fades out where a pixel covers more
 * than a piece, a poor man's mip-map that keeps the distance from shimmering.
 */
final class Surfaces {
    static final int DIELECTRIC = 0, METAL = 1, GLASS = 2, EMITTER = 3;
    static final int PLAIN = 0, FLAGSTONES = 1, PLANKS = 2;
    /** A liquid's {@link dev.diorama.scene.Liquid#tint} is what is left after this many metres of it. */
    static final double LIQUID_TINT_DISTANCE = 0.1;

    final int floor, ceiling, wall, lamp, count;
    final int[] kind;
    /** Linear albedo (dielectric), specular colour (metal) or tint (glass). */
    final double[] red, green, blue;
    /** Perceptual roughness in [0, 1], the GGX alpha (roughness squared, floored) and index of refraction. */
    final double[] roughness, alpha, ior, f0;
    /** Floor pattern. */
    final int pattern;
    /** Conductors: complex index n + i k per band, 3 per surface (R, G, B); zero for other kinds. */
    final double[] conductorN, conductorK;
    /** Transparent surfaces: Beer-Lambert absorption coefficient per band, per metre, 3 per surface. */
    final double[] absorption;
    /** Solid texture kind ({@link SolidTexture}) and the axis its grain follows (0 x, 1 y, 2 z). */
    final int[] texture, textureAxis;
    /**
     * Emitters (glowing objects, and materials whose row glows): luminance, cd/m^2, in the hue of
     * red, green, blue (scaled to luminance 1); the ceiling lamp's radiance comes from {@link Lighting}.
     */
    final double[] emission;

    Surfaces(Scene scene) {
        List<SceneObject> objects = scene.objects();
        int n = objects.size() + scene.liquids().size();
        floor = n;
        ceiling = n + 1;
        wall = n + 2;
        lamp = n + 3;
        count = n + 4;
        kind = new int[count];
        red = new double[count];
        green = new double[count];
        blue = new double[count];
        roughness = new double[count];
        alpha = new double[count];
        ior = new double[count];
        f0 = new double[count];
        conductorN = new double[3 * count];
        conductorK = new double[3 * count];
        absorption = new double[3 * count];
        texture = new int[count];
        textureAxis = new int[count];
        emission = new double[count];
        for (int k = 0; k < scene.liquids().size(); k++) {
            dev.diorama.scene.Liquid l = scene.liquids().get(k);
            int id = objects.size() + k;
            set(id, Material.GLASS, l.tint().linear(), false);
            ior[id] = l.refractiveIndex();
            f0[id] = Optics.f0(l.refractiveIndex());
            roughness[id] = 0;
            alpha[id] = 0.005;
            texture[id] = SolidTexture.NONE;
            double[] tint = l.tint().linear();
            for (int c = 0; c < 3; c++) absorption[3 * id + c] = -Math.log(Math.max(tint[c], 1e-4)) / LIQUID_TINT_DISTANCE;
        }
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            set(i, o.material(), o.color().linear(), o.color().equals(o.material().color));
            dev.diorama.scene.Vec3 size = o.size();
            textureAxis[i] = size.x() >= size.y() && size.x() >= size.z() ? 0 : size.z() > size.y() ? 2 : 1;
            // Round bodies and upright ones take the grain along y, like a turned or a standing piece.
            if (o.shape() == dev.diorama.scene.Shape.BALL || o.shape() == dev.diorama.scene.Shape.CYLINDER) {
                textureAxis[i] = 1;
            }
            if (o.emission() > 0) {
                kind[i] = EMITTER;
                emission[i] = o.emission();
            }
        }
        Environment env = scene.environment();
        set(floor, env.floor(), env.floor().color.linear(), true);
        Room room = env.room();
        Material walls = room == null ? Material.PLASTIC : room.walls();
        Material ceil = room == null ? Material.PLASTIC : room.ceiling();
        set(wall, walls, walls.color.linear(), true);
        set(ceiling, ceil, ceil.color.linear(), true);
        // The room's surfaces and the floor keep their own patterns (see floorShade).
        texture[floor] = texture[wall] = texture[ceiling] = SolidTexture.NONE;
        kind[lamp] = EMITTER;
        // An emitter's colour is its hue at luminance 1: its radiance is its luminance times this.
        for (int i = 0; i < count; i++) {
            if (kind[i] != EMITTER || i == lamp) continue;
            double y = 0.2126 * red[i] + 0.7152 * green[i] + 0.0722 * blue[i];
            red[i] = y > 1e-6 ? red[i] / y : 1;
            green[i] = y > 1e-6 ? green[i] / y : 1;
            blue[i] = y > 1e-6 ? blue[i] / y : 1;
        }
        pattern = switch (env.floor()) {
            case STONE, GRANITE -> FLAGSTONES;
            case WOOD, OAK, PINE, MAPLE -> PLANKS;
            default -> PLAIN;
        };
    }

    /**
     * Fills row {@code id} for material m in linear colour {@code linear}; {@code ownColour} says the
     * colour is the material's own, so a measured conductor keeps its measured constants.
     */
    private void set(int id, Material m, double[] linear, boolean ownColour) {
        MaterialOptics optics = MaterialOptics.of(m);
        kind[id] = optics.emission() > 0 ? EMITTER : m.transparent ? GLASS : m.metallic ? METAL : DIELECTRIC;
        emission[id] = optics.emission();
        texture[id] = optics.texture();
        for (int c = 0; c < 3; c++) {
            if (m.metallic && !m.transparent) {
                boolean measured = ownColour && optics.conductorN() != null;
                conductorN[3 * id + c] = measured ? optics.conductorN()[c] : 1;
                conductorK[3 * id + c] = measured ? optics.conductorK()[c] : MaterialOptics.extinctionFor(linear[c]);
            }
            if (m.transparent) {
                absorption[3 * id + c] = -Math.log(Math.max(linear[c], 1e-4)) / optics.absorptionDistance();
            }
        }
        red[id] = linear[0];
        green[id] = linear[1];
        blue[id] = linear[2];
        if (kind[id] == METAL) {
            // A conductor's colour is its normal reflectance.
            red[id] = Optics.fresnelConductor(1, conductorN[3 * id], conductorK[3 * id]);
            green[id] = Optics.fresnelConductor(1, conductorN[3 * id + 1], conductorK[3 * id + 1]);
            blue[id] = Optics.fresnelConductor(1, conductorN[3 * id + 2], conductorK[3 * id + 2]);
        }
        roughness[id] = m.roughness;
        // A lower bound keeps highlights finite (and about as wide as the sun) on mirror-like surfaces.
        alpha[id] = Math.max(m.roughness * m.roughness, 0.005);
        ior[id] = m.ior;
        f0[id] = Optics.f0(m.ior);
    }

    /**
     * The floor pattern's brightness factor at floor point (x, z), for a pixel footprint of
     * {@code footprint} metres there: 1 on average, within a few percent.
     */
    double floorShade(double x, double z, double footprint) {
        double size, amplitude;
        long cell;
        switch (pattern) {
            case FLAGSTONES -> {
                size = 1;
                amplitude = 0.16;
                cell = pack((long) Math.floor(x), (long) Math.floor(z));
            }
            case PLANKS -> {
                size = 0.18;
                amplitude = 0.30;
                long row = (long) Math.floor(x / size);
                // Planks 2.4 m long, their joints staggered row by row.
                double offset = unit(pack(row, 7919)) * 2.4;
                cell = pack(row, (long) Math.floor((z + offset) / 2.4));
            }
            default -> { return 1; }
        }
        double fade = 1 - footprint / size;
        if (fade <= 0) return 1;
        return 1 + amplitude * (unit(cell) - 0.5) * fade;
    }

    private static long pack(long a, long b) { return a * 0x9E3779B97F4A7C15L + b; }

    /** A well-mixed hash of {@code v} in [0, 1) (the finaliser of SplitMix64). */
    static double unit(long v) {
        long z = v + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
