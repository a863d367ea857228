package dev.vidgate.api.admin;

import dev.vidgate.api.UsageExports;
import dev.vidgate.api.UsageStatsJson;
import dev.vidgate.billing.Billing;
import dev.vidgate.billing.UsageRange;
import dev.vidgate.billing.UsageStats;
import dev.vidgate.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.InstantSource;

/**
 * The operator's usage dashboard over a range of UTC days, of every tenant or of the one named by {@code tenant} (id or
 * name): {@code GET /admin/v1/usage/stats}, and the usage and the ledger as CSV.
 */
@RestController
final class UsageStatsAdminRoutes {
    private final UsageStats stats;
    private final Billing billing;
    private final Tenants tenants;
    private final InstantSource clock;

    UsageStatsAdminRoutes(UsageStats stats, Billing billing, Tenants tenants, InstantSource clock) {
        this.stats = stats;
        this.billing = billing;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/admin/v1/usage/stats")
    UsageStatsJson stats(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        String tenantId = tenants.idOrAll(tenant);
        UsageRange range = range(from, to);
        return UsageStatsJson.of(range, tenantId, stats.report(tenantId, range));
    }

    @GetMapping("/admin/v1/usage/usage.csv")
    void usageCsv(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        UsageRange range = range(from, to);
        UsageExports.usage(billing.usage(tenants.idOrAll(tenant), null, range.from(), range.to()), response);
    }

    @GetMapping("/admin/v1/usage/ledger.csv")
    void ledgerCsv(@RequestParam(required = false) String tenant, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        UsageExports.ledger(stats, tenants.idOrAll(tenant), range(from, to), response);
    }

    private UsageRange range(String from, String to) {
        return UsageStatsJson.range(from, to, clock);
    }
}
