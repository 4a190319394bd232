package dev.diorama.eval;

/** A user's mistake found by the exam or the dataset writer: the message says what was expected. */
public final class EvalException extends RuntimeException {
    public EvalException(String message) { super(message); }
}
