package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelProbe.Outcome;

import java.util.concurrent.TimeUnit;

/**
 * The operator's channel test: one {@link ProviderClient#probe} through the channel's own {@link Transport}, read as a
 * {@link ChannelProbe}.
 *
 * <p>The probe runs {@link Transport#unobserved unobserved}: it counts in neither the channel's statistics nor its
 * circuit breaker. A failed probe must not open the circuit (an operator clicking "test" on a channel with a fresh key
 * would take it out of rotation for real jobs), and a passed one must not close a half-open circuit, because the probe
 * often reads another route than jobs use (a model list answering says little about a failing {@code /videos}). It
 * takes no pacing permit either: it is one request an operator asked for, and waiting out a pause the channel is in
 * would tell less than the 429 the probe then gets. It is bounded by the channel's connect and request timeouts.
 */
final class ChannelProbes {
    private ChannelProbes() {}

    static ChannelProbe run(Transport transport, ProviderClient client) {
        long start = System.nanoTime();
        try {
            int status = transport.unobserved(client::probe);
            return new ChannelProbe(Outcome.REACHABLE, status, millisSince(start), "The provider answered and accepted the channel's credentials.");
        } catch (UpstreamException e) {
            return new ChannelProbe(outcome(e.kind()), e.httpStatus(), millisSince(start), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChannelProbe(Outcome.ERROR, 0, millisSince(start), "The test was stopped before the provider answered.");
        }
    }

    private static Outcome outcome(UpstreamException.Kind kind) {
        return switch (kind) {
            case DENIED -> Outcome.UNAUTHORIZED;
            case RATE_LIMITED -> Outcome.RATE_LIMITED;
            case UNREACHABLE, TIMEOUT -> Outcome.UNREACHABLE;
            default -> Outcome.ERROR;
        };
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
