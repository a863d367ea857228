package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Movement;
import dev.vidgate.billing.MovementKind;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading billing rows. */
final class Rows {
    static final String MOVEMENT_COLUMNS = "id, tenant_id, key_id, video_id, kind, amount, balance_after, model, resolution, "
            + "seconds, unit_price, charge, reason, created_at";

    static final RowMapper<Movement> MOVEMENT = (rs, i) -> new Movement(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), MovementKind.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
            nullableInt(rs, 10), nullableLong(rs, 11), nullableLong(rs, 12), rs.getString(13), Instant.ofEpochMilli(rs.getLong(14)));

    private Rows() {}

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
