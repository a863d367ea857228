package dev.vidgate.engine.relay;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * One upstream protocol the relay speaks: a provider adapter. The relay core (routing, pacing, circuit
 * breakers, polling, downloads, outcomes) is the same for all; an adapter only translates. Each adapter
 * lives in its own package under {@code engine.relay} (the OpenAI-shaped dialects are {@link Flavour}),
 * comes with a fake upstream in the tests that speaks its documented protocol with faults, and passes the
 * shared {@code EngineContract}. Only {@code app} lists the adapters ({@code app/Providers}).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #wireName} is unique, lowercase, and is what {@code vidgate.relay.channels[i].flavour} names.</li>
 *   <li>{@link #check} refuses settings the adapter cannot work with (a missing option, a key in the wrong
 *       form) with an {@link IllegalArgumentException} whose message names the option as written in
 *       configuration ({@code project}, {@code api-key}); the caller prefixes the channel's key. It never
 *       contacts the provider.</li>
 *   <li>{@link #open} builds the client of one channel; it does no I/O and never fails for a reason
 *       {@link #check} would have caught.</li>
 * </ul>
 */
public interface Provider {

    /** The flavour name used in configuration, e.g. {@code gemini}. */
    String wireName();

    /** The base URL a channel uses when it leaves {@code base-url} out: what the provider's own SDK defaults to. */
    default Optional<URI> defaultBaseUrl() {
        return Optional.empty();
    }

    /** The channel options ({@code vidgate.relay.channels[i].options.*}) this adapter reads; others are refused. */
    default Set<String> options() {
        return Set.of();
    }

    /** Jobs at once on one channel unless {@code max-in-flight} says otherwise (a self-hosted GPU server takes one). */
    default int defaultMaxInFlight() {
        return 100;
    }

    /** Whether an ambiguous create may be repeated with the same {@code Idempotency-Key} unless configured otherwise. */
    default boolean idempotentByDefault() {
        return false;
    }

    /** Refuses settings this adapter cannot work with; the message names the offending option. */
    default void check(ChannelSettings channel) {}

    /**
     * Whether this provider's client passes edits and extensions upstream ({@link ProviderClient#edit},
     * {@link ProviderClient#extend}). A model served by a channel whose provider does not is not offered the
     * {@code video} input, so such a request is refused at the API (400, nothing held) instead of failing its job.
     */
    default boolean editsVideos() {
        return false;
    }

    /** The client of one channel, sending through {@code transport}. */
    ProviderClient open(ChannelSettings channel, Transport transport);
}
