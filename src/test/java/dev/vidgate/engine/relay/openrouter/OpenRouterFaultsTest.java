package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.FakeFileHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault OpenRouter can answer with ends the job in a clear state: failed with a readable message and the right
 * code, waiting for a busy provider, or the next channel for an account out of credits; never stuck; no message repeats
 * the job id, a URL or the key.
 */
class OpenRouterFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aKeyOpenRouterDoesNotKnowFailsTheJobSayingSoWithoutTheKey() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.acceptedKey = "sk-or-v1-another-account-000000000000";
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_auth", "a quiet harbour"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.message()).contains("credentials").contains("401");
            assertClean(failed);
        }
    }

    @Test
    void openRoutersRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            GenerationRequest odd = new GenerationRequest("video_odd", "sora-2", OpenRouterRelay.HD, 5, "a long pan over hills", null);
            EngineStatus.Failed failed = relay.failure(odd);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("duration");
            assertThat(relay.router.seen(FakeOpenRouter.CREATE)).hasSize(1);
        }
    }

    @Test
    void aRateLimitSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.failAlways(FakeOpenRouter.CREATE, FakeOpenRouter.error(429, "Rate limit exceeded"));
            GenerationRequest request = OpenRouterRelay.request("video_busy", "a busy market");
            assertThat(relay.engine.check(request, relay.engine.start(request))).isInstanceOf(EngineStatus.Waiting.class);
        }
    }

    @Test
    void anAccountOutOfCreditsTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNext() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir, 2, null)) {
            relay.router.failAlways(FakeOpenRouter.CREATE, FakeOpenRouter.error(402, "Insufficient credits. Add more using https://openrouter.ai/credits"));
            assertThat(relay.engine.start(OpenRouterRelay.request("video_x1", "a dry well"))).startsWith("b/");
            assertThat(relay.engine.start(OpenRouterRelay.request("video_x2", "a dry well"))).startsWith("b/");
            assertThat(relay.router.seen(FakeOpenRouter.CREATE)).hasSize(1);
        }
    }

    @Test
    void aPromptOpenRoutersModerationFlagsFailsAsModerationBlockedForGoodNamingTheReasonsOnly() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_mod", "something forbidden here"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("moderation").contains("violence").doesNotContain("forbidden here");
        }
    }

    @Test
    void aJobThatFailsOnContentGroundsIsModerationBlockedAndOtherFailuresAreRetryable() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.script = List.of("pending", "failed");
            relay.router.failure = "The output video was blocked by the provider's content policy.";
            EngineStatus.Failed moderated = relay.failure(OpenRouterRelay.request("video_mod_out", "a famous mouse"));
            assertThat(moderated.code()).isEqualTo("moderation_blocked");
            assertThat(moderated.retryable()).isFalse();
            relay.router.failure = "The provider failed to generate the video.";
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_failed", "a lake"));
            assertThat(failed.code()).isEqualTo("upstream_failed");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("failed to generate");
        }
    }

    @Test
    void aServerErrorAtCreateFailsTheJobAsRetryableAndOneWhilePollingIsRiddenOut() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.fail(FakeOpenRouter.CREATE, FakeOpenRouter.error(502, "Your chosen model is down"));
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_502", "a lighthouse"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.retryable()).isTrue();
            assertClean(failed);
            relay.router.fail(FakeOpenRouter.RETRIEVE, FakeOpenRouter.error(500, "Internal Server Error"));
            assertThat(relay.run(OpenRouterRelay.request("video_flaky", "a windmill"))).isInstanceOf(EngineStatus.Done.class);
        }
    }

    @Test
    void aCompletedJobWithoutAVideoIsAFailureNotACompletedJob() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.withoutUrls = true;
            assertThat(relay.failure(OpenRouterRelay.request("video_empty", "an empty room")).code()).isEqualTo("upstream_no_result");
        }
    }

    @Test
    void anExpiredJobFailsTheJobAsRetryable() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.script = List.of("pending", "expired");
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_expired", "a slow sunrise"));
            assertThat(failed.code()).isEqualTo("upstream_expired");
            assertThat(failed.retryable()).isTrue();
        }
    }

    @Test
    void aJobThatNeverEndsFailsAtTheDeadline() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.script = List.of("in_progress");
            GenerationRequest request = OpenRouterRelay.request("video_forever", "an endless corridor");
            EngineStatus status = relay.pastTheDeadline(request, () -> relay.router.seen(FakeOpenRouter.RETRIEVE).size());
            assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_timeout"));
        }
    }

    @Test
    void contentThatIsGoneFailsTheJobWithoutShowingTheLink() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.contentGone = true;
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_gone", "a paper boat"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("expired").contains("404");
            assertClean(failed);
        }
    }

    @Test
    void aDownloadCutShortOfItsLengthFailsTheJobAfterRetrying() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            relay.router.contentTruncated = true;
            EngineStatus.Failed failed = relay.failure(OpenRouterRelay.request("video_cut", "a cut rope"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("cut off");
            assertThat(relay.router.seen(FakeOpenRouter.CONTENT)).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theContentRouteGetsTheKeyAndASignedUrlOnAnotherHostDoesNot() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            assertThat(relay.run(OpenRouterRelay.request("video_proxy", "a green field"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.router.seen(FakeOpenRouter.CONTENT)).singleElement()
                    .satisfies(s -> assertThat(s.headers().get("Authorization")).containsExactly("Bearer " + FakeOpenRouter.KEY));
            relay.router.signedOnly = true;
            assertThat(relay.run(OpenRouterRelay.request("video_signed", "a blue field"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.router.storage.seen(FakeFileHost.FILE)).singleElement()
                    .satisfies(s -> assertThat(s.headers().toString()).doesNotContain(FakeOpenRouter.KEY).doesNotContainIgnoringCase("authorization"));
        }
    }

    private static void assertClean(EngineStatus.Failed failed) {
        assertThat(failed.message()).doesNotContain(FakeOpenRouter.KEY).doesNotContain("vgen-").doesNotContain("127.0.0.1").doesNotContain("http");
    }
}
