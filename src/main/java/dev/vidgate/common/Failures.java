package dev.vidgate.common;

/** What to tell a person about a failure. */
public final class Failures {
    private Failures() {}

    /** The message of the innermost cause, which names what actually went wrong; its class name when it has none. */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
