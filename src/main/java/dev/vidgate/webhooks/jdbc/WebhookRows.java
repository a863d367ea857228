package dev.vidgate.webhooks.jdbc;

import dev.vidgate.webhooks.Delivery;
import dev.vidgate.webhooks.DeliveryAttempt;
import dev.vidgate.webhooks.Endpoint;
import dev.vidgate.webhooks.EventType;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading the webhook tables' rows. */
final class WebhookRows {
    static final String ENDPOINT_COLUMNS = "id, tenant_id, url, events, enabled, allow_private, secret, previous_secret, "
            + "previous_until, disabled_reason, failing_since, created_at";
    static final String DELIVERY_COLUMNS = "id, event_id, endpoint_id, tenant_id, event_type, video_id, event_created_at, status, "
            + "attempts, next_attempt_at, delivered_at, last_status_code, last_error";

    static final RowMapper<Endpoint> ENDPOINT = (rs, i) -> new Endpoint(rs.getString(1), rs.getString(2), rs.getString(3),
            EventType.split(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
            instant(rs, 9), rs.getString(10), instant(rs, 11), instant(rs, 12));

    static final RowMapper<Delivery> DELIVERY = (rs, i) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), EventType.parse(rs.getString(5)).orElseThrow(), rs.getString(6), instant(rs, 7),
            Delivery.Status.valueOf(rs.getString(8)), rs.getInt(9), instant(rs, 10), instant(rs, 11), integer(rs, 12),
            rs.getString(13));

    static final RowMapper<DeliveryAttempt> ATTEMPT = (rs, i) -> new DeliveryAttempt(rs.getString(1), rs.getInt(2), rs.getString(3),
            instant(rs, 4), rs.getLong(5), integer(rs, 6), rs.getString(7), rs.getString(8));

    private WebhookRows() {}

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() ? null : n;
    }
}
