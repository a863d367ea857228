package dev.vidgate.policy.jdbc;

import dev.vidgate.policy.PolicyStore;
import dev.vidgate.policy.PolicyStoreContract;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

class JdbcPolicyStoreOnPostgresTest extends PolicyStoreContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected PolicyStore storeOn(JdbcTemplate jdbc, TestClock clock) {
        return new JdbcPolicyStore(jdbc, clock);
    }
}
