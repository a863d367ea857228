package dev.vidgate.video;

import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running count per API key that claims order and filter keys by ({@code key_load}): it equals the key's jobs in
 * progress after every kind of move, also when one key's jobs are claimed and finished from several threads at once, and
 * the claim reading the heads in pages still finds the oldest claimable job. {@link JobStoreClaimsContract} extends it.
 */
public abstract class JobStoreKeyLoadContract extends JobStoreFixture {
    private static final Instant LATER = T0.plus(LEASE).plusSeconds(1);

    @Test
    void theRunningCountOfAKeyEqualsItsJobsInProgressAfterEveryKindOfMove() {
        List<Video> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) jobs.add(store.insert(aVideo().build(), T0));
        Video otherKeys = store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);
        assertRunning("key_a", 0);

        Video first = claim(T0);
        assertRunning("key_a", 1);
        assertThat(claim(T0).keyId()).as("the key running fewer jobs goes first").isEqualTo("key_b");
        assertRunning("key_b", 1);
        Video second = claim(T0);
        assertRunning("key_a", 2);
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).as("key_a is at its limit").isEmpty();
        store.complete(first, 4, T0, T0.plusSeconds(100)).orElseThrow();
        assertRunning("key_a", 1);
        assertThat(store.complete(first, 4, T0, T0.plusSeconds(100))).as("a lost compare-and-set moves nothing").isEmpty();
        assertRunning("key_a", 1);

        Video third = claim(T0);
        store.fail(second, new VideoError("engine_error", "broke"), T0).orElseThrow();
        assertRunning("key_a", 1);
        Video fourth = claim(T0);
        store.cancel(third, T0).orElseThrow();
        assertRunning("key_a", 1);
        store.requeue(fourth, T0).orElseThrow();
        assertRunning("key_a", 0);
        Video again = claim(T0);
        assertThat(again.id()).isEqualTo(fourth.id());
        store.postpone(again, T0, T0.plusSeconds(1000)).orElseThrow();
        assertRunning("key_a", 0);

        // a reclaim of an expired lease, and of a lease its node gave up, moves the job within IN_PROGRESS
        Video fifth = claim(T0.plusSeconds(1));
        assertRunning("key_a", 1);
        assertThat(claim(T0.plusSeconds(62)).id()).isEqualTo(fifth.id());
        assertRunning("key_a", 1);
        assertThat(store.releaseLeases("w1")).as("fifth and key_b's job").isEqualTo(2);
        assertThat(claim(T0.plusSeconds(63)).id()).isEqualTo(fifth.id());
        assertRunning("key_a", 1);

        store.cancel(store.findById(otherKeys.id()).orElseThrow(), T0);
        store.fail(store.findById(jobs.get(5).id()).orElseThrow(), new VideoError("moderation_blocked", "no"), T0).orElseThrow();
        assertThat(store.delete(store.findById(first.id()).orElseThrow())).isTrue();
        assertThat(store.delete(store.findById(third.id()).orElseThrow())).isTrue();
        assertRunning("key_a", 1);
        assertRunning("key_b", 0);
    }

    @Test
    void concurrentClaimsAndFinishesOfOneKeyLeaveItsCountExactAndNeverExceedItsLimit() throws Exception {
        int jobs = 30;
        for (int i = 0; i < jobs; i++) store.insert(aVideo().build(), T0);
        AtomicInteger overLimit = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 6; w++) {
            String worker = "w" + w;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5; i++) store.claimNext(worker, T0, LEASE, BUILTIN);
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertRunning("key_a", 2);

        // then, once those two leases ran out, every job claimed (those two reclaimed) and finished by six threads at once,
        // half of them requeued or postponed once first
        Set<String> finished = ConcurrentHashMap.newKeySet();
        Set<String> retried = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        for (int w = 0; w < 6; w++) {
            String worker = "v" + w;
            workers.submit(() -> {
                while (!stop.get()) {
                    store.claimNext(worker, LATER, LEASE, BUILTIN).ifPresent(job -> {
                        if (store.countInProgress("key_a") > 2) overLimit.incrementAndGet();
                        int kind = Math.floorMod(job.id().hashCode(), 4);
                        if (kind < 2 && retried.add(job.id())) {
                            if (kind == 0) store.requeue(job, LATER);
                            else store.postpone(job, LATER, LATER);
                        } else if (store.complete(job, 4, LATER, LATER.plusSeconds(100)).isPresent()) {
                            finished.add(job.id());
                        }
                    });
                }
                return null;
            });
        }
        try {
            Waits.await("every job finished", Duration.ofSeconds(60), Duration.ofMillis(20)).until(() -> finished.size() == jobs);
        } finally {
            stop.set(true);
            workers.shutdown();
            assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overLimit).hasValue(0);
        assertRunning("key_a", 0);
    }

    @Test
    void theOldestClaimableJobGoesFirstWhenMorePagesOfHeadsLagBehindItThanOneClaimReadsAtOnce() {
        // forty keys whose oldest job is cancelled (their heads stay behind it), one key between, then each key's next job
        List<Video> cancelled = new ArrayList<>();
        for (int k = 0; k < 40; k++) cancelled.add(store.insert(aVideo().tenant("ten_b").key("key_lag" + k).build(), T0));
        Video between = store.insert(aVideo().tenant("ten_b").key("key_between").build(), T0);
        for (int k = 0; k < 40; k++) store.insert(aVideo().tenant("ten_b").key("key_lag" + k).build(), T0);
        for (Video v : cancelled) store.cancel(v, T0);

        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).map(Video::id).contains(between.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN).orElseThrow().keyId()).isEqualTo("key_lag0");
    }

    @Test
    void aCountLeftWrongByJobsMovedBehindTheStoresBackIsRecountedAndItsKeyIsClaimedAgain() {
        Video waiting = store.insert(aVideo().build(), T0);
        Video stray = store.insert(aVideo().tenant("ten_b").key("key_b").build(), T0);
        // as a node of an older version would: key_a's count says full with nothing running, key_b's job runs uncounted
        jdbc.update("INSERT INTO key_load (key_id, running) VALUES ('key_a', 2)");
        jdbc.update("UPDATE queue_heads SET running = 2 WHERE key_id = 'key_a'");
        jdbc.update("UPDATE videos SET status = 'IN_PROGRESS', lease_owner = 'old', lease_until = ? WHERE id = ?",
                T0.plus(LEASE).toEpochMilli(), stray.id());
        assertThat(store.claimNext("w1", T0, LEASE, BUILTIN)).as("key_a passed over while its count says full").isEmpty();

        assertThat(store.recountRunning()).isEqualTo(2);
        assertRunning("key_a", 0);
        assertRunning("key_b", 1);
        assertThat(store.recountRunning()).as("nothing left to correct").isZero();
        assertThat(claim(T0).id()).isEqualTo(waiting.id());
        assertRunning("key_a", 1);
    }

    private Video claim(Instant at) {
        return store.claimNext("w1", at, LEASE, BUILTIN).orElseThrow();
    }

    /** The key's count is {@code expected}, as are its jobs in progress, and every other key's count is its own too. */
    private void assertRunning(String keyId, int expected) {
        assertThat(store.countInProgress(keyId)).isEqualTo(expected);
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("SELECT key_id, running FROM key_load WHERE running <> 0", rs -> {
            counted.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, Integer> real = new HashMap<>();
        jdbc.query("SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' GROUP BY key_id", rs -> {
            real.put(rs.getString(1), rs.getInt(2));
        });
        assertThat(counted).as("key_load").isEqualTo(real);
        jdbc.query("SELECT key_id, engine, running FROM queue_heads", rs -> {
            assertThat(rs.getInt(3)).as("the head of %s on %s", rs.getString(1), rs.getString(2)).isEqualTo(real.getOrDefault(rs.getString(1), 0));
        });
    }
}
