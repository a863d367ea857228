package dev.vidgate.engine.relay.ark;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.engine.relay.ark.FakeArk.Route;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared faults on Ark's fake, with Ark's documented answers (two rate limits; a set limit, a used-up free quota and
 * an overdue account as spent accounts), and Ark's own: its refusal of a request, an error inside a 200, a video its
 * moderation stops after it was made, its refusal to stop a running task.
 */
class ArkFaultsTest extends ProviderFaultsContract {
    private ArkRelay relay;

    @Override
    protected Relay relay(Path workDir, int channels) {
        relay = new ArkRelay(workDir, ModelCatalog.defaults("relay"), channels, ArkRelay.SEEDANCE);
        return new Relay(relay.engine, relay.clock, relay);
    }

    private FakeArk ark() { return relay.ark(); }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return ArkRelay.request(jobId, prompt); }

    @Override
    protected String key() { return FakeArk.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return ark().ids(); }

    @Override
    protected int creates() { return ark().seen(Route.CREATE).size(); }

    @Override
    protected List<String> secrets() { return List.of("cgt-", "Request id", "021765012345678", "X-Tos"); }

    @Override
    protected int refuseTheKey() {
        ark().acceptedKey = "ark-another-account-key-0000";
        return 401;
    }

    @Override
    protected List<Runnable> rateLimits() {
        return List.of(
                () -> ark().failAlways(Route.CREATE, FakeArk.error(429, "RateLimitExceeded.EndpointRPMExceeded",
                        "The request has exceeded the RPM rate limit of the endpoint.")),
                () -> ark().failAlways(Route.CREATE, FakeArk.error(429, "ServerOverloaded", "The service is overloaded.")));
    }

    @Override
    protected int serverErrorAtCreate() {
        ark().failAlways(Route.CREATE, FakeArk.error(500, "InternalServiceError", "The service encountered an unexpected internal error."));
        return 500;
    }

    @Override
    protected List<Runnable> spentAccounts() {
        return List.of(
                () -> ark().failAlways(Route.CREATE, FakeArk.error(429, "SetLimitExceeded", "Your account has reached its set inference limit for the model.")),
                () -> ark().failAlways(Route.CREATE, FakeArk.error(429, "QuotaExceeded", "The free trial quota has been used up.")),
                () -> ark().failAlways(Route.CREATE, FakeArk.error(403, "AccountOverdueError", "The account is overdue.")));
    }

    @Override
    protected boolean serverErrorsWhilePolling() {
        ark().fail(Route.RETRIEVE, FakeArk.error(500, "InternalServiceError", "unexpected"), FakeArk.error(503, "ServiceUnavailable", "unavailable"));
        return true;
    }

    @Override
    protected List<String> moderationWords() { return List.of("moderation", "sensitive"); }

    @Override
    protected void neverEnd() { ark().script = List.of("running"); }

    @Override
    protected int polls() { return ark().seen(Route.RETRIEVE).size(); }

    @Override
    protected List<String> stops() { return ark().seen(Route.DELETE).stream().map(FakeArk.Seen::path).toList(); }

    @Override
    protected String stopPath(String upstreamId) { return "/api/v3/contents/generations/tasks/" + upstreamId; }

    @Override
    protected int expireTheResults() {
        ark().tos.expired = true;
        return 403;
    }

    @Override
    protected void cutTheResultsShort() { ark().tos.truncated = true; }

    @Override
    protected List<String> downloads() { return ark().tos.downloads.stream().map(Object::toString).toList(); }

    @Override
    protected boolean withoutVideo() {
        ark().withoutVideoUrl = true;
        return true;
    }

    @Override
    protected boolean expireTheJobs() {
        ark().script = List.of("queued", "expired");
        return true;
    }

    @Test
    void arksOwnRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        Relay relay = relay();
        GenerationRequest tooLong = new GenerationRequest("video_long", "sora-2", ArkRelay.HD, 15, "a long pan over hills", null);
        EngineStatus.Failed failed = failure(relay, tooLong, "invalidparameter");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("`duration`");
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void anErrorInsideASuccessfulAnswerIsReadAsTheErrorItCarries() {
        Relay relay = relay();
        ark().failAlways(Route.CREATE, new FakeArk.Canned(200, "application/json",
                "{\"error\":{\"code\":\"InputImageSensitiveContentDetected.PrivacyInformation\",\"message\":\"The input image may contain real person.\"}}"));
        EngineStatus.Failed failed = failure(relay, request("video_200", "a portrait"), "moderation_blocked");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aVideoArksModerationStopsAfterItWasMadeFailsAsModerationBlockedForGood() {
        Relay relay = relay();
        ark().script = List.of("queued", "running", "failed");
        ark().failure = new String[] {"OutputVideoSensitiveContentDetected.PolicyViolation",
                "The request failed because the output video may be related to copyright restrictions."};
        EngineStatus.Failed failed = failure(relay, request("video_mod_out", "a famous mouse"), "moderation_blocked");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("copyright");
    }

    @Test
    void arksRefusalToStopARunningTaskAtTheDeadlineIsTakenCalmly() {
        Relay relay = relay();
        try (LogCapture logs = new LogCapture()) {
            clean(pastTheDeadline(relay, request("video_forever", "an endless corridor")), "upstream_timeout");
            Waits.await("the refusal to stop heard", Duration.ofSeconds(15), Duration.ofMillis(20))
                    .until(() -> logs.saw("cannot cancel a task that is already running"));
            assertThat(logs.saw("[id]")).isTrue();
            assertThat(logs.saw("cgt-")).isFalse();
            assertThat(ark().seen(Route.DELETE)).hasSize(1);
            assertThat(ark().statusOf(ark().task(upstreamIds().iterator().next()))).isEqualTo("running");
        }
    }
}
