package dev.diorama.prompt;

/**
 * A prompt Diorama cannot turn into a scene. The message quotes the words at fault (when there are
 * some), says what was wrong with them and what was expected instead, e.g.
 * {@code "minus three balls": found a count of -3; expected a whole number of objects from 1 to 200,
 * such as "three balls"}. It is always the user's mistake, never an internal failure.
 */
public final class PromptException extends RuntimeException {
    private final String words;

    /** A problem with the prompt as a whole (empty, too long, no object). */
    public PromptException(String message) {
        super(message);
        this.words = "";
    }

    /** A problem with some of its words: the message reads {@code "words": problem}. */
    public PromptException(String words, String problem) {
        super("\"" + words + "\": " + problem);
        this.words = words;
    }

    PromptException(String words, String problem, Throwable cause) {
        super(words.isEmpty() ? problem : "\"" + words + "\": " + problem, cause);
        this.words = words;
    }

    /** The prompt words at fault, as written; empty when the problem is the prompt as a whole. */
    public String words() { return words; }
}
