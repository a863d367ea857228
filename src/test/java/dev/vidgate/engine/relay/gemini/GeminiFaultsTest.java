package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.FakeVeo.Fault;
import dev.vidgate.engine.relay.google.VeoJobs;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fault of Veo on the Gemini API ends a job in a clear state, with nothing of the upstream in the message. */
class GeminiFaultsTest {
    @TempDir
    Path workDir;

    private final TestClock clock = new TestClock();
    private FakeVeo fake;
    private VeoJobs jobs;

    @BeforeEach
    void open() {
        fake = FakeVeo.start(FakeVeo.Dialect.GEMINI);
        jobs = new VeoJobs(fake.channel("veo", new GeminiProvider(), FakeVeo.KEY), workDir, clock);
    }

    @AfterEach
    void close() {
        jobs.close();
        fake.close();
    }

    @Test
    void aCreateCarriesTheFormatTheDurationAsANumberTheImagesInlineAndTheNegativePromptButNoSeedOrAudio() {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        var request = VeoJobs.request("video_gm_shape", "a heron lands", first,
                new GenerationRequest.Options("no text on screen", 42L, true, last));
        assertThat(jobs.end(request)).isInstanceOf(EngineStatus.Done.class);
        JsonNode body = fake.creates().getFirst();
        assertThat(fake.seen(":predictLongRunning").getFirst().path()).isEqualTo("/v1beta/models/veo-3.1-fast-generate-001:predictLongRunning");
        JsonNode instance = body.path("instances").path(0);
        assertThat(instance.path("prompt").asString()).isEqualTo("a heron lands");
        assertThat(Base64.getDecoder().decode(instance.path("image").path("bytesBase64Encoded").asString())).isEqualTo(first);
        assertThat(instance.path("image").path("mimeType").asString()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(instance.path("lastFrame").path("bytesBase64Encoded").asString())).isEqualTo(last);
        assertThat(instance.path("lastFrame").path("mimeType").asString()).isEqualTo("image/jpeg");
        JsonNode parameters = body.path("parameters");
        assertThat(parameters.path("aspectRatio").asString()).isEqualTo("16:9");
        assertThat(parameters.path("resolution").asString()).isEqualTo("720p");
        assertThat(parameters.path("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(8);
        assertThat(parameters.path("negativePrompt").asString()).isEqualTo("no text on screen");
        assertThat(parameters.has("seed")).isFalse();
        assertThat(parameters.has("generateAudio")).isFalse();
    }

    @Test
    void aWrongKeyIsGooglesHttp400ButFailsTheJobAsACredentialsProblemWithoutTheKey() {
        jobs.close();
        jobs = new VeoJobs(fake.channel("veo", new GeminiProvider(), "AIzaSy-wrong-key-000000000000"), workDir, clock);
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_key", "a heron"));
        assertThat(failed.message()).contains("credentials").doesNotContain("AIzaSy");
        assertThat(failed.code()).isEqualTo("upstream_unavailable");
    }

    @Test
    void aTestOfTheChannelWithAWrongKeyIsUnauthorizedThoughGoogleAnswers400() {
        jobs.close();
        jobs = new VeoJobs(fake.channel("veo", new GeminiProvider(), "AIzaSy-wrong-key-000000000000"), workDir, clock);
        dev.vidgate.engine.ChannelProbe probe = jobs.engine.probe("veo").orElseThrow();
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(dev.vidgate.engine.ChannelProbe.Outcome.UNAUTHORIZED);
        assertThat(probe.httpStatus()).isEqualTo(400);
        assertThat(probe.message()).doesNotContain("AIzaSy");
    }

    @Test
    void aRequestGoogleRefusesFailsWithGooglesMessageAndIsNotRetried() {
        fake.createFault = Fault.BAD_REQUEST;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_400", "a heron"));
        assertThat(failed.message()).isEqualTo("Request contains an invalid argument.");
        assertThat(failed.code()).isEqualTo("invalid_argument");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aPerMinuteLimitIsBackpressureTheJobWaits() {
        fake.createFault = Fault.RATE_LIMITED;
        var request = VeoJobs.request("video_gm_429", "a heron");
        EngineStatus status = jobs.engine.check(request, jobs.engine.start(request));
        assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
        assertThat(((EngineStatus.Waiting) status).retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aUsedUpDailyQuotaTakesTheChannelOutOfTheRotation() {
        fake.createFault = Fault.DAILY_QUOTA;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_quota", "a heron"));
        assertThat(failed.message()).contains("daily quota");
        assertThat(failed.retryable()).isTrue();
        fake.createFault = Fault.NONE;
        int creates = fake.creates().size();
        assertThat(jobs.failure(VeoJobs.request("video_gm_quota2", "a heron")).retryable()).isTrue();
        assertThat(fake.creates()).hasSize(creates);
    }

    @Test
    void aServerErrorOnCreateFailsRetryablyWithTheStatus() {
        fake.createFault = Fault.SERVER_ERROR;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_503", "a heron"));
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("HTTP 503");
    }

    @Test
    void aVideoTheSafetyFiltersRemovedIsModerationBlockedWithTheReasonAndNoAddress() {
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_rai", "something forbidden"));
        assertThat(failed.code()).isEqualTo("moderation_blocked");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("safety filters", "harmful content").doesNotContain("127.0.0.1");
    }

    @Test
    void anOperationThatEndsInAnErrorFailsWithGooglesMessageWithoutTheOperationName() {
        fake.pollFault = Fault.OPERATION_ERROR;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_operr", "a heron"));
        assertThat(failed.message()).contains("the input image could not be used").doesNotContain("operations/");
        assertThat(failed.code()).isEqualTo("invalid_argument");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void anOperationThatNeverEndsFailsAtTheJobDeadline() {
        fake.pollFault = Fault.NEVER_ENDS;
        var request = VeoJobs.request("video_gm_never", "a heron");
        String handle = jobs.engine.start(request);
        Waits.await("a few polls", Duration.ofSeconds(30), Duration.ofMillis(20)).until(() -> fake.seen("/operations/").size() >= 3);
        clock.advance(Duration.ofMinutes(61));
        EngineStatus status = Waits.engineEnd(jobs.engine, request, handle);
        assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_timeout"));
    }

    @Test
    void anExpiredResultUrlFailsTheDownloadWithoutTheUrl() {
        fake.downloadFault = Fault.EXPIRED;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_expired", "a heron"));
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
        assertThat(failed.message()).doesNotContain("127.0.0.1").doesNotContain("/files/");
    }

    @Test
    void aTruncatedDownloadFailsInsteadOfStoringHalfAVideo() {
        fake.downloadFault = Fault.TRUNCATED;
        EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_cut", "a heron"));
        assertThat(failed.code()).isEqualTo("upstream_download_failed");
    }

    @Test
    void theKeyGoesOnlyToTheChannelsOwnOriginNeverToAResultUrlElsewhere() {
        try (FakeVeo elsewhere = FakeVeo.start(FakeVeo.Dialect.GEMINI)) {
            fake.filesBase = elsewhere.baseUrl();
            EngineStatus.Failed failed = jobs.failure(VeoJobs.request("video_gm_origin", "a heron"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(elsewhere.seen("/v1beta/files/")).isNotEmpty()
                    .allSatisfy(seen -> assertThat(seen.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("x-goog-api-key")));
        }
        assertThat(fake.seen(":predictLongRunning").getFirst().headers().get("X-goog-api-key")).containsExactly(FakeVeo.KEY);
    }

    @Test
    void samplesListedAsGeneratedVideosAreAcceptedToo() {
        fake.samplesList = "generatedVideos";
        assertThat(jobs.end(VeoJobs.request("video_gm_videos", "a heron"))).isInstanceOf(EngineStatus.Done.class);
    }
}
