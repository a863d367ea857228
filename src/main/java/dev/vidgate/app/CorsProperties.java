package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * {@code vidgate.cors.*}: which web pages may call the API from a browser.
 *
 * @param allowedOrigins origins such as {@code https://app.example.com} ({@code VIDGATE_CORS_ALLOWED_ORIGINS},
 *                       comma-separated), or {@code *} for any; none by default
 */
@ConfigurationProperties("vidgate.cors")
public record CorsProperties(List<String> allowedOrigins) {
    private static final String KEY = "vidgate.cors.allowed-origins (VIDGATE_CORS_ALLOWED_ORIGINS)";

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String origin : allowedOrigins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw new IllegalArgumentException(KEY + " must list origins such as https://app.example.com (scheme, host and "
                        + "port only: no path, not even a trailing /) or be *; got '" + origin + "'");
            }
        }
        if (allowedOrigins.contains("*") && allowedOrigins.size() > 1) {
            throw new IllegalArgumentException(KEY + " is either * (any origin) or a list of origins, not both");
        }
    }

    private static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
