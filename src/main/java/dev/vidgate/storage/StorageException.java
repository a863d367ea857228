package dev.vidgate.storage;

/**
 * An I/O failure of a content store. Most are transient (the same call may succeed later: a timeout, a 5xx, a
 * dropped connection); {@link #permanent} marks those that will not heal by retrying the same call (access denied,
 * a missing bucket, a request the store refuses), so operators and retry policies can tell them apart.
 */
public class StorageException extends RuntimeException {
    private final boolean transientFailure;

    public StorageException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public StorageException(String message) {
        this(message, null, true);
    }

    private StorageException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** A failure that retrying the same call will not fix. */
    public static StorageException permanent(String message, Throwable cause) {
        return new StorageException(message, cause, false);
    }

    /** True if the same call may succeed when tried again later. */
    public boolean isTransient() {
        return transientFailure;
    }
}
