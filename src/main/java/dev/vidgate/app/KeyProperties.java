package dev.vidgate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vidgate.keys.*}: the limits given to keys the operator makes (admin API, {@code vidgate keys create})
 * unless the request names others. 0 means no limit.
 *
 * @param requestsPerMinute requests per minute per key, counted on each node ({@code VIDGATE_KEYS_REQUESTS_PER_MINUTE})
 * @param maxQueued         jobs of one key waiting queued at once, beyond which creates answer 429 ({@code VIDGATE_KEYS_MAX_QUEUED})
 */
@ConfigurationProperties("vidgate.keys")
public record KeyProperties(@DefaultValue("600") int requestsPerMinute, @DefaultValue("50") int maxQueued) {

    public KeyProperties {
        if (requestsPerMinute < 0 || requestsPerMinute > 1_000_000) {
            throw new IllegalArgumentException("vidgate.keys.requests-per-minute (VIDGATE_KEYS_REQUESTS_PER_MINUTE) must be from 0 (no limit) to 1000000");
        }
        if (maxQueued < 0 || maxQueued > 100_000) {
            throw new IllegalArgumentException("vidgate.keys.max-queued (VIDGATE_KEYS_MAX_QUEUED) must be from 0 (no cap) to 100000");
        }
    }

    Integer requestsPerMinuteOrNone() {
        return requestsPerMinute == 0 ? null : requestsPerMinute;
    }

    Integer maxQueuedOrNone() {
        return maxQueued == 0 ? null : maxQueued;
    }
}
