package dev.vidgate.tenancy.jdbc;

import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.KeyStoreContract;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcKeyStoreOnPostgresTest extends KeyStoreContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected KeyStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx, TestClock clock) {
        return new JdbcKeyStore(jdbc, tx, clock);
    }
}
