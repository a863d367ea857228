package dev.vidgate.video;

import org.junit.jupiter.api.Test;

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

/**
 * The claiming part of the {@link JobStore} contract: leases, heartbeats, fairness and limits per key, delayed
 * retries, and the attempt records; {@link JobStoreKeyLoadContract} the running count per key they go by.
 * {@link JobStoreContract} adds the rest; adapters extend that one.
 */
public abstract class JobStoreClaimsContract extends JobStoreKeyLoadContract {
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
    void aPostponedClaimDoesNotCountAsAnAttemptAndLeavesNoAttemptRecord() {
        Video job = store.insert(aVideo().build(), T0);
        for (int wait = 1; wait <= 5; wait++) {
            Video claimed = store.claimNext("w1", T0.plusSeconds(10L * wait), LEASE, BUILTIN).orElseThrow();
            assertThat(claimed.attempts()).isEqualTo(1);
            Video postponed = store.postpone(claimed, T0.plusSeconds(10L * wait), T0.plusSeconds(10L * wait + 5)).orElseThrow();
            assertThat(postponed.status()).isEqualTo(VideoStatus.QUEUED);
            assertThat(postponed.attempts()).isZero();
            assertThat(store.claimNext("w1", T0.plusSeconds(10L * wait + 4), LEASE, BUILTIN)).isEmpty();
        }
        Video real = store.claimNext("w1", T0.plusSeconds(60), LEASE, BUILTIN).orElseThrow();
        assertThat(real.id()).isEqualTo(job.id());
        assertThat(store.attemptsOfKey(job.keyId())).singleElement().satisfies(a -> assertThat(a.attempt()).isEqualTo(1));
        assertThat(store.postpone(job, T0, T0)).as("a job not in progress is not postponed").isEmpty();
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

    @Test
    void aJobRequeuedBehindItsKeysLaterClaimsGoesBeforeTheKeysYoungerJobs() {
        Video first = store.insert(aVideo().build(), T0);
        Video second = store.insert(aVideo().build(), T0);
        Video third = store.insert(aVideo().build(), T0);
        Video claimed = store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow();
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(second.id());

        store.requeue(claimed, T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(first.id());
        store.cancel(store.findById(second.id()).orElseThrow(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(third.id());
    }

    @Test
    void aKeyWhoseQueuedJobsWereAllCancelledOrClaimedHasItsNextJobClaimed() {
        store.cancel(store.insert(aVideo().build(), T0), T0);
        store.cancel(store.insert(aVideo().build(), T0), T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).isEmpty();
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).as("nothing left behind to claim").isEmpty();

        Video next = store.insert(aVideo().build(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(next.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).isEmpty();
        Video after = store.insert(aVideo().build(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(after.id());
    }

    @Test
    void aKeysOldestJobGoesFirstAcrossItsEnginesAndAJobOfAFullEngineDoesNotHoldUpTheOthers() {
        Video relayed = store.insert(aVideo().engine("relay").build(), T0);
        Video rendered = store.insert(aVideo().build(), T0);
        Video relayedLater = store.insert(aVideo().engine("relay").build(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(rendered.id());
        store.requeue(store.findById(rendered.id()).orElseThrow(), T0);
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay", "builtin"))).map(Video::id).contains(relayed.id());
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay", "builtin"))).map(Video::id).contains(rendered.id());
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay", "builtin"))).as("key_a is at its limit").isEmpty();
        assertThat(store.findById(relayedLater.id()).orElseThrow().status()).isEqualTo(VideoStatus.QUEUED);
    }

    @Test
    void theOldestClaimableJobGoesFirstEvenWhenTheHeadsOfManyKeysLagBehindIt() {
        // twelve keys whose oldest job is cancelled (their heads stay behind it), one key between, then each key's next job
        List<Video> cancelled = new ArrayList<>();
        for (int k = 0; k < 12; k++) cancelled.add(store.insert(aVideo().tenant("ten_b").key("key_lag" + k).build(), T0));
        Video between = store.insert(aVideo().tenant("ten_b").key("key_between").build(), T0);
        List<Video> younger = new ArrayList<>();
        for (int k = 0; k < 12; k++) younger.add(store.insert(aVideo().tenant("ten_b").key("key_lag" + k).build(), T0));
        for (Video v : cancelled) store.cancel(v, T0);

        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(between.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(younger.getFirst().id());
    }

    @Test
    void theOldestClaimableJobOfAnyEngineGoesFirstEvenWhenMoreThanAPageOfHeadsLagBehindIt() {
        // twenty relay keys whose oldest job is cancelled (more heads than a claim reads at a time), then a builtin job
        // of another key, then each relay key's next job: the builtin job is the oldest claimable one of either engine
        List<Video> cancelled = new ArrayList<>();
        for (int k = 0; k < 20; k++) cancelled.add(store.insert(aVideo().tenant("ten_b").key("key_lag" + k).engine("relay").build(), T0));
        Video between = store.insert(aVideo().tenant("ten_b").key("key_between").build(), T0);
        List<Video> younger = new ArrayList<>();
        for (int k = 0; k < 20; k++) younger.add(store.insert(aVideo().tenant("ten_b").key("key_lag" + k).engine("relay").build(), T0));
        for (Video v : cancelled) store.cancel(v, T0);

        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay", "builtin"))).map(Video::id).contains(between.id());
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("builtin", "relay"))).map(Video::id).contains(younger.getFirst().id());
        assertThat(store.claimNext("w1", T0, LEASE, Set.of("relay"))).map(Video::id).contains(younger.get(1).id());
    }

    @Test
    void jobsCreatedWhileWorkersClaimAndFinishAreAllClaimedOnce() throws Exception {
        int jobs = 40;
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int c = 0; c < 2; c++) {
            pool.submit(() -> {
                for (int i = 0; i < jobs / 2; i++) store.insert(aVideo().build(), T0);
                return null;
            });
        }
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            pool.submit(() -> {
                while (!stop.get()) {
                    store.claimNext(worker, T0, LEASE, BUILTIN).ifPresent(job -> {
                        if (!claimed.add(job.id())) duplicates.add(job.id());
                        store.complete(job, 4, T0, T0.plusSeconds(100)); // makes room on the key
                    });
                }
                return null;
            });
        }
        try {
            dev.vidgate.testsupport.Waits.await("every job claimed", java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(20))
                    .until(() -> claimed.size() == jobs);
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(duplicates).isEmpty();
        assertThat(store.claimNext("w9", T0, LEASE, BUILTIN)).isEmpty();
    }
}
