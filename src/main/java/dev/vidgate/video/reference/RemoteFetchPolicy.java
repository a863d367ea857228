package dev.vidgate.video.reference;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RemoteImageFetcher} may fetch {@code input_reference.image_url} URLs.
 *
 * @param enabled              whether remote URLs are fetched at all (off by default)
 * @param maxBytes             largest accepted body; the fetcher never reads more than this (413 beyond it)
 * @param connectTimeout       time allowed to open the TCP (and TLS) connection
 * @param readTimeout          total time allowed for the request and the whole response once connected
 *                             (so a server dripping one byte at a time cannot hold the request open)
 * @param allowPrivateNetworks fetch from loopback, private, link-local and similar addresses; for tests only
 * @param allowPlainHttp       fetch {@code http://} URLs too (otherwise only {@code https://}); for tests only, no setting turns it on
 */
public record RemoteFetchPolicy(boolean enabled, long maxBytes, Duration connectTimeout, Duration readTimeout,
                                boolean allowPrivateNetworks, boolean allowPlainHttp) {

    /** Disabled; 25 MiB, 5 s connect, 20 s read, https and public addresses only when enabled. */
    public static final RemoteFetchPolicy DEFAULTS = new RemoteFetchPolicy(false, ReferenceLimits.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(5), Duration.ofSeconds(20), false, false);

    public RemoteFetchPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The defaults, enabled. */
    public static RemoteFetchPolicy enabledDefaults() {
        return DEFAULTS.withEnabled(true);
    }

    public RemoteFetchPolicy withEnabled(boolean value) {
        return new RemoteFetchPolicy(value, maxBytes, connectTimeout, readTimeout, allowPrivateNetworks, allowPlainHttp);
    }

    public RemoteFetchPolicy withMaxBytes(long value) {
        return new RemoteFetchPolicy(enabled, value, connectTimeout, readTimeout, allowPrivateNetworks, allowPlainHttp);
    }

    public RemoteFetchPolicy withTimeouts(Duration connect, Duration read) {
        return new RemoteFetchPolicy(enabled, maxBytes, connect, read, allowPrivateNetworks, allowPlainHttp);
    }

    public RemoteFetchPolicy withAllowPrivateNetworks(boolean value) {
        return new RemoteFetchPolicy(enabled, maxBytes, connectTimeout, readTimeout, value, allowPlainHttp);
    }

    public RemoteFetchPolicy withAllowPlainHttp(boolean value) {
        return new RemoteFetchPolicy(enabled, maxBytes, connectTimeout, readTimeout, allowPrivateNetworks, value);
    }
}
