package dev.vidgate.app;

import dev.vidgate.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
        assertThat(prices.get("sora-2-pro")).isEqualTo(Map.of("720p", 300_000L, "1024p", 500_000L, "1080p", 650_000L));
        assertThat(prices.get("veo-3.1-generate-001")).isEqualTo(Map.of("720p", 400_000L, "1080p", 400_000L, "4k", 550_000L));
        assertThat(prices.get("seedance-1-0-pro-250528")).containsEntry("480p", 2_500L);
    }

    @Test
    void aModelIdWithDotsOutsideBracketsIsExplainedInTheMessage() {
        assertThatThrownBy(() -> bind(Map.of("vidgate.billing.prices.veo-3.1-generate-001.720p", "1")))
                .rootCause().hasMessageContaining("a model id with dots goes in brackets, as in vidgate.billing.prices[veo-3.1-generate-001].720p");
    }
}
