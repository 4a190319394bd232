package dev.diorama.cli;

/** A user mistake on the command line: exit code 2 and this message, no stack trace. */
final class BadInput extends RuntimeException {
    BadInput(String message) { super(message); }
}
