package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a public address, every create carries a per-job callback URL; a call to it makes the relay ask the provider at
 * once instead of at its next poll, and an unknown token does nothing at all.
 */
class RelayCallbacksTest {
    private static final URI PUBLIC = URI.create("https://videos.example.com/");

    @TempDir
    Path dir;

    private final FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
    private final CallbackRecording recording = new CallbackRecording();
    private RelayEngine engine;

    @AfterEach
    void close() {
        if (engine != null) engine.close();
        upstream.close();
    }

    /** Polls so far apart that only a callback can finish a job within the test's deadline. */
    private RelayEngine slowPolling(URI publicUrl) {
        ChannelSettings channel = ChannelSettings.of("main", URI.create(upstream.baseUrl()), ApiKey.of(FakeUpstream.KEY), recording);
        RelaySettings settings = RelayFixture.fast(List.of(channel), dir).withPolling(Duration.ofMinutes(5), Duration.ofMinutes(10));
        return new RelayEngine(settings, new TestClock(), RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
    }

    @Test
    void aCallbackMakesTheRelayFetchTheFinishedVideoAtOnce() {
        upstream.pollsToFinish = 1;
        engine = slowPolling(PUBLIC);
        GenerationRequest request = request("video_cb1");
        String handle = engine.start(request);

        assertThat(recording.urls.get("video_cb1")).startsWith("https://videos.example.com/relay/callbacks/");
        String token = recording.token("video_cb1");
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(upstream.seen(Route.RETRIEVE)).isEmpty();

        assertThat(engine.hint(token)).isTrue();
        assertThat(Waits.engineEnd(engine, request, handle, Duration.ofSeconds(10), new java.util.ArrayList<>()))
                .isInstanceOf(EngineStatus.Done.class);
        assertThat(upstream.seen(Route.RETRIEVE)).hasSize(1);
        assertThat(engine.hint(token)).as("a late call for the finished job is acknowledged").isTrue();
        assertThat(upstream.seen(Route.RETRIEVE)).as("and asks nothing").hasSize(1);
    }

    @Test
    void aCallbackThatArrivesWhileTheJobIsBeingPolledMakesTheNextPollComeAtOnce() {
        upstream.pollsToFinish = 1;
        upstream.fail(Route.RETRIEVE, Fault.hang(Duration.ofMillis(1500)));
        engine = slowPolling(PUBLIC);
        GenerationRequest request = request("video_cb4");
        String handle = engine.start(request);
        String token = recording.token("video_cb4");

        assertThat(engine.hint(token)).isTrue();
        Waits.await("the first poll in flight", Duration.ofSeconds(10), Duration.ofMillis(10))
                .until(() -> upstream.seen(Route.RETRIEVE).size() == 1);
        assertThat(engine.hint(token)).as("a callback during that poll").isTrue();

        assertThat(Waits.engineEnd(engine, request, handle, Duration.ofSeconds(15), new java.util.ArrayList<>()))
                .isInstanceOf(EngineStatus.Done.class);
        assertThat(upstream.seen(Route.RETRIEVE)).as("the hanging poll, then one right after it").hasSize(2);
    }

    @Test
    void aForgedCallbackIsRefusedAndAsksTheProviderNothing() {
        engine = slowPolling(PUBLIC);
        engine.start(request("video_cb2"));
        String token = recording.token("video_cb2");
        String forged = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertThat(engine.hint(forged)).isFalse();
        assertThat(engine.hint("")).isFalse();
        assertThat(engine.hint(null)).isFalse();
        assertThat(upstream.seen(Route.RETRIEVE)).isEmpty();
    }

    @Test
    void withoutAPublicAddressNoCallbackIsOffered() {
        engine = slowPolling(null);
        engine.start(request("video_cb3"));
        assertThat(recording.urls).containsExactly(java.util.Map.entry("video_cb3", "null"));
    }
}
