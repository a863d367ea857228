package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * OpenRouter's video API ({@code https://openrouter.ai/api/v1}, what OpenRouter's SDKs take as base), which sells other
 * vendors' models under its own ids ({@code google/veo-3.1}): a job is submitted with {@code POST {base}/videos},
 * polled at {@code GET {base}/videos/{id}} and downloaded from its content route with the key (or a signed URL
 * without). A channel's {@code models} maps our models onto OpenRouter's ids.
 */
public final class OpenRouterProvider implements Provider {
    static final URI DEFAULT_BASE = URI.create("https://openrouter.ai/api/v1");

    @Override
    public String wireName() { return "openrouter"; }

    @Override
    public Optional<URI> defaultBaseUrl() { return Optional.of(DEFAULT_BASE); }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: OpenRouter takes an API key as a Bearer token");
        }
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new OpenRouterClient(channel, transport, JsonMapper.builder().build());
    }
}
