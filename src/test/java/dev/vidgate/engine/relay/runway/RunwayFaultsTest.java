package dev.vidgate.engine.relay.runway;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever Runway answers, a job ends in a clear state with a readable message that names nothing of Runway's. */
class RunwayFaultsTest {
    private static final VideoSize HD = new VideoSize(1280, 720);

    @TempDir
    Path dir;

    private final FakeRunway runway = new FakeRunway();
    private ProviderFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
        runway.close();
    }

    private ProviderFixture relay(String key) {
        fixture = ProviderFixture.over(dir, ProviderFixture.channel(new RunwayProvider(), runway.root(), key, Map.of("sora-2", "gen4.5")),
                Submission.ImageLinks.NONE, null, s -> s.withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(500)));
        return fixture;
    }

    private static GenerationRequest job(String id, VideoSize size, String prompt) {
        return new GenerationRequest(id, "sora-2", size, 5, prompt, null);
    }

    private EngineStatus.Failed failure(EngineStatus status, String code) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).doesNotContain(FakeRunway.KEY).doesNotContain(runway.root()).doesNotContain("127.0.0.1");
        runway.tasks.keySet().forEach(id -> assertThat(failed.message()).doesNotContain(id));
        return failed;
    }

    @Test
    void aWrongKeyIsRefusedByRunwayAndTheJobFailsNamingTheCredentialsNotTheKey() {
        EngineStatus.Failed failed = failure(relay("key_wrong_0123456789abcdef").run(job("video_rw_key", HD, "a fox")), "upstream_unavailable");
        assertThat(failed.message()).contains("credentials").doesNotContain("key_wrong");
    }

    @Test
    void aRatioRunwayRefusesFailsTheJobWithRunwaysOwnExplanation() {
        // 960x960 is an image ratio of gen4.5; its text_to_video refuses it with a 400 {"error": ...}
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_ratio", new VideoSize(960, 960), "a fox")),
                "upstream_rejected");
        assertThat(failed.message()).contains("ratio is not valid");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void runwaysRateLimitIsBackpressureAndTheJobWaitsInsteadOfFailing() {
        runway.createFault = 429;
        assertThat(relay(FakeRunway.KEY).run(job("video_rw_429", HD, "a fox"))).isInstanceOf(EngineStatus.Waiting.class);
    }

    @Test
    void aServerErrorAtTheCreateFailsTheJobAsRetryable() {
        runway.createFault = 502;
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_502", HD, "a fox")), "upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("HTTP 502");
    }

    @Test
    void aSafetyFailureIsModerationBlockedAndNotRetried() {
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_safety", HD, "something forbidden")),
                UpstreamException.MODERATION);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("moderation");
    }

    @Test
    void anInternalFailureOfTheTaskMayBeRetried() {
        runway.script = List.of("RUNNING@0.2", "FAILED");
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_internal", HD, "a fox")), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("unexpected error");
    }

    @Test
    void aThrottledTaskIsQueuedAndRunningProgressIsScaledFromAFractionToPercent() {
        runway.script = List.of("THROTTLED", "THROTTLED", "RUNNING@0.4");
        ProviderFixture relay = relay(FakeRunway.KEY);
        GenerationRequest request = job("video_rw_progress", HD, "a fox");
        String handle = relay.engine.start(request);
        relay.awaitProgress(request, handle, 40);
        assertThat(relay.engine.check(request, handle)).isEqualTo(new EngineStatus.Running(40));
        runway.script = List.of("SUCCEEDED");
        assertThat(relay.awaitEnd(request, handle)).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aTaskThatNeverEndsIsGivenUpAtTheDeadlineAndCancelledAtRunway() {
        runway.script = List.of("RUNNING@0.5");
        ProviderFixture relay = relay(FakeRunway.KEY);
        GenerationRequest request = job("video_rw_forever", HD, "a fox");
        String handle = relay.engine.start(request);
        relay.awaitProgress(request, handle, 50);
        relay.clock.advance(Duration.ofHours(2));
        EngineStatus.Failed failed = failure(relay.awaitEnd(request, handle), "upstream_timeout");
        assertThat(failed.message()).isNotBlank();
        Waits.await("the task deleted at Runway", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !runway.seen("DELETE", "/v1/tasks/").isEmpty());
    }

    @Test
    void anExpiredResultUrlFailsTheDownloadReadably() {
        runway.storage = FakeProvider.Storage.EXPIRED;
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_expired", HD, "a fox")), "upstream_download_failed");
        assertThat(failed.message()).contains("expired");
    }

    @Test
    void aDownloadCutShortIsNotAcceptedAsAVideo() {
        runway.storage = FakeProvider.Storage.TRUNCATED;
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_cut", HD, "a fox")), "upstream_download_failed");
        assertThat(failed.message()).containsAnyOf("ended after", "cut off");
    }

    @Test
    void aPromptOverRunwaysLimitIsRefusedNamingTheLimitWithoutAskingRunway() {
        EngineStatus.Failed failed = failure(relay(FakeRunway.KEY).run(job("video_rw_long", HD, "a".repeat(1001))), "upstream_rejected");
        assertThat(failed.message()).contains("1000").contains("UTF-16");
        assertThat(runway.seen("POST", "/v1/")).isEmpty();
    }
}
