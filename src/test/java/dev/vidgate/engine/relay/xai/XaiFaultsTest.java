package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFaultsContract;
import dev.vidgate.testsupport.FakeFileHost;
import dev.vidgate.testsupport.ProviderFake;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared faults on xAI's fake, with xAI's documented answers (a wrong key is its 400, spent credits its 429), and
 * xAI's own: its refusal of a request, a failed request.
 */
class XaiFaultsTest extends ProviderFaultsContract {
    private FakeXai xai;

    @Override
    protected Relay relay(Path workDir, int channels) {
        XaiRelay relay = new XaiRelay(workDir, channels);
        xai = relay.xai;
        return Relay.of(relay);
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) { return XaiRelay.request(jobId, prompt); }

    @Override
    protected String key() { return FakeXai.KEY; }

    @Override
    protected Collection<String> upstreamIds() { return xai.ids(); }

    @Override
    protected int creates() { return xai.seen(FakeXai.CREATE).size(); }

    @Override
    protected List<String> secrets() { return List.of("xai-vidgen", "console.x.ai"); }

    @Override
    protected boolean throttleReads() {
        xai.failAlways(FakeXai.RETRIEVE, FakeXai.error(429, "Too many requests", "Rate limit exceeded."));
        return true;
    }

    @Override
    protected int refuseTheKey() {
        xai.acceptedKey = "xai-another-team-key-000000";
        return 400;
    }

    @Override
    protected List<Runnable> rateLimits() {
        return List.of(() -> xai.failAlways(FakeXai.CREATE, FakeXai.error(429, "Too many requests", "Rate limit exceeded for grok-imagine-video.")));
    }

    @Override
    protected int serverErrorAtCreate() {
        xai.failAlways(FakeXai.CREATE, FakeXai.error(500, "Internal error", "Service temporarily unavailable."));
        return 500;
    }

    @Override
    protected List<Runnable> spentAccounts() {
        return List.of(() -> xai.failAlways(FakeXai.CREATE, FakeXai.error(429, "Too many requests", "Your team has either used all available "
                + "credits or reached its monthly spending limit. To continue making API requests, please purchase more credits.")));
    }

    @Override
    protected boolean serverErrorsWhilePolling() {
        xai.fail(FakeXai.RETRIEVE, FakeXai.error(500, "Internal error", "unexpected"), FakeXai.error(503, "Unavailable", "try later"));
        return true;
    }

    @Override
    protected void neverEnd() { xai.script = List.of("pending"); }

    @Override
    protected int polls() { return xai.seen(FakeXai.RETRIEVE).size(); }

    @Override
    protected List<String> stops() { return List.of(); }

    @Override
    protected String stopPath(String upstreamId) { return null; }

    @Override
    protected int expireTheResults() {
        xai.files.expired = true;
        return 403;
    }

    @Override
    protected void cutTheResultsShort() { xai.files.truncated = true; }

    @Override
    protected List<String> downloads() {
        return xai.files.seen(FakeFileHost.FILE).stream().map(ProviderFake.Seen::headers).map(Object::toString).toList();
    }

    @Override
    protected boolean withoutVideo() {
        xai.withoutUrl = true;
        return true;
    }

    @Override
    protected boolean expireTheJobs() {
        xai.script = List.of("pending", "expired");
        return true;
    }

    @Test
    void xaisRefusalOfTheRequestFailsTheJobWithItsReasonAndIsNotRetried() {
        Relay relay = relay();
        GenerationRequest tooLong = new GenerationRequest("video_long", "sora-2", XaiRelay.HD, 20, "a long pan over hills", null);
        EngineStatus.Failed failed = failure(relay, tooLong, "upstream_rejected");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("duration");
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void aFailedRequestFailsTheJobAsRetryableWithXaisMessageWithoutTheRequestId() {
        Relay relay = relay();
        xai.script = List.of("pending", "failed");
        EngineStatus.Failed failed = failure(relay, XaiRelay.request("video_failed", "a foggy pier"), "internal_error");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("Video generation failed").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }
}
