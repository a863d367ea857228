package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * Kuaishou's Kling API (flavour {@code kling}): text to video and image to video with Kling's own models
 * ({@code kling-v2-6}, {@code kling-v2-5-turbo}, {@code kling-v2-1-master}). The channel's {@code api-key} is
 * {@code ACCESS_KEY:SECRET_KEY}, signed into a short-lived JWT per request; the base URL defaults to the international
 * host ({@code https://api.klingai.com} serves China).
 */
public final class KlingProvider implements Provider {
    private static final URI INTERNATIONAL = URI.create("https://api-singapore.klingai.com");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public String wireName() { return "kling"; }

    @Override
    public Optional<URI> defaultBaseUrl() { return Optional.of(INTERNATIONAL); }

    @Override
    public void check(ChannelSettings channel) {
        KlingKey.parse(channel.apiKey());
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new KlingClient(channel, transport, JSON);
    }
}
