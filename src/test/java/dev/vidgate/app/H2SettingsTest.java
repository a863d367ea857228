package dev.vidgate.app;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings every H2 URL gets, whoever wrote it: synchronous commits, and a statement cache a claim fits in. */
class H2SettingsTest {

    @Test
    void anH2DatabaseOfAUrlWithoutEitherSettingCommitsSynchronouslyAndKeeps64ParsedStatements() {
        try (HikariDataSource pool = h2("jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1")) {
            assertThat(setting(pool, "WRITE_DELAY")).containsOnly("0");
            assertThat(setting(pool, "QUERY_CACHE_SIZE")).containsOnly("64");
        }
    }

    @Test
    void aStatementCacheTheUrlSetsIsKept() {
        try (HikariDataSource pool = h2("jdbc:h2:mem:own;DB_CLOSE_DELAY=-1;query_cache_size=16")) {
            assertThat(setting(pool, "QUERY_CACHE_SIZE")).containsOnly("16");
        }
    }

    @Test
    void aUrlThatAsksForAWriteDelayIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> H2Durability.withSynchronousCommits("jdbc:h2:mem:x;WRITE_DELAY=500"))
                .hasMessageContaining("spring.datasource.url (SPRING_DATASOURCE_URL) sets WRITE_DELAY=500");
    }

    /** A pool as Spring Boot makes it, passed through the post-processor as the application context does. */
    private static HikariDataSource h2(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        return (HikariDataSource) new H2Durability().postProcessBeforeInitialization(pool, "dataSource");
    }

    /** The values H2 lists for the setting {@code name} (some settings are listed twice); never empty. */
    private static List<String> setting(HikariDataSource pool, String name) {
        List<String> values = new JdbcTemplate(pool).queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                String.class, name);
        assertThat(values).as(name + " listed").isNotEmpty();
        return values;
    }
}
