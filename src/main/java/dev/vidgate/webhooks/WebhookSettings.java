package dev.vidgate.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries run.
 *
 * @param allowPrivate  deliver to private and loopback addresses for every endpoint (a gateway inside a private network)
 * @param timeout       the whole exchange with a receiver, connect included
 * @param retryFor      how long after the event a delivery is retried before it fails for good
 * @param disableAfter  an endpoint whose deliveries failed this long without one success is disabled
 * @param lease         how long a claimed delivery stays with its worker (longer than {@code timeout})
 * @param pollInterval  the longest a deliverer waits before looking for due deliveries again
 * @param concurrency   deliveries in flight at once on one node
 */
public record WebhookSettings(boolean allowPrivate, Duration timeout, Duration retryFor, Duration disableAfter, Duration lease,
                              Duration pollInterval, int concurrency) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(false, Duration.ofSeconds(10), Duration.ofHours(72),
            Duration.ofDays(5), Duration.ofSeconds(60), Duration.ofSeconds(1), 32);

    public WebhookSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryFor, "retryFor");
        Objects.requireNonNull(disableAfter, "disableAfter");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) throw new IllegalArgumentException("lease must be at least twice the timeout");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    }

    public WebhookSettings withAllowPrivate(boolean value) {
        return new WebhookSettings(value, timeout, retryFor, disableAfter, lease, pollInterval, concurrency);
    }

    public WebhookSettings withTimeout(Duration value) {
        return new WebhookSettings(allowPrivate, value, retryFor, disableAfter, lease, pollInterval, concurrency);
    }

    public WebhookSettings withPollInterval(Duration value) {
        return new WebhookSettings(allowPrivate, timeout, retryFor, disableAfter, lease, value, concurrency);
    }

    public WebhookSettings withDisableAfter(Duration value) {
        return new WebhookSettings(allowPrivate, timeout, retryFor, value, lease, pollInterval, concurrency);
    }

    public WebhookSettings withLease(Duration value) {
        return new WebhookSettings(allowPrivate, timeout, retryFor, disableAfter, value, pollInterval, concurrency);
    }
}
