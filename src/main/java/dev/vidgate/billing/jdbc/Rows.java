package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Movement;
import dev.vidgate.billing.MovementKind;
import dev.vidgate.catalog.PriceUnit;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading billing rows. */
final class Rows {
    static final String MOVEMENT_COLUMNS = "id, tenant_id, key_id, video_id, kind, amount, balance_after, model, resolution, "
            + "seconds, price_unit, quantity, unit_price, audio, charge, reason, created_at";

    static final RowMapper<Movement> MOVEMENT = (rs, i) -> new Movement(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), MovementKind.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
            nullableInt(rs, 10), unit(rs.getString(11)), nullableLong(rs, 12), nullableLong(rs, 13), nullableBoolean(rs, 14),
            nullableLong(rs, 15), rs.getString(16), Instant.ofEpochMilli(rs.getLong(17)));

    private Rows() {}

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean nullableBoolean(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    /** A stored unit's wire name ({@code per_second}); null stays null (a top-up's row). */
    static PriceUnit unit(String wireName) {
        return wireName == null ? null : PriceUnit.parse(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown price unit in the database: " + wireName));
    }

    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
