package dev.vidgate.billing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link PriceBook} contract; every adapter's test extends this. */
public abstract class PriceBookContract {
    private static final Map<String, Map<String, Long>> DEFAULTS = Map.of(
            "sora-2", Map.of("720p", 100_000L), "sora-2-pro", Map.of("1080p", 700_000L, "720p", 300_000L));

    protected PriceBook prices;

    protected abstract DataSource freshDatabase();

    protected abstract PriceBook priceBookOn(JdbcTemplate jdbc, TransactionTemplate tx, Map<String, Map<String, Long>> defaults);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        prices = priceBookOn(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), DEFAULTS);
    }

    @Test
    void theDefaultsAnswerUntilTheOperatorSetsAPriceAndAgainAfterAReset() {
        assertThat(prices.priceOf("sora-2", "720p")).contains(100_000L);
        assertThat(prices.priceOf("sora-2", "1080p")).isEmpty();
        prices.set("sora-2", "720p", 120_000, Instant.now());
        prices.set("sora-2", "720p", 150_000, Instant.now());
        assertThat(prices.priceOf("sora-2", "720p")).contains(150_000L);
        assertThat(prices.reset("sora-2", "720p")).isTrue();
        assertThat(prices.reset("sora-2", "720p")).isFalse();
        assertThat(prices.priceOf("sora-2", "720p")).contains(100_000L);
    }

    @Test
    void theListHasEachModelAndResolutionOnceSortedWithItsSource() {
        prices.set("sora-2-pro", "720p", 250_000, Instant.now());
        prices.set("sora-2-pro", "1024p", 500_000, Instant.now());
        assertThat(prices.list()).containsExactly(
                new Price("sora-2", "720p", 100_000, false),
                new Price("sora-2-pro", "720p", 250_000, true),
                new Price("sora-2-pro", "1024p", 500_000, true),
                new Price("sora-2-pro", "1080p", 700_000, false));
    }
}
