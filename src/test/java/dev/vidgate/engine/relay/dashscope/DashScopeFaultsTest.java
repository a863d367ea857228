package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.dashscope.FakeDashScope.Fault;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever DashScope answers, a job ends in a clear state: refused, moderated, throttled, out of credit, failing, never
 * finishing, forgotten, with an expired or cut-off result. Messages never show the key, the host or a task id.
 */
class DashScopeFaultsTest {
    @TempDir
    Path dir;

    private ProviderFixture<FakeDashScope> relay;

    @AfterEach
    void close() throws Exception {
        if (relay != null) relay.close();
    }

    private EngineStatus.Failed fails(String prompt, String code) {
        return relay.fails(DashScopeFixture.request("video_" + Math.abs(prompt.hashCode()), prompt), code,
                FakeDashScope.KEY, relay.fake.baseUrl(), "0385dc79");
    }

    @Test
    void aWrongKeyFailsTheJobSayingTheCredentialsWereRefused() {
        relay = DashScopeFixture.relay(dir, c -> ChannelSettings.of("wan", c.baseUrl(), ApiKey.of("sk-wrong-0123456789abcdef"),
                c.flavour()).withTimeouts(c.connectTimeout(), c.requestTimeout()));
        assertThat(fails("a lantern", "upstream_unavailable").message()).contains("credentials");
        assertThat(relay.fake.tasks()).isEmpty();
    }

    @Test
    void aRefusedRequestFailsTheJobWithDashScopesMessageAndIsNotRetried() {
        relay = DashScopeFixture.relay(dir);
        relay.fake.fail(Fault.BAD_REQUEST);
        EngineStatus.Failed failed = fails("a lantern", "upstream_rejected");
        assertThat(failed.message()).contains("The size is not match the allowed size.");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void throttlingSendsTheJobBackToWaitInsteadOfFailingIt() {
        relay = DashScopeFixture.relay(dir);
        relay.fake.fail(Fault.THROTTLED);
        GenerationRequest request = DashScopeFixture.request("video_throttled", "a lantern");
        String handle = relay.engine.start(request);
        EngineStatus status = relay.engine.check(request, handle);
        assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
        assertThat(((EngineStatus.Waiting) status).reason()).contains("limiting requests").doesNotContain(FakeDashScope.KEY);
    }

    @Test
    void anAccountInArrearsTakesTheChannelOutOfTheRotation() {
        relay = DashScopeFixture.relay(dir);
        relay.fake.fail(Fault.ARREARAGE);
        assertThat(fails("a lantern", "upstream_unavailable").message()).contains("out of credit or quota");
        fails("another lantern", "upstream_unavailable");
        assertThat(relay.fake.creates()).as("the second job is not sent to the channel out of the rotation").hasSize(1);
    }

    @Test
    void aServerErrorFailsTheJobAsRetryable() {
        relay = DashScopeFixture.relay(dir);
        relay.fake.fail(Fault.SERVER);
        assertThat(fails("a lantern", "upstream_unavailable").retryable()).isTrue();
    }

    @Test
    void contentInspectionAtCreateOrOnTheTaskIsModerationAndFinal() {
        relay = DashScopeFixture.relay(dir);
        relay.fake.fail(Fault.INSPECTION);
        EngineStatus.Failed atCreate = fails("a lantern", "moderation_blocked");
        assertThat(atCreate.retryable()).isFalse();
        assertThat(atCreate.message()).contains("inappropriate content");

        EngineStatus.Failed onTask = fails("something forbidden", "moderation_blocked");
        assertThat(onTask.retryable()).isFalse();
        assertThat(onTask.message()).contains("inappropriate content");
    }

    @Test
    void aTaskDashScopeNoLongerKnowsFailsAtOnceInsteadOfBeingWaitedFor() {
        relay = DashScopeFixture.relay(dir);
        EngineStatus.Failed failed = fails("expire soon", "upstream_expired");
        assertThat(failed.message()).contains("24 hours");
    }

    @Test
    void aTaskThatNeverEndsFailsAtTheJobTimeout() {
        relay = DashScopeFixture.relay(dir);
        GenerationRequest request = DashScopeFixture.request("video_never", "it never ends");
        String handle = relay.engine.start(request);
        Waits.engineStatus(relay.engine, request, handle, Duration.ofSeconds(30), s -> relay.fake.polls() >= 2);
        relay.clock.advance(Duration.ofMinutes(61));
        EngineStatus status = Waits.engineEnd(relay.engine, request, handle, Duration.ofSeconds(30), new ArrayList<>());
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).code()).isEqualTo("upstream_timeout");
    }

    @Test
    void anExpiredResultLinkFailsTheDownloadReadably() {
        relay = DashScopeFixture.relay(dir);
        assertThat(fails("a stale link", "upstream_download_failed").message()).contains("expired");
    }

    @Test
    void aDownloadShorterThanAnnouncedIsRefused() {
        relay = DashScopeFixture.relay(dir);
        assertThat(fails("a download cut off", "upstream_download_failed").message()).contains("cut off");
    }

    @Test
    void aCancelledTaskEndsTheJob() {
        relay = DashScopeFixture.relay(dir);
        assertThat(fails("cancelled upstream", "upstream_cancelled").message()).contains("cancelled");
    }

    @Test
    void theResultIsFetchedWithoutTheKey() {
        relay = DashScopeFixture.relay(dir);
        assertThat(relay.run(DashScopeFixture.request("video_ok", "a lantern"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(relay.fake.downloadAuthorizations()).containsExactly("");
    }
}
