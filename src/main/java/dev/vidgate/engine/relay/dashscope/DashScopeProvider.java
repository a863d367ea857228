package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Alibaba Cloud Model Studio (DashScope): Wan and the other video models behind
 * {@code POST /api/v1/services/aigc/video-generation/video-synthesis} and {@code GET /api/v1/tasks/{id}}. The base URL
 * is the host root: Singapore by default, {@code https://dashscope.aliyuncs.com} for Beijing, or a workspace domain
 * ({@code https://{WorkspaceId}.{region}.maas.aliyuncs.com}); model, endpoint and key must be of the same region.
 */
public final class DashScopeProvider implements Provider {
    /** {@code true} or {@code false}: DashScope's {@code prompt_extend} (its own prompt rewriting); unset leaves its default. */
    static final String PROMPT_EXTEND = "prompt-extend";

    @Override
    public String wireName() { return "dashscope"; }

    @Override
    public Optional<URI> defaultBaseUrl() {
        return Optional.of(URI.create("https://dashscope-intl.aliyuncs.com"));
    }

    @Override
    public Set<String> options() { return Set.of(PROMPT_EXTEND); }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) throw new IllegalArgumentException("api-key is required by the dashscope flavour");
        channel.option(PROMPT_EXTEND).ifPresent(v -> {
            if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException("options." + PROMPT_EXTEND + " must be true or false");
        });
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new DashScopeClient(channel, transport, JsonMapper.builder().build());
    }
}
