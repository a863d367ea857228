package dev.vidgate.engine.relay.runway;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.engine.relay.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared faults on Runway's fake, and Runway's own: its 400 body, task failures, THROTTLED and progress, the prompt limit. */
class RunwayFaultsTest extends ProviderFaultsContract {
    private final FakeRunway runway = new FakeRunway();

    @Override
    protected FakeProvider fake() { return runway; }

    @Override
    protected Provider provider() { return new RunwayProvider(); }

    @Override
    protected String baseUrl() { return runway.root(); }

    @Override
    protected String key() { return FakeRunway.KEY; }

    @Override
    protected String upstreamModel() { return "gen4.5"; }

    @Override
    protected Collection<String> upstreamIds() { return runway.tasks.keySet(); }

    @Override
    protected void neverEnd() { runway.script = List.of("RUNNING@0.5"); }

    @Override
    protected String stopPath() { return "/v1/tasks/"; }

    @Test
    void aRatioRunwayRefusesFailsTheJobWithRunwaysOwnExplanation() {
        // 960x960 is an image ratio of gen4.5; its text_to_video refuses it with a 400 {"error": ...}
        EngineStatus.Failed failed = failure(run("video_rw_ratio", new VideoSize(960, 960), "a fox"), "upstream_rejected");
        assertThat(failed.message()).contains("ratio is not valid");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anInternalFailureOfTheTaskMayBeRetried() {
        runway.script = List.of("RUNNING@0.2", "FAILED");
        EngineStatus.Failed failed = failure(run("video_rw_internal", HD, "a fox"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("unexpected error");
    }

    @Test
    void aThrottledTaskIsQueuedAndRunningProgressIsScaledFromAFractionToPercent() {
        runway.script = List.of("THROTTLED", "THROTTLED", "RUNNING@0.4");
        ProviderFixture<?> relay = relay(FakeRunway.KEY);
        GenerationRequest request = ProviderFixture.hd("video_rw_progress", "a fox");
        String handle = relay.engine.start(request);
        relay.awaitProgress(request, handle, 40);
        assertThat(relay.engine.check(request, handle)).isEqualTo(new EngineStatus.Running(40));
        runway.script = List.of("SUCCEEDED");
        assertThat(relay.awaitEnd(request, handle)).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aResultUrlThatExpiredBeforeTheDownloadIsReplacedByAFreshOneFromTheTask() {
        runway.rotatingUrls = true;
        assertThat(run("video_rw_fresh", HD, "a fox")).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aPromptOverRunwaysLimitIsRefusedNamingTheLimitWithoutAskingRunway() {
        EngineStatus.Failed failed = failure(run("video_rw_long", HD, "a".repeat(1001)), "upstream_rejected");
        assertThat(failed.message()).contains("1000").contains("UTF-16");
        assertThat(runway.seen("POST", "/v1/")).isEmpty();
    }
}
