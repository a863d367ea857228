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

/** A {@code kling} channel in configuration: Kling's international host by default, its key form checked at start. */
class KlingChannelConfigurationTest {
    @TempDir
    Path dir;

    private ChannelSettings read(String apiKey) {
        return RelayConfigs.read(dir, RelayConfigs.channel("kling", null, apiKey, null, "kling", List.of("kling-v2-6")));
    }

    @Test
    void aKlingChannelWithoutBaseUrlTalksToKlingsInternationalHost() {
        ChannelSettings channel = read("AKaccess0123:SKsecret0123456789abcdef0123456789");
        assertThat(channel.flavour().wireName()).isEqualTo("kling");
        assertThat(channel.baseUrl().toString()).isEqualTo("https://api-singapore.klingai.com");
    }

    @Test
    void aKeyThatIsNotAccessKeyColonSecretKeyStopsTheStartNamingTheKeyButNotItsValue() {
        assertThatThrownBy(() -> read("sk-a-single-openai-style-key-0123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vidgate.relay.channels[0].api-key must be ACCESS_KEY:SECRET_KEY")
                .message().doesNotContain("sk-a-single-openai-style-key-0123456789");
    }
}
