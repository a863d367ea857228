package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.vidgate.app.VidgateProperties.require;

/**
 * {@code vidgate.auth.*}: how hard key guessing is made. README's configuration reference lists them.
 *
 * @param maxFailures   wrong keys (user or admin API) one client address may send per window before all its requests
 *                      answer 429 until the oldest failures leave the window; 0 turns the throttle off
 *                      ({@code VIDGATE_AUTH_MAX_FAILURES})
 * @param failureWindow the window those failures are counted in ({@code VIDGATE_AUTH_FAILURE_WINDOW})
 */
@ConfigurationProperties("vidgate.auth")
public record AuthProperties(@DefaultValue("20") int maxFailures, @DefaultValue("1m") Duration failureWindow) {

    public AuthProperties {
        require(maxFailures >= 0 && maxFailures <= 1_000_000,
                "vidgate.auth.max-failures (VIDGATE_AUTH_MAX_FAILURES) must be from 0 (no throttle) to 1000000");
        require(failureWindow != null && failureWindow.compareTo(Duration.ofSeconds(1)) >= 0
                        && failureWindow.compareTo(Duration.ofDays(1)) <= 0,
                "vidgate.auth.failure-window (VIDGATE_AUTH_FAILURE_WINDOW) must be a duration from 1s to 24h, such as 1m");
    }
}
