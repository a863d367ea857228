package dev.vidgate.engine.relay.luma;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.engine.relay.ProviderFixture;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared faults on Luma's fake, and Luma's own: its 400 body, 402, other failures, a completion without a video. */
class LumaFaultsTest extends ProviderFaultsContract {
    private final FakeLuma luma = new FakeLuma();

    @Override
    protected FakeProvider fake() { return luma; }

    @Override
    protected Provider provider() { return new LumaProvider(); }

    @Override
    protected String baseUrl() { return luma.baseUrl(); }

    @Override
    protected String key() { return FakeLuma.KEY; }

    @Override
    protected String upstreamModel() { return "ray-2"; }

    @Override
    protected Collection<String> upstreamIds() { return luma.generations.keySet(); }

    @Override
    protected void neverEnd() { luma.script = List.of("dreaming"); }

    @Override
    protected String stopPath() { return FakeLuma.PREFIX + "/generations/"; }

    @Test
    void aResolutionLumaRefusesFailsTheJobWithLumasOwnExplanation() {
        // 640x480 is not in ray-2's catalog entry: derived as 4:3 at 480p, which Luma does not make
        EngineStatus.Failed failed = failure(run("video_lu_400", new VideoSize(640, 480), "a fox"), "upstream_rejected");
        assertThat(failed.message()).contains("Invalid value for resolution");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anOutOfCreditsAnswerTakesTheChannelOutOfRotation() {
        luma.createFault = 402;
        ProviderFixture<?> relay = relay(FakeLuma.KEY);
        EngineStatus.Failed failed = failure(relay.run(ProviderFixture.hd("video_lu_402", "a fox")), "upstream_unavailable");
        assertThat(failed.message()).contains("credits");
        failure(relay.run(ProviderFixture.hd("video_lu_402b", "a fox")), "upstream_unavailable");
        assertThat(luma.seen("POST", FakeLuma.PREFIX)).as("the second job is not sent to the spent account").hasSize(1);
    }

    @Test
    void anotherFailureMayBeRetriedAndSaysWhy() {
        luma.script = List.of("dreaming", "failed");
        EngineStatus.Failed failed = failure(run("video_lu_fail", HD, "a fox"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("internal error");
    }

    @Test
    void aCompletedGenerationWithoutAVideoIsAFailureNotACompletion() {
        luma.script = List.of("dreaming", "completed-bare");
        assertThat(failure(run("video_lu_bare", HD, "a fox"), "upstream_no_output").message()).contains("no video");
    }
}
