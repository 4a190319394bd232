package dev.diorama.worldmodel;

/** A user mistake in what the world model was given (a missing dataset, a bad checkpoint, a wrong size). */
public final class WorldModelException extends RuntimeException {
    public WorldModelException(String message) {
        super(message);
    }
}
