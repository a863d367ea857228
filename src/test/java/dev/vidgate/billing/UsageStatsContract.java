package dev.vidgate.billing;

import dev.vidgate.video.JobStore;
import dev.vidgate.video.Video;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@link UsageStats} contract on a data set whose figures are worked out by hand; every adapter's test supplies a
 * fresh database (H2 and PostgreSQL must agree, percentiles included).
 */
public abstract class UsageStatsContract {
    private static final Instant NOV1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UsageRange RANGE = new UsageRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"));
    private static final long PRICE = 100_000;

    protected JdbcTemplate jdbc;
    protected Ledger ledger;
    protected JobStore jobs;
    protected UsageStats stats;

    protected abstract DataSource freshDatabase();

    protected abstract void build(JdbcTemplate jdbc, TransactionTemplate tx);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        build(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0), ('ten_b', 'b', 0)");
    }

    @Test
    void jobsPerHourByStatusCountEveryJobCreatedInTheRangeAndNoOther() {
        jobsOfTheDataSet();
        var report = stats.report("ten_a", RANGE);
        assertThat(report.hourly()).containsExactly(
                new UsageStats.HourJobs(NOV1.plus(Duration.ofHours(10)), "COMPLETED", 6),
                new UsageStats.HourJobs(NOV1.plus(Duration.ofHours(11)), "FAILED", 1),
                new UsageStats.HourJobs(NOV1.plus(Duration.ofHours(24)), "CANCELLED", 1),
                new UsageStats.HourJobs(NOV1.plus(Duration.ofHours(71)), "QUEUED", 1));
        assertThat(report.jobs("COMPLETED")).isEqualTo(6);
        assertThat(stats.report(null, RANGE).jobs("COMPLETED")).as("ten_b's job too").isEqualTo(7);
    }

    @Test
    void theMedianAnd95thPercentileOfTimeToCompleteInterpolateBetweenTheJobsOfEachModel() {
        jobsOfTheDataSet();
        // sora-2 of ten_a: 10, 20, 30, 40, 100 s. p50 = 30 s; p95 at rank 0.95 x 4 = 3.8: 40 + 0.8 x (100 - 40) = 88 s.
        assertThat(stats.report("ten_a", RANGE).latency()).containsExactly(
                new UsageStats.ModelLatency("sora-2", 5, 30_000, 88_000),
                new UsageStats.ModelLatency("sora-2-pro", 1, 60_000, 60_000));
        // With ten_b's 1000 s job: p50 halfway between 30 and 40 s; p95 at 4.75: 100 + 0.75 x 900 = 775 s.
        assertThat(stats.report(null, RANGE).latency().getFirst()).isEqualTo(new UsageStats.ModelLatency("sora-2", 6, 35_000, 775_000));
    }

    @Test
    void spendPerDaySumsWhatWasHeldChargedAndGivenBackOnEachDayOfTheRange() {
        moneyOfTheDataSet();
        assertThat(stats.report("ten_a", RANGE).spend()).containsExactly(
                new UsageStats.DaySpend(LocalDate.parse("2026-11-01"), 800_000, 0, 0),
                new UsageStats.DaySpend(LocalDate.parse("2026-11-02"), 400_000, 400_000, 800_000));
        assertThat(stats.report(null, RANGE).spend().getFirst()).isEqualTo(new UsageStats.DaySpend(LocalDate.parse("2026-11-01"), 1_000_000, 0, 0));
    }

    @Test
    void theLedgerOfARangeComesRowByRowInTheOrderWrittenAndOnlyTheTenantsOwn() {
        moneyOfTheDataSet();
        List<Movement> rows = new ArrayList<>();
        stats.eachMovement("ten_a", RANGE, rows::add);
        assertThat(rows).extracting(Movement::kind).containsExactly(MovementKind.TOPUP, MovementKind.HOLD, MovementKind.HOLD,
                MovementKind.SETTLE, MovementKind.RELEASE);
        assertThat(rows).allMatch(m -> m.tenantId().equals("ten_a"));
        List<Movement> before = new ArrayList<>();
        stats.eachMovement(null, new UsageRange(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-10-31")), before::add);
        assertThat(before).as("every tenant's rows of Oct 31: ten_b's top-up, ten_a's early hold")
                .extracting(Movement::tenantId, Movement::videoId).containsExactly(tuple("ten_b", null), tuple("ten_a", "video_early"));
    }

    @Test
    void anEmptyRangeHasNoFigures() {
        var report = stats.report("ten_a", RANGE);
        assertThat(report.spend()).isEmpty();
        assertThat(report.hourly()).isEmpty();
        assertThat(report.latency()).isEmpty();
    }

    /** ten_a: five sora-2 jobs and one sora-2-pro completed in hour 10 of Nov 1, then a failed, a cancelled and a queued one. */
    private void jobsOfTheDataSet() {
        int[] seconds = {10, 20, 30, 40, 100};
        for (int i = 0; i < seconds.length; i++) job("ten_a", "sora-2", "COMPLETED", at(10, 5 * i), Duration.ofSeconds(seconds[i]));
        job("ten_a", "sora-2-pro", "COMPLETED", at(10, 40), Duration.ofSeconds(60));
        job("ten_a", "sora-2", "FAILED", at(11, 30), Duration.ofSeconds(5));
        job("ten_a", "sora-2", "CANCELLED", at(24, 10), Duration.ofSeconds(5));
        job("ten_a", "sora-2", "QUEUED", at(71, 59), null);
        job("ten_a", "sora-2", "COMPLETED", NOV1.minusSeconds(60), Duration.ofSeconds(300)); // Oct 31: outside
        job("ten_a", "sora-2", "COMPLETED", at(72, 0), Duration.ofSeconds(300));              // Nov 4: outside
        job("ten_b", "sora-2", "COMPLETED", at(10, 30), Duration.ofSeconds(1000));
    }

    /**
     * ten_a: a top-up, then 8 s held on Nov 1 and settled on Nov 2 for 4 s; 4 s held and released on Nov 2; 1 s held on
     * Oct 31 (outside). ten_b: 2 s held on Nov 1.
     */
    private void moneyOfTheDataSet() {
        ledger.credit(new Credit("ten_a", MovementKind.TOPUP, 10_000_000, "test", null, at(9, 0)));
        ledger.credit(new Credit("ten_b", MovementKind.TOPUP, 10_000_000, "test", null, NOV1.minusSeconds(7200)));
        ledger.hold(new Hold("ten_b", "key_b", "video_b", "sora-2", "720p", 2, PRICE, at(12, 0)));
        ledger.hold(new Hold("ten_a", "key_a", "video_early", "sora-2", "720p", 1, PRICE, NOV1.minusSeconds(60)));
        ledger.hold(new Hold("ten_a", "key_a", "video_x", "sora-2", "720p", 8, PRICE, at(10, 0)));
        ledger.hold(new Hold("ten_a", "key_a", "video_y", "sora-2", "720p", 4, PRICE, at(30, 0)));
        ledger.settle("video_x", 4, at(31, 0));
        ledger.release("video_y", at(32, 0));
    }

    private void job(String tenant, String model, String status, Instant createdAt, Duration toComplete) {
        Video v = jobs.insert(aVideo().tenant(tenant).key("key_" + tenant).model(model, 1280, 720).createdAt(createdAt).build(), createdAt);
        jdbc.update("UPDATE videos SET status = ?, completed_at = ? WHERE id = ?", status,
                toComplete == null ? null : createdAt.plus(toComplete).toEpochMilli(), v.id());
    }

    /** {@code hours} and {@code minutes} after the start of Nov 1, UTC. */
    private static Instant at(int hours, int minutes) {
        return NOV1.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }
}
