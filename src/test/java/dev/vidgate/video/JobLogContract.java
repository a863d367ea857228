package dev.vidgate.video;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.vidgate.testsupport.VideoBuilder.aVideo;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@link JobLog} contract (filters combined, paging through a filtered set); every adapter's test supplies a database. */
public abstract class JobLogContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    protected JdbcTemplate jdbc;
    protected JobStore store;
    protected JobLog log;

    protected abstract DataSource freshDatabase();

    protected abstract JobStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx);

    protected abstract JobLog logOn(JdbcTemplate jdbc);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        store = storeOn(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        log = logOn(jdbc);
    }

    @Test
    void everyFilterCombinedNarrowsTheLogToTheJobsThatMatchThemAll() {
        String wanted = job("ten_a", "key_a", "sora-2", "relay", VideoStatus.FAILED, T0.plusSeconds(60), "main/up_1");
        job("ten_b", "key_b", "sora-2", "relay", VideoStatus.FAILED, T0.plusSeconds(60), "main/up_2");
        job("ten_a", "key_a2", "sora-2", "relay", VideoStatus.FAILED, T0.plusSeconds(60), "main/up_3");
        job("ten_a", "key_a", "sora-2-pro", "relay", VideoStatus.FAILED, T0.plusSeconds(60), "main/up_4");
        job("ten_a", "key_a", "sora-2", "builtin", VideoStatus.FAILED, T0.plusSeconds(60), null);
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.COMPLETED, T0.plusSeconds(60), "main/up_5");
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.FAILED, T0.plusSeconds(60), "backup/up_6");
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.FAILED, T0.minusSeconds(1), "main/up_7");
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.FAILED, T0.plusSeconds(3600), "main/up_8");

        var all = new JobLog.Filter("ten_a", "key_a", VideoStatus.FAILED, "sora-2", "relay", "main", T0, T0.plusSeconds(3600));
        assertThat(ids(log.find(all, null, 20, false))).containsExactly(wanted);
        assertThat(log.find(new JobLog.Filter(null, null, null, null, null, null, null, null), null, 20, false)).hasSize(9);
        assertThat(ids(log.find(new JobLog.Filter("ten_b", null, null, null, null, null, null, null), null, 20, false))).hasSize(1);
    }

    @Test
    void aChannelMatchesOnlyItsOwnNameAndItsWildcardsAreLiteral() {
        String main = job("ten_a", "key_a", "sora-2", "relay", VideoStatus.QUEUED, T0, "main/up_1");
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.QUEUED, T0, "main-2/up_2");
        String underscore = job("ten_a", "key_a", "sora-2", "relay", VideoStatus.QUEUED, T0, "m_n/up_3");
        job("ten_a", "key_a", "sora-2", "relay", VideoStatus.QUEUED, T0, "mxn/up_4");

        assertThat(ids(log.find(channel("main"), null, 20, false))).containsExactly(main);
        assertThat(ids(log.find(channel("m_n"), null, 20, false))).containsExactly(underscore);
        assertThat(log.find(channel("ma%"), null, 20, false)).isEmpty();
    }

    @Test
    void pagingThroughAFilteredSetSeesEachMatchingJobOnceNewestFirstAndOldestFirst() {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            failed.addFirst(job("ten_a", "key_a", "sora-2", "builtin", VideoStatus.FAILED, T0.plusSeconds(i), null));
            job("ten_a", "key_a", "sora-2", "builtin", VideoStatus.COMPLETED, T0.plusSeconds(i), null);
        }
        var filter = new JobLog.Filter("ten_a", null, VideoStatus.FAILED, null, null, null, null, null);
        assertThat(pages(filter, false)).containsExactlyElementsOf(failed);
        assertThat(pages(filter, true)).containsExactlyElementsOf(failed.reversed());
    }

    @Test
    void aPageFilteredByTenantAndStatusOrByKeyIsReadFromAnIndexEndingInTheCursorsOrder() {
        String[] models = {"sora-2", "sora-2-pro", "veo-3"};
        for (int i = 0; i < 60; i++) {
            job("ten_" + (i % 5), "key_" + (i % 10), models[i % 3], "builtin", VideoStatus.values()[(i / 5) % 5], T0, null);
        }
        assertThat(plan("SELECT v.id FROM videos v WHERE v.tenant_id = 'ten_1' AND v.status = 'FAILED' AND v.seq < 40 ORDER BY v.seq DESC LIMIT 10"))
                .containsIgnoringCase("videos_tenant_status_seq");
        assertThat(plan("SELECT v.id FROM videos v WHERE v.key_id = 'key_1' AND v.seq < 40 ORDER BY v.seq DESC LIMIT 10"))
                .containsIgnoringCase("videos_key_seq");
        assertThat(plan("SELECT v.id FROM videos v WHERE v.tenant_id = 'ten_1' AND v.model = 'sora-2' ORDER BY v.seq DESC LIMIT 10"))
                .containsIgnoringCase("videos_tenant_model_seq");
    }

    /**
     * Statements run before a plan on the same connection: the planner's statistics brought up to date, and on a database
     * that would rather scan and sort a table this small, scans and sorts discouraged (the question is which index serves
     * the filter in the cursor's order).
     */
    protected abstract List<String> beforePlanning();

    /** The database's plan for a query, as text. */
    private String plan(String sql) {
        return jdbc.execute((ConnectionCallback<String>) con -> {
            try (Statement st = con.createStatement()) {
                for (String setup : beforePlanning()) st.execute(setup);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                    while (rs.next()) lines.add(rs.getString(1));
                }
                return String.join("\n", lines);
            }
        });
    }

    private List<String> pages(JobLog.Filter filter, boolean ascending) {
        List<String> seen = new ArrayList<>();
        String after = null;
        while (true) {
            List<JobLog.Entry> page = log.find(filter, after, 3, ascending);
            assertThat(page.size()).isLessThanOrEqualTo(3);
            seen.addAll(ids(page));
            if (page.size() < 3) return seen;
            after = page.getLast().video().id();
        }
    }

    private static JobLog.Filter channel(String name) {
        return new JobLog.Filter(null, null, null, null, null, name, null, null);
    }

    private static List<String> ids(List<JobLog.Entry> entries) {
        return entries.stream().map(e -> e.video().id()).toList();
    }

    /** A job as the lifecycle leaves it: its status, end and engine handle set on the row. */
    private String job(String tenant, String key, String model, String engine, VideoStatus status, Instant createdAt, String handle) {
        Video v = store.insert(aVideo().tenant(tenant).key(key).model(model, 1280, 720).engine(engine).createdAt(createdAt).build(),
                createdAt);
        jdbc.update("UPDATE videos SET status = ?, engine_handle = ?, completed_at = ? WHERE id = ?", status.name(), handle,
                status.isFinished() ? createdAt.plus(Duration.ofSeconds(30)).toEpochMilli() : null, v.id());
        return v.id();
    }
}
