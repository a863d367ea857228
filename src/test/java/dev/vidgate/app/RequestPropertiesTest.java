package dev.vidgate.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vidgate.request.unknown-parameters} is reject (OpenAI's way, the default) or ignore, checked at start naming it. */
class RequestPropertiesTest {

    @Test
    void unknownParametersAreRejectedByDefaultAndTheEnvironmentMayRelaxIt() {
        assertThat(bind(Map.of()).parameters().ignoreUnknown()).isFalse();
        assertThat(bind(Map.of("VIDGATE_REQUEST_UNKNOWN_PARAMETERS", "IGNORE")).parameters().ignoreUnknown()).isTrue();
        assertThat(bind(Map.of("VIDGATE_REQUEST_UNKNOWN_PARAMETERS", "reject")).parameters().ignoreUnknown()).isFalse();
    }

    @Test
    void anotherValueStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new RequestProperties("allow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vidgate.request.unknown-parameters (VIDGATE_REQUEST_UNKNOWN_PARAMETERS) must be reject or ignore; got 'allow'");
    }

    private static RequestProperties bind(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("vidgate.request", RequestProperties.class);
    }
}
