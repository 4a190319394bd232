package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Material;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import org.junit.jupiter.api.Test;

/** Modes come from shape, size and material, scale as 1/size and decay as the loss factor says. */
class ModalModelTest {

    @Test
    void everyShapesModesScaleAsOneOverSize() {
        Object[][] shapes = {
                {Shape.BALL, new Vec3(0.3, 0.3, 0.3)}, {Shape.CUBE, new Vec3(0.1, 0.1, 0.1)},
                {Shape.PLANK, new Vec3(0.5, 0.01, 0.05)}, {Shape.CYLINDER, new Vec3(0.03, 0.3, 0.03)},
                {Shape.CYLINDER, new Vec3(0.3, 0.03, 0.3)}};
        for (Object[] c : shapes) {
            Shape shape = (Shape) c[0];
            Vec3 size = (Vec3) c[1];
            ModalModel small = ModalModel.of(TestScenes.shape("x", shape, Material.STEEL, size));
            ModalModel big = ModalModel.of(TestScenes.shape("x", shape, Material.STEEL, size.times(1.5)));
            assertTrue(small.modeCount() > 0, shape + " has audible modes");
            // Frequencies drop by 1.5; compare the modes both keep (the 20 kHz cut removes different ones).
            for (int n = 0; n < Math.min(small.modeCount(), big.modeCount()); n++) {
                assertEquals(small.frequency(n) / 1.5, big.frequency(n), 1e-9 * small.frequency(n), shape + " mode " + n);
            }
        }
    }

    @Test
    void aBarFollowsTheFreeFreeBeamRatios() {
        // A slender steel rod: thick-beam effects are small, the ratios are Euler-Bernoulli's.
        ModalModel rod = ModalModel.of(TestScenes.shape("rod", Shape.CYLINDER, Material.STEEL, new Vec3(0.01, 1, 0.01)));
        double[] ratios = {1, 2.756, 5.404, 8.933};
        for (int n = 0; n < ratios.length; n++) assertEquals(ratios[n], rod.frequency(n) / rod.frequency(0), 0.01 * ratios[n]);
        // f1 = 22.37 / (2 pi L^2) * (d / 4) * sqrt(E / rho)
        double f1 = 22.373 / (2 * Math.PI) * 0.0025 * Math.sqrt(Material.STEEL.youngsModulus / Material.STEEL.density);
        assertEquals(f1, rod.frequency(0), 0.001 * f1);
    }

    @Test
    void decayIsPiEtaFAndAllModesAreAudible() {
        for (Material m : Material.values()) {
            for (ModalModel body : new ModalModel[] {ModalModel.of(TestScenes.ball("b", m, 0.3)), ModalModel.floor(m), ModalModel.wall(m)}) {
                for (int n = 0; n < body.modeCount(); n++) {
                    double f = body.frequency(n);
                    assertTrue(f >= 20 && f <= 20_000, body + " mode at " + f);
                    assertEquals(Math.PI * body.lossFactor(n) * f, body.decayRate(n), 1e-12 * f);
                    assertTrue(body.lossFactor(n) >= m.lossFactor);
                }
            }
            ModalModel ball = ModalModel.of(TestScenes.ball("b", m, 0.3));
            for (int n = 0; n < ball.modeCount(); n++) assertEquals(m.lossFactor, ball.lossFactor(n), "a free body loses only to its material");
        }
    }

    @Test
    void aWoodenFloorKnocksLowAndAStoneFloorClacksHigher() {
        ModalModel wood = ModalModel.floor(Material.WOOD), stone = ModalModel.floor(Material.STONE);
        assertTrue(wood.frequency(0) > 100 && wood.frequency(0) < 600, "wooden floor " + wood);
        assertTrue(stone.frequency(0) > 2 * wood.frequency(0), "stone floor " + stone);
        assertTrue(ModalModel.wall(Material.STONE).frequency(0) < 150, "a masonry wall thumps");
    }

    @Test
    void aSteelBallsLowestModeIsTheSpheresSpheroidalMode() {
        SceneObject ball = TestScenes.ball("b", Material.STEEL, 0.2);
        double cs = Material.STEEL.shearWaveSpeed();
        assertEquals(2.64 * cs / (2 * Math.PI * 0.1), ModalModel.of(ball).frequency(0), 1e-6);
    }
}
