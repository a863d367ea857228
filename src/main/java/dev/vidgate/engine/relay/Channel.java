package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configured upstream at run time: its client, pacing (requests per second, connections,
 * downloads), circuit breaker, statistics, the jobs it runs for this node, and their poll queue.
 */
final class Channel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Channel.class);
    private static final int MAX_DOWNLOADS = 4;

    private final ChannelSettings settings;
    private final InstantSource clock;
    private final RateLimiter limiter;
    private final Semaphore connections;
    private final Semaphore downloads = new Semaphore(MAX_DOWNLOADS);
    private final CircuitBreaker breaker;
    private final ChannelStats stats = new ChannelStats();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DelayQueue<TrackedJob> due = new DelayQueue<>();
    private volatile java.time.Instant outOfRotationUntil;
    private final Transport transport;
    private final ProviderClient client;

    Channel(ChannelSettings settings, RelaySettings relay, Watchdog watchdog, InstantSource clock,
            RelayMetrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.limiter = new RateLimiter(settings.requestsPerSecond());
        this.connections = new Semaphore(settings.maxConnections());
        this.breaker = new CircuitBreaker(settings.name(), relay.circuitFailures(), relay.circuitCooldown(), clock);
        this.transport = new Transport(settings, watchdog, new Transport.Health() {
            @Override
            public void succeeded(long nanos) {
                stats.record(true, nanos);
                metrics.request(settings.name(), true, nanos);
                breaker.success();
            }

            @Override
            public void failed(long nanos, UpstreamException cause) {
                stats.record(false, nanos);
                metrics.request(settings.name(), false, nanos);
                stats.lastError(cause.getMessage(), clock.instant());
                breaker.failure(cause.getMessage());
            }
        }, clock);
        this.client = settings.flavour().open(settings, transport);
    }

    String name() { return settings.name(); }

    ChannelSettings settings() { return settings; }

    Provider flavour() { return settings.flavour(); }

    ProviderClient client() { return client; }

    CircuitBreaker breaker() { return breaker; }

    DelayQueue<TrackedJob> due() { return due; }

    boolean serves(String model) { return settings.upstreamModel(model).isPresent(); }

    /** Takes a place for a new job if the channel has one; {@link #jobEnded} gives it back. */
    boolean tryReserve() {
        while (true) {
            int now = inFlight.get();
            if (now >= settings.maxInFlight()) return false;
            if (inFlight.compareAndSet(now, now + 1)) return true;
        }
    }

    /** Counts a job found running on the channel (after a restart), whether or not there is room. */
    void jobStarted() { inFlight.incrementAndGet(); }

    void jobEnded() { inFlight.decrementAndGet(); }

    int inFlight() { return inFlight.get(); }

    /**
     * The provider's account ran out: no new jobs go to this channel until {@code forHowLong} has passed (its
     * running jobs are still followed). Unlike the circuit, successful polls do not bring it back early.
     */
    void leaveRotation(java.time.Duration forHowLong, String reason) {
        java.time.Instant until = clock.instant().plus(forHowLong);
        outOfRotationUntil = until;
        log.warn("channel {}: out of rotation until {} ({}); new jobs go to other channels", name(), until, reason);
    }

    /** Whether new jobs may go to this channel (it has not run out of quota recently). */
    boolean inRotation() {
        java.time.Instant until = outOfRotationUntil;
        return until == null || !clock.instant().isBefore(until);
    }

    /** A 429 asked for a pause; every request to this channel waits it out. */
    void pause(java.time.Duration pause) {
        limiter.pause(pause);
        log.info("channel {}: rate limited by the provider; pausing requests for {} ms", name(), pause.toMillis());
    }

    /** Waits for a request slot (rate and connections); close the permit when the request is done. */
    Permit pace() throws InterruptedException {
        limiter.acquire();
        connections.acquire();
        return connections::release;
    }

    /** Like {@link #pace}, for a download (fewer of those at once). */
    Permit paceDownload() throws InterruptedException {
        downloads.acquire();
        try {
            Permit request = pace();
            return () -> {
                request.close();
                downloads.release();
            };
        } catch (InterruptedException e) {
            downloads.release();
            throw e;
        }
    }

    /** The operator's test of this channel ({@link ChannelProbes}): one cheap call, outside the channel's health. */
    dev.vidgate.engine.ChannelProbe probe() {
        return ChannelProbes.run(transport, client);
    }

    ChannelStatus status() {
        ChannelStats.Snapshot s = stats.snapshot();
        return new ChannelStatus(name(), settings.flavour().wireName(), breaker.state().name().toLowerCase(Locale.ROOT),
                breaker.openUntil(), inFlight.get(), settings.maxInFlight(), s.recent(), s.successRate(), s.latencyMillis(),
                s.total(), s.failures(), s.lastError(), s.lastErrorAt(), client.figures());
    }

    @Override
    public void close() {
        client.close();
        transport.close();
    }

    /** A held request slot. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
