package dev.vidgate.jobs;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.storage.fs.FileSystemContentStore;
import dev.vidgate.testsupport.BilledJobs;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.ScriptedEngine;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestPacer;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vidgate.engine.EngineStatus.Running;
import static dev.vidgate.testsupport.ScriptedEngine.done;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's loop on the real job store and ledger (H2), with scripted engines and a test pacer that holds
 * the runners in their pauses when a test needs them to stay running. The claim interval is a minute, so a test
 * that passes within seconds shows the loop was woken rather than waiting for it.
 */
class DispatcherTest {
    private static final Duration LEASE = Duration.ofMinutes(3);
    private static final Duration CLAIM_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final TestPacer pacer = new TestPacer(clock);
    private final ScriptedEngine builtin = new ScriptedEngine("builtin", 2);
    private final ScriptedEngine other = new ScriptedEngine("other", 1);
    private final StallingEngine stalling = new StallingEngine();
    private final StorageHealth storage = new StorageHealth(List.of(), 0, List.of(), Duration.ofSeconds(5),
            StorageHealth.FreeSpace.OF_FILE_SYSTEM);
    private final LogCapture log = new LogCapture();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private BilledJobs db;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db = BilledJobs.onFreshH2(clock);
        var settings = new DispatcherSettings("worker-a", LEASE, CLAIM_INTERVAL, 3);
        dispatcher = new Dispatcher(db.jobs(), new EngineRegistry(Map.of("builtin", builtin, "other", other, "stalling", stalling)),
                new FileSystemContentStore(dir), clock, pacer, settings, Duration.ofHours(24), storage, metrics);
    }

    @AfterEach
    void tearDown() {
        pacer.release();
        dispatcher.close();
        log.close();
    }

    @Test
    void anEngineIsGivenNoMoreJobsAtOnceThanItsCapacityAndTheRestFollowAsRoomFreesUp() {
        pacer.hold();
        builtin.byDefault(new Running(10), done(4));
        List<Video> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) jobs.add(db.queued(db.aJob()));
        dispatcher.start();
        await("two runners in their pauses", () -> pacer.waiting() == 2);

        // A job of another engine is claimed by a later pass of the loop, which still leaves the full engine alone.
        Video elsewhere = db.queued(db.aJob().engine("other"));
        dispatcher.wake();
        await("the other engine's job started", () -> other.started().size() == 1);
        assertThat(builtin.started()).hasSize(2);
        assertThat(jobs).filteredOn(j -> db.current(j).status() == VideoStatus.QUEUED).hasSize(3);

        pacer.release();
        jobs.add(elsewhere);
        await("every job completed", () -> jobs.stream().allMatch(j -> db.current(j).status() == VideoStatus.COMPLETED));
        assertThat(builtin.started()).hasSize(5);
        assertThat(builtin.mostHeldAtOnce()).isEqualTo(2);
    }

    @Test
    void aNewJobStartsAtOnceWhenTheLoopIsWokenInsteadOfAtTheNextClaimInterval() {
        dispatcher.start();
        await("the loop waits out its claim interval", () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("dispatcher") && t.getState() == Thread.State.TIMED_WAITING));
        Video job = db.queued(db.aJob());

        dispatcher.wake();

        await("the job completed", () -> db.current(job).status() == VideoStatus.COMPLETED);
    }

    @Test
    void whileStorageCannotWriteNoJobIsClaimedAndOnceAProbeSucceedsTheJobsRunAgain() {
        storage.writeFailed("content store", new IOException("No space left on device"));
        dispatcher.start();
        Video job = db.queued(db.aJob());
        dispatcher.wake();

        Waits.await("the job stays queued", SOON, Duration.ofMillis(20)).during(Duration.ofMillis(500))
                .until(() -> db.current(job).status() == VideoStatus.QUEUED);
        assertThat(builtin.started()).isEmpty();

        storage.probeNow();
        dispatcher.wake();
        await("the job completed", () -> db.current(job).status() == VideoStatus.COMPLETED);
    }

    @Test
    void aRunThatCrashesIsLoggedWithItsJobIdItsEngineWorkCancelledAndItIsQueuedAgainWhileTheLoopGoesOn() {
        Video crashing = db.queued(db.aJob());
        Video next = db.queued(db.aJob());
        builtin.crashing(crashing.id());

        dispatcher.start();

        await("both jobs completed", () -> db.current(crashing).status() == VideoStatus.COMPLETED
                && db.current(next).status() == VideoStatus.COMPLETED);
        assertThat(log.saw("job " + crashing.id() + " crashed")).isTrue();
        assertThat(db.current(crashing).attempts()).isEqualTo(2);
        assertThat(db.current(next).attempts()).isEqualTo(1);
        // the crashed attempt's engine work is not left running: the retry starts afresh
        assertThat(builtin.cancelled()).hasSize(1);
        assertThat(metrics.caught).containsExactly("job");
        assertThat(metrics.claimed).hasSize(3);
    }

    @Test
    void aJobCancelledWhileItRunsIsStoppedAtTheNextHeartbeatAndItsEngineWorkIsCancelled() {
        pacer.hold();
        builtin.byDefault(new Running(10));
        Video job = db.queued(db.aJob());
        dispatcher.start();
        await("the runner in its pause", () -> pacer.waiting() == 1);

        db.jobs().cancel(db.current(job), clock.instant()).orElseThrow();
        clock.advance(CLAIM_INTERVAL);
        dispatcher.wake();
        await("the heartbeat noticed", () -> log.saw("job " + job.id() + " is no longer ours"));
        pacer.release();

        await("the runner stopped", () -> dispatcher.runningCount() == 0);
        assertThat(builtin.cancelled()).hasSize(1);
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.CANCELLED);
    }

    @Test
    void aStopThatCutsTheStoringOfAVideoShortLeavesTheJobToResumeInsteadOfCountingAStorageFault() {
        CountDownLatch storing = new CountDownLatch(1);
        builtin.byDefault(done(4, () -> {
            storing.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException stop) {
                // as a file channel does: closed by the interrupt, which stays set
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new ClosedByInterruptException());
            }
        }));
        Video job = db.queued(db.aJob());
        dispatcher.start();
        await("the output being stored", () -> storing.getCount() == 0);

        dispatcher.close();

        await("the runner stopped", () -> dispatcher.runningCount() == 0);
        assertThat(log.saw("job " + job.id() + " interrupted by shutdown")).isTrue();
        assertThat(storage.problem()).as("no storage fault").isEmpty();
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(db.current(job).attempts()).isEqualTo(1);
        assertThat(builtin.cancelled()).isEmpty();
        assertThat(metrics.caught).isEmpty();
    }

    @Test
    void aStopThatEndsACallWithAnErrorInsteadOfAnInterruptLeavesTheJobAndItsEngineWorkToResume() {
        Video job = db.queued(db.aJob().engine("stalling"));
        dispatcher.start();
        await("the engine checked", () -> stalling.checking.getCount() == 0);

        dispatcher.close();

        await("the runner stopped", () -> dispatcher.runningCount() == 0);
        assertThat(log.saw("job " + job.id() + " interrupted by shutdown (java.lang.IllegalStateException")).isTrue();
        assertThat(log.saw("crashed")).isFalse();
        assertThat(db.current(job).status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(db.current(job).attempts()).isEqualTo(1);
        assertThat(stalling.cancelled).as("the engine work goes on").isEmpty();
        assertThat(metrics.caught).isEmpty();
    }

    /**
     * An engine whose check waits until the thread is interrupted and then fails with an error, its interrupt cleared,
     * as a call into H2 does when an interrupt cuts its read short.
     */
    private static final class StallingEngine implements Engine {
        final CountDownLatch checking = new CountDownLatch(1);
        final List<String> cancelled = new CopyOnWriteArrayList<>();

        @Override public String name() { return "stalling"; }

        @Override public int capacity() { return 1; }

        @Override public String start(GenerationRequest request) { return "stalling-1"; }

        @Override
        public EngineStatus check(GenerationRequest request, String handle) {
            checking.countDown();
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("not interrupted");
            } catch (InterruptedException cutShort) {
                throw new IllegalStateException("Database is already closed (the read was interrupted)");
            }
        }

        @Override public void cancel(String handle) { cancelled.add(handle); }

        @Override public void release(String handle) {}
    }

    /** Remembers what the dispatcher told the metrics. */
    private static final class RecordingMetrics implements JobMetrics {
        final List<String> claimed = new CopyOnWriteArrayList<>();
        final List<String> caught = new CopyOnWriteArrayList<>();

        @Override public void claimed(Video job) { claimed.add(job.id()); }

        @Override public void caught(String loop) { caught.add(loop); }
    }

    private static void await(String what, Callable<Boolean> condition) {
        Waits.await(what, SOON, Duration.ofMillis(20)).until(condition);
    }
}
