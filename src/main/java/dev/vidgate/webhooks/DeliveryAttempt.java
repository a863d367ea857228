package dev.vidgate.webhooks;

import java.time.Instant;

/**
 * One POST of a delivery, for the delivery log.
 *
 * @param statusCode   the receiver's HTTP status, or null when it gave none (refused, timed out, reset)
 * @param error        what went wrong, or null on a 2xx
 * @param responseBody at most the first 1 KB of the receiver's answer
 */
public record DeliveryAttempt(String deliveryId, int number, String worker, Instant startedAt, long latencyMillis,
                              Integer statusCode, String error, String responseBody) {

    public boolean acknowledged() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
