package dev.vidgate.engine.relay;

import java.time.Duration;

/**
 * A request to an upstream that did not get a usable answer. The {@link Kind} says what the relay may
 * do next; the message is already clean for clients (see {@link ErrorText}).
 */
public final class UpstreamException extends Exception {

    public enum Kind {
        /** The request never reached the upstream (refused, unresolvable, connect timeout): nothing happened there. */
        UNREACHABLE(false, true),
        /** Sent, but no complete answer in time: the upstream may or may not have acted. */
        TIMEOUT(true, true),
        /** The answer was cut off, reset, or unreadable (HTML, invalid JSON): the upstream may have acted. */
        BROKEN(true, true),
        /** 5xx: the upstream failed, and may have acted before failing. */
        SERVER(true, true),
        /** 429: slow down; nothing was done. */
        RATE_LIMITED(false, false),
        /** 401/403: this channel's key is wrong or lacks access; nothing was done. */
        DENIED(false, true),
        /** 404/405/410: no such route or job at the upstream. */
        NOT_FOUND(false, false),
        /** 400/413/415/422 or an error the upstream reported as the caller's fault: the request itself is refused. */
        REJECTED(false, false),
        /** A 2xx answer that carries an error instead of a result. */
        ERROR_ANSWER(false, true),
        /**
         * The provider's account ran out (balance, resource pack, a hard quota): nothing was done, and nothing will be
         * on this channel for a while, so it leaves the rotation and the job goes to another channel.
         */
        EXHAUSTED(false, true),
        /** Our own limits refused the answer (too large, wrong kind of file). */
        UNACCEPTABLE(false, false);

        private final boolean ambiguous;
        private final boolean channelFault;

        Kind(boolean ambiguous, boolean channelFault) {
            this.ambiguous = ambiguous;
            this.channelFault = channelFault;
        }

        /** Whether the upstream may have carried the request out although we got no answer. */
        public boolean ambiguous() { return ambiguous; }

        /** Whether this counts against the channel's health (and may open its circuit). */
        public boolean channelFault() { return channelFault; }
    }

    /** The error code of a job or request a provider refused on content grounds (its moderation, a safety filter). */
    public static final String MODERATION = "moderation_blocked";

    private final Kind kind;
    private final int httpStatus;
    private final String upstreamCode;
    private final Duration retryAfter;

    public UpstreamException(Kind kind, String message, int httpStatus, String upstreamCode, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.upstreamCode = upstreamCode;
        this.retryAfter = retryAfter;
    }

    public UpstreamException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    /** The same failure with every mention of {@code upstreamId} (a job id clients must not see) blanked out. */
    UpstreamException withoutId(String upstreamId) {
        String message = getMessage();
        if (upstreamId == null || upstreamId.isEmpty() || message == null || !message.contains(upstreamId)) return this;
        return new UpstreamException(kind, message.replace(upstreamId, "[id]"), httpStatus, upstreamCode, retryAfter);
    }

    public Kind kind() { return kind; }

    /** The HTTP status, or 0 when there was none. */
    public int httpStatus() { return httpStatus; }

    /** The upstream's error code as a token, or {@code null}. */
    public String upstreamCode() { return upstreamCode; }

    /** How long a 429 asked us to wait, or {@code null}. */
    public Duration retryAfter() { return retryAfter; }
}
