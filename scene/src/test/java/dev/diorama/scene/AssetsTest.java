package dev.diorama.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How an asset's text finds its file: a bound name, the same name with a model file's extension, or a path. */
class AssetsTest {
    @Test
    void aBoundNameIsFoundWithOrWithoutItsExtension() {
        Path shoe = Path.of("/tmp/models/shoe.glb");
        Assets.bind("assets-test-sneaker", shoe);
        assertEquals(shoe, Assets.resolve("assets-test-sneaker"));
        assertEquals(shoe, Assets.resolve("assets-test-sneaker.glb"));
        assertEquals(shoe, Assets.resolve("assets-test-sneaker.GLTF"));
        assertEquals(Path.of("assets-test-other.glb").toAbsolutePath().normalize(), Assets.resolve("assets-test-other.glb"));
    }
}
