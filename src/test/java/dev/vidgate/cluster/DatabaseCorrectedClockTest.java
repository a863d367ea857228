package dev.vidgate.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseCorrectedClockTest {
    private static final Instant DB_T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final AtomicReference<Instant> local = new AtomicReference<>(DB_T0.plus(Duration.ofMinutes(7)));
    private final AtomicReference<Instant> database = new AtomicReference<>(DB_T0);
    private final AtomicLong ticker = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<RuntimeException> databaseDown = new AtomicReference<>();

    private final DatabaseCorrectedClock clock = new DatabaseCorrectedClock(local::get, () -> {
        reads.incrementAndGet();
        if (databaseDown.get() != null) throw databaseDown.get();
        return database.get();
    }, Duration.ofMinutes(1), ticker::get);

    private void elapse(Duration d) {
        local.updateAndGet(t -> t.plus(d));
        database.updateAndGet(t -> t.plus(d));
        ticker.addAndGet(d.toNanos());
    }

    @Test
    void aNodeWhoseClockRunsMinutesAheadReadsTheDatabasesTime() {
        assertThat(clock.instant()).isEqualTo(DB_T0);
        elapse(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(DB_T0.plusSeconds(10));
    }

    @Test
    void theDatabaseIsAskedOncePerRemeasureIntervalNotOnEveryReading() {
        for (int i = 0; i < 100; i++) clock.instant();
        assertThat(reads).hasValue(1);
        elapse(Duration.ofSeconds(61));
        clock.instant();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aLocalClockCorrectedLaterIsFollowedAtTheNextMeasurement() {
        clock.instant();
        local.set(DB_T0); // NTP fixed the node's clock
        assertThat(clock.instant()).isEqualTo(DB_T0.minus(Duration.ofMinutes(7)));
        ticker.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(clock.instant()).isEqualTo(DB_T0);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheLastOffsetIsKept() {
        clock.instant();
        databaseDown.set(new IllegalStateException("connection refused"));
        elapse(Duration.ofMinutes(2));
        assertThat(clock.instant()).isEqualTo(DB_T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void withoutAnyMeasurementAnUnreachableDatabaseIsAnError() {
        databaseDown.set(new IllegalStateException("connection refused"));
        assertThatThrownBy(clock::instant).hasMessage("connection refused");
    }

    @Test
    void aTestClockMovedForwardMovesTheCorrectedClockForward() {
        assertThat(clock.instant()).isEqualTo(DB_T0);
        local.updateAndGet(t -> t.plus(Duration.ofHours(2)));
        assertThat(clock.instant()).isEqualTo(DB_T0.plus(Duration.ofHours(2)));
    }
}
