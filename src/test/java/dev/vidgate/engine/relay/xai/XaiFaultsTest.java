package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.FakeFileHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault xAI can answer with ends the job in a clear state: failed with a readable message and the right code,
 * or waiting for a busy provider, never stuck; no message repeats the request id, a URL or the key.
 */
class XaiFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aKeyXaiCallsIncorrectFailsTheJobAsTheChannelsCredentialsWithoutTheKey() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.acceptedKey = "xai-another-team-key-000000";
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_auth", "a quiet harbour"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.message()).contains("credentials");
            assertClean(relay, failed);
        }
    }

    @Test
    void aTestOfTheChannelReadsXaisIncorrectKey400AsUnauthorizedAndItsRateLimitAsRateLimited() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.acceptedKey = "xai-another-team-key-000000";
            ChannelProbe wrongKey = relay.engine.probe("a").orElseThrow();
            assertThat(wrongKey.outcome()).as(wrongKey.message()).isEqualTo(ChannelProbe.Outcome.UNAUTHORIZED);
            assertThat(wrongKey.message()).doesNotContain(FakeXai.KEY, "console.x.ai");

            relay.xai.acceptedKey = FakeXai.KEY;
            relay.xai.failAlways(FakeXai.RETRIEVE, FakeXai.error(429, "Too many requests", "Rate limit exceeded."));
            ChannelProbe limited = relay.engine.probe("a").orElseThrow();
            assertThat(limited.outcome()).as(limited.message()).isEqualTo(ChannelProbe.Outcome.RATE_LIMITED);
            assertThat(relay.xai.seen(FakeXai.CREATE)).isEmpty();
        }
    }

    @Test
    void xaisRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            GenerationRequest tooLong = new GenerationRequest("video_long", "sora-2", XaiRelay.HD, 20, "a long pan over hills", null);
            EngineStatus.Failed failed = relay.failure(tooLong);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("duration");
            assertThat(relay.xai.seen(FakeXai.CREATE)).hasSize(1);
        }
    }

    @Test
    void aRateLimitSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.failAlways(FakeXai.CREATE, FakeXai.error(429, "Too many requests", "Rate limit exceeded for grok-imagine-video."));
            GenerationRequest request = XaiRelay.request("video_busy", "a busy market");
            assertThat(relay.engine.check(request, relay.engine.start(request))).isInstanceOf(EngineStatus.Waiting.class);
        }
    }

    @Test
    void aTeamOutOfCreditsTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNext() {
        try (XaiRelay relay = new XaiRelay(dir, 2)) {
            relay.xai.failAlways(FakeXai.CREATE, FakeXai.error(429, "Too many requests", "Your team has either used all available "
                    + "credits or reached its monthly spending limit. To continue making API requests, please purchase more credits."));
            assertThat(relay.engine.start(XaiRelay.request("video_x1", "a dry well"))).startsWith("b/");
            assertThat(relay.engine.start(XaiRelay.request("video_x2", "a dry well"))).startsWith("b/");
            assertThat(relay.xai.seen(FakeXai.CREATE)).hasSize(1);
        }
    }

    @Test
    void aServerErrorAtCreateFailsTheJobAsRetryable() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.failAlways(FakeXai.CREATE, FakeXai.error(500, "Internal error", "Service temporarily unavailable."));
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_500", "a lighthouse"));
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("HTTP 500");
            assertClean(relay, failed);
        }
    }

    @Test
    void aServerErrorWhilePollingIsRiddenOutAndTheJobCompletes() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.fail(FakeXai.RETRIEVE, FakeXai.error(500, "Internal error", "unexpected"), FakeXai.error(503, "Unavailable", "try later"));
            assertThat(relay.run(XaiRelay.request("video_flaky", "a windmill"))).isInstanceOf(EngineStatus.Done.class);
        }
    }

    @Test
    void aVideoXaisModerationFlagsFailsAsModerationBlockedForGoodAndIsNotDownloaded() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_mod", "something forbidden"));
            assertThat(failed.code()).isEqualTo("moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).contains("moderation");
            assertThat(relay.xai.files.seen(FakeFileHost.FILE)).isEmpty();
        }
    }

    @Test
    void aDoneRequestWithoutAVideoIsAFailureNotACompletedJob() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.withoutUrl = true;
            assertThat(relay.failure(XaiRelay.request("video_empty", "an empty room")).code()).isEqualTo("upstream_no_result");
        }
    }

    @Test
    void aRequestXaiLetsExpireFailsTheJobAsRetryable() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.script = List.of("pending", "expired");
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_expired", "a slow sunrise"));
            assertThat(failed.code()).isEqualTo("upstream_expired");
            assertThat(failed.retryable()).isTrue();
        }
    }

    @Test
    void aFailedRequestFailsTheJobAsRetryableWithXaisMessageWithoutTheRequestId() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.script = List.of("pending", "failed");
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_failed", "a foggy pier"));
            assertThat(failed.code()).isEqualTo("internal_error");
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("Video generation failed").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        }
    }

    @Test
    void aRequestThatNeverEndsFailsAtTheDeadline() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.script = List.of("pending");
            GenerationRequest request = XaiRelay.request("video_forever", "an endless corridor");
            EngineStatus status = relay.pastTheDeadline(request, () -> relay.xai.seen(FakeXai.RETRIEVE).size());
            assertThat(status).isInstanceOfSatisfying(EngineStatus.Failed.class, f -> assertThat(f.code()).isEqualTo("upstream_timeout"));
        }
    }

    @Test
    void aResultLinkThatHasExpiredFailsTheJobWithoutShowingTheLink() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.files.expired = true;
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_link", "a paper boat"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("expired").contains("403").doesNotContain("AccessDenied");
            assertClean(relay, failed);
        }
    }

    @Test
    void aDownloadCutShortOfItsLengthFailsTheJobAfterRetrying() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            relay.xai.files.truncated = true;
            EngineStatus.Failed failed = relay.failure(XaiRelay.request("video_cut", "a cut rope"));
            assertThat(failed.code()).isEqualTo("upstream_download_failed");
            assertThat(failed.message()).contains("cut off");
            assertThat(relay.xai.files.seen(FakeFileHost.FILE)).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theResultIsFetchedWithoutTheChannelsKey() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            assertThat(relay.run(XaiRelay.request("video_nokey", "a green field"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.xai.files.seen(FakeFileHost.FILE)).hasSize(1)
                    .allSatisfy(s -> assertThat(s.headers().toString()).doesNotContain(FakeXai.KEY).doesNotContainIgnoringCase("authorization"));
        }
    }

    private static void assertClean(XaiRelay relay, EngineStatus.Failed failed) {
        assertThat(failed.message()).doesNotContain(FakeXai.KEY).doesNotContain("127.0.0.1").doesNotContain("http")
                .doesNotContain("xai-vidgen");
    }
}
