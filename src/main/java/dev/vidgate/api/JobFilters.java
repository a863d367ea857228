package dev.vidgate.api;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.common.ApiException;
import dev.vidgate.engine.ChannelStatus;
import dev.vidgate.engine.EngineRegistry;
import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.Tenants;
import dev.vidgate.video.JobLog;
import dev.vidgate.video.VideoStatus;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The job log's filters, read from a list's query parameters and checked: {@code status}, {@code model}, {@code engine},
 * {@code channel} (the operator's only), {@code key} (a key id; a tenant's own keys only), {@code created_after}
 * (inclusive) and {@code created_before} (exclusive) in Unix seconds. A value that names nothing known is a 400 naming
 * the parameter; a key of another tenant is answered exactly like a key that does not exist.
 */
public final class JobFilters {
    private static final String[] NAMES = {"status", "model", "engine", "channel", "key", "created_after", "created_before"};

    private final ModelCatalog catalog;
    private final EngineRegistry engines;
    private final Tenants tenants;

    public JobFilters(ModelCatalog catalog, EngineRegistry engines, Tenants tenants) {
        this.catalog = catalog;
        this.engines = engines;
        this.tenants = tenants;
    }

    /** Whether any filter parameter is given (a list without one is the plain API list). */
    public static boolean any(Map<String, String> q) {
        for (String name : NAMES) if (value(q, name) != null) return true;
        return false;
    }

    /** A tenant's filter: always its own jobs, whatever was asked; {@code channel} is refused. */
    public JobLog.Filter forTenant(String tenantId, Map<String, String> q) {
        if (value(q, "channel") != null) {
            throw ApiException.invalid("Invalid 'channel': only the operator filters by relay channel.", "channel", "invalid_value");
        }
        String key = value(q, "key");
        if (key != null && !key(key).filter(k -> k.tenantId().equals(tenantId)).isPresent()) throw unknown("key");
        return filter(tenantId, key, q);
    }

    /** The operator's filter: every tenant, or the one named by {@code tenant} (id or name); {@code from}/{@code to} as aliases. */
    public JobLog.Filter forOperator(Map<String, String> q) {
        String tenant = value(q, "tenant");
        String key = value(q, "key");
        if (key != null && key(key).isEmpty()) throw unknown("key");
        String channel = value(q, "channel");
        if (channel != null && engines.all().stream().flatMap(e -> e.channels().stream()).map(ChannelStatus::name).noneMatch(channel::equals)) {
            throw unknown("channel");
        }
        JobLog.Filter f = filter(tenant == null ? null : tenants.tenant(tenant).id(), key, q);
        return new JobLog.Filter(f.tenantId(), f.keyId(), f.status(), f.model(), f.engine(), channel,
                f.from() != null ? f.from() : time(q, "from"), f.to() != null ? f.to() : time(q, "to"));
    }

    private JobLog.Filter filter(String tenantId, String key, Map<String, String> q) {
        String model = value(q, "model");
        if (model != null && catalog.find(model).isEmpty()) throw unknown("model");
        String engine = value(q, "engine");
        if (engine != null && engines.find(engine).isEmpty()) throw unknown("engine");
        return new JobLog.Filter(tenantId, key, status(value(q, "status")), model, engine, null, time(q, "created_after"),
                time(q, "created_before"));
    }

    private Optional<ApiKey> key(String id) {
        try {
            return Optional.of(tenants.key(id));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private static ApiException unknown(String param) {
        return ApiException.invalid("Invalid '" + param + "': no such " + param + ".", param, "invalid_value");
    }

    private static String value(Map<String, String> q, String name) {
        String v = q.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static VideoStatus status(String wire) {
        if (wire == null) return null;
        try {
            return VideoStatus.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Invalid 'status': must be one of queued, in_progress, completed, failed, cancelled.",
                    "status", "invalid_value");
        }
    }

    private static Instant time(Map<String, String> q, String param) {
        String seconds = value(q, param);
        if (seconds == null) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | DateTimeException e) {
            throw ApiException.invalid("Invalid '" + param + "': must be Unix seconds.", param, "invalid_value");
        }
    }
}
