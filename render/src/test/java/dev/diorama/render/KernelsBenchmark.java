package dev.diorama.render;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the renderer's hot loops (run with bench/jmh.sh): the tone map of a tile's
 * grid through either kernel of the SIMD seam, and camera rays of the reference scene through the
 * shader (one ray per call; the reciprocal of the time is rays per second per core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelsBenchmark {
    /** A 32 x 32 tile's grid, 17 x 17 colours: what one firstPass tone maps at once. */
    static final int N = 17 * 17;
    double[] r = new double[N], g = new double[N], b = new double[N];
    double[] fr = new double[N], fg = new double[N], fb = new double[N];
    final Kernels scalar = new ScalarKernels(), vector = VectorKernels.create();
    Shader shader;
    int pixel;
    int width, height;

    @Setup
    public void setUp() throws Exception {
        for (int i = 0; i < N; i++) {
            double scale = Math.pow(10, 2 * Surfaces.unit(i) - 1.5);
            r[i] = scale * Surfaces.unit(3L * i + 1);
            g[i] = scale * Surfaces.unit(3L * i + 2);
            b[i] = scale * Surfaces.unit(3L * i + 3);
        }
        Scene scene = SceneJson.read(Files.readString(Path.of(System.getProperty("diorama.reference",
                "bench/reference-scene.json"))));
        width = scene.width();
        height = scene.height();
        PinholeCamera camera = new PinholeCamera(scene.camera(), width, height);
        Geometry geometry = new Geometry(scene.objects());
        geometry.update(TestScenes.rest(scene).poses());
        Bvh bvh = new Bvh(geometry);
        bvh.rebuild();
        Surfaces surfaces = new Surfaces(scene);
        shader = new Shader(geometry, bvh, new Enclosure(null, scene.camera().position(), surfaces), surfaces,
                new Lighting(scene), camera, RenderOptions.DEFAULT);
        double[] frustum = new double[12];
        camera.tileFrustum(0, 0, width, height, frustum);
        shader.beginTile(frustum);
    }

    @Benchmark
    public double toneMapTileScalar() {
        scalar.film(1.3, r, g, b, N, fr, fg, fb);
        return fr[N - 1];
    }

    @Benchmark
    public double toneMapTileVector() {
        vector.film(1.3, r, g, b, N, fr, fg, fb);
        return fr[N - 1];
    }

    /** One camera ray of the reference scene, pixels visited in a fixed scattered order. */
    @Benchmark
    public double cameraRay() {
        pixel = (pixel + 7919) % (width * height);
        shader.sample(pixel % width + 0.5, pixel / width + 0.5);
        return shader.red;
    }
}
