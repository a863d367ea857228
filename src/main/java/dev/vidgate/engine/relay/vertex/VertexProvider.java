package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;

import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * Flavour {@code vertex}: Google Veo on Vertex AI. Options {@code project} (required) and {@code location}
 * (default {@code us-central1}). The default base URL is Google's {@code https://aiplatform.googleapis.com}, which the
 * client turns into the regional host {@code https://{location}-aiplatform.googleapis.com} unless the location is
 * {@code global} (as Google's SDKs do); any other configured base URL is used as it is. The channel's {@code api-key}
 * is a static OAuth access token or a service account's JSON key (detected by its leading <code>{</code>).
 */
public final class VertexProvider implements Provider {
    static final String DEFAULT_LOCATION = "us-central1";
    static final String GOOGLE_HOST = "aiplatform.googleapis.com";

    private final InstantSource clock;

    public VertexProvider() {
        this(InstantSource.system());
    }

    /** With the clock that decides when a service account's access token is renewed. */
    public VertexProvider(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String wireName() { return "vertex"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://" + GOOGLE_HOST));
    }

    @Override
    public Set<String> options() {
        return Set.of("project", "location");
    }

    @Override
    public void check(ChannelSettings channel) {
        String project = channel.option("project").orElseThrow(() ->
                new IllegalArgumentException("project is required: the Google Cloud project id that runs Veo"));
        if (!project.matches("[a-z0-9][a-z0-9.:\\-]{1,62}")) {
            throw new IllegalArgumentException("project must be a Google Cloud project id (lowercase letters, digits, '-'); got '"
                    + project + "'");
        }
        String location = location(channel);
        if (!location.matches("[a-z0-9][a-z0-9\\-]{1,39}")) {
            throw new IllegalArgumentException("location must be a Google Cloud region such as us-central1; got '" + location + "'");
        }
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key is required: an OAuth access token or a service account's JSON key");
        }
        VertexCredentials.check(channel.apiKey().reveal());
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new VertexClient(channel, transport, VertexCredentials.of(channel.apiKey().reveal(), clock), location(channel));
    }

    static String location(ChannelSettings channel) {
        return channel.option("location").orElse(DEFAULT_LOCATION);
    }
}
