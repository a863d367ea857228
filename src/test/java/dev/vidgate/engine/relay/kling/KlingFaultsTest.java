package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.kling.FakeKling.Fault;
import dev.vidgate.engine.relay.kling.FakeKling.Route;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Kling can go wrong ends the job in a clear state: failed with a readable message and the right code,
 * waiting for backpressure, or on another channel; never stuck, and no message names Kling's task ids, addresses or keys.
 */
class KlingFaultsTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private FakeKling kling;
    private KlingFixture relay;

    @AfterEach
    void close() {
        if (relay != null) relay.close();
    }

    private KlingFixture oneChannel() {
        kling = FakeKling.start(clock);
        relay = KlingFixture.over(dir, clock, kling);
        return relay;
    }

    /** One channel whose fake has {@code faults} queued on {@code route}; the job's end, which must be a failure. */
    private EngineStatus.Failed failedWith(String jobId, Route route, Fault... faults) {
        oneChannel();
        kling.fail(route, faults);
        return failed(fox(jobId));
    }

    /** One channel whose fake has {@code fault} queued on creates; the handle of {@code request}, started. */
    private String startedWith(Fault fault, GenerationRequest request) {
        oneChannel();
        kling.fail(Route.CREATE, fault);
        return relay.engine.start(request);
    }

    private static GenerationRequest fox(String jobId) {
        return KlingFixture.request(jobId, "a fox in the snow");
    }

    private EngineStatus.Failed failed(GenerationRequest request) {
        EngineStatus status = relay.run(request);
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.message()).doesNotContain(FakeKling.ACCESS_KEY, FakeKling.SECRET_KEY, "127.0.0.1", "http", "/cdn/");
        for (String taskId : kling.taskIds()) assertThat(failed.message()).doesNotContain(taskId);
        return failed;
    }

    @Test
    void aWrongSecretKeyIsRefusedByKlingAndTheJobFailsWithItsAuthCodeButNotTheKey() {
        kling = FakeKling.start(clock);
        String wrong = FakeKling.ACCESS_KEY + ":SKanotherSecretThatKlingDoesNotKnow0123";
        relay = KlingFixture.with(dir, clock, List.of(kling.channel("a", wrong)), s -> s, kling);
        EngineStatus.Failed failed = failed(fox("video_wrong_key"));
        assertThat(failed.code()).isEqualTo("upstream_unavailable");
        assertThat(failed.message()).contains("credentials", "1002").doesNotContain("SKanotherSecret");
        assertThat(kling.taskIds()).isEmpty();
    }

    @Test
    void aTokenThatHasExpiredByKlingsClockIsRefusedWith1004() {
        TestClock klingTime = new TestClock();
        klingTime.advance(Duration.ofHours(1)); // Vidgate's clock is an hour behind Kling's: its tokens arrive expired
        kling = FakeKling.start(klingTime);
        relay = KlingFixture.over(dir, clock, kling);
        EngineStatus.Failed failed = failed(fox("video_expired_token"));
        assertThat(failed.message()).contains("1004", "Authorization has expired");
    }

    @Test
    void aRequestKlingRefusesFailsTheJobWithKlingsOwnMessageAndNoRetry() {
        oneChannel();
        EngineStatus.Failed failed = failed(KlingFixture.request("video_long_prompt", "a fox ".repeat(600)));
        assertThat(failed.code()).isEqualTo("upstream_rejected");
        assertThat(failed.message()).contains("prompt must not exceed 2500 characters");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aModelKlingDoesNotKnowFailsTheJobWithKlingsMessage() {
        kling = FakeKling.start(clock);
        ChannelSettings mapped = kling.channel("a").withModels(Map.of("kling-v2-6", "kling-v9-imaginary"));
        relay = KlingFixture.with(dir, clock, List.of(mapped), s -> s, kling);
        EngineStatus.Failed failed = failed(fox("video_unknown_model"));
        assertThat(failed.code()).isEqualTo("upstream_rejected");
        assertThat(failed.message()).contains("model_name is not supported: kling-v9-imaginary");
    }

    @Test
    void parallelTasksOverTheResourcePackLimitSendTheJobBackToWaitInsteadOfFailingIt() {
        GenerationRequest request = fox("video_busy");
        String handle = startedWith(Fault.CONCURRENCY, request);
        EngineStatus status = relay.engine.check(request, handle);
        assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
        assertThat(((EngineStatus.Waiting) status).reason()).contains("1303").doesNotContain(FakeKling.SECRET_KEY);
        assertThat(relay.run(fox("video_busy_again"))).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aDepletedResourcePackTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNextOne() {
        FakeKling depleted = FakeKling.start(clock);
        kling = FakeKling.start(clock);
        ChannelSettings first = depleted.channel("a").withRouting(10, 1);
        relay = KlingFixture.with(dir, clock, List.of(first, kling.channel("b")), s -> s, depleted, kling);
        depleted.fail(Route.CREATE, Fault.DEPLETED);
        assertThat(relay.run(fox("video_depleted_1"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(relay.run(fox("video_depleted_2"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(depleted.seen(Route.CREATE)).hasSize(1);
        assertThat(kling.seen(Route.CREATE)).hasSize(2);
    }

    @Test
    void aServerErrorOrAnHtmlPageWhileCreatingFailsTheJobSoItCanBeTriedAgain() {
        EngineStatus.Failed failed = failedWith("video_5000", Route.CREATE, Fault.SERVER_ERROR);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("5000");
        kling.fail(Route.CREATE, Fault.HTML);
        EngineStatus.Failed html = failed(fox("video_html"));
        assertThat(html.retryable()).isTrue();
        assertThat(html.message()).contains("HTML").doesNotContain("<");
    }

    @Test
    void serverErrorsWhilePollingAreWaitedOutAndTheVideoStillArrives() {
        oneChannel();
        kling.fail(Route.QUERY, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
        assertThat(relay.run(fox("video_poll_5000"))).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void anHttp200CarryingKlingsErrorCodeFailsTheJobInsteadOfBeingTakenForATask() {
        EngineStatus.Failed failed = failedWith("video_200_error", Route.CREATE, Fault.ERROR_IN_200);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("5001");
        assertThat(kling.taskIds()).isEmpty();
    }

    @Test
    void aStatusKlingNeverDocumentedIsWaitedOutAndThenFailsTheJob() {
        GenerationRequest request = fox("video_odd_status");
        String handle = startedWith(Fault.ODD_STATUS, request);
        Waits.await("Kling was asked about the task", Duration.ofSeconds(10), Waits.ENGINE_POLL)
                .until(() -> kling.seen(Route.QUERY).size() >= 2);
        clock.advance(Duration.ofMinutes(11));
        EngineStatus status = Waits.engineEnd(relay.engine, request, handle);
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).code()).isEqualTo("upstream_status_unknown");
        assertThat(((EngineStatus.Failed) status).message()).contains("queueing");
    }

    @Test
    void klingsContentSecurityRefusalEndsTheJobModerationBlockedAndNotRetryable() {
        EngineStatus.Failed failed = failedWith("video_1301", Route.CREATE, Fault.MODERATION);
        assertThat(failed.code()).isEqualTo("moderation_blocked");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aTaskThatFailsKlingsRiskCheckEndsModerationBlockedAndNotRetryable() {
        EngineStatus.Failed failed = failedWith("video_flagged", Route.CREATE, Fault.FLAGGED_TASK);
        assertThat(failed.code()).isEqualTo("moderation_blocked");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("risk control");
    }

    @Test
    void aTaskThatNeverEndsFailsOnceTheJobTimeoutHasPassed() {
        GenerationRequest request = fox("video_never");
        String handle = startedWith(Fault.NEVER_ENDS, request);
        Waits.await("Kling was asked about the task", Duration.ofSeconds(10), Waits.ENGINE_POLL)
                .until(() -> !kling.seen(Route.QUERY).isEmpty());
        clock.advance(Duration.ofHours(2));
        EngineStatus status = Waits.engineEnd(relay.engine, request, handle);
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).code()).isEqualTo("upstream_timeout");
    }

    @Test
    void anExpiredResultUrlFailsTheJobSayingSo() {
        EngineStatus.Failed failed = failedWith("video_expired_url", Route.DOWNLOAD,
                Fault.EXPIRED_URL, Fault.EXPIRED_URL, Fault.EXPIRED_URL);
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
        assertThat(failed.message()).contains("expired", "403");
    }

    @Test
    void aDownloadShorterThanItsContentLengthFailsTheJob() {
        EngineStatus.Failed failed = failedWith("video_truncated", Route.DOWNLOAD,
                Fault.TRUNCATED, Fault.TRUNCATED, Fault.TRUNCATED);
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
    }

    @Test
    void theResultIsFetchedWithoutCredentialsWhileEveryApiCallCarriesASignedToken() {
        oneChannel();
        assertThat(relay.run(fox("video_plain"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(kling.seen(Route.DOWNLOAD)).isNotEmpty().allMatch(s -> s.authorization() == null);
        assertThat(kling.seen(Route.CREATE)).allMatch(s -> s.authorization().startsWith("Bearer ey"));
        assertThat(kling.seen(Route.QUERY)).allMatch(s -> s.path().startsWith("/v1/videos/text2video/"));
    }
}
