package dev.vidgate.app;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.Flavour;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.catalog.DurationPolicy;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vidgate.relay.*} and model routing: read into settings, every mistake named by its key. */
class RelayConfigurationTest {
    private static final ModelCatalog CATALOG = ModelCatalog.defaults("relay");

    @TempDir
    Path dir;

    private static RelayProperties.ChannelProperties channel(String name, String baseUrl, String apiKey, String apiKeyEnv,
                                                             String flavour, List<String> models) {
        return RelayConfigs.channel(name, baseUrl, apiKey, apiKeyEnv, flavour, models);
    }

    private static RelayProperties.ChannelProperties snapping(String name, List<String> models, String durationPolicy) {
        return RelayConfigs.channel(name, "https://api.example.com/v1", null, null, null, models, durationPolicy);
    }

    @Test
    void channelsBoundTheRelayModelsByWhatTheyAreSentAsAndSnapOnlyWhenEveryChannelOfAModelDoes() {
        ModelCatalog catalog = CATALOG.withEngine("sora-2-pro", "builtin");
        ModelCatalog routed = relay(snapping("veo", List.of("sora-2=veo-3.1-fast-generate-001", "sora-2-pro=veo-3.1-generate-001"), "nearest"),
                snapping("kling", List.of("sora-2=veo-3.1-generate-001"), null)).routed(catalog);
        assertThat(routed.find("sora-2").orElseThrow().can().durations()).containsExactly(4, 6, 8);
        assertThat(routed.find("sora-2").orElseThrow().durations()).isEqualTo(DurationPolicy.EXACT);
        assertThat(routed.find("sora-2-pro")).as("a model on another engine stays").isEqualTo(catalog.find("sora-2-pro"));

        ModelCatalog everywhere = relay(snapping("veo", List.of("sora-2=veo-3.1-fast-generate-001"), "nearest"),
                snapping("all", null, "nearest")).routed(CATALOG);
        ModelSpec sora = everywhere.find("sora-2").orElseThrow();
        assertThat(sora.can().durations()).as("a channel without models sends sora-2 as itself").containsExactly(4, 8);
        assertThat(sora.durations()).isEqualTo(DurationPolicy.NEAREST);
    }

    @Test
    void aSoraModelTakesFootageOnlyWhileEveryChannelThatServesItPassesEditsOn() {
        ModelCatalog openAiOnly = relay(channel("openai", "https://api.openai.com/v1", "sk-test", null, "openai", null)).routed(CATALOG);
        assertThat(openAiOnly.find("sora-2").orElseThrow().can().takes(Input.VIDEO)).isTrue();

        ModelCatalog withAzure = relay(channel("openai", "https://api.openai.com/v1", "sk-test", null, "openai", null),
                channel("azure", "https://example.openai.azure.com/openai/v1", "key", null, "azure", List.of("sora-2"))).routed(CATALOG);
        assertThat(withAzure.find("sora-2").orElseThrow().can().takes(Input.VIDEO))
                .as("Azure has no edits, so an edit of sora-2 could land where it fails").isFalse();
        assertThat(withAzure.find("sora-2").orElseThrow().can().takes(Input.FIRST_FRAME)).isTrue();
        assertThat(withAzure.find("sora-2-pro").orElseThrow().can().takes(Input.VIDEO)).as("only OpenAI serves sora-2-pro").isTrue();
    }

    @Test
    void aDurationPolicyOtherThanExactOrNearestAndTargetsWithNothingInCommonStopTheStart() {
        assertThatThrownBy(() -> relay(snapping("veo", List.of("sora-2=veo-3.1-generate-001"), "closest")).routed(CATALOG))
                .hasMessage("vidgate.relay.channels[0].duration-policy (VIDGATE_RELAY_CHANNELS_0_DURATION_POLICY) must be exact or "
                        + "nearest; got 'closest'");
        assertThatThrownBy(() -> relay(snapping("a", List.of("sora-2=kling-v2-1-master"), null),
                snapping("b", List.of("sora-2=veo-3.1-generate-001"), null)).routed(CATALOG))
                .hasMessageStartingWith("vidgate.relay.channels[i].models: sora-2 is routed to models with no size or no duration "
                        + "in common (kling-v2-1-master, veo-3.1-generate-001)");
    }

    private static RelayProperties relay(RelayProperties.ChannelProperties... channels) {
        return RelayConfigs.relay(channels);
    }

    private RelaySettings settings(RelayProperties properties, Map<String, String> env) {
        return properties.toSettings(dir, env::get, CATALOG);
    }

    @Test
    void aChannelIsReadWithItsKeyFromTheEnvironmentAndItsModelMappingCoversAliases() {
        RelaySettings settings = settings(relay(channel("azure-east", "https://east.openai.azure.com", null, "AZURE_KEY", "azure",
                List.of("sora-2=my-sora-deployment"))), Map.of("AZURE_KEY", "azure-secret-0123456789"));
        ChannelSettings c = settings.channels().getFirst();
        assertThat(c.flavour()).isEqualTo(Flavour.AZURE);
        assertThat(c.upstreamModel("sora-2")).contains("my-sora-deployment");
        assertThat(c.upstreamModel("sora-2-2025-10-06")).contains("my-sora-deployment");
        assertThat(c.upstreamModel("sora-2-pro")).isEmpty();
        assertThat(c.idempotencyKeys()).isFalse();
        assertThat(c.toString()).doesNotContain("azure-secret-0123456789").contains("azure...6789");
        assertThat(settings.maxVideoBytes()).isEqualTo(512L * 1024 * 1024);
    }

    @Test
    void anOpenAiChannelWithoutModelsServesEveryModelAndTrustsIdempotencyKeys() {
        ChannelSettings c = settings(relay(channel("up", "https://api.example.com/v1", "sk-up-0123456789", null, null, null)), Map.of())
                .channels().getFirst();
        assertThat(c.flavour()).isEqualTo(Flavour.OPENAI);
        assertThat(c.upstreamModel("sora-2-pro")).contains("sora-2-pro");
        assertThat(c.idempotencyKeys()).isTrue();
    }

    @Test
    void behindARelayTheCatalogServesTheOtherProvidersModelsOnlyWhereAChannelListsThem() {
        var listing = relay(channel("veo", "https://a.example/v1", "sk-a-0123456789", null, null,
                List.of("sora-2", "sora-2-pro", "veo-3.1-fast-generate-001=veo-fast")));
        assertThat(listing.servedOnly(CATALOG, Set.of("kling-v2-6")).names())
                .containsExactly("sora-2", "sora-2-pro", "veo-3.1-fast-generate-001", "kling-v2-6");
        var all = relay(channel("all", "https://a.example/v1", "sk-a-0123456789", null, null, null));
        assertThat(all.servedOnly(CATALOG, Set.of())).isEqualTo(CATALOG);
        var onBuiltin = ModelCatalog.defaults("builtin");
        assertThat(listing.servedOnly(onBuiltin, Set.of())).isEqualTo(onBuiltin);
    }

    @Test
    void everyMistakeIsNamedByItsKeyAndEnvironmentVariable() {
        assertProblem(relay(channel("Bad Name", "https://a.example/v1", null, null, "openai", null)),
                "vidgate.relay.channels[0].name (VIDGATE_RELAY_CHANNELS_0_NAME) must be 1 to 40 lowercase letters");
        assertProblem(relay(channel("ok", "ftp://a.example/v1", null, null, "openai", null)),
                "vidgate.relay.channels[0].base-url (VIDGATE_RELAY_CHANNELS_0_BASE_URL) must be an http:// or https:// URL");
        assertProblem(relay(channel("ok", "https://user:pw@a.example/v1", null, null, "openai", null)),
                "vidgate.relay.channels[0].base-url (VIDGATE_RELAY_CHANNELS_0_BASE_URL) must not carry a query, fragment or credentials");
        assertProblem(relay(channel("ok", "https://a.example/v1", null, null, "nosuch", null)),
                "vidgate.relay.channels[0].flavour (VIDGATE_RELAY_CHANNELS_0_FLAVOUR) must be one of openai, azure, sglang, vllm-omni, trtllm");
        assertProblem(relay(channel("ok", "https://a.example/v1", null, "MISSING_KEY", "openai", null)),
                "vidgate.relay.channels[0].api-key-env (VIDGATE_RELAY_CHANNELS_0_API_KEY_ENV) names the environment variable MISSING_KEY");
        assertProblem(relay(channel("ok", "https://a.example/v1", "k", "K", "openai", null)), "are both set");
        assertProblem(relay(channel("ok", "https://a.example/v1", null, null, "openai", List.of("veo-3=veo"))),
                "vidgate.relay.channels[0].models (VIDGATE_RELAY_CHANNELS_0_MODELS) names 'veo-3', which is not a model of this gateway");
        assertProblem(relay(channel("a", "https://a.example/v1", null, null, "openai", null),
                channel("a", "https://b.example/v1", null, null, "openai", null)),
                "vidgate.relay.channels[1].name (VIDGATE_RELAY_CHANNELS_1_NAME) repeats the channel name a");
        assertProblem(new RelayProperties(List.of(channel("a", "https://a.example/v1", null, null, "openai", null)), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMinutes(60), Duration.ofMinutes(10), DataSize.ofMegabytes(512), Duration.ofMinutes(10), 5,
                Duration.ofSeconds(30), Duration.ofSeconds(60)),
                "vidgate.relay.max-poll-interval (VIDGATE_RELAY_MAX_POLL_INTERVAL) must be at least vidgate.relay.poll-interval");
    }

    private void assertProblem(RelayProperties properties, String message) {
        assertThatThrownBy(() -> settings(properties, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void routingAModelToTheRelayWithoutChannelsStopsTheServerWithAClearMessage() {
        assertThatThrownBy(() -> TestServer.start(dir.resolve("a"), new TestClock(), Map.of("vidgate.engine", "relay")))
                .rootCause().hasMessageContaining("vidgate.engine (VIDGATE_ENGINE) routes sora-2 to the engine 'relay', "
                        + "which needs at least one channel under vidgate.relay.channels");
        assertThatThrownBy(() -> TestServer.start(dir.resolve("b"), new TestClock(), Map.of("vidgate.model-engines.sora-3", "relay")))
                .rootCause().hasMessageContaining("vidgate.model-engines.sora-3 names no model of this gateway (sora-2, sora-2-pro, veo-3.1-generate-001, ");
        assertThatThrownBy(() -> TestServer.start(dir.resolve("c"), new TestClock(), Map.of(
                "vidgate.model-engines.sora-2-pro", "relay",
                "vidgate.relay.channels[0].name", "only-sora-2",
                "vidgate.relay.channels[0].base-url", "http://127.0.0.1:9/v1",
                "vidgate.relay.channels[0].models", "sora-2")))
                .rootCause().hasMessageContaining("vidgate.model-engines.sora-2-pro routes sora-2-pro to the relay, "
                        + "but no vidgate.relay.channels[i].models lists it");
    }
}
