package dev.vidgate.testsupport;

import dev.vidgate.billing.BillingHook;
import dev.vidgate.billing.Credit;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.Movement;
import dev.vidgate.billing.MovementKind;
import dev.vidgate.billing.Price;
import dev.vidgate.billing.PriceBook;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.billing.jdbc.JdbcLedger;
import dev.vidgate.billing.jdbc.JdbcPriceBook;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.jdbc.JdbcKeyStore;
import dev.vidgate.video.JobStore;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.video.Video;
import dev.vidgate.video.jdbc.JdbcJobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real job store with the real billing hook on a fresh in-memory H2: the JDBC job store, ledger, key store and
 * price book (sora-2 at 0.1 credits a second, seedance-1-0-pro-250528 per 1,000 tokens, kling-v2-6 with an audio
 * surcharge, all at 720p), and one tenant holding 100 credits with one key that may run four
 * jobs at once. For the tests of the orchestration core, which need jobs whose money moves as in production.
 */
public final class BilledJobs {
    /** The price of a second of sora-2 at 720p, in micro-credits. */
    public static final long PRICE_PER_SECOND = 100_000;
    /** The price of 1,000 tokens of seedance-1-0-pro-250528 at 720p, in micro-credits. */
    public static final long PRICE_PER_1K_TOKENS = 2_500;
    /** The price of a second of kling-v2-6 at 720p, and its audio surcharge, in micro-credits. */
    public static final long KLING_PER_SECOND = 42_000;
    /** What the tenant holds at the start, in micro-credits. */
    public static final long OPENING_BALANCE = 100_000_000;

    private final JdbcTemplate jdbc;
    private final JdbcKeyStore keys;
    private final Ledger ledger;
    private final PriceBook prices;
    private final BillingHook hook;
    private final JobStore jobs;
    private final CreatedKey key;

    private BilledJobs(DataSource ds, TestClock clock) {
        jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        keys = new JdbcKeyStore(jdbc, tx, clock);
        ledger = new JdbcLedger(jdbc, tx);
        prices = new JdbcPriceBook(jdbc, tx, List.of(Price.perSecond("sora-2", "720p", PRICE_PER_SECOND),
                new Price("seedance-1-0-pro-250528", "720p", PriceUnit.THOUSAND_TOKENS, PRICE_PER_1K_TOKENS, null, false),
                new Price("kling-v2-6", "720p", PriceUnit.SECOND, KLING_PER_SECOND, KLING_PER_SECOND, false)));
        hook = new BillingHook(ledger, prices, keys, ModelCatalog.defaults("builtin"), clock);
        jobs = new JdbcJobStore(jdbc, tx, hook);
        String tenant = keys.createTenant("acme", null).id();
        ledger.credit(new Credit(tenant, MovementKind.TOPUP, OPENING_BALANCE, "opening balance", null, clock.instant()));
        key = keys.create(new KeySpec("acme", "main", null, 4));
    }

    public static BilledJobs onFreshH2(TestClock clock) {
        return new BilledJobs(TestDatabases.freshH2(), clock);
    }

    public JobStore jobs() {
        return jobs;
    }

    public JdbcKeyStore keys() {
        return keys;
    }

    public Ledger ledger() {
        return ledger;
    }

    public PriceBook prices() {
        return prices;
    }

    /** The billing hook the job store calls. */
    public BillingHook hook() {
        return hook;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The tenant's key, with its secret. */
    public CreatedKey key() {
        return key;
    }

    /** Who the tenant's key acts for. */
    public Principal principal() {
        return keys.authenticate(key.secret()).orElseThrow();
    }

    /** A job of the tenant's key, to change as the test needs. */
    public VideoBuilder aJob() {
        return VideoBuilder.aVideo().tenant(key.tenantId()).key(key.keyId());
    }

    /** Inserts {@code job} (its price is held) and answers it queued. */
    public Video queued(VideoBuilder job) {
        return jobs.insert(job.build(), Instant.EPOCH);
    }

    /** The job as stored now. */
    public Video current(Video job) {
        return jobs.findById(job.id()).orElseThrow();
    }

    /** The settle (or release) of one job: what it was charged. */
    public Movement closeOf(Video job) {
        return ledger.movements(key.tenantId(), null, 100, false).stream()
                .filter(m -> job.id().equals(m.videoId()) && m.kind() != MovementKind.HOLD).findFirst().orElseThrow();
    }

    /** The kinds of the ledger rows of one job, in the order they were written: how its money moved. */
    public List<MovementKind> moneyOf(Video job) {
        return ledger.movements(key.tenantId(), null, 100, true).stream()
                .filter(m -> job.id().equals(m.videoId())).map(m -> m.kind()).toList();
    }
}
