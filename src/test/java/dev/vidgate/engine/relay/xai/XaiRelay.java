package dev.vidgate.engine.relay.xai;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;

/** Test fixture: a relay engine over {@link FakeXai}s, each an {@code xai} channel serving {@code sora-2} as Grok Imagine. */
final class XaiRelay extends ProviderFixture<FakeXai> {
    static final VideoSize HD = new VideoSize(1280, 720);

    final FakeXai xai;

    XaiRelay(Path workDir) {
        this(workDir, 1);
    }

    XaiRelay(Path workDir, int channels) {
        super(workDir, channels, FakeXai::new, FakeXai::channel, null);
        xai = fakes.getFirst();
    }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", HD, 8, prompt, null);
    }
}
