package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.engine.relay.RelayFixture.failed;
import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Following upstream jobs whatever their statuses and answers look like. */
class RelayPollingFaultsTest {
    @TempDir
    Path dir;

    @Test
    void everySpellingOfWorkAndSuccessIsFollowedToTheEnd() {
        List<Integer> progress = progressThrough("pending", "processing@20", "generating@40", "postprocessing@90", "succeeded");
        assertThat(progress).isSorted().contains(40, 90);
    }

    @Test
    void aStatusThatGoesBackwardsNeverLowersProgress() {
        List<Integer> progress = progressThrough("in_progress@60", "queued@10", "in_progress@30", "in_progress@70", "completed");
        assertThat(progress).isSorted().contains(60, 70).doesNotContain(10, 30);
    }

    /** The progress a job reports while its upstream answers {@code script}; the job must end done. */
    private List<Integer> progressThrough(String... script) {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.script = List.of(script);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_scripted");
            List<Integer> progress = new ArrayList<>();
            assertThat(relay.awaitEnd(request, relay.engine.start(request), progress)).isInstanceOf(EngineStatus.Done.class);
            return progress;
        }
    }

    @Test
    void anUnknownStatusCountsAsWorkUntilItsDeadline() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.script = List.of("in_progress@10", "hatching@20");
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_hatching");
            String handle = relay.engine.start(request);
            relay.awaitProgress(request, handle, 20);
            int polls = upstream.job(upstreamId(handle)).polls;
            Waits.await("three more polls", Duration.ofSeconds(30), Waits.ENGINE_POLL)
                    .until(() -> upstream.job(upstreamId(handle)).polls >= polls + 3);
            assertThat(relay.engine.check(request, handle)).isInstanceOf(EngineStatus.Running.class);

            relay.clock.advance(Duration.ofMinutes(11));
            assertThat(relay.awaitFailure(request, handle, "upstream_status_unknown").message()).contains("'hatching'");
        }
    }

    @Test
    void aJobThatNeverFinishesFailsAtTheJobDeadlineAndIsStoppedUpstream() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.pollsToFinish = Integer.MAX_VALUE;
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_forever");
            String handle = relay.startPolled(request);
            relay.clock.advance(Duration.ofMinutes(61));
            assertThat(relay.awaitFailure(request, handle, "upstream_timeout").retryable()).isFalse();
            relay.awaitIdle();
            assertThat(upstream.seen(Route.DELETE)).hasSize(1); // OpenAI has no cancel route: the job is deleted
        }
    }

    @Test
    void timeoutsResetsServerErrorsAndGarbageWhilePollingAreRiddenOut() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.RETRIEVE, Fault.hang(Duration.ofSeconds(3)), Fault.reset(), Fault.status(500), Fault.invalidJson(),
                Fault.html(502), Fault.errorIn200(), new Fault.Slow(Duration.ofMillis(400)));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(request("video_bumpy"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.RETRIEVE).size()).isGreaterThan(7);
        }
    }

    @Test
    void aRateLimitedPollWaitsAndCarriesOn() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.fail(Route.RETRIEVE, Fault.tooManyRequests(1));
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            assertThat(relay.run(request("video_polite"))).isInstanceOf(EngineStatus.Done.class);
        }
    }

    @Test
    void anUpstreamThatForgetsTheJobEndsItAsLostAndRetryable() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.pollsToFinish = Integer.MAX_VALUE;
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_forgotten");
            String handle = relay.startPolled(request);
            upstream.jobs().clear();
            assertThat(relay.awaitFailure(request, handle, "upstream_lost").retryable()).isTrue();
        }
    }

    @Test
    void anUpstreamFailureIsReportedWithItsMessageCleanedOfAddressesAndIds() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.script = List.of("in_progress@10", "failed");
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_blocked");
            String handle = relay.engine.start(request);
            EngineStatus.Failed failed = relay.awaitFailure(request, handle, "moderation_blocked");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.message()).startsWith("The provider could not generate the video: Blocked by the safety system")
                    .doesNotContain("https://").doesNotContain(upstreamId(handle));
        }
    }

    @Test
    void statusesCancelledOrDeletedUpstreamEndTheJobAsRetryable() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.script = List.of("in_progress@10", "cancelling");
        FakeUpstream sglang = FakeUpstream.start(Flavour.SGLANG);
        sglang.script = List.of("queued", "deleted");
        try (RelayFixture relay = RelayFixture.over(dir, upstream);
             RelayFixture other = RelayFixture.over(dir.resolve("other"), sglang)) {
            assertThat(failed(relay.run(request("video_cancelled_there"))).code()).isEqualTo("upstream_cancelled");
            assertThat(failed(other.run(request("video_deleted_there"))).code()).isEqualTo("upstream_lost");
        }
    }

    @Test
    void anUpstreamThatStaysUnreachableFailsTheJobAfterTheDeadline() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.pollsToFinish = Integer.MAX_VALUE;
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = request("video_unreachable");
            String handle = relay.startPolled(request);
            upstream.failAlways(Route.RETRIEVE, Fault.status(503));
            int seen = upstream.seen(Route.RETRIEVE).size();
            Waits.await("two more polls", Duration.ofSeconds(30), Waits.ENGINE_POLL)
                    .until(() -> upstream.seen(Route.RETRIEVE).size() >= seen + 2);
            relay.clock.advance(Duration.ofMinutes(11));
            assertThat(relay.awaitFailure(request, handle, "upstream_unreachable").retryable()).isTrue();
        }
    }

    @Test
    void aHandleFromAnEarlierProcessIsFollowedAgain() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.pollsToFinish = 6;
        GenerationRequest request = request("video_restarted");
        String handle;
        try (RelayFixture before = RelayFixture.with(dir.resolve("one"), List.of(upstream.channel("a")), s -> s)) {
            handle = before.engine.start(request);
            before.awaitProgress(request, handle, 1);
        }
        // the upstream lives on; a new relay process (or another node) takes over with only the handle
        try (RelayFixture after = RelayFixture.with(dir.resolve("two"), List.of(upstream.channel("a")), s -> s, upstream)) {
            assertThat(after.awaitEnd(request, handle, new ArrayList<>())).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.CREATE)).hasSize(1);
        }
    }

    @Test
    void aHandleWhoseUpstreamJobHadAlreadyFailedIsLostSoTheJobIsStartedAgain() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        upstream.script = List.of("in_progress@10", "failed");
        GenerationRequest request = request("video_requeued");
        try (RelayFixture first = RelayFixture.with(dir.resolve("one"), List.of(upstream.channel("a")), s -> s)) {
            String handle = first.engine.start(request);
            assertThat(failed(first.awaitEnd(request, handle, new ArrayList<>())).retryable()).isFalse();
            // the job was requeued (its handle kept); another node claims it and checks the old handle
            try (RelayFixture other = RelayFixture.with(dir.resolve("two"), List.of(upstream.channel("a")), s -> s, upstream)) {
                assertThat(other.awaitEnd(request, handle, new ArrayList<>())).isInstanceOf(EngineStatus.Lost.class);
                upstream.force(upstreamId(handle), "failed");
                upstream.script = null;
                String again = other.engine.start(request);
                assertThat(again).isNotEqualTo(handle);
                assertThat(other.awaitEnd(request, again, new ArrayList<>())).isInstanceOf(EngineStatus.Done.class);
                assertThat(upstream.seen(Route.CREATE).getLast().header("Idempotency-Key")).isEqualTo("video_requeued~1");
            }
        }
    }

    static String upstreamId(String handle) {
        return handle.substring(handle.indexOf('/') + 1);
    }
}
