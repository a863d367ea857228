package dev.vidgate.app;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings every H2 URL gets, whoever wrote it: synchronous commits, a statement cache a claim fits in, and for a
 * file database the retry: file system that an interrupt does not close for everyone.
 */
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

    @Test
    void aFileDatabaseIsReadThroughH2sRetryFileSystemAndOtherUrlsAreLeftAlone() {
        assertThat(H2Durability.withRetryOnInterrupt("jdbc:h2:file:/data/db/vidgate;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:retry:file:/data/db/vidgate;MODE=PostgreSQL");
        assertThat(H2Durability.withRetryOnInterrupt("jdbc:h2:./data/db/vidgate")).isEqualTo("jdbc:h2:retry:./data/db/vidgate");
        for (String kept : List.of("jdbc:h2:mem:x", "jdbc:h2:tcp://localhost/db", "jdbc:h2:RETRY:file:/data/db/vidgate")) {
            assertThat(H2Durability.withRetryOnInterrupt(kept)).isEqualTo(kept);
        }
    }

    @Test
    void aThreadInterruptedInsideH2LeavesTheOtherConnectionsWritingAndReading(@TempDir Path dir) throws Exception {
        try (HikariDataSource pool = h2("jdbc:h2:file:" + dir.resolve("db") + ";CACHE_SIZE=1024")) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            // 50 MB of rows behind a 1 MB cache: a scan of them reads the file
            jdbc.execute("CREATE TABLE scratch (id INT PRIMARY KEY, filler VARCHAR(1000), n INT)");
            jdbc.execute("INSERT INTO scratch SELECT x, REPEAT('x', 1000), 0 FROM SYSTEM_RANGE(1, 50000)");
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch scanning = new CountDownLatch(1);
            Thread reader = Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    scanning.countDown();
                    try {
                        jdbc.queryForObject("SELECT SUM(LENGTH(filler)) FROM scratch", Long.class);
                    } catch (RuntimeException cutShort) {
                        // this thread's own query may fail: the others' must not
                    }
                }
            });
            assertThat(scanning.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                reader.interrupt();
                for (int w = 1; w <= 10; w++) jdbc.update("UPDATE scratch SET n = n + 1 WHERE id = ?", i * 10 + w);
            }
            stop.set(true);
            reader.interrupt();
            reader.join(Duration.ofSeconds(30));
            assertThat(jdbc.queryForObject("SELECT SUM(n) FROM scratch", Long.class)).isEqualTo(200);
        }
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
