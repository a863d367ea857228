package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.engine.relay.fal.FakeFal.Route;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared faults on fal's queue fake, with fal's documented answers (its {@code detail} bodies; an exhausted
 * balance and an admin lock as spent accounts), and fal's own: its validation error, a result still in progress, a
 * request it reports failed, a content policy refusal at the create, a video flagged NSFW, webhooks as hints.
 */
class FalFaultsTest extends ProviderFaultsContract {
    private FakeFal fal;

    @Override
    protected Relay relay(Path workDir, int channels) {
        FalRelay relay = new FalRelay(workDir, channels, null);
        fal = relay.fal();
        return Relay.of(relay);
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return FalRelay.request(jobId, prompt); }

    @Override
    protected String key() { return FakeFal.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return fal.ids(); }

    @Override
    protected int creates() { return fal.seen(Route.CREATE).size(); }

    @Override
    protected List<String> secrets() { return List.of("fal-ai/pika"); }

    @Override
    protected int refuseTheKey() {
        fal.acceptedKey = "another-account:key";
        return 401;
    }

    @Override
    protected List<Runnable> rateLimits() {
        return List.of(() -> fal.failAlways(Route.CREATE, FakeFal.detail(429, "Too many concurrent requests.")));
    }

    @Override
    protected int serverErrorAtCreate() {
        fal.failAlways(Route.CREATE, FakeFal.detail(500, "Internal server error"));
        return 500;
    }

    @Override
    protected List<Runnable> spentAccounts() {
        return List.of(
                () -> fal.failAlways(Route.CREATE, FakeFal.detail(403, "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.")),
                () -> fal.failAlways(Route.CREATE, FakeFal.detail(403, "User is locked. Reason: Admin lock. Please contact support@fal.ai")));
    }

    @Override
    protected boolean serverErrorsWhilePolling() {
        fal.fail(Route.STATUS, FakeFal.detail(502, "Bad gateway"), FakeFal.detail(503, "Service unavailable"));
        return true;
    }

    @Override
    protected List<String> moderationWords() { return List.of("flagged by a content checker"); }

    @Override
    protected void neverEnd() { fal.script = List.of("IN_QUEUE"); }

    @Override
    protected int polls() { return fal.seen(Route.STATUS).size(); }

    @Override
    protected List<String> stops() { return fal.seen(Route.CANCEL).stream().map(FakeFal.Seen::path).toList(); }

    @Override
    protected String stopPath(String upstreamId) { return "/fal-ai/pika/requests/" + upstreamId + "/cancel"; }

    @Override
    protected int expireTheResults() {
        fal.media.expired = true;
        return 404;
    }

    @Override
    protected void cutTheResultsShort() { fal.media.truncated = true; }

    @Override
    protected List<String> downloads() { return fal.media.downloads.stream().map(Object::toString).toList(); }

    @Override
    protected boolean withoutVideo() { return false; }

    @Override
    protected boolean expireTheJobs() { return false; }

    @Test
    void falsValidationErrorFailsTheJobWithItsReasonAndIsNotRetried() {
        Relay relay = relay();
        GenerationRequest sixSeconds = new GenerationRequest("video_six", "pika-2.2", FalRelay.HD, 6, "a long pan over hills", null);
        EngineStatus.Failed failed = failure(relay, sixSeconds, "literal_error");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("5 or 10");
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void aResultStillInProgressCountsAsRunningNeverAsAFailure() {
        Relay relay = relay();
        fal.script = List.of("COMPLETED");
        fal.fail(Route.RESULT, FakeFal.detail(400, "Request is still in progress"), FakeFal.detail(400, "Request is still in progress"));
        assertThat(run(relay, request("video_race", "a slow tide"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(fal.seen(Route.RESULT)).hasSize(3);
    }

    @Test
    void aRequestFalReportsFailedEndsTheJobWithItsErrorAsRetryableWithoutAskingForAResult() {
        Relay relay = relay();
        fal.script = List.of("IN_QUEUE", "FAILED");
        EngineStatus.Failed failed = failure(relay, request("video_crash", "a glass tower"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("runner crashed");
        assertThat(fal.seen(Route.RESULT)).isEmpty();
    }

    @Test
    void aContentPolicyRefusalAtCreateIsModerationBlockedToo() {
        Relay relay = relay();
        fal.failAlways(Route.CREATE, new FakeFal.Canned(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],"
                + "\"msg\":\"The content was flagged by a content checker.\",\"type\":\"content_policy_violation\"}]}"));
        assertThat(failure(relay, request("video_mod_create", "a riot"), "moderation_blocked").retryable()).isFalse();
    }

    @Test
    void aVideoFlaggedNsfwIsNotDeliveredAndFailsAsModerationBlocked() {
        Relay relay = relay();
        fal.nsfw = true;
        assertThat(failure(relay, request("video_nsfw", "a beach party"), "moderation_blocked").retryable()).isFalse();
        assertThat(downloads()).isEmpty();
    }

    @Test
    void aWebhookBeforeFalSaysDoneIsOnlyAHintAndAForgedOneAsksNothing() {
        try (FalRelay relay = new FalRelay(dir, 1, URI.create("https://videos.example.com/"), Duration.ofMinutes(5))) {
            FakeFal fal = relay.fal();
            fal.script = List.of("IN_PROGRESS");
            GenerationRequest request = FalRelay.request("video_early", "a slow sunrise");
            String handle = relay.engine.start(request);
            String webhook = fal.seen(Route.CREATE).getFirst().query();
            String token = webhook.substring(webhook.lastIndexOf("%2F") + 3);

            assertThat(relay.engine.hint((token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1))).isFalse();
            assertThat(fal.seen(Route.STATUS)).isEmpty();

            assertThat(relay.engine.hint(token)).isTrue();
            Waits.await("fal asked at once", Duration.ofSeconds(10), Duration.ofMillis(20)).until(() -> fal.seen(Route.STATUS).size() == 1);
            assertThat(relay.engine.check(request, handle)).isInstanceOf(EngineStatus.Running.class);
            assertThat(fal.seen(Route.RESULT)).as("running: no result asked for").isEmpty();

            fal.finishAll();
            // a hint that lands while the relay is still busy with the previous poll changes nothing: fal repeats its webhook
            Waits.await("a later webhook heard", Duration.ofSeconds(10), Duration.ofMillis(100))
                    .until(() -> relay.engine.hint(token) && !fal.seen(Route.RESULT).isEmpty());
            assertThat(relay.awaitEnd(request, handle)).isInstanceOf(EngineStatus.Done.class);
        }
    }
}
