package dev.vidgate.engine.relay.minimax;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;

import java.net.URI;
import java.nio.file.Path;

/** Test data: a relay with one MiniMax channel at a fake (optionally with a public address), and Hailuo and H3 requests. */
final class MiniMaxFixture {
    static final VideoSize HAILUO = new VideoSize(1366, 768);

    private MiniMaxFixture() {}

    static ProviderFixture<FakeMiniMax> relay(Path workDir) {
        return relay(workDir, null);
    }

    static ProviderFixture<FakeMiniMax> relay(Path workDir, URI publicUrl) {
        FakeMiniMax fake = FakeMiniMax.start();
        return new ProviderFixture<>(workDir, fake, fake.channel("hailuo"), publicUrl);
    }

    /** Hailuo 02 text to video, 1366x768, 6 s. */
    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "MiniMax-Hailuo-02", HAILUO, 6, prompt, null);
    }

    /** H3 text to video, 1366x768, 5 s. */
    static GenerationRequest h3(String jobId, String prompt) {
        return new GenerationRequest(jobId, "MiniMax-H3", HAILUO, 5, prompt, null);
    }
}
