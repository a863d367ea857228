package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * Runway's developer API ({@code runwayml/sdk-python}): {@code POST /v1/image_to_video} or {@code /v1/text_to_video},
 * {@code GET /v1/tasks/{id}}, {@code DELETE /v1/tasks/{id}}, a Bearer key and the {@code X-Runway-Version} header.
 */
public final class RunwayProvider implements Provider {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String wireName() { return "runway"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://api.dev.runwayml.com"));
    }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: Runway authenticates every request with a Bearer key");
        }
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new RunwayClient(channel, transport, JSON);
    }
}
