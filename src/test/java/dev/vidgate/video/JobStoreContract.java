package dev.vidgate.video;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@link JobStore} contract; every adapter's test extends this and supplies a fresh database. */
public abstract class JobStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Set<String> BUILTIN = Set.of("builtin");

    protected JobStore store;
    protected JdbcTemplate jdbc;
    private final RecordingHook hook = new RecordingHook();

    /** A fresh, migrated, empty database. */
    protected abstract DataSource freshDatabase();

    protected abstract JobStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        store = storeOn(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), hook);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0), ('ten_b', 'b', 0)");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) VALUES "
                + "('key_a', 'ten_a', 'a', 'h1', 'x', 2, 0), ('key_b', 'ten_b', 'b', 'h2', 'x', 2, 0), "
                + "('key_c', 'ten_b', 'c', 'h3', 'x', 1, 0)");
    }

    @Test
    void anInsertedJobIsQueuedAndVisibleOnlyToItsTenant() {
        Video v = store.insert(aVideo().tenant("ten_a").build(), T0);
        assertThat(v.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(v.progress()).isZero();
        assertThat(store.find("ten_a", v.id())).contains(v);
        assertThat(store.find("ten_b", v.id())).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyWithinTheWindowReturnsTheFirstJob() {
        Video first = store.insert(aVideo().idempotencyKey("k-1").build(), T0.minusSeconds(10));
        Video again = store.insert(aVideo().idempotencyKey("k-1").build(), T0.minusSeconds(10));
        assertThat(again.id()).isEqualTo(first.id());
        Video otherKey = store.insert(aVideo().key("key_b").tenant("ten_b").idempotencyKey("k-1").build(), T0.minusSeconds(10));
        assertThat(otherKey.id()).isNotEqualTo(first.id());
    }

    @Test
    void anIdempotencyKeyOlderThanTheWindowMakesANewJob() {
        Video first = store.insert(aVideo().idempotencyKey("k-2").createdAt(T0.minus(Duration.ofHours(25))).build(), T0);
        Video later = store.insert(aVideo().idempotencyKey("k-2").build(), T0.minus(Duration.ofHours(24)));
        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(store.findById(first.id())).isPresent();
    }

    @Test
    void listingPagesThroughATenantsJobsInBothOrdersWithAnExclusiveCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(store.insert(aVideo().build(), T0).id());
        store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);

        assertThat(store.list("ten_a", null, 2, true)).extracting(Video::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(store.list("ten_a", ids.get(1), 10, true)).extracting(Video::id).containsExactlyElementsOf(ids.subList(2, 5));
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        assertThat(store.list("ten_a", null, 10, false)).extracting(Video::id).containsExactlyElementsOf(reversed);
        assertThat(store.list("ten_a", ids.get(2), 10, false)).extracting(Video::id).containsExactly(ids.get(1), ids.get(0));
    }

    @Test
    void claimsServeAKeyFirstInFirstOutAndNeverBeyondItsConcurrencyLimit() {
        Video first = store.insert(aVideo().build(), T0);
        Video second = store.insert(aVideo().build(), T0);
        store.insert(aVideo().build(), T0);

        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(first.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(second.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).isEmpty();
        assertThat(store.countInProgress("key_a")).isEqualTo(2);
    }

    @Test
    void claimsAreFairAcrossKeys() {
        for (int i = 0; i < 3; i++) store.insert(aVideo().build(), T0);
        Video otherKeysJob = store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);

        store.claimNext("w1", T0, LEASE, BUILTIN);
        // key_a already runs one job; key_b runs none, so its job goes next although it is younger.
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(otherKeysJob.id());
    }

    @Test
    void aClaimedJobWhoseLeaseRanOutIsClaimedAgainAndItsHeartbeatStopsWorking() {
        Video job = store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(claimed.status()).isEqualTo(VideoStatus.IN_PROGRESS);
        assertThat(store.claimNext("w2", T0.plusSeconds(30), LEASE, BUILTIN)).isEmpty();

        Video reclaimed = store.claimNext("w2", T0.plusSeconds(61), LEASE, BUILTIN).orElseThrow();
        assertThat(reclaimed.id()).isEqualTo(job.id());
        assertThat(reclaimed.attempts()).isEqualTo(2);
        assertThat(store.heartbeat("w1", List.of(job.id()), T0.plusSeconds(120))).isEmpty();
        assertThat(store.heartbeat("w2", List.of(job.id()), T0.plusSeconds(120))).containsExactly(job.id());
    }

    @Test
    void releasingANodesLeasesMakesItsJobsClaimableAtOnce() {
        store.insert(aVideo().build(), T0);
        store.claimNext("node-1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(store.releaseLeases("node-1")).isEqualTo(1);
        assertThat(store.claimNext("node-1", T0.plusSeconds(1), LEASE, BUILTIN)).isPresent();
    }

    @Test
    void progressNeverGoesDownAndOnlyTheHolderRecordsIt() {
        Video job = store.insert(aVideo().build(), T0);
        store.claimNext("w1", T0, LEASE, BUILTIN);
        assertThat(store.recordProgress(job.id(), "w1", 40, "h")).isTrue();
        assertThat(store.recordProgress(job.id(), "w1", 30, "h")).isTrue();
        assertThat(store.recordProgress(job.id(), "w2", 90, "h")).isFalse();
        Video now = store.findById(job.id()).orElseThrow();
        assertThat(now.progress()).isEqualTo(40);
        assertThat(now.engineHandle()).isEqualTo("h");
    }

    @Test
    void completionLosesToAnEarlierCancelAndFinishedJobsNeverChangeAgain() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video cancelled = store.cancel(claimed, T0).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(VideoStatus.CANCELLED);

        assertThat(store.complete(claimed, 4, T0, T0.plusSeconds(10))).isEmpty();
        assertThat(store.fail(cancelled, new VideoError("x", "y"), T0)).isEmpty();
        assertThat(store.recordProgress(claimed.id(), "w1", 50, "h")).isFalse();
        assertThat(store.findById(claimed.id()).orElseThrow().status()).isEqualTo(VideoStatus.CANCELLED);
    }

    @Test
    void aCompletedJobCarriesItsTimesAndFullProgress() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video done = store.complete(claimed, 4, T0.plusSeconds(5), T0.plusSeconds(5 + 86400)).orElseThrow();
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(done.expiresAt()).isEqualTo(T0.plusSeconds(5 + 86400));
        assertThat(done.version()).isGreaterThan(claimed.version());
    }

    @Test
    void aFailedJobKeepsItsErrorAndARequeuedJobCanBeClaimedAgain() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.recordProgress(claimed.id(), "w1", 30, "handle-of-the-failed-try");
        Video requeued = store.requeue(claimed, T0).orElseThrow();
        assertThat(requeued.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(requeued.engineHandle()).isNull();
        Video again = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video failed = store.fail(again, new VideoError("render_failed", "bad"), T0).orElseThrow();
        assertThat(failed.error()).isEqualTo(new VideoError("render_failed", "bad"));
    }

    @Test
    void aJobRequeuedWithANotBeforeTimeIsNotClaimedEarlierAndDoesNotHoldUpItsKeysOtherJobs() {
        Video delayed = store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video requeued = store.requeue(claimed, T0, T0.plusSeconds(30)).orElseThrow();
        assertThat(requeued.status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(store.claimNext("w1", T0.plusSeconds(29), LEASE, BUILTIN)).isEmpty();

        Video younger = store.insert(aVideo().build(), T0.plusSeconds(1));
        assertThat(store.claimNext("w1", T0.plusSeconds(29), LEASE, BUILTIN)).map(Video::id).contains(younger.id());
        assertThat(store.claimNext("w1", T0.plusSeconds(30), LEASE, BUILTIN)).map(Video::id).contains(delayed.id());
    }

    @Test
    void aPlainRequeueIsClaimableAtOnceEvenAfterAnEarlierDelay() {
        store.insert(aVideo().build(), T0);
        Video first = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.requeue(first, T0, T0.plusSeconds(30)).orElseThrow();
        Video second = store.claimNext("w1", T0.plusSeconds(30), LEASE, BUILTIN).orElseThrow();
        store.requeue(second, T0.plusSeconds(31)).orElseThrow();
        assertThat(store.claimNext("w1", T0.plusSeconds(31), LEASE, BUILTIN)).isPresent();
    }

    @Test
    void expiredContentIsFoundOnceAndMarked() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.complete(claimed, 4, T0, T0.plusSeconds(100));
        assertThat(store.findExpired(T0.plusSeconds(99), 10)).isEmpty();
        List<Video> due = store.findExpired(T0.plusSeconds(100), 10);
        assertThat(due).hasSize(1);
        assertThat(store.markContentExpired(due.getFirst())).isTrue();
        assertThat(store.markContentExpired(due.getFirst())).isFalse();
        assertThat(store.findExpired(T0.plusSeconds(200), 10)).isEmpty();
        assertThat(store.findById(claimed.id()).orElseThrow().contentExpired()).isTrue();
    }

    @Test
    void failedAndCancelledJobsAreFoundOnceForTheirFilesToBeDeletedWhileOtherJobsAreNot() {
        Video cancelled = store.cancel(store.insert(aVideo().withReference().build(), T0), T0).orElseThrow();
        store.insert(aVideo().withReference().build(), T0);
        Video failed = store.fail(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), new VideoError("render_failed", "bad"), T0)
                .orElseThrow();
        store.insert(aVideo().build(), T0);
        Video completed = store.complete(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow(), 4, T0, T0.plusSeconds(100))
                .orElseThrow();
        store.insert(aVideo().build(), T0);
        Video running = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video queued = store.insert(aVideo().build(), T0);

        List<Video> ended = store.findEndedUnswept(10);
        assertThat(ended).extracting(Video::id).containsExactlyInAnyOrder(cancelled.id(), failed.id());
        for (Video v : ended) assertThat(store.markContentExpired(v)).isTrue();
        assertThat(store.findEndedUnswept(10)).isEmpty();
        assertThat(store.findById(cancelled.id()).orElseThrow().status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(store.findById(failed.id()).orElseThrow().contentExpired()).isTrue();
        assertThat(store.markContentExpired(running)).isFalse();
        assertThat(store.markContentExpired(queued)).isFalse();
        assertThat(store.findById(completed.id()).orElseThrow().contentExpired()).isFalse();
        assertThat(store.findEndedUnswept(1)).isEmpty();
    }

    @Test
    void onlyFinishedJobsAreDeleted() {
        Video queued = store.insert(aVideo().build(), T0);
        assertThat(store.delete(queued)).isFalse();
        Video cancelled = store.cancel(queued, T0).orElseThrow();
        assertThat(store.delete(cancelled)).isTrue();
        assertThat(store.findById(queued.id())).isEmpty();
    }

    @Test
    void concurrentWorkersNeverClaimOneJobTwiceNorExceedAKeysLimit() throws Exception {
        for (int i = 0; i < 12; i++) store.insert(aVideo().tenant("ten_b").key("key_c").build(), T0);
        for (int i = 0; i < 12; i++) store.insert(aVideo().build(), T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 8; w++) {
            String worker = "w" + w;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5; i++) {
                    Optional<Video> v = store.claimNext(worker, T0, LEASE, BUILTIN);
                    v.ifPresent(job -> {
                        if (!claimed.add(job.id())) duplicates.add(job.id());
                    });
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(store.countInProgress("key_c")).isEqualTo(1);
        assertThat(store.countInProgress("key_a")).isEqualTo(2);
        assertThat(new HashSet<>(claimed)).hasSize(3);
    }

    @Test
    void activeJobsAreCountedPerStateEngineAndKeyAndFinishedOnesNotAtAll() {
        for (int i = 0; i < 3; i++) store.insert(aVideo().build(), T0);
        store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);
        store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        // Fair claims: key_b runs nothing yet, so its job goes second; it finishes.
        Video finished = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(finished.keyId()).isEqualTo("key_b");
        store.complete(finished, 4, T0, T0.plusSeconds(100));

        assertThat(store.countActive()).containsExactlyInAnyOrder(
                new ActiveJobs(VideoStatus.QUEUED, "builtin", "key_a", 2),
                new ActiveJobs(VideoStatus.IN_PROGRESS, "builtin", "key_a", 1));
    }

    @Test
    void aCompletedJobRecordsTheSecondsItsEngineDelivered() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(claimed.deliveredSeconds()).isZero();
        assertThat(store.complete(claimed, 3, T0, T0.plusSeconds(100)).orElseThrow().deliveredSeconds()).isEqualTo(3);
    }

    @Test
    void claimsTakeOnlyJobsOfTheEnginesThatHaveRoom() {
        Video relayed = store.insert(aVideo().engine("relay").build(), T0);
        Video rendered = store.insert(aVideo().key("key_b").tenant("ten_b").build(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, Set.of())).isEmpty();
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(rendered.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).isEmpty();
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay", "builtin"))).map(Video::id).contains(relayed.id());
    }

    @Test
    void oneHeartbeatRenewsEveryLeaseTheWorkerStillHoldsAndNamesThem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            store.insert(aVideo().key("key_" + "abc".charAt(i)).tenant(i == 0 ? "ten_a" : "ten_b").build(), T0);
            ids.add(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow().id());
        }
        store.cancel(store.findById(ids.get(1)).orElseThrow(), T0);

        Set<String> held = store.heartbeat("w1", ids, T0.plusSeconds(50).plus(LEASE));
        assertThat(held).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        // Renewed: another worker cannot take them when the first lease would have run out.
        assertThat(store.claimNext("w2", T0.plusSeconds(61), LEASE, BUILTIN)).isEmpty();
        assertThat(store.heartbeat("w2", ids, T0.plusSeconds(200))).isEmpty();
    }

    @Test
    void theHookSeesEachCreateAndEachFinishOnceAndNeverALostRace() {
        Video job = store.insert(aVideo().idempotencyKey("once").build(), T0);
        store.insert(aVideo().idempotencyKey("once").build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video done = store.complete(claimed, 4, T0, T0.plusSeconds(100)).orElseThrow();
        assertThat(store.complete(claimed, 4, T0, T0.plusSeconds(100))).isEmpty();
        assertThat(store.fail(claimed, new VideoError("x", "y"), T0)).isEmpty();

        assertThat(hook.events).containsExactly("created " + job.id(), "finished " + job.id() + " IN_PROGRESS->COMPLETED 4s");
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void aHookThatRefusesACreateLeavesNoJobBehind() {
        hook.refuseCreates = true;
        var refused = aVideo().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.insert(refused, T0)).hasMessage("refused by hook");
        assertThat(store.findById(refused.id())).isEmpty();
    }

    @Test
    void aHookThatFailsDuringAFinishLeavesTheJobAsItWas() {
        Video queued = store.insert(aVideo().build(), T0);
        hook.refuseFinishes = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.cancel(queued, T0)).hasMessage("refused by hook");
        assertThat(store.findById(queued.id()).orElseThrow()).isEqualTo(queued);
    }

    /** Records what it saw; can be told to throw, as a refusing billing hook would. */
    private final class RecordingHook implements TransitionHook {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        volatile boolean refuseCreates;
        volatile boolean refuseFinishes;

        @Override
        public void created(Video created) {
            if (refuseCreates) throw new IllegalStateException("refused by hook");
            events.add("created " + created.id());
        }

        @Override
        public void finished(Video before, Video after) {
            if (refuseFinishes) throw new IllegalStateException("refused by hook");
            events.add("finished " + after.id() + " " + before.status() + "->" + after.status() + " " + after.deliveredSeconds() + "s");
        }
    }

    @Test
    void everyClaimIsRecordedAsAnAttemptThatTheNextChangeOrReclaimCloses() {
        Video job = store.insert(aVideo().build(), T0);
        store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        Video reclaimed = store.claimNext("w2", T0.plusSeconds(61), LEASE, BUILTIN).orElseThrow();
        store.complete(reclaimed, 4, T0.plusSeconds(70), T0.plusSeconds(1000)).orElseThrow();

        assertThat(store.attemptsOfKey("key_a")).containsExactly(
                new JobAttempt(job.id(), 1, "key_a", "w1", T0, T0.plus(LEASE), "lost"),
                new JobAttempt(job.id(), 2, "key_a", "w2", T0.plusSeconds(61), T0.plusSeconds(70), "completed"));
        assertThat(store.attemptsOfKey("key_b")).isEmpty();
    }

    @Test
    void aLostAttemptEndsWhenItsLeaseRanOutEvenIfTheJobIsClaimedAgainMuchLater() {
        Video first = store.insert(aVideo().build(), T0);
        Video second = store.insert(aVideo().build(), T0);
        store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        // w1 dies; w2 takes the first job back as soon as the leases run out, the second much later
        Video firstAgain = store.claimNext("w2", T0.plusSeconds(61), LEASE, BUILTIN).orElseThrow();
        store.complete(firstAgain, 4, T0.plusSeconds(62), T0.plusSeconds(1000)).orElseThrow();
        Video secondAgain = store.claimNext("w2", T0.plusSeconds(300), LEASE, BUILTIN).orElseThrow();

        assertThat(firstAgain.id()).isEqualTo(first.id());
        assertThat(secondAgain.id()).isEqualTo(second.id());
        assertThat(store.attemptsOfKey("key_a")).filteredOn(a -> a.videoId().equals(second.id())).containsExactly(
                new JobAttempt(second.id(), 1, "key_a", "w1", T0, T0.plus(LEASE), "lost"),
                new JobAttempt(second.id(), 2, "key_a", "w2", T0.plusSeconds(300), null, null));
    }

    @Test
    void aRequeueClosesTheAttemptAndTheNextClaimOpensANewOne() {
        store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        store.requeue(claimed, T0.plusSeconds(5)).orElseThrow();
        store.claimNext("w1", T0.plusSeconds(6), LEASE, BUILTIN).orElseThrow();

        assertThat(store.attemptsOfKey("key_a")).extracting(JobAttempt::outcome).containsExactly("queued", null);
        assertThat(store.attemptsOfKey("key_a").get(1).startedAt()).isEqualTo(T0.plusSeconds(6));
    }
}
