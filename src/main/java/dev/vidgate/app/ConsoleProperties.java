package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.vidgate.app.VidgateProperties.require;

/**
 * {@code vidgate.console.*}: the web console at {@code /console} (docs/console.md).
 *
 * @param sessionTtl how long a console session lasts after signing in ({@code VIDGATE_CONSOLE_SESSION_TTL})
 */
@ConfigurationProperties("vidgate.console")
public record ConsoleProperties(@DefaultValue("12h") Duration sessionTtl) {

    public ConsoleProperties {
        require(sessionTtl != null && sessionTtl.compareTo(Duration.ofMinutes(5)) >= 0
                        && sessionTtl.compareTo(Duration.ofDays(30)) <= 0,
                "vidgate.console.session-ttl (VIDGATE_CONSOLE_SESSION_TTL) must be a duration from 5m to 30d, such as 12h");
    }
}
