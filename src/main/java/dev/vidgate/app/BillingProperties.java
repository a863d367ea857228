package dev.vidgate.app;

import dev.vidgate.billing.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code vidgate.billing.*}: default prices per second, in micro-credits, by model and resolution, e.g.
 * {@code vidgate.billing.prices.sora-2-pro.1080p=700000}. Entries override the built-in defaults one by
 * one; the operator's prices (admin API, {@code vidgate prices set}) override these.
 */
@ConfigurationProperties("vidgate.billing")
public record BillingProperties(Map<String, Map<String, Long>> prices) {
    private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{1,4}p");

    /** OpenAI's Sora 2 list prices (USD per second), one credit standing for one dollar. */
    static final Map<String, Map<String, Long>> BUILT_IN = Map.of(
            "sora-2", Map.of("720p", 100_000L),
            "sora-2-pro", Map.of("720p", 300_000L, "1024p", 500_000L, "1080p", 700_000L));

    public BillingProperties {
        prices = prices == null ? Map.of() : prices;
        prices.forEach((model, byResolution) -> byResolution.forEach((resolution, price) -> {
            String key = "vidgate.billing.prices." + model + "." + resolution;
            if (!RESOLUTION.matcher(resolution).matches()) {
                throw new IllegalArgumentException(key + ": the resolution must look like 720p or 1080p (the shorter side of the size)");
            }
            if (price == null || price < 0 || price > Money.MAX_PRICE_PER_SECOND) {
                throw new IllegalArgumentException(key + " must be a whole number of micro-credits per second from 0 to "
                        + Money.MAX_PRICE_PER_SECOND);
            }
        }));
    }

    /** The built-in defaults with the configured entries laid over them. */
    Map<String, Map<String, Long>> effectivePrices() {
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        BUILT_IN.forEach((model, byResolution) -> merged.put(model, new LinkedHashMap<>(byResolution)));
        prices.forEach((model, byResolution) -> merged.computeIfAbsent(model, m -> new LinkedHashMap<>()).putAll(byResolution));
        return merged;
    }
}
