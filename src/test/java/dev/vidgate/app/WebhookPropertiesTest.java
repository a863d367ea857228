package dev.vidgate.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vidgate.webhooks.lease} reaches the deliverer and is checked at start with a message naming it. */
class WebhookPropertiesTest {

    @Test
    void theLeaseReachesTheDeliverySettings() {
        var props = new WebhookProperties(false, Duration.ofSeconds(1), Duration.ofDays(5), 32, Duration.ofSeconds(3));
        assertThat(props.settings().lease()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aLeaseShorterThanTwiceTheTimeoutStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new WebhookProperties(false, Duration.ofSeconds(10), Duration.ofDays(5), 32, Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vidgate.webhooks.lease (VIDGATE_WEBHOOKS_LEASE) must be a duration from twice vidgate.webhooks.timeout");
    }
}
