package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.UsageStatsContract;
import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.video.jdbc.JdbcJobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcUsageStatsOnH2Test extends UsageStatsContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }

    @Override
    protected void build(JdbcTemplate jdbc, TransactionTemplate tx) {
        ledger = new JdbcLedger(jdbc, tx);
        jobs = new JdbcJobStore(jdbc, tx);
        stats = new JdbcUsageStats(jdbc, tx);
    }
}
