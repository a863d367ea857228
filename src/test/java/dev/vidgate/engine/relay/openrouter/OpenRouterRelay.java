package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;

import java.net.URI;
import java.nio.file.Path;

/**
 * Test fixture: a relay engine over {@link FakeOpenRouter}s, each an {@code openrouter} channel serving {@code sora-2}
 * as Veo 3.1 (or another of OpenRouter's models), with or without a public address (callbacks).
 */
final class OpenRouterRelay extends ProviderFixture<FakeOpenRouter> {
    static final VideoSize HD = new VideoSize(1280, 720);

    final FakeOpenRouter router;

    OpenRouterRelay(Path workDir) {
        this(workDir, 1, null);
    }

    OpenRouterRelay(Path workDir, int channels, URI publicUrl) {
        this(workDir, channels, publicUrl, FakeOpenRouter.VEO);
    }

    /** Channels serving {@code sora-2} as OpenRouter's {@code model}. */
    OpenRouterRelay(Path workDir, int channels, URI publicUrl, String model) {
        super(workDir, channels, FakeOpenRouter::new, (fake, name) -> fake.channel(name, model), publicUrl);
        router = fakes.getFirst();
    }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", HD, 8, prompt, null);
    }
}
