package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Price;
import dev.vidgate.billing.PriceBook;
import dev.vidgate.catalog.PriceUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link PriceBook} on JDBC: the operator's overrides in the {@code prices} table over the configured defaults. A row
 * written before prices had units (its {@code price_unit} and {@code audio_surcharge} NULL) keeps the default's unit
 * and surcharge.
 */
public final class JdbcPriceBook implements PriceBook {
    private static final String SELECT = "SELECT model, resolution, price_unit, price, audio_surcharge FROM prices";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<Price> defaults;

    /** @param defaults the configured price of each model and resolution (not overridden) */
    public JdbcPriceBook(JdbcTemplate jdbc, TransactionTemplate tx, List<Price> defaults) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.defaults = List.copyOf(defaults);
    }

    @Override
    public List<Price> list() {
        Map<String, Price> byKey = new TreeMap<>();
        for (Price p : defaults) byKey.put(key(p.model(), p.resolution()), p);
        for (Price p : jdbc.query(SELECT, overrides())) byKey.put(key(p.model(), p.resolution()), p);
        return byKey.values().stream()
                .sorted(Comparator.comparing(Price::model).thenComparingInt(p -> resolutionOrder(p.resolution())))
                .toList();
    }

    @Override
    public Optional<Price> priceOf(String model, String resolution) {
        List<Price> set = jdbc.query(SELECT + " WHERE model = ? AND resolution = ?", overrides(), model, resolution);
        if (!set.isEmpty()) return Optional.of(set.getFirst());
        return defaultOf(model, resolution);
    }

    @Override
    public Price set(String model, String resolution, PriceUnit unit, long price, Long audioSurcharge, Instant at) {
        try {
            tx.executeWithoutResult(status -> {
                if (update(model, resolution, unit, price, audioSurcharge, at) == 0) {
                    jdbc.update("INSERT INTO prices (model, resolution, price_unit, price, audio_surcharge, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", model, resolution, unit.wireName(), price, audioSurcharge, at.toEpochMilli());
                }
            });
        } catch (DuplicateKeyException raced) {
            // Another node inserted the same price first: ours is the later word.
            update(model, resolution, unit, price, audioSurcharge, at);
        }
        return new Price(model, resolution, unit, price, audioSurcharge, true);
    }

    private int update(String model, String resolution, PriceUnit unit, long price, Long audioSurcharge, Instant at) {
        return jdbc.update("UPDATE prices SET price_unit = ?, price = ?, audio_surcharge = ?, updated_at = ? "
                        + "WHERE model = ? AND resolution = ?",
                unit.wireName(), price, audioSurcharge, at.toEpochMilli(), model, resolution);
    }

    @Override
    public boolean reset(String model, String resolution) {
        return jdbc.update("DELETE FROM prices WHERE model = ? AND resolution = ?", model, resolution) > 0;
    }

    /** A stored override, its missing unit and surcharge (a row from before units) taken from the default. */
    private RowMapper<Price> overrides() {
        return (rs, i) -> {
            String model = rs.getString(1), resolution = rs.getString(2);
            Optional<Price> fallback = defaultOf(model, resolution);
            PriceUnit unit = rs.getString(3) != null ? Rows.unit(rs.getString(3)) : fallback.map(Price::unit).orElse(PriceUnit.SECOND);
            Long surcharge = Rows.nullableLong(rs, 5);
            if (surcharge == null) surcharge = fallback.map(Price::audioSurcharge).orElse(null);
            return new Price(model, resolution, unit, rs.getLong(4), surcharge, true);
        };
    }

    private Optional<Price> defaultOf(String model, String resolution) {
        return defaults.stream().filter(p -> p.model().equals(model) && p.resolution().equals(resolution)).findFirst();
    }

    private static String key(String model, String resolution) {
        return model + "\u0000" + resolution;
    }

    /** "720p" before "1080p": by the number, then by text for anything else. */
    private static int resolutionOrder(String resolution) {
        try {
            return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
