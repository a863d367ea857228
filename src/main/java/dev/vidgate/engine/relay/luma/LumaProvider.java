package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * Luma's Dream Machine API ({@code lumalabs/lumaai-python}): {@code POST /generations/video},
 * {@code GET /generations/{id}}, {@code DELETE /generations/{id}} under {@code .../dream-machine/v1}, a Bearer key.
 * Luma fetches images from URLs, so image jobs need {@code vidgate.public-url}.
 */
public final class LumaProvider implements Provider {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String wireName() { return "luma"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://api.lumalabs.ai/dream-machine/v1"));
    }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: Luma authenticates every request with a Bearer key");
        }
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new LumaClient(channel, transport, JSON);
    }
}
