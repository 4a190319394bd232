package dev.diorama.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.engine.Progress;
import dev.diorama.scene.SceneJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path tmp;

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * With families, about half the clips are practice scenes of the exam's families: every family
     * appears in 200 draws, each is built like the exam's (its camera, its slab or ramp or rod) at
     * the set's size and length, none is one of the exam's own scenes, and the open-floor clips are
     * the ones the set without families draws.
     */
    @Test
    void familiesAddPracticeScenesOfTheExamNeverItsOwn() {
        Dataset.Spec open = new Dataset.Spec(200, 64, 64, 2.5, 24, 1), mixed = new Dataset.Spec(200, 64, 64, 2.5, 24, 1, true);
        java.util.Map<Family, Integer> seen = new java.util.EnumMap<>(Family.class);
        java.util.Set<String> exam = new java.util.HashSet<>();
        for (Scenario s : Suite.all()) exam.add(SceneJson.write(s.scene()));
        int practice = 0;
        for (int i = 0; i < 200; i++) {
            Dataset.Drawn d = Dataset.draw(mixed, i);
            if (d.family() == null) {
                assertEquals(Dataset.draw(open, i), d, "clip " + i + ": an open-floor clip as without families");
                continue;
            }
            practice++;
            seen.merge(d.family(), 1, Integer::sum);
            assertEquals(2.5, d.scene().seconds());
            assertEquals(64, d.scene().width());
            assertTrue(d.scene().camera() != null, "the exam's camera");
            if (d.family() == Family.PERMANENCE) {
                assertTrue(d.scene().objects().stream().anyMatch(o -> o.id().equals("occluder")), "a slab: " + d.caption());
            }
            Scenario same = Suite.practice(d.family(), 0, d.scene().seed());
            assertFalse(exam.contains(SceneJson.write(d.scene().withTiming(same.scene().seconds(), 24, 64, 64))),
                    "clip " + i + " is one of the exam's scenes");
            assertEquals(d, Dataset.draw(mixed, i), "the same clip again");
        }
        assertTrue(practice > 70 && practice < 130, practice + " practice scenes of 200");
        assertEquals(Family.values().length, seen.size(), "every family: " + seen);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndTheIndexListsEveryClip() throws Exception {
        Dataset.Spec spec = new Dataset.Spec(3, 32, 32, 0.5, 24, 7);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        Dataset.write(spec, a, 0, Progress.NONE);
        Dataset.write(spec, b, 1, Progress.NONE);
        assertEquals(names(a), names(b));
        for (String n : names(a)) assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);

        JsonNode index = SceneJson.MAPPER.readTree(a.resolve("index.json").toFile());
        assertEquals(Dataset.FORMAT, index.get("format").asText());
        assertEquals(3, index.get("clips").size());
        for (JsonNode c : index.get("clips")) {
            assertTrue(Files.size(a.resolve(c.get("video").asText())) > 0);
            assertTrue(Files.exists(a.resolve(c.get("groundTruth").asText())));
            assertFalse(c.get("caption").asText().isBlank());
            Clip clip = Clip.read(a.resolve(c.get("video").asText()));
            assertEquals(12, clip.frameCount());
            assertTrue(clip.sampleRate() > 0, "the clip has sound");
        }
        assertEquals(7, names(a).size(), "three videos, three sidecars, the index, and nothing else");

        Path other = tmp.resolve("other");
        Dataset.write(new Dataset.Spec(1, 32, 32, 0.5, 24, 8), other, 0, Progress.NONE);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("clip-00000.json")),
                Files.readAllBytes(other.resolve("clip-00000.json"))), "another seed, another world");
        // A clip does not depend on how many are made.
        Path one = tmp.resolve("one");
        Dataset.write(new Dataset.Spec(1, 32, 32, 0.5, 24, 7), one, 0, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(a.resolve("clip-00000.mp4")), Files.readAllBytes(one.resolve("clip-00000.mp4")));
    }

    @Test
    void aDirectoryInUseIsRefusedAndNothingIsWritten() throws Exception {
        Path used = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        assertThrows(EvalException.class, () -> Dataset.write(new Dataset.Spec(1, 32, 32, 0.5, 24, 0), used, 0, Progress.NONE));
        assertEquals(List.of("keep.txt"), names(used));
        assertEquals(List.of("used"), names(tmp), "no hidden partial directory is left behind");
    }

    @Test
    void aFailureHalfWayLeavesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Progress failing = (stage, f) -> { if (f >= 0.5) throw new IllegalStateException("interrupted"); };
        assertThrows(IllegalStateException.class, () -> Dataset.write(new Dataset.Spec(2, 32, 32, 0.5, 24, 0), out, 0, failing));
        assertEquals(List.of(), names(tmp));
    }
}
