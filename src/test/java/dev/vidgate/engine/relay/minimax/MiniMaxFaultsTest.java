package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.minimax.FakeMiniMax.Fault;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever MiniMax answers (mostly as {@code base_resp} codes inside HTTP 200), a job ends in a clear state; messages
 * never show the key, the host or a task id.
 */
class MiniMaxFaultsTest {
    @TempDir
    Path dir;

    private ProviderFixture<FakeMiniMax> relay;

    @AfterEach
    void close() throws Exception {
        if (relay != null) relay.close();
    }

    private EngineStatus.Failed fails(GenerationRequest request, String code) {
        return relay.fails(request, code, FakeMiniMax.KEY, relay.fake.baseUrl(), "1069161122");
    }

    private EngineStatus.Failed fails(String prompt, String code) {
        return fails(MiniMaxFixture.request("video_" + Math.abs(prompt.hashCode()), prompt), code);
    }

    @Test
    void aWrongKeyInAnHttp200AnswerFailsTheJobSayingTheCredentialsWereRefused() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.WRONG_KEY);
        assertThat(fails("a lantern", "upstream_unavailable").message()).contains("credentials");
    }

    @Test
    void anInvalidParameterFailsTheJobWithMiniMaxsMessage() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.PARAMS);
        EngineStatus.Failed failed = fails("a lantern", "upstream_rejected");
        assertThat(failed.message()).contains("invalid params, duration: 8 is not supported");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void theRateLimitCodeSendsTheJobBackToWait() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.RATE_LIMIT);
        GenerationRequest request = MiniMaxFixture.request("video_limited", "a lantern");
        EngineStatus status = relay.engine.check(request, relay.engine.start(request));
        assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
        assertThat(((EngineStatus.Waiting) status).reason()).contains("limiting requests");
    }

    @Test
    void anEmptyBalanceTakesTheChannelOutOfTheRotation() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.BALANCE);
        assertThat(fails("a lantern", "upstream_unavailable").message()).contains("balance");
        fails("another lantern", "upstream_unavailable");
        assertThat(relay.fake.creates()).as("the second job is not sent to the channel out of the rotation").hasSize(1);
    }

    @Test
    void aGatewayErrorPageFailsTheJobAsRetryable() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.GATEWAY);
        EngineStatus.Failed failed = fails("a lantern", "upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).doesNotContain("<html");
    }

    @Test
    void sensitiveContentAtCreateOrOnEitherApisTaskIsModerationAndFinal() {
        relay = MiniMaxFixture.relay(dir);
        relay.fake.fail(Fault.SENSITIVE);
        assertThat(fails("a lantern", "moderation_blocked").retryable()).isFalse();
        assertThat(fails("something forbidden", "moderation_blocked").retryable()).isFalse();
        assertThat(fails(MiniMaxFixture.h3("video_h3_forbidden", "something forbidden"), "moderation_blocked").retryable()).isFalse();
    }

    @Test
    void aSuccessWithoutAFileOrUrlIsAFailureNotACompletion() {
        relay = MiniMaxFixture.relay(dir);
        assertThat(fails("no result here", "upstream_no_result").message()).contains("no file");
        assertThat(fails(MiniMaxFixture.h3("video_h3_none", "no result either"), "upstream_no_result").message()).contains("no file");
    }

    @Test
    void aTaskThatNeverEndsFailsAtTheJobTimeout() {
        relay = MiniMaxFixture.relay(dir);
        GenerationRequest request = MiniMaxFixture.request("video_never", "it never ends");
        String handle = relay.engine.start(request);
        Waits.engineStatus(relay.engine, request, handle, Duration.ofSeconds(30),
                s -> relay.fake.tasks().values().stream().anyMatch(t -> t.polls().get() >= 2));
        relay.clock.advance(Duration.ofMinutes(61));
        EngineStatus status = Waits.engineEnd(relay.engine, request, handle, Duration.ofSeconds(30), new ArrayList<>());
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).code()).isEqualTo("upstream_timeout");
    }

    @Test
    void anExpiredDownloadUrlOrACutOffDownloadFailsReadably() {
        relay = MiniMaxFixture.relay(dir);
        assertThat(fails("a stale link", "upstream_download_failed").message()).contains("expired");
        assertThat(fails("a download cut off", "upstream_download_failed").message()).contains("cut off");
        assertThat(fails(MiniMaxFixture.h3("video_h3_stale", "an H3 stale link"), "upstream_download_failed").message()).contains("expired");
    }
}
