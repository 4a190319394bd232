package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jme3.bullet.collision.shapes.SphereCollisionShape;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Vector3f;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import org.junit.jupiter.api.Test;

/**
 * A body the liquid's coupling throws (a 7.4 cm steel ball dropped into a pot of water left it at
 * 212 m/s, under the speed of sound, and the film was made with the ball gone) stops the run with a
 * message: with liquids, no body may pass ten times the speed that falling from the scene's highest
 * start and the scene's own motion can give, plus 10 m/s.
 */
class ThrownBodyTest {
    private static final String POT = """
            {"seconds": 0.5, "size": "160x90", "seed": 0,
             "objects": [{"id": "steel-pot", "shape": "cup", "material": "steel", "size": [0.2, 0.15, 0.2],
                          "position": [0, 0.075, 0], "fixed": true},
                         {"id": "steel-ball", "shape": "ball", "material": "steel", "size": 0.0736, "position": [0, 0.3368, 0]}],
             "liquids": [{"id": "water", "kind": "water", "in": "steel-pot", "level": 0.099, "spacing": 0.005}]}
            """;

    private static PhysicsRigidBody[] ballMovingAt(float speed) {
        BulletNatives.load();
        PhysicsRigidBody ball = new PhysicsRigidBody(new SphereCollisionShape(0.0368f), 1.6f);
        ball.setLinearVelocity(new Vector3f(0, speed, 0));
        return new PhysicsRigidBody[] {new PhysicsRigidBody(new SphereCollisionShape(0.1f), 0f), ball};
    }

    @Test
    void theSpeedABodyCanReachIsWhatFallingAndTheScenesMotionGive() {
        Scene pot = SceneJson.read(POT);
        // the ball's top, 0.3736 m up: sqrt(2 g h) = 2.707 m/s
        assertEquals(Math.sqrt(2 * 9.81 * (0.3368 + 0.0368)), Simulator.attainableSpeed(pot), 1e-9);
        assertEquals(10 * Simulator.attainableSpeed(pot) + 10, Simulator.limit(pot), 1e-9);
        // a dry scene keeps the speed of sound only; a thrown ball's speed counts
        Scene dry = SceneJson.read(POT.replaceAll("(?s),\\s*\"liquids\".*]\\}\\s*$", "}"));
        assertTrue(dry.liquids().isEmpty());
        assertEquals(Simulator.MAX_SPEED, Simulator.limit(dry));
        Scene thrown = SceneJson.read(POT.replace("\"position\": [0, 0.3368, 0]}", "\"position\": [0, 0.3368, 0], \"velocity\": [12, 0, 0]}"));
        assertEquals(Math.hypot(12, Math.sqrt(2 * 9.81 * (0.3368 + 0.0368))), Simulator.attainableSpeed(thrown), 1e-9);
    }

    @Test
    void aBodyThrownByTheLiquidStopsTheRunWithWhatHappened() {
        Scene pot = SceneJson.read(POT);
        Pose[] fixed = {new Pose(pot.objects().get(0).position(), pot.objects().get(0).rotation()), null};
        assertDoesNotThrow(() -> Simulator.checkStable(pot, ballMovingAt(30), fixed, 0.25));
        Simulator.Unstable e = assertThrows(Simulator.Unstable.class, () -> Simulator.checkStable(pot, ballMovingAt(212), fixed, 0.29));
        assertTrue(e.getMessage().startsWith("the simulation stopped at 0.29 s: \"steel-ball\" moved at 212 m/s, more than 10 times"
                + " what falling and the scene's own motion can give anything here (2.7 m/s)"), e.getMessage());
        // faster than sound says so, liquids or not
        Simulator.Unstable sound = assertThrows(Simulator.Unstable.class, () -> Simulator.checkStable(pot, ballMovingAt(400), fixed, 0.3));
        assertTrue(sound.getMessage().contains("faster than sound"), sound.getMessage());
    }
}
