package dev.vidgate.webhooks.jdbc;

import dev.vidgate.testsupport.TestDatabases;
import dev.vidgate.webhooks.WebhookStore;
import dev.vidgate.webhooks.WebhookStoreContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

class JdbcWebhookStoreOnPostgresTest extends WebhookStoreContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected WebhookStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcWebhookStore(jdbc, tx);
    }
}
