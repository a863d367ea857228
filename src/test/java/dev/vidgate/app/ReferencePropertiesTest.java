package dev.vidgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code vidgate.reference.*} is checked at start, with messages naming the property and its environment variable. */
class ReferencePropertiesTest {

    @Test
    void aReferenceCheckMayTakeTwoSecondsByDefault() {
        assertThat(bindEnvironment(Map.of()).decodeTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDocumentedEnvironmentVariableSetsTheTimeLimit() {
        assertThat(bindEnvironment(Map.of("VIDGATE_REFERENCE_DECODE_TIMEOUT", "500ms")).decodeTimeout())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aTimeLimitOfZeroOrOverAMinuteIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"0s", "-1s", "2m"}) {
            assertThatThrownBy(() -> bindEnvironment(Map.of("VIDGATE_REFERENCE_DECODE_TIMEOUT", bad)))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessage("vidgate.reference.decode-timeout (VIDGATE_REFERENCE_DECODE_TIMEOUT) must be a positive duration "
                            + "of at most 1m, such as 2s");
        }
    }

    private static ReferenceProperties bindEnvironment(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("vidgate.reference", ReferenceProperties.class);
    }
}
