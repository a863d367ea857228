package dev.vidgate.app;

import dev.vidgate.webhooks.WebhookMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * {@code vidgate.webhook.deliveries{outcome}} (Prometheus: {@code vidgate_webhook_deliveries_total}): attempts by what
 * became of them; {@code vidgate.webhook.lag}: from a job's final transition to its receiver's 2xx; the delivery loop's
 * errors under {@code vidgate.loop.errors{loop="webhook-delivery"}}.
 */
final class WebhookMeters implements WebhookMetrics {
    private final MeterRegistry registry;
    private final JobMeters loops;
    private final Timer lag;

    WebhookMeters(MeterRegistry registry, JobMeters loops) {
        this.registry = registry;
        this.loops = loops;
        for (String outcome : new String[] {"delivered", "retry", "failed"}) counter(outcome);
        this.lag = Timer.builder("vidgate.webhook.lag").description("from a job's final transition to the receiver's 2xx")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(72))
                .register(registry);
    }

    @Override
    public void attempted(String outcome) {
        counter(outcome).increment();
    }

    @Override
    public void lag(Duration fromEventToAcknowledged) {
        lag.record(fromEventToAcknowledged);
    }

    @Override
    public void caught(String loop) {
        loops.caught(loop);
    }

    private Counter counter(String outcome) {
        return Counter.builder("vidgate.webhook.deliveries").description("webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
