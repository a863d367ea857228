package dev.vidgate.engine.relay.luma;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.ProviderFixture;
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

/** Whatever Luma answers, a job ends in a clear state with a readable message that names nothing of Luma's. */
class LumaFaultsTest {
    private static final VideoSize HD = new VideoSize(1280, 720);

    @TempDir
    Path dir;

    private final FakeLuma luma = new FakeLuma();
    private ProviderFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
        luma.close();
    }

    private ProviderFixture relay(String key) {
        fixture = ProviderFixture.over(dir, ProviderFixture.channel(new LumaProvider(), luma.baseUrl(), key, Map.of("sora-2", "ray-2")),
                luma.links(), null, s -> s.withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(500)));
        return fixture;
    }

    private static GenerationRequest job(String id, VideoSize size, String prompt) {
        return new GenerationRequest(id, "sora-2", size, 5, prompt, null);
    }

    private EngineStatus.Failed failure(EngineStatus status, String code) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).doesNotContain(FakeLuma.KEY).doesNotContain(luma.root()).doesNotContain("127.0.0.1");
        luma.generations.keySet().forEach(id -> assertThat(failed.message()).doesNotContain(id));
        return failed;
    }

    @Test
    void aWrongKeyIsRefusedByLumaAndTheJobFailsNamingTheCredentialsNotTheKey() {
        EngineStatus.Failed failed = failure(relay("luma-wrong-0123456789abcdef").run(job("video_lu_key", HD, "a fox")), "upstream_unavailable");
        assertThat(failed.message()).contains("credentials").doesNotContain("luma-wrong");
    }

    @Test
    void aResolutionLumaRefusesFailsTheJobWithLumasOwnExplanation() {
        // 640x480 is not in ray-2's catalog entry: derived as 4:3 at 480p, which Luma does not make
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_400", new VideoSize(640, 480), "a fox")),
                "upstream_rejected");
        assertThat(failed.message()).contains("Invalid value for resolution");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void lumasRateLimitIsBackpressureAndTheJobWaitsInsteadOfFailing() {
        luma.createFault = 429;
        assertThat(relay(FakeLuma.KEY).run(job("video_lu_429", HD, "a fox"))).isInstanceOf(EngineStatus.Waiting.class);
    }

    @Test
    void aServerErrorAtTheCreateFailsTheJobAsRetryable() {
        luma.createFault = 500;
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_500", HD, "a fox")), "upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("HTTP 500");
    }

    @Test
    void anOutOfCreditsAnswerTakesTheChannelOutOfRotation() {
        luma.createFault = 402;
        ProviderFixture relay = relay(FakeLuma.KEY);
        EngineStatus.Failed failed = failure(relay.run(job("video_lu_402", HD, "a fox")), "upstream_unavailable");
        assertThat(failed.message()).contains("credits");
        failure(relay.run(job("video_lu_402b", HD, "a fox")), "upstream_unavailable");
        assertThat(luma.seen("POST", FakeLuma.PREFIX)).as("the second job is not sent to the spent account").hasSize(1);
    }

    @Test
    void aModerationFailureIsModerationBlockedAndNotRetried() {
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_mod", HD, "something forbidden")),
                UpstreamException.MODERATION);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("moderation");
    }

    @Test
    void anotherFailureMayBeRetriedAndSaysWhy() {
        luma.script = List.of("dreaming", "failed");
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_fail", HD, "a fox")), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("internal error");
    }

    @Test
    void aCompletedGenerationWithoutAVideoIsAFailureNotACompletion() {
        luma.script = List.of("dreaming", "completed-bare");
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_bare", HD, "a fox")), "upstream_no_output");
        assertThat(failed.message()).contains("no video");
    }

    @Test
    void aGenerationThatNeverEndsIsGivenUpAtTheDeadlineAndDeletedAtLuma() {
        luma.script = List.of("dreaming");
        ProviderFixture relay = relay(FakeLuma.KEY);
        GenerationRequest request = job("video_lu_forever", HD, "a fox");
        String handle = relay.engine.start(request);
        Waits.await("polled while dreaming", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> luma.generations.values().stream().anyMatch(g -> g.polls > 1));
        relay.clock.advance(Duration.ofHours(2));
        failure(relay.awaitEnd(request, handle), "upstream_timeout");
        Waits.await("the generation deleted at Luma", Duration.ofSeconds(10), Duration.ofMillis(20))
                .until(() -> !luma.seen("DELETE", FakeLuma.PREFIX + "/generations/").isEmpty());
    }

    @Test
    void anExpiredResultUrlFailsTheDownloadReadably() {
        luma.storage = FakeProvider.Storage.EXPIRED;
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_expired", HD, "a fox")), "upstream_download_failed");
        assertThat(failed.message()).contains("expired");
    }

    @Test
    void aDownloadCutShortIsNotAcceptedAsAVideo() {
        luma.storage = FakeProvider.Storage.TRUNCATED;
        EngineStatus.Failed failed = failure(relay(FakeLuma.KEY).run(job("video_lu_cut", HD, "a fox")), "upstream_download_failed");
        assertThat(failed.message()).containsAnyOf("ended after", "cut off");
    }
}
