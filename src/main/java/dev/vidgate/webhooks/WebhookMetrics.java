package dev.vidgate.webhooks;

import dev.vidgate.common.LoopErrors;

import java.time.Duration;

/** What the deliverer tells the metrics: every attempt's outcome, the lag of every acknowledged event, its loop's errors. */
public interface WebhookMetrics extends LoopErrors {

    /** @param outcome {@code delivered}, {@code retry} or {@code failed} */
    void attempted(String outcome);

    /** From the job's final transition to the receiver's 2xx. */
    void lag(Duration fromEventToAcknowledged);

    WebhookMetrics NONE = new WebhookMetrics() {
        @Override public void attempted(String outcome) {}
        @Override public void lag(Duration d) {}
        @Override public void caught(String loop) {}
    };
}
