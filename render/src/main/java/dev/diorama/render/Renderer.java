package dev.diorama.render;

import dev.diorama.scene.Camera;
import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Scene;

/**
 * Draws the frames of a scene: a deterministic CPU ray tracer that turns a keyframe (one pose per
 * object) into a BGR24 picture of the scene's size.
 *
 * <p>Everything that does not move is worked out once, here: the camera, the materials, the sun's
 * colour and the sky for the scene's time and place ({@link Lighting}), the ambient light, the
 * exposure (see below for a camera or a sun that moves). A frame then only moves the objects and draws, in two passes over 32 x 32 pixel tiles
 * shared by a fixed crew of threads ({@link TileScheduler}):
 * <ol>
 * <li>a camera ray through the centre of every other pixel, the pixels between them interpolated
 *     where their samples agree and traced where they do not; tone mapped, with the surface each
 *     pixel shows;</li>
 * <li>a pixel on an edge (a silhouette, a shadow's border, a reflection's outline) gets more rays at
 *     fixed sub-pixel positions, averaged after the tone curve; then 8-bit sRGB.</li>
 * </ol>
 * ({@link TileSampler} has the details, {@link Shader} the shading.) Nothing is random: every sample
 * position is fixed, so a pixel depends only on the scene, the keyframe and where the pixel is,
 * never on which thread drew it or when, and any number of threads gives the same bytes. (The
 * scene's seed is therefore not needed here.)
 *
 * <p>The view and the light follow the film's time ({@link Keyframe#t()}): a moving camera
 * ({@link Scene#cameraAt(Keyframe)}) is set up again for each frame, and in a time-lapse so are the
 * sun, the sky table, the ambient light and the exposure ({@link AdaptedExposure}: it follows the
 * light smoothly, without flicker). A frame depends only on the scene and its keyframe, never on
 * the frames drawn before it: a still at time t is the film's frame at t.
 *
 * <p>Still tiles: while neither the camera nor the sun moves, a tile that no object can reach (none
 * is seen, casts a shadow or occludes ambient light there, see {@link TileCandidates}) and whose rays
 * did not bounce off anything looks the same in every frame, a function of the scene alone. Such a
 * tile keeps its first pass from the frame before, and its finished pixels too when its four
 * neighbours are still as well (the edge test looks one pixel across). A frame whose camera or light
 * differs from the frame before keeps nothing. The bytes are exactly those a full redraw would give;
 * only the time differs ({@link RenderOptions#reuseStill}).
 *
 * <p>One frame at a time: render is synchronized, so calls from several threads queue. Close the
 * renderer to stop its threads.
 */
public final class Renderer implements AutoCloseable {
    /** Tile side, pixels (even, so the first pass's grid of spacing 2 lines up across tiles). */
    static final int TILE = 32;

    private final int width, height, tilesX, tilesY, tileCount;
    private final RenderOptions options;
    private final Scene scene;
    private final Geometry geometry;
    private final Bvh bvh;
    private final Surfaces surfaces;
    /** Glowing objects, the ceiling lamp and the windows. */
    private final AreaLights lights;
    /** Outdoors in a time-lapse: the exposure adapted over film time; else null. */
    private final AdaptedExposure adaptedExposure;
    /** A time-lapse whose light follows the clock: outdoors, or indoors through windows. */
    private final boolean followsClock;
    /** The photograph that is the sky, or null. */
    private final EnvironmentMap environmentMap;
    /** The view and the light of the last frame, and the camera and clock they were made for. */
    private PinholeCamera camera;
    private Lighting lighting;
    private Camera frameCamera;
    private double frameClock;
    /** Time spent setting up views and lights for moving cameras and time-lapses, ns (for the bench). */
    long setupNanos;
    private final Shader[] shaders;
    private final TileSampler[] samplers;
    private final double[][] frustums;
    private final FilmBuffer buffer;
    private final TileScheduler scheduler;
    /** Per tile: its first pass owes nothing to the objects; it was kept in this frame. */
    private final boolean[] still, kept;
    /** Per worker, this frame: tiles whose first pass was kept. */
    private final int[] keptTiles;
    private byte[] target;

    /** A renderer with the default {@link RenderOptions}; {@code threads <= 0} uses every core. */
    public Renderer(Scene scene, int threads) {
        this(scene, threads, RenderOptions.DEFAULT);
    }

    public Renderer(Scene scene, int threads, RenderOptions options) {
        this(scene, threads, options, null);
    }

    /**
     * A renderer whose sky and light are the photograph {@code environment} (for a picture that
     * arrives with a request rather than as a file: OpenAI's {@code input_reference}); null takes the
     * scene's own {@code environment.environmentMap}, read from its path, or the simulated sky.
     * Indoors the photograph is ignored (the room hides the sky).
     *
     * @throws dev.diorama.scene.SceneException when the scene names a photograph that cannot be read
     */
    public Renderer(Scene scene, int threads, RenderOptions options, EnvironmentMap environment) {
        this.options = options;
        if (environment == null && scene.environment().environmentMap() != null) {
            environment = EnvironmentMap.load(scene.environment().environmentMap());
        }
        environmentMap = environment;
        width = scene.width();
        height = scene.height();
        tilesX = (width + TILE - 1) / TILE;
        tilesY = (height + TILE - 1) / TILE;
        tileCount = tilesX * tilesY;
        this.scene = scene;
        frameCamera = scene.cameraAt(0);
        frameClock = scene.clockAt(0);
        camera = new PinholeCamera(frameCamera, width, height);
        geometry = new Geometry(scene.objects(), scene.liquids());
        liquidMeshers = new dev.diorama.fluid.SurfaceMesher[scene.liquids().size()];
        for (int k = 0; k < liquidMeshers.length; k++) {
            liquidMeshers[k] = dev.diorama.fluid.SurfaceMesher.forSpacing(scene.liquids().get(k).spacing(), 1);
        }
        shownLiquids = new dev.diorama.scene.LiquidFrame[liquidMeshers.length];
        bvh = new Bvh(geometry);
        surfaces = new Surfaces(scene);
        // A photograph's light does not follow the clock.
        var room = scene.environment().room();
        followsClock = scene.timeLapse() != null && environment == null && (room == null || !room.windows().isEmpty());
        // Indoors the exposure is metered on the room's floor (lamp and windows) frame by frame: the
        // daylight through the windows changes it smoothly, and the lamp keeps it from following a
        // sunset down into the dark.
        adaptedExposure = followsClock && room == null ? new AdaptedExposure(scene) : null;
        lighting = followsClock
                ? new Lighting(scene, scene.sunAt(0), adaptedExposure != null ? adaptedExposure.at(0) : Double.NaN, null, true)
                : new Lighting(scene, scene.sun(), Double.NaN, environment, true);
        ToneMap toneMap = new ToneMap(lighting.exposure);
        Enclosure enclosure = new Enclosure(scene.environment().room(), frameCamera.position(), surfaces);
        lights = new AreaLights(scene, geometry, surfaces, lighting);
        buffer = new FilmBuffer(width, height);
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        shaders = new Shader[workers];
        samplers = new TileSampler[workers];
        frustums = new double[workers][12];
        for (int i = 0; i < workers; i++) {
            shaders[i] = new Shader(geometry, bvh, enclosure, surfaces, lighting, camera, options, lights);
            samplers[i] = new TileSampler(shaders[i], toneMap, buffer, options, TILE);
        }
        still = new boolean[tileCount];
        kept = new boolean[tileCount];
        keptTiles = new int[workers];
        scheduler = new TileScheduler(workers);
    }

    /** Surface reconstruction per liquid (marching cubes over the particles' smoothed density). */
    private final dev.diorama.fluid.SurfaceMesher[] liquidMeshers;
    /** The liquid frames whose surfaces the geometry holds (motion blur draws one keyframe's liquid several times). */
    private final dev.diorama.scene.LiquidFrame[] shownLiquids;

    /**
     * Puts each liquid's surface into the geometry: the iso-surface of its particles' smoothed
     * density ({@link dev.diorama.fluid.SurfaceMesher}), closed, with normals from the density's
     * gradient, as a mesh about its bounding box's centre.
     */
    private void showLiquids(Keyframe frame) {
        for (int k = 0; k < liquidMeshers.length; k++) {
            dev.diorama.scene.LiquidFrame lf = k < frame.liquids().size() ? frame.liquids().get(k) : null;
            if (lf == shownLiquids[k] && lf != null) continue;
            shownLiquids[k] = lf;
            if (lf == null || lf.count() == 0) {
                geometry.setLiquid(k, null, dev.diorama.scene.Vec3.ZERO, 0);
                continue;
            }
            float[] pf = lf.positions();
            double[] xyz = new double[pf.length];
            for (int i = 0; i < pf.length; i++) xyz[i] = pf[i];
            dev.diorama.fluid.SurfaceMesher.Mesh m = liquidMeshers[k].mesh(xyz);
            if (m.triangleCount() == 0) {
                geometry.setLiquid(k, null, dev.diorama.scene.Vec3.ZERO, 0);
                continue;
            }
            float[] v = m.vertices();
            double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < v.length; i++) {
                lo[i % 3] = Math.min(lo[i % 3], v[i]);
                hi[i % 3] = Math.max(hi[i % 3], v[i]);
            }
            dev.diorama.scene.Vec3 c = new dev.diorama.scene.Vec3((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
            float[] local = new float[v.length];
            double bound = 0;
            for (int i = 0; i < v.length; i += 3) {
                local[i] = (float) (v[i] - c.x());
                local[i + 1] = (float) (v[i + 1] - c.y());
                local[i + 2] = (float) (v[i + 2] - c.z());
                bound = Math.max(bound, Math.sqrt(local[i] * local[i] + local[i + 1] * local[i + 1] + local[i + 2] * local[i + 2]));
            }
            dev.diorama.assets.TriangleMesh tm = new dev.diorama.assets.TriangleMesh(local, m.normals(), null, m.triangles(), null,
                    java.util.List.of(dev.diorama.assets.PbrMaterial.DEFAULT));
            geometry.setLiquid(k, new MeshBvh(tm), c, bound + 1e-6);
        }
    }

    /** Picture width and height in pixels (the scene's). */
    public int width() { return width; }

    public int height() { return height; }

    /**
     * Draws {@code frame} into {@code bgr}: width * height * 3 bytes, blue-green-red per pixel, rows
     * from top to bottom.
     */
    public synchronized void render(Keyframe frame, byte[] bgr) {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("expected a buffer of " + width * height * 3 + " bytes ("
                    + width + " x " + height + " BGR24), found " + bgr.length);
        }
        geometry.update(offStage(frame));
        showLiquids(frame);
        lights.update(geometry);
        bvh.rebuild();
        if (!scene.stillCameraAndLight()) followTime(frame);
        for (int i = 0; i < samplers.length; i++) {
            samplers[i].edgePixels = 0;
            keptTiles[i] = 0;
        }
        target = bgr;
        try {
            scheduler.run(tileCount, this::firstPass);
            scheduler.run(tileCount, this::secondPass);
        } finally {
            target = null;
        }
    }

    /**
     * Draws a frame with motion blur: the shutter opens on the poses of {@code open} and closes on
     * those of {@code close} (the same objects, at the time {@link RenderOptions#shutter} of a frame
     * interval later; the camera and the light follow the keyframes' times). The picture is the
     * mean, after the tone curve as for anti-aliasing, of {@link RenderOptions#shutterSamples}
     * pictures at instants evenly spread over the open shutter, each object moving straight and
     * turning at a steady rate between the two poses. With the shutter at 0 this is
     * {@code render(open, bgr)}.
     *
     * <p>A keyframe holds one pose per object, the state at its instant; the poses at the shutter's
     * closing are the caller's to give: the simulation's state that much later, or, at worst, the
     * next frame's keyframe with the shutter set to 1.
     */
    public synchronized void render(Keyframe open, Keyframe close, byte[] bgr) {
        int n = options.shutterSamples();
        if (options.shutter() == 0 || n == 1) {
            render(open, bgr);
            return;
        }
        if (close.poses().size() != open.poses().size()) {
            throw new IllegalArgumentException("expected " + open.poses().size() + " poses at the shutter's closing, found "
                    + close.poses().size());
        }
        float[] sum = new float[bgr.length];
        byte[] sub = new byte[bgr.length];
        for (int k = 0; k < n; k++) {
            double f = (k + 0.5) / n;
            java.util.List<dev.diorama.scene.Pose> poses = new java.util.ArrayList<>(open.poses().size());
            for (int i = 0; i < open.poses().size(); i++) {
                poses.add(between(open.poses().get(i), close.poses().get(i), f));
            }
            render(new Keyframe(open.index(), open.t() + f * (close.t() - open.t()), poses, open.liquids()), sub);
            for (int i = 0; i < sub.length; i++) sum[i] += FILM[sub[i] & 255];
        }
        for (int i = 0; i < bgr.length; i++) bgr[i] = codeOf(sum[i] / n);
    }

    /**
     * Draws {@code frame} of a film made of keyframes at regular times, with motion blur when the
     * options ask for it: the shutter opens on {@code frame} and closes a fraction
     * {@link RenderOptions#shutter} of the way to {@code next}, the following keyframe, each object
     * moving straight and turning steadily between the two ({@link #between}). With the shutter at 0,
     * or for the last frame ({@code next} null), this is {@code render(frame, bgr)}.
     */
    public synchronized void renderFrame(Keyframe frame, Keyframe next, byte[] bgr) {
        double s = options.shutter();
        if (s == 0 || options.shutterSamples() == 1 || next == null) {
            render(frame, bgr);
            return;
        }
        if (next.poses().size() != frame.poses().size()) {
            throw new IllegalArgumentException("expected " + frame.poses().size() + " poses in the next keyframe, found "
                    + next.poses().size());
        }
        java.util.List<dev.diorama.scene.Pose> close = new java.util.ArrayList<>(frame.poses().size());
        for (int i = 0; i < frame.poses().size(); i++) close.add(between(frame.poses().get(i), next.poses().get(i), s));
        render(frame, new Keyframe(frame.index(), frame.t() + s * (next.t() - frame.t()), close, frame.liquids()), bgr);
    }

    /** Film value of each 8-bit code (the inverse of the sRGB encoding). */
    private static final float[] FILM = new float[256];
    /** The film values halfway, in code, between successive codes: code c covers [EDGE[c - 1], EDGE[c]). */
    private static final float[] EDGE = new float[255];

    static {
        for (int i = 0; i < 256; i++) FILM[i] = (float) ToneMap.decode(i);
        for (int i = 0; i < 255; i++) {
            double s = (i + 0.5) / 255;
            EDGE[i] = (float) (s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4));
        }
    }

    /**
     * The 8-bit code of a film value: the nearest in code, found among the codes' edges, so that the
     * mean of equal codes is that code again (a still picture stays byte for byte the same with motion
     * blur on).
     */
    static byte codeOf(float film) {
        int lo = 0, hi = 255;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (film < EDGE[mid]) hi = mid;
            else lo = mid + 1;
        }
        return (byte) lo;
    }

    /** The pose a fraction f of the way from a to b: straight, and turning at a steady rate (spherical interpolation of the rotations). */
    static dev.diorama.scene.Pose between(dev.diorama.scene.Pose a, dev.diorama.scene.Pose b, double f) {
        dev.diorama.scene.Vec3 p = a.position().plus(b.position().minus(a.position()).times(f));
        dev.diorama.scene.Quat q = a.rotation(), r = b.rotation();
        double dot = q.x() * r.x() + q.y() * r.y() + q.z() * r.z() + q.w() * r.w();
        double s = dot < 0 ? -1 : 1;  // the shorter way round
        double theta = Math.acos(Math.min(1, Math.abs(dot)));
        double wa, wb;
        if (theta < 1e-6) {
            wa = 1 - f;
            wb = f;
        } else {
            wa = Math.sin((1 - f) * theta) / Math.sin(theta);
            wb = Math.sin(f * theta) / Math.sin(theta);
        }
        dev.diorama.scene.Quat m = new dev.diorama.scene.Quat(wa * q.x() + s * wb * r.x(), wa * q.y() + s * wb * r.y(),
                wa * q.z() + s * wb * r.z(), wa * q.w() + s * wb * r.w());
        return new dev.diorama.scene.Pose(p, m.normalized());
    }

    /**
     * The frame's poses, with every object that has not yet entered the world (a storyboard's later
     * shot drops it in) moved far below the floor, where no ray from the camera or to a light
     * reaches it.
     */
    private java.util.List<dev.diorama.scene.Pose> offStage(Keyframe frame) {
        java.util.List<dev.diorama.scene.Pose> poses = frame.poses();
        java.util.List<dev.diorama.scene.SceneObject> objects = scene.objects();
        java.util.List<dev.diorama.scene.Pose> out = null;
        for (int i = 0; i < objects.size() && i < poses.size(); i++) {
            if (objects.get(i).enters() > frame.t() + 1e-9) {
                if (out == null) out = new java.util.ArrayList<>(poses);
                dev.diorama.scene.Pose p = poses.get(i);
                out.set(i, new dev.diorama.scene.Pose(new dev.diorama.scene.Vec3(p.position().x(), OFF_STAGE_DEPTH,
                        p.position().z()), p.rotation(), p.sampledAt()));
            }
        }
        return out == null ? poses : out;
    }

    /** Where objects wait before they enter, m: far below the floor and out of every ray's way. */
    private static final double OFF_STAGE_DEPTH = -1000;

    /**
     * Sets up the view and the light for the frame's time when they differ from the last frame's:
     * the camera along its move, and in a time-lapse the sun, sky, ambient light and exposure
     * (outdoors, or indoors through the windows). Either change makes every tile be drawn again.
     */
    private void followTime(Keyframe frame) {
        long t0 = System.nanoTime();
        Camera c = scene.cameraAt(frame);
        double clock = scene.clockAt(frame.t());
        boolean view = !c.equals(frameCamera), light = followsClock && clock != frameClock;
        if (!view && !light) return;
        if (view) {
            frameCamera = c;
            camera = new PinholeCamera(c, width, height);
        }
        if (light) {
            frameClock = clock;
            lighting = new Lighting(scene, scene.sunAt(frame.t()), adaptedExposure != null ? adaptedExposure.at(frame.t()) : Double.NaN);
            ToneMap toneMap = new ToneMap(lighting.exposure);
            for (TileSampler sampler : samplers) sampler.setToneMap(toneMap);
        }
        Enclosure enclosure = new Enclosure(scene.environment().room(), frameCamera.position(), surfaces);
        for (Shader shader : shaders) shader.setFrame(camera, lighting, enclosure);
        java.util.Arrays.fill(still, false);
        setupNanos += System.nanoTime() - t0;
    }

    /** Pixels refined as edges in the last frame. */
    int lastEdgePixels() {
        int n = 0;
        for (TileSampler s : samplers) n += s.edgePixels;
        return n;
    }

    /** Rays traced by all workers since the renderer was made (camera, reflected and refracted rays). */
    long raysTraced() {
        long n = 0;
        for (Shader s : shaders) n += s.rays;
        return n;
    }

    /** Tiles whose first pass was kept from the frame before, in the last frame. */
    int lastKeptTiles() {
        int n = 0;
        for (int k : keptTiles) n += k;
        return n;
    }

    int tileCount() { return tileCount; }

    /** Surface id the camera ray through pixel (x, y)'s centre hit in the last frame (tests, tools). */
    int surfaceAt(int x, int y) { return buffer.surface[y * width + x]; }

    /** Where the world point p appears, in pixels (tests, tools). */
    double[] project(double x, double y, double z) { return camera.project(x, y, z); }

    /** The exposure of this scene (for tools and tests). */
    double exposure() { return lighting.exposure; }

    private void firstPass(int tile, int worker) {
        Shader s = shaders[worker];
        int x0 = tile % tilesX * TILE, y0 = tile / tilesX * TILE;
        int x1 = Math.min(x0 + TILE, width), y1 = Math.min(y0 + TILE, height);
        beginTile(s, worker, x0, y0, x1, y1);
        boolean untouched = s.tileUntouched();
        // A lens spreads an object's light beyond its tile: nothing is kept with depth of field.
        if (options.reuseStill() && options.aperture() == 0 && untouched && still[tile]) {
            kept[tile] = true;
            keptTiles[worker]++;
            return;
        }
        kept[tile] = false;
        long bounced = s.bouncedRays;
        samplers[worker].firstPass(x0, y0, x1, y1);
        still[tile] = untouched && s.bouncedRays == bounced;
    }

    private void secondPass(int tile, int worker) {
        int tx = tile % tilesX, ty = tile / tilesX;
        int x0 = tx * TILE, y0 = ty * TILE;
        int x1 = Math.min(x0 + TILE, width), y1 = Math.min(y0 + TILE, height);
        // A kept tile among kept neighbours would be finished exactly as in the frame before.
        if (!(kept[tile] && keptOrOutside(tx - 1, ty) && keptOrOutside(tx + 1, ty) && keptOrOutside(tx, ty - 1)
                && keptOrOutside(tx, ty + 1))) {
            beginTile(shaders[worker], worker, x0, y0, x1, y1);
            samplers[worker].finish(x0, y0, x1, y1);
        }
        byte[] out = target;
        for (int y = y0; y < y1; y++) {
            int from = 3 * (y * width + x0);
            System.arraycopy(buffer.picture, from, out, from, 3 * (x1 - x0));
        }
    }

    /**
     * Selects the objects that matter to the tile [x0, x1) x [y0, y1), whose first pass also samples
     * the first column and row of the tiles to its right and below (a pixel more each way).
     */
    private void beginTile(Shader s, int worker, int x0, int y0, int x1, int y1) {
        camera.tileFrustum(x0, y0, Math.min(x1 + 1, width), Math.min(y1 + 1, height), frustums[worker]);
        s.beginTile(frustums[worker]);
    }

    /** True for a tile kept in this frame, or a place beyond the picture's edge. */
    private boolean keptOrOutside(int tx, int ty) {
        return tx < 0 || ty < 0 || tx >= tilesX || ty >= tilesY || kept[ty * tilesX + tx];
    }

    /** Stops the worker threads; the renderer cannot draw afterwards. */
    @Override
    public synchronized void close() {
        scheduler.close();
    }
}
