package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.fal.FakeFal.Route;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault fal's queue can answer with ends the job in a clear state: failed with a readable message and the right
 * code, or waiting for a busy provider, never stuck; no message repeats the request id, a URL or the key.
 */
class FalFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aKeyFalDoesNotAcceptFailsTheJobSayingSoWithoutTheKey() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().acceptedKey = "another-account:key";
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_auth", "a quiet harbour"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.message()).contains("credentials").contains("401");
            assertClean(relay, failed);
        }
    }

    @Test
    void falsValidationErrorFailsTheJobWithItsReasonAndIsNotRetried() {
        try (FalRelay relay = new FalRelay(dir)) {
            GenerationRequest sixSeconds = new GenerationRequest("video_six", "pika-2.2", FalRelay.HD, 6, "a long pan over hills", null);
            EngineStatus.Failed failed = relay.failure(sixSeconds);
            assertThat(failed.code()).isEqualTo("literal_error");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("5 or 10");
            assertThat(relay.fal().seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void aRateLimitSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().failAlways(Route.CREATE, FakeFal.detail(429, "Too many concurrent requests."));
            GenerationRequest request = FalRelay.request("video_busy", "a busy market");
            assertThat(relay.engine.check(request, relay.engine.start(request))).isInstanceOf(EngineStatus.Waiting.class);
        }
    }

    @Test
    void aLockedAccountTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNext() {
        for (String locked : List.of("User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
                "User is locked. Reason: Admin lock. Please contact support@fal.ai")) {
            try (FalRelay relay = new FalRelay(dir, 2, null)) {
                relay.fal().failAlways(Route.CREATE, FakeFal.detail(403, locked));
                assertThat(relay.engine.start(FalRelay.request("video_x1", "a dry well"))).startsWith("b/");
                assertThat(relay.engine.start(FalRelay.request("video_x2", "a dry well"))).startsWith("b/");
                assertThat(relay.fal().seen(Route.CREATE)).hasSize(1);
            }
        }
    }

    @Test
    void aServerErrorAtCreateFailsTheJobAsRetryableWithTheProvidersStatus() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().failAlways(Route.CREATE, FakeFal.detail(500, "Internal server error"));
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_500", "a lighthouse"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("HTTP 500");
            assertClean(relay, failed);
        }
    }

    @Test
    void serverErrorsWhilePollingAreRiddenOutAndTheJobCompletes() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().fail(Route.STATUS, FakeFal.detail(502, "Bad gateway"), FakeFal.detail(503, "Service unavailable"));
            assertThat(relay.run(FalRelay.request("video_flaky", "a windmill"))).isInstanceOf(EngineStatus.Done.class);
        }
    }

    @Test
    void aResultStillInProgressCountsAsRunningNeverAsAFailure() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().script = List.of("COMPLETED");
            relay.fal().fail(Route.RESULT, FakeFal.detail(400, "Request is still in progress"),
                    FakeFal.detail(400, "Request is still in progress"));
            assertThat(relay.run(FalRelay.request("video_race", "a slow tide"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.fal().seen(Route.RESULT)).hasSize(3);
        }
    }

    @Test
    void aRequestFalReportsFailedEndsTheJobWithItsErrorAsRetryableWithoutAskingForAResult() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().script = List.of("IN_QUEUE", "FAILED");
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_crash", "a glass tower"));
            assertThat(failed.code()).isEqualTo("upstream_failed");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("runner crashed");
            assertThat(relay.fal().seen(Route.RESULT)).isEmpty();
        }
    }

    @Test
    void aPromptFalsContentCheckerFlagsFailsTheJobAsModerationBlockedForGood() {
        try (FalRelay relay = new FalRelay(dir)) {
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_mod_in", "something forbidden"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("flagged by a content checker");
            assertClean(relay, failed);
            assertThat(relay.fal().media.downloads).isEmpty();
        }
    }

    @Test
    void aContentPolicyRefusalAtCreateIsModerationBlockedToo() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().failAlways(Route.CREATE, new FakeFal.Canned(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],"
                    + "\"msg\":\"The content was flagged by a content checker.\",\"type\":\"content_policy_violation\"}]}"));
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_mod_create", "a riot"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
        }
    }

    @Test
    void aVideoFlaggedNsfwIsNotDeliveredAndFailsAsModerationBlocked() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().nsfw = true;
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_nsfw", "a beach party"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(relay.fal().media.downloads).isEmpty();
        }
    }

    @Test
    void aRequestThatNeverEndsFailsAtTheDeadlineAndIsCancelledAtFal() {
        try (FalRelay relay = new FalRelay(dir); LogCapture logs = new LogCapture()) {
            relay.fal().script = List.of("IN_QUEUE");
            GenerationRequest request = FalRelay.request("video_forever", "an endless corridor");
            String handle = relay.engine.start(request);
            Waits.engineStatus(relay.engine, request, handle, Duration.ofSeconds(30), s -> relay.fal().seen(Route.STATUS).size() >= 2);
            relay.clock.advance(Duration.ofHours(2));
            EngineStatus status = Waits.engineEnd(relay.engine, request, handle, Duration.ofSeconds(30), new ArrayList<>());
            assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_timeout"));
            Waits.await("the cancel sent", Duration.ofSeconds(15), Duration.ofMillis(20))
                    .until(() -> relay.fal().seen(Route.CANCEL).size() == 1);
            String requestId = handle.substring(handle.lastIndexOf('/') + 1);
            assertThat(relay.fal().seen(Route.CANCEL).getFirst().path()).isEqualTo("/fal-ai/pika/requests/" + requestId + "/cancel");
            assertThat(logs.saw(requestId)).isFalse();
        }
    }

    @Test
    void aResultFileThatHasExpiredFailsTheJobWithoutShowingItsAddress() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().media.expired = true;
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_link", "a paper boat"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("expired").contains("404");
            assertClean(relay, failed);
        }
    }

    @Test
    void aDownloadCutShortOfItsLengthFailsTheJobAfterRetrying() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.fal().media.truncated = true;
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_cut", "a cut rope"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("cut off");
            assertThat(relay.fal().media.downloads).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theResultFileIsFetchedWithoutTheChannelsKey() {
        try (FalRelay relay = new FalRelay(dir)) {
            assertThat(relay.run(FalRelay.request("video_nokey", "a green field"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.fal().media.downloads).hasSize(1)
                    .allSatisfy(headers -> assertThat(headers.toString()).doesNotContain(FakeFal.KEY).doesNotContainIgnoringCase("authorization"));
        }
    }

    @Test
    void aWebhookBeforeFalSaysDoneIsOnlyAHintAndAForgedOneAsksNothing() {
        try (FalRelay relay = new FalRelay(dir, 1, URI.create("https://videos.example.com/"), Duration.ofMinutes(5))) {
            relay.fal().script = List.of("IN_PROGRESS");
            GenerationRequest request = FalRelay.request("video_early", "a slow sunrise");
            String handle = relay.engine.start(request);
            String webhook = relay.fal().seen(Route.CREATE).getFirst().query();
            String token = webhook.substring(webhook.lastIndexOf("%2F") + 3);

            assertThat(relay.engine.hint((token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1))).isFalse();
            assertThat(relay.fal().seen(Route.STATUS)).isEmpty();

            assertThat(relay.engine.hint(token)).isTrue();
            Waits.await("fal asked at once", Duration.ofSeconds(10), Duration.ofMillis(20)).until(() -> relay.fal().seen(Route.STATUS).size() == 1);
            assertThat(relay.engine.check(request, handle)).isInstanceOf(EngineStatus.Running.class);
            assertThat(relay.fal().seen(Route.RESULT)).as("running: no result asked for").isEmpty();

            relay.fal().finishAll();
            // a hint that lands while the relay is still busy with the previous poll changes nothing: fal repeats its webhook
            Waits.await("a later webhook heard", Duration.ofSeconds(10), Duration.ofMillis(100))
                    .until(() -> relay.engine.hint(token) && !relay.fal().seen(Route.RESULT).isEmpty());
            assertThat(Waits.engineEnd(relay.engine, request, handle, Duration.ofSeconds(15), new ArrayList<>()))
                    .isInstanceOf(EngineStatus.Done.class);
        }
    }

    private static void assertClean(FalRelay relay, EngineStatus.Failed failed) {
        assertThat(failed.message()).doesNotContain(FakeFal.KEY).doesNotContain("fal-ai/pika").doesNotContain("127.0.0.1")
                .doesNotContain("http");
        relay.fal().seen(Route.CREATE).forEach(s -> assertThat(failed.message()).doesNotContain(s.path()));
    }
}
