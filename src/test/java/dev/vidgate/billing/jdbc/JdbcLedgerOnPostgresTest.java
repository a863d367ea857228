package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.LedgerContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcLedgerOnPostgresTest extends LedgerContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected Ledger ledgerOn(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcLedger(jdbc, tx);
    }
}
