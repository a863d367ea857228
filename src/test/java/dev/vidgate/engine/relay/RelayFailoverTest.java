package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.video.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vidgate.engine.relay.RelayFixture.read;
import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Two channels: priorities, failover, the circuit breaker, room, remix affinity, and the health report. */
class RelayFailoverTest {
    @TempDir
    Path dir;

    private FakeUpstream primary;
    private FakeUpstream secondary;

    private RelayFixture twoChannels(int primaryMaxInFlight) {
        primary = FakeUpstream.start(Flavour.OPENAI);
        secondary = FakeUpstream.start(Flavour.OPENAI);
        return RelayFixture.with(dir, List.of(
                primary.channel("primary").withRouting(10, 1).withLimits(primaryMaxInFlight, 50, 8),
                secondary.channel("secondary")), s -> s, primary, secondary);
    }

    @Test
    void theHigherPriorityChannelTakesTheWorkWhileItIsHealthy() {
        try (RelayFixture relay = twoChannels(100)) {
            for (int i = 0; i < 3; i++) assertThat(relay.engine.start(request("video_p" + i))).startsWith("primary/");
            assertThat(secondary.seen(Route.CREATE)).isEmpty();
        }
    }

    @Test
    void serverErrorsMoveJobsToTheNextChannelAndOpenTheFailingChannelsCircuitUntilATrialSucceeds() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.failAlways(Route.CREATE, Fault.status(500));
            GenerationRequest first = request("video_f1");
            Instant beforeStart = relay.clock.instant();
            String handle = relay.engine.start(first);
            Instant afterStart = relay.clock.instant();
            assertThat(handle).startsWith("secondary/");
            assertThat(relay.awaitEnd(first, handle, new ArrayList<>())).isInstanceOf(EngineStatus.Done.class);
            int triedOnPrimary = primary.seen(Route.CREATE).size();
            assertThat(triedOnPrimary).isEqualTo(3); // the same Idempotency-Key three times, then on to the next

            ChannelStatus failing = relay.engine.channels().getFirst();
            assertThat(failing.name()).isEqualTo("primary");
            assertThat(failing.circuit()).isEqualTo("open");
            // opened when the third try failed, somewhere inside start(): 30 s from then (a loaded machine may take seconds)
            assertThat(failing.openUntil()).isBetween(beforeStart.plusSeconds(30), afterStart.plusSeconds(30));
            assertThat(failing.successRate()).isLessThan(1.0);
            assertThat(failing.lastError()).isEqualTo("The provider failed (HTTP 500): fake failure 500");
            assertThat(failing.toString()).doesNotContain(FakeUpstream.KEY);

            // while open, the primary is not even asked
            assertThat(relay.engine.start(request("video_f2"))).startsWith("secondary/");
            assertThat(primary.seen(Route.CREATE)).hasSize(triedOnPrimary);

            // after the cool-down one trial goes through; it succeeds, and the circuit closes
            primary.failAlways(Route.CREATE, null);
            relay.clock.advance(Duration.ofSeconds(31));
            assertThat(relay.engine.start(request("video_f3"))).startsWith("primary/");
            assertThat(relay.engine.channels().getFirst().circuit()).isEqualTo("closed");
        }
    }

    @Test
    void aFailedTrialOpensTheCircuitForLonger() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.failAlways(Route.CREATE, Fault.status(503));
            relay.engine.start(request("video_t1"));
            relay.clock.advance(Duration.ofSeconds(31));
            assertThat(relay.engine.start(request("video_t2"))).startsWith("secondary/");
            ChannelStatus reopened = relay.engine.channels().getFirst();
            assertThat(reopened.circuit()).isEqualTo("open");
            assertThat(reopened.openUntil()).isCloseTo(relay.clock.instant().plusSeconds(60), within(2, ChronoUnit.SECONDS));
        }
    }

    @Test
    void aFullChannelPassesNewJobsToTheNext() {
        try (RelayFixture relay = twoChannels(1)) {
            primary.pollsToFinish = Integer.MAX_VALUE;
            assertThat(relay.engine.start(request("video_r1"))).startsWith("primary/");
            assertThat(relay.engine.start(request("video_r2"))).startsWith("secondary/");
            ChannelStatus full = relay.engine.channels().getFirst();
            assertThat(full.inFlight()).isEqualTo(1);
            assertThat(full.maxInFlight()).isEqualTo(1);
            assertThat(relay.engine.capacity()).isEqualTo(101);
        }
    }

    @Test
    void everyChannelFailingEndsTheJobAsRetryableWithTheLastReason() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.failAlways(Route.CREATE, Fault.status(500));
            secondary.failAlways(Route.CREATE, Fault.status(503));
            EngineStatus.Failed failed = RelayFixture.failed(relay.run(request("video_nowhere")));
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.code()).isEqualTo("upstream_unavailable");
            assertThat(failed.message()).startsWith("No upstream provider accepted the video: ");
        }
    }

    @Test
    void aChannelWhoseQuotaIsUsedUpLeavesTheRotationAndLaterJobsGoStraightToTheNext() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.failAlways(Route.CREATE, Fault.json(429,
                    "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));
            assertThat(relay.engine.start(request("video_q1"))).startsWith("secondary/");
            int askedPrimary = primary.seen(Route.CREATE).size();
            assertThat(askedPrimary).isEqualTo(1);
            assertThat(relay.engine.start(request("video_q2"))).startsWith("secondary/");
            assertThat(primary.seen(Route.CREATE)).hasSize(askedPrimary);
        }
    }

    @Test
    void aChannelWhoseJobsAcrossTheClusterReachItsMaxInFlightTakesNoMoreFromThisNodeAndWhenAllAreFullTheJobWaits() {
        Map<String, Integer> elsewhere = new java.util.concurrent.ConcurrentHashMap<>(Map.of("primary", 100, "secondary", 0));
        primary = FakeUpstream.start(Flavour.OPENAI);
        secondary = FakeUpstream.start(Flavour.OPENAI);
        RelaySettings settings = RelayFixture.fast(List.of(primary.channel("primary").withRouting(10, 1).withLimits(100, 50, 8),
                secondary.channel("secondary").withLimits(1, 50, 8)), dir.resolve("cluster"));
        try (RelayEngine engine = new RelayEngine(settings, new dev.vidgate.testsupport.TestClock(), RelayMetrics.NONE,
                new RelayServices(dev.vidgate.catalog.ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, null,
                        channel -> elsewhere.get(channel)))) {
            assertThat(engine.start(request("video_c1"))).as("the primary's account is full on other nodes").startsWith("secondary/");
            assertThat(primary.seen(Route.CREATE)).isEmpty();

            elsewhere.put("secondary", 1);
            EngineStatus status = engine.check(request("video_c2"), engine.start(request("video_c2")));
            assertThat(status).as("every channel full for submit-wait: the job goes back to the queue")
                    .isInstanceOfSatisfying(EngineStatus.Waiting.class, w -> assertThat(w.reason()).contains("most jobs in flight"));
        } finally {
            primary.close();
            secondary.close();
        }
    }

    @Test
    void whileAJobWaitsForAChannelFullOnThisNodeTheClustersJobsOnItAreNotCounted() {
        var counts = new java.util.concurrent.atomic.AtomicInteger();
        primary = FakeUpstream.start(Flavour.OPENAI);
        primary.script = List.of("in_progress@10"); // the first job holds the channel's one place
        RelaySettings settings = RelayFixture.fast(List.of(primary.channel("primary").withLimits(1, 50, 8)), dir.resolve("local"));
        try (RelayEngine engine = new RelayEngine(settings, new dev.vidgate.testsupport.TestClock(), RelayMetrics.NONE,
                new RelayServices(dev.vidgate.catalog.ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, null,
                        channel -> counts.incrementAndGet() - 1))) {
            assertThat(engine.start(request("video_l1"))).startsWith("primary/");
            assertThat(counts).hasValue(1);

            EngineStatus status = engine.check(request("video_l2"), engine.start(request("video_l2")));
            assertThat(status).as("full for submit-wait: the job goes back to the queue").isInstanceOf(EngineStatus.Waiting.class);
            assertThat(counts).as("no COUNT while this node had no room on the channel").hasValue(1);
        } finally {
            primary.close();
        }
    }

    @Test
    void aProviderAnsweringWithBackpressureSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.failAlways(Route.CREATE, Fault.status(500));
            secondary.failAlways(Route.CREATE, Fault.tooManyRequests(7));
            EngineStatus status = relay.engine.check(request("video_busy"), relay.engine.start(request("video_busy")));
            assertThat(status).isInstanceOfSatisfying(EngineStatus.Waiting.class, waiting -> {
                assertThat(waiting.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                assertThat(waiting.reason()).contains("at their limits");
            });
        }
    }

    @Test
    void aRemixGoesToTheSourcesChannelEvenWhenAnotherIsPreferred() {
        try (RelayFixture relay = twoChannels(100)) {
            primary.fail(Route.CREATE, Fault.status(500), Fault.status(500), Fault.status(500));
            GenerationRequest source = request("video_src");
            String sourceHandle = relay.engine.start(source);
            assertThat(sourceHandle).startsWith("secondary/");
            byte[] video = read(relay.awaitEnd(source, sourceHandle, new ArrayList<>()), Variant.VIDEO);
            relay.clock.advance(Duration.ofSeconds(31)); // the primary is healthy again

            GenerationRequest remix = new GenerationRequest("video_rmx", "sora-2", RelayFixture.SIZE, 1, "at night", null,
                    new GenerationRequest.RemixSource("video_src", "relay", sourceHandle, source.prompt(), () -> new ByteArrayInputStream(video)));
            assertThat(relay.engine.start(remix)).startsWith("secondary/");
            assertThat(secondary.seen(Route.REMIX)).hasSize(1);
            assertThat(primary.seen(Route.REMIX)).isEmpty();
        }
    }
}
