package dev.vidgate.storage;

/** An I/O failure of a content store; transient by nature (the same call may succeed later). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
