package dev.vidgate.engine.relay.ark;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ark.FakeArk.Route;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault Ark can answer with ends the job in a clear state: failed with a readable message and the right
 * code, or waiting for a busy provider, never stuck; no message repeats the task id, a URL or the key.
 */
class ArkFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aKeyArkDoesNotAcceptFailsTheJobSayingSoWithoutTheKey() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().acceptedKey = "ark-another-account-key-0000";
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_auth", "a quiet harbour"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.message()).contains("credentials").contains("401");
            assertClean(relay, failed);
        }
    }

    @Test
    void arksOwnRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            GenerationRequest tooLong = new GenerationRequest("video_long", "sora-2", ArkRelay.HD, 15, "a long pan over hills", null);
            EngineStatus.Failed failed = relay.failure(tooLong);
            assertThat(failed.code()).isEqualTo("invalidparameter");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("`duration`").doesNotContain("Request id").doesNotContain("021765012345678");
            assertThat(relay.ark().seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void throttlingSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().failAlways(Route.CREATE, FakeArk.error(429, "RateLimitExceeded.EndpointRPMExceeded",
                    "The request has exceeded the RPM rate limit of the endpoint."));
            GenerationRequest request = ArkRelay.request("video_busy", "a busy market");
            EngineStatus status = relay.engine.check(request, relay.engine.start(request));
            assertThat(status).isInstanceOf(EngineStatus.Waiting.class);
            relay.ark().failAlways(Route.CREATE, FakeArk.error(429, "ServerOverloaded", "The service is overloaded."));
            GenerationRequest again = ArkRelay.request("video_busy2", "a busy market");
            assertThat(relay.engine.check(again, relay.engine.start(again))).isInstanceOf(EngineStatus.Waiting.class);
        }
    }

    @Test
    void aUsedUpQuotaOrAnUnpaidAccountTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNext() {
        for (FakeArk.Canned exhausted : List.of(
                FakeArk.error(429, "SetLimitExceeded", "Your account has reached its set inference limit for the model."),
                FakeArk.error(429, "QuotaExceeded", "The free trial quota has been used up."),
                FakeArk.error(403, "AccountOverdueError", "The account is overdue."))) {
            try (ArkRelay relay = new ArkRelay(dir, ModelCatalog.defaults("relay"), 2, ArkRelay.SEEDANCE)) {
                relay.ark().failAlways(Route.CREATE, exhausted);
                assertThat(relay.engine.start(ArkRelay.request("video_x1", "a dry well"))).startsWith("b/");
                assertThat(relay.engine.start(ArkRelay.request("video_x2", "a dry well"))).startsWith("b/");
                assertThat(relay.ark().seen(Route.CREATE)).hasSize(1);
            }
        }
    }

    @Test
    void anErrorInsideASuccessfulAnswerIsReadAsTheErrorItCarries() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().failAlways(Route.CREATE, new FakeArk.Canned(200, "application/json",
                    "{\"error\":{\"code\":\"InputImageSensitiveContentDetected.PrivacyInformation\",\"message\":\"The input image may contain real person.\"}}"));
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_200", "a portrait"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
        }
    }

    @Test
    void aServerErrorAtCreateFailsTheJobAsRetryableWithTheProvidersStatus() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().failAlways(Route.CREATE, FakeArk.error(500, "InternalServiceError", "The service encountered an unexpected internal error."));
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_500", "a lighthouse"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("HTTP 500");
            assertClean(relay, failed);
        }
    }

    @Test
    void aServerErrorWhilePollingIsRiddenOutAndTheJobCompletes() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().fail(Route.RETRIEVE, FakeArk.error(500, "InternalServiceError", "unexpected"),
                    FakeArk.error(503, "ServiceUnavailable", "unavailable"));
            assertThat(relay.run(ArkRelay.request("video_flaky", "a windmill"))).isInstanceOf(EngineStatus.Done.class);
        }
    }

    @Test
    void aPromptArksModerationRefusesFailsTheJobAsModerationBlockedForGood() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_mod_in", "something forbidden"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("moderation").contains("sensitive");
        }
    }

    @Test
    void aVideoArksModerationStopsAfterItWasMadeFailsAsModerationBlockedForGood() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().script = List.of("queued", "running", "failed");
            relay.ark().failure = new String[] {"OutputVideoSensitiveContentDetected.PolicyViolation",
                    "The request failed because the output video may be related to copyright restrictions."};
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_mod_out", "a famous mouse"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("copyright");
            assertClean(relay, failed);
        }
    }

    @Test
    void aSuccessWithoutAVideoIsAFailureNotACompletedJob() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().withoutVideoUrl = true;
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_empty", "an empty room"));
            assertThat(failed.code()).isEqualTo("upstream_no_result");
            assertThat(relay.ark().tos.downloads).isEmpty();
        }
    }

    @Test
    void aTaskArkLetsExpireFailsTheJobAsRetryable() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().script = List.of("queued", "expired");
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_expired", "a slow sunrise"));
            assertThat(failed.code()).isEqualTo("upstream_expired");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("expired");
        }
    }

    @Test
    void aTaskThatNeverEndsFailsAtTheDeadlineAndArksRefusalToStopItIsTakenCalmly() {
        try (ArkRelay relay = new ArkRelay(dir); LogCapture logs = new LogCapture()) {
            relay.ark().script = List.of("running");
            GenerationRequest request = ArkRelay.request("video_forever", "an endless corridor");
            String handle = relay.engine.start(request);
            Waits.engineStatus(relay.engine, request, handle, Duration.ofSeconds(30), s -> relay.ark().seen(Route.RETRIEVE).size() >= 2);
            relay.clock.advance(Duration.ofHours(2));
            EngineStatus status = Waits.engineEnd(relay.engine, request, handle, Duration.ofSeconds(30), new java.util.ArrayList<>());
            assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_timeout"));
            Waits.await("the refusal to stop heard", Duration.ofSeconds(15), Duration.ofMillis(20))
                    .until(() -> logs.saw("cannot cancel a task that is already running"));
            assertThat(relay.ark().seen(Route.DELETE)).hasSize(1);
            assertThat(logs.saw("[id]")).isTrue();
            assertThat(logs.saw("cgt-")).isFalse();
            assertThat(relay.ark().statusOf(relay.ark().task(handle.substring(handle.indexOf('/') + 1)))).isEqualTo("running");
        }
    }

    @Test
    void aResultLinkThatHasExpiredFailsTheJobWithoutShowingTheLink() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().tos.expired = true;
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_link", "a paper boat"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("expired").contains("403").doesNotContain("AccessDenied").doesNotContain("X-Tos");
            assertClean(relay, failed);
        }
    }

    @Test
    void aDownloadCutShortOfItsLengthFailsTheJobAfterRetrying() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            relay.ark().tos.truncated = true;
            EngineStatus.Failed failed = relay.failure(ArkRelay.request("video_cut", "a cut rope"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("cut off");
            assertThat(relay.ark().tos.downloads).hasSize(3);
        }
    }

    @Test
    void theResultIsFetchedWithoutTheChannelsKey() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            assertThat(relay.run(ArkRelay.request("video_nokey", "a green field"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.ark().tos.downloads).hasSize(1)
                    .allSatisfy(headers -> assertThat(headers.toString()).doesNotContain(FakeArk.KEY).doesNotContainIgnoringCase("authorization"));
        }
    }

    private static void assertClean(ArkRelay relay, EngineStatus.Failed failed) {
        assertThat(failed.message()).doesNotContain(FakeArk.KEY).doesNotContain("cgt-").doesNotContain("127.0.0.1")
                .doesNotContain("Request id").doesNotContain("http");
    }
}
