package dev.vidgate.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * What one test call to an upstream channel found, for an operator: whether the upstream answered and took the
 * channel's credentials. Never carries the upstream's address, an upstream id or a key.
 *
 * @param outcome       what the call found
 * @param httpStatus    the upstream's HTTP status, or 0 when there was no answer (or no upstream)
 * @param latencyMillis how long the call took
 * @param message       a readable account, free of secrets
 */
public record ChannelProbe(Outcome outcome, int httpStatus, long latencyMillis, String message) {

    /** The kinds of answer an operator acts on differently. */
    public enum Outcome {
        /** The upstream answered and accepted the credentials. */
        REACHABLE,
        /** The upstream refused the credentials (401/403). */
        UNAUTHORIZED,
        /** No answer: refused connection, unknown host, or nothing within the channel's timeouts. */
        UNREACHABLE,
        /** The upstream asked us to slow down (429): reachable and authorised, but not taking work now. */
        RATE_LIMITED,
        /** Any other failure (5xx, an unreadable answer, an exhausted account). */
        ERROR,
        /** A local engine: there is no upstream to test. */
        BUILTIN;

        /** The lowercase name used on the wire, e.g. {@code rate_limited}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChannelProbe {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the channel can take work: reachable (or a local engine, which needs no upstream). */
    public boolean ok() {
        return outcome == Outcome.REACHABLE || outcome == Outcome.BUILTIN;
    }
}
