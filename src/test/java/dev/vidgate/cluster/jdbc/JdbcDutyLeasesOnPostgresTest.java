package dev.vidgate.cluster.jdbc;

import dev.vidgate.cluster.DutyLeases;
import dev.vidgate.cluster.DutyLeasesContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcDutyLeasesOnPostgresTest extends DutyLeasesContract {
    @Override
    protected DutyLeases freshLeases() {
        return new JdbcDutyLeases(new JdbcTemplate(TestDatabases.freshPostgres()));
    }
}
