package dev.vidgate.billing.jdbc;

import dev.vidgate.testsupport.TestDatabases;

import javax.sql.DataSource;

class ConcurrentBillingOnPostgresTest extends ConcurrentBillingContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
