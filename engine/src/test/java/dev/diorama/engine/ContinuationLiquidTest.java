package dev.diorama.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.Timeline;
import dev.diorama.sim.Simulator;
import org.junit.jupiter.api.Test;

/**
 * Extending a film with a liquid: the liquid goes on as it ended (where every particle was, moving as
 * it moved), not filled and settled again; a pour that was still running goes on for the rest of its
 * time. Checked against the same world simulated in one run: a dam break's front, which moves at
 * about 1 m/s when the first film ends, and the particles a pour has added.
 */
class ContinuationLiquidTest {
    /** A 60 x 20 x 8 cm glass tank; a 6 x 12 x 6 cm column of water against its left wall, released at t = 0. */
    private static Scene damBreak(double seconds) {
        return SceneJson.read("""
                {"seconds": %s, "size": "160x90", "seed": 3,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.6, 0.2, 0.08], "position": [0, 0.1, 0], "fixed": true}],
                 "liquids": [{"id": "water", "kind": "water", "spacing": 0.01,
                              "min": [-0.29, 0.006, -0.03], "max": [-0.23, 0.126, 0.03]}]}
                """.formatted(seconds));
    }

    /** The same tank, empty, filled by a stream from 0.1 s to 0.6 s. */
    private static Scene pour(double seconds) {
        return SceneJson.read("""
                {"seconds": %s, "size": "160x90", "seed": 3,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.3, 0.2, 0.08], "position": [0, 0.1, 0], "fixed": true}],
                 "liquids": [{"id": "water", "kind": "water", "spacing": 0.01,
                              "pour": {"from": [0, 0.25, 0], "velocity": [0, -0.5, 0], "radius": 0.012, "start": 0.1, "end": 0.6}}]}
                """.formatted(seconds));
    }

    /** The furthest particle from the column's wall (x = -0.29), m. */
    private static double front(LiquidFrame f) {
        float[] p = f.positions();
        double x = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.count(); i++) x = Math.max(x, p[3 * i]);
        return x + 0.29;
    }

    /** The mean distance of the particles from the column's wall, m. */
    private static double centre(LiquidFrame f) {
        float[] p = f.positions();
        double x = 0;
        for (int i = 0; i < f.count(); i++) x += p[3 * i] + 0.29;
        return x / f.count();
    }

    @Test
    void aDamBreakGoesOnAsItWasMovingWhenTheFilmEnded() {
        Scene first = damBreak(0.15);
        Continuation.Plan plan = Continuation.plan(first, "", 0.15, Progress.NONE);
        assertEquals(1, plan.continuation().liquids().size(), "the continuation's scene has the liquid");
        Timeline original = plan.originalTimeline();
        Keyframe last = original.frames().getLast();
        assertEquals(last.liquids().getFirst().count(), plan.liquids().getFirst().count(),
                "the continuation starts with the particles the film ended with");
        Timeline cont = plan.simulate(f -> { }, e -> { });
        // the seam: the continuation's frame 0 is the film's last frame, particle for particle
        float[] seamEnd = last.liquids().getFirst().positions(), seamStart = cont.frames().getFirst().liquids().getFirst().positions();
        float[] a = seamEnd.clone(), b = seamStart.clone();
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        assertArrayEquals(a, b, "the liquid at the seam");

        Timeline whole = Simulator.run(damBreak(0.4));
        int fps = first.fps();
        // the stitched film's last frame, and the same frame of the world simulated in one run
        int at = original.frames().size() - 1 + cont.frames().size() - 1;
        LiquidFrame one = whole.frames().get(at).liquids().getFirst();
        double atSeam = front(last.liquids().getFirst());
        double later = front(cont.frames().getLast().liquids().getFirst());
        double sameTime = front(one);
        double travelled = sameTime - atSeam;
        // a continuation from rest, for comparison
        java.util.List<dev.diorama.sim.LiquidState> still = new java.util.ArrayList<>();
        for (var st : plan.liquids()) still.add(new dev.diorama.sim.LiquidState(st.xyz(), new double[st.velocity().length]));
        Timeline fromRest = Simulator.run(plan.continuation(), f -> { }, e -> { }, still);
        System.out.printf("centre: %.4f at the seam, %.4f extended, %.4f one run, %.4f from rest; front from rest %.4f%n",
                centre(last.liquids().getFirst()), centre(cont.frames().getLast().liquids().getFirst()),
                centre(one), centre(fromRest.frames().getLast().liquids().getFirst()),
                front(fromRest.frames().getLast().liquids().getFirst()));
        System.out.printf("dam break: front %.4f m at the seam (%.3f s); %.4f m at %.3f s extended, %.4f m in one run; volume %.6f -> %.6f m^3%n",
                atSeam, (double) (original.frames().size() - 1) / fps, later, (double) (original.frames().size() - 1 + cont.frames().size() - 1) / fps,
                sameTime, last.liquids().getFirst().volume(), cont.frames().getLast().liquids().getFirst().volume());
        assertTrue(travelled > 0.05, "the front still moves after the seam in one run: " + travelled + " m");
        assertTrue(Math.abs(front(fromRest.frames().getLast().liquids().getFirst()) - sameTime) > 0.3 * travelled,
                "a liquid restarted from rest would be told apart");
        // A liquid restarted from rest would lag by most of the way; one filled again would start at the wall.
        assertEquals(sameTime, later, 0.1 * travelled, "the front after the seam, extended vs one run");
        assertEquals(last.liquids().getFirst().volume(), cont.frames().getLast().liquids().getFirst().volume(),
                0.03 * last.liquids().getFirst().volume(), "the volume goes on");
    }

    @Test
    void aPourStillRunningWhenTheFilmEndsGoesOnAndStops() {
        Scene first = pour(0.4);
        Continuation.Plan plan = Continuation.plan(first, "", 0.6, Progress.NONE);
        var p = plan.continuation().liquids().getFirst().pour();
        assertEquals(0, p.start(), 1e-9, "the pour runs on from the continuation's start");
        double seam = (first.frameCount() - 1.0) / first.fps();
        assertEquals(0.6 - seam, p.end(), 1e-9, "for the rest of its time (from the seam, the film's last frame)");
        Timeline cont = plan.simulate(f -> { }, e -> { });
        Timeline whole = Simulator.run(pour(1.2));
        int extended = cont.frames().getLast().liquids().getFirst().count();
        int oneRun = whole.frames().get(plan.originalFrames() - 1 + cont.frames().size() - 1).liquids().getFirst().count();
        int atSeam = plan.liquids().getFirst().count();
        System.out.printf("pour: %d particles at the seam, %d at the end extended, %d in one run%n", atSeam, extended, oneRun);
        assertTrue(extended > atSeam * 1.3, "the pour went on after the seam: " + atSeam + " -> " + extended);
        assertEquals(oneRun, extended, 0.03 * oneRun, "as many particles poured as in one run");

        // extending again, after the pour has stopped: nothing more is poured, and the scene still says where the liquid is
        Continuation.Plan again = Continuation.plan(first, java.util.List.of(new Continuation.Step("", 0.6)), "", 0.3, Progress.NONE);
        assertEquals(null, again.continuation().liquids().getFirst().pour(), "a pour that has ended is not started again");
        Timeline third = again.simulate(f -> { }, e -> { });
        assertEquals(again.liquids().getFirst().count(), third.frames().getLast().liquids().getFirst().count(),
                "no particle added or lost after the pour");
    }
}
