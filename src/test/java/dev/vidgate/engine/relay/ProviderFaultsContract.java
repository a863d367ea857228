package dev.vidgate.engine.relay;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelProbe.Outcome;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults every provider's fake plays, and the clear job state each must end in, with a readable message that
 * names no upstream id, address or key. A provider's fault test extends this with its own (its 400 body, its statuses).
 * Our model {@code sora-2} is sent to the provider as {@link #upstreamModel}.
 */
public abstract class ProviderFaultsContract {
    protected static final VideoSize HD = new VideoSize(1280, 720);

    @TempDir
    protected Path dir;

    private ProviderFixture<?> fixture;

    protected abstract FakeProvider fake();

    protected abstract Provider provider();

    protected abstract String baseUrl();

    protected abstract String key();

    protected abstract String upstreamModel();

    /** The provider's ids of the jobs made so far. */
    protected abstract Collection<String> upstreamIds();

    /** From now on every job stays in progress. */
    protected abstract void neverEnd();

    /** Where the fake sees the {@code DELETE} that stops a job. */
    protected abstract String stopPath();

    @AfterEach
    void closeAll() {
        if (fixture != null) fixture.close();
        fake().close();
    }

    /** The relay with one channel at the fake using {@code key}. */
    protected final ProviderFixture<?> relay(String key) {
        fixture = ProviderFixture.over(dir, ProviderFixture.channel(provider(), baseUrl(), key, Map.of("sora-2", upstreamModel())),
                fake().links(), null, s -> s.withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(500)));
        return fixture;
    }

    /** The operator's test of a channel at {@code baseUrl} with {@code key}, whose circuit would open after three failures. */
    private ChannelProbe probe(String baseUrl, String key) {
        if (fixture == null) {
            fixture = ProviderFixture.over(dir, ProviderFixture.channel(provider(), baseUrl, key, Map.of("sora-2", upstreamModel())),
                    fake().links(), null, s -> s.withCircuit(3, Duration.ofSeconds(30)));
        }
        ChannelProbe probe = fixture.engine.probe("main").orElseThrow();
        assertThat(probe.message()).isNotBlank().doesNotContain(key).doesNotContain(fake().root()).doesNotContain("127.0.0.1");
        return probe;
    }

    protected final EngineStatus run(String jobId, VideoSize size, String prompt) {
        return relay(key()).run(new GenerationRequest(jobId, "sora-2", size, 5, prompt, null));
    }

    /** Asserts a failure with {@code code} whose message gives nothing of the provider away. */
    protected final EngineStatus.Failed failure(EngineStatus status, String code) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).isNotBlank().doesNotContain(key()).doesNotContain(fake().root()).doesNotContain("127.0.0.1");
        upstreamIds().forEach(id -> assertThat(failed.message()).doesNotContain(id));
        return failed;
    }

    @Test
    void aWrongKeyIsRefusedAndTheJobFailsNamingTheCredentialsNotTheKey() {
        String wrong = key() + "-wrong";
        EngineStatus.Failed failed = failure(relay(wrong).run(ProviderFixture.hd("video_pf_key", "a fox")),
                "upstream_unavailable");
        assertThat(failed.message()).contains("credentials").doesNotContain(wrong);
    }

    @Test
    void aTestOfTheChannelWithAWrongKeyFindsItUnauthorizedAndCreatesNothing() {
        ChannelProbe probe = probe(baseUrl(), key() + "-wrong");
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(probe.httpStatus()).isIn(401, 403);
        assertThat(probe.ok()).isFalse();
        assertThat(upstreamIds()).isEmpty();
        assertThat(fake().seen("POST", "/")).isEmpty();
    }

    @Test
    void aTestOfTheChannelWhileTheProviderThrottlesFindsItRateLimited() {
        fake().readFault = 429;
        ChannelProbe probe = probe(baseUrl(), key());
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(probe.httpStatus()).isEqualTo(429);
    }

    @Test
    void aTestOfAChannelWhoseProviderIsDownAnswersUnreachableAtOnceAndLeavesItsCircuitClosed() {
        String down = baseUrl().replace(fake().root(), Ports.closedUrl());
        for (int i = 0; i < 5; i++) {
            ChannelProbe probe = probe(down, key());
            assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(probe.httpStatus()).isZero();
            assertThat(probe.latencyMillis()).isLessThan(2_000); // within the channel's connect timeout
        }
        ChannelStatus channel = fixture.engine.channels().getFirst();
        assertThat(channel.circuit()).isEqualTo("closed");
        assertThat(channel.totalFailures()).isZero();
    }

    @Test
    void theProvidersRateLimitIsBackpressureAndTheJobWaitsInsteadOfFailing() {
        fake().createFault = 429;
        assertThat(run("video_pf_429", HD, "a fox")).isInstanceOf(EngineStatus.Waiting.class);
    }

    @Test
    void aServerErrorAtTheCreateFailsTheJobAsRetryable() {
        fake().createFault = 502;
        EngineStatus.Failed failed = failure(run("video_pf_502", HD, "a fox"), "upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("HTTP 502");
    }

    @Test
    void theProvidersModerationIsModerationBlockedAndNotRetried() {
        EngineStatus.Failed failed = failure(run("video_pf_moderated", HD, "something forbidden"), "moderation_blocked");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("moderation");
    }

    @Test
    void aJobThatNeverEndsIsGivenUpAtTheDeadlineAndStoppedAtTheProvider() {
        neverEnd();
        ProviderFixture<?> relay = relay(key());
        GenerationRequest request = ProviderFixture.hd("video_pf_forever", "a fox");
        String handle = relay.engine.start(request);
        relay.awaitProgress(request, handle, 0);
        relay.clock.advance(Duration.ofHours(2));
        failure(relay.awaitEnd(request, handle), "upstream_timeout");
        dev.vidgate.testsupport.Waits.await("the job stopped at the provider", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !fake().seen("DELETE", stopPath()).isEmpty());
    }

    @Test
    void anExpiredResultUrlFailsTheDownloadReadably() {
        fake().storage = FakeProvider.Storage.EXPIRED;
        assertThat(failure(run("video_pf_expired", HD, "a fox"), "upstream_download_failed").message()).contains("expired");
    }

    @Test
    void aDownloadCutShortIsNotAcceptedAsAVideo() {
        fake().storage = FakeProvider.Storage.TRUNCATED;
        assertThat(failure(run("video_pf_cut", HD, "a fox"), "upstream_download_failed").message()).containsAnyOf("ended after", "cut off");
    }
}
