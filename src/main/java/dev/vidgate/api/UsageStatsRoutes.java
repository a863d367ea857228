package dev.vidgate.api;

import dev.vidgate.billing.Billing;
import dev.vidgate.billing.UsageRange;
import dev.vidgate.billing.UsageStats;
import dev.vidgate.tenancy.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.InstantSource;

/**
 * A tenant's usage dashboard over a range of UTC days ({@code from}, {@code to}: {@code YYYY-MM-DD}, by default the last
 * 30 days, at most 366): {@code GET /v1/usage/stats}, and its own usage and ledger as CSV. Every key of the tenant sees
 * the tenant's figures, never another tenant's.
 */
@RestController
final class UsageStatsRoutes {
    private final UsageStats stats;
    private final Billing billing;
    private final InstantSource clock;

    UsageStatsRoutes(UsageStats stats, Billing billing, InstantSource clock) {
        this.stats = stats;
        this.billing = billing;
        this.clock = clock;
    }

    @GetMapping({"/v1/usage/stats", "/openai/v1/usage/stats"})
    UsageStatsJson stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletRequest request) {
        String tenantId = Authentication.principal(request).tenantId();
        UsageRange range = range(from, to);
        return UsageStatsJson.of(range, tenantId, stats.report(tenantId, range));
    }

    @GetMapping({"/v1/usage/usage.csv", "/openai/v1/usage/usage.csv"})
    void usageCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        Principal who = Authentication.principal(request);
        UsageRange range = range(from, to);
        UsageExports.usage(billing.usage(who.tenantId(), null, range.from(), range.to()), response);
    }

    @GetMapping({"/v1/usage/ledger.csv", "/openai/v1/usage/ledger.csv"})
    void ledgerCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        UsageExports.ledger(stats, Authentication.principal(request).tenantId(), range(from, to), response);
    }

    private UsageRange range(String from, String to) {
        return UsageStatsJson.range(from, to, clock);
    }
}
