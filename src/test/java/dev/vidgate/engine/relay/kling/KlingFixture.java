package dev.vidgate.engine.relay.kling;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test fixture: a relay engine with Kling channels at fakes, fast polling, and one test clock for both sides. */
final class KlingFixture implements AutoCloseable {
    static final VideoSize HD = new VideoSize(1280, 720);

    final TestClock clock;
    final RelayEngine engine;
    private final List<FakeKling> fakes;

    private KlingFixture(TestClock clock, RelaySettings settings, List<FakeKling> fakes) {
        this.clock = clock;
        this.fakes = fakes;
        this.engine = new RelayEngine(settings, clock);
    }

    /** One channel per fake ({@code a}, {@code b}, ...), the clock shared with the fakes. */
    static KlingFixture over(Path workDir, TestClock clock, FakeKling... fakes) {
        List<ChannelSettings> channels = new ArrayList<>();
        for (int i = 0; i < fakes.length; i++) channels.add(fakes[i].channel(String.valueOf((char) ('a' + i))));
        return with(workDir, clock, channels, s -> s, fakes);
    }

    static KlingFixture with(Path workDir, TestClock clock, List<ChannelSettings> channels, UnaryOperator<RelaySettings> tune,
                             FakeKling... fakes) {
        RelaySettings settings = RelaySettings.defaults(channels, workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        return new KlingFixture(clock, tune.apply(settings), List.of(fakes));
    }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "kling-v2-6", HD, 5, prompt, null);
    }

    EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    @Override
    public void close() {
        engine.close();
        fakes.forEach(FakeKling::close);
    }
}
