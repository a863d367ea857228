package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.vidgate.engine.relay.RelayFixture.failed;
import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating upstream jobs when the upstream misbehaves: nothing is generated twice, every end is clear. */
class RelaySubmitFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aTimeoutAfterTheUpstreamActedIsRetriedWithTheSameIdempotencyKeyAndMakesOneJob() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.CREATE, Fault.actThenHang(Duration.ofSeconds(4)));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(request("video_timeout"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.jobs()).hasSize(1);
            assertThat(upstream.seen(Route.CREATE)).hasSize(2)
                    .allMatch(s -> "video_timeout".equals(s.header("Idempotency-Key")));
        }
    }

    @Test
    void unreadableJsonOnCreateIsAskedAgainWithTheSameKey() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.CREATE, Fault.invalidJson());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(request("video_garbled"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.CREATE)).hasSize(2);
        }
    }

    @Test
    void aResetAtAnUpstreamWithoutIdempotencyIsLookedUpInItsListInsteadOfResent() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.VLLM_OMNI);
        upstream.fail(Route.CREATE, Fault.actThenReset());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(request("video_reset"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.CREATE)).hasSize(1);
            assertThat(upstream.seen(Route.LIST)).hasSize(1);
            assertThat(upstream.jobs()).hasSize(1);
        }
    }

    @Test
    void anAmbiguousFailureAtAnUpstreamThatCannotTellIsNeverSentThereAgain() {
        FakeUpstream sglang = FakeUpstream.start(Flavour.SGLANG); // its list carries no prompts: it cannot tell
        sglang.fail(Route.CREATE, Fault.actThenReset());
        try (RelayFixture relay = RelayFixture.over(dir, sglang)) {
            GenerationRequest request = request("video_unsure");
            EngineStatus.Failed first = failed(relay.run(request));
            assertThat(first.retryable()).isTrue();
            assertThat(first.code()).isEqualTo("upstream_unavailable");
            // the job is started again (a retry after requeue): the unsure channel is skipped
            EngineStatus.Failed again = failed(relay.run(request));
            assertThat(again.retryable()).isTrue();
            assertThat(sglang.seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void anAmbiguousFailureMovesTheJobToAnotherChannel() {
        FakeUpstream unsure = FakeUpstream.start(Flavour.SGLANG);
        FakeUpstream other = FakeUpstream.start(Flavour.OPENAI);
        unsure.fail(Route.CREATE, Fault.actThenHang(Duration.ofSeconds(4)));
        try (RelayFixture relay = RelayFixture.with(dir,
                java.util.List.of(unsure.channel("a").withRouting(10, 1), other.channel("b")), s -> s, unsure, other)) {
            assertThat(relay.run(request("video_moved"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(unsure.seen(Route.CREATE)).hasSize(1);
            assertThat(other.seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void aRefusalWithAReasonFailsTheJobWithTheUpstreamsMessageAndTriesNoOtherChannel() {
        FakeUpstream first = FakeUpstream.start(Flavour.OPENAI);
        FakeUpstream second = FakeUpstream.start(Flavour.OPENAI);
        first.fail(Route.CREATE, Fault.json(400, "{\"error\":{\"message\":\"Invalid parameter: size must be 720x1280 or 1280x720\","
                + "\"type\":\"invalid_request_error\",\"param\":\"size\",\"code\":\"invalid_parameter\"}}"));
        try (RelayFixture relay = RelayFixture.with(dir,
                java.util.List.of(first.channel("a").withRouting(10, 1), second.channel("b")), s -> s, first, second)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_refused")));
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.code()).isEqualTo("invalid_parameter");
            assertThat(failed.message()).isEqualTo("Invalid parameter: size must be 720x1280 or 1280x720");
            assertThat(second.seen(Route.CREATE)).isEmpty();
        }
    }

    @Test
    void htmlErrorPagesEndInAReadableRetryableFailureThatNamesNoAddress() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.failAlways(Route.CREATE, Fault.html(502));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_html")));
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("HTML page").doesNotContain("10.0.0.7").doesNotContain("http")
                    .doesNotContain("127.0.0.1").doesNotContain(FakeUpstream.KEY);
        }
    }

    @Test
    void anErrorInsideAHttp200IsAFailureNotAVideo() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.failAlways(Route.CREATE, Fault.errorIn200());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_error200")));
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.message()).contains("upstream overloaded, please retry");
        }
    }

    @Test
    void aRateLimitMovesTheJobToTheNextChannel() {
        FakeUpstream limited = FakeUpstream.start(Flavour.OPENAI);
        FakeUpstream spare = FakeUpstream.start(Flavour.OPENAI);
        limited.fail(Route.CREATE, Fault.tooManyRequests(1));
        try (RelayFixture relay = RelayFixture.with(dir,
                java.util.List.of(limited.channel("a").withRouting(10, 1), spare.channel("b")), s -> s, limited, spare)) {
            String handle = relay.engine.start(request("video_limited"));
            assertThat(handle).startsWith("b/");
            assertThat(limited.seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void anUnreachableUpstreamFailsOverAtOnce() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FakeUpstream spare = FakeUpstream.start(Flavour.OPENAI);
        ChannelSettings dead = ChannelSettings.of("dead", java.net.URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                ApiKey.of("sk-dead-0123456789"), Flavour.OPENAI).withRouting(10, 1);
        try (RelayFixture relay = RelayFixture.with(dir, java.util.List.of(dead, spare.channel("b")), s -> s, spare)) {
            assertThat(relay.run(request("video_dead"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(relay.engine.channels().getFirst().lastError()).isEqualTo("The provider refused the connection.");
        }
    }

    @Test
    void aModelNoChannelServesFailsPermanently() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        try (RelayFixture relay = RelayFixture.with(dir,
                java.util.List.of(upstream.channel("a").withModels(java.util.Map.of("sora-2-pro", "sora-2-pro"))), s -> s, upstream)) {
            EngineStatus.Failed failed = failed(relay.run(request("video_no_model")));
            assertThat(failed.code()).isEqualTo("model_unavailable");
            assertThat(failed.retryable()).isFalse();
            assertThat(upstream.seen(Route.CREATE)).isEmpty();
        }
    }
}
