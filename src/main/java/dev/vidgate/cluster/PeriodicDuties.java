package dev.vidgate.cluster;

import dev.vidgate.common.LoopErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs each periodic duty on whichever node holds its {@link DutyLeases lease}: every node tries at
 * each interval, one wins and runs the duty, and if that node dies another takes over once the lease
 * (three intervals) runs out; a duty about a node's own things runs on every node. Each loop catches
 * everything, logs it with the duty's name, and never dies.
 */
public final class PeriodicDuties implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicDuties.class);

    /**
     * A named task to run every {@code every}; returns how many items it handled, for the log. A duty of
     * {@code everyNode} is about this node's own things (its local files) and runs on every node, without a lease.
     */
    public record Duty(String name, Duration every, Task task, boolean everyNode) {
        public Duty {
            Objects.requireNonNull(name, "name");
            if (every == null || every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive");
            Objects.requireNonNull(task, "task");
        }

        /** A duty that one node at a time runs. */
        public Duty(String name, Duration every, Task task) {
            this(name, every, task, false);
        }

        /** A duty that every node runs for itself. */
        public static Duty onEveryNode(String name, Duration every, Task task) {
            return new Duty(name, every, task, true);
        }
    }

    @FunctionalInterface
    public interface Task {
        int run();
    }

    private final DutyLeases leases;
    private final InstantSource clock;
    private final String node;
    private final List<Duty> duties;
    private final LoopErrors errors;
    private final List<Thread> loops = new ArrayList<>();
    /** Set by close(): the loops stop on it, since a call that catches their interrupt may clear it (H2's retry: does). */
    private volatile boolean closed;

    public PeriodicDuties(DutyLeases leases, InstantSource clock, String node, List<Duty> duties) {
        this(leases, clock, node, duties, LoopErrors.NONE);
    }

    /** As above; {@code errors} hears of each failed run, named after its duty. */
    public PeriodicDuties(DutyLeases leases, InstantSource clock, String node, List<Duty> duties, LoopErrors errors) {
        this.errors = errors;
        this.leases = leases;
        this.clock = clock;
        this.node = node;
        this.duties = List.copyOf(duties);
    }

    public synchronized void start() {
        if (!loops.isEmpty()) return;
        for (Duty duty : duties) loops.add(Thread.ofVirtual().name("duty-" + duty.name()).start(() -> loop(duty)));
    }

    /** One round of {@code duty} on this node: runs it if this node holds (or takes) its lease; false otherwise. */
    public boolean runOnceIfHeld(Duty duty) {
        if (!duty.everyNode() && !leases.tryHold(duty.name(), node, clock.instant(), duty.every().multipliedBy(3))) return false;
        int handled = duty.task().run();
        if (handled > 0) log.info("duty {}: handled {} item(s)", duty.name(), handled);
        return true;
    }

    private void loop(Duty duty) {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(duty.every());
                runOnceIfHeld(duty);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    // close() interrupted the run (a query cut short, H2's file read ended by the interrupt): the
                    // stop's doing, not a failure of the duty
                    log.info("duty {} stopped during a run ({})", duty.name(), t.toString());
                    return;
                }
                log.error("duty {} failed; it runs again in {}", duty.name(), duty.every(), t);
                errors.caught(duty.name());
            }
        }
    }

    /** Stops the loops and hands this node's duties to the others at once. */
    @Override
    public synchronized void close() {
        closed = true;
        loops.forEach(Thread::interrupt);
        loops.clear();
        for (Duty duty : duties) {
            if (duty.everyNode()) continue;
            try {
                leases.release(duty.name(), node);
            } catch (RuntimeException e) {
                // the database is away: nothing to fix here, so no stack trace
                log.warn("could not release duty {} ({}); another node takes it when its lease runs out", duty.name(), e.getMessage());
            }
        }
    }
}
