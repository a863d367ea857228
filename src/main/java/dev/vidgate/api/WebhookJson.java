package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.webhooks.CreatedEndpoint;
import dev.vidgate.webhooks.Delivery;
import dev.vidgate.webhooks.DeliveryAttempt;
import dev.vidgate.webhooks.Endpoint;
import dev.vidgate.webhooks.EventType;

import java.time.Instant;
import java.util.List;

/** The wire forms of webhook endpoints and deliveries, for {@code /v1/webhooks} and the admin API. Times are Unix seconds. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookJson(String id, String object, @JsonProperty("tenant_id") String tenantId, String url, List<String> events,
                          boolean enabled, @JsonProperty("allow_private") boolean allowPrivate,
                          @JsonProperty("secret_hint") String secretHint, @JsonProperty("disabled_reason") String disabledReason,
                          @JsonProperty("failing_since") Long failingSince, @JsonProperty("created_at") long createdAt) {

    public static WebhookJson of(Endpoint e) {
        return new WebhookJson(e.id(), "webhook_endpoint", e.tenantId(), e.url(), e.events().stream().sorted().map(EventType::wire).toList(),
                e.enabled(), e.allowPrivate(), e.secretHint(), e.disabledReason(), seconds(e.failingSince()), e.createdAt().getEpochSecond());
    }

    /** An endpoint with its secret: the one answer that shows it (create, rotate). Its {@code toString} hides it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WithSecret(String id, String object, @JsonProperty("tenant_id") String tenantId, String url, List<String> events,
                             boolean enabled, @JsonProperty("allow_private") boolean allowPrivate, String secret,
                             @JsonProperty("created_at") long createdAt) {
        public static WithSecret of(CreatedEndpoint created) {
            WebhookJson e = WebhookJson.of(created.endpoint());
            return new WithSecret(e.id(), e.object(), e.tenantId(), e.url(), e.events(), e.enabled(), e.allowPrivate(),
                    created.secret(), e.createdAt());
        }

        @Override
        public String toString() {
            return "WithSecret[id=" + id + ", secret=whsec_...]";
        }
    }

    public record Deleted(String id, String object, boolean deleted) {
        public static Deleted of(String id) {
            return new Deleted(id, "webhook_endpoint.deleted", true);
        }
    }

    /** A delivery (its {@code id} is the {@code webhook-id} header) with its attempts. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryJson(String id, String object, @JsonProperty("endpoint_id") String endpointId,
                               @JsonProperty("event_id") String eventId, String type, @JsonProperty("video_id") String videoId,
                               String status, @JsonProperty("attempt_count") int attemptCount,
                               @JsonProperty("next_attempt_at") Long nextAttemptAt, @JsonProperty("delivered_at") Long deliveredAt,
                               @JsonProperty("last_status_code") Integer lastStatusCode, @JsonProperty("last_error") String lastError,
                               @JsonProperty("created_at") long createdAt, List<AttemptJson> attempts) {
        public static DeliveryJson of(Delivery d, List<DeliveryAttempt> attempts) {
            return new DeliveryJson(d.id(), "webhook_delivery", d.endpointId(), d.eventId(), d.type().wire(), d.videoId(),
                    d.status().name().toLowerCase(java.util.Locale.ROOT), d.attempts(),
                    d.status() == Delivery.Status.PENDING ? seconds(d.nextAttemptAt()) : null, seconds(d.deliveredAt()),
                    d.lastStatusCode(), d.lastError(), d.eventCreatedAt().getEpochSecond(),
                    attempts.stream().map(AttemptJson::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttemptJson(int attempt, @JsonProperty("started_at") long startedAt, @JsonProperty("latency_ms") long latencyMs,
                              @JsonProperty("status_code") Integer statusCode, String error,
                              @JsonProperty("response_body") String responseBody) {
        static AttemptJson of(DeliveryAttempt a) {
            return new AttemptJson(a.number(), a.startedAt().getEpochSecond(), a.latencyMillis(), a.statusCode(), a.error(),
                    a.responseBody());
        }
    }

    private static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
