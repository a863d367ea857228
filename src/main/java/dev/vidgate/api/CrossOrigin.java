package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS with Spring's {@link CorsFilter}, ahead of authentication, so a preflight never needs a key and
 * never reaches a route. The origins are the operator's ({@link CorsSettings}); the request headers
 * allowed are those the OpenAI SDKs send ({@code x-stainless-*} included), and the answers expose
 * the headers they read. A refused preflight (or, with origins configured, a refused cross-origin
 * request) is a 403 envelope; with no origins configured, requests other than preflights pass as if
 * CORS did not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIdFilter, so a refusal has its x-request-id
final class CrossOrigin extends CorsFilter {
    static final Set<String> ALLOWED_HEADERS = Set.of("authorization", "api-key", "content-type", "accept", "range",
            "idempotency-key", "openai-organization", "openai-project", "openai-beta");
    static final String SDK_HEADER_PREFIX = "x-stainless-";
    static final List<String> EXPOSED_HEADERS = List.of(RequestIds.HEADER, "openai-poll-after-ms", "retry-after", "x-should-retry",
            "Content-Range", "Accept-Ranges", "Content-Disposition");

    CrossOrigin(CorsSettings settings, ErrorRendering errors) {
        super(source(settings));
        setCorsProcessor(new Processor(errors));
    }

    private static CorsConfigurationSource source(CorsSettings settings) {
        var config = new CorsConfiguration();
        config.setAllowedOrigins(settings.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "DELETE"));
        config.setExposedHeaders(EXPOSED_HEADERS);
        config.setMaxAge(Duration.ofMinutes(10));
        boolean off = settings.allowedOrigins().isEmpty();
        return (HttpServletRequest request) -> off && !CorsUtils.isPreFlightRequest(request) ? null : config;
    }

    /** Spring's processor, with the SDK headers allowed by name or prefix and refusals in the OpenAI envelope. */
    private static final class Processor extends DefaultCorsProcessor {
        private final ErrorRendering errors;

        Processor(ErrorRendering errors) {
            this.errors = errors;
        }

        @Override
        protected List<String> checkHeaders(CorsConfiguration config, List<String> requested) {
            if (requested.isEmpty()) return requested;
            List<String> allowed = requested.stream().map(String::trim).filter(h -> {
                String name = h.toLowerCase(Locale.ROOT);
                return ALLOWED_HEADERS.contains(name) || name.startsWith(SDK_HEADER_PREFIX);
            }).toList();
            return allowed.size() == requested.size() ? allowed : null;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            errors.write(((ServletServerHttpResponse) response).getServletResponse(), new ApiException(403, "invalid_request_error",
                    "This cross-origin request is not allowed: its origin, method or headers are not among those this server "
                            + "accepts from browsers (the operator lists origins in vidgate.cors.allowed-origins).",
                    null, "cors_not_allowed", null));
        }
    }
}
