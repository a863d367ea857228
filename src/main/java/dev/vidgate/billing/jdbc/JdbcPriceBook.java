package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Price;
import dev.vidgate.billing.PriceBook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link PriceBook} on JDBC: the operator's overrides in the {@code prices} table over the configured defaults. */
public final class JdbcPriceBook implements PriceBook {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<Price> defaults;

    /**
     * @param defaults price per second by model, then by resolution (e.g. {@code sora-2 -> 720p -> 100000})
     */
    public JdbcPriceBook(JdbcTemplate jdbc, TransactionTemplate tx, Map<String, Map<String, Long>> defaults) {
        this.jdbc = jdbc;
        this.tx = tx;
        List<Price> list = new ArrayList<>();
        defaults.forEach((model, byResolution) -> byResolution.forEach((resolution, price) ->
                list.add(new Price(model, resolution, price, false))));
        this.defaults = List.copyOf(list);
    }

    @Override
    public List<Price> list() {
        Map<String, Price> byKey = new TreeMap<>();
        for (Price p : defaults) byKey.put(key(p.model(), p.resolution()), p);
        jdbc.query("SELECT model, resolution, price_per_second FROM prices", rs -> {
            byKey.put(key(rs.getString(1), rs.getString(2)), new Price(rs.getString(1), rs.getString(2), rs.getLong(3), true));
        });
        return byKey.values().stream()
                .sorted(Comparator.comparing(Price::model).thenComparingInt(p -> resolutionOrder(p.resolution())))
                .toList();
    }

    @Override
    public Optional<Long> priceOf(String model, String resolution) {
        List<Long> set = jdbc.queryForList("SELECT price_per_second FROM prices WHERE model = ? AND resolution = ?", Long.class,
                model, resolution);
        if (!set.isEmpty()) return Optional.of(set.getFirst());
        return defaults.stream().filter(p -> p.model().equals(model) && p.resolution().equals(resolution))
                .map(Price::pricePerSecond).findFirst();
    }

    @Override
    public Price set(String model, String resolution, long pricePerSecond, Instant at) {
        try {
            tx.executeWithoutResult(status -> {
                if (update(model, resolution, pricePerSecond, at) == 0) {
                    jdbc.update("INSERT INTO prices (model, resolution, price_per_second, updated_at) VALUES (?, ?, ?, ?)",
                            model, resolution, pricePerSecond, at.toEpochMilli());
                }
            });
        } catch (DuplicateKeyException raced) {
            // Another node inserted the same price first: ours is the later word.
            update(model, resolution, pricePerSecond, at);
        }
        return new Price(model, resolution, pricePerSecond, true);
    }

    private int update(String model, String resolution, long pricePerSecond, Instant at) {
        return jdbc.update("UPDATE prices SET price_per_second = ?, updated_at = ? WHERE model = ? AND resolution = ?",
                pricePerSecond, at.toEpochMilli(), model, resolution);
    }

    @Override
    public boolean reset(String model, String resolution) {
        return jdbc.update("DELETE FROM prices WHERE model = ? AND resolution = ?", model, resolution) > 0;
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
