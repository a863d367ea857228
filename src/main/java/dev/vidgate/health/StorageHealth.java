package dev.vidgate.health;

import dev.vidgate.common.ApiException;
import dev.vidgate.common.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this node can write durably: the database and the content store take writes (a failed write, or a
 * failed probe, says they do not until the next probe succeeds), and every directory the node writes to has at
 * least the watermark free. While a write fails the node claims no jobs and refuses creates with 503; below the
 * watermark it refuses creates with 507; either way it is not ready. A background loop probes every
 * {@code probeInterval}, so the node recovers by itself when space returns. See docs/operations.md.
 */
public final class StorageHealth implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);

    /** A small write to one store (the database, the content store) that fails when that store cannot write. */
    public record Probe(String store, Runnable write) {}

    /** A directory the node writes to, and what it holds (for messages: "database", "content", "data"). */
    public record WatchedDir(String holds, Path dir) {}

    /** How much space a directory's file system has left for this process. */
    @FunctionalInterface
    public interface FreeSpace {
        long usableBytes(Path dir) throws IOException;

        FreeSpace OF_FILE_SYSTEM = dir -> Files.getFileStore(existingAncestor(dir)).getUsableSpace();
    }

    private final List<WatchedDir> dirs;
    private final long minFreeBytes;
    private final List<Probe> probes;
    private final Duration probeInterval;
    private final FreeSpace freeSpace;
    private final AtomicReference<String> writeFault = new AtomicReference<>();
    private volatile Thread loop;
    private volatile boolean closed;

    public StorageHealth(List<WatchedDir> dirs, long minFreeBytes, List<Probe> probes, Duration probeInterval, FreeSpace freeSpace) {
        this.dirs = List.copyOf(dirs);
        this.minFreeBytes = minFreeBytes;
        this.probes = List.copyOf(probes);
        this.probeInterval = probeInterval;
        this.freeSpace = freeSpace;
    }

    /** Probes once now, then every probe interval on a background thread until {@link #close}. */
    public synchronized void start() {
        if (loop != null) return;
        probeNow();
        loop = Thread.ofPlatform().name("storage-probe").daemon(true).start(this::probeLoop);
    }

    private void probeLoop() {
        while (!closed) {
            try {
                Thread.sleep(probeInterval);
                probeNow();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log.error("storage probe loop error; continuing", t);
            }
        }
    }

    /** Runs every probe: all succeeding clears an earlier write failure; one failing records it. */
    public void probeNow() {
        for (Probe probe : probes) {
            try {
                probe.write().run();
            } catch (RuntimeException e) {
                // A probe cut short by shutdown says nothing about the disk.
                if (!closed) writeFailed(probe.store(), e);
                return;
            }
        }
        String was = writeFault.getAndSet(null);
        if (was != null) log.info("storage writes work again (was: {}); claiming jobs and taking creates", was);
    }

    /** A write to {@code store} failed: until a probe succeeds the node claims no jobs and refuses creates. */
    public void writeFailed(String store, Throwable cause) {
        String fault = "the " + store + " cannot write: " + Failures.rootMessage(cause);
        if (writeFault.getAndSet(fault) == null) {
            log.warn("{}; claiming no jobs and refusing creates until a probe write succeeds", fault);
        }
    }

    /** Why writes fail now, or empty. */
    public Optional<String> writeFault() {
        return Optional.ofNullable(writeFault.get());
    }

    /** The watched directories whose free space is below the watermark, described for operators. */
    public List<String> lowDisks() {
        List<String> low = new ArrayList<>();
        for (WatchedDir watched : dirs) {
            try {
                long free = freeSpace.usableBytes(watched.dir());
                if (free < minFreeBytes) {
                    low.add(watched.holds() + " directory " + watched.dir() + " has " + describe(free) + " free, below "
                            + "vidgate.storage.min-free-disk (" + describe(minFreeBytes) + ")");
                }
            } catch (IOException | RuntimeException e) {
                low.add(watched.holds() + " directory " + watched.dir() + " cannot be checked: " + Failures.rootMessage(e));
            }
        }
        return low;
    }

    /** What keeps this node from writing safely now (a failing write, or a disk below the watermark), or empty. */
    public Optional<String> problem() {
        String fault = writeFault.get();
        if (fault != null) return Optional.of(fault);
        return lowDisks().stream().findFirst();
    }

    /** False while writes fail: a job claimed now would only fail to store its outcome. */
    public boolean mayClaim() {
        return writeFault.get() == null;
    }

    /** Refuses a new job while the node cannot write (503, retry later) or is low on disk (507). */
    public void admitCreate() {
        if (writeFault.get() != null) {
            throw new ApiException(503, "server_error", "The server cannot store new videos right now; try again shortly.",
                    null, "service_unavailable", 5L);
        }
        if (!lowDisks().isEmpty()) {
            throw new ApiException(507, "server_error", "The server is low on disk space and takes no new videos for now; "
                    + "try again later.", null, "insufficient_storage", null);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (loop != null) loop.interrupt();
    }

    private static String describe(long bytes) {
        if (bytes >= 1L << 30) return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }


    /** The directory itself, or its nearest existing parent (a directory not made yet lives on its parent's disk). */
    static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }
}
