package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.BillingHook;
import dev.vidgate.billing.Credit;
import dev.vidgate.billing.Discrepancy;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.Price;
import dev.vidgate.billing.MovementKind;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.common.ApiException;
import dev.vidgate.common.Change;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.jdbc.JdbcKeyStore;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.video.NewVideo;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.VideoStatus;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real job store, billing hook, ledger, key store and price book on a real database, driven by
 * 200 concurrent creates racing claims, completions, failures, cancels, completion-versus-cancel races
 * on the same job, and top-ups. Afterwards every balance equals its ledger, every job was held once
 * and settled or released once, failed and cancelled jobs cost nothing, and no limit was overrun.
 */
public abstract class ConcurrentBillingContract {
    private static final long PRICE_720P = 100_000;
    private static final long PRICE_1080P = 700_000;
    private static final long TOP_UP = 500_000;
    private static final Instant TODAY = Instant.now();

    protected abstract DataSource freshDatabase();

    @Test
    void twoHundredConcurrentCreatesRacingFinishesKeepEveryBalanceEqualToItsLedgerAndBillNoJobTwice() throws Exception {
        DataSource ds = freshDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        InstantSource clock = InstantSource.system();
        var keys = new JdbcKeyStore(jdbc, tx, clock);
        Ledger ledger = new JdbcLedger(jdbc, tx);
        var prices = new JdbcPriceBook(jdbc, tx, List.of(Price.perSecond("sora-2", "720p", PRICE_720P),
                Price.perSecond("sora-2-pro", "1080p", PRICE_1080P)));
        JobStore store = new JdbcJobStore(jdbc, tx, new BillingHook(ledger, prices, keys, ModelCatalog.defaults("builtin"), clock));

        // rich: prepaid, plenty. poor: prepaid, room for a few jobs, topped up while it runs. capped: postpaid with a daily limit.
        String rich = tenant(keys, ledger, "rich", 0L, null, 1_000_000_000L);
        String poor = tenant(keys, ledger, "poor", 0L, null, 3_000_000L);
        String capped = tenant(keys, ledger, "capped", null, 20_000_000L, 0L);
        // Most jobs go to the rich tenant; one of its keys has a small queue cap, so cap refusals race with the rest too.
        List<String[]> keyOf = new ArrayList<>();
        for (String tenant : List.of(rich, rich, rich, rich, poor, capped)) {
            String name = keys.findTenant(tenant).orElseThrow().name();
            Integer cap = keyOf.isEmpty() ? 8 : null;
            keyOf.add(new String[]{tenant, keys.create(new KeySpec(name, "k" + keyOf.size(), null, 2, null, cap, Set.of(), null)).keyId()});
        }
        long initial = 1_000_000_000L + 3_000_000L;

        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> refused = new ConcurrentHashMap<>();
        AtomicLong toppedUp = new AtomicLong();
        AtomicBoolean creating = new AtomicBoolean(true);

        List<Future<?>> creates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String[] owner = keyOf.get(i % keyOf.size());
            boolean pro = i % 5 == 0;
            var builder = aVideo().tenant(owner[0]).key(owner[1]);
            NewVideo job = (pro ? builder.model("sora-2-pro", 1920, 1080) : builder)
                    .seconds(new int[]{4, 8, 12}[i % 3]).createdAt(TODAY).build();
            creates.add(pool.submit(() -> {
                try {
                    store.insert(job, TODAY.minus(Duration.ofDays(1)));
                } catch (ApiException e) {
                    assertThat(e.status()).isEqualTo(429);
                    refused.put(job.id(), e.code() + ": " + e.getMessage().substring(0, 30));
                }
                return null;
            }));
        }
        List<Future<?>> loops = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "worker-" + w;
            loops.add(pool.submit(() -> guarded(unexpected, () -> workUntilDrained(store, worker, creating))));
        }
        for (int c = 0; c < 2; c++) {
            loops.add(pool.submit(() -> guarded(unexpected, () -> cancelQueuedWhileCreating(store, jdbc, creating))));
        }
        loops.add(pool.submit(() -> guarded(unexpected, () -> {
            for (int i = 0; i < 20 && creating.get(); i++) {
                ledger.credit(new Credit(poor, MovementKind.TOPUP, TOP_UP, "racing top-up " + i, null, Instant.now()));
                toppedUp.addAndGet(TOP_UP);
                Thread.sleep(5);
            }
        })));
        for (Future<?> f : creates) f.get(120, TimeUnit.SECONDS);
        creating.set(false);
        for (Future<?> f : loops) f.get(180, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(unexpected).isEmpty();

        // Every balance is its ledger, every hold is closed, no job changed state without its money moving.
        List<Discrepancy> discrepancies = ledger.reconcile();
        assertThat(discrepancies).isEmpty();
        List<Map<String, Object>> videos = jdbc.queryForList("SELECT id, status, seconds, delivered_seconds FROM videos");
        assertThat(videos.size() + refused.size()).isEqualTo(200);
        assertThat(refused).isNotEmpty();
        for (Map<String, Object> v : videos) {
            String id = (String) v.get("id");
            assertThat(VideoStatus.valueOf((String) v.get("status")).isFinished()).as(id).isTrue();
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT kind, amount, seconds, unit_price, charge FROM ledger WHERE video_id = ? "
                    + "ORDER BY seq", id);
            assertThat(rows).as(id).hasSize(2);
            assertThat(rows.get(0).get("kind")).isEqualTo("HOLD");
            long held = -((Number) rows.get(0).get("amount")).longValue();
            long unitPrice = ((Number) rows.get(0).get("unit_price")).longValue();
            Map<String, Object> close = rows.get(1);
            long charge = ((Number) close.get("charge")).longValue();
            if (v.get("status").equals("COMPLETED")) {
                int billable = Math.min(((Number) v.get("delivered_seconds")).intValue(), ((Number) v.get("seconds")).intValue());
                assertThat(close.get("kind")).isEqualTo("SETTLE");
                assertThat(charge).as(id).isEqualTo(unitPrice * billable);
            } else {
                assertThat(close.get("kind")).as(id).isEqualTo("RELEASE");
                assertThat(charge).as("a failed or cancelled job costs nothing: " + id).isZero();
            }
            assertThat(((Number) close.get("amount")).longValue()).isEqualTo(held - charge);
        }
        for (String id : refused.keySet()) {
            assertThat(store.findById(id)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger WHERE video_id = ?", Integer.class, id)).isZero();
        }

        // Movements of a tenant were decided one after the other: in write order, each row's balance_after is the running sum.
        for (String tenant : List.of(rich, poor, capped)) {
            long running = 0;
            for (Map<String, Object> row : jdbc.queryForList("SELECT amount, balance_after FROM ledger WHERE tenant_id = ? ORDER BY seq", tenant)) {
                running += ((Number) row.get("amount")).longValue();
                assertThat(((Number) row.get("balance_after")).longValue()).isEqualTo(running);
            }
        }
        long charged = jdbc.queryForObject("SELECT COALESCE(SUM(charge), 0) FROM ledger WHERE kind = 'SETTLE'", Long.class);
        long balances = jdbc.queryForObject("SELECT SUM(balance) FROM tenants", Long.class);
        assertThat(balances).isEqualTo(initial + toppedUp.get() - charged);
        assertThat(jdbc.queryForObject("SELECT SUM(held) FROM tenants", Long.class)).isZero();
        // The prepaid tenant never went below zero, whatever the interleaving; the capped one never spent past its limit.
        assertThat(jdbc.queryForObject("SELECT MIN(balance_after) FROM ledger WHERE tenant_id = ?", Long.class, poor)).isNotNegative();
        assertThat(ledger.account(capped, TODAY).orElseThrow().spentToday()).isBetween(0L, 20_000_000L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger WHERE kind = 'SETTLE'", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger WHERE kind = 'RELEASE'", Integer.class)).isPositive();
    }

    /** Claims and finishes jobs: completes (delivering fewer, as many, or more seconds), fails, requeues, or races complete against cancel. */
    private static void workUntilDrained(JobStore store, String worker, AtomicBoolean creating) throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            int idle = 0;
            while (creating.get() || idle < 20) {
                Optional<Video> claimed = store.claimNext(worker, Instant.now(), Duration.ofMinutes(5), Set.of("builtin"));
                if (claimed.isEmpty()) {
                    idle = creating.get() ? 0 : idle + 1;
                    Thread.sleep(5);
                    continue;
                }
                idle = 0;
                Video job = claimed.get();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int delivered = job.seconds() + random.nextInt(-4, 5);
                switch (random.nextInt(6)) {
                    case 0 -> store.fail(job, new VideoError("engine_error", "it broke"), Instant.now());
                    case 1 -> store.requeue(job, Instant.now());
                    case 2 -> {
                        // The same job completed and cancelled at once: exactly one wins.
                        var a = racers.submit(() -> store.complete(job, delivered, Instant.now(), Instant.now().plusSeconds(3600)));
                        var b = racers.submit(() -> store.cancel(job, Instant.now()));
                        assertThat(a.get().isPresent() ^ b.get().isPresent()).isTrue();
                    }
                    default -> store.complete(job, Math.max(0, delivered), Instant.now(), Instant.now().plusSeconds(3600));
                }
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private static void cancelQueuedWhileCreating(JobStore store, JdbcTemplate jdbc, AtomicBoolean creating) throws InterruptedException {
        while (creating.get()) {
            List<String> queued = jdbc.queryForList("SELECT id FROM videos WHERE status = 'QUEUED' ORDER BY seq DESC LIMIT 3", String.class);
            for (String id : queued) {
                if (ThreadLocalRandom.current().nextInt(4) == 0) store.findById(id).ifPresent(v -> store.cancel(v, Instant.now()));
            }
            Thread.sleep(3);
        }
    }

    private static String tenant(JdbcKeyStore keys, Ledger ledger, String name, Long creditLimit, Long dailyLimit, long balance) {
        String id = keys.createTenant(name, null).id();
        ledger.setLimits(id, new SpendingLimits(Change.to(creditLimit), Change.to(dailyLimit), Change.keep()), Instant.now());
        if (balance > 0) ledger.credit(new Credit(id, MovementKind.TOPUP, balance, "opening balance", null, Instant.now()));
        return id;
    }

    private static Object guarded(List<Throwable> unexpected, ThrowingRunnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            unexpected.add(t);
        }
        return null;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
