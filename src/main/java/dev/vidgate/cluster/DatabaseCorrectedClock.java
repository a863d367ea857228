package dev.vidgate.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This node's clock moved onto the database's clock; in production it is the clock of every node.
 * Nodes compare lease ends written by other nodes: a node whose clock runs minutes ahead would
 * otherwise take jobs whose leases are still running, and one running behind would write leases
 * that are already over (and creation times would interleave wrongly). So the offset
 * between the database's time and the local clock is measured at first use and again every
 * {@code remeasureEvery} of elapsed time, and added to the local clock.
 *
 * <p>Elapsed time is measured on a monotonic ticker, not on the local clock, so a test that moves its
 * clock forward moves this clock forward too.
 */
public final class DatabaseCorrectedClock implements InstantSource {
    private static final Logger log = LoggerFactory.getLogger(DatabaseCorrectedClock.class);
    private static final Duration WARN_ABOVE = Duration.ofSeconds(5);

    private final InstantSource local;
    private final Supplier<Instant> databaseNow;
    private final LongSupplier ticker;
    private final long remeasureNanos;
    private volatile Duration offset;
    private volatile long measuredAt;

    public DatabaseCorrectedClock(InstantSource local, Supplier<Instant> databaseNow, Duration remeasureEvery) {
        this(local, databaseNow, remeasureEvery, System::nanoTime);
    }

    DatabaseCorrectedClock(InstantSource local, Supplier<Instant> databaseNow, Duration remeasureEvery, LongSupplier ticker) {
        this.local = local;
        this.databaseNow = databaseNow;
        this.ticker = ticker;
        this.remeasureNanos = remeasureEvery.toNanos();
    }

    @Override
    public Instant instant() {
        Duration current = offset;
        if (current == null || ticker.getAsLong() - measuredAt >= remeasureNanos) current = measure(current);
        return local.instant().plus(current);
    }

    private synchronized Duration measure(Duration previous) {
        if (offset != previous) return offset; // another thread measured meanwhile
        Duration measured;
        try {
            Instant before = local.instant();
            Instant db = databaseNow.get();
            Instant after = local.instant();
            Instant midpoint = before.plus(Duration.between(before, after).dividedBy(2));
            measured = Duration.between(midpoint, db);
        } catch (RuntimeException e) {
            if (previous == null) throw e;
            log.warn("cannot read the database clock; keeping the last offset of {} ms", previous.toMillis(), e);
            measuredAt = ticker.getAsLong();
            return previous;
        }
        if (measured.abs().compareTo(WARN_ABOVE) > 0 && (previous == null || !measured.equals(previous))) {
            log.warn("this node's clock differs from the database's by {} ms; leases use the database's time", measured.toMillis());
        }
        measuredAt = ticker.getAsLong();
        offset = measured;
        return measured;
    }
}
