package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * MiniMax's video generation: Hailuo on the v1 API (create, query, then {@code files/retrieve} for the download URL)
 * and MiniMax-H3 on the v2 API ({@code content[]} with roles). The base URL is the host root: {@code https://api.minimax.io}
 * by default, {@code https://api.minimaxi.com} for the mainland China platform.
 */
public final class MiniMaxProvider implements Provider {

    @Override
    public String wireName() { return "minimax"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://api.minimax.io"));
    }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) throw new IllegalArgumentException("api-key is required by the minimax flavour");
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new MiniMaxClient(channel, transport, JsonMapper.builder().build());
    }
}
