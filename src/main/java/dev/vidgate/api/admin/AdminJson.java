package dev.vidgate.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.api.UsageJson.AccountJson;
import dev.vidgate.billing.Account;
import dev.vidgate.billing.Discrepancy;
import dev.vidgate.billing.Movement;
import dev.vidgate.billing.Price;
import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.Tenant;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The wire forms of the admin API. Amounts are micro-credits; times are Unix seconds; every key is always present. */
final class AdminJson {
    private AdminJson() {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TenantJson(String id, String object, String name, boolean disabled,
                      @JsonProperty("default_max_concurrent") Integer defaultMaxConcurrent, AccountJson account,
                      @JsonProperty("created_at") long createdAt) {
        static TenantJson of(Tenant t, Account a) {
            return new TenantJson(t.id(), "tenant", t.name(), t.disabled(), t.defaultMaxConcurrent(), AccountJson.of(a),
                    t.createdAt().getEpochSecond());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyJson(String id, String object, @JsonProperty("tenant_id") String tenantId, String name,
                   @JsonProperty("secret_hint") String secretHint, @JsonProperty("max_concurrent") int maxConcurrent,
                   @JsonProperty("requests_per_minute") Integer requestsPerMinute, @JsonProperty("max_queued") Integer maxQueued,
                   @JsonProperty("allowed_models") List<String> allowedModels, @JsonProperty("expires_at") Long expiresAt,
                   boolean disabled, @JsonProperty("created_at") long createdAt) {
        static KeyJson of(ApiKey k) {
            return new KeyJson(k.id(), "api_key", k.tenantId(), k.name(), k.secretHint(), k.maxConcurrent(), k.requestsPerMinute(),
                    k.maxQueued(), k.allowedModels().isEmpty() ? null : List.copyOf(new TreeSet<>(k.allowedModels())),
                    seconds(k.expiresAt()), k.disabled(), k.createdAt().getEpochSecond());
        }
    }

    /** A key with its secret: the one answer that shows it. Its {@code toString} masks it, for debug logging. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CreatedKeyJson(String id, String object, @JsonProperty("tenant_id") String tenantId, String tenant, String name,
                          String secret, KeyJson key) {
        static CreatedKeyJson of(CreatedKey created, ApiKey key) {
            return new CreatedKeyJson(created.keyId(), "api_key.secret", created.tenantId(), created.tenantName(), created.name(),
                    created.secret(), KeyJson.of(key));
        }

        @Override
        public String toString() {
            return "CreatedKeyJson[id=" + id + ", tenant=" + tenant + ", secret=" + Secrets.mask(secret) + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MovementJson(String id, String object, @JsonProperty("tenant_id") String tenantId, @JsonProperty("key_id") String keyId,
                        @JsonProperty("video_id") String videoId, String kind, long amount,
                        @JsonProperty("balance_after") long balanceAfter, String model, String resolution, Integer seconds,
                        @JsonProperty("price_unit") String priceUnit, Long quantity, @JsonProperty("unit_price") Long unitPrice,
                        Boolean audio, Long charge, String reason, @JsonProperty("created_at") long createdAt) {
        static MovementJson of(Movement m) {
            return new MovementJson(m.id(), "ledger.entry", m.tenantId(), m.keyId(), m.videoId(), m.kind().wireName(), m.amount(),
                    m.balanceAfter(), m.model(), m.resolution(), m.seconds(), m.unit() == null ? null : m.unit().wireName(), m.quantity(),
                    m.unitPrice(), m.audio(), m.charge(), m.reason(), m.createdAt().getEpochSecond());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code price_per_second} is the old name of {@code price}, kept for the clients that read it (whatever the unit). */
    record PriceJson(String object, String model, String resolution, @JsonProperty("price_unit") String priceUnit, long price,
                     @JsonProperty("audio_surcharge") Long audioSurcharge, @JsonProperty("price_per_second") long pricePerSecond,
                     String source) {
        static PriceJson of(Price p) {
            return new PriceJson("price", p.model(), p.resolution(), p.unit().wireName(), p.price(), p.audioSurcharge(), p.price(),
                    p.overridden() ? "operator" : "default");
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListJson<T>(String object, List<T> data) {
        static <T> ListJson<T> of(List<T> data) {
            return new ListJson<>("list", data);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReconciliationJson(String object, boolean balanced, List<DiscrepancyJson> discrepancies) {
        static ReconciliationJson of(List<Discrepancy> found) {
            return new ReconciliationJson("reconciliation", found.isEmpty(), found.stream()
                    .map(d -> new DiscrepancyJson(d.tenantId(), d.videoId(), d.problem())).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DiscrepancyJson(@JsonProperty("tenant_id") String tenantId, @JsonProperty("video_id") String videoId, String problem) {}

    private static Long seconds(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
