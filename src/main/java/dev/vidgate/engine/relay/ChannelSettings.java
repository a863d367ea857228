package dev.vidgate.engine.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream provider the relay sends jobs to. Checked for sense here; the configuration reader
 * (in {@code app}) reports problems by their configuration key before building this.
 *
 * @param name              unique, lowercase letters, digits, {@code -} and {@code _}; part of every handle
 * @param baseUrl           what the provider's own SDK takes as base URL, e.g. {@code https://api.example.com/v1};
 *                          for Azure the resource endpoint ({@code /openai/v1} is appended)
 * @param apiKey            the credential, or {@code null} for an open upstream
 * @param flavour           the protocol it speaks: an OpenAI-shaped {@link Flavour} or another provider adapter
 * @param models            our model name to theirs; empty means every model, under our names
 * @param priority          higher is tried first; equal priorities share by {@code weight}
 * @param weight            relative share among channels of equal priority, at least 1
 * @param maxInFlight       upstream jobs this node keeps running on the channel at once
 * @param requestsPerSecond pace of all requests to the channel (submits, polls, downloads)
 * @param maxConnections    requests to the channel in progress at once
 * @param connectTimeout    to open a connection
 * @param requestTimeout    for a whole JSON request (headers and body)
 * @param apiVersion        Azure's {@code api-version} query parameter, or {@code null} to send none
 * @param idempotencyKeys   whether the upstream honours {@code Idempotency-Key}, so that an ambiguous create
 *                          may be repeated with the same key; otherwise it is checked by listing instead
 * @param options           the adapter's own settings ({@code project}, {@code location}, ...), see {@link Provider#options}
 */
public record ChannelSettings(String name, URI baseUrl, ApiKey apiKey, Provider flavour, Map<String, String> models,
                              int priority, int weight, int maxInFlight, double requestsPerSecond, int maxConnections,
                              Duration connectTimeout, Duration requestTimeout, String apiVersion,
                              boolean idempotencyKeys, Map<String, String> options) {

    public ChannelSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) throw new IllegalArgumentException("bad channel name: " + name);
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
        }
        if (weight < 1 || maxInFlight < 1 || maxConnections < 1 || requestsPerSecond <= 0) {
            throw new IllegalArgumentException("weight, max in flight, connections and requests per second must be positive");
        }
        models = Map.copyOf(models);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** As the canonical constructor, without adapter options. */
    public ChannelSettings(String name, URI baseUrl, ApiKey apiKey, Provider flavour, Map<String, String> models,
                           int priority, int weight, int maxInFlight, double requestsPerSecond, int maxConnections,
                           Duration connectTimeout, Duration requestTimeout, String apiVersion, boolean idempotencyKeys) {
        this(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight, requestsPerSecond, maxConnections,
                connectTimeout, requestTimeout, apiVersion, idempotencyKeys, Map.of());
    }

    /** A channel with the defaults for everything but what identifies it. */
    public static ChannelSettings of(String name, URI baseUrl, ApiKey apiKey, Provider flavour) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, Map.of(), 0, 1, flavour.defaultMaxInFlight(), 50, 32,
                Duration.ofSeconds(5), Duration.ofSeconds(30), null, flavour.idempotentByDefault(), Map.of());
    }

    public ChannelSettings withModels(Map<String, String> ourToTheirs) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, ourToTheirs, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, options);
    }

    public ChannelSettings withRouting(int priority, int weight) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, options);
    }

    public ChannelSettings withLimits(int maxInFlight, double requestsPerSecond, int maxConnections) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, options);
    }

    public ChannelSettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, options);
    }

    public ChannelSettings withApiVersion(String apiVersion) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, options);
    }

    public ChannelSettings withIdempotencyKeys(boolean honoured) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, honoured, options);
    }

    public ChannelSettings withOptions(Map<String, String> adapterOptions) {
        return new ChannelSettings(name, baseUrl, apiKey, flavour, models, priority, weight, maxInFlight,
                requestsPerSecond, maxConnections, connectTimeout, requestTimeout, apiVersion, idempotencyKeys, adapterOptions);
    }

    /** The adapter option {@code key}, if set. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key)).filter(v -> !v.isBlank());
    }

    /** The upstream's name for our model, if this channel serves it. */
    public Optional<String> upstreamModel(String ourModel) {
        if (models.isEmpty()) return Optional.of(ourModel);
        return Optional.ofNullable(models.get(ourModel));
    }
}
