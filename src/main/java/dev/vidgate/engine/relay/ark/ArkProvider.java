package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * ByteDance Seedance on Volcengine Ark ({@code https://ark.cn-beijing.volces.com/api/v3}, the default) and on BytePlus
 * ModelArk ({@code https://ark.ap-southeast.bytepluses.com/api/v3}): the same task API under either base. A job is a
 * content-generation task ({@code POST {base}/contents/generations/tasks}), polled by id, cancelled or deleted with
 * {@code DELETE}; the result is a signed URL on another host, valid for 24 hours.
 */
public final class ArkProvider implements Provider {
    /** What Volcengine's own SDK and console take as base. */
    static final URI DEFAULT_BASE = URI.create("https://ark.cn-beijing.volces.com/api/v3");

    @Override
    public String wireName() { return "ark"; }

    @Override
    public Optional<URI> defaultBaseUrl() { return Optional.of(DEFAULT_BASE); }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: Ark takes an API key as a Bearer token");
        }
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new ArkClient(channel, transport, JsonMapper.builder().build());
    }
}
