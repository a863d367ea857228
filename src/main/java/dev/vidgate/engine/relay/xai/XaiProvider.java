package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * xAI's Grok Imagine video API ({@code https://api.x.ai/v1}, what xAI's SDKs take as base): a job is a video request
 * ({@code POST {base}/videos/generations} answering a {@code request_id}), polled at {@code GET {base}/videos/{id}}
 * until {@code done} (with a result URL on xAI's file host) or {@code expired}. xAI offers no cancel and no callback.
 */
public final class XaiProvider implements Provider {
    static final URI DEFAULT_BASE = URI.create("https://api.x.ai/v1");

    @Override
    public String wireName() { return "xai"; }

    @Override
    public Optional<URI> defaultBaseUrl() { return Optional.of(DEFAULT_BASE); }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: xAI takes an API key as a Bearer token");
        }
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new XaiClient(channel, transport, JsonMapper.builder().build());
    }
}
