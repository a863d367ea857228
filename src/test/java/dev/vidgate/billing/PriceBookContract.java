package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link PriceBook} contract; every adapter's test extends this. */
public abstract class PriceBookContract {
    private static final Price KLING_720P = new Price("kling-v2-6", "720p", PriceUnit.SECOND, 42_000, 42_000L, false);
    private static final Price SEEDANCE_720P = new Price("seedance-1-0-pro-250528", "720p", PriceUnit.THOUSAND_TOKENS, 2_500, null, false);
    private static final List<Price> DEFAULTS = List.of(Price.perSecond("sora-2", "720p", 100_000L),
            Price.perSecond("sora-2-pro", "1080p", 700_000L), Price.perSecond("sora-2-pro", "720p", 300_000L), KLING_720P, SEEDANCE_720P);

    protected PriceBook prices;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    protected abstract DataSource freshDatabase();

    protected abstract PriceBook priceBookOn(JdbcTemplate jdbc, TransactionTemplate tx, List<Price> defaults);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        prices = priceBookOn(jdbc, tx, DEFAULTS);
    }

    @Test
    void theDefaultsAnswerUntilTheOperatorSetsAPriceAndAgainAfterAReset() {
        assertThat(prices.priceOf("sora-2", "720p")).contains(Price.perSecond("sora-2", "720p", 100_000L));
        assertThat(prices.priceOf("sora-2", "1080p")).isEmpty();
        prices.set("sora-2", "720p", PriceUnit.SECOND, 120_000, null, Instant.now());
        prices.set("sora-2", "720p", PriceUnit.SECOND, 150_000, null, Instant.now());
        assertThat(prices.priceOf("sora-2", "720p")).contains(new Price("sora-2", "720p", PriceUnit.SECOND, 150_000, null, true));
        assertThat(prices.reset("sora-2", "720p")).isTrue();
        assertThat(prices.reset("sora-2", "720p")).isFalse();
        assertThat(prices.priceOf("sora-2", "720p")).contains(Price.perSecond("sora-2", "720p", 100_000L));
    }

    @Test
    void theListHasEachModelAndResolutionOnceSortedWithItsUnitSurchargeAndSource() {
        prices.set("sora-2-pro", "720p", PriceUnit.SECOND, 250_000, null, Instant.now());
        prices.set("sora-2-pro", "1024p", PriceUnit.CLIP, 2_000_000, null, Instant.now());
        assertThat(prices.list()).containsExactly(
                KLING_720P,
                SEEDANCE_720P,
                Price.perSecond("sora-2", "720p", 100_000),
                new Price("sora-2-pro", "720p", PriceUnit.SECOND, 250_000, null, true),
                new Price("sora-2-pro", "1024p", PriceUnit.CLIP, 2_000_000, null, true),
                Price.perSecond("sora-2-pro", "1080p", 700_000));
    }

    @Test
    void anOperatorsUnitAndAudioSurchargeAreStoredAndEveryNodeOnTheDatabaseAnswersThem() {
        prices.set("kling-v2-6", "720p", PriceUnit.CLIP, 300_000, 150_000L, Instant.now());
        prices.set("seedance-1-0-pro-250528", "720p", PriceUnit.SECOND, 50_000, null, Instant.now());
        PriceBook otherNode = priceBookOn(jdbc, tx, DEFAULTS);
        assertThat(otherNode.priceOf("kling-v2-6", "720p")).contains(new Price("kling-v2-6", "720p", PriceUnit.CLIP, 300_000, 150_000L, true));
        assertThat(otherNode.priceOf("seedance-1-0-pro-250528", "720p"))
                .contains(new Price("seedance-1-0-pro-250528", "720p", PriceUnit.SECOND, 50_000, null, true));
        otherNode.set("kling-v2-6", "720p", PriceUnit.CLIP, 300_000, null, Instant.now());
        assertThat(prices.priceOf("kling-v2-6", "720p")).map(Price::audioSurcharge).as("a stored null surcharge is the default's")
                .contains(42_000L);
    }

    @Test
    void aPriceStoredBeforePricesHadUnitsKeepsTheDefaultsUnitAndSurcharge() {
        jdbc.update("INSERT INTO prices (model, resolution, price, updated_at) VALUES ('seedance-1-0-pro-250528', '720p', 3000, 0), "
                + "('kling-v2-6', '720p', 50000, 0), ('sora-2-pro', '1024p', 450000, 0)");
        assertThat(prices.priceOf("seedance-1-0-pro-250528", "720p"))
                .contains(new Price("seedance-1-0-pro-250528", "720p", PriceUnit.THOUSAND_TOKENS, 3_000, null, true));
        assertThat(prices.priceOf("kling-v2-6", "720p")).contains(new Price("kling-v2-6", "720p", PriceUnit.SECOND, 50_000, 42_000L, true));
        assertThat(prices.priceOf("sora-2-pro", "1024p")).contains(new Price("sora-2-pro", "1024p", PriceUnit.SECOND, 450_000, null, true));
    }
}
