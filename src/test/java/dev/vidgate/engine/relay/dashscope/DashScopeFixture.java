package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Test data: a relay with one DashScope channel at a fake, and Wan requests. */
final class DashScopeFixture {
    static final VideoSize HD = new VideoSize(1280, 720);

    private DashScopeFixture() {}

    static ProviderFixture<FakeDashScope> relay(Path workDir) {
        return relay(workDir, channel -> channel);
    }

    static ProviderFixture<FakeDashScope> relay(Path workDir, UnaryOperator<ChannelSettings> tune) {
        FakeDashScope fake = FakeDashScope.start();
        return new ProviderFixture<>(workDir, fake, tune.apply(fake.channel("wan")), null);
    }

    /** Wan 2.5 text to video, 1280x720, 5 s. */
    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "wan2.5-t2v-preview", HD, 5, prompt, null);
    }
}
