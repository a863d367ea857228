package dev.vidgate.engine.relay.runway;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.FakeProviderFaultsContract;
import dev.vidgate.engine.relay.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared faults on Runway's fake, and Runway's own: its 400 body, task failures, THROTTLED and progress, the prompt limit. */
class RunwayFaultsTest extends FakeProviderFaultsContract {
    private static final VideoSize HD = new VideoSize(1280, 720);

    private FakeRunway runway;

    @Override
    protected Relay relay(Path workDir, int channels) {
        runway = new FakeRunway();
        return over(workDir, channels, runway, new RunwayProvider(), runway.root(), FakeRunway.KEY, "gen4.5");
    }

    @Override
    protected FakeProvider fake() { return runway; }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return ProviderFixture.hd(jobId, prompt); }

    @Override
    protected String key() { return FakeRunway.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return runway.tasks.keySet(); }

    @Override
    protected int creates() { return runway.seen("POST", "/v1/").size(); }

    @Override
    protected int refuseTheKey() {
        runway.acceptedKey = FakeRunway.KEY + "-another";
        return 401;
    }

    @Override
    protected List<Runnable> rateLimits() { return List.of(() -> runway.createFault = 429); }

    @Override
    protected int serverErrorAtCreate() {
        runway.createFault = 502;
        return 502;
    }

    @Override
    protected List<Runnable> spentAccounts() { return List.of(); }

    @Override
    protected boolean serverErrorsWhilePolling() { return false; }

    @Override
    protected void neverEnd() { runway.script = List.of("RUNNING@0.5"); }

    @Override
    protected int polls() { return runway.seen("GET", "/v1/tasks/").size(); }

    @Override
    protected List<String> stops() { return runway.seen("DELETE", "/v1/tasks/").stream().map(FakeProvider.Seen::path).toList(); }

    @Override
    protected String stopPath(String upstreamId) { return "/v1/tasks/" + upstreamId; }

    @Override
    protected boolean withoutVideo() { return false; }

    @Override
    protected boolean expireTheJobs() { return false; }

    @Test
    void aRatioRunwayRefusesFailsTheJobWithRunwaysOwnExplanation() {
        // 960x960 is an image ratio of gen4.5; its text_to_video refuses it with a 400 {"error": ...}
        Relay relay = relay();
        GenerationRequest square = new GenerationRequest("video_rw_ratio", "sora-2", new VideoSize(960, 960), 5, "a fox", null);
        EngineStatus.Failed failed = failure(relay, square, "upstream_rejected");
        assertThat(failed.message()).contains("ratio is not valid");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anInternalFailureOfTheTaskMayBeRetried() {
        Relay relay = relay();
        runway.script = List.of("RUNNING@0.2", "FAILED");
        EngineStatus.Failed failed = failure(relay, request("video_rw_internal", "a fox"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("unexpected error");
    }

    @Test
    void aThrottledTaskIsQueuedAndRunningProgressIsScaledFromAFractionToPercent() {
        Relay relay = relay();
        runway.script = List.of("THROTTLED", "THROTTLED", "RUNNING@0.4");
        GenerationRequest request = request("video_rw_progress", "a fox");
        String handle = relay.engine().start(request);
        awaitProgress(relay, request, handle, 40);
        assertThat(relay.engine().check(request, handle)).isEqualTo(new EngineStatus.Running(40));
        runway.script = List.of("SUCCEEDED");
        assertThat(awaitEnd(relay, request, handle)).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aResultUrlThatExpiredBeforeTheDownloadIsReplacedByAFreshOneFromTheTask() {
        Relay relay = relay();
        runway.rotatingUrls = true;
        assertThat(run(relay, request("video_rw_fresh", "a fox"))).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void aPromptOverRunwaysLimitIsRefusedNamingTheLimitWithoutAskingRunway() {
        Relay relay = relay();
        EngineStatus.Failed failed = failure(relay, request("video_rw_long", "a".repeat(1001)), "upstream_rejected");
        assertThat(failed.message()).contains("1000").contains("UTF-16");
        assertThat(runway.seen("POST", "/v1/")).isEmpty();
    }
}
