package dev.vidgate.engine;

import java.time.Instant;

/**
 * The health of one upstream channel of a remote engine, as an operator sees it. Never carries the
 * channel's credentials.
 *
 * @param name            the configured channel name
 * @param flavour         the upstream's protocol flavour, e.g. {@code openai}
 * @param circuit         {@code closed} (in use), {@code open} (skipped until {@code openUntil}) or
 *                        {@code half_open} (one trial request decides)
 * @param openUntil       when an open circuit lets a trial through again, or {@code null}
 * @param inFlight        upstream jobs this node tracks on the channel now
 * @param maxInFlight     the configured limit of {@code inFlight}
 * @param recentRequests  how many of the latest requests {@code successRate} and {@code latencyMillis} cover
 * @param successRate     share of those requests that got a usable answer, 0..1 (1 when there were none)
 * @param latencyMillis   mean latency of those requests in milliseconds
 * @param totalRequests   requests since start
 * @param totalFailures   failed requests since start (timeouts, resets, 5xx, unreadable answers)
 * @param lastError       the latest failure, readable and free of secrets, or {@code null}
 * @param lastErrorAt     when it happened, or {@code null}
 * @param figures         what the upstream reports of itself, by name (a ComfyUI server's {@code vram_free_bytes}); a
 *                        figure not yet known is NaN; empty for providers that report nothing
 */
public record ChannelStatus(String name, String flavour, String circuit, Instant openUntil, int inFlight, int maxInFlight,
                            int recentRequests, double successRate, long latencyMillis, long totalRequests,
                            long totalFailures, String lastError, Instant lastErrorAt, java.util.Map<String, Double> figures) {

    public ChannelStatus {
        figures = figures == null ? java.util.Map.of() : java.util.Map.copyOf(figures);
    }
}
