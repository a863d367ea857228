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

/** Channels of the {@code gemini} and {@code vertex} flavours as configuration gives them, mistakes named by their key. */
class GoogleChannelConfigurationTest {
    @TempDir
    Path dir;

    private ChannelSettings read(String flavour, String apiKey, String project, String location, Map<String, String> options) {
        return RelayConfigs.read(dir, RelayConfigs.adapterChannel("veo", apiKey, flavour, List.of("sora-2=veo-3.1-generate-001"),
                project, location, options));
    }

    @Test
    void aGeminiChannelWithoutABaseUrlTalksToTheGeminiApiHost() {
        ChannelSettings channel = read("gemini", "AIzaSy-key-0123456789", null, null, null);
        assertThat(channel.baseUrl().toString()).isEqualTo("https://generativelanguage.googleapis.com");
        assertThat(channel.upstreamModel("sora-2")).contains("veo-3.1-generate-001");
    }

    @Test
    void aVertexChannelReadsItsProjectAndLocation() {
        ChannelSettings channel = read("vertex", "ya29.token", "my-project", "europe-west4", null);
        assertThat(channel.option("project")).contains("my-project");
        assertThat(channel.option("location")).contains("europe-west4");
        assertThat(channel.baseUrl().getHost()).isEqualTo("aiplatform.googleapis.com");
    }

    @Test
    void aVertexChannelWithoutAProjectOrWithAnUnusableKeyStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> read("vertex", "ya29.token", null, null, null))
                .hasMessageStartingWith("vidgate.relay.channels[0].project is required");
        assertThatThrownBy(() -> read("vertex", "{\"type\":\"service_account\"}", "my-project", null, null))
                .hasMessageStartingWith("vidgate.relay.channels[0].api-key");
        assertThatThrownBy(() -> read("gemini", "AIzaSy-key-0123456789", "my-project", null, null))
                .hasMessageContaining("options.project").hasMessageContaining("not an option of the gemini flavour");
        assertThatThrownBy(() -> read("gemini", null, null, null, null)).hasMessageStartingWith("vidgate.relay.channels[0].api-key is required");
    }
}
