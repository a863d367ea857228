package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.LedgerContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcLedgerOnH2Test extends LedgerContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }

    @Override
    protected Ledger ledgerOn(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcLedger(jdbc, tx);
    }
}
