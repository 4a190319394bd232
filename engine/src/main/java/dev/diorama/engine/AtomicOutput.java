package dev.diorama.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Files that appear at their destination only when complete: each is written to a hidden
 * temporary file in the destination's own directory and moved into place by {@link #commit()}; a
 * scope closed without a commit deletes the temporaries, so a failure leaves nothing half-written.
 */
final class AtomicOutput implements AutoCloseable {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final List<Path[]> pending = new ArrayList<>();   // {temp, destination}
    private boolean committed;

    /** A temporary path to write instead of {@code destination}. */
    Path temp(Path destination) throws IOException {
        Path dir = destination.toAbsolutePath().getParent();
        String name = destination.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        // Not Files.createTempFile: that makes the file private (0600); a film is created with the
        // user's usual permissions, like any file they write.
        Path tmp;
        while (true) {
            try {
                tmp = Files.createFile(dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part" + ext));
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
        pending.add(new Path[] {tmp, destination});
        return tmp;
    }

    /** Moves every temporary file into place, in the order they were asked for. */
    void commit() throws IOException {
        for (Path[] p : pending) {
            try {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    @Override
    public void close() {
        if (committed) return;
        for (Path[] p : pending) {
            try {
                Files.deleteIfExists(p[0]);
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and named as such
            }
        }
    }
}
