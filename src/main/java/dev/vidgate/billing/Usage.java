package dev.vidgate.billing;

import java.time.LocalDate;
import java.util.List;

/** Billed usage between two UTC days (both included), by day, key, model and resolution, with totals. */
public record Usage(LocalDate from, LocalDate to, List<UsageRow> rows) {

    public Usage {
        rows = List.copyOf(rows);
    }

    public long seconds() {
        return rows.stream().mapToLong(UsageRow::seconds).sum();
    }

    public long jobs() {
        return rows.stream().mapToLong(UsageRow::jobs).sum();
    }

    public long credits() {
        return rows.stream().mapToLong(UsageRow::credits).sum();
    }
}
