package dev.diorama.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The film mix kept on disk between the loudness passes and the film: what goes in comes out, and nothing stays behind. */
class MixCacheTest {
    static long leftovers() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("diorama-mix-")).count();
        }
    }

    /** The process's open files that are mix files (unlinked ones read "… (deleted)"): Linux's /proc. */
    static long openMixFiles() throws IOException {
        long n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : s.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("diorama-mix-")) n++;
                } catch (IOException gone) {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        return n;
    }

    @Test
    void readsBackTheFloatsWrittenAndSilenceAroundThem() throws IOException {
        long before = leftovers();
        MixCache cache = new MixCache(this);
        assertEquals(before, leftovers(), "the file is unlinked as soon as it is open");
        double[] l = new double[1000], r = new double[1000];
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.sin(0.01 * i) * 1e3 + 1e-9 * i;  // values a float cannot hold exactly
            r[i] = -i;
        }
        cache.append(l, r, 600);
        cache.append(java.util.Arrays.copyOfRange(l, 600, 1000), java.util.Arrays.copyOfRange(r, 600, 1000), 400);
        assertEquals(1000, cache.frames());
        double[] gl = new double[300], gr = new double[300];
        cache.read(-100, gl, gr, 300);  // 100 before the start, then samples 0..199
        for (int i = 0; i < 300; i++) {
            double wantL = i < 100 ? 0 : (float) l[i - 100], wantR = i < 100 ? 0 : (float) r[i - 100];
            assertEquals(wantL, gl[i], 0, "left " + i);
            assertEquals(wantR, gr[i], 0, "right " + i);
        }
        cache.read(900, gl, gr, 300);  // samples 900..999, then 200 past the end
        for (int i = 0; i < 300; i++) assertEquals(i < 100 ? (float) l[900 + i] : 0, gl[i], 0, "left " + (900 + i));
        cache.read(5000, gl, gr, 300);
        assertArrayEquals(new double[300], gl);
        cache.close();
        assertThrows(IllegalStateException.class, () -> cache.read(0, gl, gr, 10), "a closed cache says so");
        assertEquals(before, leftovers());
    }

    @Test
    void aFilmMixLeavesNoFileBehind() throws IOException {
        long before = leftovers(), open = openMixFiles();
        var scene = AudioBench.room();
        try (SoundTrack track = new SoundTrack(scene, AudioBench.events(scene, 50), SoundTrack.Options.FILM)) {
            float[] l = new float[4800], r = new float[4800];
            track.render(0, l, r, 4800);
            assertTrue(track.mastering() != null);
            assertEquals(open + 1, openMixFiles(), "the film mix is kept in one unlinked file while the track is open");
            assertEquals(before, leftovers(), "which no directory lists");
        }
        assertEquals(open, openMixFiles(), "closing the track gives its file back");
    }
}
