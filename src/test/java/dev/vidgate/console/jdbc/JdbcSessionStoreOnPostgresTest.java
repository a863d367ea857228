package dev.vidgate.console.jdbc;

import dev.vidgate.console.SessionStore;
import dev.vidgate.console.SessionStoreContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcSessionStoreOnPostgresTest extends SessionStoreContract {
    @Override
    protected SessionStore freshStore() {
        return new JdbcSessionStore(new JdbcTemplate(TestDatabases.freshPostgres()));
    }
}
