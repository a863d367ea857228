package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;

import java.net.URI;
import java.util.Optional;

/**
 * Flavour {@code gemini}: Google Veo on the Gemini API (the Developer API). The base URL is the host root, as in
 * Google's SDKs ({@code https://generativelanguage.googleapis.com}); the channel's {@code api-key} goes in
 * {@code x-goog-api-key}.
 */
public final class GeminiProvider implements Provider {
    @Override
    public String wireName() { return "gemini"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://generativelanguage.googleapis.com"));
    }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) throw new IllegalArgumentException("api-key is required: a Gemini API key");
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new GeminiClient(channel, transport);
    }
}
