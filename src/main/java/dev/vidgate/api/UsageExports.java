package dev.vidgate.api;

import dev.vidgate.billing.Movement;
import dev.vidgate.billing.Usage;
import dev.vidgate.billing.UsageRange;
import dev.vidgate.billing.UsageRow;
import dev.vidgate.billing.UsageStats;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CSV exports of the usage dashboard: RFC 4180 ({@code CRLF} line ends, fields quoted when they hold a comma, quote
 * or line break), a header row, UTF-8, amounts in micro-credits, times in ISO 8601 UTC. The ledger is written row by row
 * as the database hands it over, so a long range never sits in memory. Text cells that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, tab or carriage return) are prefixed with a single quote (OWASP's advice on
 * CSV injection); numbers are written as numbers, a negative one included.
 */
public final class UsageExports {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private UsageExports() {}

    /** Billed usage per UTC day, key, model, resolution and price unit. */
    public static void usage(Usage usage, HttpServletResponse response) throws IOException {
        try (CSVPrinter csv = start(response, "usage", usage.from() + "_" + usage.to())) {
            csv.printRecord("date", "tenant_id", "key_id", "model", "resolution", "price_unit", "quantity", "seconds", "jobs", "credits_micro");
            for (UsageRow r : usage.rows()) {
                csv.printRecord(r.day(), text(r.tenantId()), text(r.keyId()), text(r.model()), text(r.resolution()),
                    r.unit() == null ? null : r.unit().wireName(),
                        r.quantity(), r.seconds(), r.jobs(), r.credits());
            }
        }
    }

    /** Every ledger row of the range (of one tenant, or all when {@code tenantId} is null), in the order written. */
    public static void ledger(UsageStats stats, String tenantId, UsageRange range, HttpServletResponse response) throws IOException {
        try (CSVPrinter csv = start(response, "ledger", range.from() + "_" + range.to())) {
            csv.printRecord("id", "created_at", "tenant_id", "key_id", "video_id", "kind", "amount_micro", "balance_after_micro", "model",
                    "resolution", "seconds", "price_unit", "quantity", "charge_micro", "reason");
            stats.eachMovement(tenantId, range, m -> row(csv, m));
        }
    }

    private static void row(CSVPrinter csv, Movement m) {
        try {
            csv.printRecord(m.id(), m.createdAt(), text(m.tenantId()), text(m.keyId()), m.videoId(), m.kind().wireName(), m.amount(),
                    m.balanceAfter(), text(m.model()), text(m.resolution()), m.seconds(), m.unit() == null ? null : m.unit().wireName(),
                    m.quantity(), m.charge(), text(m.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user-controlled text cell, neutralised when a spreadsheet would run it as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) return value;
        return "'" + value;
    }

    private static CSVPrinter start(HttpServletResponse response, String what, String range) throws IOException {
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + what + "_" + range + ".csv\"");
        return new CSVPrinter(response.getWriter(), FORMAT);
    }
}
