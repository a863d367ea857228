package dev.vidgate.app;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.relay.ChannelSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An {@code ark} channel in configuration: Volcengine's base by default, BytePlus's when given, and a key it cannot do without. */
class ArkConfigurationTest {
    @TempDir
    Path dir;

    private ChannelSettings read(String baseUrl, String apiKey) {
        return RelayConfigs.read(dir, RelayConfigs.channel("seedance", baseUrl, apiKey, null, "ark", List.of("sora-2=seedance-1-0-pro-250528")));
    }

    @Test
    void anArkChannelWithoutABaseUrlSpeaksToVolcengineInBeijing() {
        ChannelSettings c = read(null, "ark-secret-0123456789");
        assertThat(c.flavour().wireName()).isEqualTo("ark");
        assertThat(c.baseUrl()).isEqualTo(URI.create("https://ark.cn-beijing.volces.com/api/v3"));
        assertThat(c.upstreamModel("sora-2")).contains("seedance-1-0-pro-250528");
        assertThat(c.idempotencyKeys()).isFalse();
    }

    @Test
    void aBytePlusBaseUrlIsTakenAsGiven() {
        assertThat(read("https://ark.ap-southeast.bytepluses.com/api/v3", "ark-secret-0123456789").baseUrl())
                .isEqualTo(URI.create("https://ark.ap-southeast.bytepluses.com/api/v3"));
    }

    @Test
    void anArkChannelWithoutAKeyStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> read(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vidgate.relay.channels[0].api-key (or api-key-env) is required");
    }
}
