package dev.vidgate.api;

import java.util.List;

/**
 * Which browser origins may call the API (CORS).
 *
 * @param allowedOrigins origins such as {@code https://app.example.com}, or {@code *} for any; empty: none
 */
public record CorsSettings(List<String> allowedOrigins) {
    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
