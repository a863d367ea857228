package dev.vidgate.app;

import dev.vidgate.policy.Level;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vidgate.policy.*} is checked at start, with messages naming the key. */
class PolicyPropertiesTest {

    @Test
    void byDefaultSoraModelsAreStrictOthersStandardAndNoClassifierIsAsked() {
        PolicyProperties props = bind(Map.of());
        assertThat(props.levels().of("sora-2-pro")).isEqualTo(Level.STRICT);
        assertThat(props.levels().of("veo-3.1")).isEqualTo(Level.STANDARD);
        assertThat(props.classifier().settings()).isEmpty();
        assertThat(props.classifier().failClosed()).isFalse();
    }

    @Test
    void modelsPrefixesAndTheClassifierAreReadAsWritten() {
        PolicyProperties props = bind(Map.of("vidgate.policy.models[veo-*]", "off", "vidgate.policy.models.sora-2", "standard",
                "vidgate.policy.default-level", "strict", "vidgate.policy.classifier.url", "http://guard:8000/v1",
                "vidgate.policy.classifier.timeout", "500ms", "vidgate.policy.classifier.on-failure", "closed"));
        assertThat(props.levels().of("veo-3.1-fast")).isEqualTo(Level.OFF);
        assertThat(props.levels().of("sora-2")).isEqualTo(Level.STANDARD);
        assertThat(props.levels().of("sora-2-pro")).isEqualTo(Level.STRICT);
        assertThat(props.levels().of("kling-v2-6")).isEqualTo(Level.STRICT);
        assertThat(props.classifier().settings().orElseThrow().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(props.classifier().failClosed()).isTrue();
    }

    @Test
    void anUnknownLevelAFailureChoiceOrAURLIsRefusedNamingItsKey() {
        assertRefused(Map.of("vidgate.policy.models.sora-2", "lenient"), "vidgate.policy.models.sora-2 must be strict, standard or off");
        assertRefused(Map.of("vidgate.policy.default-level", "none"), "vidgate.policy.default-level must be strict, standard or off");
        assertRefused(Map.of("vidgate.policy.classifier.on-failure", "maybe"), "vidgate.policy.classifier.on-failure must be open or closed");
        assertRefused(Map.of("vidgate.policy.classifier.url", "guard:8000"), "vidgate.policy.classifier.url must be an http(s) URL");
        assertRefused(Map.of("vidgate.policy.classifier.timeout", "0s"), "vidgate.policy.classifier.timeout must be a positive duration");
        assertRefused(Map.of("vidgate.policy.rules-mode", "replace"), "vidgate.policy.rules-mode=replace needs vidgate.policy.rules-dir");
        assertRefused(Map.of("vidgate.policy.rules-dir", "/no/such/dir"), "vidgate.policy.rules-dir must name a directory");
    }

    private static void assertRefused(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> bind(properties)).isInstanceOf(BindException.class).rootCause().hasMessageStartingWith(message);
    }

    private static PolicyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vidgate.policy", PolicyProperties.class);
    }
}
