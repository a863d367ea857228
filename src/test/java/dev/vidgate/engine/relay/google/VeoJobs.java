package dev.vidgate.engine.relay.google;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A relay engine with one Veo channel at a {@link FakeVeo}, and the jobs a fault test sends through it. */
public final class VeoJobs implements AutoCloseable {
    public static final String MODEL = "veo-3.1-fast-generate-001";
    public final RelayEngine engine;
    public final TestClock clock;

    public VeoJobs(ChannelSettings channel, Path workDir, TestClock clock) {
        this.clock = clock;
        this.engine = new RelayEngine(RelaySettings.defaults(List.of(channel.withModels(Map.of("sora-2", MODEL))), workDir)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofSeconds(1)), clock);
    }

    /** A Sora-shaped request, 1280x720 for 8 seconds. */
    public static GenerationRequest request(String jobId, String prompt) {
        return request(jobId, prompt, null, GenerationRequest.Options.NONE);
    }

    public static GenerationRequest request(String jobId, String prompt, byte[] reference, GenerationRequest.Options options) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(1280, 720), 8, prompt, reference, null, options);
    }

    /** Starts {@code request} and waits for its end (anything but Running). */
    public EngineStatus end(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request));
    }

    /** Starts {@code request} and waits for its end, which must be a failure. */
    public EngineStatus.Failed failure(GenerationRequest request) {
        EngineStatus status = end(request);
        if (status instanceof EngineStatus.Failed failed) return failed;
        throw new AssertionError("expected a failure, got " + status);
    }

    @Override
    public void close() {
        engine.close();
    }
}
