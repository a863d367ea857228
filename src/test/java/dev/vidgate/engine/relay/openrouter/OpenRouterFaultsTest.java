package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.testsupport.FakeFileHost;
import dev.vidgate.testsupport.ProviderFake;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared faults on OpenRouter's fake, with OpenRouter's documented answers (402 for an account out of credits, its
 * content route for results), and OpenRouter's own: its refusal of a request, jobs failing on content grounds or not,
 * the key sent to its own content route.
 */
class OpenRouterFaultsTest extends ProviderFaultsContract {
    private FakeOpenRouter router;

    @Override
    protected Relay relay(Path workDir, int channels) {
        OpenRouterRelay relay = new OpenRouterRelay(workDir, channels, null);
        router = relay.router;
        return Relay.of(relay);
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return OpenRouterRelay.request(jobId, prompt); }

    @Override
    protected String key() { return FakeOpenRouter.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return router.ids(); }

    @Override
    protected int creates() { return router.seen(FakeOpenRouter.CREATE).size(); }

    @Override
    protected List<String> secrets() { return List.of("vgen-"); }

    @Override
    protected int refuseTheKey() {
        router.acceptedKey = "sk-or-v1-another-account-000000000000";
        return 401;
    }

    @Override
    protected List<Runnable> rateLimits() {
        return List.of(() -> router.failAlways(FakeOpenRouter.CREATE, FakeOpenRouter.error(429, "Rate limit exceeded")));
    }

    @Override
    protected int serverErrorAtCreate() {
        router.failAlways(FakeOpenRouter.CREATE, FakeOpenRouter.error(502, "Your chosen model is down"));
        return 502;
    }

    @Override
    protected List<Runnable> spentAccounts() {
        return List.of(() -> router.failAlways(FakeOpenRouter.CREATE,
                FakeOpenRouter.error(402, "Insufficient credits. Add more using https://openrouter.ai/credits")));
    }

    @Override
    protected boolean serverErrorsWhilePolling() {
        router.fail(FakeOpenRouter.RETRIEVE, FakeOpenRouter.error(500, "Internal Server Error"), FakeOpenRouter.error(503, "Service Unavailable"));
        return true;
    }

    @Override
    protected List<String> moderationWords() { return List.of("moderation", "violence"); }

    @Override
    protected void neverEnd() { router.script = List.of("in_progress"); }

    @Override
    protected int polls() { return router.seen(FakeOpenRouter.RETRIEVE).size(); }

    @Override
    protected List<String> stops() { return List.of(); }

    @Override
    protected String stopPath(String upstreamId) { return null; }

    @Override
    protected int expireTheResults() {
        router.contentGone = true;
        return 404;
    }

    @Override
    protected void cutTheResultsShort() { router.contentTruncated = true; }

    /** Downloads from OpenRouter's content route, then from the signed storage. */
    @Override
    protected List<String> downloads() {
        return Stream.concat(router.seen(FakeOpenRouter.CONTENT).stream(), router.storage.seen(FakeFileHost.FILE).stream())
                .map(ProviderFake.Seen::headers).map(Object::toString).toList();
    }

    @Override
    protected void resultsOnAStore() { router.signedOnly = true; }

    @Override
    protected boolean withoutVideo() {
        router.withoutUrls = true;
        return true;
    }

    @Override
    protected boolean expireTheJobs() {
        router.script = List.of("pending", "expired");
        return true;
    }

    @Test
    void openRoutersRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        Relay relay = relay();
        GenerationRequest odd = new GenerationRequest("video_odd", "sora-2", OpenRouterRelay.HD, 5, "a long pan over hills", null);
        EngineStatus.Failed failed = failure(relay, odd, "400"); // OpenRouter's numeric error.code, passed on as it is
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("duration");
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void aJobThatFailsOnContentGroundsIsModerationBlockedAndOtherFailuresAreRetryable() {
        Relay relay = relay();
        router.script = List.of("pending", "failed");
        router.failure = "The output video was blocked by the provider's content policy.";
        assertThat(failure(relay, request("video_mod_out", "a famous mouse"), "moderation_blocked").retryable()).isFalse();
        router.failure = "The provider failed to generate the video.";
        EngineStatus.Failed failed = failure(relay, request("video_failed", "a lake"), "upstream_failed");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("failed to generate");
    }

    @Test
    void theContentRouteGetsTheChannelsKey() {
        Relay relay = relay();
        assertThat(run(relay, request("video_proxy", "a green field"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(router.seen(FakeOpenRouter.CONTENT)).singleElement()
                .satisfies(s -> assertThat(s.headers().get("Authorization")).containsExactly("Bearer " + FakeOpenRouter.KEY));
    }
}
