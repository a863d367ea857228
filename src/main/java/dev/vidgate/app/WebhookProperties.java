package dev.vidgate.app;

import dev.vidgate.webhooks.WebhookSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.vidgate.app.VidgateProperties.require;

/**
 * {@code vidgate.webhooks.*}: how webhook deliveries run. README's configuration reference and docs/webhooks.md list them.
 *
 * @param allowPrivate  deliver to private, loopback and link-local addresses for every endpoint, for a gateway inside a
 *                      private network ({@code VIDGATE_WEBHOOKS_ALLOW_PRIVATE}); otherwise only the admin's per-endpoint
 *                      {@code allow_private} does
 * @param timeout       the whole exchange with a receiver ({@code VIDGATE_WEBHOOKS_TIMEOUT})
 * @param disableAfter  an endpoint whose every delivery failed for this long is disabled ({@code VIDGATE_WEBHOOKS_DISABLE_AFTER})
 * @param concurrency   deliveries in flight at once on one node ({@code VIDGATE_WEBHOOKS_CONCURRENCY})
 * @param lease         how long a claimed delivery stays with its node; a node that dies mid-delivery leaves it to another
 *                      node after this ({@code VIDGATE_WEBHOOKS_LEASE}); at least twice the timeout
 */
@ConfigurationProperties("vidgate.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivate, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("5d") Duration disableAfter, @DefaultValue("32") int concurrency,
                                @DefaultValue("60s") Duration lease) {

    public WebhookProperties {
        require(timeout != null && timeout.compareTo(Duration.ofMillis(100)) >= 0 && timeout.compareTo(Duration.ofSeconds(30)) <= 0,
                "vidgate.webhooks.timeout (VIDGATE_WEBHOOKS_TIMEOUT) must be a duration from 100ms to 30s, such as 10s");
        require(disableAfter != null && disableAfter.compareTo(Duration.ofHours(1)) >= 0 && disableAfter.compareTo(Duration.ofDays(60)) <= 0,
                "vidgate.webhooks.disable-after (VIDGATE_WEBHOOKS_DISABLE_AFTER) must be a duration from 1h to 60d, such as 5d");
        require(concurrency >= 1 && concurrency <= 1000,
                "vidgate.webhooks.concurrency (VIDGATE_WEBHOOKS_CONCURRENCY) must be from 1 to 1000");
        require(lease != null && lease.compareTo(timeout.multipliedBy(2)) >= 0 && lease.compareTo(Duration.ofHours(1)) <= 0,
                "vidgate.webhooks.lease (VIDGATE_WEBHOOKS_LEASE) must be a duration from twice vidgate.webhooks.timeout to 1h, such as 60s");
    }

    WebhookSettings settings() {
        WebhookSettings d = WebhookSettings.DEFAULTS;
        return new WebhookSettings(allowPrivate, timeout, d.retryFor(), disableAfter, lease, d.pollInterval(), concurrency);
    }
}
