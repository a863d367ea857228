package dev.vidgate.jobs;

import dev.vidgate.billing.Movement;
import dev.vidgate.billing.MovementKind;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.VideoOptions;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.testsupport.BilledJobs;
import dev.vidgate.testsupport.NearlyFullContentStore;
import dev.vidgate.testsupport.ScriptedEngine;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestPacer;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.ProviderUsage;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.VideoStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static dev.vidgate.engine.EngineStatus.Running;
import static dev.vidgate.testsupport.ScriptedEngine.done;
import static dev.vidgate.testsupport.ScriptedEngine.doneAdjusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One claimed job driven by the real runner against a scripted engine, the real job store and ledger (H2) and the
 * real file-system store, on a test clock: every wait of the runner moves the clock, so minutes of retrying pass
 * at once.
 */
class JobRunnerTest {
    private static final Duration LEASE = Duration.ofMinutes(3);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration STORAGE_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Set<String> BUILTIN = Set.of("builtin");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final TestPacer pacer = new TestPacer(clock);
    private final ScriptedEngine engine = new ScriptedEngine("builtin", 2);
    private final StorageHealth storage = new StorageHealth(List.of(), 0, List.of(), Duration.ofSeconds(5),
            StorageHealth.FreeSpace.OF_FILE_SYSTEM);
    private BilledJobs db;
    private NearlyFullContentStore content;
    private JobRunner runner;

    @BeforeEach
    void setUp() {
        db = BilledJobs.onFreshH2(clock);
        content = NearlyFullContentStore.over(new FileSystemContentStore(dir));
        var settings = new DispatcherSettings("worker-a", LEASE, Duration.ofSeconds(2), MAX_ATTEMPTS, STORAGE_RETRY_DELAY);
        runner = new JobRunner(db.jobs(), content, clock, pacer, settings, RETENTION, storage);
    }

    @Test
    void aJobIsCheckedOnTheEnginesScheduleUntilDoneThenStoredCompletedAndChargedOnce() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), new Running(0), new Running(60), done(4));

        run(claim("worker-a"));

        Video completed = db.current(job);
        assertThat(completed.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(completed.deliveredSeconds()).isEqualTo(4);
        for (Variant v : Variant.values()) assertThat(content.size(job.storageKey(v))).as(v.name()).isPresent();
        assertThat(pacer.pauses()).as("one check interval between checks, on the test clock").containsExactly(
                engine.checkInterval(), engine.checkInterval());
        assertThat(engine.released()).hasSize(1);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.SETTLE);
    }

    @Test
    void whatTheEngineChangedOfItsOutputIsStoredWithTheJobAfterWhatTheGatewayChangedOfTheRequest() throws Exception {
        Adjustment snapped = new Adjustment("seconds", "12", "8");
        Adjustment padded = new Adjustment("output_seconds", "7.50", "8");
        Adjustment scaled = new Adjustment("output_size", "832x480", "1280x720");
        Video job = db.queued(db.aJob().seconds(8).adjustments(snapped));
        engine.script(job.id(), doneAdjusting(8, padded, scaled));

        run(claim("worker-a"));

        Video completed = db.current(job);
        assertThat(completed.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(completed.adjustments()).containsExactly(snapped, padded, scaled);
    }

    @Test
    void aTokenPricedJobKeepsTheUsageItsProviderReportedAndIsChargedForItNeverMoreThanItsHold() throws Exception {
        // 5 s at 1280x720 hold 108,000 tokens (21,600 a second) at 2,500 per 1,000: 270,000 micro-credits.
        Video fewer = db.queued(db.aJob().model("seedance-1-0-pro-250528", 1280, 720).seconds(5));
        Video more = db.queued(db.aJob().model("seedance-1-0-pro-250528", 1280, 720).seconds(5));
        Video garbled = db.queued(db.aJob().model("seedance-1-0-pro-250528", 1280, 720).seconds(5));
        engine.script(fewer.id(), done(5, new EngineOutput.Usage(100_000L, 5.042)));
        engine.script(more.id(), done(5, new EngineOutput.Usage(250_000L, null)));
        engine.script(garbled.id(), done(5, new EngineOutput.Usage(-1L, Double.NaN)));

        for (int i = 0; i < 3; i++) run(claim("worker-a"));

        assertThat(db.current(fewer).usage()).isEqualTo(new ProviderUsage(100_000L, 5.042));
        assertThat(db.closeOf(fewer)).extracting(Movement::kind, Movement::unit, Movement::quantity, Movement::charge)
                .containsExactly(MovementKind.SETTLE, PriceUnit.THOUSAND_TOKENS, 100_000L, 250_000L);
        assertThat(db.closeOf(more)).extracting(Movement::quantity, Movement::charge).as("capped at the hold").containsExactly(108_000L, 270_000L);
        assertThat(db.current(garbled).usage()).as("figures no provider could mean are dropped").isEqualTo(ProviderUsage.NONE);
        assertThat(db.closeOf(garbled)).extracting(Movement::quantity, Movement::charge).containsExactly(108_000L, 270_000L);
        assertThat(db.ledger().reconcile()).isEmpty();
    }

    @Test
    void aJobWithTheOptionalFieldsReachesItsEngineWithThemAndItsStoredLastFrameAtEveryAttempt() throws Exception {
        byte[] lastFrame = TestImages.png(1280, 720);
        Video job = db.queued(db.aJob().options(new VideoOptions("blur", 42L, true, true)));
        content.put(job.lastFrameKey(), new java.io.ByteArrayInputStream(lastFrame));
        engine.script(job.id(), new EngineStatus.Failed("upstream_busy", "The upstream is busy.", true)).script(job.id(), done(4));

        run(claim("worker-a"));
        run(claim("worker-b"));

        assertThat(engine.started()).hasSize(2).allSatisfy(request -> {
            assertThat(request.options().negativePrompt()).isEqualTo("blur");
            assertThat(request.options().seed()).isEqualTo(42L);
            assertThat(request.options().generateAudio()).isTrue();
            assertThat(request.options().lastFrame()).isEqualTo(lastFrame);
        });
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void aJobWithoutOptionalFieldsReachesItsEngineWithNone() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), done(4));
        run(claim("worker-a"));
        assertThat(engine.started().getFirst().options()).isEqualTo(GenerationRequest.Options.NONE);
    }

    @Test
    void aRetryableFailureQueuesTheJobAgainUntilItsLastAttemptWhichFailsItWithTheEnginesCodeAndMessage() throws Exception {
        Video job = db.queued(db.aJob());
        engine.byDefault(new Running(10), new EngineStatus.Failed("upstream_busy", "The upstream is busy.", true));

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            run(claim("worker-a"));
            Video requeued = db.current(job);
            assertThat(requeued.status()).as("after attempt %d", attempt).isEqualTo(VideoStatus.QUEUED);
            assertThat(requeued.attempts()).isEqualTo(attempt);
            assertThat(requeued.engineHandle()).as("the next attempt starts afresh").isNull();
        }
        run(claim("worker-a"));

        Video failed = db.current(job);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.error()).isEqualTo(new VideoError("upstream_busy", "The upstream is busy."));
        assertThat(engine.started()).hasSize(MAX_ATTEMPTS);
        assertThat(engine.released()).as("every attempt's work is freed").hasSize(MAX_ATTEMPTS);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
    }

    @Test
    void anEngineAtItsProvidersLimitSendsTheJobBackToTheQueueAsOftenAsNeededWithoutUsingUpAttempts() throws Exception {
        Video job = db.queued(db.aJob());
        EngineStatus.Waiting busy = new EngineStatus.Waiting(java.time.Duration.ofSeconds(30), "every provider is at its limit");
        for (int wait = 0; wait < MAX_ATTEMPTS + 2; wait++) {
            engine.script(job.id(), busy);
            run(claim("worker-a"));
            Video waiting = db.current(job);
            assertThat(waiting.status()).as("after wait %d", wait).isEqualTo(VideoStatus.QUEUED);
            assertThat(waiting.attempts()).isZero();
            assertThat(db.jobs().claimNext("worker-a", clock.instant(), LEASE, BUILTIN)).as("not claimable before its retry time").isEmpty();
            clock.advance(java.time.Duration.ofSeconds(30));
        }
        engine.script(job.id(), new Running(0), done(4));
        run(claim("worker-a"));
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(db.current(job).attempts()).isEqualTo(1);
        assertThat(engine.released()).hasSize(MAX_ATTEMPTS + 3);
    }

    @Test
    void aPermanentFailureFailsTheJobAtItsFirstAttempt() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), new Running(0), new EngineStatus.Failed("prompt_refused", "The prompt was refused.", false));

        run(claim("worker-a"));

        Video failed = db.current(job);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error().code()).isEqualTo("prompt_refused");
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
    }

    @Test
    void workTheEngineLostIsStartedAgainUnderANewHandle() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), new Running(20), new EngineStatus.Lost());
        engine.script(job.id(), new Running(0), done(4));

        run(claim("worker-a"));

        assertThat(engine.started()).hasSize(2);
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(db.current(job).engineHandle()).isEqualTo(engine.released().getFirst());
    }

    @Test
    void aJobReclaimedByAnotherWorkerMidRunStopsItsRunnerWhichCancelsItsEngineWorkAndStoresNothing() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), new Running(10), new Running(40), done(4));
        // This worker stalls past its lease during its first pause; another worker takes the job over.
        pacer.during(1, () -> {
            clock.advance(LEASE);
            assertThat(claim("worker-b").id()).isEqualTo(job.id());
        });

        run(claim("worker-a"));

        assertThat(engine.cancelled()).hasSize(1);
        assertThat(engine.started()).hasSize(1);
        Video current = db.current(job);
        assertThat(current.status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(db.jobs().heartbeat("worker-b", Set.of(job.id()), clock.instant().plus(LEASE))).containsExactly(job.id());
        assertThat(storedFiles()).isEmpty();
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD);
    }

    @Test
    void aJobCancelledWhileItsResultIsStoredStaysCancelledAndItsLateResultIsDeletedAndFreed() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), new Running(10), done(4, () -> cancel(job)));

        run(claim("worker-a"));

        assertThat(db.current(job).status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(storedFiles()).as("the late result is discarded").isEmpty();
        assertThat(engine.released()).hasSize(1);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
    }

    @Test
    void aCancelAfterTheCompletionChangesNothingAndTheJobIsChargedOnce() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), done(4));
        run(claim("worker-a"));

        assertThat(cancel(job)).isEmpty();

        assertThat(db.current(job).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.SETTLE);
    }

    @Test
    void whenACancelRacesTheCompletionExactlyOneWinsAndMoneyMovesOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            Video job = db.queued(db.aJob());
            var cancelled = new CompletableFuture<Optional<Video>>();
            // The cancel starts while the result is being stored, and races the runner's completion.
            engine.script(job.id(), done(4, () -> Thread.ofVirtual().start(() -> cancelled.complete(cancel(job)))));

            run(claim("worker-a"));

            Video after = db.current(job);
            if (cancelled.get().isPresent()) {
                assertThat(after.status()).isEqualTo(VideoStatus.CANCELLED);
                assertThat(db.moneyOf(after)).containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
                for (Variant v : Variant.values()) assertThat(content.size(job.storageKey(v))).isEmpty();
            } else {
                assertThat(after.status()).isEqualTo(VideoStatus.COMPLETED);
                assertThat(db.moneyOf(after)).containsExactly(MovementKind.HOLD, MovementKind.SETTLE);
                for (Variant v : Variant.values()) assertThat(content.size(job.storageKey(v))).isPresent();
            }
        }
        assertThat(db.ledger().reconcile()).isEmpty();
    }

    @Test
    void aStorageFaultWhileStoringTheOutputRequeuesAfterAGrowingDelayThenFailsAsStorageUnavailableLeavingNoFiles() throws Exception {
        Video job = db.queued(db.aJob());
        engine.byDefault(done(4));
        content.fill();

        run(claim("worker-a"));
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(storage.mayClaim()).as("the node stops claiming until a probe succeeds").isFalse();
        assertThat(storedFiles()).as("the video and thumbnail stored before the sheet failed are deleted").isEmpty();
        storage.probeNow();

        for (Duration delay : List.of(STORAGE_RETRY_DELAY, STORAGE_RETRY_DELAY.multipliedBy(2))) {
            clock.advance(delay.minusSeconds(1));
            assertThat(db.jobs().claimNext("worker-a", clock.instant(), LEASE, BUILTIN)).as("claimable %s after the fault", delay).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            run(claim("worker-a"));
            assertThat(storedFiles()).isEmpty();
        }

        Video failed = db.current(job);
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.error().code()).isEqualTo(JobRunner.STORAGE_UNAVAILABLE);
        assertThat(failed.error().message()).contains("the server's storage is failing");
        assertThat(engine.released()).hasSize(MAX_ATTEMPTS);
        assertThat(db.moneyOf(job)).as("not billed").containsExactly(MovementKind.HOLD, MovementKind.RELEASE);
    }

    @Test
    void whenBillingRefusesTheCompletionTheJobKeepsItsStateAndTheRunnerRetriesWithBackoffForAThirdOfTheLease() throws Exception {
        Video job = db.queued(db.aJob());
        engine.script(job.id(), done(4));
        db.jdbc().execute("ALTER TABLE ledger ADD CONSTRAINT no_settles_today CHECK (kind <> 'SETTLE')");
        Video claimed = claim("worker-a");

        long started = System.nanoTime();
        assertThatThrownBy(() -> run(claimed)).hasMessageContainingAll("no_settles_today");
        // the test clock is real time plus what the pacer added: on a loaded machine the writes themselves take time too
        Duration realTime = Duration.ofNanos(System.nanoTime() - started);

        Video after = db.current(job);
        assertThat(after.status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(after.version()).isEqualTo(claimed.version());
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD);
        List<Duration> backoff = pacer.pauses();
        assertThat(backoff.subList(0, 6)).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofMillis(3200), Duration.ofSeconds(5));
        assertThat(backoff.stream().reduce(Duration.ZERO, Duration::plus))
                .isBetween(LEASE.dividedBy(3).minusSeconds(5).minus(realTime), LEASE.dividedBy(3));

        // Once billing works again, the job is run again when its lease ran out, and charged once.
        db.jdbc().execute("ALTER TABLE ledger DROP CONSTRAINT no_settles_today");
        clock.advance(LEASE);
        engine.script(job.id(), done(4));
        run(claim("worker-b"));
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(db.moneyOf(job)).containsExactly(MovementKind.HOLD, MovementKind.SETTLE);
    }

    private Video claim(String worker) {
        return db.jobs().claimNext(worker, clock.instant(), LEASE, BUILTIN).orElseThrow(() -> new AssertionError("nothing to claim"));
    }

    private void run(Video claimed) throws InterruptedException {
        runner.run(claimed, engine, new JobControl());
    }

    private Optional<Video> cancel(Video job) {
        return db.jobs().cancel(db.current(job), clock.instant());
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
