package dev.vidgate.media;

/**
 * The bytes are not a sound JPEG, PNG or WebP image within the limits given, or decoding them took longer
 * than allowed. A property of the bytes: trying again fails the same way (a permanent failure).
 */
public final class UnreadableImageException extends RuntimeException {
    private final String reason;

    UnreadableImageException(String reason) {
        this(reason, null);
    }

    UnreadableImageException(String reason, Throwable cause) {
        super("the image " + reason, cause);
        this.reason = reason;
    }

    /** What is wrong, to follow a subject: {@code is too large to decode}, {@code could not be decoded}, ... */
    public String reason() {
        return reason;
    }
}
