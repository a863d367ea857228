package dev.vidgate.video.jdbc;

import dev.vidgate.video.JobStore;
import dev.vidgate.video.JobStoreContract;
import dev.vidgate.video.TransitionHook;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcJobStoreOnPostgresTest extends JobStoreContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    /** Claims on connections of their own, as the application runs them on PostgreSQL (app.ClaimConnections). */
    @Override
    protected JobStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook) {
        return new JdbcJobStore(jdbc, tx, hook, new DelegatingDataSource(jdbc.getDataSource()));
    }
}
