package dev.vidgate.cluster;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link DutyLeases} contract; every adapter's test extends this and supplies a fresh store. */
public abstract class DutyLeasesContract {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private DutyLeases leases;

    protected abstract DutyLeases freshLeases();

    @BeforeEach
    void setUp() {
        leases = freshLeases();
    }

    @Test
    void aFreeDutyGoesToTheFirstNodeAndOthersAreRefusedWhileItsLeaseRuns() {
        assertThat(leases.tryHold("sweep", "node-a", T0, TTL)).isTrue();
        assertThat(leases.tryHold("sweep", "node-b", T0.plusSeconds(29), TTL)).isFalse();
        assertThat(leases.tryHold("other", "node-b", T0, TTL)).isTrue();
    }

    @Test
    void theHolderRenewsAndKeepsTheDutyPastItsFirstLease() {
        leases.tryHold("sweep", "node-a", T0, TTL);
        assertThat(leases.tryHold("sweep", "node-a", T0.plusSeconds(20), TTL)).isTrue();
        assertThat(leases.tryHold("sweep", "node-b", T0.plusSeconds(40), TTL)).isFalse();
    }

    @Test
    void anotherNodeTakesTheDutyOnceTheHoldersLeaseRanOut() {
        leases.tryHold("sweep", "node-a", T0, TTL);
        assertThat(leases.tryHold("sweep", "node-b", T0.plusSeconds(31), TTL)).isTrue();
        assertThat(leases.tryHold("sweep", "node-a", T0.plusSeconds(32), TTL)).isFalse();
    }

    @Test
    void aReleasedDutyIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
        leases.tryHold("sweep", "node-a", T0, TTL);
        leases.release("sweep", "node-b");
        assertThat(leases.tryHold("sweep", "node-b", T0.plusSeconds(1), TTL)).isFalse();
        leases.release("sweep", "node-a");
        assertThat(leases.tryHold("sweep", "node-b", T0.plusSeconds(1), TTL)).isTrue();
    }

    @Test
    void nodesRacingForAFreeDutyLeaveExactlyOneHolder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String node = "node-" + i;
            Callable<Boolean> race = () -> {
                start.await();
                return leases.tryHold("race", node, T0, TTL);
            };
            results.add(pool.submit(race));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) if (result.get()) winners++;
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }
}
