package dev.vidgate.webhooks.jdbc;

import dev.vidgate.webhooks.Claim;
import dev.vidgate.webhooks.Delivery;
import dev.vidgate.webhooks.DeliveryAttempt;
import dev.vidgate.webhooks.Endpoint;
import dev.vidgate.webhooks.EndpointChanges;
import dev.vidgate.webhooks.EventType;
import dev.vidgate.webhooks.Outcome;
import dev.vidgate.webhooks.WebhookEvent;
import dev.vidgate.webhooks.WebhookStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link WebhookStore} on JDBC, for H2 and PostgreSQL alike. A claim reads due candidates, then takes each with a
 * compare-and-set on its lease, so nodes sharing the database never hold one delivery at once.
 */
public final class JdbcWebhookStore implements WebhookStore {
    private static final String ENDPOINT = "SELECT " + WebhookRows.ENDPOINT_COLUMNS + " FROM webhook_endpoints ";
    private static final String DELIVERY = "SELECT " + WebhookRows.DELIVERY_COLUMNS + " FROM webhook_deliveries ";
    private static final String CLAIMABLE = "status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcWebhookStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void insertEndpoint(Endpoint e) {
        jdbc.update("INSERT INTO webhook_endpoints (id, tenant_id, url, events, enabled, allow_private, secret, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.tenantId(), e.url(), EventType.join(e.events()), e.enabled(), e.allowPrivate(), e.secret(),
                e.createdAt().toEpochMilli());
    }

    @Override
    public Optional<Endpoint> endpoint(String id) {
        return WebhookRows.first(jdbc.query(ENDPOINT + "WHERE id = ?", WebhookRows.ENDPOINT, id));
    }

    @Override
    public List<Endpoint> endpoints(String tenantId, String afterId, int limit, boolean ascending) {
        List<Object> args = new ArrayList<>();
        String where = "WHERE 1 = 1";
        if (tenantId != null) {
            where += " AND tenant_id = ?";
            args.add(tenantId);
        }
        if (afterId != null) {
            where += " AND seq " + (ascending ? ">" : "<") + " (SELECT seq FROM webhook_endpoints WHERE id = ?)";
            args.add(afterId);
        }
        args.add(limit);
        return jdbc.query(ENDPOINT + where + " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " LIMIT ?", WebhookRows.ENDPOINT,
                args.toArray());
    }

    @Override
    public Optional<Endpoint> update(String id, EndpointChanges c) {
        return tx.execute(status -> {
            Optional<Endpoint> current = endpoint(id);
            if (current.isEmpty()) return current;
            Endpoint e = current.get();
            boolean enabled = c.enabled().orElse(e.enabled());
            boolean reenabled = enabled && !e.enabled();
            jdbc.update("UPDATE webhook_endpoints SET url = ?, events = ?, enabled = ?, allow_private = ?, "
                            + "disabled_reason = ?, failing_since = ? WHERE id = ?",
                    c.url().orElse(e.url()), EventType.join(c.events().orElse(e.events())), enabled,
                    c.allowPrivate().orElse(e.allowPrivate()), enabled ? null : e.disabledReason(),
                    reenabled || e.failingSince() == null ? null : e.failingSince().toEpochMilli(), id);
            return endpoint(id);
        });
    }

    @Override
    public boolean rotate(String id, String newSecret, Instant previousUntil) {
        return jdbc.update("UPDATE webhook_endpoints SET previous_secret = secret, previous_until = ?, secret = ? WHERE id = ?",
                previousUntil.toEpochMilli(), newSecret, id) == 1;
    }

    @Override
    public int forgetPreviousSecrets(Instant now) {
        return jdbc.update("UPDATE webhook_endpoints SET previous_secret = NULL, previous_until = NULL WHERE previous_until <= ?",
                now.toEpochMilli());
    }

    @Override
    public boolean delete(String id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            jdbc.update("DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = ?)", id);
            jdbc.update("DELETE FROM webhook_deliveries WHERE endpoint_id = ?", id);
            return jdbc.update("DELETE FROM webhook_endpoints WHERE id = ?", id) == 1;
        }));
    }

    @Override
    public boolean disable(String id, String reason, Instant at) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (jdbc.update("UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = ? WHERE id = ? AND enabled = TRUE",
                    WebhookRows.cut(reason, 1000), id) != 1) {
                return false;
            }
            jdbc.update("UPDATE webhook_deliveries SET status = 'FAILED', last_error = ?, lease_owner = NULL, lease_until = NULL "
                    + "WHERE endpoint_id = ? AND status = 'PENDING'", "endpoint disabled", id);
            return true;
        }));
    }

    @Override
    public int record(WebhookEvent event, Supplier<String> deliveryIds) {
        List<String> endpoints = jdbc.queryForList("SELECT id FROM webhook_endpoints WHERE tenant_id = ? AND enabled = TRUE "
                + "AND events LIKE ?", String.class, event.tenantId(), "%" + event.type().wire() + "%");
        long at = event.createdAt().toEpochMilli();
        for (String endpoint : endpoints) {
            jdbc.update("INSERT INTO webhook_deliveries (id, event_id, endpoint_id, tenant_id, event_type, video_id, event_created_at, "
                            + "status, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)",
                    deliveryIds.get(), event.id(), endpoint, event.tenantId(), event.type().wire(), event.videoId(), at, at);
        }
        return endpoints.size();
    }

    @Override
    public void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public List<Claim> claimDue(String worker, Instant now, Duration lease, int limit) {
        if (limit <= 0) return List.of();
        long nowMs = now.toEpochMilli();
        List<String> candidates = jdbc.queryForList("SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id "
                        + "WHERE d." + CLAIMABLE.replace("next_attempt_at", "d.next_attempt_at").replace("lease_until", "d.lease_until")
                        + " AND e.enabled = TRUE ORDER BY d.next_attempt_at LIMIT ?",
                String.class, nowMs, nowMs, limit);
        if (candidates.isEmpty()) return List.of();
        // One compare-and-set for the lot: a candidate another worker took meanwhile is no longer claimable and is skipped.
        long until = nowMs + lease.toMillis();
        String in = String.join(", ", java.util.Collections.nCopies(candidates.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(worker, until));
        args.addAll(candidates);
        args.add(nowMs);
        args.add(nowMs);
        jdbc.update("UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? WHERE id IN (" + in + ") AND " + CLAIMABLE, args.toArray());
        List<Object> mine = new ArrayList<>(candidates);
        mine.add(worker);
        mine.add(until);
        List<Delivery> taken = jdbc.query(DELIVERY + "WHERE id IN (" + in + ") AND lease_owner = ? AND lease_until = ?",
                WebhookRows.DELIVERY, mine.toArray());
        java.util.Map<String, Optional<Endpoint>> endpoints = new java.util.HashMap<>();
        List<Claim> claims = new ArrayList<>();
        for (Delivery d : taken) {
            endpoints.computeIfAbsent(d.endpointId(), this::endpoint).ifPresent(e -> claims.add(new Claim(d, e)));
        }
        return claims;
    }

    @Override
    public Optional<Instant> nextDue() {
        Long at = jdbc.queryForObject("SELECT MIN(CASE WHEN d.lease_until > d.next_attempt_at THEN d.lease_until ELSE d.next_attempt_at END) "
                + "FROM webhook_deliveries d JOIN webhook_endpoints e "
                + "ON e.id = d.endpoint_id WHERE d.status = 'PENDING' AND e.enabled = TRUE", Long.class);
        return Optional.ofNullable(at).map(Instant::ofEpochMilli);
    }

    @Override
    public boolean finish(DeliveryAttempt a, Outcome outcome) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            String state = switch (outcome) {
                case Outcome.Delivered delivered -> "DELIVERED";
                case Outcome.Retry retry -> "PENDING";
                case Outcome.GaveUp gaveUp -> "FAILED";
            };
            Long next = outcome instanceof Outcome.Retry retry ? retry.at().toEpochMilli() : null;
            Long deliveredAt = outcome instanceof Outcome.Delivered delivered ? delivered.at().toEpochMilli() : null;
            int updated = jdbc.update("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, "
                            + "next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = COALESCE(?, delivered_at), "
                            + "last_status_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL "
                            + "WHERE id = ? AND status = 'PENDING' AND lease_owner = ?",
                    state, next, deliveredAt, a.statusCode(), WebhookRows.cut(a.error(), 500), a.deliveryId(), a.worker());
            if (updated != 1) return false;
            Integer number = jdbc.queryForObject("SELECT attempts FROM webhook_deliveries WHERE id = ?", Integer.class, a.deliveryId());
            jdbc.update("INSERT INTO webhook_attempts (delivery_id, attempt, worker, started_at, latency_ms, status_code, error, "
                            + "response_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    a.deliveryId(), number, a.worker(), a.startedAt().toEpochMilli(), a.latencyMillis(), a.statusCode(),
                    WebhookRows.cut(a.error(), 500), WebhookRows.cut(a.responseBody(), 1024));
            String endpoint = jdbc.queryForObject("SELECT endpoint_id FROM webhook_deliveries WHERE id = ?", String.class, a.deliveryId());
            if (outcome instanceof Outcome.Delivered) {
                // only when set: every delivery of a busy endpoint would otherwise queue on its row
                jdbc.update("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL", endpoint);
            } else {
                jdbc.update("UPDATE webhook_endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL",
                        a.startedAt().toEpochMilli(), endpoint);
            }
            return true;
        }));
    }

    @Override
    public int releaseLeases(String worker) {
        return jdbc.update("UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'PENDING'",
                worker);
    }

    @Override
    public Optional<Delivery> delivery(String id) {
        return WebhookRows.first(jdbc.query(DELIVERY + "WHERE id = ?", WebhookRows.DELIVERY, id));
    }

    @Override
    public List<Delivery> deliveries(String endpointId, String afterId, int limit, boolean ascending) {
        String order = " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " LIMIT ?";
        if (afterId == null) return jdbc.query(DELIVERY + "WHERE endpoint_id = ?" + order, WebhookRows.DELIVERY, endpointId, limit);
        return jdbc.query(DELIVERY + "WHERE endpoint_id = ? AND seq " + (ascending ? ">" : "<")
                + " (SELECT seq FROM webhook_deliveries WHERE id = ?)" + order, WebhookRows.DELIVERY, endpointId, afterId, limit);
    }

    @Override
    public List<DeliveryAttempt> attempts(String deliveryId) {
        return jdbc.query("SELECT delivery_id, attempt, worker, started_at, latency_ms, status_code, error, response_body "
                + "FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt", WebhookRows.ATTEMPT, deliveryId);
    }

    @Override
    public boolean redeliver(String deliveryId, Instant now) {
        return jdbc.update("UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ?", now.toEpochMilli(), deliveryId) == 1;
    }
}
