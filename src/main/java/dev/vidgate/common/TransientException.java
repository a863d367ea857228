package dev.vidgate.common;

/** A failure that may go away if the same thing is tried again later (I/O, a busy upstream, a lost race). */
public class TransientException extends RuntimeException {
    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
