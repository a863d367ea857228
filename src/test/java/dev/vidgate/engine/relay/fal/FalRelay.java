package dev.vidgate.engine.relay.fal;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Test fixture: a relay engine with fast polling over {@link FakeFal}s (channels {@code a}, {@code b}, ...), on a test clock. */
final class FalRelay extends ProviderFixture<FakeFal> {
    static final VideoSize HD = new VideoSize(1280, 720);

    /** {@code channels} fakes in priority order; {@code publicUrl} is this gateway's public address, or {@code null}. */
    FalRelay(Path workDir, int channels, URI publicUrl) {
        this(workDir, channels, publicUrl, Duration.ofMillis(20));
    }

    /** As above, polling every {@code poll} (at most five times as far apart). */
    FalRelay(Path workDir, int channels, URI publicUrl, Duration poll) {
        super(workDir, channels, FakeFal::new, FakeFal::channel, publicUrl, s -> s.withPolling(poll, poll.multipliedBy(5)));
    }

    FalRelay(Path workDir) {
        this(workDir, 1, null);
    }

    FakeFal fal() { return fake; }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "pika-2.2", HD, 5, prompt, null);
    }

    static GenerationRequest request(String jobId, byte[] reference, GenerationRequest.Options options) {
        return new GenerationRequest(jobId, "pika-2.2", HD, 10, "a red kite over a beach", reference, null, options);
    }
}
