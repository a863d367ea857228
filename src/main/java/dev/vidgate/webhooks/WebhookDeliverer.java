package dev.vidgate.webhooks;

import dev.vidgate.jobs.Pacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Delivers due webhooks from the outbox, on any node: claims them with a lease, posts each on a virtual thread (at most
 * {@link WebhookSettings#concurrency()} at once), and records the outcome: a 2xx delivers; anything else is retried
 * ({@link Backoff}) until {@link WebhookSettings#retryFor()} after the event, then fails; an endpoint that has failed
 * for {@link WebhookSettings#disableAfter()} is disabled. The loop catches everything, logs it with the delivery id,
 * and never dies; its waits go through a {@link Pacer} (a {@link Doorbell} in production), and {@link #wake} ends its idle
 * pause through the signal it was given with it.
 */
public final class WebhookDeliverer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final String LOOP = "webhook-delivery";
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(10);
    /** How often the loop forgets rotated-out secrets whose overlap has ended (they stopped signing then already). */
    static final Duration SECRET_SWEEP = Duration.ofMinutes(1);

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final String worker;
    private final InstantSource clock;
    private final Pacer pacer;
    private final Runnable ringIdle;
    private final WebhookMetrics metrics;
    private final Backoff backoff;
    private final WebhookSender sender;
    private final Semaphore slots;
    private final Doorbell settled = new Doorbell();
    private final ExecutorService posts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 0).factory());
    private volatile boolean running;
    private Thread loop;
    private Instant nextSecretSweep = Instant.MIN;

    /**
     * @param pacer    the deliverer's pauses while idle or after an error
     * @param ringIdle ends the current (or the next) pause of {@code pacer} early: {@link Doorbell#ring} for a doorbell,
     *                 nothing for a pacer that moves a test clock
     */
    public WebhookDeliverer(WebhookStore store, WebhookSettings settings, String worker, InstantSource clock, Pacer pacer,
                            Runnable ringIdle, WebhookMetrics metrics, RandomGenerator random) {
        this.store = store;
        this.settings = settings;
        this.worker = worker;
        this.clock = clock;
        this.pacer = pacer;
        this.ringIdle = ringIdle;
        this.metrics = metrics;
        this.backoff = new Backoff(random);
        this.sender = new WebhookSender(settings.timeout(), settings.concurrency());
        this.slots = new Semaphore(settings.concurrency());
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        int released = store.releaseLeases(worker);
        if (released > 0) log.info("resuming {} webhook deliveries this node held when it stopped", released);
        loop = Thread.ofPlatform().name(LOOP).daemon(true).start(this::loop);
    }

    /**
     * Looks for due deliveries now (an event committed on this node): ends the wait for a post to end and the idle pause
     * too; otherwise an idle deliverer would sleep out its poll interval first.
     */
    public void wake() {
        settled.ring();
        ringIdle.run();
    }

    private void loop() {
        while (running) {
            try {
                forgetPreviousSecrets();
                if (claimAndPost() > 0) continue;
                // While posts run, wait on the wall clock for one to end (their leases are on the injected clock, which
                // must not run past them meanwhile); otherwise pause until the next delivery is due.
                if (slots.availablePermits() < settings.concurrency()) settled.pause(settings.pollInterval());
                else idle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                if (!running) return; // closing: what was claimed and not posted is sent again once its lease runs out
                log.error("webhook delivery loop error; continuing", t);
                metrics.caught(LOOP);
                try {
                    pacer.pause(settings.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** At most once per {@link #SECRET_SWEEP} of the injected clock; only the loop's thread calls it. */
    private void forgetPreviousSecrets() {
        Instant now = clock.instant();
        if (now.isBefore(nextSecretSweep)) return;
        nextSecretSweep = now.plus(SECRET_SWEEP);
        int forgotten = store.forgetPreviousSecrets(now);
        if (forgotten > 0) log.info("forgot {} rotated-out webhook secrets whose overlap ended", forgotten);
    }

    /** Claims what this node has room for and posts it; answers how many. */
    private int claimAndPost() {
        int room = slots.availablePermits();
        if (room == 0) return 0;
        List<Claim> claims = store.claimDue(worker, clock.instant(), settings.lease(), room);
        for (Claim claim : claims) {
            slots.acquireUninterruptibly(); // only this loop acquires: the room seen above is still there
            posts.submit(() -> {
                try {
                    deliver(claim);
                } catch (Throwable t) {
                    log.error("webhook delivery {} to endpoint {} crashed; its lease runs out and it is retried",
                            claim.delivery().id(), claim.endpoint().id(), t);
                    metrics.caught(LOOP);
                } finally {
                    slots.release();
                    settled.ring();
                }
            });
        }
        return claims.size();
    }

    private void idle() throws InterruptedException {
        Instant now = clock.instant();
        Duration wait = store.nextDue().map(due -> Duration.between(now, due)).filter(d -> d.compareTo(settings.pollInterval()) < 0)
                .orElse(settings.pollInterval());
        pacer.pause(wait.compareTo(SHORTEST_PAUSE) < 0 ? SHORTEST_PAUSE : wait);
    }

    /** One attempt of one claimed delivery. */
    void deliver(Claim claim) {
        Delivery d = claim.delivery();
        Endpoint endpoint = claim.endpoint();
        Instant started = clock.instant();
        byte[] body = Payloads.body(d.event());
        long timestamp = started.getEpochSecond();
        String signature = WebhookSigner.header(endpoint.signingSecrets(started), d.id(), timestamp, body);
        var result = sender.send(endpoint.url(), settings.allowPrivate() || endpoint.allowPrivate(), d.id(), timestamp, signature, body);
        if (result.statusCode() == null && Thread.currentThread().isInterrupted()) {
            // the node is stopping and its interrupt cut the post short (the socket closes on it): the receiver's answer
            // is unknown, not a failure, so no attempt is recorded; the lease runs out and the delivery is posted again.
            // (An answer that came is recorded as usual.)
            log.info("webhook delivery {} to endpoint {} cut short by shutdown; posted again once its lease runs out", d.id(), endpoint.id());
            return;
        }
        var attempt = new DeliveryAttempt(d.id(), d.attempts() + 1, worker, started, result.latencyMillis(), result.statusCode(),
                result.error(), result.body());
        Instant ended = clock.instant();
        Outcome outcome = outcome(d, attempt, ended);
        if (!store.finish(attempt, outcome)) {
            log.info("webhook delivery {}: lease lost before its attempt was recorded (another node has it)", d.id());
            return;
        }
        switch (outcome) {
            case Outcome.Delivered delivered -> {
                metrics.attempted("delivered");
                metrics.lag(Duration.between(d.eventCreatedAt(), delivered.at()));
            }
            case Outcome.Retry retry -> {
                metrics.attempted("retry");
                log.info("webhook delivery {} to endpoint {} (attempt {}): {}; next attempt at {}", d.id(), endpoint.id(),
                        attempt.number(), attempt.error(), retry.at());
                disableIfFailingTooLong(endpoint, started, attempt);
            }
            case Outcome.GaveUp gaveUp -> {
                metrics.attempted("failed");
                log.warn("webhook delivery {} to endpoint {} failed for good after {} attempts: {}", d.id(), endpoint.id(),
                        attempt.number(), attempt.error());
                disableIfFailingTooLong(endpoint, started, attempt);
            }
        }
    }

    private Outcome outcome(Delivery d, DeliveryAttempt attempt, Instant ended) {
        if (attempt.acknowledged()) return new Outcome.Delivered(ended);
        Instant next = ended.plus(backoff.after(attempt.number()));
        if (next.isAfter(d.eventCreatedAt().plus(settings.retryFor()))) return new Outcome.GaveUp();
        return new Outcome.Retry(next);
    }

    private void disableIfFailingTooLong(Endpoint endpoint, Instant failedAt, DeliveryAttempt attempt) {
        Instant since = endpoint.failingSince() == null ? failedAt : endpoint.failingSince();
        if (Duration.between(since, failedAt).compareTo(settings.disableAfter()) < 0) return;
        String reason = "Disabled at " + failedAt + ": every delivery since " + since + " failed (the last: " + attempt.error()
                + "). Enable it again once the receiver works.";
        if (store.disable(endpoint.id(), reason, failedAt)) log.warn("webhook endpoint {} disabled: {}", endpoint.id(), reason);
    }

    /** Stops claiming and interrupts posts in flight; their leases run out and another node (or the next start) sends them. */
    @Override
    public synchronized void close() {
        running = false;
        if (loop != null) loop.interrupt();
        posts.shutdownNow();
        try {
            posts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
    }
}
