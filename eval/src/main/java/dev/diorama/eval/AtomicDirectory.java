package dev.diorama.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory that appears only when complete: everything is written into a hidden sibling
 * ({@code .NAME.part-XXXX}), which {@link #commit()} renames to its destination; closing without a
 * commit deletes it, so a failure leaves nothing half-written.
 */
final class AtomicDirectory implements AutoCloseable {
    private final Path destination;
    private final Path temp;
    private boolean committed;

    /** Checks that {@code destination} can be made: its parent exists, and it does not, or is an empty directory. */
    static void check(Path destination, String option) {
        Path abs = destination.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new EvalException(option + ": the directory " + parent + " does not exist; expected an existing parent directory");
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) throw new EvalException(option + ": " + destination + " is a file; expected a new or empty directory");
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new EvalException(option + ": " + destination + " is not empty; expected a new or empty directory");
                }
            } catch (IOException e) {
                throw new EvalException(option + ": cannot read " + destination + " (" + e.getMessage() + ")");
            }
        }
        if (!Files.isWritable(parent)) throw new EvalException(option + ": cannot write in " + parent);
    }

    AtomicDirectory(Path destination) throws IOException {
        this.destination = destination.toAbsolutePath();
        Path parent = this.destination.getParent();
        temp = Files.createTempDirectory(parent, "." + this.destination.getFileName() + ".part-");
    }

    /** Where to write: the hidden directory. */
    Path path() { return temp; }

    void commit() throws IOException {
        if (Files.isDirectory(destination)) Files.delete(destination);   // empty, as checked
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, destination);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (committed) return;
        deleteTree(temp);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: the directory is hidden and named as a partial one
        }
    }
}
