package dev.vidgate.billing.jdbc;

import dev.vidgate.testsupport.TestDatabases;

import javax.sql.DataSource;

class ConcurrentBillingOnH2Test extends ConcurrentBillingContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }
}
