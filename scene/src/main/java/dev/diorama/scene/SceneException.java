package dev.diorama.scene;

/**
 * A scene that is not valid: names where (a JSON pointer such as {@code /objects/0/size}) and what
 * was expected. It is the user's mistake, never an internal failure.
 */
public final class SceneException extends RuntimeException {
    private final String pointer;
    private final String expectation;

    public SceneException(String pointer, String expectation) {
        super((pointer.isEmpty() ? "/" : pointer) + ": " + expectation);
        this.pointer = pointer;
        this.expectation = expectation;
    }

    public String pointer() { return pointer; }

    public String expectation() { return expectation; }

    /** The same error seen from a parent node, e.g. {@code /size} under {@code /objects/2}. */
    public SceneException under(String parent) { return new SceneException(parent + pointer, expectation); }

    static void check(boolean ok, String pointer, String expectation) {
        if (!ok) throw new SceneException(pointer, expectation);
    }

    static void checkFinite(Vec3 v, double limit, String pointer, String what) {
        check(v != null, pointer, "expected " + what);
        for (double c : v.toArray()) {
            check(Double.isFinite(c) && Math.abs(c) <= limit, pointer,
                  "expected " + what + " with each component finite and within ±" + limit);
        }
    }
}
