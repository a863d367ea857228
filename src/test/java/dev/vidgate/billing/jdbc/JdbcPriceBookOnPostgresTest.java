package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Price;
import dev.vidgate.billing.PriceBook;
import dev.vidgate.billing.PriceBookContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

class JdbcPriceBookOnPostgresTest extends PriceBookContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected PriceBook priceBookOn(JdbcTemplate jdbc, TransactionTemplate tx, List<Price> defaults) {
        return new JdbcPriceBook(jdbc, tx, defaults);
    }
}
