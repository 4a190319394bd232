package dev.diorama.assets;

import java.nio.file.Path;

/**
 * A model file that cannot be used: missing, truncated, or not what its name says. It is the
 * user's mistake, never an internal failure; the message names the file and what was expected.
 */
public final class AssetException extends RuntimeException {
    public AssetException(Path file, String expectation) {
        super(file + ": " + expectation);
    }
}
