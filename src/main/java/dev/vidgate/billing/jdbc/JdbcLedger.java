package dev.vidgate.billing.jdbc;

import dev.vidgate.billing.Account;
import dev.vidgate.billing.Credit;
import dev.vidgate.billing.Delivery;
import dev.vidgate.billing.Discrepancy;
import dev.vidgate.billing.Hold;
import dev.vidgate.billing.HoldOutcome;
import dev.vidgate.billing.HoldOutcome.Reason;
import dev.vidgate.billing.Ledger;
import dev.vidgate.billing.Money;
import dev.vidgate.billing.Movement;
import dev.vidgate.billing.MovementKind;
import dev.vidgate.billing.SpendingLimits;
import dev.vidgate.billing.UsageQuery;
import dev.vidgate.billing.UsageRow;
import dev.vidgate.tenancy.Secrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Ledger} on JDBC (H2 and PostgreSQL). Every writer of a tenant's money first locks the tenant's
 * row, so movements of one tenant are serialised across threads and nodes while limits are checked;
 * the balance update is conditional as well, and {@code (video_id, phase)} is unique, as second guards.
 * Operations join the caller's transaction when there is one (the job store's), else run in their own.
 */
public final class JdbcLedger implements Ledger {
    private static final String OPEN = "OPEN";
    private static final String CLOSE = "CLOSE";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcLedger(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<Account> account(String tenantId, Instant now) {
        long[] spent = spent(tenantId, day(now), month(now));
        return jdbc.query("SELECT balance, held, credit_limit, daily_limit, monthly_limit FROM tenants WHERE id = ?",
                (rs, i) -> new Account(tenantId, rs.getLong(1), rs.getLong(2), Rows.nullableLong(rs, 3), Rows.nullableLong(rs, 4),
                        Rows.nullableLong(rs, 5), spent[0], spent[1]), tenantId).stream().findFirst();
    }

    @Override
    public Optional<Account> setLimits(String tenantId, SpendingLimits limits, Instant now) {
        return tx.execute(status -> {
            List<Long[]> current = jdbc.query("SELECT credit_limit, daily_limit, monthly_limit FROM tenants WHERE id = ? FOR UPDATE",
                    (rs, i) -> new Long[]{Rows.nullableLong(rs, 1), Rows.nullableLong(rs, 2), Rows.nullableLong(rs, 3)}, tenantId);
            if (current.isEmpty()) return Optional.<Account>empty();
            Long[] c = current.getFirst();
            jdbc.update("UPDATE tenants SET credit_limit = ?, daily_limit = ?, monthly_limit = ? WHERE id = ?",
                    limits.creditLimit().orElse(c[0]), limits.dailyLimit().orElse(c[1]), limits.monthlyLimit().orElse(c[2]), tenantId);
            return account(tenantId, now);
        });
    }

    @Override
    public Movement credit(Credit c) {
        if (c.requestKey() != null) {
            Optional<Movement> earlier = byRequestKey(c);
            if (earlier.isPresent()) return earlier.get();
        }
        try {
            return tx.execute(status -> creditInTransaction(c));
        } catch (DuplicateKeyException raced) {
            if (c.requestKey() == null) throw raced;
            return byRequestKey(c).orElseThrow(() -> raced);
        }
    }

    private Movement creditInTransaction(Credit c) {
        long amount = c.amount();
        if (Math.abs(amount) > Money.MAX_AMOUNT) throw new IllegalArgumentException("the amount is larger than " + Money.MAX_AMOUNT);
        int updated = jdbc.update("UPDATE tenants SET balance = balance + ? WHERE id = ? AND balance <= ? AND balance >= ?",
                amount, c.tenantId(), Money.MAX_AMOUNT - amount, -Money.MAX_AMOUNT - amount);
        if (updated == 0) {
            if (balanceOf(c.tenantId()).isEmpty()) throw new IllegalArgumentException("no tenant with id " + c.tenantId());
            throw new IllegalArgumentException("the balance would leave the range of +/- " + Money.MAX_AMOUNT + " micro-credits");
        }
        Movement m = new Movement(newId(), c.tenantId(), null, null, c.kind(), amount, balanceOf(c.tenantId()).orElseThrow(),
                null, null, null, null, null, null, null, null, c.reason(), c.at());
        insert(m, null, c.requestKey());
        return m;
    }

    private Optional<Movement> byRequestKey(Credit c) {
        Optional<Movement> earlier = one("WHERE tenant_id = ? AND request_key = ?", c.tenantId(), c.requestKey());
        earlier.ifPresent(e -> {
            if (e.kind() != c.kind() || e.amount() != c.amount()) {
                throw new IllegalArgumentException("this idempotency key was already used for a different movement (" + e.id() + ")");
            }
        });
        return earlier;
    }

    @Override
    public HoldOutcome hold(Hold h) {
        long amount = h.amount();
        // More than any balance may hold (a price per token times a long 4k clip): refused before any sum can overflow.
        if (amount > Money.MAX_AMOUNT) return new HoldOutcome.Refused(Reason.BALANCE, amount, 0, 0);
        return tx.execute(status -> {
            List<TenantMoney> rows = jdbc.query("SELECT balance, credit_limit, daily_limit, monthly_limit, disabled FROM tenants "
                            + "WHERE id = ? FOR UPDATE",
                    (rs, i) -> new TenantMoney(rs.getLong(1), Rows.nullableLong(rs, 2), Rows.nullableLong(rs, 3),
                            Rows.nullableLong(rs, 4), rs.getBoolean(5)), h.tenantId());
            if (rows.isEmpty()) throw new IllegalStateException("no tenant with id " + h.tenantId());
            TenantMoney t = rows.getFirst();
            if (t.disabled) return new HoldOutcome.Refused(Reason.TENANT_DISABLED, amount, 0, 0);
            String day = day(h.at());
            String month = month(h.at());
            long[] spent = spent(h.tenantId(), day, month);
            if (t.dailyLimit != null && spent[0] + amount > t.dailyLimit) {
                return new HoldOutcome.Refused(Reason.DAILY_LIMIT, amount, t.dailyLimit, spent[0]);
            }
            if (t.monthlyLimit != null && spent[1] + amount > t.monthlyLimit) {
                return new HoldOutcome.Refused(Reason.MONTHLY_LIMIT, amount, t.monthlyLimit, spent[1]);
            }
            long floor = t.creditLimit == null ? -Money.MAX_AMOUNT : Math.max(-Money.MAX_AMOUNT, -t.creditLimit);
            long available = t.balance - floor;
            if (amount > available) return new HoldOutcome.Refused(Reason.BALANCE, amount, Math.max(0, available), 0);
            // Conditional as well: a second guard that no interleaving can overdraw.
            int updated = jdbc.update("UPDATE tenants SET balance = balance - ?, held = held + ? WHERE id = ? AND balance - ? >= ?",
                    amount, amount, h.tenantId(), amount, floor);
            if (updated == 0) return new HoldOutcome.Refused(Reason.BALANCE, amount, 0, 0);
            // The row is locked since it was read, so its balance is exactly what was read minus this hold.
            Movement m = new Movement(newId(), h.tenantId(), h.keyId(), h.videoId(), MovementKind.HOLD, -amount,
                    t.balance - amount, h.model(), h.resolution(), h.seconds(), h.unit(), h.quantity(), h.unitPrice(), h.audio(), null,
                    null, h.at());
            insert(m, OPEN, null);
            addSpending(h.tenantId(), day, month, amount);
            return new HoldOutcome.Held(m);
        });
    }

    @Override
    public Optional<Movement> settle(String videoId, Delivery delivered, Instant at) {
        return close(videoId, MovementKind.SETTLE, delivered, at);
    }

    @Override
    public Optional<Movement> release(String videoId, Instant at) {
        return close(videoId, MovementKind.RELEASE, new Delivery(0, 0L), at);
    }

    private Optional<Movement> close(String videoId, MovementKind kind, Delivery delivered, Instant at) {
        return tx.execute(status -> {
            Optional<Movement> found = one("WHERE video_id = ? AND phase = '" + OPEN + "'", videoId);
            if (found.isEmpty()) return Optional.<Movement>empty();
            Movement hold = found.get();
            long held = -hold.amount();
            int billedSeconds = kind == MovementKind.SETTLE ? Math.min(Math.max(delivered.seconds(), 0), hold.seconds()) : 0;
            long quantity = kind == MovementKind.SETTLE ? delivered.quantity(hold.unit(), hold.quantity(), hold.seconds()) : 0;
            // Never more than the hold: the quantity is capped at the held one, and the hold is its cost.
            long charge = Math.min(hold.unit().cost(hold.unitPrice(), quantity), held);
            long refund = held - charge;
            jdbc.update("UPDATE tenants SET balance = balance + ?, held = held - ? WHERE id = ?", refund, held, hold.tenantId());
            Movement m = new Movement(newId(), hold.tenantId(), hold.keyId(), videoId, kind, refund,
                    balanceOf(hold.tenantId()).orElseThrow(), hold.model(), hold.resolution(), billedSeconds, hold.unit(), quantity,
                    hold.unitPrice(), hold.audio(), charge, null, at);
            insert(m, CLOSE, null);
            // Spending belongs to the period the job was created in, where its hold counted.
            addSpending(hold.tenantId(), day(hold.createdAt()), month(hold.createdAt()), -refund);
            return Optional.of(m);
        });
    }

    @Override
    public Optional<Movement> movement(String id) {
        return one("WHERE id = ?", id);
    }

    @Override
    public List<Movement> movements(String tenantId, String afterId, int limit, boolean ascending) {
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (tenantId != null) {
            where.add("tenant_id = ?");
            args.add(tenantId);
        }
        if (afterId != null) {
            where.add("seq " + (ascending ? ">" : "<") + " (SELECT seq FROM ledger WHERE id = ?)");
            args.add(afterId);
        }
        args.add(limit);
        return jdbc.query("SELECT " + Rows.MOVEMENT_COLUMNS + " FROM ledger" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " LIMIT ?", Rows.MOVEMENT, args.toArray());
    }

    @Override
    public List<UsageRow> usage(UsageQuery q) {
        List<Object> args = new ArrayList<>(List.of(q.from().toEpochDay(), q.to().toEpochDay()));
        StringBuilder where = new StringBuilder("kind = 'SETTLE' AND usage_day >= ? AND usage_day <= ?");
        if (q.tenantId() != null) {
            where.append(" AND tenant_id = ?");
            args.add(q.tenantId());
        }
        if (q.keyId() != null) {
            where.append(" AND key_id = ?");
            args.add(q.keyId());
        }
        return jdbc.query("SELECT usage_day, tenant_id, key_id, model, resolution, price_unit, SUM(seconds), SUM(quantity), COUNT(*), "
                        + "SUM(charge) FROM ledger WHERE " + where + " GROUP BY usage_day, tenant_id, key_id, model, resolution, price_unit "
                        + "ORDER BY usage_day, tenant_id, key_id, model, resolution, price_unit",
                (rs, i) -> new UsageRow(LocalDate.ofEpochDay(rs.getInt(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Rows.unit(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                args.toArray());
    }

    @Override
    public List<Discrepancy> reconcile() {
        List<Discrepancy> found = new ArrayList<>();
        jdbc.query("SELECT t.id, t.balance, t.held, COALESCE(SUM(l.amount), 0), "
                + "COALESCE(SUM(CASE WHEN l.phase = 'OPEN' AND NOT EXISTS (SELECT 1 FROM ledger c WHERE c.video_id = l.video_id "
                + "AND c.phase = 'CLOSE') THEN -l.amount ELSE 0 END), 0) "
                + "FROM tenants t LEFT JOIN ledger l ON l.tenant_id = t.id GROUP BY t.id, t.balance, t.held", rs -> {
            long balance = rs.getLong(2), held = rs.getLong(3), sum = rs.getLong(4), open = rs.getLong(5);
            if (balance != sum) found.add(new Discrepancy(rs.getString(1), null, "balance " + balance + " differs from the ledger sum " + sum));
            if (held != open) found.add(new Discrepancy(rs.getString(1), null, "held " + held + " differs from the open holds " + open));
        });
        jobProblems(found, "SELECT v.tenant_id, v.id FROM videos v JOIN ledger h ON h.video_id = v.id AND h.phase = 'OPEN' "
                + "WHERE v.status IN ('COMPLETED', 'FAILED', 'CANCELLED') "
                + "AND NOT EXISTS (SELECT 1 FROM ledger c WHERE c.video_id = v.id AND c.phase = 'CLOSE')", "finished but still held");
        jobProblems(found, "SELECT v.tenant_id, v.id FROM videos v JOIN ledger s ON s.video_id = v.id AND s.kind = 'SETTLE' "
                + "WHERE v.status IN ('FAILED', 'CANCELLED')", "failed or cancelled but charged");
        jobProblems(found, "SELECT v.tenant_id, v.id FROM videos v JOIN ledger c ON c.video_id = v.id AND c.phase = 'CLOSE' "
                + "WHERE v.status IN ('QUEUED', 'IN_PROGRESS')", "settled or released before it finished");
        jobProblems(found, "SELECT c.tenant_id, c.video_id FROM ledger c WHERE c.phase = 'CLOSE' "
                + "AND NOT EXISTS (SELECT 1 FROM ledger h WHERE h.video_id = c.video_id AND h.phase = 'OPEN')", "settled or released without a hold");
        return found;
    }

    private void jobProblems(List<Discrepancy> found, String sql, String problem) {
        jdbc.query(sql, rs -> {
            found.add(new Discrepancy(rs.getString(1), rs.getString(2), problem));
        });
    }

    private void insert(Movement m, String phase, String requestKey) {
        jdbc.update("INSERT INTO ledger (id, tenant_id, key_id, video_id, kind, phase, amount, balance_after, model, resolution, "
                        + "seconds, price_unit, quantity, unit_price, audio, charge, reason, request_key, created_at, usage_day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.tenantId(), m.keyId(), m.videoId(), m.kind().name(), phase, m.amount(), m.balanceAfter(), m.model(),
                m.resolution(), m.seconds(), m.unit() == null ? null : m.unit().wireName(), m.quantity(), m.unitPrice(), m.audio(),
                m.charge(), m.reason(), requestKey, m.createdAt().toEpochMilli(),
                LocalDate.ofInstant(m.createdAt(), ZoneOffset.UTC).toEpochDay());
    }

    /** Adds to a day's and its month's spending. The tenant row is locked by every caller, so update-then-insert cannot race. */
    private void addSpending(String tenantId, String day, String month, long delta) {
        if (jdbc.update("UPDATE tenant_spending SET spent = spent + ? WHERE tenant_id = ? AND period IN (?, ?)",
                delta, tenantId, day, month) == 2) {
            return;
        }
        // The first movement of a day (or month): make whichever row is missing.
        for (String period : List.of(day, month)) {
            if (jdbc.queryForList("SELECT 1 FROM tenant_spending WHERE tenant_id = ? AND period = ?", Integer.class, tenantId, period).isEmpty()) {
                jdbc.update("INSERT INTO tenant_spending (tenant_id, period, spent) VALUES (?, ?, ?)", tenantId, period, delta);
            }
        }
    }

    /** Spending of a day and of a month, in one read. */
    private long[] spent(String tenantId, String day, String month) {
        long[] spent = new long[2];
        jdbc.query("SELECT period, spent FROM tenant_spending WHERE tenant_id = ? AND period IN (?, ?)", rs -> {
            spent[rs.getString(1).equals(day) ? 0 : 1] = rs.getLong(2);
        }, tenantId, day, month);
        return spent;
    }

    private Optional<Long> balanceOf(String tenantId) {
        return jdbc.queryForList("SELECT balance FROM tenants WHERE id = ?", Long.class, tenantId).stream().findFirst();
    }

    private Optional<Movement> one(String where, Object... args) {
        return jdbc.query("SELECT " + Rows.MOVEMENT_COLUMNS + " FROM ledger " + where, Rows.MOVEMENT, args).stream().findFirst();
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static String month(Instant at) {
        return YearMonth.from(LocalDate.ofInstant(at, ZoneOffset.UTC)).toString();
    }

    private static String newId() {
        return "led_" + Secrets.randomToken(24);
    }

    private record TenantMoney(long balance, Long creditLimit, Long dailyLimit, Long monthlyLimit, boolean disabled) {}
}
