package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.comfyui.FakeComfyUi.Fault;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way a ComfyUI server fails ends the job in a clear state, never a stuck one, and shows nothing of the server. */
class ComfyUiFaultsTest {
    @TempDir
    Path workDir;

    private ComfyFixture fixture;

    private ComfyFixture open(UnaryOperator<dev.vidgate.engine.relay.ChannelSettings> tune) {
        fixture = new ComfyFixture(workDir, tune);
        return fixture;
    }

    private ComfyFixture open() {
        return open(c -> c);
    }

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    @Test
    void aWorkflowTheServerRefusesFailsTheJobWithTheNodeAndItsError() {
        open().fake.fault(Fault.NODE_ERROR);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_node_error")));
        assertThat(failed.code()).isEqualTo("invalid_workflow");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("node 1 (UNETLoader)", "Value not in list", "wan2.2_t2v_high_noise");
        assertClean(failed);
    }

    @Test
    void runningOutOfGpuMemoryFailsTheAttemptAsRetryable() {
        open().fake.fault(Fault.OUT_OF_MEMORY);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_oom")));
        assertThat(failed.code()).isEqualTo("upstream_out_of_memory");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("node 10 (KSamplerAdvanced)", "ran out of memory");
        assertClean(failed);
    }

    @Test
    void aServerThatRestartsMidJobFailsTheAttemptAsRetryable() {
        open().fake.fault(Fault.RESTART);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_restart")));
        assertThat(failed.code()).isEqualTo("upstream_lost");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("no longer knows the job");
        assertClean(failed);
    }

    @Test
    void aRunThatNeverEndsFailsAtTheJobTimeoutAndIsInterrupted() {
        open().fake.fault(Fault.NEVER_ENDS);
        GenerationRequest request = ComfyFixture.request("video_forever");
        String handle = fixture.engine.start(request);
        Waits.await("the run started", Duration.ofSeconds(20), Duration.ofMillis(20))
                .until(() -> fixture.engine.check(request, handle) instanceof EngineStatus.Running r && r.progress() > 0);
        fixture.clock.advance(Duration.ofMinutes(31));
        EngineStatus.Failed failed = failed(Waits.engineEnd(fixture.engine, request, handle, Duration.ofSeconds(30), new java.util.ArrayList<>()));
        assertThat(failed.code()).isEqualTo("upstream_timeout");
        Waits.await("the interrupt", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !fixture.fake.seen("POST", "/interrupt").isEmpty());
    }

    @Test
    void aServerErrorAtQueueingFailsTheJobAsRetryable() {
        open().fake.fault(Fault.SERVER_ERROR);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_500")));
        assertThat(failed.code()).isEqualTo("upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertClean(failed);
    }

    @Test
    void aRateLimitingProxySendsTheJobBackToWaitNeverFailing() {
        open().fake.fault(Fault.RATE_LIMITED);
        GenerationRequest request = ComfyFixture.request("video_429");
        EngineStatus status = Waits.engineEnd(fixture.engine, request, fixture.engine.start(request), Duration.ofSeconds(30), new java.util.ArrayList<>());
        assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
    }

    @Test
    void aWrongProxyKeyFailsTheJobAsRetryableWithoutShowingTheKey() {
        open(c -> new dev.vidgate.engine.relay.ChannelSettings(c.name(), c.baseUrl(), ApiKey.of("sk-wrong-key-0123456789abcdef"),
                c.flavour(), c.models(), 0, 1, 1, 50, 32, c.connectTimeout(), c.requestTimeout(), null, false, c.options()));
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_401")));
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("credentials").doesNotContain("sk-wrong-key");
        assertClean(failed);
    }

    @Test
    void anOutputFileThatIsGoneFailsTheDownloadAsRetryable() {
        open().fake.fault(Fault.VIEW_GONE);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_404")));
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
        assertThat(failed.retryable()).isTrue();
        assertClean(failed);
    }

    @Test
    void aTruncatedOutputFileFailsTheDownloadAsRetryable() {
        open().fake.fault(Fault.VIEW_TRUNCATED);
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_truncated")));
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
        assertThat(failed.retryable()).isTrue();
        assertClean(failed);
    }

    @Test
    void anOutputNoDecoderReadsFailsTheJobAsAnInvalidVideo() {
        open().fake.output = java.util.List.of(new FakeOutputs.File("vidgate_00001_.mp4", "not a video at all".getBytes()));
        EngineStatus.Failed failed = failed(fixture.run(ComfyFixture.request("video_garbage")));
        assertThat(failed.code()).isEqualTo("upstream_video_invalid");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("could not be made into an MP4");
        assertClean(failed);
    }

    @Test
    void cancellingAWaitingPromptDeletesItFromTheQueue() {
        open().fake.fault(Fault.HOLD);
        GenerationRequest request = ComfyFixture.request("video_cancel_queued");
        String handle = fixture.engine.start(request);
        Waits.await("the prompt waits", Duration.ofSeconds(10), Duration.ofMillis(20)).until(() -> fixture.fake.queued() == 1);
        fixture.engine.cancel(handle);
        Waits.await("the queue delete", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !fixture.fake.seen("POST", "/queue").isEmpty());
        String promptId = fixture.fake.seen("POST", "/prompt").getLast().json().path("prompt_id").asString();
        assertThat(fixture.fake.seen("POST", "/queue").getLast().json().path("delete").path(0).asString()).isEqualTo(promptId);
        assertThat(fixture.fake.queued()).isZero();
        assertThat(fixture.fake.seen("POST", "/interrupt")).isEmpty();
    }

    @Test
    void cancellingTheRunningPromptInterruptsIt() {
        open().fake.fault(Fault.NEVER_ENDS);
        GenerationRequest request = ComfyFixture.request("video_cancel_running");
        String handle = fixture.engine.start(request);
        Waits.await("the run started", Duration.ofSeconds(20), Duration.ofMillis(20))
                .until(() -> fixture.engine.check(request, handle) instanceof EngineStatus.Running r && r.progress() > 0);
        fixture.engine.cancel(handle);
        Waits.await("the interrupt", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !fixture.fake.seen("POST", "/interrupt").isEmpty());
        String promptId = fixture.fake.seen("POST", "/prompt").getLast().json().path("prompt_id").asString();
        assertThat(fixture.fake.seen("POST", "/interrupt").getLast().json().path("prompt_id").asString()).isEqualTo(promptId);
    }

    private static EngineStatus.Failed failed(EngineStatus status) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        return (EngineStatus.Failed) status;
    }

    /** No prompt id, address or key of the server in what clients see. */
    private void assertClean(EngineStatus.Failed failed) {
        assertThat(failed.message()).doesNotContain("127.0.0.1").doesNotContain(FakeComfyUi.KEY);
        for (var prompt : fixture.fake.seen("POST", "/prompt")) {
            String id = prompt.json().path("prompt_id").asString("");
            if (!id.isEmpty()) assertThat(failed.message()).doesNotContain(id);
        }
    }
}
