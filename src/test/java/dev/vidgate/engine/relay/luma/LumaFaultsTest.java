package dev.vidgate.engine.relay.luma;

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

/**
 * The shared faults on Luma's fake, and Luma's own: its 400 body, 402 (out of credits, on the one channel), other
 * failures, a completion without a video (Luma's own code for it).
 */
class LumaFaultsTest extends FakeProviderFaultsContract {
    private FakeLuma luma;

    @Override
    protected Relay relay(Path workDir, int channels) {
        luma = new FakeLuma();
        return over(workDir, channels, luma, new LumaProvider(), luma.baseUrl(), FakeLuma.KEY, "ray-2");
    }

    @Override
    protected FakeProvider fake() { return luma; }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return ProviderFixture.hd(jobId, prompt); }

    @Override
    protected String key() { return FakeLuma.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return luma.generations.keySet(); }

    @Override
    protected int creates() { return luma.seen("POST", FakeLuma.PREFIX).size(); }

    @Override
    protected int refuseTheKey() {
        luma.acceptedKey = FakeLuma.KEY + "-another";
        return 401;
    }

    @Override
    protected List<Runnable> rateLimits() { return List.of(() -> luma.createFault = 429); }

    @Override
    protected int serverErrorAtCreate() {
        luma.createFault = 502;
        return 502;
    }

    @Override
    protected List<Runnable> spentAccounts() { return List.of(); }

    @Override
    protected boolean serverErrorsWhilePolling() { return false; }

    @Override
    protected void neverEnd() { luma.script = List.of("dreaming"); }

    @Override
    protected int polls() { return luma.seen("GET", FakeLuma.PREFIX + "/generations/").size(); }

    @Override
    protected List<String> stops() {
        return luma.seen("DELETE", FakeLuma.PREFIX + "/generations/").stream().map(FakeProvider.Seen::path).toList();
    }

    @Override
    protected String stopPath(String upstreamId) { return FakeLuma.PREFIX + "/generations/" + upstreamId; }

    @Override
    protected boolean withoutVideo() { return false; }

    @Override
    protected boolean expireTheJobs() { return false; }

    @Test
    void aResolutionLumaRefusesFailsTheJobWithLumasOwnExplanation() {
        // 640x480 is not in ray-2's catalog entry: derived as 4:3 at 480p, which Luma does not make
        Relay relay = relay();
        GenerationRequest small = new GenerationRequest("video_lu_400", "sora-2", new VideoSize(640, 480), 5, "a fox", null);
        EngineStatus.Failed failed = failure(relay, small, "upstream_rejected");
        assertThat(failed.message()).contains("Invalid value for resolution");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anOutOfCreditsAnswerTakesTheChannelOutOfRotation() {
        Relay relay = relay();
        luma.createFault = 402;
        EngineStatus.Failed failed = failure(relay, request("video_lu_402", "a fox"), "upstream_unavailable");
        assertThat(failed.message()).contains("credits");
        failure(relay, request("video_lu_402b", "a fox"), "upstream_unavailable");
        assertThat(creates()).as("the second job is not sent to the spent account").isEqualTo(1);
    }

    @Test
    void anotherFailureMayBeRetriedAndSaysWhy() {
        Relay relay = relay();
        luma.script = List.of("dreaming", "failed");
        EngineStatus.Failed failed = failure(relay, request("video_lu_fail", "a fox"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("internal error");
    }

    @Test
    void aCompletedGenerationWithoutAVideoIsAFailureNotACompletion() {
        Relay relay = relay();
        luma.script = List.of("dreaming", "completed-bare");
        assertThat(failure(relay, request("video_lu_bare", "a fox"), "upstream_no_output").message()).contains("no video");
        assertThat(downloads()).isEmpty();
    }
}
