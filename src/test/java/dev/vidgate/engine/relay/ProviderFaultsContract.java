package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelProbe;
import dev.vidgate.engine.ChannelProbe.Outcome;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The faults every provider's fake plays, and the clear job state each must end in: failed with the right code and a
 * readable message that names no upstream id, address or key, waiting for a busy provider, or the next channel for a
 * spent account; never stuck. A provider's fault test says how its fake plays each fault (its documented answers) and
 * adds its own faults besides. A fault a provider's API cannot answer with is said so by the hook, and its test is
 * skipped for that provider.
 */
public abstract class ProviderFaultsContract {
    @TempDir
    protected Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** An engine over the provider's fakes, its clock, and what closes both. */
    public record Relay(RelayEngine engine, TestClock clock, AutoCloseable fixture) {
        public static Relay of(ProviderFixture<?> fixture) {
            return new Relay(fixture.engine, fixture.clock, fixture);
        }
    }

    /**
     * A relay over {@code channels} channels at fresh fakes ({@code a} first, then {@code b}: failover goes down the
     * list); the fault hooks below arrange the first fake of the relay opened last.
     */
    protected abstract Relay relay(Path workDir, int channels);

    /** A job the provider accepts as it is. */
    protected abstract GenerationRequest request(String jobId, String prompt);

    /** The channels' key. */
    protected abstract String key();

    /** The provider's ids of the jobs made so far. */
    protected abstract Collection<String> upstreamIds();

    /** How many creates the first fake saw. */
    protected abstract int creates();

    /** More text no message may show: the provider's paths, storage names, request ids. */
    protected List<String> secrets() {
        return List.of();
    }

    /** The fake takes another key than the channel's; the HTTP status it then answers. */
    protected abstract int refuseTheKey();

    /** Ways the fake answers a create with the provider's rate limit, each tried on a fresh relay. */
    protected abstract List<Runnable> rateLimits();

    /** Every create is answered with a server error; its status. */
    protected abstract int serverErrorAtCreate();

    /** Ways the fake says the account is spent (quota, credits, a lock), each on a fresh relay of two channels; none: not played. */
    protected abstract List<Runnable> spentAccounts();

    /** The next two polls are answered with server errors; false when the fake does not play it. */
    protected abstract boolean serverErrorsWhilePolling();

    /** From now on every job stays in progress. */
    protected abstract void neverEnd();

    /** How often the fake was asked for a job's state. */
    protected abstract int polls();

    /** The requests that stopped a job at the provider so far: their paths. */
    protected abstract List<String> stops();

    /** The path of the request that stops job {@code upstreamId}; {@code null} when the provider's API cannot stop one. */
    protected abstract String stopPath(String upstreamId);

    /** Result links answer as expired; the HTTP status they then answer. */
    protected abstract int expireTheResults();

    /** Result downloads end at half their announced length. */
    protected abstract void cutTheResultsShort();

    /** The headers of every result download so far. */
    protected abstract List<String> downloads();

    /** Finished jobs come without their video; false when the fake does not play it. */
    protected abstract boolean withoutVideo();

    /** The provider lets jobs expire before they end; false when the fake does not play it. */
    protected abstract boolean expireTheJobs();

    /** Results come from a store that needs no key; where a provider also serves them from its API, the store. */
    protected void resultsOnAStore() {
    }

    /** Reads ({@code GET}) of the API answer with the provider's rate limit; false when the fake does not play it. */
    protected boolean throttleReads() {
        return false;
    }

    /** The provider stops answering: its port is closed; false when the fake does not play it. */
    protected boolean takeTheProviderDown() {
        return false;
    }

    /** What a message about the provider's moderation of a prompt says. */
    protected List<String> moderationWords() {
        return List.of("moderation");
    }

    /**
     * A relay over one channel of {@code provider} at {@code fake} reached at {@code baseUrl}, which also plays the
     * gateway's image links, serving our {@code sora-2} as {@code upstreamModel}; closing it closes the fake.
     */
    protected static Relay over(Path workDir, int channels, FakeProvider fake, Provider provider, String baseUrl, String key,
                                String upstreamModel) {
        assertThat(channels).as("one channel at a FakeProvider").isEqualTo(1);
        ProviderFixture<?> fixture = ProviderFixture.over(workDir, ProviderFixture.channel(provider, baseUrl, key, Map.of("sora-2", upstreamModel)),
                fake.links(), null, s -> s.withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(500)));
        return new Relay(fixture.engine, fixture.clock, () -> {
            fixture.close();
            fake.close();
        });
    }

    /** A relay over one channel. */
    protected final Relay relay() {
        return relay(1);
    }

    protected final Relay relay(int channels) {
        Relay relay = relay(dir.resolve("r" + opened.size()), channels);
        opened.add(relay.fixture());
        return relay;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) c.close();
    }

    protected final EngineStatus run(Relay relay, GenerationRequest request) {
        return awaitEnd(relay, request, relay.engine().start(request));
    }

    protected final EngineStatus awaitEnd(Relay relay, GenerationRequest request, String handle) {
        return Waits.engineEnd(relay.engine(), request, handle, Duration.ofSeconds(60), new ArrayList<>());
    }

    /** Waits until {@code handle} reports at least {@code progress}. */
    protected final void awaitProgress(Relay relay, GenerationRequest request, String handle, int progress) {
        Waits.engineStatus(relay.engine(), request, handle, Duration.ofSeconds(30),
                status -> status instanceof EngineStatus.Running r && r.progress() >= progress);
    }

    /** Runs {@code request} to its end, asserted to be a failure with {@code code} whose message gives nothing of the provider away. */
    protected final EngineStatus.Failed failure(Relay relay, GenerationRequest request, String code) {
        return clean(run(relay, request), code);
    }

    /** Asserts {@code status} is a failure with {@code code} whose message gives nothing of the provider away. */
    protected final EngineStatus.Failed clean(EngineStatus status, String code) {
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).isNotBlank().doesNotContain(key()).doesNotContain("127.0.0.1").doesNotContain("http")
                .doesNotContain("AccessDenied");
        secrets().forEach(s -> assertThat(failed.message()).doesNotContain(s));
        upstreamIds().forEach(id -> assertThat(failed.message()).doesNotContain(id));
        return failed;
    }

    /** Starts a job that never ends upstream, lets the fake be polled twice, then moves the clock past the deadline: its end. */
    protected final EngineStatus pastTheDeadline(Relay relay, GenerationRequest request) {
        neverEnd();
        String handle = relay.engine().start(request);
        Waits.engineStatus(relay.engine(), request, handle, Duration.ofSeconds(30), s -> polls() >= 2);
        relay.clock().advance(Duration.ofHours(2));
        return Waits.engineEnd(relay.engine(), request, handle, Duration.ofSeconds(30), new ArrayList<>());
    }

    @Test
    void aKeyTheProviderDoesNotAcceptFailsTheJobNamingTheCredentialsNotTheKey() {
        Relay relay = relay();
        int status = refuseTheKey();
        EngineStatus.Failed failed = failure(relay, request("video_pf_key", "a quiet harbour"), "upstream_unavailable");
        assertThat(failed.message()).contains("credentials").contains(String.valueOf(status));
    }

    @Test
    void theProvidersRateLimitSendsTheJobBackToTheQueueInsteadOfFailingIt() {
        List<Runnable> limits = rateLimits();
        assertThat(limits).isNotEmpty();
        for (int i = 0; i < limits.size(); i++) {
            Relay relay = relay();
            limits.get(i).run();
            GenerationRequest request = request("video_pf_busy" + i, "a busy market");
            assertThat(relay.engine().check(request, relay.engine().start(request))).isInstanceOf(EngineStatus.Waiting.class);
        }
    }

    @Test
    void aServerErrorAtTheCreateFailsTheJobAsRetryableWithTheProvidersStatus() {
        Relay relay = relay();
        int status = serverErrorAtCreate();
        EngineStatus.Failed failed = failure(relay, request("video_pf_5xx", "a lighthouse"), "upstream_unavailable");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("HTTP " + status);
    }

    @Test
    void aSpentAccountTakesTheChannelOutOfTheRotationAndTheJobGoesToTheNext() {
        List<Runnable> spent = spentAccounts();
        assumeTrue(!spent.isEmpty(), "the provider's fake plays no spent account on two channels");
        for (Runnable arrange : spent) {
            Relay relay = relay(2);
            arrange.run();
            assertThat(relay.engine().start(request("video_pf_x1", "a dry well"))).startsWith("b/");
            assertThat(relay.engine().start(request("video_pf_x2", "a dry well"))).startsWith("b/");
            assertThat(creates()).as("the spent account is asked once, the next job goes to b directly").isEqualTo(1);
        }
    }

    @Test
    void serverErrorsWhilePollingAreRiddenOutAndTheJobCompletes() {
        Relay relay = relay();
        assumeTrue(serverErrorsWhilePolling(), "the provider's fake plays no poll faults");
        assertThat(run(relay, request("video_pf_flaky", "a windmill"))).isInstanceOf(EngineStatus.Done.class);
    }

    @Test
    void theProvidersModerationOfThePromptIsModerationBlockedForGoodAndNothingIsDownloaded() {
        Relay relay = relay();
        EngineStatus.Failed failed = failure(relay, request("video_pf_mod", "something forbidden here"), "moderation_blocked");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains(moderationWords()).doesNotContain("forbidden here");
        assertThat(downloads()).isEmpty();
    }

    @Test
    void aFinishedJobWithoutAVideoIsAFailureNotACompletedJob() {
        Relay relay = relay();
        assumeTrue(withoutVideo(), "the provider's fake plays no finished job without a video");
        failure(relay, request("video_pf_empty", "an empty room"), "upstream_no_result");
        assertThat(downloads()).isEmpty();
    }

    @Test
    void aJobTheProviderLetsExpireFailsAsRetryable() {
        Relay relay = relay();
        assumeTrue(expireTheJobs(), "the provider's API has no expired jobs");
        EngineStatus.Failed failed = failure(relay, request("video_pf_expired", "a slow sunrise"), "upstream_expired");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).contains("expired");
    }

    @Test
    void aJobThatNeverEndsFailsAtTheDeadlineIsStoppedWhereTheProviderCanAndNoLogNamesIt() {
        Relay relay = relay();
        try (LogCapture logs = new LogCapture()) {
            clean(pastTheDeadline(relay, request("video_pf_forever", "an endless corridor")), "upstream_timeout");
            assertThat(upstreamIds()).hasSize(1);
            String id = upstreamIds().iterator().next();
            String stop = stopPath(id);
            if (stop != null) {
                Waits.await("the job stopped at the provider", Duration.ofSeconds(15), Duration.ofMillis(20)).until(() -> !stops().isEmpty());
                assertThat(stops()).containsExactly(stop);
            }
            assertThat(logs.saw(id)).as("no log names the upstream id").isFalse();
        }
    }

    @Test
    void anExpiredResultLinkFailsTheJobReadablyWithoutShowingTheLink() {
        Relay relay = relay();
        int status = expireTheResults();
        EngineStatus.Failed failed = failure(relay, request("video_pf_link", "a paper boat"), "upstream_download_failed");
        assertThat(failed.message()).contains("expired").contains(String.valueOf(status));
    }

    @Test
    void aDownloadCutShortOfItsLengthFailsTheJobAfterRetrying() {
        Relay relay = relay();
        cutTheResultsShort();
        EngineStatus.Failed failed = failure(relay, request("video_pf_cut", "a cut rope"), "upstream_download_failed");
        assertThat(failed.message()).contains("cut off");
        assertThat(downloads()).hasSize(3);
    }

    @Test
    void theResultIsFetchedFromItsStoreWithoutTheChannelsKey() {
        Relay relay = relay();
        resultsOnAStore();
        assertThat(run(relay, request("video_pf_nokey", "a green field"))).isInstanceOf(EngineStatus.Done.class);
        assertThat(downloads()).hasSize(1)
                .allSatisfy(headers -> assertThat(headers).doesNotContain(key()).doesNotContainIgnoringCase("authorization"));
    }

    /** The operator's test of the relay's first channel; its message gives nothing of the provider away. */
    private ChannelProbe probe(Relay relay) {
        ChannelProbe probe = relay.engine().probe(relay.engine().channels().getFirst().name()).orElseThrow();
        assertThat(probe.message()).isNotBlank().doesNotContain(key()).doesNotContain("127.0.0.1").doesNotContain("http");
        secrets().forEach(s -> assertThat(probe.message()).doesNotContain(s));
        return probe;
    }

    @Test
    void aTestOfTheChannelWithAKeyTheProviderRefusesFindsItUnauthorizedAndCreatesNothing() {
        Relay relay = relay();
        int status = refuseTheKey();
        ChannelProbe probe = probe(relay);
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(probe.httpStatus()).isEqualTo(status);
        assertThat(probe.ok()).isFalse();
        assertThat(upstreamIds()).isEmpty();
        assertThat(creates()).isZero();
    }

    @Test
    void aTestOfTheChannelWhileTheProviderThrottlesFindsItRateLimited() {
        Relay relay = relay();
        assumeTrue(throttleReads(), "the provider's fake plays no rate limit on reads");
        ChannelProbe probe = probe(relay);
        assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(probe.httpStatus()).isEqualTo(429);
        assertThat(creates()).isZero();
    }

    @Test
    void aTestOfAChannelWhoseProviderIsDownAnswersUnreachableAtOnceAndLeavesItsCircuitClosed() {
        Relay relay = relay();
        assumeTrue(takeTheProviderDown(), "the provider's fake cannot be taken down");
        for (int i = 0; i < 5; i++) {
            ChannelProbe probe = probe(relay);
            assertThat(probe.outcome()).as(probe.message()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(probe.httpStatus()).isZero();
            assertThat(probe.latencyMillis()).isLessThan(2_000); // a refused connection, well within the connect timeout
        }
        ChannelStatus channel = relay.engine().channels().getFirst();
        assertThat(channel.circuit()).isEqualTo("closed");
        assertThat(channel.totalFailures()).isZero();
    }
}
