package dev.diorama.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.LiquidSound;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import dev.diorama.scene.Timeline;
import dev.diorama.scene.Vec3;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A scene's liquid simulated with its rigid bodies through Bullet ({@link LiquidWorld}): a pine
 * block and a steel ball dropped into a glass tank of water. Archimedes decides the outcome: the
 * block (500 kg/m^3) floats, the ball (7850 kg/m^3) lies on the tank's floor; the water keeps its
 * volume; the splash and the bubbles come when the block reaches the water, not before.
 */
class LiquidSceneTest {
    static final String TANK = """
            {"seconds": 1.5, "size": "320x180", "seed": 3,
             "objects": [
              {"id": "tank", "shape": "tank", "material": "glass", "size": [0.3, 0.25, 0.2], "position": [0, 0.125, 0], "fixed": true},
              {"id": "block", "shape": "cube", "material": "pine", "size": [0.08, 0.08, 0.08], "position": [-0.05, 0.22, 0]},
              {"id": "ball", "shape": "ball", "material": "steel", "size": [0.03, 0.03, 0.03], "position": [0.09, 0.2, 0.02]}
             ],
             "liquids": [{"id": "water", "kind": "water", "in": "tank", "level": 0.12, "spacing": 0.01}]}
            """;

    @Test
    void aPineBlockFloatsAndASteelBallSinksInATankOfWater() {
        Scene scene = SceneJson.read(TANK);
        Timeline t = Simulator.run(scene);
        Keyframe last = t.frames().getLast();
        LiquidFrame water = last.liquids().getFirst();
        LiquidFrame first = t.frames().getFirst().liquids().getFirst();

        // The level: the top particle of each 1 cm column away from the block and the ball, median, + d/2.
        Pose block = last.poses().get(scene.indexOf("block")), ball = last.poses().get(scene.indexOf("ball"));
        double level = level(water, block.position().x(), block.position().z(), ball.position().x(), ball.position().z());
        double floorTop = dev.diorama.scene.Solids.tankWall(scene.object("tank").size());
        // The water stands as deep as asked (0.12 m), raised by what the block and the ball displace.
        double displaced = 0.08 * 0.08 * 0.04 + Math.PI / 6 * Math.pow(0.03, 3);
        double inner = (0.3 - 2 * floorTop) * (0.2 - 2 * floorTop);
        double expected = floorTop + 0.12 + displaced / inner;
        System.out.printf("level %.4f (expected %.4f), block centre y %.4f, ball centre y %.4f, particles %d -> %d, volume %.6f -> %.6f, sounds %d%n",
                level, expected, block.position().y(), ball.position().y(), first.count(), water.count(), first.volume(), water.volume(),
                t.liquidSounds().size());

        // Submerged fraction of the block's volume below the level, sampled on a 20^3 lattice.
        int below = 0, m = 20;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) {
                    dev.diorama.scene.Vec3 q = block.rotation().rotate(new dev.diorama.scene.Vec3(0.08 * ((i + 0.5) / m - 0.5),
                            0.08 * ((j + 0.5) / m - 0.5), 0.08 * ((k + 0.5) / m - 0.5)));
                    if (block.position().y() + q.y() < level) below++;
                }
        double fraction = below / (double) (m * m * m);
        System.out.printf("block submerged fraction %.3f%n", fraction);
        assertEquals(expected, level, 0.01, "the water's level (m)");
        // Archimedes says 0.50 (500 / 998); this checks the coupling through Bullet (the block floats,
        // neither sinking nor thrown out), the fluid module's BuoyancyTest the accuracy (it measures
        // 0.453 there and is open, issue 5; 0.432 here on 2026-11-26).
        assertTrue(fraction > 0.35 && fraction < 0.65, "the pine block floats about half under water: " + fraction);
        assertEquals(floorTop + 0.015, ball.position().y(), 0.004, "the steel ball lies on the tank's floor");
        assertEquals(first.volume(), water.volume(), 0.02 * first.volume(), "the water's volume is kept within 2 %");
        // A drop of spray may fly out of the simulated region (and is removed); the water stays.
        assertTrue(water.count() >= 0.995 * first.count(), "at most 0.5 % of the water left: " + first.count() + " -> " + water.count());

        // Sound: the first splash or bubble comes once the block (or the ball) reaches the water.
        assertFalse(t.liquidSounds().isEmpty(), "the water sounds");
        double reach = Double.POSITIVE_INFINITY;
        for (Keyframe k : t.frames()) {
            double lowest = Math.min(k.poses().get(scene.indexOf("block")).position().y() - 0.04,
                    k.poses().get(scene.indexOf("ball")).position().y() - 0.015);
            if (lowest <= floorTop + 0.12 + 0.01) {
                reach = k.t();
                break;
            }
        }
        LiquidSound earliest = t.liquidSounds().getFirst();
        assertTrue(earliest.t() >= reach - 2.0 / scene.fps(), "the first liquid sound at " + earliest.t()
                + " s, the first body reaches the water at " + reach + " s");
    }

    /**
     * Rain on a puddle: drops fall at the rate the intensity gives (500 mm an hour over 26 × 16 cm
     * for 1.5 s: 5.8 ml a second, 46 drops of one 5 mm particle a second — a Poisson count, 69 ± 8),
     * the tank catches all of them (the rain's rectangle lies inside its opening: the drops merge
     * with the water, none is thrown out), and they sound as they land.
     */
    @Test
    void rainOnAPuddleFallsAtTheRateItsIntensityGivesAndStaysInIt() {
        Scene scene = SceneJson.read("""
                {"seconds": 2.0, "size": "320x180", "seed": 4,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.3, 0.15, 0.2], "position": [0, 0.075, 0], "fixed": true}],
                 "liquids": [{"id": "rain", "kind": "water", "spacing": 0.005, "in": "tank", "level": 0.02,
                              "rain": {"x0": -0.13, "x1": 0.13, "z0": -0.08, "z1": 0.08, "height": 0.4, "intensity": 500, "start": 0, "end": 1.5}}]}
                """);
        Timeline t = Simulator.run(scene);
        LiquidFrame start = t.frames().getFirst().liquids().getFirst(), end = t.frames().getLast().liquids().getFirst();
        double d = scene.liquids().getFirst().spacing();
        // A particle's volume is the lattice's, (1.00003 d)^3 for this kernel.
        double expected = 500.0 / 1000 / 3600 * 0.26 * 0.16 * 1.5 / Math.pow(1.00003 * d, 3);
        int inTank = 0;
        float[] p = end.positions();
        for (int i = 0; i < end.count(); i++) {
            if (Math.abs(p[3 * i]) < 0.15 && Math.abs(p[3 * i + 2]) < 0.1 && p[3 * i + 1] < 0.15) inTank++;
        }
        int drops = end.count() - start.count();
        System.out.printf("rain: %d drops (expected %.1f +- %.1f), %d of %d particles in the tank, %d liquid sounds%n", drops,
                expected, Math.sqrt(expected), inTank, end.count(), t.liquidSounds().size());
        assertEquals(expected, drops, 4 * Math.sqrt(expected), "drops released at the intensity's rate");
        assertEquals(end.count(), inTank, "every drop stays in the puddle");
        assertTrue(t.liquidSounds().size() >= drops / 2, "the drops sound as they land");
    }

    /**
     * A half-filled bottle bobs: a plastic bottle holding 7 cm of water (a liquid of its own), let go
     * with its base 4.6 cm into a tank of water, sinks in, comes back up past where it ends and bobs
     * about its floating height, its own water inside it and none of the tank's. (Its draft is not
     * checked against Archimedes: its wall, 3.5 mm, is thinner than the solver's wall offset at this
     * spacing, so the tank's water keeps about 3 mm off it and the bottle floats high: the README's
     * limits.) The tank's water used to fill the bottle's cavity below the level at the start.
     */
    @Test
    void aHalfFilledBottleBobsInATankOfWater() {
        Scene scene = SceneJson.read("""
                {"seconds": 0.75, "size": "160x90", "seed": 1,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.24, 0.26, 0.24], "position": [0, 0.13, 0], "fixed": true},
                             {"id": "bottle", "shape": "bottle", "material": "plastic", "size": [0.07, 0.2, 0.07], "position": [0, 0.2, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "tank", "level": 0.14, "spacing": 0.01},
                             {"id": "inside", "kind": "water", "in": "bottle", "level": 0.07, "spacing": 0.01}]}
                """);
        Timeline t = Simulator.run(scene);
        // the bottle's centre: its lowest point until it rises 2 mm above it, then its highest after that
        double lowest = Double.POSITIVE_INFINITY, after = Double.NEGATIVE_INFINITY;
        int lowestAt = -1;
        for (Keyframe k : t.frames()) {
            Pose p = k.poses().get(1);
            double y = p.position().y();
            boolean rising = after > Double.NEGATIVE_INFINITY || y > lowest + 0.002;
            if (!rising && y < lowest) {
                lowest = y;
                lowestAt = k.index();
            } else if (rising) {
                after = Math.max(after, y);
            }
            // in the bottle's frame: the tank's water outside its hull, its own inside its cavity
            int tankIn = 0, ownOut = 0;
            LiquidFrame tank = k.liquids().get(0), own = k.liquids().get(1);
            for (int i = 0; i < tank.count(); i++) if (inBottle(p, tank.positions(), i, 0.031)) tankIn++;
            for (int i = 0; i < own.count(); i++) if (!inBottle(p, own.positions(), i, 0.035)) ownOut++;
            assertEquals(0, tankIn, "tank water in the bottle at " + k.t() + " s");
            assertEquals(0, ownOut, "the bottle's water outside it at " + k.t() + " s");
        }
        double start = t.frames().getFirst().poses().get(1).position().y();
        System.out.printf("bottle: starts at %.4f m, sinks to %.4f m (frame %d), bobs back up to %.4f m%n", start, lowest, lowestAt, after);
        assertTrue(lowest < start - 0.01, "the bottle sinks in: " + start + " -> " + lowest);
        assertTrue(lowest > 0.1 + 0.02, "and floats, its base well above the tank's floor: centre " + lowest);
        assertTrue(after > lowest + 0.005, "then comes back up: " + lowest + " -> " + after);
    }

    /** Whether particle i lies within radius r of the bottle's axis, between its base and top (its frame). */
    private static boolean inBottle(Pose p, float[] xyz, int i, double r) {
        dev.diorama.scene.Vec3 l = p.rotation().conjugate().rotate(
                new dev.diorama.scene.Vec3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]).minus(p.position()));
        return Math.hypot(l.x(), l.z()) < r && l.y() > -0.1 && l.y() < 0.1;
    }

    /**
     * A glass two-thirds full of water, tilted 20 degrees and pushed (as the words start a toppled
     * object), falls back onto its base and stays there, upright, with its water. The liquid's
     * sub-steps move the glass, and without Bullet's contacts they carried it into the floor; put
     * back by Bullet at the next step, the glass jumped, and the water it jumped into left it (before
     * 2026-11-27: 19 of 1,319 particles kept at 0.25 s, the glass thrown 0.6 m within a frame; with
     * the push 0.21, 0.19 or 0.2 m/s with 5 mm/s sideways: 0, 9 of 1,319, and a run stopped with the
     * glass thrown). Nature keeps all the water in; this run keeps 1,302 of 1,319 since the
     * thirteenth session's coupling (1,134 with the twelfth session's, 1,310 before it), and the
     * three pushes above 1,294, 1,291 and 1,303 (the twelfth session's: 1,226, 1,117 and 1,274;
     * before: 1,273, 517 and 1,243; fluid/README.md, Robustness, tenth, twelfth and thirteenth
     * sessions); a landing has splashed out more than half before, so half is what is asked here.
     */
    @Test
    void aGlassOfWaterTippedBackLandsOnItsBaseAndKeepsItsWater() {
        Scene scene = glassOfWater(0.6, 0.061, "[0, 0, -0.17364818, 0.98480775]");
        Timeline t = Simulator.run(scene);
        int g = scene.indexOf("glass");
        double fastest = fastest(t, g, scene.fps());
        Keyframe last = t.frames().getLast();
        Pose glass = last.poses().get(g);
        LiquidFrame water = last.liquids().getFirst();
        int first = t.frames().getFirst().liquids().getFirst().count();
        int inside = 0;
        float[] xyz = water.positions();
        for (int i = 0; i < water.count(); i++) {
            double dx = xyz[3 * i] - glass.position().x(), dz = xyz[3 * i + 2] - glass.position().z();
            if (dx * dx + dz * dz < 0.0375 * 0.0375 && xyz[3 * i + 1] < glass.position().y() + 0.05) inside++;
        }
        // the angle between the glass's axis and the vertical
        double tilt = Math.acos(Math.min(1, glass.rotation().rotate(new dev.diorama.scene.Vec3(0, 1, 0)).y()));
        System.out.printf("glass: fastest %.3f m/s between frames, at %.3f s centre y %.4f, tilt %.2f deg; water in it %d of %d%n",
                fastest, last.t(), glass.position().y(), Math.toDegrees(tilt), inside, first);
        assertTrue(fastest < 1, "the glass falls back onto its base, it is not thrown: " + fastest + " m/s");
        assertTrue(Math.toDegrees(tilt) < 3, "the glass stands upright: " + Math.toDegrees(tilt) + " degrees");
        assertTrue(inside >= 0.5 * first, "the water stays in the glass: " + inside + " of " + first);
    }

    /**
     * A 7.4 cm steel ball dropped from 30 cm into a pot of water 9.9 cm deep (d = 5 mm; the ball
     * 0.5 mm off the pot's axis) splashes, lands on the pot's floor and stays there, and the water
     * stays in the pot. Nature's ball squeezes a film of next to no mass out from under it; here
     * the last layer of particles between the ball and the floor had its pressure grow without
     * bound, and the pool heaved off the floor: 62.7 % of the water above the rim in one frame and
     * 11,255 of 16,068 particles left in the pot at 1 s before the twelfth session
     * ({@code FluidSolver.PINCHED_HEADS}, {@code FluidSolver.CORRECTION_RATE}). The splash of the
     * ball's entry lifts up to 8.1 % of the water over the rim here, 15,968 particles in the pot at
     * the end (8.1-9.3 % from five starts 0.3-1 mm apart since the thirteenth session's coupling;
     * 8.7 % and 7.6-12.1 % with the twelfth session's; fluid/README.md, Robustness).
     */
    @Test
    void aSteelBallDroppedIntoAPotOfWaterLandsWithoutHeavingTheWater() {
        Scene scene = SceneJson.read("""
                {"seconds": 1.0, "size": "160x90", "seed": 0,
                 "objects": [{"id": "steel-pot", "shape": "cup", "material": "steel", "size": [0.2, 0.15, 0.2],
                              "position": [0, 0.075, 0], "fixed": true},
                             {"id": "steel-ball", "shape": "ball", "material": "steel", "size": 0.0736, "position": [0.0005, 0.3368, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "steel-pot", "level": 0.099, "spacing": 0.005}]}
                """);
        Timeline t = Simulator.run(scene);
        int ball = scene.indexOf("steel-ball");
        int start = t.frames().getFirst().liquids().getFirst().count();
        double rim = 0.15, mostAbove = 0;
        int inPot = 0;
        for (Keyframe k : t.frames()) {
            LiquidFrame water = k.liquids().getFirst();
            float[] xyz = water.positions();
            int above = 0;
            inPot = 0;
            for (int i = 0; i < water.count(); i++) {
                double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
                if (y > rim) above++;
                else if (Math.abs(x) < 0.1 && Math.abs(z) < 0.1) inPot++;
            }
            mostAbove = Math.max(mostAbove, (double) above / start);
        }
        double ballY = t.frames().getLast().poses().get(ball).position().y();
        System.out.printf("pot: most water above the rim in a frame %.1f %%; in the pot at %.2f s %d of %d; ball centre y %.4f%n",
                100 * mostAbove, t.frames().getLast().t(), inPot, start, ballY);
        assertTrue(mostAbove <= 0.15, "the water does not heave out of the pot: " + 100 * mostAbove + " % above the rim in a frame");
        assertTrue(inPot >= 0.98 * start, "the water stays in the pot: " + inPot + " of " + start);
        assertEquals(0.0095 + 0.0368, ballY, 0.002, "the ball lies on the pot's floor");
    }

    /**
     * A granite brick (10 x 5 x 8 cm, 1.08 kg) dropped flat from 19 cm above 12 cm of water lands
     * flat on the tank's floor and stays there: the last centimetre of water it squeezes out from
     * under it slows it, as a film does, and does not throw it back. Before the thirteenth session
     * the pressure solves met the brick as an immovable body still coming at full speed, answered
     * with kilonewtons in steps of 20 microseconds, and the under-relaxed hand-over carried those
     * forces into longer steps: this start's brick rose to 0.159 m after reaching the floor and
     * ended on its side, as three other starts did ({@code FluidSolver.giveWay}; fluid/README.md,
     * Robustness, thirteenth session). Now its centre rises at most 1.5 cm over where it rests
     * (0.0323 m; four starts: 0.041-0.047 m).
     */
    @Test
    void aBrickDroppedFlatIntoATankOfWaterLandsFlatWithoutBeingThrownBack() {
        Scene scene = SceneJson.read("""
                {"seconds": 1.0, "size": "160x90", "seed": 0,
                 "objects": [{"id": "tank", "shape": "tank", "material": "glass", "size": [0.3, 0.25, 0.2], "position": [0, 0.125, 0], "fixed": true},
                             {"id": "brick", "shape": "cube", "material": "granite", "size": [0.1, 0.05, 0.08], "position": [0.0005, 0.25, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "tank", "level": 0.12, "spacing": 0.01}]}
                """);
        Timeline t = Simulator.run(scene);
        int brick = scene.indexOf("brick");
        double floor = 0.0075, rest = floor + 0.025, highest = Double.NEGATIVE_INFINITY;
        boolean down = false;
        for (Keyframe k : t.frames()) {
            double y = k.poses().get(brick).position().y();
            down |= y < rest + 0.01;   // within a centimetre of the floor
            if (down) highest = Math.max(highest, y);
        }
        Pose last = t.frames().getLast().poses().get(brick);
        double tilt = tilt(last);
        int start = t.frames().getFirst().liquids().getFirst().count(), end = t.frames().getLast().liquids().getFirst().count();
        System.out.printf("brick: highest centre after reaching the floor %.4f m, at the end %.4f m, tilted %.1f deg; %d of %d particles%n",
                highest, last.position().y(), tilt, end, start);
        assertTrue(down, "the brick reaches the floor");
        assertTrue(highest < rest + 0.02, "the brick is not thrown back: its centre rose to " + highest + " m after reaching the floor");
        assertEquals(rest, last.position().y(), 0.002, "the brick lies on the floor");
        assertTrue(tilt < 5, "the brick lies flat: its short axis is " + tilt + " degrees from the vertical");
        assertTrue(end >= 0.99 * start, "the water stays in the tank: " + end + " of " + start);
    }

    /**
     * "A glass of water tips over", as the words start it (the scene the prompt module makes: the
     * glass 7.5 cm across and 10 cm tall, two-thirds full, tilted 46.9 degrees toward +x and pushed
     * at 0.2 m/s): it falls onto its side and lies there, its water runs out over the floor with
     * splashes and bubbles, and comes to rest there as a puddle, and nothing is thrown. Before the
     * twelfth session's bounded density solve a glass landing on its side was thrown at 11 m/s, and
     * the words kept a vessel of liquid standing (fluid/README.md, Robustness, tenth and thirteenth
     * sessions); until the fourteenth session's held films the spill slid out of the simulated region
     * ("Films on solids").
     */
    @Test
    void aGlassOfWaterKnockedOverFallsOnItsSideAndSpillsItsWater() {
        Scene scene = glassOfWater(1.5, 0.061551, "[0, 0, -0.3977076213692615, 0.917512205861483]");
        Timeline t = Simulator.run(scene);
        int glass = scene.indexOf("glass");
        double fastest = fastest(t, glass, scene.fps());
        Keyframe half = t.frames().get(12), last = t.frames().getLast();
        Pose p = last.poses().get(glass);
        Vec3 axis = p.rotation().rotate(new Vec3(0, 1, 0));
        double tilt = tilt(p);
        // the water still inside the glass: within its inner radius of its axis, between its base and rim
        LiquidFrame water = last.liquids().getFirst();
        float[] xyz = water.positions();
        int inside = 0;
        for (int i = 0; i < water.count(); i++) {
            Vec3 r = new Vec3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]).minus(p.position());
            double along = r.dot(axis), across = r.minus(axis.times(along)).length();
            if (Math.abs(along) < 0.05 && across < 0.0345) inside++;
        }
        int start = t.frames().getFirst().liquids().getFirst().count(), atHalf = half.liquids().getFirst().count(), end = water.count();
        long splashes = t.liquidSounds().stream().filter(x -> x.kind().equals(LiquidSound.SPLASH)).count();
        // where the spilled water lies: its distances from the glass's start, and the floor it wets
        double[] r = new double[end];
        java.util.Set<Long> wet = new java.util.HashSet<>();
        for (int i = 0; i < end; i++) {
            r[i] = Math.hypot(xyz[3 * i], xyz[3 * i + 2]);
            wet.add((long) Math.floor(xyz[3 * i] / 0.01) * 1_000_003L + (long) Math.floor(xyz[3 * i + 2] / 0.01));
        }
        java.util.Arrays.sort(r);
        double r90 = r[(int) (0.9 * end)], area = wet.size() * 1e-4;
        // a puddle at rest is as thick as surface tension and gravity make it: 2 l_c sin(theta / 2),
        // l_c = sqrt(sigma / (rho g)) = 2.7 mm; 2.7 mm for a contact angle of 60 degrees
        dev.diorama.fluid.Liquid w = dev.diorama.fluid.Liquid.WATER;
        double lc = Math.sqrt(w.surfaceTension() / (w.density() * 9.81)), thinnest = 2 * lc * Math.sin(Math.toRadians(30));
        double volume = start * 0.005 * 0.005 * 0.005;
        System.out.printf("knocked-over glass: fastest %.3f m/s, at %.2f s tilted %.1f deg, centre y %.4f; water %d of %d in the scene at %.2f s,"
                + " %d at the end, %d inside the glass; 90 %% of it within %.3f m of the glass's start, wetting %.4f m^2 (a puddle"
                + " %.1f mm thick: %.4f m^2); %d liquid sounds, %d splashes%n", fastest, last.t(), tilt, p.position().y(), atHalf, start,
                half.t(), end, inside, r90, area, 1000 * thinnest, volume / thinnest, t.liquidSounds().size(), splashes);
        assertTrue(fastest < 1.0, "the glass is not thrown: " + fastest + " m/s between frames");
        assertTrue(tilt > 70, "it lies on its side: its axis " + tilt + " degrees from the vertical");
        assertTrue(p.position().y() < 0.045, "on the floor: centre " + p.position().y());
        assertTrue(atHalf >= 0.9 * start, "the water is not thrown away as it lands: " + atHalf + " of " + start + " at " + half.t() + " s");
        assertTrue(inside < 0.5 * start, "the water runs out of it: " + inside + " of " + start + " still inside");
        // Until the films were held (fourteenth session) the spill slid on as if on ice: 641 of the
        // 1,319 particles were left at the end, the others had run out of the simulated region.
        assertTrue(end >= 0.95 * start, "the spilled water stays in the scene: " + end + " of " + start + " at " + last.t() + " s");
        assertTrue(r90 < 0.4, "it comes to rest as a puddle around the glass: 90 % of it within " + r90 + " m");
        assertTrue(area < volume / thinnest, "no thinner than a puddle at rest: it wets " + area + " m^2");
        assertTrue(splashes > 0, "and it sounds");
    }

    /**
     * "A steel ball drops into a puddle" (the scene the words make: an 11.2 cm steel ball from 23 cm
     * into 1 cm of water in a 40 x 30 cm stone tray, 5 mm): the ball lands on the tray's floor
     * through the water and rests there, and the splash leaves the water in the scene. With the
     * twelfth session's coupling this start threw the ball about at up to 7 m/s, pressed it 1 cm
     * into the floor, and left 89 of the 8,512 particles in the scene at 1 s (two starts 0.5-1 mm
     * off kept 8,389 and 8,452 at 2 s); since the thirteenth session's (the bodies giving way in the
     * pressure solves) it keeps 8,402 (the two others 8,335 and 8,276 at 2 s).
     */
    @Test
    void aSteelBallDroppedIntoAPuddleRestsOnItsFloorAndTheWaterStays() {
        Scene scene = SceneJson.read("""
                {"seconds": 1.0, "size": "160x90", "seed": 0,
                 "environment": {"kind": "outdoor", "floor": "stone"},
                 "objects": [{"id": "stone-puddle", "shape": "tank", "material": "stone", "size": [0.4, 0.025, 0.3], "position": [0, 0.0125, 0], "fixed": true},
                             {"id": "steel-ball", "shape": "ball", "material": "steel", "size": 0.112, "position": [0, 0.231, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "stone-puddle", "level": 0.01, "spacing": 0.005}]}
                """);
        Timeline t = Simulator.run(scene);
        int ball = scene.indexOf("steel-ball");
        double fastest = fastest(t, ball, scene.fps()), y = t.frames().getLast().poses().get(ball).position().y();
        int start = t.frames().getFirst().liquids().getFirst().count(), end = t.frames().getLast().liquids().getFirst().count();
        System.out.printf("puddle: the ball at most %.2f m/s between frames, its centre at %.4f m at the end; %d of %d particles%n",
                fastest, y, end, start);
        assertTrue(fastest < 2.5, "the ball only falls (1.9 m/s from its height): " + fastest + " m/s");
        assertEquals(0.010 + 0.056, y, 0.002, "the ball rests on the tray's floor");
        assertTrue(end >= 0.95 * start, "the water stays in the scene: " + end + " of " + start);
    }

    /**
     * A glass 7.5 cm across and 10 cm tall, two-thirds full of water at 5 mm, tilted by the
     * quaternion {@code rotation} (JSON) with its centre {@code y} up and pushed at 0.2 m/s toward +x:
     * how the words start a knocked-over glass.
     */
    static Scene glassOfWater(double seconds, double y, String rotation) {
        return SceneJson.read("""
                {"seconds": %s, "size": "160x90", "seed": 0,
                 "objects": [{"id": "glass", "shape": "cup", "material": "glass", "size": [0.075, 0.1, 0.075],
                              "position": [0, %s, 0], "rotation": %s, "velocity": [0.2, 0, 0]}],
                 "liquids": [{"id": "water", "kind": "water", "in": "glass", "level": 0.066, "spacing": 0.005}]}
                """.formatted(seconds, y, rotation));
    }

    /** How far, in degrees, the body's own y axis is from the vertical, either way up (0-90). */
    static double tilt(Pose p) {
        return Math.toDegrees(Math.acos(Math.min(1, Math.abs(p.rotation().rotate(new Vec3(0, 1, 0)).y()))));
    }

    /** The fastest that object {@code body} moves between two frames, m/s. */
    static double fastest(Timeline t, int body, double fps) {
        double fastest = 0;
        for (int k = 1; k < t.frames().size(); k++) {
            Vec3 a = t.frames().get(k - 1).poses().get(body).position(), b = t.frames().get(k).poses().get(body).position();
            fastest = Math.max(fastest, b.minus(a).length() * fps);
        }
        return fastest;
    }

    /** Median over 1 cm columns (away from two points) of the top particle's height, plus half a spacing. */
    static double level(LiquidFrame f, double ax, double az, double bx, double bz) {
        java.util.TreeMap<Long, Double> top = new java.util.TreeMap<>();
        float[] p = f.positions();
        for (int i = 0; i < f.count(); i++) {
            double x = p[3 * i], y = p[3 * i + 1], z = p[3 * i + 2];
            if (Math.hypot(x - ax, z - az) < 0.08 || Math.hypot(x - bx, z - bz) < 0.04) continue;
            long key = (Math.round(Math.floor(x / 0.01)) << 32) ^ (Math.round(Math.floor(z / 0.01)) & 0xFFFFFFFFL);
            top.merge(key, y, Math::max);
        }
        double[] v = top.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2] + 0.005;
    }
}
