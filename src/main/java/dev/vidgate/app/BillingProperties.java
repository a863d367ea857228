package dev.vidgate.app;

import dev.vidgate.billing.Money;
import dev.vidgate.billing.Price;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.Pricing;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code vidgate.billing.*}: default prices, in micro-credits per the model's price unit (a second unless the catalog
 * says otherwise), by model and resolution, e.g. {@code vidgate.billing.prices.sora-2-pro.1080p=700000}. Entries
 * override the catalog's prices one by one; the operator's prices (admin API, {@code vidgate prices set}) override these.
 */
@ConfigurationProperties("vidgate.billing")
public record BillingProperties(Map<String, Map<String, Long>> prices) {
    private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{1,4}p|[1-9]k");

    public BillingProperties {
        prices = prices == null ? Map.of() : prices;
        prices.forEach((model, byResolution) -> byResolution.forEach((resolution, price) -> {
            String key = "vidgate.billing.prices." + model + "." + resolution;
            if (!RESOLUTION.matcher(resolution).matches()) {
                throw new IllegalArgumentException(key + ": the resolution must look like 720p, 1080p or 4k (a resolution tier of the model)"
                        + (resolution.contains(".") ? "; a model id with dots goes in brackets, as in vidgate.billing.prices[veo-3.1-generate-001].720p" : ""));
            }
            if (price == null || price < 0 || price > Money.MAX_PRICE_PER_SECOND) {
                throw new IllegalArgumentException(key + " must be a whole number of micro-credits per second from 0 to "
                        + Money.MAX_PRICE_PER_SECOND);
            }
        }));
    }

    /**
     * The catalog's prices with the configured entries laid over them, each in its model's unit (a second for a model
     * the catalog does not have) with the model's audio surcharge at that tier.
     */
    List<Price> effectivePrices(ModelCatalog catalog) {
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        catalog.models().forEach(model -> merged.put(model.name(), new LinkedHashMap<>(model.pricing().prices())));
        prices.forEach((model, byResolution) -> merged.computeIfAbsent(model, m -> new LinkedHashMap<>()).putAll(byResolution));
        List<Price> result = new ArrayList<>();
        merged.forEach((model, byResolution) -> {
            Pricing pricing = catalog.find(model).map(ModelSpec::pricing).orElse(Pricing.perSecond(Map.of()));
            byResolution.forEach((resolution, price) -> result.add(new Price(model, resolution, pricing.unit(), price,
                    pricing.audioSurcharges().get(resolution), false)));
        });
        return result;
    }
}
