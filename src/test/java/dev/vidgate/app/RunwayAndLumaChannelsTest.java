package dev.vidgate.app;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.relay.ChannelSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runway and luma flavours in channel configuration: their SDKs' base URLs by default, and a key required. */
class RunwayAndLumaChannelsTest {
    @TempDir
    Path dir;

    private ChannelSettings read(String flavour, String apiKey, List<String> models) {
        return RelayConfigs.read(dir, RelayConfigs.adapterChannel(flavour, apiKey, flavour, models, null, null, null));
    }

    @Test
    void aRunwayChannelWithoutABaseUrlTalksToRunwaysPublicApiAndMapsSoraOntoItsModels() {
        ChannelSettings runway = read("runway", "key_0123456789abcdef", List.of("sora-2=gen4.5", "gen4_turbo", "veo3.1_fast"));
        assertThat(runway.flavour().wireName()).isEqualTo("runway");
        assertThat(runway.baseUrl()).hasToString("https://api.dev.runwayml.com");
        assertThat(runway.upstreamModel("sora-2")).contains("gen4.5");
        assertThat(runway.upstreamModel("veo3.1_fast")).contains("veo3.1_fast");
    }

    @Test
    void aLumaChannelWithoutABaseUrlTalksToDreamMachine() {
        ChannelSettings luma = read("luma", "luma-0123456789abcdef", List.of("ray-2", "ray-flash-2"));
        assertThat(luma.baseUrl()).hasToString("https://api.lumalabs.ai/dream-machine/v1");
        assertThat(luma.upstreamModel("ray-flash-2")).contains("ray-flash-2");
    }

    @Test
    void aChannelOfEitherWithoutAKeyStopsTheStartNamingTheKey() {
        for (String flavour : List.of("runway", "luma")) {
            assertThatThrownBy(() -> read(flavour, null, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("vidgate.relay.channels[0].api-key (or api-key-env) is required");
        }
    }
}
