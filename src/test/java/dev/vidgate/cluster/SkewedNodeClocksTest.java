package dev.vidgate.cluster;

import dev.vidgate.cluster.jdbc.JdbcDatabaseTime;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.jdbc.JdbcJobStore;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.video.Video;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/** Nodes whose clocks disagree by minutes, sharing one PostgreSQL: leases are judged in the database's time. */
class SkewedNodeClocksTest {
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Set<String> BUILTIN = Set.of("builtin");

    private JobStore store;
    private JdbcDatabaseTime databaseTime;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.freshPostgres();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        store = new JdbcJobStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        databaseTime = new JdbcDatabaseTime(jdbc);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0)");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) "
                + "VALUES ('key_a', 'ten_a', 'a', 'h1', 'x', 2, 0)");
    }

    private InstantSource nodeClockSkewedBy(Duration skew) {
        return () -> Instant.now().plus(skew);
    }

    private InstantSource corrected(InstantSource nodeClock) {
        return new DatabaseCorrectedClock(nodeClock, databaseTime, Duration.ofMinutes(1));
    }

    private Video queuedJob() {
        return store.insert(aVideo().prompt("a calm sea").createdAt(Instant.now()).build(), Instant.now());
    }

    @Test
    void aNodeFiveMinutesAheadDoesNotTakeAJobWhoseLeaseIsStillRunning() {
        Video job = queuedJob();
        InstantSource onTime = corrected(nodeClockSkewedBy(Duration.ZERO));
        InstantSource ahead = corrected(nodeClockSkewedBy(Duration.ofMinutes(5)));
        assertThat(store.claimNext("node-a", onTime.instant(), LEASE, BUILTIN)).map(Video::id).contains(job.id());

        assertThat(store.claimNext("node-b", ahead.instant(), LEASE, BUILTIN)).isEmpty();
        // The same node without the correction would have stolen it: the test can fail.
        assertThat(nodeClockSkewedBy(Duration.ofMinutes(5)).instant().toEpochMilli())
                .isGreaterThan(onTime.instant().plus(LEASE).toEpochMilli());
    }

    @Test
    void aNodeFiveMinutesBehindWritesLeasesThatOthersStillRespect() {
        Video job = queuedJob();
        InstantSource behind = corrected(nodeClockSkewedBy(Duration.ofMinutes(-5)));
        InstantSource onTime = corrected(nodeClockSkewedBy(Duration.ZERO));
        assertThat(store.claimNext("node-late", behind.instant(), LEASE, BUILTIN)).map(Video::id).contains(job.id());
        assertThat(store.heartbeat("node-late", Set.of(job.id()), behind.instant().plus(LEASE))).containsExactly(job.id());

        assertThat(store.claimNext("node-b", onTime.instant(), LEASE, BUILTIN)).isEmpty();
        assertThat(store.claimNext("node-b", onTime.instant().plus(LEASE).plusSeconds(1), LEASE, BUILTIN))
                .map(Video::id).contains(job.id());
    }
}
