package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.vidgate.app.VidgateProperties.require;

/**
 * {@code vidgate.metrics.*}: the meters read from the database. README's configuration reference lists them.
 *
 * @param refreshInterval how often this node counts the unfinished jobs for {@code vidgate.jobs.active} and
 *                        {@code vidgate.queue.depth.key} ({@code VIDGATE_METRICS_REFRESH_INTERVAL})
 * @param maxKeys         the API keys with the most queued jobs that get a {@code vidgate.queue.depth.key} series of
 *                        their own; the others are summed as {@code key="other"} ({@code VIDGATE_METRICS_MAX_KEYS})
 */
@ConfigurationProperties("vidgate.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration refreshInterval, @DefaultValue("20") int maxKeys) {

    public MetricsProperties {
        require(refreshInterval != null && refreshInterval.compareTo(Duration.ofMillis(100)) >= 0
                        && refreshInterval.compareTo(Duration.ofHours(1)) <= 0,
                "vidgate.metrics.refresh-interval (VIDGATE_METRICS_REFRESH_INTERVAL) must be a duration from 100ms to 1h, such as 15s");
        require(maxKeys >= 0 && maxKeys <= 1000,
                "vidgate.metrics.max-keys (VIDGATE_METRICS_MAX_KEYS) must be from 0 (no per-key series) to 1000");
    }
}
