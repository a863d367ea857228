package dev.vidgate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vidgate.cors.allowed-origins} is a comma list of origins or {@code *}, checked at start with a message naming it. */
class CorsPropertiesTest {

    @Test
    void noOriginIsAllowedByDefault() {
        assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
    }

    @Test
    void theEnvironmentVariableTakesACommaSeparatedListOrAStar() {
        assertThat(bind(Map.of("VIDGATE_CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:5173")).allowedOrigins())
                .containsExactly("https://app.example.com", "http://localhost:5173");
        assertThat(bind(Map.of("VIDGATE_CORS_ALLOWED_ORIGINS", "*")).allowedOrigins()).containsExactly("*");
        assertThat(bind(Map.of("VIDGATE_CORS_ALLOWED_ORIGINS", "")).allowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/", "https://app.example.com/path", "app.example.com", "ftp://app.example.com",
            "https://user@app.example.com", "https://*.example.com"})
    void somethingOtherThanAnOriginStopsTheStartNamingTheSetting(String origin) {
        assertThatThrownBy(() -> new CorsProperties(List.of(origin))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vidgate.cors.allowed-origins (VIDGATE_CORS_ALLOWED_ORIGINS) must list origins")
                .hasMessageContaining("'" + origin + "'");
    }

    @Test
    void aStarTogetherWithOriginsIsRefused() {
        assertThatThrownBy(() -> new CorsProperties(List.of("*", "https://app.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vidgate.cors.allowed-origins (VIDGATE_CORS_ALLOWED_ORIGINS) is either * (any origin) or a list of origins, not both");
    }

    private static CorsProperties bind(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("vidgate.cors", CorsProperties.class);
    }
}
