package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.video.Variant;
import dev.vidgate.catalog.VideoSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixture: a relay engine with fast polling over fake upstreams, a test clock, and waits (on {@link Waits}). */
final class RelayFixture implements AutoCloseable {
    static final VideoSize SIZE = new VideoSize(320, 180);

    final TestClock clock = new TestClock();
    final Path workDir;
    final RelayEngine engine;
    private final List<FakeUpstream> upstreams;

    private RelayFixture(Path workDir, List<FakeUpstream> upstreams, RelaySettings settings, RandomGenerator random) {
        this.workDir = workDir;
        this.upstreams = upstreams;
        this.engine = new RelayEngine(settings, clock, random);
    }

    /** One channel per upstream, named {@code a}, {@code b}, ... in order. */
    static RelayFixture over(Path workDir, FakeUpstream... upstreams) {
        return over(workDir, s -> s, upstreams);
    }

    static RelayFixture over(Path workDir, UnaryOperator<RelaySettings> tune, FakeUpstream... upstreams) {
        List<ChannelSettings> channels = new ArrayList<>();
        for (int i = 0; i < upstreams.length; i++) channels.add(upstreams[i].channel(String.valueOf((char) ('a' + i))));
        return with(workDir, channels, tune, upstreams);
    }

    static RelayFixture with(Path workDir, List<ChannelSettings> channels, UnaryOperator<RelaySettings> tune, FakeUpstream... upstreams) {
        RelaySettings settings = tune.apply(fast(channels, workDir.resolve("relay")));
        return new RelayFixture(workDir, List.of(upstreams), settings, RandomGenerator.of("L64X128MixRandom"));
    }

    /** {@link #fastPolling}, with a circuit that opens after three failures. */
    static RelaySettings fast(List<ChannelSettings> channels, Path workDir) {
        return fastPolling(channels, workDir).withCircuit(3, Duration.ofSeconds(30));
    }

    /** The shipped defaults, but polling every 20 to 100 ms, a 2 s submit wait and 5 s downloads of up to 64 MiB. */
    static RelaySettings fastPolling(List<ChannelSettings> channels, Path workDir) {
        return RelaySettings.defaults(channels, workDir)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
    }

    static GenerationRequest request(String jobId) {
        return request(jobId, "a paper lantern drifting on a pond");
    }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", SIZE, 1, prompt, null);
    }

    /** Starts {@code request} and waits for its end. */
    EngineStatus run(GenerationRequest request) {
        return awaitEnd(request, engine.start(request), new ArrayList<>());
    }

    EngineStatus awaitEnd(GenerationRequest request, String handle, List<Integer> progress) {
        return Waits.engineEnd(engine, request, handle, Duration.ofSeconds(60), progress);
    }

    /** Waits until {@code handle} reports progress of at least {@code progress} (the upstream has been polled). */
    void awaitProgress(GenerationRequest request, String handle, int progress) {
        Waits.engineStatus(engine, request, handle, Duration.ofSeconds(30),
                status -> status instanceof EngineStatus.Running r && r.progress() >= progress);
    }

    /** Starts {@code request} and waits until the upstream has been polled about it once. */
    String startPolled(GenerationRequest request) {
        String handle = engine.start(request);
        awaitProgress(request, handle, 0);
        return handle;
    }

    /** Waits for the end of {@code handle}, which must be a failure with {@code code}. */
    EngineStatus.Failed awaitFailure(GenerationRequest request, String handle, String code) {
        EngineStatus.Failed failed = failed(awaitEnd(request, handle, new ArrayList<>()));
        assertThat(failed.code()).isEqualTo(code);
        return failed;
    }

    static EngineStatus.Failed failed(EngineStatus status) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        return (EngineStatus.Failed) status;
    }

    static byte[] read(EngineStatus status, Variant variant) {
        assertThat(status).isInstanceOf(EngineStatus.Done.class);
        EngineOutput output = ((EngineStatus.Done) status).output();
        try (InputStream in = output.open(variant)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until no poll, download or upstream call runs any more. */
    void awaitIdle() {
        Waits.await("no relay task running", Duration.ofSeconds(15), Waits.ENGINE_POLL).until(() -> engine.activeTasks() == 0);
    }

    /** Files left in the relay's scratch folder. */
    long scratchFiles() {
        try (var files = Files.walk(workDir.resolve("relay"))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
        upstreams.forEach(FakeUpstream::close);
    }
}
