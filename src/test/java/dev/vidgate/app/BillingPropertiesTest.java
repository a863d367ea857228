package dev.vidgate.app;

import dev.vidgate.billing.Price;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.PriceUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingPropertiesTest {
    private static BillingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vidgate.billing", Bindable.of(BillingProperties.class));
    }

    @Test
    void theCatalogsPricesAreTheDefaultsAndConfiguredEntriesOverrideThemOneByOne() {
        var prices = bind(Map.of("vidgate.billing.prices.sora-2-pro.1080p", "650000",
                "vidgate.billing.prices[veo-3.1-generate-001].4k", "550000")).effectivePrices(ModelCatalog.defaults("builtin"));
        assertThat(of(prices, "sora-2-pro")).containsExactly(Price.perSecond("sora-2-pro", "720p", 300_000L),
                Price.perSecond("sora-2-pro", "1024p", 500_000L), Price.perSecond("sora-2-pro", "1080p", 650_000L));
        assertThat(of(prices, "veo-3.1-generate-001")).extracting(Price::price).containsExactly(400_000L, 400_000L, 550_000L);
        assertThat(of(prices, "seedance-1-0-pro-250528")).first()
                .isEqualTo(new Price("seedance-1-0-pro-250528", "480p", PriceUnit.THOUSAND_TOKENS, 2_500L, null, false));
        assertThat(of(prices, "kling-v2-6")).extracting(Price::audioSurcharge).containsExactly(42_000L, 70_000L);
    }

    private static List<Price> of(List<Price> prices, String model) {
        return prices.stream().filter(p -> p.model().equals(model)).toList();
    }

    @Test
    void aModelIdWithDotsOutsideBracketsIsExplainedInTheMessage() {
        assertThatThrownBy(() -> bind(Map.of("vidgate.billing.prices.veo-3.1-generate-001.720p", "1")))
                .rootCause().hasMessageContaining("a model id with dots goes in brackets, as in vidgate.billing.prices[veo-3.1-generate-001].720p");
    }
}
