package dev.diorama.render;

/**
 * Follows one ray into the scene and returns the light coming back along it: the recursive heart of
 * the ray tracer, with the shading of each kind of surface. One Shader belongs to one worker thread;
 * it keeps its scratch state (the hit record, small arrays) in fields so that tracing allocates
 * nothing, and reads the scene's per-frame state, which does not change while a frame is drawn.
 *
 * <p>At a surface the light has four parts. The key light (sun or moon; indoors, the sun through a
 * window) is added directly, weighted by how much of it the point sees past the objects
 * ({@link Geometry#visibility}): Lambert diffuse plus a GGX highlight. The area lights (glowing
 * objects, a room's ceiling lamp and windows: {@link AreaLights}) add their irradiance with sampled
 * soft shadows, and on rough surfaces a GGX highlight toward each light's centre; glossy surfaces
 * and metals show them by their traced reflections instead. The ambient light is the irradiance from the sky or the room for the
 * surface's normal ({@link AmbientLight}) times the ambient occlusion by nearby objects. The
 * reflection depends on the material: mirrors and glass trace one ray per bounce (and those rays,
 * like camera rays, may see the sun's disk, since no highlight stands in for it);
 * glossy surfaces trace a fixed stratified set of rays over their GGX lobe ({@link SamplePattern}),
 * blind to the sun because the highlight already accounts for it (they see the area lights); rough surfaces
 * reflect the environment filtered as widely as the irradiance, which costs no ray at all.
 *
 * <p>A ray whose share of the pixel falls below {@link #CUTOFF}, or that has bounced
 * {@link RenderOptions#maxDepth} times, is not traced; the environment in its direction stands in.
 */
final class Shader {
    /** Rays whose contribution to the pixel would be below this are not traced. */
    static final double CUTOFF = 0.01;
    /** Surfaces smoother than this reflect traced rays, rougher ones the filtered environment. */
    static final double GLOSSY_LIMIT = 0.35;
    /** Metals smoother than this are mirrors: one ray, which may see the sun's disk. */
    static final double MIRROR_LIMIT = 0.02;
    /** Secondary rays start this far off the surface, metres. */
    static final double OFFSET = 1e-5;
    /** Surfaces further than this are hazed by the air, metres (see {@link Sky#haze}). */
    static final double HAZE_START = 30;

    private final Geometry geometry;
    private final Bvh bvh;
    private final AreaLights lights;
    private final Surfaces surfaces;
    private final int maxDepth, glossySamples;
    /** glossy[n] holds the offsets of an n-sample glossy reflection. */
    private final double[][] glossy;
    // The frame's view and light: the same for every frame of a still camera under a still sun,
    // set again by the renderer when the camera moves or the clock runs (see setFrame).
    private Enclosure enclosure;
    private Lighting lighting;
    private PinholeCamera camera;
    private Sky sky;
    /** Angle one pixel spans at the centre of the picture, radians (for the floor pattern's fading). */
    private double pixelAngle;

    private final Hit hit = new Hit();
    private final int[] stack;
    private final double[] scratch = new double[3], scratch2 = new double[3], direction = new double[3];
    private final double[] stars = new double[3], starScratch = new double[4], lensRay = new double[6];
    /** The brightest a star can be in this picture ({@link StarField#brightest}): against a sky a thousand times brighter none shows. */
    private double starLimit;
    /** An imported model's surface at the current hit (see {@link MeshLook#at}), and a texel's scratch. */
    private final double[] pbr = new double[5];
    private final float[] texel = new float[4];
    /** Depth of field's lens, or null for a pinhole. Its rays leave the tile's frustum, so they use the whole BVH. */
    private ThinLens lens;
    private final RenderOptions options;
    /** Objects that matter to the camera rays of the current tile. */
    private final TileCandidates tile;
    private final double roomDiagonal;
    /** Key light as seen from the current point: direction, distance, angular size, irradiance. */
    private double keyDx, keyDy, keyDz, keyDistance, keyTan, keyR, keyG, keyB;
    /** The current camera sample's hash: it picks the area lights' shadow samples (see {@link AreaLights}). */
    private long seed;
    /** Scratch of the area lights: each cell's unoccluded weight, and the cells facing the point. */
    private final double[] cellWeight;
    private final int[] facing;
    /** The area lights' irradiance at the current point, and the unit direction to the light's centre. */
    double lightR, lightG, lightB, lightDx, lightDy, lightDz;

    /** Radiance carried back by the last traced ray. */
    double red, green, blue;
    /** Surface id the last camera ray hit first ({@link Hit#NONE} for the sky). */
    int firstSurface;
    /** Rays traced after a bounce, ever: where none were, a tile's picture owes nothing to other surfaces. */
    long bouncedRays;
    /** Rays traced, ever: camera rays and every reflected or refracted one (not shadow tests). */
    long rays;

    /** A shader without area lights (tools and tests of the other light). */
    Shader(Geometry geometry, Bvh bvh, Enclosure enclosure, Surfaces surfaces, Lighting lighting,
           PinholeCamera camera, RenderOptions options) {
        this(geometry, bvh, enclosure, surfaces, lighting, camera, options, AreaLights.none());
    }

    Shader(Geometry geometry, Bvh bvh, Enclosure enclosure, Surfaces surfaces, Lighting lighting,
           PinholeCamera camera, RenderOptions options, AreaLights lights) {
        this.geometry = geometry;
        this.bvh = bvh;
        this.lights = lights;
        int most = 1;
        for (int i = 0; i < lights.count; i++) most = Math.max(most, lights.cells[i]);
        cellWeight = new double[most];
        facing = new int[most];
        stack = new int[Bvh.stackSize(geometry.count)];
        this.surfaces = surfaces;
        this.maxDepth = options.maxDepth();
        this.options = options;
        this.glossySamples = options.glossySamples();
        glossy = new double[glossySamples + 1][];
        for (int n = 1; n <= glossySamples; n++) glossy[n] = SamplePattern.glossyOffsets(n);
        tile = new TileCandidates(geometry.count);
        setFrame(camera, lighting, enclosure);
        roomDiagonal = enclosure.diagonal();
    }

    /** The view and the light of the frames to come (not while a frame is being drawn). */
    void setFrame(PinholeCamera camera, Lighting lighting, Enclosure enclosure) {
        this.camera = camera;
        this.lighting = lighting;
        this.sky = lighting.sky;
        this.enclosure = enclosure;
        pixelAngle = 2 * camera.tanX / camera.width;
        starLimit = StarField.brightest(pixelAngle);
        lens = options.aperture() > 0 ? new ThinLens(options.aperture(),
                options.focusDistance() > 0 ? options.focusDistance() : camera.focusDistance, options.lensSamples()) : null;
    }

    /**
     * Restricts the work of camera rays to the objects that matter to the tile whose frustum is
     * {@code frustum} ({@link TileCandidates}); the objects' poses must be those of the frame.
     */
    void beginTile(double[] frustum) {
        tile.select(geometry, lighting, lights, camera, frustum, lighting.indoor, roomDiagonal);
    }

    /** True when no object matters to the camera rays of the current tile (see {@link TileCandidates}). */
    boolean tileUntouched() {
        return tile.none();
    }

    /**
     * Traces the camera ray through image point (sx, sy) in pixels (with a lens, the mean of its rays
     * over the pupil, see {@link ThinLens}); the radiance lands in red, green, blue.
     */
    void sample(double sx, double sy) {
        seed = Double.doubleToLongBits(Math.floor(sx * 16)) * 0x9E3779B97F4A7C15L
                ^ Double.doubleToLongBits(Math.floor(sy * 16)) * 0xC2B2AE3D27D4EB4FL;
        camera.direction(sx, sy, direction);
        if (lens == null) {
            trace(camera.eyeX, camera.eyeY, camera.eyeZ, direction[0], direction[1], direction[2], 0, 1, true, Hit.NONE,
                    Hit.NONE);
            return;
        }
        double dx = direction[0], dy = direction[1], dz = direction[2];
        // Sub-pixel samples of one pixel (anti-aliasing) get their own turn of the spiral.
        double turn = ThinLens.turn((int) Math.floor(sx * 8), (int) Math.floor(sy * 8));
        double cos = Math.cos(turn), sin = Math.sin(turn);
        int n = lens.samples(), first = Hit.NONE;
        double r = 0, g = 0, b = 0, w = 1.0 / n;
        double[] ray = lensRay;
        for (int k = 0; k < n; k++) {
            lens.ray(camera, dx, dy, dz, k, cos, sin, ray);
            trace(ray[0], ray[1], ray[2], ray[3], ray[4], ray[5], 0, w, true, Hit.NONE, Hit.NONE);
            if (k == 0) first = firstSurface;
            r += red;
            g += green;
            b += blue;
        }
        red = r * w;
        green = g * w;
        blue = b * w;
        firstSurface = first;
    }

    /**
     * Radiance arriving at o from unit direction -d, into red, green, blue. {@code weight} is the
     * ray's share of the pixel, {@code seesLights} whether it may see the sun's disk and the lamp,
     * {@code skip} an object it cannot hit (the one it leaves, if convex), {@code medium} the transparent
     * object it travels inside ({@link Hit#NONE} in air), whose absorption dims what it brings back
     * by Beer and Lambert's law over the distance to its hit.
     */
    private void trace(double ox, double oy, double oz, double dx, double dy, double dz,
                       int depth, double weight, boolean seesLights, int skip, int medium) {
        // Only a convex object cannot be met again by a ray that leaves it: a bowl's inside reflects its rim.
        if (skip != Hit.NONE && !geometry.convex[skip]) skip = Hit.NONE;
        Hit h = hit;
        h.reset();
        rays++;
        if (depth > 0) bouncedRays++;
        if (depth == 0 && lens == null) geometry.intersect(ox, oy, oz, dx, dy, dz, tile.hits, 0, tile.hitCount, skip, h);
        else bvh.intersect(ox, oy, oz, dx, dy, dz, skip, h, stack);
        enclosure.intersect(ox, oy, oz, dx, dy, dz, depth == 0, h);
        if (depth == 0) firstSurface = h.id;
        int id = h.id;
        if (id == Hit.NONE) {
            background(dx, dy, dz, seesLights);
            return;
        }
        double t = h.t;
        double px = ox + t * dx, py = oy + t * dy, pz = oz + t * dz;
        if (id < geometry.count) geometry.normalAt(id, px, py, pz, h);
        double nx = h.nx, ny = h.ny, nz = h.nz;
        MeshLook look = id < geometry.count ? geometry.look[id] : null;
        if (look != null && look.owns(h.triangle)) {
            double cosV = Math.max(Math.abs(dx * nx + dy * ny + dz * nz), 0.05);
            look.at(h.triangle, h.uv[0], h.uv[1], t * pixelAngle / cosV, pbr, texel);
            imported(px, py, pz, nx, ny, nz, dx, dy, dz, id, depth, weight, seesLights);
        } else switch (surfaces.kind[id]) {
            case Surfaces.EMITTER -> {
                if (id == surfaces.lamp) {
                    red = lighting.lampRadiance[0];
                    green = lighting.lampRadiance[1];
                    blue = lighting.lampRadiance[2];
                } else {
                    double l = surfaces.emission[id] * lighting.radiancePerNit;
                    red = surfaces.red[id] * l;
                    green = surfaces.green[id] * l;
                    blue = surfaces.blue[id] * l;
                }
            }
            case Surfaces.GLASS -> glass(px, py, pz, nx, ny, nz, dx, dy, dz, id, depth, weight, seesLights);
            case Surfaces.METAL -> metal(px, py, pz, nx, ny, nz, dx, dy, dz, id, depth, weight, seesLights);
            default -> dielectric(px, py, pz, nx, ny, nz, dx, dy, dz, id, depth, weight, t);
        }
        if (medium != Hit.NONE) {
            int m = 3 * medium;
            red *= Math.exp(-surfaces.absorption[m] * t);
            green *= Math.exp(-surfaces.absorption[m + 1] * t);
            blue *= Math.exp(-surfaces.absorption[m + 2] * t);
        }
        if (sky != null && t >= HAZE_START) {
            double[] c = scratch2;
            c[0] = red;
            c[1] = green;
            c[2] = blue;
            sky.haze(t, dx, dy, dz, c, 0, scratch);
            red = c[0];
            green = c[1];
            blue = c[2];
        }
    }

    /**
     * What a ray that hits nothing sees: the sky (with the sun's or the moon's disk and the stars if
     * it may see lights), the photograph that stands in for it, the outdoors through a room's window
     * (the sky above the horizon, the ground below), or the dark outside a room.
     */
    private void background(double dx, double dy, double dz, boolean seesLights) {
        Sky outside = lighting.windowSky;
        if (outside != null) {
            if (dy > 0) {
                outside.radiance(dx, dy, dz, scratch, 0);
                red = scratch[0];
                green = scratch[1];
                blue = scratch[2];
                if (seesLights && outside.seesSun(dx, dy, dz)) {
                    red += outside.sunRadiance[0];
                    green += outside.sunRadiance[1];
                    blue += outside.sunRadiance[2];
                }
            } else {
                red = lighting.outsideGround[0];
                green = lighting.outsideGround[1];
                blue = lighting.outsideGround[2];
            }
            return;
        }
        if (sky == null) {
            if (lighting.environmentMap != null) {
                lighting.environmentMap.radiance(dx, dy, dz, seesLights, scratch, 0);
                red = scratch[0];
                green = scratch[1];
                blue = scratch[2];
                return;
            }
            red = lighting.background[0];
            green = lighting.background[1];
            blue = lighting.background[2];
            return;
        }
        sky.radiance(dx, dy, dz, scratch, 0);
        if (seesLights && dy > 0 && sky.cloudCover < 1
                && starLimit >= 1e-3 * (scratch[0] > scratch[1] ? scratch[0] : scratch[1])) {
            // Stars: a billionth of the sun, seen only where the sky is dark (see StarField); clouds hide them.
            double[] st = stars;
            st[0] = st[1] = st[2] = 0;
            StarField.add(dx, dy, dz, pixelAngle, st, starScratch);
            double k = 1 - sky.cloudCover;
            scratch[0] += k * st[0];
            scratch[1] += k * st[1];
            scratch[2] += k * st[2];
        }
        red = scratch[0];
        green = scratch[1];
        blue = scratch[2];
        if (seesLights && sky.seesSun(dx, dy, dz)) {
            red += sky.sunRadiance[0];
            green += sky.sunRadiance[1];
            blue += sky.sunRadiance[2];
        }
        if (seesLights && lighting.moon && dx * lighting.keyX + dy * lighting.keyY + dz * lighting.keyZ >= sky.cosSunRadius) {
            // The full moon's disk, about as wide as the sun's: its irradiance over its solid angle.
            double solidAngle = 2 * Math.PI * (1 - sky.cosSunRadius);
            red += lighting.keyPower[0] / solidAngle;
            green += lighting.keyPower[1] / solidAngle;
            blue += lighting.keyPower[2] / solidAngle;
        }
    }

    /**
     * The environment in direction d without tracing: the sky (or its photograph) above the horizon,
     * else the light the surroundings send on average from that side (the ambient irradiance over pi).
     */
    private void environment(double dx, double dy, double dz) {
        if (sky != null && dy > 0) {
            sky.radiance(dx, dy, dz, scratch, 0);
        } else if (lighting.environmentMap != null && dy > 0) {
            lighting.environmentMap.radiance(dx, dy, dz, false, scratch, 0);
        } else {
            lighting.ambient.irradiance(dx, dy, dz, scratch, 0);
            scratch[0] /= Math.PI;
            scratch[1] /= Math.PI;
            scratch[2] /= Math.PI;
        }
        red = scratch[0];
        green = scratch[1];
        blue = scratch[2];
    }

    /** Sets the key light's direction, distance, size and irradiance (a distant light's: the same everywhere). */
    void keyLight() {
        keyDx = lighting.keyX;
        keyDy = lighting.keyY;
        keyDz = lighting.keyZ;
        keyDistance = Double.POSITIVE_INFINITY;
        keyTan = lighting.keySize;
        keyR = lighting.keyPower[0];
        keyG = lighting.keyPower[1];
        keyB = lighting.keyPower[2];
    }

    /**
     * Visibility of the key light from p (normal n) past every object but {@code object} (when
     * convex); at a camera ray's hit ({@code depth} 0) only the tile's shadow casters can matter.
     * Indoors the light must also leave the room through a window.
     */
    double keyVisibility(double px, double py, double pz, double nx, double ny, double nz, int object,
                                 int depth) {
        if (lighting.indoor && !enclosure.exitsThroughWindow(px, py, pz, keyDx, keyDy, keyDz)) return 0;
        if (object != Hit.NONE && !geometry.convex[object]) object = Hit.NONE;
        return depth == 0 && lens == null
                ? geometry.visibility(px + nx * OFFSET, py + ny * OFFSET, pz + nz * OFFSET,
                        keyDx, keyDy, keyDz, keyDistance, keyTan, tile.shadows, 0, tile.shadowCount, object)
                : bvh.visibility(px + nx * OFFSET, py + ny * OFFSET, pz + nz * OFFSET,
                        keyDx, keyDy, keyDz, keyDistance, keyTan, object, stack);
    }

    /**
     * The irradiance of area light i at p (unit normal n, toward the viewer) on a surface of object
     * {@code object} (or {@link Hit#NONE}), shadows included, into lightR, lightG, lightB, and the
     * unit direction from p to the light's centre into lightDx, lightDy, lightDz. False when the
     * light sends nothing there (it is the object itself, or wholly behind the surface, or hidden).
     * See {@link AreaLights} for the sums and the shadow rays.
     */
    boolean areaLight(int i, double px, double py, double pz, double nx, double ny, double nz, int object,
                              int depth) {
        AreaLights a = lights;
        int own = a.object[i];
        if (own != Hit.NONE && own == object) return false;
        double bx = a.bx[i] - px, by = a.by[i] - py, bz = a.bz[i] - pz;
        double reach = a.br[i];
        if (bx * nx + by * ny + bz * nz < -reach) return false;  // wholly below the surface's horizon
        boolean window = a.kind[i] == AreaLights.WINDOW;
        double sum = 0, sr = 0, sg = 0, sb = 0;
        int first = a.first[i], n = a.cells[i], facingCount = 0;
        double[] w = cellWeight;
        Sky outside = lighting.windowSky;
        // Near the light (within three of its radii) each cell counts as its four quarters; far from
        // a flat one (beyond ten radii) the cells count as one, the disk's own formula.
        double centre2 = bx * bx + by * by + bz * bz;
        boolean near = centre2 < 9 * reach * reach;
        if (a.kind[i] == AreaLights.CEILING && centre2 > 100 * reach * reach) {
            double d = Math.sqrt(centre2), cosR = (nx * bx + ny * by + nz * bz) / d;
            double cosE = -(a.nx[first] * bx + a.ny[first] * by + a.nz[first] * bz) / d;
            if (cosR <= 0 || cosE <= 0) return false;
            double area = n * a.area[first];
            sum = area * cosR * cosE / (centre2 + area / Math.PI);
            for (int k = 0; k < n; k++) {
                w[k] = sum / n;
                facing[k] = k;
            }
            facingCount = n;
            n = 0;  // the cells are done
        }
        for (int k = 0; k < n; k++) {
            int c = first + k;
            double wx = a.cx[c] - px, wy = a.cy[c] - py, wz = a.cz[c] - pz;
            double d2 = wx * wx + wy * wy + wz * wz;
            double cosR = nx * wx + ny * wy + nz * wz, cosE = -(a.nx[c] * wx + a.ny[c] * wy + a.nz[c] * wz);
            double weight;
            if (near) {
                weight = 0;
                double q = a.area[c] / 4;
                for (int s = 0; s < 4; s++) {
                    double fu = (s & 1) == 0 ? -0.5 : 0.5, fv = (s & 2) == 0 ? -0.5 : 0.5;
                    double sx = wx + fu * a.ux[c] + fv * a.vx[c], sy = wy + fu * a.uy[c] + fv * a.vy[c];
                    double sz = wz + fu * a.uz[c] + fv * a.vz[c];
                    double e2 = sx * sx + sy * sy + sz * sz;
                    double r = nx * sx + ny * sy + nz * sz, e = -(a.nx[c] * sx + a.ny[c] * sy + a.nz[c] * sz);
                    if (r > 0 && e > 0) weight += q * r * e / (e2 * (e2 + q / Math.PI));
                }
            } else {
                // A cos(theta) cos(theta') / (d^2 + A / pi), the cosines being the dot products over d.
                weight = cosR > 0 && cosE > 0 ? a.area[c] * cosR * cosE / (d2 * (d2 + a.area[c] / Math.PI)) : 0;
            }
            if (weight <= 0) {
                w[k] = 0;
                continue;
            }
            w[k] = weight;
            facing[facingCount++] = k;
            sum += weight;
            if (window) {
                // The sky beyond the part of the cell above the point's height, the ground below.
                double half = Math.abs(a.vy[c]);
                double up = Math.min(1, Math.max(0, (a.cy[c] + half - py) / (2 * half)));
                double inv = 1 / Math.sqrt(d2), sy = Math.max(wy * inv, 0.02);
                double sx = wx * inv, sz = wz * inv, norm = 1 / Math.sqrt(sx * sx + sy * sy + sz * sz);
                outside.radiance(sx * norm, sy * norm, sz * norm, scratch, 0);
                double[] ground = lighting.outsideGround;
                sr += weight * (up * scratch[0] + (1 - up) * ground[0]);
                sg += weight * (up * scratch[1] + (1 - up) * ground[1]);
                sb += weight * (up * scratch[2] + (1 - up) * ground[2]);
            }
        }
        if (sum <= 0) return false;
        if (!window) {
            sr = sum * a.radiance[3 * i];
            sg = sum * a.radiance[3 * i + 1];
            sb = sum * a.radiance[3 * i + 2];
        }
        double ox = px + nx * OFFSET, oy = py + ny * OFFSET, oz = pz + nz * OFFSET;
        int skip = object != Hit.NONE && geometry.convex[object] ? object : Hit.NONE;
        double v = mayShade(i, ox, oy, oz, skip, own, depth) ? lightVisibility(i, ox, oy, oz, skip, own, depth, facingCount) : 1;
        if (v <= 0) return false;
        lightR = sr * v;
        lightG = sg * v;
        lightB = sb * v;
        double d = Math.sqrt(bx * bx + by * by + bz * bz);
        lightDx = bx / d;
        lightDy = by / d;
        lightDz = bz / d;
        return true;
    }

    /**
     * Can an object come between p and area light i? True when some object's bounding sphere reaches
     * into the cone from p to the sphere around the light (of the tile's shadow casters for a camera
     * ray's hit, or of every object).
     */
    private boolean mayShade(int i, double px, double py, double pz, int skip, int own, int depth) {
        AreaLights a = lights;
        double lx = a.bx[i] - px, ly = a.by[i] - py, lz = a.bz[i] - pz;
        double length = Math.sqrt(lx * lx + ly * ly + lz * lz);
        if (length < 1e-12) return true;
        lx /= length;
        ly /= length;
        lz /= length;
        boolean fromTile = depth == 0 && lens == null;
        int n = fromTile ? tile.shadowCount : geometry.count;
        if (!fromTile && n > 64) return true;  // many objects: let the tree sort them out, ray by ray
        for (int k = 0; k < n; k++) {
            int j = fromTile ? tile.shadows[k] : k;
            if (j == skip || j == own) continue;
            double ocx = geometry.cx[j] - px, ocy = geometry.cy[j] - py, ocz = geometry.cz[j] - pz;
            double s = ocx * lx + ocy * ly + ocz * lz, bound = geometry.bound[j];
            if (s < -bound || s > length + bound) continue;
            double along = Math.max(0, Math.min(length, s));
            double ex = ocx - along * lx, ey = ocy - along * ly, ez = ocz - along * lz;
            double reach = bound + a.br[i] * along / length;
            if (ex * ex + ey * ey + ez * ez < reach * reach) return true;
        }
        return false;
    }

    /**
     * The share of area light i that p sees past the objects: shadow rays to jittered points of up to
     * {@link AreaLights#SHADOW_RAYS} of the cells facing p (the first {@code facingCount} of
     * {@link #facing}), each weighted by its cell's unoccluded weight. The cells and the jitter come
     * from the camera sample's hash.
     */
    private double lightVisibility(int i, double px, double py, double pz, int skip, int own, int depth, int facingCount) {
        AreaLights a = lights;
        int rays = Math.min(facingCount, AreaLights.SHADOW_RAYS);
        long h = seed + 0x632BE59BD9B4E019L * (i + 1);
        double start = Surfaces.unit(h);
        double total = 0, seen = 0, first = -1;
        boolean fromTile = depth == 0 && lens == null, agree = true;
        // Four rays spread over the light first; if they agree (all blocked, all clear) the rest
        // would almost surely agree as well: a full shadow or full light for four rays' cost.
        int probes = Math.min(4, rays);
        for (int step = 0; step < rays; step++) {
            if (step == probes) {
                if (agree) break;
            }
            int m = step < probes ? step * rays / probes : probeSkip(step - probes, rays, probes);
            int k = facing[Math.min(facingCount - 1, (int) ((m + start) * facingCount / rays))];
            int c = a.first[i] + k;
            double ju = 2 * Surfaces.unit(h + 2L * m + 1) - 1, jv = 2 * Surfaces.unit(h + 2L * m + 2) - 1;
            double qx = a.cx[c] + ju * a.ux[c] + jv * a.vx[c] - px;
            double qy = a.cy[c] + ju * a.uy[c] + jv * a.vy[c] - py;
            double qz = a.cz[c] + ju * a.uz[c] + jv * a.vz[c] - pz;
            double d = Math.sqrt(qx * qx + qy * qy + qz * qz);
            if (d < 1e-9) continue;
            double inv = 1 / d, far = d * (1 - 1e-7);
            double t = fromTile
                    ? geometry.transmittance(px, py, pz, qx * inv, qy * inv, qz * inv, far, tile.shadows, 0, tile.shadowCount, skip, own)
                    : bvh.transmittance(px, py, pz, qx * inv, qy * inv, qz * inv, far, skip, own, stack);
            double weight = cellWeight[k];
            total += weight;
            seen += weight * t;
            if (step < probes) {
                if (first < 0) first = t;
                else agree &= t == first;
            }
        }
        return total > 0 ? seen / total : 1;
    }

    /**
     * The j-th of the ray indices [0, rays) that are not probes (the probes being q rays / probes
     * for q below probes), in increasing order.
     */
    static int probeSkip(int j, int rays, int probes) {
        int m = j;
        // Each probe at or below the candidate pushes it one further.
        for (int q = 0; q < probes; q++) {
            if (q * rays / probes <= m) m++;
        }
        return m;
    }

    /** Ambient occlusion at p (normal n) by every object but {@code object}, as {@link #keyVisibility}. */
    private double ambientVisibility(double px, double py, double pz, double nx, double ny, double nz, int object,
                                     int depth) {
        return depth == 0 && lens == null
                ? geometry.ambientVisibility(px, py, pz, nx, ny, nz, tile.occluders, 0, tile.occluderCount, object)
                : bvh.ambientVisibility(px, py, pz, nx, ny, nz, object, stack);
    }

    /** Rubber, plastic, wood, stone, walls: Lambert diffuse under a Fresnel-weighted clear coat. */
    private void dielectric(double px, double py, double pz, double nx, double ny, double nz,
                            double dx, double dy, double dz, int id, int depth, double weight, double t) {
        double cosV = -(dx * nx + dy * ny + dz * nz);
        if (cosV < 0) {  // seen from behind: shade the side that is seen
            nx = -nx;
            ny = -ny;
            nz = -nz;
            cosV = -cosV;
        }
        int object = id < geometry.count ? id : Hit.NONE;
        double ar = surfaces.red[id], ag = surfaces.green[id], ab = surfaces.blue[id];
        if (id == surfaces.floor && surfaces.pattern != Surfaces.PLAIN) {
            double s = surfaces.floorShade(px, pz, t * pixelAngle / Math.max(cosV, 0.05));
            ar *= s;
            ag *= s;
            ab *= s;
        } else if (object != Hit.NONE && surfaces.texture[id] != SolidTexture.NONE) {
            // Solid textures live in the object's frame: object = M^T (p - c), so they move with it.
            double[] m = geometry.rotation;
            int k = 9 * id;
            double qx = px - geometry.cx[id], qy = py - geometry.cy[id], qz = pz - geometry.cz[id];
            double lx = m[k] * qx + m[k + 3] * qy + m[k + 6] * qz;
            double ly = m[k + 1] * qx + m[k + 4] * qy + m[k + 7] * qz;
            double lz = m[k + 2] * qx + m[k + 5] * qy + m[k + 8] * qz;
            double g = SolidTexture.exponent(surfaces.texture[id], lx, ly, lz, surfaces.textureAxis[id],
                    t * pixelAngle / Math.max(cosV, 0.05));
            ar = Math.pow(ar, g);
            ag = Math.pow(ag, g);
            ab = Math.pow(ab, g);
        }
        shadeDielectric(px, py, pz, nx, ny, nz, dx, dy, dz, id, object, depth, weight, cosV, ar, ag, ab,
                surfaces.roughness[id], surfaces.alpha[id], surfaces.f0[id]);
    }

    /**
     * Lambert diffuse of albedo (ar, ag, ab) under a clear coat of normal reflectance f0 and
     * roughness {@code rough} (GGX {@code alpha}), the normal n already turned toward the viewer.
     */
    private void shadeDielectric(double px, double py, double pz, double nx, double ny, double nz,
                                 double dx, double dy, double dz, int id, int object, int depth, double weight,
                                 double cosV, double ar, double ag, double ab, double rough, double alpha, double f0) {
        double fEnv = Optics.schlickRough(cosV, f0, rough);
        double r = 0, g = 0, b = 0;

        keyLight();
        double nl = nx * keyDx + ny * keyDy + nz * keyDz;
        if (nl > 0 && lighting.keyOn) {
            double vis = keyVisibility(px, py, pz, nx, ny, nz, object, depth);
            if (vis > 0) {
                double hx = keyDx - dx, hy = keyDy - dy, hz = keyDz - dz;
                double inv = 1 / Math.sqrt(hx * hx + hy * hy + hz * hz);
                double nh = (nx * hx + ny * hy + nz * hz) * inv, lh = (keyDx * hx + keyDy * hy + keyDz * hz) * inv;
                double spec = Optics.ggx(nh, nl, Math.max(cosV, 1e-4), alpha) * Optics.schlick(lh, f0);
                double diffuse = (1 - f0) / Math.PI;
                double s = nl * vis;
                r += keyR * (ar * diffuse + spec) * s;
                g += keyG * (ag * diffuse + spec) * s;
                b += keyB * (ab * diffuse + spec) * s;
            }
        }

        boolean traced = rough < GLOSSY_LIMIT && depth < maxDepth && weight * fEnv > CUTOFF;
        if (lights.count > 0) {
            double diffuse = (1 - f0) / Math.PI;
            for (int i = 0; i < lights.count; i++) {
                if (!areaLight(i, px, py, pz, nx, ny, nz, object, depth)) continue;
                double spec = 0;
                if (!traced) {
                    // The highlight toward the light's centre: its reflection is not traced here.
                    double cosL = nx * lightDx + ny * lightDy + nz * lightDz;
                    if (cosL > 0) {
                        double hx = lightDx - dx, hy = lightDy - dy, hz = lightDz - dz;
                        double inv = 1 / Math.sqrt(hx * hx + hy * hy + hz * hz);
                        double nh = (nx * hx + ny * hy + nz * hz) * inv;
                        double lh = (lightDx * hx + lightDy * hy + lightDz * hz) * inv;
                        spec = Optics.ggx(nh, cosL, Math.max(cosV, 1e-4), alpha) * Optics.schlick(lh, f0);
                    }
                }
                r += lightR * (ar * diffuse + spec);
                g += lightG * (ag * diffuse + spec);
                b += lightB * (ab * diffuse + spec);
            }
        }

        double ao = ambientVisibility(px, py, pz, nx, ny, nz, object, depth);
        double er, eg, eb;
        if (id == surfaces.floor) {
            er = lighting.floorAmbient[0];
            eg = lighting.floorAmbient[1];
            eb = lighting.floorAmbient[2];
        } else {
            lighting.ambient.irradiance(nx, ny, nz, scratch, 0);
            er = scratch[0];
            eg = scratch[1];
            eb = scratch[2];
        }
        double k = (1 - fEnv) * ao / Math.PI;
        r += ar * er * k;
        g += ag * eg * k;
        b += ab * eb * k;

        double rx = dx + 2 * cosV * nx, ry = dy + 2 * cosV * ny, rz = dz + 2 * cosV * nz;
        if (traced) {
            glossyReflection(px, py, pz, nx, ny, nz, rx, ry, rz, alpha, fEnv, depth, weight * fEnv, object);
            r += fEnv * red;
            g += fEnv * green;
            b += fEnv * blue;
        } else {
            lighting.ambient.irradiance(rx, ry, rz, scratch, 0);
            double s = fEnv * ao / Math.PI;
            r += scratch[0] * s;
            g += scratch[1] * s;
            b += scratch[2] * s;
        }
        red = r;
        green = g;
        blue = b;
    }

    /** Metals: no diffuse; reflect with their colour, which Fresnel lifts toward white at grazing angles. */
    private void metal(double px, double py, double pz, double nx, double ny, double nz,
                       double dx, double dy, double dz, int id, int depth, double weight, boolean seesLights) {
        double cosV = -(dx * nx + dy * ny + dz * nz);
        if (cosV < 0) {
            nx = -nx;
            ny = -ny;
            nz = -nz;
            cosV = -cosV;
        }
        int object = id < geometry.count ? id : Hit.NONE;
        int k = 3 * id;
        double[] n = surfaces.conductorN, e = surfaces.conductorK;
        shadeMetal(px, py, pz, nx, ny, nz, dx, dy, dz, object, depth, weight, seesLights, cosV,
                surfaces.roughness[id], surfaces.alpha[id], n[k], n[k + 1], n[k + 2], e[k], e[k + 1], e[k + 2],
                surfaces.red[id], surfaces.green[id], surfaces.blue[id]);
    }

    /**
     * A conductor of complex index n + i k per band (normal reflectance f0 per band) and roughness
     * {@code rough} (GGX {@code alpha}), the normal n already turned toward the viewer.
     */
    private void shadeMetal(double px, double py, double pz, double nx, double ny, double nz,
                            double dx, double dy, double dz, int object, int depth, double weight, boolean seesLights,
                            double cosV, double rough, double alpha, double nR, double nG, double nB,
                            double kR, double kG, double kB, double f0R, double f0G, double f0B) {
        double cr = conductor(cosV, nR, kR, f0R, rough), cg = conductor(cosV, nG, kG, f0G, rough);
        double cb = conductor(cosV, nB, kB, f0B, rough);
        double r = 0, g = 0, b = 0;
        boolean mirror = rough < MIRROR_LIMIT;

        if (!mirror && lighting.keyOn) {
            keyLight();
            double nl = nx * keyDx + ny * keyDy + nz * keyDz;
            if (nl > 0) {
                double vis = keyVisibility(px, py, pz, nx, ny, nz, object, depth);
                if (vis > 0) {
                    double hx = keyDx - dx, hy = keyDy - dy, hz = keyDz - dz;
                    double inv = 1 / Math.sqrt(hx * hx + hy * hy + hz * hz);
                    double nh = (nx * hx + ny * hy + nz * hz) * inv, lh = (keyDx * hx + keyDy * hy + keyDz * hz) * inv;
                    double s = Optics.ggx(nh, nl, Math.max(cosV, 1e-4), alpha) * nl * vis;
                    r += keyR * conductor(lh, nR, kR, f0R, 0) * s;
                    g += keyG * conductor(lh, nG, kG, f0G, 0) * s;
                    b += keyB * conductor(lh, nB, kB, f0B, 0) * s;
                }
            }
        }

        double rx = dx + 2 * cosV * nx, ry = dy + 2 * cosV * ny, rz = dz + 2 * cosV * nz;
        double strength = Math.max(cr, Math.max(cg, cb));
        if (depth < maxDepth && weight * strength > CUTOFF) {
            if (mirror) {
                trace(px + nx * OFFSET, py + ny * OFFSET, pz + nz * OFFSET, rx, ry, rz,
                        depth + 1, weight * strength, seesLights, object, Hit.NONE);
            } else {
                glossyReflection(px, py, pz, nx, ny, nz, rx, ry, rz, alpha, strength, depth, weight * strength, object);
            }
        } else {
            environment(rx, ry, rz);
            if (!mirror || sky == null || ry <= 0) {
                double ao = ambientVisibility(px, py, pz, nx, ny, nz, object, depth);
                red *= ao;
                green *= ao;
                blue *= ao;
            }
        }
        red = r + cr * red;
        green = g + cg * green;
        blue = b + cb * blue;
    }

    /**
     * The mean radiance over a glossy lobe around the mirror direction r, from a fixed stratified set
     * of rays (more at the first bounce where it shows, scaled by how strong the reflection is),
     * into red, green, blue.
     */
    private void glossyReflection(double px, double py, double pz, double nx, double ny, double nz,
                                  double rx, double ry, double rz, double alpha, double strength,
                                  int depth, double weight, int object) {
        int n = depth == 0 ? Math.min(glossySamples, Math.max(1, (int) Math.ceil(glossySamples * strength * 2))) : 1;
        double ox = px + nx * OFFSET, oy = py + ny * OFFSET, oz = pz + nz * OFFSET;
        if (n == 1) {
            trace(ox, oy, oz, rx, ry, rz, depth + 1, weight, false, object, Hit.NONE);
            return;
        }
        // An orthonormal frame (t, b) around r without branches (Duff et al. 2017).
        double sign = Math.copySign(1, rz), a = -1 / (sign + rz), c = rx * ry * a;
        double tx = 1 + sign * rx * rx * a, ty = sign * c, tz = -sign * rx;
        double bx = c, by = sign + ry * ry * a, bz = -ry;
        double[] offsets = glossy[n];
        double sr = 0, sg = 0, sb = 0, w = weight / n;
        for (int k = 0; k < n; k++) {
            double u = alpha * offsets[2 * k], v = alpha * offsets[2 * k + 1];
            double sx = rx + u * tx + v * bx, sy = ry + u * ty + v * by, sz = rz + u * tz + v * bz;
            double inv = 1 / Math.sqrt(sx * sx + sy * sy + sz * sz);
            sx *= inv;
            sy *= inv;
            sz *= inv;
            if (sx * nx + sy * ny + sz * nz < 0.01) {  // the lobe's tail dips under the surface
                sx = rx;
                sy = ry;
                sz = rz;
            }
            trace(ox, oy, oz, sx, sy, sz, depth + 1, w, false, object, Hit.NONE);
            sr += red;
            sg += green;
            sb += blue;
        }
        red = sr / n;
        green = sg / n;
        blue = sb / n;
    }

    /**
     * Reflectance of a conductor of index n + i k (normal reflectance f0) in one band at incidence
     * cosine cos, by the exact Fresnel
     * equations; on a rough surface, averaged over its lobe, the grazing brightening fades as in
     * {@link Optics#schlickRough} (the rise from the normal reflectance is scaled down alike).
     */
    private static double conductor(double cos, double n, double k, double f0, double rough) {
        double f = Optics.fresnelConductor(cos, n, k);
        if (rough <= 0) return f;
        double top = Math.max(1 - rough, f0);
        return f0 + (f - f0) * (top - f0) / Math.max(1 - f0, 1e-9);
    }

    /**
     * An imported model's surface as its file describes it ({@link #pbr}): glTF's metallic-roughness
     * model, a dielectric of albedo the base colour under a coat of normal reflectance 0.04 (an index
     * of 1.5), blended by the metalness with a conductor whose normal reflectance is the base colour
     * (n = 1 and k from the colour, as for painted metals in {@link MaterialOptics}).
     */
    private void imported(double px, double py, double pz, double nx, double ny, double nz,
                          double dx, double dy, double dz, int id, int depth, double weight, boolean seesLights) {
        double cosV = -(dx * nx + dy * ny + dz * nz);
        if (cosV < 0) {
            nx = -nx;
            ny = -ny;
            nz = -nz;
            cosV = -cosV;
        }
        double[] m = pbr;
        double ar = m[0], ag = m[1], ab = m[2], metal = m[3], rough = m[4];
        double alpha = Math.max(rough * rough, 0.005);
        double r = 0, g = 0, b = 0;
        if (metal < 1) {
            shadeDielectric(px, py, pz, nx, ny, nz, dx, dy, dz, id, id, depth, weight * (1 - metal), cosV, ar, ag, ab,
                    rough, alpha, PBR_DIELECTRIC_F0);
            r = (1 - metal) * red;
            g = (1 - metal) * green;
            b = (1 - metal) * blue;
        }
        if (metal > 0) {
            shadeMetal(px, py, pz, nx, ny, nz, dx, dy, dz, id, depth, weight * metal, seesLights, cosV, rough, alpha,
                    1, 1, 1, MaterialOptics.extinctionFor(ar), MaterialOptics.extinctionFor(ag),
                    MaterialOptics.extinctionFor(ab), Math.min(ar, 0.999), Math.min(ag, 0.999), Math.min(ab, 0.999));
            r += metal * red;
            g += metal * green;
            b += metal * blue;
        }
        red = r;
        green = g;
        blue = b;
    }

    /** glTF's normal reflectance of every dielectric. */
    static final double PBR_DIELECTRIC_F0 = 0.04;

    /**
     * Glass, water, ice: the exact Fresnel reflectance splits the ray into a reflected and a refracted
     * one (beyond the critical angle it is all reflected); inside, the medium absorbs by Beer and
     * Lambert's law over the path (see {@link #trace}).
     */
    private void glass(double px, double py, double pz, double nx, double ny, double nz,
                       double dx, double dy, double dz, int id, int depth, double weight, boolean seesLights) {
        double dn = dx * nx + dy * ny + dz * nz;
        boolean entering = dn < 0;
        double mx = entering ? nx : -nx, my = entering ? ny : -ny, mz = entering ? nz : -nz;
        double cosI = entering ? -dn : dn;
        double ior = surfaces.ior[id], eta = entering ? ior : 1 / ior;
        double cosT = Optics.refract(dx, dy, dz, mx, my, mz, 1 / eta, direction);
        double tdx = direction[0], tdy = direction[1], tdz = direction[2];
        double f = cosT < 0 ? 1 : Optics.fresnelDielectric(cosI, eta);
        int object = id < geometry.count ? id : Hit.NONE;
        // Reflected outside, the ray leaves the convex object and travels in air; inside, it stays
        // in the object and its medium. Refracted, the reverse.
        int reflectedMedium = entering ? Hit.NONE : object, refractedMedium = entering ? object : Hit.NONE;
        double r = 0, g = 0, b = 0;

        double rx = dx + 2 * cosI * mx, ry = dy + 2 * cosI * my, rz = dz + 2 * cosI * mz;
        if (depth < maxDepth && weight * f > CUTOFF) {
            trace(px + mx * OFFSET, py + my * OFFSET, pz + mz * OFFSET, rx, ry, rz,
                    depth + 1, weight * f, seesLights, entering ? object : Hit.NONE, reflectedMedium);
        } else {
            environment(rx, ry, rz);
        }
        r += f * red;
        g += f * green;
        b += f * blue;

        if (cosT >= 0) {
            double share = 1 - f;
            if (depth < maxDepth && weight * share > CUTOFF) {
                trace(px - mx * OFFSET, py - my * OFFSET, pz - mz * OFFSET, tdx, tdy, tdz,
                        depth + 1, weight * share, seesLights, entering ? Hit.NONE : object, refractedMedium);
            } else {
                environment(tdx, tdy, tdz);
                if (entering) {
                    // Untraced: assume a pass through the object's width of the medium.
                    double d = object != Hit.NONE ? 2 * geometry.radius[id] : 0.01;
                    red *= Math.exp(-surfaces.absorption[3 * id] * d);
                    green *= Math.exp(-surfaces.absorption[3 * id + 1] * d);
                    blue *= Math.exp(-surfaces.absorption[3 * id + 2] * d);
                }
            }
            r += share * red;
            g += share * green;
            b += share * blue;
        }
        red = r;
        green = g;
        blue = b;
    }
}
