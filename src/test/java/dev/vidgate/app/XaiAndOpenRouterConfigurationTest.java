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

/** {@code xai} and {@code openrouter} channels in configuration: the providers' public bases by default, and a key neither can do without. */
class XaiAndOpenRouterConfigurationTest {
    @TempDir
    Path dir;

    private ChannelSettings read(String flavour, String models, String apiKey) {
        return RelayConfigs.read(dir, RelayConfigs.adapterChannel(flavour, apiKey, flavour, List.of(models), null, null, null));
    }

    @Test
    void anXaiChannelWithoutABaseUrlSpeaksToXaisPublicApi() {
        ChannelSettings c = read("xai", "sora-2=grok-imagine-video", "xai-secret-0123456789");
        assertThat(c.flavour().wireName()).isEqualTo("xai");
        assertThat(c.baseUrl()).isEqualTo(URI.create("https://api.x.ai/v1"));
        assertThat(c.upstreamModel("sora-2")).contains("grok-imagine-video");
    }

    @Test
    void anOpenRouterChannelWithoutABaseUrlSpeaksToOpenRoutersApiAndMapsOurModelOntoTheirs() {
        ChannelSettings c = read("openrouter", "sora-2=google/veo-3.1", "sk-or-v1-secret-0123456789");
        assertThat(c.flavour().wireName()).isEqualTo("openrouter");
        assertThat(c.baseUrl()).isEqualTo(URI.create("https://openrouter.ai/api/v1"));
        assertThat(c.upstreamModel("sora-2")).contains("google/veo-3.1");
    }

    @Test
    void eitherChannelWithoutAKeyStopsTheStartNamingTheKey() {
        for (String flavour : List.of("xai", "openrouter")) {
            assertThatThrownBy(() -> read(flavour, "sora-2", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("vidgate.relay.channels[0].api-key (or api-key-env) is required");
        }
    }
}
