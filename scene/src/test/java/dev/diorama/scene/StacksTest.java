package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How deep a stack stands: bodies on bodies, counted from the floor up; fixed things are not counted. */
class StacksTest {
    private static int made;

    private static SceneObject cube(double x, double bottom, double z, double edge, boolean fixed) {
        return new SceneObject("cube-" + made++, Shape.CUBE, Material.WOOD, null, new Vec3(edge, edge, edge),
                new Vec3(x, bottom + edge / 2, z), Quat.IDENTITY, Vec3.ZERO, fixed, null);
    }

    @Test
    void aColumnIsAsDeepAsItsBodiesAndARowIsOneDeep() {
        List<SceneObject> column = new ArrayList<>();
        for (int k = 0; k < 5; k++) column.add(cube(0, k * 0.2, 0, 0.2, false));
        assertEquals(5, Stacks.depth(column));
        // a millimetre of air between them still stacks (they settle at once)
        List<SceneObject> gapped = new ArrayList<>();
        for (int k = 0; k < 4; k++) gapped.add(cube(0, k * 0.201, 0, 0.2, false));
        assertEquals(4, Stacks.depth(gapped));
        List<SceneObject> row = new ArrayList<>();
        for (int k = 0; k < 5; k++) row.add(cube(k * 0.3, 0, 0, 0.2, false));
        assertEquals(1, Stacks.depth(row));
        // a cube a centimetre above another does not stand on it, nor one beside it
        assertEquals(1, Stacks.depth(List.of(cube(0, 0, 0, 0.2, false), cube(0, 0.21, 0, 0.2, false))));
        assertEquals(1, Stacks.depth(List.of(cube(0, 0, 0, 0.2, false), cube(0.25, 0.2, 0, 0.2, false))));
    }

    @Test
    void aFixedThingUnderAStackIsNotOfIt() {
        // three cubes on a fixed pedestal: three deep
        List<SceneObject> on = new ArrayList<>(List.of(cube(0, 0, 0, 0.5, true)));
        for (int k = 0; k < 3; k++) on.add(cube(0, 0.5 + k * 0.2, 0, 0.2, false));
        assertEquals(3, Stacks.depth(on));
    }

    @Test
    void aBondedWallIsAsDeepAsItsCourses() {
        // two courses of bricks across the line, the upper one half a brick along, turned a quarter
        Quat quarter = Quat.axisAngle(new Vec3(0, 1, 0), Math.PI / 2);
        Vec3 brick = new Vec3(0.215, 0.065, 0.1025);
        List<SceneObject> wall = new ArrayList<>();
        for (int course = 0; course < 3; course++) {
            for (int k = 0; k < 3; k++) {
                double z = (k - 1) * 0.217 + (course % 2) * 0.1085;
                wall.add(new SceneObject("b" + course + k, Shape.BRICK, Material.BRICK, null, brick,
                        new Vec3(0, course * 0.065 + 0.0325, z), quarter, Vec3.ZERO, false, null));
            }
        }
        assertEquals(3, Stacks.depth(wall));
    }
}
