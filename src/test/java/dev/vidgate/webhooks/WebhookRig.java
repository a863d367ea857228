package dev.vidgate.webhooks;

import dev.vidgate.jobs.Pacer;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.testsupport.VideoBuilder;
import dev.vidgate.testsupport.WebhookReceiver;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.webhooks.jdbc.JdbcWebhookStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook feature on a real database: the job store with the outbox hook, the JDBC webhook store, a deliverer
 * posting to a {@link WebhookReceiver} over HTTP on 127.0.0.1 (so private addresses are allowed, as tests must), and
 * metrics counted in memory.
 */
final class WebhookRig implements AutoCloseable {
    final DataSource db;
    final JdbcTemplate jdbc;
    final WebhookStore store;
    final JobStore jobs;
    final Webhooks webhooks;
    final WebhookReceiver receiver = WebhookReceiver.start();
    final CountingMetrics metrics = new CountingMetrics();
    final WebhookDeliverer deliverer;
    private final InstantSource clock;
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** On a fresh H2, the test clock moved by the deliverer's pauses ({@code TestPacer}). */
    WebhookRig(TestClock clock, Pacer pacer, WebhookSettings settings) {
        this(TestDatabases.freshH2(), clock, pacer, () -> {}, settings);
    }

    /** Idle pauses on {@code doorbell}, which a finished job's event rings, as in production. */
    WebhookRig(DataSource db, InstantSource clock, Doorbell doorbell, WebhookSettings settings) {
        this(db, clock, doorbell, doorbell::ring, settings);
    }

    private WebhookRig(DataSource db, InstantSource clock, Pacer pacer, Runnable ringIdle, WebhookSettings settings) {
        this.db = db;
        this.clock = clock;
        this.jdbc = new JdbcTemplate(db);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        this.store = new JdbcWebhookStore(jdbc, tx);
        this.webhooks = new Webhooks(store, clock, true);
        this.deliverer = new WebhookDeliverer(store, settings, "node-a", clock, pacer, ringIdle, metrics, new Random(22));
        this.jobs = new JdbcJobStore(jdbc, tx, new WebhookHook(store, clock, deliverer::wake));
    }

    /** A fresh H2 behind a connection pool, as the server has it (Hikari): for the tests and the benchmark at load. */
    static DataSource pooledH2() {
        var config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(TestDatabases.freshH2());
        config.setMaximumPoolSize(16);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /** Short timeouts, so a hanging receiver costs a second; an hour between looks, which the test pacer skips. */
    static WebhookSettings fast() {
        return WebhookSettings.DEFAULTS.withAllowPrivate(true).withTimeout(Duration.ofSeconds(1)).withLease(Duration.ofSeconds(30))
                .withPollInterval(Duration.ofHours(1));
    }

    CreatedEndpoint endpoint(String tenant, Set<String> events) {
        return webhooks.create(tenant, receiver.url(), events == null ? null : List.copyOf(events), false);
    }

    /** A job of {@code tenant}, claimed by a worker: the state a job is in when its engine finishes. */
    Video running(String tenant) {
        Video queued = jobs.insert(VideoBuilder.aVideo().tenant(tenant).key("key_" + KEYS.incrementAndGet()).build(), clock.instant());
        jobs.claimNext("worker", clock.instant(), Duration.ofHours(2), Set.of("builtin")).orElseThrow();
        return jobs.findById(queued.id()).orElseThrow();
    }

    Video complete(Video running) {
        return jobs.complete(running, 4, clock.instant(), clock.instant().plus(Duration.ofHours(24))).orElseThrow();
    }

    Video fail(Video running) {
        return jobs.fail(running, new VideoError("moderation_blocked", "refused"), clock.instant()).orElseThrow();
    }

    Video cancel(Video running) {
        return jobs.cancel(running, clock.instant()).orElseThrow();
    }

    List<Delivery> deliveries(String endpointId) {
        return store.deliveries(endpointId, null, 100, true);
    }

    @Override
    public void close() {
        deliverer.close();
        receiver.close();
        if (db instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception ignored) {
                // the test is over
            }
        }
    }

    /** The deliverer's metrics, counted. */
    static final class CountingMetrics implements WebhookMetrics {
        final ConcurrentHashMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        final List<Duration> lags = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger loopErrors = new AtomicInteger();

        @Override
        public void attempted(String outcome) {
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void lag(Duration d) {
            lags.add(d);
        }

        @Override
        public void caught(String loop) {
            loopErrors.incrementAndGet();
        }

        int count(String outcome) {
            return outcomes.getOrDefault(outcome, new AtomicInteger()).get();
        }
    }
}
