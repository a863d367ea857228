package dev.vidgate.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.vidgate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL the claim runs on a pool of its own with generic plans; everything else keeps PostgreSQL's choice. */
class ClaimConnectionsTest {

    @Test
    void onPostgresTheClaimsPoolUsesGenericPlansAndTheMainPoolDoesNot() {
        try (HikariDataSource main = postgres(null)) {
            assertThat(show(main, "plan_cache_mode")).as("the main pool started, its settings sealed").isEqualTo("auto");
            try (ClaimConnections claims = ClaimConnections.beside(main)) {
                assertThat(claims.dataSource()).isNotSameAs(main);
                assertThat(show(claims.dataSource(), "plan_cache_mode")).isEqualTo("force_generic_plan");
                assertThat(show(main, "plan_cache_mode")).isEqualTo("auto");
            }
        }
    }

    @Test
    void aClaimsPoolMadeBeforeTheMainPoolStartsUsesGenericPlansToo() {
        try (HikariDataSource main = postgres(null); ClaimConnections claims = ClaimConnections.beside(main)) {
            assertThat(claims.dataSource()).isNotSameAs(main);
            assertThat(show(claims.dataSource(), "plan_cache_mode")).isEqualTo("force_generic_plan");
            assertThat(show(main, "plan_cache_mode")).isEqualTo("auto");
        }
    }

    @Test
    void anOperatorsConnectionInitSqlStillRunsOnTheClaimsPool() {
        try (HikariDataSource main = postgres("SET application_name = 'vidgate-ops'"); ClaimConnections claims = ClaimConnections.beside(main)) {
            assertThat(show(claims.dataSource(), "application_name")).isEqualTo("vidgate-ops");
            assertThat(show(claims.dataSource(), "plan_cache_mode")).isEqualTo("force_generic_plan");
        }
    }

    @Test
    void closingTheClaimsPoolLeavesTheMainPoolOpen() {
        try (HikariDataSource main = postgres(null)) {
            ClaimConnections claims = ClaimConnections.beside(main);
            HikariDataSource own = (HikariDataSource) claims.dataSource();
            claims.close();
            assertThat(own.isClosed()).isTrue();
            assertThat(main.isClosed()).isFalse();
            assertThat(show(main, "plan_cache_mode")).isEqualTo("auto");
        }
    }

    @Test
    void onH2TheClaimSharesTheMainPoolAndClosingItLeavesThatOpen() {
        try (HikariDataSource main = new HikariDataSource()) {
            main.setJdbcUrl("jdbc:h2:mem:claims;DB_CLOSE_DELAY=-1");
            main.setUsername("sa");
            ClaimConnections claims = ClaimConnections.beside(main);
            assertThat(claims.dataSource()).isSameAs(main);
            claims.close();
            assertThat(main.isClosed()).isFalse();
        }
    }

    private static HikariDataSource postgres(String initSql) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabases.freshPostgresUrl());
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(2);
        if (initSql != null) pool.setConnectionInitSql(initSql);
        return pool;
    }

    private static String show(DataSource ds, String setting) {
        return new JdbcTemplate(ds).queryForObject("SHOW " + setting, String.class);
    }
}
