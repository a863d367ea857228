package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Movement;
import dev.vidgate.billing.UsageRange;
import dev.vidgate.billing.UsageStats;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link UsageStats} on JDBC (H2 and PostgreSQL): sums and counts grouped in SQL, percentiles with the SQL standard's
 * {@code PERCENTILE_CONT} (both databases interpolate the same way); the ledger export read with a cursor inside a
 * read-only transaction, so PostgreSQL streams it instead of loading it whole.
 */
public final class JdbcUsageStats implements UsageStats {
    private static final long HOUR = 3_600_000;
    private static final long DAY = 86_400_000;
    private static final String TIME_TO_COMPLETE = "completed_at - created_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public JdbcUsageStats(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @Override
    public Report report(String tenantId, UsageRange range) {
        LocalDate from = range.from(), to = range.to();
        String tenant = tenantId == null ? "" : " AND tenant_id = ?";
        var spend = jdbc.query("SELECT usage_day, COALESCE(SUM(CASE WHEN kind = 'HOLD' THEN -amount END), 0), "
                        + "COALESCE(SUM(CASE WHEN kind = 'SETTLE' THEN charge END), 0), "
                        + "COALESCE(SUM(CASE WHEN kind IN ('SETTLE', 'RELEASE') THEN amount END), 0) FROM ledger "
                        + "WHERE kind IN ('HOLD', 'SETTLE', 'RELEASE') AND usage_day >= ? AND usage_day <= ?" + tenant
                        + " GROUP BY usage_day ORDER BY usage_day",
                (rs, i) -> new DaySpend(LocalDate.ofEpochDay(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                args(tenantId, from.toEpochDay(), to.toEpochDay()));
        Object[] created = args(tenantId, from.toEpochDay() * DAY, (to.toEpochDay() + 1) * DAY);
        var hourly = jdbc.query("SELECT created_at / " + HOUR + ", status, COUNT(*) FROM videos WHERE created_at >= ? AND created_at < ?"
                        + tenant + " GROUP BY created_at / " + HOUR + ", status ORDER BY 1, 2",
                (rs, i) -> new HourJobs(Instant.ofEpochMilli(rs.getLong(1) * HOUR), rs.getString(2), rs.getLong(3)), created);
        var latency = jdbc.query("SELECT model, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + TIME_TO_COMPLETE + "), "
                        + "PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY " + TIME_TO_COMPLETE + ") FROM videos "
                        + "WHERE status = 'COMPLETED' AND completed_at IS NOT NULL AND created_at >= ? AND created_at < ?" + tenant
                        + " GROUP BY model ORDER BY model",
                (rs, i) -> new ModelLatency(rs.getString(1), rs.getLong(2), Math.round(rs.getDouble(3)), Math.round(rs.getDouble(4))),
                created);
        return new Report(spend, hourly, latency);
    }

    @Override
    public void eachMovement(String tenantId, UsageRange range, Consumer<Movement> each) {
        LocalDate from = range.from(), to = range.to();
        String sql = "SELECT " + Rows.MOVEMENT_COLUMNS + " FROM ledger WHERE usage_day >= ? AND usage_day <= ?"
                + (tenantId == null ? "" : " AND tenant_id = ?") + " ORDER BY seq";
        Object[] args = args(tenantId, from.toEpochDay(), to.toEpochDay());
        RowCallbackHandler row = rs -> each.accept(Rows.MOVEMENT.mapRow(rs, 0));
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(500);
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps;
        }, row));
    }

    /** The range's two bounds, then the tenant when there is one (each query puts its tenant condition last). */
    private static Object[] args(String tenantId, long low, long high) {
        List<Object> args = new ArrayList<>(List.of(low, high));
        if (tenantId != null) args.add(tenantId);
        return args.toArray();
    }
}
