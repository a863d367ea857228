package dev.vidgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vidgate.billing.Account;
import dev.vidgate.billing.Usage;
import dev.vidgate.billing.UsageRow;
import dev.vidgate.common.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The wire form of a usage report (amounts in micro-credits, days in UTC), for {@code GET /v1/usage}
 * and {@code GET /admin/v1/usage}; {@code account} is present when the report is of one tenant's key.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsageJson(String object, String from, String to, long seconds, long jobs, long credits, List<Row> data,
                        @JsonInclude(JsonInclude.Include.NON_NULL) AccountJson account) {

    public static UsageJson of(Usage usage, Account account) {
        return new UsageJson("usage", usage.from().toString(), usage.to().toString(), usage.seconds(), usage.jobs(), usage.credits(),
                usage.rows().stream().map(Row::of).toList(), account == null ? null : AccountJson.of(account));
    }

    /** A {@code YYYY-MM-DD} query parameter, or null when absent. */
    public static LocalDate day(String value, String param) {
        if (value == null || value.isEmpty()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("Invalid '" + param + "': expected a date like 2026-11-05 (UTC).", param, "invalid_value");
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code quantity} is what was billed in {@code price_unit}: seconds, clips or tokens. */
    public record Row(String date, @JsonProperty("tenant_id") String tenantId, @JsonProperty("key_id") String keyId, String model,
                      String resolution, long seconds, @JsonProperty("price_unit") String priceUnit, long quantity, long jobs,
                      long credits) {
        static Row of(UsageRow r) {
            return new Row(r.day().toString(), r.tenantId(), r.keyId(), r.model(), r.resolution(), r.seconds(),
                    r.unit() == null ? null : r.unit().wireName(), r.quantity(), r.jobs(), r.credits());
        }
    }

    /** A tenant's money: the balance, what is held for unfinished jobs, limits (null: none) and spending so far. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccountJson(long balance, long held, @JsonProperty("credit_limit") Long creditLimit,
                              @JsonProperty("daily_limit") Long dailyLimit, @JsonProperty("monthly_limit") Long monthlyLimit,
                              @JsonProperty("spent_today") long spentToday, @JsonProperty("spent_this_month") long spentThisMonth) {
        public static AccountJson of(Account a) {
            return new AccountJson(a.balance(), a.held(), a.creditLimit(), a.dailyLimit(), a.monthlyLimit(), a.spentToday(),
                    a.spentThisMonth());
        }
    }
}
