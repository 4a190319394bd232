package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneObject;
import dev.diorama.scene.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "three balls race down three ramps", "three marbles drop into three cups": as many things as
 * props, one on or in each; with fewer or more things than props, all go on the first, as before.
 */
class SharedPropsTest {
    private static Scene scene(String prompt) {
        return PromptParser.parse(prompt, PromptParser.Options.DEFAULTS).scene();
    }

    /** For each thing of {@code shape}, the prop of {@code prop} whose x-extent holds it; each prop is used once. */
    private static void oneEach(String prompt, Shape shape, Shape prop) {
        Scene s = scene(prompt);
        List<SceneObject> things = s.objects().stream().filter(o -> o.shape() == shape).toList();
        List<SceneObject> props = s.objects().stream().filter(o -> o.shape() == prop).toList();
        assertEquals(props.size(), things.size(), prompt);
        Set<String> used = new HashSet<>();
        for (SceneObject t : things) {
            SceneObject on = props.stream().filter(p -> Math.abs(t.position().x() - p.position().x()) < p.size().x() / 2 + 1e-6)
                    .findFirst().orElseThrow(() -> new AssertionError(prompt + ": " + t.id() + " is on no " + prop.jsonName()));
            assertTrue(used.add(on.id()), prompt + ": two things on " + on.id());
            assertTrue(t.position().y() > on.position().y(), prompt + ": " + t.id() + " above " + on.id());
        }
    }

    @Test
    void asManyThingsAsPropsGoOneOnEach() {
        oneEach("three balls race down three ramps", Shape.BALL, Shape.WEDGE);
        oneEach("three marbles drop into three cups", Shape.BALL, Shape.CUP);
        oneEach("two balls on two tables", Shape.BALL, Shape.TABLE);
        // two balls on three tables: all on the first
        Scene s = scene("two balls on three tables");
        List<SceneObject> balls = s.objects().stream().filter(o -> o.shape() == Shape.BALL).toList();
        SceneObject first = s.objects().stream().filter(o -> o.shape() == Shape.TABLE).findFirst().orElseThrow();
        for (SceneObject b : balls) assertTrue(Math.abs(b.position().x() - first.position().x()) < first.size().x() / 2, b.id() + " on the first table");
    }
}
