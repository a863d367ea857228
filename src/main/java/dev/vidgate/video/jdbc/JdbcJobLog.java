package dev.vidgate.video.jdbc;

import dev.vidgate.video.JobLog;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** {@link JobLog} on JDBC: the videos table, with the sums of each job's ledger rows. */
public final class JdbcJobLog implements JobLog {
    private static final String MONEY = ", COALESCE((SELECT -SUM(l.amount) FROM ledger l WHERE l.video_id = v.id AND l.kind = 'HOLD'), 0)"
            + ", COALESCE((SELECT SUM(l.charge) FROM ledger l WHERE l.video_id = v.id AND l.kind = 'SETTLE'), 0)"
            + ", COALESCE((SELECT SUM(l.amount) FROM ledger l WHERE l.video_id = v.id AND l.kind IN ('SETTLE', 'RELEASE')), 0)";

    private final JdbcTemplate jdbc;

    public JdbcJobLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> find(Filter f, String afterId, int limit, boolean ascending) {
        var where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(where, args, "v.tenant_id = ?", f.tenantId());
        condition(where, args, "v.key_id = ?", f.keyId());
        condition(where, args, "v.status = ?", f.status() == null ? null : f.status().name());
        condition(where, args, "v.model = ?", f.model());
        condition(where, args, "v.engine = ?", f.engine());
        // A relay job's handle is <channel>/<upstream id>.
        condition(where, args, "v." + HandlePrefix.LIKE, f.channel() == null ? null : HandlePrefix.pattern(f.channel() + "/"));
        condition(where, args, "v.created_at >= ?", f.from() == null ? null : f.from().toEpochMilli());
        condition(where, args, "v.created_at < ?", f.to() == null ? null : f.to().toEpochMilli());
        condition(where, args, "v.seq " + (ascending ? ">" : "<") + " (SELECT seq FROM videos WHERE id = ?)", afterId);
        args.add(limit);
        String columns = "v." + VideoRowMapper.COLUMNS.replace(", ", ", v.");
        return jdbc.query("SELECT " + columns + MONEY + " FROM videos v" + where + " ORDER BY v.seq " + (ascending ? "ASC" : "DESC")
                + " LIMIT ?", (rs, i) -> {
            int n = rs.getMetaData().getColumnCount();
            return new Entry(VideoRowMapper.INSTANCE.mapRow(rs, i), rs.getLong(n - 2), rs.getLong(n - 1), rs.getLong(n));
        }, args.toArray());
    }

    private static void condition(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value == null) return;
        where.append(" AND ").append(clause);
        args.add(value);
    }
}
