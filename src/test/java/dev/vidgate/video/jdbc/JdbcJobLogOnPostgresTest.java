package dev.vidgate.video.jdbc;

import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.JobLogContract;
import dev.vidgate.video.JobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

class JdbcJobLogOnPostgresTest extends JobLogContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected JobStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcJobStore(jdbc, tx);
    }

    @Override
    protected List<String> beforePlanning() {
        return List.of("ANALYZE videos", "SET enable_seqscan = off", "SET enable_bitmapscan = off", "SET enable_sort = off");
    }

    @Override
    protected JobLog logOn(JdbcTemplate jdbc) {
        return new JdbcJobLog(jdbc);
    }
}
