package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderClient;
import dev.vidgate.engine.relay.Transport;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The fal.ai queue (flavour {@code fal}), through which Pika and many open video models are sold: a job is a queued
 * request to a model path ({@code POST https://queue.fal.run/fal-ai/pika/v2.2/text-to-video}) with the key as
 * {@code Authorization: Key ...}, followed at its status and response addresses. The channel's {@code models} map our
 * models onto fal paths ({@code pika-2.2=fal-ai/pika/v2.2/text-to-video}); the option {@code image-model} names the
 * path used when a job has a reference image ({@code fal-ai/pika/v2.2/image-to-video}), else the same path takes it.
 */
public final class FalProvider implements Provider {
    static final URI DEFAULT_BASE = URI.create("https://queue.fal.run");
    static final String IMAGE_MODEL = "image-model";

    @Override
    public String wireName() { return "fal"; }

    @Override
    public Optional<URI> defaultBaseUrl() { return Optional.of(DEFAULT_BASE); }

    @Override
    public Set<String> options() { return Set.of(IMAGE_MODEL); }

    @Override
    public void check(ChannelSettings channel) {
        if (channel.apiKey() == null) {
            throw new IllegalArgumentException("api-key (or api-key-env) is required: fal takes its key as 'Authorization: Key ...'");
        }
        if (channel.models().isEmpty()) {
            throw new IllegalArgumentException("models must map each model onto its fal path, e.g. pika-2.2=fal-ai/pika/v2.2/text-to-video");
        }
        channel.models().forEach((ours, theirs) -> {
            if (!FalPath.valid(theirs)) {
                throw new IllegalArgumentException("models: " + ours + "=" + theirs + " is not a fal model path (owner/app[/sub-path], "
                        + "e.g. fal-ai/pika/v2.2/text-to-video)");
            }
        });
        channel.option(IMAGE_MODEL).ifPresent(path -> {
            if (!FalPath.valid(path)) {
                throw new IllegalArgumentException("options." + IMAGE_MODEL + " must be a fal model path (owner/app[/sub-path], "
                        + "e.g. fal-ai/pika/v2.2/image-to-video), not " + path);
            }
        });
    }

    @Override
    public ProviderClient open(ChannelSettings channel, Transport transport) {
        return new FalClient(channel, transport, JsonMapper.builder().build());
    }
}
