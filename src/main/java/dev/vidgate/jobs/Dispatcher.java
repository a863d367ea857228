package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Takes jobs from the store while some engine has room on this node and runs each on a virtual
 * thread. The same loop renews, in one batch, the leases of every job this node runs, and stops the
 * jobs the store says are no longer ours (cancelled, or reclaimed after a pause). The loop catches
 * everything, logs it with the job id, and never dies; {@link #wake} lets a create start its job at
 * once instead of at the next claim interval. While {@link StorageHealth} says writes fail it claims nothing.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JobStore jobs;
    private final EngineRegistry engines;
    private final InstantSource clock;
    private final Pacer pacer;
    private final DispatcherSettings settings;
    private final StorageHealth storage;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final Map<String, Semaphore> room = new HashMap<>();
    private final Map<String, JobControl> runningJobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private Instant nextHeartbeat = Instant.MIN;
    private Thread loop;

    public Dispatcher(JobStore jobs, EngineRegistry engines, ContentStore content, InstantSource clock, Pacer pacer,
                      DispatcherSettings settings, Duration retention, StorageHealth storage, JobMetrics metrics) {
        this(jobs, engines, content, clock, pacer, settings, retention, storage, metrics, JobRunner.NO_CAST);
    }

    /** @param cast the picture of a character the tenant's prompt names ({@code (tenantId, prompt)}), for the engine */
    public Dispatcher(JobStore jobs, EngineRegistry engines, ContentStore content, InstantSource clock, Pacer pacer,
                      DispatcherSettings settings, Duration retention, StorageHealth storage, JobMetrics metrics,
                      BiFunction<String, String, Optional<byte[]>> cast) {
        this.jobs = jobs;
        this.engines = engines;
        this.clock = clock;
        this.pacer = pacer;
        this.settings = settings;
        this.storage = storage;
        this.metrics = metrics;
        this.runner = new JobRunner(jobs, content, clock, pacer, settings, retention, storage, cast);
        for (Engine engine : engines.all()) room.put(engine.name(), new Semaphore(engine.capacity()));
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        int released = jobs.releaseLeases(settings.workerId());
        if (released > 0) log.info("resuming {} job(s) this node held when it stopped", released);
        loop = Thread.ofPlatform().name("dispatcher").daemon(true).start(this::loop);
    }

    /** Asks the loop to look for work now. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many jobs this node runs right now. */
    public int runningCount() {
        return runningJobs.size();
    }

    private void loop() {
        while (running) {
            try {
                heartbeatIfDue();
                claimWhileRoom();
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                log.error("dispatcher loop error; continuing", t);
                metrics.caught("dispatcher");
                pauseQuietly(settings.claimInterval());
            }
        }
    }

    private void heartbeatIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextHeartbeat)) return;
        nextHeartbeat = now.plus(settings.claimInterval());
        if (runningJobs.isEmpty()) return;
        Set<String> ours = Set.copyOf(runningJobs.keySet());
        Set<String> held = jobs.heartbeat(settings.workerId(), ours, now.plus(settings.lease()));
        for (String id : ours) {
            JobControl control = runningJobs.get(id);
            if (!held.contains(id) && control != null && control.stop()) {
                log.info("job {} is no longer ours (cancelled or reclaimed); stopping it", id);
            }
        }
    }

    private void claimWhileRoom() {
        // While storage cannot write, a claimed job could only fail to store its outcome: leave it queued.
        while (running && storage.mayClaim()) {
            Set<String> withRoom = room.entrySet().stream()
                    .filter(e -> e.getValue().availablePermits() > 0)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
            Optional<Video> claimed = jobs.claimNext(settings.workerId(), clock.instant(), settings.lease(), withRoom);
            if (claimed.isEmpty()) return;
            Video job = claimed.get();
            metrics.claimed(job);
            // Only this loop acquires, so the permit seen above is still there.
            Semaphore permit = room.get(job.engine());
            permit.acquireUninterruptibly();
            JobControl control = new JobControl();
            runningJobs.put(job.id(), control);
            workers.submit(() -> runGuarded(job, control, permit));
        }
    }

    private void runGuarded(Video job, JobControl control, Semaphore permit) {
        try {
            Optional<Engine> engine = engines.find(job.engine());
            if (engine.isEmpty()) {
                jobs.fail(job, new VideoError("engine_unavailable", "No engine named '" + job.engine() + "' is configured."), clock.instant());
                return;
            }
            try {
                runner.run(job, engine.get(), control);
            } catch (RuntimeException | Error crash) {
                if (running) cancelEngineWork(job, engine.get());
                throw crash;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("job {} interrupted by shutdown; it resumes when a node claims it again", job.id());
        } catch (Throwable t) {
            if (!running) {
                // close() interrupted the run inside a call that failed instead of saying InterruptedException (H2 ends
                // a read cut by an interrupt with an error): the stop's doing, not the job's. Its lease stays and its
                // engine work goes on, as for any interrupted run; counting it as a crash would spend an attempt, or
                // fail the job, at every restart.
                log.info("job {} interrupted by shutdown ({}); it resumes when a node claims it again", job.id(), t.toString());
                return;
            }
            log.error("job {} crashed", job.id(), t);
            metrics.caught("job");
            recoverFromCrash(job, t);
        } finally {
            runningJobs.remove(job.id());
            permit.release();
            wake();
        }
    }

    /**
     * A crashed run's engine work is cancelled: the retry starts afresh (a requeue forgets the handle), so nothing
     * would ever stop or release it.
     */
    private void cancelEngineWork(Video job, Engine engine) {
        try {
            jobs.findById(job.id()).map(Video::engineHandle).ifPresent(engine::cancel);
        } catch (RuntimeException e) {
            log.warn("job {}: could not cancel the engine work of its crashed run: {}", job.id(), e.toString());
        }
    }

    private void recoverFromCrash(Video job, Throwable cause) {
        try {
            if (job.attempts() < settings.maxAttempts()) {
                jobs.requeue(job, clock.instant());
            } else {
                jobs.fail(job, new VideoError("internal_error", "Generation failed: " + cause.getClass().getSimpleName()), clock.instant());
            }
        } catch (Throwable t) {
            log.error("job {}: could not record the crash; its lease will expire and it will be retried", job.id(), t);
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!wakeRequested) signal.await(settings.claimInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }

    private void pauseQuietly(Duration d) {
        try {
            pacer.pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming and interrupts running jobs; their leases stay, so they resume on the next start. */
    @Override
    public synchronized void close() {
        running = false;
        if (loop != null) loop.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
