package dev.vidgate.cluster;

import dev.vidgate.cluster.jdbc.JdbcDutyLeases;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicDutiesTest {
    private final DutyLeases leases = new JdbcDutyLeases(new JdbcTemplate(TestDatabases.freshPostgres()));
    private final TestClock clock = new TestClock();
    private final AtomicInteger runsOnA = new AtomicInteger();
    private final AtomicInteger runsOnB = new AtomicInteger();
    private final PeriodicDuties.Duty onA = new PeriodicDuties.Duty("sweep", Duration.ofMinutes(1), runsOnA::incrementAndGet);
    private final PeriodicDuties.Duty onB = new PeriodicDuties.Duty("sweep", Duration.ofMinutes(1), runsOnB::incrementAndGet);
    private final PeriodicDuties nodeA = new PeriodicDuties(leases, clock, "node-a", List.of(onA));
    private final PeriodicDuties nodeB = new PeriodicDuties(leases, clock, "node-b", List.of(onB));

    @Test
    void onlyTheNodeHoldingADutyRunsItRoundAfterRound() {
        for (int round = 0; round < 5; round++) {
            nodeA.runOnceIfHeld(onA);
            nodeB.runOnceIfHeld(onB);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(runsOnA).hasValue(5);
        assertThat(runsOnB).hasValue(0);
    }

    @Test
    void whenTheHolderStopsRunningTheDutyAnotherNodeTakesItAfterThreeIntervals() {
        nodeA.runOnceIfHeld(onA);
        clock.advance(Duration.ofMinutes(2));
        assertThat(nodeB.runOnceIfHeld(onB)).isFalse();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(nodeB.runOnceIfHeld(onB)).isTrue();
        assertThat(runsOnB).hasValue(1);
    }

    @Test
    void aDutyAboutANodesOwnFilesRunsOnEveryNode() {
        AtomicInteger localA = new AtomicInteger();
        AtomicInteger localB = new AtomicInteger();
        var scratchA = PeriodicDuties.Duty.onEveryNode("scratch", Duration.ofMinutes(1), localA::incrementAndGet);
        var scratchB = PeriodicDuties.Duty.onEveryNode("scratch", Duration.ofMinutes(1), localB::incrementAndGet);
        for (int round = 0; round < 3; round++) {
            assertThat(nodeA.runOnceIfHeld(scratchA)).isTrue();
            assertThat(nodeB.runOnceIfHeld(scratchB)).isTrue();
        }
        assertThat(localA).hasValue(3);
        assertThat(localB).hasValue(3);
    }

    @Test
    void aNodeThatShutsDownHandsItsDutiesOverAtOnce() {
        nodeA.runOnceIfHeld(onA);
        nodeA.close();
        assertThat(nodeB.runOnceIfHeld(onB)).isTrue();
    }

    @Test
    void aRunCutShortByTheNodeStoppingIsNotCountedAsAFailedDuty() throws Exception {
        List<String> failed = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        var slow = new PeriodicDuties.Duty("reconcile", Duration.ofMillis(10), () -> {
            runner.set(Thread.currentThread());
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
                return 0;
            } catch (InterruptedException e) {
                // as a JDBC read cut short by the interrupt fails: the flag stays set
                Thread.currentThread().interrupt();
                throw new IllegalStateException("query cut short", e);
            }
        });
        var node = new PeriodicDuties(leases, clock, "node-c", List.of(slow), failed::add);
        node.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        node.close();
        runner.get().join(Duration.ofSeconds(30));
        assertThat(runner.get().isAlive()).isFalse();
        assertThat(failed).isEmpty();
    }

    @Test
    void aRunThatSwallowsTheStopsInterruptIsTheLastRunOfItsDuty() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        var swallowing = new PeriodicDuties.Duty("reconcile", Duration.ofMillis(10), () -> {
            if (runs.incrementAndGet() > 1) return 0;
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                // as H2's retry: file system does: it opens the file again, repeats the read, and clears the interrupt
            }
            return 0;
        });
        List<String> failed = new CopyOnWriteArrayList<>();
        var node = new PeriodicDuties(leases, clock, "node-e", List.of(swallowing), failed::add);
        node.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        node.close();

        Waits.await("no run after the stop", Duration.ofSeconds(30), Duration.ofMillis(10)).during(Duration.ofMillis(300))
                .until(() -> runs.get() == 1);
        assertThat(failed).isEmpty();
    }

    @Test
    void aDutyThatFailsWhileTheNodeRunsIsCountedAndRunsAgain() {
        List<String> failed = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        var failing = new PeriodicDuties.Duty("reconcile", Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("the ledger does not add up");
        });
        try (var node = new PeriodicDuties(leases, clock, "node-d", List.of(failing), failed::add)) {
            node.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() >= 2);
        }
        assertThat(failed).contains("reconcile");
    }
}
